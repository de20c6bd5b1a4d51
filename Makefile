# Two commands for a new user (see README.md):
#   make demo   set up .venv and run mtqa check on data/riyadh
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.mtqa-installed

.PHONY: demo test setup clean

setup: $(STAMP)

# torch is installed first, pinned, so that pip takes the CPU build (a bare
# requirement would pull a multi-GB CUDA build); the venv is reused when present.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/mtqa check data/riyadh/en.txt data/riyadh/ja.txt; rc=$$?; \
	  echo "(mtqa exit code $$rc: 0 pass, 1 gate failed, 2 bad input)"; test $$rc -le 1

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
