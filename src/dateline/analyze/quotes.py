"""Find who said what in one parsed article: direct, mixed and indirect quotes with their speaker.

``find_quotes`` reads a Doc that is already parsed and the mentions ``find_mentions`` found in it.
A learned model (``quotes_model``) picks the speech cues ("said", "told", "according to", "wrote",
"tweeted" ...) and which of their dependents is the content; quoted passages (``quotes_marks``) give
the exact bounds of direct speech and are attached to the cue of their sentence, or continue the
previous quote when their own sentence has none ("..., he said. "More words.""); the speaker is the
cue's subject (or the agent, or the object of "according to") resolved to a person within the
article by ``quotes_speakers``. Where the layout names the speaker instead of a verb (a transcript's
"WALLACE: ...", a signed "..." ― Name, an embedded tweet, an inverted "Said Ellis: “...”"),
``quotes_transcript`` gives the speaker. A
cue's own content stays in its paragraph, and a short title-case passage ("Meet the Press.") or one
after "titled" or "the nickname" is a name, not speech. A speech act coordinated with a cue ("said ...
and warned against ...") reports its own content; a question the sentence splitter cut off from its
cue ("“Does anybody know?” Graham asked.") is still reported by it. The cue model proposes generously;
a second learned stage (the model's filter, over whole assembled quotes: kind, cue, content size and shape, speaker, and
how often train saw the cue lemma and the subject noun report speech) keeps the quotes that look like
what PolNeAR annotates, with a lower bar for direct speech. Linear in the number of tokens:
a few milliseconds an article.
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.analyze.quotes_features import (
    RARE,
    content_features,
    cue_features,
    is_candidate,
    nesting_features,
    quote_features,
)
from dateline.analyze.quotes_headline import headline_label, title_word
from dateline.analyze.quotes_marks import Passage, quoted_passages
from dateline.analyze.quotes_model import QuoteModel, content_parts, load_model, quote_context
from dateline.analyze.quotes_speaker_phrase import (
    LISTENER_VERBS,
    Speaker,
    aside_subject,
    find_speaker,
    fronted_subject,
    inverted_subject,
    lost_subject,
    speaker_span,
    subordinate_subject,
)
from dateline.analyze.quotes_speakers import SpeakerResolver
from dateline.analyze.quotes_transcript import (
    Label,
    exchanges,
    inversions,
    label_at,
    signatures,
    spoken_name,
    transcript_labels,
)
from dateline.analyze.quotes_unvoiced import asked_by_no_one_named, evidential_subject
from dateline.model import Mention, Quote

CONTENT_THRESHOLD = 0.4
"""A dependent of a cue this likely to be content is part of it: under an even bar, indirect content came out
too short ("described a rigged system" without "in terms familiar to ..."); 0.4 gained recall at the same
precision out of fold on train."""
RESOLVE_THRESHOLD = 0.5
"""A cue this likely may own quoted passages near it, and informs speaker resolution even when the filter drops
its quote; cues between the model's cue threshold and this one only report their own content."""
SPEECH_PRIORS = frozenset({"high", "lt65"})
"""Prior bins of cue lemmas that report speech more often than not in train ("said", "replied", "called")."""
LANDSCAPE_NOUNS = frozenset(
    {"river", "bay", "lake", "sea", "ocean", "coast", "shore", "island", "valley", "mountain", "hill", "creek",
     "estuary", "delta", "marsh", "wetland", "forest", "desert", "gulf", "strait", "channel", "reef", "sound"}
)
"""Nouns of the land and the water, subjects that never say anything."""
MIN_REPORT_WORDS = 2
"""What is left of a report once another cue takes its quoted passage is kept from this many words on."""
MIN_PASSAGE_WORDS = 4
"""A quoted passage shorter than this is a phrase (a title, a scare quote), not speech on its own."""
MIN_CONTINUED_WORDS = 2
"""A shorter passage of speech may still continue the quote just before it (a reply, an exclamation)."""
POSTPOSED_CHARS = 40
"""How far after a passage its own cue may stand when the parser put them in different sentences."""
DIRECT_SHARE = 0.85
"""A cue's content that is at least this much quoted text is direct speech."""
NAMING_WORDS = frozenset(
    {"titled", "entitled", "headlined", "dubbed", "nicknamed", "nickname", "slogan", "hashtag", "named"}
)
"""Words that introduce the name of a thing in quote marks, not words someone said."""
WORK_NOUNS = frozenset(
    {"show", "book", "memoir", "novel", "film", "movie", "documentary", "song", "album", "podcast", "sitcom"}
)
"""Works whose name a capitalised passage right after them is ("the reality show “The Apprentice,”", "whose 2005
book “Harbor Lights,”"), unlike a description ("the show “the conservative news show of record.”")."""
CREDITED = re.compile(r"[ \t]*,?[ \t]*by[ \t]+(?:the[ \t]+)?[A-Z]")
"""What follows the headline of a piece a newsletter lists: "by" and its author or outlet."""
TITLE_SMALL_WORDS = frozenset({"with", "from", "into", "onto", "over", "upon", "than"})
"""Prepositions a title leaves in lower case ("Midday with Charlie Sykes")."""
TERM_WORDS = frozenset({"a", "an", "the", "separate", "so-called", "its", "their", "his", "her", "our"})
"""Words before a short passage that make it a term in quote marks ("a separate “liquidating trust.”")."""
NAME_MAX_WORDS = 8
"""The longest passage read as such a name."""
TITLE_MAX_WORDS = 6
TITLE_WORD_LETTERS = 4
"""A short passage whose every word of at least this many letters is capitalised reads as a title."""
EDGE_PUNCT = " \t\n\r,;:―—–-"
AS_SAID = frozenset(
    {"say", "write", "note", "tell", "explain", "observe", "argue", "recall", "put", "report", "remark", "add", "quip",
     "joke", "warn", "predict", "acknowledge", "admit"}
)
"""Verbs of an "As the paper noted," that gives the source of the clause after it."""
RUN_ON_WORDS = 3
"""At most this many words ("but", "and then") between a report's clause and a quoted passage that ends it."""
SIBLING_DEPS = frozenset({"conj", "advcl"})
SIBLING_THRESHOLD = 0.5
"""A dependent of a cue by these relations that is itself a cue this likely is a speech act of its own."""
CONTINUATION_SENTENCES = 3
"""A quote paragraph with no cue takes the speaker of a quote at most this many sentences before."""
BLOCK_INTRO_CHARS = 40
"""How far after its cue the colon that introduces a block quote may stand ("wrote in a statement:")."""
OPENING_MARKS = "\"“”‘’'«„"


