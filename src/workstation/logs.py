"""Logging to platformdirs' log dir with rotation. Secrets never reach a log:
the filter below masks any value that looks like a password assignment. Log
files are 0600 in a 0700 folder."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys

from workstation import paths

_SECRET = re.compile(r"(?i)(password|passwd|pwd|secret)(\s*[=:]\s*|\s+)(\S+)")
_URL_PW = re.compile(r"(://[^:/@\s]+:)([^@\s]+)(@)")


def mask_secrets(text: str) -> str:
    """Password-looking text masked (``password=...``, a password inside a URL)."""
    return _URL_PW.sub(r"\1***\3", _SECRET.sub(r"\1\2***", text))


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = mask_secrets(msg)
        if clean != msg:
            record.msg, record.args = clean, None
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file it opens (the first and every rotated one) is 0600."""

    def _open(self):
        stream = super()._open()
        paths.private_file(self.baseFilename)
        return stream


_configured = False


def setup_logging(verbose: bool = False) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger("workstation")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        fh = _PrivateRotatingFileHandler(
            paths.user_log_dir() / "workstation.log", maxBytes=5_000_000, backupCount=5,
            encoding="utf-8")
        fh.setFormatter(fmt)
        fh.addFilter(RedactSecrets())
        root.addHandler(fh)
    except OSError as exc:  # read-only home: log to stderr only
        print(f"workstation: cannot write log file: {exc}", file=sys.stderr)
    if verbose:
        sh = logging.StreamHandler()
        sh.setFormatter(fmt)
        sh.addFilter(RedactSecrets())
        root.addHandler(sh)
