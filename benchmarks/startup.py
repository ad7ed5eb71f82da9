"""Start-up and typing responsiveness of the intake window.

1. Start-up, from process start, interleaved in one run with a bare PySide6 ``QMainWindow``
   (medians of ``--runs`` pairs, printed as ratios to the bare window's first paint):
   (a) the window's first paint (target <= 1.3x);
   (b) the first field has the focus and a key sent to it is painted in it (target <= 2.0x);
   (c) every step, the session, the outbox and the other features are ready (target <= 3.0x);
   and the longest event-loop stall between (b) and (c) (5 ms heartbeat; target <= 50 ms).
   The station's keyring is a file (``tests/support/filekeyring.py``), loaded as a real
   keyring is: off the UI thread, at start-up.
2. With ``--installed PATH`` (an installed ``intake``, e.g. /usr/bin/intake from the .deb):
   the same milestones reported by the program itself (``INTAKE_STARTUP_REPORT``), installed
   against ``.venv/bin/intake`` from source, both in demo mode.
3. The worst event-loop stall while a whole record is typed at 30 ms a key (a fast typist),
   live validation and autosave included, in a window opened as the program opens it (in
   stages, see ``ui.startup``); target < 16 ms.

Run: ``python benchmarks/startup.py [--runs 7] [--installed /usr/bin/intake] [--compile-sources]``
(offscreen unless QT_QPA_PLATFORM is set). Both windows start with their modules compiled ahead,
as the installed program (shipped compiled) and any checkout that may write its bytecode start,
even where PYTHONDONTWRITEBYTECODE is set. ``--compile-sources`` measures instead what that
variable does: every start compiles the project's modules again (some 200-400 ms more of (c)).
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
    def __init__(self, name, then=None):
        super().__init__()
        self.name, self.then = name, then
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(self.name, time.monotonic(), flush=True)
            obj.removeEventFilter(self)
            if self.then:
                self.then()
        return False
"""

BARE = _CHILD_COMMON + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1366, 768)
f = FirstPaint("frame", lambda: os._exit(0)); w.installEventFilter(f); w.show()
app.exec()
"""

INTAKE = _CHILD_COMMON + """
from app.config import Config
config = Config(api_url="http://127.0.0.1:9/open_api/v2.3", files_url="http://127.0.0.1:9/open_api/v2.2",
                data_dir=sys.argv[1])
from ui.app_setup import ensure_app, load_in_stages, open_frame
app = ensure_app()
w = open_frame(config); w.resize(1366, 768)
keep = [FirstPaint("frame")]
w.installEventFilter(keep[0])
beats = []
heart = QTimer(); heart.setInterval(5); heart.timeout.connect(lambda: beats.append(time.monotonic()))

