"""The store: one SQLite file of articles, people, quotes and where each quote appears.

Most tests build ``Article``s by hand (no spaCy) so they pin the store alone; one goes through the
real extractor.
"""

import asyncio
import dataclasses
import datetime
import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import saidwhen
from saidwhen.errors import SaidwhenError
from saidwhen.model import Article, Mention, NonQuote, Person, Quote, SaidOn, TimeExpression
from saidwhen.store import (
    NotFoundError, SearchQueryError, Store, StoreFullError, StoreLockedError, TABLES, normalise_quote, quotations,
)

ROOT = Path(__file__).resolve().parents[1]


def quote(text, speaker="Maria Okafor", *, said_on=None, start=0, cue="said", group=1, mention="Okafor"):
    return Quote(text=text, start=start, end=start + len(text), group=group, kind="direct", speaker=speaker,
                 speaker_mention=Mention(mention, 0, len(mention)) if mention else None, cue=cue, paragraph=0,
                 confidence=0.9, said_on=SaidOn(said_on, "explicit") if said_on else None)


def article(n, *quotes, text=None, url="auto", date="2024-03-12", people=None):
    """Article number ``n``: its own text and URL unless given, quoting Maria Okafor by default."""
    text = text or f"Story {n}: " + " ".join(f"w{n}x{k}" for k in range(40)) + ". " + " ".join(q.text for q in quotes)
    speakers = {q.speaker for q in quotes if q.speaker}
    if people is None:
        people = tuple(Person(name, "PERSON", None, (Mention(name.split()[-1], 0, 1), Mention("she", 0, 3)))
                       for name in sorted(speakers))
    return Article(text=text, date=datetime.date.fromisoformat(date) if date else None,
                   url=f"https://news.example/{n}" if url == "auto" else url, id=f"a{n}", quotes=quotes, people=people)


def rows(store, sql, *params):
    return store.connection.execute(sql, params).fetchall()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "saidwhen.db") as s:
        yield s


def test_an_article_is_stored_with_its_people_quotes_times_and_non_quotes(store):
    a = Article(
        text='"We open on Friday," said Noor Rahimi, the owner. Rahimi loves "Never Break". Last week.',
        date=datetime.date(2024, 2, 1), url="https://news.example/bakery", id="bakery", title="Bakery",
        quotes=(Quote("We open on Friday", 1, 18, 1, "direct", "Noor Rahimi", Mention("Noor Rahimi", 26, 37), "said", 0, 0.95,
                      SaidOn("2024-02-01", "published")),),
        people=(Person("Noor Rahimi", "PERSON", "the owner", (Mention("Noor Rahimi", 26, 37), Mention("Rahimi", 50, 56))),),
        non_quotes=(NonQuote("Never Break", 64, 75, "title"),),
        times=(TimeExpression("Last week", 78, 87, "DATE", "2024-W04"),),
    )
    stats = store.index([a])
    assert (stats.articles, stats.quotes, stats.occurrences, stats.duplicates) == (1, 1, 1, 0)
    assert rows(store, "SELECT source_id, url, date, title FROM articles") == [("bakery", "https://news.example/bakery", "2024-02-01", "Bakery")]
    assert rows(store, "SELECT name, kind, role FROM people") == [("Noor Rahimi", "PERSON", "the owner")]
    assert rows(store, "SELECT alias FROM aliases") == [("Rahimi",)]
    assert rows(store, "SELECT text, speaker, first_seen FROM quotes") == [("We open on Friday", "Noor Rahimi", "2024-02-01")]
    (start, end, mention, cue, said_on, basis), = rows(store, 'SELECT start, "end", mention, cue, said_on, said_on_basis FROM occurrences')
    stored_text = rows(store, "SELECT text FROM articles")[0][0]
    assert stored_text[start:end] == "We open on Friday"
    assert (mention, cue, said_on, basis) == ("Noor Rahimi", "said", "2024-02-01", "published")
    assert rows(store, "SELECT text, reason FROM non_quotes") == [("Never Break", "title")]
    assert rows(store, "SELECT text, type, value FROM times") == [("Last week", "DATE", "2024-W04")]
    assert rows(store, "PRAGMA journal_mode") == [("wal",)]


def test_indexing_the_same_articles_again_adds_nothing(store):
    articles = [article(n, quote(f"Quote number {n} from the committee")) for n in range(5)]
    store.index(articles)
    before = {t: rows(store, f"SELECT * FROM {t}") for t in TABLES}
    again = store.index(articles)
    same_text_no_url = store.index([Article(text=articles[0].text, url=None, quotes=articles[0].quotes)])
    assert (again.articles, again.duplicates, again.quotes, again.occurrences) == (0, 5, 0, 0)
    assert same_text_no_url.duplicates == 1  # no URL to tell it from the stored one: the same article
    assert {t: rows(store, f"SELECT * FROM {t}") for t in TABLES} == before


def test_a_word_for_word_copy_under_another_url_is_a_syndicated_copy_that_keeps_its_occurrences(store):
    said = quote("The new ferry will run every hour from the first of June")
    first = article(1, said)
    copy = Article(text=first.text, url="https://mirror.example/1", id="m1", quotes=first.quotes, people=first.people,
                   date=datetime.date(2024, 3, 13))
    stats = store.index([first, copy])
    assert (stats.articles, stats.syndicated, stats.duplicates, stats.occurrences) == (1, 1, 0, 2)
    assert rows(store, "SELECT id, url, minhash_cluster FROM articles ORDER BY id") == [
        (1, "https://news.example/1", 1), (2, "https://mirror.example/1", 1)]
    assert rows(store, "SELECT count(DISTINCT quote_id), count(*) FROM occurrences") == [(1, 2)]
    # Counted once wherever copies are: corpus stats, a person's profile, a search hit.
    assert store.stats().articles == 1 and store.stats().article_rows == 2
    assert store.who("Maria Okafor").articles == 1
    assert store.search("ferry")[0].articles == 1
    # Re-indexing both (same URLs), or the text with no URL, adds nothing.
    before = {t: rows(store, f"SELECT * FROM {t}") for t in TABLES}
    again = store.index([first, copy, Article(text=first.text, url=None, quotes=first.quotes)])
    assert (again.articles, again.syndicated, again.duplicates) == (0, 0, 3)
    assert {t: rows(store, f"SELECT * FROM {t}") for t in TABLES} == before


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_an_article_stored_before_in_the_batch_or_an_earlier_one_is_told_by_its_url_or_its_text_without_one(tmp_path, batch_size):
    """An article is already stored when its URL is, or its exact text is and one of the two has no URL,
    whether the other was stored in an earlier batch or earlier in the same one (the batch reads what it
    needs of the stored URLs and texts when it begins, and adds each article it stores)."""
    first = article(1, quote("The bridge will reopen to traffic on Monday morning"))
    other = article(2, quote("The ferry will run every hour from the first of June"), url=None)
    articles = [
        first,
        dataclasses.replace(first, url=None),                                          # its text, no URL: stored
        dataclasses.replace(first, text=first.text + " More."),                        # its URL: stored
        other,                                                              # new
        dataclasses.replace(other, url="https://news.example/other"),                  # a text stored with no URL: stored
        dataclasses.replace(first, url="https://mirror.example/1"),                    # its text under another URL: a copy
        article(3, quote("The pier opens in April once the deck is checked"), url=None),  # new
    ]
    with Store(tmp_path / "s.db") as store:
        stats = store.index(articles, batch_size=batch_size)
        assert (stats.articles, stats.syndicated, stats.duplicates) == (3, 1, 3)
        assert rows(store, "SELECT url FROM articles ORDER BY id") == [
            ("https://news.example/1",), (None,), ("https://mirror.example/1",), (None,)]
        again = store.index(articles + [dataclasses.replace(other, url=None, id="x")], batch_size=batch_size)
        assert (again.articles, again.syndicated, again.duplicates) == (0, 0, 8)


def test_articles_without_urls_and_the_same_text_are_one_article(store):
    a = article(1, quote("The bridge will reopen to traffic on Monday morning"), url=None)
    stats = store.index([a, a])
    assert (stats.articles, stats.duplicates) == (1, 1)
    assert rows(store, "SELECT count(*) FROM occurrences") == [(1,)]


def test_a_store_whose_article_texts_were_unique_loses_that_constraint_on_opening(tmp_path):
    from saidwhen.store import SCHEMA

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA.replace("CREATE INDEX IF NOT EXISTS articles_text_hash", "CREATE UNIQUE INDEX IF NOT EXISTS articles_text_hash"))
    conn.close()
    with Store(path) as s:
        assert [r[2] for r in rows(s, "PRAGMA index_list(articles)") if r[1] == "articles_text_hash"] == [0]
        first = article(1, quote("The library will open on Sundays from next month on"))
        s.index([first, Article(text=first.text, url="https://mirror.example/1", quotes=first.quotes, people=first.people)])
        assert rows(s, "SELECT count(*), count(DISTINCT text_hash) FROM articles") == [(2, 1)]


def test_a_quote_printed_twice_in_one_article_is_one_quote_with_two_occurrences(store):
    text = '"We will not back down," Okafor said. Later she repeated: "We will not back down."'
    a = article(1, quote("We will not back down", start=1), quote("We will not back down.", start=59, group=2), text=text)
    stats = store.index([a])
    assert (stats.quotes, stats.occurrences) == (1, 2)
    assert rows(store, 'SELECT start, "end" FROM occurrences ORDER BY start') == [(1, 22), (59, 81)]


def test_the_same_quote_in_many_articles_is_one_quote_first_seen_at_its_earliest_date(store):
    said = "The taps will keep running this summer"
    store.index([
        article(1, quote(said), date="2024-05-02"),
        article(2, quote(said, said_on="2024-04-28"), date="2024-05-01"),  # "she said on Sunday"
        article(3, quote(said), date="2024-04-30"),
    ])
    assert rows(store, "SELECT count(*), first_seen FROM quotes") == [(1, "2024-04-28")]
    assert rows(store, "SELECT count(*) FROM occurrences") == [(3,)]


def test_people_are_merged_across_articles_by_canonical_name(store):
    store.index([article(1, quote("First thing she said today")), article(2, quote("Second thing she said today"))])
    assert rows(store, "SELECT name FROM people") == [("Maria Okafor",)]
    assert rows(store, "SELECT count(DISTINCT speaker_id) FROM occurrences") == [(1,)]
    assert rows(store, "SELECT alias FROM aliases") == [("Okafor",)]  # "she" is no alias


