"""``intake sandbox``: run the local sandbox of the POS API in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from app.sandbox import SandboxError, SandboxServer
from app.sandbox.state import PLANS

DEFAULT_PORT = 8765
DEFAULT_KEY = "sandbox-key"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any free)")
    parser.add_argument(
        "--api-key", default=DEFAULT_KEY, help=f"the key clients must send (default {DEFAULT_KEY}; not a real key)"
    )
    parser.add_argument(
        "--fault-rate", type=float, default=0.0, metavar="F", help="share of API requests answered 503, 0.0-1.0"
    )
    parser.add_argument("--seed", type=int, default=None, help="seed for the random faults, to repeat a run")
    parser.add_argument("--jurisdiction", default="CA", help="the store's state or province (default CA)")
    parser.add_argument(
        "--plan", choices=PLANS, default="pro", help="the vendor plan to play (basic: no state-ID lookup)"
    )
    parser.add_argument(
        "--rename", action="append", default=[], metavar="FIELD=NAME",
        help="play a POS that calls one of our fields by another name (as a managed file's [wire_names]); "
             "repeat for more",
    )
    parser.add_argument(
        "--clock-offset", type=float, default=0.0, metavar="SECONDS",
        help="run the sandbox's clock (its Date header) this many seconds ahead (negative: behind)",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow listening on an address other machines can reach (the sandbox has no TLS and a shared test key)",
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    if not is_loopback(args.host) and not args.allow_remote:
        print(
            f"intake sandbox: refusing to listen on {args.host}: the sandbox speaks plain HTTP, accepts a test key "
            "and shows everything it stores to anyone with that key, so it stays on this machine. "
            "Pass --allow-remote to listen there anyway.",
            file=sys.stderr,
        )
        return 2
    if not 0.0 <= args.fault_rate <= 1.0:
        print("intake sandbox: --fault-rate is a number from 0.0 to 1.0", file=sys.stderr)
        return 2
    rename = {}
    for item in args.rename:
        field, sep, name = item.partition("=")
        if not sep:
            print(f"intake sandbox: --rename takes FIELD=NAME, not {item!r}", file=sys.stderr)
            return 2
        rename[field.strip()] = name.strip()
    try:
        server = SandboxServer(
            api_key=args.api_key,
            jurisdiction=args.jurisdiction,
            host=args.host,
            port=args.port,
            fault_rate=args.fault_rate,
            plan=args.plan,
            seed=args.seed,
            rename=rename,
            clock_offset=args.clock_offset,
        )
        server.start()
    except (SandboxError, ValueError) as exc:
        print(f"intake sandbox: {exc}", file=sys.stderr)
        return 2
    # Only the well-known default key is shown: a key typed on the command line stays off the screen.
    key = server.api_key if args.api_key == DEFAULT_KEY else "the key given with --api-key"
    print(f"POS API sandbox ({args.plan} plan, {server.jurisdiction}) - Ctrl+C stops it")
    print(f"  API URL    {server.api_url}")
    print(f"  files URL  {server.files_url}")
    print(f"  X-Api-Key  {key}")
    print(f"  inspect    {server.base_url}/_sandbox/customers, /_sandbox/uploads; script faults: POST /_sandbox/faults")
    if args.fault_rate:
        print(f"  random 503 on {args.fault_rate:.0%} of API requests")
    for field, name in server.rename.items():
        print(f"  renamed    {field} is called {name}")
    if args.clock_offset:
        print(f"  clock      {args.clock_offset:+g} s off")
    sys.stdout.flush()
    try:
        # A short timeout keeps Ctrl+C responsive on Windows, where a bare join cannot be interrupted.
        while not server.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("stopping the sandbox")
    finally:
        server.stop()
    return 0
