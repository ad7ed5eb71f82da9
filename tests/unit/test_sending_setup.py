"""The setup checked before an intake is queued: each setting that stops every send is named."""

from __future__ import annotations

import pytest

from app.config import Config
from app.credentials import SecretStore
from app.sending_setup import (
    CONTEXT,
    MSG_API_BAD_URL,
    MSG_API_PLAIN_HTTP,
    MSG_CA_BUNDLE,
    MSG_FILES_PLAIN_HTTP,
    MSG_NO_KEY,
    SetupProblem,
    check_sending_setup,
)
from app.station import Station

API = "http://127.0.0.1:9/open_api/v2.3"
FILES = "http://127.0.0.1:9/open_api/v2.2"


@pytest.fixture
def station(tmp_path, memory_keyring):
    from app.datakey import station_data_key

    secrets = SecretStore()
    station_data_key(secrets, tmp_path / "data")
    secrets.set_api_key(API, "k-123")
    made = []

    def make(**changes) -> Station:
        config = Config(**{"api_url": API, "files_url": FILES, "data_dir": tmp_path / "data", **changes})
        made.append(Station(config, secrets))
        return made[-1]

    yield make
    for s in made:
        s.close()


def problem(station) -> SetupProblem:
    with pytest.raises(SetupProblem) as caught:
        check_sending_setup(station)
    return caught.value


def test_a_setup_that_can_send_passes(station):
    check_sending_setup(station())  # loopback http, a key: fine (the POS need not be reachable)


@pytest.mark.parametrize(
    "changes, template, shown",
    [
        ({"api_url": "http://pos.example.com/api"}, MSG_API_PLAIN_HTTP, "http://pos.example.com/api"),
        ({"api_url": "http://10.0.0.8/api"}, MSG_API_PLAIN_HTTP, "http://10.0.0.8/api"),
        ({"api_url": "ftp://pos.example.com/api"}, MSG_API_BAD_URL, "ftp://pos.example.com/api"),
        ({"files_url": "http://files.example.com/v2"}, MSG_FILES_PLAIN_HTTP, "http://files.example.com/v2"),
        ({"ca_bundle": "/nonexistent/ca.pem"}, MSG_CA_BUNDLE, "/nonexistent/ca.pem"),
    ],
)
def test_each_setting_that_stops_sending_is_named(station, changes, template, shown):
    if changes.get("api_url", "").startswith("http"):
        SecretStore().set_api_key(changes["api_url"], "k-123")
    found = problem(station(**changes))
    assert found.message.template == template and found.message.context == CONTEXT
    assert shown in str(found)


def test_a_ca_bundle_that_is_not_certificates_is_named(station, tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not a certificate", encoding="utf-8")
    assert problem(station(ca_bundle=str(bundle))).message.template == MSG_CA_BUNDLE


def test_no_key_is_named(station):
    SecretStore().clear_api_key(API)
    assert problem(station()).message.template == MSG_NO_KEY


def test_documents_for_a_files_server_the_key_may_not_go_to_are_not_queued(station):
    other = station(files_url="http://localhost:9/open_api/v2.2")  # another server than 127.0.0.1
    check_sending_setup(other)  # without documents the files address is not used
    with pytest.raises(SetupProblem) as caught:
        check_sending_setup(other, documents=True)
    assert "files URL is on another server" in str(caught.value)
    check_sending_setup(station(files_url="http://localhost:9/open_api/v2.2", allow_key_to_files_host=True),
                        documents=True)