def _merge_pairs():
    spec = importlib.util.spec_from_file_location("bench_index", ROOT / "benchmarks" / "index.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MERGE_PAIRS


@pytest.mark.parametrize("first, second, same_speaker, should_merge", _merge_pairs())
def test_near_identical_renderings_merge_and_different_quotes_do_not(tmp_path, first, second, same_speaker, should_merge):
    with Store(tmp_path / "m.db") as store:
        store.index([article(1, quote(first)), article(2, quote(second, speaker="Maria Okafor" if same_speaker else "Tom Reyes"))])
        assert (rows(store, "SELECT count(*) FROM quotes")[0][0] == 1) is should_merge


def test_a_truncated_rendering_seen_first_gives_way_to_the_full_text(store):
    full = "We are going to build the new reservoir before the end of next year, whatever it costs"
    store.index([article(1, quote("We are going to build the new reservoir before the end…")), article(2, quote(full))])
    assert rows(store, "SELECT text FROM quotes") == [(full,)]
    assert store.search("whatever")[0].occurrences == 2


def test_normalising_folds_case_quote_marks_ellipses_and_punctuation():
    assert normalise_quote("We’re “ready”… Aren't we?") == normalise_quote("we're \"ready\"... arent we") == "were ready arent we"


def test_syndicated_copies_share_a_cluster_and_are_counted_once(store):
    body = ("The city council voted on Tuesday to approve the budget for parks and libraries after a debate "
            "that lasted late into the night, while residents spoke for and against the plan. The mayor said the "
            "money would reopen two branch libraries closed since the pandemic and repair the playgrounds in the "
            "east of the city, where families have waited years for new equipment. Opponents argued that the "
            "council should have cut the parking budget instead, and one member walked out before the final vote. "
            "The budget now goes to the state board, which is expected to sign it off next month without changes, "
            "officials said, although a lawsuit over the library closures is still before the county court. ")
    said = quote("This budget is a promise kept to every family in the city")
    stats = store.index([
        article(1, said, text=body),
        article(2, said, text=body + "Reporting by Jane Roe; editing by Ali Khan."),
        article(3, quote("The weather in the north was the worst in years")),
    ])
    clusters = rows(store, "SELECT url, minhash_cluster FROM articles ORDER BY id")
    assert clusters[0][1] == clusters[1][1] == 1 and clusters[2][1] is None
    assert (stats.articles, stats.syndicated) == (2, 1)
    assert store.stats().articles == 2
    assert store.who("Maria Okafor").articles == 2
    # The signatures are stored, so a new Store (a new run) still recognises the copy.
    with Store(store.path) as again:
        assert again.index([article(4, said, text=body + "Copyright Example Wire.")]).syndicated == 1


def test_search_finds_quotes_by_words_speaker_and_date_best_first(store):
    store.index([
        article(1, quote("The water bill keeps the taps running", said_on="2024-01-10"), date="2024-01-11"),
        article(2, quote("Water is not a luxury in a drought", speaker="Tom Reyes", mention="Reyes"), date="2024-06-02"),
        article(3, quote("Nobody got everything they wanted"), date="2024-06-03"),
    ])
    assert {h.speaker for h in store.search("water")} == {"Maria Okafor", "Tom Reyes"}
    assert [h.text for h in store.search("water", speaker="reyes")] == ["Water is not a luxury in a drought"]
    assert [h.said_date for h in store.search("water", since="2024-02")] == ["2024-06-02"]
    assert [h.said_date for h in store.search("water", until="2024-01")] == ["2024-01-10"]
    assert len(store.search("water OR nobody", limit=2)) == 2
    assert store.search("Okafor")[0].speaker == "Maria Okafor"  # the speaker's name is searchable too
    assert store.search("water", speaker="Nobody Known") == []
    hit = store.search('"taps running"')[0]
    assert (hit.url, hit.cue, hit.occurrences, hit.articles) == ("https://news.example/1", "said", 1, 1)


@pytest.mark.parametrize("query", ['"unclosed', "foo:bar", "AND", "(water", "water NEAR(", ""])
def test_a_malformed_search_raises_a_clear_saidwhen_error_not_a_sqlite_one(store, query):
    store.index([article(1, quote("The water bill keeps the taps running"))])
    with pytest.raises(SearchQueryError) as info:
        store.search(query)
    assert not isinstance(info.value, sqlite3.Error) and isinstance(info.value, SaidwhenError)


def test_search_text_is_a_parameter_never_sql(store):
    store.index([article(1, quote("The water bill keeps the taps running"))])
    with pytest.raises(SearchQueryError):
        store.search("'; DROP TABLE quotes; --")
    assert store.search('"\'; DROP TABLE quotes; --"') == []
    assert rows(store, "SELECT count(*) FROM quotes") == [(1,)]
    with pytest.raises(SearchQueryError, match="bad date"):
        store.search("water", since="last spring")


def test_who_profiles_a_speaker_found_by_name_or_alias(store):
    store.index([
        article(1, quote("First", cue="said"), quote("Second one", cue="told Reuters", start=10, group=2), date="2024-01-05"),
        article(2, quote("Third one here", cue="said"), date="2024-03-20"),
    ])
    p = store.who("okafor")
    assert (p.name, p.quotes, p.articles, p.first_said, p.last_said) == ("Maria Okafor", 3, 2, "2024-01-05", "2024-03-20")
    assert p.top_cues[0] == ("said", 2)
    assert p.per_month == (("2024-01", 2), ("2024-02", 0), ("2024-03", 1))
    with pytest.raises(NotFoundError, match="Nobody Known"):
        store.who("Nobody Known")


def test_stats_and_exports_cover_every_table(store, tmp_path):
    store.index([article(n, quote(f"Quote {n} about the reservoir plan")) for n in range(3)])
    s = store.stats()
    assert (s.articles, s.quotes, s.occurrences, s.people) == (3, 3, 3, 1) and s.bytes > 0
    parquet = store.to_parquet(tmp_path / "pq")
    assert sorted(p.stem for p in parquet) == sorted(TABLES)
    assert pq.read_table(tmp_path / "pq" / "quotes.parquet").num_rows == 3
    assert len((tmp_path / "jl").joinpath("occurrences.jsonl").read_text().splitlines() if store.to_jsonl(tmp_path / "jl") else []) == 3
    store.to_csv(tmp_path / "csv")
    assert (tmp_path / "csv" / "articles.csv").read_text().splitlines()[0].startswith("id,source_id,url,date")


def test_datasette_serves_the_database_unchanged_with_full_text_search(store):
    from datasette.app import Datasette

    store.index([article(1, quote("The water bill keeps the taps running")), article(2, quote("Nobody got everything"))])
    store.close()

    async def get(path):
        ds = Datasette([str(store.path)])
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    assert len(asyncio.run(get("/saidwhen/quotes.json?_shape=array"))) == 2
    found = asyncio.run(get("/saidwhen/quotes.json?_search=taps&_shape=array"))
    assert [r["text"] for r in found] == ["The water bill keeps the taps running"]
    assert len(asyncio.run(get("/saidwhen/occurrences.json?_shape=array"))) == 2


def test_a_locked_database_gives_a_clear_error_and_keeps_what_was_stored(tmp_path):
    path = tmp_path / "locked.db"
    with Store(path, timeout=0.1) as store:
        store.index([article(1, quote("Stored before the lock"))])
        other = sqlite3.connect(path)
        other.execute("BEGIN IMMEDIATE")  # another process writing
        with pytest.raises(StoreLockedError, match="locked.db.*locked"):
            store.index([article(2, quote("Blocked by the lock"))])
        other.rollback()
        other.close()
        assert [r[0] for r in rows(store, "SELECT text FROM quotes")] == ["Stored before the lock"]
        assert store.index([article(2, quote("Blocked by the lock"))]).articles == 1  # and it carries on


def test_a_full_disk_gives_a_clear_error_rolls_back_the_batch_and_keeps_what_was_stored(tmp_path):
    path = tmp_path / "full.db"
    with Store(path) as store:
        store.index([article(n, quote(f"Early quote {n}")) for n in range(10)])
        before = {t: rows(store, f"SELECT * FROM {t}") for t in TABLES}
        pages = rows(store, "PRAGMA page_count")[0][0]
        store.connection.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up
        with pytest.raises(StoreFullError, match="full.db.*full.*rolled back"):
            store.index([article(n, quote(f"Late quote {n}")) for n in range(10, 300)], batch_size=100)
        assert {t: rows(store, f"SELECT * FROM {t}") for t in TABLES} == before
        assert rows(store, "PRAGMA integrity_check") == [("ok",)]


CHILD = textwrap.dedent('''
    import datetime, sys, time
    from saidwhen.model import Article, Mention, Person, Quote
    from saidwhen.store import Store

    def articles():
        for n in range(int(sys.argv[2])):
            speaker = f"Speaker {n % 7}"
            text = f"Story {n}. " + " ".join(f"w{n}x{k}" for k in range(30))
            quotes = tuple(Quote(f"Quote {n % 40} number {k} of a long day", 0, 5, k, "direct", speaker,
                                 Mention(speaker, 0, 1), "said", 0, 0.9) for k in range(3))
            yield Article(text=text, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 90),
                          url=f"https://news.example/{n}", quotes=quotes,
                          people=(Person(speaker, mentions=(Mention(str(n % 7), 0, 1),)),))
            if sys.argv[3] == "slow":
                time.sleep(0.002)

    def batches(items):
        for i, a in enumerate(items):
            if i and i % 50 == 0:
                print("progress", i, flush=True)
            yield a

    print(Store(sys.argv[1]).index(batches(articles()), batch_size=50), flush=True)
''')


def _dump(path):
    conn = sqlite3.connect(path)
    dump = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in (*TABLES, "article_minhashes", "minhash_buckets")}
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    return dump


def test_an_index_killed_midway_resumes_to_the_same_database(tmp_path):
    n = "600"  # twelve batches of 50: killed after the fourth, with eight to go
    run = lambda db, speed: subprocess.run([sys.executable, "-c", CHILD, str(db), n, speed], capture_output=True, text=True, timeout=120)
    whole = run(tmp_path / "whole.db", "fast")
    assert whole.returncode == 0, whole.stderr

    broken = tmp_path / "broken.db"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(broken), n, "slow"], stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        if line.startswith("progress") and int(line.split()[1]) >= 200:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    partial = sqlite3.connect(broken).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < int(n) and partial % 50 == 0  # whole batches only

    resumed = run(broken, "fast")
    assert resumed.returncode == 0, resumed.stderr
    assert f"duplicates={partial}" in resumed.stdout
    assert _dump(broken) == _dump(tmp_path / "whole.db")


def test_real_extraction_goes_into_the_store_and_comes_back_out(store):
    text = ('"We open on Friday," said Noor Rahimi, the bakery\'s owner. "The ovens are finally fixed."\n\n'
            'Rahimi said she had waited "far too long" for the parts.\n')
    articles = list(saidwhen.extract_many([(text, "2024-02-01", "https://news.example/bakery", "bakery", None)]))
    stats = store.index(articles)
    assert stats.quotes == len(articles[0].quotes) - 1 >= 2  # the two pieces around "said Noor Rahimi" are one
    hit, = store.search("ovens")
    assert hit.speaker == "Noor Rahimi" and hit.url == "https://news.example/bakery"
    stored_text, = rows(store, "SELECT text FROM articles")[0]
    for start, end, qtext in rows(store, 'SELECT o.start, o."end", q.text FROM occurrences o JOIN quotes q ON q.id = o.quote_id'):
        assert normalise_quote(stored_text[start:end]) in normalise_quote(qtext)
    assert "Rahimi" in store.who("Noor Rahimi").aliases


def test_a_bare_surname_joins_the_one_full_name_that_ends_with_it_in_either_order(store):
    store.index([article(1, quote("The levy stays", speaker="Okafor")),
                 article(2, quote("The bridge opens in May")),
                 article(3, quote("We will not wait", speaker="Okafor"))])
    names = [r[0] for r in rows(store, "SELECT name FROM people ORDER BY id")]
    assert names == ["Maria Okafor"]
    assert rows(store, "SELECT count(DISTINCT speaker_id) FROM occurrences") == [(1,)]
    assert ("Okafor",) in rows(store, "SELECT alias FROM aliases")


def test_a_bare_surname_two_full_names_share_stays_apart(store):
    store.index([article(1, quote("Rates hold", speaker="Maria Okafor")),
                 article(2, quote("Rates fall", speaker="Daniel Okafor", mention="Okafor")),
                 article(3, quote("Rates rise", speaker="Okafor"))])
    names = sorted(r[0] for r in rows(store, "SELECT name FROM people"))
    assert names == ["Daniel Okafor", "Maria Okafor", "Okafor"]


# ---------------------------------------------------------------- gender across articles

def gendered(n, name, gender, evidence, url="auto"):
    q = quote(f"Line {n} of {name}", speaker=name, mention=name.split()[-1])
    return article(n, q, url=url, people=(Person(name, "PERSON", None, (Mention(name, 0, 1),), gender, evidence),))


def test_a_persons_gender_takes_the_texts_word_over_the_first_name_list(store):
    store.index([gendered(1, "Jordan Reyes", "male", "first_name"), gendered(2, "Jordan Reyes", "female", "pronoun")])
    assert rows(store, "SELECT gender, gender_evidence, gender_conflict FROM people") == [("female", "pronoun", 0)]
    store.index([gendered(3, "Jordan Reyes", "male", "first_name")])  # the list never overrules the text
    assert rows(store, "SELECT gender, gender_evidence, gender_conflict FROM people") == [("female", "pronoun", 0)]


