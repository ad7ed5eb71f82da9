"""The station: one object that holds what an intake session needs, for the window and the
command line alike: configuration, the keyring, the API client factory, drafts, the outbox
and its syncer, and the cached customer groups. No Qt here; the window wraps it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import wire
from app.api.timeouts import CREATE_TIMEOUT_MIN
from app.config import Config
from app.credentials import CredentialsError, SecretStore
from app.crypto import Cipher
from app.datakey import station_data_key
from app.drafts import DraftStore
from app.outbox import Outbox
from app.storage import drafts_path, ensure_private_dir, outbox_path
from app.stores import check_stores
from app.sync import DEFAULT_SETTLE_SECONDS, OutboxSyncer

if TYPE_CHECKING:
    import httpx

    from app.api.client import ApiClient

log = logging.getLogger(__name__)


def settle_seconds(config: Config) -> float:
    """How long an uncertain create is given to land before it may be sent again: five times
    the longest a create may take to answer, and never under DEFAULT_SETTLE_SECONDS."""
    return max(DEFAULT_SETTLE_SECONDS, 5 * max(float(config.timeout_seconds), CREATE_TIMEOUT_MIN))


class NoApiKey(CredentialsError):
    """No API key is stored for the configured API URL."""


@dataclass(frozen=True)
class CustomerGroup:
    id: int
    name: str


class Station:
    def __init__(
        self,
        config: Config,
        secrets: SecretStore | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        syncer_options: dict[str, Any] | None = None,
    ) -> None:
        self.config = config
        self.secrets = secrets or SecretStore()
        self._transport = transport
        data_dir = Path(config.data_dir)
        ensure_private_dir(data_dir)
        self.data_dir = data_dir
        # A store the station had that is now missing or damaged is refused (StoreUnusable, kept
        # aside) before anything reads it as empty; then the key, never replaced while data needs it.
        check_stores(data_dir)
        cipher = Cipher(station_data_key(self.secrets, data_dir))
        self.cipher = cipher
        self.drafts = DraftStore(drafts_path(data_dir), cipher)
        self.outbox = Outbox(outbox_path(data_dir), cipher)
        options = {"settle_seconds": settle_seconds(config), **(syncer_options or {})}
        self.syncer = OutboxSyncer(self.outbox, self.client, **options)

    def close(self) -> None:
        self.drafts.close()
        self.outbox.close()

    def api_key(self) -> str:
        key = self.secrets.get_api_key(self.config.api_url)
        if not key:
            raise NoApiKey(
                "No API key is stored for this station. An admin enters it in Settings "
                "(or with 'intake credentials set')."
            )
        return key

    def client(self) -> ApiClient:
        from app.api.client import ApiClient  # httpx and TLS: loaded by the first send or check, not at start-up

        return ApiClient.from_config(self.config, self.api_key(), transport=self._transport)

    def with_client(self, fn: Callable[[ApiClient], Any]) -> Any:
        with self.client() as client:
            return fn(client)

    # --- customer groups: fetched in the background, cached for offline use -------------------
    @property
    def _groups_cache(self) -> Path:
        return self.data_dir / "customer-groups.json"

    def cached_groups(self) -> list[CustomerGroup]:
        try:
            raw = json.loads(self._groups_cache.read_text(encoding="utf-8"))
            return [CustomerGroup(int(g["id"]), str(g["name"])) for g in raw]
        except (OSError, ValueError, KeyError, TypeError):
            return []

    def refresh_groups(self) -> list[CustomerGroup]:
        """Manual groups from the API (automatic ones are not set by hand), cached on disk."""
        groups = []
        for item in self.with_client(lambda c: c.list_customer_groups()):
            if not isinstance(item, dict):
                continue
            if item.get(wire.GROUP_KIND, wire.GROUP_KIND_MANUAL) != wire.GROUP_KIND_MANUAL:
                continue
            try:
                group_id = int(item[wire.GROUP_ID])
                groups.append(CustomerGroup(group_id, str(item.get(wire.GROUP_NAME) or group_id)))
            except (KeyError, TypeError, ValueError):
                continue
        groups.sort(key=lambda g: g.name.lower())
        tmp = self._groups_cache.with_suffix(".tmp")
        tmp.write_text(json.dumps([{"id": g.id, "name": g.name} for g in groups]), encoding="utf-8")
        tmp.replace(self._groups_cache)
        return groups
