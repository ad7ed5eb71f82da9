"""End to end against the sandbox: intakes queued while the POS was unreachable survive a lost
data key and a damaged outbox; once an admin restores the key (or the outbox), they are sent once."""

from __future__ import annotations

import socket

import pytest

from app import wire
from app.cli import main
from app.config import load_config
from app.credentials import DATA_KEY_USER, SERVICE, SecretStore
from app.station import Station
from app.storage import outbox_path
from tests.support.bodies import customer_body


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/api"


@pytest.fixture
def queued(sandbox, monkeypatch, memory_keyring):
    """Two intakes queued while the POS was unreachable; the sandbox configured afterwards."""
    monkeypatch.setenv("INTAKE_JURISDICTION", "CA")
    down = _closed_port_url()
    monkeypatch.setenv("INTAKE_API_URL", down)
    station = Station(load_config())
    try:
        for name in ("Ada", "Grace"):
            station.outbox.enqueue(customer_body(**{wire.FIRST_NAME: name}))
    finally:
        station.close()
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def test_a_lost_data_key_is_restored_and_the_queued_intakes_are_sent(queued, memory_keyring, tmp_path, capsys):
    saved = tmp_path / "data-key.txt"
    assert main(["credentials", "export-data-key", str(saved)]) == 0  # at setup
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)  # the keyring loses it

    assert main(["outbox", "sync", "--wait", "0"]) == 2
    assert "missing from the keyring" in capsys.readouterr().err
    assert queued.created() == []
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None

    assert main(["credentials", "import-data-key", str(saved)]) == 0
    assert main(["outbox", "sync", "--wait", "0"]) == 0
    assert "created 2" in capsys.readouterr().out
    assert sorted(c[wire.FIRST_NAME] for c in queued.created()) == ["Ada", "Grace"]


def test_a_damaged_outbox_put_back_from_its_copy_sends_its_intakes(queued, capsys):
    path = outbox_path(load_config().data_dir)
    backup = path.read_bytes()
    path.write_bytes(b"\x00" * 4096)
    assert main(["outbox", "sync", "--wait", "0"]) == 2
    assert "damaged" in capsys.readouterr().err
    assert queued.created() == []
    path.write_bytes(backup)
    assert main(["outbox", "sync", "--wait", "0"]) == 0
    assert "created 2" in capsys.readouterr().out
    assert len(queued.created()) == 2
