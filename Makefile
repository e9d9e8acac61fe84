# Two commands on a fresh machine: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-display lint check screenshot bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench,scale]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/timeline-viewer seeds

lint: $(STAMP)
	$(BIN)/ruff check viewer tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/python -m tests.display

# The UI tests on a real X display (Xvfb + Openbox, keys sent through the X server).
test-display: $(STAMP)
	$(BIN)/python -m tests.display

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshot: $(STAMP)
	$(BIN)/timeline-viewer --screenshot screenshot.png seeds

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
