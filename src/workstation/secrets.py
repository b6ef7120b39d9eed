"""Passwords in the OS keyring, nowhere else. Qt-free.

Where no usable keyring exists (a headless Linux box), ``NoKeyringError`` is
raised: callers say so and ask the user for the password when it is needed,
keeping it in memory only. Tests choose a backend with keyring's own
``PYTHON_KEYRING_BACKEND`` variable.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backends import fail

from workstation import APP_NAME
from workstation.config import OPTIONS, ConfigError


class NoKeyringError(RuntimeError):
    """No OS keyring is available on this machine."""


_memory: dict[str, str] = {}


def _check_key(key: str) -> None:
    opt = OPTIONS.get(key)
    if opt is None or not opt.secret:
        secret_keys = ", ".join(k for k, o in OPTIONS.items() if o.secret)
        raise ConfigError(f"{key!r} is not a secret setting; secrets are: {secret_keys}")


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    try:
        return backend.priority > 0
    except Exception:  # noqa: BLE001 - a backend that cannot tell its priority is unusable
        return False


def backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def set_secret(key: str, value: str) -> None:
    _check_key(key)
    if not keyring_available():
        raise NoKeyringError(
            "no OS keyring is available on this machine; the password is not stored "
            "and will be asked for when it is needed"
        )
    try:
        keyring.set_password(APP_NAME, key, value)
    except keyring.errors.KeyringError as exc:
        raise NoKeyringError(f"the keyring refused to store {key}: {exc}") from exc


def get_secret(key: str) -> str | None:
    """The secret from the keyring, or one given this session; None if unknown."""
    _check_key(key)
    if key in _memory:
        return _memory[key]
    if not keyring_available():
        return None
    try:
        return keyring.get_password(APP_NAME, key)
    except keyring.errors.KeyringError:
        return None


def remember_for_session(key: str, value: str) -> None:
    """Keep a password typed at a prompt in memory only (no keyring)."""
    _check_key(key)
    _memory[key] = value


def delete_secret(key: str) -> None:
    _check_key(key)
    _memory.pop(key, None)
    if keyring_available():
        try:
            keyring.delete_password(APP_NAME, key)
        except keyring.errors.PasswordDeleteError:
            pass
