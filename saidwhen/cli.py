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

from .extract import extract_many
from .ingest import Problem, RawArticle, read_articles
from .model import Article

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


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Text files, .jsonl/.jsonl.gz files, directories, globs, or - for stdin."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl: one JSON object per article; table: for reading."),
    text: bool = typer.Option(True, "--text/--no-text", help="Include the article text (the offsets index it)."),
    batch_size: int = typer.Option(64, help="Articles parsed together."),
) -> None:
    """Find every quotation in each article, with its speaker, cue and character offsets."""
    tally = _Tally()
    out = sys.stdout.buffer
    for article in extract_many(tally.records(paths), batch_size=batch_size):
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


if __name__ == "__main__":
    app()
