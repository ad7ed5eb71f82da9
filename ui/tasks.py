"""One way to run work off the UI thread: ``run_task(fn, on_done, on_error)``.

``fn`` runs on the global QThreadPool; the callbacks run on the main thread, through a
queued signal, with the result or the exception. Nothing else in the window spawns threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # reported to the main thread, never lost in the pool
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


_live: set[_Relay] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> None:
    relay = _Relay()  # lives on the main thread: its signals are delivered there
    _live.add(relay)

    def finish(callback, value):
        _live.discard(relay)
        relay.deleteLater()
        if callback is not None:
            callback(value)
        elif isinstance(value, BaseException):
            log.error("background task failed: %s", type(value).__name__)

    # The result arrives as a posted event; the callback runs from a zero timer instead, so the
    # layout and painting it causes come in the next turn of the event loop, not in the same
    # batch of posted events: no single turn holds the window for both.
    relay.done.connect(lambda result: QTimer.singleShot(0, lambda: finish(on_done, result)))
    relay.failed.connect(lambda exc: QTimer.singleShot(0, lambda: finish(on_error, exc)))
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Let running tasks finish (at exit), so no write is cut short."""
    return QThreadPool.globalInstance().waitForDone(msecs)
