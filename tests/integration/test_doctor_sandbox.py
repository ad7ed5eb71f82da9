"""``intake doctor`` against the sandbox over loopback HTTP: each case it must tell apart."""

from __future__ import annotations

import json
import socket
import ssl
from pathlib import Path

import httpx
import pytest

from app import wire
from app.api.client import ApiClient
from app.cli import main
from app.config import Config, load_config, managed_config_path
from app.credentials import SecretStore
from app.crypto import Cipher
from app.datakey import station_data_key
from app.doctor import OK, PROBLEM, SKIPPED, WARNING, run_doctor
from app.outbox import Outbox
from app.storage import outbox_path
from tests.support.bodies import customer_body

SECRET_NAME = "Zebulon-Quixote"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def config(sandbox, memory_keyring, tmp_path) -> Config:
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    # demo: the in-memory keyring of the test is what the station is expected to use
    return Config(api_url=sandbox.api_url, files_url=sandbox.files_url, data_dir=tmp_path / "station", demo=True)


def add_customers(sandbox, count: int = 2, **changes) -> None:
    with ApiClient(sandbox.api_url, sandbox.files_url, sandbox.api_key) as client:
        for n in range(count):
            client.create_customer(customer_body(**{
                wire.FIRST_NAME: SECRET_NAME, wire.NICKNAME: "Zeb", wire.EMAIL: f"z{n}@example.com",
                wire.STATE_ID: f"D{n}99999", **changes}))


def verdicts(report) -> dict[str, str]:
    return {c.id: c.verdict for c in report.checks}


def test_a_healthy_station_is_all_ok(sandbox, config):
    add_customers(sandbox)
    report = run_doctor(config, SecretStore())
    assert set(verdicts(report).values()) == {OK}, [(c.id, c.found, c.advice) for c in report.checks if c.verdict != OK]
    assert report.exit_code == 0
    contract = report.check("contract")
    assert wire.NICKNAME in contract.data["confirmed"] and wire.STATE_ID in contract.data["confirmed"]
    assert wire.MIDDLE_NAME in contract.data["not_seen"]  # never filled in: may simply be empty
    assert contract.data["suggestions"] == {}


def test_reads_but_never_changes_the_server(sandbox, config):
    add_customers(sandbox)
    before = sandbox.created()
    run_doctor(config, SecretStore())
    assert sandbox.created() == before
    assert sandbox.uploads() == []


def test_a_field_the_pos_names_otherwise_is_suggested_then_confirmed_once_mapped(sandbox, config):
    sandbox.rename = {wire.NICKNAME: "nick_name", f"{wire.ADDRESS}.{wire.ZIP}": "postal_code"}
    sandbox.add_customer({**customer_body(**{wire.NICKNAME: "Zeb"}), wire.ADDRESS: {wire.CITY: "LA",
                                                                                   wire.ZIP: "90001"}})
    report = run_doctor(config, SecretStore())
    contract = report.check("contract")
    assert contract.verdict == WARNING and report.exit_code == 1
    assert contract.data["suggestions"] == {wire.NICKNAME: "nick_name"}
    assert wire.NICKNAME in contract.data["not_seen"]
    assert '[wire_names]: nickname = "nick_name"' in str(contract.advice)

    mapped = config.with_changes(wire_names=((wire.NICKNAME, "nick_name"),
                                             (f"{wire.ADDRESS}.{wire.ZIP}", "postal_code")))
    report = run_doctor(mapped, SecretStore())
    contract = report.check("contract")
    assert contract.verdict == OK
    assert {wire.NICKNAME, f"{wire.ADDRESS}.{wire.ZIP}"} <= set(contract.data["confirmed"])
    assert "nick_name" in str(report.check("wire_names").found)


def test_the_mapping_reaches_the_pos_through_the_station(sandbox, config):
    """A renamed field is dropped by the POS unless the station sends it under the POS's name."""
    sandbox.rename = {wire.NICKNAME: "nick_name"}
    with ApiClient.from_config(config, sandbox.api_key) as client:
        plain = client.create_customer(customer_body(**{wire.NICKNAME: "Zeb"}))
    assert wire.NICKNAME not in sandbox.created()[0]  # silently ignored, as a real POS would
    mapped = config.with_changes(wire_names=((wire.NICKNAME, "nick_name"),))
    with ApiClient.from_config(mapped, sandbox.api_key) as client:
        created = client.create_customer(customer_body(**{wire.NICKNAME: "Zeb", wire.STATE_ID: "X1"}))
        assert client.get_customer(created[wire.RESP_ID])[wire.NICKNAME] == "Zeb"
    assert sandbox.created()[1][wire.NICKNAME] == "Zeb"
    assert plain[wire.RESP_ID] != created[wire.RESP_ID]


