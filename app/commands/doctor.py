"""``intake doctor``: check the station's setup end to end (app.doctor) and say what to do.

Exit 0 when every check is ok, 1 when one gives a warning, 2 when one finds a problem. The
report never holds the API key nor any customer's data (of the records read for the contract
check, only the names of their keys)."""

from __future__ import annotations

import argparse
import json
import sys

from app.config import ConfigError, load_config
from app.doctor import DEFAULT_RECORDS, PROBLEM, Check, Report, msg, run_doctor

_WIDTH = 24


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Check the station's setup: addresses, TLS, the stored key, the store's plan, the clock, keyring, "
        "data folder, data key, outbox, and the field names we send against the store's own customer records "
        "(read only; nothing is created or changed). Exit 0 all ok, 1 a warning, 2 a problem.")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--records", type=int, default=DEFAULT_RECORDS, metavar="N",
                        help=f"recent customers to read for the field-name check (default {DEFAULT_RECORDS}; 0: skip)")


def format_report(report: Report) -> str:
    lines = []
    for check in report.checks:
        lines.append(f"{check.verdict:<8} {check.title!s:<{_WIDTH}} {check.found}")
        if check.id == "contract" and check.data.get("records"):
            data = check.data
            for label, key in (("confirmed", "confirmed"), ("not seen", "not_seen"),
                               ("other server keys", "other_server_keys")):
                if data.get(key):
                    lines.append(f"{'':<9}{'':<{_WIDTH}} {label}: {', '.join(data[key])}")
            for ours, theirs in data.get("suggestions", {}).items():
                lines.append(f"{'':<9}{'':<{_WIDTH}} suggested: {ours} -> {theirs}")
        if check.advice:
            lines.append(f"{'':<9}{'':<{_WIDTH}} -> {check.advice}")
    counts = {v: sum(1 for c in report.checks if c.verdict == v) for v in ("problem", "warning")}
    lines.append(f"Result: {report.verdict} ({counts['problem']} problem(s), {counts['warning']} warning(s)); "
                 f"exit {report.exit_code}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.records < 0:
        print("intake doctor: --records takes 0 or more", file=sys.stderr)
        return 2
    try:
        config = load_config()
    except ConfigError as exc:
        report = Report((Check("configuration", msg("Configuration"), PROBLEM, str(exc),
                               "Correct the file named, then run intake doctor again."),))
    else:
        from app.credentials import SecretStore

        report = run_doctor(config, SecretStore(), records=args.records)
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        print(format_report(report))
    return report.exit_code
