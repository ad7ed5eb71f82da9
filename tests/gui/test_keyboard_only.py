"""A whole intake typed with the keyboard alone: Tab from field to field, letters to pick from
lists, Space for check boxes, Enter for the next step and to submit. No mouse event, no value
set on a widget by the test."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from app import wire
from app.wizard import REVIEW, STEP_KEYS

EXPIRY = f"{date.today().year + 3}-06-30"


@pytest.fixture
def window(open_window):
    window = open_window(active=True)
    window.focus_first()  # as the program does once its window is up (ui.launch)
    return window


def focused() -> QWidget:
    return QApplication.focusWidget()


def focused_name() -> str:
    widget = focused()
    # A date field's focus goes to its line edit; the field's name is on the widget around it.
    return widget.objectName() or widget.parent().objectName()


class Clerk:
    """Keys sent where the focus is, as a keyboard would."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window
        self.seen: list[str] = []

    def at(self, name: str) -> QWidget:
        """The focus is on ``name`` (a check that Tab went where the clerk expects)."""
        assert focused_name() == name
        self.seen.append(name)
        return focused()

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(focused(), Qt.Key.Key_Tab)

    def type(self, name: str, text: str) -> None:
        self.qtbot.keyClicks(self.at(name), text)
        self.tab()

    def pick(self, name: str, letters: str, value: str) -> None:
        """A list chosen by typing the start of an entry (the combo box's own keyboard search)."""
        combo = self.at(name)
        self.qtbot.keyClicks(combo, letters)
        assert combo.currentData() == value
        self.tab()

    def tick(self, name: str) -> None:
        self.qtbot.keyClick(self.at(name), Qt.Key.Key_Space)
        assert focused().isChecked()

    def enter(self) -> None:
        self.qtbot.keyClick(focused(), Qt.Key.Key_Return)

    def step(self, number: int) -> None:
        """Alt+number: straight to that step."""
        self.qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.AltModifier)


def test_a_whole_intake_with_the_keyboard_alone(qtbot, window, sandbox, monkeypatch):
    def no_mouse(*_args, **_kwargs):
        raise AssertionError("this test uses the keyboard only")

    monkeypatch.setattr(qtbot, "mouseClick", no_mouse)
    monkeypatch.setattr(qtbot, "mousePress", no_mouse)
    clerk = Clerk(qtbot, window)

    # Identity: the focus starts in the first field; Tab walks the form row by row.
    clerk.type(wire.FIRST_NAME, "Zoe")
    clerk.tab()  # middle name left empty
    clerk.type(wire.LAST_NAME, "OBrien-Smith")
    clerk.tab()  # nickname
    clerk.type(wire.DATE_OF_BIRTH, "1988-03-14")
    clerk.pick(wire.GENDER, "F", "female")
    clerk.pick(wire.ID_TYPE, "D", "drivers_license")
    clerk.type(wire.STATE_ID, "D1234567")
    clerk.type("id_expiration_date", EXPIRY)
    clerk.tab()  # phone
    clerk.type(wire.CELL_PHONE, "4155550134")
    clerk.type(wire.EMAIL, "zoe@example.com")
    clerk.at(wire.REFERRAL_SOURCE)
    clerk.enter()
    # Nothing else is required of a recreational customer, but there is an email to send offers
    # to: Enter goes straight to the offers, the steps in between left as the step list says.
    assert window.wizard.current == STEP_KEYS.index("consent")
    assert [window.steps.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(REVIEW)] == [
        "complete", "skipped", "optional", "optional", "optional"]

    # Consent: offers by email, agreed to aloud.
    clerk.at(wire.MARKETING_MAIL)
    clerk.tab()
    clerk.tick(wire.MARKETING_EMAIL)
    while focused_name() != "consent_method.verbal":
        assert len(clerk.seen) < 40, "Tab never reaches the consent method"
        clerk.tab()
        clerk.seen.append(focused_name())
    clerk.qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert focused().isChecked()
    clerk.enter()
    assert window.wizard.current == REVIEW

    # Every step stays one key away (Alt+number). Medical: nothing to add for this customer.
    clerk.step(2)
    assert window.wizard.current == STEP_KEYS.index("medical")
    clerk.at(wire.HAS_MEDICAL_RECOMMENDATION)
    clerk.enter()
    assert window.wizard.current == REVIEW

    clerk.step(3)
    clerk.type("address.address_line1", "1200 Market St")
    clerk.type("address.address_line2", "Apt 4")
    clerk.type("address.city", "San Francisco")
    clerk.type("address.state", "CA")
    clerk.type("address.zip", "94102")
    clerk.enter()
    assert window.wizard.current == REVIEW

    # Documents: none needed; Ctrl+Enter moves on even from the Add file button.
    clerk.step(5)
    clerk.at("documents.add")
    clerk.qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.wizard.current == REVIEW

    # Review: the focus is on Submit; Enter sends.
    assert isinstance(clerk.at("submit"), QAbstractButton)
    with qtbot.waitSignal(window.session.submitted, timeout=15000) as sent:
        clerk.enter()
    assert sent.args[0] == "created"
    [created] = sandbox.created()
    assert {k: created[k] for k in (wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.GENDER,
                                    wire.STATE_ID, wire.EMAIL, wire.MARKETING_EMAIL)} == {
        wire.FIRST_NAME: "Zoe", wire.LAST_NAME: "OBrien-Smith", wire.DATE_OF_BIRTH: "1988-03-14",
        wire.GENDER: "female", wire.STATE_ID: "D1234567", wire.EMAIL: "zoe@example.com",
        wire.MARKETING_EMAIL: True}
    assert created[wire.ADDRESS]["city"] == "San Francisco"
    assert created[wire.ADDRESS]["zip"] == "94102"


