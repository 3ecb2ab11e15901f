"""The input stage: turn files, directories, globs and stdin into a stream of raw articles.

``read_articles`` is what ``saidwhen extract PATH...`` reads through. It yields ``RawArticle``
records one at a time (a JSONL file is read line by line, never whole) and, in-line with them,
``Problem`` records for anything wrong with the input, so the CLI can print each problem to stderr,
count them, and carry on with the rest. Bad input never raises out of the iterator: a missing
file, a binary file, a broken JSON line or a truncated gzip each become a ``Problem``.

Formats:

* plain text (any file without one of the suffixes below, typically ``.txt``): one article per
  file, optionally starting with a ``date YYYY-MM-DD`` header (see ``split_date_header``); the
  article id is the file stem;
* ``.jsonl`` and ``.jsonl.gz``: one JSON object per line, ``{id, url, date, title, text}``, only
  ``text`` required;
* ``.html`` and ``.htm``: one web page per file. The article body and headline are found by
  trafilatura (navigation, adverts, footers and comments left out), the publication date by
  htmldate, the url from ``<link rel="canonical">`` or ``og:url``; the id is the file stem;
* ``.warc`` and ``.warc.gz``: web archives, read with warcio one record at a time. Every HTML
  ``response`` record with a 2xx status is one page, read as above; its url is the record's
  ``WARC-Target-URI`` and its date, when the page itself gives none, the record's ``WARC-Date``
  (the day it was fetched). The id is ``<file stem>#<record number>``. Other records (requests,
  metadata, images, redirects) are skipped silently. A corrupt record is reported with its number
  and byte offset, and reading resumes at the next record that can be found;
* a directory: every ``.txt``, ``.jsonl``, ``.jsonl.gz``, ``.html``, ``.htm``, ``.warc`` and
  ``.warc.gz`` file below it, sorted (hidden files and directories, names starting with ``.``, are
  skipped);
* a glob pattern (``data/*.txt``, ``data/**/*.jsonl``), expanded in sorted order;
* ``-``: standard input, JSONL if its first non-blank character is ``{``, else one plain-text
  article.
"""

from __future__ import annotations

import datetime
import glob
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from saidwhen.errors import InputError

__all__ = ["RawArticle", "Problem", "read_articles", "read_file_bytes", "read_jsonl_line", "split_date_header"]

STDIN = "<stdin>"

# How much of a file is looked at to decide it is binary (and, on stdin, whether it is JSONL).
SNIFF_SIZE = 8192

# Directory walks pick up these suffixes only; an explicitly named file may have any suffix.
DIRECTORY_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm", ".warc", ".warc.gz")
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")

# Pages bigger than this are not parsed (a multi-megabyte "page" is a data dump, not an article,
# and lxml's memory grows many times over the input size).
MAX_PAGE_BYTES = 20_000_000

# A page whose main text has fewer words than this has no article: what is left is a menu entry
# or a button ("Home", "Log in to continue").
MIN_PAGE_WORDS = 5

# HTTP content types taken as web pages in WARC response records.
_HTML_TYPES = ("text/html", "application/xhtml+xml")

# <meta> elements that declare a publication date, looked at only to name a date htmldate could
# not read (htmldate itself reads these and many more).
_DECLARED_DATE_XPATH = (
    '//meta[@property="article:published_time" or @property="og:published_time"'
    ' or @name="article:published_time" or @itemprop="datePublished" or @name="date"'
    ' or @name="pubdate" or @name="publishdate" or @name="DC.date.issued"]/@content'
)

# Errors a read can raise midway: I/O errors (gzip.BadGzipFile is one), a truncated gzip stream
# (EOFError) and corrupt deflate data (zlib.error).
_READ_ERRORS = (OSError, EOFError, zlib.error)

_GLOB_MAGIC = re.compile(r"[*?\[]")
_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|\Z)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]")


