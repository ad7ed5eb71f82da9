"""Shared test set-up: Qt offscreen unless --onscreen, and no test touches the real
keyring, configuration or data directory of the machine running it."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show windows on the real display")


def pytest_configure(config):
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    """Point configuration and data at a temporary folder for every test."""
    monkeypatch.setenv("INTAKE_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    for var in ("INTAKE_API_URL", "INTAKE_FILES_URL", "INTAKE_JURISDICTION"):
        monkeypatch.delenv(var, raising=False)
    # Nobody answers the clerk-on-shift question in a test: the name comes from here instead.
    monkeypatch.setenv("INTAKE_CLERK", "Test clerk")
    # The machine's own managed configuration (/etc/intake/managed.toml) never reaches a test.
    import app.config

    monkeypatch.setattr(app.config, "MANAGED_PATH", tmp_path / "managed.toml")
    # A window started as the program starts it logs to the test's folder, and stops at its end.
    import app.logfile

    monkeypatch.setattr(app.logfile, "LOG_FOLDER", tmp_path / "log")
    yield
    app.logfile.uninstall_log_file()


@pytest.fixture
def memory_keyring():
    """A fresh in-process keyring for the test; the previous backend comes back afterwards."""
    import keyring

    from app.memkeyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def _sandbox_server():
    from app.sandbox import SandboxServer

    with SandboxServer(api_key="test-key") as server:
        yield server


@pytest.fixture
def sandbox(_sandbox_server):
    """The POS API sandbox on a loopback port, key ``test-key``, as freshly started: one server
    for the run (starting is cheap, stopping takes a tenth of a second), reset for each test."""
    _sandbox_server.reset()
    yield _sandbox_server
    _sandbox_server.reset()
