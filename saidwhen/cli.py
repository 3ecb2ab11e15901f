"""The ``saidwhen`` command line: a thin shell over the Python API.

Results go to stdout (one JSON object per article, or a table); problems with the input go to
stderr with the file, the line and what is wrong, are counted, and never stop the run.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Iterator, List

import orjson
import typer
from rich.console import Console
from rich.table import Table

from .errors import WorkerError
from .ingest import Problem, read_articles
from .model import KINDS, Article, check_kinds
from .workers import Workers, default_jobs

app = typer.Typer(help="Who said what, when: quotations, speakers and dates from news articles.", no_args_is_help=True)
err = Console(stderr=True, highlight=False)


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


@app.callback()
def main() -> None:
    """saidwhen: who said what, when."""


class _Tally:
    """Counts what a run read, found and had to skip, for the summary on stderr."""

    def __init__(self) -> None:
        self.articles = self.quotes = self.bad = self.warnings = 0

    def records(self, paths: List[str]) -> Iterator[tuple]:
        """The readable articles as ``extract_many`` tuples; problems are reported as they come."""
        for item in read_articles(paths):
            if isinstance(item, Problem):
                label = "error" if item.fatal else "warning"
                err.print(f"[{'red' if item.fatal else 'yellow'}]{label}[/]: {item}", markup=True)
                if item.fatal:
                    self.bad += 1
                else:
                    self.warnings += 1
                continue
            yield item.text, item.date, item.url, item.id, item.title


KINDS_OPTION = typer.Option(
    ",".join(KINDS), "--kinds", "-k",
    help="Kinds of quotation, comma-separated: direct (in quotation marks), partial (a quoted fragment),"
         " indirect (reported without quotation marks), mixed (reported, with quoted fragments inside),"
         " summary (a demand, verdict or announcement summed up with no clause: \"called for an inquiry\","
         " \"announced his candidacy\"),"
         " question (a question someone asked: \"asked whether the vote would go ahead\").",
)


JOBS_OPTION = typer.Option(
    None, "--jobs", "-j", min=1, show_default="one per core",
    help="Processes that extract, each with its own model; the output is the same for any number. 1: all in this process.",
)

#: The exit status of a run stopped by Ctrl-C (128 + SIGINT), as a shell reports it.
INTERRUPTED = 130


def _kinds(value: str | None) -> frozenset[str] | None:
    """The ``--kinds`` asked for, or an error naming the known kinds and exit code 2."""
    if value is None:
        return None
    try:
        return check_kinds(value)
    except ValueError as e:
        err.print(f"[red]error[/]: --kinds: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=2)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Text files, .jsonl(.gz), .html pages, .warc(.gz) files, directories, globs, or - for stdin."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl: one JSON object per article; table: for reading."),
    text: bool = typer.Option(True, "--text/--no-text", help="Include the article text (the offsets index it)."),
    batch_size: int = typer.Option(64, help="Articles parsed together."),
    kinds: str = KINDS_OPTION,
    jobs: int = JOBS_OPTION,
) -> None:
    """Find every quotation in each article, with its speaker, cue and character offsets."""
    wanted = _kinds(kinds)
    tally = _Tally()
    out = sys.stdout.buffer
    try:
        with Workers(jobs or default_jobs(), batch_size=batch_size, kinds=wanted) as workers:
            for article in workers.extract(tally.records(paths)):
                tally.articles += 1
                tally.quotes += len(article.quotes)
                if "failed" in article.flags:
                    err.print(f"[red]error[/]: {article.id or 'article'}: extraction failed ({article.flags[-1]})", markup=True)
                    tally.bad += 1
                if format is Format.jsonl:
                    d = article.to_dict()
                    if not text:
                        d.pop("text")
                    out.write(orjson.dumps(d) + b"\n")
                    out.flush()
                else:
                    _print_table(article)
    except KeyboardInterrupt:
        err.print(f"interrupted after {tally.articles} article(s)")
        raise typer.Exit(code=INTERRUPTED)
    except WorkerError as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=1)
    err.print(
        f"{tally.articles} article(s), {tally.quotes} quote(s), {tally.bad} bad record(s), {tally.warnings} warning(s)"
    )
    if tally.articles == 0:
        raise typer.Exit(code=1)


_console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)


def _print_table(article: Article) -> None:
    console = _console
    title = " · ".join(x for x in (article.id, article.date.isoformat() if article.date else None, article.url) if x)
    console.print(f"\n[bold]{title}[/]" if title else "", markup=True)
    table = Table(box=None, show_lines=False, pad_edge=False)
    for col, kw in (("grp", {"justify": "right"}), ("speaker", {}), ("cue", {}), ("kind", {}),
                    ("quote", {"no_wrap": True, "max_width": 48, "overflow": "ellipsis"}), ("conf", {"justify": "right"})):
        table.add_column(col, **kw)
    for q in article.quotes:
        mention = f" ({q.speaker_mention.text})" if q.speaker_mention and q.speaker_mention.text != q.speaker else ""
        table.add_row(str(q.group), (q.speaker or "—") + mention, q.cue or "—", q.kind, q.text, f"{q.confidence:.2f}")
    console.print(table)
    for n in article.non_quotes:
        console.print(f"  not speech ({n.reason}): “{n.text}”")
    if article.times:
        console.print("  times: " + "; ".join(f"{t.text} → {t.value}" for t in article.times))



# ---------------------------------------------------------------- the store: index, search, who, stats, export

DB_OPTION = typer.Option("saidwhen.db", "--db", help="The SQLite database of the store.")


def _open_store(db: str, create: bool = False):
    """The store at ``db``, or an error on stderr and exit code 1."""
    from .store import Store, StoreError

    try:
        return Store(db, create=create)
    except StoreError as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=1)


def _from_store(db: str, read):
    """``read(store)`` on the store at ``db``, which is closed after; a ``StoreError`` (a bad
    query, nobody of that name, a locked database) is an error on stderr and exit code 1."""
    from .store import StoreError

    store = _open_store(db)
    try:
        return read(store)
    except StoreError as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=1)
    finally:
        store.close()


def _print_jsonl(rows) -> None:
    """One JSON object per line on stdout."""
    out = sys.stdout.buffer
    for row in rows:
        out.write(orjson.dumps(row) + b"\n")
    out.flush()


def _cleaner():
    """``saidwhen.clean.clean`` if that stage is installed, else None (the text is stored as read)."""
    import importlib

    try:
        module = importlib.import_module("saidwhen.clean")
    except ModuleNotFoundError as e:
        if e.name != "saidwhen.clean":
            raise
        return None
    return getattr(module, "clean", None)


@app.command()
def index(
    paths: List[str] = typer.Argument(..., help="Text files, .jsonl(.gz), .html pages, .warc(.gz) files, directories, globs, or - for stdin."),
    db: str = DB_OPTION,
    batch_size: int = typer.Option(500, help="Articles stored per transaction."),
    kinds: str = KINDS_OPTION,
    jobs: int = JOBS_OPTION,
) -> None:
    """Extract quotes from articles and add them to the store (already stored articles are skipped)."""
    wanted = _kinds(kinds)
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .store import StoreError

    store = _open_store(db, create=True)
    tally = _Tally()
    clean = _cleaner()

    def records():
        for text, date, url, id_, title in tally.records(paths):
            if clean is not None:
                cleaned = clean(text)
                text = cleaned if isinstance(cleaned, str) else getattr(cleaned, "text", text)
            yield text, date, url, id_, title

    progress = Progress(
        SpinnerColumn(), TextColumn("indexing"), BarColumn(),
        TextColumn("{task.completed} articles · {task.fields[quotes]} quotes · {task.fields[bad]} bad"),
        TimeElapsedColumn(), console=err, transient=False,
    )

    def articles(task, workers):
        for article in workers.extract(records()):
            tally.articles += 1
            tally.quotes += len(article.quotes)
            if "failed" in article.flags:
                err.print(f"[red]error[/]: {article.id or 'article'}: extraction failed ({article.flags[-1]})", markup=True, soft_wrap=True)
                tally.bad += 1
            progress.update(task, advance=1, quotes=tally.quotes, bad=tally.bad)
            yield article

    try:
        # The workers start before the progress bar's thread does (they may be forked), and
        # before the store's MinHash library is imported (they need none of it): a Ctrl-C that
        # lands in that import, at the first article, would end in an ImportError.
        with Workers(jobs or default_jobs(), kinds=wanted) as workers:
            import datasketch  # noqa: F401
            with progress:
                task = progress.add_task("index", total=None, quotes=0, bad=0)
                stats = store.index(articles(task, workers), batch_size=batch_size)
    except KeyboardInterrupt:
        err.print(f"{db}: interrupted; the articles stored before the batch in progress are kept, that batch is not", soft_wrap=True)
        raise typer.Exit(code=INTERRUPTED)
    except (StoreError, WorkerError) as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=1)
    finally:
        store.close()
    err.print(
        f"{db}: {tally.articles} article(s) read, {stats.articles} new, {stats.duplicates} already stored,"
        f" {stats.syndicated} syndicated cop{'y' if stats.syndicated == 1 else 'ies'};"
        f" {stats.quotes} new quote(s), {stats.occurrences} occurrence(s);"
        f" {tally.bad} bad record(s), {tally.warnings} warning(s)",
        soft_wrap=True,
    )
    if tally.articles == 0:
        raise typer.Exit(code=1)


@app.command()
def search(
    text: str = typer.Argument(..., help='Full-text query (SQLite FTS5): words, "a phrase", OR, NOT, prefix*.'),
    speaker: str = typer.Option(None, "--speaker", "-s", help="Only quotes said by this person (name or alias)."),
    since: str = typer.Option(None, help="Said on or after: YYYY, YYYY-MM or YYYY-MM-DD."),
    until: str = typer.Option(None, help="Said on or before: YYYY, YYYY-MM or YYYY-MM-DD."),
    limit: int = typer.Option(20, "--limit", "-n", help="At most this many quotes."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per quote instead of a table."),
    kinds: str = typer.Option(None, "--kinds", "-k", help="Only these kinds of quotation, comma-separated: direct, partial, indirect, mixed (default: all)."),
    db: str = DB_OPTION,
) -> None:
    """Search the stored quotes, best match first."""
    wanted = _kinds(kinds)
    hits = _from_store(db, lambda store: store.search(text, speaker=speaker, since=since, until=until, limit=limit, kinds=wanted))
    if as_json:
        _print_jsonl(hit.to_dict() for hit in hits)
        return
    if not hits:
        err.print(f"no quotes match {text!r}")
        return
    table = Table(box=None, pad_edge=False)
    for col, kw in (("said", {}), ("speaker", {}), ("quote", {"max_width": 70, "overflow": "fold"}), ("×", {"justify": "right"}), ("source", {"no_wrap": True, "max_width": 40, "overflow": "ellipsis"})):
        table.add_column(col, **kw)
    for h in hits:
        table.add_row(h.said_date or "—", h.speaker or "—", h.text, str(h.occurrences), h.url or h.source_id or h.title or f"article {h.article_id}")
    _console.print(table)


@app.command()
def variants(
    text: str = typer.Argument(None, help="Only quotations one of whose renderings contains this text (case aside)."),
    speaker: str = typer.Option(None, "--speaker", "-s", help="Only quotations said by this person (name or alias)."),
    altered: bool = typer.Option(False, "--altered", help="Only quotations printed at least once with words changed."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per quotation instead of text."),
    db: str = DB_OPTION,
) -> None:
    """How each quotation was re-printed: its renderings against the first, with who printed each."""
    from .search import variants as find

    found = _from_store(db, lambda store: find(store, text, speaker=speaker, altered=altered))
    if as_json:
        _print_jsonl(v.to_dict() for v in found)
        return
    if not found:
        err.print("no quotation was printed in more than one rendering" + (" with words altered" if altered else "")
                  + (f" matching {text!r}" if text else ""))
        return
    for v in found:
        _console.print(f"[bold]{v.speaker or 'unknown speaker'}[/], first seen {v.first_seen or '—'} (quote {v.quote_id})",
                       highlight=False, soft_wrap=True)
        for r in v.renderings:
            first = r.occurrences[0] if r.occurrences else None
            where = f"{first.date or '—'} {first.url or f'article {first.article_id}'}" if first else "—"
            more = f" (+{len(r.occurrences) - 1} more)" if len(r.occurrences) > 1 else ""
            shown = r.text if r.change == "original" else r.diff
            _console.print(f"  {r.change:<11} {shown}", markup=False, highlight=False, soft_wrap=True)
            _console.print(f"              first printed {where}{more}", markup=False, highlight=False, soft_wrap=True)
        _console.print()


@app.command()
def who(name: str = typer.Argument(..., help="A speaker's name or alias (any case)."), db: str = DB_OPTION) -> None:
    """What the store knows of one speaker: counts, dates, cues and quotes per month."""
    p = _from_store(db, lambda store: store.who(name))
    c = _console
    c.print(f"[bold]{p.name}[/] ({p.kind or 'PERSON'}{', ' + p.role if p.role else ''})", markup=True)
    if p.aliases:
        c.print(f"  also: {', '.join(p.aliases)}")
    if p.joined:
        c.print("  joined: " + ", ".join(f"{name} ({why})" for name, why in p.joined))
    if p.others:
        c.print(f"  also called {name!r}: {', '.join(p.others)} (ask for the full name)")
    c.print(f"  {p.quotes} quote(s) in {p.articles} article(s) (syndicated copies counted once)")
    if p.kinds:
        c.print("  by kind: " + ", ".join(f"{k} ({n})" for k, n in p.kinds))
    c.print(f"  first said {p.first_said or '—'}, last said {p.last_said or '—'}")
    if p.top_cues:
        c.print("  cues: " + ", ".join(f"{cue} ({n})" for cue, n in p.top_cues))
    if p.per_month:
        c.print("  quotes per month:")
        for line in _bar_chart(p.per_month):
            c.print("    " + line, markup=False)
    if p.recent:
        c.print("  latest:")
        for said, text in p.recent:
            c.print(f"    {said or '—'}  “{text[:100]}{'…' if len(text) > 100 else ''}”", markup=False)


people_app = typer.Typer(help="Correct who is who in a store: join two records of one person, or part a wrong join.",
                         no_args_is_help=True)
app.add_typer(people_app, name="people")


@people_app.command("merge")
def people_merge(name: str = typer.Argument(..., help="A person's name, or a name joined to someone else."),
                 into: str = typer.Argument(..., help="The person it is (name or alias)."), db: str = DB_OPTION) -> None:
    """Join NAME to the person INTO; re-indexing keeps the join."""
    _correct(db, lambda store: store.merge_people(name, into), "joined {0!r} to {1}")


@people_app.command("split")
def people_split(name: str = typer.Argument(..., help="A name indexing joined to someone (see `saidwhen who`)."),
                 db: str = DB_OPTION) -> None:
    """Make NAME a person of its own, with the quotes its articles gave it; re-indexing keeps them apart."""
    _correct(db, lambda store: store.split_person(name), "{0!r} is now a person of its own (was joined to {1})")


@people_app.command("corrections")
def people_corrections(db: str = DB_OPTION) -> None:
    """The joins and splits made by hand, oldest first."""
    for action, name, person, made in _from_store(db, lambda store: store.corrections()):
        _console.print(f"{made or '—'}  {action:<5}  {name}" + (f" → {person}" if action == "merge" else f" (from {person})"),
                       markup=False)


def _correct(db: str, change, message: str) -> None:
    _console.print(message.format(*_from_store(db, change)), markup=False)


def _bar_chart(rows, width: int = 40) -> list[str]:
    """One line per (label, count): the label, a bar scaled to the largest count, the count."""
    top = max((n for _, n in rows), default=0) or 1
    return [f"{label} {'█' * round(n / top * width) or ('▏' if n else '')}{' ' if n else ''}{n}" for label, n in rows]


@app.command()
def stats(
    by: List[str] = typer.Option(None, "--by", help="Count the people quoted and their quotations by gender, outlet and/or month"
                                 " (comma-separated or repeated, e.g. --by outlet,gender)."),
    as_json: bool = typer.Option(False, "--json", help="With --by: one JSON object per row instead of a table."),
    db: str = DB_OPTION,
) -> None:
    """Counts over the whole store; with --by, the source balance (who is quoted, by gender)."""
    if by:
        return _balance(by, as_json, db)
    store = _open_store(db)
    try:
        s = store.stats()
    finally:
        store.close()
    c = _console
    c.print(f"[bold]{s.path}[/] ({s.bytes / 1e6:.1f} MB)", markup=True)
    c.print(f"  articles     {s.articles:>10,}  ({s.article_rows:,} stored, {s.syndicated:,} syndicated copies)")
    c.print(f"  quotes       {s.quotes:>10,}  ({s.occurrences:,} occurrences)")
    c.print(f"  people       {s.people:>10,}")
    c.print(f"  times        {s.times:>10,}")
    c.print(f"  non-quotes   {s.non_quotes:>10,}")
    c.print(f"  dates        {s.first_date or '—'} … {s.last_date or '—'}")
    if s.top_speakers:
        c.print("  most quoted: " + ", ".join(f"{name} ({n})" for name, n in s.top_speakers))


def _balance(by: list[str], as_json: bool, db: str) -> None:
    """``stats --by``: the table of ``saidwhen.balance``, a row per outlet and/or month."""
    from rich.table import Table

    from .balance import balance, check_by

    try:
        dims = check_by(by)
    except ValueError as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=2)
    rows = _from_store(db, lambda store: balance(store.connection, dims))
    if as_json:
        _print_jsonl(r.to_dict(dims) for r in rows)
        return
    keys = [d for d in dims if d != "gender"]
    table = Table(title="people quoted / quotations" + (" by the speakers' gender as the articles present it" if "gender" in dims else ""))
    for k in keys:
        table.add_column(k)
    groups = list(rows[0].people) if rows else []
    for g in groups:
        table.add_column(g, justify="right")
    if "gender" in dims:
        table.add_column("women among known", justify="right")
        table.add_column("unknown", justify="right")
    pct = lambda x: "—" if x is None else f"{100 * x:.0f}%"  # noqa: E731
    for r in rows:
        cells = list(r.key) + [f"{r.people[g]} / {r.quotations[g]}" for g in groups]
        if "gender" in dims:
            cells += [pct(r.female_share), pct(r.unknown_share)]
        table.add_row(*cells)
    _console.print(table)
    if "gender" in dims:
        _console.print("Gender is inferred by rules from titles, pronouns and first names (benchmarks/gender.py gives the error);"
                       " people the articles give no gender to stay unknown.", soft_wrap=True)


class ExportFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="parquet, jsonl or csv: one file per table."),
    out: str = typer.Option("saidwhen-export", "--out", "-o", help="Folder to write the files to."),
    db: str = DB_OPTION,
) -> None:
    """Write every table of the store to a folder, one file per table."""
    from .search import export as export_tables

    paths = _from_store(db, lambda store: export_tables(store, out, format.value))
    for path in paths:
        err.print(f"wrote {path}")



@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default; the app has no login)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve a read-only web interface to the store: search, speakers, quotes, articles, and a JSON API."""
    import uvicorn

    from .store import StoreError
    from .web import create_app

    try:
        web_app = create_app(db)
    except StoreError as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=1)
    err.print(f"serving {db} on http://{host}:{port}/ (API documentation at /docs)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)


# ---------------------------------------------------------------- past one machine: spark, load


@app.command()
def spark(
    inputs: List[str] = typer.Argument(..., help="Files, directories, globs: local paths or any URI Spark reads (hdfs://, s3a://)."),
    out: str = typer.Option(..., "--out", "-o", help="Folder for the Parquet tables (one folder per table) and rejected/."),
    master: str = typer.Option("local[*]", "--master", help="Spark master: local[*], local[N], spark://…, yarn."),
    partitions: int = typer.Option(None, "--partitions", help="Partitions for extraction (default: two per core)."),
    kinds: str = KINDS_OPTION,
) -> None:
    """Build the record of a corpus with Apache Spark: the tables of `export --format parquet`."""
    from .errors import SaidwhenError
    from .spark import run

    try:
        run(inputs, out, master=master, partitions=partitions, kinds=_kinds(kinds), log=lambda msg: err.print(msg, soft_wrap=True, markup=False))
    except SaidwhenError as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=1)


@app.command()
def load(
    directory: str = typer.Argument(..., help="Folder of Parquet tables written by `saidwhen spark` or `saidwhen export --format parquet`."),
    db: str = DB_OPTION,
) -> None:
    """Fill a new or empty store from Parquet tables, so search, who, stats and serve work on them."""
    from .load import load_parquet
    from .store import StoreError

    try:
        stats = load_parquet(directory, db)
    except StoreError as e:
        err.print(f"[red]error[/]: {e}", markup=True, soft_wrap=True)
        raise typer.Exit(code=1)
    err.print(f"{db}: loaded {stats}", soft_wrap=True)


if __name__ == "__main__":
    app()
