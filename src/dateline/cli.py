"""The dateline command line: a thin Typer layer over ``dateline.api``.

Exit status: 0 when every input was stored (or already was), 1 when some inputs failed (each one
listed with its reason), 2 for a usage error (bad option, missing corpus, unknown article).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline import api
from dateline.clean import CleanError
from dateline.model import Article, ArticleAnalysis, Entity, IngestError, IngestReport
from dateline.store import StoreError

if TYPE_CHECKING:
    from dateline.corpus.cluster_records import Clustering

app = typer.Typer(
    help="From a pile of news articles to a sourced account of a developing story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="The corpus: one SQLite file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _fail_usage(message: str) -> None:
    """Print a usage error and exit with status 2."""
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(2)


T = TypeVar("T")


def _check_format(output_format: str, formats: tuple[str, ...]) -> None:
    """Exit with a usage error unless ``output_format`` is one of ``formats``."""
    if output_format not in formats:
        _fail_usage(f"unknown format {output_format!r} (one of {', '.join(formats)})")


def _lookup(find: Callable[[], T]) -> T:
    """Run a corpus lookup; a story or person the corpus does not have is a usage error (exit 2)."""
    try:
        return find()
    except LookupError as exc:
        _fail_usage(str(exc.args[0]) if exc.args else str(exc))
        raise


def _ingest_with_progress(paths: list[str], db: Path) -> IngestReport:
    """Run an ingest with a progress bar on the terminal (stderr), plain when not a terminal."""
    stdin = sys.stdin.buffer if "-" in paths else None
    total = api.count_documents([p for p in paths if p != "-"]) + (1 if stdin else 0)
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
        transient=True,
        disable=total < 2,
    ) as progress:
        task = progress.add_task("ingest", total=total or None, current="")
        seen: set[str] = set()

        def advance(source: str) -> None:
            # Records of one file (JSONL, feed, WARC) share the file's progress step.
            file_name = source.split("#", 1)[0]
            if file_name not in seen:
                seen.add(file_name)
                progress.update(task, advance=1, current=escape(Path(file_name).name[-40:]))

        return api.ingest(paths, db, stdin=stdin, on_document=advance)


def _analyze_with_progress(db: Path, processes: int = 1) -> int:
    """Run the per-article stage on what is not analysed yet, with a progress bar."""
    total = api.pending_analysis(db)
    if not total:
        return 0
    with Progress(
        TextColumn("[bold]analyze"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=total < 2,
    ) as progress:
        task = progress.add_task("analyze", total=total)
        return api.analyze(db, n_process=processes, on_article=lambda _: progress.advance(task))


ProcessesOption = Annotated[
    int, typer.Option("--processes", "-j", min=1, help="Worker processes for the per-article stage.")
]


def _print_ingest_report(report: IngestReport) -> None:
    """Summarise an ingest and list every failed input with its reason."""
    err.print(
        f"stored {len(report.added)} new, {len(report.new_versions)} new versions, "
        f"{len(report.unchanged)} already present, {len(report.errors)} failed"
    )
    for error in report.errors:
        err.print(f"[red]failed[/red] {escape(error.source)}: {escape(error.reason)}")


@app.command()
def run(
    folder: Annotated[Path, typer.Argument(help="A folder of articles (searched recursively).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the HTML report.")] = Path(
        "report.html"
    ),
    db: DbOption = Path(api.DEFAULT_DB),
    processes: ProcessesOption = 1,
) -> None:
    """Ingest every article under FOLDER and write a self-contained HTML report."""
    if not folder.exists():
        _fail_usage(f"{folder}: no such file or directory")
    report = _ingest_with_progress([str(folder)], db)
    _analyze_with_progress(db, processes)
    api.Corpus(db).report(output, ingest_report=report)
    _print_ingest_report(report)
    err.print(f"report written to {escape(str(output))}")
    raise typer.Exit(1 if report.errors else 0)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")],
    db: DbOption = Path(api.DEFAULT_DB),
    analyze: Annotated[
        bool, typer.Option("--analyze/--no-analyze", help="Run the per-article analysis after storing.")
    ] = True,
    processes: ProcessesOption = 1,
) -> None:
    """Add articles to the corpus; what is already stored is kept and never duplicated."""
    try:
        report = _ingest_with_progress(paths, db)
        if analyze:
            _analyze_with_progress(db, processes)
    except StoreError as exc:
        _fail_usage(str(exc))
        return
    _print_ingest_report(report)
    raise typer.Exit(1 if report.errors else 0)


def _open(db: Path) -> api.Corpus:
    """Open an existing corpus or exit with a usage error."""
    try:
        return api.Corpus(db)
    except StoreError as exc:
        _fail_usage(str(exc))
        raise  # unreachable: _fail_usage exits


def _article_summary(article: Article) -> dict[str, object]:
    """Return the fields of an article that a listing shows."""
    return {
        "id": article.id,
        "date": article.date.value,
        "date_source": article.date.source,
        "title": article.title.value,
        "outlet": article.outlet.value,
        "author": article.author.value,
        "source": article.source,
        "version": article.version,
    }


@app.command()
def articles(
    db: DbOption = Path(api.DEFAULT_DB),
    as_json: JsonOption = False,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List the stored articles by publication date (undated last)."""
    items = _open(db).articles(limit=limit)
    if as_json:
        out.print_json(json.dumps([_article_summary(a) for a in items]))
        return
    table = Table("id", "date", "outlet", "title", "author")
    for article in items:
        table.add_row(
            article.id,
            article.date.value or "[dim]no date[/dim]",
            escape(article.outlet.value or ""),
            escape(article.title.value or ""),
            escape(article.author.value or ""),
        )
    out.print(table)


