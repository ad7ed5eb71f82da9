"""``intake validate FILE.json``: check an intake against the contract and the store's policy."""

from __future__ import annotations

import argparse
import json
import sys

from app import policy, wire
from app.commands._common import IntakeFileError, fail, read_intake
from app.config import ConfigError, load_config
from app.validation import ValidationContext, as_plain, deprecated_fields, validate_record


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.json",
                        help="the intake as a JSON object of wire fields, at most 1 MiB ('-' for stdin)")
    parser.add_argument("--jurisdiction", metavar="XX", help="the store's state or province (default: configured)")


def run(args: argparse.Namespace) -> int:
    try:
        record = read_intake(args.file)
    except IntakeFileError as exc:
        return fail("validate", str(exc))
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
