"""A store the station had (outbox, drafts, consent log, audit log) that is now emptied, deleted or
filled with garbage is refused with a plain message, kept aside and never read as empty; an admin
puts a copy back or lets it start empty. A fresh station starts as before."""

from __future__ import annotations

import json
import os
import stat
import uuid

import pytest

from app import wire
from app.audit import AUDIT_DB_NAME, AuditLog
from app.cli import main
from app.config import load_config
from app.consent import CONSENT_DB_NAME, ConsentLog
from app.disclosure import load_disclosures
from app.drafts import new_draft_id
from app.station import Station
from app.storage import DRAFTS_FILE, OUTBOX_FILE, open_database
from app.stores import MANIFEST_FILE, STORES, StoreUnusable, check_store, read_manifest
from tests.support.bodies import customer_body

RANDOM = os.urandom(4096)


@pytest.fixture
def config(memory_keyring):
    return load_config()


def use_every_store(config) -> None:
    """What a working station leaves behind: an intake queued, a draft, a consent, audit events."""
    station = Station(config)
    try:
        station.outbox.enqueue(customer_body())
        station.drafts.save(new_draft_id(), customer_body(), "identity")
        cipher = station.cipher
    finally:
        station.close()
    audit = AuditLog.open(config)
    ConsentLog.open(config, cipher, audit).record(
        wire.MARKETING_EMAIL, clerk="Ana", intake_id=str(uuid.uuid4()), applies_to="a@b.co",
        disclosures=load_disclosures(config, "en"),
    )


def damage(path, how: str) -> bytes | None:
    """Do ``how`` to the store at ``path``; the bytes it held (None when deleted)."""
    for suffix in ("-wal", "-shm"):
        assert not path.with_name(path.name + suffix).exists()  # every store was closed cleanly
    before = path.read_bytes()
    if how == "deleted":
        path.unlink()
    elif how == "zero-length":
        path.write_bytes(b"")
    else:
        path.write_bytes(RANDOM)
    return before


def kept_aside(path):
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name + ".damaged-"))


def test_the_manifest_names_the_store_files_of_the_other_modules():
    assert (STORES["outbox"], STORES["drafts"]) == (OUTBOX_FILE, DRAFTS_FILE)
    assert (STORES["consent"], STORES["audit"]) == (CONSENT_DB_NAME, AUDIT_DB_NAME)


def test_a_fresh_station_starts_and_lists_its_stores(config, capsys):
    station = Station(config)
    station.close()
    AuditLog.open(config)
    listed = read_manifest(config.data_dir)["stores"]
    assert listed == {name: {"state": "ok"} for name in (OUTBOX_FILE, DRAFTS_FILE, AUDIT_DB_NAME)}
    manifest = config.data_dir / MANIFEST_FILE
    if os.name == "posix":
        assert stat.S_IMODE(manifest.stat().st_mode) == 0o600
    assert main(["data", "check"]) == 0
    out = capsys.readouterr().out
    assert "outbox" in out and "new" in out  # the consent log is made when first needed


def test_stores_from_before_the_manifest_are_adopted(config):
    use_every_store(config)
    (config.data_dir / MANIFEST_FILE).unlink()
    Station(config).close()
    assert set(read_manifest(config.data_dir)["stores"]) >= {OUTBOX_FILE, DRAFTS_FILE, CONSENT_DB_NAME, AUDIT_DB_NAME}


@pytest.mark.parametrize("how", ["zero-length", "deleted", "random-bytes"])
@pytest.mark.parametrize("store", list(STORES))
def test_a_lost_or_damaged_store_is_refused_kept_aside_and_explained(config, capsys, store, how):
    use_every_store(config)
    path = config.data_dir / STORES[store]
    damage(path, how)
    capsys.readouterr()

    # The station (window and commands alike) refuses, with the file and what to do.
    with pytest.raises(StoreUnusable) as caught:
        Station(config)
    message = str(caught.value)
    assert path.name in message and f"intake data start-empty {store}" in message
    if how == "deleted":
        assert "missing" in message and kept_aside(path) == []
    else:
        [aside] = kept_aside(path)
        assert aside.name in message
        assert aside.read_bytes() == (b"" if how == "zero-length" else RANDOM)  # kept, not deleted
        assert not path.exists()  # nothing new was made in its place

    # Every command that reads it says so plainly and exits non-zero; it stays refused.
    # The station needs all four; a consent export the data key's three; the audit commands their log.
    refusing = [["outbox", "list"], ["outbox", "sync", "--wait", "0"], ["data", "check"]]
    if store != "audit":
        refusing.append(["consent", "export", "--csv", str(config.data_dir.parent / "c.csv")])
    else:
        refusing.append(["audit", "verify"])
    for argv in refusing:
        code = main(argv)
        err = capsys.readouterr().err
        assert code != 0, argv
        assert path.name in err and "start-empty" in err, argv
        assert "Traceback" not in err
    assert not path.exists()
    assert len(kept_aside(path)) == (0 if how == "deleted" else 1)  # kept aside once, not again


