"""The clerk on shift: asked for when the window opens, shown in the status bar, changed from
Intake → Change clerk….

No password: the POS holds roles. The station needs a name for consent records and audit
events. The dialog offers the station's clerks, most recent first, the usual one chosen; a
new name is typed in the same box. Demo mode ("Demo clerk") and the ``INTAKE_CLERK``
environment variable (kiosk scripts, tests) skip the question. When someone is already typing
(or scanning) into the form as the window finishes loading, the question waits until that
intake is sent or put aside, so it never takes the keyboard mid-word.

Other features read ``window.clerk`` (the name, "" before anyone took the shift) and connect
to ``window.clerk_shift.changed``.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout
from shiboken6 import isValid

from app.audit import CLERK_CHANGED
from app.clerks import ClerkError, ClerkRoster, clean_name
from ui.features.audit import post_event
from ui.features.menu import add_action
from ui.i18n import tr_message
from ui.tasks import run_task
from ui.widgets.field_row import set_status

log = logging.getLogger(__name__)

ENV_CLERK = "INTAKE_CLERK"
DEMO_CLERK = "Demo clerk"


class ClerkDialog(QDialog):
    """Who is on shift: an editable list of the station's clerks. ``chosen`` holds the clean name."""

    def __init__(self, names: list[str], default: str | None, *, first: bool, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("clerkDialog")
        self.setWindowTitle(self.tr("Clerk on shift") if first else self.tr("Change clerk"))
        self.chosen: str | None = None
        intro = QLabel(self.tr("Who is at the front desk? Consent records and the audit trail carry this name."), self)
        intro.setWordWrap(True)
        self.combo = QComboBox(self)
        self.combo.setObjectName("clerkName")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(names)
        self.combo.setAccessibleName(self.tr("Clerk name"))
        if default:
            index = self.combo.findText(default)
            if index >= 0:
                self.combo.setCurrentIndex(index)
            else:
                self.combo.setEditText(default)
        else:
            self.combo.setEditText("")
        self.combo.lineEdit().setPlaceholderText(self.tr("Your name"))
        label = QLabel(self.tr("&Name:"), self)
        label.setBuddy(self.combo)
        self.message = QLabel(self)
        self.message.setObjectName("clerkName.message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start shift"))
        ok.setObjectName("clerkOk")
        if not first:
            cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            cancel.setObjectName("clerkCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.combo.editTextChanged.connect(lambda _text: self.message.hide())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        try:
            self.chosen = clean_name(self.combo.currentText())
        except ClerkError as exc:
            self.message.setText(tr_message(exc.message))
            set_status(self.message, "error")
            self.message.show()
            self.combo.setFocus()
            return
        super().accept()


class ClerkShift(QObject):
    """The window's clerk on shift. ``changed`` (name) after each start of a shift."""

    changed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.roster = ClerkRoster.open(window.config)
        self.dialog: ClerkDialog | None = None

    @property
    def name(self) -> str:
        return getattr(self.window, "clerk", "")

    def start(self, name: str) -> None:
        """Put ``name`` on shift now; the station's list is updated off the UI thread."""
        try:
            name = clean_name(name)
        except ClerkError as exc:
            self.window.statusBar().showMessage(tr_message(exc.message), 10000)
            return
        previous = self.name
        self.window.clerk = name
        roster = self.roster

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            text = tr_message(exc.message) if isinstance(exc, ClerkError) else type(exc).__name__
            self.window.statusBar().showMessage(text, 10000)

        run_task(lambda: roster.start_shift(name), None, failed)
        if name != previous:
            post_event(self.window, CLERK_CHANGED, clerk=name)
        self.changed.emit(name)

    def ask(self, *, first: bool = False) -> None:
        """Open the dialog (window-modal, not blocking); the known names are read off the UI thread."""
        if self.dialog is not None:
            self.dialog.raise_()
            return
        roster = self.roster
        current = self.name

        def read() -> tuple[list[str], str | None]:
            try:
                return roster.names(), current or roster.default()
            except ClerkError:
                return [], current or None  # an unreadable list only costs the suggestions

        run_task(read, lambda result: self._show(*result, first=first))

    def _show(self, names: list[str], default: str | None, *, first: bool) -> None:
        if not isValid(self) or self.dialog is not None:
            return  # the window closed while the names were read, or a dialog is already open
        dialog = ClerkDialog(names, default, first=first, parent=self.window)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted and dialog.chosen:
                self.start(dialog.chosen)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()


def install(window) -> None:
    window.clerk = ""
    shift = ClerkShift(window)
    window.clerk_shift = shift
    label = QLabel(window)
    label.setObjectName("clerk")
    label.setAccessibleName(window.tr("Clerk on shift"))
    window.statusBar().addPermanentWidget(label)

    def show(name: str) -> None:
        label.setText(window.tr("Clerk: %s") % name if name else window.tr("No clerk on shift"))

    shift.changed.connect(show)
    show("")
    window.change_clerk_action = add_action(window, window.intake_menu, window.tr("Change &clerk…"), "changeClerk",
                                            lambda: shift.ask())

    preset = os.environ.get(ENV_CLERK, "").strip() or (DEMO_CLERK if window.config.demo else "")
    if preset:
        shift.start(preset)
    elif _intake_begun(window):
        _ask_after_this_intake(window, shift)
    else:
        QTimer.singleShot(0, shift, lambda: shift.ask(first=True))


def _intake_begun(window) -> bool:
    """Whether someone typed (or scanned) into the form while the window was still loading."""
    from app.wizard import empty_values

    return bool(getattr(window, "typed_early", False)) or window.wizard.values != empty_values()


def _ask_after_this_intake(window, shift: ClerkShift) -> None:
    """The question would take the keyboard mid-word (or a scan's keys): it waits until the
    intake on screen is sent, queued or put aside. Meanwhile the status bar says no clerk."""
    asked = False

    def ask(*_args) -> None:
        nonlocal asked
        if asked or not isValid(shift) or shift.name:
            return
        asked = True
        shift.ask(first=True)

    window.session.submitted.connect(lambda outcome, _entry: outcome in ("created", "queued") and ask())
    window.new_intake_requested.connect(ask)
