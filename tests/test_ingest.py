"""The input stage: files, directories, globs and stdin become RawArticles and in-line Problems."""

from __future__ import annotations

import datetime
import gzip
import io
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saidwhen.errors import InputError, SaidwhenError
from saidwhen.ingest import Problem, RawArticle, read_articles, split_date_header

SEED_START = " date 2020-10-16 John Legend shared an emotional tribute to Chrissy Teigen."


def read(*paths, stdin=None):
    return list(read_articles([str(p) for p in paths], stdin=stdin))


def articles(items):
    return [x for x in items if isinstance(x, RawArticle)]


def problems(items):
    return [x for x in items if isinstance(x, Problem)]


def write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
    return path


# --- plain text ---------------------------------------------------------------------------------


def test_a_plain_text_file_with_a_date_header_gives_the_date_and_loses_the_header(tmp_path):
    p = tmp_path / "legend.txt"
    p.write_text(SEED_START + "\n")
    [a] = read(p)
    assert a == RawArticle(
        text="John Legend shared an emotional tribute to Chrissy Teigen.",
        date=datetime.date(2020, 10, 16),
        url=None,
        id="legend",
        title=None,
        source=str(p),
        line=None,
    )


def test_a_plain_text_file_without_a_header_is_one_undated_article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text('"We will win," she said.\n')
    [a] = read(p)
    assert a.text == '"We will win," she said.'
    assert a.date is None and a.id == "a"


def test_a_plain_text_file_with_any_other_extension_is_read_as_text(tmp_path):
    p = tmp_path / "story.md"
    p.write_text("date 2021-01-02\nBody.")
    [a] = read(p)
    assert (a.text, a.date, a.id) == ("Body.", datetime.date(2021, 1, 2), "story")


def test_windows_line_endings_become_newlines_in_plain_text(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"date 2020-10-16\r\nFirst paragraph.\r\n\r\nSecond.\r\n")
    [a] = read(p)
    assert a.text == "First paragraph.\n\nSecond."


def test_a_byte_order_mark_does_not_hide_the_date_header(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffdate 2020-10-16 Text.".encode())
    [a] = read(p)
    assert (a.text, a.date) == ("Text.", datetime.date(2020, 10, 16))


def test_an_impossible_date_in_the_header_is_a_warning_and_the_article_is_kept_undated(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("date 2020-13-45 Text.")
    items = read(p)
    [prob] = problems(items)
    assert not prob.fatal and "2020-13-45" in prob.reason
    [a] = articles(items)
    assert (a.text, a.date) == ("Text.", None)


def test_a_file_holding_only_a_date_header_is_skipped(tmp_path):
    p = tmp_path / "h.txt"
    p.write_text("date 2020-10-16\n\n")
    [prob] = read(p)
    assert prob.fatal and "no article text" in prob.reason


def test_a_five_megabyte_plain_text_article_is_read_whole(tmp_path):
    body = ("He said, \"yes.\" " * 330_000)[:5_000_000].strip()
    p = tmp_path / "big.txt"
    p.write_text("date 2020-10-16 " + body)
    [a] = read(p)
    assert a.text == body and a.date == datetime.date(2020, 10, 16)


# --- split_date_header --------------------------------------------------------------------------


def test_split_date_header_takes_the_seed_header_off():
    assert split_date_header(SEED_START) == (
        datetime.date(2020, 10, 16),
        "John Legend shared an emotional tribute to Chrissy Teigen.",
    )


def test_split_date_header_leaves_text_without_a_header_untouched():
    text = "  The date 2020-10-16 was mentioned later."
    assert split_date_header(text) == (None, text)
    assert split_date_header("dated 2020-10-16 x") == (None, "dated 2020-10-16 x")
    assert split_date_header("date 2020-10-16x") == (None, "date 2020-10-16x")
    assert split_date_header("") == (None, "")


def test_split_date_header_accepts_newlines_around_the_header_and_a_header_alone():
    assert split_date_header("\n date\t2020-10-16\n\nBody") == (datetime.date(2020, 10, 16), "Body")
    assert split_date_header("date 2020-10-16") == (datetime.date(2020, 10, 16), "")


def test_split_date_header_removes_a_header_with_an_impossible_date_and_gives_no_date():
    assert split_date_header("date 2020-02-30 Body") == (None, "Body")


# --- JSONL --------------------------------------------------------------------------------------


def test_a_jsonl_file_gives_one_article_per_line_with_all_its_fields(tmp_path):
    p = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "x1", "url": "https://e.com/1", "date": "2020-10-16", "title": "T", "text": "One."},
            {"text": "Two."},
        ],
    )
    assert read(p) == [
        RawArticle("One.", datetime.date(2020, 10, 16), "https://e.com/1", "x1", "T", str(p), 1),
        RawArticle("Two.", None, None, None, None, str(p), 2),
    ]


