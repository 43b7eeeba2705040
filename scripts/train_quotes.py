"""Fit the quote model (speech cues and their content) on PolNeAR's train split.

Usage: python scripts/train_quotes.py [--data polnear_train.jsonl.gz] [--docs parsed.spacy] [--limit N]

Parses the articles with dateline's spaCy pipeline (or reads a DocBin saved by an earlier run with
``--save-docs``), labels every candidate token by whether it heads a gold cue and every dependent of a
gold cue by whether it is the content, counts how often each cue lemma and subject noun heads a gold cue
(binned priors for the filter), fits two logistic regressions and writes their weights to
``src/dateline/analyze/quotes_model.json``. Only the train split is read: dev stays for measurement.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin, Span

from dateline.analyze import nlp
from dateline.analyze.entities_lexicon import HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS, fold
from dateline.analyze.quotes import candidate_quotes
from dateline.analyze.quotes_features import RARE, content_features, cue_features, is_candidate, prior_bin
from dateline.analyze.quotes_marks import quoted_passages
from dateline.analyze.quotes_model import (
    MODEL_PATH,
    LinearModel,
    QuoteModel,
    choose_bar,
    content_parts,
    quote_context,
)
from dateline.analyze.quotes_speaker_names import pronoun_votes

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "quotes" / "polnear" / "polnear_train.jsonl.gz"
MIN_LEXICON_COUNT = 3
MIN_WEIGHT = 0.03
MIN_GENDER_VOTES = 2
CUE_THRESHOLD = 0.3
"""Cues from this probability are assembled into candidate quotes; the filter then picks among them.

Measured out of fold on train: 0.2 moves the whole trade-off by little (at the bar the rule picks, all-kinds
R 0.703 against 0.688 with P 0.800 against 0.803, direct+mixed F1 0.836 against 0.839); 0.4 loses recall at
every bar."""
FOLDS = 5
"""The filter learns on candidates from cue models fitted on the other folds: with five, on 4/5 of train,
close to the final cue model fitted on all of it (with two, the candidates were worse than at run time)."""
FILTER_FOLDS = 4
"""Folds (by article) over which the filter is cross-validated to measure each bar on train."""
PRECISION_TARGET = 0.80
"""The indirect bar is the one with the best out-of-fold train F1 among those reaching this precision
(issue 4's target), a rule fixed in advance so that no dev score picks it."""
MATCH = 0.3
"""A candidate is right when it covers more than this share of a gold attribution (the scorer's rule)."""
DIRECT_THRESHOLD = 0.35
"""The filter bar for direct and mixed quotes: out of fold on train, any bar up to this loses none of them."""
FILTER_THRESHOLDS = [round(0.025 * i, 3) for i in range(12, 33)]
FILTER_C = 0.05
"""Inverse regularisation of the filter: out of fold on train, 0.05 gave the same all-kinds recall at each bar
as 0.15 with fewer false positives (direct+mixed F1 0.841 against 0.839 at the chosen bar)."""
GENDER_AGREEMENT = 0.75
"""A first name enters the lexicon when at least this share of its pronoun votes agree."""
NOT_FIRST_NAMES = HONORIFICS | TITLE_HEADS | TITLE_MODIFIERS


def read_articles(path: Path, limit: int | None) -> list[dict]:
    """Read the gold articles of a PolNeAR JSONL file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        articles = [json.loads(line) for line in stream if line.strip()]
    return articles[:limit] if limit else articles


def parse(articles: list[dict], docs_path: Path | None, save: Path | None) -> list[Doc]:
    """Parse the articles, or read their parses from a DocBin."""
    language = nlp.load()
    if docs_path is not None:
        docs = list(DocBin().from_disk(docs_path).get_docs(language.vocab))
        return docs[: len(articles)]
    docs = list(language.pipe((a["text"] for a in articles), batch_size=32))
    if save is not None:
        DocBin(docs=docs).to_disk(save)
    return docs


def cue_head(doc: Doc, attribution: dict) -> int | None:
    """Return the token that heads a gold cue span."""
    cues = attribution["cue"]
    if not cues:
        return None
    span = doc.char_span(cues[0]["start"], cues[-1]["end"], alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root.i if isinstance(span, Span) else None


def learn_genders(docs: list[Doc]) -> dict[str, str]:
    """Learn the gender of first names from the pronouns that follow a person named as a subject.

    Pronouns are not resolved in PolNeAR, so each vote is a guess ("Hillary Clinton said ... . She
    added" votes "hillary" feminine); only names with several votes that mostly agree are kept.
    """
    votes: dict[str, Counter[str]] = {}
    for doc in docs:
        for person, gender in pronoun_votes(doc):
            first = person[0].lower_
            if len(person) > 1 and person[0].is_title and first not in NOT_FIRST_NAMES:
                votes.setdefault(fold(first), Counter())[gender] += 1
    genders: dict[str, str] = {}
    for name, count in votes.items():
        gender, top = count.most_common(1)[0]
        if top >= MIN_GENDER_VOTES and top / sum(count.values()) >= GENDER_AGREEMENT:
            genders[name] = gender
    return dict(sorted(genders.items()))


def gold_chars(attribution: dict) -> set[int]:
    """Return the character offsets of a gold attribution's content."""
    chars: set[int] = set()
    for fragment in attribution["content"]:
        chars.update(range(fragment["start"], fragment["end"]))
    return chars


def build_lexicon(articles: list[dict], docs: list[Doc]) -> frozenset[str]:
    """Collect the lemmas the gold uses as cue heads often enough, whatever their part of speech."""
    counts: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        for attribution in article["attributions"]:
            head = cue_head(doc, attribution)
            if head is not None and doc[head].pos_ not in ("VERB", "AUX"):
                counts[doc[head].lemma_.lower()] += 1
    return frozenset(lemma for lemma, n in counts.items() if n >= MIN_LEXICON_COUNT)


def examples(
    articles: list[dict], docs: list[Doc], lexicon: frozenset[str]
) -> tuple[list[dict[str, int]], list[int], list[dict[str, int]], list[int]]:
    """Return cue features and labels, and content-part features and labels."""
    cue_x: list[dict[str, int]] = []
    cue_y: list[int] = []
    part_x: list[dict[str, int]] = []
    part_y: list[int] = []
    for article, doc in zip(articles, docs, strict=True):
        heads: dict[int, set[int]] = {}
        for attribution in article["attributions"]:
            head = cue_head(doc, attribution)
            if head is not None:
                heads.setdefault(head, set()).update(gold_chars(attribution))
        context = quote_context(doc, quoted_passages(doc.text))
        for token in doc:
            if not is_candidate(token, lexicon):
                continue
            in_quote, sentence_quote = context(token)
            cue_x.append(dict.fromkeys(cue_features(token, in_quote, sentence_quote), 1))
            cue_y.append(int(token.i in heads))
            if token.i not in heads:
                continue
            for part, relation, pieces in content_parts(token):
                chars = {c for start, end in pieces for c in range(start, end)}
                if not chars:
                    continue
                part_x.append(dict.fromkeys(content_features(token, part, relation), 1))
                part_y.append(int(len(chars & heads[token.i]) / len(chars) > 0.5))
    return cue_x, cue_y, part_x, part_y


def fit(x: list[dict[str, int]], y: list[int], c: float) -> tuple[dict[str, float], float]:
    """Fit a logistic regression and return its weights by feature name and its intercept."""
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(x).tocsr()
    # liblinear takes 32-bit sparse indices only
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    model.fit(matrix, y)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), 3) for name, w in zip(names, model.coef_[0], strict=True) if abs(w) > MIN_WEIGHT
    }
    return weights, float(model.intercept_[0])


