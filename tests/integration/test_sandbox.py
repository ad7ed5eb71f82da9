"""The sandbox over real loopback HTTP, spoken to with a plain httpx client."""

from __future__ import annotations

import argparse
import json
import socket
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import httpx
import pytest

from app import wire
from app.commands import sandbox as sandbox_command
from app.sandbox import Fault, FaultError, SandboxError, SandboxServer

KEY = "test-key"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(64)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
PDF = b"%PDF-1.7\n" + bytes(64)


def body(**changes: object) -> dict:
    record = {
        wire.FIRST_NAME: "Ann",
        wire.LAST_NAME: "Lee",
        wire.DATE_OF_BIRTH: "1990-01-02",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "female",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [],
    }
    record.update(changes)
    return {k: v for k, v in record.items() if v is not None}


@pytest.fixture
def client(sandbox):
    with httpx.Client(headers={wire.HEADER_API_KEY: KEY}, timeout=5.0) as c:
        yield c


def create(client: httpx.Client, sandbox: SandboxServer, **changes: object) -> httpx.Response:
    return client.post(sandbox.api_url + wire.PATH_CUSTOMERS, json=body(**changes))


def upload(client: httpx.Client, sandbox: SandboxServer, data: bytes, name: str = "scan.jpg") -> httpx.Response:
    return client.post(sandbox.files_url + wire.PATH_FILE_UPLOAD, files={wire.UPLOAD_PART: (name, data)})


def manual_and_automatic(sandbox: SandboxServer) -> tuple[int, int]:
    groups = sandbox.groups()
    manual = next(g[wire.GROUP_ID] for g in groups if g[wire.GROUP_KIND] == wire.GROUP_KIND_MANUAL)
    automatic = next(g[wire.GROUP_ID] for g in groups if g[wire.GROUP_KIND] == wire.GROUP_KIND_AUTOMATIC)
    return manual, automatic


# --- life cycle -------------------------------------------------------------------------
def test_server_starts_on_a_free_port_and_stops_cleanly():
    with SandboxServer(api_key="k") as server:
        assert server.port and server.port > 0
        assert server.api_url.startswith("http://127.0.0.1:")
        assert server.api_url.endswith(wire.DEFAULT_API_URL.split("api.indicaonline.com")[1])
        assert server.files_url.endswith(wire.DEFAULT_FILES_URL.split("api.indicaonline.com")[1])
        reply = httpx.get(server.api_url + wire.PATH_CUSTOMER_GROUPS, headers={wire.HEADER_API_KEY: "k"})
        assert reply.status_code == 200
        api_url = server.api_url
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(api_url + wire.PATH_CUSTOMER_GROUPS, headers={wire.HEADER_API_KEY: "k"})


def test_a_busy_port_fails_in_start(sandbox):
    with pytest.raises(SandboxError, match="cannot listen"):
        SandboxServer(port=sandbox.port).start()


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="plan"):
        SandboxServer(plan="gold")
    with pytest.raises(ValueError, match="key"):
        SandboxServer(api_key="")


# --- authentication ---------------------------------------------------------------------
ENDPOINTS = [
    ("POST", "api", wire.PATH_CUSTOMERS),
    ("GET", "api", wire.PATH_CUSTOMERS),
    ("GET", "api", "/customers/1"),
    ("GET", "api", "/customers/state-id/D1"),
    ("GET", "api", wire.PATH_CUSTOMER_GROUPS),
    ("POST", "files", wire.PATH_FILE_UPLOAD),
    ("GET", "base", "/_sandbox/customers"),
    ("POST", "base", "/_sandbox/faults"),
]


@pytest.mark.parametrize(("method", "base", "path"), ENDPOINTS)
@pytest.mark.parametrize("headers", [{}, {wire.HEADER_API_KEY: "wrong-key"}], ids=["missing", "wrong"])
def test_every_endpoint_wants_the_key(sandbox, method, base, path, headers):
    url = {"api": sandbox.api_url, "files": sandbox.files_url, "base": sandbox.base_url}[base] + path
    reply = httpx.request(method, url, headers=headers, json=body() if method == "POST" else None)
    assert reply.status_code == 401
    assert wire.HEADER_API_KEY in reply.json()[wire.ERR_MESSAGE]
    assert "wrong-key" not in reply.text
    assert sandbox.created() == []
    assert sandbox.pending_faults() == []