@app.command()
def article(
    ref: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = Path(api.DEFAULT_DB),
    raw: Annotated[bool, typer.Option("--raw", help="Print the raw text as ingested.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata with provenance, then its clean (or raw) text."""
    corpus = _open(db)
    found = corpus.article(ref)
    if found is None:
        _fail_usage(f"no article with id {ref!r} (or the prefix is ambiguous)")
        return
    analysis = corpus.analysis(found.id)
    if as_json:
        out.print_json(json.dumps({**found.to_dict(include_raw=raw), "analysis": asdict(analysis)}))
        return
    if raw:
        sys.stdout.write(found.raw_text + ("\n" if not found.raw_text.endswith("\n") else ""))
        return
    for name in ("title", "date", "outlet", "author", "language"):
        field = getattr(found, name)
        value = field.value if field.known else "—"
        out.print(
            f"[bold]{name}:[/bold] {escape(str(value))}  [dim]({escape(field.source)}, "
            f"confidence {field.confidence:.2f})[/dim]"
        )
    out.print(
        f"[bold]id:[/bold] {found.id}  [bold]source:[/bold] {escape(found.source)}  "
        f"[bold]version:[/bold] {found.version}"
    )
    out.print()
    sys.stdout.flush()
    out.print(escape(found.text))
    _print_annotations(found.text, analysis)


def _print_annotations(text: str, analysis: ArticleAnalysis) -> None:
    """List an article's entities, time expressions, figures and quotes with their offsets."""
    names = sorted({(m.label, m.text, m.entity_id or "") for m in analysis.mentions})
    out.print(f"\n[bold]{len(analysis.mentions)} mentions[/bold] of {len(names)} names")
    for label, name, entity_id in names:
        out.print(f"  {label:7} {escape(name)}  [dim]{entity_id}[/dim]")
    out.print(f"\n[bold]{len(analysis.timexes)} time expressions[/bold]")
    for t in analysis.timexes:
        out.print(f"  {t.start:>6}  {escape(t.text):30} {t.type:8} {t.value}  [dim]{t.first_day or ''}[/dim]")
    out.print(f"\n[bold]{len(analysis.figures)} figures[/bold]")
    for f in analysis.figures:
        value = "?" if f.value is None else f"{f.value:,.6g}"
        out.print(f"  {f.start:>6}  {escape(f.text):30} {f.kind:8} {f.approx or '':10} {value} {f.unit or ''}"
                  f"  [dim]{escape(f.referent or '')}[/dim]")
    out.print(f"\n[bold]{len(analysis.quotes)} quotes[/bold]")
    for q in analysis.quotes:
        speaker = q.speaker_name or q.speaker_text or "no speaker in the text"
        out.print(f"  {q.kind:8} {escape(speaker)}: {escape(q.text[:160])}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur; the last may be a prefix).")],
    db: DbOption = Path(api.DEFAULT_DB),
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 20,
    where: Annotated[str, typer.Option("--in", help="articles, quotes or entities.")] = "articles",
) -> None:
    """Search the stored articles (full text), quotes or entities (names and aliases)."""
    corpus = _open(db)
    if where == "quotes":
        _print_statements_found(corpus, query, as_json, limit)
        return
    if where == "entities":
        _print_entities(corpus.search_entities(query)[:limit], as_json)
        return
    if where != "articles":
        _fail_usage(f"--in must be articles, quotes or entities, not {where!r}")
    hits = corpus.search(query, limit=limit)
    if as_json:
        out.print_json(json.dumps([{**_article_summary(a), "snippet": s} for a, s in hits]))
        return
    if not hits:
        err.print("no match")
        return
    for found, snippet in hits:
        out.print(
            f"[bold]{found.id}[/bold] {escape(found.date.value or 'no date')} "
            f"{escape(found.title.value or '')}"
        )
        out.print(f"    {escape(snippet)}")


def _print_statements_found(corpus: api.Corpus, query: str, as_json: bool, limit: int) -> None:
    """Print the quotes whose words contain every word of the query."""
    found = corpus.search_quotes(query)[:limit]
    if as_json:
        out.print_json(json.dumps([asdict(q) for q in found]))
        return
    if not found:
        err.print("no match")
    for quote in found:
        out.print(f"[bold]{quote.article_id}[/bold] {escape(quote.speaker_name or 'no speaker')}: "
                  f"{escape(quote.text[:200])}")


def _entity_summary(entity: Entity) -> dict[str, object]:
    """Return the fields of an entity that a listing shows."""
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "aliases": entity.aliases,
        "roles": sorted({r.title for r in entity.roles}),
        "mentions": entity.mention_count,
        "articles": len(entity.article_ids),
    }


