"""Station configuration: a TOML file in the platform's config directory, overridden by
``INTAKE_*`` environment variables. No secret is ever read from here (the API key and the
data key live in the OS keyring)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import platformdirs

from app import wire

APP_NAME = "intake"

ENV_CONFIG = "INTAKE_CONFIG"
ENV_API_URL = "INTAKE_API_URL"
ENV_FILES_URL = "INTAKE_FILES_URL"
ENV_JURISDICTION = "INTAKE_JURISDICTION"
ENV_DATA_DIR = "INTAKE_DATA_DIR"

_SECRET_KEYS = frozenset({"api_key", "key", "password", "secret", "token", "x-api-key"})


class ConfigError(ValueError):
    """The configuration file cannot be used; the message says which file and why."""


@dataclass(frozen=True)
class Config:
    api_url: str = wire.DEFAULT_API_URL
    files_url: str = wire.DEFAULT_FILES_URL
    jurisdiction: str = "CA"
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    timeout_seconds: float = 15.0
    connect_timeout_seconds: float = 5.0
    ca_bundle: str | None = None
    max_document_bytes: int = 10 * 1024 * 1024
    draft_retention_days: int = 14
    language: str = "en"
    # A store's own marketing-consent disclosures (TOML); None uses the shipped wording.
    disclosure_file: str | None = None
    # The API key goes only to the API URL's server; true also sends it with uploads to a files
    # URL on another server (only when the POS vendor really serves files from there).
    allow_key_to_files_host: bool = False
    demo: bool = False

    def with_changes(self, **changes: object) -> Config:
        return replace(self, **changes)


def default_config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


_FIELD_TYPES = {f.name: f.type for f in fields(Config)}


def _coerce(name: str, value: object, source: str) -> object:
    kind = _FIELD_TYPES[name]
    try:
        if kind == "Path":
            return Path(str(value)).expanduser()
        if kind == "float":
            return float(value)  # type: ignore[arg-type]
        if kind == "int":
            return int(value)  # type: ignore[arg-type]
        if kind == "bool":
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if kind == "str | None":
            return None if value in (None, "") else str(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: setting '{name}' has an unusable value {value!r}") from exc


def load_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> Config:
    """Defaults, then the TOML file (if it exists), then environment variables."""
    env = os.environ if env is None else env
    path = path or default_config_path(env)
    values: dict[str, object] = {}
    if path.is_file():
        import tomllib  # only when there is a file to read: start-up without one skips the parser

        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the configuration file ({exc})") from exc
        for key, value in raw.items():
            if key.lower() in _SECRET_KEYS:
                raise ConfigError(
                    f"{path}: secrets are never read from the configuration file; remove '{key}' "
                    "and store the key with 'intake credentials set'"
                )
            if key in _FIELD_TYPES:
                values[key] = _coerce(key, value, str(path))
    overrides = {
        ENV_API_URL: "api_url",
        ENV_FILES_URL: "files_url",
        ENV_JURISDICTION: "jurisdiction",
        ENV_DATA_DIR: "data_dir",
    }
    for var, key in overrides.items():
        if env.get(var):
            values[key] = _coerce(key, env[var], var)
    if "jurisdiction" in values:
        values["jurisdiction"] = str(values["jurisdiction"]).strip().upper()
    return Config(**values)  # type: ignore[arg-type]


def save_config(config: Config, path: Path | None = None) -> Path:
    """Write the non-default settings a store admin chose (never secrets)."""
    path = path or default_config_path()
    data = {}
    for key, value in asdict(config).items():
        if key == "demo" or value is None:
            continue
        data[key] = str(value) if isinstance(value, Path) else value
    import tomli_w  # only an admin's save needs the writer

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    os.replace(tmp, path)
    return path
