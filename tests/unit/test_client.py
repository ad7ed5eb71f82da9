"""The API client against odd server replies (httpx.MockTransport) and real loopback sockets."""

from __future__ import annotations

import json
import logging
import socket
import threading
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime

import certifi
import httpx
import pytest

from app import __version__, wire
from app.api.client import ApiClient, parse_retry_after
from app.api.errors import (
    ApiError,
    AuthError,
    BadResponse,
    NetworkError,
    NotFound,
    PlanNotAllowed,
    RateLimited,
    Rejected,
    ServerError,
)
from app.config import Config

KEY = "sk_live_Secret-Key-0123456789"
API = "https://pos.example.test/open_api/v2.3"
FILES = "https://pos.example.test/open_api/v2.2"
CUSTOMER = {wire.RESP_ID: 101, wire.RESP_STATUS: "pending", wire.FIRST_NAME: "Ada", "unknown_extra": {"x": 1}}


def client_for(handler, **kwargs) -> ApiClient:
    return ApiClient(API, FILES, KEY, transport=httpx.MockTransport(handler), **kwargs)


def reply(status: int, body=None, *, text: str | bytes | None = None, headers=None):
    def handler(request: httpx.Request) -> httpx.Response:
        if text is not None:
            return httpx.Response(status, content=text, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return handler


def raising(exc_type: type[Exception]):
    def handler(request: httpx.Request) -> httpx.Response:
        if issubclass(exc_type, httpx.RequestError):
            raise exc_type("simulated failure", request=request)
        raise exc_type("simulated failure")

    return handler


# --- construction ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    ["https://pos.example.test/api", "http://127.0.0.1:8765", "http://127.9.9.9/x", "http://[::1]:9000", "http://localhost"],
)
def test_https_or_loopback_http_is_accepted(url):
    with ApiClient(url, url, KEY) as client:
        assert client.api_url == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://pos.example.test/api", "http://10.0.0.5", "http://localhost.example.com"])
def test_plain_http_beyond_loopback_is_refused(url):
    with pytest.raises(ValueError, match="https") as caught:
        ApiClient(url, FILES, KEY)
    assert "loopback" in str(caught.value) or "this computer" in str(caught.value)


@pytest.mark.parametrize("url", ["", "ftp://pos.example.test", "pos.example.test/api", "https://"])
def test_unusable_urls_are_refused(url):
    with pytest.raises(ValueError):
        ApiClient(API, url, KEY)


@pytest.mark.parametrize("key", ["", "   ", "abc\ndef", "abc\x00", "clé"])
def test_unusable_keys_are_refused_without_echoing_them(key):
    with pytest.raises(ValueError) as caught:
        ApiClient(API, FILES, key)
    if key.strip():
        assert key.strip() not in str(caught.value)


def test_ca_bundle_must_exist_and_is_used_when_it_does(tmp_path):
    with pytest.raises(ValueError, match="CA bundle"):
        ApiClient(API, FILES, KEY, ca_bundle=str(tmp_path / "missing.pem"))
    ApiClient(API, FILES, KEY, ca_bundle=certifi.where()).close()


def test_from_config_takes_urls_and_timeouts():
    config = Config(api_url="http://127.0.0.1:1/v2.3", files_url="http://127.0.0.1:1/v2.2", timeout_seconds=3.0)
    with ApiClient.from_config(config, KEY) as client:
        assert (client.api_url, client.files_url) == ("http://127.0.0.1:1/v2.3", "http://127.0.0.1:1/v2.2")
        assert client._http.timeout.read == 3.0
        assert client._http.timeout.connect == config.connect_timeout_seconds


def test_context_manager_closes_the_connection_pool():
    with client_for(reply(200, [])) as client:
        pass
    assert client._http.is_closed


# --- requests ---------------------------------------------------------------------------------------
def test_create_sends_json_with_key_accept_and_user_agent():
    seen: list[httpx.Request] = []

    def handler(request):
        seen.append(request)
        return httpx.Response(201, json=CUSTOMER)

    body = {wire.FIRST_NAME: "Ada", wire.MANUAL_GROUPS: []}
    with client_for(handler) as client:
        created = client.create_customer(body)
    assert created == CUSTOMER
    (request,) = seen
    assert (request.method, str(request.url)) == ("POST", API + wire.PATH_CUSTOMERS)
    assert request.headers[wire.HEADER_API_KEY] == KEY
    assert request.headers["accept"] == "application/json"
    assert request.headers["user-agent"] == f"intake/{__version__}"
    assert json.loads(request.content) == body


