"""The sandbox's front door: the API key check and the scripted faults, in front of the
routes. Faults act first, as a proxy or a failing gateway would, before the key is read.

Dropping a connection needs the socket, which ASGI does not expose: the server puts a
callable that closes the connection into ``scope["extensions"][CLOSE_EXTENSION]``
(see app.sandbox.server). Without it a drop falls back to a 502.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Callable

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
        below = _below_prefix(scope["path"])
        fault = self.state.faults.take(scope["method"], below) if below is not None else None
        if fault is None:
            await self._authorized(scope, receive, send)
            return
        await self._misbehave(fault, scope, receive, send)

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
                headers.append((wire.HEADER_RETRY_AFTER.lower().encode(), f"{fault.retry_after:g}".encode()))
            await _send_json(send, fault.status, {wire.ERR_MESSAGE: f"sandbox fault: status {fault.status}"}, headers)
        else:  # only a delay: a slow but otherwise normal reply
            await self._authorized(scope, receive, send)


async def _close(scope: Scope, receive: Receive, send: Send) -> None:
    close: Callable[[], object] | None = scope.get("extensions", {}).get(CLOSE_EXTENSION)
    if close is None:
        await _send_json(send, 502, {wire.ERR_MESSAGE: "sandbox fault: this server cannot drop connections"})
        return
    close()
    # Wait until the server has seen the connection go, so it does not try to answer.
    while (await receive())["type"] != "http.disconnect":
        pass

