"""Scripted and random failures of the sandbox, so the client's retry, back-off and
exactly-once logic can be exercised against a real server.

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
_KEYS = frozenset({STATUS, RETRY_AFTER, DELAY, DROP, DROP_AFTER_WRITE, PATH, METHOD, TIMES})

RANDOM_FAULT_STATUS = 503


class FaultError(ValueError):
    """A fault description that cannot be used; the message says why."""


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour.

    Exactly one outcome: ``status`` (reply with that error status; ``retry_after`` seconds go
    in a Retry-After header), ``drop`` (close the connection without processing the request),
    ``drop_after_write`` (process the request, then close the connection without replying), or
    none of these with a ``delay`` (a slow but normal reply). ``delay`` may also precede the
    others. ``path`` is a glob on the path below the API prefix (``/customers``,
    ``/customers/state-id/*``, ``/file/upload``); ``method`` narrows it further. ``times`` is
    how many matching requests the fault hits.
    """

    status: int | None = None
    retry_after: float | None = None
    delay: float = 0.0
    drop: bool = False
    drop_after_write: bool = False
    path: str | None = None
    method: str | None = None
    times: int = 1

    def __post_init__(self) -> None:
        outcomes = sum((self.status is not None, self.drop, self.drop_after_write))
        if outcomes > 1:
            raise FaultError("a fault has one outcome: status, drop or drop_after_write")
        if outcomes == 0 and self.delay <= 0:
            raise FaultError("a fault needs status, drop, drop_after_write or a positive delay")
        if self.status is not None and not 400 <= self.status <= 599:
            raise FaultError(f"a fault's status must be an HTTP error status (400-599), not {self.status}")
        if self.retry_after is not None and (self.status is None or self.retry_after < 0):
            raise FaultError("retry_after goes with a status and is a number of seconds, not negative")
        if self.delay < 0 or not math.isfinite(self.delay):
            raise FaultError("delay is a number of seconds, not negative")
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
                retry_after=_opt_number(raw.get(RETRY_AFTER), RETRY_AFTER),
                delay=_opt_number(raw.get(DELAY), DELAY) or 0.0,
                drop=_flag(raw.get(DROP), DROP),
                drop_after_write=_flag(raw.get(DROP_AFTER_WRITE), DROP_AFTER_WRITE),
                path=_opt_str(raw.get(PATH), PATH),
                method=(_opt_str(raw.get(METHOD), METHOD) or "").upper() or None,
                times=1 if times is None else times,
            )
        except TypeError as exc:
            raise FaultError(str(exc)) from exc

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method.upper():
            return False
        return self.path is None or fnmatch.fnmatchcase(path, self.path)

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v not in (None, False)}


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