@dataclass(frozen=True)
class RawArticle:
    """One article as read from the input, before any analysis.

    ``source`` is the file path (as given or as found under a directory) or ``"<stdin>"``;
    ``line`` is the JSONL line number, None for a plain-text article.
    """

    text: str
    date: datetime.date | None
    url: str | None
    id: str | None
    title: str | None
    source: str
    line: int | None


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, reported in-line so reading can go on.

    ``fatal=True`` means the record (or the whole file, when ``line`` is None) was skipped;
    ``fatal=False`` is a warning: the record still went through, e.g. with its date dropped.
    ``str()`` gives ``source:line: reason``.
    """

    source: str
    line: int | None
    reason: str
    fatal: bool

    def __str__(self) -> str:
        return str(self.to_error())

    def to_error(self) -> InputError:
        """The same problem as an exception, for callers that want to stop at the first one."""
        return InputError(self.source, self.line, self.reason)


def split_date_header(text: str) -> tuple[datetime.date | None, str]:
    """Split a leading ``date YYYY-MM-DD`` header off an article: ``(date, rest_of_text)``.

    The header is optional leading whitespace, the word ``date``, an ISO date, then whitespace
    (or the end of the text); it is removed along with that whitespace. Without a header the text
    comes back unchanged with date None. A header-shaped prefix with an impossible date
    (``date 2020-13-45``) is still removed, and the date is None.
    """
    date, rest, _ = _match_header(text)
    return date, rest


def read_articles(
    paths: Iterable[str], stdin: TextIO | BinaryIO | None = None
) -> Iterator[RawArticle | Problem]:
    """Yield every article under ``paths``, in order, with any ``Problem`` met along the way.

    ``"-"`` reads ``stdin`` (``sys.stdin`` when None). Nothing is read before it is needed, and a
    JSONL file is read one line at a time, so memory stays bounded by the largest article.
    """
    for path in paths:
        if path == "-":
            yield from _read_stdin(sys.stdin if stdin is None else stdin)
        else:
            yield from _read_path(path)


# --- paths -------------------------------------------------------------------------------------


def _read_path(path: str) -> Iterator[RawArticle | Problem]:
    """Read one command-line argument: a file, a directory or a glob pattern."""
    if os.path.isdir(path):
        yield from _read_directory(path)
    elif os.path.exists(path):
        yield from _read_file(path)
    elif _GLOB_MAGIC.search(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield Problem(path, None, "no files match this pattern", True)
        for match in matches:
            if os.path.isdir(match):
                yield from _read_directory(match)
            else:
                yield from _read_file(match)
    else:
        yield Problem(path, None, "no such file or directory", True)


def _read_directory(path: str) -> Iterator[RawArticle | Problem]:
    """Read every article file below ``path``, sorted by path, skipping hidden entries."""
    errors: list[OSError] = []
    found: list[str] = []
    for root, dirs, files in os.walk(path, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(DIRECTORY_SUFFIXES):
                found.append(os.path.join(root, name))
    for err in errors:
        yield Problem(err.filename or path, None, f"cannot read directory ({_os_reason(err)})", True)
    if not found:
        yield Problem(path, None, "no .txt, .jsonl or .jsonl.gz files in this directory (nor .html, .htm, .warc or .warc.gz)", True)
    found.sort(key=lambda p: os.path.relpath(p, path).split(os.sep))
    for file in found:
        yield from _read_file(file)


def read_file_bytes(path: str, data: bytes) -> Iterator[RawArticle | Problem]:
    """Read one file already in memory (``data``, its bytes) exactly as ``read_articles`` reads
    the file ``path``: the format is chosen by the name, and ``path`` is the source in every
    record and problem. The Spark job reads files from HDFS or S3 this way."""
    yield from _read_file(path, data)


def _read_file(path: str, data: bytes | None = None) -> Iterator[RawArticle | Problem]:
    """Read one file, choosing the format by its name (from ``data`` when given, else from disk)."""
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from _read_warc(path, data)
        return
    if name.endswith(HTML_SUFFIXES):
        yield from _read_html_file(path, data)
        return
    gz = name.endswith(".jsonl.gz")
    jsonl = gz or name.endswith(".jsonl")
    try:
        if data is not None:
            f = gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") if gz else io.BytesIO(data)
        else:
            f = gzip.open(path, "rb") if gz else open(path, "rb")
    except OSError as err:
        yield Problem(path, None, f"cannot open ({_os_reason(err)})", True)
        return
    with f:
        try:
            head = f.read(SNIFF_SIZE)
        except _READ_ERRORS as err:
            yield Problem(path, 1 if jsonl else None, _read_failure(err, gz), True)
            return
        if not head:
            yield Problem(path, None, "empty file", True)
        elif b"\0" in head:
            yield Problem(path, None, "binary file, not text", True)
        elif jsonl:
            yield from _read_jsonl(path, head, f, gz=gz, noun="file")
        else:
            yield from _read_text(path, head, f, article_id=Path(path).stem, noun="file")


def _read_stdin(stream: TextIO | BinaryIO) -> Iterator[RawArticle | Problem]:
    """Read standard input: JSONL if the first non-blank character is ``{``, else one article."""
    # A real sys.stdin is read as bytes, so undecodable input becomes a warning, not a crash.
    stream = getattr(stream, "buffer", None) or stream
    try:
        head = stream.read(SNIFF_SIZE) or b""
        while head and not head.strip():  # skip leading blank space to find the first character
            more = stream.read(SNIFF_SIZE)
            if not more:
                break
            head += more
    except _READ_ERRORS as err:
        yield Problem(STDIN, None, _read_failure(err, False), True)
        return
    nul = b"\0" if isinstance(head, bytes) else "\0"
    if not head.strip():
        yield Problem(STDIN, None, "empty input", True)
    elif nul in head[:SNIFF_SIZE]:
        yield Problem(STDIN, None, "binary input, not text", True)
    elif _first_char(head) == "{":
        yield from _read_jsonl(STDIN, head, stream, gz=False, noun="input")
    else:
        yield from _read_text(STDIN, head, stream, article_id=None, noun="input")


def _first_char(head: bytes | str) -> str:
    """The first non-blank character of ``head``, ignoring a byte-order mark."""
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    return head.lstrip("\ufeff").lstrip()[:1]


# --- formats -----------------------------------------------------------------------------------


def _read_text(
    source: str, head: bytes | str, f: TextIO | BinaryIO, *, article_id: str | None, noun: str
) -> Iterator[RawArticle | Problem]:
    """One plain-text article: the whole stream, with an optional date header."""
    try:
        data = head + f.read()
    except _READ_ERRORS as err:
        yield Problem(source, None, _read_failure(err, False), True)
        return
    if isinstance(data, bytes):
        text, bad_at = _decode(data)
        if bad_at is not None:
            yield Problem(source, None, _utf8_reason(bad_at), False)
    else:
        text = data
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        yield Problem(source, None, f"empty {noun}", True)
        return
    date, body, bad_header = _match_header(text)
    if bad_header is not None:
        yield Problem(
            source, None, f"date header {bad_header} is not a valid date; article kept without a date", False
        )
    body = body.strip()
    if not body:
        yield Problem(source, None, "no article text after the date header", True)
        return
    yield RawArticle(text=body, date=date, url=None, id=article_id, title=None, source=source, line=None)


def _read_jsonl(
    source: str, head: bytes | str, f: TextIO | BinaryIO, *, gz: bool, noun: str
) -> Iterator[RawArticle | Problem]:
    """One article per JSON line; a bad line is reported and skipped, and reading goes on."""
    lines = _lines(head, f)
    lineno = 0
    offset = 0  # byte offset of the current line, for the UTF-8 warning
    warned_utf8 = False
    seen_content = False
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            break
        except _READ_ERRORS as err:
            yield Problem(source, lineno + 1, _read_failure(err, gz), True)
            return
        lineno += 1
        if isinstance(raw, bytes):
            line, bad_at = _decode(raw)
            if bad_at is not None and not warned_utf8:
                # Once per file: a Latin-1 file would otherwise warn on every line.
                yield Problem(source, lineno, _utf8_reason(offset + bad_at), False)
                warned_utf8 = True
            offset += len(raw)
        else:
            line = raw
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen_content = True
        yield from _jsonl_record(source, lineno, line)
    if not seen_content:
        yield Problem(source, None, f"empty {noun}", True)


def read_jsonl_line(source: str, lineno: int, line: str) -> Iterator[RawArticle | Problem]:
    """One line of a JSONL file as ``read_articles`` reads it: the article, or the problems with
    it (a blank line gives nothing). The Spark job reads JSONL files line by line this way."""
    if lineno == 1:
        line = line.lstrip("\ufeff")
    if line.strip():
        yield from _jsonl_record(source, lineno, line)


def _jsonl_record(source: str, lineno: int, line: str) -> Iterator[RawArticle | Problem]:
    """Parse one non-blank JSONL line into an article, with warnings for bad optional fields."""

    def fatal(reason: str) -> Problem:
        return Problem(source, lineno, reason, True)

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        yield fatal(f"not valid JSON ({err.msg}: line {err.lineno} column {err.colno})")
        return
    except RecursionError:
        yield fatal("not valid JSON (nested too deeply)")
        return
    if not isinstance(obj, dict):
        yield fatal(f"not a JSON object (found {_json_type(obj)})")
        return
    if "text" not in obj:
        yield fatal('no "text" field')
        return
    text = obj["text"]
    if not isinstance(text, str):
        yield fatal(f'"text" is {_json_type(text)}, not a string')
        return
    text = text.replace("\r\n", "\n")
    if not text.strip():
        yield fatal('"text" is empty')
        return

    date, date_problem = _parse_date(obj.get("date"))
    if date_problem:
        yield Problem(source, lineno, date_problem, False)
    fields: dict[str, str | None] = {}
    for key in ("id", "url", "title"):
        value = obj.get(key)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            yield Problem(source, lineno, f'"{key}" is {_json_type(value)}, not a string; ignored', False)
            value = None
        fields[key] = value or None
    yield RawArticle(
        text=text,
        date=date,
        url=fields["url"],
        id=fields["id"],
        title=fields["title"],
        source=source,
        line=lineno,
    )


def _parse_date(value: object) -> tuple[datetime.date | None, str | None]:
    """A JSONL ``date`` field: ``YYYY-MM-DD`` or an ISO datetime (its date part, as written)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        s = value.strip()
        try:
            if _ISO_DATE.fullmatch(s):
                return datetime.date.fromisoformat(s), None
            if _ISO_DATETIME.match(s):
                return datetime.datetime.fromisoformat(s).date(), None
        except ValueError:
            pass
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return None, f'"date" {shown} is not YYYY-MM-DD or an ISO datetime; article kept without a date'


# --- web pages and web archives ---------------------------------------------------------------


def _read_html_file(path: str, data: bytes | None = None) -> Iterator[RawArticle | Problem]:
    """One web page from a ``.html``/``.htm`` file (or its bytes, ``data``)."""
    if data is None:
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_PAGE_BYTES + 1)
        except OSError as err:
            yield Problem(path, None, f"cannot open ({_os_reason(err)})", True)
            return
    if not data.strip():
        yield Problem(path, None, "empty file", True)
        return
    if b"\0" in data[:SNIFF_SIZE]:
        yield Problem(path, None, "binary file, not text", True)
        return
    if len(data) > MAX_PAGE_BYTES:
        yield Problem(path, None, f"page larger than {MAX_PAGE_BYTES} bytes; skipped", True)
        return
    yield from _page(path, None, data, article_id=Path(path).stem, where="")


