"""The clerk's path: three intakes driven through the real window with keyboard events only,
against the embedded sandbox, counting the clerk's actions and watching the event loop.

    .venv/bin/python benchmarks/clerk.py [--rounds 3] [--verbose]

Intakes: a recreational customer whose licence is scanned (phone, email, yes to email offers);
the same customer typed by hand; a medical customer with a recommendation and one document
attached from the scanner folder. Each round opens a fresh window (its own data folder) on a
freshly reset sandbox, then checks the sandbox holds exactly the customer entered.

Actions: a string typed into one field = 1, a key or combination = 1, a scan burst = 1; an
action that only moves the focus or the step is counted apart as "moving". Program time: the
time the UI thread was busy from the first action to the created customer (a 1 ms heartbeat
timer's lateness, summed). Worst stall: the heartbeat's longest wait, overall, while moving
between steps, and at Submit (from the key to the customer created and the form reset).

Targets: scanned intake at most 8 actions, at most 3 of them moving; typed at most 30; medical
with a document at most 20; worst stall under 16 ms at Submit and while moving between steps.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import wire

KEY = "benchmark-key"
TARGETS = {"scanned": (8, 3), "typed": (30, None), "medical": (20, None)}
FRAME_MS = 16.0


@dataclass
class Action:
    label: str
    move: bool
    send: Callable[[], None]
    until: Callable[[], bool] | None = None  # what the action waits for (a filled form, a created customer)
    settle_ms: int = 40
    submit: bool = False


@dataclass
class Figures:
    actions: int = 0
    moves: int = 0
    busy_ms: float = 0.0
    worst_ms: float = 0.0
    worst_moving_ms: float = 0.0
    worst_submit_ms: float = 0.0
    worst_where: str = ""
    # the same stalls counted in the UI thread's own CPU time: without the time the machine gave
    # to other processes meanwhile (the wall-clock figures include it)
    cpu_moving_ms: float = 0.0
    cpu_submit_ms: float = 0.0
    by_action: dict[str, float] = field(default_factory=dict)  # the longest stall during each action
    cpu_by_action: dict[str, float] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)


class Heartbeat:
    """A 1 ms timer on the UI thread: how late each tick comes is how long the loop was held."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.phase = ""
        self.figures = Figures()
        self._last = 0.0
        self._last_cpu = 0.0

    def start(self, figures: Figures) -> None:
        self.figures = figures
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def mark(self) -> None:
        """Count the time since the last tick now (work done synchronously by the driver's key)."""
        self._tick()

    def _tick(self) -> None:
        now, cpu_now = time.perf_counter(), time.thread_time()
        gap = (now - self._last) * 1000.0
        cpu_gap = (cpu_now - self._last_cpu) * 1000.0
        self._last, self._last_cpu = now, cpu_now
        f = self.figures
        f.busy_ms += max(0.0, gap - 1.0)
        if gap > f.worst_ms:
            f.worst_ms, f.worst_where = gap, self.phase
        f.by_action[self.phase] = max(gap, f.by_action.get(self.phase, 0.0))
        f.cpu_by_action[self.phase] = max(cpu_gap, f.cpu_by_action.get(self.phase, 0.0))
        if self.phase.startswith("move"):
            f.worst_moving_ms = max(f.worst_moving_ms, gap)
            f.cpu_moving_ms = max(f.cpu_moving_ms, cpu_gap)
        if self.phase.startswith("submit"):
            f.worst_submit_ms = max(f.worst_submit_ms, gap)
            f.cpu_submit_ms = max(f.cpu_submit_ms, cpu_gap)


