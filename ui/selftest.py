"""``intake --self-test``: the window offscreen, one scripted intake typed into it and sent to
an embedded sandbox. Exit 0 when the sandbox holds exactly that customer, else 1 with a reason.
The packaged build runs it to prove the bundle is whole."""

from __future__ import annotations

import os
import sys
from datetime import date

from app import wire

SAMPLE: dict[str, str | bool] = {
    wire.FIRST_NAME: "Zoë",
    wire.LAST_NAME: "O'Brien-Smith",
    wire.DATE_OF_BIRTH: "1988-03-14",
    wire.GENDER: "female",
    wire.ID_TYPE: "drivers_license",
    wire.STATE_ID: "D1234567",
    "id_expiration_date": f"{date.today().year + 3}-06-30",
    wire.CELL_PHONE: "(415) 555-0134",
    wire.EMAIL: "zoe@example.com",
    wire.REFERRAL_SOURCE: "friend",
    wire.HAS_MEDICAL_RECOMMENDATION: True,
    wire.RECOMMENDATION_NUMBER: "REC-99812",
    wire.RECOMMENDATION_EXPIRATION_DATE: f"{date.today().year + 1}-01-31",
    wire.PHYSICIAN_LICENSE: "A123456",
    "address.address_line1": "1200 Market St",
    "address.address_line2": "Apt 4",
    "address.city": "San Francisco",
    "address.state": "CA",
    "address.zip": "94102",
    wire.MARKETING_EMAIL: True,
}


def type_text(widget, text: str) -> None:
    """Keystrokes for each character, accented letters included (QTest's keyClicks is ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def fill_window(window, values, *, touch_errors=None) -> None:
    """Type each value into its input as a clerk would (keystrokes for text, choices for lists)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.widgets.inputs import ChoiceInput, DateInput, FlagInput

    for name, value in {**values, **(touch_errors or {})}.items():
        editor = window.editor(name)
        if isinstance(editor, FlagInput):
            if editor.isChecked() != bool(value):
                editor.click()
        elif isinstance(editor, ChoiceInput):
            editor.setCurrentIndex(editor.findData(value))
        else:
            line = editor.line if isinstance(editor, DateInput) else editor
            line.setFocus()
            line.selectAll()
            QTest.keyClick(line, Qt.Key.Key_Delete)
            type_text(line, str(value))
            line.editingFinished.emit()


def _quiet_offscreen(mode, context, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform's notice, not a problem
        print(message, file=sys.stderr)


def run_self_test(timeout_ms: int = 20000) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer, qInstallMessageHandler

    from ui.app_setup import create_main_window, ensure_app
    from ui.demo import start_demo
    from ui.tasks import wait_for_tasks

    qInstallMessageHandler(_quiet_offscreen)
    ensure_app()
    demo = start_demo()
    outcome: dict[str, object] = {}
    try:
        window = create_main_window(demo.config)
        window.resize(1366, 768)
        window.show()
        fill_window(window, SAMPLE)
        for _ in range(len(window.pages)):
            window.next()
        loop = QEventLoop()
        def settled(result, entry) -> None:
            outcome.update(result=result, entry=entry)
            loop.quit()

        window.session.submitted.connect(settled)
        QTimer.singleShot(timeout_ms, loop.quit)
        window.submit_button.click()
        if "result" not in outcome:
            loop.exec()
        window.session.stop()
        wait_for_tasks()
        window.station.close()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        created = demo.sandbox.created()
    finally:
        demo.close()
    if outcome.get("result") != "created":
        print(f"self-test failed: the intake was not created ({outcome.get('result', 'no answer in time')})",
              file=sys.stderr)
        return 1
    names = [(c.get(wire.FIRST_NAME), c.get(wire.LAST_NAME)) for c in created]
    if names != [(SAMPLE[wire.FIRST_NAME], SAMPLE[wire.LAST_NAME])]:
        print(f"self-test failed: the sandbox holds {len(created)} customers, not the one typed", file=sys.stderr)
        return 1
    print("self-test passed: one intake typed, sent and created")
    return 0
