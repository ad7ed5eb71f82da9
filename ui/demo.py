"""Demo mode: an embedded sandbox of the POS API on a free loopback port, an in-memory
keyring and a throw-away data folder, so the window runs on a fresh machine with no account.

The managed configuration's ``[wire_names]`` apply on both sides: the station sends the mapped
names and the sandbox plays a POS that uses them, so a correction can be tried before a store uses it."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import keyring

from app.config import Config, ConfigError, read_managed
from app.credentials import SecretStore
from app.memkeyring import MemoryKeyring
from app.sandbox import SandboxServer

DEMO_KEY = "demo-key"
DEMO_JURISDICTION = "CA"


@dataclass
class DemoEnvironment:
    config: Config
    sandbox: SandboxServer
    data_dir: Path

    def close(self) -> None:
        self.sandbox.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def _managed_wire_names() -> tuple[tuple[str, str], ...]:
    try:
        return tuple(read_managed().get("wire_names", ()))  # type: ignore[arg-type]
    except ConfigError:
        return ()  # the demo runs anyway; the real station says what is wrong with the file


def start_demo(language: str = "en", jurisdiction: str = DEMO_JURISDICTION,
               wire_names: tuple[tuple[str, str], ...] | None = None, plan: str = "pro") -> DemoEnvironment:
    keyring.set_keyring(MemoryKeyring())
    wire_names = _managed_wire_names() if wire_names is None else wire_names
    sandbox = SandboxServer(api_key=DEMO_KEY, jurisdiction=jurisdiction, rename=dict(wire_names)).start()
    sandbox.plan = plan  # "basic": the PRO-only calls (state-ID lookup, update) answer 403
    data_dir = Path(tempfile.mkdtemp(prefix="intake-demo-"))
    config = Config(
        api_url=sandbox.api_url,
        files_url=sandbox.files_url,
        jurisdiction=jurisdiction,
        data_dir=data_dir,
        language=language,
        demo=True,
        wire_names=wire_names,
    )
    SecretStore().set_api_key(config.api_url, DEMO_KEY)
    return DemoEnvironment(config, sandbox, data_dir)
