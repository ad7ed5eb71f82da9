"""The returning customer in the window: find, check, update.

* **Find.** A scan whose duplicate check finds the customer (the POS's state-ID lookup, or an
  intake this station created, with its POS id) opens the returning-customer view with the
  POS's record; so does Intake ▸ Find customer… (Ctrl+F), by state ID. Intakes still waiting
  in the outbox for the same person are named there too. Lookups run off the UI thread; when the
  POS cannot be reached, or the store's plan does not allow the lookup (HTTP 403, said once per
  session), the window says what it could not check and goes on as a new intake.
* **Check.** ``ui.returning_view`` shows the verdicts of ``app.returning``.
* **Update.** *Update customer* puts the POS's record (with what the scan read on top) in the
  wizard (``IntakeSession.begin_update``): changed fields are marked, Review lists only the
  changes, and Submit sends one update through the outbox. *Nothing to change* checks the
  customer in (an audit event) and leaves the form for the next customer.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit
from shiboken6 import isValid

from app import wire
from app.fields import ID_EXPIRATION_DATE
from ui.features.menu import add_action
from ui.i18n import translate
from ui.tasks import run_task
from ui.widgets.field_row import repolish

log = logging.getLogger(__name__)

CHANGED = "changed"  # the dynamic property a changed field's label carries while updating


class ReturningFeature(QObject):
    """Signals: ``view_opened(view)`` when the returning-customer view is shown, ``lookup_done(note)``
    when a lookup ended without a customer (``note``: what could not be checked, or empty)."""

    view_opened = Signal(object)
    lookup_done = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("returning")
        self.window = window
        self.view = None
        self._plan_said = False
        self._scan_values: dict[str, Any] = {}
        session = window.session
        session.update_started.connect(self._update_started)
        window.intake_changed.connect(self.mark_changes)
        window.review_changes = self.review_changes
        self.find_action = add_action(window, window.intake_menu, self.tr("&Find customer…"), "returning.find",
                                      self.ask_state_id, shortcut="Ctrl+F")
        self.find_local_action = add_action(window, window.intake_menu, self.tr("Find by name and &birth date"),
                                            "returning.find_local", self.find_on_screen, shortcut="Ctrl+Shift+F")
        from ui.features.idscan import IdScanFeature

        scanner = window.findChild(IdScanFeature)
        if scanner is not None:
            scanner.filled.connect(self._scanned)
            scanner.checked.connect(self._checked)

    # --- find ---------------------------------------------------------------------
    def ask_state_id(self) -> None:
        text, ok = QInputDialog.getText(self.window, self.tr("Find customer"),
                                        self.tr("State ID (driver's licence or ID card number):"),
                                        QLineEdit.EchoMode.Normal, "")
        if ok and text.strip():
            self.find(state_id=text)

    def find(self, *, state_id: str | None = None, customer_id: int | str | None = None,
             waiting: list[str] | None = None) -> None:
        """Look the customer up in the POS (by POS id or state ID), then show the view."""
        from app.api.errors import ApiError, PlanNotAllowed
        from app.credentials import CredentialsError

        station = self.window.station
        window = self.window

        def work() -> dict | None:
            with station.client() as client:
                if customer_id is not None:
                    return client.get_customer(customer_id)
                return client.find_by_state_id(state_id or "")

        def done(customer: dict | None) -> None:
            window.set_busy("")
            if customer is None:
                self._looked_up("not_found")
                self.lookup_done.emit("")
                window.statusBar().showMessage(self.tr("No customer in the POS holds this state ID."), 8000)
                return
            self._looked_up("found", customer.get(wire.RESP_ID))
            self.show_customer(customer, waiting=waiting or [])

        def failed(exc: BaseException) -> None:
            window.set_busy("")
            if isinstance(exc, PlanNotAllowed):
                self._looked_up("plan")
                note = self.tr("The store's POS plan does not allow looking customers up or updating them (the "
                               "vendor's PRO plan does). The station goes on creating customers, and warns of "
                               "duplicates it knows of itself.")
                if not self._plan_said:
                    self._plan_said = True
                    window.show_outcome(note, "warning")
                self.lookup_done.emit(note)
                return
            if isinstance(exc, ApiError | CredentialsError | ValueError):
                reason = exc.message if isinstance(exc, ApiError) else str(exc)
            else:
                reason = type(exc).__name__
            self._looked_up("unreachable")
            note = self.tr("The POS could not be asked about this customer: %s") % reason
            window.statusBar().showMessage(note, 10000)
            self.lookup_done.emit(note)

        window.set_busy(self.tr("Looking the customer up…"))
        run_task(work, done, failed)

    def find_on_screen(self) -> None:
        """By the name and date of birth on screen, in what this station knows: the intakes it
        created (with their POS ids) and those still waiting in the outbox. Works offline."""
        from app.duplicates import find_duplicates
        from app.returning import waiting_in_outbox
        from ui.features.idscan import IdScanFeature

        window = self.window
        record = window.wizard.record()
        if not all(record.get(k) for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH)):
            window.statusBar().showMessage(self.tr("Type the first name, last name and date of birth first."), 8000)
            return
        scanner = window.findChild(IdScanFeature)
        outbox = window.station.outbox
        keys = {k: record.get(k) for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH)}

        def work():
            index = scanner.created_index() if scanner is not None else None
            return find_duplicates(keys, created_index=index), waiting_in_outbox(outbox, keys)

        def done(result) -> None:
            matches, waiting = result
            found = next((m for m in matches if m.customer_id is not None), None)
            if found is not None:
                self.find(customer_id=found.customer_id, waiting=waiting)
                return
            if waiting:
                text = self.tr("An intake for this person is still waiting in the outbox (%s): it counts as already "
                               "here.") % ", ".join(w[:8] for w in waiting)
            else:
                text = self.tr("This station knows no customer with this name and date of birth.")
            window.statusBar().showMessage(text, 10000)
            self.lookup_done.emit(text)

        run_task(work, done, lambda exc: window.statusBar().showMessage(
            self.tr("The station's records could not be searched: %s") % type(exc).__name__, 10000))

    def _looked_up(self, reason: str, customer_id: Any = None) -> None:
        from app.audit import LOOKED_UP
        from ui.features.audit import post_event

        post_event(self.window, LOOKED_UP, customer_id=customer_id, details={"reason": reason, "source": "window"})

    def _scanned(self, names: list[str]) -> None:
        wizard = self.window.wizard
        self._scan_values = {n: wizard.value(n) for n in names if n in wizard.values}

    def _checked(self, matches) -> None:
        """After a scan's duplicate check: a customer the POS holds opens the view."""
        session = self.window.session
        if session.update_of is not None or not self._scan_values:
            return
        found = next((m for m in matches if m.customer_id is not None and m.source == "pos"), None) or next(
            (m for m in matches if m.customer_id is not None), None)
        if found is None:
            return
        from app.returning import waiting_in_outbox

        record = self.window.wizard.record()
        outbox = self.window.station.outbox
        run_task(lambda: waiting_in_outbox(outbox, record),
                 lambda waiting: self.find(customer_id=found.customer_id, waiting=waiting),
                 lambda exc: self.find(customer_id=found.customer_id))

    # --- check ----------------------------------------------------------------------
    def show_customer(self, customer: dict, *, waiting: list[str] | None = None) -> Any:
        from app.returning import check_customer
        from ui.returning_view import ReturningCustomerView

        window = self.window
        scanned = self._scan_values.get(ID_EXPIRATION_DATE) or window.wizard.values.get(ID_EXPIRATION_DATE)
        checks = check_customer({**customer, **{k: v for k, v in self._scan_values.items() if k == wire.DATE_OF_BIRTH}},
                                jurisdiction=window.config.jurisdiction, today=date.today(),
                                scanned_id_expiry=scanned or None,
                                soon_days=max(0, int(window.config.expiry_warning_days)))
        note = ""
        if waiting:
            note = self.tr("An intake for this person is still waiting in the outbox (%s): it counts as already "
                           "here.") % ", ".join(w[:8] for w in waiting)
        if self.view is not None and isValid(self.view):
            self.view.close()
        view = ReturningCustomerView(customer, checks, group_names=window.group_names, note=note, parent=window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.update_requested.connect(self.start_update)
        view.checked_in.connect(self.check_in)
        self.view = view
        view.open()
        self.view_opened.emit(view)
        return view

    def check_in(self, customer: dict) -> None:
        from app.audit import CHECKED_IN
        from ui.features.audit import post_event

        post_event(self.window, CHECKED_IN, customer_id=customer.get(wire.RESP_ID))
        self.window.show_outcome(self.tr("Customer #%s checked in: nothing to change.") % customer.get(wire.RESP_ID),
                                 "ok")
        self._scan_values = {}
        self.window.session.new_intake()

    # --- update ---------------------------------------------------------------------
    def start_update(self, customer: dict) -> None:
        overlay, self._scan_values = self._scan_values, {}
        self.window.session.begin_update(customer, overlay)
        self.window.show_outcome(
            self.tr("Updating customer #%s: change what is needed; Review lists the changes; Submit sends them.")
            % customer.get(wire.RESP_ID), "warning")

    def _update_started(self, target) -> None:
        self.mark_changes()
        title = translate("MainWindow", "Customer intake")
        if target is not None:
            title += " — " + self.tr("updating customer #%s") % target.customer_id
        self.window.setWindowTitle(title)

    def review_changes(self) -> tuple:
        """What Review shows while updating: (title, rows of field / in the POS / new, the update's
        body); (None,) when the intake on screen is a new customer."""
        from ui.i18n import tr_label
        from ui.pages.review import ReviewPage

        window, session = self.window, self.window.session
        target = session.update_of
        if target is None:
            return (None,)
        names = sorted(session.changed_names(), key=lambda n: list(target.base_values).index(n))
        show = ReviewPage.display_value
        rows = [(tr_label(n), show(n, target.base_values.get(n), window.group_names),
                 show(n, window.wizard.values.get(n), window.group_names)) for n in names]
        title = self.tr("Changes to customer #%s") % target.customer_id
        return title, rows, session.update_changes()

    def mark_changes(self) -> None:
        """Mark the labels of the fields changed from the POS's record (none when not updating)."""
        session = getattr(self.window, "session", None)
        if session is None:
            return
        changed = session.changed_names()
        for name, row in self.window._editors():
            flag = name in changed
            if bool(row.label.property(CHANGED)) != flag:
                row.label.setProperty(CHANGED, flag)
                row.label.setToolTip(self.tr("Changed from the customer's record in the POS") if flag else "")
                repolish(row.label)


def install(window) -> ReturningFeature:
    feature = ReturningFeature(window)
    window.returning = feature
    return feature
