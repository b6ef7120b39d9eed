# workstation: see README.md. `make run` starts the app, `make test` runs every test.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench demo system-deps translations forms migration clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

run: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/workstation

demo: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/workstation demo

# Debian packages the real-part tests use (Kamailio, baresip, PostgreSQL,
# PulseAudio, Xvfb, Qt's system libraries); installed only when missing and root.
system-deps:
	bash tests/setup/system-deps.sh

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -rfEs -p no:cacheprovider

bench: $(STAMP) system-deps
	$(BIN)/python bench/run_all.py --only "$(ONLY)"

translations: $(STAMP)
	$(BIN)/python tools/translations.py

forms: $(STAMP)
	$(BIN)/python tools/build_forms.py

migration: $(STAMP)
	$(BIN)/python -m workstation db revision -m "$(MSG)"

clean:
	rm -rf $(VENV) build dist .pytest_cache
