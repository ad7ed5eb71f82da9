"""The HTTP transport of the API client: httpx's own, with two additions.

* Nagle's algorithm is off (as urllib3 does by default): httpx writes a request's headers and
  body in separate sends; with Nagle on, the body may wait for the server to acknowledge the
  headers, and a server that delays its ACKs then adds tens of milliseconds to a call.
* Every wait on the socket (connect, TLS handshake, each read, each slice of a write) ends at
  the current request's deadline (:func:`deadline`). httpx's timeouts bound one read at a
  time, so a server sending one byte a second would otherwise hold a call for as long as it
  likes; here the whole request, its slowly dripped reply included, ends at the deadline with
  the timeout error of the phase it was in.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import ssl
import time
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx

_SOCKET_OPTIONS = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
# A write is cut in slices so that a slow upload also stops at the deadline.
_WRITE_SLICE = 64 * 1024
# httpx's own defaults (httpx.HTTPTransport builds its pool with them).
_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("intake_request_deadline", default=None)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Run the enclosed request under a wall-clock limit of ``seconds`` (time.monotonic);
    yields the moment it ends. Applies to this thread's requests through :func:`new_transport`."""
    ends = time.monotonic() + seconds
    token = _deadline.set(ends)
    try:
        yield ends
    finally:
        _deadline.reset(token)


def _time_left(timeout: float | None, error: type[Exception]) -> float | None:
    ends = _deadline.get()
    if ends is None:
        return timeout
    left = ends - time.monotonic()
    if left <= 0.001:
        raise error("the request's time limit has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        for start in range(0, len(buffer), _WRITE_SLICE):
            self._inner.write(buffer[start : start + _WRITE_SLICE], _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, left, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, left, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    def __init__(self, verify: ssl.SSLContext | bool) -> None:
        super().__init__(verify=verify, socket_options=_SOCKET_OPTIONS)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify),
            max_connections=_LIMITS.max_connections,
            max_keepalive_connections=_LIMITS.max_keepalive_connections,
            keepalive_expiry=_LIMITS.keepalive_expiry,
            socket_options=_SOCKET_OPTIONS,
            network_backend=_DeadlineBackend(),
        )


def new_transport(verify: ssl.SSLContext | bool = True) -> httpx.HTTPTransport:
    """httpx's transport with Nagle's algorithm off and each request's deadline enforced."""
    return _DeadlineTransport(verify)
