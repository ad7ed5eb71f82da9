"""``intake credentials set|clear|status``: the API key in the OS keyring.

The key is never an argument (it would land in the shell history and the process list):
it is typed at a hidden prompt, or read as one line from standard input when piped.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.config import ConfigError, load_config
from app.credentials import CredentialsError, SecretStore, normalize_api_url

EXIT_OK = 0
EXIT_NOT_STORED = 1
EXIT_UNUSABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    described = {
        "set": "store the API key (typed at a hidden prompt, or one line on standard input)",
        "clear": "remove the stored API key",
        "status": "say whether an API key is stored and in which keyring (exit 1 when none is)",
    }
    for name, help_text in described.items():
        sub = actions.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        sub.add_argument(
            "--api-url",
            help="the POS API the key belongs to (default: the configured API URL)",
        )


def _fail(message: str) -> int:
    print(f"intake credentials: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def _read_key(api_url: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"API key for {api_url} (not shown): ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line


def run(args: argparse.Namespace) -> int:
    try:
        api_url = normalize_api_url(args.api_url or load_config().api_url)
    except (ConfigError, ValueError) as exc:
        return _fail(str(exc))
    store = SecretStore()
    try:
        where = store.backend_name()
        if args.action == "set":
            try:
                key = _read_key(api_url)
            except EOFError:
                key = ""
            try:
                store.set_api_key(api_url, key)
            except ValueError as exc:
                return _fail(f"nothing stored: {exc}")
            print(f"The API key for {api_url} is stored in {where}.")
            return EXIT_OK
        if args.action == "clear":
            if store.clear_api_key(api_url):
                print(f"The API key for {api_url} was removed from {where}.")
            else:
                print(f"No API key was stored for {api_url} in {where}.")
            return EXIT_OK
        if store.get_api_key(api_url) is None:
            print(f"No API key is stored for {api_url} (keyring: {where}).")
            return EXIT_NOT_STORED
        print(f"An API key for {api_url} is stored in {where}.")
        return EXIT_OK
    except CredentialsError as exc:
        return _fail(str(exc))
