"""The contract check: the field names we send, compared with the keys of the store's own
customer records as its POS returns them.

Up to N customers created recently are listed (the creation-date listing), then each is read by
its id (a listing may abbreviate records). Of each record only the key names are kept, never a
value. Every name we send (as the managed ``[wire_names]`` corrects it) is then:

* *confirmed*: the server uses it;
* *not seen*: in none of the records read; the field may simply be empty in all of them;
* for a name not seen, a server key spelled like it (``nickName``, ``nick_name``) is a suggested
  correction: one line of ``[wire_names]`` in the managed configuration.

Nothing is created or changed on the server.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from app import wire
from app.api.errors import ApiError, PlanNotAllowed
from app.doctor import OK, SKIPPED, WARNING, Check, msg
from app.i18n import QT_TRANSLATE_NOOP as N

CONTEXT = "Doctor"  # app.doctor.CONTEXT, written here for the translation tools
T_CONTRACT = N(CONTEXT, "Field names (contract)")
LOOK_BACK_DAYS = 90
# Keys of the server's records that are no body field of ours (SPEC.md's response members).
RESPONSE_KEYS = frozenset({wire.RESP_ID, wire.RESP_STATUS, wire.RESP_CREATED_AT})
REQUIRED = frozenset({wire.FIRST_NAME, wire.LAST_NAME, wire.DATE_OF_BIRTH, wire.HAS_MEDICAL_RECOMMENDATION,
                      wire.GENDER, wire.TYPE, wire.MANUAL_GROUPS})
_MAX_KEY = 64
_SIMILAR = 0.8


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _usable_key(key: object) -> bool:
    return isinstance(key, str) and 0 < len(key) <= _MAX_KEY and key.isprintable()


def record_keys(records: Iterable[dict[str, Any]]) -> tuple[set[str], set[str]]:
    """(top-level keys, address member keys) of the records, names only."""
    top: set[str] = set()
    members: set[str] = set()
    address_names = {wire.ADDRESS}
    for record in records:
        for key, value in record.items():
            if not _usable_key(key):
                continue
            top.add(key)
            if isinstance(value, dict) and (key in address_names or set(value) & set(wire.ADDRESS_MEMBERS)):
                members.update(k for k in value if _usable_key(k))
    return top, members


def similar(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate spelled most like ``name`` (same letters but case and separators, or close)."""
    pool = sorted(candidates)
    for candidate in pool:
        if _squash(candidate) == _squash(name):
            return candidate
    close = difflib.get_close_matches(_squash(name), [_squash(c) for c in pool], n=1, cutoff=_SIMILAR)
    if close:
        return next(c for c in pool if _squash(c) == close[0])
    return None


def compare(names: wire.WireNames, top: set[str], members: set[str]) -> dict[str, Any]:
    """Each field we send, confirmed or not seen, and suggestions for the ones not seen."""
    address_key = names.server_name(wire.ADDRESS)
    sent_top = {f: names.server_name(f) for f in wire.BODY_FIELDS}
    sent_members = {f"{wire.ADDRESS}.{m}": names.server_name(f"{wire.ADDRESS}.{m}").split(".", 1)[1]
                    for m in wire.ADDRESS_MEMBERS}
    confirmed: list[str] = []
    not_seen: list[str] = []
    for ours, theirs in sent_top.items():
        (confirmed if theirs in top else not_seen).append(ours)
    if address_key in top:
        for ours, theirs in sent_members.items():
            (confirmed if theirs in members else not_seen).append(ours)
    else:
        not_seen.extend(sent_members)
    unexplained_top = top - set(sent_top.values()) - RESPONSE_KEYS
    unexplained_members = members - set(sent_members.values())
    suggestions: dict[str, str] = {}
    for ours in not_seen:
        if "." in ours:
            found = similar(sent_members[ours], unexplained_members)
        else:
            found = similar(sent_top[ours], unexplained_top)
        if found is not None and found not in suggestions.values():
            suggestions[ours] = found
    return {
        "confirmed": confirmed,
        "not_seen": not_seen,
        "suggestions": suggestions,
        "other_server_keys": sorted((unexplained_top | {f"{address_key}.{m}" for m in unexplained_members})
                                    - set(suggestions.values())),
        "sent_as": {ours: theirs for ours, theirs in {**sent_top, **{
            k: f"{address_key}.{v}" for k, v in sent_members.items()}}.items() if theirs != ours},
    }


def read_recent(client: Any, records: int, today: datetime | None = None) -> list[dict[str, Any]]:
    """Up to ``records`` customers created in the last LOOK_BACK_DAYS days, each read by its id."""
    today_date = (today or datetime.now(UTC)).date()
    listed = client.list_customers(today_date - timedelta(days=LOOK_BACK_DAYS), today_date, limit=records)
    found: list[dict[str, Any]] = []
    for item in listed[-records:]:
        customer_id = item.get(wire.RESP_ID)
        full = None
        if customer_id is not None:
            try:
                full = client.get_customer(customer_id)
            except (ApiError, ValueError):
                full = None
        found.append(full or item)
    return found


def _toml_key(name: str) -> str:
    return f'"{name}"' if "." in name else name


def contract_checks(config: Any, client: Any, records: int) -> Iterator[Check]:
    title = msg(T_CONTRACT)
    if client is None:
        yield Check("contract", title, SKIPPED, msg(N(CONTEXT, "Not checked: the stored key could not be used.")))
        return
    if records < 1:
        yield Check("contract", title, SKIPPED, msg(N(CONTEXT, "Not checked: no records asked for.")))
        return
    try:
        read = read_recent(client, records)
    except PlanNotAllowed:
        yield Check("contract", title, WARNING, msg(N(CONTEXT, "The store's plan does not allow listing "
                                                               "customers, so the names could not be compared.")))
        return
    except ApiError as exc:
        yield Check("contract", title, WARNING, msg(N(CONTEXT, "The customers could not be read: {reason}"),
                                                    reason=exc.message))
        return
    if not read:
        yield Check("contract", title, WARNING,
                    msg(N(CONTEXT, "No customer was created in the last {days} days, so the names could not be "
                                   "compared."), days=LOOK_BACK_DAYS),
                    msg(N(CONTEXT, "Run the check again once the store has registered customers.")),
                    {"records": 0})
        return
    names = wire.WireNames(dict(getattr(config, "wire_names", ()) or ()))
    top, members = record_keys(read)
    result = compare(names, top, members)
    data = {"records": len(read), **result}
    counts = {"records": len(read), "confirmed": len(result["confirmed"]), "not_seen": len(result["not_seen"])}
    found = msg(N(CONTEXT, "{records} recent customers read: {confirmed} names confirmed, {not_seen} not seen."),
                **counts)
    if result["suggestions"]:
        lines = ", ".join(f'{_toml_key(ours)} = "{theirs}"' for ours, theirs in result["suggestions"].items())
        yield Check("contract", title, WARNING, found,
                    msg(N(CONTEXT, "The POS seems to use other names. After checking with the vendor, add to the "
                                   "managed configuration under [wire_names]: {lines}"), lines=lines), data)
        return
    missing = sorted(REQUIRED & set(result["not_seen"]))
    if missing:
        yield Check("contract", title, WARNING, found,
                    msg(N(CONTEXT, "Required fields never seen in the POS's records: {names}. Ask the vendor which "
                                   "names it uses."), names=", ".join(missing)), data)
        return
    yield Check("contract", title, OK, found, data=data)