@pytest.mark.parametrize("store", ["outbox", "drafts"])
def test_putting_a_good_copy_back_restores_the_store(config, store):
    use_every_store(config)
    path = config.data_dir / STORES[store]
    backup = damage(path, "random-bytes")
    with pytest.raises(StoreUnusable):
        Station(config)
    path.write_bytes(backup)
    station = Station(config)
    try:
        assert len(station.outbox.entries()) == 1
        assert len(station.drafts.list()) == 1
    finally:
        station.close()
    assert read_manifest(config.data_dir)["stores"][path.name] == {"state": "ok"}


@pytest.mark.parametrize("how", ["zero-length", "deleted", "random-bytes"])
def test_start_empty_is_the_admins_decision_and_keeps_the_damaged_file(config, capsys, how):
    use_every_store(config)
    path = config.data_dir / OUTBOX_FILE
    damage(path, how)
    assert main(["outbox", "list"]) == 2
    assert main(["data", "start-empty", "outbox"]) == 0
    assert "starts empty" in capsys.readouterr().out
    assert main(["outbox", "list"]) == 0
    assert "The outbox is empty." in capsys.readouterr().out
    assert len(kept_aside(path)) == (0 if how == "deleted" else 1)
    station = Station(config)  # the other stores kept their data
    try:
        assert len(station.drafts.list()) == 1
    finally:
        station.close()


def test_start_empty_refuses_a_healthy_store(config, capsys):
    use_every_store(config)
    assert main(["data", "start-empty", "drafts"]) == 2
    assert "nothing to do" in capsys.readouterr().err
    Station(config).close()


def test_garbage_where_no_store_was_recorded_is_kept_aside_too(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(RANDOM)
    with pytest.raises(StoreUnusable):
        open_database(path, component="c", migrations=())
    [aside] = kept_aside(path)
    assert aside.read_bytes() == RANDOM


def test_a_store_damaged_inside_fails_its_check(config):
    use_every_store(config)
    path = config.data_dir / OUTBOX_FILE
    data = bytearray(path.read_bytes())
    assert len(data) >= 3 * 4096
    data[4096:8192] = os.urandom(4096)  # the second page: the header still says SQLite
    path.write_bytes(bytes(data))
    with pytest.raises(StoreUnusable, match="not a readable database"):
        check_store(path)


def test_a_damaged_manifest_is_kept_aside_and_rebuilt(config):
    use_every_store(config)
    manifest = config.data_dir / MANIFEST_FILE
    manifest.write_text("{not json", encoding="utf-8")
    Station(config).close()
    assert OUTBOX_FILE in json.loads(manifest.read_text(encoding="utf-8"))["stores"]
    assert [p for p in config.data_dir.iterdir() if p.name.startswith(MANIFEST_FILE + ".damaged-")]


def test_any_store_the_station_listed_can_start_empty_by_its_file_name(config, capsys):
    Station(config).close()
    extra = config.data_dir / "created-index.db"
    open_database(extra, component="c", migrations=("CREATE TABLE t (x);",)).close()
    extra.write_bytes(RANDOM)
    with pytest.raises(StoreUnusable, match=r"intake data start-empty created-index\.db"):
        open_database(extra, component="c", migrations=())
    assert main(["data", "start-empty", "created-index.db"]) == 0
    open_database(extra, component="c", migrations=()).close()
    assert main(["data", "start-empty", "../elsewhere.db"]) == 2
    assert main(["data", "start-empty", "station.json"]) == 2
    assert "not one of the station's stores" in capsys.readouterr().err


def test_the_journal_left_by_a_deleted_store_is_kept_aside_with_it(config):
    use_every_store(config)
    path = config.data_dir / OUTBOX_FILE
    path.unlink()
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"recent commits")
    with pytest.raises(StoreUnusable, match="missing"):
        Station(config)
    assert not wal.exists()
    [kept] = [p for p in config.data_dir.iterdir() if p.name.startswith("outbox.db.missing-")]
    assert kept.name.endswith("-wal") and kept.read_bytes() == b"recent commits"


def test_stores_opened_from_several_threads_at_once_are_all_listed(config):
    from concurrent.futures import ThreadPoolExecutor

    names = [f"s{i}.db" for i in range(8)]
    config.data_dir.mkdir(parents=True)

    def open_one(name):
        open_database(config.data_dir / name, component="c", migrations=("CREATE TABLE t (x);",)).close()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(open_one, names))
    assert set(read_manifest(config.data_dir)["stores"]) == set(names)
    assert not [p for p in config.data_dir.iterdir() if p.name.endswith(".tmp")]
