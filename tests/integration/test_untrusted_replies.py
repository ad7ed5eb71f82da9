"""What the POS server answers is not trusted further than it should be, against the real
sandbox over loopback HTTP and its faults: a reply dripped a byte at a time, a gigantic reply,
a Retry-After of 1e300 / inf / a far date, a customer id of 2**200, and a files address on
another server than the API. Nothing is lost and nothing is created twice."""

from __future__ import annotations

import json
import random
import time

import pytest

from app import wire
from app.api.client import MAX_RETRY_AFTER, ApiClient
from app.api.errors import BadResponse, ConfigurationError, NetworkError
from app.cli import main
from app.credentials import SecretStore
from app.crypto import Cipher, new_key
from app.outbox import DocumentFile, EntryState, Outbox
from app.sandbox.faults import Fault, FaultError
from app.storage import outbox_path
from app.sync import MSG_CONFIGURATION, OutboxSyncer
from tests.support.bodies import customer_body

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
FAR_DATE = "Fri, 31 Dec 9999 23:59:59 GMT"
TEN_TO_300 = "1" + "0" * 300  # delay-seconds as the standard writes them: digits only


class Clock:
    """Real time to start with, moved forward by hand and by the syncer's sleeps."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def outbox(tmp_path, clock):
    with Outbox(outbox_path(tmp_path / "data"), Cipher(new_key()), clock=clock) as box:
        yield box


def syncer_for(sandbox, outbox, clock, **client_options) -> OutboxSyncer:
    def client() -> ApiClient:
        return ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=5, connect_timeout=2,
                         **client_options)

    return OutboxSyncer(outbox, client, clock=clock, sleep=clock.sleep, rng=random.Random(5), base_delay=1.0,
                        max_delay=8.0)


def _key(sandbox) -> dict[str, str]:
    return {wire.HEADER_API_KEY: sandbox.api_key}


# --- the sandbox's faults for odd replies ------------------------------------------------------------
@pytest.mark.parametrize(
    "bad",
    [{"drip": -1}, {"drip": 1000}, {"huge_body": -5}, {"huge_body": 1.5}, {"status": 503, "drip": 1},
     {"drop": True, "huge_body": 10}, {"status": 429, "retry_after": "1\r\nX-Evil: 1"},
     {"status": 429, "retry_after": ""}, {"customer_id_override": [1]}, {"drip_rate": 1}],
)
def test_unusable_reply_faults_are_refused_by_the_control_endpoint(sandbox, bad):
    import httpx

    reply = httpx.post(sandbox.base_url + "/_sandbox/faults", json=[bad], headers=_key(sandbox))
    assert reply.status_code == 422
    assert reply.json()[wire.ERR_ERRORS]["faults"][0]
    with pytest.raises(FaultError):
        sandbox.script_faults([bad])
    assert sandbox.pending_faults() == []


def test_reply_faults_are_scripted_over_http(sandbox):
    import httpx

    faults = [{"drip": 0.5}, {"huge_body": 1 << 31}, {"status": 429, "retry_after": "1e300"},
              {"customer_id_override": 2**200}, {"customer_id_override": 0}]
    reply = httpx.post(sandbox.base_url + "/_sandbox/faults", json=faults, headers=_key(sandbox))
    assert reply.status_code == 200
    assert [Fault.from_mapping(f) for f in reply.json()["pending"]] == [Fault.from_mapping(f) for f in faults]


@pytest.mark.parametrize("value", ["1e300", "inf", FAR_DATE])
def test_a_retry_after_given_as_text_is_sent_as_it_is(sandbox, value):
    import httpx

    sandbox.script_faults([{"status": 429, "retry_after": value}])
    reply = httpx.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS, headers=_key(sandbox))
    assert reply.status_code == 429
    assert reply.headers[wire.HEADER_RETRY_AFTER] == value


# --- a reply dripped a byte at a time -----------------------------------------------------------------
def test_a_dripping_reply_ends_at_the_request_deadline(sandbox):
    sandbox.script_faults([{"drip": 0.5, "path": "/customers", "method": "POST"}])
    started = time.monotonic()
    client = ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=3, request_deadline=1.0)
    with client, pytest.raises(NetworkError) as caught:
        client.create_customer(customer_body())
    assert caught.value.may_have_reached  # the server did its work: only the reply was slow
    assert "time limit (1 s)" in caught.value.message
    assert time.monotonic() - started < 20  # generous; the drip alone would take minutes
    assert len(sandbox.created()) == 1


def test_the_default_deadline_follows_the_timeouts(sandbox):
    # 0.3 s between bytes never trips the 1 s read timeout; the whole-request limit
    # (connect 1 s + the 1 s timeout + as long again for the reply) ends it instead of the
    # minutes the drip would take.
    sandbox.script_faults([{"drip": 0.3, "path": "/customer-groups"}])
    client = ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=1, connect_timeout=1)
    with client, pytest.raises(NetworkError) as caught:
        client.list_customer_groups()
    assert "time limit (3 s)" in caught.value.message


def test_a_dripped_create_stays_uncertain_then_is_adopted_not_created_twice(sandbox, outbox, clock):
    sandbox.script_faults([{"drip": 0.5, "path": "/customers", "method": "POST"}])
    syncer = syncer_for(sandbox, outbox, clock, request_deadline=1.0)
    entry_id = outbox.enqueue(customer_body(**{wire.STATE_ID: "DRIP001"}))
    first = syncer.drain()
    assert first.retrying == [entry_id] and first.created == []
    assert outbox.get(entry_id).uncertain
    clock.now += 60
    second = syncer.drain()
    [created] = second.created
    assert created.adopted
    assert [c[wire.RESP_ID] for c in sandbox.created()] == [created.customer_id]


# --- a gigantic reply -------------------------------------------------------------------------------
def test_a_huge_reply_is_a_bad_reply_once_past_the_cap(sandbox):
    sandbox.script_faults([{"huge_body": 2 << 30, "path": "/customer-groups"}])  # 2 GiB, streamed
    with ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, max_reply_bytes=1 << 20) as client:
        with pytest.raises(BadResponse) as caught:
            client.list_customer_groups()
        assert "longer than 1048576 bytes" in caught.value.message
        assert client.list_customer_groups()  # the next call is answered normally


def test_a_reply_padded_under_the_cap_is_read(sandbox):
    sandbox.script_faults([{"huge_body": 3 << 20, "path": "/customer-groups"}])
    with ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, max_reply_bytes=4 << 20) as client:
        assert client.list_customer_groups() == sandbox.groups()


def test_a_create_with_a_huge_reply_is_uncertain_and_found_later(sandbox, outbox, clock):
    sandbox.script_faults([{"huge_body": 2 << 30, "path": "/customers", "method": "POST"}])
    syncer = syncer_for(sandbox, outbox, clock, max_reply_bytes=1 << 20)
    entry_id = outbox.enqueue(customer_body(**{wire.STATE_ID: "HUGE001"}))
    first = syncer.drain()
    assert first.retrying == [entry_id]
    entry = outbox.get(entry_id)
    assert entry.uncertain and entry.state == EntryState.QUEUED
    clock.now += 60
    [created] = syncer.drain().created
    assert created.adopted and len(sandbox.created()) == 1


# --- a customer id of 2**200 --------------------------------------------------------------------------
@pytest.mark.parametrize("state_id", ["BIG0001", None], ids=["state-id lookup", "listing lookup"])
def test_a_customer_id_of_2_200_leaves_the_entry_uncertain_never_lost_nor_twice(sandbox, outbox, clock, state_id):
    sandbox.plan = "pro" if state_id else "basic"
    sandbox.script_faults([{"customer_id_override": 2**200, "path": "/customers", "method": "POST"}])
    syncer = syncer_for(sandbox, outbox, clock)
    entry_id = outbox.enqueue(customer_body(**({wire.STATE_ID: state_id} if state_id else {})))
    first = syncer.drain()
    assert first.created == [] and first.retrying == [entry_id]
    entry = outbox.get(entry_id)
    assert (entry.state, entry.uncertain, entry.customer_id) == (EntryState.QUEUED, True, None)
    assert len(sandbox.created()) == 1
    clock.now += 60
    [created] = syncer.drain().created
    assert created.adopted and created.customer_id == sandbox.created()[0][wire.RESP_ID]
    assert len(sandbox.created()) == 1


# --- Retry-After of 1e300, inf or a far date ------------------------------------------------------------
@pytest.mark.parametrize("value", [TEN_TO_300, "1e300", "inf", FAR_DATE, 1e300])
def test_a_huge_retry_after_holds_the_queue_at_most_the_cap(sandbox, outbox, clock, value):
    sandbox.script_faults([{"status": 429, "retry_after": value, "path": "/customers", "method": "POST"}])
    syncer = syncer_for(sandbox, outbox, clock)
    first_id = outbox.enqueue(customer_body(**{wire.STATE_ID: "RA00001"}))
    later_id = outbox.enqueue(customer_body(**{wire.STATE_ID: "RA00002"}))
    report = syncer.drain()
    assert report.stopped_reason == "rate_limited"
    entry = outbox.get(first_id)
    assert clock.now < entry.next_attempt_at <= clock.now + MAX_RETRY_AFTER
    assert "3600 s" in entry.last_error
    clock.now += MAX_RETRY_AFTER + 1
    report = syncer.drain()
    assert sorted(c.entry_id for c in report.created) == sorted([first_id, later_id])
    assert len(sandbox.created()) == 2


@pytest.fixture
def station_env(sandbox, monkeypatch, memory_keyring):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    monkeypatch.setenv("INTAKE_JURISDICTION", "CA")
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def _intake_file(tmp_path, **changes) -> str:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(customer_body(**changes)), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("value", [TEN_TO_300, "1e300", "inf", FAR_DATE])
def test_outbox_list_json_works_after_a_huge_retry_after(station_env, tmp_path, capsys, value):
    station_env.script_faults([{"status": 429, "retry_after": value, "path": "/customers", "method": "POST"}])
    assert main(["submit", _intake_file(tmp_path), "--wait", "0"]) == 3
    capsys.readouterr()
    assert main(["outbox", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["state"] == "queued" and listed["next_attempt_at"]
    assert main(["outbox", "sync", "--wait", "0"]) == 0
    assert "created 1" in capsys.readouterr().out


def test_outbox_list_json_shows_odd_stored_times_as_unknown(station_env, tmp_path, capsys):
    from app.config import load_config
    from app.station import Station

    station = Station(load_config())
    try:
        ids = [station.outbox.enqueue(customer_body(**{wire.STATE_ID: f"ODD000{i}"})) for i in range(2)]
        for entry_id, odd in zip(ids, (1e300, float("inf")), strict=True):
            station.outbox.schedule_retry(entry_id, next_attempt_at=odd, error="odd", uncertain=False)
    finally:
        station.close()
    assert main(["outbox", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["next_attempt_at"] for e in listed] == ["", ""]
    assert main(["outbox", "list"]) == 0
    assert "odd" in capsys.readouterr().out


# --- the API key and the files address ------------------------------------------------------------------
def _files_on_localhost(sandbox) -> str:
    # The same sandbox, named differently: to the client another server than 127.0.0.1.
    return sandbox.files_url.replace("127.0.0.1", "localhost")


def test_an_upload_to_another_host_is_refused_and_nothing_reaches_it(sandbox):
    with ApiClient(sandbox.api_url, _files_on_localhost(sandbox), sandbox.api_key) as client:
        with pytest.raises(ConfigurationError) as caught:
            client.upload_file("id.png", PNG, "image/png")
        assert "allow_key_to_files_host" in caught.value.message
        assert client.list_customer_groups()  # the API itself is still used
    assert sandbox.uploads() == []


def test_an_upload_to_another_host_goes_once_allowed(sandbox):
    with ApiClient(sandbox.api_url, _files_on_localhost(sandbox), sandbox.api_key,
                   allow_key_to_files_host=True) as client:
        file_id = client.upload_file("id.png", PNG, "image/png")
    assert [u[wire.UPLOAD_RESP_ID] for u in sandbox.uploads()] == [file_id]


def test_an_intake_whose_documents_may_not_go_is_kept_not_lost(sandbox, outbox, clock):
    def refused() -> ApiClient:
        return ApiClient(sandbox.api_url, _files_on_localhost(sandbox), sandbox.api_key)

    document = DocumentFile("front.png", "image/png", wire.DOC_TYPE_ID, PNG)
    entry_id = outbox.enqueue(customer_body(), [document])
    report = OutboxSyncer(outbox, refused, clock=clock, sleep=clock.sleep).drain()
    assert report.created == [] and report.failed == [entry_id]
    entry = outbox.get(entry_id)
    assert entry.state == EntryState.FAILED and entry.document_count == 1
    assert entry.last_error == MSG_CONFIGURATION  # what to fix, not "an unexpected error"
    assert sandbox.uploads() == [] and sandbox.created() == []
    outbox.retry(entry_id)  # once an admin fixed the files address
    [created] = syncer_for(sandbox, outbox, clock).drain().created
    assert created.entry_id == entry_id and len(sandbox.uploads()) == 1
