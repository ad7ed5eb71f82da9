"""``intake validate FILE.json``: check an intake against the contract and the store's policy."""

from __future__ import annotations

import argparse
import json
import sys

from app import policy, wire
from app.config import ConfigError, load_config
from app.validation import ValidationContext, as_plain, deprecated_fields, validate_record


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.json", help="the intake as a JSON object of wire fields ('-' for stdin)")
    parser.add_argument("--jurisdiction", metavar="XX", help="the store's state or province (default: configured)")


def _read(path: str) -> object:
    if path == "-":
        text = sys.stdin.read()
    else:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    return json.loads(text)


def run(args: argparse.Namespace) -> int:
    try:
        record = _read(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"intake validate: cannot read {args.file}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        print(f"intake validate: {args.file} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
              file=sys.stderr)
        return 2
    try:
        jurisdiction = args.jurisdiction or load_config().jurisdiction
        policy.load_policy().jurisdiction(jurisdiction)
    except (ConfigError, policy.UnknownJurisdiction) as exc:
        print(f"intake validate: {exc}", file=sys.stderr)
        return 2
    errors = validate_record(record, ValidationContext(jurisdiction=jurisdiction))
    result: dict[str, object] = {"valid": not errors, "errors": as_plain(errors)}
    deprecated = deprecated_fields(record)
    if deprecated:
        advice = f"is deprecated by the vendor; use {wire.CELL_PHONE}"
        result["warnings"] = {name: [f"{name} {advice}"] for name in deprecated}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if not errors else 1
