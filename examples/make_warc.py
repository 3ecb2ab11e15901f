"""Write ``examples/corpus/pages.warc.gz``: a small web archive of four invented news pages.

The pages below are our own writing (invented people, places and outlets). Each becomes an HTTP
``response`` record with its ``request`` record before it, as a crawler would write them, so that
``saidwhen extract examples/corpus/pages.warc.gz`` has request records to skip and one page whose
date is only in the WARC header (no ``article:published_time``).

    .venv/bin/python examples/make_warc.py
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).parent / "corpus" / "pages.warc.gz"

SHELL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/login">Log in</a></nav>
<div class="ad">Advertisement</div>
<article><h1>{title}</h1>
{body}
</article>
<footer>&copy; 2024 {site}. All rights reserved.</footer>
</body></html>
"""

# (url, site, title, published or None, WARC-Date, paragraphs)
PAGES = [
    (
        "https://eastbankcourier.example/2024/okafor-transit",
        "East Bank Courier",
        "Okafor promises free buses for under-18s",
        "2024-08-20T08:00:00+00:00",
        "2024-08-20T11:42:10Z",
        [
            "Mayor Delphine Okafor said on Monday that buses in Harlow Falls will be free for anyone under 18 from January.",
            "\u201cA teenager should not have to choose between the bus and lunch,\u201d Okafor said.",
            "Councilman Ruben Vasquez asked how the plan would be paid for. \u201cFree is a price, and someone pays it,\u201d he said.",
        ],
    ),
    (
        "https://kestrelsport.example/2024/sandvik-100",
        "Kestrel Sport",
        "Sandvik marks 100th game as captain",
        "2024-10-13T17:15:00+00:00",
        "2024-10-14T06:03:55Z",
        [
            "Ola Sandvik led Kestrel FC out for the 100th time as captain on Saturday, and marked it with a 2-0 win over Marlow Athletic.",
            "\u201cI still get nervous in the tunnel,\u201d Sandvik said. \u201cThe day I don\u2019t, I will stop.\u201d",
            "\u201cOla sets the standard and the rest of us follow it,\u201d Tomasz Brennick said.",
        ],
    ),
    (
        "https://ledgerbusiness.example/2024/salter-interview",
        "The Ledger",
        "Salter: the merger taught me patience",
        None,  # no date in the page: the reader falls back to the WARC-Date
        "2024-11-28T14:20:00Z",
        [
            "Ingrid Salter has run Bramwell Foods for six years. The Corrie Dairy takeover, she says, was the longest year of them.",
            "\u201cRegulators ask good questions slowly,\u201d Salter said in an interview at the company\u2019s Harlow Falls headquarters.",
            "Asked about the Dunmore plant closure, she paused. \u201cI would make the same decision, and I would explain it better,\u201d she said.",
        ],
    ),
    (
        "https://sciencedesk.example/2024/farrow-eels",
        "Science Desk",
        "Eels are next, says otter scientist",
        "2024-12-18T09:00:00+00:00",
        "2024-12-18T09:30:00Z",
        [
            "Fresh from her prize for the otter survey, Dr. Leonie Farrow has turned to the Harlow river\u2019s eels.",
            "\u201cEels travel further than anything else in that river, and they are the first to disappear,\u201d Farrow said.",
            "The survey begins in March and will run for three years.",
        ],
    ),
]


def page_html(site: str, title: str, published: str | None, paragraphs: list[str]) -> bytes:
    meta = f'\n<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return SHELL.format(title=title, site=site, meta=meta, body=body).encode("utf-8")


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, site, title, published, fetched, paragraphs in PAGES:
            host = url.split("/")[2]
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(
                    "GET /" + url.split("/", 3)[3] + " HTTP/1.1", [("Host", host)], is_http_request=True
                ),
                warc_headers_dict={"WARC-Date": fetched},
            )
            writer.write_record(request)
            response = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(page_html(site, title, published, paragraphs)),
                http_headers=StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                ),
                warc_headers_dict={"WARC-Date": fetched},
            )
            writer.write_record(response)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(PAGES)} pages)")


if __name__ == "__main__":
    main()
