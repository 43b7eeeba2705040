"""Where a word stands in an article's parse, as the speaker resolver asks it: in the main clause or in a clause
on a thing, described or named, and which noun a relative pronoun stands for. Pure functions of spaCy tokens,
mending the parse where it often errs."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.entities_lexicon import HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS
from dateline.analyze.quotes_speaker_phrase import modal_name

TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
QUANTIFIERS = frozenset(
    {"most", "many", "some", "all", "several", "none", "few", "half", "both", "each", "one", "two", "three", "majority"}
)
"""Words that take part of a group a relative "of whom" names ("most of whom", "many of whom")."""
PERSON_NOUNS = TITLE_HEADS | frozenset(
    {
        "man", "woman", "person", "source", "voter", "resident", "supporter", "candidate", "nominee",
        "front-runner", "frontrunner", "incumbent", "businessman", "businesswoman", "billionaire", "activist",
        "expert", "strategist", "consultant", "organizer", "protester", "worker", "owner", "student", "teacher",
        "professor", "lawyer", "doctor", "father", "mother", "son", "daughter", "wife", "husband", "friend",
        "veteran", "delegate", "donor", "operative", "pollster", "historian", "scientist", "researcher",
        "democrat", "republican", "congressman", "congresswoman", "politician", "writer", "author", "host",
    }
)
"""Heads of a description that names one person ("the front-runner"), whom "he" or "she" may refer to."""
NAMING_VERBS = frozenset({"name", "call", "know", "dub", "identify"})
"""Verbs of a clause that gives a noun its name ("an academic named Eric Kingson")."""


def in_main_clause(subject: Token) -> bool:
    """Tell whether a subject belongs to its sentence's main clause (or a clause beside or before it), not
    to a reported or embedded one ("He thinks that Trump is racist": Trump is not what the next "he" is)."""
    verb = subject.head
    while (verb.dep_ in ("conj", "advcl") or verb.dep_ == "advmod" and verb.pos_ == "ADV") and verb.head.i != verb.i:
        verb = verb.head  # "As far as whether Sanders still senses anger …, the Vermont senator acknowledged"
    return verb.dep_ == "ROOT"


def in_trailing_clause(token: Token) -> bool:
    """Tell whether a word lies in a clause trailing a main clause with a subject of its own ("…, hours after Trump
    unleashed tweets shaming Alicia Machado"): had the main subject been that person, the writer would have said
    "he"; nor is someone the clause merely mentions who the main subject is."""
    if in_clause_on_a_thing(token):
        return True  # "the 2011 raid that killed 9/11 plotter Osama bin Laden": what the raid did, not who spoke
    for verb in token.ancestors:
        if verb.dep_ == "advcl" and verb.i > verb.head.i:
            return any(child.dep_ in ("nsubj", "nsubjpass") and child.i < verb.i for child in verb.head.children)
    return False


def in_clause_on_a_thing(token: Token) -> bool:
    """Tell whether a word lies, not as its subject, in a clause that tells what a thing did or was ("the raid that
    killed Osama bin Laden"); "speeches Sotomayor has given" and "an academic named Eric Kingson" are about them."""
    for verb in token.ancestors:
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
            subject = any(child.dep_ in ("nsubj", "nsubjpass") and token in child.subtree for child in verb.children)
            naming = verb.lemma_.lower() in NAMING_VERBS
            return not (subject or naming or verb.head.lemma_.lower() in PERSON_NOUNS)
    return False


def more_than_one(head: Token) -> bool:
    """Tell whether a description joins more than one person ("The Republican nominee and his aides", "the
    senator and the governor"), not one person's two callings under one article ("The former first lady and U.S.
    senator", "the former secretary of state and current Democratic presidential nominee", where the parser may
    hang the second on the first's of-phrase)."""
    joined = [child for child in head.children if child.dep_ == "conj"]
    joined += [c for p in head.children if p.dep_ == "prep" for o in p.children for c in o.children if c.dep_ == "conj"]
    return any(
        child.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in child.children) for child in joined
    )


def modal_named(token: Token) -> bool:
    """Tell whether a token is a name the tagger took for a modal ("“…,” Will wrote"; see ``modal_name``)."""
    modal = modal_name(token.head)
    return modal is not None and modal.i == token.i


def verb_taken_for_noun(token: Token) -> bool:
    """Tell whether a name opening its sentence is the subject of a verb the parser took for a plural noun:
    "Scott bristles at the suggestion …", "Trump charges that …" read as compounds ("Scott bristles" like "Scott
    trucks"), the name a modifier of the sentence's root."""
    head = token.head
    return (
        token.dep_ == "compound"
        and token.is_title
        and (token.i == token.sent.start or token.doc[token.i - 1].is_space)
        and head.dep_ == "ROOT"
        and head.tag_ in ("NNS", "VBZ")
        and head.i == token.i + 1
        and not any(child.dep_ == "det" for child in head.children)
        and head.i + 1 < len(head.doc)
        and head.doc[head.i + 1].dep_ in ("prep", "mark", "ccomp")
    )


def in_main_subject(token: Token) -> bool:
    """Tell whether a token lies in the subject phrase of its sentence's main clause ("The unprompted defense of
    Sanders … was as undermining …"; "More troubling was Trump's unwillingness …", where a subjectless copula's
    attribute is its subject): a person named there is what the sentence is about, never passed over. Not in the
    aside of a subject that is a name itself ("Trump, appearing after Clinton at the forum, cited …": Trump)."""
    start = token
    while token.head.i != token.i:
        inverted = token.dep_ == "attr" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children)
        if (token.dep_ in ("nsubj", "nsubjpass") or inverted) and in_main_clause(token):
            return token is start or token.pos_ != "PROPN"
        token = token.head
    return False


