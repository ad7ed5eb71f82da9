"""A store's corrections of wire names: checked, and applied both ways at the wire."""

from __future__ import annotations

import httpx
import pytest

from app import wire
from app.api.client import ApiClient
from app.api.errors import Rejected
from app.wire import WireNameError, WireNames, check_mapping


def test_outgoing_and_incoming_rename_top_level_and_address_members():
    names = WireNames({wire.NICKNAME: "nick_name", f"{wire.ADDRESS}.{wire.ZIP}": "postcode"})
    body = {wire.FIRST_NAME: "Ana", wire.NICKNAME: "Annie", wire.ADDRESS: {wire.ZIP: "90210", wire.CITY: "LA"}}
    sent = names.outgoing(body)
    assert sent == {wire.FIRST_NAME: "Ana", "nick_name": "Annie", wire.ADDRESS: {"postcode": "90210", wire.CITY: "LA"}}
    assert names.incoming({**sent, wire.RESP_ID: 7}) == {**body, wire.RESP_ID: 7}
    assert body[wire.NICKNAME] == "Annie" and "nick_name" not in body  # the caller's dict is untouched
    assert names.server_name(wire.NICKNAME) == "nick_name"
    assert names.server_name(f"{wire.ADDRESS}.{wire.ZIP}") == "address.postcode"
    assert names.incoming_field("nick_name") == wire.NICKNAME
    assert names.incoming_field("address.postcode") == f"{wire.ADDRESS}.{wire.ZIP}"
    assert names.incoming_field("documents.0.file_id") == "documents.0.file_id"


def test_no_mapping_is_identity():
    names = WireNames()
    assert not names
    assert names.outgoing({wire.NICKNAME: "x"}) == {wire.NICKNAME: "x"}


@pytest.mark.parametrize(
    ("mapping", "words"),
    [
        ({"nick": "x"}, "not one of the station's fields"),
        ({wire.NICKNAME: "has space"}, "plain name"),
        ({wire.NICKNAME: 3}, "plain name"),
        ({wire.NICKNAME: wire.EMAIL}, "would both be sent as 'email'"),
        ({wire.NICKNAME: "alias", wire.MIDDLE_NAME: "alias"}, "would both be sent as 'alias'"),
        ({f"{wire.ADDRESS}.{wire.ZIP}": wire.CITY}, "'address.city' and 'address.zip'"),
        (["nickname"], "must be a table"),
    ],
)
def test_unusable_mappings_are_refused_with_the_reason(mapping, words):
    with pytest.raises(WireNameError, match=words.replace(".", r"\.").replace("'", "'")):
        check_mapping(mapping)


def test_swapping_two_names_is_allowed_and_a_name_mapped_to_itself_is_dropped():
    assert check_mapping({wire.PHONE: wire.CELL_PHONE, wire.CELL_PHONE: wire.PHONE, wire.EMAIL: wire.EMAIL}) == {
        wire.PHONE: wire.CELL_PHONE, wire.CELL_PHONE: wire.PHONE}


def test_client_sends_mapped_names_and_reads_replies_and_errors_back_in_ours():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.read())
        if request.method == "POST":
            return httpx.Response(422, json={"errors": {"nick_name": ["too long"]}})
        return httpx.Response(200, json={"id": 5, "nick_name": "Annie"})

    client = ApiClient("https://pos.example/api", "https://pos.example/files", "k",
                       transport=httpx.MockTransport(handler), wire_names=WireNames({wire.NICKNAME: "nick_name"}))
    with client:
        with pytest.raises(Rejected) as caught:
            client.create_customer({wire.FIRST_NAME: "Ana", wire.NICKNAME: "Annie"})
        assert client.get_customer(5) == {"id": 5, wire.NICKNAME: "Annie"}
    assert b'"nick_name"' in seen[0] and b'"nickname"' not in seen[0]
    assert caught.value.field_errors == {wire.NICKNAME: ["too long"]}
