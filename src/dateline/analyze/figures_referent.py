"""Find what a figure is about from the parse, and the key that groups one referent across articles.

The referent is the noun phrase the number measures: the noun it modifies ("a $12-million dredging
package"), the complement it takes ("€2.5m in emergency flood relief", "40% of the fleet"), or the
subject of the verb that gives it ("the plan will cost the city $12 million"). A part of a whole
("a $900 million allocation" in "a transit bill that included ...") refers to the whole.
``referent_key`` reduces a referent to a short canonical phrase ("aid package") so that figures
written differently by different outlets can be grouped and compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

# Heads that name a whole made of money or things; "X package" takes its content ("of support") along.
CONTAINER_NOUNS = frozenset({
    "package", "bill", "deal", "bundle", "legislation", "measure", "plan", "budget", "fund", "programme",
    "program", "agreement", "request", "proposal", "supplemental"
})  # fmt: skip
# Heads that name a part of a whole: their figure belongs to the whole when the text names it.
PART_NOUNS = frozenset({
    "allocation", "tranche", "portion", "share", "part", "slice", "chunk", "installment", "instalment",
    "component", "fraction", "segment", "earmark"
})  # fmt: skip
# Verbs whose subject is the thing a number measures: "the plan will cost $12 million".
VALUE_VERBS = frozenset({
    "cost", "total", "amount", "reach", "top", "exceed", "surpass", "hit", "rise", "climb", "grow", "jump",
    "soar", "increase", "fall", "drop", "decline", "shrink", "plunge", "stand", "be", "become", "equal",
    "value", "estimate", "worth", "near", "measure", "span", "stretch", "run", "extend", "cover", "weigh",
    "last"
})  # fmt: skip
INCLUDE_VERBS = frozenset(
    {"include", "contain", "provide", "earmark", "allocate", "comprise", "feature", "set"}
)
# Modifiers that describe a referent's state or size, not which thing it is.
GENERIC_MODIFIERS = frozenset({
    "new", "recent", "latest", "additional", "further", "fresh", "extra", "huge", "massive", "big",
    "major", "initial", "previous", "proposed", "planned", "promised", "approved", "pledged", "delayed",
    "long-delayed", "long-awaited", "stalled", "so-called", "total", "overall", "whole", "entire", "such",
    "other", "same", "own", "much-needed", "crucial", "vital", "urgent"
})  # fmt: skip
PERSON_NOUNS = frozenset({
    "people", "person", "persons", "civilian", "soldier", "troop", "member", "lawmaker", "legislator",
    "official", "democrat", "republican", "resident", "child", "adult", "woman", "man", "refugee",
    "migrant", "worker", "voter", "senator", "representative", "minister", "leader", "journalist",
    "prisoner", "victim", "patient", "student", "protester", "fighter", "militant", "employee", "staff",
    "personnel", "officer", "diplomat", "delegate", "citizen", "casualty"
})  # fmt: skip
# Nouns a spelled "one" often modifies in idioms ("on one hand"), where it counts nothing.
ONE_IDIOMS = frozenset({"hand", "day", "time", "way", "thing", "point", "reason", "side", "another"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
FIGURE_TO_NOUN_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod", "npadvmod"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NAMED_ENTITY_LABELS = frozenset({"GPE", "PERSON", "ORG", "LOC", "NORP", "DATE", "TIME", "FAC"})
# Referent-key synonyms: outlets write the same thing as "support", "assistance" or "aid".
KEY_SYNONYMS = {
    "assistance": "aid", "support": "aid", "help": "aid", "bill": "package", "bundle": "package",
    "legislation": "package", "longer-term": "long-term", "shorter-term": "short-term",
}  # fmt: skip
KEY_CONTAINERS = frozenset({"package", "deal", "plan", "budget", "fund", "programme", "program", "request"})
SPACES_RE = re.compile(r"\s+")
QUOTES_RE = re.compile(r"[\"“”‘’']")


@dataclass(frozen=True, slots=True)
class Referent:
    """The phrase a figure is about: its text (lemmatised, lower-case), where it is, and its head noun."""

    text: str
    start: int
    end: int
    head: Token


def figure_anchor(figure: Span, number: Token | None = None) -> Token:
    """Return the token through which the figure attaches to the rest of the sentence.

    From the number itself when given: in "between 10 and 12 boats" it is "10", not "between".
    """
    inside = range(figure.start, figure.end)
    if number is not None and number.i in inside:
        for _ in range(len(figure)):
            if number.head.i not in inside or number.head.i == number.i:
                return number
            number = number.head
    for token in figure:
        if token.dep_ != "punct" and (token.head.i not in inside or token.head.i == token.i):
            return token
    return figure.root


def referent_of(figure: Span, kind: str, number: Token | None = None) -> Referent | None:
    """Return what a figure (its tokens, kind and number token) is about, or None when the parse says not."""
    inside = frozenset(range(figure.start, figure.end))
    anchor = figure_anchor(figure, number)
    if kind == "duration":
        # A duration is about the noun it modifies ("two-day visit"), never the clause around it.
        noun = _modified_noun(anchor, inside)
        return None if noun is None or not noun.text[0].isalpha() else _phrase(noun, inside)
    noun = (
        _complement(figure, inside, kind)
        or _modified_noun(anchor, inside)
        or _apposed_noun(anchor)
        or _measured_subject(anchor)
    )
    if noun is None or noun.i in inside or not noun.text[0].isalpha():
        return None
    return _phrase(_whole_for_part(noun), inside)


def _complement(figure: Span, inside: frozenset[int], kind: str) -> Token | None:
    """Return the noun of the figure's own complement: "40% of the fleet", "$2 million in grants"."""
    preps = {"of", "in"} if kind == "money" else {"of"}
    holders = list(figure)
    holders += [c for t in figure for c in t.children if c.lower_ == "worth"]
    after = figure.doc[figure.end] if figure.end < len(figure.doc) else None
    preps_found = [p for t in holders for p in t.children if p.dep_ == "prep"]
    if after is not None and after.lower_ == "worth":
        preps_found += [p for p in after.children if p.dep_ == "prep"]
    elif after is not None and after.dep_ == "prep":
        preps_found.append(after)  # "set aside €2.5m in relief": the parser hangs "in" on the verb
    for prep in preps_found:
        if prep.i in inside or prep.lower_ not in preps:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.i not in inside and _is_referent_noun(pobj):
                return pobj
    return None


