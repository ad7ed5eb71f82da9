"""Updating a customer the POS holds, over real loopback HTTP: the sandbox's PATCH with the
create's rules and faults, the outbox's update entries (queued offline, kept across a restart,
never overtaking an earlier update of the same customer), and ``intake lookup`` / ``intake update``."""

from __future__ import annotations

import csv
import json
import socket

import pytest

from app import wire
from app.api.client import ApiClient
from app.audit import LOOKED_UP, UPDATE_SUBMITTED, UPDATED, AuditLog
from app.cli import main
from app.config import load_config
from app.credentials import SecretStore
from app.crypto import Cipher, new_key
from app.outbox import EntryKind, EntryState, Outbox
from app.storage import outbox_path
from app.sync import MSG_UPDATE_GONE, MSG_UPDATE_PLAN, MSG_WAITS_FOR_EARLIER, OutboxSyncer
from tests.integration.test_outbox_sandbox import Target
from tests.support.bodies import customer_body


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def existing(sandbox):
    with Target(sandbox).client() as client:
        return client.create_customer(customer_body(**{wire.STATE_ID: "D7000001"}))


@pytest.fixture
def box(tmp_path):
    with Outbox(outbox_path(tmp_path / "data"), Cipher(new_key())) as outbox:
        yield outbox


def syncer_for(box, target: Target) -> OutboxSyncer:
    return OutboxSyncer(box, target.client, base_delay=0.01, max_delay=0.05)


def stored(sandbox, customer_id) -> dict:
    return next(c for c in sandbox.created() if c[wire.RESP_ID] == customer_id)


def test_an_update_sets_only_its_fields(sandbox, existing, box):
    entry_id = box.enqueue_update(existing[wire.RESP_ID], {wire.PHONE: "4155550199", wire.MARKETING_SMS: True},
                                  label_from=existing)
    assert box.get(entry_id).kind is EntryKind.UPDATE
    report = syncer_for(box, Target(sandbox)).drain()
    assert [u.entry_id for u in report.updated] == [entry_id] and report.created == []
    after = stored(sandbox, existing[wire.RESP_ID])
    assert after[wire.PHONE] == "4155550199" and after[wire.MARKETING_SMS] is True
    assert {k: v for k, v in after.items() if k not in (wire.PHONE, wire.MARKETING_SMS)} == {
        k: v for k, v in existing.items() if k not in (wire.PHONE, wire.MARKETING_SMS)}
    entry = box.get(entry_id)
    assert entry.state is EntryState.CREATED and entry.label is None  # personal data dropped once done


def test_an_update_made_offline_survives_a_restart_and_a_lost_reply(sandbox, existing, tmp_path):
    path, cipher = outbox_path(tmp_path / "station"), Cipher(new_key())
    target = Target(sandbox)
    with Outbox(path, cipher) as box:
        entry_id = box.enqueue_update(existing[wire.RESP_ID], {wire.NICKNAME: "Addy"})
        down = Target(sandbox)
        down.api_url = f"http://127.0.0.1:{closed_port()}/open_api/v2.3"
        assert syncer_for(box, down).drain().offline
        assert box.get(entry_id).state is EntryState.QUEUED
    # The program restarts; the first PATCH is applied but its reply is lost; it is sent again.
    sandbox.script_faults([{"drop_after_write": True, "path": "/customers/*", "method": "PATCH"}])
    with Outbox(path, cipher) as box:
        box.schedule_retry(entry_id, next_attempt_at=0, error="", uncertain=False, count_attempt=False)
        report = syncer_for(box, target).drain(wait=5)
        assert box.get(entry_id).state is EntryState.CREATED
    assert [u.entry_id for u in report.updated] == [entry_id]
    assert stored(sandbox, existing[wire.RESP_ID])[wire.NICKNAME] == "Addy"
    assert len(sandbox.created()) == 1