def test_upload_posts_one_multipart_part_to_the_files_url():
    seen: list[httpx.Request] = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json={wire.UPLOAD_RESP_ID: 77, "extra": True})

    with client_for(handler) as client:
        assert client.upload_file("licence.png", b"\x89PNG-bytes", "image/png") == 77
    (request,) = seen
    assert str(request.url) == FILES + wire.PATH_FILE_UPLOAD
    assert request.headers["content-type"].startswith("multipart/form-data")
    content = request.read()
    assert f'name="{wire.UPLOAD_PART}"; filename="licence.png"'.encode() in content
    assert b"Content-Type: image/png" in content and b"\x89PNG-bytes" in content


@pytest.mark.parametrize(
    ("body", "expected"), [({wire.UPLOAD_RESP_ID: "42"}, 42), ({"data": {wire.UPLOAD_RESP_ID: 9}}, 9)]
)
def test_upload_accepts_a_numeric_string_or_wrapped_id(body, expected):
    with client_for(reply(201, body)) as client:
        assert client.upload_file("a.pdf", b"%PDF", "application/pdf") == expected


@pytest.mark.parametrize("body", [{}, {wire.UPLOAD_RESP_ID: None}, {wire.UPLOAD_RESP_ID: True}, [1], "7"])
def test_upload_without_a_usable_id_is_a_bad_response(body):
    with client_for(reply(200, body)) as client, pytest.raises(BadResponse):
        client.upload_file("a.pdf", b"%PDF", "application/pdf")


def test_state_id_lookup_quotes_the_id_and_returns_the_customer():
    seen: list[httpx.Request] = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json=CUSTOMER)

    with client_for(handler) as client:
        assert client.find_by_state_id("D12/34 5?#") == CUSTOMER
    assert seen[0].url.raw_path.decode().endswith("/customers/state-id/D12%2F34%205%3F%23")


def test_state_id_lookup_404_is_none_and_403_is_plan_not_allowed():
    with client_for(reply(404, {wire.ERR_MESSAGE: "no such customer"})) as client:
        assert client.find_by_state_id("D1") is None
    with client_for(reply(403, {wire.ERR_MESSAGE: "PRO plan only"})) as client, pytest.raises(PlanNotAllowed) as c:
        client.find_by_state_id("D1")
    assert "PRO plan only" in c.value.message
    with client_for(reply(200, CUSTOMER)) as client, pytest.raises(ValueError):
        client.find_by_state_id("  ")


def test_customer_listing_sends_dates_and_limit():
    seen: list[httpx.Request] = []

    def handler(request):
        seen.append(request)
        return httpx.Response(200, json=[CUSTOMER])

    with client_for(handler) as client:
        assert client.list_customers(date(2024, 1, 2), date(2024, 1, 31), limit=50) == [CUSTOMER]
        with pytest.raises(ValueError):
            client.list_customers(date(2024, 2, 1), date(2024, 1, 1))
    params = seen[0].url.params
    assert (params[wire.QUERY_START_DATE], params[wire.QUERY_END_DATE], params[wire.QUERY_LIMIT]) == (
        "2024-01-02", "2024-01-31", "50")
    assert seen[0].url.path.endswith(wire.PATH_CUSTOMERS)


GROUPS = [{wire.GROUP_ID: 1, wire.GROUP_NAME: "VIP", wire.GROUP_KIND: wire.GROUP_KIND_MANUAL, "color": "red"}]


@pytest.mark.parametrize(
    "body", [GROUPS, {"data": GROUPS}, {"customers": GROUPS}, {"data": GROUPS, "meta": {"page": 1}}]
)
def test_listings_accept_bare_or_wrapped_arrays_and_keep_unknown_keys(body):
    with client_for(reply(200, body)) as client:
        assert client.list_customer_groups() == GROUPS


@pytest.mark.parametrize("body", [{"items": GROUPS}, {"data": "nope"}, [1, 2], "text", None])
def test_listings_of_another_shape_are_bad_responses(body):
    with client_for(reply(200, body)) as client, pytest.raises(BadResponse):
        client.list_customer_groups()


