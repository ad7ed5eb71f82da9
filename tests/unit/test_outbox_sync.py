"""The sync worker's decisions, against a small in-memory POS behind httpx.MockTransport
(the real sandbox over loopback is exercised in tests/integration/test_outbox_sandbox.py)."""

from __future__ import annotations

import json
import random
from datetime import date
from urllib.parse import unquote

import httpx
import pytest

from app import wire
from app.api.client import ApiClient
from app.crypto import Cipher, new_key
from app.outbox import DocumentFile, EntryState, Outbox
from app.storage import outbox_path
from app.sync import MSG_AUTH, MSG_DUPLICATE, OutboxSyncer, match_customer

API = "http://127.0.0.1:9/api"
FILES = "http://127.0.0.1:9/files"
KEY = "test-key-123"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class FakePos:
    """Customers, uploads, and scripted misbehaviour for the next matching requests.

    A script step is ``(method, path_prefix, action)``; action is a status code, a
    ``(status, headers, json)`` tuple, ``"reset_after_write"`` (process, then the reply is lost)
    or ``"refused"`` (the connection never opens)."""

    def __init__(self) -> None:
        self.customers: list[dict] = []
        self.uploads: list[bytes] = []
        self.requests: list[tuple[str, str]] = []
        self.posted_bodies: list[dict] = []
        self.script: list[tuple[str, str, object]] = []
        self.plan = "pro"

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.requests.append((request.method, path))
        for i, (method, prefix, action) in enumerate(self.script):
            if request.method == method and path.startswith(prefix):
                del self.script[i]
                return self._act(action, request)
        return self._serve(request)

    def _act(self, action, request):
        if action == "refused":
            raise httpx.ConnectError("connection refused", request=request)
        if action == "reset_after_write":
            self._serve(request)
            raise httpx.ReadError("connection reset by peer", request=request)
        if isinstance(action, tuple):
            status, headers, body = action
            return httpx.Response(status, headers=headers, json=body)
        return httpx.Response(action, json={"message": f"scripted {action}"})

    def _serve(self, request):
        path, method = request.url.path, request.method
        if request.headers.get(wire.HEADER_API_KEY) != KEY:
            return httpx.Response(401, json={"message": "bad key"})
        if method == "POST" and path == "/files" + wire.PATH_FILE_UPLOAD:
            self.uploads.append(request.content)
            return httpx.Response(200, json={"id": 1000 + len(self.uploads)})
        if method == "POST" and path == "/api" + wire.PATH_CUSTOMERS:
            body = json.loads(request.content)
            self.posted_bodies.append(body)
            if body.get(wire.STATE_ID) and any(c.get(wire.STATE_ID) == body[wire.STATE_ID] for c in self.customers):
                return httpx.Response(409, json={"message": "state_id already exists"})
            customer = {**body, "id": len(self.customers) + 1, "status": "verified"}
            self.customers.append(customer)
            return httpx.Response(201, json=customer)
        prefix = "/api" + wire.PATH_CUSTOMER_BY_STATE_ID.split("{")[0]
        if method == "GET" and path.startswith(prefix):
            if self.plan != "pro":
                return httpx.Response(403, json={"message": "PRO plan only"})
            state_id = unquote(path[len(prefix):])
            found = [c for c in self.customers if c.get(wire.STATE_ID) == state_id]
            return httpx.Response(200, json=found[0]) if found else httpx.Response(404, json={"message": "no"})
        if method == "GET" and path == "/api" + wire.PATH_CUSTOMERS:
            assert date.fromisoformat(request.url.params[wire.QUERY_START_DATE])
            return httpx.Response(200, json={"data": list(self.customers)})
        return httpx.Response(404, json={"message": "no route"})

    def count(self, method: str, path: str) -> int:
        """Requests to exactly ``path``, or below it when it ends with a slash."""
        below = path.endswith("/")
        return sum(1 for m, p in self.requests if m == method and (p == path or (below and p.startswith(path))))


BODY = {
    wire.FIRST_NAME: "Ada",
    wire.LAST_NAME: "Byron",
    wire.DATE_OF_BIRTH: "1990-12-10",
    wire.GENDER: "female",
    wire.TYPE: "recreational",
    wire.HAS_MEDICAL_RECOMMENDATION: False,
    wire.MANUAL_GROUPS: [],
}
WITH_STATE_ID = {**BODY, wire.STATE_ID: "D1234567"}
DOCS = [
    DocumentFile("front.png", "image/png", wire.DOC_TYPE_ID, b"\x89PNG front"),
    DocumentFile("rec.pdf", "application/pdf", wire.DOC_TYPE_MEDICAL, b"%PDF rec"),
]
POST_CUSTOMERS = "/api" + wire.PATH_CUSTOMERS
UPLOAD = "/files" + wire.PATH_FILE_UPLOAD


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def pos():
    return FakePos()