def bare_name(head: Token) -> str:
    """Return the proper nouns of a name phrase, without titles and forms of address ("Mayor", "Mr") and
    without the words that qualify a common noun in it ("Harbor" of "Harbor master Ana Ruiz")."""
    words = [
        tok.text
        for tok in head.subtree
        if tok.i <= head.i
        and tok.pos_ == "PROPN"
        and tok.head.pos_ != "NOUN"
        and tok.lower_ not in TITLE_WORDS
        and tok.lower_.rstrip(".") not in HONORIFICS
        and tok.lower_ not in HONORIFICS
    ]
    return " ".join(words)


def described_like_a_thing(head: Token) -> bool:
    """Tell whether a proper noun is described like a thing, not named like a person: an article and a word
    that qualifies it, with no title among them ("the lower Tamsin and the bay support 300 fishers"; "a defiant
    Okafor said" names a person only when the article names her elsewhere)."""
    before = [tok for tok in head.children if tok.i < head.i]
    return any(tok.dep_ == "det" and tok.lower_ in ("the", "a", "an") for tok in before) and any(
        tok.dep_ == "amod" and tok.lower_ not in TITLE_WORDS for tok in before
    )


def is_definite(head: Token) -> bool:
    """Tell whether a noun is introduced by "the" or "that" (a source met before)."""
    return any(child.dep_ == "det" and child.lower_ in ("the", "that", "this") for child in head.children)


def is_bare_definite(head: Token) -> bool:
    """Tell whether a noun stands with "the" (or "that", "this") and nothing else ("the company", "the statement"):
    a kind the article names no more of, met before."""
    return is_definite(head) and len(list(head.children)) == 1


def is_indefinite(head: Token) -> bool:
    """Tell whether a noun is introduced by "a", "an", "one" or "another" (one source among several)."""
    return any(
        child.dep_ in ("det", "nummod") and child.lower_ in ("a", "an", "one", "another") for child in head.children
    )


def quantified_group(head: Token) -> str | None:
    """Return "most of 95 retired generals and admirals" for "… 95 retired generals and admirals -- most of whom
    had announced …": the group a relative "of whom" stands for, the part of it that speaks kept. The group is
    the noun phrase right before the comma or dash (the parse often hangs the clause elsewhere)."""
    if head.lower_ not in QUANTIFIERS:
        return None
    relative = any(
        child.dep_ == "prep" and child.lower_ == "of" and any(c.lower_ in ("whom", "which") for c in child.children)
        for child in head.children
    )
    if not relative or head.i < 2:
        return None
    doc = head.doc
    last = doc[head.i - 1]
    if not last.is_punct:
        return None
    last = doc[last.i - 1]
    if last.pos_ not in ("NOUN", "PROPN"):
        return None
    first = last
    while True:
        if first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        elif first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.tag_ == "NNS":
            first = first.head.head  # "family members of 9/11 victims", not "the support of 95 retired generals"
        else:
            break
    group = doc.text[first.left_edge.idx : last.idx + len(last.text)]
    return f"{head.lower_} of {' '.join(group.split())}"


def organisation_named(head: Token) -> str:
    """Return the name an organisation's head word closes ("Central and East European Coalition"), without "the"
    and without what follows it."""
    words = [tok for tok in head.subtree if tok.i <= head.i and tok.dep_ != "det"]
    return " ".join(tok.text for tok in words)


