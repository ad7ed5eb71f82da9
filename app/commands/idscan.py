"""``intake idscan parse FILE``: read an ID card barcode (its text, or a photo of it) and
print the customer fields it holds as JSON (fields, expiry and issue dates, issuer, version,
name suffix, warnings).

Exit status: 0 read (even with warnings), 1 not a readable ID barcode, 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.idscan import ScanError, UnreadableImageError, parse_barcode

EXIT_OK = 0
EXIT_NOT_A_BARCODE = 1
EXIT_UNREADABLE_FILE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="idscan_action", metavar="ACTION", required=True)
    parse = actions.add_parser(
        "parse",
        help="print the fields of an ID barcode as JSON",
        description="Read the text of an ID card's PDF417 barcode (as a scanner types it) or a photo of the "
        "card's back, and print its fields as JSON. Exit 0 when read (warnings included), 1 when it is not a "
        "readable ID barcode, 2 when the file cannot be read.",
    )
    parse.add_argument("file", metavar="FILE", help="barcode text or an image (PNG, JPEG, ...); '-' reads stdin")
    parse.add_argument("--jurisdiction", metavar="CODE", help="the store's state or province, for the age check")
    parse.add_argument("--type", dest="customer_type", metavar="TYPE", help="customer type, for the age check")


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _as_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def run(args: argparse.Namespace) -> int:
    try:
        data = _read_input(args.file)
    except OSError as exc:
        print(f"intake idscan: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE_FILE
    try:
        from app.idscan.image import decode_image, looks_like_image

        text = decode_image(data) if looks_like_image(data) else _as_text(data)
        result = parse_barcode(text, jurisdiction=args.jurisdiction, customer_type=args.customer_type)
    except UnreadableImageError as exc:
        print(f"intake idscan: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE_FILE
    except ScanError as exc:
        print(f"intake idscan: {exc}", file=sys.stderr)
        return EXIT_NOT_A_BARCODE
    print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    return EXIT_OK
