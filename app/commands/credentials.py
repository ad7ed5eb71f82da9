"""``intake credentials set|clear|status|export-data-key|import-data-key``: the API key and the
data key in the OS keyring.

The API key is never an argument (it would land in the shell history and the process list):
it is typed at a hidden prompt, or read as one line from standard input when piped.

The data key encrypts the drafts, the outbox and the consent records. An admin saves it at
setup (``export-data-key FILE``, a new owner-only file, or ``--print`` for a code to write
down) and restores it if the keyring ever loses it (``import-data-key FILE``, or the code at
a hidden prompt); an import is refused unless the key opens this station's stored data.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.config import ConfigError, load_config
from app.credentials import CredentialsError, SecretStore, normalize_api_url
from app.datakey import export_code, import_data_key, parse_code, read_export, station_data_key, write_export
from app.storage import StorageError

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
    export = actions.add_parser(
        "export-data-key",
        help="save the data key (it encrypts drafts, the outbox and consents) to restore it later",
        description="Save the data key, which encrypts the drafts, the outbox and the consent records, so it "
        "can be restored if the keyring loses it: to FILE (created new, readable by you only; never "
        "overwritten), or printed as a code to write down with --print. Keep it offline, away from "
        "the data folder. A fresh station makes its key here.",
    )
    export.add_argument("file", nargs="?", metavar="FILE", help="the new file to write")
    export.add_argument("--print", dest="print_code", action="store_true", help="print the key as a code instead")
    restore = actions.add_parser(
        "import-data-key",
        help="restore the data key from its export file or code (refused unless it opens the stored data)",
        description="Restore the data key saved with export-data-key: from FILE, or typed as the code at a "
        "hidden prompt (or one line on standard input). The key is checked against the stored drafts, "
        "outbox and consent records first; a key that does not open them is refused and nothing changes.",
    )
    restore.add_argument("file", nargs="?", metavar="FILE", help="the file written by export-data-key")


def _fail(message: str) -> int:
    print(f"intake credentials: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def _read_key(api_url: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"API key for {api_url} (not shown): ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line


def _read_code() -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Data key code (not shown): ")
    return sys.stdin.readline() if sys.stdin is not None else ""


def _data_key(args: argparse.Namespace) -> int:
    try:
        folder = Path(load_config().data_dir)
    except ConfigError as exc:
        return _fail(str(exc))
    store = SecretStore()
    try:
        if args.action == "export-data-key":
            if bool(args.file) == bool(args.print_code):
                return _fail("give the FILE to write, or --print (one of the two)")
            key = station_data_key(store, folder)
            if args.print_code:
                print(export_code(key))
                print("Write this code down and keep it safe, away from this computer: with it the station's "
                      "data key can be restored ('intake credentials import-data-key').", file=sys.stderr)
                return EXIT_OK
            try:
                write_export(Path(args.file), key)
            except FileExistsError:
                return _fail(f"{args.file} exists already: an export never overwrites a file, give a new name")
            except OSError as exc:
                return _fail(f"cannot write {args.file}: {exc.strerror or exc}")
            print(f"The data key is saved in {args.file} (readable by you only). Keep it offline, away from "
                  "this computer: it restores the key if the keyring loses it.")
            return EXIT_OK
        try:
            key = read_export(Path(args.file)) if args.file else parse_code(_read_code())
        except OSError as exc:
            return _fail(f"cannot read {args.file}: {exc.strerror or exc}")
        except ValueError as exc:
            return _fail(f"nothing changed: {exc}")
        if import_data_key(store, folder, key):
            print(f"The data key is restored in {store.backend_name()}; the station's data opens with it.")
        else:
            print("This data key is already the one in the keyring; nothing was changed.")
        return EXIT_OK
    except (CredentialsError, StorageError) as exc:
        return _fail(str(exc))


def run(args: argparse.Namespace) -> int:
    if args.action in ("export-data-key", "import-data-key"):
        return _data_key(args)
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
