"""PySide6's check of every imported module, answered from the file's bytes (ui.pyside_hooks)."""

from __future__ import annotations

import sys
import types

import ui.app_setup  # noqa: F401  (installs it)
from ui import pyside_hooks


def _hook():
    return sys.modules[pyside_hooks._FEATURE_MODULE]._mod_uses_pyside


def test_the_window_installs_the_cheaper_check():
    assert getattr(_hook(), "reads_bytes", False)
    assert pyside_hooks.install()  # a second time changes nothing
    assert _hook().original is not None and not getattr(_hook().original, "reads_bytes", False)


def test_it_answers_as_pyside6_does_for_every_loaded_module():
    hook = _hook()
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    answers = {m.__name__: hook(m) for m in modules}
    assert answers == {m.__name__: hook.original(m) for m in modules}
    assert answers["ui.main_window"] and not answers["app.wire"]  # both answers occur


def test_a_module_without_a_readable_source_gets_pyside6s_own_answer(tmp_path):
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # no such file
    compiled = types.ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "compiled.cpython-311-x86_64-linux-gnu.so")
    for module in (gone, compiled, types.ModuleType("builtin_like")):
        assert _hook()(module) is _hook().original(module) is False
