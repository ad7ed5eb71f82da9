"""``intake audit export --csv FILE | verify | list``: the station's audit trail.

The trail holds no personal data, so none of these needs the data key; each needs the audit
key from the OS keyring, which keys the trail's hash chain (see ``app.audit``).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys

from app.audit import CSV_COLUMNS, EVENTS, AuditLog
from app.commands._common import add_export_action, csv_target, fail, record_export, report_stream
from app.config import ConfigError, load_config
from app.credentials import CredentialsError
from app.storage import StorageError

EXIT_OK = 0
EXIT_BROKEN = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add_export_action(
        actions,
        summary="write the audit trail to a CSV file",
        description="Write every audit event, oldest first, to a CSV file with the columns: "
        + ", ".join(CSV_COLUMNS)
        + ". Each hash is HMAC-SHA256(audit key, prev_hash + row content), the audit key being kept in the OS "
        "keyring (rows before a chain_keyed event: plain sha256), so the chain can be checked from the file "
        "with the key.",
    )
    actions.add_parser(
        "verify",
        help="check the keyed hash chain; exit 0 intact, 1 with the first altered event",
        description="Check, with the audit key from the OS keyring, that no audit event was altered, removed or "
        "reordered, even by someone who recomputed the hashes. Exit 0 when intact, 1 naming the first broken "
        "event, 2 when the log or the key cannot be read.",
    )
    listing = actions.add_parser("list", help="print the latest audit events, newest first")
    listing.add_argument("--limit", type=int, default=50, help="how many events (default 50)")
    listing.add_argument("--event", choices=EVENTS, help="only events of this type")


def _fail(message: str) -> int:
    return fail("audit", message)


def run(args: argparse.Namespace) -> int:
    try:
        log = AuditLog.open(load_config())
    except ConfigError as exc:
        return _fail(str(exc))
    except CredentialsError as exc:
        return _fail(f"the audit key is not available: {exc}")
    except StorageError as exc:  # the log the station had is missing or damaged (kept aside)
        return _fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        return _fail(f"cannot open the audit log: {exc}")
    try:
        if args.action == "verify":
            broken = log.verify()
            if broken is not None:
                print(f"audit log altered: event {broken} does not match the chain", file=sys.stderr)
                return EXIT_BROKEN
            seq, digest = log.head()
            legacy = log.legacy_rows()
            before = f" (the first {legacy} from before the chain was keyed)" if legacy else ""
            print(f"audit log intact: {seq} events{before}, last hash {digest}")
            return EXIT_OK
        if args.action == "list":
            for e in log.entries(limit=max(args.limit, 0), event=args.event):
                details = json.dumps(dict(e.details), sort_keys=True, ensure_ascii=False) if e.details else ""
                line = [str(e.seq), e.at, e.event, e.clerk, e.intake_id or "-", e.customer_id or "-", details]
                print("  ".join(line).rstrip())
            return EXIT_OK
        rows = log.export_csv(csv_target(args.csv))
    except (OSError, sqlite3.Error) as exc:
        where = f"write {args.csv}" if args.action == "export" else "read the audit log"
        return _fail(f"cannot {where}: {exc}")
    record_export(lambda: log, args, {"reason": "audit_export", "rows": rows})
    print(f"wrote {rows} audit events to {args.csv}", file=report_stream(args.csv))
    return EXIT_OK