def test_articles_whose_text_disagrees_leave_a_conflict_not_the_last_word(store):
    store.index([gendered(1, "Sam Olade", "female", "honorific"), gendered(2, "Sam Olade", "male", "pronoun"),
                 gendered(3, "Sam Olade", "female", "pronoun")])
    assert rows(store, "SELECT gender, gender_evidence, gender_conflict FROM people") == [(None, None, 1)]


def statements(store, run):
    """The SQL statements ``run()`` sends through the store's connection (trigger bodies left out)."""
    sent = []
    store.connection.set_trace_callback(lambda sql: sent.append(sql) if not sql.startswith("--") else None)
    try:
        run()
    finally:
        store.connection.set_trace_callback(None)
    return sent


def test_a_person_seen_again_in_a_batch_costs_no_role_or_gender_statement(store):
    def seen(n, role, gender):
        q = quote(f"Line {n} of the mayor", speaker="Jordan Reyes", mention="Reyes")
        return article(n, q, people=(Person("Jordan Reyes", "PERSON", role, (Mention("Jordan Reyes", 0, 1),), gender, "pronoun"),))
    sent = statements(store, lambda: store.index([seen(1, None, "female"), seen(2, "the mayor", "female"),
                                                  seen(3, "the harbour master", "female"), seen(4, "the mayor", "male")]))
    assert sum("UPDATE people SET role" in sql for sql in sent) == 1  # the first role; the row holds it after
    assert sum("SELECT gender" in sql for sql in sent) == 1  # read once, then kept in step with each write
    assert rows(store, "SELECT role, gender, gender_evidence, gender_conflict FROM people") == [("the mayor", None, None, 1)]
    store.index([seen(5, "the harbour master", "female")])  # a new batch reads the row again
    assert rows(store, "SELECT role, gender, gender_conflict FROM people") == [("the mayor", None, 1)]


def test_an_alias_given_once_in_a_batch_is_not_sent_again(store):
    batch = [article(n, quote(f"Line {n}", speaker="Maria Okafor")) for n in range(1, 5)]  # "Okafor" in each
    sent = statements(store, lambda: store.index(batch))
    assert sum("INTO aliases" in sql and "'Okafor'" in sql for sql in sent) == 1
    assert rows(store, "SELECT p.name, a.alias FROM aliases a JOIN people p ON p.id = a.person_id") == [("Maria Okafor", "Okafor")]


def test_a_bare_word_is_its_own_outlets_organisation_and_only_such_a_word_reads_the_url(store, monkeypatch):
    # "Gazette" in a story from brindlegazette.com is the Brindle Gazette stored before (``own_outlet``); the
    # article's outlet (its URL's host, ``balance.outlet``) is worked out only for a bare word that a stored
    # organisation's name ends in: parsing every article's URL was 2-3 % of indexing the written corpora.
    import saidwhen.balance

    asked = []
    outlet = saidwhen.balance.outlet
    monkeypatch.setattr(saidwhen.balance, "outlet", lambda url, source: asked.append(url) or outlet(url, source))
    gazette = Person("Brindle Gazette", "ORG", None, (Mention("Brindle Gazette", 0, 1),))
    store.index([article(1, quote("Rates hold", speaker="Maria Okafor"), people=(gazette,))])
    assert asked == []  # nothing bare to read it for
    bare = Person("Gazette", "ORG", None, (Mention("Gazette", 0, 1),))
    store.index([article(2, quote("Rates rise", speaker="Okafor"), url="https://www.brindlegazette.com/rates", people=(bare,)),
                 article(3, quote("Rates fall", speaker="Okafor"))])
    assert asked == ["https://www.brindlegazette.com/rates"]  # "Gazette"; not "Okafor", which no organisation's name ends in
    assert rows(store, "SELECT p.name, a.alias, a.reason FROM aliases a JOIN people p ON p.id = a.person_id WHERE a.alias = 'Gazette'") == [
        ("Brindle Gazette", "Gazette", "short name")]


def test_a_bare_surname_seen_again_in_a_batch_looks_up_its_full_names_once(store):
    store.index([article(1, quote("Rates hold", speaker="Maria Okafor"))])
    batch = [article(n, quote(f"Line {n}", speaker="Okafor")) for n in range(2, 5)]
    sent = statements(store, lambda: store.index(batch))
    lookups = [sql for sql in sent if "LIKE '% ' ||" in sql]  # the people, the organisations, whose name ends in "Okafor"
    assert len(lookups) == len(set(lookups)) == 2
    assert {name for _, name, _ in said_by(store)} == {"Maria Okafor"}


def test_a_batch_stores_what_one_article_a_batch_stores(tmp_path):
    # A batch keeps what it computes and learns in memory (the LSH buckets of all its quotations, computed at
    # once; the people's rows; the keys each speaker's renderings are filed under): articles that re-print
    # one quotation, cut, with a word changed, or with no speaker, in one batch or one batch each, give
    # the same rows in every table.
    said = "The new ferry will sail twice a day from the harbour from the first week of June"
    articles = [article(1, quote(said)),
                article(2, quote("The new ferry will sail twice a day from the harbour", start=5)),
                article(3, quote(said.replace("twice", "three times"), speaker="Okafor", mention=None)),
                article(4, quote(said, speaker=None, mention=None), quote("No comment", start=90)),
                article(5, quote("No comment", speaker="Jordan Reyes", mention="Reyes"), quote(said.lower(), start=40)),
                article(6, quote(said, speaker="Jordan Reyes", mention="Reyes"))]
    # copies of articles 1 and 2 under other URLs (one with a word added): found in the batch or in the store
    articles += [dataclasses.replace(articles[0], url="https://copy.example/1", id="c1"),
                 dataclasses.replace(articles[1], text=articles[1].text + " Updated", url="https://copy.example/2", id="c2")]
    from saidwhen import variants

    for n, size in (("one", 1), ("all", 8), ("two", 4)):
        variants._BUCKETS.clear()  # each store computes the buckets it files, in its own batches
        with Store(tmp_path / f"{n}.db") as s:
            s.index(articles, batch_size=size)
    def dump(n):
        tables = _dump(tmp_path / f"{n}.db")
        with sqlite3.connect(tmp_path / f"{n}.db") as conn:
            tables["rendering_buckets"] = conn.execute("SELECT * FROM rendering_buckets ORDER BY rendering_id, bucket").fetchall()
        return tables
    whole = dump("all")
    assert dump("one") == whole == dump("two")
    assert len(whole["quotes"]) >= 3 and len(whole["renderings"]) >= 5
    assert [(a[1], a[7]) for a in whole["articles"] if a[7] is not None] == [("a1", 1), ("a2", 2), ("c1", 1), ("c2", 2)]


def test_a_store_written_before_genders_gains_the_columns_on_opening(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT, role TEXT)")
        conn.execute("INSERT INTO people (name, kind) VALUES ('Ada Kole', 'PERSON')")
    with Store(path) as s:
        assert rows(s, "SELECT name, gender, gender_evidence, gender_conflict FROM people") == [("Ada Kole", None, None, 0)]
        s.index([gendered(1, "Ada Kole", "female", "honorific")])
        assert rows(s, "SELECT gender, gender_evidence FROM people WHERE name = 'Ada Kole'") == [("female", "honorific")]


# ---------------------------------------------------------------- renderings (issue 16)

HARBOUR = "We will never give up on the harbour, and we will rebuild it by the spring"


def test_a_rendering_with_a_word_changed_joins_its_quotation_and_each_article_keeps_its_occurrence(store):
    store.index([article(1, quote(HARBOUR), date="2024-03-01"),
                 article(2, quote(HARBOUR.replace("never", "not")), date="2024-03-02"),
                 article(3, quote(HARBOUR[:40] + "…"), date="2024-03-03"),
                 article(4, quote(HARBOUR.lower()), date="2024-03-04")])
    assert rows(store, "SELECT count(*) FROM quotes") == [(1,)]
    assert rows(store, "SELECT change FROM renderings ORDER BY first_seen") == [
        ("original",), ("altered",), ("truncation",), ("case",)]
    assert rows(store, "SELECT count(DISTINCT article_id), count(DISTINCT rendering_id) FROM occurrences") == [(4, 4)]
    assert rows(store, "SELECT diff FROM renderings WHERE change = 'altered'") == [
        ("We will [-never-] {+not+} give up on the harbour, and we will rebuild it by the spring",)]


def test_the_same_words_from_another_speaker_or_a_formula_stay_apart(store):
    store.index([article(1, quote(HARBOUR)),
                 article(2, quote(HARBOUR.replace("never", "not"), speaker="Tom Reyes", mention="Reyes")),
                 article(3, quote("We will win this election")),
                 article(4, quote("We will win this war"))])
    assert rows(store, "SELECT count(*) FROM quotes") == [(4,)]
    assert rows(store, "SELECT DISTINCT change FROM renderings") == [("original",)]


def test_the_rendering_printed_first_is_the_original_whatever_the_order_of_indexing(store):
    store.index([article(1, quote(HARBOUR.replace("never", "not")), date="2024-03-05"),
                 article(2, quote(HARBOUR), date="2024-03-01")])
    assert rows(store, "SELECT text, change FROM renderings ORDER BY id") == [
        (HARBOUR.replace("never", "not"), "altered"), (HARBOUR, "original")]
    assert rows(store, "SELECT first_seen FROM quotes") == [("2024-03-01",)]


def test_a_store_written_before_renderings_gets_them_from_its_occurrences(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.index([article(1, quote(HARBOUR), text=HARBOUR, date="2024-03-01"),
                 article(2, quote(HARBOUR.upper()), text=HARBOUR.upper(), date="2024-03-02")])
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE rendering_buckets; DROP TABLE renderings; DROP INDEX occurrences_rendering;"
                       " ALTER TABLE occurrences DROP COLUMN rendering_id;")
    conn.close()
    with Store(path) as s:
        assert rows(s, "SELECT r.text, r.change FROM occurrences o JOIN renderings r ON r.id = o.rendering_id ORDER BY o.id") == [
            (HARBOUR, "original"), (HARBOUR.upper(), "case")]


# ---------------------------------------------------------------- quotes keyed by speaker (issue 16)

def said_by(store):
    """(normalised text, speaker name, occurrences) of each quote, in id order."""
    return rows(store, "SELECT q.norm_text, p.name, (SELECT count(*) FROM occurrences o WHERE o.quote_id = q.id)"
                       " FROM quotes q LEFT JOIN people p ON p.id = q.speaker_id ORDER BY q.id")


def nobody(text):
    """``text`` quoted without a speaker the extractor could name."""
    return quote(text, speaker=None, mention=None)


def test_a_formula_two_people_say_word_for_word_is_two_quotes_and_each_keeps_its_re_prints(store):
    store.index([article(1, quote("No comment")),
                 article(2, quote("No comment.", speaker="Tom Reyes", mention="Reyes")),
                 article(3, quote("no comment")),
                 article(4, quote("NO COMMENT", speaker="Tom Reyes", mention="Reyes"))])
    assert said_by(store) == [("no comment", "Maria Okafor", 2), ("no comment", "Tom Reyes", 2)]
    renderings = rows(store, "SELECT p.name, r.text FROM renderings r JOIN quotes q ON q.id = r.quote_id"
                             " JOIN people p ON p.id = q.speaker_id ORDER BY r.id")
    assert renderings == [("Maria Okafor", "No comment"), ("Tom Reyes", "No comment."),
                          ("Maria Okafor", "no comment"), ("Tom Reyes", "NO COMMENT")]
    # Each rendering's words are in its speaker's LSH only.
    assert rows(store, "SELECT count(*) FROM rendering_buckets b JOIN renderings r ON r.id = b.rendering_id"
                       " JOIN quotes q ON q.id = r.quote_id WHERE b.speaker_id != q.speaker_id") == [(0,)]


