"""The marketing-consent step, made fit for consent with legal weight (TCPA, CASL, CAN-SPAM).

Above each channel's box the page shows the exact disclosure the clerk reads to the customer
(``app.disclosure``: text, version, hash), in the station's language or another the customer
prefers. Boxes start unticked. The clerk says how consent was given, spoken in person or
signed on screen; channels whose disclosure requires a signature (texts and calls ship that
way: prior express *written* consent) switch to "signed" and need ink on the signature pad.

What stops a consent from being recorded (``app.consent.consent_problems``: no phone number
for texts, no signature, no clerk) is shown under that channel's box as the clerk works, kept
in the wizard's extra problems so the step list flags the step and Next stops on it; and the
submit itself goes through this feature first (``install`` puts ``ConsentStep.submit`` between
the window's ``submit_requested`` and the session), which refuses to send while a problem remains.

When to record: at submit, *before* the intake is queued or sent. The opt-in flags travel to
the POS with the customer, and the POS starts marketing on them; a flag must never leave the
station without its proof already written, so if the record cannot be written, nothing is sent.
The intake id of the records is the intake's draft id, which the outbox keeps beside its
entry: when the customer is created (now, or later by the background sync, even after a
restart) the consents of that intake get the POS customer id (``attach_customer``). A
resubmit after a refusal records only consents that changed (another number, method, wording
or signature), so a fix does not duplicate the record. A consent signed on screen is recorded
with the pad's PNG, which the log keeps encrypted beside it.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import sqlite3
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import wire
from app.consent import (
    CLERK,
    METHOD_SIGNED,
    METHOD_VERBAL,
    ConsentError,
    ConsentLog,
    applies_to,
    consent_problems,
    consented_channels,
)
from app.disclosure import LANGUAGES, DisclosureError, Disclosures, load_disclosures, normalize_language
from app.drafts import new_draft_id
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.wizard import STEP_KEYS
from ui.features.audit import canonical_intake_id, intake_id_of, ledger
from ui.i18n import tr_message
from ui.widgets.field_row import set_status
from ui.widgets.signature import SignaturePad

log = logging.getLogger(__name__)

_C = "ConsentStep"
_UNSIGNED = N(_C, "The customer has not signed yet: ask for a signature below, or choose “Spoken, in person”.")
_NO_WORDING = N(_C, "The disclosure wording cannot be loaded, so this consent cannot be recorded: {reason}")
_LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français"}
# The field to fill when an offer lacks what it goes to.
_CONTACT_FIELDS = {wire.MARKETING_EMAIL: wire.EMAIL, wire.MARKETING_SMS: wire.CELL_PHONE,
                   wire.MARKETING_CALLS: wire.PHONE}


def _msg(template: str, **params: Any) -> Message:
    return Message(template, _C, **params)


class ConsentStep(QObject):
    """The consent page's additions and the submit gate. Signals: ``recorded`` (list of
    ``ConsentRecord``) once consents are written; ``attached`` (intake id, rows) once they carry
    the POS customer id; ``recording_failed`` (message)."""

    recorded = Signal(object)
    attached = Signal(str, int)
    recording_failed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.page = window.form_pages[STEP_KEYS.index("consent")]
        self.language = normalize_language(window.config.language)
        self.disclosures: Disclosures | None = None
        self.load_error = ""
        self._log: ConsentLog | None = None
        self._wizard = window.wizard
        self._shown: dict[str, list[str]] = {}  # the messages this feature put in the wizard's extra problems
        self._recorded: dict[str, set[tuple[str, ...]]] = {}  # intake id -> consents written
        self._ticked: set[str] = set(consented_channels(window.wizard.record()))
        self._signed_for: set[str] = set()
        self._recording = False
        self._build()
        self._load(self.language)
        self._apply_requirements()
        self.sync()

    # --- the page -------------------------------------------------------------------
    def _build(self) -> None:
        body = self.page.widget()
        outer = body.layout()
        intro = QWidget(body)
        intro_layout = QVBoxLayout(intro)
        intro_layout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(self.tr(
            "Read the text above each box to the customer, word for word. Tick the box only when the customer "
            "says yes to that offer; leave it empty otherwise."), intro)
        self.intro.setObjectName("consentIntro")
        self.intro.setWordWrap(True)
        line = QHBoxLayout()
        self.language_box = QComboBox(intro)
        self.language_box.setObjectName("disclosureLanguage")
        for code in LANGUAGES:
            self.language_box.addItem(_LANGUAGE_NAMES.get(code, code), code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.language)))
        language_label = QLabel(self.tr("&Read in:"), intro)
        language_label.setBuddy(self.language_box)
        self.language_box.setAccessibleName(self.tr("Language of the disclosures"))
        self.version = QLabel(intro)
        self.version.setObjectName("disclosureVersion")
        self.version.setProperty("status", "hint")
        line.addWidget(language_label)
        line.addWidget(self.language_box)
        line.addSpacing(16)
        line.addWidget(self.version, 1)
        intro_layout.addWidget(self.intro)
        intro_layout.addLayout(line)
        outer.insertWidget(0, intro)

        self.texts: dict[str, QLabel] = {}
        for channel in wire.MARKETING_FIELDS:
            row = self.page.rows[channel]
            text = QLabel(row)
            text.setObjectName(f"{channel}.disclosure")
            text.setProperty("role", "disclosure")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setContentsMargins(12, 2, 0, 2)
            row.layout().insertWidget(1, text)
            self.texts[channel] = text
            row.editor.setText(self.tr("The customer says yes"))

        self.method_box = QGroupBox(self.tr("How was consent given?"), body)
        self.method_box.setObjectName("consentMethod")
        box = QVBoxLayout(self.method_box)
        self.verbal = QRadioButton(self.tr("Spo&ken, in person"), self.method_box)
        self.verbal.setObjectName("consent_method.verbal")
        self.signed = QRadioButton(self.tr("Si&gned on screen by the customer"), self.method_box)
        self.signed.setObjectName("consent_method.signed")
        self.methods = QButtonGroup(self)
        self.methods.addButton(self.verbal)
        self.methods.addButton(self.signed)
        self.verbal.setChecked(True)
        self.method_note = QLabel(self.method_box)
        self.method_note.setObjectName("consentMethod.note")
        self.method_note.setWordWrap(True)
        self.method_note.setProperty("status", "hint")
        self.pad = SignaturePad(parent=self.method_box)
        self.pad_note = QLabel(self.method_box)
        self.pad_note.setObjectName("signaturePad.message")
        self.pad_note.setWordWrap(True)
        self.pad_note.hide()
        box.addWidget(self.verbal)
        box.addWidget(self.signed)
        box.addWidget(self.method_note)
        box.addWidget(self.pad)
        box.addWidget(self.pad_note)
        outer.insertWidget(outer.count() - 1, self.method_box)  # before the closing stretch

        # Tab as the page reads: the wording's language, each offer, how consent was given, the pad.
        chain = [self.language_box, *(self.page.rows[c].editor for c in wire.MARKETING_FIELDS),
                 self.verbal, self.signed, self.pad]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.methods.buttonToggled.connect(self._method_toggled)
        self.pad.changed.connect(self._pad_changed)
        self.language_box.currentIndexChanged.connect(
            lambda _i: self._language_chosen(self.language_box.currentData()))
        self.page.installEventFilter(self)

    def _load(self, language: str) -> None:
        try:
            self.disclosures = load_disclosures(self.window.config, language)
            self.load_error = ""
        except DisclosureError as exc:
            self.disclosures, self.load_error = None, str(exc)
        for channel, label in self.texts.items():
            if self.disclosures is not None:
                label.setText(self.disclosures.text(channel))
                set_status(label, "")
            else:
                label.setText(self.tr("The disclosure wording cannot be loaded: %s") % self.load_error)
                set_status(label, "error")
        if self.disclosures is not None:
            d = self.disclosures
            self.version.setText(self.tr("Wording version %s (%s)") % (d.version, _LANGUAGE_NAMES.get(d.language,
                                                                                                  d.language)))
        else:
            self.version.setText("")

    def _language_chosen(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        self._load(language)
        # The customer signed under the wording then on screen; other wording needs another signature.
        self._clear_signature(self.tr("The wording changed after the customer signed: ask for the signature again."))
        self.sync()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show:
            self._changed()
        return False

    # --- state ----------------------------------------------------------------------
    def method(self) -> str:
        return METHOD_SIGNED if self.signed.isChecked() else METHOD_VERBAL

    def ticked(self) -> list[str]:
        return self._new_consents(self.window.wizard.record())

    def _new_consents(self, record) -> list[str]:
        """The ticked channels that need a consent now: when updating a customer, not those the POS
        already holds a yes for (``app.consent_withdrawals.given_channels``)."""
        target = getattr(getattr(self.window, "session", None), "update_of", None)
        if target is None:
            return consented_channels(record)
        from app.consent_withdrawals import given_channels

        return given_channels(target.customer, record)

    def _needs_signature(self, channels) -> bool:
        d = self.disclosures
        return d is not None and any(d[c].signature_required for c in channels if c in d.channels)

    def _apply_requirements(self) -> None:
        must_sign = self._needs_signature(self.ticked())
        if must_sign and not self.signed.isChecked():
            self.signed.setChecked(True)
        self.verbal.setEnabled(not must_sign)
        self.method_note.setText(
            self.tr("Text and call offers need the customer's signature on screen (prior express written consent).")
            if must_sign else "")
        self.method_note.setVisible(must_sign)
        self.pad.setVisible(self.signed.isChecked())
        if not self.signed.isChecked():
            self.pad_note.hide()

    def _follow_wizard(self) -> None:
        """A new or resumed intake on screen starts with no signature and consent spoken."""
        if self.window.wizard is self._wizard:
            return
        self._wizard = self.window.wizard
        self._shown = {}
        self._ticked = set(self.ticked())
        self._signed_for = set()
        self.pad.clear()
        self.pad_note.hide()
        self.verbal.setEnabled(True)
        self.verbal.setChecked(True)

    def _changed(self) -> None:
        self._follow_wizard()
        ticked = set(self.ticked())
        added = ticked - self._ticked
        self._ticked = ticked
        if added and self.pad.is_signed() and not added <= self._signed_for:
            # The customer signed for what was ticked then; an offer added afterwards was not signed for.
            self._clear_signature(self.tr("An offer was ticked after the customer signed: ask for the signature "
                                          "again."))
        self._apply_requirements()
        self.sync()

    def _clear_signature(self, note: str) -> None:
        if not self.pad.is_signed():
            return
        self.pad.clear()
        self.pad_note.setText(note)
        set_status(self.pad_note, "error")
        self.pad_note.show()

    def _method_toggled(self, _button, checked: bool) -> None:
        if checked:
            self._apply_requirements()
            self.sync()

    def _pad_changed(self) -> None:
        if self.pad.is_signed():
            self._signed_for = set(self.ticked())
            self.pad_note.hide()
        self.sync()

    # --- problems -------------------------------------------------------------------
    def problems(self) -> dict[str, list[Message]]:
        """What stops the ticked consents from being recorded, by channel."""
        record = self.window.wizard.record()
        ticked = self._new_consents(record)
        if not ticked:
            return {}
        if self.disclosures is None:
            return {c: [_msg(_NO_WORDING, reason=self.load_error)] for c in ticked}
        chosen = self.method()
        signed = chosen == METHOD_SIGNED and self.pad.is_signed()
        found = consent_problems(record, ticked, clerk=getattr(self.window, "clerk", ""),
                                 method=METHOD_SIGNED if signed else METHOD_VERBAL, disclosures=self.disclosures)
        for channel, contact in _CONTACT_FIELDS.items():
            if channel in ticked and applies_to(record, channel) is None and found.get(channel):
                # said where the address or number is typed too (Identity), not only at the offer
                found.setdefault(contact, []).append(found[channel][0])
        clerk = found.pop(CLERK, [])
        if chosen == METHOD_SIGNED and not signed:
            for channel in ticked:
                if not self.disclosures[channel].signature_required:
                    found.setdefault(channel, []).append(_msg(_UNSIGNED))
        if clerk:
            found.setdefault(ticked[0], []).extend(clerk)
        return found

    def sync(self) -> dict[str, list[Message]]:
        """Put the current problems under their boxes (and in the wizard, so Next and the step list see them)."""
        self._follow_wizard()
        wizard = self.window.wizard
        found = self.problems()
        shown = {c: [str(m) for m in msgs] for c, msgs in found.items()}
        if shown != self._shown:
            for channel, messages in self._shown.items():
                bucket = wizard.extra_errors.get(channel)
                if bucket is None:
                    continue
                for message in messages:
                    if message in bucket:
                        bucket.remove(message)
                if not bucket:
                    del wizard.extra_errors[channel]
            wizard.add_errors(found)  # an empty mapping still clears the wizard's cached problems
            self._shown = shown
            self.window.refresh_messages()
        return found

    # --- submit ---------------------------------------------------------------------
    def consent_log(self) -> ConsentLog:
        if self._log is None:
            self._log = ConsentLog.open(self.window.config, self.window.station.cipher,
                                        getattr(self.session, "audit", None))
        return self._log

    def gate(self, proceed) -> None:
        """Before a complete intake is queued: refuse while a consent problem remains, record the
        ticked consents, then ``proceed``."""
        window, session = self.window, self.session
        if self._recording:
            return  # a submit is already on its way (Enter pressed again)
        self._changed()
        if self._shown:
            window.show_problems()
            return
        record = window.wizard.record()
        ticked = self._new_consents(record)
        if not ticked:
            proceed()
            return
        if session.draft_id is None:
            session.draft_id = new_draft_id()  # the intake's id from now on: its consents and its outbox entry share it
        intake_id = canonical_intake_id(session.draft_id)
        disclosures, method, clerk = self.disclosures, self.method(), window.clerk
        # The image is rendered here, on the window's thread; the worker only stores it.
        signature = self.pad.image_png() if method == METHOD_SIGNED else None
        signed = hashlib.sha256(signature).hexdigest() if signature else ""
        prints = {c: (c, applies_to(record, c) or "", method, disclosures[c].sha256, signed) for c in ticked}
        written = self._recorded.setdefault(intake_id, set())
        new = [c for c in ticked if prints[c] not in written]
        if not new:
            proceed()
            return
        consent_log = self.consent_log

        def work():
            return consent_log().record_intake(record, clerk=clerk, intake_id=intake_id, disclosures=disclosures,
                                               method=method, consents=new, signature_png=signature)

        def done(records) -> None:
            self._recording = False
            window.set_busy("")
            written.update(prints[c] for c in new)
            self.recorded.emit(records)
            proceed()

        def failed(exc: BaseException) -> None:
            self._recording = False
            window.set_busy("")
            if isinstance(exc, ConsentError):
                window.wizard.add_errors({c: m for c, m in exc.problems.items() if c in wire.MARKETING_FIELDS})
                window.show_problems()
                reason = "; ".join(tr_message(m) for msgs in exc.problems.values() for m in msgs)
            elif isinstance(exc, OSError | sqlite3.Error | ValueError):
                reason = str(exc)
            else:
                reason = type(exc).__name__
            log.error("consent not recorded: %s", type(exc).__name__)
            text = self.tr("The consent could not be recorded, so the intake was not sent: %s. Try again, or untick "
                           "the offers to send the intake without them.") % reason
            window.show_outcome(text, "error")
            self.recording_failed.emit(text)

        self._recording = True
        window.set_busy(self.tr("Recording consent…"))
        ledger(window).run(work, done, failed)

    # --- after the POS created the customer -----------------------------------------
    def _submitted(self, outcome: str, entry) -> None:
        self._follow_wizard()
        if outcome == "created":
            self._attach(intake_id_of(entry), entry.customer_id)

    def _synced(self, report) -> None:
        for created in getattr(report, "created", []):
            self._attach(intake_id_of(created), created.customer_id)

    def _attach(self, intake_id: str | None, customer_id) -> None:
        if intake_id is None or customer_id is None:
            return
        consent_log, window = self.consent_log, self.window

        def failed(exc: BaseException) -> None:
            log.error("consents not linked to the customer: %s", type(exc).__name__)
            reason = "; ".join(tr_message(m) for msgs in exc.problems.values() for m in msgs) \
                if isinstance(exc, ConsentError) else type(exc).__name__
            window.statusBar().showMessage(
                self.tr("The customer's consents could not be linked to the customer: %s") % reason, 15000)

        ledger(window).run(lambda: consent_log().attach_customer(intake_id, customer_id),
                           lambda rows: self.attached.emit(intake_id, int(rows)), failed)


def install(window) -> None:
    step = ConsentStep(window)
    window.consent_step = step
    session = window.session
    # The last question before an intake is queued: its consents are recorded first.
    session.add_submit_gate(step.gate, last=True)
    window.intake_changed.connect(step._changed)
    window.new_intake_requested.connect(step._follow_wizard)
    session.submitted.connect(step._submitted)
    session.synced.connect(step._synced)
    shift = getattr(window, "clerk_shift", None)
    if shift is not None:
        shift.changed.connect(lambda _name: step.sync())
