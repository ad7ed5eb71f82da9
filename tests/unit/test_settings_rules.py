"""The settings rules the Settings dialog (and any command line) checks an admin's input with."""

from __future__ import annotations

import os

from app import settings_rules
from app.settings_rules import check_scan_folder


def test_a_readable_folder_is_accepted(tmp_path):
    assert check_scan_folder(str(tmp_path)) == ""
    assert check_scan_folder("~") == ""  # the home folder, as typed


def test_what_cannot_be_listed_is_said(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    assert check_scan_folder(str(tmp_path / "gone")) == f"No folder at {tmp_path / 'gone'}."
    assert check_scan_folder(str(tmp_path / "scan.pdf")) == f"{tmp_path / 'scan.pdf'} is a file, not a folder."
    assert check_scan_folder("a\0b") == "No folder at a\0b."  # a NUL pasted in: said, not raised
    long = str(tmp_path / ("x" * 5000))
    assert check_scan_folder(long).startswith(f"The folder {long} cannot be read (")


def test_a_folder_this_user_may_not_open_is_said(tmp_path, monkeypatch):
    # The tests run as root, which opens every folder: the permission check itself stands in.
    monkeypatch.setattr(settings_rules.os, "access", lambda path, mode: not mode & os.X_OK)
    assert check_scan_folder(str(tmp_path)).endswith("cannot be read: this user may not open it.")
