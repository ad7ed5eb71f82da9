"""Exactly once under the worst conditions: a POS slower than the client's patience, and the
sender killed (SIGKILL) at random moments during a sync and started again at once.

    .venv/bin/python benchmarks/killrestart.py [--intakes 20] [--rounds 10] [--seed 1]

Intakes carry no state ID, so the server's uniqueness check cannot catch a second create: only
the outbox's write-ahead mark, its lookups and its settle rule (app/sync.py) can. The embedded
sandbox holds each create for a random time of up to three times the client's create timeout,
and carries it out after the client gave up or died, as a real server does. Each round starts
`sender` (a child process draining the outbox) and kills it after a random time; a last sender
then runs to the end, and the script waits for every held create to land before counting.

Printed per run: queued, customers created, lost (queued intakes with no customer, or entries
not created), extra (customers beyond one per intake). The same run is made with the settle
rule switched off (settle 0) as the baseline. Target: 0 lost, 0 extra.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import wire  # noqa: E402
from app.api.client import ApiClient  # noqa: E402
from app.crypto import Cipher, new_key  # noqa: E402
from app.outbox import Outbox  # noqa: E402
from app.storage import outbox_path  # noqa: E402
from app.sync import OutboxSyncer  # noqa: E402

KEY = "benchmark-key"
CREATE_TIMEOUT = 0.3
LONGEST_HOLD = 3 * CREATE_TIMEOUT


def _name(i: int) -> str:
    text = ""
    while True:
        i, rest = divmod(i, 26)
        text += chr(ord("a") + rest)
        if not i:
            return "Kr" + text


def body(i: int) -> dict:
    return {
        wire.FIRST_NAME: _name(i),
        wire.LAST_NAME: "Restart",
        wire.DATE_OF_BIRTH: "1984-03-14",
        wire.HAS_MEDICAL_RECOMMENDATION: False,
        wire.GENDER: "unspecified",
        wire.TYPE: "recreational",
        wire.MANUAL_GROUPS: [],
    }


def sender(args: argparse.Namespace) -> int:
    """The child: drain the outbox until nothing is pending (or it is killed)."""
    cipher = Cipher(bytes.fromhex(os.environ["INTAKE_BENCH_DATA_KEY"]))
    with Outbox(Path(args.db), cipher) as box:
        syncer = OutboxSyncer(
            box,
            lambda: ApiClient(args.api, args.files, KEY, timeout=CREATE_TIMEOUT, create_timeout=CREATE_TIMEOUT),
            base_delay=0.05,
            max_delay=0.5,
            settle_seconds=args.settle,
        )
        while True:
            report = syncer.drain(wait=60)
            if report.remaining == 0:
                return 0
            time.sleep(0.05)  # another sender holds the lock, or waits are left: go again


def _states(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT state, COUNT(*) FROM entries GROUP BY state").fetchall())
    finally:
        conn.close()


def one_run(server, n: int, rounds: int, settle: float, rng: random.Random) -> dict[str, float]:
    server.reset()
    holds = [{"delay": rng.uniform(0.0, LONGEST_HOLD), "path": "/customers", "method": "POST"} for _ in range(6 * n)]
    server.script_faults(holds)
    key = new_key()
    with tempfile.TemporaryDirectory() as tmp:
        db = outbox_path(Path(tmp) / "data")
        with Outbox(db, Cipher(key)) as box:
            for i in range(n):
                box.enqueue(body(i))
        env = {**os.environ, "INTAKE_BENCH_DATA_KEY": key.hex()}
        command = [sys.executable, __file__, "sender", "--db", str(db), "--api", server.api_url,
                   "--files", server.files_url, "--settle", str(settle)]
        started = time.perf_counter()
        kills = 0
        for _ in range(rounds):
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.3, 2.0))  # module imports take ~0.3 s: kill during the sync
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
                kills += 1
            child.wait()
        last = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              timeout=600)
        elapsed = time.perf_counter() - started
        time.sleep(LONGEST_HOLD + 0.5)  # creates still held by the server land now
        states = _states(db)
    customers = [c for c in server.created() if c[wire.LAST_NAME] == "Restart"]
    names = {c[wire.FIRST_NAME] for c in customers}
    wanted = {_name(i) for i in range(n)}
    lost = len(wanted - names) + sum(v for k, v in states.items() if k != "created")
    return {
        "queued": n,
        "created": len(customers),
        "lost": lost,
        "extra": len(customers) - len(names & wanted),
        "kills": kills,
        "seconds": elapsed,
        "last_exit": last.returncode,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode")
    child = sub.add_parser("sender")
    for name in ("--db", "--api", "--files"):
        child.add_argument(name, required=True)
    child.add_argument("--settle", type=float, required=True)
    parser.add_argument("--intakes", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.mode == "sender":
        return sender(args)

    from app.sandbox import SandboxServer

    settle = 3 * LONGEST_HOLD
    print(f"{args.intakes} intakes without a state ID, {args.rounds} kills at random moments; creates held "
          f"0-{LONGEST_HOLD:.1f} s by the server, client create timeout {CREATE_TIMEOUT} s")
    failed = False
    with SandboxServer(api_key=KEY) as server:
        for label, value in (("settle rule on", settle), ("baseline: settle 0", 0.0)):
            result = one_run(server, args.intakes, args.rounds, value, random.Random(args.seed))
            print(f"{label:>20} (settle {value:.1f} s): queued {result['queued']}, created {result['created']}, "
                  f"lost {result['lost']}, extra {result['extra']} ({result['kills']:.0f} kills, "
                  f"{result['seconds']:.1f} s, last sender exit {result['last_exit']:.0f})")
            if value and (result["lost"] or result["extra"]):
                failed = True
    print("target: 0 lost, 0 extra with the settle rule:", "MISSED" if failed else "met")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
