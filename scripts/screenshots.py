"""Screenshots of the web app for docs/web.md: docs/img/search.png and docs/img/speaker.png.

Builds the demo store (the seed story if ../shared/seeds has it, examples/articles, examples/corpus)
in a temporary folder unless ``--db`` names one, serves it with uvicorn on a free loopback port, and
photographs a search and a speaker page with Debian's chromium driven by Playwright.

Usage: .venv/bin/python scripts/screenshots.py [--db FILE] [--out docs/img] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_456124d035135736.txt"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def build_demo(db: Path) -> None:
    paths = [str(p) for p in (SEED, ROOT / "examples" / "articles", ROOT / "examples" / "corpus") if p.exists()]
    subprocess.run([sys.executable, "-m", "saidwhen.cli", "index", *paths, "--db", str(db)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from saidwhen.web import serving

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.db"
            build_demo(db)
        args.out.mkdir(parents=True, exist_ok=True)
        with serving(db) as base:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1100, "height": 760})
                page.goto(f"{base}/")
                page.fill("#q", "bridge OR report")
                page.click("#search button[type=submit]")
                page.wait_for_selector("#hits")
                page.screenshot(path=str(args.out / "search.png"))
                page.goto(f"{base}/")
                page.click("#top-speakers a >> nth=0")
                page.wait_for_selector("#chart svg")
                page.screenshot(path=str(args.out / "speaker.png"))
                browser.close()
    for name in ("search.png", "speaker.png"):
        print(f"wrote {args.out / name} ({(args.out / name).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
