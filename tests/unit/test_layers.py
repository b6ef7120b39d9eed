"""Layering you can check, over EVERY module of the package (no hand-picked list):

* views/ reach data only through services/: no SQLAlchemy, nothing of store/;
* domain, store, services, sync, telephony, importer and the Qt-free helpers
  never import Qt widgets; services/ and store/ import no Qt at all;
* an import inside a function says why (a cycle, a heavy or optional part)
  on its line or the line above, in every module but the generated forms;
* no module takes another module's private (``_name``) names.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import workstation

ROOT = Path(workstation.__file__).parent
LOWER = ("domain", "store", "services", "sync", "telephony", "importer")
QT_FREE_HELPERS = ("config.py", "secrets.py", "paths.py", "logs.py")
NO_QT_AT_ALL = ("domain", "store", "services")
GENERATED = ("views", "forms")
"""Written by pyside6-uic from the .ui files: not checked for reasons."""


def modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts)


def layer(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


def imports(path: Path):
    """(line, module name, inside a function?) of every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    inner: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inner.update(id(n) for n in ast.walk(node) if n is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, id(node) in inner
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                yield node.lineno, node.module, id(node) in inner
                yield node.lineno, f"{node.module}.{alias.name}", id(node) in inner


def reason_given(lines: list[str], line: int) -> bool:
    """A comment on the import's line, or above the block of imports it is in."""
    if "#" in lines[line - 1]:
        return True
    n = line - 2
    while n >= 0 and lines[n].strip().startswith(("from ", "import ")):
        n -= 1
    return n >= 0 and lines[n].strip().startswith("#")


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT.parent)}:{line}"


def test_the_walk_sees_every_layer():
    seen = {layer(p) for p in modules()}
    assert {"views", "services", "store", "domain", "sync", "telephony", "cli"} <= seen
    assert len(modules()) > 80


def test_views_reach_data_only_through_services():
    bad = [f"{where(p, line)} imports {name}"
           for p in modules() if layer(p) == "views"
           for line, name, _inner in imports(p)
           if name.split(".")[0] == "sqlalchemy" or name.startswith("workstation.store")]
    assert bad == []


def test_lower_layers_never_import_qt_widgets():
    bad = []
    for p in modules():
        lay = layer(p)
        if lay not in LOWER and lay not in QT_FREE_HELPERS:
            continue
        for line, name, _inner in imports(p):
            if name.startswith("PySide6.QtWidgets") or (
                    lay in NO_QT_AT_ALL and name.split(".")[0] == "PySide6"):
                bad.append(f"{where(p, line)} imports {name}")
    assert bad == []


def test_function_level_imports_say_why():
    bad = []
    for p in modules():
        if p.relative_to(ROOT).parts[:2] == GENERATED:
            continue
        lines = p.read_text(encoding="utf-8").splitlines()
        for line, name, inner in imports(p):
            if inner and not reason_given(lines, line):
                bad.append(f"{where(p, line)} imports {name} inside a function, no reason given")
    assert sorted(set(bad)) == []


def test_no_module_takes_another_modules_private_names():
    bad = []
    for p in modules():
        tree = ast.parse(p.read_text(encoding="utf-8"), str(p))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workstation"):
                for alias in node.names:
                    private = alias.name.startswith("_") and not alias.name.startswith("__")
                    if private:
                        bad.append(f"{where(p, node.lineno)} takes {node.module}.{alias.name}")
    assert bad == []


def test_a_view_importing_the_store_would_be_caught(tmp_path):
    """The check itself can fail: the same walk over a file that does it."""
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from workstation.store.db import Store\n")
    found = list(imports(probe))
    assert (2, "workstation.store.db", True) in found


@pytest.mark.slow
@pytest.mark.parametrize("package", ["domain", "store", "services", "sync", "importer",
                                     "config", "secrets"])
def test_lower_layers_import_alone_without_qt_widgets(package):
    """Transitive pulls too: every module of the package imported in a clean interpreter."""
    names = [".".join(("workstation", *p.relative_to(ROOT).with_suffix("").parts))
             .removesuffix(".__init__")
             for p in modules() if layer(p) in (package, f"{package}.py")]
    code = ("import sys, importlib\n"
            f"for m in {names!r}: importlib.import_module(m)\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6.QtWidgets')]\n"
            "sys.exit(1 if bad else 0)")
    assert names
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
