"""The web app at HTTP level (FastAPI's TestClient, and one real ``saidwhen serve`` on loopback)."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import warnings
from datetime import date
from pathlib import Path

import httpx
import pytest

warnings.filterwarnings("ignore", message=".*install `httpx2`.*")  # starlette's TestClient still works with httpx

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from saidwhen.model import Article, Mention, Person, Quote, SaidOn, TimeExpression  # noqa: E402
from saidwhen.store import Store  # noqa: E402
from saidwhen.web import create_app  # noqa: E402
from saidwhen.web.app import CSP, MAX_PAGE_SIZE, MAX_QUERY, highlight  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "examples" / "articles", ROOT / "examples" / "corpus"]

# Payloads that would run script if any page pasted them into HTML unescaped.
XSS_SPEAKER = "Eve<script>window.__xss='speaker'</script> Mallory"
XSS_QUOTES = [
    "<script>window.__xss='quote'; alert('quote')</script> is what the payload says",
    '"><img src=x onerror="window.__xss=\'img\'; alert(\'img\')"> was printed in the paper',
    "<a href=\"javascript:window.__xss='link'\">click the link</a> said nobody at all",
]
XSS_TITLE = "<svg onload=\"window.__xss='title'\">Headline</svg>"
XSS_URL = "javascript:window.__xss='url'"
XSS_TIME_VALUE = "\"><script>window.__xss='time'</script>"


def xss_article() -> Article:
    """An article whose speaker, quotes, title, URL and a time value carry script payloads."""
    parts, quotes = ["On Monday, ", ], []
    time_expr = TimeExpression("Monday", 3, 9, "DATE", XSS_TIME_VALUE)
    pos = len(parts[0])
    for i, text in enumerate(XSS_QUOTES):
        parts.append("“")
        pos += 1
        quotes.append(Quote(text, pos, pos + len(text), i + 1, "direct", XSS_SPEAKER, Mention("Eve<script>", 0, 3),
                            "said <b>loudly</b>", i, 0.9, SaidOn("2024-05-01", "published")))
        parts.append(text)
        pos += len(text)
        tail = f",” said {XSS_SPEAKER}.\n\n"
        parts.append(tail)
        pos += len(tail)
    text = "".join(parts)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return Article(text=text, date=date(2024, 5, 1), url=XSS_URL, id="xss", title=XSS_TITLE, quotes=tuple(quotes),
                   people=(Person(XSS_SPEAKER, mentions=(Mention("Eve<script>", 0, 3),)),), times=(time_expr,))


def build_store(path: Path) -> Path:
    """The demo corpus (examples/articles and examples/corpus, extracted with spaCy) plus the XSS article."""
    from saidwhen import extract_many
    from saidwhen.ingest import Problem, read_articles

    records = [(a.text, a.date, a.url, a.id, a.title) for a in read_articles([str(p) for p in EXAMPLES])
               if not isinstance(a, Problem)]
    with Store(path) as store:
        store.index(extract_many(records))
        store.index([xss_article()])
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


def one(db: Path, sql: str, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchone()


# ---------------------------------------------------------------- search


def test_search_page_lists_hits_with_speaker_date_cue_and_article_count(client):
    r = client.get("/", params={"q": "bridge"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "'unsafe-inline'" not in CSP
    assert 'class="hit"' in r.text and "/speakers/" in r.text and "/quotes/" in r.text
    data = client.get("/api/search", params={"q": "bridge"}).json()
    assert data["total"] >= 1
    hit = data["hits"][0]
    assert {"text", "speaker", "speaker_id", "said_on", "cue", "articles", "first_seen"} <= hit.keys()
    assert "bridge" in hit["text"].lower() or "bridge" in (hit["speaker"] or "").lower()
    assert hit["articles"] >= 1
    assert data["facets"]["speakers"] and data["facets"]["months"]


def test_search_filters_facets_and_pagination(client, db):
    everything = client.get("/api/search", params={"q": "said OR the OR we", "per_page": MAX_PAGE_SIZE}).json()
    assert everything["total"] > 3
    first, second = (client.get("/api/search", params={"q": "said OR the OR we", "per_page": 2, "page": p}).json() for p in (1, 2))
    assert len(first["hits"]) == 2 and first["pages"] >= 2
    assert {h["id"] for h in first["hits"]}.isdisjoint(h["id"] for h in second["hits"])
    # speaker facet → speaker filter: every hit by that person
    top = everything["facets"]["speakers"][0]
    only = client.get("/api/search", params={"q": "said OR the OR we", "speaker": top["name"], "per_page": 50}).json()
    assert only["total"] == top["quotes"] or only["total_capped"]
    assert all(h["speaker_id"] == top["id"] for h in only["hits"])
    # month facet → date filter
    month = everything["facets"]["months"][0]["month"]
    dated = client.get("/api/search", params={"q": "said OR the OR we", "since": month, "until": month}).json()
    assert dated["hits"] and all(h["said_on"].startswith(month) for h in dated["hits"])
    # outlet filter
    outlet = "harlowgazette.example"
    by_outlet = client.get("/api/search", params={"q": "said OR the OR we", "outlet": outlet, "per_page": 50}).json()
    assert by_outlet["hits"] and all(h["outlet"] == outlet for h in by_outlet["hits"])
    assert client.get("/api/search", params={"q": "bridge", "outlet": "nowhere.example"}).json()["total"] == 0
    page = client.get("/", params={"q": "said OR the OR we", "per_page": 2})
    assert 'rel="next"' in page.text and f'<option value="{outlet}"' in page.text


@pytest.mark.parametrize("q", ['"unbalanced', "NEAR(", "*", "NEAR(a b, x)", "a:b", ")", "AND", "bridge NOT", "^", "{x", "\x00"])
def test_malformed_query_is_400_with_a_plain_message(client, q):
    for path in ("/", "/api/search"):
        r = client.get(path, params={"q": q})
        assert r.status_code == 400, (path, q, r.text[:300])
        assert "Traceback" not in r.text and "sqlite3" not in r.text
    assert "bad search query" in client.get("/api/search", params={"q": q}).json()["detail"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('ab "*()^:-+{}NEAROT,0.\'\\')), max_size=30))
def test_any_query_is_200_or_400_never_500(client, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 400), (q, r.text[:200])


def test_bounds_on_query_length_page_size_and_page(client):
    assert client.get("/api/search", params={"q": "a" * (MAX_QUERY + 1)}).status_code == 400
    assert client.get("/api/search", params={"q": "bridge", "per_page": MAX_PAGE_SIZE + 1}).status_code == 400
    assert client.get("/api/search", params={"q": "bridge", "page": 0}).status_code == 400
    assert client.get("/api/search", params={"q": "bridge", "page": 10**9}).status_code == 400
    assert client.get("/api/search").status_code == 400
    assert client.get("/", params={"q": "bridge", "per_page": 10**6}).status_code == 400
    assert client.get("/api/search", params={"q": "bridge", "since": "yesterday"}).status_code == 400
    assert client.get("/", params={"q": "bridge", "until": "2024-13"}).status_code == 400


def test_landing_page_without_query(client):
    r = client.get("/")
    assert r.status_code == 200 and 'id="top-speakers"' in r.text and "/speakers/" in r.text


# ---------------------------------------------------------------- speaker, quote, article


def test_speaker_page_has_chart_cues_aliases_and_articles(client, db):
    pid = one(db, "SELECT speaker_id FROM occurrences WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1")[0]
    data = client.get(f"/api/speakers/{pid}").json()
    assert data["quotes"] >= 2 and data["top_cues"] and data["in_articles"] and data["per_month"]
    assert sum(m["quotes"] for m in data["per_month"]) >= 1
    r = client.get(f"/speakers/{pid}")
    assert r.status_code == 200
    assert "<svg" in r.text and r.text.count('class="bar"') == len(data["per_month"])
    assert data["name"] in r.text and data["top_cues"][0]["cue"] in r.text
    assert all(f"/articles/{a['id']}" in r.text for a in data["in_articles"])
    for alias in data["aliases"]:
        assert alias in r.text


def test_speaker_page_says_which_names_were_joined_and_why(client, db):
    pid, alias, reason = one(db, "SELECT person_id, alias, reason FROM aliases WHERE reason IS NOT NULL ORDER BY person_id LIMIT 1")
    data = client.get(f"/api/speakers/{pid}").json()
    assert {"name": alias, "reason": reason} in data["joined"]
    page = client.get(f"/speakers/{pid}").text
    assert 'id="joined"' in page and f"({reason})" in page


def test_quote_page_lists_every_occurrence_with_paragraph_outlet_and_link(client, db):
    qid, n = one(db, "SELECT quote_id, count(*) FROM occurrences o JOIN articles a ON a.id = o.article_id"
                     " WHERE a.url LIKE 'https://%' GROUP BY quote_id ORDER BY count(*) DESC, quote_id LIMIT 1")
    data = client.get(f"/api/quotes/{qid}").json()
    assert len(data["occurrences"]) == n and data["first_seen"]
    occ = data["occurrences"][0]
    assert occ["paragraph"]["quote"] and occ["outlet"] and occ["url"].startswith("https://")
    r = client.get(f"/quotes/{qid}")
    assert r.status_code == 200 and r.text.count('class="occurrence"') == n
    assert f'href="{occ["url"]}"' in r.text and data["first_seen"] in r.text
    assert '<mark class="quote">' in r.text


def test_article_page_highlights_quotes_by_speaker_and_marks_times(client, db):
    aid = one(db, "SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM times t WHERE t.article_id = a.id)"
                  " AND (SELECT count(DISTINCT speaker_id) FROM occurrences o WHERE o.article_id = a.id) >= 2 LIMIT 1")[0]
    data = client.get(f"/api/articles/{aid}").json()
    for q in data["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(data["text"])
    r = client.get(f"/articles/{aid}")
    assert r.status_code == 200
    assert 'class="quote sp-0 kind-' in r.text and 'class="quote sp-1 kind-' in r.text
    assert '<mark class="time"' in r.text and 'class="norm">' in r.text
    assert data["times"][0]["value"] in r.text


def test_reported_speech_is_a_facet_and_a_filter_of_search(client, db):
    word = one(db, "SELECT q.text FROM quotes q JOIN occurrences o ON o.quote_id = q.id WHERE o.kind = 'indirect' LIMIT 1")[0].split()[-1]
    every = client.get("/api/search", params={"q": word}).json()
    kinds = {f["kind"]: f["quotes"] for f in every["facets"]["kinds"]}
    assert kinds.get("indirect", 0) >= 1
    reported = client.get("/api/search", params={"q": word, "kind": "indirect,mixed"}).json()
    assert reported["hits"] and {h["kind"] for h in reported["hits"]} <= {"indirect", "mixed"}
    assert reported["filters"]["kind"] == "indirect,mixed"
    assert {f["kind"] for f in reported["facets"]["kinds"]} <= {"indirect", "mixed"}
    page = client.get("/", params={"q": word})
    assert 'id="facet-kinds"' in page.text and "kind=indirect" in page.text
    assert client.get("/api/search", params={"q": word, "kind": "gossip"}).status_code == 400


def test_highlight_nests_tags_when_a_time_crosses_a_quote_edge():
    text = "On Monday morning she said it was fine."
    quotes = [{"start": 3, "end": 13, "speaker_id": 1, "speaker": "A", "cue": None, "quote_id": 5}]
    times = [{"start": 3, "end": 17, "type": "TIME", "value": "X<1>"}, {"start": 0, "end": 2, "type": "DATE", "value": None}]
    html = str(highlight(text, quotes, times, {1: "sp-0"}))
    assert html.count("<mark") == html.count("</mark>") == 3
    assert html.count("<a ") == html.count("</a>") == 1
    assert html.index("<a ") < html.index("<mark", html.index("<a ")) < html.index("</mark>", html.index("<a ")) < html.index("</a>")
    assert "X&lt;1&gt;" in html and "X<1>" not in html
    assert "".join(__import__("re").split(r"<[^>]+>", html.replace('X&lt;1&gt;', ''))) == text


# ---------------------------------------------------------------- errors, safety, API docs


def test_unknown_ids_and_paths_are_404(client):
    for path in ("/speakers/999999", "/quotes/999999", "/articles/999999", "/api/speakers/999999", "/api/quotes/999999",
                 "/api/articles/999999", "/nowhere", "/api/nowhere", "/static/nothing.css", "/static/../app.py"):
        r = client.get(path)
        assert r.status_code == 404, path
    assert client.get("/api/quotes/999999").json()["detail"] == "no quote 999999"
    assert client.get("/speakers/abc").status_code == 400
    assert client.post("/api/search", params={"q": "x"}).status_code == 405


def test_script_payloads_are_escaped_everywhere(client, db):
    aid = one(db, "SELECT id FROM articles WHERE source_id = 'xss'")[0]
    pid = one(db, "SELECT id FROM people WHERE name = ?", XSS_SPEAKER)[0]
    qids = [r for (r,) in sqlite3.connect(db).execute("SELECT quote_id FROM occurrences WHERE article_id = ?", (aid,))]
    pages = [f"/articles/{aid}", f"/speakers/{pid}", *(f"/quotes/{q}" for q in qids),
             "/?q=payload+OR+printed+OR+nobody", "/", "/?" + str(httpx.QueryParams({"q": "payload", "speaker": XSS_SPEAKER}))]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        body = r.text
        assert "<script" not in body.lower(), path
        assert "<img" not in body and "<svg onload" not in body and 'href="javascript:' not in body.lower(), path
    article = client.get(f"/articles/{aid}").text
    assert "&lt;script&gt;window.__xss=&#39;quote&#39;" in article
    assert "&#34;&gt;&lt;img src=x onerror=" in article
    assert "&lt;svg onload=" in article  # the title, as text
    assert 'class="source"' in article and "href=\"javascript" not in article  # the URL is shown, not linked
    api = client.get(f"/api/articles/{aid}").json()
    assert api["title"] == XSS_TITLE and api["url"] == XSS_URL  # the JSON keeps the data as it is


def test_database_is_opened_read_only(client, db):
    before = os.stat(db).st_mtime_ns
    conn = client.app.state.db.connection()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM quotes")
    client.get("/", params={"q": "bridge"})
    assert os.stat(db).st_mtime_ns == before
    assert "mode=ro" in client.app.state.db._uri


def test_openapi_documents_the_json_endpoints_and_docs_need_no_script(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/speakers/{speaker_id}", "/api/quotes/{quote_id}", "/api/articles/{article_id}"):
        assert path in spec["paths"]
    assert "/speakers/{speaker_id}" not in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text and "<script" not in docs.text
    assert "cdn" not in docs.text.lower()
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


def test_missing_database_is_an_error(tmp_path):
    from saidwhen.store import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "none.db")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_binds_loopback_by_default(db):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "saidwhen.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/search", params={"q": "bridge"}, timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["total"] >= 1
        assert r.headers["content-security-policy"] == CSP
        assert "server" not in r.headers
        out = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout if os.path.exists("/usr/bin/ss") else ""
        if out:
            assert f"127.0.0.1:{port}" in out and f"0.0.0.0:{port}" not in out
    finally:
        proc.terminate()
        proc.wait(10)
    bad = subprocess.run([sys.executable, "-m", "saidwhen.cli", "serve", "--db", str(db) + ".missing"], capture_output=True, text=True)
    assert bad.returncode == 1 and "no such database" in bad.stderr


# ---------------------------------------------------------------- sources

def test_the_sources_view_says_what_the_figure_is_and_shows_the_unknown(client):
    page = client.get("/sources")
    assert page.status_code == 200
    assert "as the articles present it" in page.text and "unknown" in page.text
    assert '<svg class="chart share"' in page.text and 'id="by-outlet"' in page.text
    api = client.get("/api/sources").json()
    total = api["total"]
    assert set(total["people"]) == {"female", "male", "unknown", "conflict", "organisation", "no speaker"}
    known = total["people"]["female"] + total["people"]["male"]
    assert total["female_share"] == pytest.approx(total["people"]["female"] / known)
    assert sum(r["people"]["female"] for r in api["by_outlet"]) >= total["people"]["female"]


def test_the_gender_facet_filters_search_by_the_speakers_gender(client, db):
    result = client.get("/api/search", params={"q": "the"}).json()
    facet = {f["gender"]: f["quotes"] for f in result["facets"]["genders"]}
    assert facet and set(facet) <= {"female", "male", "unknown", "conflict", "organisation", "no speaker"}
    g = max(facet, key=facet.get)
    kept = client.get("/api/search", params={"q": "the", "gender": g}).json()
    assert kept["total"] >= 1 and [f["gender"] for f in kept["facets"]["genders"]] == [g]
    assert client.get("/api/search", params={"q": "the", "gender": "x"}).status_code == 400


def _drift_store(path: Path) -> Path:
    """A quotation printed first by one outlet, then with a word changed by another."""
    said = "We will never give up on the harbour, and we will rebuild it by the spring"
    changed = said.replace("never", "not")
    arts = []
    for n, (text, day, host) in enumerate([(said, "2024-03-01", "first.example"), (changed, "2024-03-04", "second.example")], 1):
        body = f"Story {n} about the harbour. “{text}”, said Maria Okafor."
        start = body.index(text)
        arts.append(Article(text=body, date=date.fromisoformat(day), url=f"https://{host}/{n}", id=f"d{n}", title=f"Drift {n}",
                            quotes=(Quote(text, start, start + len(text), 1, "direct", "Maria Okafor", None, "said", 0, 0.9),),
                            people=(Person("Maria Okafor", "PERSON", None, ()),)))
    with Store(path) as store:
        store.index(arts)
    return path


def test_a_quote_page_shows_its_renderings_with_the_changed_words_and_who_printed_each_first(tmp_path):
    client = TestClient(create_app(_drift_store(tmp_path / "drift.db")))
    page = client.get("/quotes/1").text
    assert "How it was printed" in page and "<del>never</del>" in page and "<ins>not</ins>" in page
    assert "second.example" in page and "2024-03-04" in page
    api = client.get("/api/quotes/1").json()
    assert [r["change"] for r in api["renderings"]] == ["original", "altered"]
    assert api["renderings"][1]["first_printed"]["url"] == "https://second.example/2"


def test_the_altered_filter_keeps_only_quotes_printed_with_words_changed(tmp_path):
    path = _drift_store(tmp_path / "drift.db")
    with Store(path) as store:
        q = Quote("The market reopens on Saturday morning", 30, 68, 1, "direct", "Maria Okafor", None, "said", 0, 0.9)
        store.index([Article(text="Story 3 about the harbour market. The market reopens on Saturday morning.",
                             date=date(2024, 3, 5), url="https://first.example/3", quotes=(q,),
                             people=(Person("Maria Okafor", "PERSON", None, ()),))])
    client = TestClient(create_app(path))
    assert client.get("/api/search", params={"q": "okafor"}).json()["total"] == 2
    assert [r["id"] for r in client.get("/api/search", params={"q": "okafor", "altered": "true"}).json()["hits"]] == [1]
    assert 'id="altered" value="true" checked' in client.get("/", params={"q": "okafor", "altered": "true"}).text
