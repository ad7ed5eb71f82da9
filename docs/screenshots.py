"""Screenshots of every step at 1366×768, for the README: ``python docs/screenshots.py``.

Runs the window offscreen in demo mode, fills a realistic intake and saves one PNG per
step into ``docs/screenshots/``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from app.wizard import STEPS
from ui.app_setup import create_main_window, ensure_app
from ui.demo import start_demo
from ui.selftest import SAMPLE, fill_window

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    ensure_app()
    demo = start_demo()
    try:
        window = create_main_window(demo.config)
        window.resize(1366, 768)
        window.show()
        fill_window(window, SAMPLE, touch_errors={"email": "not-an-email"})
        OUT.mkdir(parents=True, exist_ok=True)
        for index, step in enumerate(STEPS):
            window.go_to(index)
            QApplication.processEvents()
            path = OUT / f"{index + 1}-{step.key}.png"
            window.grab().save(str(path))
            print(path)
        window.session.stop()
        window.station.close()
    finally:
        demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