def test_a_later_update_never_overtakes_an_earlier_one(sandbox, existing, box):
    customer_id = existing[wire.RESP_ID]
    first = box.enqueue_update(customer_id, {wire.NICKNAME: "First"})
    second = box.enqueue_update(customer_id, {wire.NICKNAME: "Second"})
    box.schedule_retry(first, next_attempt_at=4e9, error="later", uncertain=False, count_attempt=False)
    syncer = syncer_for(box, Target(sandbox))
    report = syncer.drain(ignore_schedule=False)
    assert report.updated == [] and box.get(second).last_error == MSG_WAITS_FOR_EARLIER
    assert stored(sandbox, customer_id).get(wire.NICKNAME) is None
    box.schedule_retry(first, next_attempt_at=0, error="now", uncertain=False, count_attempt=False)
    syncer.drain(wait=5)
    assert box.get(first).state is box.get(second).state is EntryState.CREATED
    assert stored(sandbox, customer_id)[wire.NICKNAME] == "Second"


def test_a_refused_update_comes_back_with_its_fields(sandbox, existing, box):
    entry_id = box.enqueue_update(existing[wire.RESP_ID], {wire.EMAIL: "not an address"})
    report = syncer_for(box, Target(sandbox)).drain()
    entry = box.get(entry_id)
    assert report.needs_attention == [entry_id] and entry.state is EntryState.NEEDS_ATTENTION
    assert wire.EMAIL in entry.field_errors


def test_a_duplicate_state_id_is_refused(sandbox, existing, box):
    with Target(sandbox).client() as client:
        other = client.create_customer(customer_body(**{wire.FIRST_NAME: "Eve", wire.STATE_ID: "D7000002"}))
    entry_id = box.enqueue_update(other[wire.RESP_ID], {wire.STATE_ID: "d7000001"})
    syncer_for(box, Target(sandbox)).drain()
    assert box.get(entry_id).state is EntryState.NEEDS_ATTENTION
    assert stored(sandbox, other[wire.RESP_ID])[wire.STATE_ID] == "D7000002"


def test_a_gone_customer_and_a_plan_without_updates_fail_with_what_to_do(sandbox, existing, box):
    gone = box.enqueue_update(99999, {wire.NICKNAME: "Ghost"})
    syncer_for(box, Target(sandbox)).drain()
    assert (box.get(gone).state, box.get(gone).last_error) == (EntryState.FAILED, MSG_UPDATE_GONE)
    sandbox.plan = "basic"
    plan = box.enqueue_update(existing[wire.RESP_ID], {wire.NICKNAME: "Addy"})
    syncer_for(box, Target(sandbox)).drain()
    assert (box.get(plan).state, box.get(plan).last_error) == (EntryState.FAILED, MSG_UPDATE_PLAN)


# --- the command line ---------------------------------------------------------------------------

@pytest.fixture
def station_env(sandbox, monkeypatch, memory_keyring, tmp_path):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "station"))
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def audit_events() -> list[str]:
    log = AuditLog.open(load_config(), SecretStore())
    return [e.event for e in log.entries()]


def test_lookup_prints_the_customer_or_says_not_found(station_env, existing, capsys):
    assert main(["lookup", "--state-id", "d7000001\u200b"]) == 0
    assert json.loads(capsys.readouterr().out)[wire.RESP_ID] == existing[wire.RESP_ID]
    assert main(["lookup", "--state-id", "X0000000"]) == 1
    assert "no customer" in capsys.readouterr().err
    station_env.plan = "basic"
    assert main(["lookup", "--state-id", "D7000001"]) == 2
    assert "PRO plan" in capsys.readouterr().err
    assert audit_events().count(LOOKED_UP) == 3


def test_lookup_offline_exits_3(station_env, monkeypatch, capsys):
    monkeypatch.setenv("INTAKE_API_URL", f"http://127.0.0.1:{closed_port()}/open_api/v2.3")
    SecretStore().set_api_key(f"http://127.0.0.1:{closed_port()}/open_api/v2.3", "k")
    code = main(["lookup", "--state-id", "D7000001"])
    assert code in (2, 3)  # no key for that address (2) or unreachable (3): never a traceback
    assert "Traceback" not in capsys.readouterr().err