def test_an_altered_rendering_joins_its_own_speakers_quote_not_another_persons_with_the_same_text(store):
    altered = HARBOUR.replace("never", "not")
    store.index([article(1, quote(HARBOUR, speaker="Tom Reyes", mention="Reyes")),
                 article(2, quote(HARBOUR)),
                 article(3, quote(altered))])  # Okafor's words changed: her quote, not Reyes's
    assert [(name, n) for _, name, n in said_by(store)] == [("Tom Reyes", 1), ("Maria Okafor", 2)]
    assert rows(store, "SELECT r.change FROM renderings r JOIN quotes q ON q.id = r.quote_id JOIN people p"
                       " ON p.id = q.speaker_id WHERE p.name = 'Maria Okafor' ORDER BY r.id") == [("original",), ("altered",)]


def test_an_unattributed_re_print_joins_the_one_speaker_of_its_text_and_stays_apart_when_two_said_it(store):
    store.index([article(1, nobody("We will rebuild the harbour")),      # nobody said it yet: an unattributed quote
                 article(2, quote("We will rebuild the harbour")),        # Okafor says it: she takes that quote over
                 article(3, nobody("We will rebuild the harbour!")),      # one speaker so far: hers
                 article(4, quote("We will rebuild the harbour", speaker="Tom Reyes", mention="Reyes")),
                 article(5, nobody("We will rebuild the harbour")),       # two speakers: whose? neither
                 article(6, nobody("we will rebuild the harbour")),
                 article(7, quote("We will rebuild the harbour.", speaker="Ana Silva", mention="Silva"))])
    assert said_by(store) == [("we will rebuild the harbour", "Maria Okafor", 3), ("we will rebuild the harbour", "Tom Reyes", 1),
                              ("we will rebuild the harbour", None, 2), ("we will rebuild the harbour", "Ana Silva", 1)]
    assert rows(store, "SELECT count(*) FROM occurrences WHERE speaker_id IS NULL AND quote_id = 1") == [(2,)]


def test_an_unattributed_variant_joins_the_one_speaker_whose_quotation_it_renders_and_stays_apart_when_two_said_it(store):
    lighthouse = "The old lighthouse will be restored and opened to visitors before the end of the summer"
    store.index([article(1, quote(HARBOUR)),
                 article(2, nobody(HARBOUR.replace("never", "not"))),                          # altered
                 article(3, nobody("We will never give up on the harbour ... by the spring")),  # ellipsis
                 article(4, nobody("We will never give up on the harbour, and we will rebuild")),  # cut short
                 article(5, quote(lighthouse)),
                 article(6, quote(lighthouse, speaker="Tom Reyes", mention="Reyes")),
                 article(7, nobody(lighthouse.replace("summer", "autumn"))),                    # whose? neither
                 article(8, nobody("We will rebuild the school by the winter"))])                # nobody's words
    okafor = rows(store, "SELECT r.text, r.change FROM renderings r JOIN quotes q ON q.id = r.quote_id"
                         " JOIN people p ON p.id = q.speaker_id WHERE p.name = 'Maria Okafor' AND q.norm_text LIKE 'we will never%'"
                         " ORDER BY r.id")
    assert [change for _, change in okafor] == ["original", "altered", "ellipsis", "truncation"]
    assert rows(store, "SELECT count(*) FROM occurrences o JOIN quotes q ON q.id = o.quote_id"
                       " WHERE q.norm_text LIKE 'we will never%'") == [(4,)]
    apart = rows(store, "SELECT q.text FROM quotes q WHERE q.speaker_id IS NULL ORDER BY q.id")
    assert apart == [(lighthouse.replace("summer", "autumn"),), ("We will rebuild the school by the winter",)]


def test_the_first_speaker_to_render_an_unattributed_quotation_takes_it_over_with_its_variants(store):
    said = "The night trains to the coast will run again from the first week of May"
    store.index([article(1, nobody(said)),                                                            # nobody named
                 article(2, quote("The night trains to the coast will run again ... of May")),          # Okafor, cut
                 article(3, quote(said.replace("coast", "seaside"))),                                  # Okafor, altered
                 article(4, quote(said.replace("first", "last"), speaker="Tom Reyes", mention="Reyes"))])
    assert said_by(store)[0] == (normalise_quote(said), "Maria Okafor", 3)
    assert rows(store, "SELECT change FROM renderings WHERE quote_id = 1 ORDER BY id") == [("original",), ("ellipsis",), ("altered",)]
    assert said_by(store)[1][1:] == ("Tom Reyes", 1)  # Okafor's now: another speaker's words stay apart


def test_a_speakers_text_that_renders_their_quote_and_an_unattributed_one_joins_the_two(store):
    said = "We are going to close the old harbour and the fish market before the end of the year"
    store.index([article(1, nobody(said.replace("harbour and the fish market", "fish market and the harbour"))),  # words swapped
                 article(2, dataclasses.replace(quote("she was going to close the old harbour and the fish market before the end"
                                                      " of the year, to the anger of the traders"), kind="mixed")),
                 article(3, quote("going to close the old harbour and the fish market before the end of the year"))])
    assert said_by(store) == [(normalise_quote(said.replace("harbour and the fish market", "fish market and the harbour")),
                               "Maria Okafor", 3)]


def test_a_partial_quote_in_lower_case_and_a_piece_with_a_word_changed_join_the_quotation_they_are_cut_from(store):
    said = "The new bridge is late and over budget, but it will carry its first trains in June, whatever the critics say"
    store.index([article(1, quote(said), date="2024-03-01"),
                 article(2, quote("but it will carry its first trains"), date="2024-03-02"),             # 7 words, in lower case
                 article(3, quote("The new bridge is late and over budget, but it will carry its first trains in July"),
                         date="2024-03-03"),                                                           # cut, a month changed
                 article(4, quote("It will carry its first trains"), date="2024-03-04")])              # 6 words, shows no cut
    assert [n for _, _, n in said_by(store)] == [3, 1]
    assert rows(store, "SELECT change FROM renderings WHERE quote_id = 1 ORDER BY id") == [("original",), ("truncation",), ("altered",)]


def test_a_short_partial_quote_the_lsh_cannot_meet_is_found_among_the_speakers_renderings_that_contain_it(store):
    said = ("When the floods came in March the council had no pumps, no sandbags and no plan, and the families on"
            " Mill Lane paid for it with their homes and their savings")
    piece = "no pumps, no sandbags and no plan"
    from saidwhen.variants import rendering_buckets
    assert not set(rendering_buckets(normalise_quote(said))) & set(rendering_buckets(normalise_quote(piece)))
    store.index([article(1, quote(said), date="2024-03-01"),
                 article(2, quote(piece), date="2024-03-02"),                          # in lower case: a piece
                 article(3, quote("The council had no pumps"), date="2024-03-03")])   # shows no cut: apart
    assert [n for _, _, n in said_by(store)] == [2, 1]


def test_a_speakers_middle_sentence_part_printed_later_with_no_mark_of_a_cut_joins_her_longer_statement(store):
    """An outlet re-prints a part of a speaker's sentence from the middle of her statement, starting
    with a capital and no ellipsis, so nothing in the text shows it is cut. It is her statement cut
    at both ends, as a marked piece or a piece of a statement printed with no speaker is: one
    quotation. The LSH cannot meet a text this much shorter; the piece is found inside her longer
    rendering. Another speaker saying the same words keeps a quotation of his own."""
    said = ("The ferry has been late every morning since January and nobody at the depot will tell us why."
            " We are done waiting for the operator to fix the timetable on its own, and the council will take the"
            " contract back in the spring if it has to.")
    piece = "We are done waiting for the operator to fix the timetable"    # 11 words from the middle
    from saidwhen.variants import rendering_buckets
    assert not set(rendering_buckets(normalise_quote(said))) & set(rendering_buckets(normalise_quote(piece)))
    store.index([article(1, quote(said), date="2024-03-01"),
                 article(2, quote(piece), date="2024-03-04"),
                 article(3, quote(piece, speaker="Tom Quayle", mention="Quayle"), date="2024-03-05")])
    assert [(name, n) for _, name, n in said_by(store)] == [("Maria Okafor", 2), ("Tom Quayle", 1)]
    assert rows(store, "SELECT text, change FROM renderings WHERE quote_id = 1 ORDER BY id") == [
        (said, "original"), (piece, "truncation")]


def test_an_editors_bracket_in_place_of_a_pronoun_renders_the_piece_printed_with_the_pronoun_in_either_order(store):
    gulls = "We will drive [the herring gulls] off the pier for good. The traders have asked us for years"
    trawlers = "They will tow [the abandoned trawlers] out of the harbour by the summer. We have waited long enough"
    store.index([article(1, quote("drive them off the pier for good"), date="2024-03-01"),   # the piece first
                 article(2, quote(gulls), date="2024-03-02"),
                 article(3, quote(trawlers), date="2024-03-03"),                            # the bracket first
                 article(4, quote("tow them out of the harbour"), date="2024-03-04"),
                 article(5, quote("tow them out of the harbour", speaker="Tom Quayle", mention="Quayle"), date="2024-03-05")])
    assert [(name, n) for _, name, n in said_by(store)] == [("Maria Okafor", 2), ("Maria Okafor", 2), ("Tom Quayle", 1)]
    assert rows(store, "SELECT text, change, diff FROM renderings WHERE quote_id = 1 ORDER BY id") == [
        ("drive them off the pier for good", "original", "drive them off the pier for good"),
        (gulls, "altered", "{+We will+} drive [-them-] {+[the herring gulls]+} off the pier for good."
                           " {+The traders have asked us for years+}")]
    assert rows(store, "SELECT change FROM renderings WHERE quote_id = 2 ORDER BY id") == [("original",), ("altered",)]


def test_a_bracket_read_as_a_pronoun_does_not_join_words_that_differ_beyond_it(store):
    store.index([article(1, quote("[The ferry company] will raise the fares on the island routes in May"), date="2024-03-01"),
                 article(2, quote("They will cut the sailings on the island routes in winter"), date="2024-03-02")])
    assert [n for _, _, n in said_by(store)] == [1, 1]


def test_a_speakers_sentence_found_inside_an_unattributed_statement_of_an_earlier_article_takes_it_over(store):
    said = ("We do not have the money for it. We are so tired of the harbour board telling stories about this council."
            " We will not pay for their mistakes, and the families of Mill Lane will not pay for them either.")
    piece = "We are so tired of the harbour board telling stories"
    from saidwhen.variants import rendering_buckets
    assert len(set(rendering_buckets(normalise_quote(said))) & set(rendering_buckets(normalise_quote(piece)))) < 2
    store.index([article(1, nobody(said)), article(2, quote(piece))])
    assert said_by(store) == [(normalise_quote(said), "Maria Okafor", 2)]
    assert rows(store, "SELECT change FROM renderings ORDER BY id") == [("original",), ("truncation",)]


def test_a_clause_with_no_speaker_around_a_speakers_words_in_one_article_is_not_taken_over(store):
    clause = ("asked on local radio why the harbour board has told the council nothing about the money for the new pier,"
              " the mayor blamed the weather, the ferry operators and the fish market traders")
    piece = "has told the council nothing about the money"
    from saidwhen.variants import rendering_buckets
    assert len(set(rendering_buckets(normalise_quote(clause))) & set(rendering_buckets(normalise_quote(piece)))) < 2
    store.index([article(1, nobody(clause), quote(piece))])
    assert [name for _, name, _ in said_by(store)] == [None, "Maria Okafor"]


def test_a_speakers_piece_of_an_unattributed_fragment_takes_over_the_fragment_not_the_clause_around_it(store):
    """An article prints a reporter's clause with no speaker named and the speaker's words quoted inside
    it: two unattributed quotes, the clause (mixed) and the fragment (partial). A later article quotes
    a speaker saying a piece of the fragment: it takes over the fragment, the words it re-prints, and
    the clause stays nobody's."""
    fragment = "will be the safest landing ever built on this coast."
    clause = f'the engineers found the new pier "sound in every beam" and said it "{fragment}"'
    store.index([article(1, dataclasses.replace(nobody(clause), kind="mixed"), dataclasses.replace(nobody(fragment), kind="partial"),
                         date="2024-03-01"),
                 article(2, quote("the safest landing ever built on this coast"), date="2024-03-05")])
    assert said_by(store) == [(normalise_quote(clause), None, 1), (normalise_quote(fragment), "Maria Okafor", 2)]