def cue_priors(cue_x: list[dict[str, int]], cue_y: list[int]) -> dict[str, str]:
    """Bin, per lemma, how often its candidate tokens head a gold cue (lemmas seen too seldom left out)."""
    candidates: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for features, label in zip(cue_x, cue_y, strict=True):
        lemma = next(f[2:] for f in features if f.startswith("l="))
        candidates[lemma] += 1
        gold[lemma] += label
    bins = {lemma: prior_bin(gold[lemma], n) for lemma, n in candidates.items()}
    return {lemma: label for lemma, label in sorted(bins.items()) if label != RARE}


def subject_priors(cue_x: list[dict[str, int]], cue_y: list[int]) -> dict[str, str]:
    """Bin, per common noun as subject of a candidate cue, how often that cue is a gold one."""
    candidates: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for features, label in zip(cue_x, cue_y, strict=True):
        kind = None
        for feature in features:
            if feature.startswith("subj="):
                kind = feature[5:]
            elif feature.startswith("sl=") and kind == "NOUN":
                candidates[feature[3:]] += 1
                gold[feature[3:]] += label
    bins = {lemma: prior_bin(gold[lemma], n) for lemma, n in candidates.items()}
    return {lemma: label for lemma, label in sorted(bins.items()) if label != RARE}


def fit_model(
    articles: list[dict], docs: list[Doc], lexicon: frozenset[str], c: float
) -> tuple[QuoteModel, dict[str, float], float, dict[str, float], float]:
    """Fit the cue and content models; return them as a QuoteModel (no filter) and their weights."""
    cue_x, cue_y, part_x, part_y = examples(articles, docs, lexicon)
    cue_weights, cue_bias = fit(cue_x, cue_y, c)
    part_weights, part_bias = fit(part_x, part_y, c)
    model = QuoteModel(
        LinearModel(cue_weights, cue_bias), LinearModel(part_weights, part_bias), lexicon, {}, CUE_THRESHOLD,
        cue_priors=cue_priors(cue_x, cue_y),
        subject_priors=subject_priors(cue_x, cue_y),
    )
    return model, cue_weights, cue_bias, part_weights, part_bias


