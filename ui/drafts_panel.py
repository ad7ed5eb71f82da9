"""The drafts panel and the start-up banner: intakes typed earlier and never submitted.

A draft is resumed into the window (``IntakeSession.resume``) or deleted after a
confirmation. The banner offers the unfinished intakes found at start without blocking
anything: the clerk may ignore it and start typing. Reads and deletes run through ``run_task``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.drafts import DraftSummary
from app.outbox import RETRYABLE_STATES
from app.wizard import STEPS
from ui.i18n import translate
from ui.outbox_panel import format_time
from ui.tasks import run_task
from ui.widgets.list_panel import ID_ROLE, ListPanel

log = logging.getLogger(__name__)

_STEP_TITLES = {s.key: s.title for s in STEPS}


def step_title(step_key: str) -> str:
    title = _STEP_TITLES.get(step_key)
    return translate("Steps", title) if title else step_key


def unfinished(
    drafts: list[DraftSummary], on_screen: str | None, submitted: Collection[str] = ()
) -> list[DraftSummary]:
    """The drafts to offer: all but the one being typed in the window and those whose intake
    is already in the outbox (resuming one of those and submitting again would create the
    customer twice)."""
    return [d for d in drafts if d.id != on_screen and d.id not in submitted]


def read_drafts(station) -> tuple[list[DraftSummary], set[str]]:
    """Every draft, and the ids of those already submitted. A draft whose intake the outbox
    holds pending or created (the window was closed while it was being sent) is deleted: the
    outbox has that intake. One whose intake needs attention is kept for the outbox's "Open
    in form", but not offered here."""
    submitted = {e.draft_id: e.state for e in station.outbox.entries() if e.draft_id}
    for draft_id, state in submitted.items():
        if state not in RETRYABLE_STATES:
            station.drafts.delete(draft_id)
    return station.drafts.list(), set(submitted)


class DraftsPanel(ListPanel):
    """Non-modal list of saved drafts. ``changed`` after a delete or a resume."""

    def __init__(self, window, parent=None) -> None:
        super().__init__(window, parent, name="drafts_panel", size=(640, 360))
        self.setWindowTitle(self.tr("Unfinished intakes"))
        self.drafts: list[DraftSummary] = []
        self._build()

    def _build(self) -> None:
        window = self.main_window
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Intakes typed on this station and not submitted yet. Drafts not touched "
                               "for %d days are removed automatically.") % window.station.config.draft_retention_days,
                       self)
        intro.setWordWrap(True)
        intro.setProperty("status", "hint")
        layout.addWidget(intro)
        headers = (self.tr("Customer"), self.tr("Last saved"), self.tr("Step"))
        self.table = self._make_table("drafts_table", self.tr("Unfinished intakes"), headers, stretch=0,
                                      activated=self.resume_selected)
        layout.addWidget(self.table, 1)

        self.message = self._make_message("drafts_message")
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.resume_button = self._button("resume", self.tr("&Resume"), self.resume_selected, buttons)
        self.delete_button = self._button("delete", self.tr("&Delete…"), self.delete_selected, buttons)
        buttons.addStretch(1)
        self._button("close", self.tr("Close"), self.close, buttons)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- showing --------------------------------------------------------------------
    def refresh(self, on_done: Callable[[], None] | None = None) -> None:
        station = self.main_window.station

        def render(result: tuple[list[DraftSummary], set[str]]) -> None:
            found, submitted = result
            self._render(unfinished(found, self.main_window.session.draft_id, submitted))

        self._read(lambda: read_drafts(station), render, "drafts", self.tr("The drafts could not be read: %s"),
                   on_done)

    def _render(self, drafts: list[DraftSummary]) -> None:
        selected = self.selected_id()
        self.drafts = drafts
        self.table.setRowCount(len(drafts))
        for row, draft in enumerate(drafts):
            for column, text in enumerate((draft.label, format_time(draft.updated_at), step_title(draft.step))):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, draft.id)
                self.table.setItem(row, column, item)
            if draft.id == selected:
                self.table.selectRow(row)
        if drafts and self.selected_id() is None:
            self.table.selectRow(0)
        if not drafts:
            self.show_message(self.tr("No unfinished intakes."), "hint")
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.resume_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- actions --------------------------------------------------------------------
    def resume_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        self.main_window.session.resume(draft_id)
        self.changed.emit()
        self.close()

    def delete_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        label = next((d.label for d in self.drafts if d.id == draft_id), "")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete draft"),
                          self.tr("Delete the unfinished intake of %s? What was typed is lost.") % label,
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm_delete")
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        drafts = self.main_window.station.drafts

        def deleted(_result) -> None:
            if isValid(self):
                self.show_message(self.tr("The draft was deleted."), "hint")
                self.changed.emit()
                self.refresh()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.show_message(self.tr("The draft could not be deleted: %s") % type(exc).__name__, "error")

        def answered(result: int) -> None:
            box.deleteLater()
            if result == QMessageBox.StandardButton.Discard:
                run_task(lambda: drafts.delete(draft_id), deleted, failed)

        box.finished.connect(answered)
        box.open()


class DraftsBanner(QWidget):
    """"2 unfinished intakes from earlier. [Open drafts]", with a button to dismiss it. The
    look comes from the stylesheet (``QFrame#drafts_banner_box``); the margins line it up
    with the step title and the form."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_banner")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 4, 24, 4)
        self.box = QFrame(self)
        self.box.setObjectName("drafts_banner_box")
        self.box.setFrameShape(QFrame.Shape.StyledPanel)
        self.box.setProperty("status", "warning")
        outer.addWidget(self.box)
        layout = QHBoxLayout(self.box)
        layout.setContentsMargins(12, 4, 4, 4)
        self.text = QLabel(self.box)
        self.text.setObjectName("drafts_banner.text")
        layout.addWidget(self.text)
        self.open_button = QPushButton(self.tr("Open &drafts"), self.box)
        self.open_button.setObjectName("drafts_banner.open")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_requested.emit)
        self.open_button.clicked.connect(self.hide)
        layout.addWidget(self.open_button)
        layout.addStretch(1)
        self.dismiss_button = QToolButton(self.box)
        self.dismiss_button.setObjectName("drafts_banner.dismiss")
        self.dismiss_button.setText("✕")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setToolTip(self.tr("Hide this notice"))
        self.dismiss_button.setAccessibleName(self.tr("Hide the notice about unfinished intakes"))
        self.dismiss_button.clicked.connect(self.hide)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def offer(self, count: int) -> None:
        if count <= 0:
            self.hide()
            return
        if count == 1:
            text = self.tr("1 unfinished intake from earlier")
        else:
            text = self.tr("%d unfinished intakes from earlier") % count
        self.text.setText(text + ".")
        self.setAccessibleName(self.text.text())
        self.show()


def insert_banner(window, banner: QWidget) -> None:
    """Put ``banner`` above the outcome line of the window (under the step title)."""
    window.add_banner(banner)