def test_a_full_iso_datetime_in_jsonl_gives_its_date_part(tmp_path):
    p = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"text": "a", "date": "2020-10-16T23:30:00Z"},
            {"text": "b", "date": "2020-10-16T23:30:00-05:00"},
            {"text": "c", "date": "2020-10-16 08:00"},
        ],
    )
    items = read(p)
    assert problems(items) == []
    assert [a.date for a in articles(items)] == [datetime.date(2020, 10, 16)] * 3


@pytest.mark.parametrize("bad", ["yesterday", "16/10/2020", "2020-10-32", 20201016, ["2020-10-16"], True])
def test_a_bad_jsonl_date_is_a_warning_naming_the_line_and_the_article_is_kept_undated(tmp_path, bad):
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": "ok"}, {"text": "kept", "date": bad}])
    items = read(p)
    [prob] = problems(items)
    assert (prob.source, prob.line, prob.fatal) == (str(p), 2, False)
    assert '"date"' in prob.reason
    assert [(a.text, a.date) for a in articles(items)] == [("ok", None), ("kept", None)]
    assert items.index(prob) < items.index(articles(items)[1])


def test_a_null_or_empty_jsonl_date_is_simply_no_date(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": "a", "date": None}, {"text": "b", "date": ""}])
    items = read(p)
    assert problems(items) == [] and [a.date for a in items] == [None, None]


def test_a_jsonl_line_that_is_not_json_is_reported_with_its_line_and_reading_goes_on(tmp_path):
    p = write_jsonl(tmp_path / "articles.jsonl", [{"text": "a"}, "{not json", "", {"text": "c"}])
    items = read(p)
    assert [type(x).__name__ for x in items] == ["RawArticle", "Problem", "RawArticle"]
    prob = items[1]
    assert (prob.source, prob.line, prob.fatal) == (str(p), 2, True)
    assert prob.reason.startswith("not valid JSON (")
    assert items[2].line == 4


def test_a_problem_reads_like_a_compiler_message(tmp_path, monkeypatch):
    lines = ['{"text": "a"}'] + [""] * 15 + ["nonsense"]
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n")
    monkeypatch.chdir(tmp_path)
    [_, prob] = read("articles.jsonl")
    assert str(prob) == "articles.jsonl:17: not valid JSON (Expecting value: line 1 column 1)"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("[1, 2]", "not a JSON object"),
        ('"text"', "not a JSON object"),
        ('{"title": "no text"}', 'no "text" field'),
        ('{"text": 42}', '"text" is a number, not a string'),
        ('{"text": null}', '"text" is null, not a string'),
        ('{"text": "   "}', '"text" is empty'),
    ],
)
def test_a_jsonl_line_without_usable_text_is_skipped_with_its_line_number(tmp_path, line, reason):
    p = write_jsonl(tmp_path / "a.jsonl", [line, {"text": "next"}])
    items = read(p)
    prob = items[0]
    assert (prob.line, prob.fatal) == (1, True)
    assert reason in prob.reason
    assert articles(items)[0].text == "next"


