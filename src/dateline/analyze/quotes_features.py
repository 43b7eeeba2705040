"""Features of a parsed token for the quote model: is it a speech cue, and which of its dependents say what.

Shared by ``scripts/train_quotes.py`` (which fits the weights on PolNeAR's train split) and
``quotes_model`` (which scores with them), so training and use read the parse the same way. Each
feature is a short string; a model is a weight per string. Cheap: a handful of attribute reads per
token, no second parse.
"""

from __future__ import annotations

from spacy.tokens import Token

CANDIDATE_POS = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
SKIP_CHILD_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "punct", "cc", "det", "prt", "mark",
     "case", "poss", "predet", "dep", "intj", "appos", "agent"}
)
"""Dependents that are never the content of a speech act."""


def is_candidate(token: Token, lexicon: frozenset[str]) -> bool:
    """Tell whether a token may be a speech cue: a verb, or a word the training data used as one."""
    return token.pos_ in CANDIDATE_POS or token.lemma_.lower() in lexicon


def cue_features(token: Token, in_quote: bool, sentence_has_quote: bool) -> list[str]:
    """Return the features of a token as a possible speech cue."""
    lemma = token.lemma_.lower()
    feats = [
        "bias",
        f"l={lemma}",
        f"p={token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"ld={lemma}|{token.dep_}",
        f"lt={lemma}|{token.tag_}",
        f"hd={token.head.lemma_.lower()}|{token.dep_}",
        f"q={in_quote}",
        f"sq={sentence_has_quote}",
        f"lq={lemma}|{in_quote}",
    ]
    child_deps = set()
    for child in token.children:
        dep = child.dep_
        child_deps.add(dep)
        if dep in SUBJECT_DEPS:
            kind = _subject_kind(child)
            feats.append(f"subj={kind}")
            feats.append(f"lsubj={lemma}|{kind}")
            feats.append(f"sl={child.lemma_.lower()}")
        elif dep in ("dobj", "attr", "acomp", "xcomp", "ccomp", "oprd"):
            feats.append(f"{dep}={child.lemma_.lower()}")
            feats.append(f"lcp={lemma}|{dep}|{child.pos_}")
        if dep == "prep":
            feats.append(f"prep={child.lower_}")
            feats.append(f"lprep={lemma}|{child.lower_}")
        if dep == "punct" and child.is_quote:
            feats.append("quote-child")
        if dep == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            feats.append("that-clause")
    for dep in child_deps:
        feats.append(f"c={dep}")
        feats.append(f"lc={lemma}|{dep}")
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    feats.append(f"next={_word_class(after)}")
    feats.append(f"prev={_word_class(before)}")
    feats.append(f"lnext={lemma}|{_word_class(after)}")
    if token.dep_ == "ROOT":
        feats.append(f"root-tag={token.tag_}")
    return feats


def _word_class(token: Token | None) -> str:
    """Describe a neighbouring token for the cue model: an edge, a quote mark, punctuation, or the word."""
    if token is None:
        return "EDGE"
    if token.is_quote:
        return "QUOTE"
    if token.is_punct:
        return token.text if token.text in (",", ":", ".", "—") else "PUNCT"
    if token.is_space:
        return "SPACE"
    return token.lower_ if token.is_stop else token.pos_


def content_features(cue: Token, part: Token, relation: str) -> list[str]:
    """Return the features of one dependent (or the head) of a cue as the content of what was said."""
    lemma = cue.lemma_.lower()
    side = "L" if part.i < cue.i else "R"
    size = part.right_edge.i - part.left_edge.i + 1
    size_bin = "1" if size == 1 else "2-3" if size <= 3 else "4-8" if size <= 8 else "9+"
    feats = [
        "bias",
        f"r={relation}",
        f"rs={relation}|{side}",
        f"lr={lemma}|{relation}",
        f"rp={relation}|{part.pos_}",
        f"rz={relation}|{size_bin}",
        f"side={side}",
    ]
    if relation == "prep":
        feats.append(f"prep={part.lower_}")
        feats.append(f"lprep={lemma}|{part.lower_}")
    if relation.startswith("^"):
        feats.append(f"cue-dep={cue.dep_}")
    return feats


def _subject_kind(subject: Token) -> str:
    """Describe a subject for the cue model: a pronoun, a person or group name, or a common noun."""
    if subject.pos_ == "PRON":
        return "pron-" + subject.lower_ if subject.lower_ in ("who", "it", "that", "which") else "pron"
    if subject.ent_type_:
        return "ent-" + subject.ent_type_
    return subject.pos_
