"""``intake submit`` and ``intake outbox sync`` against the sandbox: a setup that stops every send
queues nothing (exit 2, a plain message), and the customers they create are in the audit trail,
without personal data, as the window records them."""

from __future__ import annotations

import json
import socket
import sqlite3
import uuid

import pytest

from app import wire
from app.audit import CREATED, RETRY_SCHEDULED, SUBMITTED, AuditLog
from app.cli import main
from app.config import load_config
from app.credentials import SecretStore
from tests.support.bodies import customer_body

NAME, STATE_ID = "Wilhelmina", "Q8675309"


@pytest.fixture
def station_env(sandbox, monkeypatch, memory_keyring):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    monkeypatch.setenv("INTAKE_JURISDICTION", "CA")
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def intake_file(tmp_path) -> str:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(customer_body(**{wire.FIRST_NAME: NAME, wire.STATE_ID: STATE_ID})), encoding="utf-8")
    return str(path)


def outbox_entries(capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["outbox", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def audit_bytes() -> bytes:
    data_dir = load_config().data_dir
    return b"".join(p.read_bytes() for p in data_dir.glob("audit.sqlite3*"))


def assert_no_personal_data() -> None:
    data = audit_bytes()
    for secret in (NAME, STATE_ID, "Lovelace"):
        assert secret.encode() not in data and secret.encode("utf-16-le") not in data


@pytest.mark.parametrize(
    "env, complaint",
    [
        ({"INTAKE_API_URL": "http://pos.example.com/open_api/v2.3"},
         "not queued: the API address must use https:// (http://pos.example.com/open_api/v2.3)"),
        ({"INTAKE_FILES_URL": "http://files.example.com/open_api/v2.2"},
         "not queued: the files address must use https://"),
        ({"ca_bundle": "/nonexistent/store-ca.pem"},
         "not queued: the CA bundle /nonexistent/store-ca.pem cannot be read"),
    ],
)
def test_submit_with_a_setup_that_cannot_send_exits_2_and_queues_nothing(station_env, tmp_path, capsys, monkeypatch,
                                                                        env, complaint):
    for name, value in env.items():
        if name == "ca_bundle":  # a setting of the configuration file
            (tmp_path / "config.toml").write_text(f'ca_bundle = "{value}"\n', encoding="utf-8")
            continue
        monkeypatch.setenv(name, value)
        if name == "INTAKE_API_URL":
            SecretStore().set_api_key(value, station_env.api_key)
    for _ in range(3):
        assert main(["submit", intake_file(tmp_path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"intake submit: {complaint}") and "Traceback" not in err
    assert outbox_entries(capsys) == []
    assert station_env.created() == []


def test_submit_without_a_key_says_not_queued(sandbox, monkeypatch, memory_keyring, tmp_path, capsys):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    assert main(["submit", intake_file(tmp_path)]) == 2
    assert "not queued: no API key is stored for this station" in capsys.readouterr().err
    assert outbox_entries(capsys) == []


def test_submit_records_submitted_and_created_without_personal_data(station_env, tmp_path, capsys):
    assert main(["submit", intake_file(tmp_path), "--clerk", "Officer"]) == 0
    customer = json.loads(capsys.readouterr().out)
    [entry] = outbox_entries(capsys)
    log = AuditLog.open(load_config())
    events = log.entries(limit=None, newest_first=False)
    assert [(e.event, e.clerk, e.intake_id) for e in events] == [
        (SUBMITTED, "Officer", str(uuid.UUID(entry["id"]))),
        (CREATED, "Officer", str(uuid.UUID(entry["id"]))),
    ]
    assert events[1].customer_id == str(customer[wire.RESP_ID])
    assert log.verify() is None
    assert_no_personal_data()


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_outbox_sync_records_the_customers_it_creates(station_env, tmp_path, capsys, monkeypatch):
    down = _closed_port_url() + "/api"
    SecretStore().set_api_key(down, station_env.api_key)
    monkeypatch.setenv("INTAKE_API_URL", down)
    assert main(["submit", intake_file(tmp_path)]) == 3  # offline: queued
    monkeypatch.setenv("INTAKE_API_URL", station_env.api_url)
    assert main(["outbox", "sync", "--wait", "0", "--clerk", "Night shift"]) == 0
    [customer] = station_env.created()
    [entry] = outbox_entries(capsys)
    intake = str(uuid.UUID(entry["id"]))
    log = AuditLog.open(load_config())
    assert [(e.event, e.intake_id) for e in log.entries(limit=None, newest_first=False)] == [
        (SUBMITTED, intake), (RETRY_SCHEDULED, intake), (CREATED, intake)]
    (created,) = log.entries(event=CREATED)
    assert (created.clerk, created.customer_id) == ("Night shift", str(customer[wire.RESP_ID]))
    # Nothing more to send: a second sync records nothing.
    assert main(["outbox", "sync", "--wait", "0"]) == 0
    assert log.count() == 3
    assert_no_personal_data()


def test_outbox_sync_with_a_setup_that_cannot_send_exits_2(station_env, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("INTAKE_API_URL", "http://pos.example.com/api")
    SecretStore().set_api_key("http://pos.example.com/api", station_env.api_key)
    assert main(["outbox", "sync", "--wait", "0"]) == 2
    err = capsys.readouterr().err
    assert "the API address must use https://" in err and "Traceback" not in err


def test_submit_whose_send_breaks_stays_queued_and_says_how_to_send_it(station_env, tmp_path, capsys, monkeypatch):
    from app.sync import OutboxSyncer

    def broken(self, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(OutboxSyncer, "drain", broken)
    assert main(["submit", intake_file(tmp_path), "--wait", "0"]) == 3
    err = capsys.readouterr().err
    assert "intake submit: queued as " in err and "not sent: OperationalError: disk I/O error." in err
    assert "'intake outbox sync' sends it." in err and "Traceback" not in err
    [entry] = outbox_entries(capsys)
    assert entry["state"] == "queued"
    assert station_env.created() == []
