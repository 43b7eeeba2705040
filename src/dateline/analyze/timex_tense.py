"""The tense of the verb that governs a word, read from the spaCy parse already made (no second parse).

Whether "Friday" lies behind or ahead of the publication date depends on it: "met on Friday" is
past, "will meet on Friday", "is going to meet" and "is scheduled to meet" are future. Cost: a walk up
the dependency tree of at most a dozen tokens, and a look at the verb's auxiliaries.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

PAST, FUTURE, PRESENT, NO_TENSE = "past", "future", "present", "none"

FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "’ll", "wo"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'ve", "’ve", "been"})
# Verbs whose present tense looks ahead: "expects second-half growth" is next half's.
FORECAST_VERBS = frozenset({"expect", "plan", "schedule", "intend", "forecast", "predict", "project",
                            "anticipate", "hope", "aim"})
INTENT_VERBS = frozenset({"expect", "schedule", "plan", "set", "due", "intend", "hope", "aim", "prepare",
                          "slate", "propose", "promise", "vow", "pledge", "want", "seek", "agree", "decide",
                          "threaten", "poise"})


def _looks_ahead(verb: Token, auxiliaries: set[str]) -> bool:
    """Whether a verb is future by construction: "will meet", "going to meet", "expected to meet"."""
    if auxiliaries & FUTURE_AUXILIARIES:
        return True
    head = verb.head
    if "to" in auxiliaries and head.i != verb.i:
        if head.lemma_.lower() == "go" and head.tag_ == "VBG":
            return True
        if head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP"):
            return True  # "is to resume trading Tuesday"
        planned = head.lemma_.lower() in INTENT_VERBS or head.lower_ in ("due", "set", "poised", "scheduled")
        # "had been scheduled to expire Friday": the plan, and its day, are in the past.
        if planned and not any(c.lower_ == "had" for c in head.children):
            return True
    going = verb.lemma_.lower() == "go" and verb.tag_ == "VBG"
    return going and any(c.dep_ == "xcomp" for c in verb.children)


def verb_tense(verb: Token) -> str:
    """Return past, future, present or none for a verb from its tag and auxiliaries."""
    auxiliary_tokens = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    auxiliaries = {a.lower_ for a in auxiliary_tokens}
    if _looks_ahead(verb, auxiliaries):
        return FUTURE
    if any(a.tag_ == "VBD" for a in auxiliary_tokens) or auxiliaries & PERFECT_AUXILIARIES:
        return PAST
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxiliary_tokens):
        return PAST
    if "would" in auxiliaries:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP", "VBN") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliary_tokens):
        return FUTURE if verb.lemma_.lower() in FORECAST_VERBS else PRESENT
    head = verb.head
    if verb.tag_ in ("VB", "VBG") and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        return verb_tense(head)  # "began gathering", "tried to push": the tense of the verb above
    return NO_TENSE


def tense_at(doc: Doc, token_index: int) -> str:
    """Return the tense of the verb that governs the token at an index (none in a verbless headline)."""
    token = doc[token_index]
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return verb_tense(token)
        if token.head.i == token.i:
            break
        token = token.head
    return NO_TENSE
