"""The sandbox's memory: customers, uploaded files and customer groups.

The server thread and the embedding program (tests, the demo window) both touch the store,
so every method takes one lock; a check-then-insert such as the ``state_id`` uniqueness rule
happens under it in one step.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime

from app import rules, wire

STATUS_PENDING, STATUS_VERIFIED = wire.CUSTOMER_STATUSES


@dataclass(frozen=True)
class CustomerGroup:
    id: int
    name: str
    kind: str

    def as_wire(self) -> dict[str, object]:
        return {wire.GROUP_ID: self.id, wire.GROUP_NAME: self.name, wire.GROUP_KIND: self.kind}


# What a typical store has set up: a few groups the clerk assigns by hand and a couple the POS
# fills by itself (which the Create-customer call must not name).
SEEDED_GROUPS: tuple[CustomerGroup, ...] = (
    CustomerGroup(1, "Veterans", wire.GROUP_KIND_MANUAL),
    CustomerGroup(2, "Seniors", wire.GROUP_KIND_MANUAL),
    CustomerGroup(3, "Loyalty", wire.GROUP_KIND_MANUAL),
    CustomerGroup(4, "Staff", wire.GROUP_KIND_MANUAL),
    CustomerGroup(5, "First visit", wire.GROUP_KIND_AUTOMATIC),
    CustomerGroup(6, "Big spenders", wire.GROUP_KIND_AUTOMATIC),
)


class DuplicateStateId(Exception):
    """Another customer already holds this state ID."""


def normalize_state_id(value: str) -> str:
    """One card, one key: blanks, letter case, invisible and full-width characters do not make a
    new state ID (the shared rule of ``app.rules``, as the form and the duplicate check use it)."""
    try:
        return rules.state_id_key(value)
    except rules.FieldProblem:  # half a character: not a key of any stored customer
        return value


def _has_state_id(body: dict) -> bool:
    value = body.get(wire.STATE_ID)
    return isinstance(value, str) and not rules.is_blank(value)


@dataclass(frozen=True)
class Upload:
    id: int
    kind: str
    size: int
    filename: str | None
    created_at: datetime

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "size": self.size,
            "filename": self.filename,
            "created_at": self.created_at.isoformat(),
        }


class SandboxStore:
    """Thread-safe in-memory state of one sandbox. Returned dicts are copies."""

    def __init__(self, groups: tuple[CustomerGroup, ...] = SEEDED_GROUPS) -> None:
        self._lock = threading.Lock()
        self._groups = groups
        self._customers: list[dict] = []  # in creation order
        self._by_id: dict[int, dict] = {}
        self._by_state_id: dict[str, dict] = {}
        self._uploads: dict[int, Upload] = {}
        self._next_customer_id = 1
        self._next_upload_id = 1

    # --- groups ---------------------------------------------------------------------------
    def groups(self) -> list[dict[str, object]]:
        return [g.as_wire() for g in self._groups]

    def manual_group_ids(self) -> frozenset[int]:
        return frozenset(g.id for g in self._groups if g.kind == wire.GROUP_KIND_MANUAL)

    # --- customers ------------------------------------------------------------------------
    def create_customer(self, body: dict, *, created_at: datetime | None = None) -> dict:
        """Store a customer made of ``body`` plus ``id``, ``status`` and ``created_at``.

        Raises DuplicateStateId when the state ID is taken; the check and the insert are atomic.
        """
        created_at = created_at or datetime.now(UTC)
        with self._lock:
            state_id = self._state_id_of(body)
            if state_id is not None and state_id in self._by_state_id:
                raise DuplicateStateId(state_id)
            customer = {wire.RESP_ID: self._next_customer_id, **copy.deepcopy(body)}
            customer[wire.RESP_ID] = self._next_customer_id
            customer[wire.RESP_STATUS] = STATUS_VERIFIED if _has_state_id(body) else STATUS_PENDING
            customer[wire.RESP_CREATED_AT] = created_at.isoformat(timespec="seconds")
            self._next_customer_id += 1
            self._customers.append(customer)
            self._by_id[customer[wire.RESP_ID]] = customer
            if state_id is not None:
                self._by_state_id[state_id] = customer
            return copy.deepcopy(customer)

    def update_customer(self, customer_id: int, changes: dict) -> dict | None:
        """Set the changed fields (a None clears one); None when there is no such customer.
        Raises DuplicateStateId when a new state ID is another customer's; atomic like a create."""
        with self._lock:
            customer = self._by_id.get(customer_id)
            if customer is None:
                return None
            updated = {**customer, **copy.deepcopy(changes)}
            for name in [k for k, v in changes.items() if v is None]:
                updated.pop(name, None)
            old_id, new_id = self._state_id_of(customer), self._state_id_of(updated)
            if new_id is not None and new_id != old_id and new_id in self._by_state_id:
                raise DuplicateStateId(new_id)
            if old_id is not None:
                self._by_state_id.pop(old_id, None)
            if new_id is not None:
                self._by_state_id[new_id] = customer
            customer.clear()
            customer.update(updated)
            return copy.deepcopy(customer)

    @staticmethod
    def _state_id_of(customer: dict) -> str | None:
        return normalize_state_id(customer[wire.STATE_ID]) if _has_state_id(customer) else None

    def customer(self, customer_id: int) -> dict | None:
        with self._lock:
            found = self._by_id.get(customer_id)
            return copy.deepcopy(found) if found is not None else None

    def customer_by_state_id(self, state_id: str) -> dict | None:
        with self._lock:
            found = self._by_state_id.get(normalize_state_id(state_id))
            return copy.deepcopy(found) if found is not None else None

    def customers_created_between(
        self, start: date | None = None, end: date | None = None, limit: int | None = None
    ) -> list[dict]:
        """Customers whose creation date (UTC) lies in [start, end], oldest first."""
        found = []
        with self._lock:
            for c in self._customers:
                day = datetime.fromisoformat(c[wire.RESP_CREATED_AT]).astimezone(UTC).date()
                if (start is None or day >= start) and (end is None or day <= end):
                    found.append(copy.deepcopy(c))
                    if limit is not None and len(found) >= limit:
                        break
        return found

    def customers(self) -> list[dict]:
        with self._lock:
            return copy.deepcopy(self._customers)

    # --- uploads --------------------------------------------------------------------------
    def add_upload(self, kind: str, size: int, filename: str | None = None) -> Upload:
        with self._lock:
            upload = Upload(self._next_upload_id, kind, size, filename, datetime.now(UTC))
            self._uploads[upload.id] = upload
            self._next_upload_id += 1
            return upload

    def has_upload(self, upload_id: int) -> bool:
        with self._lock:
            return upload_id in self._uploads

    def uploads(self) -> list[dict[str, object]]:
        with self._lock:
            return [u.as_dict() for u in self._uploads.values()]

    def reset(self) -> None:
        """Forget customers and uploads. Groups stay, and ids keep counting up so that an id
        handed out before the reset can never name something created after it."""
        with self._lock:
            self._customers.clear()
            self._by_id.clear()
            self._by_state_id.clear()
            self._uploads.clear()
