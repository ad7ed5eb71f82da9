"""The sandbox's front door: the API key check and the scripted faults, in front of the
routes. Faults act first, as a proxy or a failing gateway would, before the key is read.

Dropping a connection needs the socket, which ASGI does not expose: the server puts a
callable that closes the connection into ``scope["extensions"][CLOSE_EXTENSION]``
(see app.sandbox.server). Without it a drop falls back to a 502.

A fault that reshapes the reply (drip, huge_body, customer_id_override) lets the request be
processed as usual and changes only what goes back (see :class:`_Reshaped`).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import hmac
import json
import time
from collections.abc import Callable, Iterator

from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import wire
from app.sandbox.api import API_PREFIX, API_ROUTES, FILES_PREFIX, FILES_ROUTES
from app.sandbox.control import CONTROL_PREFIX, CONTROL_ROUTES
from app.sandbox.faults import Fault
from app.sandbox.state import SandboxState

CLOSE_EXTENSION = "intake.sandbox.close_connection"


def build_app(state: SandboxState) -> ASGIApp:
    """The whole sandbox as one ASGI application."""
    routes = Starlette(
        routes=[
            Mount(API_PREFIX, routes=API_ROUTES),
            Mount(FILES_PREFIX, routes=FILES_ROUTES),
            Mount(CONTROL_PREFIX, routes=CONTROL_ROUTES),
        ]
    )
    routes.state.sandbox = state
    return Gate(state, routes)


def _below_prefix(path: str) -> str | None:
    """The path below the vendor prefix (``/customers``), or None outside the vendor's API."""
    for prefix in (API_PREFIX, FILES_PREFIX):
        if path.startswith(prefix + "/"):
            return path[len(prefix):]
    return None


async def _send_json(
    send: Send, status: int, payload: object, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps(payload).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *(headers or [])],
    })
    await send({"type": "http.response.body", "body": body})


async def _drain(receive: Receive) -> None:
    """Read the rest of the request so that closing the socket sends a clean FIN (unread
    bytes would make the kernel answer with a reset instead)."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def _buffered(receive: Receive) -> Receive:
    """Read the whole request body now; the returned receive replays it, then passes through."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    replay: list[Message] = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

    async def replaying_receive() -> Message:
        return replay.pop() if replay else await receive()

    return replaying_receive


async def _discard(message: Message) -> None:
    return None


