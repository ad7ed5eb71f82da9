"""The audit trail from the window: events of a submit→created flow in order, without personal
data; the viewer lists, filters, verifies and exports them, and names an altered event."""

from __future__ import annotations

import csv
import sqlite3
import uuid

import pytest
from PySide6.QtCore import Qt

from app import wire
from app.audit import CONSENT_RECORDED, CREATED, DRAFT_STARTED, SUBMITTED, AuditLog
from app.wizard import REVIEW
from ui.selftest import SAMPLE, fill_window


@pytest.fixture
def window(open_window):
    return open_window(demo=True)


def created_intake(qtbot, win):
    """One intake typed, autosaved, submitted and created; returns its id as the logs store it."""
    with qtbot.waitSignal(win.session.saved, timeout=5000):
        fill_window(win, SAMPLE)
    for _ in range(REVIEW):
        win.next()
    with qtbot.waitSignal(win.session.submitted, timeout=15000) as blocker:
        qtbot.mouseClick(win.submit_button, Qt.MouseButton.LeftButton)
    outcome, entry = blocker.args
    assert outcome == "created"
    intake_id = str(uuid.UUID(entry.draft_id))
    audit: AuditLog = win.session.audit
    qtbot.waitUntil(lambda: win.session.ledger.idle and any(e.event == CREATED for e in audit.entries()))
    return intake_id, entry


def test_a_created_intake_leaves_its_events_in_order(qtbot, window):
    intake_id, entry = created_intake(qtbot, window)
    audit: AuditLog = window.session.audit
    events = [(e.event, e.customer_id) for e in audit.entries(intake_id=intake_id, newest_first=False)]
    assert events == [
        (DRAFT_STARTED, None),
        (CONSENT_RECORDED, None),
        (SUBMITTED, None),
        (CREATED, str(entry.customer_id)),
    ]
    assert {e.clerk for e in audit.entries()} == {"Test clerk"}
    assert audit.verify() is None
    # No value the customer gave appears anywhere in the log, only names and codes.
    with open(audit.path, "rb") as handle:
        raw = handle.read()
    for name in (wire.FIRST_NAME, wire.LAST_NAME, wire.EMAIL, wire.CELL_PHONE, wire.STATE_ID):
        assert str(SAMPLE[name]).encode() not in raw


def test_the_viewer_lists_filters_verifies_and_exports(qtbot, window, tmp_path):
    created_intake(qtbot, window)
    audit: AuditLog = window.session.audit
    action = window.audit_action
    assert action in window.tools_menu.actions()
    action.trigger()
    viewer = window.audit_viewer
    qtbot.waitUntil(lambda: viewer.table.rowCount() == audit.count())
    events_shown = [viewer.table.item(r, 1).text() for r in range(viewer.table.rowCount())]
    assert events_shown == [e.event for e in audit.entries()]  # newest first
    assert CREATED in events_shown and SUBMITTED in events_shown

    with qtbot.waitSignal(viewer.loaded) as loaded:
        viewer.filter.setCurrentIndex(viewer.filter.findData(CREATED))
    assert loaded.args == [1] and viewer.table.item(0, 1).text() == CREATED

    with qtbot.waitSignal(viewer.verified) as verified:
        qtbot.mouseClick(viewer.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args == [0]
    assert "Verified" in viewer.status.text()

    target = tmp_path / "audit.csv"
    count = audit.count()
    with qtbot.waitSignal(viewer.exported) as exported:
        viewer.export_to(str(target))
    assert exported.args == [count]
    with open(target, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == count + 1
    assert audit.entries(limit=1)[0].event == "exported"  # the export itself is on record


def test_verify_names_the_first_altered_event(qtbot, window):
    created_intake(qtbot, window)
    audit: AuditLog = window.session.audit
    submitted = audit.entries(event=SUBMITTED)[0]
    with sqlite3.connect(audit.path) as conn:  # someone edits the file behind the program's back
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET clerk = 'Someone else' WHERE seq = ?", (submitted.seq,))
    window.audit_action.trigger()
    viewer = window.audit_viewer
    # The viewer's first load clears the status line: let it land before verifying.
    qtbot.waitUntil(lambda: viewer.table.rowCount() == audit.count())
    with qtbot.waitSignal(viewer.verified) as verified:
        qtbot.mouseClick(viewer.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args == [submitted.seq]
    assert f"#{submitted.seq}" in viewer.status.text()
