"""How fast the sandbox starts, stops and answers, against the standard library's
ThreadingHTTPServer doing the least possible on the same loopback in the same run.

    .venv/bin/python benchmarks/sandbox_server.py [--starts 20] [--requests 2000]

Targets: start() well under 1 s (the tests and the demo window start one); a keep-alive
GET of the customer groups within 3x of the bare server's JSON reply.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import wire
from app.sandbox import SandboxServer

KEY = "benchmark-key"
START_TARGET_S = 1.0
LATENCY_TARGET_RATIO = 3.0


class _Bare(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # as the sandbox does; else each keep-alive reply waits for an ACK
    payload = json.dumps([{"id": 1, "name": "Veterans", "kind": "manual"}]).encode()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        self.wfile.write(self.payload)

    def log_message(self, *args: object) -> None:
        pass


class _BareServer:
    def __enter__(self) -> _BareServer:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Bare)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/groups"
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _latencies(client: httpx.Client, url: str, n: int) -> list[float]:
    out = []
    for _ in range(n):
        started = time.perf_counter()
        client.get(url).raise_for_status()
        out.append(time.perf_counter() - started)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()

    starts, stops, bare_starts, bare_stops = [], [], [], []
    for _ in range(args.starts):
        server = SandboxServer(api_key=KEY)
        starts.append(_timed(server.start))
        stops.append(_timed(server.stop))
        bare = _BareServer()
        bare_starts.append(_timed(bare.__enter__))
        bare_stops.append(_timed(lambda b=bare: b.__exit__(None, None, None)))

    with SandboxServer(api_key=KEY) as sandbox, _BareServer() as bare, httpx.Client(
        headers={wire.HEADER_API_KEY: KEY}
    ) as client:
        url = sandbox.api_url + wire.PATH_CUSTOMER_GROUPS
        _latencies(client, url, 100)
        _latencies(client, bare.url, 100)
        ours, theirs = [], []
        for _ in range(10):  # alternate, so drift in the machine hits both alike
            ours += _latencies(client, url, args.requests // 10)
            theirs += _latencies(client, bare.url, args.requests // 10)

    ms = 1000.0
    start_med, bare_start_med = statistics.median(starts), statistics.median(bare_starts)
    print(f"start()  median {start_med * ms:7.2f} ms  max {max(starts) * ms:7.2f} ms   "
          f"bare server {bare_start_med * ms:6.2f} ms   ratio {start_med / bare_start_med:5.1f}")
    print(f"stop()   median {statistics.median(stops) * ms:7.2f} ms  max {max(stops) * ms:7.2f} ms   "
          f"bare server {statistics.median(bare_stops) * ms:6.2f} ms")
    our_med, bare_med = statistics.median(ours), statistics.median(theirs)
    ratio = our_med / bare_med
    print(f"GET customer-groups (keep-alive) median {our_med * 1e6:6.0f} us   bare JSON {bare_med * 1e6:6.0f} us   "
          f"ratio {ratio:4.2f}")
    print(f"start under {START_TARGET_S:.0f} s: {'met' if max(starts) < START_TARGET_S else 'MISSED'}; "
          f"latency ratio <= {LATENCY_TARGET_RATIO}: {'met' if ratio <= LATENCY_TARGET_RATIO else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
