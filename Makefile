# Two commands matter (see README): `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)

.PHONY: install browser run test bench validate clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

validate: install
	$(BIN)/python -m kb validate

run: install
	$(BIN)/python -m kb build
	$(BIN)/python -m streamlit run serve.py --server.address localhost --server.port 8501 --server.headless true --server.fileWatcherType none

# Debian's Chromium + CJK fonts for tests/browser (skipped with a message where they cannot be installed).
browser:
	./scripts/install_browser.sh

test: install browser
	$(BIN)/python -m pytest -q -rs

bench: install
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) data
