"""The audit trail of the window's life: drafts started, intakes submitted, created or refused,
clerks changing shift, consents recorded; and Tools → Audit trail… to read and check it.

``install(window)`` opens the station's ``AuditLog`` as ``window.session.audit``. Events are
written off the UI thread, one after another in the order they happened, through the
window's *ledger* (``ledger(window)``): a queue of disk writes that the consent feature also
uses, so a consent recorded before a submit is also logged before it. ``post_event`` is the
way for any feature to add an event; a failure to write is reported in the status bar and
never interrupts the clerk.

The events of a Submit and of the background sending come from ``app.intake_events``, which
the command line uses too. Events name the intake by its draft id (the one id an intake has
from its first keystroke to its creation; the outbox keeps it beside its own entry id),
falling back to the outbox entry id for intakes that never had a draft. Details carry counts,
codes and field names only: ``app.audit`` refuses anything else.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from app.audit import DRAFT_RESUMED, DRAFT_STARTED, AuditError, AuditLog
from app.credentials import CredentialsError
from app.intake_events import (
    canonical_intake_id,
    intake_id_of,  # noqa: F401  # the consent feature takes it from here
    submit_events,
    sync_events,
)
from ui.features.menu import add_action
from ui.tasks import run_task

log = logging.getLogger(__name__)

NO_CLERK = "no clerk on shift"
"""The clerk written on events that happen before anyone took the shift (AuditLog wants a name)."""


class Ledger(QObject):
    """Disk writes that must keep their order, run one at a time off the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[tuple[Callable[[], Any], Callable[[Any], None] | None,
                                 Callable[[BaseException], None] | None]] = deque()
        self._running = False

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._queue.append((fn, on_done, on_error))
        if not self._running:
            self._next()

    @property
    def idle(self) -> bool:
        return not self._running and not self._queue

    def _next(self) -> None:
        if not self._queue:
            self._running = False
            return
        self._running = True
        fn, on_done, on_error = self._queue.popleft()

        def done(result: Any) -> None:
            if not isValid(self):
                return  # the window is gone: nobody to tell, nothing more to start
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self._next()

        def error(exc: BaseException) -> None:
            if not isValid(self):
                log.error("ledger write failed after the window closed: %s", type(exc).__name__)
                return
            try:
                if on_error is not None:
                    on_error(exc)
                else:
                    log.error("ledger write failed: %s", type(exc).__name__)
            finally:
                self._next()

        run_task(fn, done, error)

    def finish_now(self) -> None:
        """At exit: write what still waits, here and now (the event loop that would start it is ending)."""
        while self._queue:
            fn, _on_done, _on_error = self._queue.popleft()
            try:
                fn()
            except Exception as exc:  # at exit a failed write is logged, not raised
                log.error("ledger write failed at exit: %s", type(exc).__name__)


def ledger(window) -> Ledger:
    """The window's ordered queue of disk writes (created on first use)."""
    session = window.session
    queue = getattr(session, "ledger", None)
    if queue is None:
        queue = Ledger(session)
        session.ledger = queue
    return queue


def clerk_of(window) -> str:
    return getattr(window, "clerk", "") or NO_CLERK


def post_event(
    window,
    event: str,
    *,
    intake_id: str | None = None,
    customer_id: str | int | None = None,
    details: Mapping[str, Any] | None = None,
    clerk: str | None = None,
) -> None:
    """Append one event to the window's audit log, in order, off the UI thread; nothing if the
    audit feature is not installed. The clerk is the one on shift now, unless given."""
    audit: AuditLog | None = getattr(window.session, "audit", None)
    if audit is None:
        return
    who = clerk or clerk_of(window)
    intake = canonical_intake_id(intake_id)

    def write() -> None:
        audit.append(event, clerk=who, intake_id=intake, customer_id=customer_id, details=details)

    def failed(exc: BaseException) -> None:
        # The reason is a class name or our own sentence: neither carries personal data.
        log.error("audit event %s not written: %s", event, type(exc).__name__)
        reason = str(exc) if isinstance(exc, AuditError) else type(exc).__name__
        window.statusBar().showMessage(window.tr("The audit trail could not be written: %s") % reason, 10000)

    ledger(window).run(write, None, failed)


class AuditRecorder(QObject):
    """Turns the session's signals into audit events."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        session = window.session
        self._new_draft_expected = session.draft_id is None
        self._drafts_seen: set[str] = set()
        self._reported: set[str] = set()  # outbox entries whose outcome was logged from the submit
        window.intake_changed.connect(self._edited)
        session.saved.connect(self._saved)
        session.submitted.connect(self._submitted)
        session.synced.connect(self._synced)

    def _edited(self) -> None:
        # An edit with no draft id means the coming save creates the draft.
        if self.window.session.draft_id is None:
            self._new_draft_expected = True

    def _saved(self, draft_id: str) -> None:
        if draft_id in self._drafts_seen:
            return
        self._drafts_seen.add(draft_id)
        event = DRAFT_STARTED if self._new_draft_expected else DRAFT_RESUMED
        self._new_draft_expected = False
        post_event(self.window, event, intake_id=draft_id,
                   details={"step": _step_key(self.window)})

    def _submitted(self, outcome: str, entry) -> None:
        self._reported.add(entry.id)
        self._post(submit_events(outcome, entry))

    def _post(self, events) -> None:
        for e in events:
            post_event(self.window, e.event, intake_id=e.intake_id, customer_id=e.customer_id, details=e.details)

    def _synced(self, report) -> None:
        # A submit emits its drain's report just before its own outcome: look at the report
        # once that has been handled, so a created intake is logged once, after "submitted".
        QTimer.singleShot(0, self, lambda: self._created_in_background(report))

    def _created_in_background(self, report) -> None:
        done = [*getattr(report, "created", []), *getattr(report, "updated", [])]
        skip = {c.entry_id for c in done if c.entry_id in self._reported}
        self._reported -= skip
        self._post(sync_events(report, skip))


def _step_key(window) -> str:
    from app.wizard import STEP_KEYS

    return STEP_KEYS[window.wizard.current]


def open_viewer(window) -> None:
    from ui.audit_viewer import AuditViewer

    viewer = getattr(window, "audit_viewer", None)
    if viewer is None:
        viewer = AuditViewer(window.session.audit, clerk=lambda: clerk_of(window), parent=window)
        window.audit_viewer = viewer
    viewer.reload()
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()


def install(window) -> None:
    try:
        # opened off the UI thread by start-up (ui.startup) when it could: a keyring read and a file
        opened = getattr(window, "opened_off_ui_thread", {}).pop("audit", None)
        window.session.audit = opened or AuditLog.open(window.config, window.station.secrets)
    except (OSError, sqlite3.Error, CredentialsError) as exc:
        # The station works without its audit trail rather than not at all; say so plainly.
        log.error("audit trail unavailable: %s", type(exc).__name__)
        window.session.audit = None
        window.statusBar().showMessage(window.tr("The audit trail cannot be opened: %s") % exc)
        return
    queue = ledger(window)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(queue.finish_now)
    window.audit_recorder = AuditRecorder(window)
    window.audit_action = add_action(window, window.tools_menu, window.tr("&Audit trail…"), "auditTrail",
                                     lambda: open_viewer(window))
