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
SIZE_BINS = ((3, "1-3"), (8, "4-8"), (15, "9-15"), (30, "16-30"))
"""Content length in words, binned for the quote filter."""
RARE = "rare"
"""The prior bin of a cue lemma train saw fewer than ``MIN_PRIOR_CANDIDATES`` times."""
MIN_PRIOR_CANDIDATES = 3
PRIOR_BINS = ((0.05, "lt05"), (0.15, "lt15"), (0.35, "lt35"), (0.65, "lt65"))
"""Upper bounds of the smoothed share of a lemma's candidate tokens that head a gold cue."""


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


def prior_bin(gold: int, candidates: int) -> str:
    """Bin how often a lemma heads a gold cue among its candidate tokens (a smoothed share).

    The cue model scores a token by its context as much as its lemma, so a verb that never reports
    speech ("tossed", "slashes") still passes it with a clause or a person as subject; this bin, read by
    the filter, says how often the lemma itself was a cue in train, pooled over all lemmas in the same bin.
    """
    if candidates < MIN_PRIOR_CANDIDATES:
        return RARE
    if gold == 0:
        return "never"
    share = gold / (candidates + 2)
    return next((label for limit, label in PRIOR_BINS if share < limit), "high")


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


def quote_features(
    text: str,
    cue: Token | None,
    cue_score: float,
    kind: str,
    fragments: list[tuple[int, int]],
    speaker: Token | None,
    quoted_cue: bool,
    sentence_index: int,
    cue_prior: str = RARE,
    subject_prior: str = RARE,
) -> list[str]:
    """Return the features of a whole assembled quote, for the filter that decides whether to keep it.

    The cue model sees one token; this sees what was built around it (kind, content size, speaker,
    where the cue stands), which tells a report of speech ("officials said the talks failed") from a
    verb that merely takes a clause ("the poll shows voters want change" is kept, "he wants to win"
    is not, depending on what the train split annotated).
    """
    start, end = fragments[0][0], fragments[-1][1]
    words = sum(len(text[s:e].split()) for s, e in fragments)
    size = next((label for limit, label in SIZE_BINS if words <= limit), "31+")
    feats = [
        "bias",
        f"k={kind}",
        f"kf={kind}|{min(len(fragments), 3)}",
        f"kq={kind}|{quoted_cue}",
        f"kh={kind}|{sentence_index == 0}",
        f"kspk={kind}|{_speaker_class(speaker)}",
    ]
    if speaker is not None and speaker.pos_ in ("NOUN", "PROPN") and not speaker.ent_type_:
        feats.append(f"spl={speaker.lemma_.lower()}")
        feats.append(f"kspp={kind}|{subject_prior}")
    if cue is None:
        feats.append(f"kn={kind}|nocue")
        return feats
    lemma = cue.lemma_.lower()
    where = "before" if cue.idx < start else "after" if cue.idx >= end else "inside"
    feats += [
        f"kz={kind}|{size}",
        f"kl={kind}|{lemma}",
        f"kls={kind}|{lemma}|{speaker is not None}",
        f"ks={kind}|{min(int(cue_score * 10), 9)}",
        f"kt={kind}|{cue.tag_}",
        f"kd={kind}|{cue.dep_}",
        f"kw={kind}|{where}",
        f"klw={lemma}|{where}",
        f"kprior={kind}|{cue_prior}",
    ]
    relation = _content_relation(cue, start)
    feats += [f"kr={kind}|{relation}", f"klr={lemma}|{relation}", f"kpr={kind}|{cue_prior}|{relation}"]
    for child in cue.children:
        if child.dep_ in ("aux", "neg") and child.lower_ not in ("has", "have", "had", "is", "was", "were", "are"):
            feats.append(f"aux={child.lower_}")
        if child.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            feats.append(f"kthat={kind}")
    sentence = cue.sent
    last = sentence[-1].text if len(sentence) else ""
    if last == "?" or (len(sentence) > 1 and sentence[-2].text == "?"):
        feats.append(f"kquestion={kind}")
    feats += _content_shape(cue, kind, start, end)
    feats.append(f"klspk={lemma}|{_speaker_class(speaker)}")
    return feats


def _content_shape(cue: Token, kind: str, start: int, end: int) -> list[str]:
    """Describe how the content opens and whether it holds a clause of its own.

    "said the bridge would reopen" (a finite clause) is a report far more often than "tossed a ball"
    (a bare object) or "appear to have resonated" (an infinitive); the cue lemma alone cannot tell
    these apart for a verb train saw seldom.
    """
    doc = cue.doc
    inside = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if not t.is_punct and not t.is_quote]
    if not inside:
        return [f"kfirst={kind}|none"]
    first = inside[0]
    opening = first.lower_ if first.is_stop or first.tag_ in ("WDT", "WP", "WRB", "IN", "TO") else first.pos_
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in inside)
    return [f"kfirst={kind}|{opening}", f"kfin={kind}|{finite}", f"klfin={cue.lemma_.lower()}|{finite}"]


def nesting_features(kind: str, inner: bool, outer: bool, cue_dep: str | None) -> list[str]:
    """Return the filter's features for a quote nested in another candidate's content, or holding one.

    The cue of an inner report hangs in the outer content ("... an anchor who questioned ..."); how the
    train split annotates such pairs depends on how the inner cue hangs there (a relative clause, a clause).
    """
    feats = []
    if inner:
        feats += [f"kinner={kind}", f"kinnerd={kind}|{cue_dep}"]
    if outer:
        feats.append(f"kouter={kind}")
    return feats


def _content_relation(cue: Token, start: int) -> str:
    """Name how the content hangs on its cue ("ccomp", "dobj", "^parataxis" when the cue hangs on it)."""
    for child in cue.children:
        if child.left_edge.idx == start:
            return f"{child.dep_}-{child.pos_}"
    return "^" + cue.dep_ if cue.head.i != cue.i else "other"


def _speaker_class(speaker: Token | None) -> str:
    """Describe a speaker for the quote filter: none, a pronoun, a named entity type, or a common noun."""
    if speaker is None:
        return "none"
    if speaker.pos_ == "PRON":
        return "pron-" + speaker.lower_
    if speaker.ent_type_:
        return "ent-" + speaker.ent_type_
    return speaker.pos_
