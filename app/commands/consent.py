"""``intake consent export --csv FILE``: every marketing-consent record, for the store's compliance officer.

The export decrypts the phone number, email or address each consent applies to, so it needs
the station's data key from the OS keyring, and the file it writes is readable by its owner only.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import sys

from app.audit import EXPORTED, AuditError, AuditLog
from app.commands.audit import add_clerk_argument, clerk_of
from app.config import ConfigError, load_config
from app.consent import CSV_COLUMNS, ConsentLog
from app.credentials import CredentialsError, SecretStore
from app.crypto import Cipher, DecryptError

EXIT_OK = 0
EXIT_UNUSABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write every consent record to a CSV file (holds personal data: created owner-only)",
        description="Write every consent record, oldest first, to a CSV file with the columns: "
        + ", ".join(CSV_COLUMNS)
        + ". The applies_to column is decrypted; the file is created readable by its owner only.",
    )
    export.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write ('-' for standard output)")
    add_clerk_argument(export)


def _fail(message: str) -> int:
    print(f"intake consent: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def run(args: argparse.Namespace) -> int:
    try:
        config = load_config()
    except ConfigError as exc:
        return _fail(str(exc))
    try:
        cipher = Cipher(SecretStore().data_key())
    except CredentialsError as exc:
        return _fail(f"the data key is not available: {exc}")
    target = sys.stdout if args.csv == "-" else args.csv
    try:
        rows = ConsentLog.open(config, cipher).export_csv(target)
    except DecryptError as exc:
        return _fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        return _fail(f"cannot write {args.csv}: {exc}")
    # Exporting personal data is itself worth a line in the audit trail; failing to write it
    # does not undo an export that succeeded.
    with contextlib.suppress(AuditError, OSError, sqlite3.Error):
        AuditLog.open(config).append(EXPORTED, clerk=clerk_of(args), details={"reason": "consent_export", "rows": rows})
    print(f"wrote {rows} consent records to {args.csv}", file=sys.stderr if args.csv == "-" else sys.stdout)
    return EXIT_OK
