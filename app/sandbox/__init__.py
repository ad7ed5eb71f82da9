"""A local stand-in for the POS vendor's API: the same endpoints, the same validation, its
own memory, and failures on demand. Used by ``intake sandbox``, the demo window and the
integration tests; no Qt here."""

from app.sandbox.faults import Fault, FaultError
from app.sandbox.server import SandboxError, SandboxServer

__all__ = ["Fault", "FaultError", "SandboxError", "SandboxServer"]
