"""Drafts in the window: the banner at start, the drafts panel's Resume and Delete, and the
clean-up at start (old drafts, drafts of intakes already in the outbox, long-created entries)."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QMessageBox, QWidget

from app import wire
from app.drafts import DraftStore
from app.outbox import EntryState, Outbox
from app.station import Station
from app.storage import drafts_path, outbox_path
from ui.selftest import SAMPLE, fill_window

TYPED = {k: SAMPLE[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.EMAIL)}
DAY = 86400.0


def banner_text(window) -> str:
    return window.findChild(QWidget, "drafts_banner").text.text()


def rows(panel) -> list[tuple[str, ...]]:
    table = panel.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_banner_offers_the_draft_left_from_earlier_and_resume_restores_it(open_window, qtbot):
    first = open_window()
    with qtbot.waitSignal(first.session.saved, timeout=5000):
        fill_window(first, TYPED)
    qtbot.waitUntil(lambda: first.station.drafts.list() and first.station.drafts.list()[0].label != "(no name yet)")
    draft_id = first.session.draft_id
    open_window.shut_down(first)

    window = open_window()
    banner = window.drafts_banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.objectName() == "drafts_banner"
    assert banner_text(window) == "1 unfinished intake from earlier."
    assert window.wizard.value(wire.FIRST_NAME) == ""  # nothing was opened by itself

    banner.open_button.click()
    panel = window.drafts_panel
    assert panel.isVisible() and not banner.isVisible()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    label, _saved, step = rows(panel)[0]
    assert (label, step) == (f"{SAMPLE[wire.FIRST_NAME][0]}. {SAMPLE[wire.LAST_NAME]}", "Identity")

    panel.resume_button.click()
    qtbot.waitUntil(lambda: window.wizard.value(wire.FIRST_NAME) == SAMPLE[wire.FIRST_NAME])
    assert not panel.isVisible()
    assert window.session.draft_id == draft_id
    for name, value in TYPED.items():
        assert window.editor(name).value() == value

    # The draft on screen is not offered again.
    window.drafts_action.trigger()
    qtbot.waitUntil(lambda: panel.message.text() == "No unfinished intakes.")
    assert panel.table.rowCount() == 0


def test_delete_asks_first(open_window, qtbot):
    window = open_window()
    drafts = window.station.drafts
    drafts.save("a" * 32, {wire.FIRST_NAME: "Ana", wire.LAST_NAME: "Lee"}, "identity")
    drafts.save("b" * 32, {wire.FIRST_NAME: "Bo", wire.LAST_NAME: "Kim"}, "address")
    window.drafts_action.trigger()
    panel = window.drafts_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    assert [r[0] for r in rows(panel)] == ["B. Kim", "A. Lee"]  # the latest first
    assert rows(panel)[0][2] == "Address"
    assert panel.select("a" * 32)

    for answer in (QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard):
        panel.delete_button.click()
        qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "confirm_delete") is not None)
        box = panel.findChild(QMessageBox, "confirm_delete")
        assert "A. Lee" in box.text()
        box.button(answer).click()
        qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "confirm_delete") is None)
        if answer == QMessageBox.StandardButton.Cancel:
            assert drafts.exists("a" * 32)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert [r[0] for r in rows(panel)] == ["B. Kim"]
    assert not drafts.exists("a" * 32) and drafts.exists("b" * 32)


def test_start_purges_old_drafts_and_long_created_entries(open_window, qtbot):
    station = Station(open_window.config())  # the station the windows open, without a window
    retention = station.config.draft_retention_days
    long_ago = time.time() - (retention + 1) * DAY
    with DraftStore(drafts_path(station.data_dir), station.cipher, clock=lambda: long_ago) as old_drafts:
        old_drafts.save("0" * 32, {wire.FIRST_NAME: "Old", wire.LAST_NAME: "Draft"}, "identity")
    station.drafts.save("1" * 32, {wire.FIRST_NAME: "New", wire.LAST_NAME: "Draft"}, "identity")
    with Outbox(outbox_path(station.data_dir), station.cipher, clock=lambda: long_ago) as old_outbox:
        old_id = old_outbox.enqueue({wire.FIRST_NAME: "Old"})
        old_outbox.mark_created(old_id, 7, "verified")
    recent_id = station.outbox.enqueue({wire.FIRST_NAME: "Recent"})
    station.outbox.mark_created(recent_id, 8, "verified")
    station.close()

    window = open_window()
    qtbot.waitUntil(window.drafts_banner.isVisible)
    assert banner_text(window) == "1 unfinished intake from earlier."
    assert [d.id for d in window.station.drafts.list()] == ["1" * 32]
    qtbot.waitUntil(lambda: [e.id for e in window.station.outbox.entries()] == [recent_id])


def test_drafts_of_intakes_in_the_outbox_are_not_offered(open_window, qtbot):
    """A window closed while its intake was being sent leaves the draft behind; offering it
    would let the clerk send the same customer twice."""
    station = Station(open_window.config())  # the station the windows open, without a window
    ids = {name: name[0] * 32 for name in ("queued", "created", "attention", "free")}
    for name, draft_id in ids.items():
        station.drafts.save(draft_id, {wire.FIRST_NAME: name.title(), wire.LAST_NAME: "X"}, "identity")
    outbox = station.outbox
    outbox.enqueue({wire.FIRST_NAME: "Queued"}, draft_id=ids["queued"])
    created = outbox.enqueue({wire.FIRST_NAME: "Created"}, draft_id=ids["created"])
    outbox.mark_created(created, 9, "pending")
    refused = outbox.enqueue({wire.FIRST_NAME: "Attention"}, draft_id=ids["attention"])
    outbox.mark_needs_attention(refused, error="refused", field_errors={wire.STATE_ID: ["taken"]})
    assert outbox.get(refused).state == EntryState.NEEDS_ATTENTION
    station.close()

    window = open_window()
    qtbot.waitUntil(window.drafts_banner.isVisible)
    assert banner_text(window) == "1 unfinished intake from earlier."
    # Pending or created: the outbox has the intake, the draft goes. Refused: the draft stays
    # for the outbox's Open in form, but is not offered as a draft.
    assert {d.id for d in window.station.drafts.list()} == {ids["attention"], ids["free"]}
    panel = window.show_drafts()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert rows(panel)[0][0] == "F. X"
