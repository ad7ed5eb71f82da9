"""Keeping ``resources/translations/intake_<lang>.ts`` in step with the source.

``pyside6-lupdate`` cannot see most of what the clerk reads here: ``app`` marks its sentences
with ``QT_TRANSLATE_NOOP`` imported under a short name and with the context in a module
constant, the window's feature modules call ``window.tr(...)`` (looked up at run time in the
``MainWindow`` context), and some modules wrap ``QCoreApplication.translate`` in a one-line
helper. This module reads the Python syntax tree and knows those conventions:

* ``QT_TRANSLATE_NOOP(ctx, "text")`` under any imported name, ``translate(ctx, "text")``
  (``QCoreApplication``/``QApplication``/``ui.i18n``), with ``ctx`` a literal or a module constant;
* a module function whose body is ``return translate(CTX, text)`` called with a literal;
* ``self.tr("text")`` in class ``C`` (context ``C``; PySide also tries the base classes);
* ``window.tr("text")`` / ``self.window.tr`` and ``tr = <that>.tr`` aliases (context ``MainWindow``).

Formatting inside a translation call (an f-string, ``%`` or ``.format`` on the argument) hides
the text from translators; such calls are reported as problems.

Run ``python -m ui.translation_sources`` to merge new sources into every ``.ts`` file (existing
translations are kept; texts that left the source are dropped) and list what is unfinished.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ui.translations import LANGUAGES, TS_LANGUAGE, ts_path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("app", "ui")
WINDOW_CONTEXT = "MainWindow"
_TRANSLATE_NAMES = {"translate"}


@dataclass
class Extraction:
    # (context, source) -> files it appears in, in first-seen order
    messages: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, context: str, text: str, where: str) -> None:
        files = self.messages.setdefault((context, text), [])
        if where not in files:
            files.append(where)


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        files.extend(p for p in sorted((root / folder).rglob("*.py")) if "__pycache__" not in p.parts)
    return files


def extract(files: list[Path] | None = None, root: Path = ROOT) -> Extraction:
    result = Extraction()
    for path in files if files is not None else source_files(root):
        rel = path.relative_to(root).as_posix()
        _ModuleScan(rel, result).scan(ast.parse(path.read_text(encoding="utf-8"), filename=rel))
    return result


class _ModuleScan(ast.NodeVisitor):
    def __init__(self, rel: str, result: Extraction) -> None:
        self.rel = rel
        self.result = result
        self.constants: dict[str, str] = {}
        self.noop_names = {"QT_TRANSLATE_NOOP"}
        self.helpers: dict[str, str] = {}  # function name -> context it translates in
        self.classes: list[str] = []
        self.tr_aliases: list[dict[str, str | None]] = [{}]

    def scan(self, tree: ast.Module) -> None:
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                    self.constants[node.targets[0].id] = node.value.value
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name == "QT_TRANSLATE_NOOP":
                        self.noop_names.add(alias.asname or alias.name)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                context = self._helper_context(node)
                if context is not None:
                    self.helpers[node.name] = context
        self.visit(tree)

    # --- what a call means ------------------------------------------------------------
    def _context_of(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None

    def _is_translate(self, func: ast.expr) -> bool:
        if isinstance(func, ast.Name):
            return func.id in _TRANSLATE_NAMES or func.id in self.noop_names
        return isinstance(func, ast.Attribute) and func.attr == "translate"

    def _helper_context(self, fn: ast.FunctionDef) -> str | None:
        body = [n for n in fn.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        if len(body) != 1 or not isinstance(body[0], ast.Return) or not fn.args.args:
            return None
        call = body[0].value
        param = fn.args.args[0].arg
        if (isinstance(call, ast.Call) and self._is_translate(call.func) and len(call.args) >= 2
                and isinstance(call.args[1], ast.Name) and call.args[1].id == param):
            return self._context_of(call.args[0])
        return None

    def _receiver_context(self, receiver: ast.expr) -> str | None:
        if isinstance(receiver, ast.Name) and receiver.id == "self":
            return self.classes[-1] if self.classes else None
        name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", None)
        if name == "window" or (isinstance(receiver, ast.Call) and getattr(receiver.func, "attr", None) == "window"):
            return WINDOW_CONTEXT
        return None

    def _tr_context(self, func: ast.expr) -> tuple[bool, str | None]:
        """(is a tr call, its context)."""
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            return True, self._receiver_context(func.value)
        if isinstance(func, ast.Name):
            for scope in reversed(self.tr_aliases):
                if func.id in scope:
                    return True, scope[func.id]
        return False, None

    def _text(self, node: ast.expr, lineno: int, kind: str) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        formatted = isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add))) or (
            isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "format")
        if formatted:
            self.result.problems.append(f"{self.rel}:{lineno}: {kind} of a formatted string")
        return None  # a lookup of a text marked elsewhere (a label, a step title)

    # --- walking -----------------------------------------------------------------------
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.tr_aliases.append({})
        self.generic_visit(node)
        self.tr_aliases.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        if (len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Attribute) and node.value.attr == "tr"):
            self.tr_aliases[-1][node.targets[0].id] = self._receiver_context(node.value.value)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        is_tr, tr_context = self._tr_context(func)
        if is_tr and node.args:
            text = self._text(node.args[0], node.lineno, "tr()")
            if text is not None:
                if tr_context is None:
                    self.result.problems.append(f"{self.rel}:{node.lineno}: tr() on an object of unknown class")
                else:
                    self.result.add(tr_context, text, self.rel)
        elif self._is_translate(func) and len(node.args) >= 2:
            context = self._context_of(node.args[0])
            text = self._text(node.args[1], node.lineno, "translate()")
            if text is not None:
                if context is None:
                    self.result.problems.append(f"{self.rel}:{node.lineno}: translation context is not a constant")
                else:
                    self.result.add(context, text, self.rel)
        elif isinstance(func, ast.Name) and func.id in self.helpers and node.args:
            text = self._text(node.args[0], node.lineno, f"{func.id}()")
            if text is not None:
                self.result.add(self.helpers[func.id], text, self.rel)
        self.generic_visit(node)


# --- the .ts files ------------------------------------------------------------------------
def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) -> (translation, finished) for every message that is not vanished/obsolete."""
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    if not path.is_file():
        return out
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            out[(name, msg.findtext("source") or "")] = ((tr.text or "") if tr is not None else "", kind is None)
    return out


