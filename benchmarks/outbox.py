"""What the outbox costs on top of the network: draining queued intakes against the loopback
sandbox, against a bare httpx loop posting the same bodies in the same run; the drain's peak
Python memory; and the latency of a draft autosave.

    .venv/bin/python benchmarks/outbox.py [--intakes 1000] [--rounds 2] [--saves 2000]

Targets: drain/raw <= 1.5; DraftStore.save p99 < 10 ms.

Every outbox commit is flushed to disk (synchronous=FULL: an accepted intake and the
write-ahead "may have been sent" mark must survive a power cut), so the ratio depends on
the disk's flush latency; the script prints the cost of one flushed commit for context.
Rounds alternate raw and drain over a fresh sandbox store, and the best round of each counts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import wire
from app.api.client import ApiClient, new_transport
from app.crypto import Cipher, new_key
from app.drafts import DraftStore, new_draft_id
from app.outbox import Outbox
from app.sandbox import SandboxServer
from app.storage import drafts_path, open_database, outbox_path
from app.sync import OutboxSyncer

TARGET_RATIO = 1.5
TARGET_SAVE_P99_MS = 10.0
KEY = "benchmark-key"


def _letters(i: int) -> str:
    """A name unique per ``i`` made of letters only (names may not hold digits)."""
    text = ""
    while True:
        i, rest = divmod(i, 26)
        text += chr(ord("a") + rest)
        if not i:
            return text.capitalize()


def body(i: int) -> dict:
    return {
        wire.FIRST_NAME: _letters(i),
        wire.LAST_NAME: "Mark",
        wire.DATE_OF_BIRTH: "1985-04-12",
        wire.PHONE: "4155550123",
        wire.EMAIL: f"bench{i}@example.com",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "unspecified",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [1],
        wire.STATE_ID: f"BM{i:08d}",
        wire.ADDRESS: {wire.ADDRESS_LINE1: "1 Main St", wire.CITY: "Oakland", wire.STATE: "CA", wire.ZIP: "94607",
                       wire.COUNTRY: "US"},
        wire.MARKETING_EMAIL: False,
    }


def raw_loop(sandbox: SandboxServer, bodies: list[dict]) -> float:
    headers = {wire.HEADER_API_KEY: KEY, "Accept": "application/json"}
    url = sandbox.api_url + wire.PATH_CUSTOMERS
    with httpx.Client(headers=headers, timeout=httpx.Timeout(15.0, connect=5.0), transport=new_transport()) as http:
        started = time.perf_counter()
        for b in bodies:
            response = http.post(url, json=b)
            if response.status_code != 201:
                raise SystemExit(f"raw POST failed: HTTP {response.status_code}")
            response.json()
        return time.perf_counter() - started


def fill(outbox: Outbox, bodies: list[dict]) -> float:
    started = time.perf_counter()
    for b in bodies:
        outbox.enqueue(b)
    return time.perf_counter() - started


def drain(sandbox: SandboxServer, outbox: Outbox, *, trace: bool = False) -> tuple[float, int, int]:
    syncer = OutboxSyncer(outbox, lambda: ApiClient(sandbox.api_url, sandbox.files_url, KEY))
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    report = syncer.drain()
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    if report.remaining:
        raise SystemExit(f"the drain left {report.remaining} entries: {report}")
    return elapsed, len(report.created), peak


def flushed_commit_ms(folder: Path) -> float:
    conn = open_database(folder / "flush.db", component="bench", migrations=("CREATE TABLE t (x);",),
                         synchronous="FULL")
    times = []
    for i in range(200):
        t0 = time.perf_counter()
        conn.execute("INSERT INTO t VALUES (?)", (i,))
        times.append(time.perf_counter() - t0)
    conn.close()
    return statistics.median(times) * 1000


def autosave(folder: Path, saves: int) -> list[float]:
    record = body(7)
    record[wire.NICKNAME] = "x" * 200
    with DraftStore(drafts_path(folder), Cipher(new_key())) as store:
        ids = [new_draft_id() for _ in range(5)]
        times = []
        for i in range(saves):
            record[wire.NICKNAME] = f"typing {i}"
            t0 = time.perf_counter()
            store.save(ids[i % len(ids)], record, "contact")
            times.append(time.perf_counter() - t0)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--intakes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--saves", type=int, default=2000)
    args = parser.parse_args()
    bodies = [body(i) for i in range(args.intakes)]

    raw_times, drain_times, fill_times = [], [], []
    with tempfile.TemporaryDirectory() as tmp, SandboxServer(api_key=KEY) as sandbox:
        folder = Path(tmp)
        raw_loop(sandbox, [body(10**7 + i) for i in range(100)])  # warm up both paths
        sandbox.reset()
        for round_no in range(args.rounds):
            sandbox.reset()
            raw_times.append(raw_loop(sandbox, bodies))
            sandbox.reset()
            with Outbox(outbox_path(folder / f"round{round_no}"), Cipher(new_key())) as outbox:
                fill_times.append(fill(outbox, bodies))
                elapsed, created, _ = drain(sandbox, outbox)
                if created != args.intakes or len(sandbox.created()) != args.intakes:
                    raise SystemExit("the drain did not create every intake exactly once")
                drain_times.append(elapsed)
        sandbox.reset()
        with Outbox(outbox_path(folder / "traced"), Cipher(new_key())) as outbox:
            fill(outbox, bodies)
            _, _, peak = drain(sandbox, outbox, trace=True)
        commit_ms = flushed_commit_ms(folder)
        saves = autosave(folder / "drafts", args.saves)

    raw, drained = min(raw_times), min(drain_times)
    ratio = drained / raw
    print(f"intakes per round: {args.intakes}, rounds: {args.rounds} (best of each)")
    print(f"raw httpx POST loop     {raw:7.2f} s  ({raw / args.intakes * 1000:6.2f} ms per create)")
    print(f"outbox drain            {drained:7.2f} s  ({drained / args.intakes * 1000:6.2f} ms per intake)")
    print(f"outbox enqueue (not in the ratio) {min(fill_times):7.2f} s for {args.intakes}")
    print(f"one flushed SQLite commit on this disk: {commit_ms:.2f} ms (median)")
    print(f"ratio drain/raw {ratio:.2f}  target <= {TARGET_RATIO:.2f}: {'met' if ratio <= TARGET_RATIO else 'NOT met'}")
    print(f"drain peak Python memory (tracemalloc): {peak / 1024 / 1024:.2f} MiB for {args.intakes} intakes")
    p50, p99 = percentile(saves, 50) * 1000, percentile(saves, 99) * 1000
    print(f"DraftStore.save over {len(saves)} saves: p50 {p50:.3f} ms  p99 {p99:.3f} ms  max {max(saves) * 1000:.3f} ms"
          f"  target p99 < {TARGET_SAVE_P99_MS:.0f} ms: {'met' if p99 < TARGET_SAVE_P99_MS else 'NOT met'}")
    return 0 if ratio <= TARGET_RATIO and p99 < TARGET_SAVE_P99_MS else 1


if __name__ == "__main__":
    sys.exit(main())
