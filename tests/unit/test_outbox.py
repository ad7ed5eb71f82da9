"""The outbox as a persistent state machine (no network here; see test_outbox_sync.py)."""

import pytest

from app import wire
from app.crypto import Cipher, new_key
from app.outbox import (
    DocumentFile,
    EntryBusy,
    EntryNotFound,
    EntryState,
    Outbox,
    WrongState,
)
from app.storage import outbox_path


class Clock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


BODY = {wire.FIRST_NAME: "Ada", wire.LAST_NAME: "Byron", wire.DATE_OF_BIRTH: "1990-12-10"}
DOC = DocumentFile("id.png", "image/png", wire.DOC_TYPE_ID, b"\x89PNG front")


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def cipher():
    return Cipher(new_key())


@pytest.fixture
def outbox(tmp_path, cipher, clock):
    with Outbox(outbox_path(tmp_path / "data"), cipher, clock=clock) as box:
        yield box


def test_enqueue_keeps_body_documents_and_label(outbox, clock):
    entry_id = outbox.enqueue(BODY, [DOC], draft_id="d1")
    entry = outbox.get(entry_id)
    assert entry.state is EntryState.QUEUED
    assert (entry.label, entry.draft_id, entry.document_count, entry.attempts) == ("A. Byron", "d1", 1, 0)
    assert entry.created_at == entry.next_attempt_at == clock.now
    assert not entry.uncertain
    item = outbox.work_item(entry_id)
    assert item.body == BODY
    assert [(d.position, d.filename, d.content_type, d.doc_type, d.data, d.file_id) for d in item.documents] == [
        (0, "id.png", "image/png", wire.DOC_TYPE_ID, DOC.data, None)
    ]


def test_entries_are_in_acceptance_order_and_counted(outbox):
    ids = [outbox.enqueue({**BODY, wire.LAST_NAME: f"N{i}"}) for i in range(3)]
    assert [e.id for e in outbox.entries()] == ids
    outbox.mark_needs_attention(ids[1], error="refused", field_errors={wire.PHONE: ["bad"]})
    assert outbox.counts()["queued"] == 2
    assert outbox.counts()["needs_attention"] == 1
    assert outbox.pending_count() == 2
    assert [e.id for e in outbox.entries([EntryState.NEEDS_ATTENTION])] == [ids[1]]


def test_due_ids_respect_next_attempt_time(outbox, clock):
    first = outbox.enqueue(BODY)
    second = outbox.enqueue(BODY)
    outbox.schedule_retry(first, next_attempt_at=clock.now + 30, error="later", uncertain=False)
    assert outbox.due_ids(clock.now) == [second]
    assert outbox.due_ids(clock.now + 30) == [first, second]
    assert outbox.due_ids(clock.now + 30, only=[first]) == [first]
    assert outbox.next_attempt_at() == clock.now
    assert outbox.next_attempt_at(only=[first]) == clock.now + 30
    assert outbox.get(first).attempts == 1


def test_write_ahead_mark_survives_reopening(tmp_path, cipher, clock):
    path = outbox_path(tmp_path / "data")
    with Outbox(path, cipher, clock=clock) as box:
        entry_id = box.enqueue(BODY, [DOC])
        box.mark_uploading(entry_id)
        box.record_file_id(entry_id, 0, 77)
        box.mark_sending(entry_id)
    # The sender died here; a new one finds the row queued again, still uncertain, file id kept.
    with Outbox(path, cipher, clock=clock) as box:
        entry = box.get(entry_id)
        assert entry.state is EntryState.QUEUED
        assert entry.uncertain
        assert box.work_item(entry_id).documents[0].file_id == 77


def test_a_live_sender_keeps_its_rows(tmp_path, cipher, clock):
    path = outbox_path(tmp_path / "data")
    with Outbox(path, cipher, clock=clock) as sender:
        entry_id = sender.enqueue(BODY)
        with sender.send_lock():
            sender.mark_posting(entry_id)
            with Outbox(path, cipher, clock=clock) as window:
                assert window.get(entry_id).state is EntryState.POSTING
                with pytest.raises(EntryBusy), window.send_lock():
                    pass
                with pytest.raises(EntryBusy):
                    window.discard(entry_id)


