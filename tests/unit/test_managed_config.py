"""The organisation's managed configuration: wins over the user's file and the environment,
holds no secret or unknown setting, and is the only place for wire-name corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.config
from app import wire
from app.api.client import ApiClient
from app.config import (
    ENV_API_URL,
    Config,
    ConfigError,
    load_config,
    managed_config_path,
    platform_managed_path,
    save_config,
)
from app.settings_rules import config_to_save

POS = "https://pos.chain.example/open_api/v2.3"


def _managed(text: str) -> Path:
    path = managed_config_path()
    path.write_text(text, encoding="utf-8")
    return path


def test_managed_settings_win_over_the_user_file_and_the_environment(tmp_path, monkeypatch):
    user = tmp_path / "config.toml"
    user.write_text('api_url = "https://elsewhere.example/api"\nlanguage = "fr"\n', encoding="utf-8")
    _managed(f'api_url = "{POS}"\njurisdiction = "or"\n')
    monkeypatch.setenv(ENV_API_URL, "https://env.example/api")
    config = load_config(path=user)
    assert config.api_url == POS
    assert config.jurisdiction == "OR"
    assert config.language == "fr"  # not managed: the user's choice stays
    assert config.managed == {"api_url", "jurisdiction"}


def test_without_a_managed_file_nothing_is_managed():
    assert load_config().managed == frozenset()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('api_key = "abc"', "secrets are never read"),
        ('api_ulr = "https://x.example"', "'api_ulr' is not a setting"),
        ("demo = true", "'demo' is not a setting"),
        ("api_url = [", "cannot read the managed configuration"),
        ('[wire_names]\nnick = "x"', "not one of the station's fields"),
        ('timeout_seconds = "soon"', "unusable value"),
    ],
)
def test_an_unusable_managed_file_stops_the_station_with_the_reason(text, words):
    path = _managed(text)
    with pytest.raises(ConfigError) as caught:
        load_config()
    assert words in str(caught.value)
    assert str(path) in str(caught.value)
    assert "abc" not in str(caught.value)


def test_wire_names_come_only_from_the_managed_file_and_reach_the_client(tmp_path):
    _managed('[wire_names]\nnickname = "nick_name"\n"address.zip" = "postcode"\n')
    config = load_config()
    assert dict(config.wire_names) == {wire.NICKNAME: "nick_name", f"{wire.ADDRESS}.{wire.ZIP}": "postcode"}
    with ApiClient.from_config(config, "k") as client:
        assert client.wire_names.server_name(wire.NICKNAME) == "nick_name"
    user = tmp_path / "config.toml"
    user.write_text('[wire_names]\nnickname = "nick_name"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="read only from the managed configuration"):
        load_config(path=user)


def test_saving_keeps_the_user_files_own_value_for_a_managed_setting(tmp_path):
    user = tmp_path / "config.toml"
    save_config(Config(api_url="https://mine.example/api", language="es"), user)
    _managed(f'api_url = "{POS}"\n')
    config = load_config(path=user)
    to_save = config_to_save(config.with_changes(language="fr"), {}, user)
    save_config(to_save, user)
    text = user.read_text(encoding="utf-8")
    assert "https://mine.example/api" in text and POS not in text
    assert "managed" not in text and "wire_names" not in text
    assert load_config(path=user).language == "fr"


def test_platform_paths():
    assert platform_managed_path("linux") == Path("/etc/intake/managed.toml")
    assert platform_managed_path("darwin") == Path("/Library/Application Support/intake/managed.toml")
    assert platform_managed_path("win32", {"ProgramData": r"D:\PD"}) == Path(r"D:\PD") / "intake" / "managed.toml"


def test_no_environment_variable_moves_the_managed_file(monkeypatch):
    monkeypatch.setattr(app.config, "MANAGED_PATH", None)
    monkeypatch.setenv("INTAKE_MANAGED_CONFIG", "/tmp/nothing.toml")
    assert managed_config_path() == platform_managed_path()
