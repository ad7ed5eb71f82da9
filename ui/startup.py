"""Opening the window in stages, so the clerk (or the scanner) can type into the first field
as soon as possible after the program starts.

1. The frame (``ui.app_setup.open_frame``) is shown and painted.
2. Right after that paint: the first step's editors, the first field focused, and each
   feature's ``prepare`` (what must exist before the first key: the ID scanner's key filter
   and panel). No rules, keyring, cryptography or HTTP client are loaded for this.
3. The rest, without holding the event loop for more than one piece at a time:

   * on the UI thread, one piece per turn of the event loop: each other step's page; then,
     off the UI thread (``run_task``), the modules only the rest needs are imported (the
     rules with their contract model, the ID reader, the keyring, cryptography, the stores)
     and the station is opened (keyring, data key, SQLite files); once they are in, on the
     UI thread again, the Review page, the intake (taking over what was typed meanwhile),
     the session and each feature.

   The ID reader and the duplicate check, which only a scan needs, are among these imports
   all the same: imported off the UI thread once the window is ready, they would hold the
   interpreter lock while the clerk types (event-loop stalls of 25-35 ms). The HTTP client
   loads with the first send or check.

Keys typed at the frame, before the first field exists, are held and typed into it when it
does. Keys typed later go where the focus is, as usual: the editors keep their text, and the
intake takes it over when it starts (values, fields already left, an Enter pressed). While a
scanner's burst is being read no piece runs, so its keys keep the pace that tells a scan from
typing; the scan is read once the ID feature is installed.

``run_now()`` does the same at once (tests, the self-test, screenshots, benchmarks).
"""

from __future__ import annotations

import gc
import importlib
import logging
from collections import deque
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.steps import REVIEW, STEPS

log = logging.getLogger(__name__)

# Imported off the UI thread while the first step is in use; the UI thread then finds them
# loaded. The heavy ones first: the rules (pydantic, e-mail checks), then the station's.
BACKGROUND_IMPORTS: tuple[str, ...] = (
    "app.wizard",
    "app.idscan",
    "app.station",
    "app.sending_setup",
    "app.duplicates",
    "app.audit",
    "app.intake_events",
    "app.consent",
    "app.disclosure",
    "app.clerks",
    "app.documents",
    "logging.handlers",  # the log file's, installed once the window is ready (ui.launch)
    "app.api.redaction",
)

# The Python classes PySide6 (6.11) makes all at once at the first events that meet a Python
# event filter on the whole application (the ID scanner's, from its install): every
# QObject-derived class not made yet, with the bases it needs, some 90 classes and 30 ms in one
# turn of the event loop. Made ahead instead, a few per piece, while the imports run (names a
# PySide6 lacks are skipped). Not whole modules: those would take some 170 ms.
FILTER_CLASSES: dict[str, tuple[str, ...]] = {
    "QtCore": (
        "QAbstractEventDispatcher", "QAbstractTableModel", "QAnimationGroup", "QConcatenateTablesProxyModel",
        "QEventLoop", "QFile", "QFileDevice", "QFileSelector", "QIOPipe", "QIdentityProxyModel", "QLibrary",
        "QMimeData", "QParallelAnimationGroup", "QPauseAnimation", "QPluginLoader", "QProcess", "QRangeModel",
        "QSaveFile", "QSequentialAnimationGroup", "QSettings", "QSharedMemory", "QSignalMapper", "QSocketNotifier",
        "QStringListModel", "QTemporaryFile", "QThread", "QTimeLine", "QTransposeProxyModel",
    ),
    "QtGui": (
        "QAccessibilityHints", "QActionGroup", "QClipboard", "QDoubleValidator", "QDrag", "QInputDevice",
        "QInputMethod", "QIntValidator", "QMovie", "QOffscreenSurface", "QOpenGLContext", "QOpenGLContextGroup",
        "QPagedPaintDevice", "QPaintDeviceWindow", "QPdfWriter", "QPointingDevice", "QPyTextObject", "QRasterWindow",
        "QScreen", "QSessionManager", "QStyleHints", "QSurface", "QSyntaxHighlighter", "QTextBlockGroup",
        "QTextFrame", "QTextList", "QTextObject", "QTextObjectInterface", "QTextTable", "QUndoGroup", "QUndoStack",
        "QWindow",
    ),
    "QtWidgets": (
        "QButtonGroup", "QCompleter", "QDataWidgetMapper", "QFileSystemModel", "QGesture", "QGraphicsAnchor",
        "QGraphicsBlurEffect", "QGraphicsColorizeEffect", "QGraphicsDropShadowEffect", "QGraphicsEffect",
        "QGraphicsItem", "QGraphicsItemAnimation", "QGraphicsLayoutItem", "QGraphicsObject",
        "QGraphicsOpacityEffect", "QGraphicsProxyWidget", "QGraphicsRotation", "QGraphicsScale", "QGraphicsScene",
        "QGraphicsTextItem", "QGraphicsTransform", "QGraphicsWidget", "QItemDelegate", "QPanGesture",
        "QPinchGesture", "QProxyStyle", "QScroller", "QSwipeGesture", "QSystemTrayIcon", "QTapAndHoldGesture",
        "QTapGesture",
    ),
}
# Milliseconds to wait before looking again while a scanner's burst is being read.
_HOLD_MS = 20
# Between two pieces: a real timer, not a zero one (a posted call, which may run before the
# input and paint events waiting in the same turn of the event loop).
_BETWEEN_MS = 1