@pytest.fixture
def outbox(tmp_path, clock):
    with Outbox(outbox_path(tmp_path / "data"), Cipher(new_key()), clock=clock) as box:
        yield box


@pytest.fixture
def make_syncer(outbox, pos, clock):
    def make(**options):
        options.setdefault("base_delay", 1.0)
        return OutboxSyncer(
            outbox,
            lambda: ApiClient(API, FILES, KEY, transport=httpx.MockTransport(pos)),
            clock=clock,
            sleep=clock.sleep,
            rng=random.Random(7),
            **options,
        )

    return make


def later(clock, seconds=10_000):
    clock.now += seconds


def test_a_queued_intake_is_created_and_its_data_dropped(outbox, make_syncer, pos):
    entry_id = outbox.enqueue(WITH_STATE_ID, draft_id="draft-1")
    report = make_syncer().drain()
    [created] = report.created
    assert (created.entry_id, created.customer_id, created.draft_id, created.adopted) == (entry_id, 1, "draft-1", False)
    assert created.customer[wire.FIRST_NAME] == "Ada"
    assert report.remaining == 0
    entry = outbox.get(entry_id)
    assert (entry.state, entry.customer_id, entry.customer_status, entry.uncertain) == ("created", 1, "verified", False)
    assert pos.posted_bodies == [WITH_STATE_ID]


def test_entries_go_oldest_first_and_max_entries_limits(outbox, make_syncer, pos):
    ids = [outbox.enqueue({**BODY, wire.LAST_NAME: f"Name{i}"}) for i in range(3)]
    report = make_syncer().drain(max_entries=2)
    assert [c.entry_id for c in report.created] == ids[:2]
    assert [b[wire.LAST_NAME] for b in pos.posted_bodies] == ["Name0", "Name1"]
    assert report.remaining == 1


@pytest.mark.parametrize("body", [WITH_STATE_ID, BODY], ids=["state-id lookup", "listing lookup"])
def test_a_lost_reply_is_found_on_the_server_not_posted_again(outbox, make_syncer, pos, clock, body):
    pos.script.append(("POST", POST_CUSTOMERS, "reset_after_write"))
    entry_id = outbox.enqueue(body)
    syncer = make_syncer()
    first = syncer.drain()
    assert first.created == [] and first.retrying == [entry_id] and not first.offline
    entry = outbox.get(entry_id)
    assert entry.uncertain and entry.state is EntryState.QUEUED and entry.attempts == 1
    later(clock)
    second = syncer.drain()
    [created] = second.created
    assert created.adopted and created.customer_id == 1
    assert len(pos.customers) == 1
    assert pos.count("POST", POST_CUSTOMERS) == 1


def test_without_the_pro_plan_the_listing_is_asked(outbox, make_syncer, pos, clock):
    pos.plan = "basic"
    pos.script.append(("POST", POST_CUSTOMERS, "reset_after_write"))
    outbox.enqueue({**WITH_STATE_ID, wire.FIRST_NAME: "ADA ", wire.LAST_NAME: "byron"})
    syncer = make_syncer()
    syncer.drain()
    later(clock)
    assert syncer.drain().created[0].adopted
    assert pos.count("GET", POST_CUSTOMERS) == 1
    assert len(pos.customers) == 1


def test_an_uncertain_create_that_did_not_land_is_sent_once_more(outbox, make_syncer, pos, clock):
    pos.script.append(("POST", POST_CUSTOMERS, 500))
    entry_id = outbox.enqueue(BODY)
    syncer = make_syncer()
    syncer.drain()
    assert outbox.get(entry_id).uncertain  # a 500 may come after the write
    later(clock)
    report = syncer.drain()
    assert not report.created[0].adopted
    assert pos.count("GET", POST_CUSTOMERS) == 1  # asked first
    assert len(pos.customers) == 1


def test_a_duplicate_of_our_own_uncertain_create_is_adopted(outbox, make_syncer, pos, clock):
    # The reply is lost, and the server has not yet made the customer visible to the lookup.
    pos.script += [
        ("POST", POST_CUSTOMERS, "reset_after_write"),
        ("GET", "/api/customers/state-id/", 404),
    ]
    outbox.enqueue(WITH_STATE_ID)
    syncer = make_syncer()
    syncer.drain()
    later(clock)
    report = syncer.drain()
    assert report.created[0].adopted
    assert pos.count("POST", POST_CUSTOMERS) == 2
    assert len(pos.customers) == 1


