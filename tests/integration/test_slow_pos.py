"""A POS slower than the client's patience, over real loopback HTTP: the sandbox holds each
create (its delay fault) and carries it out after the client gave up, as a real server does.
Intakes without a state ID, where only the settle rule (app/sync.py) stands between a slow
create and a second customer."""

from __future__ import annotations

import json
import time

import pytest

from app import wire
from app.api.client import ApiClient
from app.cli import main
from app.credentials import SecretStore
from app.crypto import Cipher, new_key
from app.outbox import EntryState, Outbox
from app.storage import outbox_path
from app.sync import OutboxSyncer
from tests.support.bodies import customer_body

HELD = 0.8  # seconds the sandbox holds each create before carrying it out


def let_held_creates_land() -> None:
    """Creates the client gave up on land HELD seconds after they arrived; count after that
    (and keep them out of the next test's sandbox)."""
    time.sleep(HELD + 0.4)


def bodies(n: int) -> list[dict]:
    return [customer_body(**{wire.FIRST_NAME: f"Slow{chr(ord('a') + i)}"}) for i in range(n)]


def test_creates_slower_than_the_timeout_make_each_customer_once(sandbox, tmp_path):
    sandbox.script_faults([{"delay": HELD, "path": "/customers", "method": "POST", "times": 3}])
    with Outbox(outbox_path(tmp_path / "data"), Cipher(new_key())) as box:
        ids = [box.enqueue(b) for b in bodies(3)]
        syncer = OutboxSyncer(
            box,
            lambda: ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=0.2, create_timeout=0.2),
            base_delay=0.1,
            settle_seconds=HELD * 3,
        )
        report = syncer.drain(wait=30)
        entries = [box.get(i) for i in ids]
    let_held_creates_land()
    assert report.remaining == 0
    assert all(e.state is EntryState.CREATED for e in entries)
    created = sandbox.created()
    assert sorted(c[wire.FIRST_NAME] for c in created) == ["Slowa", "Slowb", "Slowc"]
    # each entry points at its own customer: the slow create was found, not made again
    assert sorted(e.customer_id for e in entries) == sorted(c[wire.RESP_ID] for c in created)


def test_without_the_settle_rule_the_same_server_doubles_customers(sandbox, tmp_path):
    """The control: what the rule prevents (settle 0 = look up at once, then resend)."""
    sandbox.script_faults([{"delay": HELD, "path": "/customers", "method": "POST", "times": 3}])
    with Outbox(outbox_path(tmp_path / "data"), Cipher(new_key())) as box:
        for b in bodies(3):
            box.enqueue(b)
        syncer = OutboxSyncer(
            box,
            lambda: ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=0.2, create_timeout=0.2),
            base_delay=0.01,
            max_delay=0.02,
            settle_seconds=0,
        )
        syncer.drain(wait=30)
    let_held_creates_land()
    assert len(sandbox.created()) > 3


@pytest.fixture
def station_env(sandbox, monkeypatch, memory_keyring, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("timeout_seconds = 0.3\n", encoding="utf-8")
    monkeypatch.setenv("INTAKE_CONFIG", str(config))
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def test_submit_waits_for_a_slow_create_instead_of_repeating_it(station_env, tmp_path, capsys):
    # The configured timeout is short, but a create is given far longer to answer.
    station_env.script_faults([{"delay": 1.0, "path": "/customers", "method": "POST"}])
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(customer_body()), encoding="utf-8")
    assert main(["submit", str(path)]) == 0
    printed = json.loads(capsys.readouterr().out)
    [customer] = station_env.created()
    assert printed[wire.RESP_ID] == customer[wire.RESP_ID]
