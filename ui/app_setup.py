"""Building the application object: stylesheet, translations, the main window with its session."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import ui.pyside_hooks  # noqa: F401  (first of ours: every module imported after it is checked the cheaper way)
from app.assets import read_text, resource_path
from app.config import Config, load_config
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
_translators: list[QTranslator] = []


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("intake")
        app.setOrganizationName("intake")
        app.setApplicationDisplayName("Intake")
        icon = resource_path("icons", "intake.svg")
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    return app


def apply_style(app: QApplication) -> None:
    app.setStyleSheet(read_text("style", "intake.qss"))


def install_translations(app: QApplication, language: str) -> bool:
    """Load the ``intake_<lang>`` catalogue (see :func:`ui.translations.qm_path`) and Qt's own
    strings; English needs none. False when the language's catalogue cannot be had."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if not language or language.startswith("en"):
        return True
    ok = False
    from ui.translations import qm_path

    ours = QTranslator(app)
    catalogue = qm_path(language)
    if catalogue is not None and ours.load(str(catalogue)):
        app.installTranslator(ours)
        _translators.append(ours)
        ok = True
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    return ok


def create_main_window(config: Config | None = None, station=None) -> MainWindow:
    """The intake window, wired to a station (built from ``config`` unless given).

    ``config`` None reads the environment and the configuration file. The window's
    ``session`` attribute is its :class:`ui.session.IntakeSession`.
    """
    window = open_frame(config)
    complete_window(window, station)
    return window


def open_frame(config: Config | None = None) -> MainWindow:
    """The window's frame only: quick to make and paint, before the rules are loaded."""
    app = ensure_app()
    config = config or load_config()
    apply_style(app)
    install_translations(app, config.language)
    return MainWindow(config, build=False)


def complete_window(window: MainWindow, station=None) -> MainWindow:
    """Everything after the frame, at once: the pages, the station (keyring, data files), the
    intake, the session and the features (see ``ui.startup``)."""
    from ui.startup import StartUp

    StartUp(window, station).run_now()
    return window


def load_in_stages(window: MainWindow, station=None, *, start_session: bool = False):
    """Everything after the frame, in stages after its first paint: the first field takes keys
    first, the rest follows without holding the event loop (see ``ui.startup``). Returns the
    ``StartUp``; connect to its ``first_step_ready``, ``finished`` and ``failed``."""
    from ui.startup import StartUp

    startup = StartUp(window, station, start_session=start_session)
    startup.start()
    return startup


class _FirstPaint(QObject):
    def __init__(self, widget, fn) -> None:
        super().__init__(widget)
        self._fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._fn)
            self.deleteLater()
        return False


def when_painted(widget, fn) -> None:
    """Run ``fn`` once, just after ``widget`` is first painted."""
    _FirstPaint(widget, fn)


def feature_modules() -> list[str]:
    """Parts of the window that live in their own modules; each ``install(window)`` adds its
    menu actions, panels or status-bar widgets to the complete window and its session."""
    return list(FEATURES)


def early_feature_modules() -> list[str]:
    """Feature modules with a ``prepare(window)`` too, run as soon as the first step's editors
    exist, for what must be there before the first key. Such a module and its ``prepare``
    must stay light: no rules, keyring, cryptography or HTTP client."""
    return list(EARLY_FEATURES)


# One line per feature module.
FEATURES: list[str] = [
    "ui.features.settings",
    "ui.features.outbox",
    "ui.features.drafts",
    "ui.features.idscan",
    "ui.features.audit",
    "ui.features.clerk",
    "ui.features.consent",
    "ui.features.diagnostics",
    "ui.features.returning",
]
# Those of them with a prepare(window) for the first step (see early_feature_modules).
EARLY_FEATURES: list[str] = [
    "ui.features.idscan",
]