def test_a_real_duplicate_goes_back_to_the_clerk(outbox, make_syncer, pos):
    pos.customers.append({**WITH_STATE_ID, "id": 99, "status": "verified"})
    entry_id = outbox.enqueue(WITH_STATE_ID)
    report = make_syncer().drain()
    assert report.needs_attention == [entry_id]
    entry = outbox.get(entry_id)
    assert entry.state is EntryState.NEEDS_ATTENTION
    assert entry.last_error == MSG_DUPLICATE
    assert wire.STATE_ID in entry.field_errors
    assert not entry.uncertain


def test_422_goes_back_to_the_clerk_then_a_correction_is_created(outbox, make_syncer, pos):
    errors = {wire.ERR_ERRORS: {wire.DATE_OF_BIRTH: ["must be a real date"], "address.zip": ["bad zip"]}}
    pos.script.append(("POST", POST_CUSTOMERS, (422, {}, errors)))
    entry_id = outbox.enqueue(BODY)
    syncer = make_syncer()
    report = syncer.drain()
    assert report.needs_attention == [entry_id] and report.remaining == 0
    entry = outbox.get(entry_id)
    assert entry.field_errors == {wire.DATE_OF_BIRTH: ["must be a real date"], "address.zip": ["bad zip"]}
    assert "Ada" not in entry.last_error and "1990" not in entry.last_error
    assert syncer.drain().attempted == 0  # waits for the clerk
    outbox.resubmit(entry_id, {**BODY, wire.DATE_OF_BIRTH: "1991-01-01"})
    report = syncer.drain()
    assert report.created[0].entry_id == entry_id
    assert pos.posted_bodies[-1][wire.DATE_OF_BIRTH] == "1991-01-01"


def test_a_refused_key_pauses_everything_until_resumed(outbox, make_syncer, pos):
    pos.script.append(("POST", POST_CUSTOMERS, 401))
    first, second = outbox.enqueue(BODY), outbox.enqueue(BODY)
    syncer = make_syncer()
    report = syncer.drain()
    assert report.paused and report.pause_message == MSG_AUTH
    assert pos.count("POST", POST_CUSTOMERS) == 1  # the second was not tried
    entry = outbox.get(first)
    assert (entry.state, entry.attempts, entry.uncertain) == (EntryState.QUEUED, 0, False)
    before = len(pos.requests)
    assert syncer.drain().paused
    assert len(pos.requests) == before  # nothing sent while paused
    syncer.resume()
    report = syncer.drain()
    assert {c.entry_id for c in report.created} == {first, second}
    assert not report.paused


def test_429_waits_at_least_retry_after_and_stops_the_drain(outbox, make_syncer, pos, clock):
    pos.script.append(("POST", POST_CUSTOMERS, (429, {wire.HEADER_RETRY_AFTER: "120"}, {"message": "slow"})))
    first, _second = outbox.enqueue(BODY), outbox.enqueue(BODY)
    syncer = make_syncer(base_delay=0.5)
    report = syncer.drain()
    assert report.stopped_reason == "rate_limited"
    assert pos.count("POST", POST_CUSTOMERS) == 1
    entry = outbox.get(first)
    assert entry.next_attempt_at >= clock.now + 120
    assert not entry.uncertain  # a 429 is an answer: nothing was created
    clock.now += 60
    assert syncer.drain().attempted == 0  # still holding back
    clock.now += 61
    assert len(syncer.drain().created) == 2


def test_a_burst_of_503_is_ridden_out_within_wait(outbox, make_syncer, pos, clock):
    pos.script += [("POST", POST_CUSTOMERS, 503)] * 4
    entry_id = outbox.enqueue(WITH_STATE_ID)
    report = make_syncer(base_delay=1.0, max_delay=8.0).drain(wait=120)
    assert [c.entry_id for c in report.created] == [entry_id]
    assert len(pos.customers) == 1
    assert pos.count("GET", "/api/customers/state-id/") == 4  # asked before each resend
    assert clock.slept and all(s <= 8.0 for s in clock.slept)


def test_offline_stops_at_once_and_keeps_the_entries(outbox, make_syncer, pos, clock):
    pos.script.append(("POST", POST_CUSTOMERS, "refused"))
    first, second = outbox.enqueue(BODY), outbox.enqueue(BODY)
    report = make_syncer().drain(wait=600)
    assert report.offline and report.stopped_reason == "offline"
    assert report.attempted == 1 and report.remaining == 2
    assert clock.slept == []
    entry = outbox.get(first)
    assert (entry.state, entry.attempts, entry.uncertain) == (EntryState.QUEUED, 1, False)
    assert entry.next_attempt_at >= clock.now
    # The second shared the first's write-ahead flush but was never sent: its mark is taken back.
    assert (outbox.get(second).attempts, outbox.get(second).uncertain) == (0, False)


