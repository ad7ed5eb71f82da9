"""The form's inputs, with one small interface: ``value()``, ``set_value(v)``, and two signals,
``edited`` (the clerk changed it; never emitted by ``set_value``) and ``finished`` (the clerk
left it). Qt validators here only shape keystrokes; every rule lives in ``app``."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)


class TextInput(QLineEdit):
    edited = Signal()
    finished = Signal()

    def __init__(self, *, max_length: int | None = None, allowed: str | None = None, parent=None) -> None:
        super().__init__(parent)
        if max_length:
            self.setMaxLength(max_length)
        if allowed:
            self.setValidator(QRegularExpressionValidator(QRegularExpression(allowed), self))
        self.textEdited.connect(lambda _text: self.edited.emit())
        self.editingFinished.connect(self.finished.emit)

    def value(self) -> str:
        return self.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.text():
            self.setText(text)


class DateInput(QWidget):
    """A date typed as YYYY-MM-DD, with a calendar pop-up for those who prefer it."""

    edited = Signal()
    finished = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.line = TextInput(max_length=10, allowed=r"[0-9-]{0,10}", parent=self)
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field; Alt+Down opens it
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar: QCalendarWidget | None = None  # made on first use: it is costly and rarely opened
        menu = QMenu(self.button)
        self.button.setMenu(menu)
        menu.aboutToShow.connect(self._sync_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.edited.connect(self.edited.emit)
        self.line.finished.connect(self.finished.emit)
        self.line.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # Alt+Down opens the calendar, as in a combo box
        if (
            obj is self.line
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.button.showMenu()
            return True
        return super().eventFilter(obj, event)

    def _sync_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            self.calendar.setGridVisible(True)
            action = QWidgetAction(self.button.menu())
            action.setDefaultWidget(self.calendar)
            self.button.menu().addAction(action)
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        try:
            day = date.fromisoformat(self.line.text())
        except ValueError:
            day = date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, qdate: QDate) -> None:
        self.line.setText(qdate.toString("yyyy-MM-dd"))
        self.button.menu().hide()
        self.edited.emit()
        self.finished.emit()
        self.line.setFocus()

    def value(self) -> str:
        return self.line.value()

    def set_value(self, value: Any) -> None:
        self.line.set_value(value)


class ChoiceInput(QComboBox):
    """A closed list; the first row is 'not chosen' (an empty value)."""

    edited = Signal()
    finished = Signal()

    def __init__(self, choices: list[tuple[str, str]], *, blank: str = "—", parent=None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._blank = blank
        self.set_choices(choices)
        self.currentIndexChanged.connect(self._changed)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        current = self.value() if self.count() else ""
        self._quiet = True
        self.clear()
        if self._blank is not None:
            self.addItem(self._blank, "")
        for value, text in choices:
            self.addItem(text, value)
        index = self.findData(current)
        self.setCurrentIndex(max(index, 0))
        self._quiet = False

    def _changed(self, _index: int) -> None:
        if not self._quiet:
            self.edited.emit()
            self.finished.emit()

    def value(self) -> str:
        data = self.currentData()
        return "" if data is None else str(data)

    def set_value(self, value: Any) -> None:
        index = self.findData("" if value is None else str(value))
        self._quiet = True
        self.setCurrentIndex(max(index, 0))
        self._quiet = False


class FlagInput(QCheckBox):
    edited = Signal()
    finished = Signal()

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self._quiet = False
        self.toggled.connect(self._changed)

    def _changed(self, _checked: bool) -> None:
        if not self._quiet:
            self.edited.emit()
            self.finished.emit()

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self._quiet = True
        self.setChecked(bool(value))
        self._quiet = False
