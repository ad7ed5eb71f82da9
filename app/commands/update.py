"""``intake update CUSTOMER_ID FILE.json``: change fields of a customer the POS holds.

FILE holds only the fields to change (wire names; null clears a field). They are checked by
the create's rules against the customer as the POS holds it (read first; offline, the fields
alone), put in the outbox as one update and sent (``PATCH /customers/{id}``), with the
outbox's guarantees: kept when the POS cannot be reached, retried, never lost.

Exit codes: 0 updated (the customer's JSON on standard output), 1 refused, by the checks here
or by the POS, with the field messages as JSON (also: no such customer, or a POS plan that
does not allow updates), 2 unusable input, configuration or keyring, or a setup that stops
every send (nothing is queued), 3 queued, to be sent later (see ``intake outbox list``).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Mapping
from typing import Any

from app.api.errors import ApiError
from app.audit import AuditError, AuditLog
from app.commands._common import IntakeFileError, clerk_of, fail, read_intake
from app.commands.outbox import DEFAULT_WAIT, open_station, send_now, summary
from app.config import ConfigError
from app.consent import ConsentLog, applies_to
from app.consent_withdrawals import given_channels, withdraw, withdrawn_channels
from app.credentials import CredentialsError
from app.intake_events import outcome_of, record_in_station_log, submit_events
from app.outbox import EntryState
from app.sending_setup import SetupProblem, check_sending_setup
from app.storage import StorageError
from app.sync import MSG_UPDATE_GONE, MSG_UPDATE_PLAN
from app.updates import UpdateProblem, build_changes, validate_changes
from app.validation import ValidationContext, as_plain

EXIT_UPDATED = 0
EXIT_REFUSED = 1
EXIT_UNUSABLE = 2
EXIT_QUEUED = 3
_COMMAND = "update"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("customer_id", metavar="CUSTOMER_ID", help="the customer's id in the POS")
    parser.add_argument("file", metavar="FILE.json",
                        help="a JSON object of the fields to change (wire names; null clears one; '-' for stdin)")
    parser.add_argument("--wait", type=float, default=DEFAULT_WAIT, metavar="SECONDS",
                        help=f"keep retrying server errors for up to this long (default {DEFAULT_WAIT:g})")
    parser.add_argument("--clerk", help="who updates, for the audit trail (default: the login name)")
    parser.epilog = (
        "Exit status: 0 updated (the customer's JSON printed); 1 refused, with the field messages as JSON "
        "(also: no such customer, or a POS plan without updates); 2 unusable file, configuration or keyring, "
        "or a setup that stops every send: nothing is queued; 3 queued, to be sent later."
    )


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def run(args: argparse.Namespace) -> int:
    customer_id = str(args.customer_id).strip()
    if not customer_id or len(customer_id) > 64 or not customer_id.replace("-", "").isalnum():
        return fail(_COMMAND, f"{args.customer_id!r} is not a customer id")
    try:
        changes = read_intake(args.file)
    except IntakeFileError as exc:
        return fail(_COMMAND, str(exc))
    if not isinstance(changes, Mapping):
        return fail(_COMMAND, "the file must hold a JSON object of the fields to change")
    try:
        station = open_station()
    except (ConfigError, CredentialsError, StorageError) as exc:
        return fail(_COMMAND, str(exc))
    try:
        return _update(station, int(customer_id) if customer_id.isdigit() else customer_id, dict(changes), args)
    finally:
        station.close()


def _current(station, customer_id: int | str) -> tuple[dict[str, Any] | None, str | None]:
    """The customer as the POS holds it, or (None, why it is unknown); ("", None) means no such customer."""
    try:
        with station.client() as client:
            found = client.get_customer(customer_id)
    except (ApiError, CredentialsError, ValueError) as exc:
        return None, str(exc)
    return (found if found is not None else {}), None


def _update(station, customer_id: int | str, changes: dict[str, Any], args: argparse.Namespace) -> int:
    ctx = ValidationContext(jurisdiction=station.config.jurisdiction)
    base, unknown_why = _current(station, customer_id)
    if base == {}:
        _print_json({"updated": False, "message": str(MSG_UPDATE_GONE)})
        return EXIT_REFUSED
    if unknown_why:
        print(f"intake {_COMMAND}: the customer could not be read from the POS ({unknown_why}); "
              "the fields are checked on their own.", file=sys.stderr)
    errors = validate_changes(changes, ctx, base)
    for channel in given_channels(base or {}, changes):
        # A new consent needs its disclosure read and the customer's evidence: the window takes those.
        errors.setdefault(channel, []).append(
            "turning marketing on is a new consent: record it in the window, where the disclosure is shown")
    if errors:
        _print_json({"valid": False, "errors": as_plain(errors)})
        return EXIT_REFUSED
    try:
        check_sending_setup(station)
    except SetupProblem as exc:
        return fail(_COMMAND, f"not queued: {exc}")
    try:
        body = build_changes(changes, ctx, base)
    except UpdateProblem as exc:
        _print_json({"valid": False, "errors": as_plain(exc.errors)})
        return EXIT_REFUSED
    entry_id = station.outbox.enqueue_update(customer_id, body, label_from=base)
    _record_withdrawals(station, args, customer_id, entry_id, base or {}, body)
    report = send_now(_COMMAND, station, entry_id, args.wait)
    if report is None:
        return EXIT_QUEUED
    entry = station.outbox.get(entry_id)
    _record(station, args, entry)
    if entry.state is EntryState.CREATED:
        done = next((u for u in report.updated if u.entry_id == entry_id), None)
        _print_json(done.customer if done and done.customer else {"id": customer_id})
        return EXIT_UPDATED
    if entry.state is EntryState.NEEDS_ATTENTION:
        _print_json({"updated": False, "entry_id": entry_id, "message": entry.last_error,
                     "errors": entry.field_errors, "form_errors": entry.form_errors})
        return EXIT_REFUSED
    if entry.state is EntryState.FAILED:
        refused = entry.last_error in (MSG_UPDATE_GONE, MSG_UPDATE_PLAN)
        print(f"intake {_COMMAND}: not sent: {entry.last_error} The update is kept in the outbox as {entry_id}"
              + ("; 'intake outbox discard' removes it." if refused else "; 'intake outbox retry' sends it again."),
              file=sys.stderr)
        return EXIT_REFUSED if refused else EXIT_QUEUED
    print(f"intake {_COMMAND}: queued as {entry_id} to be sent later: {summary(report)}. "
          "'intake outbox sync' sends it.", file=sys.stderr)
    return EXIT_QUEUED


def _record_withdrawals(station, args, customer_id, entry_id: str, base: dict, body: dict) -> None:
    """Each marketing channel turned off is a withdrawal in the consent log (and the audit trail)."""
    channels = withdrawn_channels(base, body)
    if not channels:
        return
    try:
        audit = AuditLog.open(station.config, station.secrets)
        path = ConsentLog.open(station.config, station.cipher).path  # the stores' checks first
        for channel in channels:
            withdraw(path, station.cipher, channel, clerk=clerk_of(args), customer_id=customer_id,
                     intake_id=entry_id, applies_to=applies_to(base, channel) or "", audit=audit)
    except (AuditError, CredentialsError, OSError, sqlite3.Error, StorageError, ValueError) as exc:
        print(f"intake {_COMMAND}: the withdrawal could not be recorded in the consent log: {exc}", file=sys.stderr)


def _record(station, args: argparse.Namespace, entry) -> None:
    """update_submitted, then updated, retry_scheduled or rejected, as the window records them."""
    problem = record_in_station_log(station, clerk_of(args), submit_events(outcome_of(entry), entry))
    if problem:
        print(f"intake {_COMMAND}: the audit trail could not be written: {problem}", file=sys.stderr)