def test_every_input_is_named_for_assistive_technology_and_hears_its_message(qtbot, window):
    for page in window.form_pages.values():
        for name, row in page.rows.items():
            editor = row.editor
            assert editor.accessibleName(), name
            proxy = editor.focusProxy()
            if proxy is not None:
                assert proxy.accessibleName() or editor.accessibleName(), name

    email = window.editor(wire.EMAIL)
    email.setFocus()
    assert email.hasFocus()
    qtbot.keyClicks(email, "not-an-address")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    message = window.findChild(QWidget, f"{wire.EMAIL}.message")
    qtbot.waitUntil(message.isVisible)
    assert message.text() and message.text() in email.accessibleDescription()
    # Corrected: the message goes, and so does the description read with the field.
    email.setFocus()
    qtbot.keyClick(email, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(email, "zoe@example.com")
    qtbot.waitUntil(lambda: not message.isVisible())
    assert email.accessibleDescription() == ""


def _tab_cycle(qtbot) -> list[str]:
    names: list[str] = []
    while True:
        name = focused_name()
        if name in names:
            return names[names.index(name):]
        names.append(name)
        assert len(names) < 60
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def test_tab_stays_in_the_step_in_reading_order(qtbot, window):
    for index in range(REVIEW + 1):
        window.go_to(index)
        cycle = _tab_cycle(qtbot)
        assert "queue" not in cycle  # the status bar's outbox button is Ctrl+Shift+O, not a Tab stop
        assert not [n for n in cycle if n.startswith("page.")]  # a page is no Tab stop of its own
        if index == STEP_KEYS.index("consent"):
            start = cycle.index("disclosureLanguage")
            assert (cycle[start:] + cycle[:start])[:6] == [
                "disclosureLanguage", wire.MARKETING_MAIL, wire.MARKETING_EMAIL, wire.MARKETING_SMS,
                wire.MARKETING_CALLS, "consent_method.verbal"]


def test_mnemonics_are_unique_per_step_and_leave_the_menus_alone(window):
    from PySide6.QtWidgets import QLabel

    from ui.form import MENU_MNEMONICS

    for index, page in window.form_pages.items():
        letters = []
        for widget in [*page.findChildren(QLabel), *page.findChildren(QAbstractButton)]:
            text = widget.text()
            at = text.replace("&&", "").find("&")
            if at >= 0 and widget.isVisibleTo(page):
                letters.append(text.replace("&&", "")[at + 1].lower())
        assert len(letters) == len(set(letters)), (STEP_KEYS[index], sorted(letters))
        assert not set(letters) & MENU_MNEMONICS, STEP_KEYS[index]
    label = window.findChild(QLabel, f"{wire.MARKETING_EMAIL}.label")
    assert label.text().endswith("&email")  # the letter in the word it stands for


def test_a_channels_mnemonic_answers_yes_on_the_consent_step(qtbot, window):
    window.go_to(STEP_KEYS.index("consent"))
    box = window.editor(wire.MARKETING_EMAIL)
    assert not box.isChecked()  # unticked until the customer says yes
    qtbot.keyClick(focused(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.isChecked, timeout=2000)
    assert window.wizard.value(wire.MARKETING_EMAIL) is True
    qtbot.keyClick(focused(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # texts: a signature is still needed
    qtbot.waitUntil(window.editor(wire.MARKETING_SMS).isChecked, timeout=2000)
    assert window.consent_step.signed.isChecked() and not window.consent_step.verbal.isEnabled()