def test_a_wrong_key_is_a_problem_and_later_checks_are_skipped(sandbox, config):
    SecretStore().set_api_key(sandbox.api_url, "not-the-key")
    report = run_doctor(config, SecretStore())
    assert report.check("api_key").verdict == PROBLEM
    assert "refused" in str(report.check("api_key").found)
    assert report.check("plan").verdict == SKIPPED and report.check("contract").verdict == SKIPPED
    assert report.exit_code == 2


def test_no_stored_key_is_a_problem(sandbox, config):
    SecretStore().clear_api_key(sandbox.api_url)
    report = run_doctor(config, SecretStore())
    assert report.check("api_key").verdict == PROBLEM
    assert "intake credentials set" in str(report.check("api_key").advice)


def test_a_basic_plan_is_a_warning_naming_the_pro_calls(sandbox, config):
    add_customers(sandbox)
    sandbox.plan = "basic"
    report = run_doctor(config, SecretStore())
    plan = report.check("plan")
    assert plan.verdict == WARNING and plan.data == {"state_id_lookup": False, "update": False}
    assert "state ID" in str(plan.found)
    assert report.exit_code == 1


@pytest.mark.parametrize(("offset", "verdict", "word"), [(600, PROBLEM, "behind"), (-90, WARNING, "ahead"),
                                                          (0, OK, "Within")])
def test_the_clock_difference_with_the_servers_date(sandbox, config, offset, verdict, word):
    sandbox.clock_offset = offset
    clock = run_doctor(config, SecretStore(), records=0).check("clock")
    assert clock.verdict == verdict
    assert word in str(clock.found)
    assert abs(clock.data["difference_seconds"] + offset) <= 2


def test_faults_on_the_way_are_reported_as_problems(sandbox, config):
    sandbox.script_faults([{"path": "/", "drop": True}, {"path": "/customer-groups", "status": 503}])
    report = run_doctor(config, SecretStore())
    assert report.check("api_address").verdict == PROBLEM
    assert "Cannot reach" in str(report.check("api_address").found)
    assert report.check("api_key").verdict == SKIPPED
    report = run_doctor(config, SecretStore())  # the address answers now; the key's read meets the 503
    assert report.check("api_address").verdict == OK
    assert report.check("api_key").verdict == PROBLEM and "503" in str(report.check("api_key").found)
    assert report.exit_code == 2


def test_a_listing_that_fails_leaves_the_contract_unchecked_with_a_warning(sandbox, config):
    add_customers(sandbox)
    sandbox.script_faults([{"path": "/customers", "method": "GET", "status": 500}])
    contract = run_doctor(config, SecretStore()).check("contract")
    assert contract.verdict == WARNING and "could not be read" in str(contract.found)


def test_no_recent_customers_is_a_warning(sandbox, config):
    contract = run_doctor(config, SecretStore()).check("contract")
    assert contract.verdict == WARNING and contract.data == {"records": 0}


def test_an_unreachable_server_and_plain_http_elsewhere(config):
    down = config.with_changes(api_url=f"http://127.0.0.1:{closed_port()}/api",
                               files_url="http://files.example.com/files")
    report = run_doctor(down, SecretStore())
    assert report.check("api_address").verdict == PROBLEM
    files = report.check("files_address")
    assert files.verdict == PROBLEM and "plain http" in str(files.found)


def test_an_invalid_certificate_and_an_unusable_ca_bundle(config, tmp_path):
    def refuse(request):
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=request)

    secure = config.with_changes(api_url="https://pos.example/api", files_url="https://pos.example/files")
    report = run_doctor(secure, SecretStore(), transport=httpx.MockTransport(refuse))
    api = report.check("api_address")
    assert api.verdict == PROBLEM and "certificate" in str(api.found) and "CA bundle" in str(api.advice)

    bundle = tmp_path / "store-ca.pem"
    bundle.write_text("not a certificate", encoding="utf-8")
    report = run_doctor(secure.with_changes(ca_bundle=str(bundle)), SecretStore())
    assert report.check("ca_bundle").verdict == PROBLEM
    assert report.check("api_address").verdict == SKIPPED


