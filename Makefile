# Two commands for a new user (see README.md):
#   make demo   set up .venv and run mtqa check on data/riyadh
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.mtqa-installed

.PHONY: demo test setup clean

setup: $(STAMP)

# torch is installed first, from PyTorch's CPU wheel index as PyTorch documents it
# (pip install torch --index-url https://download.pytorch.org/whl/cpu: torch alone, about
# 200 MB). From the public PyPI, Linux wheels of torch are CUDA builds that pull several GB of
# nvidia-* packages. An index that cannot be reached fails fast (10 s socket timeout, no
# retries) and the install falls back to the configured index (PyPI, or a local mirror).
#   make test TORCH_INDEX=            skip the CPU index: torch from the configured index
#   make test TORCH_INDEX=URL         another index (a mirror of the CPU wheels)
# The venv is reused when present.
TORCH_VERSION ?= 2.13.0
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
PIP := $(BIN)/python -m pip

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	if [ -n "$(TORCH_INDEX)" ]; then \
	  $(PIP) install --quiet --timeout 10 --retries 0 --index-url "$(TORCH_INDEX)" \
	    "torch==$(TORCH_VERSION)" \
	  || { echo "setup: $(TORCH_INDEX) did not serve torch $(TORCH_VERSION);" \
	       "installing it from the configured index" >&2; \
	       $(PIP) install --quiet "torch==$(TORCH_VERSION)"; }; \
	else $(PIP) install --quiet "torch==$(TORCH_VERSION)"; fi
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/mtqa check data/riyadh/en.txt data/riyadh/ja.txt; rc=$$?; \
	  echo "(mtqa exit code $$rc: 0 pass, 1 gate failed, 2 bad input, 3 internal error, 4 output not written)"; test $$rc -le 1

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
