"""Scripted and random failures of the sandbox, so the client's retry, back-off and
exactly-once logic can be exercised against a real server, and its distrust of odd replies
(a reply dripped a byte at a time, a gigantic one, a Retry-After of 1e300, an absurd id).

A scripted fault is consumed by the next request it matches; faults wait in the order they
were scripted. When no scripted fault matches, the random rate may still answer 503.
"""

from __future__ import annotations

import fnmatch
import math
import random
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

# Keys of a fault as the control endpoint and script_faults() take it.
STATUS = "status"
RETRY_AFTER = "retry_after"
DELAY = "delay"
DROP = "drop"
DROP_AFTER_WRITE = "drop_after_write"
PATH = "path"
METHOD = "method"
TIMES = "times"
DRIP = "drip"
HUGE_BODY = "huge_body"
CUSTOMER_ID_OVERRIDE = "customer_id_override"
_KEYS = frozenset({STATUS, RETRY_AFTER, DELAY, DROP, DROP_AFTER_WRITE, PATH, METHOD, TIMES, DRIP, HUGE_BODY,
                   CUSTOMER_ID_OVERRIDE})
MAX_DRIP = 60.0  # seconds between two bytes
MAX_HUGE_BODY = 2**35  # bytes of padding (32 GiB)
_MAX_RETRY_AFTER_TEXT = 1000

RANDOM_FAULT_STATUS = 503


