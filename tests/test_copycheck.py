"""PolNeAR's articles are read by the benchmarks and never copied into the repository."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
needs_polnear = pytest.mark.skipif(not (POLNEAR / "train.jsonl").is_file(), reason="needs ../shared/data/polnear")


def copycheck():
    spec = importlib.util.spec_from_file_location("copycheck", ROOT / "scripts" / "copycheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_polnear
def test_a_run_of_an_article_set_in_other_words_is_found_with_its_line(tmp_path):
    check = copycheck()
    article = json.loads((POLNEAR / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
    run = check.WORD.findall(article.lower())[20:32]  # twelve words of a real article, read at run time
    text = "zyx plugh quux\nwibble " + " ".join(run) + " frobnicate xyzzy\n"
    grams = check.corpus_grams(POLNEAR, 8)
    assert list(check.shared_runs(text, grams, 8)) == [(2, " ".join(run))]
    assert list(check.shared_runs("zyx plugh quux wibble frobnicate xyzzy " * 3, grams, 8)) == []


@needs_polnear
def test_no_tracked_file_shares_eight_words_in_a_row_with_polnear():
    found = subprocess.run([sys.executable, str(ROOT / "scripts" / "copycheck.py")], cwd=ROOT,
                           capture_output=True, text=True)
    assert found.returncode == 0, found.stdout + found.stderr
