"""``intake outbox list|sync|retry|discard|resume``: what waits to be sent, and sending it now.

The list shows no personal data by default (ids, states, times, counters, the POS customer
id); ``--labels`` adds the short display name ("J. Smith") for the clerk at the desk.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from app.commands._common import clerk_of, fail
from app.config import ConfigError, load_config
from app.credentials import CredentialsError
from app.intake_events import record_in_station_log, sync_events
from app.outbox import EntryBusy, EntryKind, EntryNotFound, EntryState, OutboxEntry, WrongState
from app.storage import StorageError
from app.sync import SyncReport

EXIT_OK = 0
EXIT_UNUSABLE = 2
EXIT_PENDING = 3
DEFAULT_WAIT = 30.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="show the outbox's entries", description="Show the outbox's entries.")
    listing.add_argument("--json", action="store_true", help="print a JSON array instead of a table")
    listing.add_argument("--labels", action="store_true", help="add each entry's short display name")
    sync = actions.add_parser(
        "sync",
        help="send every waiting entry now (exit 0 when nothing remains to send, 3 when entries wait)",
        description="Send every waiting entry now, without waiting for its next scheduled attempt. "
        "Exit 0 when nothing remains to send, 3 when entries still wait.",
    )
    sync.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help=f"keep retrying server errors for up to this long (default {DEFAULT_WAIT:g}; offline stops at once)",
    )
    sync.add_argument("--clerk", help="who sends, for the audit trail of the customers created (default: the login "
                      "name)")
    for name, help_text in (
        ("retry", "send an entry that needs attention or failed again, as it is"),
        ("discard", "remove an entry that is not being sent, with its personal data"),
    ):
        sub = actions.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        sub.add_argument("entry", metavar="ID", help="the entry's id (a unique beginning is enough)")
    actions.add_parser(
        "resume",
        help="send again after an admin stored a new API key",
        description="Lift the pause set when the POS refused the API key.",
    )


def open_station():
    """The configured station (its keyring, data directory and outbox). Raises ConfigError,
    CredentialsError or StorageError with a message fit for the terminal."""
    from app.station import Station  # the station pulls in the HTTP client: only when needed

    return Station(load_config())


def send_now(command: str, station, entry_id: str, wait: float) -> SyncReport | None:
    """Send the entry just queued (``intake submit``, ``intake update``), waiting up to ``wait``
    seconds for another sender; None, said on standard error, when sending failed: it stays
    queued and 'intake outbox sync' sends it."""
    try:
        return station.syncer.drain(wait=max(0.0, wait), only=[entry_id])
    except Exception as exc:  # queued all the same
        print(f"intake {command}: queued as {entry_id}, not sent: {type(exc).__name__}: {exc}. "
              "'intake outbox sync' sends it.", file=sys.stderr)
        return None


def summary(report: SyncReport) -> str:
    parts = [
        f"created {len(report.created)}",
        f"needs attention {len(report.needs_attention)}",
        f"failed {len(report.failed)}",
        f"still queued {report.remaining}",
    ]
    line = ", ".join(parts)
    if report.paused:
        line += f" (paused: {report.pause_message})"
    elif report.busy:
        line += " (another sender on this station is sending them)"
    elif report.offline:
        line += " (offline: no connection to the POS server)"
    elif report.stopped_reason == "rate_limited":
        line += " (the POS server asked to slow down)"
    elif report.stopped_reason == "server":
        line += " (the POS server is failing)"
    return line


def _when(timestamp: float | None) -> str:
    """A stored moment as local time; "" when absent or not a moment (NaN, years past 9999)."""
    if not timestamp:
        return ""
    try:
        return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M:%S")
    except (OverflowError, OSError, ValueError, TypeError):
        return ""


def _as_json(entry: OutboxEntry, labels: bool) -> dict[str, object]:
    data: dict[str, object] = {
        "id": entry.id,
        "kind": entry.kind.value,
        "state": entry.state.value,
        "created_at": _when(entry.created_at),
        "updated_at": _when(entry.updated_at),
        "attempts": entry.attempts,
        "next_attempt_at": _when(entry.next_attempt_at) if entry.pending else None,
        "uncertain": entry.uncertain,
        "last_error": entry.last_error,
        "customer_id": entry.customer_id,
        "customer_status": entry.customer_status,
        "documents": entry.document_count,
    }
    if labels:
        data["label"] = entry.label
    return data


def _table(entries: list[OutboxEntry], labels: bool) -> str:
    headers = ["ID", "STATE", "UPDATED", "ATTEMPTS", "CUSTOMER", "LAST ERROR"]
    if labels:
        headers.insert(1, "NAME")
    rows = []
    for e in entries:
        state = "updated" if e.kind == EntryKind.UPDATE and e.state is EntryState.CREATED else e.state.value
        if e.kind == EntryKind.UPDATE and e.pending:
            state += " (update)"
        row = [e.id[:12], state, _when(e.updated_at), str(e.attempts),
               "" if e.customer_id is None else str(e.customer_id), e.last_error or ""]
        if labels:
            row.insert(1, e.label or "")
        rows.append(row)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def _resolve(outbox, prefix: str) -> str:
    matches = [e.id for e in outbox.entries() if e.id.startswith(prefix.strip().lower())]
    if len(matches) != 1:
        raise EntryNotFound(f"no entry is {prefix!r}" if not matches else f"{prefix!r} matches several entries")
    return matches[0]


def run(args: argparse.Namespace) -> int:
    command = f"outbox {args.action}"
    try:
        station = open_station()
    except (ConfigError, CredentialsError, StorageError) as exc:
        return fail(command, str(exc))
    try:
        outbox = station.outbox
        if args.action == "list":
            entries = outbox.entries()
            if args.json:
                print(json.dumps([_as_json(e, args.labels) for e in entries], indent=2, ensure_ascii=False))
            elif entries:
                print(_table(entries, args.labels))
            else:
                print("The outbox is empty.")
            paused = outbox.paused()
            if paused and not args.json:
                print(f"Sending is paused: {paused}", file=sys.stderr)
            return EXIT_OK
        if args.action == "sync":
            from app.sending_setup import SetupProblem, check_sending_setup  # with the HTTP client: only here

            try:
                check_sending_setup(station)  # no key, plain http to another host, an unreadable CA bundle
            except SetupProblem as exc:
                return fail(command, str(exc))
            report = station.syncer.drain(wait=max(0.0, args.wait), ignore_schedule=True)
            print(summary(report))
            problem = record_in_station_log(station, clerk_of(args), sync_events(report))
            if problem:
                print(f"intake {command}: the audit trail could not be written: {problem}", file=sys.stderr)
            return EXIT_OK if report.remaining == 0 else EXIT_PENDING
        if args.action == "resume":
            outbox.resume()
            print("Sending resumed; run 'intake outbox sync' to send now.")
            return EXIT_OK
        entry_id = _resolve(outbox, args.entry)
        if args.action == "retry":
            outbox.retry(entry_id)
            print(f"{entry_id} is queued again.")
        else:
            outbox.discard(entry_id)
            print(f"{entry_id} is discarded.")
        return EXIT_OK
    except (EntryNotFound, WrongState, EntryBusy) as exc:
        return fail(command, exc.args[0] if exc.args else str(exc))
    finally:
        station.close()
