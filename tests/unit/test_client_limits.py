"""How far the API client trusts the server (httpx.MockTransport): Retry-After capped, replies
read only up to a size cap, a deadline for the whole request, ids checked, and the API key sent
only to the API's own server."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from app import wire
from app.api.client import MAX_ID, MAX_RETRY_AFTER, ApiClient, parse_retry_after, usable_id
from app.api.errors import BadResponse, ConfigurationError, NetworkError, RateLimited, ServerError
from app.config import Config

KEY = "sk_live_Limits-Key-0123456789"
API = "https://pos.example.test/open_api/v2.3"
FILES_SAME_HOST = "https://pos.example.test/open_api/v2.2"
FILES_ELSEWHERE = "https://files.example.net/open_api/v2.2"
CUSTOMER = {wire.RESP_ID: 101, wire.RESP_STATUS: "pending"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


class Recorder:
    """A MockTransport handler that notes every request it sees (URL and headers)."""

    def __init__(self, response: httpx.Response | None = None) -> None:
        self.seen: list[httpx.Request] = []
        self.response = response

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        return self.response or httpx.Response(200, json={wire.UPLOAD_RESP_ID: 7})


def client_for(handler, files_url: str = FILES_SAME_HOST, **kwargs) -> ApiClient:
    return ApiClient(API, files_url, KEY, transport=httpx.MockTransport(handler), **kwargs)


class Chunks(httpx.SyncByteStream):
    """A reply body produced piece by piece, counting what the client pulled."""

    def __init__(self, chunk: bytes, count: int, pause: float = 0.0) -> None:
        self.chunk, self.count, self.pause = chunk, count, pause
        self.pulled = 0

    def __iter__(self):
        for _ in range(self.count):
            if self.pause:
                time.sleep(self.pause)
            self.pulled += len(self.chunk)
            yield self.chunk


# --- Retry-After --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    ["1e300", "inf", "Infinity", "9" * 400, "86400", format_datetime(NOW + timedelta(days=3650), usegmt=True),
     "Fri, 31 Dec 9999 23:59:59 GMT"],
)
def test_a_huge_retry_after_is_capped_to_the_maximum(value):
    assert parse_retry_after(value, now=NOW) == MAX_RETRY_AFTER


@pytest.mark.parametrize("value", ["nan", "-1", "-inf", "soon", "Fri, 31 Dec 99999 23:59:59 GMT", "\x00", " "])
def test_an_unusable_retry_after_is_ignored(value):
    assert parse_retry_after(value, now=NOW) is None


@pytest.mark.parametrize("value", ["1e300", "inf", "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_a_429_never_asks_for_more_than_the_maximum(value):
    client = client_for(lambda request: httpx.Response(429, headers={wire.HEADER_RETRY_AFTER: value}))
    with pytest.raises(RateLimited) as caught:
        client.list_customer_groups()
    assert caught.value.retry_after == MAX_RETRY_AFTER
    assert f"Retry in {int(MAX_RETRY_AFTER)} s" in caught.value.message


# --- the size of a reply ------------------------------------------------------------------------------
def test_a_success_announcing_a_huge_length_is_refused_without_reading_it():
    body = Chunks(b" " * 65536, 4)
    client = client_for(lambda request: httpx.Response(200, headers={"content-length": str(2 << 30)}, stream=body),
                        max_reply_bytes=100_000)
    with pytest.raises(BadResponse) as caught:
        client.list_customer_groups()
    assert "longer than 100000 bytes" in caught.value.message
    assert body.pulled == 0


def test_a_streamed_success_is_read_only_up_to_the_cap():
    body = Chunks(b" " * 65536, 32768)  # 2 GiB if read to its end
    client = client_for(lambda request: httpx.Response(200, stream=body), max_reply_bytes=1 << 20)
    with pytest.raises(BadResponse) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert caught.value.may_have_reached  # a create whose reply cannot be read may have happened
    assert body.pulled <= (1 << 20) + 65536


def test_a_reply_under_the_cap_is_read_whole():
    padding = b" " * 500_000
    client = client_for(lambda request: httpx.Response(201, content=b'{"id": 5}' + padding), max_reply_bytes=1 << 20)
    assert client.create_customer({wire.FIRST_NAME: "Ada"})[wire.RESP_ID] == 5


def test_a_huge_error_reply_keeps_its_meaning_and_is_cut():
    body = Chunks(b"<html>" + b"x" * 65530, 32768)
    client = client_for(lambda request: httpx.Response(503, headers={"content-type": "text/html"}, stream=body),
                        max_reply_bytes=1 << 20)
    with pytest.raises(ServerError) as caught:
        client.list_customer_groups()
    assert caught.value.status == 503 and not isinstance(caught.value, BadResponse)
    assert body.pulled <= (1 << 20) + 65536


# --- the whole request's deadline ---------------------------------------------------------------------
def test_a_reply_dripping_past_the_deadline_is_a_timeout_that_may_have_reached():
    body = Chunks(b" ", 10_000, pause=0.02)  # 200 s if waited for
    client = client_for(lambda request: httpx.Response(201, stream=body), request_deadline=0.3)
    started = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert caught.value.may_have_reached
    assert "time limit (0.3 s)" in caught.value.message
    assert time.monotonic() - started < 30  # generous: far less than the 200 s of the drip


# --- ids in replies -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [1, 101, MAX_ID, "C-0001", "a" * 64])
def test_usable_ids(value):
    assert usable_id(value)


@pytest.mark.parametrize("value", [2**200, MAX_ID + 1, 0, -3, True, 1.5, "", "  ", "a" * 65, "a\nb", None, [1], {}])
def test_unusable_ids(value):
    assert not usable_id(value)


@pytest.mark.parametrize("value", [2**200, -1, 0, "x" * 200, 1.5, True])
def test_a_created_customer_with_an_absurd_id_is_a_bad_reply_that_may_have_created_it(value):
    client = client_for(lambda request: httpx.Response(201, json={**CUSTOMER, wire.RESP_ID: value}))
    with pytest.raises(BadResponse) as caught:
        client.create_customer({wire.FIRST_NAME: "Ada"})
    assert caught.value.may_have_reached and caught.value.status == 201
    assert "customer id" in caught.value.message


def test_an_upload_with_an_absurd_file_id_is_a_bad_reply():
    client = client_for(lambda request: httpx.Response(200, json={wire.UPLOAD_RESP_ID: 2**200}))
    with pytest.raises(BadResponse):
        client.upload_file("id.png", PNG, "image/png")


# --- where the API key goes ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "files_url",
    [FILES_ELSEWHERE, "https://pos.example.test:8443/open_api/v2.2", "https://evil.pos.example.test/v2.2"],
    ids=["other host", "other port", "sub-domain"],
)
def test_an_upload_to_another_server_is_refused_before_anything_is_sent(files_url):
    recorder = Recorder()
    with client_for(recorder, files_url=files_url) as client, pytest.raises(ConfigurationError) as caught:
        client.upload_file("id.png", PNG, "image/png")
    assert recorder.seen == []
    message = caught.value.message
    assert "allow_key_to_files_host" in message and "nothing was sent" in message
    assert KEY not in message


def test_an_upload_to_another_server_carries_the_key_once_allowed():
    recorder = Recorder()
    with client_for(recorder, files_url=FILES_ELSEWHERE, allow_key_to_files_host=True) as client:
        assert client.upload_file("id.png", PNG, "image/png") == 7
    [request] = recorder.seen
    assert request.url.host == "files.example.net"
    assert request.headers[wire.HEADER_API_KEY] == KEY


def test_an_upload_to_the_api_server_needs_no_permission():
    recorder = Recorder()
    with client_for(recorder, files_url=FILES_SAME_HOST) as client:
        assert client.upload_file("id.png", PNG, "image/png") == 7
    assert recorder.seen[0].headers[wire.HEADER_API_KEY] == KEY


def test_the_explicit_default_port_is_the_same_server():
    recorder = Recorder()
    with client_for(recorder, files_url="https://POS.example.test:443/open_api/v2.2") as client:
        assert client.upload_file("id.png", PNG, "image/png") == 7


def test_the_permission_comes_from_the_configuration():
    recorder = Recorder()
    config = Config(api_url=API, files_url=FILES_ELSEWHERE, allow_key_to_files_host=True)
    with ApiClient.from_config(config, KEY, transport=httpx.MockTransport(recorder)) as client:
        client.upload_file("id.png", PNG, "image/png")
    assert len(recorder.seen) == 1
    with ApiClient.from_config(Config(api_url=API, files_url=FILES_ELSEWHERE), KEY,
                               transport=httpx.MockTransport(recorder)) as client, pytest.raises(ConfigurationError):
        client.upload_file("id.png", PNG, "image/png")
    assert len(recorder.seen) == 1


def test_the_permission_is_read_from_the_configuration_file(tmp_path):
    from app.config import load_config

    path = tmp_path / "config.toml"
    path.write_text("allow_key_to_files_host = true\n", encoding="utf-8")
    assert load_config(env={}, path=path).allow_key_to_files_host is True
    assert load_config(env={}, path=tmp_path / "none.toml").allow_key_to_files_host is False