class Clerk:
    def __init__(self, window, heartbeat: Heartbeat, verbose: bool) -> None:
        self.window = window
        self.heartbeat = heartbeat
        self.verbose = verbose

    # --- keys ------------------------------------------------------------------------
    @staticmethod
    def target():
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()

    def _key(self, key, modifiers=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        target = self.target() or self.window
        QTest.keyClick(target, key, modifiers or Qt.KeyboardModifier.NoModifier)
        self._breathe()

    def _chars(self, text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        for ch in text:
            target = self.target() or self.window
            if ch in "\r\n":
                QTest.keyClick(target, Qt.Key.Key_Return)
            elif ch >= " ":
                QTest.keyClicks(target, ch)
            else:
                continue
            self._breathe()

    def _breathe(self) -> None:
        """Between two keys: what the key did is counted, and posted events run (no waiting)."""
        from PySide6.QtCore import QCoreApplication

        self.heartbeat.mark()
        QCoreApplication.processEvents()

    def run_loop(self, until: Callable[[], bool] | None, settle_ms: int, timeout_s: float = 20.0) -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.perf_counter() + timeout_s
        while until is not None and not until():
            if time.perf_counter() > deadline:
                raise SystemExit(f"timed out waiting after: {self.heartbeat.phase}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents
                                           | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        end = time.perf_counter() + settle_ms / 1000.0
        while time.perf_counter() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents
                                           | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    # --- actions ---------------------------------------------------------------------
    def type(self, text: str) -> Action:
        return Action(f"type {text!r}", False, lambda: self._chars(text))

    def key(self, label: str, key, modifiers=None, *, move: bool, settle_ms: int = 40, until=None,
            submit: bool = False) -> Action:
        return Action(label, move, lambda: self._key(key, modifiers), until, settle_ms, submit)

    def scan(self, text: str, filled: list) -> Action:
        return Action("scan", False, lambda: self._chars(text), lambda: bool(filled), 60)

    def perform(self, actions: list[Action], figures: Figures) -> None:
        for action in actions:
            figures.actions += 1
            figures.moves += action.move
            self.heartbeat.phase = ("submit: " if action.submit else "move: " if action.move else "") + action.label
            action.send()
            self.run_loop(action.until, action.settle_ms)
            where = self.target().objectName() if self.target() is not None else "-"
            line = (f"{action.label:<32} step {self.window.wizard.current}  focus {where:<24} "
                    f"longest stall {figures.by_action.get(self.heartbeat.phase, 0.0):5.1f} ms "
                    f"(UI-thread CPU {figures.cpu_by_action.get(self.heartbeat.phase, 0.0):5.1f} ms)")
            figures.log.append(line)
            if self.verbose:
                print("   ", line)


def _window(config):
    from PySide6.QtTest import QTest

    from app.credentials import SecretStore
    from ui.app_setup import create_main_window

    SecretStore().set_api_key(config.api_url, KEY)
    window = create_main_window(config)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.focus_first()  # as the program does once its window is up
    return window


def _close(window) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.features.idscan import IdScanFeature
    from ui.tasks import wait_for_tasks

    window.session.stop()
    for _ in range(3):
        wait_for_tasks()
        QCoreApplication.processEvents()
    feature = window.findChild(IdScanFeature)
    if feature is not None:
        feature.close()
    window.station.close()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _intake(kind: str, clerk: Clerk, card, filled: list, submitted: list) -> list[Action]:
    from PySide6.QtCore import Qt

    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    k = Qt.Key
    f = card.fields
    address = f[wire.ADDRESS]
    created = lambda: bool(submitted)  # noqa: E731
    submit = clerk.key("Enter (Submit)", k.Key_Return, move=False, until=created, settle_ms=150, submit=True)
    if kind == "scanned":
        return [
            clerk.scan(card.text, filled),  # the focus then waits in the first empty field: the phone
            clerk.type("4155550134"),
            clerk.key("Alt+E (email)", k.Key_E, alt, move=True),
            clerk.type("sean@example.com"),
            clerk.key("Enter (to the offers)", k.Key_Return, move=True),
            clerk.key("Alt+E (email offers: yes)", k.Key_E, alt, move=False, settle_ms=200),
            clerk.key("Enter (to Review)", k.Key_Return, move=True),
            submit,
        ]
    if kind == "typed":
        return [
            clerk.type(f[wire.FIRST_NAME]),
            clerk.key("Alt+L (last name)", k.Key_L, alt, move=True),
            clerk.type(f[wire.LAST_NAME]),
            clerk.key("Alt+D (date of birth)", k.Key_D, alt, move=True),
            clerk.type(f[wire.DATE_OF_BIRTH]),
            clerk.key("Tab (gender)", k.Key_Tab, move=True),
            clerk.type(f[wire.GENDER][0].upper()),
            clerk.key("Tab (ID type)", k.Key_Tab, move=True),
            clerk.type("D"),
            clerk.key("Tab (state ID)", k.Key_Tab, move=True),
            clerk.type(f[wire.STATE_ID]),
            clerk.key("Tab (ID expires)", k.Key_Tab, move=True),
            clerk.type(card.expiry.isoformat()),
            clerk.key("Tab (phone)", k.Key_Tab, move=True),
            clerk.type("4155550134"),
            clerk.key("Alt+E (email)", k.Key_E, alt, move=True),
            clerk.type("sean@example.com"),
            clerk.key("Alt+3 (Address)", k.Key_3, alt, move=True),
            clerk.type(address[wire.ADDRESS_LINE1]),
            clerk.key("Alt+C (city)", k.Key_C, alt, move=True),
            clerk.type(address[wire.CITY]),
            clerk.key("Tab (state)", k.Key_Tab, move=True),
            clerk.type(address[wire.STATE]),
            clerk.key("Tab (ZIP)", k.Key_Tab, move=True),
            clerk.type(address[wire.ZIP]),
            clerk.key("Enter (to the offers)", k.Key_Return, move=True),
            clerk.key("Alt+E (email offers: yes)", k.Key_E, alt, move=False, settle_ms=200),
            clerk.key("Enter (to Review)", k.Key_Return, move=True),
            submit,
        ]
    documents = clerk.window.editor(wire.DOCUMENTS)
    return [
        clerk.scan(card.text, filled),
        clerk.type("4155550134"),
        clerk.key("Alt+E (email)", k.Key_E, alt, move=True),
        clerk.type("sean@example.com"),
        clerk.key("Alt+2 (Medical)", k.Key_2, alt, move=True),
        clerk.key("Alt+H (has a recommendation)", k.Key_H, alt, move=False, settle_ms=200),
        clerk.key("Tab (number)", k.Key_Tab, move=True),
        clerk.type("REC-99812"),
        clerk.key("Tab (expires)", k.Key_Tab, move=True),
        clerk.type(f"{card.expiry.year}-01-31"),
        clerk.key("Tab (physician)", k.Key_Tab, move=True),
        clerk.type("A123456"),
        clerk.key("Enter (to the offers)", k.Key_Return, move=True),
        clerk.key("Alt+E (email offers: yes)", k.Key_E, alt, move=False, settle_ms=200),
        clerk.key("Alt+5 (Documents)", k.Key_5, alt, move=True),
        clerk.key("Enter (attach the newest scan)", k.Key_Return, move=False,
                  until=lambda: bool(documents.documents())),
        clerk.key("Ctrl+Enter (to Review)", k.Key_Return, ctrl, move=True),
        submit,
    ]


def run(kind: str, sandbox, card, heartbeat: Heartbeat, verbose: bool) -> Figures:
    from app.config import Config
    from ui.features.idscan import IdScanFeature

    sandbox.reset()
    data_dir = Path(tempfile.mkdtemp(prefix="intake-clerk-"))
    scans = data_dir.parent / (data_dir.name + "-scans")
    scans.mkdir()
    _recommendation(scans / "rec_0001.jpg")
    config = Config(api_url=sandbox.api_url, files_url=sandbox.files_url, data_dir=data_dir, scan_folder=str(scans),
                    jurisdiction="CA", timeout_seconds=5.0)
    window = _window(config)
    try:
        clerk = Clerk(window, heartbeat, verbose)
        clerk.run_loop(None, 1500)  # the window settles (groups, outbox count, steps rendered once) first
        filled: list = []
        submitted: list = []
        window.findChild(IdScanFeature).filled.connect(filled.append)
        window.session.submitted.connect(lambda outcome, _entry: submitted.append(outcome))
        actions = _intake(kind, clerk, card, filled, submitted)
        figures = Figures()
        heartbeat.start(figures)
        clerk.perform(actions, figures)
        heartbeat.stop()
        if submitted != ["created"]:
            raise SystemExit(f"{kind}: the intake was not created ({submitted}); steps:\n" + "\n".join(figures.log))
        created = sandbox.created()
        if len(created) != 1 or created[0][wire.LAST_NAME] != card.fields[wire.LAST_NAME]:
            raise SystemExit(f"{kind}: the sandbox holds {len(created)} customers, not the one entered")
        if kind != "typed" and created[0].get(wire.MARKETING_EMAIL) is not True:
            raise SystemExit(f"{kind}: the email offers answer did not reach the POS")
        return figures
    finally:
        _close(window)


def _recommendation(path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(1200, 1600, QImage.Format.Format_RGB32)
    image.fill(QColor("#fafafa"))
    image.save(str(path), "JPEG", 85)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="print each action and where the focus went")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["INTAKE_CLERK"] = "Benchmark"
    import keyring

    import app.config
    from app.memkeyring import MemoryKeyring

    app.config.MANAGED_PATH = Path(tempfile.mkdtemp(prefix="intake-clerk-")) / "managed.toml"
    keyring.set_keyring(MemoryKeyring())
    from PySide6.QtCore import qInstallMessageHandler

    from app.sandbox import SandboxServer
    from tests.unit.idscan_corpus import CARDS
    from ui.app_setup import ensure_app

    qInstallMessageHandler(lambda _mode, _context, message: None if "propagateSizeHints" in message
                           else print(message, file=sys.stderr))
    ensure_app()
    card = next(c for c in CARDS if c.issuer == "CA" and not c.warnings and wire.ADDRESS in c.fields)
    heartbeat = Heartbeat()
    failed = False
    with SandboxServer(api_key=KEY) as sandbox:
        print(f"{'intake':<9} {'actions':>7} {'moving':>6}   {'program time':>12}   {'worst stall: Submit':>19}  "
              f"{'moving':>7}  {'run':>7}  {'UI-thread CPU: Submit':>21} {'moving':>7}  (where)")
        for kind in ("scanned", "typed", "medical"):
            rounds = [run(kind, sandbox, card, heartbeat, args.verbose and i == 0) for i in range(args.rounds)]
            first = rounds[0]
            busy = sorted(r.busy_ms for r in rounds)
            submit = sorted(r.worst_submit_ms for r in rounds)
            moving = sorted(r.worst_moving_ms for r in rounds)
            worst = max(rounds, key=lambda r: r.worst_ms)
            cpu_submit = max(r.cpu_submit_ms for r in rounds)
            cpu_moving = max(r.cpu_moving_ms for r in rounds)
            print(f"{kind:<9} {first.actions:>7} {first.moves:>6}   {busy[0] / 1000:5.2f}–{busy[-1] / 1000:4.2f} s   "
                  f"{submit[0]:7.1f}–{submit[-1]:5.1f} ms  {moving[-1]:5.1f} ms  {worst.worst_ms:5.1f} ms  "
                  f"{cpu_submit:17.1f} ms {cpu_moving:5.1f} ms  ({worst.worst_where})")
            most, most_moving = TARGETS[kind]
            if first.actions > most or (most_moving is not None and first.moves > most_moving):
                print(f"  over target: at most {most} actions" + (f", {most_moving} moving" if most_moving else ""))
                failed = True
            if submit[-1] >= FRAME_MS or moving[-1] >= FRAME_MS:
                print(f"  over target: a stall of {FRAME_MS:.0f} ms or more at Submit or while moving"
                      + ("" if max(cpu_submit, cpu_moving) >= FRAME_MS else
                         " (wall clock; not in the UI thread's own time: the machine was busy elsewhere)"))
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
