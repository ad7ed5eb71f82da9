"""The intake wizard's state and navigation, without Qt.

The Qt shell renders this object: it sets values as the clerk types, asks which messages to
show, and moves between steps. Everything that decides (which step comes next, whether Next
may advance, where focus goes, which type is proposed) is here and tested without a window.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

from app import wire
from app.i18n import Message
from app.steps import FORM_FIELDS, REVIEW, STEP_KEYS, STEPS, Step, step_of
from app.validation import FORM, Errors, ValidationContext, build_body, proposed_type, validate_record

__all__ = [
    "COMPLETE", "NEEDS_INPUT", "OPTIONAL", "REVIEW", "SKIPPED", "STEPS", "STEP_KEYS", "IntakeWizard", "Step",
    "empty_values", "step_of",
]

# What a step is for this customer, as the step list shows it.
NEEDS_INPUT = "needs_input"  # something required is missing or wrong: the clerk's work is here
COMPLETE = "complete"  # filled in, nothing wrong
OPTIONAL = "optional"  # nothing required, nothing filled in (offers, documents no rule asks for)
SKIPPED = "skipped"  # does not apply to this customer (the medical step for a recreational one)
_MEDICAL_STEP = STEP_KEYS.index("medical")
# Offers are asked once there is something to send them to: the consent step waits for the
# clerk's visit while the customer has an email or a phone number and no offer is answered yet.
_CONSENT_STEP = STEP_KEYS.index("consent")
_CONTACTS = (wire.EMAIL, wire.PHONE, wire.CELL_PHONE)
# What the proposed customer type depends on (app.validation.proposed_type).
_TYPE_INPUTS = (wire.DATE_OF_BIRTH, wire.HAS_MEDICAL_RECOMMENDATION, wire.RECOMMENDATION_NUMBER, wire.MEDICAL_ID)

A = wire.ADDRESS + "."
_BOOL_FIELDS = frozenset({wire.HAS_MEDICAL_RECOMMENDATION, *wire.MARKETING_FIELDS})
_META = "_wizard"


def empty_values() -> dict[str, Any]:
    values: dict[str, Any] = {name: "" for name in FORM_FIELDS}
    for name in _BOOL_FIELDS:
        values[name] = False
    values[wire.MANUAL_GROUPS] = []
    values[wire.DOCUMENTS] = []
    values[A + wire.COUNTRY] = ""
    return values


class IntakeWizard:
    """One intake in progress: values keyed by form field name, the step stack, what the
    clerk has finished editing (messages stay quiet before that), and extra problems that do
    not come from the rules (a document that failed its check, a server's rejection)."""

    def __init__(self, jurisdiction: str, today: date | None = None) -> None:
        self.jurisdiction = jurisdiction
        self.today = today
        self.values = empty_values()
        self.type_chosen = False
        self.touched: set[str] = set()
        self.extra_errors: Errors = {}
        self._history: list[int] = [0]
        self.visited: set[int] = {0}
        self._cache: Errors | None = None

    # --- values ---------------------------------------------------------------------
    @property
    def context(self) -> ValidationContext:
        return ValidationContext(self.jurisdiction, self.today, policy=True, type_chosen=self.type_chosen)

    def set_value(self, name: str, value: Any) -> None:
        if name not in self.values:
            raise KeyError(name)
        if self.values[name] == value:
            return
        self.values[name] = value
        if name == wire.TYPE:
            self.type_chosen = bool(value)
        self.extra_errors.pop(name, None)
        if name == wire.DOCUMENTS:
            for key in [k for k in self.extra_errors if k.startswith(wire.DOCUMENTS + ".")]:
                del self.extra_errors[key]
        self._cache = None

    def value(self, name: str) -> Any:
        return self.values[name]

    def fill(self, fields: Mapping[str, Any]) -> list[str]:
        """Set many values (from a scan or a file); nested ``address`` accepted. Returns the names set."""
        changed = []
        for name, value in fields.items():
            if name == wire.ADDRESS and isinstance(value, Mapping):
                changed += self.fill({A + k: v for k, v in value.items()})
            elif name in self.values and value is not None:
                self.set_value(name, value)
                changed.append(name)
        return changed

    def record(self) -> dict[str, Any]:
        """The record as the rules see it: wire-shaped, address nested, documents left out
        (their file ids exist only after upload), the local ID expiry kept for policy."""
        out: dict[str, Any] = {}
        address: dict[str, Any] = {}
        for name, value in self.values.items():
            if name == wire.DOCUMENTS:
                continue
            if name.startswith(A):
                address[name[len(A):]] = value
            else:
                out[name] = value
        out[wire.ADDRESS] = address
        if not self.type_chosen:
            out[wire.TYPE] = ""
        return out

    def proposed_type(self) -> str | None:
        # asked on every keystroke (the type's hint, the step list): worked out again only when
        # what it depends on changed
        key = (self.jurisdiction, self.today, *(repr(self.values[n]) for n in _TYPE_INPUTS))
        if getattr(self, "_proposed", (None,))[0] != key:
            self._proposed = (key, proposed_type(self.record(), self.context))
        return self._proposed[1]

    def effective_type(self) -> str | None:
        return self.values[wire.TYPE] if self.type_chosen else self.proposed_type()

    # --- messages -------------------------------------------------------------------
    def errors(self) -> Errors:
        if self._cache is None:
            errors = validate_record(self.record(), self.context)
            for name, messages in self.extra_errors.items():
                bucket = errors.setdefault(name, [])
                bucket.extend(m for m in messages if m not in bucket)
            self._cache = errors
        return self._cache

    def touch(self, name: str) -> None:
        """The clerk finished editing ``name`` once: its messages are shown from now on."""
        self.touched.add(name)

    def messages_for(self, name: str, *, show_all: bool = False) -> list[Message]:
        if not show_all and name not in self.touched:
            return []
        return list(self.errors().get(name, []))

    def step_errors(self, index: int) -> Errors:
        return {name: msgs for name, msgs in self.errors().items() if step_of(name) == index and index != REVIEW}

    def form_errors(self) -> list[Message]:
        return [m for name, msgs in self.errors().items() if step_of(name) == REVIEW for m in msgs]

    def add_errors(self, errors: Mapping[str, list[str]]) -> None:
        """Problems the rules cannot see (a server rejection, a bad document); shown at once."""
        for name, messages in errors.items():
            key = name if name in self.values or step_of(name) != REVIEW else FORM
            bucket = self.extra_errors.setdefault(key, [])
            bucket.extend(m if isinstance(m, Message) else Message(str(m)) for m in messages)
            self.touched.add(key)
        self._cache = None

    def steps_with_problems(self, *, shown_only: bool = True) -> set[int]:
        problems = set()
        for name in self.errors():
            if not shown_only or name in self.touched or name in self.extra_errors:
                problems.add(step_of(name))
        return problems

    # --- navigation -----------------------------------------------------------------
    @property
    def current(self) -> int:
        return self._history[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._history) > 1

    def first_invalid(self, index: int) -> str | None:
        step = STEPS[index]
        errors = self.step_errors(index)
        for name in step.fields:
            if any(key == name or key.startswith(name + ".") for key in errors):
                return name
        return next(iter(errors), None)

    def next(self) -> str | None:
        """Advance when the current step is valid. Returns None on success, else the field
        that needs attention (its messages are now shown)."""
        index = self.current
        invalid = self.first_invalid(index)
        if invalid is not None:
            for name in self.step_errors(index):
                self.touched.add(name)
            return invalid
        if index < REVIEW:
            self._history.append(index + 1)
            self.visited.add(index + 1)
        return None

    def needs_input(self, index: int) -> bool:
        """Whether the step holds something the rules require and is missing or wrong, for this
        customer's type and jurisdiction (messages shown or not), or a question still to ask (the
        offers, once there is an email or phone number to send them to)."""
        if index == REVIEW:
            return False
        return bool(self.step_errors(index)) or (index == _CONSENT_STEP and self._offers_to_ask())

    def _offers_to_ask(self) -> bool:
        return (_CONSENT_STEP not in self.visited and any(self._filled(n) for n in _CONTACTS)
                and not any(self.values[c] for c in wire.MARKETING_FIELDS))

    def status(self, index: int) -> str:
        """NEEDS_INPUT, COMPLETE, OPTIONAL or SKIPPED; Review is COMPLETE once nothing needs input."""
        if index == REVIEW:
            return NEEDS_INPUT if self.errors() else COMPLETE
        if self.needs_input(index):
            return NEEDS_INPUT
        filled = any(self._filled(name) for name in STEPS[index].fields if name != wire.TYPE)
        if index == _MEDICAL_STEP and not filled and not self._medical_customer():
            return SKIPPED
        return COMPLETE if filled else OPTIONAL

    def has_input(self) -> bool:
        """Whether anything of a customer is on screen (a blank intake has nothing to lose)."""
        return any(self._filled(name) for step in STEPS for name in step.fields)

    def _filled(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return bool(value.strip())
        return bool(value)

    def _medical_customer(self) -> bool:
        from app import policy

        kind = self.effective_type()
        try:
            return bool(kind) and policy.load_policy().customer_types[kind].medical
        except KeyError:
            return False

    def next_needing_input(self) -> int:
        """The first step after the current one that needs the clerk's input (then those before
        it, in order); Review when none does."""
        here = self.current
        for index in [*range(here + 1, REVIEW), *range(0, here)]:
            if self.needs_input(index):
                return index
        return REVIEW

    def advance(self) -> str | None:
        """Enter / Ctrl+Enter: like ``next`` but over the steps that need nothing, straight to the
        next one that needs input or to Review. Back returns to the step left."""
        invalid = self.first_invalid(self.current)
        if invalid is not None:
            return self.next()
        if self.current != REVIEW:
            self.go_to(self.next_needing_input())
        return None

    def back(self) -> bool:
        if not self.can_go_back:
            return False
        self._history.pop()
        self.visited.add(self.current)
        return True

    def go_to(self, index: int) -> None:
        """Jump (an Edit link on Review, a click in the step list); Back returns from it."""
        if not 0 <= index <= REVIEW:
            raise IndexError(index)
        if index != self.current:
            self._history.append(index)
            self.visited.add(index)

    def touch_all(self) -> None:
        self.touched.update(self.errors())

    def ready(self) -> bool:
        return not self.errors()

    def body(self) -> dict[str, Any]:
        """The request body without documents (uploaded at submit). Raises RecordInvalid."""
        return build_body(self.record(), self.context)

    # --- drafts ---------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """What a draft keeps: the values by field name (documents are stored beside it) and,
        under ``_wizard``, where the clerk was."""
        values = {k: copy.deepcopy(v) for k, v in self.values.items() if k != wire.DOCUMENTS}
        values[_META] = {"type_chosen": self.type_chosen, "touched": sorted(self.touched),
                         "history": list(self._history), "visited": sorted(self.visited)}
        return values

    @classmethod
    def restore(cls, snapshot: Mapping[str, Any], jurisdiction: str, today: date | None = None) -> IntakeWizard:
        wizard = cls(jurisdiction, today)
        for name, value in snapshot.items():
            if name in wizard.values and name != wire.DOCUMENTS:
                wizard.values[name] = value
        meta = snapshot.get(_META) if isinstance(snapshot.get(_META), Mapping) else {}
        wizard.type_chosen = bool(meta.get("type_chosen"))
        wizard.touched = {str(t) for t in meta.get("touched", [])}
        history = [i for i in meta.get("history", [0]) if isinstance(i, int) and 0 <= i <= REVIEW]
        wizard._history = history or [0]
        visited = meta.get("visited", wizard._history)
        wizard.visited = {i for i in visited if isinstance(i, int) and 0 <= i <= REVIEW} | set(wizard._history)
        return wizard