def named_as(token: Token) -> bool:
    """Tell whether a name is what a copula's subject is ("The wild card is Trump, who … . He sounded subdued"):
    the sentence is about the person it names, as if they were its subject."""
    return token.dep_ == "attr" and token.pos_ == "PROPN" and token.head.lemma_ == "be"


def named_owner(head: Token) -> str | None:
    """Return the name owning a description ("Obama" in "Obama's former campaign strategist"), which makes it as
    definite as "the": one person, met before or known."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN" and child.i < head.i:
            return " ".join(tok.text for tok in child.subtree if tok.pos_ == "PROPN")
    return None


def _owner_of_whose(pronoun: Token) -> Token | None:
    """Return the noun a "whose" stands for: the one its relative clause describes."""
    clause = next((verb for verb in pronoun.ancestors if verb.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return clause.head


def relative_antecedent(pronoun: Token) -> Token | None:
    """Return the noun a relative pronoun stands for ("Sullivan, who said" -> Sullivan), through an apposition to
    the name it describes ("John Bentel, a tech staffer at the State Department who told" -> Bentel), or that a
    "whose" stands for ("Okafor, whose criticism of the board has sharpened" -> Okafor)."""
    if pronoun.lower_ == "whose":
        return _owner_of_whose(pronoun)
    noun = _parsed_antecedent(pronoun)
    if noun is None or pronoun.lower_ not in ("who", "whom"):
        return noun
    described = noun.dep_ == "appos" and noun.tag_ in ("NN", "NNP") and noun.head.i < noun.i
    return noun.head if described and noun.head.ent_type_ == "PERSON" else noun


def _parsed_antecedent(pronoun: Token) -> Token | None:
    """Return the noun the parse hangs a relative pronoun's clause on, mended where the parse errs."""
    verb = pronoun.head
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        # "… of Bush-era figures, who are mystified that …" parsed as a sentence of its own: the noun before it
        before = pronoun.doc[pronoun.i - 2] if pronoun.i > 1 and pronoun.doc[pronoun.i - 1].text == "," else None
        if before is None or pronoun.lower_ not in ("who", "whom") or before.sent != pronoun.sent:
            return None
        return before if before.pos_ in ("NOUN", "PROPN") else None
    noun = verb.head
    if pronoun.lower_ not in ("who", "whom"):
        return noun
    conjuncts = [c for c in noun.conjuncts if noun.i < c.i < pronoun.i and c.ent_type_ == "PERSON"]
    if conjuncts and pronoun.doc[pronoun.i - 1].text == "," and conjuncts[-1].i == pronoun.i - 2:
        return conjuncts[-1]  # "Will Smith, Patti LaBelle and Stevie Wonder, who joked …": the last of a list
    # "nervous Democrats on Capitol Hill, who have argued": "who" is no place nor institution; the parser often
    # hangs the clause on the name that closes the noun phrase, or on a thing ("a focal point for demonstrators
    # here, who have taken to the streets") when people are named nearer
    if noun.ent_type_ in ("GPE", "LOC", "FAC", "ORG") and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        # the noun the preposition follows, wherever the parser hung it ("officials at the Authority")
        preposition = noun.head
        owner = preposition.doc[preposition.i - 1] if preposition.i > 0 else preposition
        return owner if owner.pos_ in ("NOUN", "PROPN") and owner.ent_type_ not in ("GPE", "LOC", "FAC") else noun
    if noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lemma_.lower() not in PERSON_NOUNS:
        nearest = pronoun.i - 1
        while nearest > noun.i and (pronoun.doc[nearest].is_punct or pronoun.doc[nearest].pos_ == "ADV"):
            nearest -= 1
        near = pronoun.doc[nearest]
        if near.i > noun.i and (near.tag_ in ("NNS", "NNPS") or near.ent_type_ in ("PERSON", "NORP")):
            return near
    return noun


def named_force(police: Token) -> tuple[str, str] | None:
    """Return the place a police force is named by and its name as written ("Charlotte-Mecklenburg police", "Jupiter
    Police Department"): the proper nouns right before "police", a hyphen between them kept."""
    if police.lower_ != "police":
        return None
    doc, k = police.doc, police.i - 1
    while k >= 0 and (
        (doc[k].pos_ == "PROPN" and doc[k].is_title)
        or (doc[k].text == "-" and not doc[k].whitespace_ and k > 0 and not doc[k - 1].whitespace_)
    ):
        k -= 1
    if k + 1 == police.i or doc[k + 1].text == "-":
        return None
    end = police.i + 1 if police.i + 1 < len(doc) and doc[police.i + 1].lower_ == "department" else police.i
    place = doc[k + 1 : police.i].text
    return place, doc[k + 1 : end + 1].text
