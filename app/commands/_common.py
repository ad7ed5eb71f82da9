"""What the commands share: the refusal with exit status 2; reading an intake file
(``intake validate``, ``intake submit``) within the limits of ``app.safejson``; and for the
export commands (``intake audit export``, ``intake consent export``) the ``--csv FILE`` and
``--clerk`` options and the line the export leaves in the audit trail."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sqlite3
import sys
from collections.abc import Callable
from typing import TextIO

from app import safejson
from app.audit import EXPORTED, AuditError, AuditLog
from app.credentials import CredentialsError

EXIT_UNUSABLE = 2
STDOUT = "-"
STDIN = "-"


def fail(command: str, message: str) -> int:
    """Say why ``intake <command>`` cannot do its work, on standard error; the exit status."""
    print(f"intake {command}: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


class IntakeFileError(Exception):
    """The intake file cannot be used; ``str()`` is the whole sentence for standard error."""


def read_intake(path: str) -> object:
    """The JSON value of an intake file ('-': standard input), read with a size limit, never whole."""
    name = "standard input" if path == STDIN else path
    try:
        if path == STDIN:
            stream = getattr(sys.stdin, "buffer", None)
            data = safejson.read_limited(stream) if stream is not None else sys.stdin.read(safejson.MAX_BYTES + 1)
            return safejson.loads(data)
        with open(path, "rb") as handle:
            return safejson.loads(safejson.read_limited(handle))
    except OSError as exc:
        raise IntakeFileError(f"cannot read {name}: {exc.strerror or exc}") from None
    except safejson.JsonRefused as exc:
        raise IntakeFileError(f"{name} {exc}") from None


def add_export_action(actions, *, summary: str, description: str) -> argparse.ArgumentParser:
    """The ``export`` action among ``actions`` (a subparsers object), with ``--csv FILE`` and ``--clerk``;
    ``summary`` is its line in the list of actions."""
    export = actions.add_parser("export", help=summary, description=description)
    export.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write ('-' for standard output)")
    export.add_argument("--clerk", help="who runs the export, for the audit trail (default: the login name)")
    return export


def csv_target(name: str) -> TextIO | str:
    """Where ``--csv`` writes: standard output for '-', else the path."""
    return sys.stdout if name == STDOUT else name


def report_stream(name: str) -> TextIO:
    """Where to say what was written: standard error while the CSV itself goes to standard output."""
    return sys.stderr if name == STDOUT else sys.stdout


def clerk_of(args: argparse.Namespace) -> str:
    if getattr(args, "clerk", None):
        return str(args.clerk)
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers and services)
        return "command line"


def record_export(audit: Callable[[], AuditLog], args: argparse.Namespace, details: dict[str, object]) -> None:
    """An ``exported`` event in the audit trail (``audit`` opens it). Failing to write it does
    not undo an export that succeeded, so errors are swallowed."""
    with contextlib.suppress(AuditError, CredentialsError, OSError, sqlite3.Error):
        audit().append(EXPORTED, clerk=clerk_of(args), details=details)
