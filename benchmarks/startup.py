"""Start-up and typing responsiveness of the intake window.

1. Time from process start to the first painted window, for the intake window and for a bare
   PySide6 window in the same run (interleaved, medians); target ratio <= 1.3.
2. The worst event-loop stall while a whole record is typed at 30 ms a key (a fast typist),
   live validation and autosave included; target < 16 ms.

Run: ``python benchmarks/startup.py [--runs 7]`` (offscreen unless QT_QPA_PLATFORM is set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD_COMMON = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    def __init__(self, stop=True):
        super().__init__()
        self.stop = stop
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.monotonic(), flush=True)
            obj.removeEventFilter(self)
            if self.stop:
                os._exit(0)
        return False
"""

BARE = _CHILD_COMMON + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1366, 768)
f = FirstPaint(); w.installEventFilter(f); w.show()
app.exec()
"""

INTAKE = _CHILD_COMMON + """
from app.config import Config
config = Config(api_url="http://127.0.0.1:9/open_api/v2.3", files_url="http://127.0.0.1:9/open_api/v2.2",
                data_dir=sys.argv[1], demo=True)
from ui.app_setup import complete_window, ensure_app, open_frame, when_painted
app = ensure_app()
w = open_frame(config); w.resize(1366, 768)
f = FirstPaint(stop=False); w.installEventFilter(f)
keep = []
def ready():
    import keyring  # an in-memory keyring stands in for the OS one, as in the demo
    from app.credentials import SecretStore
    from app.memkeyring import MemoryKeyring
    keyring.set_keyring(MemoryKeyring())
    SecretStore().set_api_key(config.api_url, "bench")
    complete_window(w)
    first = w.editor("first_name")  # painted: the form is usable
    keep.append(FirstPaint(stop=True))
    first.installEventFilter(keep[-1])
    first.update()
when_painted(w, ready)
w.show()
app.exec()
"""


def time_to_paint(script: str, data_dir: str) -> tuple[float, float]:
    """Seconds from start to the first paint and to the last line the child prints."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", script, data_dir], env=env, capture_output=True, text=True,
                         timeout=60, check=False)
    try:
        stamps = [float(line) for line in out.stdout.split()]
        return stamps[0] - start, stamps[-1] - start
    except (IndexError, ValueError):
        raise SystemExit(f"the child did not paint: {out.stderr[-2000:]}") from None


def startup(runs: int) -> None:
    bare, intake, ready = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        time_to_paint(BARE, tmp)  # warm the file cache for both
        time_to_paint(INTAKE, tmp)
        for _ in range(runs):
            bare.append(time_to_paint(BARE, tmp)[0])
            first, form = time_to_paint(INTAKE, tmp)
            intake.append(first)
            ready.append(form)
    b, i, r = statistics.median(bare), statistics.median(intake), statistics.median(ready)
    print(f"first paint, bare PySide6 window : median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"first paint, intake window       : median {i * 1000:7.1f} ms  (min {min(intake) * 1000:.1f})")
    print(f"ratio intake / bare              : {i / b:.2f}  (target <= 1.3)")
    print(f"form painted and usable          : median {r * 1000:7.1f} ms  ({r / b:.2f} x bare)")


def typing_stall() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    import keyring
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from app.config import Config
    from app.credentials import SecretStore
    from app.memkeyring import MemoryKeyring
    from ui.app_setup import create_main_window, ensure_app
    from ui.selftest import SAMPLE, type_text
    from ui.tasks import wait_for_tasks
    from ui.widgets.inputs import DateInput, TextInput

    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(api_url="http://127.0.0.1:9/open_api/v2.3", files_url="http://127.0.0.1:9/open_api/v2.2",
                        data_dir=Path(tmp), demo=True)
        SecretStore().set_api_key(config.api_url, "bench")
        ensure_app()
        window = create_main_window(config)
        window.resize(1366, 768)
        window.show()
        keys: list[tuple[object, str]] = []
        for name, value in SAMPLE.items():
            editor = window.editor(name)
            line = editor.line if isinstance(editor, DateInput) else editor
            if isinstance(line, TextInput):
                keys += [(line, ch) for ch in str(value)] + [(line, None)]
        clock = QElapsedTimer()
        clock.start()
        gaps: list[int] = []
        last = [clock.nsecsElapsed()]

        def beat() -> None:
            now = clock.nsecsElapsed()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(1)
        heartbeat.timeout.connect(beat)
        loop = QEventLoop()
        position = [0]

        def press() -> None:
            if position[0] >= len(keys):
                QTimer.singleShot(600, loop.quit)  # let the last autosave run
                return
            line, ch = keys[position[0]]
            position[0] += 1
            if ch is None:
                line.editingFinished.emit()
            else:
                type_text(line, ch)
            QTimer.singleShot(30, press)

        heartbeat.start()
        QTimer.singleShot(50, press)
        loop.exec()
        heartbeat.stop()
        window.session.stop()
        wait_for_tasks()
        window.station.close()
    worst = max(gaps) / 1e6
    p99 = statistics.quantiles(gaps, n=100)[98] / 1e6
    print(f"typing {len(keys)} keys at 30 ms: event-loop gap p99 {p99:.1f} ms, worst {worst:.1f} ms "
          "(1 ms heartbeat; target worst < 16 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    startup(args.runs)
    typing_stall()


if __name__ == "__main__":
    main()
