"""`saidwhen index | search | who | stats | export` from the command line, over a tmp_path database."""

import json
import sys
import types

import pytest
from typer.testing import CliRunner

from saidwhen.cli import app

BAKERY = (' date 2024-02-01 "We open on Friday," said Noor Rahimi, the bakery\'s owner. "The ovens are finally fixed."\n\n'
          'Rahimi said she had waited "far too long" for the parts.\n')
FOLLOW_UP = {"id": "follow-up", "url": "https://news.example/follow-up", "date": "2024-03-05",
             "text": '"We open on Friday," Noor Rahimi told reporters on Monday. "Come hungry."'}


def saidwhen(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def db(tmp_path):
    (tmp_path / "bakery.txt").write_text(BAKERY, encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(json.dumps(FOLLOW_UP) + "\n{not json\n", encoding="utf-8")
    path = tmp_path / "saidwhen.db"
    result = saidwhen("index", tmp_path / "bakery.txt", tmp_path / "more.jsonl", "--db", path)
    assert result.exit_code == 0, result.output
    return types.SimpleNamespace(path=path, index_stderr=result.stderr)


def test_index_reports_counts_and_bad_records_with_file_and_line(db, tmp_path):
    assert "more.jsonl:2: not valid JSON" in " ".join(db.index_stderr.split())
    assert "2 article(s) read, 2 new, 0 already stored" in db.index_stderr
    assert "1 bad record(s)" in db.index_stderr
    again = saidwhen("index", tmp_path / "bakery.txt", tmp_path / "more.jsonl", "--db", db.path)
    assert again.exit_code == 0 and "2 article(s) read, 0 new, 2 already stored" in again.stderr


def test_search_prints_a_table_or_json_and_filters_by_speaker_and_date(db):
    table = saidwhen("search", "friday", "--db", db.path)
    assert table.exit_code == 0 and "Noor Rahimi" in table.stdout and "We open on Friday" in table.stdout
    hits = [json.loads(line) for line in saidwhen("search", "friday OR ovens", "--json", "--db", db.path).stdout.splitlines()]
    # Each article's two pieces around "said" are one statement; the two statements begin alike but differ.
    assert {h["text"] for h in hits} == {"We open on Friday, The ovens are finally fixed.", "We open on Friday, Come hungry."}
    friday = next(h for h in hits if h["text"] == "We open on Friday, The ovens are finally fixed.")
    assert friday["occurrences"] == 2 and friday["first_seen"] == "2024-02-01"
    later = saidwhen("search", "friday", "--since", "2024-03", "--json", "--db", db.path).stdout
    assert json.loads(later)["url"] == "https://news.example/follow-up"
    assert saidwhen("search", "friday", "--speaker", "Someone Else", "--json", "--db", db.path).stdout == ""


def test_a_malformed_search_is_an_error_message_not_a_traceback(db):
    result = saidwhen("search", '"unclosed', "--db", db.path)
    assert result.exit_code == 1
    assert "bad search query" in result.stderr and "Traceback" not in result.output


def test_who_shows_a_profile_with_quotes_per_month(db):
    result = saidwhen("who", "rahimi", "--db", db.path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Noor Rahimi" in out and "also: Rahimi" in out
    assert "2024-02 █" in out and "2024-03 █" in out
    unknown = saidwhen("who", "Nobody Known", "--db", db.path)
    assert unknown.exit_code == 1 and "Nobody Known" in unknown.stderr


def test_stats_and_export_in_each_format(db, tmp_path):
    stats = saidwhen("stats", "--db", db.path)
    assert stats.exit_code == 0 and "articles" in stats.stdout and "Noor Rahimi" in stats.stdout
    for fmt in ("parquet", "jsonl", "csv"):
        out = tmp_path / fmt
        result = saidwhen("export", "--format", fmt, "--out", out, "--db", db.path)
        assert result.exit_code == 0, result.output
        assert (out / f"quotes.{fmt}").is_file() and (out / f"occurrences.{fmt}").is_file()
    assert len((tmp_path / "jsonl" / "articles.jsonl").read_text().splitlines()) == 2


def test_reading_a_database_that_does_not_exist_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "missing.db"
    for args in (("search", "x"), ("who", "x"), ("stats",), ("export", "--format", "csv")):
        result = saidwhen(*args, "--db", missing)
        assert result.exit_code == 1 and "no such database" in result.stderr
    assert not missing.exists()


def test_index_cleans_the_text_first_when_the_clean_stage_is_installed(tmp_path, monkeypatch):
    clean = types.ModuleType("saidwhen.clean")
    clean.clean = lambda text: text.replace("ADVERTISEMENT\n", "")
    monkeypatch.setitem(sys.modules, "saidwhen.clean", clean)
    (tmp_path / "ad.txt").write_text("ADVERTISEMENT\n" + BAKERY.split(" date 2024-02-01 ")[1], encoding="utf-8")
    path = tmp_path / "c.db"
    assert saidwhen("index", tmp_path / "ad.txt", "--db", path).exit_code == 0
    from saidwhen.store import Store

    with Store(path) as store:
        text, = store.connection.execute("SELECT text FROM articles").fetchone()
        assert "ADVERTISEMENT" not in text and store.search("ovens")[0].speaker == "Noor Rahimi"


def test_variants_lists_each_rendering_with_its_change_diff_and_who_printed_it(tmp_path):
    said = "We will keep the bakery open every single day of the week"
    records = [{"id": "first", "url": "https://news.example/first", "date": "2024-04-01",
                "text": f'"{said}," said Noor Rahimi, the bakery\'s owner.'},
               {"id": "later", "url": "https://other.example/later", "date": "2024-04-03",
                "text": f'"{said.replace("every single", "nearly every")}," Noor Rahimi said.'},
               {"id": "plain", "url": "https://news.example/plain", "date": "2024-04-02",
                "text": '"We close on Sunday," Noor Rahimi said.'}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "v.db"
    assert saidwhen("index", tmp_path / "a.jsonl", "--db", db).exit_code == 0
    out = saidwhen("variants", "--altered", "--json", "--db", db)
    assert out.exit_code == 0, out.output
    found = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(found) == 1 and found[0]["speaker"] == "Noor Rahimi" and found[0]["first_seen"] == "2024-04-01"
    original, altered = found[0]["renderings"]
    assert (original["change"], altered["change"]) == ("original", "altered")
    assert altered["diff"] == "We will keep the bakery open {+nearly+} every [-single-] day of the week"
    assert altered["occurrences"] == [{"article_id": 2, "url": "https://other.example/later", "date": "2024-04-03"}]
    text = saidwhen("variants", "bakery", "--speaker", "noor rahimi", "--db", db)
    assert "altered" in text.stdout and "first printed 2024-04-03 https://other.example/later" in text.stdout
    assert saidwhen("variants", "ovens", "--db", db).stdout == ""