def _print_entities(items: list[Entity], as_json: bool) -> None:
    """Print entities as a table or JSON."""
    if as_json:
        out.print_json(json.dumps([_entity_summary(e) for e in items]))
        return
    table = Table("name", "type", "mentions", "articles", "also written", "roles")
    for entity in items:
        others = [a for a in entity.aliases if a != entity.name]
        roles = sorted({r.title for r in entity.roles})
        table.add_row(
            escape(entity.name),
            entity.type,
            str(entity.mention_count),
            str(len(entity.article_ids)),
            escape(", ".join(others[:6])),
            escape("; ".join(roles[:4])),
        )
    out.print(table)


@app.command()
def people(db: DbOption = Path(api.DEFAULT_DB), as_json: JsonOption = False) -> None:
    """List the people of the corpus, one entry per person whatever the spelling or title."""
    _print_entities(_open(db).people(), as_json)


@app.command()
def entities(
    db: DbOption = Path(api.DEFAULT_DB),
    entity_type: Annotated[
        str | None, typer.Option("--type", help="person, place, org, group or event.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the canonical entities (people, places, organisations ...), most mentioned first."""
    _print_entities(_open(db).entities(entity_type), as_json)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name, alias or entity id.")],
    db: DbOption = Path(api.DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """Show one entity: aliases, roles with dates, and its mentions by date with their articles."""
    corpus = _open(db)
    found = corpus.entity(name)
    if found is None:
        _fail_usage(f"no entity matching {name!r}")
        return
    ent, mentions = found
    dates = {a.id: a.date.value for a in corpus.articles()}
    if as_json:
        data = {
            **_entity_summary(ent),
            "roles": [asdict(r) for r in ent.roles],
            "mentions": [{**asdict(m), "date": dates.get(m.article_id)} for m in mentions],
        }
        out.print_json(json.dumps(data))
        return
    out.print(f"[bold]{escape(ent.name)}[/bold] ({ent.type}, {ent.id})")
    out.print(f"also written: {escape(', '.join(a for a in ent.aliases if a != ent.name) or '—')}")
    for role in sorted(ent.roles, key=lambda r: r.date or ""):
        out.print(
            f"role: {escape(role.title)} [dim]({role.date or 'undated'}, article {role.article_id})[/dim]"
        )
    out.print(f"{len(mentions)} mentions in {len(ent.article_ids)} articles:")
    for m in mentions:
        out.print(f"  {dates.get(m.article_id) or 'no date':10} {m.article_id} {escape(m.text)}")


@app.command("clean")
def clean_command(
    file: Annotated[str, typer.Argument(help="A file to clean, or - for standard input.")],
    as_json: JsonOption = False,
) -> None:
    """Clean one file without storing it: clean text, metadata, and what was removed and why."""
    if file == "-":
        try:
            results: list = [(None, api.clean(sys.stdin.buffer.read(), name="<stdin>"))]
        except CleanError as exc:
            results = [IngestError("<stdin>", str(exc))]
    else:
        results = api.clean_file(file)
    failed = False
    payload = []
    for item in results:
        if isinstance(item, IngestError):
            failed = True
            err.print(f"[red]failed[/red] {escape(item.source)}: {escape(item.reason)}")
            continue
        doc, cleaned = item
        data = cleaned.to_dict()
        data.pop("raw_text")
        data["source"] = doc.source if doc else "<stdin>"
        payload.append(data)
        if not as_json:
            for name in ("title", "date", "outlet", "author", "language"):
                field = getattr(cleaned, name)
                out.print(
                    f"[bold]{name}:[/bold] {escape(str(field.value if field.known else '—'))}  "
                    f"[dim]({escape(field.source)}, confidence {field.confidence:.2f})[/dim]"
                )
            out.print()
            out.print(escape(cleaned.text))
            out.print()
            out.print(f"[bold]removed {len(cleaned.removed)} spans:[/bold]")
            for span in cleaned.removed:
                snippet = span.text.replace("\n", " ")[:70]
                out.print(f"  [dim]{span.start}-{span.end}[/dim] {span.reason}: {escape(snippet)}")
    if as_json:
        sys.stdout.write(
            json.dumps(payload if len(payload) != 1 else payload[0], ensure_ascii=False, indent=2)
        )
        sys.stdout.write("\n")
    raise typer.Exit(1 if failed else 0)


def _annotate_jsonl(
    file: str,
    output: Path | None,
    label: str,
    annotate: Callable[[Iterable[Any]], Iterable[tuple[Any, Any]]],
    to_json: Callable[[Any, Any], str],
) -> int:
    """Run one measurement contract over a JSON Lines file; return how many lines could not be read.

    Each bad line is reported on stderr with its number and skipped; every good record gives one
    output line, in input order, so offsets stay those of the text as given.
    """
    from contextlib import nullcontext

    from dateline.analyze import timex_jsonl

    if file != "-" and not Path(file).is_file():
        _fail_usage(f"{file}: no such file")
    failed = 0
    progress = Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )
    task = progress.add_task(label, total=timex_jsonl.count_lines(file) if err.is_terminal else None)

    def records(stream: Iterable[str]) -> Iterator[timex_jsonl.Record]:
        nonlocal failed
        for item in timex_jsonl.read_records(stream):
            if isinstance(item, timex_jsonl.LineError):
                failed += 1
                progress.advance(task)
                err.print(f"[red]error:[/red] {escape(file)} line {item.line}: {escape(item.reason)}; skipped")
                continue
            if item.warning:
                err.print(f"[yellow]warning:[/yellow] {escape(file)} line {item.line}: {escape(item.warning)}")
            yield item

    sink = output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)
    with timex_jsonl.open_text(file) as stream, sink as target, progress:
        for record, found in annotate(records(stream)):
            target.write(to_json(record, found) + "\n")
            progress.advance(task)
    return failed


@app.command("timex")
def timex_command(
    file: Annotated[str, typer.Argument(help="JSON Lines of {id, dct, text} records (.gz too, - for stdin).")],
    output_format: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here, not to stdout.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Texts per spaCy batch.")] = 64,
) -> None:
    """Find and resolve time expressions: one {"id", "timexes": [{start, end, type, value}]} line per record."""
    from dateline.analyze import timex_jsonl

    if output_format != "jsonl":
        _fail_usage(f"unknown format {output_format!r} (only jsonl)")
    failed = _annotate_jsonl(
        file, output, "timex", lambda records: timex_jsonl.annotate(records, batch_size=batch_size), timex_jsonl.to_json
    )
    raise typer.Exit(1 if failed else 0)


def _print_statements(corpus: api.Corpus, person: str | None, since: str | None, as_json: bool) -> None:
    """Print who said what in the corpus: one row per distinct statement, with first date and outlets."""
    if person and corpus.entity(person) is None:
        _fail_usage(f"no person matching {person!r}")
    statements = corpus.statements(person, since)
    if as_json:
        out.print_json(json.dumps([asdict(s) for s in statements]))
        return
    table = Table("first", "speaker", "statement", "outlets", "articles")
    for statement in statements:
        table.add_row(
            statement.first_date or "no date",
            escape(statement.speaker_name or "(no speaker in the text)"),
            escape(statement.text[:300]),
            escape(", ".join(o for o in statement.outlets if o)),
            str(len({q.article_id for q in statement.quotes})),
        )
    out.print(table)


@app.command("quotes")
def quotes_command(
    file: Annotated[
        str | None, typer.Argument(help="JSON Lines of {id, text} records (.gz too, - for stdin); none: the corpus.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="jsonl for a FILE; table or json for the corpus.")
    ] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here, not to standard output.")] = None,
    processes: Annotated[int, typer.Option("--processes", help="Parse with this many processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Texts per spaCy batch.")] = 32,
    person: Annotated[str | None, typer.Option("--person", help="Corpus mode: one person's quotes.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Corpus mode: quotes from this date on.")] = None,
    db: DbOption = Path(api.DEFAULT_DB),
) -> None:
    """Find who said what: one {"id", "quotes": [{content, speaker, speaker_name, kind, cue}]} line per record."""
    from dateline.analyze import quotes_jsonl

    if file is None:
        _print_statements(_open(db), person, since, as_json=output_format == "json")
        return
    if output_format != "jsonl":
        _fail_usage(f"unknown format {output_format!r} (only jsonl)")
    failed = _annotate_jsonl(
        file,
        output,
        "quotes",
        lambda records: quotes_jsonl.annotate(records, batch_size=batch_size, n_process=max(1, processes)),
        quotes_jsonl.to_json,
    )
    raise typer.Exit(1 if failed else 0)


RecordsArgument = Annotated[
    str | None,
    typer.Argument(help="JSON Lines of {id, text, title?, date?} records (.gz, - for stdin); none: the corpus."),
]
TableFormatOption = Annotated[str, typer.Option("--format", help="Output format: table or json.")]


@app.command("events")
def events_command(
    file: RecordsArgument = None,
    output_format: TableFormatOption = "table",
    processes: ProcessesOption = 1,
    db: DbOption = Path(api.DEFAULT_DB),
    embeddings: Annotated[
        bool,
        typer.Option(
            "--embeddings",
            help="Also compare articles by sentence embeddings (optional extra 'dateline[embeddings]'; "
            "records FILE only).",
        ),
    ] = False,
) -> None:
    """Group articles into events (one happening each), dated from what they say; copies join their original."""
    from dateline.corpus.cluster_records import event_summaries

    events = event_summaries(_clustering(file, db, processes, embeddings))
    if output_format == "json":
        sys.stdout.write(json.dumps(events, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("date", "reports", "label", "articles")
    for event in events:
        table.add_row(
            event["date"] or "—", str(event["independent_reports"]), escape(event["label"]),
            escape(", ".join(event["article_ids"])),
        )
    out.print(table)


@app.command("stories")
def stories_command(
    file: RecordsArgument = None,
    output_format: TableFormatOption = "table",
    processes: ProcessesOption = 1,
    db: DbOption = Path(api.DEFAULT_DB),
) -> None:
    """Link events into stories (one thread over months each), labelled by their key names and words."""
    from dateline.corpus.cluster_records import story_summaries

    stories = story_summaries(_clustering(file, db, processes))
    if output_format == "json":
        sys.stdout.write(json.dumps(stories, ensure_ascii=False, indent=2) + "\n")
        return
    for story in stories:
        out.print(f"[bold]{escape(story['label'])}[/bold]  {story['first_date']} .. {story['last_date']}")
        for event in story["events"]:
            out.print(f"  {event['date'] or '—':10}  {escape(event['label'])}  [{len(event['article_ids'])}]")


def _clustering(file: str | None, db: Path, processes: int, embeddings: bool = False) -> Clustering:
    """Cluster the records of a JSON Lines file, or the stored corpus when no file is given."""
    from dateline.corpus.cluster_records import cluster_records
    from dateline.corpus.embeddings import EmbeddingsUnavailable

    if file is None:
        if embeddings:
            _fail_usage("--embeddings works on a records FILE; the stored corpus is clustered by TF-IDF and entities")
        return _open(db).clustering()
    try:
        return cluster_records(_read_cluster_records(file), n_process=processes, embeddings=embeddings)
    except EmbeddingsUnavailable as exc:
        _fail_usage(str(exc))
        raise


def _read_cluster_records(file: str) -> list:
    """Read the records of a JSON Lines file (or stdin), or exit with a usage error."""
    from dateline.corpus.cluster_records import read_records

    if file != "-" and not Path(file).is_file():
        _fail_usage(f"{file}: no such file")
    try:
        return read_records(file, sys.stdin)
    except (ValueError, OSError) as exc:
        _fail_usage(f"{file}: not JSON Lines records ({exc})")
        raise


TIMELINE_FORMATS = ("md", "json", "html", "timelinejs")


@app.command("timeline")
def timeline_command(
    source: Annotated[
        str | None,
        typer.Argument(
            help="A story of the stored corpus (id or words of its label), or a JSON Lines file of "
            "{id, time, text, title?} records (.gz too, - for stdin). Omitted: the whole stored corpus."
        ),
    ] = None,
    dates: Annotated[int, typer.Option("--dates", min=1, help="How many key dates.")] = 10,
    per_date: Annotated[int, typer.Option("--per-date", min=1, help="Sentences per date.")] = 2,
    keywords: Annotated[
        str | None, typer.Option("--keywords", help="Comma-separated words; every sentence must contain one.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="First date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date (YYYY-MM-DD).")] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="Stored corpus: only articles matching this search.")
    ] = None,
    person: Annotated[
        str | None, typer.Option("--person", help="Stored corpus: only articles naming this person.")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="md, json, html or timelinejs.")] = "md",
    title: Annotated[str, typer.Option("--title", help="The timeline's title (md, html, timelinejs).")] = "Timeline",
    db: DbOption = Path(api.DEFAULT_DB),
    processes: ProcessesOption = 1,
) -> None:
    """Show the key dates and a short summary per date, made of source sentences that cite their articles."""
    from dateline.corpus.cluster_time import iso_day
    from dateline.render.timeline import to_html, to_json, to_markdown, to_timelinejs

    _check_format(output_format, TIMELINE_FORMATS)
    for name, value in (("--since", since), ("--until", until)):
        if value and iso_day(value) != value:
            _fail_usage(f"{name} {value!r} is not a date (YYYY-MM-DD)")
    words = [w.strip() for w in (keywords or "").split(",") if w.strip()] or None
    labels: dict[str, str] = {}
    if source is not None and (source == "-" or Path(source).is_file()):
        if query or person:
            _fail_usage("--query and --person select from the stored corpus, not from a file")
        entries = _timeline_of_file(source, dates, per_date, words, since, until, processes)
    else:
        corpus = _open(db)
        entries = _lookup(lambda: corpus.timeline(source, dates, per_date, since, until, query, person, words))
        labels = {a.id: f"{a.outlet.value or 'unknown outlet'}: {a.title.value or a.id}" for a in corpus.articles()}
    if output_format == "json":
        sys.stdout.write(to_json(entries) + "\n")
    elif output_format == "timelinejs":
        sys.stdout.write(to_timelinejs(entries, title) + "\n")
    elif output_format == "html":
        sys.stdout.write(to_html(entries, title, labels) + "\n")
    else:
        sys.stdout.write(to_markdown(entries, title) + "\n")


def _timeline_of_file(
    source: str, dates: int, per_date: int, words: list[str] | None, since: str | None, until: str | None,
    processes: int,
) -> list:
    """Parse the records of a JSON Lines file (with a progress bar) and build their timeline."""
    from dateline.corpus.cluster_records import read_records
    from dateline.corpus.timeline_input import parse_records, timeline_from_analyses

    try:
        records = read_records(source, sys.stdin)
    except (ValueError, OSError) as exc:
        _fail_usage(f"{source}: not JSON Lines records ({exc})")
        return []
    with Progress(
        TextColumn("[bold]timeline"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("parse", total=len(records))
        analyses = list(parse_records(
            records, n_process=processes, on_article=lambda _: progress.advance(task),
            on_error=lambda i, exc: err.print(f"[yellow]warning:[/yellow] {escape(i)} skipped: {escape(str(exc))}"),
        ))
    return timeline_from_analyses(records, analyses, dates, per_date, words, since, until)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command("serve")
def serve_command(
    db: DbOption = Path(api.DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless --token).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="DATELINE_TOKEN", help="Required on every request (Bearer, ?token= or cookie)."),
    ] = None,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", min=0.001, help="Largest upload accepted.")] = 10.0,
) -> None:
    """Start the local web app (stories, timelines, people, articles, search, ingest) and its JSON API."""
    import uvicorn

    from dateline.web.app import LOOPBACK_HOSTS as WEB_LOOPBACK
    from dateline.web.app import create_app

    if host not in LOOPBACK_HOSTS and not token:
        _fail_usage(f"--host {host} is reachable from other machines: give --token (or set DATELINE_TOKEN)")
    try:
        web = create_app(
            db,
            token=token,
            max_upload_bytes=int(max_upload_mb * 1024 * 1024),
            # On loopback, accept only loopback Host headers: a web page cannot rebind its name to this server.
            allowed_hosts=[*WEB_LOOPBACK] if host in LOOPBACK_HOSTS else None,
        )
    except StoreError as exc:
        _fail_usage(str(exc))
        return
    shown = f"[{host}]" if ":" in host else host
    err.print(f"dateline: serving {escape(str(db))} on http://{shown}:{port}/" + (" (token required)" if token else ""))
    uvicorn.run(web, host=host, port=port, log_level="warning")


CONFLICT_FORMATS = ("text", "json", "csv")
StoryOption = Annotated[str | None, typer.Option("--story", help="One story: its id or words of its label.")]
OutputFormatOption = Annotated[str, typer.Option("--format", help="Output format: text, json or csv.")]


@app.command("conflicts")
def conflicts_command(
    story: StoryOption = None,
    kind: Annotated[str | None, typer.Option("--kind", help="figure, date, count or quote.")] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list look-alikes about different things, and figures that changed.")
    ] = False,
    output_format: OutputFormatOption = "text",
    db: DbOption = Path(api.DEFAULT_DB),
) -> None:
    """Show where sources disagree: each group of values with its sentence, article, outlet and date, classed."""
    from dateline.render.conflicts import conflicts_csv, conflicts_json

    _check_format(output_format, CONFLICT_FORMATS)
    found = _lookup(lambda: _open(db).conflicts(story=story, kind=kind, include_all=show_all))
    if output_format == "json":
        sys.stdout.write(conflicts_json(found) + "\n")
        return
    if output_format == "csv":
        sys.stdout.write(conflicts_csv(found))
        return
    if not found:
        out.print("No disagreements found.")
        return
    for conflict in found:
        out.print(
            f"[bold]{escape(conflict.kind)} · {escape(conflict.verdict)}[/bold] · {escape(conflict.subject)}"
            f" — {escape(conflict.reason)}"
        )
        table = Table("value", "date", "outlet", "article", "sentence")
        for value in conflict.values:
            copy = f" (copy of {value.copy_of})" if value.copy_of else ""
            table.add_row(
                escape(value.text), value.date or "—", escape(value.outlet or ""), value.article_id + copy,
                escape(" ".join(value.sentence.split())),
            )
        out.print(table)


@app.command("coverage")
def coverage_command(
    story: StoryOption = None,
    output_format: OutputFormatOption = "text",
    db: DbOption = Path(api.DEFAULT_DB),
) -> None:
    """Show who covered each event (own report, copy only, first) and each story's outlets x events matrix."""
    from dateline.render.conflicts import CELL_MARKS, coverage_csv, coverage_json

    _check_format(output_format, CONFLICT_FORMATS)
    stories = _lookup(lambda: _open(db).coverage(story=story))
    if output_format == "json":
        sys.stdout.write(coverage_json(stories) + "\n")
        return
    if output_format == "csv":
        sys.stdout.write(coverage_csv(stories))
        return
    for item in stories:
        out.print(f"[bold]{escape(item.label)}[/bold]  ({item.story_id})")
        events = Table("date", "event", "own report", "copy only", "first")
        for event in item.events:
            events.add_row(
                event.date or "—", escape(event.label), escape(", ".join(event.independent)),
                escape(", ".join(event.copy_only)), escape(", ".join(event.first_outlets)),
            )
        out.print(events)
        matrix = Table("outlet", *[(e.date or "—") for e in item.events])
        for outlet, row in zip(item.outlets, item.cells, strict=True):
            matrix.add_row(escape(outlet), *[CELL_MARKS[cell] for cell in row])
        out.print(matrix)
        out.print("[dim]● first  ○ own report  ◌ copy only[/dim]")


def main() -> None:
    """Run the CLI (the ``dateline`` console script)."""
    app()


if __name__ == "__main__":
    main()
