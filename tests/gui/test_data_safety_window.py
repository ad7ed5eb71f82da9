"""The window, started as the program starts it, on a station whose data key is lost or whose
outbox is damaged: one plain dialog in the window's language, exit 2, no new key, no traceback,
the damaged file kept aside."""

from __future__ import annotations

import argparse
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.config import load_config
from app.credentials import DATA_KEY_USER, SERVICE
from app.station import Station
from app.storage import outbox_path
from tests.support.bodies import customer_body
from ui import launch
from ui.app_setup import install_translations


@pytest.fixture
def started(memory_keyring, monkeypatch, tmp_path):
    """``started(language)``: run the window's start-up; (exit status, dialog texts)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # launch installs its own
    shown: list[str] = []
    monkeypatch.setattr(launch, "_fatal", lambda title, text: shown.append(text) or 2)

    def start(language: str = "en"):
        (tmp_path / "config.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
        code = launch.run(argparse.Namespace(demo=False, self_test=False))
        return code, shown

    yield start
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    install_translations(QApplication.instance(), "en")


def queue_one() -> None:
    station = Station(load_config())
    try:
        station.outbox.enqueue(customer_body())
    finally:
        station.close()


def test_a_lost_data_key_is_told_plainly_and_no_key_is_made(started, memory_keyring, capsys):
    queue_one()
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    code, shown = started()
    assert code == 2
    [text] = shown
    assert "data key is missing from the keyring" in text and "import-data-key" in text
    assert "Traceback" not in capsys.readouterr().err
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None


def test_a_damaged_outbox_is_told_in_the_windows_language(started):
    queue_one()
    path = outbox_path(load_config().data_dir)
    path.write_bytes(b"\xff" * 4096)
    code, shown = started("es")
    assert code == 2
    [text] = shown
    assert "está dañado" in text and "outbox.db" in text and "intake data start-empty outbox" in text
    assert not path.exists()
    assert [p.name for p in path.parent.iterdir() if p.name.startswith("outbox.db.damaged-")]


def test_a_start_up_that_stops_leaves_its_lines_in_the_log_file(started, memory_keyring, monkeypatch, tmp_path):
    # The file is installed once the window is ready or start-up stopped; the lines logged
    # before that are held and written first.
    from app import logfile

    monkeypatch.setattr(logfile, "LOG_FOLDER", tmp_path / "logs")
    queue_one()
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    code, _shown = started()
    assert code == 2
    text = (tmp_path / "logs" / logfile.LOG_FILE).read_text(encoding="utf-8")
    assert "started (Python" in text
    assert "ERROR ui.startup: start-up stopped: " in text


def test_a_window_that_opens_installs_the_log_file_once_ready(started, monkeypatch, tmp_path):
    from app import logfile

    monkeypatch.setattr(logfile, "LOG_FOLDER", tmp_path / "logs")
    monkeypatch.setenv(launch.STARTUP_REPORT, "1")  # quits once everything is loaded
    assert logfile.current_log_file() is None
    code, shown = started()
    assert (code, shown) == (0, [])
    assert logfile.current_log_file() == tmp_path / "logs" / logfile.LOG_FILE
