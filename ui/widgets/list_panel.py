"""The frame of the window's list panels (drafts, outbox): a non-modal dialog around a table of
one row per record, a message line and a row of buttons.

Every cell carries its record's id, so the selection is read and set by id. Reads run through
``run_task`` and only the latest one is rendered. The texts come from the panels themselves,
so that each keeps its own translation context.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
)
from shiboken6 import isValid

from ui.tasks import run_task
from ui.widgets.field_row import set_status

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole


class ListPanel(QDialog):
    """Non-modal: the clerk may keep typing in the window while it is open. ``changed`` is
    emitted after an action changed what the list shows.

    A panel builds ``table`` (with :meth:`_make_table`) and ``message`` (with
    :meth:`_make_message`) and enables its buttons in ``_update_buttons``.
    """

    changed = Signal()

    def __init__(self, window, parent=None, *, name: str, size: tuple[int, int]) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.setObjectName(name)
        self.setModal(False)
        self.resize(*size)
        self._generation = 0

    # --- construction ---------------------------------------------------------------
    def _make_table(self, name: str, accessible_name: str, headers: Sequence[str], stretch: int,
                    activated: Callable[[], None]) -> QTableWidget:
        """A read-only table, one whole row selected at a time; column ``stretch`` takes the room
        the others leave, and a double click calls ``activated``."""
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setAccessibleName(accessible_name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.itemDoubleClicked.connect(lambda _item: activated())
        return table

    def _make_message(self, name: str) -> QLabel:
        """The line under the table for what the last action or read came to (hidden while empty)."""
        message = QLabel(self)
        message.setObjectName(name)
        message.setWordWrap(True)
        message.hide()
        return message

    def _button(self, name: str, text: str, slot: Callable[[], None], layout: QBoxLayout,
                tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def _update_buttons(self) -> None:
        raise NotImplementedError

    # --- showing --------------------------------------------------------------------
    def present(self) -> None:
        self.refresh()
        if self.isVisible():
            self.raise_()  # already open behind the window: bring it forward
        else:
            self.show()
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self, on_done: Callable[[], None] | None = None) -> None:
        raise NotImplementedError

    def _read(self, work: Callable[[], Any], render: Callable[[Any], None], what: str, failed_text: str,
              on_done: Callable[[], None] | None = None) -> None:
        """Run ``work`` off the UI thread and ``render`` its result; a later read wins over an
        earlier one. A failure is logged as reading ``what`` and shown as ``failed_text`` with
        the error's type in place of its ``%s``."""
        self._generation += 1
        generation = self._generation

        def done(result) -> None:
            if not isValid(self) or generation != self._generation:
                return
            render(result)
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                log.warning("reading %s failed: %s", what, type(exc).__name__)
                self.show_message(failed_text % type(exc).__name__, "error")

        run_task(work, done, failed)

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def select(self, record_id: str) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == record_id:
                self.table.selectRow(row)
                return True
        return False

    def show_message(self, text: str, status: str = "hint") -> None:
        self.message.setText(text)
        set_status(self.message, status)
        self.message.setVisible(bool(text))
