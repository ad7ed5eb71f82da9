"""The menu entries features add to the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


def add_action(window, menu: QMenu, text: str, name: str, slot: Callable[[], object], *,
               shortcut: str | None = None, role: QAction.MenuRole | None = None) -> QAction:
    """An action of ``window`` at the end of ``menu``; ``name`` is its object name, by which
    tests and the stylesheet find it. The role, if any, is set before the action joins the menu
    (macOS moves an action by its role only then)."""
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if role is not None:
        action.setMenuRole(role)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
