"""The log file support reads: written, rotating, private, and without the key."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from app import logfile, wire
from app.api.client import ApiClient


@pytest.fixture
def installed(tmp_path):
    logger = logging.getLogger("intake-test-root")
    logger.setLevel(logging.INFO)
    path = logfile.install_log_file(tmp_path / "logs", logger)
    yield logger, path
    logfile.uninstall_log_file(logger)


def test_lines_go_to_a_rotating_private_file_with_a_start_line(installed):
    logger, path = installed
    assert path is not None and logfile.current_log_file() == path
    logger.warning("the outbox paused")
    text = path.read_text(encoding="utf-8")
    assert "started (Python" in text and "WARNING intake-test-root: the outbox paused" in text
    handler = next(h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler))
    assert handler.maxBytes == logfile.MAX_BYTES and handler.backupCount == logfile.BACKUPS
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "the outbox paused" in logfile.tail(path)


def test_installing_twice_keeps_one_handler(installed, tmp_path):
    logger, path = installed
    assert logfile.install_log_file(tmp_path / "elsewhere", logger) == path
    assert sum(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers) == 1


def test_a_key_known_to_the_client_never_reaches_the_file(installed):
    logger, path = installed
    ApiClient("https://pos.example/api", "https://pos.example/files", "sk-live-very-secret-123").close()
    logger.warning("server said: bad key sk-live-very-secret-123 for /customers/state-id/D1234567")
    text = path.read_text(encoding="utf-8")
    assert "sk-live-very-secret-123" not in text and "D1234567" not in text
    assert "<redacted>" in text


def test_an_unwritable_folder_means_no_file_and_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert logfile.install_log_file(blocker / "logs", logging.getLogger("intake-test-2")) is None
    assert logfile.current_log_file() is None


def test_lines_logged_before_the_file_is_installed_go_to_it_first_in_order(tmp_path, monkeypatch):
    from app.api import redaction

    monkeypatch.setattr(redaction, "_known_keys", set())  # keys other tests used are not in these lines
    logger = logging.getLogger("intake-test-early")
    logger.setLevel(logging.INFO)
    logfile.hold_early_lines(logger)
    try:
        logger.warning("the keyring answered late")
        logger.warning("GET %s -> 404", wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id="D1234567"))  # redacted
        path = logfile.install_log_file(tmp_path / "logs", logger)
        logger.warning("after the install")
        text = path.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if "intake-test-early" in line]
        assert lines[0].split(": ", 1)[1] == "the keyring answered late"
        assert lines[-1].endswith("after the install") and len(lines) == 3
        assert "D1234567" not in text
        assert text.index("started (Python") < text.index("the keyring answered late")
        logger.warning("once more")
        assert path.read_text(encoding="utf-8").count("the keyring answered late") == 1  # held lines left
    finally:
        logfile.uninstall_log_file(logger)


def test_only_the_latest_lines_are_held(tmp_path, monkeypatch):
    monkeypatch.setattr(logfile, "HELD_MAX", 3)
    logger = logging.getLogger("intake-test-held")
    logger.setLevel(logging.INFO)
    logfile.hold_early_lines(logger)
    try:
        for n in range(5):
            logger.warning("line %d", n)
        text = logfile.install_log_file(tmp_path / "logs", logger).read_text(encoding="utf-8")
        assert "line 0" not in text and "line 1" not in text
        assert all(f"line {n}" in text for n in (2, 3, 4))
    finally:
        logfile.uninstall_log_file(logger)
