"""The settle rule of the sync worker: a create that may still be running on the server is not
sent again before the server had ample time to finish it, is looked up before every resend, and
waits for a person when the server cannot tell (see app/sync.py, rules 4 and 5)."""

from __future__ import annotations

import random

import httpx
import pytest

from app import outbox as outbox_module
from app import wire
from app.api.client import ApiClient
from app.crypto import Cipher, new_key
from app.outbox import EntryBusy, EntryState, Outbox, Unsendable
from app.storage import outbox_path
from app.sync import MSG_SETTLING, MSG_UNCONFIRMED, OutboxSyncer
from tests.unit.test_outbox_sync import API, BODY, FILES, KEY, POST_CUSTOMERS, WITH_STATE_ID, Clock, FakePos

SETTLE = 300.0


class SlowPos(FakePos):
    """``"timeout"`` in the script: the client gives up before the server has done anything;
    the test then lets the server finish (``land``) or not."""

    def _act(self, action, request):
        if action == "timeout":
            self.held = request
            raise httpx.ReadTimeout("timed out", request=request)
        return super()._act(action, request)

    def land(self) -> None:
        self._serve(self.held)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def pos():
    return SlowPos()


@pytest.fixture
def path(tmp_path):
    return outbox_path(tmp_path / "data")


@pytest.fixture
def cipher():
    return Cipher(new_key())


def syncer_for(box: Outbox, pos: FakePos, clock: Clock, **options) -> OutboxSyncer:
    options.setdefault("settle_seconds", SETTLE)
    return OutboxSyncer(
        box,
        lambda: ApiClient(API, FILES, KEY, transport=httpx.MockTransport(pos)),
        clock=clock,
        sleep=clock.sleep,
        rng=random.Random(3),
        base_delay=1.0,
        **options,
    )


def test_a_slow_create_is_looked_up_but_never_sent_again_before_it_settles(path, cipher, pos, clock):
    pos.script.append(("POST", POST_CUSTOMERS, "timeout"))
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        syncer = syncer_for(box, pos, clock)
        syncer.drain()
        mark = box.send_marks([entry_id])[entry_id]
        assert mark.uncertain and mark.handed and mark.sent_at == clock.now
        sent_at = mark.sent_at

        # The backoff is over but the server may still be at it: looked up, not sent.
        for _ in range(3):
            clock.now = box.get(entry_id).next_attempt_at
            assert clock.now < sent_at + SETTLE
            report = syncer.drain()
            assert report.created == [] and report.retrying == [entry_id]
            entry = box.get(entry_id)
            assert entry.last_error == MSG_SETTLING and entry.uncertain
            assert entry.next_attempt_at <= sent_at + SETTLE
        assert pos.count("POST", POST_CUSTOMERS) == 1
        assert pos.count("GET", POST_CUSTOMERS) == 3

        # The server finishes; the next look finds the customer and adopts it.
        pos.land()
        clock.now = box.get(entry_id).next_attempt_at
        report = syncer.drain()
    assert report.created[0].adopted
    assert pos.count("POST", POST_CUSTOMERS) == 1
    assert len(pos.customers) == 1


def test_a_create_that_never_landed_is_sent_once_more_after_it_settled(path, cipher, pos, clock):
    pos.script.append(("POST", POST_CUSTOMERS, "timeout"))
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        syncer = syncer_for(box, pos, clock)
        syncer.drain(wait=2 * SETTLE)  # the worker keeps going, sleeping on the fake clock
        entry = box.get(entry_id)
    assert entry.state is EntryState.CREATED
    assert pos.count("POST", POST_CUSTOMERS) == 2
    assert len(pos.customers) == 1
    # the resend went out only once the settle time had passed since the first create
    assert sum(clock.slept) >= SETTLE


def test_a_fresh_sender_waits_for_a_create_a_killed_one_left_in_flight(path, cipher, pos, clock):
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        box.mark_sending(entry_id)  # the write-ahead mark; then the program died mid-request
    clock.now += 5
    with Outbox(path, cipher, clock=clock) as box:
        syncer = syncer_for(box, pos, clock)
        report = syncer.drain()
        assert report.created == [] and pos.count("POST", POST_CUSTOMERS) == 0
        assert box.get(entry_id).last_error == MSG_SETTLING
        # The orphaned request lands on the server meanwhile.
        pos.customers.append({**BODY, "id": 41, "status": "verified"})
        clock.now = box.get(entry_id).next_attempt_at
        report = syncer.drain()
    assert report.created[0].customer_id == 41 and report.created[0].adopted
    assert pos.count("POST", POST_CUSTOMERS) == 0


def test_entries_a_killed_sender_only_marked_with_their_batch_need_not_wait(path, cipher, pos, clock):
    with Outbox(path, cipher, clock=clock) as box:
        first, second, third = (box.enqueue(BODY), box.enqueue({**BODY, wire.FIRST_NAME: "Eve"}),
                                box.enqueue({**BODY, wire.FIRST_NAME: "Ivy"}))
        box.mark_may_send([first, second, third])  # the batch's flushed mark
        box.mark_sending(first)  # only the first create was handed over; then the kill
    clock.now += 5
    with Outbox(path, cipher, clock=clock) as box:
        report = syncer_for(box, pos, clock).drain()
        assert sorted(c.entry_id for c in report.created) == sorted([second, third])
        assert box.get(first).last_error == MSG_SETTLING
    # the two never handed over were looked up once, then sent; the first waits
    assert pos.count("POST", POST_CUSTOMERS) == 2