# --- customers --------------------------------------------------------------------------
def test_create_returns_the_customer_and_keeps_it(client, sandbox):
    manual, _ = manual_and_automatic(sandbox)
    reply = create(client, sandbox, manual_groups=[manual], email="ann@example.com")
    assert reply.status_code == 201
    customer = reply.json()
    assert isinstance(customer[wire.RESP_ID], int) and not isinstance(customer[wire.RESP_ID], bool)
    for name, value in body(manual_groups=[manual], email="ann@example.com").items():
        assert customer[name] == value
    assert customer[wire.RESP_STATUS] == "pending"
    created_at = datetime.fromisoformat(customer[wire.RESP_CREATED_AT])
    assert abs(created_at - datetime.now(UTC)) < timedelta(minutes=5)

    again = client.get(f"{sandbox.api_url}{wire.PATH_CUSTOMERS}/{customer[wire.RESP_ID]}")
    assert again.status_code == 200 and again.json() == customer
    assert sandbox.created() == [customer]
    listed = client.get(sandbox.base_url + "/_sandbox/customers")
    assert listed.json() == [customer]


def test_a_state_id_makes_the_customer_verified_and_findable(client, sandbox):
    reply = create(client, sandbox, state_id="D1234567")
    assert reply.status_code == 201
    assert reply.json()[wire.RESP_STATUS] == "verified"
    found = client.get(sandbox.api_url + wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id="D1234567"))
    assert found.status_code == 200
    assert found.json()[wire.RESP_ID] == reply.json()[wire.RESP_ID]
    missing = client.get(sandbox.api_url + wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id="X999"))
    assert missing.status_code == 404
    assert wire.ERR_MESSAGE in missing.json()


def test_unknown_customer_id_is_404(client, sandbox):
    reply = client.get(f"{sandbox.api_url}{wire.PATH_CUSTOMERS}/424242")
    assert reply.status_code == 404


def test_duplicate_state_id_is_409_and_not_stored(client, sandbox):
    assert create(client, sandbox, state_id="D1234567").status_code == 201
    for variant in ("D1234567", " d1234567 "):
        reply = create(client, sandbox, state_id=variant, first_name="Bob")
        assert reply.status_code == 409
        assert list(reply.json()[wire.ERR_ERRORS]) == [wire.STATE_ID]
    assert len(sandbox.created()) == 1


def test_basic_plan_has_no_state_id_lookup(client, sandbox):
    create(client, sandbox, state_id="D1234567")
    sandbox.plan = "basic"
    reply = client.get(sandbox.api_url + wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id="D1234567"))
    assert reply.status_code == 403
    assert "PRO" in reply.json()[wire.ERR_MESSAGE]
    assert create(client, sandbox, state_id="D7654321").status_code == 201


def test_basic_plan_from_the_constructor():
    with SandboxServer(api_key="k", plan="basic") as server:
        reply = httpx.get(
            server.api_url + wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id="D1"), headers={wire.HEADER_API_KEY: "k"}
        )
    assert reply.status_code == 403


# --- validation -------------------------------------------------------------------------
def test_field_errors_come_back_keyed_by_wire_name(client, sandbox):
    reply = create(
        client,
        sandbox,
        first_name="",
        address={wire.ZIP: "ABC", wire.COUNTRY: "US"},
        documents=[{wire.DOC_FILE_ID: 1, wire.DOC_TYPE: "selfie"}],
    )
    assert reply.status_code == 422
    errors = reply.json()[wire.ERR_ERRORS]
    assert {wire.FIRST_NAME, f"{wire.ADDRESS}.{wire.ZIP}", f"{wire.DOCUMENTS}.0.{wire.DOC_TYPE}"} <= set(errors)
    assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)
    assert sandbox.created() == []


def test_the_type_must_fit_the_jurisdiction(client, sandbox):
    assert create(client, sandbox, type="adult").status_code == 422
    sandbox.jurisdiction = "OK"
    assert create(client, sandbox, type="adult").status_code == 201
    reply = create(client, sandbox, type="recreational")
    assert list(reply.json()[wire.ERR_ERRORS]) == [wire.TYPE]


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe", b"[1, 2]", b'"text"', b""])
def test_a_body_that_is_not_a_json_object_is_422(client, sandbox, raw):
    reply = client.post(
        sandbox.api_url + wire.PATH_CUSTOMERS, content=raw, headers={"Content-Type": "application/json"}
    )
    assert reply.status_code == 422
    (messages,) = reply.json()[wire.ERR_ERRORS].values()
    assert "JSON" in messages[0]


