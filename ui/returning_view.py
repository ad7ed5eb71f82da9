"""The returning-customer view: who the POS already holds, and whether their record is current.

Shows the customer's name, POS status, type, groups and marketing choices, then one line per
verdict of ``app.returning.check_customer`` (ID, recommendation, age for the type, POS status),
problems first in red and soon-to-expire items in amber, each with the action that fixes it.
Two ways on: **Update** (Enter: the default button when something needs fixing) edits the
customer in the wizard, and **Nothing to change** checks the customer in; Escape closes.

Qt only renders here: the verdicts and their wording come from ``app.returning``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app import wire
from app.returning import Check, Verdict, worst
from ui.i18n import tr_choice, tr_label, tr_message

_COLOURS = {Verdict.PROBLEM: "#b91c1c", Verdict.SOON: "#b45309", Verdict.UNKNOWN: "#4b5563", Verdict.OK: "#15803d"}
_MARKS = {Verdict.PROBLEM: "✗", Verdict.SOON: "!", Verdict.UNKNOWN: "?", Verdict.OK: "✓"}
_ORDER = {Verdict.PROBLEM: 0, Verdict.SOON: 1, Verdict.UNKNOWN: 2, Verdict.OK: 3}


class ReturningCustomerView(QDialog):
    """``update_requested(customer)``: the clerk chose to update; ``checked_in(customer)``: nothing
    to change. ``group_names(ids)`` names the customer's groups (ids shown when unknown)."""

    update_requested = Signal(dict)
    checked_in = Signal(dict)

    def __init__(
        self,
        customer: Mapping[str, Any],
        checks: Iterable[Check],
        *,
        group_names: Callable[[list[int]], list[str]] | None = None,
        note: str = "",
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.customer = dict(customer)
        self.checks = sorted(checks, key=lambda c: _ORDER[c.verdict])
        self.setObjectName("returningCustomer")
        self.setWindowTitle(self.tr("Returning customer"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        name = " ".join(str(self.customer.get(k) or "") for k in (wire.FIRST_NAME, wire.MIDDLE_NAME,
                                                                  wire.LAST_NAME)).split()
        self.title = QLabel(" ".join(name) or self.tr("(no name)"), self)
        self.title.setObjectName("returning.name")
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(self.title)

        facts = QFormLayout()
        status = str(self.customer.get(wire.RESP_STATUS) or "")
        self._fact(facts, self.tr("POS customer"), f"#{self.customer.get(wire.RESP_ID, '')}", "returning.id")
        shown = {"verified": self.tr("verified"), "pending": self.tr("pending")}.get(status, status or "—")
        self._fact(facts, self.tr("Status in the POS"), shown, "returning.status")
        customer_type = str(self.customer.get(wire.TYPE) or "")
        self._fact(facts, tr_label(wire.TYPE), tr_choice(customer_type) if customer_type else "—", "returning.type")
        groups = [g for g in self.customer.get(wire.MANUAL_GROUPS) or [] if isinstance(g, int)]
        names = (group_names or (lambda ids: [str(i) for i in ids]))(groups) if groups else []
        self._fact(facts, tr_label(wire.MANUAL_GROUPS), ", ".join(names) or "—", "returning.groups")
        chosen = [tr_label(c) for c in wire.MARKETING_FIELDS if self.customer.get(c) is True]
        self._fact(facts, self.tr("Marketing"), ", ".join(chosen) or self.tr("none"), "returning.marketing")
        layout.addLayout(facts)

        self.verdicts: list[QLabel] = []
        for check in self.checks:
            line = QLabel(f"{_MARKS[check.verdict]}  {tr_message(check.message)}", self)
            line.setObjectName(f"returning.{check.what}")
            line.setProperty("verdict", check.verdict.value)
            line.setWordWrap(True)
            line.setStyleSheet(f"color: {_COLOURS[check.verdict]};"
                               + (" font-weight: 600;" if check.verdict is Verdict.PROBLEM else ""))
            line.setAccessibleName(tr_message(check.message))
            layout.addWidget(line)
            self.verdicts.append(line)
        if note:
            self.note = QLabel(note, self)
            self.note.setObjectName("returning.note")
            self.note.setWordWrap(True)
            layout.addWidget(self.note)

        buttons = QDialogButtonBox(self)
        self.update_button = QPushButton(self.tr("&Update customer"), self)
        self.update_button.setObjectName("returning.update")
        self.check_in_button = QPushButton(self.tr("&Nothing to change"), self)
        self.check_in_button.setObjectName("returning.check_in")
        buttons.addButton(self.update_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.check_in_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)
        # Enter does what the record needs: update when something stands out, else check in.
        needs_work = worst(self.checks) in (Verdict.PROBLEM, Verdict.SOON)
        default = self.update_button if needs_work else self.check_in_button
        default.setDefault(True)
        default.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_button.clicked.connect(self._update)
        self.check_in_button.clicked.connect(self._check_in)
        buttons.rejected.connect(self.reject)

    def _fact(self, form: QFormLayout, title: str, value: str, name: str) -> None:
        label = QLabel(value, self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(title, label)

    def _update(self) -> None:
        self.update_requested.emit(self.customer)
        self.accept()

    def _check_in(self) -> None:
        self.checked_in.emit(self.customer)
        self.accept()