def test_after_a_power_cut_an_unconfirmed_batch_mark_is_taken_as_sent(path, cipher, pos, clock, monkeypatch):
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        box.mark_may_send([entry_id])  # flushed; the unflushed "handed" may be lost with the power
    monkeypatch.setattr(outbox_module, "boot_marker", lambda: "another boot")
    clock.now += 5
    with Outbox(path, cipher, clock=clock) as box:
        report = syncer_for(box, pos, clock).drain()
        assert report.created == [] and box.get(entry_id).last_error == MSG_SETTLING
    assert pos.count("POST", POST_CUSTOMERS) == 0


def test_an_answered_failure_needs_a_lookup_but_no_settling(path, cipher, pos, clock):
    # A 500 is an answer: the server is done with the request, so no waiting, only a look first.
    pos.script.append(("POST", POST_CUSTOMERS, 500))
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        syncer = syncer_for(box, pos, clock)
        syncer.drain()
        entry = box.get(entry_id)
        assert entry.uncertain and box.send_marks([entry_id])[entry_id].sent_at is None
        clock.now = entry.next_attempt_at
        report = syncer.drain()
    assert [c.adopted for c in report.created] == [False]
    assert pos.count("GET", POST_CUSTOMERS) == 1 and pos.count("POST", POST_CUSTOMERS) == 2
    assert sum(clock.slept) < SETTLE


@pytest.mark.parametrize("status", [502, 504])
def test_a_gateway_failure_settles_like_a_timeout(path, cipher, pos, clock, status):
    pos.script.append(("POST", POST_CUSTOMERS, status))
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        syncer = syncer_for(box, pos, clock)
        syncer.drain()
        clock.now = box.get(entry_id).next_attempt_at
        syncer.drain()
        assert box.get(entry_id).last_error == MSG_SETTLING
    assert pos.count("POST", POST_CUSTOMERS) == 1


class CrowdedPos(SlowPos):
    """A listing that honours ``limit`` (oldest first), with many customers of the same day."""

    def _serve(self, request):
        response = super()._serve(request)
        if request.method == "GET" and request.url.path == POST_CUSTOMERS:
            limit = int(request.url.params[wire.QUERY_LIMIT])
            return httpx.Response(200, json=self.customers[:limit])
        return response


def crowd(pos: FakePos, n: int) -> None:
    for i in range(n):
        pos.customers.append({wire.FIRST_NAME: f"Walk{i}", wire.LAST_NAME: "In", wire.DATE_OF_BIRTH: "1980-01-01",
                              "id": len(pos.customers) + 1})


def test_a_listing_longer_than_a_page_is_read_in_full(path, cipher, clock):
    pos = CrowdedPos()
    crowd(pos, 501)
    pos.script.append(("POST", POST_CUSTOMERS, "timeout"))
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        syncer = syncer_for(box, pos, clock)
        syncer.drain()
        pos.land()  # our customer is the 502nd of the day
        clock.now = box.get(entry_id).next_attempt_at
        report = syncer.drain()
    assert report.created[0].adopted and report.created[0].customer_id == 502
    assert pos.count("POST", POST_CUSTOMERS) == 1


def test_when_the_listing_cannot_rule_it_out_a_person_decides(path, cipher, clock):
    pos = CrowdedPos()
    crowd(pos, 40)
    pos.script.append(("POST", POST_CUSTOMERS, "timeout"))
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY)
        syncer = syncer_for(box, pos, clock, listing_limit=5, listing_max=20)
        syncer.drain(wait=2 * SETTLE)
        entry = box.get(entry_id)
        assert entry.state is EntryState.FAILED and entry.last_error == MSG_UNCONFIRMED and entry.uncertain
        assert pos.count("POST", POST_CUSTOMERS) == 1  # never guessed

        # The clerk looked in the POS, found nobody, and retries: sent without asking again.
        box.retry(entry_id)
        assert not box.get(entry_id).uncertain
        report = syncer.drain()
    assert [c.entry_id for c in report.created] == [entry_id]
    assert pos.count("POST", POST_CUSTOMERS) == 2


def test_with_a_state_id_the_uniqueness_check_still_guards(path, cipher, pos, clock):
    pos.script.append(("POST", POST_CUSTOMERS, "timeout"))
    with Outbox(path, cipher, clock=clock) as box:
        box.enqueue(WITH_STATE_ID)
        syncer = syncer_for(box, pos, clock)
        syncer.drain()
        pos.land()
        report = syncer.drain(wait=2 * SETTLE)
    assert report.created[0].adopted
    assert len(pos.customers) == 1


def test_deleting_files_beside_the_outbox_does_not_let_a_second_sender_in(path, cipher, clock):
    with Outbox(path, cipher, clock=clock) as first, Outbox(path, cipher, clock=clock) as second:
        with first.send_lock():
            for leftover in path.parent.glob("*.lock"):
                leftover.unlink()
            with pytest.raises(EntryBusy), second.send_lock():
                pass
        with second.send_lock():  # released with its holder
            pass


@pytest.mark.parametrize("bad", ["Ada\ud800", float("nan"), object()])
def test_a_body_that_could_never_be_sent_is_refused_at_the_door(path, cipher, clock, bad):
    with Outbox(path, cipher, clock=clock) as box:
        with pytest.raises(Unsendable):
            box.enqueue({**BODY, wire.NICKNAME: bad})
        with pytest.raises(Unsendable):
            box.enqueue_update(5, {wire.NICKNAME: bad})
        assert box.entries() == []