def _page(
    source: str,
    url: str | None,
    data: bytes,
    *,
    article_id: str | None,
    where: str,
    fallback_date: datetime.date | None = None,
) -> Iterator[RawArticle | Problem]:
    """Turn the bytes of one HTML page into an article, or problems saying why not.

    ``url`` (a WARC record's target) wins over the page's own canonical url; ``where`` prefixes
    every problem's reason (``"record 3 at byte 1024 (https://…): "`` inside a WARC);
    ``fallback_date`` is used when htmldate finds no date in the page.
    """
    # trafilatura and htmldate pull in lxml and more; loaded only when a page is actually read.
    import htmldate
    import trafilatura
    from trafilatura.utils import decode_file, load_html

    try:
        tree = load_html(decode_file(data))
    except Exception as err:  # lxml raises a variety of errors on hostile markup
        yield Problem(source, None, f"{where}cannot parse HTML ({err})", True)
        return
    if tree is None:
        yield Problem(source, None, f"{where}cannot parse HTML", True)
        return

    url = url or _canonical_url(tree)

    # extensive_search=False: htmldate's search of the whole text takes a "© 2024" footer for a
    # date (2024-01-01), which is worse than no date; the metadata, url and markup it reads are
    # reliable.
    try:
        found = htmldate.find_date(deepcopy(tree), extensive_search=False, original_date=True, url=url)
    except Exception:  # htmldate should not raise, but a bad date must never cost the article
        found = None
    date = datetime.date.fromisoformat(found) if found else None
    if date is None:
        declared = [d.strip() for d in tree.xpath(_DECLARED_DATE_XPATH) if d.strip()]
        if declared:
            shown = declared[0] if len(declared[0]) <= 40 else declared[0][:37] + "..."
            instead = f"the record's WARC-Date {fallback_date} used" if fallback_date else "article kept without a date"
            yield Problem(source, None, f'{where}publication date "{shown}" cannot be parsed; {instead}', False)
        date = fallback_date

    # favor_precision: a page with no article (an index, a login wall) then gives nothing rather
    # than its menu; the cost, a short aside lost now and then, is the better error for quotes.
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as err:  # trafilatura catches most of its own errors; not all
        yield Problem(source, None, f"{where}cannot extract the main text ({type(err).__name__}: {err})", True)
        return
    text = _paragraphs(getattr(doc, "text", None) or "") if doc is not None else ""
    title = (getattr(doc, "title", None) or "").strip() or None if doc is not None else None
    if title and text.startswith(title + "\n") or title and text == title:
        text = text[len(title) :].lstrip("\n")  # the headline is kept in ``title``, not the body
    if len(text.split()) < MIN_PAGE_WORDS:
        yield Problem(source, None, f"{where}no main text found in the page", True)
        return
    yield RawArticle(text=text, date=date, url=url, id=article_id, title=title, source=source, line=None)


