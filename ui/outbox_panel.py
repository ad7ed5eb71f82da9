"""The outbox panel: every intake the station has accepted, what became of it, and what the
clerk can do about it (send again, correct it in the form, throw it away, send now, resume
after the API key was fixed).

Every read and write goes through ``run_task``; the panel only renders. Errors of the
outbox (an entry being sent, already gone, in the wrong state) become a plain message in
the panel, never a traceback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
)
from shiboken6 import isValid

from app import wire
from app.outbox import RETRYABLE_STATES, EntryBusy, EntryKind, EntryNotFound, EntryState, OutboxEntry, WrongState
from app.validation import FORM
from app.wizard import IntakeWizard
from ui.i18n import tr_stored
from ui.tasks import run_task
from ui.widgets.field_row import set_status
from ui.widgets.list_panel import ID_ROLE, ListPanel

log = logging.getLogger(__name__)

_CONTEXT = "Outbox"
COLUMNS = ("customer", "state", "attempts", "next_attempt", "last_error")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def format_time(epoch: float, now: float | None = None) -> str:
    """A moment as the clerk reads it: the time alone today, date and time otherwise; "—" for a
    stored value that is no moment (NaN, infinite, past the year 9999)."""
    try:
        day = datetime.fromtimestamp(epoch).date()
        moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    except (OverflowError, OSError, ValueError, TypeError):
        return "—"
    locale = QLocale()
    today = datetime.fromtimestamp(time.time() if now is None else now).date()
    if day == today:
        return locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def state_text(entry: OutboxEntry) -> str:
    """The entry's state in the clerk's words."""
    state = entry.state
    update = entry.kind == EntryKind.UPDATE
    if state == EntryState.QUEUED:
        return _tr("Update waiting to send") if update else _tr("Waiting to send")
    if state == EntryState.UPLOADING:
        return _tr("Sending documents")
    if state == EntryState.POSTING:
        return _tr("Sending")
    if state == EntryState.CREATED and update:
        return _tr("Updated #%1").replace("%1", str(entry.customer_id))
    if state == EntryState.CREATED:
        if entry.customer_status:
            return _tr("Created #%1 (%2)").replace("%1", str(entry.customer_id)).replace(
                "%2", _tr(entry.customer_status))
        return _tr("Created #%1").replace("%1", str(entry.customer_id))
    if state == EntryState.NEEDS_ATTENTION:
        return _tr("Needs attention")
    return _tr("Failed")


def next_attempt_text(entry: OutboxEntry, now: float | None = None) -> str:
    if not entry.pending:
        return "—"
    now = time.time() if now is None else now
    if entry.next_attempt_at <= now:
        return _tr("Now")
    return format_time(entry.next_attempt_at, now)


def entry_label(entry: OutboxEntry) -> str:
    # A created entry's personal data is gone from the station; only the POS id remains.
    return entry.label or ("—" if entry.state == EntryState.CREATED else _tr("(no name)"))


def outbox_error_text(exc: BaseException) -> str:
    """What the clerk reads when an action on an entry is refused."""
    if isinstance(exc, EntryBusy):
        return _tr("This intake is being sent right now. Try again when the send has finished.")
    if isinstance(exc, EntryNotFound):
        return _tr("This intake is no longer in the outbox (it was discarded or cleaned up).")
    if isinstance(exc, WrongState):
        return _tr("That cannot be done to this intake any more: %1").replace("%1", str(exc))
    return _tr("The outbox could not be changed: %1").replace("%1", type(exc).__name__)


class OutboxPanel(ListPanel):
    """Every entry of the outbox. ``changed`` is emitted after an action changed the outbox
    (the status bar re-counts)."""

    def __init__(self, window, parent=None) -> None:
        super().__init__(window, parent, name="outbox_panel", size=(900, 420))
        self.setWindowTitle(self.tr("Outbox"))
        self.entries: list[OutboxEntry] = []
        self.paused_message: str | None = None
        self._build()
        session = window.session
        session.synced.connect(self._refresh_if_shown)
        session.submitted.connect(self._refresh_if_shown)

    # --- construction ---------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.pause_note = QLabel(self)
        self.pause_note.setObjectName("outbox_paused")
        self.pause_note.setWordWrap(True)
        self.pause_note.hide()
        layout.addWidget(self.pause_note)

        headers = (self.tr("Customer"), self.tr("State"), self.tr("Attempts"), self.tr("Next attempt"),
                   self.tr("Last error"))
        self.table = self._make_table("outbox_table", self.tr("Intakes in the outbox"), headers,
                                      stretch=len(headers) - 1, activated=self._open_selected_if_possible)
        layout.addWidget(self.table, 1)

        self.empty_note = QLabel(self.tr("The outbox is empty: every intake has been sent."), self)
        self.empty_note.setObjectName("outbox_empty")
        self.empty_note.setProperty("status", "hint")
        self.empty_note.hide()
        layout.addWidget(self.empty_note)

        self.message = self._make_message("outbox_message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.retry_button = self._button("retry", self.tr("&Retry"), self.retry_selected, buttons,
                                         self.tr("Send the selected intake again as it is"))
        self.open_button = self._button("open", self.tr("&Open in form"), self.open_selected, buttons,
                                        self.tr("Put the selected intake back in the form to correct it"))
        self.discard_button = self._button("discard", self.tr("&Discard…"), self.discard_selected, buttons,
                                           self.tr("Remove the selected intake from the outbox"))
        buttons.addStretch(1)
        self.resume_button = self._button("resume", self.tr("Res&ume sending"), self.resume_sending, buttons,
                                          self.tr("Send again after an admin stored the right API key"))
        self.send_button = self._button("send_now", self.tr("&Send now"), self.send_now, buttons,
                                        self.tr("Try every waiting intake now"))
        close = self._button("close", self.tr("Close"), self.close, buttons)
        close.setDefault(False)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- showing --------------------------------------------------------------------
    def _refresh_if_shown(self, *_args: Any) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self, on_done: Callable[[], None] | None = None) -> None:
        """Re-read the outbox off the UI thread; a later refresh wins over an earlier one."""
        outbox = self.main_window.station.outbox

        def work() -> tuple[list[OutboxEntry], str | None]:
            return outbox.entries(), outbox.paused()

        self._read(work, lambda result: self._render(*result), "the outbox",
                   self.tr("The outbox could not be read: %s"), on_done)

    def _render(self, entries: list[OutboxEntry], paused: str | None) -> None:
        selected = self.selected_id()
        self.entries = entries
        self.paused_message = paused
        now = time.time()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry_label(entry),
                state_text(entry),
                str(entry.attempts),
                next_attempt_text(entry, now),
                tr_stored(entry.last_error),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, entry.id)
                if column == 4 and text:
                    item.setToolTip(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if entry.id == selected:
                self.table.selectRow(row)
        if selected is None and entries:
            # The entries that need the clerk first, so Enter on the list does something useful.
            first = next((i for i, e in enumerate(entries) if e.state in RETRYABLE_STATES), None)
            self.table.selectRow(first if first is not None else 0)
        self.table.resizeRowsToContents()
        self.empty_note.setVisible(not entries)
        if paused:
            self.pause_note.setText(self.tr("Sending is paused. %s") % paused)
            set_status(self.pause_note, "error")
        self.pause_note.setVisible(bool(paused))
        self._update_buttons()

    def selected_entry(self) -> OutboxEntry | None:
        wanted = self.selected_id()
        return next((e for e in self.entries if e.id == wanted), None)

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        fixable = entry is not None and entry.state in RETRYABLE_STATES
        self.retry_button.setEnabled(fixable)
        self.open_button.setEnabled(fixable)
        self.discard_button.setEnabled(entry is not None and entry.state not in (EntryState.UPLOADING,
                                                                                  EntryState.POSTING))
        self.resume_button.setVisible(bool(self.paused_message))
        self.send_button.setEnabled(not self.paused_message and any(e.pending for e in self.entries))

    # --- actions --------------------------------------------------------------------
    def _act(self, work: Callable[[], Any], done_text: str, *, then_sync: bool = False) -> None:
        """Run one change to the outbox, then report, re-read and re-count."""

        def done(_result) -> None:
            if not isValid(self):
                return
            self.show_message(done_text, "hint")
            self.changed.emit()
            self.refresh()
            if then_sync:
                self.send_now(report=False)

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.show_message(outbox_error_text(exc), "error")
            self.changed.emit()
            self.refresh()

        run_task(work, done, failed)

    def retry_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        outbox = self.main_window.station.outbox
        self._act(lambda: outbox.retry(entry.id), self.tr("Sending the intake again."), then_sync=True)

    def discard_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Discard intake"),
                          self.tr("Remove %s from the outbox? What was typed for this intake is lost.")
                          % entry_label(entry),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm_discard")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        outbox = self.main_window.station.outbox

        def answered(result: int) -> None:
            box.deleteLater()
            if result == QMessageBox.StandardButton.Discard:
                self._act(lambda: outbox.discard(entry.id), self.tr("The intake was removed from the outbox."))

        box.finished.connect(answered)
        box.open()  # window-modal, but the event loop keeps running

    def send_now(self, *, report: bool = True) -> None:
        """Try every pending entry now, whatever its backoff says (a person asked)."""
        syncer = self.main_window.station.syncer
        session = self.main_window.session
        if report:
            self.show_message(self.tr("Sending…"), "hint")

        def done(result) -> None:
            session.synced.emit(result)  # the status bar and this panel follow every drain
            if isValid(self) and report:
                self.show_message(_report_text(result), "error" if result.paused or result.offline else "hint")

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.show_message(self.tr("Nothing could be sent: %s") % _reason(exc), "error")
                self.changed.emit()

        run_task(lambda: syncer.drain(ignore_schedule=True), done, failed)

    def resume_sending(self) -> None:
        syncer = self.main_window.station.syncer
        self._act(syncer.resume, self.tr("Sending resumed."), then_sync=True)

    def _open_selected_if_possible(self) -> None:
        if self.open_button.isEnabled():
            self.open_selected()

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        outbox = self.main_window.station.outbox

        def work() -> tuple[OutboxEntry, dict[str, Any]]:
            current = outbox.get(entry.id)
            if current.state not in RETRYABLE_STATES:
                raise WrongState(_tr("it is %1 now").replace("%1", state_text(current).lower()))
            return current, outbox.body(entry.id)

        def done(result) -> None:
            current, body = result
            open_entry_in_form(self.main_window, current, body)
            if isValid(self):
                self.close()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.show_message(outbox_error_text(exc), "error")
                self.refresh()

        run_task(work, done, failed)


def open_entry_in_form(window, entry: OutboxEntry, body: dict[str, Any]) -> IntakeWizard:
    """Put a refused intake back in the window for correction: the next Submit resubmits the
    same outbox entry (its uploaded documents are kept there and sent again with it)."""
    session = window.session
    jurisdiction = window.station.config.jurisdiction
    wizard = IntakeWizard(jurisdiction)
    # Document references live in the entry itself, not in the form's values.
    wizard.fill({k: v for k, v in body.items() if k != wire.DOCUMENTS})
    if body.get(wire.TYPE):
        wizard.type_chosen = True
    session.open_entry(entry.id, wizard, entry.draft_id)
    wizard.add_errors(entry.field_errors)
    # The summary goes on the form only when no field carries the server's message: a
    # duplicate state ID is shown on state_id and disappears once that field is changed.
    form_errors = list(entry.form_errors)
    if not form_errors and not entry.field_errors and entry.last_error:
        form_errors = [tr_stored(entry.last_error)]
    if form_errors:
        wizard.add_errors({FORM: form_errors})
    window.show_problems()
    window.show_outcome(tr_stored(entry.last_error) or _tr("Correct the intake and submit it again."), "error")
    window.activateWindow()
    return wizard


def _report_text(report) -> str:
    if report.paused:
        return _tr("Sending is paused: %1").replace("%1", tr_stored(report.pause_message))
    if report.busy:
        return _tr("Another sender is working on the outbox right now.")
    if report.offline:
        return _tr("The POS is not reachable; the intakes wait in the outbox.")
    created = len(report.created)
    if report.attempted == 0:
        return _tr("Nothing was waiting to be sent.")
    parts = [_tr("Sent %1, created %2.").replace("%1", str(report.attempted)).replace("%2", str(created))]
    if report.needs_attention or report.failed:
        parts.append(_tr("%1 need attention.").replace("%1", str(len(report.needs_attention) + len(report.failed))))
    if report.retrying:
        parts.append(_tr("%1 will be retried.").replace("%1", str(len(report.retrying))))
    return " ".join(parts)


def _reason(exc: BaseException) -> str:
    from app.credentials import CredentialsError

    if isinstance(exc, CredentialsError | OSError):
        return str(exc)
    return type(exc).__name__
