"""``intake consent export --csv FILE [--signatures DIR]``: every marketing-consent record, for the
store's compliance officer.

The export decrypts the phone number, email or address each consent applies to, so it needs
the station's data key from the OS keyring, and the file it writes is readable by its owner only.
With ``--signatures``, each signature given on screen is written as ``DIR/<consent_id>.png``
(owner-only), the file whose SHA-256 the CSV's ``signature_sha256`` column names.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys

from app.audit import AuditLog
from app.commands._common import add_export_action, csv_target, fail, record_export, report_stream
from app.config import ConfigError, load_config
from app.consent import CSV_COLUMNS, ConsentLog
from app.credentials import CredentialsError, SecretStore
from app.crypto import Cipher, DecryptError
from app.datakey import station_data_key
from app.storage import StorageError

EXIT_OK = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = add_export_action(
        actions,
        summary="write every consent record to a CSV file (holds personal data: created owner-only)",
        description="Write every consent record, oldest first, to a CSV file with the columns: "
        + ", ".join(CSV_COLUMNS)
        + ". The applies_to column is decrypted; the file is created readable by its owner only.",
    )
    export.add_argument(
        "--signatures", metavar="DIR",
        help="also write each on-screen signature as DIR/<consent_id>.png (created owner-only)",
    )


def _fail(message: str) -> int:
    return fail("consent", message)


def run(args: argparse.Namespace) -> int:
    try:
        config = load_config()
    except ConfigError as exc:
        return _fail(str(exc))
    try:
        cipher = Cipher(station_data_key(SecretStore(), config.data_dir))
    except (CredentialsError, StorageError) as exc:
        return _fail(f"the data key is not available: {exc}")
    out = report_stream(args.csv)
    signatures_dir = getattr(args, "signatures", None)
    try:
        log = ConsentLog.open(config, cipher)
        rows = log.export_csv(csv_target(args.csv))
    except (DecryptError, StorageError) as exc:
        return _fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        return _fail(f"cannot write {args.csv}: {exc}")
    details = {"reason": "consent_export", "rows": rows}
    signatures = None
    if signatures_dir:
        try:
            signatures = log.export_signatures(signatures_dir)
        except DecryptError as exc:
            return _fail(str(exc))
        except (OSError, sqlite3.Error) as exc:
            return _fail(f"cannot write the signatures to {signatures_dir}: {exc}")
        details["count"] = signatures.written  # signatures written
    # Exporting personal data is itself worth a line in the audit trail.
    record_export(lambda: AuditLog.open(config), args, details)
    print(f"wrote {rows} consent records to {args.csv}", file=out)
    if signatures is not None:
        print(f"wrote {signatures.written} signatures to {signatures_dir}", file=out)
        if signatures.altered:
            print(f"intake consent: {len(signatures.altered)} signatures no longer match their records and were not "
                  f"written (integrity column: signature_altered): {', '.join(signatures.altered)}", file=sys.stderr)
    return EXIT_OK
