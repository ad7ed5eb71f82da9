"""The outbox and its sync worker against the real sandbox over loopback HTTP, with the
sandbox's faults; and ``intake submit`` / ``intake outbox`` end to end."""

from __future__ import annotations

import json
import random
import socket

import pytest

from app import wire
from app.api.client import ApiClient
from app.cli import main
from app.credentials import SecretStore
from app.crypto import Cipher, new_key
from app.outbox import DocumentFile, EntryState, Outbox
from app.storage import outbox_path
from app.sync import OutboxSyncer
from tests.support.bodies import customer_body

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64
DOCS = [
    DocumentFile("front.png", "image/png", wire.DOC_TYPE_ID, PNG),
    DocumentFile("rec.pdf", "application/pdf", wire.DOC_TYPE_MEDICAL, PDF),
]




class Clock:
    """Real time to start with, moved forward by the syncer's sleeps instead of waiting."""

    def __init__(self) -> None:
        import time

        self.now = time.time()
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class Target:
    """Where the client factory points, changeable during a test (server down, wrong key)."""

    def __init__(self, sandbox) -> None:
        self.api_url, self.files_url, self.key = sandbox.api_url, sandbox.files_url, sandbox.api_key

    def client(self) -> ApiClient:
        return ApiClient(self.api_url, self.files_url, self.key, timeout=2, connect_timeout=1)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def outbox(tmp_path, clock):
    with Outbox(outbox_path(tmp_path / "data"), Cipher(new_key()), clock=clock) as box:
        yield box


@pytest.fixture
def target(sandbox):
    return Target(sandbox)


@pytest.fixture
def syncer(outbox, target, clock):
    return OutboxSyncer(
        outbox, target.client, clock=clock, sleep=clock.sleep, rng=random.Random(3), base_delay=1.0, max_delay=8.0
    )


def later(clock, seconds=3600):
    clock.now += seconds


@pytest.mark.parametrize("state_id", ["D5550001", None], ids=["state-id lookup", "listing lookup"])
def test_a_reply_lost_after_the_write_does_not_create_twice(sandbox, outbox, syncer, clock, state_id):
    sandbox.plan = "pro" if state_id else "basic"
    sandbox.script_faults([{"drop_after_write": True, "path": "/customers", "method": "POST"}])
    body = customer_body(**({wire.STATE_ID: state_id} if state_id else {}))
    entry_id = outbox.enqueue(body)
    first = syncer.drain()
    assert first.created == [] and first.retrying == [entry_id]
    assert outbox.get(entry_id).uncertain
    assert len(sandbox.created()) == 1  # the server did create it
    later(clock)
    second = syncer.drain()
    [created] = second.created
    assert created.adopted
    assert [c[wire.RESP_ID] for c in sandbox.created()] == [created.customer_id]
    assert outbox.get(entry_id).customer_id == created.customer_id


def test_a_burst_of_503_ends_with_one_customer(sandbox, outbox, syncer, clock):
    sandbox.script_faults([{"status": 503, "path": "/customers", "method": "POST", "times": 4}])
    ids = [outbox.enqueue(customer_body(**{wire.STATE_ID: f"B{i}"})) for i in range(3)]
    report = syncer.drain(wait=300)
    assert sorted(c.entry_id for c in report.created) == sorted(ids)
    assert report.remaining == 0
    assert sorted(c[wire.STATE_ID] for c in sandbox.created()) == ["B0", "B1", "B2"]
    assert clock.slept  # it backed off between attempts


def test_429_retry_after_is_honoured(sandbox, outbox, syncer, clock):
    sandbox.script_faults([{"status": 429, "retry_after": 45, "path": "/customers", "method": "POST"}])
    entry_id = outbox.enqueue(customer_body())
    start = clock.now
    report = syncer.drain()
    assert report.stopped_reason == "rate_limited" and report.remaining == 1
    entry = outbox.get(entry_id)
    assert entry.next_attempt_at >= start + 45
    clock.now = entry.next_attempt_at - 1
    assert syncer.drain().attempted == 0
    clock.now = entry.next_attempt_at
    assert syncer.drain().created[0].entry_id == entry_id
    assert len(sandbox.created()) == 1


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_server_down_then_up(sandbox, outbox, syncer, target, clock):
    api_url, files_url = target.api_url, target.files_url
    down = _closed_port_url()
    target.api_url, target.files_url = down + "/api", down + "/files"
    ids = [outbox.enqueue(customer_body(**{wire.STATE_ID: f"S{i}"}), DOCS[:1]) for i in range(2)]
    for _ in range(3):
        report = syncer.drain(wait=600)
        assert report.offline and report.attempted == 1 and report.remaining == 2
        later(clock)
    assert outbox.get(ids[0]).attempts == 3 and not outbox.get(ids[0]).uncertain
    target.api_url, target.files_url = api_url, files_url
    report = syncer.drain()
    assert sorted(c.entry_id for c in report.created) == sorted(ids)
    assert len(sandbox.created()) == 2 and len(sandbox.uploads()) == 2


