"""Claims whose subject voices nothing: the writer's judgement ("X seems to …") and a question no one named asks.

"The ferry operator appeared to be losing money" or "Mayor Arle seemed irritated" tells how things look to the
one writing; the subject is what the judgement is about, not who voices it. Attributing it to the subject
would put words in the mouth of someone who said nothing, the worst mistake a who-said-what tool can make. So
such a quote has no speaker, and its subject is part of what is judged ("The ferry operator … to be losing
money"). PolNeAR annotates these the same way: a source-less attribution whose content holds the subject.

Where the complement, or a verb joined to it, is itself an act of speech or thought ("Arle seemed to suggest that
…", "appeared to dismiss the report", "seemed taken aback and mentioned that …"), the subject does speak, and
keeps the quote; so does a judgement with its experiencer ("it seems to me"). "Appeared on television" or
"appeared before the board" has no complement and is left to the cue model.

"Asked about the pier, Okafor said it was safe" and "… when asked whether the ferry would run": the question is
put by someone the text does not name (a reporter, a pollster); Okafor is the one asked and answers in a quote
of his own. "Asked by reporters whether …" names who asks, and keeps them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

EVIDENTIAL_LEMMAS = frozenset({"seem", "appear"})
COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "oprd", "attr", "ccomp"})
"""How a judgement's complement hangs under "seem": "to be …", "irritated", "a reminder", "that …"."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def evidential_subject(cue: Token, speaks: Callable[[str], bool]) -> tuple[bool, tuple[int, int] | None]:
    """Tell whether a cue is the writer's judgement ("X seemed to …"); if so, also return the characters of its
    subject, which belong to the content (None for "it seems that …" or a participle with no subject).

    ``speaks`` tells whether a verb's lemma is one of speech or thought ("suggest", "dismiss"): a complement
    that is such a verb makes the subject the one who speaks after all.
    """
    if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in EVIDENTIAL_LEMMAS:
        return False, None
    complements = [
        child for child in cue.children
        if child.dep_ in COMPLEMENT_DEPS or (child.dep_ == "prep" and child.lower_ == "like")
    ]
    if not complements:
        return False, None
    if any(child.dep_ == "prep" and child.lower_ == "to" for child in cue.children):
        return False, None  # "it seems to me": the experiencer judges
    acts = [verb for child in complements for verb in (child, *child.conjuncts)] + list(cue.conjuncts)
    if any(verb.pos_ in ("VERB", "AUX") and speaks(verb.lemma_.lower()) for verb in acts):
        return False, None  # "seemed to suggest …", "seemed taken aback and mentioned that …"
    subjects = [child for child in cue.children if child.dep_ in SUBJECT_DEPS]
    if not subjects:
        return True, None
    subject = subjects[0]
    if subject.lower_ in ("it", "there") and any(child.dep_ == "ccomp" for child in complements):
        return True, None  # "it appears that …": the subject holds no place in what is judged
    left, right = subject.left_edge, subject.right_edge
    return True, (left.idx, right.idx + len(right.text))


def asked_by_no_one_named(cue: Token) -> bool:
    """Tell whether a cue is a question whose asker the text leaves out: "Asked about the pier, Okafor said …",
    "… when asked whether …" (a past participle with neither a subject nor a "by" agent)."""
    # the tagger takes a sentence's opening "Asked what …," for a past tense now and then
    if cue.lemma_.lower() != "ask" or not (cue.tag_ == "VBN" or (cue.tag_ == "VBD" and cue.dep_ == "advcl")):
        return False
    return not any(child.dep_ in (*SUBJECT_DEPS, "agent", "auxpass") for child in cue.children)
