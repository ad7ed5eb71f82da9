"""The ``intake`` command line. Each command lives in its own module under ``app.commands``
(or ``ui`` for the window), imported only when that command runs so ``intake validate``
never loads Qt."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app import __version__

# The environment the program runs in, set before any command is loaded (unless already set).
# Pydantic otherwise reads every installed package's metadata for plugins when the rules'
# first model is built (some 40 ms of the window's start-up); the program uses none.
PROGRAM_ENVIRONMENT: dict[str, str] = {"PYDANTIC_DISABLE_PLUGINS": "__all__"}

# command name -> (module, help). The module exposes add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("ui.launch", "open the intake window (the default)"),
    "sandbox": ("app.commands.sandbox", "run the local sandbox of the POS API"),
    "validate": ("app.commands.validate", "check an intake JSON file against the contract and policy"),
    "submit": ("app.commands.submit", "queue an intake JSON file in the outbox and send it"),
    "outbox": ("app.commands.outbox", "list or send what waits in the outbox"),
    "lookup": ("app.commands.lookup", "look a returning customer up in the POS by state ID"),
    "update": ("app.commands.update", "change fields of a customer the POS holds, through the outbox"),
    "credentials": ("app.commands.credentials", "the API key and the data key in the OS keyring"),
    "data": ("app.commands.data", "check the station's stores, or let a missing or damaged one start empty"),
    "idscan": ("app.commands.idscan", "read the data of an ID card barcode"),
    "consent": ("app.commands.consent", "export the marketing-consent records"),
    "audit": ("app.commands.audit", "export the audit trail"),
    "doctor": ("app.commands.doctor", "check the setup: connection, key, plan, clock, stores, field names"),
}


def _load(module_name: str):
    return importlib.import_module(module_name)


def _chosen_command(argv: list[str]) -> str | None:
    """The command named on the line (the first word that is one), before parsing."""
    return next((word for word in argv if word in COMMANDS), None)


def _top_parser() -> argparse.ArgumentParser:
    """The program's own options, without the commands."""
    parser = argparse.ArgumentParser(
        prog="intake",
        description="Customer-intake station: register dispensary customers in the POS, online or offline.",
    )
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window against an embedded sandbox with an in-memory keyring (no account needed)",
    )
    parser.add_argument(
        "--demo-plan",
        choices=("pro", "basic"),
        default="pro",
        help="with --demo: the vendor plan the sandbox plays (basic: state-ID lookups and updates answer 403)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window offscreen, run one scripted intake against an embedded sandbox, exit 0 on success",
    )
    return parser


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The full parser. With ``argv``, only the command it names loads its module (the others
    are listed by name), so ``intake --version`` or ``intake validate`` stays quick."""
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _chosen_command(argv) if argv is not None else None
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        p.set_defaults(_module=module_name)
        if name == "gui":
            # The window's module imports Qt; its two options are the top-level ones.
            p.add_argument("--demo", action="store_true", help=parser._option_string_actions["--demo"].help)
            p.add_argument("--demo-plan", choices=("pro", "basic"), default="pro",
                           help=parser._option_string_actions["--demo-plan"].help)
            continue
        if argv is not None and name != wanted:
            continue
        try:
            module = _load(module_name)
        except ImportError:
            continue
        module.add_arguments(p)
    return parser


def window_defaults() -> argparse.Namespace:
    """What ``build_parser().parse_args([])`` gives: the window, with every option at its default
    (the program's own options only: the commands' parsers are not built)."""
    return argparse.Namespace(**vars(_top_parser().parse_args([])), command=None)


def set_program_environment() -> None:
    for name, value in PROGRAM_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def main(argv: list[str] | None = None) -> int:
    set_program_environment()
    argv = sys.argv[1:] if argv is None else argv
    # Started from the desktop menu (no word on the line): the window, without building the
    # parser and its thirteen commands first (some 10 ms before the window's first paint).
    args = window_defaults() if not argv else build_parser(argv).parse_args(argv)
    module_name = getattr(args, "_module", None) or "ui.launch"
    try:
        module = _load(module_name)
    except ImportError as exc:
        print(f"intake: this command is not available in this build ({exc})", file=sys.stderr)
        return 2
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
