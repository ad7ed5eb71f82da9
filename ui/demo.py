"""Demo mode: an embedded sandbox of the POS API on a free loopback port, an in-memory
keyring and a throw-away data folder, so the window runs on a fresh machine with no account."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import keyring

from app.config import Config
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


def start_demo(language: str = "en", jurisdiction: str = DEMO_JURISDICTION) -> DemoEnvironment:
    keyring.set_keyring(MemoryKeyring())
    sandbox = SandboxServer(api_key=DEMO_KEY, jurisdiction=jurisdiction).start()
    data_dir = Path(tempfile.mkdtemp(prefix="intake-demo-"))
    config = Config(
        api_url=sandbox.api_url,
        files_url=sandbox.files_url,
        jurisdiction=jurisdiction,
        data_dir=data_dir,
        language=language,
        demo=True,
    )
    SecretStore().set_api_key(config.api_url, DEMO_KEY)
    return DemoEnvironment(config, sandbox, data_dir)