def _is_referent_noun(token: Token) -> bool:
    """Tell whether a complement can be what a figure measures (a common noun, not a place or date)."""
    if token.pos_ == "NOUN":
        return token.ent_type_ not in ("DATE", "TIME")
    return token.pos_ == "PROPN" and token.ent_type_ not in NAMED_ENTITY_LABELS


def _modified_noun(anchor: Token, inside: frozenset[int]) -> Token | None:
    """Return the noun the figure modifies: "$60-billion package", "fourth trip", "second-largest city"."""
    token = anchor
    while token.dep_ in ("advmod", "amod", "npadvmod") and token.head.pos_ in ("ADJ", "ADV"):
        if token.head.i == token.i:
            return None
        token = token.head
    if token.dep_ in FIGURE_TO_NOUN_DEPS and token.head.pos_ in NOUN_POS and token.head.i not in inside:
        noun = token.head
        return _modified_noun(noun, inside) if noun.lower_ == "worth" else noun
    return None


def _apposed_noun(anchor: Token) -> Token | None:
    """Return the noun a figure stands beside ("the package, $60 billion"), unless it is a payer."""
    if anchor.dep_ != "appos" or anchor.head.pos_ not in NOUN_POS:
        return None
    noun = anchor.head
    if noun.dep_ in ("dobj", "dative") and noun.head.lemma_ in VALUE_VERBS:
        # "costing the city tens of millions": the parser hangs the amount on the payer.
        return _subject(noun.head)
    return noun


def _measured_subject(anchor: Token) -> Token | None:
    """Return what a verb says the figure measures: "the plan will cost $12 million" -> plan."""
    token = anchor
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
        token = token.head
        if token.lower_ == "of" and token.head.pos_ in NOUN_POS:
            return token.head  # "a package of $60 billion", "an increase of 5%"
        if token.lower_ == "by" and token.head.pos_ in ("VERB", "AUX"):
            return _changed_thing(token.head)
    verb = token.head
    if token.dep_ == "npadvmod" and verb.pos_ == "ADP":
        verb = verb.head  # "span roughly 1.2 kilometres across": the amount hangs on the preposition
    if token.dep_ not in ("dobj", "attr", "npadvmod", "acomp", "oprd", "prep", "appos") or verb.i == token.i:
        return None
    if verb.lemma_ == "worth":
        if verb.dep_ == "amod" and verb.head.pos_ in NOUN_POS:
            return verb.head
        verb = verb.head
    if verb.lemma_ in VALUE_VERBS:
        if verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS:
            return verb.head  # "a package totalling $5 billion"
        return _subject(verb)
    if verb.lemma_ in INCLUDE_VERBS:
        return _container_of(verb)
    return None


def _changed_thing(verb: Token) -> Token | None:
    """Return what a change "by" an amount applies to: the object ("cut its budget by 5%") or the subject."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in NOUN_POS:
            return child
    return _subject(verb)


def _subject(verb: Token) -> Token | None:
    """Return the nominal subject of a verb, following conjoined and open clauses; None for pronouns."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child if child.pos_ in NOUN_POS else None
        if verb.dep_ == "relcl" and verb.head.pos_ in NOUN_POS:
            return verb.head
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _container_of(verb: Token) -> Token | None:
    """Return the package a verb of inclusion belongs to ("a package that included ...")."""
    container = verb.head if verb.dep_ == "relcl" else _subject(verb)
    if container is not None and container.lemma_.lower() in CONTAINER_NOUNS:
        return container
    return None


