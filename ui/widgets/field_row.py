"""A form row: the label (with a mnemonic), the input, and the message under it.

The message look comes from the stylesheet through the ``status`` property
(``QLabel[status="error"]``), re-polished when it changes; never from inline styles.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


_pending: list[QWidget] = []
_PER_TURN = 2  # a repolish costs about half a millisecond with the stylesheet: a couple per event-loop turn,
# which may also lay out or paint a page


def repolish_later(widget: QWidget) -> None:
    """``repolish`` in a later event-loop turn, a few widgets at a time: for many fields at
    once (a form reset), so no single turn holds the window."""
    if widget not in _pending:
        _pending.append(widget)
    if len(_pending) == 1:
        QTimer.singleShot(0, _repolish_some)


def _repolish_some() -> None:
    batch, _pending[:] = _pending[:_PER_TURN], _pending[_PER_TURN:]
    for widget in batch:
        if shiboken6.isValid(widget):
            repolish(widget)
    if _pending:
        QTimer.singleShot(0, _repolish_some)


def set_status(widget: QWidget, status: str) -> None:
    if widget.property("status") != status:
        widget.setProperty("status", status)
        repolish(widget)


class FieldRow(QWidget):
    def __init__(self, name: str, label_text: str, editor: QWidget, *, mnemonic: str | None = None,
                 hint: str = "", parent=None) -> None:
        super().__init__(parent)
        self.name = name
        self.editor = editor
        editor.setObjectName(name)
        self.label = QLabel(self._with_mnemonic(label_text, mnemonic), self)
        self.label.setObjectName(f"{name}.label")
        self.label.setBuddy(editor.focusProxy() or editor)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}.message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setProperty("status", "hint")
        self.hint = hint
        self.message.setText(hint)
        self.message.setVisible(bool(hint))
        editor.setAccessibleName(label_text)
        proxy = editor.focusProxy()
        if proxy is not None:
            proxy.setAccessibleName(label_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.message)

    @staticmethod
    def _with_mnemonic(text: str, mnemonic: str | None) -> str:
        text = text.replace("&", "&&")
        if mnemonic:
            lower, letter = text.lower(), mnemonic.lower()
            # the letter starting a word ("Offers by &email"), else its first place in the label
            index = next((i for i, ch in enumerate(lower) if ch == letter and (i == 0 or not lower[i - 1].isalpha())),
                         lower.find(letter))
            if index < 0:  # a translated label without the English letter: its first letter
                index = next((i for i, ch in enumerate(text) if ch.isalpha()), -1)
            if index >= 0:
                return text[:index] + "&" + text[index:]
        return text

    def show_messages(self, messages: list[str]) -> None:
        shown = (tuple(messages), self.hint)
        if shown == getattr(self, "_shown", None):
            return  # called for every row on every keystroke: only a change costs anything
        self._shown = shown
        if messages:
            text = "\n".join(messages)
            self.message.setText(text)
            set_status(self.message, "error")
            self.message.setVisible(True)
            set_status(self.editor, "error")
        else:
            self.message.setText(self.hint)
            set_status(self.message, "hint")
            self.message.setVisible(bool(self.hint))
            set_status(self.editor, "")
        description = "\n".join(messages)
        self.editor.setAccessibleDescription(description)
        proxy = self.editor.focusProxy()
        if proxy is not None:
            proxy.setAccessibleDescription(description)