class Gate:
    def __init__(self, state: SandboxState, app: ASGIApp) -> None:
        self.state = state
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._dated(send)
        below = _below_prefix(scope["path"])
        fault = self.state.faults.take(scope["method"], below) if below is not None else None
        if fault is None:
            await self._authorized(scope, receive, send)
            return
        await self._misbehave(fault, scope, receive, send)

    def _dated(self, send: Send) -> Send:
        """``send`` with a ``Date`` header from the sandbox's clock (``clock_offset`` seconds ahead)."""
        state = self.state

        async def dated_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                now = time.time() + state.settings.clock_offset
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"date"]
                headers.append((b"date", email.utils.formatdate(now, usegmt=True).encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        return dated_send

    async def _authorized(self, scope: Scope, receive: Receive, send: Send) -> None:
        given = ""
        wanted_header = wire.HEADER_API_KEY.lower().encode()
        for name, value in scope["headers"]:
            if name == wanted_header:
                given = value.decode("latin-1")
                break
        if not hmac.compare_digest(given.encode(), self.state.settings.api_key.encode()):
            await _drain(receive)
            message = f"missing or wrong API key (send it in the {wire.HEADER_API_KEY} header)"
            await _send_json(send, 401, {wire.ERR_MESSAGE: message})
            return
        await self.app(scope, receive, send)

    async def _misbehave(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        if fault.delay:
            # The request has arrived in full before the server dawdles, so a client that
            # gives up waiting still leaves a request that gets processed, as on a real server.
            receive = await _buffered(receive)
            await asyncio.sleep(fault.delay)
        if fault.drop:
            await _drain(receive)
            await _close(scope, receive, send)
        elif fault.drop_after_write:
            await self._authorized(scope, receive, _discard)
            await _close(scope, receive, send)
        elif fault.status is not None:
            await _drain(receive)
            headers = []
            if fault.retry_after is not None:
                value = fault.retry_after if isinstance(fault.retry_after, str) else f"{fault.retry_after:g}"
                headers.append((wire.HEADER_RETRY_AFTER.lower().encode(), value.encode("ascii")))
            await _send_json(send, fault.status, {wire.ERR_MESSAGE: f"sandbox fault: status {fault.status}"}, headers)
        elif fault.reshapes_reply:
            await self._authorized(scope, receive, _Reshaped(fault, send, receive))
        else:  # only a delay: a slow but otherwise normal reply
            await self._authorized(scope, receive, send)


_PADDING_CHUNK = 64 * 1024


class _Reshaped:
    """The ASGI ``send`` of a reply changed on its way out: the whole reply is held back, its
    id replaced (``customer_id_override``, successful JSON objects only), then sent with
    ``huge_body`` bytes of JSON whitespace after it (chunked, announcing no length), a byte
    every ``drip`` seconds if asked.
    A client that gives up ends the dripping."""

    def __init__(self, fault: Fault, send: Send, receive: Receive) -> None:
        self.fault = fault
        self._send = send
        self._receive = receive
        self._start: Message | None = None
        self._body: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._start = message
        elif message["type"] == "http.response.body" and self._start is not None:
            self._body.append(message.get("body", b""))
            if not message.get("more_body", False):
                await self._reply(self._start, b"".join(self._body))
        else:
            await self._send(message)

    async def _reply(self, start: Message, body: bytes) -> None:
        fault = self.fault
        if fault.customer_id_override is not None and 200 <= start["status"] < 300:
            body = _with_id(body, fault.customer_id_override)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        if not fault.huge_body:  # a huge reply goes chunked: the client learns its size only by reading
            headers.append((b"content-length", str(len(body)).encode()))
        await self._send({**start, "headers": headers})
        gone = asyncio.Event()
        watcher = asyncio.create_task(self._watch(gone))
        try:
            for part in self._parts(body):
                if gone.is_set():
                    return
                await self._send({"type": "http.response.body", "body": part, "more_body": True})
                if fault.drip:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(gone.wait(), fault.drip)
                else:
                    await asyncio.sleep(0)  # lets a disconnect be noticed
            await self._send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            watcher.cancel()

    def _parts(self, body: bytes) -> Iterator[bytes]:
        """The reply, then the padding: a byte at a time when dripping, else in large pieces."""
        size = 1 if self.fault.drip else _PADDING_CHUNK
        for start in range(0, len(body), size):
            yield body[start : start + size]
        left = self.fault.huge_body
        while left > 0:
            yield b" " * min(left, size)
            left -= size

    async def _watch(self, gone: asyncio.Event) -> None:
        """Sets ``gone`` when the client disconnects (the request was read in full already)."""
        while (await self._receive())["type"] != "http.disconnect":
            pass
        gone.set()


def _with_id(body: bytes, customer_id: object) -> bytes:
    try:
        data = json.loads(body)
    except ValueError:
        return body
    if not isinstance(data, dict) or wire.RESP_ID not in data:
        return body
    return json.dumps({**data, wire.RESP_ID: customer_id}).encode()


async def _close(scope: Scope, receive: Receive, send: Send) -> None:
    close: Callable[[], object] | None = scope.get("extensions", {}).get(CLOSE_EXTENSION)
    if close is None:
        await _send_json(send, 502, {wire.ERR_MESSAGE: "sandbox fault: this server cannot drop connections"})
        return
    close()
    # Wait until the server has seen the connection go, so it does not try to answer.
    while (await receive())["type"] != "http.disconnect":
        pass

