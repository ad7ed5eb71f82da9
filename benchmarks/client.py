"""What the API client adds to one create, measured against a bare httpx POST of the same
JSON to the same loopback sandbox in the same run, plus the sandbox's creates per second.

    .venv/bin/python benchmarks/client.py [--rounds 2000] [--warmup 200]

Both paths are warmed up, then called alternately (so drift in the machine or the growing
store hits both alike), each create with its own state ID. Target: client/raw <= 1.10.

The raw baseline uses the client's transport settings (TCP_NODELAY), so the ratio is what the
client's own code costs. For context, every tenth round also times httpx with its default
transport (Nagle's algorithm on).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import wire
from app.api.client import ApiClient, new_transport
from app.sandbox import SandboxServer

TARGET_RATIO = 1.10
KEY = "benchmark-key"


def body(state_id: str) -> dict:
    return {
        wire.FIRST_NAME: "Bench",
        wire.LAST_NAME: "Mark",
        wire.DATE_OF_BIRTH: "1985-04-12",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "unspecified",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [1],
        wire.STATE_ID: state_id,
        wire.ADDRESS: {wire.ADDRESS_LINE1: "1 Main St", wire.CITY: "Oakland", wire.STATE: "CA", wire.ZIP: "94607",
                       wire.COUNTRY: "US"},
        wire.MARKETING_EMAIL: False,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000, help="measured creates per path")
    parser.add_argument("--warmup", type=int, default=200, help="unmeasured creates per path first")
    args = parser.parse_args()

    counter = iter(range(10**9))

    def next_state_id(prefix: str) -> str:
        return f"{prefix}{next(counter):010d}"

    with SandboxServer(api_key=KEY) as sandbox:
        headers = {wire.HEADER_API_KEY: KEY, "Accept": "application/json"}
        timeout = httpx.Timeout(15.0, connect=5.0)
        raw = httpx.Client(headers=headers, timeout=timeout, transport=new_transport())
        default = httpx.Client(headers=headers, timeout=timeout)
        client = ApiClient(sandbox.api_url, sandbox.files_url, KEY)
        url = sandbox.api_url + wire.PATH_CUSTOMERS

        def post(http: httpx.Client, prefix: str) -> None:
            response = http.post(url, json=body(next_state_id(prefix)))
            if response.status_code != 201:
                raise SystemExit(f"raw POST failed: HTTP {response.status_code}")
            response.json()

        def raw_create() -> None:
            post(raw, "R")

        def default_create() -> None:
            post(default, "D")

        def client_create() -> None:
            client.create_customer(body(next_state_id("C")))

        for i in range(args.warmup):
            raw_create()
            client_create()
            if i % 10 == 0:
                default_create()

        raw_times: list[float] = []
        client_times: list[float] = []
        default_times: list[float] = []
        started = time.perf_counter()
        for i in range(args.rounds):
            # Alternate which goes first so neither always follows the other.
            pair = ((raw_create, raw_times), (client_create, client_times))
            for create, times in pair if i % 2 == 0 else reversed(pair):
                t0 = time.perf_counter()
                create()
                times.append(time.perf_counter() - t0)
            if i % 10 == 0:
                t0 = time.perf_counter()
                default_create()
                default_times.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - started
        client.close()
        raw.close()
        default.close()
        stored = len(sandbox.created())

    raw_median, client_median = statistics.median(raw_times), statistics.median(client_times)
    raw_mean, client_mean = statistics.fmean(raw_times), statistics.fmean(client_times)
    ratio = client_median / raw_median
    print(f"creates stored by the sandbox: {stored}")
    default_median = statistics.median(default_times)
    print(f"httpx, default transport: median {default_median * 1e6:8.0f} us "
          f"({len(default_times)} calls; {default_median / client_median:.1f}x the client)")
    print(f"raw httpx POST   median {raw_median * 1e6:8.0f} us   mean {raw_mean * 1e6:8.0f} us")
    print(f"ApiClient create median {client_median * 1e6:8.0f} us   mean {client_mean * 1e6:8.0f} us")
    print(f"client overhead  median {(client_median - raw_median) * 1e6:8.0f} us per create")
    print(f"ratio client/raw (median) {ratio:.3f}  (mean {client_mean / raw_mean:.3f})  target <= {TARGET_RATIO:.2f}: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}")
    calls = 2 * args.rounds + len(default_times)
    print(f"sandbox creates per second (all paths, one at a time): {calls / elapsed:.0f}")
    print(f"sandbox creates per second through ApiClient alone: {1 / client_mean:.0f}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