def test_a_rendering_printed_with_no_speaker_is_in_the_lsh_under_nobody(store):
    store.index([article(1, nobody("The night trains to the coast will run again from the first week of May"))])
    # and the key of each of its 13 runs of three words, its head among them
    assert rows(store, "SELECT speaker_id, count(*) FROM rendering_buckets GROUP BY speaker_id") == [(0, 16 + 13)]


def test_the_pieces_of_a_split_quote_are_one_rendering_of_the_whole_sentence(store):
    first, second = "We have no evidence that the fire was set on purpose", "but we are keeping an open mind."
    split = f'The fire chief spoke on Monday.\n\n"{first}," Rupert Aldane said, "{second}"'
    a, b = split.index(first), split.index(second)
    whole = f"{first}, {second}"
    store.index([
        article(1, quote(whole, speaker="Rupert Aldane", mention="Aldane")),
        article(2, quote(first, speaker="Rupert Aldane", mention="Aldane", start=a),
                quote(second, speaker="Rupert Aldane", mention="Aldane", start=b), text=split),
        # Two sentences around the attribution are two quotations, as before.
        article(3, quote("The fire is out.", speaker="Rupert Aldane", mention="Aldane", start=1),
                quote("Nobody was hurt.", speaker="Rupert Aldane", mention="Aldane", start=31),
                text='"The fire is out." Aldane said. "Nobody was hurt."'),
    ])
    assert said_by(store) == [(normalise_quote(whole), "Rupert Aldane", 3), ("the fire is out", "Rupert Aldane", 1),
                              ("nobody was hurt", "Rupert Aldane", 1)]
    assert rows(store, "SELECT text, change FROM renderings WHERE quote_id = 1") == [(whole, "original")]
    assert rows(store, 'SELECT start, "end", rendering_id FROM occurrences WHERE article_id = 2 ORDER BY start') == [
        (a, a + len(first), 1), (b, b + len(second), 1)]


def test_a_statement_its_attribution_cuts_before_a_new_sentence_is_one_quotation_and_another_speaker_stays_apart(store):
    first, second = "We will rebuild the pier before the autumn storms", "The money is already in the bank."
    split = f'The mayor spoke on Monday.\n\n"{first}," Ines Varga said. "{second}"'
    a, b = split.index(first), split.index(second)
    whole = f"{first}. {second}"
    store.index([
        article(1, quote(first, speaker="Ines Varga", mention="Varga", start=a),
                quote(second, speaker="Ines Varga", mention="Varga", start=b), text=split, date="2024-03-01"),
        article(2, quote(whole, speaker="Ines Varga", mention="Varga"), date="2024-03-02"),
        article(3, quote(f"{first}.", speaker="Tom Reyes", mention="Reyes"), date="2024-03-03"),   # his words, not hers
    ])
    assert said_by(store) == [(normalise_quote(whole), "Ines Varga", 3), (normalise_quote(first), "Tom Reyes", 1)]
    assert rows(store, "SELECT change FROM renderings WHERE quote_id = 1 ORDER BY id") == [("original",), ("punctuation",)]


def pieces(text, *said, **fields):
    """Direct quotes of ``text``: (words, speaker, paragraph, cue) each, at the place ``text`` prints them."""
    from dataclasses import replace
    return [replace(quote(words, speaker=speaker, mention=speaker.split()[-1], start=text.index(words), cue=cue), paragraph=par,
                    **fields) for words, speaker, par, cue in said]


def test_a_question_mark_before_the_attribution_stands_where_the_comma_would_and_the_statement_goes_on(store):
    asked, answer = "Who will pay for a sea wall that nobody in this town asked for?", "The families behind it will pay."
    text = f'The mayor spoke on Monday. "{asked}" Ines Varga asked. "{answer}"'
    store.index([article(1, *pieces(text, (asked, "Ines Varga", 0, "asked"), (answer, "Ines Varga", 0, "asked")), text=text,
                         date="2024-03-01"),
                 article(2, quote(f"{asked} {answer}", speaker="Ines Varga", mention="Varga"), date="2024-03-02")])
    assert said_by(store) == [(normalise_quote(f"{asked} {answer}"), "Ines Varga", 3)]
    assert rows(store, "SELECT text, change FROM renderings") == [(f"{asked} {answer}", "original")]  # one text, as printed twice


def test_a_quote_whose_cue_says_it_goes_on_in_the_next_paragraph_continues_the_statement_its_speaker_left_open():
    from saidwhen.store import quotations
    first, then = "We will rebuild the pier before the autumn storms", "The money is already in the bank."
    text = f'"{first}," Ines Varga said.\n\n"{then}" she added.'

    def units(*said):
        return [q.text for q, _ in quotations(article(1, *pieces(text, *said), text=text))]

    assert units((first, "Ines Varga", 0, "said"), (then, "Ines Varga", 1, "added")) == [f"{first}, {then}"]
    assert units((first, "Ines Varga", 0, "said"), (then, "Ines Varga", 1, "continued")) == [f"{first}, {then}"]
    # The cue says nothing of the sort, another speaker, a paragraph between, or a statement closed with a full stop: apart.
    assert units((first, "Ines Varga", 0, "said"), (then, "Ines Varga", 1, "said")) == [first, then]
    assert units((first, "Ines Varga", 0, "said"), (then, "Tom Reyes", 1, "added")) == [first, then]
    assert units((first, "Ines Varga", 0, "said"), (then, "Ines Varga", 2, "added")) == [first, then]
    closed = text.replace(f"{first},", f"{first}.")
    assert [q.text for q, _ in quotations(article(1, *pieces(closed, (first + ".", "Ines Varga", 0, "said"),
                                                              (then, "Ines Varga", 1, "added")), text=closed))] == [first + ".", then]


def test_a_statement_printed_whole_joins_the_quotations_its_pieces_were_printed_as_but_not_another_speakers(store):
    first = "The new ferry terminal will open in the spring with twice the berths of the old one."
    then = "Every family on the islands will be able to reach the hospital in under an hour."
    piece = first[first.index("will"):]  # a partial quote of the first sentence
    store.index([article(1, quote(piece), date="2024-03-01"),
                 article(2, quote(then), date="2024-03-02"),
                 article(3, quote(then, speaker="Tom Reyes", mention="Reyes"), date="2024-03-02"),
                 article(4, quote(f"{first} {then}"), date="2024-03-03")])
    assert [(p, n) for _, p, n in said_by(store)] == [("Maria Okafor", 3), ("Tom Reyes", 1)]
    assert rows(store, "SELECT text, change FROM renderings WHERE quote_id = 1 ORDER BY id") == [
        (piece, "original"), (then, "truncation"), (f"{first} {then}", "truncation")]


def test_a_piece_printed_before_the_fuller_statement_joins_it_but_a_short_sentence_and_another_speaker_do_not(store):
    said = ("When the floods came in March the council had no pumps, no sandbags and no plan, and the families on"
            " Mill Lane paid for it")
    store.index([article(1, quote("no pumps, no sandbags and no plan"), date="2024-03-01"),                # a piece, printed first
                 article(2, quote("The council had no pumps"), date="2024-03-02"),                          # 5 words, shows no cut
                 article(3, quote("no pumps, no sandbags and no plan", speaker="Tom Reyes", mention="Reyes"), date="2024-03-03"),
                 article(4, quote(said), date="2024-03-04")])
    assert [(p, n) for _, p, n in said_by(store)] == [("Maria Okafor", 2), ("Maria Okafor", 1), ("Tom Reyes", 1)]
    assert rows(store, "SELECT change FROM renderings WHERE quote_id = 1 ORDER BY id") == [("original",), ("truncation",)]


def test_the_original_is_the_rendering_printed_first_and_on_one_day_the_quoted_words_not_the_clause_reporting_them(store):
    from dataclasses import replace
    reported = "the ferry would run twice a day from June, whatever the weather"
    piece = "twice a day from June, whatever the weather"
    text = f'Okafor said {reported.replace(piece, chr(34) + piece + chr(34))}.'
    store.index([
        # The reported clause comes first in the article, and is fuller, but it is the reporter's words.
        article(1, replace(quote(reported, start=text.index("the ferry")), kind="indirect"),
                replace(quote(piece, start=text.index(piece)), kind="partial"), text=text, date="2024-03-05"),
        # Said on the 1st by this article's account, printed after the first article.
        article(2, quote(piece + ".", said_on="2024-03-01"), date="2024-03-06"),
    ])
    assert said_by(store)[0][1:] == ("Maria Okafor", 3)
    assert rows(store, "SELECT text, change, first_seen FROM renderings ORDER BY id") == [
        (reported, "truncation", "2024-03-05"), (piece, "original", "2024-03-05"), (piece + ".", "punctuation", "2024-03-06")]
    assert rows(store, "SELECT first_seen FROM quotes") == [("2024-03-01",)]


def test_joining_two_people_by_hand_merges_the_quote_each_had_of_one_text(store):
    store.index([article(1, quote("Rates hold", speaker="Maria Okafor"), date="2024-03-05"),
                 article(2, quote("Rates fall", speaker="Daniel Okafor", mention="Okafor")),
                 article(3, quote("Rates hold.", speaker="Okafor"), date="2024-03-01")])  # two Okafors: "Okafor" stays apart
    assert len(said_by(store)) == 3
    store.merge_people("Okafor", "Maria Okafor")
    assert said_by(store) == [("rates hold", "Maria Okafor", 2), ("rates fall", "Daniel Okafor", 1)]
    assert rows(store, "SELECT first_seen FROM quotes WHERE id = 1") == [("2024-03-01",)]
    assert rows(store, "SELECT r.text, r.change FROM renderings r WHERE quote_id = 1 ORDER BY r.id") == [
        ("Rates hold", "punctuation"), ("Rates hold.", "original")]
    assert [h.speaker for h in store.search("hold")] == ["Maria Okafor"]


def test_a_batch_asks_for_corrections_once_while_there_are_none_and_follows_them_once_made(store):
    batch = [article(1, quote("Rates hold", speaker="Maria Okafor")),
             article(2, quote("Rates fall", speaker="Daniel Okafor", mention="Okafor")),
             article(3, quote("Rates hold.", speaker="Okafor"))]
    sent = statements(store, lambda: store.index(batch))
    assert sum("corrections" in sql for sql in sent) == 1  # is there any? no: no lookup by name
    store.merge_people("Okafor", "Maria Okafor")
    sent = statements(store, lambda: store.index([article(4, quote("Rates climb", speaker="Okafor"))]))
    assert sum("corrections" in sql for sql in sent) > 1
    assert said_by(store)[-1] == ("rates climb", "Maria Okafor", 1)


OLD_QUOTES = """CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    norm_text TEXT NOT NULL UNIQUE,
    norm_prefix TEXT,
    speaker_id INTEGER REFERENCES people(id),
    speaker TEXT,
    first_seen TEXT
);
CREATE INDEX quotes_prefix ON quotes(speaker_id, norm_prefix) WHERE norm_prefix IS NOT NULL;
"""