def _items(fragments: list[tuple[int, int]], kind: str) -> list[set[int]]:
    """Return the characters of each output item of a quote (one per passage for direct speech)."""
    groups = [[f] for f in fragments] if kind == "direct" else [fragments]
    return [{c for start, end in group for c in range(start, end)} for group in groups]


def _best_match(gold: set[int], items: list[set[int]], used: set[int]) -> int | None:
    """Return the unused item covering the largest share (above MATCH) of a gold quote, as the scorer pairs them."""
    best, best_share = None, 0.0
    for i, chars in enumerate(items):
        share = len(gold & chars) / len(gold) if gold and i not in used else 0.0
        if share > MATCH and share > best_share:
            best, best_share = i, share
    return best


def _matched(golds: list[set[int]], items: list[set[int]]) -> set[int]:
    """Return the items the scorer's greedy matching pairs with a gold quote (threshold MATCH)."""
    used: set[int] = set()
    for gold in golds:
        best = _best_match(gold, items, used)
        if best is not None:
            used.add(best)
    return used


def _gold_units(article: dict) -> tuple[list[set[int]], list[set[int]]]:
    """Return the gold attributions' characters, whole and split into fragments, in text order."""
    ordered = sorted(article["attributions"], key=lambda a: a["content"][0]["start"])
    whole = [gold_chars(a) for a in ordered]
    fragments = [set(range(f["start"], f["end"])) for a in ordered for f in a["content"]]
    return whole, fragments


def filter_examples(
    articles: list[dict], docs: list[Doc], lexicon: frozenset[str], c: float
) -> list[tuple[list[str], int, str, list[set[int]], int]]:
    """Assemble candidates on each fold with cue and content models fitted on the other folds.

    Returns per candidate quote: its filter features, whether the scorer would count it right (more
    than half of its items matched, whole or by fragment), its kind, its items, and its article index.
    Out-of-fold, so the filter learns how far to trust the cue score on articles it was not fitted on.
    """
    rows: list[tuple[list[str], int, str, list[set[int]], int]] = []
    for part in range(FOLDS):
        train = [i for i in range(len(articles)) if i % FOLDS != part]
        model = fit_model([articles[i] for i in train], [docs[i] for i in train], lexicon, c)[0]
        for index in range(part, len(articles), FOLDS):
            candidates = candidate_quotes(docs[index], articles[index]["id"], model)
            items = [_items(cand.quote.fragments, cand.quote.kind) for cand in candidates]
            flat = [chars for group in items for chars in group]
            whole, fragments = _gold_units(articles[index])
            good = _matched(whole, flat) | _matched(fragments, flat)
            position = 0
            for cand, group in zip(candidates, items, strict=True):
                hits = sum(position + k in good for k in range(len(group)))
                position += len(group)
                rows.append((cand.features, int(2 * hits > len(group)), cand.quote.kind, group, index))
    return rows


def cross_validated(rows: list[tuple[list[str], int, str, list[set[int]], int]], c: float) -> list[float]:
    """Return each candidate's filter probability from a filter fitted on the other articles' candidates."""
    probabilities = [0.0] * len(rows)
    for part in range(FILTER_FOLDS):
        train = [row for row in rows if row[4] % FILTER_FOLDS != part]
        weights, bias = fit([dict.fromkeys(row[0], 1) for row in train], [row[1] for row in train], c)
        held_out = LinearModel(weights, bias)
        for i, row in enumerate(rows):
            if row[4] % FILTER_FOLDS == part:
                probabilities[i] = held_out.probability(row[0])
    return probabilities