class FaultError(ValueError):
    """A fault description that cannot be used; the message says why."""


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour.

    Exactly one outcome: ``status`` (reply with that error status; ``retry_after`` goes in a
    Retry-After header: a number of seconds, or a string sent as it is, such as ``"1e300"``,
    ``"inf"`` or an HTTP-date), ``drop`` (close the connection without processing the request),
    ``drop_after_write`` (process the request, then close the connection without replying), or
    none of these: a normal reply, processed as usual but changed on its way out by any of
    ``drip`` (seconds between two bytes of the reply), ``huge_body`` (that many bytes of JSON
    whitespace streamed after the reply) and ``customer_id_override`` (the ``id`` a successful
    reply's JSON object shows instead of the real one; the store keeps the real one), or merely
    slowed by ``delay``. ``delay`` may also precede the others. ``path`` is a glob on the path
    below the API prefix (``/customers``, ``/customers/state-id/*``, ``/file/upload``);
    ``method`` narrows it further. ``times`` is how many matching requests the fault hits.
    """

    status: int | None = None
    retry_after: float | str | None = None
    delay: float = 0.0
    drop: bool = False
    drop_after_write: bool = False
    path: str | None = None
    method: str | None = None
    times: int = 1
    drip: float = 0.0
    huge_body: int = 0
    customer_id_override: int | float | str | None = None

    @property
    def reshapes_reply(self) -> bool:
        """Whether the normal reply is changed on its way out (drip, huge_body, customer_id_override)."""
        return bool(self.drip or self.huge_body) or self.customer_id_override is not None

    def __post_init__(self) -> None:
        outcomes = sum((self.status is not None, self.drop, self.drop_after_write))
        if outcomes > 1:
            raise FaultError("a fault has one outcome: status, drop or drop_after_write")
        if outcomes and self.reshapes_reply:
            raise FaultError("drip, huge_body and customer_id_override change a normal reply: not with "
                             "status, drop or drop_after_write")
        if outcomes == 0 and self.delay <= 0 and not self.reshapes_reply:
            raise FaultError("a fault needs status, drop, drop_after_write, drip, huge_body, "
                             "customer_id_override or a positive delay")
        if self.status is not None and not 400 <= self.status <= 599:
            raise FaultError(f"a fault's status must be an HTTP error status (400-599), not {self.status}")
        if self.retry_after is not None:
            if self.status is None:
                raise FaultError("retry_after goes with a status")
            if isinstance(self.retry_after, str):
                text = self.retry_after
                if not text.strip() or len(text) > _MAX_RETRY_AFTER_TEXT or not (text.isascii() and text.isprintable()):
                    raise FaultError(f"retry_after as text is 1 to {_MAX_RETRY_AFTER_TEXT} printable ASCII "
                                     "characters, sent as the header's value")
            elif not self.retry_after >= 0:
                raise FaultError("retry_after is a number of seconds, not negative (or a text sent as it is)")
        if self.delay < 0 or not math.isfinite(self.delay):
            raise FaultError("delay is a number of seconds, not negative")
        if not 0.0 <= self.drip <= MAX_DRIP:
            raise FaultError(f"drip is the seconds between two bytes of the reply, from 0 to {MAX_DRIP:g}")
        if not 0 <= self.huge_body <= MAX_HUGE_BODY:
            raise FaultError(f"huge_body is a number of bytes from 0 to {MAX_HUGE_BODY}")
        if self.times < 1:
            raise FaultError("times must be at least 1")

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object]) -> Fault:
        if not isinstance(raw, Mapping):
            raise FaultError("each fault is a JSON object such as {\"status\": 503}")
        unknown = set(raw) - _KEYS
        if unknown:
            raise FaultError(f"unknown fault keys: {', '.join(sorted(unknown))}")
        try:
            times = _opt_int(raw.get(TIMES), TIMES)
            return cls(
                status=_opt_int(raw.get(STATUS), STATUS),
                retry_after=_number_or_text(raw.get(RETRY_AFTER), RETRY_AFTER),
                delay=_opt_number(raw.get(DELAY), DELAY) or 0.0,
                drop=_flag(raw.get(DROP), DROP),
                drop_after_write=_flag(raw.get(DROP_AFTER_WRITE), DROP_AFTER_WRITE),
                path=_opt_str(raw.get(PATH), PATH),
                method=(_opt_str(raw.get(METHOD), METHOD) or "").upper() or None,
                times=1 if times is None else times,
                drip=_opt_number(raw.get(DRIP), DRIP) or 0.0,
                huge_body=_opt_int(raw.get(HUGE_BODY), HUGE_BODY) or 0,
                customer_id_override=_scalar(raw.get(CUSTOMER_ID_OVERRIDE), CUSTOMER_ID_OVERRIDE),
            )
        except TypeError as exc:
            raise FaultError(str(exc)) from exc

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method.upper():
            return False
        return self.path is None or fnmatch.fnmatchcase(path, self.path)

    def as_dict(self) -> dict[str, object]:
        # 0 and False are "not set", except for an id override (an id of 0 is a fault worth sending).
        return {k: v for k, v in asdict(self).items()
                if v is not None and (k == CUSTOMER_ID_OVERRIDE or (v is not False and v != 0))}


def _opt_int(value: object, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer")
    return value


def _opt_number(value: object, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number of seconds")
    return float(value)


def _number_or_text(value: object, name: str) -> float | str | None:
    if isinstance(value, str):
        return value
    try:
        return _opt_number(value, name)
    except TypeError:
        raise TypeError(f"{name} must be a number of seconds or a text") from None


def _scalar(value: object, name: str) -> int | float | str | None:
    if value is None or (isinstance(value, int | float | str) and not isinstance(value, bool)):
        return value
    raise TypeError(f"{name} must be a number or a string")


def _opt_str(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string")
    return value


def _flag(value: object, name: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be true or false")
    return value


def parse_faults(raw: object) -> list[Fault]:
    """Faults from JSON: a list of fault objects, one fault object, or ``{"faults": [...]}``."""
    if isinstance(raw, Mapping) and "faults" in raw:
        raw = raw["faults"]
    if isinstance(raw, Mapping | Fault):
        raw = [raw]
    if not isinstance(raw, list | tuple):
        raise FaultError("send a list of faults, e.g. [{\"status\": 503}, {\"delay\": 2}]")
    return [f if isinstance(f, Fault) else Fault.from_mapping(f) for f in raw]


class FaultPlan:
    """The queue of scripted faults plus the random fault rate. Thread-safe."""

    def __init__(self, rate: float = 0.0, seed: int | None = None) -> None:
        self._lock = threading.Lock()
        self._queue: list[list] = []  # [fault, hits left]
        self._rate = 0.0
        self._seed = seed
        self._rng = random.Random(seed)
        self.set_rate(rate, seed)

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def seed(self) -> int | None:
        return self._seed

    def set_rate(self, rate: float, seed: int | None = None) -> None:
        """Answer this share of requests (0.0 to 1.0) with a 503; a seed makes the draw repeatable."""
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0.0 <= rate <= 1.0:
            raise FaultError("the fault rate is a number from 0.0 to 1.0")
        with self._lock:
            self._rate = float(rate)
            self._seed = seed
            self._rng = random.Random(seed)

    def script(self, faults: Iterable[Fault | Mapping[str, object]] | object) -> None:
        parsed = parse_faults(faults)
        with self._lock:
            self._queue.extend([f, f.times] for f in parsed)

    def pending(self) -> list[dict[str, object]]:
        with self._lock:
            return [{**fault.as_dict(), TIMES: left} for fault, left in self._queue]

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    def take(self, method: str, path: str) -> Fault | None:
        """The fault the request ``method path`` meets, consuming it; None for a normal reply."""
        with self._lock:
            for entry in self._queue:
                fault, left = entry
                if fault.matches(method, path):
                    if left <= 1:
                        self._queue.remove(entry)
                    else:
                        entry[1] = left - 1
                    return fault
            if self._rate > 0.0 and self._rng.random() < self._rate:
                return Fault(status=RANDOM_FAULT_STATUS)
        return None