def test_a_store_whose_quotes_were_keyed_by_text_alone_is_rebuilt_keeping_every_row(tmp_path):
    from saidwhen.store import SCHEMA

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(OLD_QUOTES)  # the quotes table as stores before issue 16 declared it; the rest as now
    conn.executescript(SCHEMA.replace("CREATE UNIQUE INDEX IF NOT EXISTS quotes_said", "CREATE INDEX IF NOT EXISTS unused"))
    conn.executescript("""
        INSERT INTO articles (id, url, date, text, text_hash) VALUES (1, 'https://old.example/1', '2024-01-02', '"No comment," Okafor said.', 'h1');
        INSERT INTO people (id, name, kind) VALUES (1, 'Maria Okafor', 'PERSON');
        INSERT INTO quotes (id, text, norm_text, speaker_id, speaker, first_seen) VALUES (7, 'No comment', 'no comment', 1, 'Maria Okafor', '2024-01-02');
        INSERT INTO renderings (id, quote_id, text, norm_text, change, diff, first_seen) VALUES (3, 7, 'No comment', 'no comment', 'original', 'No comment', '2024-01-02');
        INSERT INTO occurrences (quote_id, article_id, start, "end", speaker_id, rendering_id) VALUES (7, 1, 1, 11, 1, 3);
    """)
    conn.commit()
    assert any(r[3] == "u" for r in conn.execute("PRAGMA index_list(quotes)"))
    conn.close()
    with Store(path) as s:
        assert not any(r[3] == "u" for r in rows(s, "PRAGMA index_list(quotes)"))  # the UNIQUE on norm_text is gone
        assert rows(s, "SELECT id, text, norm_text, speaker_id, speaker, first_seen FROM quotes") == [
            (7, "No comment", "no comment", 1, "Maria Okafor", "2024-01-02")]
        assert rows(s, "SELECT quote_id, rendering_id FROM occurrences") == [(7, 3)]
        assert [h.speaker for h in s.search("comment")] == ["Maria Okafor"]  # the full-text index still finds it
        assert rows(s, "PRAGMA foreign_keys") == [(1,)] and rows(s, "PRAGMA foreign_key_check") == []
        s.index([article(2, quote("No comment.", speaker="Tom Reyes", mention="Reyes")), article(3, quote("No comment!"))])
        assert said_by(s) == [("no comment", "Maria Okafor", 2), ("no comment", "Tom Reyes", 1)]
        assert sorted(h.speaker for h in s.search("comment")) == ["Maria Okafor", "Tom Reyes"]
        with pytest.raises(sqlite3.IntegrityError):  # the new key holds: one quote per text and speaker
            s.connection.execute("INSERT INTO quotes (text, norm_text, speaker_id) VALUES ('x', 'no comment', 1)")
    with Store(path) as s:  # opening again changes nothing
        assert len(said_by(s)) == 2


def test_an_export_made_before_renderings_existed_loads_and_gets_its_renderings_rebuilt(store, tmp_path):
    from typer.testing import CliRunner

    from saidwhen.cli import app

    store.index([article(1, quote(HARBOUR), text=HARBOUR, date="2024-03-01"),  # the quote is the text: offsets hold
                 article(2, quote(HARBOUR.upper()), text=HARBOUR.upper(), date="2024-03-02"),
                 article(3, quote("No comment", speaker="Tom Reyes", mention="Reyes"), text="No comment")])
    out = tmp_path / "old-export"
    store.to_parquet(out)
    (out / "renderings.parquet").unlink()  # as an export written before renderings existed
    occurrences = pq.read_table(out / "occurrences.parquet")
    pq.write_table(occurrences.drop_columns(["rendering_id"]), out / "occurrences.parquet")
    db = tmp_path / "loaded.db"
    result = CliRunner().invoke(app, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 renderings" in result.stderr and "3 occurrences" in result.stderr
    with Store(db) as loaded:
        assert rows(loaded, "SELECT r.text, r.change FROM occurrences o JOIN renderings r ON r.id = o.rendering_id ORDER BY o.id") == [
            (HARBOUR, "original"), (HARBOUR.upper(), "case"), ("No comment", "original")]
        # The rebuilt renderings are in their speaker's LSH: a rendering with a word changed joins the quote.
        loaded.index([article(4, quote(HARBOUR.replace("never", "not")), date="2024-03-03")])
        assert rows(loaded, "SELECT count(*) FROM quotes") == [(2,)]
        assert rows(loaded, "SELECT change FROM renderings WHERE text = ?", HARBOUR.replace("never", "not")) == [("altered",)]


def test_a_store_hashed_by_an_older_rule_rebuilds_its_rendering_buckets_when_opened(tmp_path):
    first = ('"The harbour wall will be rebuilt before the winter storms arrive," '
             'Ana Brandt, the harbour master, said on Monday.')
    later = ('"The harbour wall will be repaired before the winter storms arrive," '
             'Ana Brandt said on Friday.')
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.index([saidwhen.extract(first, "2024-03-11", url="https://example.org/1")])
    conn = sqlite3.connect(db)  # as an older saidwhen left it: other buckets, no version
    conn.execute("UPDATE rendering_buckets SET bucket = bucket + 1")
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] >= 1
        store.index([saidwhen.extract(later, "2024-03-15", url="https://example.org/2")])
        quotes = store.connection.execute("SELECT count(*) FROM quotes").fetchone()[0]
        changes = {r[0] for r in store.connection.execute("SELECT change FROM renderings")}
    assert quotes == 1 and "altered" in changes


def test_a_store_written_without_head_keys_gains_them_when_opened_and_a_fuller_text_meets_its_old_piece(tmp_path):
    from saidwhen.store import BUCKETS_VERSION
    from saidwhen.variants import rendering_buckets, rendering_keys
    piece = "no pumps, no sandbags and no plan"
    said = ("When the floods came in March the council had no pumps, no sandbags and no plan, and the families on"
            " Mill Lane paid for it with their homes and their savings")
    assert not set(rendering_buckets(normalise_quote(said))) & set(rendering_buckets(normalise_quote(piece)))
    db = tmp_path / "v2.db"
    with Store(db) as store:
        store.index([article(1, quote(piece), date="2024-03-01")])
    conn = sqlite3.connect(db)  # as the store of BUCKETS_VERSION 2 left it: LSH buckets only
    conn.execute("DELETE FROM rendering_buckets WHERE bucket = ?", (rendering_keys(normalise_quote(piece))[-1],))
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == BUCKETS_VERSION
        store.index([article(2, quote(said), date="2024-03-02")])
        assert [n for _, _, n in said_by(store)] == [2]


def test_a_store_of_buckets_version_7_rebuilds_its_band_and_run_keys_when_opened(tmp_path):
    # BUCKETS_VERSION 8 keys a band by its MinHash values and a run by its head key: a store written
    # before holds other keys for both, which would meet no new text's.
    from saidwhen.store import BUCKETS_VERSION
    said = ("When the floods came in March the council had no pumps, no sandbags and no plan, and the families on"
            " Mill Lane paid for it with their homes and their savings")
    piece = "the families on Mill Lane"  # found by its run key only (not by the LSH)
    altered = said.replace("no plan", "no plans at all")  # found by the LSH
    db = tmp_path / "v7.db"
    with Store(db) as store:
        store.index([article(1, quote(said), date="2024-03-01")])
    conn = sqlite3.connect(db)  # as version 7 left it: every key another (an odd key stays odd, an even one even)
    conn.execute("UPDATE rendering_buckets SET bucket = bucket + 8 * (1 - 2 * (bucket > 0))")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == BUCKETS_VERSION >= 8
        store.index([article(2, quote(piece), date="2024-03-02"), article(3, quote(altered), date="2024-03-03")])
        assert rows(store, "SELECT count(*) FROM quotes") == [(1,)]
        assert rows(store, "SELECT change FROM renderings ORDER BY id") == [("original",), ("truncation",), ("altered",)]


def test_a_store_of_buckets_version_8_hashes_its_articles_again_and_meets_a_new_copy_of_one(tmp_path):
    # From version 9 an article's shingles are hashed by folding their words' hashes (``_shingle_hashes``):
    # the signatures an older store holds (SHA-1 of each shingle) would meet no new copy's.
    from saidwhen.store import BUCKETS_VERSION, SIGNATURES_VERSION, _bands, _signature
    body = ("The county board agreed on Thursday to rebuild the harbour road before the autumn storms, after a "
            "meeting at which fishermen, shop owners and the ferry company all asked for the work to start at once. "
            "The engineer said the road could be closed for six weeks and that a temporary lane would keep the "
            "ferry running, while the board promised to pay the shops on the road for the weeks they lose. ")
    said = quote("We will have the road open again before the first storm of the autumn")
    db = tmp_path / "v8.db"
    with Store(db) as store:
        store.index([article(1, said, text=body)])
    conn = sqlite3.connect(db)  # as version 8 left it: a signature hashed another way, and its buckets
    old = _signature(body.upper() + " and another way")
    conn.execute("UPDATE article_minhashes SET signature = ?", (old,))
    conn.execute("DELETE FROM minhash_buckets")
    conn.executemany("INSERT INTO minhash_buckets (bucket, article_id) VALUES (?, 1)", [(b,) for b in _bands(old)])
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == BUCKETS_VERSION >= SIGNATURES_VERSION == 9
        assert rows(store, "SELECT signature FROM article_minhashes") == [(_signature(body),)]
        assert store.index([article(2, said, text=body + "Reporting by Ada Quill.")]).syndicated == 1
        assert rows(store, "SELECT minhash_cluster FROM articles ORDER BY id") == [(1,), (1,)]


@pytest.mark.parametrize("at_once", [1, 12, 40, 2048])
def test_the_signatures_of_a_batch_computed_at_once_are_each_articles_own(monkeypatch, at_once):
    """A batch's articles are signed together (``store._signatures``: their shingles run end to end, those
    that straddle two articles left out): each gets the signature and LSH buckets it gets alone, whatever
    the articles' lengths (fewer words than a shingle, one shingle, many) and however many go in one pass."""
    import saidwhen.store as store_module
    from saidwhen.store import _bands, _signature, _signatures

    monkeypatch.setattr(store_module, "_SHINGLES_AT_ONCE", at_once)
    words = ("the harbour road will open again before the first storm of the autumn said the county engineer"
             " while the ferry company asked for a second lane and the shops for the weeks they lose").split()
    texts = [" ".join(words[k:k + n]) for k, n in ((0, 30), (3, 5), (7, 4), (0, 0), (9, 6), (1, 31), (2, 12), (5, 5))]
    texts += [texts[0], "Harbour", "été à Zürich, naïve café fiancée déjà vu"]
    signatures, bands = _signatures(texts)
    assert signatures == [_signature(t) for t in texts]
    assert bands == [_bands(_signature(t)) for t in texts]
    assert len(set(signatures)) == len(texts) - 1  # the one text given twice


def test_a_quotation_printed_inside_another_speakers_quote_joins_its_re_prints_under_its_own_speaker(tmp_path):
    quoting = ('"We should have acted that night," Senator Ruth Adler said. "Instead it was, as Paul Brenner put it'
               " at the hearing, 'a matter for another day and another committee.'\"")
    alone = '"This is a matter for another day and another committee," Paul Brenner said at the hearing.'
    with Store(tmp_path / "nested.db") as store:
        store.index([saidwhen.extract(alone, "2024-03-11", url="https://example.org/1"),
                     saidwhen.extract(quoting, "2024-03-15", url="https://example.org/2")])
        assert rows(store, "SELECT q.speaker, count(DISTINCT o.article_id) FROM quotes q JOIN occurrences o ON o.quote_id = q.id"
                           " WHERE q.speaker = 'Paul Brenner' GROUP BY q.id") == [("Paul Brenner", 2)]
        assert rows(store, "SELECT speaker FROM quotes WHERE text LIKE '%Instead it was%'") == [("Ruth Adler",)]


def test_a_quotation_quoted_inside_a_split_statement_leaves_the_statement_one_quotation():
    text = ('"As Paul Brenner told us, \'the money is on its way to every town,\' and we waited all winter," Ruth Adler'
            ' said, "but it never came."')
    units = [(q.speaker, q.text) for q, _ in quotations(saidwhen.extract(text, "2024-03-15"))]
    assert ("Paul Brenner", "the money is on its way to every town") in units
    assert [t for s, t in units if s == "Ruth Adler"] == [
        "As Paul Brenner told us, 'the money is on its way to every town,' and we waited all winter, but it never came."]


