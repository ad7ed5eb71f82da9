"""The Spanish and French catalogues: complete, faithful to their sources' placeholders, and
used by the window (labels, step titles, buttons and validation messages)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app import wire
from app.fields import label
from app.i18n import Message
from app.steps import STEPS
from app.sync import MSG_RATE
from ui.i18n import tr_stored
from ui.selftest import type_text
from ui.translation_sources import ROOT, WINDOW_CONTEXT, extract, read_ts, source_files
from ui.translations import LANGUAGES, compile_ts, qm_path, ts_path

# {name}, {name:.0f}, %s, %d, %1 ... and a literal %% (which formats to %).
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\d+|[sd%])")
_MNEMONIC = re.compile(r"&\w")


def _messages(language: str) -> list[tuple[str, str, ET.Element]]:
    out = []
    for context in ET.parse(ts_path(language)).getroot().iter("context"):
        for message in context.iter("message"):
            out.append((context.findtext("name"), message.findtext("source"), message.find("translation")))
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(language):
    messages = _messages(language)
    assert len(messages) > 300
    for context, source, translation in messages:
        where = f"{language} {context}: {source!r}"
        assert translation is not None and translation.get("type") is None, f"unfinished: {where}"
        assert (translation.text or "").strip(), f"empty: {where}"
        assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(translation.text)), where
        assert len(_MNEMONIC.findall(translation.text)) == len(_MNEMONIC.findall(source)), f"mnemonic: {where}"


def test_no_text_in_the_source_is_missing_from_the_catalogues():
    extraction = extract()
    assert extraction.problems == []
    assert len(extraction.messages) > 300
    for language in LANGUAGES:
        translated = {key for key, (_text, finished) in read_ts(ts_path(language)).items() if finished}
        missing = sorted(set(extraction.messages) - translated)
        assert missing == [], f"run python -m ui.translation_sources and translate: {language} {missing[:10]}"


def test_the_source_reader_finds_everything_lupdate_finds(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.is_file():
        pytest.skip("pyside6-lupdate is not installed")
    out = tmp_path / "lupdate.ts"
    started = time.monotonic()
    subprocess.run([str(lupdate), "-silent", *map(str, source_files()), "-ts", str(out)], check=True, timeout=30,
                   cwd=ROOT)
    if time.monotonic() - started > 10:
        pytest.skip("lupdate is too slow here for a quick test")
    ours = set(extract().messages)
    for context in ET.parse(out).getroot().iter("context"):
        name = context.findtext("name") or ""
        # lupdate names the context of window.tr(...) after the variable ("window") or leaves it
        # empty for an alias (tr = self.window.tr); at run time it is the window's class.
        name = WINDOW_CONTEXT if name in ("", "window") else name
        for message in context.iter("message"):
            assert (name, message.findtext("source")) in ours


def test_the_reader_handles_the_conventions_of_this_code(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "m.py").write_text(
        'from app.i18n import QT_TRANSLATE_NOOP as N\n'
        '_C = "Ctx"\n'
        'A = N(_C, "marked " "twice")\n'
        'def _tr(text):\n    return QCoreApplication.translate("Helper", text)\n'
        'class Page:\n'
        '    def a(self):\n        self.tr("own")\n        _tr("helped")\n        translate("Steps", self.title)\n'
        '    def b(self):\n        tr = self.window.tr\n        tr("aliased")\n        window.tr("direct")\n'
        '    def c(self):\n        self.tr(f"bad {x}")\n        other.tr("who")\n',
        encoding="utf-8")
    extraction = extract([tmp_path / "app" / "m.py"], root=tmp_path)
    assert set(extraction.messages) == {("Ctx", "marked twice"), ("Page", "own"), ("Helper", "helped"),
                                        (WINDOW_CONTEXT, "aliased"), (WINDOW_CONTEXT, "direct")}
    assert len(extraction.problems) == 2


def test_a_stale_catalogue_is_compiled_again_and_a_missing_compiler_leaves_english(tmp_path, monkeypatch):
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda *a, **k: str(tmp_path / "cache"))
    qm = qm_path("fr")
    assert qm is not None and qm.is_file() and tmp_path in qm.parents
    assert qm_path("fr") == qm  # fresh: reused
    qm.unlink()
    monkeypatch.setattr("ui.translations.find_lrelease", lambda: None)
    assert qm_path("fr") is None
    assert compile_ts(ts_path("fr"), tmp_path / "x.qm") is False


# --- the window in another language ----------------------------------------------------------
@pytest.fixture
def window_in(open_window, tmp_path):
    def opener(language: str):
        return open_window(data_dir=tmp_path / language, language=language, jurisdiction="QC", active=True)

    return opener


def _catalogue(language: str) -> dict[tuple[str, str], str]:
    return {key: text for key, (text, _finished) in read_ts(ts_path(language)).items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_window_speaks_the_configured_language(qtbot, window_in, language):
    window = window_in(language)
    ts = _catalogue(language)
    titles = [ts[("Steps", step.title)] for step in STEPS]
    assert titles[0] != STEPS[0].title
    assert window.title.text() == titles[0]
    # (a step's status mark, "  ✓" or "  –", may follow its title)
    assert [window.steps.item(i).text().split("  ")[0] for i in range(window.steps.count())] == [
        f"{i + 1}. {t}" for i, t in enumerate(titles)]
    assert window.next_button.text() == ts[(WINDOW_CONTEXT, "&Next")]
    first = window.findChild(QLabel, f"{wire.FIRST_NAME}.label")
    assert first.text().replace("&", "") == ts[("Fields", label(wire.FIRST_NAME))]
    assert window.editor(wire.FIRST_NAME).accessibleName() == ts[("Fields", label(wire.FIRST_NAME))]

    # A bad email: the message appears, in the language, once the clerk leaves the field.
    email = window.editor(wire.EMAIL)
    email.setFocus()
    assert email.hasFocus()
    type_text(email, "nobody-at-example")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    message = window.findChild(QLabel, f"{wire.EMAIL}.message")
    expected = Message(ts[("Validation", "{label} must be an address like name@example.com")], "Validation",
                       label=ts[("Fields", label(wire.EMAIL))])
    qtbot.waitUntil(lambda: message.isVisible() and message.text() == expected, timeout=2000)
    assert expected in email.accessibleDescription()

    # Sentences stored in English (an outbox entry's error) are shown translated too.
    stored = MSG_RATE.format(seconds=30)
    assert tr_stored(stored) == ts[("Sync", MSG_RATE)].replace("{seconds:.0f}", "30")
    assert window.findChild(QPushButton, "submit").text() == ts[(WINDOW_CONTEXT, "&Submit")]