def _paragraphs(text: str) -> str:
    """trafilatura's text has one paragraph per line; saidwhen separates paragraphs by a blank
    line (that is what multi-paragraph quote linking and the plain-text format expect)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n\n".join(line for line in lines if line)


def _canonical_url(tree) -> str | None:  # noqa: ANN001 - an lxml element
    """The page's own url: ``<link rel="canonical">``, else ``og:url``; absolute http(s) only."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            value = value.strip()
            if value.startswith(("http://", "https://")):
                return value
    return None


def _read_warc(path: str, data: bytes | None = None) -> Iterator[RawArticle | Problem]:
    """Every HTML response record of a WARC file, one record at a time.

    warcio reads the file as a stream (each record's payload is read once and dropped). When a
    record cannot be read, the problem names its number and byte offset, and reading resumes at the
    next record start found after it (the next gzip member in a ``.warc.gz``, the next
    ``WARC/1.x`` line in a ``.warc``); the false starts met on the way are not reported again.
    """
    from warcio.archiveiterator import ArchiveIterator

    gz = path.lower().endswith(".gz")
    stem = Path(path).name
    for suffix in (".gz", ".warc"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    try:
        f = io.BytesIO(data) if data is not None else open(path, "rb")
    except OSError as err:
        yield Problem(path, None, f"cannot open ({_os_reason(err)})", True)
        return
    with f:
        try:
            first = f.read(SNIFF_SIZE)
        except OSError as err:
            yield Problem(path, None, f"read error, stopped reading ({_os_reason(err)})", True)
            return
        if not first.strip():
            yield Problem(path, None, "empty file", True)
            return
        number = 0  # records met so far, counting skipped and corrupt ones
        reported = False
        start: int | None = 0
        resyncing = False  # True while looking for a readable record after a corrupt one
        while start is not None:
            f.seek(start)
            it = ArchiveIterator(f)
            records = iter(it)
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    start = None
                    # warcio ends quietly at a record cut short (a truncated download); bytes left
                    # after the last whole record are that record.
                    end = it.offset
                    if not resyncing and end is not None and _has_data_after(f, end):
                        reported = True
                        yield Problem(
                            path, None, f"record {number + 1} at byte {end}: corrupt WARC record (truncated); skipped", True
                        )
                    break
                except Exception as err:  # warcio's ArchiveLoadFailed, zlib and gzip errors, EOF
                    failure: BaseException = err
                    # it.offset is where the failing record starts. member_info is None with a
                    # record in hand when the last record's payload could not be read to its end.
                    inside = it.member_info is None and it.record is not None
                    bad_number, bad_at = (number if inside else number + 1), it.offset
                else:
                    number += 1
                    resyncing = False
                    bad_number, bad_at = number, it.offset
                    try:
                        # Read the whole record before yielding: a corrupt payload is then one
                        # problem, not half an article followed by a problem.
                        items = _warc_record(path, stem, number, it.offset, record)
                    except Exception as err:  # a payload that cannot be decompressed or read
                        failure = err
                    else:
                        yield from items
                        continue
                if not resyncing:
                    reported = True
                    yield Problem(
                        path,
                        None,
                        f"record {bad_number} at byte {bad_at}: corrupt WARC record ({_warc_reason(failure)}); "
                        "skipped",
                        True,
                    )
                    number = max(number, bad_number)
                resyncing = True
                start = _next_record_start(f, bad_at + 1, gz)
                break
        if number == 0 and not reported:
            yield Problem(path, None, "no WARC records in this file", True)


class _CorruptRecord(Exception):
    """A WARC record that warcio read without complaint but that is cut short or malformed."""


def _warc_record(path: str, stem: str, number: int, offset: int, record) -> list[RawArticle | Problem]:  # noqa: ANN001
    """The article in one WARC record, or nothing for a record that is not an HTML page.

    Raises ``_CorruptRecord`` for a record cut short: warcio stops quietly at the end of the data
    (a truncated download), so the header must have its Content-Length and the block must be
    read to it.
    """
    if record.rec_type is None or record.rec_headers.get_header("Content-Length") is None:
        raise _CorruptRecord("truncated or malformed record header")
    out: list[RawArticle | Problem] = []
    headers = record.http_headers
    status = (headers.get_statuscode() or "") if headers is not None else ""
    ctype = (headers.get_header("Content-Type") or "").lower() if headers is not None else ""
    if record.rec_type == "response" and status.startswith("2") and ctype.startswith(_HTML_TYPES):
        uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip() or None
        where = f"record {number} at byte {offset}" + (f" ({uri})" if uri else "") + ": "
        data = record.content_stream().read(MAX_PAGE_BYTES + 1)  # undoes chunking and gzip encoding
        if len(data) > MAX_PAGE_BYTES:
            return [Problem(path, None, f"{where}page larger than {MAX_PAGE_BYTES} bytes; skipped", True)]
        _check_complete(record)
        if not data.strip():
            return [Problem(path, None, f"{where}empty page", True)]
        warc_date = (record.rec_headers.get_header("WARC-Date") or "").strip()
        fallback = None
        if warc_date:
            try:
                fallback = datetime.datetime.fromisoformat(warc_date.replace("Z", "+00:00")).date()
            except ValueError:
                shown = warc_date if len(warc_date) <= 40 else warc_date[:37] + "..."
                out.append(Problem(path, None, f'{where}WARC-Date "{shown}" is not an ISO date; ignored', False))
        out.extend(_page(path, uri, data, article_id=f"{stem}#{number}", where=where, fallback_date=fallback))
    else:
        while record.raw_stream.read(1 << 16):  # not a page: skip the block, one chunk at a time
            pass
        _check_complete(record)
    return out


def _check_complete(record) -> None:  # noqa: ANN001 - a warcio ArcWarcRecord
    """Raise ``_CorruptRecord`` when a record's block ended before its Content-Length."""
    while record.raw_stream.read(1 << 16):  # what content_stream() left (a chunked trailer)
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise _CorruptRecord(f"cut short, {missing} bytes missing")


def _has_data_after(f: BinaryIO, pos: int) -> bool:
    """Whether anything but blank space follows byte ``pos`` of ``f``."""
    try:
        f.seek(pos)
        while chunk := f.read(1 << 16):
            if chunk.strip(b" \t\r\n\0"):
                return True
    except OSError:
        return False
    return False


def _next_record_start(f: BinaryIO, pos: int, gz: bool) -> int | None:
    """The byte offset of the next possible record start at or after ``pos``, or None at the end.

    In a ``.warc.gz`` each record is its own gzip member, so a record starts at gzip's magic bytes;
    in a ``.warc`` at a ``WARC/1.0`` or ``WARC/1.1`` version line. A false start (the magic bytes
    inside compressed data) fails at once and the search goes on after it.
    """
    markers = (b"\x1f\x8b\x08",) if gz else (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/1.0\n", b"WARC/1.1\n")
    keep = max(len(m) for m in markers) - 1
    f.seek(pos)
    base = pos
    buf = b""
    while True:
        try:
            chunk = f.read(1 << 16)
        except OSError:
            return None
        if not chunk:
            return None
        buf += chunk
        hits = [i for i in (buf.find(m) for m in markers) if i >= 0]
        if hits:
            return base + min(hits)
        base += len(buf) - keep
        buf = buf[-keep:]


def _warc_reason(err: BaseException) -> str:
    """warcio's message, short and printable (it quotes the bad header line, often binary)."""
    msg = "".join(c if c.isascii() and c.isprintable() else " " for c in str(err))
    msg = " ".join(msg.split()) or type(err).__name__
    return msg if len(msg) <= 80 else msg[:77] + "..."


# --- helpers -----------------------------------------------------------------------------------


def _match_header(text: str) -> tuple[datetime.date | None, str, str | None]:
    """``(date, rest, bad)``: the header's date, the text without it, and the header's date
    string when it is not a real date (None otherwise)."""
    m = _HEADER.match(text)
    if not m:
        return None, text, None
    rest = text[m.end() :]
    try:
        return datetime.date.fromisoformat(m.group(1)), rest, None
    except ValueError:
        return None, rest, m.group(1)


def _lines(head: bytes | str, f: TextIO | BinaryIO) -> Iterator[bytes | str]:
    """The lines of ``head`` followed by the rest of ``f``, each with its line ending."""
    nl = b"\n" if isinstance(head, bytes) else "\n"
    parts = head.split(nl)  # type: ignore[arg-type]
    tail = parts.pop()  # the part of a line the sniff cut off (maybe empty)
    for part in parts:
        yield part + nl
    first = tail + f.readline()
    if first:
        yield first
    yield from f


def _decode(data: bytes) -> tuple[str, int | None]:
    """Decode UTF-8, replacing bad bytes; also return where the first bad byte was (or None)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        return data.decode("utf-8", "replace"), err.start


def _utf8_reason(at: int) -> str:
    return f"not valid UTF-8 at byte {at}; undecodable bytes replaced"


def _read_failure(err: BaseException, gz: bool) -> str:
    what = "corrupt gzip data" if gz else "read error"
    detail = _os_reason(err) if isinstance(err, OSError) else str(err)
    return f"{what}, stopped reading ({detail})"


def _os_reason(err: OSError) -> str:
    return err.strerror or str(err) or type(err).__name__


def _json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