# --- status mapping ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, Rejected), (401, AuthError), (403, PlanNotAllowed), (404, NotFound), (408, ServerError),
        (409, Rejected), (422, Rejected), (429, RateLimited), (500, ServerError), (502, ServerError),
        (503, ServerError), (504, ServerError), (301, ServerError),
    ],
)
def test_each_status_maps_to_exactly_one_typed_error(status, error_type):
    with client_for(reply(status, {wire.ERR_MESSAGE: "refused"})) as client, pytest.raises(ApiError) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert type(caught.value) is error_type
    assert caught.value.status == status


def test_401_tells_how_to_fix_the_key():
    with client_for(reply(401, {wire.ERR_MESSAGE: "bad key"})) as client, pytest.raises(AuthError) as caught:
        client.list_customer_groups()
    assert "intake credentials set" in caught.value.message


def test_422_field_errors_are_keyed_by_dotted_wire_names():
    body = {wire.ERR_ERRORS: {"address[zip]": ["is not a ZIP code"], "documents.0.type": ["unknown type"]}}
    with client_for(reply(422, body)) as client, pytest.raises(Rejected) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert caught.value.field_errors == {"address.zip": ["is not a ZIP code"], "documents.0.type": ["unknown type"]}
    assert caught.value.duplicate is False
    assert "address.zip" in caught.value.message


def test_422_on_state_id_is_a_duplicate():
    body = {wire.ERR_ERRORS: [{wire.ERR_FIELD: wire.STATE_ID, wire.ERR_MESSAGE: "has already been taken"}]}
    with client_for(reply(422, body)) as client, pytest.raises(Rejected) as caught:
        client.create_customer({wire.STATE_ID: "D1"})
    assert caught.value.duplicate is True
    assert caught.value.field_errors == {wire.STATE_ID: ["has already been taken"]}


def test_422_on_state_id_format_is_not_a_duplicate():
    body = {wire.ERR_ERRORS: {wire.STATE_ID: ["must not contain spaces"]}}
    with client_for(reply(422, body)) as client, pytest.raises(Rejected) as caught:
        client.create_customer({wire.STATE_ID: "D 1"})
    assert caught.value.duplicate is False
    assert "already exists" not in caught.value.message


def test_409_without_a_body_is_a_duplicate_on_the_state_id_field():
    with client_for(reply(409, text=b"")) as client, pytest.raises(Rejected) as caught:
        client.create_customer({wire.STATE_ID: "D1"})
    assert caught.value.duplicate is True
    assert list(caught.value.field_errors) == [wire.STATE_ID]


def test_html_error_page_does_not_end_up_in_the_message():
    page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1><hr>nginx/1.25</body></html>"
    handler = reply(502, text=page, headers={"content-type": "text/html"})
    with client_for(handler) as client, pytest.raises(ServerError) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert "502" in caught.value.message
    assert "<" not in caught.value.message and "nginx" not in caught.value.message


def test_server_error_with_a_json_message_keeps_it():
    with client_for(reply(500, {wire.ERR_MESSAGE: "database unavailable"})) as client, pytest.raises(ServerError) as c:
        client.list_customer_groups()
    assert "database unavailable" in c.value.message


@pytest.mark.parametrize("status", [422, 500])
def test_huge_error_bodies_are_cut_in_messages(status):
    with client_for(reply(status, text="E" * 3_000_000)) as client, pytest.raises(ApiError) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert len(caught.value.message) < 700
    assert len(str(caught.value)) < 700


@pytest.mark.parametrize(
    "content", [b"", b"not json", b"<html>ok</html>", b"[]", b'{"status": "pending"}', b'{"id": null}',
                b'{"id": true}', b'{"id": ""}', b"\xff\xfe"]
)
def test_success_status_with_unusable_body_is_a_bad_response(content):
    with client_for(reply(201, text=content)) as client, pytest.raises(BadResponse) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    # A 2xx means the server acted: the outbox must look before it posts again.
    assert caught.value.may_have_reached is True and caught.value.status == 201


def test_create_with_a_string_id_and_unknown_keys_is_accepted():
    body = {wire.RESP_ID: "c-9", wire.RESP_STATUS: "verified", "new_member": [1]}
    with client_for(reply(200, body)) as client:
        assert client.create_customer({}) == body


