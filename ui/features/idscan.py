"""Filling the Identity step from the barcode on the back of the customer's ID.

Three ways in, one way to fill: a keyboard-mode scanner typing anywhere on the Identity step
(``WedgeFilter``), the "Scan ID" field (F2) that takes a scan or a pasted barcode, and "Read
from image…" for desks that photograph the card. Each read fills the form through the wizard,
marks the filled fields, shows the reader's warnings (expired ID, under age, shortened names,
unreadable fields) in a banner, and asks in the background whether the customer already exists.

Intakes created here are remembered as keyed digests (``app.duplicates``) so the check also
finds customers this station created while the POS could not be asked.

Made in two parts at start-up: ``prepare`` (the panel on the Identity step and the scanner's
key filter, before the first key, so a scan that starts while the window is still loading is
caught) and ``install`` (``attach``: the session, the other steps, and reading what was
scanned meanwhile). The reader, the duplicate check and the keyring load only with ``install``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import wire
from app.fields import ID_EXPIRATION_DATE
from app.steps import STEP_KEYS, STEPS
from ui import file_dialogs
from ui.i18n import tr_message
from ui.tasks import run_task
from ui.widgets.field_row import repolish_later, set_status
from ui.widgets.inputs import ChoiceInput, DateInput
from ui.widgets.scan_capture import MAX_GAP_MS, QUIET_MS, ScanCapture, WedgeFilter, monotonic_ms

if TYPE_CHECKING:
    from app.duplicates import CreatedIndex, Match, Matches
    from app.idscan import ScanError, ScanResult

log = logging.getLogger(__name__)

IDENTITY = STEP_KEYS.index("identity")
ADDRESS = STEP_KEYS.index("address")
# What the duplicate check needs of a record; nothing else leaves the form for it.
_KEY_FIELDS = (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.STATE_ID)
# Filled by a scan, but optional: no need to send the clerk there after a scan.
_OPTIONAL = frozenset({wire.MIDDLE_NAME, wire.NICKNAME, wire.REFERRAL_SOURCE})


def key_fields(record: Mapping[str, Any]) -> dict[str, str]:
    return {name: str(record.get(name) or "").strip() for name in _KEY_FIELDS}


class IdScanFeature(QObject):
    """Installed once per window (``install``); find it with ``window.findChild(IdScanFeature)``.

    Signals: ``filled(names)`` after a read filled the form; ``checked(matches)`` after a
    duplicate check of a read settled."""

    filled = Signal(list)
    checked = Signal(object)

    def __init__(
        self,
        window,
        *,
        max_gap_ms: float = MAX_GAP_MS,
        quiet_ms: int = QUIET_MS,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(window)
        self.setObjectName("idscan")
        self.window = window
        self._marked: dict[str, str] = {}  # field name -> the hint its row had before
        self._marking = False
        self._generation = 0
        self._index: CreatedIndex | None = None
        self._index_lock = threading.Lock()
        self._submitted_keys: dict[str, str] | None = None
        self.attached = False
        self._scanned_early: list[str] = []  # read once attached
        self._build_panel(max_gap_ms, clock)
        self._build_actions()
        self.wedge = WedgeFilter(self._accepts, max_gap_ms=max_gap_ms, quiet_ms=quiet_ms, clock=clock, parent=self)
        self.wedge.scanned.connect(self._burst)
        self._listen_on_identity_fields()
        window.new_intake_requested.connect(self.clear_banner)
        window.submit_requested.connect(self._remember_submitted)

    def _listen_on_identity_fields(self) -> None:
        """The scanner's filter on the Identity step's fields first, then, from ``attach``, on
        the whole application (a scan is caught wherever it is typed). An application-wide
        Python filter costs every event a call into Python, and its first events make PySide6
        build many Python classes at once: on the fields alone it stays out of the start-up's
        way, while a scan typed into them (the window opens on them) is caught from the first key."""
        self._field_targets = [row.editor.focusProxy() or row.editor
                               for row in self.window.form_pages[IDENTITY].rows.values()]
        for target in self._field_targets:
            target.installEventFilter(self.wedge)

    def listen_everywhere(self) -> None:
        """The scanner's filter on the whole application (from the fields it started on)."""
        targets, self._field_targets = self._field_targets, []
        if not targets:
            return
        from PySide6.QtWidgets import QApplication

        for target in targets:
            if shiboken6.isValid(target):
                target.removeEventFilter(self.wedge)
        QApplication.instance().installEventFilter(self.wedge)

    def attach(self) -> None:
        """Once the window is complete (every step, the intake, the session): watch the filled
        fields, join the submit, and read what was scanned before."""
        if self.attached:
            return
        self.attached = True
        self.listen_everywhere()
        window = self.window
        self._watch_edits()
        session = getattr(window, "session", None)
        if session is not None:
            session.submitted.connect(self._intake_settled)
            session.add_submit_gate(self.check_before_submit)
        early, self._scanned_early = self._scanned_early, []
        for text in early:
            self.read_text(text)

    # --- widgets ----------------------------------------------------------------------
    def _build_panel(self, max_gap_ms: float, clock: Callable[[], float]) -> None:
        page = self.window.form_pages[IDENTITY]
        body = page.widget()
        panel = QWidget(body)
        panel.setObjectName("scan_panel")
        row = QHBoxLayout(panel)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.scan_button = QPushButton(self.tr("Sc&an ID (F2)"), panel)
        self.scan_button.setObjectName("scan_id")
        self.scan_button.setAccessibleName(self.tr("Scan ID"))
        self.scan_button.setAutoDefault(False)
        self.scan_button.clicked.connect(self.focus_capture)
        self.image_button = QPushButton(self.tr("Read fr&om image…"), panel)
        self.image_button.setObjectName("scan_image")
        self.image_button.setAccessibleName(self.tr("Read ID from image"))
        self.image_button.setAutoDefault(False)
        self.image_button.clicked.connect(self.read_image)
        self.capture = ScanCapture(max_gap_ms=max_gap_ms, clock=clock, parent=panel)
        self.capture.setPlaceholderText(self.tr("Scan the barcode on the back of the ID, or paste its text here"))
        self.capture.setAccessibleName(self.tr("ID barcode"))
        # Reached with F2 or the button, not in the Tab walk through the form.
        self.capture.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.capture.submitted.connect(self.read_text)
        row.addWidget(self.scan_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.image_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.capture, 1)
        self.banner = QLabel(body)
        self.banner.setObjectName("scan_warnings")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setAccessibleName(self.tr("ID scan"))
        self.banner.hide()
        layout: QVBoxLayout = body.layout()
        layout.insertWidget(0, panel)
        layout.insertWidget(1, self.banner)

    def _build_actions(self) -> None:
        self.scan_action = QAction(self.tr("&Scan ID"), self.window)
        self.scan_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.scan_action.triggered.connect(self.focus_capture)
        self.image_action = QAction(self.tr("Read ID from &image…"), self.window)
        self.image_action.triggered.connect(self.read_image)
        self.window.addAction(self.scan_action)  # F2 works wherever the focus is in the window
        menu = self.window.intake_menu
        menu.addSeparator()
        menu.addAction(self.scan_action)
        menu.addAction(self.image_action)

    def _accepts(self, widget: QWidget) -> bool:
        """A scan is caught on every step, and in the window's own questions (a burst must
        never press their buttons); not in the capture field, which takes scans itself."""
        top = widget.window()
        ours = top is self.window or (isinstance(top, QMessageBox) and top.parentWidget() is self.window)
        return ours and widget is not self.capture and not self.capture.isAncestorOf(widget)

    def _burst(self, text: str) -> None:
        """A scanner's burst, wherever it was typed. On Identity it fills the form; on another
        step, with a customer on screen, the clerk says whether it is a new customer or this one
        (nothing is ever submitted or pressed by the burst itself)."""
        window = self.window
        for box in window.findChildren(QMessageBox):
            if box.isVisible():
                box.reject()  # a question open when the card was scanned: the card comes first
        if not self.attached or window.current_step == IDENTITY or not self._customer_on_screen():
            if self.attached and window.current_step != IDENTITY:
                window.go_to(IDENTITY)
            self.read_text(text)
            return
        self.ask_where(text)

    def _customer_on_screen(self) -> bool:
        return self.window.wizard.has_input()

    def ask_where(self, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("ID scanned"),
                          self.tr("An ID was scanned while a customer is on screen."), parent=self.window)
        box.setObjectName("scan_where")
        box.setInformativeText(self.tr("Start a new customer with this ID (the one on screen stays in drafts), "
                                       "or fill the customer on screen with it?"))
        new = box.addButton(self.tr("&New customer"), QMessageBox.ButtonRole.AcceptRole)
        fill = box.addButton(self.tr("&Fill this customer"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(new)  # the safe answer: the customer on screen is kept as a draft

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked is new:
                self.window.new_intake_requested.emit()
            elif clicked is not fill:
                return
            if self.window.current_step != IDENTITY:
                self.window.go_to(IDENTITY)
            self.read_text(text)

        box.finished.connect(answered)
        box.open()
        return box

    def focus_capture(self) -> None:
        if self.window.current_step != IDENTITY:
            self.window.go_to(IDENTITY)
        self.window.form_pages[IDENTITY].ensureWidgetVisible(self.capture)
        self.capture.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- reading --------------------------------------------------------------------------
    def read_text(self, text: str) -> ScanResult | None:
        """Read a barcode's text and fill the form; a bad read changes nothing and says why.
        Before ``attach`` the text is kept and read then (None now)."""
        if not self.attached:
            self._scanned_early.append(text)
            return None
        from app.idscan import ScanError, parse_barcode

        window = self.window
        try:
            result = parse_barcode(
                text, today=window.wizard.today or date.today(), jurisdiction=window.config.jurisdiction,
                customer_type=window.wizard.effective_type(),
            )
        except ScanError as exc:
            self.show_banner([self.tr("Could not read the ID barcode: %s") % _scan_reason(exc)], "error")
            return None
        except Exception as exc:  # the reader promises ScanError only; a clerk never sees a traceback
            log.error("ID barcode reader failed: %s", type(exc).__name__)
            self.show_banner([self.tr("Could not read the ID barcode: scan it again or type the details.")], "error")
            return None
        self.apply(result)
        return result

    def choose_image(self) -> str | None:
        path = file_dialogs.open_file(
            self.window, self.tr("Read ID from image"), "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"),
        )
        return path or None

    def read_image(self) -> None:
        path = self.choose_image()
        if not path:
            return
        from app.idscan.image import decode_image  # loads the image libraries; only when needed

        self.window.set_busy(self.tr("Reading the image…"))

        def done(text: str) -> None:
            if not shiboken6.isValid(self):
                return
            self.window.set_busy("")
            if self.window.wizard.current != IDENTITY:
                self.window.go_to(IDENTITY)
            self.read_text(text)

        def failed(exc: BaseException) -> None:
            from app.idscan import ScanError

            if not shiboken6.isValid(self):
                return
            self.window.set_busy("")
            if self.window.wizard.current != IDENTITY:
                self.window.go_to(IDENTITY)
            reason = _scan_reason(exc) if isinstance(exc, ScanError) else self.tr("the image could not be read.")
            self.show_banner([self.tr("Could not read the ID barcode: %s") % reason], "error")

        run_task(lambda: decode_image(path), done, failed)

    # --- filling --------------------------------------------------------------------------
    def apply(self, result: ScanResult) -> list[str]:
        """Fill the form from a read card: values, editors, messages, marks, banner, autosave."""
        window = self.window
        fields: dict[str, Any] = dict(result.fields)
        if result.expiry_date is not None:
            fields[ID_EXPIRATION_DATE] = result.expiry_date.isoformat()
        wizard = window.wizard
        names = wizard.fill(fields)
        # A field the previous card filled that this card leaves empty (a middle name) is cleared:
        # it belongs to the other person.
        for stale in [n for n in self._marked if n not in names]:
            wizard.set_value(stale, "")
            names.append(stale)
        self._marking = True
        try:
            for name in names:
                window.editor(name).set_value(wizard.value(name))
                wizard.touch(name)
        finally:
            self._marking = False
        for name in list(self._marked):
            self._unmark(name)
        for name in names:
            if wizard.value(name) not in ("", None):
                self._mark(name)
        window.refresh_messages()
        filled = [n for n in names if n in self._marked]
        lines = [(self.tr("Read from the ID: 1 field filled. Check it against the card.") if len(filled) == 1 else
                  self.tr("Read from the ID: %d fields filled. Check them against the card.") % len(filled))]
        lines += [tr_message(warning) for warning in result.warnings]
        self.show_banner(lines, "warning" if result.warnings else "ok")
        window.intake_changed.emit()
        self._focus_next_empty()
        self.filled.emit(filled)
        self._check_duplicates()
        return filled

    def _focus_next_empty(self) -> None:
        wizard = self.window.wizard
        for name in STEPS[IDENTITY].fields:
            if name not in _OPTIONAL and wizard.value(name) in ("", None):
                self.window.focus_field(name)
                return

    def _row(self, name: str):
        for page in self.window.form_pages.values():
            if name in page.rows:
                return page.rows[name]
        raise KeyError(name)

    def _mark(self, name: str) -> None:
        row = self._row(name)
        if name not in self._marked:
            self._marked[name] = row.hint
        row.hint = self.tr("Read from the ID")
        row.editor.setProperty("scanned", "true")
        repolish_later(row.editor)
        if isinstance(row.editor, DateInput):
            repolish_later(row.editor.line)

    def _unmark(self, name: str) -> None:
        if name not in self._marked:
            return
        row = self._row(name)
        row.hint = self._marked.pop(name)
        row.editor.setProperty("scanned", "false")
        # the look follows a turn later (many fields go at once when the form is reset)
        repolish_later(row.editor)
        if isinstance(row.editor, DateInput):
            repolish_later(row.editor.line)
        row.show_messages([])  # the hint goes now; refresh_messages puts back any message
        if not self.window._loading:  # a form being reset or loaded is refreshed once, at its end
            self.window.refresh_messages()

    @property
    def scanned_fields(self) -> set[str]:
        return set(self._marked)

    def _watch_edits(self) -> None:
        # Any change not made by a read (the clerk's typing, a new intake, a resumed draft)
        # takes the field's "read from the ID" mark away.
        for index in (IDENTITY, ADDRESS):
            for name, row in self.window.form_pages[index].rows.items():
                editor = row.editor
                if isinstance(editor, DateInput):
                    signal = editor.line.textChanged
                elif isinstance(editor, ChoiceInput):
                    signal = editor.currentIndexChanged
                elif hasattr(editor, "textChanged"):
                    signal = editor.textChanged
                else:
                    continue
                signal.connect(lambda *_args, n=name: self._changed_elsewhere(n))

    def _changed_elsewhere(self, name: str) -> None:
        if not self._marking and name in self._marked:
            self._unmark(name)
            if not self._marked:
                self.clear_banner()

    # --- banner -----------------------------------------------------------------------------
    def show_banner(self, lines: list[str], status: str) -> None:
        self.banner.setText("\n".join(lines[:1] + ["•  " + line for line in lines[1:]]))
        set_status(self.banner, status)
        self.banner.show()

    def add_to_banner(self, lines: list[str]) -> None:
        if not lines:
            return
        text = self.banner.text() if self.banner.isVisible() else ""
        extra = "\n".join("•  " + line for line in lines)
        self.banner.setText(f"{text}\n{extra}" if text else extra)
        if self.banner.property("status") != "error":
            set_status(self.banner, "warning")
        self.banner.show()

    def clear_banner(self) -> None:
        self._generation += 1
        self.banner.hide()
        self.banner.clear()

    # --- duplicates ------------------------------------------------------------------------
    def created_index(self) -> CreatedIndex:
        """The station's digest index of created intakes, opened on first use (off the UI thread)."""
        with self._index_lock:
            if self._index is None:
                from app.duplicates import open_created_index

                station = self.window.station
                self._index = open_created_index(station.data_dir, station.secrets.data_key())
            return self._index

    def _find(self, keys: dict[str, str]) -> Matches:
        from app.credentials import CredentialsError
        from app.duplicates import find_duplicates

        station = self.window.station
        index = self.created_index()
        if not keys[wire.STATE_ID]:
            return find_duplicates(keys, created_index=index)
        try:
            return station.with_client(lambda client: find_duplicates(keys, client=client, created_index=index))
        except CredentialsError:  # no API key here: the window says so elsewhere; ask locally
            return find_duplicates(keys, created_index=index)

    def _check_duplicates(self) -> None:
        self._generation += 1
        generation = self._generation
        keys = key_fields(self.window.wizard.record())

        def done(matches: Matches) -> None:
            if not shiboken6.isValid(self):  # the window closed while the check ran
                return
            if generation == self._generation:
                self.add_to_banner(self.describe(matches))
            self.checked.emit(matches)

        def failed(exc: BaseException) -> None:
            from app.duplicates import Matches

            log.warning("duplicate check failed: %s", type(exc).__name__)
            if shiboken6.isValid(self):
                self.checked.emit(Matches(notes=[self.tr("The duplicate check could not run.")]))

        run_task(lambda: self._find(keys), done, failed)

    def describe(self, matches: Matches) -> list[str]:
        lines = [self.describe_match(m) for m in matches]
        return lines + list(matches.notes)

    def describe_match(self, match: Match) -> str:
        number = f" (#{match.customer_id})" if match.customer_id is not None else ""
        by_state_id = wire.STATE_ID in match.what_matched
        by_name = wire.DATE_OF_BIRTH in match.what_matched
        if match.source == "pos":
            if by_name:
                return self.tr("A customer with this state ID, name and date of birth already exists in the POS%s.") % (
                    number)
            return self.tr("A customer with this state ID already exists in the POS%s.") % number
        day = match.created_on.isoformat() if match.created_on else "?"
        if by_state_id and by_name:
            what = self.tr("the same state ID, name and date of birth")
        elif by_state_id:
            what = self.tr("the same state ID")
        else:
            what = self.tr("the same name and date of birth")
        return self.tr("An intake with %s was created at this station on %s%s.") % (what, day, number)

    def check_before_submit(self, proceed: Callable[[], None]) -> None:
        """Ask whether the intake on screen is a customer already known; if so, let the clerk
        choose (Continue sends it, Cancel stays). Asynchronous: ``proceed`` runs later, or never."""
        window = self.window
        if getattr(getattr(window, "session", None), "update_of", None) is not None:
            proceed()  # updating the customer the POS holds: not a new one that could be a duplicate
            return
        keys = key_fields(window.wizard.record())
        window.set_busy(self.tr("Checking for duplicates…"))

        def done(matches: Matches) -> None:
            if not shiboken6.isValid(self):
                return
            window.set_busy("")
            if not list(matches):
                proceed()
                return
            self.confirm_duplicate(matches, proceed)

        def failed(exc: BaseException) -> None:
            window.set_busy("")
            log.warning("duplicate check before submit failed: %s", type(exc).__name__)
            proceed()  # the check is a courtesy; it never stops an intake

        run_task(lambda: self._find(keys), done, failed)

    def confirm_duplicate(self, matches: Matches, proceed: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Possible duplicate"),
                          self.tr("This customer may already exist."), parent=self.window)
        box.setObjectName("duplicate_confirm")
        box.setInformativeText("\n".join(self.describe(matches)))
        # The POS refuses a second customer with the same state ID: when the customer is known by
        # its POS number, opening it (to check in or update) is the default; else going back is.
        # Alt+C continues (a namesake, or a customer the POS does not hold) in one key.
        from ui.features.returning import ReturningFeature

        returning = self.window.findChild(ReturningFeature)
        existing = next((m.customer_id for m in matches if m.customer_id is not None), None)
        go = box.addButton(self.tr("&Continue"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        open_existing = None
        if returning is not None and existing is not None:
            open_existing = box.addButton(self.tr("&Open the existing customer"), QMessageBox.ButtonRole.ActionRole)
            open_existing.setObjectName("duplicate_open")
        box.setDefaultButton(open_existing or cancel)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked is go:
                proceed()
            elif clicked is not None and clicked is open_existing:
                returning.find(customer_id=existing)

        box.finished.connect(answered)
        box.open()
        return box

    def _remember_submitted(self) -> None:
        # Taken now: once the intake is created the session clears the form.
        self._submitted_keys = key_fields(self.window.wizard.record())

    def _intake_settled(self, outcome: str, entry: Any) -> None:
        keys, self._submitted_keys = self._submitted_keys, None
        if outcome in ("created", "queued"):
            self.clear_banner()
            for name in list(self._marked):
                self._unmark(name)
        if keys is None or outcome not in ("created", "queued") or getattr(entry, "kind", "create") != "create":
            return
        customer_id = getattr(entry, "customer_id", None)

        def remember() -> bool:
            return self.created_index().add(keys, customer_id)

        run_task(remember, None, lambda exc: log.warning("created-intake index not updated: %s", type(exc).__name__))

    def close(self) -> None:
        with self._index_lock:
            if self._index is not None:
                self._index.close()
                self._index = None


def prepare(window) -> IdScanFeature:
    """Before the first key: the Scan ID panel on the Identity step and the scanner's filter."""
    return window.findChild(IdScanFeature) or IdScanFeature(window)


def install(window) -> IdScanFeature:
    feature = prepare(window)
    feature.attach()
    return feature


def _scan_reason(exc: ScanError) -> str:
    """The reader's sentence in the window's language (it raises with a translatable message)."""
    return tr_message(exc.args[0]) if exc.args else str(exc)