def test_groups_list_has_manual_and_automatic_ones(client, sandbox):
    reply = client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS)
    assert reply.status_code == 200
    groups = reply.json()
    assert {g[wire.GROUP_KIND] for g in groups} == {wire.GROUP_KIND_MANUAL, wire.GROUP_KIND_AUTOMATIC}
    assert all(isinstance(g[wire.GROUP_ID], int) and g[wire.GROUP_NAME] for g in groups)


def test_only_existing_manual_groups_may_be_assigned(client, sandbox):
    manual, automatic = manual_and_automatic(sandbox)
    unknown = max(g[wire.GROUP_ID] for g in sandbox.groups()) + 100
    for bad in (automatic, unknown):
        reply = create(client, sandbox, manual_groups=[manual, bad])
        assert reply.status_code == 422
        assert list(reply.json()[wire.ERR_ERRORS]) == [wire.MANUAL_GROUPS]
        assert str(bad) in reply.json()[wire.ERR_ERRORS][wire.MANUAL_GROUPS][0]
    assert create(client, sandbox, manual_groups=[manual]).status_code == 201


def test_documents_must_name_uploaded_files(client, sandbox):
    file_id = upload(client, sandbox, JPEG).json()[wire.UPLOAD_RESP_ID]
    documents = [
        {wire.DOC_FILE_ID: file_id, wire.DOC_TYPE: wire.DOC_TYPE_ID},
        {wire.DOC_FILE_ID: file_id + 1000, wire.DOC_TYPE: wire.DOC_TYPE_MEDICAL},
    ]
    reply = create(client, sandbox, documents=documents)
    assert reply.status_code == 422
    assert list(reply.json()[wire.ERR_ERRORS]) == [f"{wire.DOCUMENTS}.1.{wire.DOC_FILE_ID}"]
    assert create(client, sandbox, documents=documents[:1]).status_code == 201


# --- listing by creation date -----------------------------------------------------------
def test_customers_are_listed_by_creation_date(client, sandbox):
    days = [datetime(2024, 3, d, 15, 30, tzinfo=UTC) for d in (1, 2, 2, 5)]
    made = [sandbox.add_customer(body(first_name=f"N{i}"), created_at=day) for i, day in enumerate(days)]
    url = sandbox.api_url + wire.PATH_CUSTOMERS

    def ids(**params: object) -> list[int]:
        reply = client.get(url, params=params)
        assert reply.status_code == 200
        return [c[wire.RESP_ID] for c in reply.json()]

    assert ids(start_date="2024-03-02", end_date="2024-03-02") == [made[1]["id"], made[2]["id"]]
    assert ids(start_date="2024-03-02") == [c["id"] for c in made[1:]]
    assert ids(end_date="2024-03-04") == [c["id"] for c in made[:3]]
    assert ids(start_date="2024-03-01", end_date="2024-03-31", limit=2) == [c["id"] for c in made[:2]]
    assert ids(start_date="2024-04-01") == []
    assert ids() == [c["id"] for c in made]
    fresh = create(client, sandbox).json()
    day = datetime.fromisoformat(fresh[wire.RESP_CREATED_AT]).astimezone(UTC).date().isoformat()
    assert ids(start_date=day, end_date=day) == [fresh[wire.RESP_ID]]


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({wire.QUERY_START_DATE: "03/01/2024"}, wire.QUERY_START_DATE),
        ({wire.QUERY_END_DATE: "2024-02-30"}, wire.QUERY_END_DATE),
        ({wire.QUERY_START_DATE: "2024-03-05", wire.QUERY_END_DATE: "2024-03-01"}, wire.QUERY_END_DATE),
        ({wire.QUERY_LIMIT: "0"}, wire.QUERY_LIMIT),
        ({wire.QUERY_LIMIT: "ten"}, wire.QUERY_LIMIT),
    ],
)
def test_bad_listing_queries_are_422(client, sandbox, params, bad):
    reply = client.get(sandbox.api_url + wire.PATH_CUSTOMERS, params=params)
    assert reply.status_code == 422
    assert list(reply.json()[wire.ERR_ERRORS]) == [bad]