def test_a_store_written_without_run_keys_gains_them_when_opened_and_a_piece_finds_the_quote_it_is_cut_from(tmp_path):
    from saidwhen.store import BUCKETS_VERSION
    from saidwhen.variants import rendering_buckets, run_keys
    said = ("When the floods came in March the council had no pumps, no sandbags and no plan, and the families on"
            " Mill Lane paid for it with their homes and their savings")
    piece = "the families on Mill Lane"  # a lower-case start: a piece of a longer sentence
    assert not set(rendering_buckets(normalise_quote(said))) & set(rendering_buckets(normalise_quote(piece)))
    db = tmp_path / "v4.db"
    with Store(db) as store:
        store.index([article(1, quote(said), date="2024-03-01")])
    conn = sqlite3.connect(db)  # as the store of BUCKETS_VERSION 4 left it: no run keys, people unindexed
    marks = ",".join("?" * len(run_keys(normalise_quote(said))))
    conn.execute(f"DELETE FROM rendering_buckets WHERE bucket IN ({marks})", run_keys(normalise_quote(said)))
    conn.execute("DROP INDEX people_name_nocase")
    conn.execute("DROP INDEX people_last_word")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == BUCKETS_VERSION
        indexes = {r[1] for r in store.connection.execute("PRAGMA index_list(people)")}
        assert {"people_name_nocase", "people_last_word"} <= indexes
        store.index([article(2, quote(piece), date="2024-03-02")])
        assert rows(store, "SELECT count(*) FROM quotes") == [(1,)]
        assert rows(store, "SELECT change FROM renderings WHERE text = ?", piece) == [("truncation",)]


def test_a_name_another_connection_stored_between_batches_is_found_in_any_accents(tmp_path):
    db = tmp_path / "two.db"
    with Store(db) as first, Store(db) as second:
        first.index([article(1, quote("The port reopens on Monday", speaker="Inés Castaño"))])  # reads the accented names
        second.index([article(2, quote("The budget passes this week", speaker="Felipe Calderón"))])
        first.index([article(3, quote("We will sign the treaty", speaker="Felipe Calderon"))])
        assert sorted(r[0] for r in rows(first, "SELECT name FROM people")) == ["Felipe Calderón", "Inés Castaño"]


# A statement; then the sentence said before it, printed alone; then the two printed together, the
# statement cut short (the later text extends the sentence's quote and renders the statement).
PIER_BEFORE = "I have asked the harbour board three times for the accounts and I am still waiting."
PIER = ("The pier will reopen in April once the new pilings are driven and the deck is checked by the county engineers,"
        " and not a day later.")
PIER_BOTH = f"{PIER_BEFORE} {PIER[:PIER.index(', and not')]}."


def test_a_text_extending_one_quote_joins_the_statement_it_renders_too(store):
    store.index([article(1, quote(PIER), date="2024-03-01"),
                 article(2, quote(PIER_BEFORE), date="2024-03-02"),
                 article(3, quote(PIER_BOTH), date="2024-03-05")])
    assert rows(store, "SELECT count(*) FROM quotes") == [(1,)]
    assert rows(store, "SELECT text, change FROM renderings ORDER BY first_seen") == [
        (PIER, "original"), (PIER_BEFORE, "truncation"), (PIER_BOTH, "truncation")]
    assert rows(store, "SELECT count(DISTINCT article_id) FROM occurrences") == [(3,)]


def test_a_text_extending_one_quote_leaves_another_statement_of_the_speaker_alone(store):
    other = "The ferries will run every hour from the first of June and the fares will not go up this summer."
    store.index([article(1, quote(other), date="2024-03-01"),
                 article(2, quote(PIER_BEFORE), date="2024-03-02"),
                 article(3, quote(PIER_BOTH), date="2024-03-05")])
    assert rows(store, "SELECT count(*) FROM quotes") == [(2,)]


def test_a_short_first_sentence_printed_alone_joins_the_statement_in_either_order_but_a_formula_or_a_repeated_last_line_does_not(store):
    # The statement shares too few words with its first sentence for the LSH to meet it: found by the sentence's run key.
    back = ("Our ferry service is finally back. The new boats will run twice a day from the harbour to both islands from"
            " June, and no family on the islands will pay more for a ticket than it paid last year.")
    hall = "The old market hall reopens in May. Every stall has been let to a local family at the old rent."
    line = "The money is already in the bank."
    store.index([article(1, quote(back), date="2024-03-01"),
                 article(2, quote("Our ferry service is finally back,"), date="2024-03-02"),    # after the statement
                 article(3, quote("The old market hall reopens in May."), date="2024-03-03"),   # before it
                 article(4, quote(hall), date="2024-03-04"),
                 article(5, quote("Our ferry service is finally back.", speaker="Tom Reyes", mention="Reyes"), date="2024-03-05"),
                 article(6, quote("We will win this vote."), date="2024-03-06"),                # two words of substance
                 article(7, quote("We will win this vote. The board has been wrong about us all year."), date="2024-03-07"),
                 # one line ending two statements, then printed alone: three quotations, not one
                 article(8, quote("We asked the county for help twice and nobody came. " + line), date="2024-03-08"),
                 article(9, quote("The new boats are paid for and the crews are hired. " + line), date="2024-03-09"),
                 article(10, quote(line), date="2024-03-10")])
    assert [(p, n) for _, p, n in said_by(store)] == [
        ("Maria Okafor", 2), ("Maria Okafor", 2), ("Tom Reyes", 1), ("Maria Okafor", 1), ("Maria Okafor", 1),
        ("Maria Okafor", 1), ("Maria Okafor", 1), ("Maria Okafor", 1)]
    assert rows(store, "SELECT quote_id, change FROM renderings WHERE quote_id <= 2 ORDER BY quote_id, first_seen") == [
        (1, "original"), (1, "truncation"), (2, "original"), (2, "truncation")]


# One speaker's two different statements that print one sentence of hers word for word: in the middle
# (13 words, the rule for pieces of 8 words or more) or as the first sentence (6 words, the first-sentence
# rule); and that sentence printed alone.
SHARED = "We will not let the fishing fleet be moved to the new quay."
SHARED_IN = (f"The harbour board met in secret again on Monday night. {SHARED} The traders agree with us on every point.",
             f"I have written to the minister about the harbour plan twice. {SHARED} Nobody in Westport wants the fleet to leave.")
FIRST = "The fishing fleet stays in Westport."
FIRST_IN = (f"{FIRST} The board can move its own offices to the new quay if it likes.",
            f"{FIRST} We have the votes on the council and the money in the bank.")
# A first sentence of 8 words or more: the rule for truncations (the later, longer statement first here).
LONG_FIRST = "The fishing fleet stays in Westport whatever the board decides."
LONG_FIRST_IN = (f"{LONG_FIRST} The board can move its own offices to the new quay if it likes.",
                 f"{LONG_FIRST} We have the votes on the council, the money in the bank and the town behind us all the way.")


# A sentence of 12 words in the middle of two long statements, which no LSH band of the sentence meets:
# printed alone, it finds them by its run key (the rule for pieces of 8 words or more that show no cut).
LONE = "Not one boat will leave this harbour while I chair the council."
LONE_IN = ("The harbour board met in secret again on Monday night, and not one of its members has told the families of"
           " Westport what was decided or who will pay for it. For three years the board has promised us a proper hearing"
           f" and for three years it has cancelled every meeting at the last minute. {LONE} The traders agree with us on every"
           " point, and so does every skipper I have spoken to this month.",
           "I wrote to the minister in January and again in March, and all I have had back is a leaflet about consultation."
           f" My grandfather sailed out of this harbour for forty years and my sons sail out of it today. {LONE} We will take"
           " this to the courts if we must, and we will win.")


@pytest.mark.parametrize("sentence, statements", [(SHARED, SHARED_IN), (SHARED.replace("fishing", "trawler"), SHARED_IN),
                                                  (FIRST, FIRST_IN), (LONG_FIRST, LONG_FIRST_IN), (LONE, LONE_IN)],
                         ids=["inside", "inside, a word changed", "first", "long first", "inside long statements"])
@pytest.mark.parametrize("order", ["statements first", "between", "sentence first"])
def test_a_sentence_two_statements_print_joins_the_earlier_and_never_makes_them_one_quotation(store, sentence, statements, order):
    """A fact-checker asks which statement a quotation is and who changed it; two statements that
    share a sentence are two things the speaker said, whichever articles print the sentence alone.
    The sentence printed alone (as they print it, or with a word changed) renders either of them,
    and nothing tells which: it joins the one printed first (the first time those words were on
    record), in whatever order the three are indexed, and never joins the two (it used to: in the
    first order it rendered both and merged them; in the others the second statement met the
    sentence inside its own words and joined the first statement's quotation through it). A piece
    that only one statement prints still joins it."""
    one, two = statements
    if statements is LONE_IN:  # met by its run key alone
        from saidwhen.variants import rendering_buckets
        assert not any(set(rendering_buckets(normalise_quote(sentence))) & set(rendering_buckets(normalise_quote(s))) for s in statements)
    dated = {"one": (one, "2024-03-01"), "two": (two, "2024-03-05"),
             "sentence": (sentence, {"statements first": "2024-03-09", "between": "2024-03-03", "sentence first": "2024-02-27"}[order])}
    keys = sorted(dated, key=lambda k: dated[k][1])
    only_one = "the traders agree with us on every point" if "The traders agree" in one else "the board can move its own offices"
    store.index([article(n, quote(dated[k][0]), date=dated[k][1]) for n, k in enumerate(keys, 1)]
                + [article(9, quote(only_one), date="2024-03-10")])
    quote_of = {text: quote_id for text, quote_id in rows(store, "SELECT text, quote_id FROM renderings")}
    assert quote_of[one] != quote_of[two]                       # two statements: two quotations
    assert quote_of[sentence] == quote_of[one]                  # the sentence joins the one printed first
    assert quote_of[only_one] == quote_of[one]                  # a piece of one statement only: it joins it
    assert rows(store, "SELECT count(*) FROM quotes") == [(2,)]


def test_the_lookups_a_batch_skips_by_its_filed_keys_would_have_found_nothing(tmp_path, monkeypatch):
    """A batch skips the lookups among a speaker's renderings that the keys it holds of them say
    would find nothing (``Store._filed_under``): the database is the one the lookups would make,
    whether the keys are held, held for small speakers only, or not held at all."""
    import saidwhen.store as store_module

    cut = HARBOUR[:48] + "…"
    articles = [
        article(1, quote(HARBOUR), date="2024-03-01"),
        article(2, quote(HARBOUR.replace("never", "not"), speaker=None, mention=None), date="2024-03-02"),
        article(3, quote("The levy stays where it is for now", speaker="Okafor"), quote(cut, start=200), date="2024-03-03"),
        article(4, quote(HARBOUR.replace("never", "not")), quote("The levy stays where it is for now and for good", start=300),
                date="2024-03-04"),
        article(5, quote("We will win this election", speaker="Tom Reyes", mention="Reyes"),
                quote("and we will rebuild it by the spring", speaker=None, mention=None, start=100), date="2024-03-05"),
        article(6, quote(HARBOUR.lower(), speaker="Tom Reyes", mention="Reyes"), quote(HARBOUR[:60], start=400), date="2024-03-06"),
    ]

    def dump(kept):
        monkeypatch.setattr(store_module, "FILED_KEPT", kept)
        with Store(tmp_path / f"{kept}.db") as s:
            s.index(articles, batch_size=2)
            return list(s.connection.iterdump())

    held = dump(store_module.FILED_KEPT)
    assert held == dump(3) == dump(0)


