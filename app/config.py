"""Station configuration: a TOML file in the platform's config directory, overridden by
``INTAKE_*`` environment variables, both overridden by the organisation's managed file.
No secret is ever read from here (the API key and the data key live in the OS keyring).

The managed file (``managed_config_path()``: ``/etc/intake/managed.toml`` on Linux,
``%ProgramData%\\intake\\managed.toml`` on Windows, ``/Library/Application Support/intake/managed.toml``
on macOS) is deployed by a chain's IT, writable only by administrators. Its settings win over
the user's file and the environment, and the Settings dialog shows them read-only
(``Config.managed`` names them). It is also the only place for ``[wire_names]``: the store's
corrections of the field names the POS uses (``app.wire.WireNames``). A managed file that
cannot be read, or holds a secret or an unknown setting, stops the station with a message:
falling back to the user's settings could send customers' data to another address.
"""

from __future__ import annotations

import os
import sys
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
    # How many days before it an expiry (ID, recommendation) stands out on a returning customer.
    expiry_warning_days: int = 30
    language: str = "en"
    # A store's own marketing-consent disclosures (TOML); None uses the shipped wording.
    disclosure_file: str | None = None
    # The folder a document scanner saves into: its newest files are offered on the Documents
    # step, each attached with one key. None: no such list.
    scan_folder: str | None = None
    # The API key goes only to the API URL's server; true also sends it with uploads to a files
    # URL on another server (only when the POS vendor really serves files from there).
    allow_key_to_files_host: bool = False
    demo: bool = False
    # Set only by the managed file: our field name -> the POS's name for it, as sorted pairs.
    wire_names: tuple[tuple[str, str], ...] = ()
    # Names of the settings the managed file sets (read-only in Settings, never saved by the user).
    managed: frozenset[str] = frozenset()

    def with_changes(self, **changes: object) -> Config:
        return replace(self, **changes)


def default_config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


_FIELD_TYPES = {f.name: f.type for f in fields(Config)}
# Not settings a file chooses: the demo flag, and what the loader itself fills in.
_NOT_IN_FILES = frozenset({"demo", "managed", "wire_names"})
MANAGED_ONLY = frozenset({"wire_names"})

# The managed file's path; None means the platform's (tests point it elsewhere). No environment
# variable can move it: the file exists so that a person at the desk cannot change these settings.
MANAGED_PATH: Path | None = None


def platform_managed_path(platform: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if platform.startswith("win"):
        return Path(env.get("ProgramData") or r"C:\ProgramData") / APP_NAME / "managed.toml"
    if platform == "darwin":
        return Path("/Library/Application Support") / APP_NAME / "managed.toml"
    return Path("/etc") / APP_NAME / "managed.toml"


def managed_config_path() -> Path:
    return MANAGED_PATH if MANAGED_PATH is not None else platform_managed_path()


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


def _read_toml(path: Path, what: str) -> dict[str, object]:
    import tomllib  # only when there is a file to read: start-up without one skips the parser

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the {what} ({exc})") from exc
    for key in raw:
        if key.lower() in _SECRET_KEYS:
            raise ConfigError(
                f"{path}: secrets are never read from the {what}; remove '{key}' "
                "and store the key with 'intake credentials set'"
            )
    return raw


def read_managed(path: Path | None = None) -> dict[str, object]:
    """The managed file's settings, checked ({} when there is no such file). ConfigError when it
    cannot be read or names a setting the station does not have."""
    path = managed_config_path() if path is None else path
    try:
        if not path.is_file():
            if path.exists():
                raise ConfigError(f"{path}: the managed configuration is not a file")
            return {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the managed configuration ({exc})") from exc
    raw = _read_toml(path, "managed configuration")
    values: dict[str, object] = {}
    for key, value in raw.items():
        if key == "wire_names":
            from app.wire import WireNameError, check_mapping

            try:
                mapping = check_mapping(value, f"{path}: wire_names")
            except WireNameError as exc:
                raise ConfigError(str(exc)) from None
            values[key] = tuple(sorted(mapping.items()))
        elif key in _FIELD_TYPES and key not in _NOT_IN_FILES:
            values[key] = _coerce(key, value, str(path))
        else:
            raise ConfigError(f"{path}: '{key}' is not a setting of the station (a typing mistake?); "
                              "the organisation's settings are used only once every one is known")
    return values


def load_config(env: Mapping[str, str] | None = None, path: Path | None = None,
                managed_path: Path | None = None, *, use_managed: bool = True) -> Config:
    """Defaults, then the TOML file (if it exists), then environment variables, then the
    managed file (``managed_path``, by default ``managed_config_path()``; none when not
    ``use_managed``)."""
    env = os.environ if env is None else env
    path = path or default_config_path(env)
    values: dict[str, object] = {}
    if path.is_file():
        for key, value in _read_toml(path, "configuration file").items():
            if key in MANAGED_ONLY:
                raise ConfigError(f"{path}: '{key}' is read only from the managed configuration "
                                  f"({managed_config_path()}), which an administrator deploys")
            if key in _FIELD_TYPES and key not in _NOT_IN_FILES:
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
    managed = read_managed(managed_path) if use_managed else {}
    values.update(managed)
    values["managed"] = frozenset(managed)
    if "jurisdiction" in values:
        values["jurisdiction"] = str(values["jurisdiction"]).strip().upper()
    return Config(**values)  # type: ignore[arg-type]


def save_config(config: Config, path: Path | None = None) -> Path:
    """Write the non-default settings a store admin chose (never secrets)."""
    path = path or default_config_path()
    data = {}
    for key, value in asdict(config).items():
        if key in _NOT_IN_FILES or value is None:
            continue
        data[key] = str(value) if isinstance(value, Path) else value
    import tomli_w  # only an admin's save needs the writer

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    os.replace(tmp, path)
    return path
