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

# Two workers (CI has 2 cores): the browser tests, mostly waiting on the app and Chromium, run on one
# worker while the other runs the CPU-bound rest, a test module at a time (tests/conftest.py groups them);
# in collection order, so the browser group (collected first) starts at once.
test: install browser
	$(BIN)/python -m pytest -q -rs -n 2 --dist loadgroup --no-loadscope-reorder

bench: install
	$(BIN)/python -m bench.run_all

clean:
	rm -rf $(VENV) data
