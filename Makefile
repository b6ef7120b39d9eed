# workstation: see README.md. `make run` starts the app, `make test` runs every test.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench demo system-deps translations forms migration installer clean

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

# `make test BUILD_INSTALLER=1` builds the bundle first and its tests must pass;
# without it the bundle tests run only when a bundle from `make installer` exists.
test: $(STAMP) system-deps $(if $(BUILD_INSTALLER),installer)
	$(BIN)/python -m pytest -q -rfEs -p no:cacheprovider

bench: $(STAMP) system-deps
	$(BIN)/python bench/run_all.py --only "$(ONLY)"

translations: $(STAMP)
	$(BIN)/python tools/translations.py

forms: $(STAMP)
	$(BIN)/python tools/build_forms.py

migration: $(STAMP)
	$(BIN)/python -m workstation db revision -m "$(MSG)"

# The one-folder bundle (dist/workstation, PyInstaller) and, where dpkg-deb exists,
# the Debian package built from it (dist/workstation_VERSION_ARCH.deb). The Inno
# Setup script (installer/workstation.iss) needs Windows and is not built here.
INSTALLER_STAMP := $(VENV)/.installer

$(INSTALLER_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,installer]'
	touch $@

installer: $(INSTALLER_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		installer/workstation.spec
	$(BIN)/python installer/build_deb.py --bundle dist/workstation --out dist

clean:
	rm -rf $(VENV) build dist .pytest_cache
