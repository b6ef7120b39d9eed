"""The rejects file of an import (``<input>.rejects.csv``). Qt-free."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from workstation import paths
from workstation.importer.rows import Reject
from workstation.safecsv import SafeWriter

log = logging.getLogger(__name__)

class RejectsFile:
    """``<input>.rejects.csv``: written under a temporary name and renamed when the
    import committed; removed when it failed or was cancelled. When the input's
    folder is not writable, the file goes to the user data dir's ``rejects``.
    The file is 0600 (it holds lead data) and its cells are formula-escaped."""

    def __init__(self, path: Path, headers: list[str], enabled: bool) -> None:
        self.path, self.headers, self.enabled = path, headers, enabled
        self._f = None
        self._w = None
        self._tmp: Path | None = None
        self.written = False

    def _open(self) -> None:
        for folder in (self.path.parent, paths.user_data_dir() / "rejects"):
            try:
                if folder.is_relative_to(paths.user_data_dir()):
                    paths.private_dir(folder)
                else:
                    folder.mkdir(parents=True, exist_ok=True)
                tmp = folder / f".{self.path.name}.part"
                # lead data: owner only, whatever the umask (0600 kept by the rename)
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, paths.PRIVATE_FILE)
                paths.private_file(tmp)  # an older .part left with another mode
                self._f = open(fd, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
            except OSError as exc:
                log.warning("cannot write the rejects file in %s: %s", folder, exc)
                continue
            self._tmp, self.path = tmp, folder / self.path.name
            self._w = SafeWriter(self._f)
            self._w.writerow(["line", "reason", *self.headers])
            self.written = True
            return
        self.enabled = False

    def add(self, rej: Reject) -> None:
        if not self.enabled:
            return
        if self._f is None:
            self._open()
            if self._f is None:
                return
        self._w.writerow([rej.line, rej.reason, *rej.cells])

    def finish(self, keep: bool) -> Path | None:
        if self._f is not None:
            self._f.close()
            self._f = None
        if self._tmp is None:
            return None
        if keep:
            os.replace(self._tmp, self.path)
            return self.path
        self._tmp.unlink(missing_ok=True)
        return None