def first_step():
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    field = QApplication.focusWidget()
    assert field is w.editor("first_name"), field
    def painted():  # the field's paint event; the window's paint pass ends after it
        assert field.text() == "x", field.text()
        QTimer.singleShot(0, shown)
    def shown():  # (b): the pass that drew the key is over; the stalls are counted from here to (c)
        print("typed", time.monotonic(), flush=True)
        beats.append(time.monotonic())
        heart.start()
    keep.append(FirstPaint("field", painted))
    field.installEventFilter(keep[-1])
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # as the keyboard's: through the event loop
        QApplication.postEvent(field, QKeyEvent(kind, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x"))

def finished():
    print("ready", time.monotonic(), flush=True)
    beats.append(time.monotonic())
    print("stall", max(b - a for a, b in zip(beats, beats[1:])), flush=True)
    os._exit(0)

def failed(exc):
    print("failed", type(exc).__name__, exc, file=sys.stderr, flush=True)
    os._exit(3)

w.show()  # as the program does: the frame first, then the stages
startup = load_in_stages(w)
startup.first_step_ready.connect(first_step)
startup.finished.connect(finished)
startup.failed.connect(failed)
app.exec()
"""


def _keyring_env(tmp: str) -> dict[str, str]:
    """The file keyring, and the environment the program's entry point sets (``app.cli``)."""
    from app.cli import PROGRAM_ENVIRONMENT
    from tests.support.filekeyring import BACKEND_NAME, ENV_FILE

    return {**PROGRAM_ENVIRONMENT, "PYTHON_KEYRING_BACKEND": BACKEND_NAME, ENV_FILE: str(Path(tmp) / "keyring.json")}


def run_child(cmd: list[str], env: dict[str, str | None]) -> dict[str, float]:
    """Seconds from the start of ``cmd`` to each milestone it prints (``name monotonic``).
    A variable given as None in ``env`` is left out."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(ROOT), **env}
    env = {name: value for name, value in env.items() if value is not None}
    start = time.monotonic()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    stamps: dict[str, float] = {}
    for line in (out.stdout + "\n" + out.stderr).splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("frame", "typed", "ready", "first_field", "loaded", "stall"):
            value = float(parts[1])
            stamps[parts[0]] = value if parts[0] == "stall" else value - start
    if "frame" not in stamps:
        raise SystemExit(f"the child did not paint: {out.stderr[-2000:]}")
    return stamps


def startup(runs: int, cached_bytecode: bool = False) -> None:
    """``cached_bytecode``: both children read compiled modules from a cache of their own (made
    by the warm-up runs) even where the environment says not to write any
    (PYTHONDONTWRITEBYTECODE), as an installed program, shipped compiled, starts."""
    bare: list[float] = []
    got: dict[str, list[float]] = {"frame": [], "typed": [], "ready": [], "stall": []}
    program_got: dict[str, list[float]] = {"frame": [], "first_field": [], "loaded": []}
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        env = _keyring_env(tmp)
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        from app.credentials import SecretStore

        SecretStore().set_api_key("http://127.0.0.1:9/open_api/v2.3", "bench")
        both: dict[str, str | None] = {}
        if cached_bytecode:
            both = {"PYTHONDONTWRITEBYTECODE": None, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "bytecode")}
        env = {**env, **both}
        intake = [sys.executable, "-c", INTAKE, data]
        # The program itself, as started from the desktop menu (no word on the line), on the same
        # station; it reports its own milestones (INTAKE_STARTUP_REPORT) and quits once loaded.
        config = Path(tmp) / "config.toml"
        config.write_text('api_url = "http://127.0.0.1:9/open_api/v2.3"\n'
                          'files_url = "http://127.0.0.1:9/open_api/v2.2"\n'
                          f'data_dir = "{Path(data).as_posix()}"\n', encoding="utf-8")
        program = [sys.executable, "-m", "app.cli"]
        program_env = {**env, "INTAKE_CONFIG": str(config), "INTAKE_STARTUP_REPORT": "1",
                       "XDG_STATE_HOME": str(Path(tmp) / "state")}
        run_child([sys.executable, "-c", BARE], both)  # warm the file cache, make the data key
        run_child(intake, env)
        run_child(program, program_env)
        for _ in range(runs):
            bare.append(run_child([sys.executable, "-c", BARE], both)["frame"])
            stamps = run_child(intake, env)
            for name in got:
                got[name].append(stamps[name])
            stamps = run_child(program, program_env)
            for name in program_got:
                program_got[name].append(stamps[name])
    b = statistics.median(bare)
    print(f"bare PySide6 window, first paint      : median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    for name, label, target in (("frame", "(a) intake window, first paint", 1.3),
                                ("typed", "(b) first field focused, key shown", 2.0),
                                ("ready", "(c) every step and the outbox ready", 3.0)):
        m = statistics.median(got[name])
        print(f"{label:<38}: median {m * 1000:7.1f} ms  {m / b:5.2f} x bare  (target <= {target})")
    stall = got["stall"]
    print(f"longest event-loop stall, (b) to (c)  : median {statistics.median(stall) * 1000:.1f} ms, "
          f"worst {max(stall) * 1000:.1f} ms  (target <= 50)")
    print("the program itself, started with no word on the line (its own milestones):")
    for name, label in (("frame", "first paint"), ("first_field", "first field focused and painted"),
                        ("loaded", "everything loaded")):
        m = statistics.median(program_got[name])
        print(f"  {label:<36}: median {m * 1000:7.1f} ms  {m / b:5.2f} x bare")


def installed_against_source(installed: str, runs: int) -> None:
    """The installed program against the source tree, both in demo mode, milestones as the
    program reports them (INTAKE_STARTUP_REPORT)."""
    source = str(ROOT / ".venv" / "bin" / "intake")
    env = {"INTAKE_STARTUP_REPORT": "1"}
    times: dict[str, dict[str, list[float]]] = {"installed": {}, "source": {}}
    for cmd in (installed, source):  # warm
        run_child([cmd, "--demo"], env)
    for _ in range(runs):
        for name, cmd in (("installed", installed), ("source", source)):
            for key, value in run_child([cmd, "--demo"], env).items():
                times[name].setdefault(key, []).append(value)
    print(f"{'demo mode':<28}{'installed':>12}{'source':>12}{'ratio':>8}")
    for key, label in (("frame", "first paint"), ("first_field", "first field ready"), ("loaded", "all loaded")):
        i, s = statistics.median(times["installed"][key]), statistics.median(times["source"][key])
        print(f"{label:<28}{i * 1000:>10.0f}ms{s * 1000:>10.0f}ms{i / s:>8.2f}")


def typing_stall() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    import keyring
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from app.config import Config
    from app.credentials import SecretStore
    from app.memkeyring import MemoryKeyring
    from ui.app_setup import ensure_app, load_in_stages, open_frame
    from ui.selftest import SAMPLE, type_text
    from ui.tasks import wait_for_tasks
    from ui.widgets.inputs import DateInput, TextInput

    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(api_url="http://127.0.0.1:9/open_api/v2.3", files_url="http://127.0.0.1:9/open_api/v2.2",
                        data_dir=Path(tmp), demo=True)
        SecretStore().set_api_key(config.api_url, "bench")
        ensure_app()
        window = open_frame(config)  # opened as the program opens it, in stages
        window.resize(1366, 768)
        window.show()
        startup = load_in_stages(window)
        loaded = QEventLoop()
        startup.finished.connect(loaded.quit)
        loaded.exec()
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
    parser.add_argument("--installed", help="an installed intake program to compare with the source tree")
    parser.add_argument("--no-typing", action="store_true", help="only the start-up figures")
    parser.add_argument("--compile-sources", action="store_true",
                        help="as the environment says: under PYTHONDONTWRITEBYTECODE every start compiles the "
                             "sources (by default the modules are compiled ahead, as installed)")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    print("modules: " + ("compiled at every start where PYTHONDONTWRITEBYTECODE is set" if args.compile_sources
                         else "compiled ahead (as installed)"))
    startup(args.runs, not args.compile_sources)
    if args.installed:
        installed_against_source(args.installed, args.runs)
    if not args.no_typing:
        typing_stall()
    print(f"load average after : {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
