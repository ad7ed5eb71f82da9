"""Tools → Audit trail…: the station's audit events in a table, a filter by event type, a check
that the hash chain holds, and an export to CSV for the store's compliance officer.

Reading, checking and exporting run off the UI thread; the table shows the newest events first.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from shiboken6 import isValid

from app.audit import EVENTS, EXPORTED, AuditEntry, AuditLog
from ui import file_dialogs
from ui.tasks import run_task
from ui.widgets.field_row import set_status

SHOWN_LIMIT = 500
COLUMNS = ("time", "event", "clerk", "intake_id", "customer_id", "details")


def local_time(at: str) -> str:
    """``2025-03-01T18:03:22.120+00:00`` as the station's local time, to the second."""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


def details_text(details) -> str:
    parts = []
    for key, value in sorted(dict(details or {}).items()):
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        parts.append(f"{key}: {shown}")
    return "; ".join(parts)


class AuditViewer(QDialog):
    """Signals: ``loaded`` (rows shown) after each reload; ``verified`` (first broken sequence
    number, 0 when every event holds); ``exported`` (rows written)."""

    loaded = Signal(int)
    verified = Signal(int)
    exported = Signal(int)

    def __init__(self, audit: AuditLog, *, clerk: Callable[[], str], parent=None) -> None:
        super().__init__(parent)
        self.audit = audit
        self._clerk = clerk
        self.setObjectName("auditViewer")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1100, 560)

        self.filter = QComboBox(self)
        self.filter.setObjectName("auditFilter")
        self.filter.addItem(self.tr("All events"), None)
        for event in EVENTS:
            self.filter.addItem(event.replace("_", " "), event)
        self.filter.setAccessibleName(self.tr("Show events"))
        filter_label = QLabel(self.tr("&Show:"), self)
        filter_label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(self.reload)

        self.verify_button = QPushButton(self.tr("&Verify"), self)
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.setToolTip(self.tr("Check that no event was altered or removed from the middle of the log"))
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self._ask_export)
        for button in (self.verify_button, self.export_button):
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", ""))

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Event"), self.tr("Clerk"), self.tr("Intake id"), self.tr("Customer id"),
            self.tr("Details"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.verify_button)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # --- the table ------------------------------------------------------------------
    def selected_event(self) -> str | None:
        return self.filter.currentData()

    _broken: int | None = None  # the first altered event Verify found, selected once listed

    def reload(self) -> None:
        audit, event = self.audit, self.selected_event()
        run_task(lambda: audit.entries(limit=SHOWN_LIMIT, event=event), self._show_entries, self._failed)

    def _show_entries(self, entries: list[AuditEntry]) -> None:
        if not isValid(self):
            return
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (local_time(entry.at), entry.event, entry.clerk, entry.intake_id or "",
                      "" if entry.customer_id is None else str(entry.customer_id), details_text(entry.details))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == len(values) - 1:
                    item.setToolTip(_json(entry.details))
                if column == 0:
                    item.setToolTip(self.tr("#%d, %s UTC") % (entry.seq, entry.at))
                    item.setData(Qt.ItemDataRole.UserRole, entry.seq)
                self.table.setItem(row, column, item)
        if len(entries) >= SHOWN_LIMIT:
            self._say(self.tr("Showing the latest %d events; Export CSV… writes them all.") % SHOWN_LIMIT, "hint")
        elif not entries:
            self._say(self.tr("No events yet."), "hint")
        elif self.status.property("status") == "hint" and self.verify_button.isEnabled():
            self._say("", "hint")  # a verdict of Verify stays, even if the list arrives after it
        if self._broken is not None:
            self._select_seq(self._broken)
        self.loaded.emit(len(entries))

    def _say(self, text: str, status: str) -> None:
        self.status.setText(text)
        set_status(self.status, status)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._say(self.tr("The audit trail could not be read: %s") % exc, "error")

    # --- verify ---------------------------------------------------------------------
    def verify(self) -> None:
        audit = self.audit
        self.verify_button.setEnabled(False)
        self._say(self.tr("Checking…"), "hint")

        def work() -> tuple[int | None, int]:
            return audit.verify(), audit.count()

        def done(result: tuple[int | None, int]) -> None:
            if not isValid(self):
                return
            broken, count = result
            self._broken = broken
            self.verify_button.setEnabled(True)
            if broken is None:
                self._say(self.tr("Verified: all %d events are intact and in order.") % count, "ok")
            else:
                self._say(self.tr("Event #%d does not match the chain: the log was altered at or before it. "
                                  "Keep this station's data folder as it is and tell the store's manager.")
                          % broken, "error")
                self._select_seq(broken)
            self.verified.emit(broken or 0)

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.verify_button.setEnabled(True)
            self._failed(exc)

        run_task(work, done, failed)

    def _select_seq(self, seq: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == seq:
                self.table.selectRow(row)
                self.table.scrollToItem(item)
                return

    # --- export ---------------------------------------------------------------------
    def _ask_export(self) -> None:
        path = file_dialogs.save_file(self, self.tr("Export the audit trail"), "audit-trail.csv",
                                      self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write every event to ``path`` (owner-only), then log the export itself."""
        audit, clerk = self.audit, self._clerk()
        self.export_button.setEnabled(False)

        def work() -> tuple[int, int, str]:
            rows = audit.export_csv(path)
            seq, digest = audit.head()  # the last exported event: noted, it shows later if the tail is cut
            audit.append(EXPORTED, clerk=clerk, details={"reason": "audit_export", "rows": rows})
            return rows, seq, digest

        def done(result: tuple[int, int, str]) -> None:
            if not isValid(self):
                return
            rows, seq, digest = result
            self.export_button.setEnabled(True)
            self._say(self.tr("Exported %d events to %s. The last one is #%d with hash %s: keep this note to "
                              "check later that no event was cut from the end.") % (rows, path, seq, digest[:16]),
                      "ok")
            self.exported.emit(rows)
            self.reload()

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.export_button.setEnabled(True)
            self._say(self.tr("The export failed: %s") % exc, "error")

        run_task(work, done, failed)


def _json(details) -> str:
    """The details as stored, for a cell's tooltip."""
    return json.dumps(dict(details or {}), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