def test_blank_jsonl_lines_are_skipped_silently_but_still_counted(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('\n  \n{"text": "a"}\n\t\n{"text": "b"}\n\n')
    items = read(p)
    assert [(a.text, a.line) for a in items] == [("a", 3), ("b", 5)]


def test_windows_line_endings_in_jsonl_are_fine_and_normalised_inside_text(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(b'{"text": "one\\r\\ntwo"}\r\n{"text": "three"}\r\n')
    items = read(p)
    assert [a.text for a in items] == ["one\ntwo", "three"]


def test_a_numeric_jsonl_id_becomes_a_string_and_a_bad_optional_field_is_a_warning(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [{"id": 7, "text": "a", "url": ["x"], "title": ""}])
    items = read(p)
    [prob] = problems(items)
    assert not prob.fatal and '"url"' in prob.reason and prob.line == 1
    [a] = articles(items)
    assert (a.id, a.url, a.title) == ("7", None, None)


def test_jsonl_text_is_kept_exactly_as_given_apart_from_line_endings(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": "  date 2020-10-16 padded \n"}])
    [a] = read(p)
    assert a.text == "  date 2020-10-16 padded \n" and a.date is None


def test_a_five_megabyte_jsonl_article_is_read(tmp_path):
    body = "x" * 5_000_000
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": body}, {"text": "small"}])
    items = read(p)
    assert [len(a.text) for a in items] == [5_000_000, 5]


def test_a_byte_order_mark_at_the_start_of_a_jsonl_file_is_ignored(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"text": "a"}\n')
    assert [a.text for a in read(p)] == ["a"]


# --- gzip ---------------------------------------------------------------------------------------


def test_a_gzipped_jsonl_file_is_read_like_a_plain_one(tmp_path):
    p = write_jsonl(tmp_path / "a.jsonl.gz", [{"text": "a", "date": "2020-10-16"}, {"text": "b"}], gzip.open)
    items = read(p)
    assert [(a.text, a.date, a.line) for a in items] == [
        ("a", datetime.date(2020, 10, 16), 1),
        ("b", None, 2),
    ]


def test_a_truncated_gzip_file_yields_what_it_can_then_a_problem_naming_the_line_reached(tmp_path):
    n = 2000
    whole = tmp_path / "whole.jsonl.gz"
    write_jsonl(whole, [{"text": f"article number {i} " + os.urandom(20).hex()} for i in range(n)], gzip.open)
    data = whole.read_bytes()
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = read(p)
    got = articles(items)
    assert 0 < len(got) < n
    prob = items[-1]
    assert isinstance(prob, Problem) and prob.fatal
    assert prob.source == str(p) and prob.line is not None and prob.line > len(got)
    assert "corrupt gzip" in prob.reason
    # At most the line cut in half may show up as a bad line just before the gzip problem.
    assert all(x.line == prob.line - 1 for x in problems(items) if x is not prob)


def test_a_file_named_jsonl_gz_that_is_not_gzip_is_a_problem_at_line_one(tmp_path):
    p = tmp_path / "fake.jsonl.gz"
    p.write_text('{"text": "a"}\n')
    [prob] = read(p)
    assert (prob.line, prob.fatal) == (1, True) and "corrupt gzip" in prob.reason


def test_corrupt_deflate_data_in_a_gzip_file_is_a_problem_not_a_crash(tmp_path):
    data = bytearray(gzip.compress(b'{"text": "a"}\n' * 5000))
    for i in range(30, 60):
        data[i] ^= 0xFF
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(bytes(data))
    items = read(p)
    assert isinstance(items[-1], Problem) and items[-1].fatal and "corrupt gzip" in items[-1].reason


def test_an_empty_gzipped_file_is_an_empty_file(tmp_path):
    p = tmp_path / "e.jsonl.gz"
    p.write_bytes(gzip.compress(b""))
    [prob] = read(p)
    assert prob.reason == "empty file" and prob.fatal


# --- bad files ----------------------------------------------------------------------------------


def test_a_missing_file_is_a_fatal_problem_and_the_next_path_is_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Text.")
    items = read(tmp_path / "missing.txt", good)
    assert items[0] == Problem(str(tmp_path / "missing.txt"), None, "no such file or directory", True)
    assert items[1].text == "Text."


@pytest.mark.parametrize("name, content", [("e.txt", b""), ("e.jsonl", b""), ("w.jsonl", b"\n  \n"), ("w.txt", b" \n\n")])
def test_an_empty_file_is_reported_as_empty(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content)
    assert read(p) == [Problem(str(p), None, "empty file", True)]


@pytest.mark.parametrize("name", ["pic.txt", "pic.jsonl", "pic.png"])
def test_a_file_with_nul_bytes_is_reported_as_binary(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(100))
    assert read(p) == [Problem(str(p), None, "binary file, not text", True)]


def test_a_plain_text_file_that_is_not_utf8_is_a_warning_with_the_byte_and_is_still_read(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("date 2020-10-16 Caf\u00e9 owner said \u00abyes\u00bb.".encode("latin-1"))
    items = read(p)
    [prob] = problems(items)
    assert prob == Problem(str(p), None, "not valid UTF-8 at byte 19; undecodable bytes replaced", False)
    [a] = articles(items)
    assert a.text == "Caf\ufffd owner said \ufffdyes\ufffd." and a.date == datetime.date(2020, 10, 16)


def test_a_jsonl_file_that_is_not_utf8_warns_once_with_line_and_file_byte_offset(tmp_path):
    p = tmp_path / "latin1.jsonl"
    p.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "na\xefve"}\n')
    items = read(p)
    [prob] = problems(items)
    assert prob == Problem(str(p), 2, "not valid UTF-8 at byte 28; undecodable bytes replaced", False)
    assert [a.text for a in articles(items)] == ["ok", "caf\ufffd", "na\ufffdve"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_an_unreadable_file_is_a_problem_not_an_exception(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text("secret")
    p.chmod(0)
    try:
        [prob] = read(p)
        assert prob.fatal and prob.reason.startswith("cannot open")
    finally:
        p.chmod(0o644)


def test_an_os_error_on_open_is_a_problem_not_an_exception(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("text")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(p))

    monkeypatch.setattr("saidwhen.ingest.open", refuse, raising=False)
    assert read(p) == [Problem(str(p), None, "cannot open (Permission denied)", True)]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".jsonl", ".jsonl.gz"]))
def test_arbitrary_bytes_never_raise_out_of_the_iterator(tmp_path, data, suffix):
    p = tmp_path / ("any" + suffix)
    p.write_bytes(data)
    for item in read(p):
        assert isinstance(item, (RawArticle, Problem))
        if isinstance(item, RawArticle):
            assert item.text.strip() and "\r\n" not in item.text


# --- directories and globs ----------------------------------------------------------------------


def test_a_directory_is_read_recursively_in_sorted_order_taking_only_article_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("b2")
    (tmp_path / "b" / "1.txt").write_text("b1")
    (tmp_path / "a" / "deep" / "z.txt").write_text("adz")
    (tmp_path / "a" / "x.jsonl").write_text('{"text": "ax"}\n')
    write_jsonl(tmp_path / "c.jsonl.gz", [{"text": "c"}], gzip.open)
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / "data.csv").write_text("a,b")
    (tmp_path / ".git" / "HEAD.txt").write_text("hidden")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [a.text for a in read(tmp_path)] == ["adz", "ax", "b1", "b2", "c"]


def test_a_directory_with_nothing_readable_is_a_problem(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.csv").write_text("1,2")
    [prob] = read(tmp_path)
    assert prob.fatal and prob.source == str(tmp_path) and "no .txt, .jsonl or .jsonl.gz" in prob.reason


def test_bad_files_inside_a_directory_are_reported_and_the_rest_is_read(tmp_path):
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_text("three")
    items = read(tmp_path)
    assert [getattr(x, "text", None) or x.reason for x in items] == ["one", "empty file", "three"]


def test_a_glob_pattern_is_expanded_in_sorted_order(tmp_path):
    for name in ["b.txt", "a.txt", "c.jsonl"]:
        (tmp_path / name).write_text('{"text": "c"}' if name.endswith("jsonl") else name)
    assert [a.text for a in read(tmp_path / "*.txt")] == ["a.txt", "b.txt"]
    assert [a.text for a in read(tmp_path / "*")] == ["a.txt", "b.txt", "c"]


def test_a_recursive_glob_reaches_subdirectories(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "deep.txt").write_text("deep")
    assert [a.text for a in read(tmp_path / "**" / "*.txt")] == ["deep"]


def test_a_glob_that_matches_nothing_is_a_problem(tmp_path):
    pattern = str(tmp_path / "*.txt")
    assert read(pattern) == [Problem(pattern, None, "no files match this pattern", True)]


def test_paths_are_read_in_the_order_given(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    assert [a.text for a in read(tmp_path / "b.txt", tmp_path / "a.txt")] == ["b", "a"]


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_text_is_one_plain_text_article(tmp_path):
    [a] = read("-", stdin=io.StringIO(SEED_START))
    assert a == RawArticle(
        "John Legend shared an emotional tribute to Chrissy Teigen.",
        datetime.date(2020, 10, 16),
        None,
        None,
        None,
        "<stdin>",
        None,
    )


def test_stdin_starting_with_a_brace_is_jsonl_even_after_blank_space():
    stdin = io.StringIO('\n\n  {"text": "a", "date": "2020-10-16"}\nnot json\n{"text": "b"}\n')
    items = read("-", stdin=stdin)
    assert [type(x).__name__ for x in items] == ["RawArticle", "Problem", "RawArticle"]
    assert (items[0].text, items[0].line, items[0].source) == ("a", 3, "<stdin>")
    assert (items[1].line, items[1].fatal) == (4, True)
    assert items[2].line == 5


def test_stdin_bytes_work_for_both_formats_and_bad_utf8_is_a_warning():
    items = read("-", stdin=io.BytesIO(b'{"text": "caf\xe9"}\r\n'))
    assert items == [
        Problem("<stdin>", 1, "not valid UTF-8 at byte 13; undecodable bytes replaced", False),
        RawArticle("caf\ufffd", None, None, None, None, "<stdin>", 1),
    ]
    [a] = read("-", stdin=io.BytesIO(b"date 2020-10-16\r\nText\r\nmore"))
    assert (a.text, a.date) == ("Text\nmore", datetime.date(2020, 10, 16))


def test_a_text_stdin_with_a_byte_buffer_is_read_through_the_buffer():
    stdin = io.TextIOWrapper(io.BytesIO(b"caf\xe9 said"), encoding="utf-8")
    items = read("-", stdin=stdin)
    assert problems(items)[0].reason.startswith("not valid UTF-8 at byte 3")
    assert articles(items)[0].text == "caf\ufffd said"


@pytest.mark.parametrize("content", ["", "  \n\n", b"", b"\n"])
def test_empty_stdin_is_a_problem(content):
    stdin = io.BytesIO(content) if isinstance(content, bytes) else io.StringIO(content)
    assert read("-", stdin=stdin) == [Problem("<stdin>", None, "empty input", True)]


def test_binary_stdin_is_a_problem():
    [prob] = read("-", stdin=io.BytesIO(b"\x00\x01\x02"))
    assert prob.fatal and "binary" in prob.reason


def test_stdin_jsonl_is_streamed_one_article_at_a_time():
    line = json.dumps({"text": "x" * 10_000}) + "\n"
    stdin = io.BytesIO(line.encode() * 1000)  # about 10 MB
    it = read_articles(["-"], stdin=stdin)
    first = next(it)
    assert isinstance(first, RawArticle) and first.line == 1
    assert stdin.tell() < 100_000
    assert sum(1 for _ in it) == 999


def test_a_jsonl_file_is_streamed_not_loaded_whole(tmp_path, monkeypatch):
    p = write_jsonl(tmp_path / "a.jsonl", [{"text": f"n{i}"} for i in range(5000)])
    it = read_articles([str(p)])
    assert next(it).text == "n0"
    # The file is open and positioned near its start: only the first chunk has been read.
    fds = os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else []
    positions = []
    for fd in fds:
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(p):
                positions.append(os.lseek(int(fd), 0, os.SEEK_CUR))
        except OSError:
            pass
    if fds:
        assert positions and max(positions) < p.stat().st_size
    assert sum(1 for _ in it) == 4999


def test_mixing_stdin_files_and_directories_keeps_the_order(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("dir")
    (tmp_path / "f.txt").write_text("file")
    items = read(tmp_path / "f.txt", "-", tmp_path / "d", stdin=io.StringIO("stdin"))
    assert [a.text for a in items] == ["file", "stdin", "dir"]


# --- errors -------------------------------------------------------------------------------------


def test_input_error_reads_like_a_compiler_message_and_is_a_saidwhen_error():
    err = InputError("articles.jsonl", 17, "not valid JSON (Expecting value: line 1 column 1)")
    assert str(err) == "articles.jsonl:17: not valid JSON (Expecting value: line 1 column 1)"
    assert (err.source, err.line, err.reason) == ("articles.jsonl", 17, "not valid JSON (Expecting value: line 1 column 1)")
    assert isinstance(err, SaidwhenError) and isinstance(err, Exception)
    assert str(InputError("a.txt", None, "empty file")) == "a.txt: empty file"


def test_a_problem_turns_into_an_input_error_for_callers_that_want_to_stop():
    prob = Problem("a.jsonl", 3, "no \"text\" field", True)
    err = prob.to_error()
    assert isinstance(err, InputError) and str(err) == str(prob) == 'a.jsonl:3: no "text" field'
    with pytest.raises(SaidwhenError):
        raise err
