"""The window against odd server values: a Retry-After of 10**300 from the sandbox, odd times
stored in the outbox, and errors that would stack dialogs."""

from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QMessageBox

from app import wire
from app.api.client import MAX_RETRY_AFTER
from app.wizard import REVIEW
from tests.support.bodies import customer_body
from ui import launch
from ui.outbox_panel import COLUMNS
from ui.selftest import SAMPLE, fill_window

TEN_TO_300 = "1" + "0" * 300


def cell(panel, row: int, column: str) -> str:
    return panel.table.item(row, COLUMNS.index(column)).text()


def test_a_retry_after_of_ten_to_the_300_waits_an_hour_at_most(open_window, qtbot, sandbox):
    window = open_window()
    sandbox.script_faults([{"status": 429, "retry_after": TEN_TO_300, "path": "/customers", "method": "POST"}])
    fill_window(window, SAMPLE)
    window.go_to(REVIEW)
    before = time.time()
    with qtbot.waitSignal(window.session.submitted, timeout=10000) as blocker:
        window.submit_button.click()
    outcome, entry = blocker.args
    assert outcome == "queued"
    assert before < entry.next_attempt_at <= time.time() + MAX_RETRY_AFTER
    panel = window.show_outbox()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert cell(panel, 0, "next_attempt") not in ("", "—")
    assert "3600 s" in cell(panel, 0, "last_error")


def test_odd_times_stored_in_the_outbox_are_shown_as_unknown(open_window, qtbot, sandbox):
    window = open_window()
    outbox = window.station.outbox
    for number, odd in enumerate((1e300, float("inf"))):
        entry_id = outbox.enqueue(customer_body(**{wire.STATE_ID: f"ODD{number:04d}"}))
        outbox.schedule_retry(entry_id, next_attempt_at=odd, error="odd", uncertain=False)
    panel = window.show_outbox()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    assert [cell(panel, row, "next_attempt") for row in range(2)] == ["—", "—"]
    assert panel.send_button.isEnabled()


def test_errors_while_the_error_dialog_is_open_do_not_stack_dialogs(qtbot, monkeypatch):
    previous = sys.excepthook
    try:
        launch._install_excepthook()
        hook = sys.excepthook
    finally:
        sys.excepthook = previous
    shown: list[str] = []

    def warning(parent, title, text):
        shown.append(text)
        if len(shown) == 1:  # while the first dialog is open, the same error happens again and again
            for _ in range(3):
                hook(OverflowError, OverflowError("date value out of range"), None)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    hook(OverflowError, OverflowError("date value out of range"), None)
    assert len(shown) == 1 and "OverflowError" in shown[0]
    hook(ValueError, ValueError("later"), None)  # once closed, the next error is told again
    assert len(shown) == 2
