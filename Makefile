# workstation: see README.md. `make run` starts the app, `make test` runs every test.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench demo system-deps native translations forms migration installer clean

# The headset's native audio path (telephony/native: a pjmedia port fed by PulseAudio
# in C). Without a compiler or libpulse headers the app uses the QtMultimedia path
# (audio.path = auto) and the audio tests, which ask for the native path, fail.
NATIVE_DIR := src/workstation/telephony/native
NATIVE  := $(NATIVE_DIR)/libwsaudio.so
CC      ?= cc

$(NATIVE): $(NATIVE_DIR)/wsaudio.c | system-deps
	$(CC) -O2 -Wall -Wextra -shared -fPIC -o $@ $< $$(pkg-config --cflags --libs libpulse) \
		-lm -lpthread -ldl || echo "native audio path not built (cc, libpulse-dev)" >&2

native: $(NATIVE)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

run: $(STAMP) $(NATIVE)
	QT_QPA_PLATFORM= $(BIN)/workstation

demo: $(STAMP) $(NATIVE)
	QT_QPA_PLATFORM= $(BIN)/workstation demo

# Debian packages the real-part tests use (Kamailio, baresip, PostgreSQL,
# PulseAudio, Xvfb, Qt's system libraries); installed only when missing and root.
system-deps:
	bash tests/setup/system-deps.sh

# `make test BUILD_INSTALLER=1` builds the bundle first and its tests must pass;
# without it the bundle tests run only when a bundle from `make installer` exists.
test: $(STAMP) system-deps $(NATIVE) $(if $(BUILD_INSTALLER),installer)
	$(BIN)/python -m pytest -q -rfEs -p no:cacheprovider

bench: $(STAMP) system-deps $(NATIVE)
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

installer: $(INSTALLER_STAMP) $(NATIVE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		installer/workstation.spec
	$(BIN)/python installer/build_deb.py --bundle dist/workstation --out dist

clean:
	rm -rf $(VENV) build dist .pytest_cache
