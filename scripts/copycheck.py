"""Find runs of words the repository shares with PolNeAR's article texts.

PolNeAR's licence lets benchmarks read it from ``../shared`` but not copy it:
example sentences in tests, comments and docstrings must be invented.  This
script lists every run of at least ``--words`` consecutive words (default 8)
that a tracked file shares with a PolNeAR article, so a copied or lightly
edited sentence is caught before it lands.  Exit status 1 when any run is found.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

WORD = re.compile(r"[a-z0-9]+")
ROOT = Path(__file__).resolve().parent.parent


def corpus_grams(folder: Path, n: int) -> set[int]:
    """Hashes of every n-word run in PolNeAR's train and dev texts."""
    grams = set()
    for split in ("train", "dev"):
        with open(folder / f"{split}.jsonl", encoding="utf-8") as lines:
            for line in lines:
                words = WORD.findall(json.loads(line)["text"].lower())
                grams.update(hash(tuple(words[i:i + n])) for i in range(len(words) - n + 1))
    return grams


def shared_runs(text: str, grams: set[int], n: int):
    """(line, run) for each maximal run of words in text found in the corpus."""
    found = [(m.group(), text.count("\n", 0, m.start()) + 1) for m in WORD.finditer(text.lower())]
    words = [w for w, _ in found]
    i = 0
    while i <= len(words) - n:
        if hash(tuple(words[i:i + n])) in grams:
            j = i + n
            while j < len(words) and hash(tuple(words[j - n + 1:j + 1])) in grams:
                j += 1
            yield found[i][1], " ".join(words[i:j])
            i = j
        else:
            i += 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--words", type=int, default=8, help="shortest run reported")
    parser.add_argument("paths", nargs="*", default=["saidwhen", "tests", "benchmarks", "scripts", "README.md"])
    args = parser.parse_args(argv)
    if not (args.polnear / "train.jsonl").exists():
        print(f"copycheck: PolNeAR not found at {args.polnear}", file=sys.stderr)
        return 2
    grams = corpus_grams(args.polnear, args.words)
    files = subprocess.run(["git", "ls-files", "--", *args.paths], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    hits = 0
    for name in files:
        path = ROOT / name
        if path.suffix not in {".py", ".md", ".txt", ".html", ".js", ".cfg", ".toml"}:
            continue
        for line, run in shared_runs(path.read_text(encoding="utf-8"), grams, args.words):
            print(f"{name}:{line}: {len(run.split())} words: {run}")
            hits += 1
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
