"""SandboxServer: the sandbox on a real loopback socket, run by uvicorn in a background
thread, for the demo window, the integration tests and ``intake sandbox``."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from types import TracebackType

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.sandbox.api import API_PREFIX, FILES_PREFIX
from app.sandbox.faults import Fault
from app.sandbox.gate import CLOSE_EXTENSION, build_app
from app.sandbox.state import SandboxSettings, SandboxState
from app.sandbox.uploads import DEFAULT_MAX_UPLOAD_BYTES

_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 5.0


class _ClosableH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol that also hands the app a way to close the connection,
    so the sandbox can drop it without sending a byte (a fault real networks produce)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        app = self.app

        async def app_with_close(scope, receive, send):
            scope.setdefault("extensions", {})[CLOSE_EXTENSION] = transport.close
            await app(scope, receive, send)

        self.app = app_with_close


class _Server(uvicorn.Server):
    """Tells the starting thread when the socket accepts connections (or startup failed)."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().startup(sockets=sockets)
        finally:
            self.ready.set()


class SandboxError(RuntimeError):
    """The sandbox could not start or stop."""


class SandboxServer:
    """The POS vendor's API, played locally over HTTP.

    ``start()`` returns once the socket accepts connections; ``stop()`` ends it. Also a
    context manager. ``api_url`` and ``files_url`` are the two base URLs a client needs
    (they end in the vendor's ``/open_api/v2.3`` and ``/open_api/v2.2``). The Python methods
    below act on the same state as the ``/_sandbox`` control endpoints.
    """

    def __init__(
        self,
        api_key: str = "sandbox-key",
        jurisdiction: str = "CA",
        host: str = "127.0.0.1",
        port: int = 0,
        fault_rate: float = 0.0,
        plan: str = "pro",
        max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
        seed: int | None = None,
        *,
        rename: dict[str, str] | None = None,
        clock_offset: float = 0.0,
        log_level: str = "warning",
    ) -> None:
        """``rename``: fields the played POS calls by another name (our name -> its name, as a
        managed file's ``[wire_names]``); ``clock_offset``: seconds its clock runs ahead (negative:
        behind), as its ``Date`` header shows."""
        settings = SandboxSettings(
            api_key=api_key,
            jurisdiction=jurisdiction,
            plan=plan,
            max_upload_bytes=max_upload_bytes,
            fault_rate=fault_rate,
            seed=seed,
            rename=dict(rename or {}),
            clock_offset=clock_offset,
        )
        self.state = SandboxState(settings)
        self.host = host
        self._requested_port = port
        self._log_level = log_level
        self._socket: socket.socket | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None

    # --- life cycle ---------------------------------------------------------------------
    def start(self) -> SandboxServer:
        if self._thread is not None:
            raise SandboxError("the sandbox is already running")
        # Binding here, in the caller's thread, makes a busy port fail loudly in start()
        # and makes port 0 resolve to a known free port before the server runs.
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto given explicitly: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets
        # that say they are TCP, and with it on, every keep-alive reply waits ~40 ms for an ACK.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            if os.name != "nt":  # on Windows this option would let two servers share a port
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self._requested_port))
            sock.listen(128)
        except OSError as exc:
            sock.close()
            raise SandboxError(f"cannot listen on {self.host}:{self._requested_port} ({exc})") from exc
        self._socket = sock
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            build_app(self.state),
            http=_ClosableH11Protocol,
            ws="none",
            lifespan="off",
            access_log=False,
            log_config=None,
            log_level=self._log_level,
            server_header=False,
            date_header=False,  # the sandbox writes its own, from a clock that may be set off (clock_offset)
            timeout_graceful_shutdown=1,
        )
        self._server = _Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="intake-sandbox", daemon=True
        )
        self._thread.start()
        if not self._server.ready.wait(_START_TIMEOUT) or not self._server.started:
            self.stop()
            raise SandboxError("the sandbox did not start")
        return self

    def stop(self) -> None:
        """Stop serving and close the socket; idempotent."""
        server, thread = self._server, self._thread
        if server is not None and thread is not None:
            server.should_exit = True
            # Requests still running (a scripted delay, say) are not waited for.
            server.force_exit = True
            thread.join(_STOP_TIMEOUT)
            if thread.is_alive():
                raise SandboxError("the sandbox did not stop in time")
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server stops or ``timeout`` passes; True if it has stopped."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- addresses ----------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        if self.port is None:
            raise SandboxError("the sandbox has no address until it is started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def files_url(self) -> str:
        return self.base_url + FILES_PREFIX

    # --- settings -----------------------------------------------------------------------
    @property
    def api_key(self) -> str:
        return self.state.settings.api_key

    @property
    def jurisdiction(self) -> str:
        return self.state.settings.jurisdiction

    @jurisdiction.setter
    def jurisdiction(self, value: str) -> None:
        self.state.settings.jurisdiction = value.strip().upper()

    @property
    def plan(self) -> str:
        return self.state.settings.plan

    @plan.setter
    def plan(self, value: str) -> None:
        self.state.settings = SandboxSettings(**{**vars(self.state.settings), "plan": value})

    @property
    def max_upload_bytes(self) -> int:
        return self.state.settings.max_upload_bytes

    @max_upload_bytes.setter
    def max_upload_bytes(self, value: int) -> None:
        self.state.settings = SandboxSettings(**{**vars(self.state.settings), "max_upload_bytes": value})

    @property
    def rename(self) -> dict[str, str]:
        return dict(self.state.settings.rename)

    @rename.setter
    def rename(self, value: dict[str, str]) -> None:
        self.state.settings = SandboxSettings(**{**vars(self.state.settings), "rename": dict(value)})

    @property
    def clock_offset(self) -> float:
        return self.state.settings.clock_offset

    @clock_offset.setter
    def clock_offset(self, seconds: float) -> None:
        self.state.settings = SandboxSettings(**{**vars(self.state.settings), "clock_offset": seconds})

    @property
    def fault_rate(self) -> float:
        return self.state.faults.rate

    def set_fault_rate(self, rate: float, seed: int | None = None) -> None:
        """Answer this share of API requests (0.0-1.0) with 503 before processing; a seed
        makes the sequence repeatable."""
        self.state.set_fault_rate(rate, seed)

    # --- control ------------------------------------------------------------------------
    def script_faults(self, faults: list[Fault | dict]) -> None:
        """Queue faults for the next matching API requests, in order (see app.sandbox.faults.Fault)."""
        self.state.faults.script(faults)

    def pending_faults(self) -> list[dict]:
        return self.state.faults.pending()

    def clear_faults(self) -> None:
        self.state.faults.clear()

    def created(self) -> list[dict]:
        """Every customer the sandbox holds, oldest first, as the API returned them."""
        return self.state.store.customers()

    def uploads(self) -> list[dict]:
        """Every accepted upload: ``id``, ``kind`` (jpeg/png/pdf), ``size``, ``filename``, ``created_at``."""
        return self.state.store.uploads()

    def groups(self) -> list[dict]:
        return self.state.store.groups()

    def add_customer(self, body: dict, *, created_at=None) -> dict:
        """Put a customer in the store directly, unvalidated (for a record "already there",
        or one created on another day: ``created_at`` is an aware datetime)."""
        return self.state.store.create_customer(body, created_at=created_at)

    def reset(self) -> None:
        """Back to as constructed: no customers, uploads or scripted faults; original settings."""
        self.state.reset()

