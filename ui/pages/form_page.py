"""A step of the wizard as a form: one row per field, in the step's order (the Tab order)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.config import Config
from app.steps import Step
from ui.form import MNEMONICS, make_editor
from ui.i18n import tr_label
from ui.pages import paint_once
from ui.widgets.field_row import FieldRow

# Fields that span both columns of a two-column step.
_WIDE = frozenset({"manual_groups", "documents", "address.address_line1", "address.address_line2"})


class FormPage(QScrollArea):
    def __init__(self, step: Step, config: Config, *, columns: int = 2, intro: str = "", parent=None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName(f"page.{step.key}")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page itself is no Tab stop
        body = QWidget(self)
        body.setObjectName("pageBody")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        if intro:
            note = QLabel(intro, body)
            note.setWordWrap(True)
            note.setObjectName(f"page.{step.key}.intro")
            outer.addWidget(note)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.rows: dict[str, FieldRow] = {}
        row = col = 0
        previous = None
        for name in step.fields:
            editor = make_editor(name, config, body)
            field_row = FieldRow(name, tr_label(name), editor, mnemonic=MNEMONICS.get(name), parent=body)
            self.rows[name] = field_row
            wide = name in _WIDE or columns == 1
            if wide and col:
                row, col = row + 1, 0
            grid.addWidget(field_row, row, col, 1, columns if wide else 1, Qt.AlignmentFlag.AlignTop)
            if wide or col == columns - 1:
                row, col = row + 1, 0
            else:
                col += 1
            if previous is not None:
                QWidget.setTabOrder(previous, editor)
            previous = editor
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        self.setWidget(body)
        paint_once(self)

    def editor(self, name: str) -> QWidget:
        return self.rows[name].editor

    def first_input(self) -> QWidget | None:
        if not self.step.fields:
            return None
        editor = self.editor(self.step.fields[0])
        return editor.focusProxy() or editor
