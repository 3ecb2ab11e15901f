"""`saidwhen extract` from the command line: formats, stdin, and bad input reported, never a traceback."""

import gzip
import json
import subprocess
import sys

ARTICLE = '"We open on Friday," said Noor Rahimi, the bakery\'s owner.\n'


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "saidwhen.cli", "extract", *args],
        input=stdin, capture_output=True, text=True, timeout=300,
    )


def test_extract_prints_one_json_object_per_article_with_valid_offsets(seed_text, tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    other = tmp_path / "bakery.txt"
    other.write_text(" date 2024-02-01 " + ARTICLE, encoding="utf-8")
    result = run(str(seed), str(other))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in lines] == ["seed", "bakery"]
    assert lines[0]["date"] == "2020-10-16" and len(lines[0]["quotes"]) == 12
    bakery = lines[1]
    q = bakery["quotes"][0]
    assert bakery["text"][q["start"] : q["end"]] == q["text"] == "We open on Friday"
    assert q["speaker"] == "Noor Rahimi" and q["cue"] == "said"
    assert q["speaker_mention"]["text"] == "Noor Rahimi"


def test_jsonl_gz_and_stdin_are_read(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a1", "url": "https://example.org/a1", "date": "2024-02-01", "text": ARTICLE}) + "\n")
    assert json.loads(run(str(path)).stdout)["url"] == "https://example.org/a1"
    from_stdin = run("-", stdin=json.dumps({"id": "s1", "text": ARTICLE}) + "\n")
    assert json.loads(from_stdin.stdout)["id"] == "s1"


def test_bad_records_are_reported_with_file_and_line_and_the_run_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join([
            json.dumps({"id": "ok1", "text": ARTICLE}),
            "{not json",
            json.dumps({"id": "no-text"}),
            json.dumps({"id": "bad-date", "date": "last Tuesday", "text": ARTICLE}),
        ]) + "\n",
        encoding="utf-8",
    )
    result = run(str(path))
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert f"{path}:2:" in result.stderr and f"{path}:3:" in result.stderr and f"{path}:4:" in result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["ok1", "bad-date"]
    assert "2 bad record(s)" in result.stderr


def test_binary_empty_and_missing_files_fail_cleanly_when_nothing_is_readable(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run(str(binary), str(empty), str(tmp_path / "missing.txt"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "binary" in result.stderr and "empty" in result.stderr and "missing.txt" in result.stderr


def test_non_utf8_bytes_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes('"Caf\xe9 prices rose," said Ines Vidal.'.encode("latin-1"))
    result = run(str(path))
    assert result.returncode == 0
    assert "UTF-8" in result.stderr
    assert json.loads(result.stdout)["quotes"][0]["speaker"] == "Ines Vidal"


def test_table_format_shows_speakers_and_non_quotes(seed_text, tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    result = run("--format", "table", str(seed))
    assert result.returncode == 0
    assert "John Legend" in result.stdout and "captioned" in result.stdout
    assert "not speech (title): “Never Break”" in result.stdout
