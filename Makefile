PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser demo test bench train screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev,spark]"
	touch $(STAMP)

install: $(STAMP)

# The browser tests drive Debian's chromium (Playwright's own browser download cannot work here).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

SEED := ../shared/seeds/000_456124d035135736.txt

demo: install
	$(BIN)/saidwhen extract --format table $(SEED) examples/articles/*.txt
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/saidwhen index $(SEED) examples/articles examples/corpus --db demo.db
	$(BIN)/saidwhen stats --db demo.db
	$(BIN)/saidwhen search "bridge" --db demo.db --limit 5
	$(BIN)/saidwhen who "John Legend" --db demo.db

test: install browser
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/real.py
	$(BIN)/python benchmarks/real.py --train-names
	$(BIN)/python benchmarks/real.py --third-names
	$(BIN)/python benchmarks/real.py --fourth-names
	$(BIN)/python benchmarks/real.py --fifth-names
	$(BIN)/python benchmarks/real.py --sixth-names
	$(BIN)/python benchmarks/real.py --seventh-names
	$(BIN)/python benchmarks/real.py --eighth-names
	$(BIN)/python benchmarks/real.py --ninth-names
	$(BIN)/python benchmarks/real.py --tenth-names
	$(BIN)/python benchmarks/real.py --eleventh-names
	$(BIN)/python benchmarks/people.py
	$(BIN)/python benchmarks/gender.py
	$(BIN)/python benchmarks/quality.py benchmarks/data/quotes_dev.jsonl
	$(BIN)/python benchmarks/quality.py benchmarks/data/quotes_holdout.jsonl
	$(BIN)/python benchmarks/quality.py benchmarks/data/reported_dev.jsonl
	$(BIN)/python benchmarks/quality.py benchmarks/data/reported_holdout.jsonl
	$(BIN)/python benchmarks/quality.py benchmarks/data/reported_fresh.jsonl
	$(BIN)/python benchmarks/quality.py benchmarks/data/reported_blind.jsonl
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/times.py
	$(BIN)/python benchmarks/index.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/spark.py

# The source-mention model (saidwhen/sources_model.json) and the known full names of lone surnames
# (saidwhen/known_names.json), learnt from ../shared/data/polnear/train.jsonl.
train: install
	$(BIN)/python scripts/train_sources.py
	$(BIN)/python scripts/build_names.py

screenshots: install browser
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
