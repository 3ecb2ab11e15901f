"""The input stage for web pages: .html/.htm files and .warc/.warc.gz archives."""

from __future__ import annotations

import datetime
import gzip
import io
import re

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from saidwhen.ingest import Problem, RawArticle, read_articles

BODY = [
    "HARLOW FALLS \u2014 The Harlow Falls city council voted 5-4 on Monday night to delay repairs "
    "to the Riverside footbridge, ending a three-hour debate over the budget.",
    "\u201cWe cannot keep patching a bridge that was built for horse carts,\u201d said Mayor Delphine "
    "Okafor, who had pushed for an immediate repair package worth two million dollars.",
    "Councilman Ruben Vasquez said the city had not yet received an independent engineering "
    "report. \u201cI am not going to sign a blank cheque,\u201d he said.",
]


def page(
    title="Council delays bridge repairs",
    body=BODY,
    published="2024-03-12T08:00:00Z",
    canonical="https://gazette.example/news/bridge",
    og_url=None,
) -> str:
    head = [f"<title>{title} | Harlow Gazette</title>", '<meta charset="utf-8">']
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if og_url:
        head.append(f'<meta property="og:url" content="{og_url}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (
        "<!DOCTYPE html><html><head>" + "".join(head) + "</head><body>"
        '<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>'
        '<div class="ad">Advertisement</div>'
        f"<main><article><h1>{title}</h1>{paras}</article></main>"
        '<aside><h3>Most read</h3><ul><li><a href="/a">Fire at the mill</a></li></ul></aside>'
        "<footer>\u00a9 2019 Harlow Gazette. All rights reserved. <a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )


def read(*paths):
    return list(read_articles([str(p) for p in paths]))


def articles(items):
    return [x for x in items if isinstance(x, RawArticle)]


def problems(items):
    return [x for x in items if isinstance(x, Problem)]


def write_warc(path, records, gz=True):
    """records: (uri, html or bytes, extra) with extra a dict: status, ctype, date, type."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for uri, html, extra in records:
            rec_type = extra.get("type", "response")
            payload = html.encode() if isinstance(html, str) else html
            headers = {"WARC-Date": extra.get("date", "2024-05-01T10:00:00Z")}
            if rec_type == "response":
                http = StatusAndHeaders(
                    extra.get("status", "200 OK"),
                    [("Content-Type", extra.get("ctype", "text/html; charset=utf-8"))],
                    protocol="HTTP/1.1",
                )
                rec = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers
                )
            else:
                rec = writer.create_warc_record(
                    uri, rec_type, payload=io.BytesIO(payload), warc_content_type="text/plain",
                    warc_headers_dict=headers,
                )
            writer.write_record(rec)
    return path


# --- HTML files -----------------------------------------------------------------------------------


def test_an_html_page_gives_its_main_text_title_date_and_canonical_url(tmp_path):
    p = tmp_path / "bridge.html"
    p.write_text(page(), encoding="utf-8")
    [a] = read(p)
    assert a.text == "\n\n".join(BODY)
    assert a.title == "Council delays bridge repairs"
    assert a.date == datetime.date(2024, 3, 12)
    assert (a.url, a.id, a.source, a.line) == ("https://gazette.example/news/bridge", "bridge", str(p), None)


def test_navigation_adverts_and_footer_are_left_out_of_the_text(tmp_path):
    p = tmp_path / "bridge.htm"
    p.write_text(page(), encoding="utf-8")
    [a] = read(p)
    for noise in ("Home", "Advertisement", "Most read", "Fire at the mill", "All rights reserved"):
        assert noise not in a.text


def test_quotation_marks_come_through_the_html_reader_unchanged(tmp_path):
    p = tmp_path / "q.html"
    p.write_text(page(), encoding="utf-8")
    [a] = read(p)
    assert a.text.count("\u201c") == 2 and a.text.count("\u201d") == 2


def test_og_url_is_used_when_there_is_no_canonical_link(tmp_path):
    p = tmp_path / "og.html"
    p.write_text(page(canonical=None, og_url="https://gazette.example/og/bridge"), encoding="utf-8")
    [a] = read(p)
    assert a.url == "https://gazette.example/og/bridge"


def test_a_page_without_url_or_date_still_gives_its_text(tmp_path):
    p = tmp_path / "bare.html"
    p.write_text(page(canonical=None, published=None), encoding="utf-8")
    items = read(p)
    assert problems(items) == []
    [a] = items
    # The "© 2019" footer is not taken for a publication date.
    assert (a.url, a.date) == (None, None) and a.text.startswith("HARLOW FALLS")


def test_an_unparseable_published_date_is_a_warning_and_the_article_is_kept(tmp_path):
    p = tmp_path / "baddate.html"
    p.write_text(page(published="the Tuesday after next"), encoding="utf-8")
    items = read(p)
    [prob] = problems(items)
    assert not prob.fatal and prob.source == str(p)
    assert 'publication date "the Tuesday after next" cannot be parsed' in prob.reason
    [a] = articles(items)
    assert a.date is None and a.text.startswith("HARLOW FALLS")


def test_a_page_with_no_main_text_is_a_fatal_problem_naming_the_file(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert read(p) == [Problem(str(p), None, "no main text found in the page", True)]


def test_an_empty_html_file_is_an_empty_file(tmp_path):
    p = tmp_path / "e.html"
    p.write_bytes(b"  \n")
    assert read(p) == [Problem(str(p), None, "empty file", True)]


def test_a_latin1_page_that_says_so_is_decoded(tmp_path):
    p = tmp_path / "latin.html"
    html = page(body=[BODY[0].replace("\u2014", "-") + " Caf\u00e9 owners agreed."] + BODY[1:])
    html = html.replace("\u201c", '"').replace("\u201d", '"').replace("\u00a9", "(c)")
    html = html.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    p.write_bytes(html.encode("latin-1"))
    [a] = read(p)
    assert "Caf\u00e9 owners" in a.text


# --- WARC files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [True, False])
def test_each_html_response_record_of_a_warc_is_an_article(tmp_path, gz):
    p = write_warc(
        tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"),
        [
            ("https://gazette.example/a", page(title="First story"), {}),
            ("https://gazette.example/b", page(title="Second story", published="2024-04-02"), {}),
        ],
        gz=gz,
    )
    items = read(p)
    assert [(a.title, a.url, a.date, a.id) for a in items] == [
        ("First story", "https://gazette.example/a", datetime.date(2024, 3, 12), "crawl#1"),
        ("Second story", "https://gazette.example/b", datetime.date(2024, 4, 2), "crawl#2"),
    ]
    assert all(a.source == str(p) and a.text.startswith("HARLOW FALLS") for a in items)


def test_the_warc_target_uri_is_the_url_of_a_record(tmp_path):
    p = write_warc(tmp_path / "c.warc.gz", [("https://mirror.example/x", page(canonical="https://gazette.example/x"), {})])
    [a] = read(p)
    assert a.url == "https://mirror.example/x"


def test_the_warc_date_is_used_when_the_page_has_no_date(tmp_path):
    p = write_warc(tmp_path / "c.warc.gz", [("https://g.example/x", page(published=None), {"date": "2024-05-01T10:00:00Z"})])
    items = read(p)
    assert problems(items) == []
    assert items[0].date == datetime.date(2024, 5, 1)


def test_an_unparseable_page_date_in_a_warc_falls_back_to_the_warc_date_with_a_warning(tmp_path):
    p = write_warc(tmp_path / "c.warc.gz", [("https://g.example/x", page(published="soon"), {})])
    [prob, a] = read(p)
    assert not prob.fatal and prob.reason.startswith("record 1 at byte 0 (https://g.example/x): ")
    assert "WARC-Date 2024-05-01 used" in prob.reason
    assert a.date == datetime.date(2024, 5, 1)


def test_records_that_are_not_html_pages_are_skipped_silently(tmp_path):
    p = write_warc(
        tmp_path / "mixed.warc.gz",
        [
            ("https://g.example/robots.txt", "User-agent: *", {"ctype": "text/plain"}),
            ("https://g.example/gone", page(), {"status": "404 Not Found"}),
            ("https://g.example/meta", "crawl notes", {"type": "metadata"}),
            ("https://g.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", {"ctype": "image/png"}),
            ("https://g.example/real", page(), {}),
        ],
    )
    items = read(p)
    assert [(type(x).__name__, getattr(x, "id", None)) for x in items] == [("RawArticle", "mixed#5")]


def test_a_warc_page_with_no_main_text_is_a_problem_naming_the_record_and_uri(tmp_path):
    empty = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    p = write_warc(tmp_path / "c.warc.gz", [("https://g.example/empty", empty, {}), ("https://g.example/ok", page(), {})])
    items = read(p)
    prob = items[0]
    assert prob.fatal and re.fullmatch(
        r"record 1 at byte 0 \(https://g\.example/empty\): no main text found in the page", prob.reason
    )
    assert articles(items)[0].url == "https://g.example/ok"


def _members(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)]


def test_a_corrupt_record_in_a_warc_gz_is_reported_and_the_next_records_are_read(tmp_path):
    good = write_warc(tmp_path / "good.warc.gz", [(f"https://g.example/{i}", page(title=f"Story {i}"), {}) for i in range(3)])
    data = bytearray(good.read_bytes())
    starts = _members(bytes(data))
    assert len(starts) == 3
    for k in range(starts[1] + 20, starts[1] + 60):
        data[k] ^= 0xFF
    p = tmp_path / "bad.warc.gz"
    p.write_bytes(bytes(data))
    items = read(p)
    assert [type(x).__name__ for x in items] == ["RawArticle", "Problem", "RawArticle"]
    prob = items[1]
    assert prob.fatal and prob.source == str(p)
    assert prob.reason.startswith(f"record 2 at byte {starts[1]}: corrupt WARC record")
    assert all(c.isprintable() for c in prob.reason)
    assert [a.title for a in articles(items)] == ["Story 0", "Story 2"]
    assert articles(items)[1].id == "bad#3"


def test_a_corrupt_record_header_in_a_plain_warc_is_skipped_and_reading_resumes(tmp_path):
    good = write_warc(tmp_path / "good.warc", [(f"https://g.example/{i}", page(title=f"Story {i}"), {}) for i in range(3)], gz=False)
    data = good.read_bytes()
    starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)]
    bad = data[: starts[1]] + b"GARBAGE/9.9\r\n" + data[starts[1] + len(b"WARC/1.1\r\n") :]
    p = tmp_path / "bad.warc"
    p.write_bytes(bad)
    items = read(p)
    assert [type(x).__name__ for x in items] == ["RawArticle", "Problem", "RawArticle"]
    assert items[1].reason.startswith(f"record 2 at byte {starts[1]}: corrupt WARC record")
    assert [a.title for a in articles(items)] == ["Story 0", "Story 2"]


@pytest.mark.parametrize("cut", [100, 300, 600, 900])
def test_a_truncated_warc_gz_gives_the_records_before_the_cut_then_a_problem(tmp_path, cut):
    good = write_warc(tmp_path / "good.warc.gz", [(f"https://g.example/{i}", page(title=f"Story {i}"), {}) for i in range(3)])
    data = good.read_bytes()
    starts = _members(data)
    assert starts[2] + cut < len(data)
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: starts[2] + cut])
    items = read(p)
    assert [a.title for a in articles(items)] == ["Story 0", "Story 1"]
    [prob] = problems(items)
    assert prob.fatal and prob.reason.startswith(f"record 3 at byte {starts[2]}: corrupt WARC record")


def test_a_file_named_warc_that_is_not_a_warc_is_one_problem(tmp_path):
    p = tmp_path / "fake.warc"
    p.write_text("just some text\n")
    [prob] = read(p)
    assert prob.fatal and prob.reason.startswith("record 1 at byte 0: corrupt WARC record")


def test_an_empty_warc_is_an_empty_file(tmp_path):
    p = tmp_path / "e.warc.gz"
    p.write_bytes(b"")
    assert read(p) == [Problem(str(p), None, "empty file", True)]


def test_a_warc_is_read_one_record_at_a_time(tmp_path):
    recs = [(f"https://g.example/{i}", page(title=f"Story {i}"), {}) for i in range(30)]
    p = write_warc(tmp_path / "big.warc.gz", recs)
    it = read_articles([str(p)])
    assert next(it).title == "Story 0"
    assert sum(1 for _ in it) == 29


# --- directories ----------------------------------------------------------------------------------


def test_a_directory_picks_up_html_htm_warc_and_warc_gz_files(tmp_path):
    (tmp_path / "a.html").write_text(page(title="From html"), encoding="utf-8")
    (tmp_path / "b.htm").write_text(page(title="From htm"), encoding="utf-8")
    write_warc(tmp_path / "c.warc", [("https://g.example/c", page(title="From warc"), {})], gz=False)
    write_warc(tmp_path / "d.warc.gz", [("https://g.example/d", page(title="From warc.gz"), {})])
    with gzip.open(tmp_path / "e.jsonl.gz", "wt") as f:
        f.write('{"text": "jsonl", "title": "From jsonl"}\n')
    (tmp_path / "f.css").write_text("body {}")
    assert [a.title for a in read(tmp_path)] == ["From html", "From htm", "From warc", "From warc.gz", "From jsonl"]
