#!/usr/bin/env python3
"""Start time of the installed program against the same commands run from source, measured
in the same run: median wall time of ``intake --version`` (interpreter and CLI start) and of
``intake --self-test`` (window, embedded sandbox, one intake), and the ratio packaged/source.

    python3 packaging/linux/startup_times.py /usr/bin/intake .venv/bin/intake [--runs 10 --self-test-runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def median_seconds(cmd: list[str], runs: int) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(cmd, check=True, capture_output=True, env=env)  # warm the page cache first
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packaged")
    parser.add_argument("source")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--self-test-runs", type=int, default=3)
    args = parser.parse_args(argv)

    print(f"{'command':<16}{'packaged':>12}{'source':>12}{'ratio':>8}")
    for label, extra, runs in (("--version", ["--version"], args.runs),
                               ("--self-test", ["--self-test"], args.self_test_runs)):
        packaged = median_seconds([args.packaged, *extra], runs)
        source = median_seconds([args.source, *extra], runs)
        print(f"{label:<16}{packaged * 1000:>10.0f}ms{source * 1000:>10.0f}ms{packaged / source:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
