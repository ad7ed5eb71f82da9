"""Building the application object: stylesheet, translations, the main window with its session."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

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
    """Open the station (keyring, data files), make the pages, start the session and features."""
    from app.station import Station
    from ui.session import IntakeSession

    window.station = station or Station(window.config)
    window.build_pages()
    window.session = IntakeSession(window.station, window)
    for install in _features():
        install(window)
    return window


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


def _features():
    """Parts of the window that live in their own modules; each ``install(window)`` adds its
    menu actions, panels or status-bar widgets to the window and its session."""
    import importlib

    for name in FEATURES:
        yield importlib.import_module(name).install


# One line per feature module.
FEATURES: list[str] = [
    "ui.features.settings",
    "ui.features.outbox",
    "ui.features.drafts",
    "ui.features.idscan",
    "ui.features.audit",
    "ui.features.clerk",
    "ui.features.consent",
]
