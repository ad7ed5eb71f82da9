"""Screenshots of every step at 1366×768, for the README: ``python docs/screenshots.py``.

Runs the window offscreen in demo mode, fills a realistic intake and saves one PNG per
step into ``docs/screenshots/``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from app.wizard import STEPS
from ui.app_setup import create_main_window, ensure_app
from ui.demo import start_demo
from ui.selftest import SAMPLE, fill_window
from ui.tasks import wait_for_tasks

OUT = Path(__file__).resolve().parent / "screenshots"


_MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _card_image() -> bytes:
    """A stand-in photo of an ID card (a coloured card with a few lines), as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#dbeafe"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, 640, 70), QColor("#1e3a8a"))
    painter.fillRect(QRect(30, 100, 170, 220), QColor("#94a3b8"))
    for row in range(5):
        painter.fillRect(QRect(230, 110 + row * 40, 360 - row * 30, 14), QColor("#475569"))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def main() -> int:
    ensure_app()
    demo = start_demo()
    try:
        window = create_main_window(demo.config)
        window.resize(1366, 768)
        window.show()
        fill_window(window, SAMPLE, touch_errors={"email": "not-an-email"})
        documents = window.editor("documents")
        documents.add_data("id-front.png", _card_image())
        documents.add_data("recommendation.pdf", _MINIMAL_PDF)
        # the document scanner's folder (the scan_folder setting), with two scans not attached yet
        scans = Path(tempfile.mkdtemp(prefix="intake-scans-"))
        (scans / "scan_0042.png").write_bytes(_card_image())
        (scans / "rec_letter_0043.pdf").write_bytes(_MINIMAL_PDF)
        documents.set_scan_folder(str(scans))
        OUT.mkdir(parents=True, exist_ok=True)
        for index, step in enumerate(STEPS):
            window.go_to(index)
            for _ in range(3):  # thumbnails and the folder's list come from worker threads
                wait_for_tasks()
                QApplication.processEvents()
            path = OUT / f"{index + 1}-{step.key}.png"
            window.grab().save(str(path))
            print(path)
        _returning_customer(window, demo)
        window.session.stop()
        window.station.close()
    finally:
        demo.close()
    return 0


def _returning_customer(window, demo) -> None:
    """The returning-customer view of a customer whose recommendation expired, then the update's Review."""
    from datetime import date, timedelta

    from app import wire
    from app.wizard import REVIEW

    window.session.new_intake()
    today = date.today()
    customer = demo.sandbox.add_customer({
        wire.FIRST_NAME: "Marisol", wire.LAST_NAME: "Quintero", wire.DATE_OF_BIRTH: "1979-04-22",
        wire.GENDER: "female", wire.STATE_ID: "F5551207", wire.CELL_PHONE: "4155550142",
        wire.HAS_MEDICAL_RECOMMENDATION: True, wire.TYPE: "medical_with_rec", wire.MEDICAL_ID: "MED-20417",
        wire.RECOMMENDATION_NUMBER: "REC-88120", wire.PHYSICIAN_LICENSE: "A40567",
        wire.RECOMMENDATION_EXPIRATION_DATE: (today - timedelta(days=12)).isoformat(),
        wire.MARKETING_SMS: True, wire.MANUAL_GROUPS: [],
    })
    window.returning._scan_values = {"id_expiration_date": (today + timedelta(days=20)).isoformat()}
    view = window.returning.show_customer(customer)
    for _ in range(3):
        QApplication.processEvents()
    path = OUT / "7-returning.png"
    view.grab().save(str(path))
    print(path)
    view.update_button.click()
    fill_window(window, {wire.RECOMMENDATION_NUMBER: "REC-90233",
                         wire.RECOMMENDATION_EXPIRATION_DATE: (today + timedelta(days=365)).isoformat()})
    window.go_to(REVIEW)
    for _ in range(3):
        wait_for_tasks()
        QApplication.processEvents()
    path = OUT / "8-update-review.png"
    window.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    sys.exit(main())
