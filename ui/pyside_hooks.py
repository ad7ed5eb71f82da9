"""A cheaper answer to the question PySide6 asks of every module imported after it.

For its ``__feature__`` imports PySide6 notes, for each module imported once it is loaded,
whether the module's source mentions "PySide6" (``_mod_uses_pyside``). It reads the source
with ``inspect.getsource``: the whole file decoded, split into lines and kept in the line
cache, some 0.3 ms a module, about 60 ms of the window's start-up (its ~300 modules, most of
them imported while it opens). ``install`` answers the same question by searching the file's
bytes; a module without a ``.py`` file still gets PySide6's own answer. Without that hook (another
PySide6), nothing is changed. Imported first by ``ui.app_setup``, right after PySide6.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads the hook this module replaces)

_FEATURE_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def install() -> bool:
    """True when PySide6's check is (now) the cheaper one."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _HOOK, None)
    if not callable(original):
        return False
    if getattr(original, "reads_bytes", False):
        return True
    setattr(feature, _HOOK, uses_pyside_check(original))
    return True


def uses_pyside_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside


install()