# --- uploads ----------------------------------------------------------------------------
@pytest.mark.parametrize(("data", "kind", "name"), [(JPEG, "jpeg", "id.jpg"), (PNG, "png", "id.png"),
                                                    (PDF, "pdf", "rec.pdf"), (JPEG, "jpeg", "no-extension")])
def test_documents_are_accepted_by_their_content(client, sandbox, data, kind, name):
    reply = upload(client, sandbox, data, name)
    assert reply.status_code == 200
    upload_id = reply.json()[wire.UPLOAD_RESP_ID]
    assert isinstance(upload_id, int)
    (stored,) = sandbox.uploads()
    assert (stored["id"], stored["kind"], stored["size"]) == (upload_id, kind, len(data))
    assert client.get(sandbox.base_url + "/_sandbox/uploads").json() == sandbox.uploads()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"GIF89a" + bytes(32), "photo.png"),
        (b"plain text pretending", "scan.pdf"),
        (b"\xff\xd8", "cut.jpg"),
        (b"", "a.jpg"),
    ],
)
def test_other_content_is_refused_whatever_its_name(client, sandbox, data, name):
    reply = upload(client, sandbox, data, name)
    assert reply.status_code == 422
    assert list(reply.json()[wire.ERR_ERRORS]) == [wire.UPLOAD_PART]
    assert sandbox.uploads() == []


def test_an_upload_needs_the_file_part(client, sandbox):
    url = sandbox.files_url + wire.PATH_FILE_UPLOAD
    wrong_part = client.post(url, files={"document": ("id.jpg", JPEG)})
    as_field = client.post(url, data={wire.UPLOAD_PART: "not a file"}, files={"other": ("x.jpg", JPEG)})
    not_multipart = client.post(url, content=JPEG, headers={"Content-Type": "image/jpeg"})
    for reply in (wrong_part, as_field, not_multipart):
        assert reply.status_code == 422
        assert list(reply.json()[wire.ERR_ERRORS]) == [wire.UPLOAD_PART]


def test_the_size_cap_holds(client, sandbox):
    sandbox.max_upload_bytes = 2000
    at_cap = JPEG + bytes(2000 - len(JPEG))
    assert upload(client, sandbox, at_cap).status_code == 200
    over = upload(client, sandbox, at_cap + b"\x00")
    assert over.status_code == 413
    assert "2000" in over.json()[wire.ERR_ERRORS][wire.UPLOAD_PART][0]
    # Far past the cap the body is still read through, so the client gets the refusal.
    huge = upload(client, sandbox, at_cap * 100)
    assert huge.status_code == 413
    assert len(sandbox.uploads()) == 1


def test_endpoints_live_under_their_own_prefix_only(client, sandbox):
    assert upload(client, sandbox, JPEG).status_code == 200
    wrong = client.post(sandbox.api_url + wire.PATH_FILE_UPLOAD, files={wire.UPLOAD_PART: ("a.jpg", JPEG)})
    assert wrong.status_code == 404
    assert client.get(sandbox.files_url + wire.PATH_CUSTOMER_GROUPS).status_code == 404


# --- scripted faults --------------------------------------------------------------------
@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_scripted_error_status_answers_once_without_processing(client, sandbox, status):
    sandbox.script_faults([{"status": status}])
    reply = create(client, sandbox)
    assert reply.status_code == status
    assert wire.ERR_MESSAGE in reply.json()
    assert sandbox.created() == []
    assert create(client, sandbox).status_code == 201


def test_429_carries_retry_after(client, sandbox):
    sandbox.script_faults([{"status": 429, "retry_after": 7}, {"status": 429, "retry_after": 0.25}, {"status": 429}])
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).headers[wire.HEADER_RETRY_AFTER] == "7"
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).headers[wire.HEADER_RETRY_AFTER] == "0.25"
    plain = client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS)
    assert plain.status_code == 429 and wire.HEADER_RETRY_AFTER not in plain.headers


def test_faults_are_used_in_order_and_times_repeats_one(client, sandbox):
    sandbox.script_faults([{"status": 503, "times": 2}, {"status": 500}])
    url = sandbox.api_url + wire.PATH_CUSTOMER_GROUPS
    assert [client.get(url).status_code for _ in range(4)] == [503, 503, 500, 200]


