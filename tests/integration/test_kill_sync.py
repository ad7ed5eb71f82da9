"""``intake outbox sync`` killed (SIGKILL) in the middle of a create, then run again: every
intake ends created exactly once, none is lost.

The sync runs in a child process that shares the station with the test through the data
directory and a test-only keyring file (tests/support/filekeyring.py). The sandbox's delay
fault holds the create in the server, so the kill lands while the request is in flight; the
server then carries it out, as a real one would for a client that vanished.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import wire
from app.credentials import SecretStore
from app.crypto import Cipher
from app.outbox import EntryState, Outbox
from app.storage import outbox_path
from tests.support import filekeyring

ROOT = Path(__file__).resolve().parents[2]
HELD = 1.5  # seconds the sandbox holds a create before carrying it out

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def body(i: int, with_state_id: bool) -> dict:
    result = {
        wire.FIRST_NAME: f"Kim{chr(ord('a') + i)}",
        wire.LAST_NAME: "Ortega",
        wire.DATE_OF_BIRTH: f"19{70 + i}-05-0{1 + i % 9}",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "unspecified",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [],
    }
    if with_state_id:
        result[wire.STATE_ID] = f"K{i:07d}"
    return result


def wait_until(condition, timeout: float = 15.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.fixture
def station(tmp_path, sandbox, monkeypatch):
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv(filekeyring.ENV_FILE, str(keyring_file))
    secrets = SecretStore(filekeyring.FileKeyring())
    secrets.set_api_key(sandbox.api_url, sandbox.api_key)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": filekeyring.BACKEND_NAME,
        filekeyring.ENV_FILE: str(keyring_file),
        "INTAKE_API_URL": sandbox.api_url,
        "INTAKE_FILES_URL": sandbox.files_url,
        "INTAKE_DATA_DIR": str(tmp_path / "data"),
        "INTAKE_CONFIG": str(tmp_path / "config.toml"),
    }
    return env, Cipher(secrets.create_data_key()), outbox_path(tmp_path / "data")


def start_sync(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "outbox", "sync", "--wait", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def row_state(db: Path, entry_id: str) -> tuple[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT state, uncertain FROM entries WHERE id = ?", (entry_id,)).fetchone()
    finally:
        conn.close()


def test_killed_mid_create_then_restarted_creates_each_intake_once(station, sandbox):
    env, cipher, db = station
    bodies = [body(i, with_state_id=i % 2 == 0) for i in range(4)]
    with Outbox(db, cipher) as outbox:
        ids = [outbox.enqueue(b) for b in bodies]

    for round_no in range(2):
        # The next create is held in the server; kill the sender while it waits for the reply.
        sandbox.script_faults([{"delay": HELD, "path": "/customers", "method": "POST"}])
        landed_before = len(sandbox.created())
        child = start_sync(env)
        try:
            wait_until(lambda: not sandbox.pending_faults(), what="the held create to reach the server")
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(10)
            child.stdout.close()
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        # Write-ahead: the row was marked uncertain before the request left.
        assert row_state(db, ids[round_no]) == (EntryState.POSTING, 1)
        # The server carries out the orphaned request; the next sender starts after that.
        wait_until(lambda n=landed_before: len(sandbox.created()) == n + 1, what="the held create to land")

    finished = subprocess.run(
        [sys.executable, "-m", "app.cli", "outbox", "sync", "--wait", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    assert "still queued 0" in finished.stdout

    created = sandbox.created()
    names = sorted((c[wire.FIRST_NAME], c[wire.DATE_OF_BIRTH]) for c in created)
    assert names == sorted((b[wire.FIRST_NAME], b[wire.DATE_OF_BIRTH]) for b in bodies)
    with Outbox(db, cipher) as outbox:
        entries = {e.id: e for e in outbox.entries()}
    assert all(entries[i].state is EntryState.CREATED for i in ids)
    assert sorted(entries[i].customer_id for i in ids) == sorted(c[wire.RESP_ID] for c in created)


def test_an_update_killed_mid_send_is_applied_once_after_a_restart(station, sandbox):
    env, cipher, db = station
    customer = sandbox.add_customer({**body(9, with_state_id=True), wire.NICKNAME: "Old"})
    with Outbox(db, cipher) as outbox:
        first = outbox.enqueue_update(customer[wire.RESP_ID], {wire.NICKNAME: "New"})
        second = outbox.enqueue_update(customer[wire.RESP_ID], {wire.NICKNAME: "Newest"})
    # The PATCH is held in the server; the sender is killed while it waits; the server applies it.
    sandbox.script_faults([{"delay": HELD, "path": "/customers/*", "method": "PATCH"}])
    child = start_sync(env)
    try:
        wait_until(lambda: not sandbox.pending_faults(), what="the held update to reach the server")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
    wait_until(lambda: next(c for c in sandbox.created() if c[wire.RESP_ID] == customer[wire.RESP_ID])
               .get(wire.NICKNAME) == "New", what="the held update to land")

    finished = subprocess.run(
        [sys.executable, "-m", "app.cli", "outbox", "sync", "--wait", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    with Outbox(db, cipher) as outbox:
        assert outbox.get(first).state is EntryState.CREATED and outbox.get(second).state is EntryState.CREATED
    [after] = [c for c in sandbox.created() if c[wire.RESP_ID] == customer[wire.RESP_ID]]
    assert after[wire.NICKNAME] == "Newest"  # the later update was applied after the earlier one, not before
    assert len(sandbox.created()) == 1
