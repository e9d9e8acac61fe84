# Two commands on a fresh machine: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN    := $(VENV)/.installed-run
DEV    := $(VENV)/.installed-dev

.PHONY: run test test-display lint check screenshot bench clean

# `make run` installs what the app and `extract --engine dask` need; the test, lint and bench
# tools come only with the targets that use them.
$(RUN): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[scale]'
	touch $(RUN)

$(DEV): $(RUN)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench,scale]'
	touch $(DEV)

run: $(RUN)
	$(BIN)/timeline-viewer seeds

lint: $(DEV)
	$(BIN)/ruff check viewer tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(DEV) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/python -m tests.display

# The UI tests on a real X display (Xvfb + Openbox, keys sent through the X server).
test-display: $(DEV)
	$(BIN)/python -m tests.display

bench: $(DEV)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshot: $(RUN)
	$(BIN)/timeline-viewer --screenshot screenshot.png seeds

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