def test_the_ca_bundle_is_used_to_verify(config, monkeypatch):
    """The configured bundle, not the system's store, is what the address check verifies with."""
    import app.doctor.network as network

    used = []
    real = network._verify

    def spy(ca_bundle):
        used.append(ca_bundle)
        return real(None)

    monkeypatch.setattr(network, "_verify", spy)
    bundle = ssl.get_default_verify_paths().cafile or ssl.get_default_verify_paths().capath
    if not bundle:
        pytest.skip("no system CA bundle file to point at")
    run_doctor(config.with_changes(ca_bundle=bundle), SecretStore(), records=0)
    assert used and set(used) == {bundle}


def test_station_side_checks(sandbox, config):
    folder = Path(config.data_dir)
    secrets = SecretStore()
    folder.mkdir(parents=True)
    with Outbox(outbox_path(folder), Cipher(station_data_key(secrets, folder))) as box:
        entry = box.enqueue(customer_body())
        box.mark_failed(entry, error="refused", uncertain=False)
        box.enqueue(customer_body(**{wire.STATE_ID: "Q1"}))
    report = run_doctor(config, secrets, records=0)
    outbox = report.check("outbox")
    assert outbox.verdict == WARNING
    assert "1 waiting to be sent, 1 needing attention" in str(outbox.found)
    assert report.check("data_key").verdict == OK
    assert report.check("data_folder").verdict == OK
    assert report.check("keyring").verdict == OK

    memory_keyring_backend = secrets.backend()
    memory_keyring_backend.delete_password("intake", "data-key")
    report = run_doctor(config, secrets, records=0)
    assert report.check("data_key").verdict == PROBLEM
    assert "import-data-key" in str(report.check("data_key").advice)


def test_an_in_memory_keyring_outside_the_demo_is_a_warning(config):
    report = run_doctor(config.with_changes(demo=False), SecretStore(), records=0)
    assert report.check("keyring").verdict == WARNING


# --- the command -------------------------------------------------------------------------------

@pytest.fixture
def station_env(sandbox, monkeypatch, memory_keyring, tmp_path):
    monkeypatch.setenv("INTAKE_API_URL", sandbox.api_url)
    monkeypatch.setenv("INTAKE_FILES_URL", sandbox.files_url)
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "station"))
    SecretStore().set_api_key(sandbox.api_url, sandbox.api_key)
    return sandbox


def test_the_command_prints_no_key_and_no_customer_data(station_env, capsys):
    add_customers(station_env)
    code = main(["doctor", "--json"])
    out = capsys.readouterr().out
    report = json.loads(out)
    assert code == report["exit_code"] == 1  # the in-memory keyring outside the demo
    assert {c["id"] for c in report["checks"]} >= {"api_address", "files_address", "api_key", "plan", "clock",
                                                    "keyring", "data_folder", "data_key", "outbox", "contract"}
    main(["doctor"])
    text = capsys.readouterr().out
    for shown in (out, text):
        assert station_env.api_key not in shown
        assert SECRET_NAME not in shown and "Zeb" not in shown and "example.com" not in shown
        assert "D099999" not in shown
    assert "Result: warning" in text and "confirmed: first_name" in text


def test_the_command_exits_2_on_a_problem_and_on_an_unusable_managed_file(station_env, capsys):
    SecretStore().set_api_key(station_env.api_url, "wrong")
    assert main(["doctor"]) == 2
    capsys.readouterr()
    managed_config_path().write_text('api_key = "hush"\n', encoding="utf-8")
    assert main(["doctor", "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert [c["verdict"] for c in report["checks"]] == [PROBLEM]
    assert "secrets are never read" in report["checks"][0]["found"]
    assert "hush" not in json.dumps(report)


def test_the_command_shows_the_managed_mapping(station_env, capsys):
    managed_config_path().write_text('[wire_names]\nnickname = "nick_name"\n', encoding="utf-8")
    assert dict(load_config().wire_names) == {wire.NICKNAME: "nick_name"}
    main(["doctor", "--records", "0"])
    assert "nickname → nick_name" in capsys.readouterr().out
