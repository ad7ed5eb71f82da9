"""Catching an ID barcode typed by a keyboard-mode scanner.

Such a scanner types the barcode's text as a burst of keystrokes, far faster than a person,
starting with "@" (an AAMVA card) or "%" (British Columbia's cards, whose barcode holds
magnetic-stripe text: "%BCVICTORIA^...") and with Enter keys where the card's line separators
are. Two ways in:

* ``WedgeFilter``, an application event filter: while it may (``accepts``), an "@" or "%" is
  held back. If the next keys follow within ``max_gap_ms`` and spell the start of a card
  ("ANSI 636014", "AAMVA6360...", "BCVICTORIA^"), it is a scan, and every key of the burst, Enter included,
  is kept away from the focused field and from the window's shortcuts until ``quiet_ms`` pass
  without a key. A slow "@", or one followed by anything else ("ada@example.com" typed by a
  person or by a program), is given back at once to the field it was meant for.
  In a dialog (``in_dialog``: Settings, a file chooser, a question asked from a dialog) a burst
  is caught the same way, then dropped: see ``WedgeFilter.ignore``.
* ``ScanCapture``, a field the clerk focuses (F2, "Scan ID") to scan or paste into. A slow
  Enter (a person's) reads what is there; the fast Enters of a scanner are line breaks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QPlainTextEdit, QToolTip, QWidget

# A scanner sends a key every few milliseconds; a fast typist's quickest pairs are ~60 ms apart.
MAX_GAP_MS = 35
# A burst is over once no key has come for this long.
QUIET_MS = 150
# How a card's text goes on after the "@" and its separators ("#" is any digit: the issuer
# number); Caps Lock inverts the case, so letters are compared upper-cased.
_HEADERS = ("ANSI ######", "ANSI######", "AAMVA######")
# The characters that start a card's text: "@" for AAMVA, "%" for magnetic-stripe track 1.
LEADS = ("@", "%")
# How long the note about a scan ignored in a dialog stays at the dialog's field and in the status bar.
IGNORED_NOTE_MS = 10000
# Track 1 after its "%": the issuer's two letters, then the city (13 characters at most, "^"
# after a shorter one).
_CITY_MAX = 13
_CITY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ .'-")

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def header_state(significant: str, lead: str = "@") -> bool | None:
    """True when ``significant`` (what followed the ``lead``, separators left out) holds a whole
    card header (AAMVA after "@", track 1's issuer and city after "%"), None while it may still
    become one, False when it cannot."""
    text = significant.upper()
    if lead == "%":
        return _track_state(text)
    possible = False
    for header in _HEADERS:
        n = min(len(text), len(header))
        if all(c.isdigit() if p == "#" else c == p for c, p in zip(text[:n], header[:n], strict=True)):
            if len(text) >= len(header):
                return True
            possible = True
    return None if possible else False


def _track_state(text: str) -> bool | None:
    if any(not c.isalpha() for c in text[:2]):
        return False
    city = text[2:]
    if "^" in city:
        return len(city) > 1 and city.index("^") == len(city) - 1 and all(c in _CITY_CHARS for c in city[:-1])
    if not all(c in _CITY_CHARS for c in city):
        return False
    return True if len(city) >= _CITY_MAX else None


def looks_like_barcode(text: str) -> bool:
    head = text[:64].upper()
    if "ANSI" in head or "AAMVA" in head:
        return True
    start = head.lstrip()
    return start.startswith("%") and "^" in start and header_state(start[1:start.index("^") + 1], "%") is True


def beneath_popup(widget: QWidget) -> QWidget:
    """The widget an open popup belongs to (a combo box for its list, a menu bar for its menu),
    or ``widget`` itself when it is not in a popup."""
    top = widget.window()
    while top.windowType() == Qt.WindowType.Popup and top.parentWidget() is not None:
        widget = top.parentWidget()
        top = widget.window()
    return widget


def in_dialog(widget: QWidget) -> bool:
    """Whether a key going to ``widget`` is typed in a dialog (Settings, a file chooser, a
    question, Find customer), where a scanner's burst is swallowed and dropped. The scan field
    takes scans itself wherever it is."""
    return isinstance(widget.window(), QDialog) and not isinstance(widget, ScanCapture)


def _char_of(event: QKeyEvent) -> str:
    if event.key() in _ENTER_KEYS:
        return "\n"
    if event.key() == Qt.Key.Key_Tab:
        return "\t"
    return event.text()


@dataclass(frozen=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class _State(Enum):
    IDLE = 0
    PENDING = 1  # an "@" and maybe the start of a header held back; each next key decides
    BURST = 2  # a whole header came fast: a card, until the keys stop


class WedgeFilter(QObject):
    """Signals ``scanned(text)`` when a burst ends. ``accepts(widget)`` says whether a key
    going to ``widget`` may start a scan; where it does not, ``swallows(widget)`` (by default
    ``in_dialog``) says whether a burst there is caught all the same and dropped (``ignored``).
    ``clock`` (milliseconds) is replaceable for tests."""

    scanned = Signal(str)
    ignored = Signal()  # a burst typed in a dialog was swallowed and dropped

    def __init__(
        self,
        accepts: Callable[[QWidget], bool],
        *,
        swallows: Callable[[QWidget], bool] = in_dialog,
        max_gap_ms: float = MAX_GAP_MS,
        quiet_ms: int = QUIET_MS,
        clock: Callable[[], float] = monotonic_ms,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.accepts = accepts
        self.swallows = swallows
        self.max_gap_ms = max_gap_ms
        self.clock = clock
        self._state = _State.IDLE
        self._keys: list[_Key] = []
        self._significant = ""
        self._lead = "@"
        self._target: QWidget | None = None
        self._dropping = False  # the burst under way is typed in a dialog: dropped when it ends
        self._where: QWidget | None = None  # the dialog's widget it is typed in (a list's combo box)
        self._last = 0.0
        self._replaying = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self._burst_over)

    @property
    def capturing(self) -> bool:
        return self._state is not _State.IDLE

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._replaying or kind not in _KEY_EVENTS or not isinstance(obj, QWidget):
            return False
        if self._state is _State.IDLE:
            if kind == QEvent.Type.KeyPress and event.text() in LEADS:
                # Keys typed while a combo box's list or a menu is open go to that popup: they
                # count as typed where the popup belongs.
                owner = beneath_popup(obj)
                if self.accepts(owner):
                    self._start(obj, event, dropping=False)
                    return True
                if self.swallows(owner):
                    self._start(obj, event, dropping=True)
                    self._where = owner
                    return True
            return False
        if kind == QEvent.Type.KeyRelease:
            return True  # the releases of held keys stay out of the fields too
        char = _char_of(event)
        if kind == QEvent.Type.ShortcutOverride:
            # Decided here for Enter: accepting the override keeps the window's shortcuts from
            # firing, and the key press that follows comes to this filter.
            if self._state is _State.BURST or (char and self._continues(char)):
                event.accept()
                return True
            if char:
                self._give_back()
            return False
        if not char:
            return self._state is _State.BURST  # Shift alone, for a capital: neither fast nor slow
        if self._state is _State.PENDING:
            if not self._continues(char):
                self._give_back()
                return False
            if char >= " ":
                self._significant += char
            if header_state(self._significant, self._lead):
                self._state = _State.BURST
        self._keys.append(_Key(event.key(), event.modifiers(), char))
        self._last = self.clock()
        self._quiet.start()
        return True

    def _continues(self, char: str) -> bool:
        """Whether a key may continue a held "@" or "%": fast, and still on the way to a header."""
        if self.clock() - self._last > self.max_gap_ms:
            return False
        return char < " " or header_state(self._significant + char, self._lead) is not False

    def _start(self, target: QWidget, event: QKeyEvent, *, dropping: bool) -> None:
        self._state = _State.PENDING
        self._target = target
        self._dropping = dropping
        self._keys = [_Key(event.key(), event.modifiers(), event.text())]
        self._significant = ""
        self._lead = event.text()
        self._last = self.clock()
        self._quiet.start()

    def _reset(self) -> None:
        self._quiet.stop()
        self._state = _State.IDLE
        self._keys = []
        self._target = None
        self._dropping = False
        self._where = None

    def _burst_over(self) -> None:
        if self._state is _State.BURST:
            if self._dropping:
                where = self._where
                self._reset()  # the card's text goes with the held keys: never kept
                self.ignore(where)
                return
            text = "".join(k.text for k in self._keys)
            self._reset()
            self.scanned.emit(text)
            return
        self._give_back()

    def ignore(self, target: QWidget | None) -> None:
        """A burst typed in a dialog is dropped, and the clerk is told so where they look: next
        to the dialog's field, and in the window's status bar.

        Not read once the dialog closes: the clerk is busy with the dialog (a file to choose, a
        question to answer, Settings), and a card read later would fill the form at a moment
        nobody expects, maybe over another customer's intake, while the card's data would wait
        in memory meanwhile. Dropping it and saying so costs one more scan, and nothing happens
        that the clerk did not see coming. Nothing in the dialog changes: no text in its fields,
        no button pressed, the dialog stays open.
        """
        note = self.tr("A scan was read while a dialog was open; it was ignored. Close the dialog, then scan again.")
        if target is not None and shiboken6.isValid(target) and target.isVisible():
            QToolTip.showText(target.mapToGlobal(QPoint(0, target.height())), note, target, QRect(),
                              IGNORED_NOTE_MS)
            window = _main_window_of(target)
            if window is not None:
                window.statusBar().showMessage(note, IGNORED_NOTE_MS)
        self.ignored.emit()

    def _give_back(self) -> None:
        """Type the held keys into the field they were meant for: it was a person after all."""
        keys, target = self._keys, self._target
        self._reset()
        if target is None or not shiboken6.isValid(target):
            target = QApplication.focusWidget()
        if target is None:
            return
        self._replaying = True
        try:
            for key in keys:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key.key, key.modifiers, key.text))
        finally:
            self._replaying = False


def _main_window_of(widget: QWidget) -> QMainWindow | None:
    """The main window a dialog belongs to (its parent, or its parent dialog's)."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QMainWindow):
            return current
        current = current.parentWidget()
    return None


class ScanCapture(QPlainTextEdit):
    """A field to scan or paste an ID barcode into; ``submitted(text)`` when it is complete:
    on a slow Enter or Ctrl+Enter, or a pause after text holding an AAMVA header arrived."""

    submitted = Signal(str)

    def __init__(
        self,
        *,
        max_gap_ms: float = MAX_GAP_MS,
        pause_ms: int = QUIET_MS,
        clock: Callable[[], float] = monotonic_ms,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scan_capture")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.max_gap_ms = max_gap_ms
        self.clock = clock
        self._last = -1e9
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(pause_ms)
        self._pause.timeout.connect(self._paused)
        self.textChanged.connect(self._changed)
        lines = 2
        margins = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom() + 12)

    def event(self, event: QEvent) -> bool:
        # Enter here is this field's own: never the window's "next step" shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in _ENTER_KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        now = self.clock()
        fast = now - self._last <= self.max_gap_ms
        self._last = now
        if event.key() == Qt.Key.Key_Escape and self.toPlainText():
            self.clear()
            return
        if event.key() in _ENTER_KEYS:
            forced = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if forced or not fast:
                self.submit()
                return
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)

    def _changed(self) -> None:
        if self.toPlainText().strip():
            self._pause.start()
        else:
            self._pause.stop()

    def _paused(self) -> None:
        if looks_like_barcode(self.toPlainText()):
            self.submit()

    def submit(self) -> None:
        text = self.toPlainText()
        self._pause.stop()
        if not text.strip():
            return
        self.clear()
        self.submitted.emit(text)
