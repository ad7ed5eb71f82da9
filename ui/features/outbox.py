"""The outbox in the window: the connection and queue indicators in the status bar, the
Tools ▸ Outbox… panel, and the clean-up of long-created entries at start.

The connection state is what the last contact with the POS showed (a sync report, a submit's
outcome) together with the outbox's persisted pause flag; the queue is re-counted off the UI
thread after every sync, submit and panel action.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QToolButton
from shiboken6 import isValid

from app.credentials import CredentialsError
from ui.features.menu import add_action
from ui.i18n import tr_stored
from ui.outbox_panel import OutboxPanel
from ui.tasks import run_task
from ui.widgets.field_row import set_status

log = logging.getLogger(__name__)

# Created entries hold no personal data any more; they stay listed for a few days so a clerk
# can still see "Created #123" for this week's intakes.
CREATED_RETENTION_DAYS = 3


class Connection(StrEnum):
    UNKNOWN = "unknown"
    ONLINE = "online"
    OFFLINE = "offline"
    SERVER_TROUBLE = "server_trouble"
    PAUSED = "paused"
    NO_KEY = "no_key"


_STATUS = {
    Connection.UNKNOWN: "hint",
    Connection.ONLINE: "ok",
    Connection.OFFLINE: "warning",
    Connection.SERVER_TROUBLE: "warning",
    Connection.PAUSED: "error",
    Connection.NO_KEY: "error",
}


class OutboxStatus(QObject):
    """The two status-bar widgets and what they show. ``connection`` and ``queue`` are their
    object names; ``state`` and ``counts`` what they were last told."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state = Connection.UNKNOWN
        self.pause_message: str | None = None
        self.counts: dict[str, int] = {}
        self._generation = 0
        bar = window.statusBar()
        self.connection = QLabel(bar)
        self.connection.setObjectName("connection")
        self.queue = QToolButton(bar)
        self.queue.setObjectName("queue")
        self.queue.setAutoRaise(True)
        # Not a Tab stop (Tab stays within the step's fields and buttons); Ctrl+Shift+O opens the outbox.
        self.queue.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.queue.setToolTip(window.tr("Open the outbox (Ctrl+Shift+O)"))
        bar.addPermanentWidget(self.connection)
        bar.addPermanentWidget(self.queue)
        session = window.session
        session.synced.connect(self.on_report)
        session.submitted.connect(self.on_submitted)
        self._render()

    # --- what the POS showed ---------------------------------------------------------
    def on_report(self, report) -> None:
        if report.paused:
            self.state, self.pause_message = Connection.PAUSED, report.pause_message
        elif report.busy:
            pass  # another sender did the work: it says nothing about the connection
        elif report.offline:
            self.state = Connection.OFFLINE
        elif report.stopped_reason in ("server", "rate_limited"):
            self.state = Connection.SERVER_TROUBLE
        elif report.attempted:
            self.state = Connection.ONLINE
        # A drain with nothing due contacted nobody: the last known state stands.
        self.refresh()

    def on_submitted(self, outcome: str, entry) -> None:
        if outcome in ("created", "needs_attention"):
            self.state = Connection.ONLINE  # the POS answered
        self.refresh()

    # --- counting ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-count the outbox and re-read the pause flag and the key's presence, off the UI thread."""
        self._generation += 1
        generation = self._generation
        station = self.window.station
        outbox = station.outbox

        def work() -> tuple[dict[str, int], str | None, bool]:
            try:
                station.api_key()
                has_key = True
            except CredentialsError:
                has_key = False
            return outbox.counts(), outbox.paused(), has_key

        def done(result) -> None:
            if not isValid(self.connection) or generation != self._generation:
                return
            counts, paused, has_key = result
            self.counts = counts
            if paused:
                self.state, self.pause_message = Connection.PAUSED, paused
            elif not has_key:
                self.state = Connection.NO_KEY
            elif self.state in (Connection.PAUSED, Connection.NO_KEY):
                self.state = Connection.UNKNOWN  # lifted: the next contact tells
            self._render()

        def failed(exc: BaseException) -> None:
            log.warning("counting the outbox failed: %s", type(exc).__name__)

        run_task(work, done, failed)

    # --- rendering -------------------------------------------------------------------
    def connection_text(self) -> str:
        tr = self.window.tr
        return {
            Connection.UNKNOWN: tr("POS not contacted yet"),
            Connection.ONLINE: tr("Online"),
            Connection.OFFLINE: tr("Offline — intakes are kept and sent when the POS is reachable"),
            Connection.SERVER_TROUBLE: tr("The POS server is having trouble — intakes are kept and retried"),
            Connection.PAUSED: tr("Paused: the POS refused the API key"),
            Connection.NO_KEY: tr("Paused: no API key is stored for this station"),
        }[self.state]

    def queue_text(self) -> str:
        tr = self.window.tr
        counts = self.counts
        waiting = counts.get("queued", 0) + counts.get("uploading", 0) + counts.get("posting", 0)
        attention = counts.get("needs_attention", 0) + counts.get("failed", 0)
        parts = []
        if waiting:
            parts.append(tr("%d waiting") % waiting)
        if attention:
            parts.append(tr("1 needs attention") if attention == 1 else tr("%d need attention") % attention)
        return tr("Outbox: %s") % (", ".join(parts) if parts else tr("nothing waiting"))

    def _render(self) -> None:
        self.connection.setText(self.connection_text())
        set_status(self.connection, _STATUS[self.state])
        tip = tr_stored(self.pause_message) if self.state == Connection.PAUSED else ""
        self.connection.setToolTip(tip or "")
        self.connection.setAccessibleName(self.connection.text())
        text = self.queue_text()
        self.queue.setText(text)
        self.queue.setAccessibleName(text)
        attention = self.counts.get("needs_attention", 0) + self.counts.get("failed", 0)
        set_status(self.queue, "error" if attention else "")


def install(window) -> None:
    status = OutboxStatus(window)
    window.outbox_status = status
    window.outbox_panel = None

    def show_panel() -> OutboxPanel:
        if window.outbox_panel is None:
            panel = OutboxPanel(window)
            panel.changed.connect(status.refresh)
            window.outbox_panel = panel
        window.outbox_panel.present()
        return window.outbox_panel

    window.show_outbox = show_panel
    window.outbox_action = add_action(window, window.tools_menu, window.tr("&Outbox…"), "outbox.action", show_panel,
                                      shortcut="Ctrl+Shift+O")
    status.queue.clicked.connect(show_panel)
    QTimer.singleShot(0, lambda: _start(window))


def _start(window) -> None:
    if not isValid(window):
        return
    outbox = window.station.outbox
    status = window.outbox_status

    def done(forgotten: int) -> None:
        if forgotten:
            log.info("removed %d created outbox entries older than %d days", forgotten, CREATED_RETENTION_DAYS)
        if isValid(status.connection):
            status.refresh()

    run_task(lambda: outbox.forget_created(CREATED_RETENTION_DAYS), done,
             lambda exc: log.warning("cleaning the outbox failed: %s", type(exc).__name__))