def test_created_entry_loses_its_personal_data(outbox):
    entry_id = outbox.enqueue(BODY, [DOC])
    outbox.mark_posting(entry_id)
    outbox.mark_created(entry_id, 123, "verified")
    entry = outbox.get(entry_id)
    assert (entry.state, entry.customer_id, entry.customer_status) == (EntryState.CREATED, 123, "verified")
    assert (entry.label, entry.document_count, entry.uncertain) == (None, 0, False)
    with pytest.raises(WrongState):
        outbox.body(entry_id)
    assert outbox.work_item(entry_id) is None
    row = outbox._conn.execute("SELECT body, label, details FROM entries WHERE id = ?", (entry_id,)).fetchone()
    assert row == (None, None, None)


def test_needs_attention_then_resubmit(outbox, clock):
    entry_id = outbox.enqueue(BODY)
    outbox.mark_posting(entry_id)
    outbox.mark_needs_attention(
        entry_id, error="refused", field_errors={wire.DATE_OF_BIRTH: ["too young"]}, form_errors=["check it"]
    )
    entry = outbox.get(entry_id)
    assert entry.field_errors == {wire.DATE_OF_BIRTH: ["too young"]}
    assert entry.form_errors == ["check it"]
    assert not entry.uncertain
    assert not entry.pending
    clock.now += 60
    fixed = {**BODY, wire.DATE_OF_BIRTH: "1980-01-01", wire.LAST_NAME: "Lovelace"}
    outbox.resubmit(entry_id, fixed)
    entry = outbox.get(entry_id)
    assert (entry.state, entry.attempts, entry.next_attempt_at, entry.field_errors) == (
        EntryState.QUEUED, 0, clock.now, {}
    )
    assert entry.label == "A. Lovelace"
    assert outbox.body(entry_id) == fixed


def test_retry_and_resubmit_only_from_attention_or_failed(outbox):
    entry_id = outbox.enqueue(BODY)
    with pytest.raises(WrongState):
        outbox.retry(entry_id)
    outbox.mark_failed(entry_id, error="plan", uncertain=True)
    outbox.retry(entry_id)
    entry = outbox.get(entry_id)
    assert entry.state is EntryState.QUEUED
    assert entry.uncertain  # a retry of a possibly-sent create still asks the server first
    with pytest.raises(EntryNotFound):
        outbox.retry("nope")


def test_discard_removes_everything(outbox):
    entry_id = outbox.enqueue(BODY, [DOC])
    outbox.discard(entry_id)
    with pytest.raises(EntryNotFound):
        outbox.get(entry_id)
    assert outbox._conn.execute("SELECT COUNT(*) FROM entry_documents").fetchone() == (0,)


def test_pause_is_persisted(tmp_path, cipher, clock):
    path = outbox_path(tmp_path / "data")
    with Outbox(path, cipher, clock=clock) as box:
        assert box.paused() is None
        box.pause("key refused")
    with Outbox(path, cipher, clock=clock) as box:
        assert box.paused() == "key refused"
        box.resume()
        assert box.paused() is None


def test_forget_created_only_removes_old_created_rows(outbox, clock):
    done, waiting = outbox.enqueue(BODY), outbox.enqueue(BODY)
    outbox.mark_created(done, 1, "pending")
    clock.now += 40 * 86400
    assert outbox.forget_created(30) == 1
    assert [e.id for e in outbox.entries()] == [waiting]


def test_one_entry_per_draft_while_it_waits(outbox):
    first = outbox.enqueue(BODY, [DOC], draft_id="draft-1")
    assert outbox.enqueue(BODY, [DOC], draft_id="draft-1") == first  # Submit again: the same intake
    assert outbox.enqueue(BODY, draft_id="draft-2") != first
    assert outbox.enqueue(BODY) != outbox.enqueue(BODY)  # no draft id: nothing to recognise it by
    assert len(outbox.entries()) == 4
