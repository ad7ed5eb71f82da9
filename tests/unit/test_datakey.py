"""The data key is never replaced while data depends on it: a lost key is refused plainly, with the
way back (export at setup, import later, checked against the stored data)."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sqlite3
import stat
import uuid

import pytest

from app import wire
from app.cli import main
from app.config import load_config
from app.consent import ConsentLog
from app.credentials import DATA_KEY_USER, SERVICE, DataKeyMissing, SecretStore
from app.crypto import new_key
from app.datakey import (
    WrongDataKey,
    export_code,
    import_data_key,
    opens_data,
    parse_code,
    read_export,
    station_data_key,
    write_export,
)
from app.disclosure import load_disclosures
from app.drafts import new_draft_id
from app.outbox import EntryState
from app.station import Station
from app.storage import outbox_path
from app.stores import MANIFEST_FILE
from tests.support.bodies import customer_body


@pytest.fixture
def config(memory_keyring):
    return load_config()


def queue_work(config, intakes: int = 2) -> bytes:
    """Intakes queued, a draft and a consent saved; the data key they are encrypted with."""
    station = Station(config)
    try:
        for i in range(intakes):
            station.outbox.enqueue(customer_body(**{wire.FIRST_NAME: f"Ada{i}"}))
        station.drafts.save(new_draft_id(), customer_body(), "identity")
        key = station.secrets.data_key()
        cipher = station.cipher
    finally:
        station.close()
    ConsentLog.open(config, cipher).record(
        wire.MARKETING_EMAIL, clerk="Ana", intake_id=str(uuid.uuid4()), applies_to="a@b.co",
        disclosures=load_disclosures(config, "en"),
    )
    return key


def fingerprint(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def states(config) -> list[str]:
    conn = sqlite3.connect(outbox_path(config.data_dir))
    try:
        return [r[0] for r in conn.execute("SELECT state FROM entries ORDER BY seq")]
    finally:
        conn.close()


# --- a fresh station ------------------------------------------------------------------------------
def test_a_fresh_station_makes_its_key_and_records_its_check(config, memory_keyring):
    station = Station(config)
    station.close()
    stored = memory_keyring.get_password(SERVICE, DATA_KEY_USER)
    assert len(base64.b64decode(stored)) == 32
    assert '"key_check"' in (config.data_dir / MANIFEST_FILE).read_text(encoding="utf-8")
    assert opens_data(config.data_dir, base64.b64decode(stored)) is True
    assert opens_data(config.data_dir, new_key()) is False
    Station(config).close()
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) == stored  # made once


def test_a_key_lost_before_anything_was_stored_is_simply_made_again(config, memory_keyring):
    Station(config).close()
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    Station(config).close()
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is not None


# --- the key is lost --------------------------------------------------------------------------------
def test_a_lost_key_with_queued_intakes_is_refused_and_nothing_is_touched(config, memory_keyring, capsys):
    queue_work(config)
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    before = fingerprint(config.data_dir)

    with pytest.raises(DataKeyMissing) as caught:
        Station(config)
    message = str(caught.value)
    assert "missing from the keyring" in message
    assert "(intakes in the outbox: 2, drafts: 1, consent records: 1)" in message
    assert "import-data-key" in message
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None  # no new key was made

    for argv in (["outbox", "list"], ["outbox", "sync", "--wait", "0"], ["credentials", "export-data-key", "--print"],
                 ["consent", "export", "--csv", str(config.data_dir.parent / "c.csv")]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "missing from the keyring" in err and "Traceback" not in err
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None
    assert fingerprint(config.data_dir) == before  # data intact: nothing marked failed, nothing rewritten
    assert states(config) == ["queued", "queued"]


def test_a_lost_key_is_not_replaced_while_even_sent_intakes_are_stored(config, memory_keyring):
    station = Station(config)
    try:
        entry = station.outbox.enqueue(customer_body())
        station.outbox.mark_posting(entry)
        station.outbox.mark_created(entry, 555, None)  # sent: its personal data is removed
    finally:
        station.close()
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    with pytest.raises(DataKeyMissing, match="intakes in the outbox: 1,"):
        Station(config)
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None


def test_a_key_that_does_not_open_the_data_is_refused(config, memory_keyring, capsys):
    queue_work(config)
    memory_keyring.set_password(SERVICE, DATA_KEY_USER, base64.b64encode(new_key()).decode())
    with pytest.raises(WrongDataKey, match="does not open this station's data"):
        Station(config)
    assert main(["outbox", "sync", "--wait", "0"]) == 2
    assert "not the key they were saved with" in capsys.readouterr().err
    assert states(config) == ["queued", "queued"]


# --- export and import -----------------------------------------------------------------------------
def test_export_to_a_file_then_import_restores_the_key(config, memory_keyring, tmp_path, capsys):
    key = queue_work(config)
    saved = tmp_path / "data-key.txt"
    old_umask = os.umask(0)
    try:
        assert main(["credentials", "export-data-key", str(saved)]) == 0
    finally:
        os.umask(old_umask)
    if os.name == "posix":
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "readable by you only" in capsys.readouterr().out
    assert read_export(saved) == key
    assert base64.b64encode(key).decode() not in saved.read_text()  # the code, not the keyring's form

    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    assert main(["credentials", "import-data-key", str(saved)]) == 0
    assert "restored" in capsys.readouterr().out
    assert SecretStore().data_key() == key
    station = Station(config)
    try:
        assert [e.state for e in station.outbox.entries()] == [EntryState.QUEUED] * 2
        [draft] = station.drafts.list()
        assert station.drafts.load(draft.id).record[wire.LAST_NAME] == "Lovelace"
    finally:
        station.close()
    assert main(["credentials", "import-data-key", str(saved)]) == 0
    assert "already" in capsys.readouterr().out


def test_an_export_never_overwrites_a_file(config, tmp_path, capsys):
    target = tmp_path / "exists.txt"
    target.write_text("keep me")
    assert main(["credentials", "export-data-key", str(target)]) == 2
    assert "never overwrites" in capsys.readouterr().err
    assert target.read_text() == "keep me"
    assert main(["credentials", "export-data-key"]) == 2
    assert main(["credentials", "export-data-key", str(tmp_path / "x"), "--print"]) == 2


def test_the_printed_code_restores_the_key_typed_loosely(config, memory_keyring, monkeypatch, capsys):
    key = queue_work(config)
    assert main(["credentials", "export-data-key", "--print"]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code.split("-")) == 11 and all(len(g) == 5 for g in code.split("-"))
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    typed = code.lower().replace("-", " ")
    monkeypatch.setattr("sys.stdin", io.StringIO(typed + "\n"))
    assert main(["credentials", "import-data-key"]) == 0
    assert SecretStore().data_key() == key


def test_a_mistyped_code_is_refused_and_changes_nothing(config, memory_keyring, monkeypatch, capsys):
    key = queue_work(config)
    code = export_code(key)
    wrong = code[:7] + ("A" if code[7] != "A" else "B") + code[8:]
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    monkeypatch.setattr("sys.stdin", io.StringIO(wrong + "\n"))
    assert main(["credentials", "import-data-key"]) == 2
    assert "typo" in capsys.readouterr().err
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None


def test_importing_another_stations_key_is_refused(config, memory_keyring, tmp_path, capsys):
    queue_work(config)
    memory_keyring.delete_password(SERVICE, DATA_KEY_USER)
    other = tmp_path / "other-station.txt"
    write_export(other, new_key())
    assert main(["credentials", "import-data-key", str(other)]) == 2
    err = capsys.readouterr().err
    assert "does not open this station's data" in err and "Nothing was changed" in err
    assert memory_keyring.get_password(SERVICE, DATA_KEY_USER) is None


def test_import_checks_the_key_check_when_no_record_is_stored(config, memory_keyring):
    Station(config).close()  # a key and its check, but no encrypted record yet
    with pytest.raises(WrongDataKey):
        import_data_key(SecretStore(), config.data_dir, new_key())


def test_import_repairs_a_key_replaced_by_mistake(config, memory_keyring):
    key = queue_work(config)
    memory_keyring.set_password(SERVICE, DATA_KEY_USER, base64.b64encode(new_key()).decode())
    assert import_data_key(SecretStore(), config.data_dir, key) is True
    assert station_data_key(SecretStore(), config.data_dir) == key


def test_importing_the_key_already_in_place_changes_nothing(config, memory_keyring):
    key = queue_work(config)
    assert import_data_key(SecretStore(), config.data_dir, key) is False


def test_a_damaged_stored_key_is_replaced_by_import(config, memory_keyring):
    key = queue_work(config)
    memory_keyring.set_password(SERVICE, DATA_KEY_USER, "not base64 !!")
    assert import_data_key(SecretStore(), config.data_dir, key) is True
    assert SecretStore().data_key() == key


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "no data key"), ("not a code!", "characters"), ("ABCDE-FGHIJ", "not a whole"), ("#", "characters")],
)
def test_codes_that_are_not_keys_say_why(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_code(text)


def test_the_keyrings_own_form_is_accepted_too():
    key = new_key()
    assert parse_code(base64.b64encode(key).decode()) == key
    assert parse_code(export_code(key)) == key


def test_exporting_at_setup_makes_the_key_the_station_then_uses(config, memory_keyring, tmp_path):
    saved = tmp_path / "setup-key.txt"
    assert main(["credentials", "export-data-key", str(saved)]) == 0  # before anything is stored
    station = Station(config)
    station.close()
    assert SecretStore().data_key() == read_export(saved)


def test_a_key_imported_on_a_new_machine_before_its_data_is_kept(config, memory_keyring):
    key = new_key()
    assert not config.data_dir.exists()
    assert import_data_key(SecretStore(), config.data_dir, key) is True
    assert SecretStore().data_key() == key
