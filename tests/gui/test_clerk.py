"""The clerk on shift: asked for when the window opens (nobody set INTAKE_CLERK), the usual
clerk proposed, shown in the status bar, changed from the Intake menu, and on the audit trail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.audit import CLERK_CHANGED
from app.clerks import ClerkRoster
from ui.features.clerk import ENV_CLERK


@pytest.fixture(autouse=True)
def _nobody_named(monkeypatch):
    monkeypatch.delenv(ENV_CLERK, raising=False)


def dialog_of(qtbot, win):
    shift = win.clerk_shift
    qtbot.waitUntil(lambda: shift.dialog is not None and shift.dialog.isVisible())
    return shift.dialog


def ok_button(dialog):
    return dialog.findChild(type(dialog.buttons.buttons()[0]), "clerkOk")


def test_the_window_asks_who_is_on_shift_and_proposes_the_last_one(qtbot, tmp_path, open_window):
    roster = ClerkRoster(tmp_path / "data" / "clerks.json")
    roster.start_shift("Bo")
    roster.start_shift("Ana")
    win = open_window()
    dialog = dialog_of(qtbot, win)
    assert [dialog.combo.itemText(i) for i in range(dialog.combo.count())] == ["Ana", "Bo"]
    assert dialog.combo.currentText() == "Ana"
    assert win.clerk == ""

    dialog.combo.setEditText("  ")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.message.text()  # an empty name is refused, with the reason

    dialog.combo.setEditText("Carla  Diaz")
    with qtbot.waitSignal(win.clerk_shift.changed) as changed:
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert changed.args == ["Carla Diaz"] and win.clerk == "Carla Diaz"
    assert "Carla Diaz" in win.statusBar().findChild(QLabel, "clerk").text()
    qtbot.waitUntil(lambda: roster.names() == ["Carla Diaz", "Ana", "Bo"])


def test_change_clerk_from_the_intake_menu_is_audited(qtbot, open_window):
    win = open_window()
    first = dialog_of(qtbot, win)
    first.combo.setEditText("Ana")
    qtbot.mouseClick(ok_button(first), Qt.MouseButton.LeftButton)
    assert win.change_clerk_action in win.intake_menu.actions()

    win.change_clerk_action.trigger()
    dialog = dialog_of(qtbot, win)
    assert dialog is not first and dialog.combo.currentText() == "Ana"
    dialog.combo.setEditText("Bo")
    with qtbot.waitSignal(win.clerk_shift.changed):
        dialog.accept()
    assert win.clerk == "Bo"
    audit = win.session.audit
    qtbot.waitUntil(lambda: win.session.ledger.idle and len(audit.entries(event=CLERK_CHANGED)) == 2)
    assert [e.clerk for e in audit.entries(event=CLERK_CHANGED, newest_first=False)] == ["Ana", "Bo"]


def test_a_cancelled_change_keeps_the_clerk(qtbot, open_window):
    win = open_window()
    first = dialog_of(qtbot, win)
    first.combo.setEditText("Ana")
    first.accept()
    win.change_clerk_action.trigger()
    dialog = dialog_of(qtbot, win)
    dialog.combo.setEditText("Bo")
    dialog.reject()
    qtbot.waitUntil(lambda: win.clerk_shift.dialog is None)
    assert win.clerk == "Ana"


def test_demo_mode_needs_no_answer(qtbot, open_window):
    win = open_window(demo=True)
    assert win.clerk == "Demo clerk"
    assert "Demo clerk" in win.statusBar().findChild(QLabel, "clerk").text()
