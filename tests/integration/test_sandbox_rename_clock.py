"""The sandbox plays a POS that names a field otherwise, and one whose clock is off."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest

from app import wire
from app.sandbox import SandboxServer
from tests.support.bodies import customer_body


@pytest.fixture
def http(sandbox):
    with httpx.Client(base_url=sandbox.base_url, headers={wire.HEADER_API_KEY: sandbox.api_key}, timeout=5) as c:
        yield c


def test_settings_endpoint_sets_and_validates_rename_and_clock_offset(sandbox, http):
    reply = http.post("/_sandbox/settings", json={"rename": {wire.NICKNAME: "nick_name"}, "clock_offset": 30})
    assert reply.status_code == 200
    assert reply.json()["rename"] == {wire.NICKNAME: "nick_name"} and reply.json()["clock_offset"] == 30
    bad = http.post("/_sandbox/settings", json={"rename": {"nick": "x"}, "clock_offset": "soon"})
    assert bad.status_code == 422
    assert set(bad.json()[wire.ERR_ERRORS]) == {"rename", "clock_offset"}
    sandbox.reset()
    assert sandbox.rename == {} and sandbox.clock_offset == 0


def test_a_renamed_field_is_served_and_read_under_the_pos_name_and_errors_use_it(sandbox, http):
    sandbox.rename = {wire.NICKNAME: "nick_name", f"{wire.ADDRESS}.{wire.ZIP}": "postcode"}
    api = sandbox.api_url.removeprefix(sandbox.base_url)
    address = {wire.ADDRESS_LINE1: "1 Main St", wire.CITY: "LA", wire.STATE: "CA", wire.COUNTRY: "US"}
    body = {**customer_body(), "nick_name": "Zeb", wire.ADDRESS: {**address, "postcode": "90001"}}
    created = http.post(api + wire.PATH_CUSTOMERS, json=body)
    assert created.status_code == 201, created.text
    assert created.json()["nick_name"] == "Zeb" and wire.NICKNAME not in created.json()
    assert created.json()[wire.ADDRESS]["postcode"] == "90001"
    assert sandbox.created()[0][wire.NICKNAME] == "Zeb"  # kept under our name inside
    listed = http.get(api + wire.PATH_CUSTOMERS).json()
    assert listed[0]["nick_name"] == "Zeb"
    refused = http.post(api + wire.PATH_CUSTOMERS,
                        json={**customer_body(), wire.ADDRESS: {**address, "postcode": "nope"}})
    assert refused.status_code == 422
    assert "address.postcode" in refused.json()[wire.ERR_ERRORS]


@pytest.mark.parametrize("offset", [3600, -120])
def test_the_date_header_follows_the_clock_offset(sandbox, http, offset):
    sandbox.clock_offset = offset
    reply = http.get("/_sandbox/settings")
    dates = reply.headers.get_list("date")
    assert len(dates) == 1
    shown = email.utils.parsedate_to_datetime(dates[0]).timestamp()
    assert abs(shown - (time.time() + offset)) < 5


def test_the_constructor_refuses_an_unknown_field():
    with pytest.raises(ValueError, match="not one of the station's fields"):
        SandboxServer(rename={"nick": "x"})


# --- starting it so: the command line and the demo ------------------------------------------------

def _sandbox_args(**changes):
    import argparse

    from app.commands import sandbox as command

    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    args = parser.parse_args(["--port", "0"])
    for key, value in changes.items():
        setattr(args, key, value)
    return command, args


@pytest.mark.parametrize(("rename", "words"), [(["nickname"], "FIELD=NAME"), (["nick=x"], "not one of the station")])
def test_the_command_refuses_an_unusable_rename(capsys, rename, words):
    command, args = _sandbox_args(rename=rename)
    assert command.run(args) == 2
    assert words in capsys.readouterr().err


def test_the_demo_plays_the_managed_mapping_on_both_sides(memory_keyring):
    from app.api.client import ApiClient
    from app.config import managed_config_path
    from app.credentials import SecretStore
    from ui.demo import start_demo

    managed_config_path().write_text('[wire_names]\nnickname = "nick_name"\n', encoding="utf-8")
    demo = start_demo()
    try:
        assert demo.sandbox.rename == {wire.NICKNAME: "nick_name"}
        assert dict(demo.config.wire_names) == {wire.NICKNAME: "nick_name"}
        key = SecretStore().get_api_key(demo.config.api_url)
        with ApiClient.from_config(demo.config, key) as client:
            created = client.create_customer(customer_body(**{wire.NICKNAME: "Zeb"}))
            assert client.get_customer(created[wire.RESP_ID])[wire.NICKNAME] == "Zeb"
        assert demo.sandbox.created()[0][wire.NICKNAME] == "Zeb"
    finally:
        demo.close()
