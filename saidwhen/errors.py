"""saidwhen's exceptions: one base class so callers can catch everything saidwhen raises on purpose."""

from __future__ import annotations


class SaidwhenError(Exception):
    """Base class of every error saidwhen raises deliberately (as opposed to bugs)."""


class InputError(SaidwhenError):
    """Input that cannot be read as articles, located by file and (where known) line.

    ``str()`` reads like a compiler message so it can go to stderr as is::

        articles.jsonl:17: not valid JSON (Expecting value: line 1 column 1)
    """

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(source, line, reason)

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"


class WorkerError(SaidwhenError):
    """A worker process of ``--jobs`` failed or died; the message says which batch and why."""
