"""The audit events an intake leaves when it is submitted and sent, for the window and the
command line alike, so a customer created by ``intake submit`` or ``intake outbox sync`` is
recorded exactly as one created from the window.

``submit_events(outcome, entry)``: after a Submit (the window's button, ``intake submit``),
``submitted`` then ``created``, ``retry_scheduled`` or ``rejected``.
``sync_events(report, skip)``: after a drain of the outbox (the window's background drain,
``intake outbox sync``), one ``created`` per customer created (``reason: adopted`` when it was
found on the server after an uncertain attempt), except for the entries in ``skip`` whose
submit already recorded them.

Events name the intake by its draft id (the one id an intake has from its first keystroke to
its creation), falling back to the outbox entry id for intakes that never had a draft. Their
details carry counts, codes and field names only; ``app.audit`` refuses anything else.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app import wire
from app.audit import (
    CREATED,
    DOCUMENTS_DETAIL,
    REJECTED,
    RETRY_SCHEDULED,
    SUBMITTED,
    UPDATE_SUBMITTED,
    UPDATED,
    AuditError,
    AuditLog,
)
from app.credentials import CredentialsError
from app.outbox import EntryKind, EntryState

_FIELD_NAMES = frozenset(wire.BODY_FIELDS) | {f"{wire.ADDRESS}.{m}" for m in wire.ADDRESS_MEMBERS}


@dataclass(frozen=True)
class IntakeEvent:
    event: str
    intake_id: str | None
    customer_id: str | int | None = None
    details: Mapping[str, Any] | None = None


def canonical_intake_id(value: str | None) -> str | None:
    """The intake id as the audit and consent logs store it (a dashed uuid), or None."""
    if not value:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return None


def intake_id_of(entry: Any) -> str | None:
    """An outbox entry's (or a created intake's) intake id: its draft id when it had one, else its own id."""
    return canonical_intake_id(getattr(entry, "draft_id", None) or getattr(entry, "id", None)
                               or getattr(entry, "entry_id", None))


def outcome_of(entry: Any) -> str:
    """created, needs_attention, failed or queued: where a submitted entry stands."""
    return {EntryState.CREATED: "created", EntryState.NEEDS_ATTENTION: "needs_attention",
            EntryState.FAILED: "failed"}.get(entry.state, "queued")


def field_names(errors: Mapping[str, Any]) -> list[str]:
    """The form fields a rejection concerned, as the audit log accepts them (``documents.0.type`` -> documents)."""
    names = set()
    for key in errors:
        name = str(key)
        if name not in _FIELD_NAMES:
            name = name.split(".")[0]
        if name in _FIELD_NAMES:
            names.add(name)
    return sorted(names)


def submit_events(outcome: str, entry: Any) -> list[IntakeEvent]:
    """The events of one Submit whose entry ended ``outcome`` (see ``outcome_of``); for an update
    of a POS customer, ``update_submitted`` then ``updated`` in place of ``submitted``/``created``."""
    intake = intake_id_of(entry)
    update = getattr(entry, "kind", EntryKind.CREATE) == EntryKind.UPDATE
    if update:
        events = [IntakeEvent(UPDATE_SUBMITTED, intake, customer_id=entry.customer_id)]
    else:
        events = [IntakeEvent(SUBMITTED, intake, details={DOCUMENTS_DETAIL: int(entry.document_count or 0)})]
    if outcome == "created":
        events.append(IntakeEvent(UPDATED if update else CREATED, intake, customer_id=entry.customer_id))
    elif outcome == "queued":
        events.append(IntakeEvent(RETRY_SCHEDULED, intake, details={"attempt": int(entry.attempts)}))
    else:
        details: dict[str, Any] = {"reason": outcome}
        fields = field_names(entry.field_errors or {})
        if fields:
            details["fields"] = fields
        events.append(IntakeEvent(REJECTED, intake, details=details))
    return events


def sync_events(report: Any, skip: Collection[str] = ()) -> list[IntakeEvent]:
    """A ``created`` event for each customer a drain created (``updated`` for each update the POS
    took), but those of the entries in ``skip``."""
    events = [
        IntakeEvent(CREATED, intake_id_of(created), customer_id=created.customer_id,
                    details={"reason": "adopted"} if created.adopted else None)
        for created in getattr(report, "created", [])
        if created.entry_id not in skip
    ]
    events += [IntakeEvent(UPDATED, intake_id_of(done), customer_id=done.customer_id)
               for done in getattr(report, "updated", []) if done.entry_id not in skip]
    return events


def record(audit: AuditLog, clerk: str, events: Iterable[IntakeEvent]) -> None:
    """Append the events, in order (AuditError, OSError or sqlite3.Error when one cannot be written)."""
    for e in events:
        audit.append(e.event, clerk=clerk, intake_id=e.intake_id, customer_id=e.customer_id, details=e.details)


def record_in_station_log(station: Any, clerk: str, events: Iterable[IntakeEvent]) -> str | None:
    """Append the events to ``station``'s audit log (the command line's way); None when written, else
    why not, for a warning: the intake's own outcome stands either way."""
    events = list(events)
    if not events:
        return None
    try:
        record(AuditLog.open(station.config, station.secrets), clerk, events)
    except (AuditError, CredentialsError, OSError, sqlite3.Error) as exc:
        return str(exc) or type(exc).__name__
    return None
