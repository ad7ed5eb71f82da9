"""What the staged start-up loads, and what it leaves for later: checked in a fresh program (a
subprocess opening the window as ``benchmarks/startup.py`` does), since this process has long
loaded everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli import PROGRAM_ENVIRONMENT
from tests.support.filekeyring import BACKEND_NAME, ENV_FILE
from ui.features.clerk import ENV_CLERK

ROOT = Path(__file__).resolve().parents[2]

# Opens the window in stages; at ``finished`` tells what is loaded and installed, then types
# into the first field and a scanner's burst (the scanner's filter is application-wide by then)
# and tells how many of PySide6's Python classes that made.
_STAGED_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
from app.config import Config
from app.credentials import SecretStore
from ui.app_setup import ensure_app, load_in_stages, open_frame

def made():
    return sum(1 for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets)
               for name, value in vars(module).items() if name.startswith("Q") and isinstance(value, type))

config = Config(api_url="http://127.0.0.1:9/open_api/v2.3", files_url="http://127.0.0.1:9/open_api/v2.2",
                data_dir=sys.argv[1])
app = ensure_app()
SecretStore().set_api_key(config.api_url, "probe")
window = open_frame(config)
window.resize(1366, 768)
startup = load_in_stages(window)
report = {}

from ui.features.idscan import IdScanFeature
_listen = IdScanFeature.listen_everywhere
def listen_everywhere(self):
    report["classes_when_filter_on"] = made()
    _listen(self)
IdScanFeature.listen_everywhere = listen_everywhere

def finished():
    from app.steps import REVIEW, STEPS
    from ui.features.idscan import IdScanFeature
    watched = ("httpx", "httpcore", "click", "app.api.client", "app.api.transport", "ui.settings_dialog")
    report["loaded"] = sorted(m for m in watched if m in sys.modules)
    report["ready"] = {
        "pages": sorted(window.form_pages) == [i for i in range(len(STEPS)) if i != REVIEW],
        "review": getattr(window, "review", None) is not None,
        "rules": "app.validation" in sys.modules and window.wizard is not None,
        "session": getattr(window, "session", None) is not None,
        "outbox": window.station is not None and window.station.outbox is not None,
        "scanner": window.findChild(IdScanFeature).attached,
    }
    report["classes_at_finished"] = made()
    report["classes_made_after_filter_on"] = report["classes_at_finished"] - report.pop("classes_when_filter_on")
    field = app.focusWidget()
    report["focus"] = field.objectName()
    for ch in "ab@ANSI 636014":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.postEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    QTimer.singleShot(400, typed)

def typed():
    report["classes_made_by_typing"] = made() - report.pop("classes_at_finished")
    print(json.dumps(report), flush=True)
    app.exit(0)

startup.finished.connect(finished)
startup.failed.connect(lambda exc: (print(json.dumps({"failed": repr(exc)}), flush=True), app.exit(3)))
window.show()
app.exec()
"""


def _run_probe(tmp_path) -> dict:
    env = {**os.environ, **PROGRAM_ENVIRONMENT, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "PYTHON_KEYRING_BACKEND": BACKEND_NAME, ENV_FILE: str(tmp_path / "keyring.json"),
           ENV_CLERK: "Probe"}  # a clerk on shift: no question takes the focus
    out = subprocess.run([sys.executable, "-c", _STAGED_PROBE, str(tmp_path / "data")], env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stdout + out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_staged_start_up_is_ready_without_the_http_client_and_the_first_keys_after_make_no_module_of_classes(
        tmp_path):
    probe = _run_probe(tmp_path)
    # Everything is there at finished...
    assert probe["ready"] == dict.fromkeys(("pages", "review", "rules", "session", "outbox", "scanner"), True)
    # ...but the HTTP client, which only a send, a check or Settings needs.
    assert probe["loaded"] == []
    # The first events through the scanner's application-wide filter would make some 90 of
    # PySide6's classes at once (every QObject-derived one not made yet): made ahead, in pieces
    # (ui.startup.FILTER_CLASSES), so few are left for that turn of the event loop, and the
    # keys typed right after start-up make a few at most.
    assert probe["classes_made_after_filter_on"] < 15
    assert probe["focus"] == "first_name"
    assert probe["classes_made_by_typing"] < 20