class StartUp(QObject):
    """Signals: ``first_step_ready`` once the first field has the focus (painted next);
    ``finished`` once every step, the session and every feature are there; ``failed(exc)``
    when the station cannot be opened or a piece fails (nothing further is loaded)."""

    first_step_ready = Signal()
    finished = Signal()
    failed = Signal(object)

    def __init__(self, window, station=None, *, start_session: bool = False) -> None:
        super().__init__(window)
        self.setObjectName("startup")
        self.window = window
        self.station = station
        self.start_session = start_session
        self.done = False
        self._imported = False
        self._stopped = False
        self._pieces: deque[tuple[bool, Callable[[], None]]] = deque()
        self._wedges: list | None = None

    # --- at once --------------------------------------------------------------------
    def run_now(self) -> None:
        """Everything, in order, before returning (errors raise)."""
        from app.station import Station

        window = self.window
        window.show_first_step()
        self._prepare_features()
        for index in range(len(STEPS)):
            window.build_step(index)
        window.start_intake()
        window.station = self.station or Station(window.config)
        for piece in self._rest():
            piece()
        self.done = True
        self.finished.emit()

    # --- in stages ------------------------------------------------------------------
    def start(self) -> None:
        """Begin after the frame's first paint; returns at once. The cyclic garbage collector
        waits until the end: a full collection amid the imports holds the event loop for tens
        of milliseconds. What start-up made is then frozen, never scanned again (later pauses
        stay short); garbage made meanwhile is collected as usual from then on."""
        from ui.app_setup import when_painted

        self._gc_was_enabled = gc.isenabled()
        gc.disable()
        self._early_keys = _EarlyKeys(self.window)
        when_painted(self.window, self._first_step)

    def _gc_back(self) -> None:
        if getattr(self, "_gc_was_enabled", False):
            self._gc_was_enabled = False
            gc.freeze()
            gc.enable()

    def _first_step(self) -> None:
        if not self._guard(self._first_step_pieces):
            return
        self.first_step_ready.emit()
        from ui.app_setup import when_painted

        when_painted(self.window.form_pages[0].first_input(), self._load_the_rest)

    def _load_the_rest(self) -> None:
        from ui.form import warm_ups

        for index in range(1, len(STEPS)):
            if index != REVIEW:
                self._pieces.extend((False, load) for load in warm_ups(STEPS[index].fields))
                self._pieces.append((False, partial(self.window.build_step, index)))
        # The imports run once the pages are made (some 150 ms): started with the pages they
        # bring (c) no sooner, both being mostly Python under one interpreter lock, and the
        # pages' pieces, slowed by the lock, then hold the event loop for up to 60-80 ms.
        self._pieces.append((False, self._start_imports))
        for module, names in FILTER_CLASSES.items():
            self._pieces.extend((False, load) for load in qt_class_loads(module, names))
        self._pieces.append((True, partial(importlib.import_module, "ui.pages.review")))
        self._pieces.append((True, partial(self.window.build_step, REVIEW, review_sections=False)))
        for index in range(REVIEW):
            self._pieces.append((True, partial(self._add_review_section, index)))
        self._pieces.append((True, self.window.start_intake))
        self._pieces.extend((True, piece) for piece in self._rest())
        self._pieces.append((True, self._finish))
        self._schedule()

    def _first_step_pieces(self) -> None:
        self.window.show_first_step()
        self._prepare_features()
        early = getattr(self, "_early_keys", None)
        if early is not None:
            self._early_keys = None
            early.replay()

    def _start_imports(self) -> None:
        from ui.tasks import run_task  # after the frame's paint: its Qt classes cost a few ms

        config, station = self.window.config, self.station
        run_task(lambda: _import_and_open(config, station), self._imports_done, self._fail)

    def _imports_done(self, result) -> None:
        station, opened = result
        self.station = station
        self.window.station = station
        self.window.opened_off_ui_thread = opened
        self._imported = True
        self._schedule()

    def _schedule(self, msecs: int = _BETWEEN_MS) -> None:
        if not self._stopped and self._pieces:
            QTimer.singleShot(msecs, self._run_piece)

    def _run_piece(self) -> None:
        if self._stopped or not self._pieces:
            return
        needs_imports, piece = self._pieces[0]
        if needs_imports and not self._imported:
            return  # _imports_done schedules again
        if self._scanning():
            self._schedule(_HOLD_MS)
            return
        self._pieces.popleft()
        if self._guard(piece):
            self._schedule()

    def _guard(self, piece: Callable[[], None]) -> bool:
        try:
            piece()
        except Exception as exc:  # told through failed(); launch says what and quits
            self._fail(exc)
            return False
        return True

    def _fail(self, exc: BaseException) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._pieces.clear()
        self._gc_back()
        early = getattr(self, "_early_keys", None)
        if early is not None:
            self._early_keys = None
            early.replay()
        log.error("start-up stopped: %s", type(exc).__name__)
        self.failed.emit(exc)

    def _finish(self) -> None:
        self._gc_back()
        self.done = True
        self.finished.emit()

    def _scanning(self) -> bool:
        """Whether a scanner's burst is being read in this window. The scanner's filters are
        made before the first piece (the early features' ``prepare``) and looked for once: a
        search of the whole window before each piece would cost more as the pages grow."""
        if self._wedges is None:
            from ui.widgets.scan_capture import WedgeFilter

            self._wedges = self.window.findChildren(WedgeFilter)
        return any(shiboken6.isValid(f) and f.capturing for f in self._wedges)

    # --- the pieces ----------------------------------------------------------------------
    def _prepare_features(self) -> None:
        from ui.app_setup import early_feature_modules

        for name in early_feature_modules():
            importlib.import_module(name).prepare(self.window)

    def _rest(self) -> list[Callable[[], None]]:
        """After the intake: the session, then one piece per feature (import, then install),
        then the session's background work when asked."""
        from ui.app_setup import feature_modules

        pieces: list[Callable[[], None]] = [self._make_session]
        for name in feature_modules():
            pieces.append(partial(importlib.import_module, name))
            pieces.append(partial(self._install, name))
        if self.start_session:
            pieces.append(lambda: self.window.session.start())
        return pieces

    def _add_review_section(self, index: int) -> None:
        self.window.review.add_section(index)

    def _install(self, name: str) -> None:
        importlib.import_module(name).install(self.window)

    def _make_session(self) -> None:
        from ui.session import IntakeSession

        window = self.window
        window.session = IntakeSession(window.station, window)
        if window.typed_early:
            window.intake_changed.emit()  # typed before the session existed: a draft all the same


