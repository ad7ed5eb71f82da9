"""The duplicate check: the station's digest-only record of created intakes, and the POS's
state-ID lookup (the sandbox over loopback), with its plan gate and an unreachable server."""

from __future__ import annotations

import socket
from datetime import date

import pytest

from app import wire
from app.api.client import ApiClient
from app.crypto import new_key
from app.duplicates import CreatedIndex, find_duplicates, index_key, open_created_index

ADA = {
    wire.FIRST_NAME: "Zoë",
    wire.LAST_NAME: "O'Brien-Smith",
    wire.DATE_OF_BIRTH: "1988-03-14",
    wire.STATE_ID: "D123 4567",
}


@pytest.fixture
def index(tmp_path):
    created = open_created_index(tmp_path, new_key())
    yield created
    created.close()


def test_same_name_and_birth_written_differently_matches(index):
    index.add(ADA, 1234, created_on=date(2025, 5, 2))
    typed = {wire.FIRST_NAME: "ZOE", wire.LAST_NAME: "obrien smith", wire.DATE_OF_BIRTH: "1988-03-14"}
    [match] = find_duplicates(typed, created_index=index)
    assert match.source == "local"
    assert match.what_matched == [wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH]
    assert match.customer_id == 1234
    assert match.created_on == date(2025, 5, 2)


def test_same_state_id_with_other_spacing_matches_and_says_both(index):
    index.add(ADA, "C-77")
    [match] = index.find({**ADA, wire.STATE_ID: "d1234-567"})
    assert match.what_matched == [wire.STATE_ID, wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH]
    assert match.customer_id == "C-77"
    [by_id_only] = index.find({wire.STATE_ID: "D1234567", wire.FIRST_NAME: "Other", wire.LAST_NAME: "Person",
                               wire.DATE_OF_BIRTH: "1990-01-01"})
    assert by_id_only.what_matched == [wire.STATE_ID]


@pytest.mark.parametrize("change", [
    {wire.DATE_OF_BIRTH: "1988-03-15"},
    {wire.FIRST_NAME: "Zoey"},
    {wire.DATE_OF_BIRTH: "not a date"},
])
def test_a_different_person_does_not_match(index, change):
    index.add(ADA, 1)
    assert index.find({**ADA, wire.STATE_ID: "", **change}) == []


def test_a_record_without_keys_is_neither_stored_nor_found(index):
    assert index.add({wire.FIRST_NAME: "Ada"}, 1) is False
    assert index.find({wire.FIRST_NAME: "Ada"}) == []


def test_the_index_file_holds_no_personal_data(tmp_path):
    key = bytes(range(32))  # fixed, so no digest byte run can spell a searched text by chance
    created = open_created_index(tmp_path, key)
    created.add(ADA, 555)
    created.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    for secret in ("Zo", "Brien", "OBRIENSMITH", "obriensmith", "1988", "19880314", "D123", "1234567", "4567"):
        assert secret.encode() not in raw, secret
    # Another station's key finds nothing: the digests cannot be tested without this one's key.
    other = CreatedIndex(tmp_path / "created-index.db", index_key(new_key()))
    assert other.find(ADA) == []
    other.close()
    same = open_created_index(tmp_path, key)
    assert [m.customer_id for m in same.find(ADA)] == [555]
    same.close()


def test_the_pos_lookup_finds_a_customer_by_state_id(sandbox, index):
    created = sandbox.add_customer({wire.FIRST_NAME: "Zoë", wire.LAST_NAME: "O'Brien-Smith",
                                    wire.DATE_OF_BIRTH: "1988-03-14", wire.STATE_ID: "D1234567"})
    with ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=5) as client:
        found = find_duplicates({**ADA, wire.STATE_ID: "D1234567"}, client=client, created_index=index)
        nobody = find_duplicates({**ADA, wire.STATE_ID: "X999"}, client=client, created_index=index)
    assert [(m.source, m.customer_id) for m in found] == [("pos", created[wire.RESP_ID])]
    assert found[0].what_matched == [wire.STATE_ID, wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH]
    assert (list(nobody), nobody.notes) == ([], [])


def test_a_plan_without_the_lookup_is_skipped_silently(sandbox, index):
    sandbox.add_customer({wire.FIRST_NAME: "A", wire.LAST_NAME: "B", wire.DATE_OF_BIRTH: "1980-01-01",
                          wire.STATE_ID: "D1234567"})
    sandbox.plan = "basic"
    index.add(ADA, 9)
    with ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=5) as client:
        found = find_duplicates({**ADA, wire.STATE_ID: "D1234567"}, client=client, created_index=index)
    assert [m.source for m in found] == ["local"]
    assert found.notes == []


def test_an_unreachable_pos_leaves_a_note_and_the_local_answer(index):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    index.add(ADA, 9)
    url = f"http://127.0.0.1:{port}"
    with ApiClient(url, url, "test-key", timeout=2, connect_timeout=2) as client:
        found = find_duplicates(ADA, client=client, created_index=index)
    assert [m.source for m in found] == ["local"]
    assert len(found.notes) == 1 and "could not be asked" in found.notes[0]


@pytest.mark.parametrize("typed", ["Ｄ１２３４５６７", "D123\u200b4567", "\u202ed1234567\u202c", "\ufeffD 1234567\x00"])
def test_a_state_id_typed_full_width_or_with_invisible_characters_matches(index, typed):
    index.add(ADA, 5)
    [match] = index.find({wire.STATE_ID: typed})
    assert match.what_matched == [wire.STATE_ID] and match.customer_id == 5


def test_a_state_id_with_a_broken_character_matches_nothing(index):
    index.add(ADA, 5)
    assert index.find({wire.STATE_ID: "D123\ud8004567"}) == []


def test_the_pos_is_asked_for_the_state_id_as_it_would_be_sent(sandbox, index):
    created = sandbox.add_customer({wire.FIRST_NAME: "A", wire.LAST_NAME: "B", wire.DATE_OF_BIRTH: "1980-01-01",
                                    wire.STATE_ID: "D1234567"})
    asked: list[str] = []

    class Recording(ApiClient):
        def find_by_state_id(self, state_id):
            asked.append(state_id)
            return super().find_by_state_id(state_id)

    with Recording(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=5) as client:
        found = find_duplicates({wire.STATE_ID: " ｄ１２３\u200b4567\u202e"}, client=client, created_index=index)
    assert asked == ["D1234567"]
    assert [(m.source, m.customer_id) for m in found] == [("pos", created[wire.RESP_ID])]
