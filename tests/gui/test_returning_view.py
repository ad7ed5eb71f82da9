"""The returning-customer view: the POS's record with its verdicts, problems first and marked,
and Enter doing what the record needs (update when something stands out, else check in)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app import wire
from app.returning import RECOMMENDATION_EXPIRY, check_customer
from tests.support.bodies import customer_body
from ui.app_setup import install_translations
from ui.returning_view import ReturningCustomerView

TODAY = date(2026, 11, 29)
EXPIRED = {**customer_body(), wire.RESP_ID: 12, wire.RESP_STATUS: "verified", wire.TYPE: "medical_with_rec",
           wire.HAS_MEDICAL_RECOMMENDATION: True, wire.RECOMMENDATION_NUMBER: "R-1",
           wire.RECOMMENDATION_EXPIRATION_DATE: "2026-10-01", wire.MARKETING_SMS: True, wire.MANUAL_GROUPS: [3]}


def view_for(qtbot, customer, **kwargs) -> ReturningCustomerView:
    checks = check_customer(customer, jurisdiction="CA", today=TODAY, scanned_id_expiry="2031-01-01")
    view = ReturningCustomerView(customer, checks, group_names=lambda ids: [f"VIP {i}" for i in ids], **kwargs)
    qtbot.addWidget(view)
    view.show()
    return view


def text(view, name: str) -> str:
    return view.findChild(QLabel, name).text()


def test_an_expired_recommendation_comes_first_and_enter_starts_the_update(qtbot):
    view = view_for(qtbot, EXPIRED)
    assert text(view, "returning.name") == "Ada Lovelace"
    assert text(view, "returning.groups") == "VIP 3"
    assert "#12" in text(view, "returning.id")
    first = view.verdicts[0]
    assert first.objectName() == f"returning.{RECOMMENDATION_EXPIRY}" and first.property("verdict") == "problem"
    assert "2026-10-01" in first.text()
    assert view.update_button.isDefault()
    with qtbot.waitSignal(view.update_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args[0][wire.RESP_ID] == 12


def test_a_current_customer_is_checked_in_with_enter(qtbot):
    current = {**EXPIRED, wire.RECOMMENDATION_EXPIRATION_DATE: "2027-10-01"}
    view = view_for(qtbot, current)
    assert all(label.property("verdict") == "ok" for label in view.verdicts)
    assert view.check_in_button.isDefault()
    with qtbot.waitSignal(view.checked_in):
        qtbot.keyClick(view, Qt.Key.Key_Return)


def test_the_view_speaks_spanish(qtbot):
    assert install_translations(QApplication.instance(), "es")
    try:
        view = view_for(qtbot, EXPIRED)
        assert view.windowTitle() == "Cliente que regresa"
        assert "venció el 2026-10-01" in view.verdicts[0].text()
        assert view.update_button.text().replace("&", "") == "Actualizar cliente"
    finally:
        install_translations(QApplication.instance(), "en")
