"""The clerk roster: a short list, most recently on shift first, and the clerk on shift."""

from __future__ import annotations

import json
import stat

import pytest

from app.clerks import MAX_NAME_LENGTH, ClerkError, ClerkRoster, clean_name
from app.config import load_config


@pytest.fixture
def roster():
    return ClerkRoster.open(load_config())


def test_empty_station_has_no_clerk(roster):
    assert roster.names() == [] and roster.current is None and roster.default() is None


def test_last_on_shift_comes_first_and_is_the_default_next_time(roster):
    for name in ("Ana", "Bo", "Cyd"):
        roster.add(name)
    assert roster.names() == ["Ana", "Bo", "Cyd"]
    assert roster.start_shift("cyd") == "Cyd"  # chosen in any case, kept as first spelled
    assert roster.names() == ["Cyd", "Ana", "Bo"] and roster.current == "Cyd"

    reopened = ClerkRoster(roster.path)  # the next start of the window
    assert reopened.current is None
    assert reopened.default() == "Cyd"
    assert reopened.start_shift("  Dee   Dee ") == "Dee Dee"  # a new clerk joins on first shift
    assert reopened.names() == ["Dee Dee", "Cyd", "Ana", "Bo"]


def test_add_keeps_one_entry_per_person(roster):
    assert roster.add("Ana Ruiz") == "Ana Ruiz"
    assert roster.add("ana  ruiz") == "Ana Ruiz"
    assert roster.names() == ["Ana Ruiz"]


def test_remove(roster):
    roster.add("Ana")
    roster.start_shift("Bo")
    assert roster.remove("bo") is True
    assert roster.current is None
    assert roster.remove("Zed") is False
    assert roster.names() == ["Ana"]
    roster.start_shift("Ana")
    roster.end_shift()
    assert roster.current is None and roster.default() == "Ana"


@pytest.mark.parametrize("name", ["", "   ", "Ana\x00", "Bo\x07Cyd", "x" * (MAX_NAME_LENGTH + 1)])
def test_unusable_names_are_refused(roster, name):
    with pytest.raises(ClerkError) as err:
        roster.add(name)
    assert err.value.message.context == "Clerks" and str(err.value.message)
    with pytest.raises(ClerkError):
        roster.start_shift(name)
    assert roster.names() == []


def test_clean_name_keeps_accents():
    assert clean_name("  José   Ñúñez ") == "José Ñúñez"
    assert clean_name("Bo\nCyd") == "Bo Cyd"  # a pasted line break is only a space


def test_file_is_owner_only_json(roster):
    roster.start_shift("Ana")
    assert stat.S_IMODE(roster.path.stat().st_mode) == 0o600
    assert json.loads(roster.path.read_text(encoding="utf-8")) == {"clerks": ["Ana"]}


def test_damaged_file_is_reported(roster):
    roster.path.parent.mkdir(parents=True, exist_ok=True)
    roster.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ClerkError, match="cannot read"):
        roster.names()
