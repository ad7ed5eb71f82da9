"""The form's inputs, with one small interface: ``value()``, ``set_value(v)``, and two signals,
``edited`` (the clerk changed it; never emitted by ``set_value``) and ``finished`` (the clerk
left it). Qt validators here only shape keystrokes; every rule lives in ``app``."""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget


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
        # Slashes and dots are kept as typed (03/14/1988), so the message can say the order is wrong.
        self.line = TextInput(max_length=10, allowed=r"[0-9/.\-]{0,10}", parent=self)
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
            from PySide6.QtWidgets import QCalendarWidget, QWidgetAction  # on first use, as the calendar

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


# How long typed letters add up to one search in a list ("C", "A" -> "CA — California"); Qt's
# own search forgets after 400 ms, too quick for a clerk reading the customer's card.
TYPE_AHEAD_SECONDS = 1.5


class ChoiceInput(QComboBox):
    """A closed list; the first row is 'not chosen' (an empty value). Letters typed on it
    pick the first entry starting with them, for ``TYPE_AHEAD_SECONDS`` after the last one."""

    edited = Signal()
    finished = Signal()

    def __init__(self, choices: list[tuple[str, str]], *, blank: str = "—", parent=None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._blank = blank
        self._typed = ""
        self._typed_at = 0.0
        self.clock = time.monotonic
        self.set_choices(choices)
        self.currentIndexChanged.connect(self._changed)

    def keyPressEvent(self, event) -> None:
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and text and text.isprintable() and (text != " " or self._typed):
            now = self.clock()
            typed = (self._typed if now - self._typed_at <= TYPE_AHEAD_SECONDS else "") + text
            index = self._find_start(typed)
            if index < 0 and len(typed) > 1:  # no entry goes on like that: a new search from this letter
                same = typed.casefold() == text.casefold() * len(typed)
                typed = text
                index = self._find_start(typed, after=self.currentIndex() if same else -1)  # "C", "C": the next C
            self._typed, self._typed_at = typed, now
            if index >= 0:
                self.setCurrentIndex(index)
            event.accept()
            return
        super().keyPressEvent(event)

    def _find_start(self, typed: str, after: int = -1) -> int:
        wanted = typed.casefold()
        first = 1 if self._blank is not None else 0
        order = [*range(max(after + 1, first), self.count()), *range(first, max(after + 1, first))]
        return next((i for i in order if self.itemText(i).casefold().startswith(wanted)), -1)

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
        index = max(self.findData("" if value is None else str(value)), 0)
        if index == self.currentIndex():
            return
        self._quiet = True
        self.setCurrentIndex(index)
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