@dataclass
class _Attribution:
    """A quote being assembled: its cue, content pieces, quoted passages and speaker."""

    cue: Token | None
    pieces: list[tuple[int, int]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    speaker: Speaker | None = None
    score: float = 0.0
    quoted_cue: bool = False
    """The cue itself stands inside quote marks (a verb of the quoted speaker, not of the reporter)."""


def find_quotes(
    doc: Doc, mentions: list[Mention], article_id: str = "", model: QuoteModel | None = None
) -> list[Quote]:
    """Return the quotes of one parsed article, in text order, with speakers resolved in the article."""
    model = model or load_model()
    resolver = SpeakerResolver(doc, mentions, model.genders)
    quotes: list[Quote] = []
    last: Quote | None = None
    labels = transcript_labels(doc.text, mentions) + signatures(doc.text) + inversions(doc.text)
    labels += exchanges(doc.text, mentions)
    headline = headline_label(doc.text, mentions)
    if headline is not None:
        labels.append(headline)
    spoken: set[Label] = set()
    for candidate in candidate_quotes(doc, article_id, model):
        quote, attribution = candidate.quote, candidate.attribution
        if headline is not None and headline.line_start <= quote.start and quote.end <= headline.content_end + 2:
            continue  # the headline's source said all of its claim (added below)
        cue_at = attribution.cue.idx if attribution.cue is not None else -1
        outside_cue = attribution.cue is not None and not attribution.quoted_cue and not (
            quote.start <= cue_at < quote.end
        )
        label = label_at(labels, quote.start, quote.end) if labels else None
        own_cue = label is not None and label.colon <= cue_at < max(label.content_start, label.colon + 1)
        if label is not None and outside_cue and not own_cue:
            label = None  # a cue of its own outside the line reports it, unless it is the line's own or in its opening
        if label is not None and label in spoken:
            continue  # a second reading of a line already given to its label ("… .” ― Name", the dash a cue too)
        if label is not None:
            # "WALLACE: Let's start ..." in quote marks: the label is who speaks, and not part of what is said
            spoken.add(label)
            quotes.append(_transcript_quote(doc, label, article_id, resolver, quote))
            last = quotes[-1]
            continue
        kept = (
            model.keeps(quote.kind, candidate.features)
            and not _headline_passive(doc, quote, attribution, model)
            and not _landscape_subject(attribution, model)
        )
        if not kept and attribution.score < RESOLVE_THRESHOLD:
            continue
        # a confident cue the filter drops still names who speaks next ("X said ... . He added")
        resolver.resolve(quote, attribution.speaker, attribution.cue)
        if attribution.cue is None and quote.speaker_name is None and last is not None:
            _continue_speaker(quote, last)
        if quote.speaker_name:
            # a copy: the one asked in "…,” she said, when asked whether …" answers in the passage after
            last = copy.copy(quote)
        if kept and quote.kind != "direct" and attribution.cue is not None:
            _unvoiced(doc.text, quote, attribution.cue, model)
        if kept:
            quotes.append(quote)
    for label in labels:
        if label not in spoken:
            quotes.append(_transcript_quote(doc, label, article_id, resolver))
    return _without_repeats(sorted(quotes, key=lambda q: q.start), doc.text)


def _unvoiced(text: str, quote: Quote, cue: Token, model: QuoteModel) -> None:
    """Take the speaker off a claim its subject does not voice (``quotes_unvoiced``): a writer's judgement ("The
    ferry operator appeared to be losing money"), whose subject becomes part of what is judged, and a question
    whose asker the text leaves out ("Asked about the pier, Okafor said …"). The resolver has seen the subject as
    usual: who the sentence is about is still whom a later "he" may stand for."""
    judged, subject = evidential_subject(cue, lambda lemma: model.cue_prior(lemma) in SPEECH_PRIORS)
    if not judged and not asked_by_no_one_named(cue):
        return
    quote.speaker_start = quote.speaker_end = None
    quote.speaker_text = quote.speaker_name = None
    quote.speaker_kind = "none"
    if subject is not None and not any(s < subject[1] and subject[0] < e for s, e in quote.fragments):
        quote.fragments = _merge([subject, *quote.fragments])
        quote.start, quote.end = quote.fragments[0][0], quote.fragments[-1][1]
        quote.text = " … ".join(text[s:e] for s, e in quote.fragments)


def _headline_passive(doc: Doc, quote: Quote, attribution: _Attribution, model: QuoteModel) -> bool:
    """Tell whether a headline's last words are a passive with "were" left out, not an attribution.

    "Chemical barge hits rail bridge near Marlow Bay, residents evacuated": a headline reports speech in the
    present ("…, mayor says") and leaves out the auxiliary of a passive, so a past form after the claim, of a
    verb that seldom reports speech, is what happened to its subject, not what the subject said.
    """
    cue = attribution.cue
    if cue is None or cue.tag_ not in ("VBD", "VBN") or cue.idx < quote.end:
        return False
    headline_end = doc.text.find("\n")  # a text of one line has no headline
    return 0 <= cue.idx < headline_end and model.cue_prior(cue.lemma_.lower()) not in SPEECH_PRIORS


def _landscape_subject(attribution: _Attribution, model: QuoteModel) -> bool:
    """Tell whether a cue that seldom reports speech has a river, a bay or a hill for its subject, which act but
    never speak: "The lower Aldery and the bay support some 300 licensed fishers" is no one's opinion."""
    cue, speaker = attribution.cue, attribution.speaker
    if cue is None or speaker is None or model.cue_prior(cue.lemma_.lower()) in SPEECH_PRIORS:
        return False
    heads = [speaker.token, *speaker.token.conjuncts]
    # common nouns only: "The Hill" reports and Cornel West speaks
    return any(head.pos_ == "NOUN" and head.lemma_.lower() in LANDSCAPE_NOUNS for head in heads)


def _without_repeats(quotes: list[Quote], text: str) -> list[Quote]:
    """Keep one quote per set of fragments, the one with a cue: a passage two readings found ("Continued Stone:
    “…”" as a layout and as the previous speaker's continuation) is one quote. A passage its own cue reports is
    also taken out of a run of passages that carried an earlier cue on."""
    best: dict[tuple[tuple[int, int], ...], Quote] = {}
    for quote in quotes:
        key = tuple(quote.fragments)
        if key not in best or (best[key].cue_start is None and quote.cue_start is not None):
            best[key] = quote
    kept = [quote for quote in quotes if best[tuple(quote.fragments)] is quote]
    cued = {quote.fragments[0] for quote in kept if quote.cue_start is not None and len(quote.fragments) == 1}
    for quote in kept:
        if len(quote.fragments) > 1 and cued.intersection(quote.fragments):
            quote.fragments = [fragment for fragment in quote.fragments if fragment not in cued]
            if quote.fragments:
                quote.start, quote.end = quote.fragments[0][0], quote.fragments[-1][1]
                quote.text = text[quote.start : quote.end]
    return [quote for quote in kept if quote.fragments]


def _transcript_quote(
    doc: Doc, label: Label, article_id: str, resolver: SpeakerResolver, found: Quote | None = None
) -> Quote:
    """Make the direct quote of a transcript line or a signed passage: the label or signature is the speaker, its
    colon or dash the cue (``found``: the quoted passage the parse already had there, if any)."""
    end = label.content_end
    if found is not None and label.content_start < found.end <= end and label.colon < label.content_start:
        end = found.end  # a transcript line whose quote marks close before the paragraph does
    text = doc.text
    start, end = _trim(text, label.content_start, end)
    quote = Quote(
        article_id=article_id, start=start, end=end, text=text[start:end], kind=label.kind, fragments=[(start, end)],
        cue_start=label.colon, cue_end=label.colon + label.cue_length,
        sentence_index=bisect.bisect_right([s.start_char for s in doc.sents], start) - 1,
    )
    span = doc.char_span(label.name_start, label.name_end, alignment_mode="expand")
    speaker = Speaker(span[-1], label.name_start, label.name_end) if span is not None and len(span) else None
    resolver.resolve(quote, speaker, None)
    transcript = label.colon < label.content_start
    if label.named:
        # a headline's source: a fuller form of it the article gives ("Trump": "Donald Trump"), else as written (a
        # transcript's rule of any name ending alike would take "NY Daily News" for "Breitbart News")
        resolved, words = (quote.speaker_name or "").split(), label.name.split()
        if len(resolved) > len(words) and resolved[-1].casefold() == words[-1].casefold():
            quote.speaker_name = " ".join(resolved)
        elif len(words) == 1:
            quote.speaker_name = spoken_name(label, resolver.spoken_names(), title_case=False)
        else:
            quote.speaker_name = label.name
    elif transcript or len(label.name.split()) == 1:
        # "WALLACE:" or "- Ruiz.": the fuller name the article gives; a signature's full name stands as written
        quote.speaker_name = spoken_name(label, resolver.spoken_names(), title_case=transcript)
    elif title_word(label.name.split()[0]) and len(label.name.split()) == 2:
        # "-President Obama, tweeting …": the full name the article gives the surname, not another title's
        names = [name for name in resolver.spoken_names() if name[:1].isalpha() and not title_word(name.split()[0])]
        quote.speaker_name = spoken_name(label, names, title_case=False)
    else:
        quote.speaker_name = label.name
    return quote


@dataclass
class Candidate:
    """A quote as assembled, before the filter and speaker resolution, with the filter's features."""

    quote: Quote
    attribution: _Attribution
    features: list[str]


def candidate_quotes(doc: Doc, article_id: str, model: QuoteModel) -> list[Candidate]:
    """Assemble every quote the cue model proposes, in the order speakers are resolved (no filter yet).

    ``scripts/train_quotes.py`` fits the filter on these, so training and use see the same candidates.
    """
    text = doc.text
    passages = quoted_passages(text)
    sent_starts = [sent.start_char for sent in doc.sents]
    attributions = _cue_attributions(doc, text, passages, model)
    _attach_passages(text, sent_starts, passages, attributions)
    candidates: list[Candidate] = []
    for attribution in sorted(attributions, key=_first_offset):
        speaker = attribution.speaker.token if attribution.speaker is not None else None
        for quote in _to_quotes(text, attribution, article_id, sent_starts):
            features = quote_features(
                text, attribution.cue, attribution.score, quote.kind, quote.fragments, speaker,
                attribution.quoted_cue, quote.sentence_index,
                model.cue_prior(attribution.cue.lemma_.lower()) if attribution.cue is not None else RARE,
                model.subject_prior(speaker.lemma_.lower()) if speaker is not None else RARE,
            )
            candidates.append(Candidate(quote, attribution, features))
    _add_nesting(candidates)
    return candidates


def _add_nesting(candidates: list[Candidate]) -> None:
    """Tell the filter which candidates report inside another's content, and which hold another's cue.

    "a star anchor who questioned his respect for women" inside "Republicans are watching ... clash with
    Megyn Kelly, a star anchor who questioned ...": the train split annotates such nested reports
    differently from stand-alone ones, and the filter learns how from these features.
    """
    cued = [(c.attribution.cue.idx, c) for c in candidates if c.attribution.cue is not None]
    for candidate in candidates:
        cue = candidate.attribution.cue
        kind = candidate.quote.kind
        own = cue.idx if cue is not None else None
        inner = own is not None and any(
            other.attribution.cue is not cue and any(s <= own < e for s, e in other.quote.fragments)
            for _, other in cued
        )
        outer = any(
            other.attribution.cue is not cue and any(s <= idx < e for s, e in candidate.quote.fragments)
            for idx, other in cued
        )
        candidate.features.extend(nesting_features(kind, inner, outer, cue.dep_ if cue is not None else None))


def _continue_speaker(quote: Quote, last: Quote) -> None:
    """Give a quote with no cue of its own the speaker of the quote just before, when that one is close."""
    if quote.sentence_index - last.sentence_index <= CONTINUATION_SENTENCES:
        quote.speaker_start, quote.speaker_end, quote.speaker_text = (
            last.speaker_start,
            last.speaker_end,
            last.speaker_text,
        )
        quote.speaker_name, quote.speaker_kind = last.speaker_name, last.speaker_kind


def _cue_attributions(doc: Doc, text: str, passages: list[Passage], model: QuoteModel) -> list[_Attribution]:
    """Score every candidate cue and keep the ones the model takes for speech, with their content."""
    context = quote_context(doc, passages)
    scores: dict[int, float] = {}
    quoted: dict[int, tuple[bool, bool]] = {}
    for token in doc:
        if is_candidate(token, model.lexicon):
            quoted[token.i] = context(token)
            scores[token.i] = model.cue.probability(cue_features(token, *quoted[token.i]))
    ends = [passage.end for passage in passages]
    found: list[_Attribution] = []
    reporter: dict[int, _Attribution] = {}
    inverted_speakers: set[int] = set()
    for i, score in scores.items():
        if score < model.cue_threshold:
            continue
        token, (in_quote, sentence_quote) = doc[i], quoted[i]
        if _that_said(token):
            continue
        siblings = _sibling_cues(token, scores)
        voices = _voices_after(token, scores, model)
        postposed = _right_after_passage(token, text, ends)
        content = _content(token, text, model, siblings + voices, postposed)
        pieces = _after_colon(text, token, passages, content) or _block_after(token, text)
        pieces = _after_as_clause(token, text) or pieces
        # no content of its own is fine when the sentence holds a quoted passage the cue may report, or when
        # the passage it reports ended the sentence before ("“Does anybody know?” Graham asked.")
        if not pieces and not sentence_quote and not postposed:
            continue
        aside = aside_subject(token)
        if aside is None:
            speaker = find_speaker(token, text)
        else:
            # "Any reading of the audit, said Tom Arle, a retired pilot, would find …": what was said is the
            # sentence around the aside
            speaker = _aside_speaker(aside[0], text)
            comma = text.rfind(",", token.sent.start_char, token.idx)
            pieces = [_trim(text, token.sent.start_char, comma), _trim(text, aside[1], token.sent.end_char)]
            pieces = [(start, end) for start, end in pieces if end > start]
            inverted_speakers.add(aside[0].i)
        fronted = fronted_subject(token, pieces) if speaker is None else None
        if fronted is not None:
            # "Sanders, meanwhile, who sits at zero endorsements, said …": the name and its aside are no content
            speaker = speaker_span(fronted[0], text)
            pieces = [piece for piece in pieces if piece != fronted[1]]
        lost = lost_subject(token) if speaker is None and fronted is None else None
        if lost is not None:
            # "Okafor, speaking later at a rally …, did not mention …, but said": the name and what stands between
            # it and the cue are no content
            speaker = speaker_span(lost, text)
            cut = _cut(pieces, (token.sent.start_char, token.idx + len(token.text)))
            pieces = [(start, end) for start, end in (_trim(text, s, e) for s, e in cut) if end > start]
        inverted = inverted_subject(token) if speaker is None and postposed else None
        if inverted is not None:
            # "“…,” said retired neurosurgeon Ben Carson, asked about …": the name and what follows it are no content
            speaker = _aside_speaker(inverted, text)
            inverted_speakers.add(inverted.i)
            pieces = [(start, end) for start, end in pieces if end <= token.idx]
        found.append(_Attribution(token, pieces, speaker=speaker, score=score, quoted_cue=in_quote))
        reporter.update((sibling.i, found[-1]) for sibling in siblings)
    # "“…,” said Ben Carson, asked about his claims …": the parse's subject of "asked" is who was asked
    found = [
        a for a in found
        if not (a.cue is not None and a.speaker is not None and a.speaker.token.i in inverted_speakers
                and a.cue.i > a.speaker.token.i)
    ]
    for attribution in found:
        # "Trump said he would order a review and warned ...": the sibling speaks with its cue's voice
        own = reporter.get(attribution.cue.i) if attribution.cue is not None else None
        if own is not None and own.speaker is not None and not _named_between(attribution, own):
            attribution.speaker = own.speaker
    return _drop_nested(found)


def _that_said(cue: Token) -> bool:
    """Tell whether a "said" is the idiom opening a sentence ("That said, the ferry cannot run before May"), which
    concedes a point and reports no one."""
    sentence = cue.sent
    return (
        cue.lower_ == "said"
        and cue.i == sentence.start + 1
        and cue.doc[sentence.start].lower_ in ("that", "this")
        and cue.i + 1 < sentence.end
        and cue.doc[cue.i + 1].text == ","
    )


def _after_as_clause(cue: Token, text: str) -> list[tuple[int, int]]:
    """Return the main clause an "As the paper noted," opening its sentence reports ("As the Harbor Gazette noted,
    the board has failed …"): the rest of the sentence after the clause's comma."""
    doc = cue.doc
    marked = any(child.dep_ == "mark" and child.lower_ == "as" for child in cue.children)
    subject = any(child.dep_ == "nsubj" and child.i < cue.i for child in cue.children)
    if cue.dep_ != "advcl" or not marked or not subject or cue.head.i < cue.i or cue.lemma_.lower() not in AS_SAID:
        return []
    # a comment on what follows says nothing itself ("As the paper noted,", "As Okafor told the Gazette,", "As
    # one aide put it,"), unlike a clause of its own ("As Okafor talked about …, Arle highlighted …")
    for child in cue.children:
        listener = child.dep_ == "dobj" and (cue.lemma_.lower() == "tell" or child.lower_ == "it")
        if child.dep_ not in ("mark", "nsubj", "aux", "advmod", "punct", "npadvmod") and not listener:
            return []
    first = cue.left_edge
    if first.i != cue.sent.start and not all(t.is_space or t.is_quote for t in doc[cue.sent.start : first.i]):
        return []
    comma = cue.right_edge.i + 1
    if comma >= cue.sent.end or doc[comma].text != ",":
        return []
    start, end = _trim(text, doc[comma].idx + 1, cue.sent.end_char)
    return [(start, end)] if end > start else []


def _aside_speaker(head: Token, text: str) -> Speaker:
    """Return the speaker phrase of a name after its cue, which ends at its comma ("said the woman, who like many
    in the town …", "said Tom Arle, a retired pilot, would …")."""
    speaker = speaker_span(head, text)
    comma = text.find(",", head.idx, speaker.end)
    return Speaker(head, speaker.start, comma) if comma > 0 else speaker


def _block_after(cue: Token, text: str) -> list[tuple[int, int]]:
    """Return the paragraph a cue introduces with a colon at the end of its own ("Limbaugh added:"), when the page
    lost the block quote's marks (a paragraph that opens with a mark is a quoted passage already)."""
    colon = text.find(":", cue.idx + len(cue.text))
    if colon < 0 or colon - cue.idx > BLOCK_INTRO_CHARS:
        return []
    if any(t.pos_ in ("VERB", "AUX") for t in cue.doc.char_span(cue.idx, colon, alignment_mode="expand") or []
           if t.i != cue.i):
        return []  # "He said he would explain:" introduces what the second verb says, if anything
    start = colon + 1
    while start < len(text) and text[start] in " \t\r\xa0":
        start += 1
    if not text.startswith("\n", start):
        return []
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if text[start : start + 1] in OPENING_MARKS or text.startswith("<", start):
        return []
    if len(text[start:end].split()) < MIN_PASSAGE_WORDS:
        return []
    return [_trim(text, start, end)]


def _named_between(sibling: _Attribution, reporter: _Attribution) -> bool:
    """Tell whether a sibling cue names a speaker of its own after its reporter's cue ("Trump has been targeting
    Machado since Clinton, at the debate, cited …"): that one speaks, not the reporter's subject."""
    if sibling.speaker is None or sibling.cue is None or reporter.cue is None:
        return False
    subordinate = subordinate_subject(sibling.speaker.token)
    return subordinate and reporter.cue.idx < sibling.speaker.start < sibling.cue.idx


def _after_colon(
    text: str, cue: Token, passages: list[Passage], pieces: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Cut from a cue's content the words that introduce, with a colon, the passage the cue follows.

    "Sen. Claire McCaskill scolded him: “The scientific community …,” she said": "she said" reports the quoted
    words, not "McCaskill scolded him", which the parse hangs on the same clause.
    """
    before = [p for p in passages if p.closed and p.end <= cue.idx and len(text[p.end : cue.idx]) <= POSTPOSED_CHARS]
    if not before or "\n" in text[before[-1].end : cue.idx]:
        return pieces
    passage = before[-1]
    cut: list[tuple[int, int]] = []
    for start, end in pieces:
        if start < passage.start <= end and text[start : passage.start].rstrip().endswith(":"):
            start = passage.start
        cut.append((start, end))
    return cut


def _sibling_cues(cue: Token, scores: dict[int, float]) -> list[Token]:
    """Return the speech acts coordinated with a cue, which report their own content and not part of its.

    "said he would order a review and warned against hackers", "said ..., arguing that ...": the parser hangs
    the second verb under the cue ("arguing") or, often, under the reported clause ("warned" under "order").
    In the clause, a subjectless conjunct in the cue's own tense ("said" ... "warned"), where the clause's verb
    has another form ("would order", "he'd battled"), is the reporter's verb, not the speaker's words; so is a
    participle after a comma that the parser hung on the clause ("said she did not expect it, arguing that").
    """
    def speech_act(token: Token) -> bool:
        return scores.get(token.i, 0.0) >= SIBLING_THRESHOLD and not _has_subject(token)

    def participle_after_comma(token: Token) -> bool:
        before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        return token.dep_ == "advcl" and token.tag_ == "VBG" and before is not None and before.text == ","

    siblings = [child for child in cue.children if child.dep_ in SIBLING_DEPS and speech_act(child)]
    for clause in cue.children:
        if clause.dep_ == "ccomp" and clause.tag_ != cue.tag_:
            siblings += [c for c in clause.children if c.dep_ == "conj" and c.tag_ == cue.tag_ and speech_act(c)]
        if clause.dep_ == "ccomp":
            # "said he did not believe it, arguing that …": the participle the parser hung on the clause
            siblings += [c for c in clause.children if participle_after_comma(c) and speech_act(c)]
    return siblings


def _voices_after(cue: Token, scores: dict[int, float], model: QuoteModel) -> list[Token]:
    """Return the speech acts with a subject of their own that the parser coordinated with the reported clause.

    "She said fathers would not be eligible, and when pressed on why, the mother of three replied, “…”": the
    parser hangs "replied" on the clause "she said" reports, but it is a speech act of its own, with its own
    speaker and words, not part of what she said.
    """
    return [
        conjunct
        for clause in cue.children
        if clause.dep_ == "ccomp"
        for conjunct in clause.children
        if conjunct.dep_ == "conj"
        and scores.get(conjunct.i, 0.0) >= RESOLVE_THRESHOLD
        and model.cue_prior(conjunct.lemma_.lower()) in SPEECH_PRIORS
        and _has_subject(conjunct)
    ]


def _content(
    cue: Token, text: str, model: QuoteModel, siblings: list[Token] | None = None, postposed: bool = False
) -> list[tuple[int, int]]:
    """Return the character pieces of what a cue reports, from the dependents the model picks, without the
    words of its sibling speech acts; ``postposed``: the cue follows the quoted passage it reports."""
    skip = {sibling.i for sibling in siblings or []}
    if postposed:
        # "“You winning?” she said, but Kevin was drifting off": after the quote it reports, a clause coordinated
        # with the cue under a subject of its own is the writer's next statement, not more of what was said
        skip |= {child.i for child in cue.children if child.dep_ == "conj" and _has_subject(child)}
    parts = [(part, relation, pieces) for part, relation, pieces in content_parts(cue) if part.i not in skip]
    picked = [
        (part, pieces) for part, relation, pieces in parts
        if model.content.probability(content_features(cue, part, relation)) >= CONTENT_THRESHOLD
    ]
    chosen = [pieces for _, pieces in picked]
    chosen += [pieces for part, relation, pieces in content_parts(cue) if _that_clause(part, relation, skip)]
    if not chosen:
        return []
    chosen += _more_of_the_content(cue, parts, [part for part, _ in picked])
    chosen += _subjects_split_off(cue, [part for part, _ in picked])
    # what a cue reports in its own words stays in its paragraph: a parse that runs on across a break
    # ("“…”\n\nBolton also discussed the lengths …") would glue the quote before to this report
    low = text.rfind("\n", 0, cue.idx) + 1
    high = text.find("\n", cue.idx)
    high = len(text) if high < 0 else high
    clipped = [(max(s, low), min(e, high)) for pieces in chosen for s, e in pieces]
    for sibling in siblings or []:
        clipped = _cut(clipped, _conjunct_span(sibling))
    return _merge([_trim(text, s, e) for s, e in clipped if e > s])


def _more_of_the_content(
    cue: Token, parts: list[tuple[Token, str, list[tuple[int, int]]]], picked: list[Token]
) -> list[list[tuple[int, int]]]:
    """Return the pieces of the verbs the parser coordinated with a cue that are more of its content: of the
    content's form ("pledged to cap and then gradually reduce their emissions", "mentioned refinancing loans and
    forcing universities to …"), with no subject or auxiliary of their own, without the clauses coordinated
    under them that have one ("… fix the system and he, once again, pledged …")."""
    forms = {_verb_form(part) for part in picked} - {None, cue.tag_}
    more = []
    for part, relation, pieces in parts:
        if relation == "conj" and part.tag_ in forms and part.i > cue.i and not _finite(part):
            for clause in part.children:
                if clause.dep_ == "conj" and _finite(clause):
                    pieces = _cut(pieces, _conjunct_span(clause))
            more.append(pieces)
    return more


def _subjects_split_off(cue: Token, picked: list[Token]) -> list[list[tuple[int, int]]]:
    """Return the subject the parser cut off a reported clause and hung on the cue instead ("said the days when
    the town had “one ferry for everyone” … are gone", with "days" a modifier of "said" and "are gone" the
    clause): a noun between the cue and a clause with no subject of its own is that clause's subject; so is a
    noun set before an aside ("The new ferry, she told the inquiry, would not run")."""
    more = []
    if any(part.pos_ in ("VERB", "AUX") and part.i > cue.i and not _has_subject(part) for part in picked):
        # "The new ferry, she told the inquiry, would not run before May": the clause's subject stands before the
        # aside, and the parser hung it on the cue
        more += [
            [(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))]
            for child in cue.children if _fronted_subject(cue, child)
        ]
    for part in picked:
        if part.dep_ != "ccomp" or part.head.i != cue.i or part.i < cue.i:
            continue
        if any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for child in part.children):
            continue
        for child in cue.children:
            if not cue.i < child.i < part.i or child.pos_ not in ("NOUN", "PROPN"):
                continue
            if all(token.ent_type_ in ("DATE", "TIME") for token in child.subtree):
                continue  # "said Friday that …" is when (not "said the days when the town had … are gone")
            if child.dep_ == "npadvmod" or (child.dep_ == "dobj" and cue.lemma_.lower() not in LISTENER_VERBS):
                more.append([(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))])
    return more


def _fronted_subject(cue: Token, child: Token) -> bool:
    """Tell whether a dependent of a cue is the subject of the clause it reports, set before an aside: a noun
    with a comma after it, then the aside ("she told the inquiry,": the cue's own subject, the cue, perhaps
    whom it was told, a comma), which the parser left unattached ("dep") or took for a second subject."""
    if child.dep_ not in ("dep", "nsubj") or child.pos_ not in ("NOUN", "PROPN") or child.i > cue.i:
        return False
    doc = cue.doc
    comma = child.right_edge.i + 1
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.left_edge.i == comma + 1), None)
    if doc[comma].text != "," or subject is None or subject.right_edge.i + 1 != cue.i:
        return False
    listener = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    end = listener.right_edge.i + 1 if listener is not None else cue.i + 1
    return end < len(doc) and doc[end].text == ","


def _verb_form(part: Token) -> str | None:
    """Return the form of a content that is a verb phrase: an infinitive ("to cap") or a gerund ("refinancing
    student loans", even when the parser made the gerund a modifier of its object)."""
    if part.tag_ in ("VB", "VBG"):
        return part.tag_
    return "VBG" if part.left_edge.tag_ == "VBG" and part.left_edge.head.i == part.i else None


def _finite(verb: Token) -> bool:
    """Tell whether a verb has a subject, an auxiliary or a negation of its own ("didn't respond", "could not
    find"): a clause of its own, not one more infinitive or gerund of a content."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for child in verb.children)


def _has_subject(token: Token) -> bool:
    """Tell whether a verb has a nominal subject of its own."""
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)


def _that_clause(part: Token, relation: str, skip: set[int]) -> bool:
    """Tell whether a dependent the parser took for an adverbial clause is what the cue reports: it opens with
    "that" after the cue ("tweeted in the early hours that Machado was “disgusting”"), not "so that"."""
    if relation != "advcl" or part.i in skip or part.i < part.head.i:
        return False
    first = part.left_edge
    before = part.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ == "that" and (before is None or before.lower_ not in ("so", "such", "now", "given"))


def _conjunct_span(token: Token) -> tuple[int, int]:
    """Return the characters of a conjunct with the conjunction before it ("and warned against hackers")."""
    left = token.left_edge
    before = token.doc[left.i - 1] if left.i > 0 else None
    if before is not None and before.dep_ == "cc" and before.head.i == token.head.i:
        left = before
    right = token.right_edge
    return left.idx, right.idx + len(right.text)


def _cut(pieces: list[tuple[int, int]], hole: tuple[int, int]) -> list[tuple[int, int]]:
    """Return pieces with a span taken out of them."""
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        out += [(s, e) for s, e in ((start, min(end, hole[0])), (max(start, hole[1]), end)) if e > s]
    return out


def _drop_nested(attributions: list[_Attribution]) -> list[_Attribution]:
    """Keep one attribution per stretch of text: a cue inside another cue's content gives way to it."""
    kept: list[_Attribution] = []
    # the reporter's cues first: a verb inside a quote must not hide the "said" that reports the quote
    for attribution in sorted(attributions, key=lambda a: (a.quoted_cue, -a.score)):
        cue = attribution.cue
        assert cue is not None
        if any(_inside(cue.idx, other.pieces) for other in kept):
            continue
        kept.append(attribution)
    return kept


def _attach_passages(
    text: str, sent_starts: list[int], passages: list[Passage], attributions: list[_Attribution]
) -> None:
    """Give each quoted passage to the cue that reports it, or make it a quote of its own."""
    previous: _Attribution | None = None
    previous_end = -1
    # a doubtful cue ("there are fears that ...") may report its own clause, but must neither take a
    # quoted passage that merely shares its sentence nor cut a quote that runs on from the paragraph before
    confident = [a for a in attributions if a.score >= RESOLVE_THRESHOLD]
    for passage in passages:
        if _is_title(text, passage):
            continue
        speech = _is_speech(text, passage)
        words = len(text[passage.start : passage.end].split())
        owner = _owner_by_content(passage, attributions)
        if owner is None and _is_term(text, passage, words):
            continue  # "in a separate “liquidating trust.”": words in quote marks inside a report, no line of speech
        if owner is None and previous is not None and not passage.opened and _glued(text, previous_end, passage):
            owner = previous
        if owner is None and (speech or words >= MIN_PASSAGE_WORDS):
            # the verb that introduces a passage with a colon reports it before any other verb of its sentence
            # ("When Okafor suggested that …, Arle fired back forcefully: “…”")
            owner = _owner_before_colon(text, passage, attributions)
            owner = owner or _owner_in_sentence(text, passage, confident, sent_starts, _ends_sentence(text, passage))
            owner = owner or _owner_right_after(text, passage, confident)
        long_enough = words >= MIN_PASSAGE_WORDS
        # "“Here he is, babe,” she said. “Donald’s here, babe.”": a short spoken line goes on with the quote before
        if owner is None and (long_enough or (speech and words >= MIN_CONTINUED_WORDS)) and previous is not None:
            owner = previous if _continues(text, previous, previous_end, passage, confident) else None
        if owner is None and long_enough:
            owner = _Attribution(None)
            attributions.append(owner)
        if owner is None:
            continue
        owner.passages.append(passage)
        previous, previous_end = owner, passage.end
    _leave_to_owner(text, attributions)
    _join_continued(text, passages, attributions)
    # PolNeAR-style univocal reading: words inside a reported quote belong to that quote alone
    attributions[:] = [a for a in attributions if not _cue_inside_other(a, attributions)]


def _leave_to_owner(text: str, attributions: list[_Attribution]) -> None:
    """Take out of a report the cue and passage another attribution owns ("… by mentioning the wall and adding,
    “I've got an idea …”": "adding" reports the passage; "mentioning" keeps "the need for a wall").

    What is left of the report is kept when it still says something (``MIN_REPORT_WORDS``)."""
    for owner in attributions:
        cue = owner.cue
        if cue is None:
            continue
        for passage in owner.passages:
            if cue.idx >= passage.start:
                continue
            for other in attributions:
                if other is owner or not _inside(cue.idx, other.pieces):
                    continue
                start = min(cue.idx, _conjunct_span(cue)[0])  # with the "and" before "adding"
                left = [_trim(text, s, e) for s, e in _cut(other.pieces, (start, passage.end))]
                other.pieces = [(s, e) for s, e in left if len(text[s:e].split()) >= MIN_REPORT_WORDS]


def _join_continued(text: str, passages: list[Passage], attributions: list[_Attribution]) -> None:
    """Give the paragraphs of a quote that runs over several to the cue that reports its last paragraph.

    "“This inquiry is not a trial … again.\n\n“We will hear from the company …,” she said.": the first
    paragraph, with no closing mark, goes on in the next; left with no cue of its own, it is hers too.
    """
    owners = {(p.start, p.end): a for a in attributions for p in a.passages}
    for passage, following in reversed(list(zip(passages, passages[1:], strict=False))):
        owner, next_owner = owners.get((passage.start, passage.end)), owners.get((following.start, following.end))
        if not passage.continued or owner is None or next_owner is None or owner is next_owner:
            continue
        if text[passage.start] != text[following.start]:
            continue  # “…” inside an excerpt set in straight marks is another voice than the excerpt's
        if owner.cue is not None or owner.pieces or next_owner.cue is None or next_owner.quoted_cue:
            continue  # a cue inside the quoted words ("King said …" in an excerpt) is not who speaks them
        owner.passages.remove(passage)
        next_owner.passages.insert(0, passage)
        owners[(passage.start, passage.end)] = next_owner
        if not owner.passages:
            attributions.remove(owner)


def _cue_inside_other(attribution: _Attribution, attributions: list[_Attribution]) -> bool:
    """Tell whether a cue lies inside a long passage another attribution reports."""
    cue = attribution.cue
    if cue is None:
        return False
    return any(
        other is not attribution and any(p.start < cue.idx < p.end for p in other.passages)
        for other in attributions
    )


def _is_speech(text: str, passage: Passage) -> bool:
    """Tell whether a short passage reads as something said ("“Really,” she added") rather than a name."""
    return passage.closed and _inner(text, passage)[-1:] in (",", ".", "!", "?")


def _ends_sentence(text: str, passage: Passage) -> bool:
    """Tell whether a closed passage ends with a full stop inside its marks ("… the field.”")."""
    return passage.closed and _inner(text, passage).endswith(".")


def _inner(text: str, passage: Passage) -> str:
    """Return a passage's words without its closing marks and the spaces before them."""
    return text[passage.start : passage.end].rstrip("\"'“”’ ")


def _is_title(text: str, passage: Passage) -> bool:
    """Tell whether a short passage is a title ("Meet the Press.", "Hacked World Order,"), not speech.

    Every longer word capitalised marks the name of a show, a book or a slogan: no passage of speech, so it
    neither makes a quote direct or mixed nor stands as one, though a report's content may hold it
    ("appeared on “Fox & Friends”" stays an indirect candidate for the filter to judge).
    """
    raw = text[passage.start : passage.end].split()
    if text[max(0, passage.start - 1) : passage.start] == "=":
        return True  # an attribute's value in markup a scrape kept (<tweet tweet-date="…">), never speech
    line_before = text[text.rfind("\n", 0, passage.start) + 1 : passage.start]
    headline = text[passage.start : passage.end].rstrip("\"'”’").endswith(",")
    if headline and CREDITED.match(text, passage.end) and not any(c.islower() for c in line_before):
        # "NOW OPEN—“Harbor museum opens,” by the Gazette's Ann Lee": a newsletter's list of pieces, each headline
        # credited to its author (a passive's agent, "“anointed” by God", stands inside a sentence)
        return True
    last = _word_before(text, passage)
    if last in NAMING_WORDS and len(raw) <= NAME_MAX_WORDS:
        return True  # "a spot titled “Arrogant,”", "the nickname “Lyin' Ted.”": the name of a thing
    before = text[max(0, passage.start - 20) : passage.start].split()
    if last in WORK_NOUNS and before[-1].islower() and len(raw) <= NAME_MAX_WORDS and _is_capitalised(raw):
        return True  # "the reality show “The Apprentice,”": the name of a work ("Dr. Paul Song “was …”" is not)
    if last.endswith(("'s", "’s")) and len(raw) <= NAME_MAX_WORDS and _is_capitalised(raw):
        return True  # "on Fox News’s “Fox and Friends.”": a possessor's show, book or programme
    if any(w[-1:] in (".", "!", "?") for w in raw[:-1]):
        return False  # two sentences ("“The Donald. Big Daddy.”") are speech, not a title
    comma = next((k for k, w in enumerate(raw[1:-1], 1) if w.endswith(",")), None)
    if raw[-1][-2:-1] in (".", "!", "?") and comma and any(w[:1].islower() for w in _bare_words(raw[:comma])):
        # a sentence that calls someone by name ("“That's the way it is, Nicole.”") is speech; a signature's name
        # and affiliation ("Josh Bivens, Economic Policy Institute.”") is not
        return False
    long_words = [w for w in _bare_words(raw) if len(w) >= TITLE_WORD_LETTERS]
    return len(raw) <= TITLE_MAX_WORDS and len(long_words) >= 2 and _is_capitalised(raw)


def _is_term(text: str, passage: Passage, words: int) -> bool:
    """Tell whether a short passage is a term a determiner introduces ("a separate “liquidating trust.”")."""
    return words < MIN_PASSAGE_WORDS and _word_before(text, passage) in TERM_WORDS


def _word_before(text: str, passage: Passage) -> str:
    """Return the word just before a passage, in lower case and without a trailing comma ("" when none)."""
    before = text[max(0, passage.start - 20) : passage.start].split()
    return before[-1].lower().rstrip(",") if before else ""


def _bare_words(words: list[str]) -> list[str]:
    """Return a passage's words without the quote marks and punctuation around them."""
    return [w.strip("\"'“”‘’`.,;:!?()") for w in words]


def _is_capitalised(words: list[str]) -> bool:
    """Tell whether every longer word of a passage is capitalised, as the words of a name are."""
    longer = [w for w in _bare_words(words) if len(w) >= TITLE_WORD_LETTERS and w not in TITLE_SMALL_WORDS]
    return all(w[:1].isupper() for w in longer)


def _owner_by_content(passage: Passage, attributions: list[_Attribution]) -> _Attribution | None:
    """Return the attribution whose content overlaps the passage most.

    One whose content lies wholly inside the passage reports the passage itself and comes first: in "looping
    the streets … while chanting, “Close the river, save the bay.”" the parse hangs the chant on "looping", and
    on "chanting" only its first words; the chant is what they chanted.
    """
    best, best_key = None, (False, 0)
    for attribution in attributions:
        if attribution.cue is not None and passage.start < attribution.cue.idx < passage.end:
            continue
        overlap = sum(max(0, min(e, passage.end) - max(s, passage.start)) for s, e in attribution.pieces)
        inside = overlap > 0 and all(passage.start <= s and e <= passage.end for s, e in attribution.pieces)
        if overlap > 0 and (inside, overlap) > best_key:
            best, best_key = attribution, (inside, overlap)
    return best


def _owner_in_sentence(
    text: str,
    passage: Passage,
    attributions: list[_Attribution],
    sent_starts: list[int],
    closed_sentence: bool = False,
) -> _Attribution | None:
    """Return the nearest cue outside the passage in the sentences the passage touches.

    A passage that ends its own sentence ("… on the field.”") is not reported by a cue after it: the parser
    sometimes runs the next sentence on ("“… the field.” Mrs. Clinton has enjoyed support …"), and the words
    that follow begin a new report, while the passage goes on with the quote before it. Nor does the sentence
    before it report it when the parser gave that sentence only the passage's opening mark ("The mayor urged the
    board to finish the pier. ''" + "We cannot wait …''").
    """
    words = passage.start
    while words < passage.end and (text[words].isspace() or text[words] in OPENING_MARKS or text[words] in "'`"):
        words += 1
    first = bisect.bisect_right(sent_starts, words) - 1
    last = bisect.bisect_right(sent_starts, max(passage.end - 1, passage.start)) - 1
    lo = sent_starts[max(first, 0)]
    hi = sent_starts[last + 1] if last + 1 < len(sent_starts) else 10**9
    best, best_distance = None, 10**9
    for attribution in attributions:
        cue = attribution.cue
        if cue is None or not lo <= cue.idx < hi or passage.start <= cue.idx < passage.end:
            continue
        if closed_sentence and cue.idx >= passage.end:
            continue
        distance = passage.start - cue.idx if cue.idx < passage.start else cue.idx - passage.end
        if distance < best_distance:
            best, best_distance = attribution, distance
    return best


def _right_after_passage(cue: Token, text: str, ends: list[int]) -> bool:
    """Tell whether a cue stands a few words after the end of a quoted passage (``ends``, sorted), in the same
    paragraph."""
    k = bisect.bisect_right(ends, cue.idx) - 1
    if k < 0:
        return False
    between = text[ends[k] : cue.idx]
    return len(between) <= POSTPOSED_CHARS and "\n" not in between


def _owner_right_after(text: str, passage: Passage, attributions: list[_Attribution]) -> _Attribution | None:
    """Return the cue just after a passage that the parser cut off into the next sentence ("“You winning?” she
    said"): a closed passage ending in a question, an exclamation or a comma is reported by the verb a few
    words later, before any other quote mark or line break."""
    if not passage.closed or _inner(text, passage)[-1:] not in ("?", "!", ","):
        return None
    for attribution in sorted(attributions, key=lambda a: a.cue.idx if a.cue is not None else -1):
        cue = attribution.cue
        if cue is None or cue.idx < passage.end:
            continue
        return attribution if _close_by(text, passage.end, cue.idx, "\"“”") else None
    return None


def _owner_before_colon(text: str, passage: Passage, attributions: list[_Attribution]) -> _Attribution | None:
    """Return the cue that introduces a passage with a colon ("Mayor Elena Reyes posted on Tuesday evening:
    “…”"), however doubtful its own score: a verb a few words before the colon that opens the passage, with no
    sentence end, line break or quote mark between them, reports it."""
    if not text[: passage.start].rstrip().endswith(":"):
        return None
    before = [a for a in attributions if a.cue is not None and a.cue.idx < passage.start]
    if not before:
        return None
    nearest = max(before, key=lambda a: a.cue.idx if a.cue is not None else -1)
    assert nearest.cue is not None
    return nearest if _close_by(text, nearest.cue.idx + len(nearest.cue.text), passage.start, "\"“”.!?") else None


def _close_by(text: str, start: int, end: int, stops: str) -> bool:
    """Tell whether a cue and a passage stand a few words apart, with no line break and none of ``stops`` between."""
    between = text[start:end]
    return len(between) <= POSTPOSED_CHARS and "\n" not in between and not any(stop in between for stop in stops)


def _continues(
    text: str, previous: _Attribution, previous_end: int, passage: Passage, attributions: list[_Attribution]
) -> bool:
    """Tell whether a passage with no cue of its own goes on with the quote just before it."""
    if not _near(text, previous_end, passage.start):
        return False
    return not any(
        a is not previous and a.cue is not None and previous_end <= a.cue.idx < passage.start
        for a in attributions
    )


def _near(text: str, end: int, start: int) -> bool:
    """Tell whether two passages are close enough for the second to continue the first."""
    between = text[end:start]
    return len(between) <= 400 and between.count("\n") <= 2


def _glued(text: str, previous_end: int, passage: Passage) -> bool:
    """Tell whether a passage that lost its opening mark starts right where the previous one ended."""
    return not text[previous_end : passage.start].strip()


def _to_quotes(text: str, attribution: _Attribution, article_id: str, sent_starts: list[int]) -> list[Quote]:
    """Turn an assembled attribution into Quotes: its content, and the passages beside it as direct speech."""
    quoted = _merge([(p.start, p.end) for p in attribution.passages])
    pieces = attribution.pieces
    if quoted and (not pieces or _share(pieces, quoted) >= DIRECT_SHARE):
        return [_quote(text, attribution, article_id, "direct", quoted, sent_starts)]
    if not pieces:
        return []
    inside = [q for q in quoted if any(s < q[1] and q[0] < e for s, e in pieces)]
    outside = [q for q in quoted if q not in inside]
    content = _merge(pieces + inside)
    # "... that fraud is “a big problem” but “nobody has the guts to talk about it.”": a passage the parse
    # left out of the clause yet which goes on in the same sentence is part of the same mixed report
    joined = [q for q in outside if _runs_on(text, content, q, sent_starts)]
    if joined:
        content = _merge(content + [(content[-1][1], q[1]) for q in joined])
        inside += joined
        outside = [q for q in outside if q not in joined]
    kind = "mixed" if inside else "indirect"
    quotes = [_quote(text, attribution, article_id, kind, content, sent_starts)]
    if outside:
        # "He said that ... . "More words."": the passage after the reported clause is his direct speech
        quotes.append(_quote(text, attribution, article_id, "direct", outside, sent_starts))
    return quotes


def _runs_on(text: str, content: list[tuple[int, int]], passage: tuple[int, int], sent_starts: list[int]) -> bool:
    """Tell whether a quoted passage follows a report's content closely within the same sentence."""
    end = content[-1][1]
    if passage[0] < end:
        return False
    same_sentence = bisect.bisect_right(sent_starts, end - 1) == bisect.bisect_right(sent_starts, passage[0])
    between = text[end : passage[0]]
    return same_sentence and "\n" not in between and len(between.split()) <= RUN_ON_WORDS


def _quote(
    text: str,
    attribution: _Attribution,
    article_id: str,
    kind: str,
    fragments: list[tuple[int, int]],
    sent_starts: list[int],
) -> Quote:
    """Make one Quote of some fragments of an attribution."""
    start, end = fragments[0][0], fragments[-1][1]
    cue = attribution.cue
    sentence = bisect.bisect_right(sent_starts, start) - 1
    return Quote(
        article_id=article_id,
        start=start,
        end=end,
        text=" … ".join(text[s:e] for s, e in fragments),
        kind=kind,
        fragments=fragments,
        cue_start=_cue_span(cue)[0] if cue is not None else None,
        cue_end=_cue_span(cue)[1] if cue is not None else None,
        sentence_index=sentence,
    )


def _cue_span(cue: Token) -> tuple[int, int]:
    """Return the characters of a cue, with "according to" and particles ("pointed out") included."""
    end = cue.idx + len(cue.text)
    for child in cue.children:
        if child.i == cue.i + 1 and (child.dep_ == "prt" or (cue.lower_ == "according" and child.lower_ == "to")):
            end = child.idx + len(child.text)
    return cue.idx, end


def _share(pieces: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> float:
    """Return the share of the content's characters that lie inside quoted passages."""
    total = sum(e - s for s, e in pieces)
    inside = sum(max(0, min(e, qe) - max(s, qs)) for s, e in pieces for qs, qe in quoted)
    return inside / total if total else 0.0


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge the ones that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a span without the punctuation and spaces at its edges."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def _inside(offset: int, pieces: list[tuple[int, int]]) -> bool:
    """Tell whether an offset falls inside one of the pieces."""
    return any(s <= offset < e for s, e in pieces)


def _first_offset(attribution: _Attribution) -> int:
    """Return where an attribution's content starts, to sort the quotes in text order."""
    starts = [s for s, _ in attribution.pieces] + [p.start for p in attribution.passages]
    return min(starts) if starts else 0


def attach_entities(quotes: list[Quote], mentions: list[Mention]) -> None:
    """Copy to each quote the entity of its resolved speaker, once corpus linking has set ``entity_id``."""
    linked = [m for m in mentions if m.entity_id]
    by_name: dict[tuple[str, str], str] = {}
    for mention in linked:
        for name in (mention.name, mention.text):
            if name:
                by_name.setdefault((mention.article_id, name), mention.entity_id or "")
    for quote in quotes:
        if quote.speaker_start is None:
            continue
        in_span = _speaker_mention(quote, linked)
        if in_span is not None:
            quote.speaker_entity_id = in_span.entity_id
        elif quote.speaker_name:
            quote.speaker_entity_id = by_name.get((quote.article_id, quote.speaker_name))


def _speaker_mention(quote: Quote, linked: list[Mention]) -> Mention | None:
    """Return the linked mention that names the speaker inside the speaker span.

    A speaker span such as "Ukraine's top diplomat Dmytro Kuleba" holds several mentions: the
    person named (matching the resolved name, else the last person) is the speaker, not the place.
    """
    if quote.speaker_kind not in ("name", "organisation") or quote.speaker_start is None:
        return None
    end = quote.speaker_end if quote.speaker_end is not None else quote.speaker_start
    inside = [
        m for m in linked if m.article_id == quote.article_id and quote.speaker_start <= m.start and m.end <= end
    ]
    if not inside:
        return None
    for mention in inside:
        if quote.speaker_name and quote.speaker_name in (mention.name, mention.text):
            return mention
    people = [m for m in inside if m.label == "PERSON"]
    return (people or inside)[-1]
