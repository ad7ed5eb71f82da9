"""The audit chain's key follows the data key: a keyring that loses it gets the same key back,
and restoring the data key from its export restores the audit trail's key with it."""

from __future__ import annotations

import pytest

from app.audit import CHAIN_KEYED, AuditLog
from app.config import Config
from app.credentials import AUDIT_KEY_USER, SERVICE, SecretStore, derived_audit_key
from app.datakey import export_code, import_data_key, parse_code, station_data_key
from app.memkeyring import MemoryKeyring
from tests.unit.test_audit import a_day_of_intakes, legacy_log


@pytest.fixture
def config(tmp_path):
    return Config(data_dir=tmp_path / "data")


def test_a_keyring_that_lost_the_audit_key_gets_the_same_key_back(config, memory_keyring):
    secrets = SecretStore()
    station_data_key(secrets, config.data_dir)
    log = AuditLog.open(config, secrets)
    a_day_of_intakes(log, 2)
    assert log.verify() is None

    memory_keyring.delete_password(SERVICE, AUDIT_KEY_USER)
    again = AuditLog.open(config, SecretStore())
    assert again.verify() is None  # the rows keyed before still verify
    assert [e.event for e in again.entries()].count(CHAIN_KEYED) == 0  # nothing taken for legacy rows
    a_day_of_intakes(again, 1)
    assert again.verify() is None


def test_the_data_key_export_restores_the_audit_trail_on_a_new_keyring(config, memory_keyring):
    secrets = SecretStore()
    data_key = station_data_key(secrets, config.data_dir)
    log = AuditLog.open(config, secrets)
    a_day_of_intakes(log, 3)
    code = export_code(data_key)

    fresh = SecretStore(MemoryKeyring())  # the machine's keyring was wiped
    import_data_key(fresh, config.data_dir, parse_code(code))
    restored = AuditLog.open(config, fresh)
    assert restored.verify() is None and restored.count() == log.count()
    assert fresh.audit_key()[0] == derived_audit_key(data_key)


def test_a_legacy_log_is_still_anchored_once(config, memory_keyring):
    legacy_log(config.data_dir / "audit.sqlite3", 3)
    secrets = SecretStore()
    station_data_key(secrets, config.data_dir)
    log = AuditLog.open(config, secrets)
    assert log.legacy_rows() == 3 and log.verify() is None
    memory_keyring.delete_password(SERVICE, AUDIT_KEY_USER)
    again = AuditLog.open(config, SecretStore())
    assert [e.event for e in again.entries()].count(CHAIN_KEYED) == 1 and again.verify() is None