def test_the_renderings_a_batch_holds_in_memory_follow_merged_quotes_and_folded_speakers(tmp_path, monkeypatch):
    """A batch answers a speaker's lookups among their renderings from the entries and rows it holds
    (``Store._candidates``): they follow quotes merged in the batch (their renderings' quote changes,
    a rendering both had is deleted) and a bare surname folded into its full name (the entries move),
    so that a text printed after either joins the quote it would join in SQLite. Every table is the
    one the lookups in SQLite make (``FILED_KEPT`` 0: none held)."""
    import saidwhen.store as store_module

    first = "The new ferry terminal will open in the spring with twice the berths of the old one."
    then = "Every family on the islands will be able to reach the hospital in under an hour."
    piece = first[first.index("will"):]
    articles = [
        article(1, quote(piece), date="2024-03-01"),
        article(2, quote(then), date="2024-03-02"),
        article(3, quote(f"{first} {then}"), date="2024-03-03"),  # the two quotes are one: merged
        article(4, quote(then.replace("an hour", "one hour")), date="2024-03-04"),  # meets `then`, now of the first quote
        article(5, quote(PIER, speaker="Reyes", mention="Reyes"), date="2024-03-05"),
        article(6, quote(PIER.replace("April", "May"), speaker="Tom Reyes", mention="Reyes"),  # "Reyes" folds into him
                quote(PIER, speaker="Tom Reyes", mention="Reyes", start=300), date="2024-03-06"),
        article(7, quote(PIER.replace("county", "state"), speaker="Tom Reyes", mention="Reyes"), date="2024-03-07"),
    ]

    def dump(kept):
        monkeypatch.setattr(store_module, "FILED_KEPT", kept)
        with Store(tmp_path / f"{kept}.db") as s:
            s.index(articles)
            return said_by(s), list(s.connection.iterdump())

    held, in_sql = dump(store_module.FILED_KEPT), dump(0)
    assert held == in_sql
    assert [(p, n) for _, p, n in held[0]] == [("Maria Okafor", 4), ("Tom Reyes", 4)]


def full_text_in_step(store):
    """Whether the full-text index holds each quote as it is stored now, and nothing else (FTS5's own
    check against the quotes table raises if a row is missing, stale or left behind)."""
    store.connection.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")
    return rows(store, "SELECT count(*) FROM quotes_fts_docsize") == rows(store, "SELECT count(*) FROM quotes")


RESERVOIR = "We are going to build the new reservoir before the end of next year, whatever it costs"


def test_the_quotes_a_batch_adds_are_found_by_search_as_they_stand_when_the_batch_ends(store):
    store.index([article(1, quote("We are going to build the new reservoir before the end…")),
                 article(2, quote(RESERVOIR)),  # the quote of article 1 takes the fuller text, in the same batch
                 article(3, quote("The ferry will run again in May", speaker=None, mention=None)),
                 article(4, quote("The ferry will run again in May", speaker="Tom Reyes", mention="Reyes"))])  # and a speaker
    assert [(h.text, h.speaker) for h in store.search("whatever")] == [(RESERVOIR, "Maria Okafor")]
    assert [(h.text, h.speaker) for h in store.search("ferry")] == [("The ferry will run again in May", "Tom Reyes")]
    assert full_text_in_step(store)
    assert rows(store, "SELECT count(*) FROM quotes_fts_pending") == [(0,)]  # nothing of the batch is left behind


def test_a_quote_of_an_earlier_batch_changed_by_a_later_one_is_found_by_its_new_words(store):
    store.index([article(1, quote("We are going to build the new reservoir before the end…"))])
    store.index([article(2, quote(RESERVOIR)), article(3, quote("The harbour wall will be rebuilt in spring"))])
    assert [h.text for h in store.search("whatever")] == [RESERVOIR]
    assert [h.text for h in store.search("harbour")] == ["The harbour wall will be rebuilt in spring"]
    assert full_text_in_step(store)


def test_quotes_written_outside_indexing_keep_the_full_text_index_in_step(store, tmp_path):
    store.index([article(1, quote(RESERVOIR)), article(2, quote("No comment", speaker="Tom Reyes", mention="Reyes"))])
    other = sqlite3.connect(tmp_path / "saidwhen.db")  # another writer: Datasette, `saidwhen load`, a script
    other.execute("INSERT INTO quotes (text, norm_text, speaker) VALUES ('The lighthouse stays open', 'the lighthouse stays open', 'Tom Reyes')")
    other.execute("UPDATE quotes SET text = 'No comment on the lighthouse' WHERE text = 'No comment'")
    other.execute("DELETE FROM quotes WHERE text = ?", (RESERVOIR,))
    other.commit()
    other.close()
    hits = store.connection.execute("SELECT q.text FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
                                    " WHERE quotes_fts MATCH 'lighthouse' ORDER BY q.id").fetchall()
    assert hits == [("No comment on the lighthouse",), ("The lighthouse stays open",)]
    assert full_text_in_step(store)


def test_a_batch_that_fails_leaves_the_full_text_index_as_it_was(store, monkeypatch):
    store.index([article(1, quote("The harbour wall will be rebuilt in spring"))])
    write = Store._write_article

    def failing(self, prepared, stats):
        if prepared.article.id == "a3":
            raise RuntimeError("the extraction of article 3 was broken")
        write(self, prepared, stats)

    monkeypatch.setattr(Store, "_write_article", failing)
    with pytest.raises(RuntimeError):
        store.index([article(2, quote("The ferry will run again in May")), article(3, quote("Never stored"))])
    monkeypatch.undo()
    assert rows(store, "SELECT count(*) FROM quotes_fts_pending") == [(0,)]
    store.index([article(2, quote("The ferry will run again in May"))])
    assert [h.text for h in store.search("ferry")] == ["The ferry will run again in May"]
    assert store.search("harbour") and full_text_in_step(store)


OLD_FTS_TRIGGERS = """
DROP TRIGGER quotes_ai; DROP TRIGGER quotes_ad; DROP TRIGGER quotes_au;
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;
CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
DROP TABLE quotes_fts_pending;
"""


def test_a_store_whose_triggers_indexed_each_quote_as_written_gets_the_batch_triggers_when_opened(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.index([article(1, quote("We are going to build the new reservoir before the end…"))])
    conn = sqlite3.connect(path)
    conn.executescript(OLD_FTS_TRIGGERS)  # as a saidwhen before batches wrote the full-text rows left it
    conn.close()
    with Store(path) as s:
        triggers = rows(s, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%quotes_fts_pending%' ORDER BY name")
        assert triggers == [("quotes_ad",), ("quotes_ai",), ("quotes_au",)]
        s.index([article(2, quote(RESERVOIR)), article(3, quote("The harbour wall will be rebuilt in spring"))])
        assert [h.text for h in s.search("whatever")] == [RESERVOIR]
        assert [h.text for h in s.search("harbour")] == ["The harbour wall will be rebuilt in spring"]
        assert full_text_in_step(s)
    with Store(path, create=False) as s:  # opening again changes nothing
        assert len(rows(s, "SELECT name FROM sqlite_master WHERE type = 'trigger'")) == 3 and full_text_in_step(s)


def test_an_older_store_opened_only_to_read_gets_its_quotes_rekeyed_and_its_full_text_triggers_whole(tmp_path):
    from saidwhen.store import SCHEMA

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(OLD_QUOTES)  # quotes keyed by text alone, and the per-row full-text triggers of that time
    conn.executescript(SCHEMA.replace("CREATE UNIQUE INDEX IF NOT EXISTS quotes_said", "CREATE INDEX IF NOT EXISTS unused"))
    conn.executescript(OLD_FTS_TRIGGERS)
    conn.executescript("""
        INSERT INTO people (id, name, kind) VALUES (1, 'Maria Okafor', 'PERSON');
        INSERT INTO quotes (id, text, norm_text, speaker_id, speaker, first_seen) VALUES (7, 'No comment', 'no comment', 1, 'Maria Okafor', '2024-01-02');
    """)
    conn.close()
    with Store(path, create=False) as s:
        assert [h.speaker for h in s.search("comment")] == []  # no occurrence: the quote is no hit, but the index holds it
        assert full_text_in_step(s)
        s.index([article(2, quote("The lighthouse stays open"))])
        assert [h.text for h in s.search("lighthouse")] == ["The lighthouse stays open"]
        assert full_text_in_step(s) and rows(s, "SELECT count(*) FROM quotes_fts_pending") == [(0,)]


def test_a_store_indexing_every_key_by_bucket_is_rebuilt_with_its_lsh_buckets_alone_indexed(tmp_path):
    from saidwhen.store import BUCKETS_VERSION
    first = "The new ferry will sail twice a day from the harbour at Kelby from the first week of June"
    changed = "The new ferry will sail twice a day from the harbour at Kelby from the second week of June"
    piece = "sail twice a day from the harbour"
    db = tmp_path / "v6.db"
    with Store(db) as store:
        store.index([article(1, quote(first), date="2024-03-01")])
    conn = sqlite3.connect(db)  # as the store of BUCKETS_VERSION 6 left it: keys of either parity, all indexed by bucket
    conn.execute("DROP INDEX rendering_buckets_lsh")
    conn.execute("UPDATE rendering_buckets SET bucket = bucket + 1 WHERE bucket % 2 = 0 AND bucket < 9223372036854775807")
    conn.execute("CREATE INDEX rendering_buckets_bucket ON rendering_buckets(bucket)")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with Store(db) as store:
        conn = store.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == BUCKETS_VERSION >= 7
        assert {r[1] for r in conn.execute("PRAGMA index_list(rendering_buckets)")} >= {"rendering_buckets_lsh"}
        assert "rendering_buckets_bucket" not in {r[1] for r in conn.execute("PRAGMA index_list(rendering_buckets)")}
        lsh = rows(store, "SELECT count(*) FROM rendering_buckets WHERE bucket % 2 = 0")[0][0]
        assert lsh == 16  # the LSH buckets of its one rendering; its head and run keys are odd
        plan = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT rendering_id FROM rendering_buckets b WHERE b.bucket IN (2, 4) AND bucket % 2 = 0"))
        assert "rendering_buckets_lsh" in plan
        store.index([article(2, quote(changed), date="2024-03-02"), article(3, quote(piece), date="2024-03-03"),
                     article(4, quote(changed, speaker=None), date="2024-03-04")])
        assert rows(store, "SELECT count(*) FROM quotes") == [(1,)]
        assert sorted(r[0] for r in rows(store, "SELECT change FROM renderings")) == ["altered", "original", "truncation"]


def test_a_batch_classifies_each_quote_once_at_its_end_with_the_labels_article_by_article_indexing_gives(tmp_path, monkeypatch):
    """A quotation re-printed many ways in one batch is classified once, when the batch ends
    (``Store._classify``): its renderings get the labels that classifying it at each re-print gives
    (one article per batch), earlier printings arriving late, a quoted re-print of reported words
    and two quotes merged by a fuller text included."""
    import saidwhen.store as store_module

    reported = dataclasses.replace(quote("they will rebuild it by the spring whatever happens"), kind="indirect")
    articles = [
        article(1, quote(HARBOUR.replace("never", "not")), date="2024-03-05"),
        article(2, quote(HARBOUR.upper()), quote("The levy stays where it is for now", start=300, group=2), date="2024-03-06"),
        article(3, quote(HARBOUR), date="2024-03-01"),  # printed before the others: the original
        article(4, reported, date="2024-03-07"),
        article(5, quote("They will rebuild it by the spring whatever happens"), date="2024-03-08"),  # now quoted
        article(6, quote("and the harbour fund stays as it is for as long as I am mayor"), date="2024-03-09"),
        article(7, quote(HARBOUR + "."), quote("The levy stays where it is for now, and the harbour fund stays as it is for as long as"
                                               " I am mayor", start=300, group=2), date="2024-03-10"),  # renders two quotes: one
    ]
    classified = []
    classify_all = store_module.classify_all
    monkeypatch.setattr(store_module, "classify_all", lambda renderings: classified.append(renderings) or classify_all(renderings))

    def dump(batch_size):
        with Store(tmp_path / f"{batch_size}.db") as s:
            s.index(articles, batch_size=batch_size)
            reprinted = rows(s, "SELECT count(DISTINCT quote_id) FROM renderings WHERE change != 'original'")[0][0]
            return {table: rows(s, f"SELECT * FROM {table} ORDER BY rowid") for table in TABLES}, reprinted

    one_by_one, _ = dump(1)
    classified.clear()
    whole, reprinted = dump(len(articles))
    assert whole == one_by_one
    assert {change for *_, change, _, _ in whole["renderings"]} >= {"original", "case", "punctuation", "altered", "truncation"}
    assert len(classified) == reprinted  # once per quote printed more than one way
