"""The window's link to the station: autosave, submit, the background sync, new intake.

Every disk or network call goes through ``run_task``; the UI thread only renders.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app import wire
from app.api.errors import ApiError
from app.credentials import CredentialsError
from app.documents import DocumentData
from app.drafts import new_draft_id
from app.outbox import DocumentFile, EntryKind, EntryState
from app.sending_setup import SetupProblem, check_sending_setup
from app.station import Station
from app.validation import RecordInvalid
from app.wizard import STEP_KEYS, IntakeWizard
from ui.i18n import tr_message, tr_stored
from ui.main_window import MainWindow
from ui.tasks import run_task
from ui.widgets.groups import load_groups

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpdateTarget:
    """The POS customer the intake on screen updates (``IntakeSession.begin_update``)."""

    customer_id: int | str
    customer: dict[str, Any] = field(repr=False)  # as the POS returned it
    base_body: dict[str, Any] = field(repr=False)  # that record as the form would send it
    base_values: dict[str, Any] = field(repr=False)  # the form's values before the clerk's changes
# After a submit found another sender holding the outbox: when to send again.
_BUSY_RETRY_MS = 3000
# A submit that finds the window's own background drain sending waits this long for it (one
# request or two) before calling the intake queued.
_BUSY_WAIT_S = 2.0

AUTOSAVE_MS = 400
SYNC_INTERVAL_MS = 15000


class IntakeSession(QObject):
    """Signals: ``saved`` (draft id) after each autosave; ``submitted`` (outcome, entry) after a
    submit settles, outcome one of created / needs_attention / queued / failed; ``synced``
    (SyncReport) after each background drain."""

    saved = Signal(str)
    submitted = Signal(str, object)
    update_started = Signal(object)  # UpdateTarget, or None when the window is back to a new intake
    synced = Signal(object)
    failed = Signal(str)

    def __init__(self, station: Station, window: MainWindow, *, sync_interval_ms: int = SYNC_INTERVAL_MS) -> None:
        super().__init__(window)
        self.station = station
        self.window = window
        self.draft_id: str | None = None
        self.entry_id: str | None = None
        self.update_of: UpdateTarget | None = None
        self._saving = False
        self._save_again = False
        self._saved_docs_key: str | None = None
        self._syncing = False
        self.note = ""
        # Features look at a complete intake before it is queued (the duplicate check, the
        # consent record): gate(proceed) calls proceed() to go on, or nothing to stay.
        self._gates: list[Callable[[Callable[[], None]], None]] = []
        self._last_gates: list[Callable[[Callable[[], None]], None]] = []
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(sync_interval_ms)
        self._sync_timer.timeout.connect(self.sync_now)
        window.intake_changed.connect(self._autosave.start)
        window.submit_requested.connect(self.submit)
        window.new_intake_requested.connect(self.new_intake)

    def start(self) -> None:
        """Begin the background work: customer groups, then sending what waits in the outbox."""
        groups = self.window.editor(wire.MANUAL_GROUPS)
        load_groups(groups, self.station)
        self.window.group_names = lambda ids: _group_names(groups.groups(), ids)
        self._sync_timer.start()
        QTimer.singleShot(0, self.sync_now)

    # --- drafts ---------------------------------------------------------------------
    def _documents(self) -> list[tuple[DocumentData, str]]:
        return self.window.editor(wire.DOCUMENTS).documents()

    def save_now(self, on_done: Callable[[], None] | None = None) -> None:
        """Save the intake on screen as a draft, off the UI thread; one save at a time."""
        if self._saving:
            self._save_again = True
            return
        wizard = self.window.wizard
        if self.draft_id is None:
            self.draft_id = new_draft_id()
        draft_id = self.draft_id
        snapshot = wizard.snapshot()
        step = STEP_KEYS[wizard.current]
        docs = self._documents()
        docs_key = hashlib.sha256(
            b"".join(hashlib.sha256(d.data).digest() + kind.encode() + d.filename.encode() for d, kind in docs)
        ).hexdigest()
        write_docs = docs_key != self._saved_docs_key
        drafts = self.station.drafts

        def work() -> str:
            drafts.save(draft_id, snapshot, step)
            if write_docs:
                for old in drafts.documents(draft_id):
                    drafts.remove_document(draft_id, old.doc_id)
                for data, kind in docs:
                    drafts.add_document(draft_id, data.filename, data.content_type, kind, data.data)
            return docs_key

        def done(key: str) -> None:
            self._saving = False
            self._saved_docs_key = key
            self.saved.emit(draft_id)
            if on_done:
                on_done()
            if self._save_again:
                self._save_again = False
                self.save_now()

        def error(exc: BaseException) -> None:
            self._saving = False
            log.error("draft save failed: %s", type(exc).__name__)
            self.failed.emit(self.tr("The draft could not be saved: %s") % _reason(exc))

        self._saving = True
        run_task(work, done, error)

    def open_entry(self, entry_id: str, wizard: IntakeWizard, draft_id: str | None) -> None:
        """Show an outbox entry's intake for correction; the next Submit resubmits that entry."""
        self._flush_autosave()
        self._end_update()
        self.window.load_wizard(wizard)
        self.entry_id = entry_id
        self.draft_id = draft_id
        self._saved_docs_key = None

    def _flush_autosave(self) -> None:
        if self._autosave.isActive():
            self._autosave.stop()
            self.save_now()

    def resume(self, draft_id: str) -> None:
        """Open a saved draft in the window (the intake on screen is saved first)."""
        self._flush_autosave()

        def work():
            return self.station.drafts.load(draft_id)

        def done(draft) -> None:
            wizard = IntakeWizard.restore(draft.record, self.station.config.jurisdiction)
            docs = [(DocumentData(d.filename, d.content_type, d.data), d.doc_type) for d in draft.documents]
            self.draft_id = draft_id
            self.entry_id = None
            self._saved_docs_key = None
            self._end_update()
            self.window.load_wizard(wizard, docs)

        run_task(work, done, lambda exc: self.failed.emit(self.tr("The draft could not be opened: %s") % _reason(exc)))

    def new_intake(self) -> None:
        """Start a blank intake; the one on screen stays in drafts (saved first)."""
        self._flush_autosave()
        self.draft_id = None
        self.entry_id = None
        self._saved_docs_key = None
        self._end_update()
        self.window.load_wizard(IntakeWizard(self.station.config.jurisdiction))

    # --- updating a customer the POS holds ------------------------------------------
    def begin_update(self, customer: Mapping[str, Any], overlay: Mapping[str, Any] | None = None) -> UpdateTarget:
        """Edit ``customer`` (the POS's record) in the wizard, with ``overlay`` (what a scan just
        read) on top; the next Submit sends only what changed, as one update through the outbox."""
        from app.updates import record_of
        from app.validation import ValidationContext, build_body

        self._flush_autosave()
        wizard = IntakeWizard(self.station.config.jurisdiction)
        wizard.fill(record_of(customer))
        wizard.type_chosen = bool(customer.get(wire.TYPE))
        base_values = dict(wizard.values)
        try:  # the record as the form would send it; the policy is not the POS's (an expired recommendation)
            base_body = build_body(wizard.record(), ValidationContext(wizard.jurisdiction, policy=False))
        except RecordInvalid:  # the POS holds something the rules refuse: compare with the record as read
            base_body = record_of(customer)
        if overlay:
            wizard.fill({k: v for k, v in overlay.items() if v not in (None, "")})
        self.draft_id = None
        self.entry_id = None
        self._saved_docs_key = None
        self.update_of = UpdateTarget(customer[wire.RESP_ID], dict(customer), base_body, base_values)
        self.window.load_wizard(wizard)
        self.update_started.emit(self.update_of)
        return self.update_of

    def _end_update(self) -> None:
        if self.update_of is not None:
            self.update_of = None
            self.update_started.emit(None)

    def changed_names(self) -> set[str]:
        """The form fields the clerk changed from the POS's record (empty when not updating)."""
        target = self.update_of
        if target is None or self.window.wizard is None:
            return set()
        from app.updates import UPDATABLE_FIELDS

        values = self.window.wizard.values
        return {name for name, old in target.base_values.items()
                if name.split(".")[0] in UPDATABLE_FIELDS and values.get(name) != old}

    def update_changes(self) -> dict[str, Any] | None:
        """The update's body as it stands (only the changed fields); None when not updating or
        while the form has problems."""
        from app.updates import changed_fields

        if self.update_of is None:
            return None
        try:
            body = self.window.wizard.body()
        except RecordInvalid:
            return None
        return changed_fields(self.update_of.base_body, body)

    def _submit_update(self, body: dict[str, Any], docs: list[DocumentFile]) -> None:
        from app.audit import CHECKED_IN
        from app.consent import ConsentLog, applies_to
        from app.consent_withdrawals import withdraw, withdrawn_channels
        from app.updates import changed_fields

        target = self.update_of
        window = self.window
        if docs:
            window.show_outcome(self.tr("Documents cannot be added by an update: remove them here, and attach them "
                                        "in the POS."), "error")
            return
        changes = changed_fields(target.base_body, body)
        if not changes:
            from ui.features.audit import post_event

            post_event(window, CHECKED_IN, customer_id=target.customer_id)
            self._finish_intake()
            window.show_outcome(self.tr("Nothing changed: customer #%s checked in. Ready for the next customer.")
                                % target.customer_id, "ok")
            return
        if self.draft_id is None:
            self.draft_id = new_draft_id()
        draft_id, station, refused = self.draft_id, self.station, self.entry_id
        outbox, clerk = station.outbox, getattr(window, "clerk", "") or "clerk"
        gone = withdrawn_channels(target.customer, changes)
        audit = getattr(self, "audit", None)

        def work():
            check_sending_setup(station)
            if refused is not None and outbox.get(refused).state in (EntryState.NEEDS_ATTENTION, EntryState.FAILED):
                outbox.resubmit(refused, changes)  # the refused update, corrected (its withdrawals are recorded)
                entry_id = refused
            else:
                entry_id = outbox.enqueue_update(target.customer_id, changes, label_from=target.customer,
                                                 draft_id=draft_id)
            if gone and entry_id != refused:
                path = ConsentLog.open(station.config, station.cipher).path
                for channel in gone:
                    withdraw(path, station.cipher, channel, clerk=clerk, customer_id=target.customer_id,
                             intake_id=draft_id, applies_to=applies_to(target.customer, channel) or "", audit=audit)
            return self._send_queued(entry_id)

        window.set_busy(self.tr("Sending the update…"))
        run_task(work, self._submitted, self._submit_failed)

    # --- submit ---------------------------------------------------------------------
    def add_submit_gate(self, gate: Callable[[Callable[[], None]], None], *, last: bool = False) -> None:
        """Ask ``gate`` before a complete intake is queued; ``last`` gates run after the others
        (a consent is recorded only once the clerk has gone past every question)."""
        (self._last_gates if last else self._gates).append(gate)

    def remove_submit_gate(self, gate) -> None:
        for gates in (self._gates, self._last_gates):
            if gate in gates:
                gates.remove(gate)

    def submit(self, *, _gate: int = 0) -> None:
        window = self.window
        if _gate == 0 and window.busy.text():
            return  # a submit is already on its way (Enter pressed again)
        try:
            body = window.wizard.body()
        except RecordInvalid:
            window.show_problems()
            return
        gates = self._gates + self._last_gates
        if _gate < len(gates):
            gates[_gate](lambda: self.submit(_gate=_gate + 1))
            return
        docs = [DocumentFile(d.filename, d.content_type, kind, d.data) for d, kind in self._documents()]
        if docs:
            body.pop(wire.DOCUMENTS, None)
        if self.update_of is not None:
            self._submit_update(body, docs)
            return
        if self.draft_id is None:
            # The intake's id from now on, saved or not: the outbox keeps one entry per draft id,
            # so another Submit of this intake while its entry waits adds nothing.
            self.draft_id = new_draft_id()
        draft_id, entry_id = self.draft_id, self.entry_id
        station, outbox = self.station, self.station.outbox

        def work():
            # a setup that stops every send: nothing is queued (SetupProblem)
            check_sending_setup(station, documents=bool(docs))
            if entry_id is not None and outbox.get(entry_id).state in (EntryState.NEEDS_ATTENTION, EntryState.FAILED):
                outbox.resubmit(entry_id, body)
                target = entry_id
            else:
                target = outbox.enqueue(body, docs, draft_id=draft_id)
            return self._send_queued(target)

        window.set_busy(self.tr("Sending…"))
        run_task(work, self._submitted, self._submit_failed)

    def _send_queued(self, entry_id: str) -> tuple[str, Any, Any]:
        """On the worker, after queueing: send the entry now; (entry id, report, entry) for _submitted."""
        try:
            waited_until = time.monotonic() + _BUSY_WAIT_S
            report = self.station.syncer.drain(only=[entry_id])
            while report.busy and time.monotonic() < waited_until:
                time.sleep(0.05)
                report = self.station.syncer.drain(only=[entry_id])
        except Exception as exc:  # queued all the same: a later drain sends it
            log.warning("sending a submitted intake failed: %s", type(exc).__name__)
            report, self.note = None, _reason(exc)
        return entry_id, report, self.station.outbox.get(entry_id)

    def _submitted(self, result: tuple[str, Any, Any]) -> None:
        """The worker's answer. A created or queued intake: the form is reset for the next
        customer in stages (``MainWindow.load_wizard`` with ``then``), the outcome shown above
        it with the new page, and told (the status bar, the signals, the features listening) in
        a turn of its own once that page is painted, so no single turn of the event loop holds
        the window for all of it. The window stays busy until then (a second Submit waits)."""
        target, report, entry = result
        if entry.state == EntryState.CREATED:
            outcome = "created"
        elif entry.state == EntryState.NEEDS_ATTENTION:
            outcome = "needs_attention"
        elif entry.state == EntryState.FAILED:
            outcome = "failed"
        else:
            outcome = "queued"
        if outcome == "queued" and report is not None and report.busy and not self.note:
            # Another sender (the background round, another window, the command line) holds the
            # outbox: the POS was not even asked, so "not reachable" would be wrong.
            self.note = self.tr("another sender is sending the outbox right now; this intake goes with the next "
                                "round, in a few seconds")
        text = self.describe(outcome, entry)
        if outcome in ("created", "queued"):
            self._finish_intake(then=partial(self._tell, outcome, report, entry, text),
                                outcome=(text, "ok" if outcome == "created" else "warning"))
            return
        self.entry_id = target
        self.window.wizard.add_errors(entry.field_errors)
        if entry.form_errors or entry.last_error:
            self.window.wizard.add_errors({"_form": list(entry.form_errors) or [tr_stored(entry.last_error)]})
        self.window.show_problems()
        self.window.show_outcome(text, "error")
        self._tell(outcome, report, entry, text)

    def _tell(self, outcome: str, report, entry, text: str) -> None:
        if outcome == "queued" and report is not None and report.busy:
            QTimer.singleShot(_BUSY_RETRY_MS, lambda: self.sync_now())  # the next round, once told
        if outcome in ("created", "queued"):
            # The form is ready for the next customer; the last result stays readable below it.
            self.window.statusBar().showMessage(text)
        self.window.set_busy("")
        if report is not None:
            self.synced.emit(report)
        self.submitted.emit(outcome, entry)

    def _finish_intake(self, *, then: Callable[[], None] | None = None,
                       outcome: tuple[str, str] | None = None) -> None:
        draft_id = self.draft_id
        if draft_id is not None:
            drafts = self.station.drafts
            self._autosave.stop()
            run_task(lambda: drafts.delete(draft_id))
        self.draft_id = None
        self.entry_id = None
        self._saved_docs_key = None
        self._end_update()
        self.window.load_wizard(IntakeWizard(self.station.config.jurisdiction), then=then, outcome=outcome)

    def describe(self, outcome: str, entry) -> str:
        if getattr(entry, "kind", None) == EntryKind.UPDATE:
            return self._describe_update(outcome, entry)
        if outcome == "created":
            status = entry.customer_status or ""
            return self.tr("Customer created: #%s (%s). Ready for the next customer.") % (
                entry.customer_id, status)
        if outcome == "queued":
            note, self.note = self.note, ""
            if note:
                return self.tr("Saved in the outbox, not sent yet: %s") % note
            return self.tr("Saved for sending: the POS is not reachable now. The intake waits in the outbox "
                           "and is sent as soon as the connection is back.")
        if outcome == "needs_attention":
            if set(entry.field_errors) == {wire.STATE_ID} and not entry.form_errors:
                # nothing to fix when it is the same person: the customer is already in the POS
                return self.tr("The POS already holds a customer with this state ID. If the number is right, this "
                               "is a returning customer: open it with Find customer (Ctrl+F) to check it in or "
                               "update it; if not, correct the number and submit again.")
            return self.tr("The POS refused the record. Fix the fields marked below and submit again.")
        return self.tr("The intake could not be sent: %s") % tr_stored(entry.last_error)

    def _describe_update(self, outcome: str, entry) -> str:
        if outcome == "created":
            return self.tr("Customer #%s updated. Ready for the next customer.") % entry.customer_id
        if outcome == "queued":
            note, self.note = self.note, ""
            if note:
                return self.tr("The update is saved in the outbox, not sent yet: %s") % note
            return self.tr("The update waits in the outbox: the POS is not reachable now. It is sent as soon as "
                           "the connection is back.")
        if outcome == "needs_attention":
            return self.tr("The POS refused the update. Fix the fields marked below and submit again.")
        return self.tr("The update could not be sent: %s") % tr_stored(entry.last_error)

    def _submit_failed(self, exc: BaseException) -> None:
        self.window.set_busy("")
        if isinstance(exc, SetupProblem):
            self.save_now()  # kept in drafts too, not only on screen
            text = self.tr("Not queued: %s The intake stays here; submit it again once an admin has fixed "
                           "the setting.") % tr_message(exc.message)
        else:
            text = self.tr("The intake could not be queued: %s") % _reason(exc)
        self.window.show_outcome(text, "error")
        self.failed.emit(_reason(exc))

    # --- background sync ------------------------------------------------------------
    def sync_now(self, *, ignore_schedule: bool = False) -> None:
        """Drain the outbox in the background; ``ignore_schedule`` sends waiting entries now."""
        if self._syncing:
            return
        self._syncing = True
        syncer = self.station.syncer

        def done(report) -> None:
            self._syncing = False
            self.synced.emit(report)

        def error(exc: BaseException) -> None:
            self._syncing = False
            log.warning("background sync failed: %s", type(exc).__name__)

        run_task(lambda: syncer.drain(ignore_schedule=ignore_schedule), done, error)

    def stop(self) -> None:
        self._sync_timer.stop()
        if self._autosave.isActive():
            self._autosave.stop()
            wizard = self.window.wizard
            if self.draft_id is None:
                self.draft_id = new_draft_id()
            # at exit the last keystrokes are written synchronously: nothing typed is lost
            self.station.drafts.save(self.draft_id, wizard.snapshot(), STEP_KEYS[wizard.current])


def _group_names(groups, ids: list[int]) -> list[str]:
    names = {g.id: g.name for g in groups}
    return [names.get(i, f"#{i}") for i in ids]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ApiError):
        return exc.message
    if isinstance(exc, CredentialsError | OSError | ValueError):
        return str(exc)
    return type(exc).__name__
