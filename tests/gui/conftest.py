"""The intake window as the GUI tests open it: against the sandbox over loopback, with a data
folder under the test's tmp_path and the key in the in-memory keyring, shut down afterwards
as the program does at exit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from app.config import Config
from app.credentials import SecretStore
from ui.app_setup import create_main_window, install_translations
from ui.features.idscan import IdScanFeature
from ui.main_window import MainWindow
from ui.tasks import wait_for_tasks


class WindowOpener:
    """Opens intake windows; every window it opened is shut down when the test ends."""

    def __init__(self, qtbot, sandbox, data_dir) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.data_dir = data_dir
        self.windows: list[MainWindow] = []
        self._shut: list[MainWindow] = []

    def config(self, **changes) -> Config:
        """The configuration a window of this opener runs on: the sandbox's URLs, the test's
        data folder and a short timeout, with ``changes`` (any Config field) on top."""
        return Config(**{"api_url": self.sandbox.api_url, "files_url": self.sandbox.files_url,
                         "data_dir": self.data_dir, "timeout_seconds": 5.0, **changes})

    def __call__(self, *, key: str | None = None, active: bool = False, **changes) -> MainWindow:
        """A shown 1366x768 window with ``key`` (the sandbox's by default) stored for its API
        URL; ``active``: wait until it has the keyboard focus too."""
        config = self.config(**changes)
        SecretStore().set_api_key(config.api_url, self.sandbox.api_key if key is None else key)
        window = create_main_window(config)
        # Not handed to qtbot.addWidget: shut_down deletes the window, and qtbot would close it
        # again after a test that shut one down itself.
        self.windows.append(window)
        window.resize(1366, 768)
        window.show()
        if active:
            window.activateWindow()
            self.qtbot.waitUntil(window.isActiveWindow)
        return window

    def shut_down(self, *windows: MainWindow) -> None:
        """Stop the windows' sessions, settle their tasks, then close their stores and delete
        them; a window already shut down is left alone."""
        windows = tuple(w for w in windows if w not in self._shut)
        self._shut.extend(windows)
        for window in windows:
            window.session.stop()
        # Finished tasks report back through the event loop and may start others: settle them
        # all while the windows and their stores still exist.
        for _ in range(5):
            wait_for_tasks()
            QCoreApplication.processEvents()
        for window in windows:
            feature = window.findChild(IdScanFeature) if isValid(window) else None
            if feature is not None:
                feature.close()
            window.station.close()
            if isValid(window):
                window.close()
                window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def open_window(qtbot, tmp_path, memory_keyring, sandbox):
    """``open_window(**config_changes) -> MainWindow``; see :class:`WindowOpener`."""
    opener = WindowOpener(qtbot, sandbox, tmp_path / "data")
    yield opener
    opener.shut_down(*opener.windows)
    install_translations(QApplication.instance(), "en")  # a window in another language installed its own


@pytest.fixture
def secrets(memory_keyring) -> SecretStore:
    return SecretStore()


@pytest.fixture
def open_dialog(qtbot):
    """Open the Settings dialog for a config and wait until it knows what the keyring holds."""
    from ui.settings_dialog import SettingsDialog

    def opener(config: Config, secrets: SecretStore) -> SettingsDialog:
        dialog = SettingsDialog(config, secrets)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.keyring_label.text() != "Checking the keyring…")
        return dialog

    return opener
