"""`--jobs N`: extraction in worker processes gives what one process gives, and Ctrl-C stops them all.

Real processes throughout: the command line in a subprocess, workers forked by it.
"""

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from saidwhen.store import TABLES

ARTICLES = [
    {"id": "bakery", "date": "2024-02-01",
     "text": '"We open on Friday," said Noor Rahimi, the bakery\'s owner. "The ovens are finally fixed."\n\n'
             'Rahimi said she had waited "far too long" for the parts.\n'},
    {"id": "bridge", "url": "https://news.example/bridge", "date": "2024-03-05", "title": "Bridge to close",
     "text": "The Elm Street bridge will close for repairs next month, the city said on Tuesday.\n\n"
             '"It is the only safe choice," said Mayor Lena Okafor. She added that the work would take "about six weeks."\n'},
    {"id": "festival", "date": "2023-07-14",
     "text": 'Organisers of the river festival said attendance had doubled. "People want to be outside," '
             'said Tomas Varga, who runs the event. According to Varga, next year\'s festival will add a night market.\n'},
    {"id": "council", "date": "2024-01-09",
     "text": "Councillor Amara Diallo warned that the budget would not cover road repairs.\n\n"
             '"We cannot fix everything at once," Diallo told reporters. "But we will start with the school routes."\n'},
    {"id": "song", "date": "2020-10-16",
     "text": 'The singer released "Never Break" on Friday. "I wrote this song because I have faith," '
             "John Legend said in a statement.\n"},
]


def run(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "saidwhen.cli", *map(str, args)],
                          capture_output=True, timeout=timeout)


def jsonl(path: Path, records, bad_after: int | None = None) -> Path:
    lines = [json.dumps(r) for r in records]
    if bad_after is not None:
        lines.insert(bad_after, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def many(n: int) -> list[dict]:
    """``n`` short articles, each with its own text, speaker and quote."""
    firsts = ["Noor", "Lena", "Tomas", "Amara", "Jonas", "Priya", "Kofi", "Ines", "Mateo", "Yuki"]
    lasts = ["Rahimi", "Okafor", "Varga", "Diallo", "Berg", "Shah", "Mensah", "Vidal", "Ruiz", "Sato"]
    places = ["library", "pool", "bridge", "market", "clinic", "park", "station"]
    out = []
    for i in range(n):
        first, last, place = firsts[i % 10], lasts[(i // 10) % 10], places[i % 7]
        out.append({"id": f"a{i}", "date": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}", "text": (
            f'"We will reopen the {place} in ward {i} by spring," said {first} {last}, who chairs the ward {i} board.\n\n'
            f"{last} said the repairs had cost {i * 1000 + 17} dollars.\n")})
    return out


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of the tables a user sees, in storage order."""
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


def test_extract_with_two_jobs_prints_the_same_bytes_and_reports_the_same_bad_record(tmp_path):
    path = jsonl(tmp_path / "mixed.jsonl", ARTICLES, bad_after=3)
    # Batches of two spread five articles over both workers.
    one = run("extract", "--jobs", "1", "--batch-size", "2", path)
    two = run("extract", "--jobs", "2", "--batch-size", "2", path)
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [a["id"] for a in ARTICLES]
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert f"{path}:4: not valid JSON".encode() in b" ".join(two.stderr.split())
    assert b"5 article(s)" in two.stderr and b"1 bad record(s)" in two.stderr


def test_index_with_two_jobs_stores_the_same_rows_as_one(tmp_path):
    # 135 articles: three batches of extraction, so both workers take a share.
    path = jsonl(tmp_path / "corpus.jsonl", ARTICLES + many(130), bad_after=70)
    for jobs in (1, 2):
        result = run("index", "--jobs", jobs, "--db", tmp_path / f"jobs{jobs}.db", path)
        assert result.returncode == 0, result.stderr.decode()
        assert b"135 article(s) read" in result.stderr and b"1 bad record(s)" in result.stderr
    one, two = rows(tmp_path / "jobs1.db"), rows(tmp_path / "jobs2.db")
    assert len(one["articles"]) == 135 and len(one["occurrences"]) > 135
    for table in TABLES:
        assert two[table] == one[table], table


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker processes from /proc")
def test_ctrl_c_stops_every_worker_and_keeps_only_whole_batches(tmp_path):
    path = jsonl(tmp_path / "corpus.jsonl", many(3000))  # far more than one can index before the signal
    db = tmp_path / "saidwhen.db"
    proc = subprocess.Popen([sys.executable, "-m", "saidwhen.cli", "index", "--jobs", "2", "--batch-size", "10",
                             "--db", str(db), str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while stored(db) == 0:
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
            time.sleep(0.05)
        workers = children(proc.pid)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=15)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    assert len(workers) == 2 and not any(Path(f"/proc/{pid}").exists() for pid in workers)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 0 < articles < 3000 and articles % 10 == 0  # whole transactions only
        without_quotes = conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM occurrences)").fetchone()[0]
        assert without_quotes == 0


def stored(db: Path) -> int:
    """Articles committed to ``db`` so far (0 while it does not exist yet)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def children(pid: int) -> list[int]:
    """The process ids whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
