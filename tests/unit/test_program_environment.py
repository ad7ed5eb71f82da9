"""The environment the program's entry point sets before any command is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = "PYDANTIC_DISABLE_PLUGINS"

# Builds the rules' models, then tells whether pydantic looked for plugins (read the installed
# packages' entry points): its cache of them is filled only when it did.
_PROBE = """
import sys
from app.cli import set_program_environment
if sys.argv[1] == "entry":
    set_program_environment()
import app.validation
from pydantic.plugin import _loader
print("looked" if _loader._plugins is not None else "not looked")
"""


def test_the_entry_point_turns_pydantic_plugins_off_before_any_command(monkeypatch):
    monkeypatch.delenv(PLUGINS, raising=False)
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert os.environ[PLUGINS] == "__all__"


def test_a_value_already_set_is_kept(monkeypatch):
    monkeypatch.setenv(PLUGINS, "some_plugin")
    cli.set_program_environment()
    assert os.environ[PLUGINS] == "some_plugin"


@pytest.mark.parametrize(("how", "expected"), [("entry", "not looked"), ("bare", "looked")])
def test_pydantic_honours_it_and_looks_for_no_plugin(how, expected):
    env = {k: v for k, v in os.environ.items() if k != PLUGINS}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-c", _PROBE, how], env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    assert out.stdout.strip() == expected


def test_a_start_with_no_word_on_the_line_opens_the_window_as_the_parser_would(monkeypatch):
    assert vars(cli.window_defaults()) == vars(cli.build_parser([]).parse_args([]))
    ran = []

    class Window:
        @staticmethod
        def run(args):
            ran.append(vars(args))
            return 0

    monkeypatch.setattr(cli, "set_program_environment", lambda: None)  # not this test's process
    monkeypatch.setattr(cli, "_load", lambda name: Window if name == "ui.launch" else None)
    monkeypatch.setattr(cli, "build_parser", lambda argv=None: pytest.fail("the parser was built"))
    assert cli.main([]) == 0
    assert ran == [vars(cli.window_defaults())]