def test_documents_are_uploaded_once_even_when_the_post_fails(outbox, make_syncer, pos, clock):
    pos.script += [("POST", POST_CUSTOMERS, 503), ("POST", POST_CUSTOMERS, "refused")]
    entry_id = outbox.enqueue(BODY, DOCS)
    syncer = make_syncer()
    for _ in range(3):
        syncer.drain()
        later(clock)
    assert outbox.get(entry_id).state is EntryState.CREATED
    assert pos.uploads and pos.count("POST", UPLOAD) == 2
    assert pos.posted_bodies[-1][wire.DOCUMENTS] == [
        {wire.DOC_FILE_ID: 1001, wire.DOC_TYPE: wire.DOC_TYPE_ID},
        {wire.DOC_FILE_ID: 1002, wire.DOC_TYPE: wire.DOC_TYPE_MEDICAL},
    ]


def test_a_failed_upload_keeps_the_file_ids_already_known(outbox, make_syncer, pos, clock):
    # The first document goes up, the second meets a dead connection.
    outbox.enqueue(BODY, DOCS)
    syncer = make_syncer()
    original = pos._serve
    calls = {"n": 0}

    def flaky(request):
        if request.url.path == UPLOAD:
            calls["n"] += 1
            if calls["n"] == 2:
                raise httpx.ConnectError("refused", request=request)
        return original(request)

    pos._serve = flaky
    assert syncer.drain().offline
    later(clock)
    assert len(syncer.drain().created) == 1
    assert pos.count("POST", UPLOAD) == 3  # 1 ok, 1 refused, the refused one again
    assert [d[wire.DOC_FILE_ID] for d in pos.posted_bodies[0][wire.DOCUMENTS]] == [1001, 1002]


def test_a_refused_document_goes_back_to_the_clerk(outbox, make_syncer, pos):
    pos.script.append(("POST", UPLOAD, (422, {}, {wire.ERR_MESSAGE: "only jpeg, png or pdf"})))
    entry_id = outbox.enqueue(BODY, DOCS[:1])
    report = make_syncer().drain()
    assert report.needs_attention == [entry_id]
    assert outbox.get(entry_id).field_errors == {wire.DOCUMENTS: ["only jpeg, png or pdf"]}
    assert pos.count("POST", POST_CUSTOMERS) == 0


def test_a_wrong_address_fails_the_entry_but_not_the_queue(outbox, make_syncer, pos):
    pos.script.append(("POST", POST_CUSTOMERS, 404))
    first, second = outbox.enqueue(BODY), outbox.enqueue(BODY)
    report = make_syncer().drain()
    assert report.failed == [first]
    assert [c.entry_id for c in report.created] == [second]
    assert outbox.get(first).state is EntryState.FAILED


def test_a_killed_sender_leaves_an_uncertain_row_that_is_checked(tmp_path, pos, clock):
    path = outbox_path(tmp_path / "data")
    cipher = Cipher(new_key())
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(WITH_STATE_ID)
        box.mark_sending(entry_id)  # the write-ahead mark, then the program died mid-request
    pos.customers.append({**WITH_STATE_ID, "id": 5, "status": "verified"})  # the request had landed
    with Outbox(path, cipher, clock=clock) as box:
        syncer = OutboxSyncer(box, lambda: ApiClient(API, FILES, KEY, transport=httpx.MockTransport(pos)), clock=clock)
        report = syncer.drain()
    assert report.created[0].customer_id == 5 and report.created[0].adopted
    assert pos.count("POST", POST_CUSTOMERS) == 0


def test_a_second_sender_steps_aside(outbox, make_syncer, pos):
    outbox.enqueue(BODY)
    with outbox.send_lock():
        report = make_syncer().drain()
    assert report.busy and report.attempted == 0 and report.remaining == 1
    assert pos.requests == []


def test_backoff_is_full_jitter_capped_and_honours_retry_after(outbox, make_syncer):
    syncer = make_syncer(base_delay=2.0, max_delay=60.0)
    for attempts in range(10):
        ceiling = min(60.0, 2.0 * 2**attempts)
        delays = [syncer.backoff(attempts) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling / 2  # spread over the whole range, not fixed
    assert all(syncer.backoff(0, retry_after=30) >= 30 for _ in range(50))


def test_match_customer_prefers_the_closest_and_newest():
    body = {**BODY, wire.PHONE: "4155550123"}
    same = {wire.FIRST_NAME: "ada", wire.LAST_NAME: " BYRON", wire.DATE_OF_BIRTH: "1990-12-10"}
    customers = [
        {**same, "id": 3},
        {**same, "id": 2, wire.PHONE: "4155550123"},
        {**same, "id": 9, wire.DATE_OF_BIRTH: "1990-12-11"},
    ]
    assert match_customer(body, customers)["id"] == 2
    assert match_customer(body, customers[:1])["id"] == 3
    assert match_customer(body, customers[2:]) is None
    assert match_customer({wire.LAST_NAME: "Byron"}, customers) is None
