"""``intake idscan parse``: text or image in, JSON out, exit codes for the two failures."""

from __future__ import annotations

import io
import json
import sys

import pdf417gen
import pytest

from app import wire
from app.cli import main
from tests.unit.idscan_corpus import IIN, build, modern


def _card(*, expiry: str = "01012099", dob: str = "01151990") -> str:
    return build(
        modern(
            daq="D1234562", last="DOE", first="JANE", middle="", dob=dob, expiry=expiry, issued="01152022",
            sex="2", street="1 MAIN ST", city="FRESNO", state="CA", postal="937210000",
        ),
        iin=IIN["CA"], version=9,
    )  # fmt: skip


def test_parses_a_text_file(tmp_path, capsys):
    path = tmp_path / "scan.txt"
    path.write_text(_card(), encoding="utf-8", newline="")
    assert main(["idscan", "parse", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"fields", "expiry_date", "issue_date", "issuer", "version", "suffix", "warnings"}
    assert out["fields"][wire.LAST_NAME] == "Doe"
    assert out["fields"][wire.ADDRESS][wire.ZIP] == "93721"
    assert out["expiry_date"] == "2099-01-01"
    assert (out["issuer"], out["version"], out["warnings"]) == ("CA", 9, [])


def test_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_card(expiry="01012001").encode())))
    assert main(["idscan", "parse", "-"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["warnings"][0].startswith("This ID expired on 2001-01-01")


def test_age_check_options(tmp_path, capsys):
    path = tmp_path / "scan.txt"
    path.write_text(_card(dob="01012020"), encoding="utf-8", newline="")
    assert main(["idscan", "parse", str(path), "--jurisdiction", "CA", "--type", "recreational"]) == 0
    assert "under the minimum age" in json.loads(capsys.readouterr().out)["warnings"][0]


def test_parses_an_image_file(tmp_path, capsys):
    path = tmp_path / "card.png"
    pdf417gen.render_image(pdf417gen.encode(_card(), columns=12), scale=3, padding=20).save(path)
    assert main(["idscan", "parse", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["fields"][wire.STATE_ID] == "D1234562"


def test_text_that_is_not_a_barcode_exits_1(tmp_path, capsys):
    path = tmp_path / "note.txt"
    path.write_text("JANE DOE 1990-01-15", encoding="utf-8")
    assert main(["idscan", "parse", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a driver's licence or ID card barcode" in captured.err
    assert "JANE" not in captured.err


def test_an_image_without_a_barcode_exits_1(tmp_path, capsys):
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("L", (120, 80), 255).save(path)
    assert main(["idscan", "parse", str(path)]) == 1
    assert "No ID card barcode was found" in capsys.readouterr().err


@pytest.mark.parametrize("content", [None, b"\x89PNG\r\n\x1a\ntruncated"])
def test_unreadable_file_exits_2(tmp_path, capsys, content):
    path = tmp_path / "card.png"
    if content is not None:
        path.write_bytes(content)
    assert main(["idscan", "parse", str(path)]) == 2
    assert capsys.readouterr().err.startswith("intake idscan: ")