def write_ts(path: Path, language: str, extraction: Extraction,
             translations: dict[tuple[str, str], tuple[str, bool]]) -> None:
    root = ET.Element("TS", version="2.1", language=TS_LANGUAGE[language])
    contexts: dict[str, list[tuple[str, list[str]]]] = {}
    for (context, text), files in extraction.messages.items():
        contexts.setdefault(context, []).append((text, files))
    rel_root = Path(*[".."] * len(path.parent.relative_to(ROOT).parts))
    for context in sorted(contexts):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for text, files in contexts[context]:
            msg = ET.SubElement(ctx, "message")
            for rel in files:
                ET.SubElement(msg, "location", filename=(rel_root / rel).as_posix())
            ET.SubElement(msg, "source").text = text
            translation, finished = translations.get((context, text), ("", False))
            tr = ET.SubElement(msg, "translation")
            tr.text = translation
            if not finished or not translation:
                tr.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(languages: tuple[str, ...] = LANGUAGES) -> dict[str, int]:
    """Merge the source's texts into each language's .ts; returns the unfinished count per language."""
    extraction = extract()
    for problem in extraction.problems:
        print(problem, file=sys.stderr)
    unfinished: dict[str, int] = {}
    for language in languages:
        path = ts_path(language)
        old = read_ts(path)
        write_ts(path, language, extraction, old)
        unfinished[language] = sum(1 for key in extraction.messages if not old.get(key, ("", False))[1])
    return unfinished


def main() -> int:
    for language, count in update().items():
        print(f"{ts_path(language).name}: {count} unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
