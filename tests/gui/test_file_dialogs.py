"""Where the window's file choosers open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from ui import file_dialogs


def _asked(monkeypatch) -> list[tuple]:
    asked: list[tuple] = []

    def fake(parent, caption, suggested, filters, options):
        asked.append((suggested, options))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def test_a_suggested_file_name_is_offered_in_the_documents_folder_not_the_working_directory(
        qapp, monkeypatch, tmp_path):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    monkeypatch.chdir(tmp_path)
    asked = _asked(monkeypatch)
    assert file_dialogs.save_file(None, "Export", "audit-trail.csv", "CSV files (*.csv)") == ""
    suggested, options = asked[0]
    assert Path(suggested) == documents / "audit-trail.csv"
    assert options & QFileDialog.Option.DontUseNativeDialog


def test_without_a_documents_folder_the_home_folder_is_offered(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "gone"))
    monkeypatch.setenv("HOME", str(tmp_path))
    asked = _asked(monkeypatch)
    file_dialogs.save_file(None, "Export", "audit-trail.csv")
    assert Path(asked[0][0]) == tmp_path / "audit-trail.csv"  # $HOME


def test_a_full_path_is_kept(qapp, monkeypatch, tmp_path):
    asked = _asked(monkeypatch)
    file_dialogs.save_file(None, "Export", str(tmp_path / "x.csv"))
    assert asked[0][0] == str(tmp_path / "x.csv")
