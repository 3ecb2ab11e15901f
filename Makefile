PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

SEED := ../shared/seeds/000_456124d035135736.txt

demo: install
	$(BIN)/saidwhen extract --format table $(SEED) examples/articles/*.txt
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/saidwhen index $(SEED) examples/articles examples/corpus --db demo.db
	$(BIN)/saidwhen stats --db demo.db
	$(BIN)/saidwhen search "bridge" --db demo.db --limit 5
	$(BIN)/saidwhen who "John Legend" --db demo.db

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/quality.py benchmarks/data/quotes_dev.jsonl
	$(BIN)/python benchmarks/quality.py benchmarks/data/quotes_holdout.jsonl
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/times.py
	$(BIN)/python benchmarks/index.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
