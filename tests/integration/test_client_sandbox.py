"""The API client against the real sandbox over loopback HTTP: every endpoint and error."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app import wire
from app.api.client import ApiClient
from app.api.errors import AuthError, NetworkError, PlanNotAllowed, RateLimited, Rejected, ServerError
from tests.support.bodies import customer_body

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64




@pytest.fixture
def client(sandbox):
    with ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=5) as api:
        yield api


def test_create_returns_the_customer_and_the_sandbox_holds_it(sandbox, client):
    created = client.create_customer(customer_body())
    assert isinstance(created[wire.RESP_ID], int)
    assert created[wire.RESP_STATUS] in wire.CUSTOMER_STATUSES
    assert created[wire.FIRST_NAME] == "Ada"
    assert [c[wire.RESP_ID] for c in sandbox.created()] == [created[wire.RESP_ID]]


def test_wrong_key_is_an_auth_error(sandbox):
    with ApiClient(sandbox.api_url, sandbox.files_url, "not-the-key") as client, pytest.raises(AuthError) as caught:
        client.list_customer_groups()
    assert caught.value.status == 401
    assert "not-the-key" not in str(caught.value)


def test_invalid_record_gets_field_errors_by_dotted_wire_name(client):
    body = customer_body(
        **{wire.FIRST_NAME: "", wire.ADDRESS: {wire.ZIP: "nope", wire.COUNTRY: "US", wire.STATE: "CA"}}
    )
    with pytest.raises(Rejected) as caught:
        client.create_customer(body)
    error = caught.value
    assert error.status == 422 and error.duplicate is False
    assert wire.FIRST_NAME in error.field_errors
    assert f"{wire.ADDRESS}.{wire.ZIP}" in error.field_errors


def test_duplicate_state_id_is_rejected_as_duplicate(client):
    first = client.create_customer(customer_body(**{wire.STATE_ID: "D1234567"}))
    with pytest.raises(Rejected) as caught:
        client.create_customer(customer_body(**{wire.STATE_ID: "D1234567", wire.FIRST_NAME: "Other"}))
    assert caught.value.duplicate is True and caught.value.status == 409
    assert wire.STATE_ID in caught.value.field_errors
    assert client.find_by_state_id("D1234567")[wire.RESP_ID] == first[wire.RESP_ID]


def test_upload_then_create_with_the_document(sandbox, client):
    file_id = client.upload_file("id-front.png", PNG, "image/png")
    medical = client.upload_file("rec.pdf", PDF, "application/pdf")
    assert {u[wire.UPLOAD_RESP_ID] for u in sandbox.uploads()} == {file_id, medical}
    documents = [
        {wire.DOC_FILE_ID: file_id, wire.DOC_TYPE: wire.DOC_TYPE_ID},
        {wire.DOC_FILE_ID: medical, wire.DOC_TYPE: wire.DOC_TYPE_MEDICAL},
    ]
    created = client.create_customer(customer_body(**{wire.DOCUMENTS: documents}))
    assert created[wire.DOCUMENTS] == documents


def test_state_id_format_error_is_not_a_duplicate(client):
    with pytest.raises(Rejected) as caught:
        client.create_customer(customer_body(**{wire.STATE_ID: "A B"}))
    assert caught.value.duplicate is False
    assert wire.STATE_ID in caught.value.field_errors


def test_upload_of_a_file_that_is_not_a_document_is_rejected(client):
    with pytest.raises(Rejected) as caught:
        client.upload_file("notes.txt", b"just text", "text/plain")
    assert wire.UPLOAD_PART in caught.value.field_errors


def test_unknown_uploaded_file_is_a_field_error_on_the_document(client):
    documents = [{wire.DOC_FILE_ID: 99999, wire.DOC_TYPE: wire.DOC_TYPE_ID}]
    with pytest.raises(Rejected) as caught:
        client.create_customer(customer_body(**{wire.DOCUMENTS: documents}))
    assert f"{wire.DOCUMENTS}.0.{wire.DOC_FILE_ID}" in caught.value.field_errors


def test_lookup_by_state_id_found_missing_and_plan_gated(sandbox, client):
    created = client.create_customer(customer_body(**{wire.STATE_ID: "A1B2C3"}))
    assert client.find_by_state_id("A1B2C3")[wire.RESP_ID] == created[wire.RESP_ID]
    assert client.find_by_state_id("NOBODY99") is None
    sandbox.plan = "basic"
    with pytest.raises(PlanNotAllowed):
        client.find_by_state_id("A1B2C3")


def test_group_listing(sandbox, client):
    groups = client.list_customer_groups()
    assert groups == sandbox.groups()
    assert {g[wire.GROUP_KIND] for g in groups} <= {wire.GROUP_KIND_MANUAL, wire.GROUP_KIND_AUTOMATIC}


def test_customer_listing_by_creation_date(sandbox, client):
    today = datetime.now(UTC).date()
    old = sandbox.add_customer(customer_body(**{wire.FIRST_NAME: "Old"}),
                               created_at=datetime.now(UTC) - timedelta(days=40))
    new = client.create_customer(customer_body(**{wire.FIRST_NAME: "New"}))
    recent = client.list_customers(today - timedelta(days=1), today + timedelta(days=1))
    assert [c[wire.RESP_ID] for c in recent] == [new[wire.RESP_ID]]
    everything = client.list_customers(date(2000, 1, 1), today + timedelta(days=1))
    assert {c[wire.RESP_ID] for c in everything} == {old[wire.RESP_ID], new[wire.RESP_ID]}
    assert len(client.list_customers(date(2000, 1, 1), today + timedelta(days=1), limit=1)) == 1


def test_rate_limit_with_retry_after(sandbox, client):
    sandbox.script_faults([{"status": 429, "retry_after": 7, "path": wire.PATH_CUSTOMERS}])
    with pytest.raises(RateLimited) as caught:
        client.create_customer(customer_body())
    assert caught.value.retry_after == 7.0
    assert sandbox.created() == []


def test_server_error(sandbox, client):
    sandbox.script_faults([{"status": 503}])
    with pytest.raises(ServerError) as caught:
        client.list_customer_groups()
    assert caught.value.status == 503


def test_connection_dropped_after_the_write_may_have_reached(sandbox, client):
    sandbox.script_faults([{"drop_after_write": True, "path": wire.PATH_CUSTOMERS, "method": "POST"}])
    with pytest.raises(NetworkError) as caught:
        client.create_customer(customer_body(**{wire.STATE_ID: "Z7"}))
    assert caught.value.may_have_reached is True
    # It did reach: the lookup the outbox makes before posting again finds the customer.
    assert client.find_by_state_id("Z7") is not None


def test_slow_reply_is_a_read_timeout_that_may_have_reached(sandbox):
    sandbox.script_faults([{"delay": 2.0, "path": wire.PATH_CUSTOMER_GROUPS}])
    slow = ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key, timeout=0.2)
    with slow as client, pytest.raises(NetworkError) as caught:
        client.list_customer_groups()
    assert caught.value.may_have_reached is True


def test_stopped_server_surely_was_not_reached(sandbox):
    from app.sandbox import SandboxServer

    server = SandboxServer(api_key="k").start()
    api_url, files_url = server.api_url, server.files_url
    server.stop()
    with ApiClient(api_url, files_url, "k") as client, pytest.raises(NetworkError) as caught:
        client.create_customer(customer_body())
    assert caught.value.may_have_reached is False
