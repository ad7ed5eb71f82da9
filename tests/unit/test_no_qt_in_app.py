"""``app/`` is the Qt-free core: nothing below it may import a Qt binding, directly or by name."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
QT_PACKAGES = frozenset({"PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy", "sip"})
SOURCES = sorted(APP.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def qt_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in (
            "import_module", "__import__"
        ):
            names = [arg.value for arg in node.args[:1] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        else:
            continue
        found += [(node.lineno, name) for name in names if name.split(".")[0] in QT_PACKAGES]
    return found


def test_the_walk_sees_the_core():
    names = {module_name(p) for p in SOURCES}
    assert {"app.validation", "app.rules", "app.contract", "app.policy", "app.cli", "app.wire"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_under_app_imports_qt(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    assert qt_imports(tree) == []


def test_the_checker_catches_every_spelling():
    source = (
        "import PySide6\nfrom PySide6.QtCore import QObject\nimport PyQt5.QtWidgets as w\n"
        "from shiboken6 import isValid\nimport qtpy\n"
        "importlib.import_module('PySide6.QtGui')\n__import__('PyQt6')\nfrom . import PySide6_free\n"
    )
    assert [line for line, _ in qt_imports(ast.parse(source))] == [1, 2, 3, 4, 5, 6, 7]


def test_importing_every_app_module_loads_no_qt():
    modules = [module_name(p) for p in SOURCES]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {sorted(QT_PACKAGES)!r})\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