def test_update_command_sends_one_patch_and_records_it(station_env, existing, tmp_path, capsys):
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps({wire.PHONE: "(415) 555-0177"}), encoding="utf-8")
    assert main(["update", str(existing[wire.RESP_ID]), str(changes)]) == 0
    assert json.loads(capsys.readouterr().out)[wire.PHONE] == "4155550177"
    assert stored(station_env, existing[wire.RESP_ID])[wire.PHONE] == "4155550177"
    events = audit_events()
    assert events.count(UPDATE_SUBMITTED) == events.count(UPDATED) == 1
    raw = (tmp_path / "station").glob("audit*")
    assert all(b"4155550177" not in p.read_bytes() for p in raw if p.is_file())


@pytest.mark.parametrize(("content", "code"), [
    ({wire.DATE_OF_BIRTH: "2999-01-01"}, 1),
    ({"favourite_colour": "red"}, 1),
    ([1, 2], 2),
    ("{not json", 2),
])
def test_update_command_refuses_bad_changes(station_env, existing, tmp_path, capsys, content, code):
    changes = tmp_path / "changes.json"
    changes.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    assert main(["update", str(existing[wire.RESP_ID]), str(changes)]) == code
    assert "Traceback" not in capsys.readouterr().err
    assert stored(station_env, existing[wire.RESP_ID]) == {**existing}


def test_update_command_for_a_missing_customer_is_refused(station_env, tmp_path, capsys):
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps({wire.NICKNAME: "Ghost"}), encoding="utf-8")
    assert main(["update", "424242", str(changes)]) == 1
    assert "no longer exists" in capsys.readouterr().out


def test_update_command_offline_queues(station_env, existing, monkeypatch, tmp_path, capsys):
    url = f"http://127.0.0.1:{closed_port()}/open_api/v2.3"
    monkeypatch.setenv("INTAKE_API_URL", url)
    SecretStore().set_api_key(url, station_env.api_key)
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps({wire.NICKNAME: "Later"}), encoding="utf-8")
    assert main(["update", str(existing[wire.RESP_ID]), str(changes), "--wait", "0"]) == 3
    assert "queued as" in capsys.readouterr().err
    assert main(["outbox", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["state"] == "queued" and listed.get("kind") == "update"


def test_update_turning_texts_off_records_a_withdrawal_and_turning_on_is_refused(station_env, tmp_path, capsys):
    with Target(station_env).client() as client:
        customer = client.create_customer(customer_body(**{wire.CELL_PHONE: "4155550123", wire.MARKETING_SMS: True}))
    changes = tmp_path / "changes.json"
    changes.write_text(json.dumps({wire.MARKETING_SMS: False}), encoding="utf-8")
    assert main(["update", str(customer[wire.RESP_ID]), str(changes), "--clerk", "Ramona"]) == 0
    capsys.readouterr()
    assert stored(station_env, customer[wire.RESP_ID])[wire.MARKETING_SMS] is False
    assert main(["consent", "export", "--csv", str(tmp_path / "consents.csv")]) == 0
    with open(tmp_path / "consents.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["event"], r["channel"], r["applies_to"], r["clerk"]) for r in rows] == [
        ("withdrawn", wire.MARKETING_SMS, "4155550123", "Ramona")]

    changes.write_text(json.dumps({wire.MARKETING_SMS: True}), encoding="utf-8")
    assert main(["update", str(customer[wire.RESP_ID]), str(changes)]) == 1
    assert "new consent" in capsys.readouterr().out
    assert stored(station_env, customer[wire.RESP_ID])[wire.MARKETING_SMS] is False


def test_the_demo_can_play_a_store_without_the_pro_plan(memory_keyring):
    from app.api.errors import PlanNotAllowed
    from app.cli import build_parser
    from ui.demo import start_demo

    args = build_parser(["gui", "--demo", "--demo-plan", "basic"]).parse_args(["gui", "--demo", "--demo-plan", "basic"])
    assert args.demo and args.demo_plan == "basic"
    demo = start_demo(plan=args.demo_plan)
    try:
        key = SecretStore().get_api_key(demo.config.api_url)
        with ApiClient.from_config(demo.config, key) as client:
            created = client.create_customer(customer_body())
            with pytest.raises(PlanNotAllowed):
                client.find_by_state_id("D1234567")
            with pytest.raises(PlanNotAllowed):
                client.update_customer(created[wire.RESP_ID], {wire.NICKNAME: "Addy"})
    finally:
        demo.close()
