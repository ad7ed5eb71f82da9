"""Review & submit: the record as it will be sent, a section per step with an Edit jump."""

from __future__ import annotations

import json
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import wire
from app.validation import RecordInvalid
from app.wizard import REVIEW, STEPS, IntakeWizard
from ui.i18n import tr_choice, tr_label, tr_message, translate
from ui.pages import paint_once
from ui.widgets.field_row import set_status

_BODY_AFTER_MS = 20
_CHOICE_FIELDS = frozenset({wire.GENDER, wire.ID_TYPE, wire.REFERRAL_SOURCE, wire.TYPE, "address.country"})


class ReviewPage(QScrollArea):
    edit_requested = Signal(int)

    def __init__(self, parent=None, *, sections: bool = True) -> None:
        """``sections=False``: the page without its step sections, added then one by one with
        ``add_section`` (start-up makes them a piece at a time)."""
        super().__init__(parent)
        self.setObjectName("page.review")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page itself is no Tab stop
        self._body = QWidget(self)
        self._body.setObjectName("pageBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(24, 16, 24, 16)
        self._layout.setSpacing(12)
        self.problems = QLabel(self._body)
        self.problems.setObjectName("form_errors")
        self.problems.setWordWrap(True)
        self.problems.setProperty("status", "")
        self.problems.hide()  # until there are problems: no room taken, none given back at the first render
        self._layout.addWidget(self.problems)
        self._values: dict[str, QLabel] = {}  # field name -> its value on this page
        self._body_for: IntakeWizard | None = None  # the intake whose body is to be shown next turn
        self.changes = QGroupBox(self._body)  # while a returning customer is updated: only the changes
        self.changes.setObjectName("review.changes")
        self._changes_grid = QGridLayout(self.changes)
        self.changes.hide()
        self._layout.addWidget(self.changes)
        self._changes_shown: tuple | None = (None, (), None)  # the intake as usual: no changes shown
        self._sections = QVBoxLayout()
        self._layout.addLayout(self._sections)
        if sections:
            for index in range(REVIEW):
                self.add_section(index)
        self.body_title = QLabel(translate("Review", "As it will be sent to the POS:"), self._body)
        self._layout.addWidget(self.body_title)
        self.body_view = QPlainTextEdit(self._body)
        self.body_view.setObjectName("review.body")
        self.body_view.setReadOnly(True)
        self.body_view.setAccessibleName(translate("Review", "Request body"))
        self.body_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body_view.setMinimumHeight(220)
        self._layout.addWidget(self.body_view)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        paint_once(self)

    def add_section(self, index: int) -> None:
        """The section of step ``index``, after those already there (in step order)."""
        self._sections.addWidget(self._section(index))

    def render(self, wizard: IntakeWizard, documents: list[tuple[str, str]],
               group_names: Callable[[list[int]], list[str]]) -> None:
        """Show the intake. The sections are made once, with the page; a render changes only the
        texts that differ, so entering Review costs a few label updates, not a page rebuilt."""
        errors = wizard.errors()
        for name, value in self._values.items():
            self._show_value(value, name, wizard, errors, documents, group_names)
        # the request body (a full build and JSON) follows once the page is laid out and painted
        # (two passes of the event loop, see MainWindow._show_page): entering Review stays quick
        if self._body_for is None:
            QTimer.singleShot(_BODY_AFTER_MS, self, self._show_pending_body)
        self._body_for = wizard
        form = wizard.form_errors()
        problem_steps = sorted({i for i in wizard.steps_with_problems(shown_only=False) if i != REVIEW})
        lines = [tr_message(m) for m in form]
        if problem_steps:
            names = ", ".join(translate("Steps", STEPS[i].title) for i in problem_steps)
            lines.insert(0, translate("Review", "Fix these steps before submitting: {steps}").format(steps=names))
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        set_status(self.problems, "error" if lines else "")

    def _section(self, index) -> QGroupBox:
        step = STEPS[index]
        box = QGroupBox(translate("Steps", step.title), self._body)
        box.setObjectName(f"review.{step.key}")
        outer = QHBoxLayout(box)
        edit = QPushButton(translate("Review", "Edit"), box)
        edit.setObjectName(f"edit.{step.key}")
        edit.setAutoDefault(False)  # Enter on Review submits
        edit.setAccessibleName(translate("Review", "Edit {step}").format(step=translate("Steps", step.title)))
        edit.clicked.connect(lambda _=False, i=index: self.edit_requested.emit(i))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addLayout(form, 1)
        outer.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        for name in step.fields:
            value = QLabel("—", box)
            value.setObjectName(f"review.{name}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setProperty("status", "")  # set before its first polish: no re-polish at the first render
            form.addRow(tr_label(name) + ":", value)
            self._values[name] = value
        return box

    def _show_value(self, value: QLabel, name, wizard, errors, documents, group_names) -> None:
        text = self._display(name, wizard, documents, group_names)
        problems = [tr_message(m) for key, msgs in errors.items() if key == name or key.startswith(name + ".")
                    for m in msgs]
        shown = "\n".join([text, *problems] if text else problems) if problems else text or "—"
        if value.text() != shown:
            value.setText(shown)
        set_status(value, "error" if problems else "")

    def show_changes(self, title: str | None, rows: list[tuple[str, str, str]] = (),
                     body: dict | None = None) -> None:
        """While a customer the POS holds is updated: ``rows`` of (field, in the POS, new), old and new
        side by side, in place of the step sections, and ``body`` (the update) as what is sent.
        ``title`` None shows the intake as usual again."""
        shown = (title, tuple(rows), json.dumps(body, sort_keys=True) if body is not None else None)
        if shown == self._changes_shown:
            return
        self._changes_shown = shown
        updating = title is not None
        for i in range(self._sections.count()):
            widget = self._sections.itemAt(i).widget()
            # only where it changes: setVisible(True) on a section shown with its page (never
            # hidden itself) would show it and its dozens of labels over again
            if widget is not None and widget.isHidden() != updating:
                widget.setVisible(not updating)
        while self._changes_grid.count():
            item = self._changes_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.changes.setVisible(updating)
        if not updating:
            self.body_title.setText(translate("Review", "As it will be sent to the POS:"))
            return
        self.changes.setTitle(title)
        heads = (translate("Review", "Field"), translate("Review", "In the POS"), translate("Review", "New"))
        for column, text in enumerate(heads):
            head = QLabel(text, self.changes)
            head.setStyleSheet("font-weight: 600;")
            self._changes_grid.addWidget(head, 0, column)
        if not rows:
            none = QLabel(translate("Review", "Nothing changed: Submit checks the customer in."), self.changes)
            none.setObjectName("review.no_changes")
            self._changes_grid.addWidget(none, 1, 0, 1, 3)
        for row, (name, old, new) in enumerate(rows, start=1):
            for column, text in enumerate((name, old or "—", new or "—")):
                cell = QLabel(text, self.changes)
                cell.setObjectName(f"review.change.{row}.{column}")
                cell.setWordWrap(True)
                cell.setTextFormat(Qt.TextFormat.PlainText)
                self._changes_grid.addWidget(cell, row, column)
        self.body_title.setText(translate("Review", "As it will be sent to the POS (only the changes):"))
        if body is not None:
            self._set_body_text(json.dumps(body, indent=2, ensure_ascii=False))

    def _show_pending_body(self) -> None:
        wizard, self._body_for = self._body_for, None
        if wizard is not None and shiboken6.isValid(self):
            self._show_body(wizard)

    def _show_body(self, wizard: IntakeWizard) -> None:
        if self._changes_shown is not None and self._changes_shown[0] is not None:
            return  # an update shows its own body (show_changes)
        try:
            body = wizard.body()
        except RecordInvalid:
            self._set_body_text(translate("Review", "Shown once every step is complete."))
            return
        if wizard.value(wire.DOCUMENTS):
            body[wire.DOCUMENTS] = translate("Review", "(uploaded first, then listed here by file id)")
        self._set_body_text(json.dumps(body, indent=2, ensure_ascii=False))

    def _set_body_text(self, text: str) -> None:
        if text != self.body_view.toPlainText():  # unchanged: no new layout of the text
            self.body_view.setPlainText(text)

    @staticmethod
    def display_value(name: str, value, group_names: Callable[[list[int]], list[str]]) -> str:
        """One value as the page shows it (a yes/no, a choice in words, groups by name)."""
        if name == wire.MANUAL_GROUPS:
            return ", ".join(group_names(value or []))
        if isinstance(value, bool):
            return translate("Review", "Yes") if value else translate("Review", "No")
        if (name in _CHOICE_FIELDS or name == wire.TYPE) and value:
            return tr_choice(value)
        return "" if value is None else str(value)

    @staticmethod
    def _display(name, wizard, documents, group_names) -> str:
        if name == wire.DOCUMENTS:
            return "\n".join(f"{filename} ({tr_choice(kind)})" for filename, kind in documents)
        if name == wire.MANUAL_GROUPS:
            return ", ".join(group_names(wizard.value(name)))
        if name == wire.TYPE:
            chosen = wizard.effective_type()
            return tr_choice(chosen) if chosen else ""
        value = wizard.value(name)
        if isinstance(value, bool):
            return translate("Review", "Yes") if value else translate("Review", "No")
        if name in _CHOICE_FIELDS and value:
            return tr_choice(value)
        return "" if value is None else str(value)
