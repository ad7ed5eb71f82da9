"""Whether the station's setup lets it send at all, checked before an intake is queued.

Some settings stop every send until an admin fixes them: an API or files address that is not
https (plain http is allowed only to this computer), a CA bundle file that cannot be read, no
API key in the keyring. An intake queued under such a setup waits for nothing, and each new
Submit of it would queue one more copy, all sent once the setup is fixed. So the window and
``intake submit`` call ``check_sending_setup`` first and, on a problem, queue nothing and say
what to fix: the intake stays on screen (and in drafts), or in its file.

The messages are ``app.i18n.Message`` sentences the window translates.
"""

from __future__ import annotations

import os
import ssl
from pathlib import Path
from typing import Any

from app.credentials import CredentialsError, clean_api_key
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message

CONTEXT = "Setup"
MSG_API_PLAIN_HTTP = N(
    CONTEXT, "the API address must use https:// ({url}); plain http is allowed only to this computer.")
MSG_FILES_PLAIN_HTTP = N(
    CONTEXT, "the files address must use https:// ({url}); plain http is allowed only to this computer.")
MSG_API_BAD_URL = N(CONTEXT, "the API address {url} is not a valid https:// address.")
MSG_FILES_BAD_URL = N(CONTEXT, "the files address {url} is not a valid https:// address.")
MSG_CA_BUNDLE = N(CONTEXT, "the CA bundle {path} cannot be read ({reason}).")
MSG_NO_KEY = N(CONTEXT, "no API key is stored for this station; an admin enters it in Settings.")
MSG_KEYRING = N(CONTEXT, "the API key cannot be read from the keyring: {reason}")
MSG_OTHER = N(CONTEXT, "the connection settings cannot be used: {reason}")


class SetupProblem(ValueError):
    """A setting that stops every send; ``message`` is the sentence (a translatable Message)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _problem(template: str, **params: Any) -> SetupProblem:
    return SetupProblem(Message(template, CONTEXT, **params))


def _check_url(url: str, plain_http: str, bad_url: str) -> None:
    import httpx  # with the API client: loaded by the first check, not at start-up

    from app.api.client import checked_base_url, is_loopback_host

    try:
        checked_base_url(url)
    except ValueError:
        text = (url or "").strip()
        try:
            parsed = httpx.URL(text)
        except (httpx.InvalidURL, TypeError):
            parsed = None
        if parsed is not None and parsed.scheme == "http" and parsed.host and not is_loopback_host(parsed.host):
            raise _problem(plain_http, url=text) from None
        raise _problem(bad_url, url=text) from None


def _check_ca_bundle(ca_bundle: str | None) -> None:
    if not ca_bundle:
        return
    path = Path(ca_bundle).expanduser()
    try:
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise PermissionError(13, "permission denied")
            return
        ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or type(exc).__name__
        raise _problem(MSG_CA_BUNDLE, path=str(path), reason=str(reason)) from None


def check_sending_setup(station: Any, *, documents: bool = False) -> None:
    """SetupProblem naming the first setting of ``station`` (an ``app.station.Station``) that stops
    every send; nothing when it can send (it may still be offline: that is no setup problem).
    ``documents``: the intake carries documents, so the files address must be usable too."""
    config = station.config
    _check_url(config.api_url, MSG_API_PLAIN_HTTP, MSG_API_BAD_URL)
    _check_url(config.files_url, MSG_FILES_PLAIN_HTTP, MSG_FILES_BAD_URL)
    _check_ca_bundle(config.ca_bundle)
    if documents:
        from app.settings_rules import check_files_host

        refusal = check_files_host(config.api_url, config.files_url, bool(getattr(config, "allow_key_to_files_host",
                                                                                  False)))
        if refusal:
            raise SetupProblem(refusal)
    try:
        key = station.secrets.get_api_key(config.api_url)
    except CredentialsError as exc:
        raise _problem(MSG_KEYRING, reason=str(exc)) from None
    if not key:
        raise _problem(MSG_NO_KEY)
    try:
        clean_api_key(key)  # as the client takes it (not built here: its TLS set-up costs a tenth of a second)
    except ValueError as exc:
        raise _problem(MSG_OTHER, reason=str(exc)) from None