def report_thresholds(
    articles: list[dict], rows: list[tuple[list[str], int, str, list[set[int]], int]], probabilities: list[float]
) -> list[tuple[float, float, float]]:
    """Print, per filter bar for indirect quotes, the scores the benchmark headline reports (on train).

    Returns (bar, precision, recall) of all kinds by attribution, for ``choose_bar``.
    """
    table: list[tuple[float, float, float]] = []
    for threshold in FILTER_THRESHOLDS:
        kept: dict[int, list[tuple[str, set[int]]]] = {}
        for (_, _, kind, group, index), p in zip(rows, probabilities, strict=True):
            if p >= (threshold if kind == "indirect" else DIRECT_THRESHOLD):
                kept.setdefault(index, []).extend((kind, chars) for chars in group)
        tp = fp = fn = dm_tp = dm_fp = dm_fn = 0
        for index, article in enumerate(articles):
            items = kept.get(index, [])
            whole, _ = _gold_units(article)
            used = _matched(whole, [chars for _, chars in items])
            tp, fp, fn = tp + len(used), fp + len(items) - len(used), fn + len(whole) - len(used)
            dm = _direct_mixed(article, [chars for _, chars in items])
            dm_tp, dm_fp, dm_fn = dm_tp + dm[0], dm_fp + dm[1], dm_fn + dm[2]
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        dm_p, dm_r = dm_tp / max(dm_tp + dm_fp, 1), dm_tp / max(dm_tp + dm_fn, 1)
        f1 = 2 * dm_p * dm_r / max(dm_p + dm_r, 1e-9)
        print(f"indirect filter {threshold:.3f}: all P {precision:.3f} R {recall:.3f}   direct+mixed fragment "
              f"P {dm_p:.3f} R {dm_r:.3f} F1 {f1:.3f}")
        table.append((threshold, precision, recall))
    return table


def _direct_mixed(article: dict, items: list[set[int]]) -> tuple[int, int, int]:
    """Score items as the benchmark's direct+mixed fragment configuration does: (tp, fp, fn)."""
    ordered = sorted(article["attributions"], key=lambda a: a["content"][0]["start"])
    golds = [(a["kind"], set(range(f["start"], f["end"]))) for a in ordered for f in a["content"]]
    used: set[int] = set()
    tp = fn = 0
    for kind, gold in golds:
        best = _best_match(gold, items, used)
        if best is not None:
            used.add(best)
        if kind != "indirect":
            tp, fn = (tp + 1, fn) if best is not None else (tp, fn + 1)
    return tp, len(items) - len(used), fn


def main() -> None:
    """Fit the model on the train split and write its weights."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--docs", type=Path, help="a DocBin of the same articles, parsed earlier")
    parser.add_argument("--save-docs", type=Path, help="save the parses here for the next run")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles (for a check)")
    parser.add_argument("--c", type=float, default=0.15, help="inverse regularisation strength")
    parser.add_argument("--filter-c", type=float, default=FILTER_C, help="inverse regularisation of the filter")
    parser.add_argument("--filter-threshold", type=float,
                        help="keep indirect quotes the filter scores this high (default: chosen by PRECISION_TARGET "
                        "on out-of-fold train scores; direct and mixed: DIRECT_THRESHOLD)")
    parser.add_argument("-o", "--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    articles = read_articles(args.data, args.limit)
    docs = parse(articles, args.docs, args.save_docs)
    articles, docs = articles[args.skip :], docs[args.skip :]
    lexicon = build_lexicon(articles, docs)
    rows = filter_examples(articles, docs, lexicon, args.c)
    filter_x = [dict.fromkeys(features, 1) for features, *_ in rows]
    filter_y = [row[1] for row in rows]
    print(f"{len(rows)} out-of-fold candidate quotes ({sum(filter_y)} right)")
    filter_weights, filter_bias = fit(filter_x, filter_y, args.filter_c)
    # out of fold for both the cue model and the filter, so the table measures what the bars trade
    table = report_thresholds(articles, rows, cross_validated(rows, args.filter_c))
    bar = args.filter_threshold if args.filter_threshold is not None else choose_bar(table, PRECISION_TARGET)
    print(f"indirect filter bar {bar:.3f} (precision target {PRECISION_TARGET:.2f} on train, out of fold)")
    # direct speech keeps a fixed lower bar
    thresholds = {"direct": DIRECT_THRESHOLD, "mixed": DIRECT_THRESHOLD, "indirect": bar}
    cue_x, cue_y, part_x, part_y = examples(articles, docs, lexicon)
    print(f"{len(articles)} articles: {len(cue_y)} candidate cues ({sum(cue_y)} gold), "
          f"{len(part_y)} content parts ({sum(part_y)} gold)")
    cue_model, cue_weights, cue_bias, part_weights, part_bias = fit_model(articles, docs, lexicon, args.c)
    genders = learn_genders(docs)
    print(f"{len(genders)} first names with a gender")
    model = {
        "about": "Logistic regressions fitted by scripts/train_quotes.py on PolNeAR train "
        f"({len(articles)} articles).",
        "lexicon": sorted(lexicon),
        "genders": genders,
        "cue_threshold": CUE_THRESHOLD,
        "cue": {"bias": cue_bias, "weights": cue_weights},
        "cue_priors": cue_model.cue_priors,
        "subject_priors": cue_model.subject_priors,
        "content": {"bias": part_bias, "weights": part_weights},
        "filter": {"bias": filter_bias, "weights": filter_weights, "thresholds": thresholds},
    }
    args.output.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(cue_weights)} cue, {len(part_weights)} content and "
          f"{len(filter_weights)} filter weights)")


if __name__ == "__main__":
    main()