class _EarlyKeys(QObject):
    """Keys typed at the frame, before the first field exists: held, then typed into the
    field that has the focus once it does (through the scanner's filter too), in order.

    The frame has no focusable widget, so its keys come to the window itself: the filter sits
    on the window only. (An application-wide Python filter this early would hold back the first
    paint: PySide6 then makes a Python class for every kind of object an event goes to.)"""

    def __init__(self, window) -> None:
        super().__init__(window)
        from PySide6.QtCore import QEvent

        self.window = window
        self._kinds = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
        self._held: list = []
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in self._kinds:
            self._held.append(event.clone())
            return True
        return False

    def replay(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.window.removeEventFilter(self)
        held, self._held = self._held, []
        target = QApplication.focusWidget()
        if target is not None:
            for event in held:
                QApplication.sendEvent(target, event)
        self.deleteLater()


def qt_class_loads(module: str, names: tuple[str, ...], per_piece: int = 8) -> list[Callable[[], None]]:
    """Pieces that make ``names`` of a PySide6 module (a class with its enums on first use),
    ``per_piece`` at a time."""
    from ui.form import make_qt_classes

    return [partial(make_qt_classes, module, *names[i:i + per_piece]) for i in range(0, len(names), per_piece)]


def _import_and_open(config, station):
    """Off the UI thread: import what the rest of the window needs, open the station, and open
    ahead what a feature would otherwise open on the UI thread (the audit log: a keyring read
    and a file). Returns the station and ``{feature: opened}``; a feature whose thing could not
    be opened here opens it itself, and says what is wrong."""
    for name in BACKGROUND_IMPORTS:
        importlib.import_module(name)
    if station is None:
        from app.station import Station

        station = Station(config)
    opened = {}
    try:
        from app.audit import AuditLog

        opened["audit"] = AuditLog.open(config, station.secrets)
    except Exception as exc:  # told by the feature when it tries again
        log.info("audit log not opened ahead: %s", type(exc).__name__)
    return station, opened
