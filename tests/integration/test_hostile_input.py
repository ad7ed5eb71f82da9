"""Hostile input end to end: the sandbox over loopback HTTP and ``intake submit`` into the
station's real outbox. One person is one customer however the state ID is typed; input that
cannot be read is refused plainly and nothing is queued or created."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from app import safejson, wire
from app.cli import main
from app.commands.outbox import open_station
from app.credentials import SecretStore
from tests.support.bodies import customer_body

STATE_ID_TYPED = {
    "plain": "D1234567",
    "full-width": "Ｄ１２３４５６７",
    "zero-width": "D123\u200b4567",
    "bidi-wrapped": "\u202ed1234567\u202c",
    "NUL and BOM": "\ufeffD1234567\x00",
}


@pytest.fixture
def client(sandbox):
    with httpx.Client(headers={wire.HEADER_API_KEY: sandbox.api_key}, timeout=10.0) as c:
        yield c


def post_raw(client, sandbox, raw: bytes) -> httpx.Response:
    return client.post(sandbox.api_url + wire.PATH_CUSTOMERS, content=raw,
                       headers={"Content-Type": "application/json"})


def post(client, sandbox, **changes) -> httpx.Response:
    return client.post(sandbox.api_url + wire.PATH_CUSTOMERS, json=customer_body(**changes))


# --- the sandbox -----------------------------------------------------------------------------


def test_one_state_id_however_typed_is_one_customer_in_the_sandbox(client, sandbox):
    replies = [post(client, sandbox, **{wire.STATE_ID: typed}) for typed in STATE_ID_TYPED.values()]
    assert [r.status_code for r in replies] == [201, 409, 409, 409, 409]
    [customer] = sandbox.created()
    assert customer[wire.STATE_ID] == "D1234567"
    sandbox.plan = "pro"
    for typed in ("Ｄ１２３４５６７", "d1234567"):
        found = client.get(sandbox.api_url + wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id=typed))
        assert found.status_code == 200 and found.json()[wire.RESP_ID] == customer[wire.RESP_ID]


@pytest.mark.parametrize("first", list(STATE_ID_TYPED.values())[1:], ids=list(STATE_ID_TYPED)[1:])
def test_a_state_id_typed_oddly_first_still_holds_the_key(client, sandbox, first):
    assert post(client, sandbox, **{wire.STATE_ID: first}).status_code == 201
    assert post(client, sandbox, **{wire.STATE_ID: "D1234567"}).status_code == 409
    assert len(sandbox.created()) == 1


def test_the_sandbox_stores_text_as_the_rules_normalise_it(client, sandbox):
    reply = post(client, sandbox, **{wire.NICKNAME: "An\u200bnie\u00ad", wire.PHONE: "５５５ 123 4567"})
    assert reply.status_code == 201
    [customer] = sandbox.created()
    assert (customer[wire.NICKNAME], customer[wire.PHONE]) == ("Annie", "5551234567")


@pytest.mark.parametrize("ch", ["\x00", "\x1b", "\u202e", "\u2066"], ids=["NUL", "ESC", "RLO", "LRI"])
@pytest.mark.parametrize("name", [wire.FIRST_NAME, wire.LAST_NAME, wire.MIDDLE_NAME, wire.NICKNAME])
def test_the_sandbox_refuses_control_characters_in_free_text(client, sandbox, name, ch):
    reply = post(client, sandbox, **{name: f"Ann{ch}ie"})
    assert reply.status_code == 422
    assert list(reply.json()[wire.ERR_ERRORS]) == [name]
    assert sandbox.created() == []


@pytest.mark.parametrize(("raw", "words"), [
    (b"[" * 100_000, "nested more than"),
    (b'{"manual_groups": [' + b"9" * 5000 + b"]}", "whole number of 5000 digits"),
    (json.dumps(customer_body()).replace('"Ada"', '"A\\ud800da"').encode(), "broken character"),
], ids=["deep", "5000 digits", "lone surrogate"])
def test_the_sandbox_refuses_hostile_json_with_422(client, sandbox, raw, words):
    reply = post_raw(client, sandbox, raw)
    assert reply.status_code == 422
    [message] = reply.json()[wire.ERR_ERRORS]["_form"]
    assert words in message
    assert sandbox.created() == []


def test_the_sandbox_refuses_a_body_over_the_limit(client, sandbox):
    body = json.dumps(customer_body(**{wire.NICKNAME: "x" * 50})) + " " * safejson.MAX_BYTES
    reply = post_raw(client, sandbox, body.encode())
    assert reply.status_code == 413
    assert sandbox.created() == []


def test_100000_manual_groups_are_checked_by_the_sandbox(client, sandbox):
    manual = [g[wire.GROUP_ID] for g in sandbox.groups() if g[wire.GROUP_KIND] == wire.GROUP_KIND_MANUAL]
    many = (manual * (100_000 // len(manual) + 1))[:100_000]
    reply = post(client, sandbox, **{wire.MANUAL_GROUPS: many})
    assert reply.status_code == 201
    assert sandbox.created()[0][wire.MANUAL_GROUPS] == manual  # repeats removed


def test_100000_unknown_groups_are_each_reported(client, sandbox):
    reply = post(client, sandbox, **{wire.MANUAL_GROUPS: list(range(1001, 101_001))})
    assert reply.status_code == 422
    assert len(reply.json()[wire.ERR_ERRORS][wire.MANUAL_GROUPS]) == 100_000


# --- intake submit ---------------------------------------------------------------------------


@pytest.fixture
def station_env(sandbox, monkeypatch, memory_keyring):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    monkeypatch.setenv("INTAKE_JURISDICTION", "CA")
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def intake_file(tmp_path, text: str, name: str = "intake.json") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def outbox_entries(capsys) -> list:
    assert main(["outbox", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("text", "words"), [
    (json.dumps(customer_body()).replace('"Lovelace"', '"Love\\udc00lace"'), "broken character"),
    (json.dumps(customer_body(**{wire.NICKNAME: "\\ud83d"})).replace("\\\\ud83d", "\\ud83d"), "'nickname'"),
    ('{"manual_groups": [' + "1" * 5000 + "]}", "5000 digits"),
    ("[" * 100_000, "nested"),
], ids=["surrogate in a name", "half an emoji", "5000 digits", "deep"])
def test_submit_refuses_hostile_json_and_queues_nothing(station_env, tmp_path, capsys, text, words):
    assert main(["validate", intake_file(tmp_path, text)]) == 2
    assert words in capsys.readouterr().err
    assert main(["submit", intake_file(tmp_path, text)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("intake submit: ") and words in err and "Traceback" not in err
    assert outbox_entries(capsys) == []
    assert station_env.created() == []


def test_submit_reads_an_endless_file_only_up_to_the_limit(station_env, capsys):
    assert main(["submit", "/dev/zero"]) == 2
    assert "is larger than" in capsys.readouterr().err
    assert outbox_entries(capsys) == []


def test_submit_sends_one_customer_however_the_state_id_is_typed(station_env, tmp_path, capsys):
    codes = []
    for label, typed in STATE_ID_TYPED.items():
        path = intake_file(tmp_path, json.dumps(customer_body(**{wire.STATE_ID: typed})), f"{label}.json")
        codes.append(main(["submit", path, "--wait", "0"]))
        capsys.readouterr()
    assert codes == [0, 1, 1, 1, 1]  # the POS refuses the same card again
    [customer] = station_env.created()
    assert customer[wire.STATE_ID] == "D1234567"


def test_the_outbox_holds_the_normalised_body(station_env, tmp_path, capsys, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{s.getsockname()[1]}/api"
    SecretStore().set_api_key(down, station_env.api_key)
    monkeypatch.setenv("INTAKE_API_URL", down)
    body = customer_body(**{wire.STATE_ID: "ｄ１２\u200b34", wire.NICKNAME: "Ada\u200d",
                            wire.EMAIL: "ada＠example.com"})
    assert main(["submit", intake_file(tmp_path, json.dumps(body)), "--wait", "0"]) == 3
    station = open_station()
    try:
        [entry] = station.outbox.entries()
        queued = station.outbox.body(entry.id)
    finally:
        station.close()
    assert (queued[wire.STATE_ID], queued[wire.NICKNAME], queued[wire.EMAIL]) == ("D1234", "Ada", "ada@example.com")