def _whole_for_part(noun: Token) -> Token:
    """Return the whole a part noun belongs to ("allocation" in "a package that included an allocation")."""
    if noun.lemma_.lower() not in PART_NOUNS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in CONTAINER_NOUNS:
                    return pobj
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.lemma_ in INCLUDE_VERBS:
        return _container_of(noun.head) or noun
    return noun


def _phrase(noun: Token, inside: frozenset[int], with_of: bool = True) -> Referent:
    """Build the referent phrase: informative modifiers, the head lemma, and a container's "of" content."""
    words: list[str] = []
    start, end = noun.idx, noun.idx + len(noun)
    for child in noun.lefts:
        if child.dep_ not in MODIFIER_DEPS or child.i in inside:
            continue
        written = [t for t in child.subtree if t.i <= child.i]
        if any(t.like_num or t.pos_ == "NUM" for t in written if t.i not in inside):
            continue  # a number in a modifier is another figure ("(620-mile) front")
        group = [t for t in written if t.i not in inside and _keeps(t)]
        while group and group[0].dep_ == "punct":
            group.pop(0)
        if not _is_modifier(group):
            continue
        words.append(_join(group))
        start = min(start, group[0].idx)
    words.append(noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.lower_)
    text = " ".join(words)
    if with_of and noun.lemma_.lower() in CONTAINER_NOUNS | PART_NOUNS:
        content = _of_content(noun, inside)
        if content is not None:
            text = f"{text} of {content.text}"
            end = content.end
    return Referent(text, start, end, noun)


def _is_modifier(group: list[Token]) -> bool:
    """Tell whether a modifier group says which thing the referent is (not a size, a number or a misparse)."""
    if not group:
        return False
    if sum(t.dep_ != "punct" for t in group) > 4 or any("\n" in t.whitespace_ for t in group[:-1]):
        return False  # a long or line-crossing modifier is the parser gluing boilerplate together
    last = group[-1].lower_
    return last not in GENERIC_MODIFIERS and _join(group) not in GENERIC_MODIFIERS


def _join(tokens: list[Token]) -> str:
    """Join tokens as written ("short-term"), with one space where the text had any gap."""
    parts: list[str] = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        parts.append(token.lower_)
        if following is not None and token.idx + len(token) != following.idx:
            parts.append(" ")
    return "".join(parts)


def _keeps(token: Token) -> bool:
    """Tell whether a token belongs in a referent phrase (not a determiner, possessive, number or symbol)."""
    if token.dep_ in ("det", "poss", "case", "nummod", "quantmod", "cc", "prep", "predet"):
        return False
    if token.is_punct or token.pos_ in ("PUNCT", "SYM", "X"):
        return token.text in ("-", "–")
    return any(c.isalpha() for c in token.text)


def _of_content(noun: Token, inside: frozenset[int]) -> Referent | None:
    """Return the "of" complement of a container or part noun ("package of support")."""
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and pobj.i not in inside:
                    return _phrase(pobj, inside, with_of=False)
    return None


def is_person_noun(token: Token) -> bool:
    """Tell whether a counted noun counts people ("30 House Democrats", "5,000 troops")."""
    return token.ent_type_ in ("NORP", "PERSON") or _singular(token.lemma_.lower()) in PERSON_NOUNS


def is_one_idiom(token: Token) -> bool:
    """Tell whether a noun counted by a spelled "one" is an idiom ("on one hand", "one day")."""
    return token.lemma_.lower() in ONE_IDIOMS


def _singular(word: str) -> str:
    """Return a rough singular of an English noun (for nouns the lemmatiser leaves as proper names)."""
    if word.endswith("ies") and len(word) > 4 and not word.endswith(("series", "species")):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ies")) and len(word) > 3:
        return word[:-1]
    return word


def referent_key(referent: str) -> str:
    """Reduce a referent to the key that groups it across articles: the head plus its most telling modifier.

    "package of support", "foreign aid package" and "financial aid bill" all give "aid package";
    "short-term military assistance" gives "military aid", "longer-term aid" gives "long-term aid".
    """
    text = SPACES_RE.sub(" ", QUOTES_RE.sub("", referent.lower().replace("–", "-"))).strip()
    if not text:
        return ""
    head_part, _, of_part = text.partition(" of ")
    words = head_part.split()
    head = _key_word(_singular(words[-1]))
    modifiers = [w for w in words[:-1] if w not in GENERIC_MODIFIERS]
    if head in KEY_CONTAINERS and of_part:
        content: str | None = _key_word(_singular(of_part.split()[-1]))
    else:
        content = _key_word(modifiers[-1]) if modifiers else None
    return f"{content} {head}" if content else head


def _key_word(word: str) -> str:
    """Return the canonical spelling of one word of a referent key."""
    return KEY_SYNONYMS.get(word, word)
