"""``intake submit FILE.json``: check an intake, put it in the station's outbox and send it.

Exit codes: 0 created (the customer's JSON on standard output), 1 refused with field
messages (JSON on standard output: by the checks here, or by the POS), 2 unusable input,
configuration or keyring, or a setup that stops every send (no API key, an API address that
is not https, a CA bundle that cannot be read: nothing is queued), 3 kept in the outbox to be
sent later (offline, server trouble, sending paused, or an error an admin must fix; see
``intake outbox list``).
Once an intake is queued it stays in the outbox until created: nothing typed is lost. The
submit and its outcome are recorded in the audit trail, as the window records them.
"""

from __future__ import annotations

import argparse
import json
import sys

from app import wire
from app.commands._common import IntakeFileError, clerk_of, read_intake
from app.commands.outbox import DEFAULT_WAIT, fail, open_station, send_now, summary
from app.config import ConfigError
from app.credentials import CredentialsError
from app.documents import DocumentProblem, load_document
from app.intake_events import outcome_of, record_in_station_log, submit_events
from app.outbox import DocumentFile, EntryState
from app.sending_setup import SetupProblem, check_sending_setup
from app.storage import StorageError
from app.validation import ValidationContext, as_plain, build_body, validate_record

EXIT_CREATED = 0
EXIT_REJECTED = 1
EXIT_UNUSABLE = 2
EXIT_QUEUED = 3
_COMMAND = "submit"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.json",
                        help="the intake as a JSON object of wire fields, at most 1 MiB ('-' for stdin)")
    parser.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="TYPE=PATH",
        help=f"attach a JPEG, PNG or PDF file; TYPE is {' or '.join(wire.DOCUMENT_TYPES)} (repeatable)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help=f"keep retrying server errors for up to this long (default {DEFAULT_WAIT:g}; offline stops at once)",
    )
    parser.add_argument("--clerk", help="who submits, for the audit trail (default: the login name)")
    parser.epilog = (
        "Exit status: 0 created (the customer's JSON printed); 1 refused, with the field messages as JSON; "
        "2 unusable file, configuration or keyring, or a setup that stops every send (no API key, an address "
        "in plain http to another computer, an unreadable CA bundle): nothing is queued; 3 queued, to be sent later."
    )


def _documents(specs: list[str], max_bytes: int) -> list[DocumentFile]:
    documents = []
    for spec in specs:
        doc_type, sep, path = spec.partition("=")
        if not sep or doc_type not in wire.DOCUMENT_TYPES or not path:
            raise ValueError(f"--document takes TYPE=PATH with TYPE {' or '.join(wire.DOCUMENT_TYPES)}, not {spec!r}")
        try:
            checked = load_document(path, max_bytes)
        except DocumentProblem as exc:
            raise ValueError(str(exc.message)) from None
        documents.append(DocumentFile(checked.filename, checked.content_type, doc_type, checked.data))
    return documents


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def run(args: argparse.Namespace) -> int:
    try:
        record = read_intake(args.file)
    except IntakeFileError as exc:
        return fail(_COMMAND, str(exc))
    try:
        station = open_station()
    except (ConfigError, CredentialsError, StorageError) as exc:
        return fail(_COMMAND, str(exc))
    try:
        return _submit(station, record, args)
    finally:
        station.close()


def _submit(station, record: object, args: argparse.Namespace) -> int:
    config = station.config
    ctx = ValidationContext(jurisdiction=config.jurisdiction)
    errors = validate_record(record, ctx)
    if errors:
        _print_json({"valid": False, "errors": as_plain(errors)})
        return EXIT_REJECTED
    try:
        documents = _documents(args.document, config.max_document_bytes)
    except ValueError as exc:
        return fail(_COMMAND, str(exc))
    try:
        # A setup that stops every send (no key, plain http to another host, an unreadable CA bundle):
        # refuse before queueing, so nothing waits on a setting nobody has fixed yet.
        check_sending_setup(station, documents=bool(documents))
    except SetupProblem as exc:
        return fail(_COMMAND, f"not queued: {exc}")
    body = build_body(record, ctx)  # type: ignore[arg-type]  # validated above: a mapping
    entry_id = station.outbox.enqueue(body, documents)
    report = send_now(_COMMAND, station, entry_id, args.wait)
    if report is None:
        return EXIT_QUEUED
    entry = station.outbox.get(entry_id)
    problem = record_in_station_log(station, clerk_of(args), submit_events(outcome_of(entry), entry))
    if problem:
        print(f"intake submit: the audit trail could not be written: {problem}", file=sys.stderr)
    if entry.state is EntryState.CREATED:
        created = next((c for c in report.created if c.entry_id == entry_id), None)
        customer = created.customer if created and created.customer else {
            wire.RESP_ID: entry.customer_id, wire.RESP_STATUS: entry.customer_status}
        _print_json(customer)
        return EXIT_CREATED
    if entry.state is EntryState.NEEDS_ATTENTION:
        _print_json({
            "created": False,
            "entry_id": entry_id,
            "message": entry.last_error,
            "errors": entry.field_errors,
            "form_errors": entry.form_errors,
        })
        return EXIT_REJECTED
    if entry.state is EntryState.FAILED:
        print(f"intake submit: not sent: {entry.last_error} The intake is kept in the outbox as {entry_id}; "
              "after fixing the setup, 'intake outbox retry' sends it again.", file=sys.stderr)
        return EXIT_QUEUED
    print(f"intake submit: queued as {entry_id} to be sent later: {summary(report)}. "
          "'intake outbox sync' sends it.", file=sys.stderr)
    return EXIT_QUEUED
