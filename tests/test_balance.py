"""The source balance: people quoted and quotations by gender, outlet and month, unknown shown, never dropped."""

import datetime
import json

import pytest
from typer.testing import CliRunner

from saidwhen.balance import balance, check_by, outlet
from saidwhen.cli import app
from saidwhen.model import Article, Mention, Person, Quote
from saidwhen.store import Store


def art(n, speaker, gender, *, url=None, id=None, date="2024-03-12", kind="PERSON"):
    q = Quote(f"Words {n} of {speaker}", 0, 10, 1, "direct", speaker, Mention(speaker, 20, 30), "said", 0, 0.9)
    p = Person(speaker, kind, None, (Mention(speaker, 20, 30),), gender, "pronoun" if gender else None)
    return Article(text=f"Article {n} " + " ".join(f"w{n}x{k}" for k in range(30)), date=datetime.date.fromisoformat(date),
                   url=url, id=id or f"src_{n}", quotes=(q,), people=(p,))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as s:
        s.index([
            art(1, "Ada Kole", "female", url="https://www.daily.example/a/1", date="2024-01-05"),
            art(2, "Ben Osei", "male", url="https://www.daily.example/a/2", date="2024-02-05"),
            art(3, "Cal Drew", None, id="wire_2024-02-07_x", date="2024-02-07"),
            art(4, "Ada Kole", "female", id="wire_2024-02-09_y", date="2024-02-09"),
            art(5, "Harlow Mills", None, id="wire_2024-02-10_z", date="2024-02-10", kind="ORG"),
        ])
    return path


def test_the_outlet_is_the_url_host_else_the_source_id_prefix():
    assert outlet("https://www.nytimes.com/2016/x", "nyt_2016") == "nytimes.com"
    assert outlet(None, "nyt_2016-09-08_a-title") == "nyt"
    assert outlet(None, "plain") == "(none)"


def test_by_gender_counts_people_and_quotations_and_keeps_the_unknown(db):
    with Store(db) as s:
        (row,) = balance(s.connection, "gender")
    assert row.people == {"female": 1, "male": 1, "unknown": 1, "conflict": 0, "organisation": 1, "no speaker": 0}
    assert row.quotations["female"] == 2
    assert row.female_share == 0.5
    assert row.unknown_share == pytest.approx(1 / 3)


def test_dimensions_combine_and_an_unknown_one_is_refused(db):
    with Store(db) as s:
        rows = balance(s.connection, ["outlet,gender", "month"])
    assert [r.key for r in rows] == [("daily.example", "2024-01"), ("daily.example", "2024-02"), ("wire", "2024-02")]
    assert rows[2].people["unknown"] == 1 and rows[2].people["female"] == 1
    with pytest.raises(ValueError, match="choose from outlet, month, gender"):
        check_by("sex")


def test_stats_by_gender_on_the_command_line(db):
    runner = CliRunner()
    out = runner.invoke(app, ["stats", "--by", "outlet", "--by", "gender", "--json", "--db", str(db)])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[1]["outlet"] == "wire" and rows[1]["people"]["unknown"] == 1 and rows[1]["unknown_share"] == 0.5
    table = runner.invoke(app, ["stats", "--by", "gender", "--db", str(db)])
    assert table.exit_code == 0 and "unknown" in table.stdout and "50%" in table.stdout
    bad = runner.invoke(app, ["stats", "--by", "sex", "--db", str(db)])
    assert bad.exit_code == 2