# --- Retry-After ------------------------------------------------------------------------------------
NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", 7.0), (" 120 ", 120.0), ("0", 0.0), ("1.5", 1.5),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
        ("Wed, 01 May 2024 12:00:30 GMT", 30.0),
        (format_datetime(NOW - timedelta(hours=1), usegmt=True), 0.0),
        ("-5", None), ("soon", None), ("", None), (None, None), ("nan", None), ("-inf", None),
    ],
)
def test_retry_after_as_seconds_or_http_date(value, expected):
    assert parse_retry_after(value, now=NOW) == expected


def test_429_carries_retry_after_in_both_forms():
    seconds = reply(429, {}, headers={wire.HEADER_RETRY_AFTER: "12"})
    with client_for(seconds) as client, pytest.raises(RateLimited) as caught:
        client.create_customer({})
    assert caught.value.retry_after == 12.0 and caught.value.retryable
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    http_date = reply(429, {}, headers={wire.HEADER_RETRY_AFTER: later})
    with client_for(http_date) as client, pytest.raises(RateLimited) as caught:
        client.create_customer({})
    assert 100 <= caught.value.retry_after <= 120
    with client_for(reply(429, {})) as client, pytest.raises(RateLimited) as caught:
        client.create_customer({})
    assert caught.value.retry_after is None


# --- network failures --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("exc_type", "may_have_reached"),
    [
        (httpx.ConnectError, False),
        (httpx.ConnectTimeout, False),
        (httpx.PoolTimeout, False),
        (httpx.ProxyError, False),
        (httpx.UnsupportedProtocol, False),
        (httpx.LocalProtocolError, False),
        (httpx.WriteTimeout, False),
        (httpx.WriteError, False),
        (httpx.ReadTimeout, True),
        (httpx.ReadError, True),
        (httpx.RemoteProtocolError, True),
        (httpx.CloseError, True),
        (ConnectionResetError, True),
    ],
)
def test_transport_failures_say_whether_the_request_may_have_reached(exc_type, may_have_reached):
    with client_for(raising(exc_type)) as client, pytest.raises(NetworkError) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert caught.value.may_have_reached is may_have_reached
    assert caught.value.retryable


def test_undecodable_reply_is_a_bad_response():
    with client_for(raising(httpx.DecodingError)) as client, pytest.raises(BadResponse) as caught:
        client.create_customer({})
    assert caught.value.may_have_reached is True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_refused_connection_on_loopback_surely_did_not_reach():
    url = f"http://127.0.0.1:{_free_port()}"
    with ApiClient(url, url, KEY, connect_timeout=2) as client, pytest.raises(NetworkError) as caught:
        client.create_customer({})
    assert caught.value.may_have_reached is False


def test_server_that_reads_the_request_and_never_answers_may_have_reached():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    received = threading.Event()
    done = threading.Event()

    def serve():
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            received.set()
            done.wait(5)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        with ApiClient(url, url, KEY, timeout=0.3) as client, pytest.raises(NetworkError) as caught:
            client.create_customer({wire.FIRST_NAME: "Ada"})
    finally:
        done.set()
        thread.join(5)
        listener.close()
    assert received.is_set()
    assert caught.value.may_have_reached is True


# --- secrets ------------------------------------------------------------------------------------------
def test_key_never_appears_in_repr_messages_or_logs(caplog):
    caplog.set_level(logging.DEBUG)
    echo = {wire.ERR_MESSAGE: f"key {KEY} is not valid here", wire.ERR_ERRORS: {wire.EMAIL: [f"{KEY} rejected"]}}
    errors: list[ApiError] = []
    for handler in (reply(422, echo), reply(500, echo), reply(401, echo), reply(403, text=KEY),
                    raising(httpx.ReadTimeout), reply(201, text=KEY)):
        with client_for(handler) as client:
            assert KEY not in repr(client)
            with pytest.raises(ApiError) as caught:
                client.create_customer({wire.FIRST_NAME: "Ada"})
            errors.append(caught.value)
    assert len(errors) == 6
    for error in errors:
        assert KEY not in str(error) and KEY not in repr(error) and KEY not in error.message
        for messages in getattr(error, "field_errors", {}).values():
            assert all(KEY not in m for m in messages)
    assert caplog.records, "the client logs its calls"
    assert KEY not in caplog.text


def test_state_id_stays_out_of_the_log(caplog):
    caplog.set_level(logging.DEBUG)
    with client_for(reply(404, {})) as client:
        client.find_by_state_id("D7654321")
    logging.getLogger("httpx").info("HTTP Request: GET %s", API + "/customers/state-id/D7654321")
    assert caplog.records
    assert "D7654321" not in caplog.text