def test_a_fault_waits_for_the_path_and_method_it_names(client, sandbox):
    sandbox.script_faults([{"status": 503, "path": wire.PATH_FILE_UPLOAD}, {"status": 500, "path": "/customers/*",
                                                                          "method": "GET"}])
    assert create(client, sandbox, state_id="D1").status_code == 201
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).status_code == 200
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id="D1")).status_code == 500
    assert upload(client, sandbox, JPEG).status_code == 503
    assert upload(client, sandbox, JPEG).status_code == 200
    assert sandbox.pending_faults() == []


def test_a_delay_slows_the_reply_then_answers_normally(client, sandbox):
    sandbox.script_faults([{"delay": 0.3}])
    started = time.monotonic()
    reply = create(client, sandbox)
    assert time.monotonic() - started >= 0.3
    assert reply.status_code == 201


def test_a_client_that_gives_up_on_a_slow_create_may_still_have_created_it(sandbox):
    sandbox.script_faults([{"delay": 0.3}])
    timeout = httpx.Timeout(5.0, read=0.1)
    with httpx.Client(headers={wire.HEADER_API_KEY: KEY}, timeout=timeout) as impatient, pytest.raises(
        httpx.ReadTimeout
    ):
        create(impatient, sandbox)
    deadline = time.monotonic() + 5
    while not sandbox.created() and time.monotonic() < deadline:
        time.sleep(0.02)  # awaiting the server's write, bounded by the deadline
    assert len(sandbox.created()) == 1


def test_drop_closes_the_connection_without_processing(client, sandbox):
    sandbox.script_faults([{"drop": True}])
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        create(client, sandbox, state_id="D1")
    assert sandbox.created() == []
    assert create(client, sandbox, state_id="D1").status_code == 201


def test_drop_after_write_creates_the_customer_but_never_answers(client, sandbox):
    sandbox.script_faults([{"drop_after_write": True}])
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        create(client, sandbox, state_id="D1234567")
    (customer,) = sandbox.created()
    assert customer[wire.STATE_ID] == "D1234567"
    assert client.get(sandbox.base_url + "/_sandbox/customers").json() == [customer]
    found = client.get(sandbox.api_url + wire.PATH_CUSTOMER_BY_STATE_ID.format(state_id="D1234567"))
    assert found.json()[wire.RESP_ID] == customer[wire.RESP_ID]
    # Sending it blindly again would be refused as a duplicate.
    assert create(client, sandbox, state_id="D1234567").status_code == 409


@pytest.mark.parametrize("fault", [{"drop": True}, {"drop_after_write": True}])
def test_a_dropped_connection_carries_not_one_byte_of_reply(sandbox, fault):
    sandbox.script_faults([fault])
    payload = json.dumps(body()).encode()
    request = (
        f"POST {urlsplit(sandbox.api_url).path}{wire.PATH_CUSTOMERS} HTTP/1.1\r\nHost: sandbox\r\n"
        f"{wire.HEADER_API_KEY}: {KEY}\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as raw:
        raw.sendall(request)
        assert raw.recv(65536) == b""
    assert len(sandbox.created()) == (1 if "drop_after_write" in fault else 0)


def test_drop_after_write_of_an_upload_keeps_the_file(client, sandbox):
    sandbox.script_faults([{"drop_after_write": True, "path": wire.PATH_FILE_UPLOAD}])
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        upload(client, sandbox, PNG)
    assert [u["kind"] for u in sandbox.uploads()] == ["png"]


def test_faults_are_scripted_and_cleared_over_http(client, sandbox):
    url = sandbox.base_url + "/_sandbox/faults"
    reply = client.post(url, json=[{"status": 503}, {"drop": True, "path": "/customers"}])
    assert reply.status_code == 200
    assert [f.get("status") for f in reply.json()["pending"]] == [503, None]
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).status_code == 503
    assert client.request("DELETE", url).json()["pending"] == []
    assert create(client, sandbox).status_code == 201


@pytest.mark.parametrize(
    "bad",
    [[{"status": 200}], [{"status": 503, "drop": True}], [{"retry_after": 3}], [{"delay": -1}], [{"colour": 1}],
     [{"status": "503"}], "503", [{}]],
)
def test_unusable_faults_are_refused(client, sandbox, bad):
    reply = client.post(sandbox.base_url + "/_sandbox/faults", json=bad)
    assert reply.status_code == 422
    assert reply.json()[wire.ERR_ERRORS]["faults"][0]
    with pytest.raises(FaultError):
        sandbox.script_faults(bad if isinstance(bad, list) else [bad])
    assert sandbox.pending_faults() == []