def test_a_refused_key_pauses_until_resumed(sandbox, outbox, syncer, target):
    target.key = "revoked-key"
    entry_id = outbox.enqueue(customer_body())
    report = syncer.drain()
    assert report.paused and report.remaining == 1
    assert outbox.paused()
    target.key = sandbox.api_key
    assert syncer.drain().paused  # still paused: an admin decides when the key is right
    assert sandbox.created() == []
    syncer.resume()
    assert syncer.drain().created[0].entry_id == entry_id
    assert outbox.get(entry_id).attempts == 0


def test_422_goes_back_with_messages_then_the_correction_is_created(sandbox, outbox, syncer):
    # Oklahoma's type in a California store: the sandbox refuses it.
    entry_id = outbox.enqueue(customer_body(**{wire.TYPE: "adult"}))
    report = syncer.drain()
    assert report.needs_attention == [entry_id]
    entry = outbox.get(entry_id)
    assert entry.state is EntryState.NEEDS_ATTENTION
    assert entry.field_errors.get(wire.TYPE)
    outbox.resubmit(entry_id, customer_body())
    report = syncer.drain()
    assert report.created[0].entry_id == entry_id
    assert len(sandbox.created()) == 1


def test_documents_are_uploaded_once_while_the_post_is_retried(sandbox, outbox, syncer, clock):
    sandbox.script_faults([
        {"status": 503, "path": "/customers", "method": "POST"},
        {"drop": True, "path": "/customers", "method": "POST"},
    ])
    entry_id = outbox.enqueue(customer_body(), DOCS)
    for _ in range(3):
        syncer.drain()
        later(clock)
    assert outbox.get(entry_id).state is EntryState.CREATED
    uploads = sandbox.uploads()
    assert len(uploads) == 2
    [customer] = sandbox.created()
    assert sorted(d[wire.DOC_FILE_ID] for d in customer[wire.DOCUMENTS]) == sorted(u["id"] for u in uploads)


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def station_env(sandbox, monkeypatch, memory_keyring):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    monkeypatch.setenv("INTAKE_JURISDICTION", "CA")
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def _intake_file(tmp_path, **changes):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(customer_body(**changes)), encoding="utf-8")
    return str(path)


def test_submit_creates_and_prints_the_customer(station_env, tmp_path, capsys):
    png = tmp_path / "front.png"
    png.write_bytes(PNG)
    code = main(["submit", _intake_file(tmp_path), "--document", f"id={png}"])
    out = capsys.readouterr().out
    assert code == 0
    printed = json.loads(out)
    [customer] = station_env.created()
    assert printed[wire.RESP_ID] == customer[wire.RESP_ID]
    assert len(customer[wire.DOCUMENTS]) == 1
    assert main(["outbox", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["state"], listed["customer_id"]) == ("created", customer[wire.RESP_ID])
    assert "label" not in listed


def test_submit_invalid_prints_errors_and_queues_nothing(station_env, tmp_path, capsys):
    code = main(["submit", _intake_file(tmp_path, **{wire.DATE_OF_BIRTH: "2090-01-01"})])
    assert code == 1
    assert wire.DATE_OF_BIRTH in json.loads(capsys.readouterr().out)["errors"]
    assert main(["outbox", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_submit_offline_queues_then_outbox_sync_sends(station_env, tmp_path, capsys, monkeypatch):
    down = _closed_port_url() + "/api"
    SecretStore().set_api_key(down, station_env.api_key)
    monkeypatch.setenv("INTAKE_API_URL", down)
    assert main(["submit", _intake_file(tmp_path)]) == 3
    assert "offline" in capsys.readouterr().err
    monkeypatch.setenv("INTAKE_API_URL", station_env.api_url)
    assert main(["outbox", "sync", "--wait", "0"]) == 0
    assert "created 1" in capsys.readouterr().out
    assert len(station_env.created()) == 1


def test_submit_with_a_lost_reply_then_sync_adopts_it(station_env, tmp_path, capsys):
    station_env.script_faults([{"drop_after_write": True, "path": "/customers", "method": "POST"}])
    assert main(["submit", _intake_file(tmp_path), "--wait", "0"]) == 3
    assert "queued" in capsys.readouterr().err
    assert len(station_env.created()) == 1  # created, but the reply was lost
    assert main(["outbox", "list"]) == 0
    assert "queued" in capsys.readouterr().out
    assert main(["outbox", "sync", "--wait", "0"]) == 0
    assert "created 1" in capsys.readouterr().out
    assert len(station_env.created()) == 1


def test_submit_rejected_by_the_server_exits_1_with_messages(station_env, tmp_path, capsys):
    station_env.add_customer(customer_body(**{wire.STATE_ID: "TAKEN1"}))
    assert main(["submit", _intake_file(tmp_path, **{wire.STATE_ID: "TAKEN1"})]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["created"] is False and wire.STATE_ID in printed["errors"]
    assert len(station_env.created()) == 1


def test_submit_without_a_key_is_unusable(sandbox, monkeypatch, memory_keyring, tmp_path, capsys):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    assert main(["submit", _intake_file(tmp_path)]) == 2
    assert "API key" in capsys.readouterr().err
    assert sandbox.created() == []


def test_submit_unreadable_file_is_unusable(station_env, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["submit", str(bad)]) == 2
    assert main(["submit", str(tmp_path / "missing.json")]) == 2