def test_script_faults_takes_fault_objects_too(client, sandbox):
    sandbox.script_faults([Fault(status=504)])
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).status_code == 504


def test_control_endpoints_are_never_faulted(client, sandbox):
    sandbox.script_faults([{"status": 503}])
    assert client.get(sandbox.base_url + "/_sandbox/customers").status_code == 200
    assert len(sandbox.pending_faults()) == 1


# --- random faults ----------------------------------------------------------------------
def _statuses(client: httpx.Client, sandbox: SandboxServer, n: int = 40) -> list[int]:
    return [client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).status_code for _ in range(n)]


def test_a_seeded_fault_rate_repeats_exactly(client, sandbox):
    sandbox.set_fault_rate(0.5, seed=1234)
    first = _statuses(client, sandbox)
    sandbox.set_fault_rate(0.5, seed=1234)
    second = _statuses(client, sandbox)
    assert first == second
    assert set(first) == {200, 503}
    sandbox.set_fault_rate(0.5, seed=99)
    assert _statuses(client, sandbox) != first


def test_a_random_503_never_creates_the_customer(client, sandbox):
    sandbox.set_fault_rate(1.0)
    assert create(client, sandbox).status_code == 503
    assert sandbox.created() == []
    sandbox.set_fault_rate(0.0)
    assert set(_statuses(client, sandbox, 10)) == {200}


def test_fault_rate_and_seed_from_the_constructor():
    with SandboxServer(api_key="k", fault_rate=0.5, seed=1234) as a, SandboxServer(
        api_key="k", fault_rate=0.5, seed=1234
    ) as b, httpx.Client(headers={wire.HEADER_API_KEY: "k"}) as c:
        assert _statuses(c, a) == _statuses(c, b)


def test_settings_change_over_http_until_reset(client, sandbox):
    url = sandbox.base_url + "/_sandbox/settings"
    reply = client.post(url, json={"plan": "basic", "fault_rate": 1.0, "seed": 3})
    assert reply.json()["plan"] == "basic" and reply.json()["fault_rate"] == 1.0
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).status_code == 503
    assert client.post(url, json={"plan": "gold"}).status_code == 422
    assert client.post(sandbox.base_url + "/_sandbox/reset").status_code == 204
    assert client.get(url).json()["plan"] == "pro"
    assert client.get(sandbox.api_url + wire.PATH_CUSTOMER_GROUPS).status_code == 200


def test_reset_forgets_everything_but_ids_keep_counting(client, sandbox):
    first = create(client, sandbox, state_id="D1").json()
    file_id = upload(client, sandbox, PDF).json()[wire.UPLOAD_RESP_ID]
    sandbox.script_faults([{"status": 503, "path": "/nowhere"}])
    sandbox.reset()
    assert (sandbox.created(), sandbox.uploads(), sandbox.pending_faults()) == ([], [], [])
    again = create(client, sandbox, state_id="D1").json()
    assert again[wire.RESP_ID] != first[wire.RESP_ID]
    stale = create(client, sandbox, documents=[{wire.DOC_FILE_ID: file_id, wire.DOC_TYPE: wire.DOC_TYPE_ID}])
    assert stale.status_code == 422


# --- the command ------------------------------------------------------------------------
def _args(**changes: object) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sandbox_command.add_arguments(parser)
    args = parser.parse_args([])
    for name, value in changes.items():
        setattr(args, name, value)
    return args


def test_the_command_stays_on_loopback_unless_allowed(capsys):
    assert sandbox_command.run(_args(host="0.0.0.0")) == 2
    assert "--allow-remote" in capsys.readouterr().err
    assert sandbox_command.is_loopback("127.0.0.1") and sandbox_command.is_loopback("::1")
    assert sandbox_command.is_loopback("localhost") and not sandbox_command.is_loopback("192.168.1.5")


def test_the_command_refuses_a_bad_fault_rate(capsys):
    assert sandbox_command.run(_args(port=0, fault_rate=1.5)) == 2
    assert "fault-rate" in capsys.readouterr().err
