"""How long reading one ID barcode takes, and how often it reads real cards right.

Accuracy: ``parse_barcode`` over the real-world corpus (``tests/unit/idscan_realworld.py``,
barcode texts from public sources): samples fully right (every field, the expiry date, the
issuer and the expected warnings) and fields right.

Time: ``parse_barcode`` over the test corpus, each card in every way scanners deliver it (line
breaks, CRLF, separators dropped, Caps Lock ...), plus the real-world texts, against a bare
``str.split`` of the same texts measured in the same run.

    .venv/bin/python benchmarks/idscan.py [--rounds 200] [--window-rounds 20]

Target: p99 under 1 ms per barcode, so a keyboard-wedge scan fills the form at once.

Then, in the intake window (offscreen), scan-to-filled-form: a card typed as a keyboard-mode
scanner types it into the Identity step, timed from the last key to the filled form (the
burst's quiet gap included), and the read-and-fill alone, against typing the same keys into a
bare line edit and against the parse alone, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import wire
from app.idscan import parse_barcode
from tests.unit.idscan_corpus import CARDS, DELIVERIES, TODAY
from tests.unit.idscan_realworld import SAMPLES, accuracy

TARGET_P99_MS = 1.0


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _time_each(texts: list[str], fn, rounds: int) -> list[float]:
    samples: list[float] = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for text in texts:
            start = clock()
            fn(text)
            samples.append((clock() - start) / 1e6)
    return samples


def _type_burst(widget, text: str) -> int:
    """Key events for a barcode as a keyboard-mode scanner sends them; returns the key count."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    keys = 0
    for ch in text:
        if ch in "\r\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch >= " ":
            QTest.keyClicks(widget, ch)
        else:
            continue
        keys += 1
    return keys


def _window_figures(rounds: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("INTAKE_CLERK", "Benchmark")
    import keyring

    from app.memkeyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from app.config import Config
    from ui.app_setup import create_main_window, ensure_app
    from ui.features.idscan import IdScanFeature
    from ui.tasks import wait_for_tasks
    from ui.widgets.scan_capture import QUIET_MS

    ensure_app()
    data_dir = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    # No API key and no server: the duplicate check asks only this station's index.
    config = Config(api_url="http://127.0.0.1:9", files_url="http://127.0.0.1:9", data_dir=data_dir)
    window = create_main_window(config)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    feature = window.findChild(IdScanFeature)
    card = next(c for c in CARDS if c.issuer == "CA" and not c.warnings)
    text = card.text
    bare = QLineEdit()
    bare.show()

    after_last_key, typing, bare_typing, fill, parse_only = [], [], [], [], []
    keys = 0
    clock = time.perf_counter
    for _ in range(rounds):
        window.session.new_intake()
        target = window.editor(wire.FIRST_NAME)
        target.setFocus()
        loop = QEventLoop()
        done: list[float] = []
        feature.filled.connect(lambda _names, d=done, lp=loop: (d.append(clock()), lp.quit()))
        start = clock()
        keys = _type_burst(target, text)
        typed = clock()
        if not done:
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
        feature.filled.disconnect()
        if not done:
            raise SystemExit("the scan never filled the form")
        typing.append((typed - start) * 1000)
        after_last_key.append((done[0] - typed) * 1000)
        bare.clear()
        start = clock()
        _type_burst(bare, text)
        bare_typing.append((clock() - start) * 1000)
        window.session.new_intake()
        start = clock()
        feature.read_text(text)
        fill.append((clock() - start) * 1000)
        start = clock()
        parse_barcode(text, today=TODAY, jurisdiction=config.jurisdiction)
        parse_only.append((clock() - start) * 1000)
        wait_for_tasks()

    def p(samples: list[float], fraction: float) -> float:
        return _percentile(samples, fraction)

    print(f"window (offscreen), {rounds} scans of a {len(text)}-character card, {keys} keys each:")
    print(f"  typing the burst into the window   p50 {p(typing, .5):7.1f} ms   p99 {p(typing, .99):7.1f} ms")
    print(f"  same keys into a bare line edit    p50 {p(bare_typing, .5):7.1f} ms   "
          f"ratio {p(typing, .5) / p(bare_typing, .5):.1f}x")
    print(f"  last key -> form filled            p50 {p(after_last_key, .5):7.1f} ms   "
          f"p99 {p(after_last_key, .99):7.1f} ms   (quiet gap {QUIET_MS} ms)")
    print(f"  read and fill (read_text)          p50 {p(fill, .5):7.1f} ms   p99 {p(fill, .99):7.1f} ms")
    print(f"  parse alone                        p50 {p(parse_only, .5):7.3f} ms   "
          f"ratio fill/parse {p(fill, .5) / p(parse_only, .5):.0f}x")
    window.session.stop()
    wait_for_tasks()
    feature.close()
    window.station.close()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--window-rounds", type=int, default=20, help="scans in the window; 0 skips it")
    args = parser.parse_args()

    texts = [deliver(card.text) for card in CARDS for deliver in DELIVERIES.values()]
    texts += [sample.text for sample in SAMPLES]
    modes = {name: [deliver(card.text) for card in CARDS] for name, deliver in DELIVERIES.items()}

    def parse(text: str) -> object:
        return parse_barcode(text, today=TODAY, jurisdiction="CA", customer_type="recreational")

    def baseline(text: str) -> object:
        return text.split("\n")

    for text in texts[:50]:  # warm the regex caches and the policy table
        parse(text)
    parsed = _time_each(texts, parse, args.rounds)
    split = _time_each(texts, baseline, args.rounds)

    p50, p99 = _percentile(parsed, 0.50), _percentile(parsed, 0.99)
    b50, b99 = _percentile(split, 0.50), _percentile(split, 0.99)
    whole, samples, fields_right, fields = accuracy()
    print(f"real-world corpus: {whole}/{samples} samples fully right ({whole / samples:.1%}), "
          f"{fields_right}/{fields} fields right ({fields_right / fields:.1%})")
    print(f"corpus: {len(CARDS)} cards x {len(DELIVERIES)} deliveries + {len(SAMPLES)} real-world texts "
          f"= {len(texts)} texts, {args.rounds} rounds")
    mean = statistics.fmean(parsed)
    print(f"parse_barcode  p50 {p50 * 1000:7.1f} us   p99 {p99 * 1000:7.1f} us   mean {mean * 1000:7.1f} us")
    print(f"str.split      p50 {b50 * 1000:7.1f} us   p99 {b99 * 1000:7.1f} us")
    print(f"ratio parse/split: p50 {p50 / b50:.0f}x, p99 {p99 / b99:.0f}x")
    modes["real-world texts"] = [sample.text for sample in SAMPLES]
    for name, mode_texts in modes.items():
        mode = _time_each(mode_texts, parse, max(1, args.rounds // 4))
        m50, m99 = _percentile(mode, 0.5), _percentile(mode, 0.99)
        print(f"  {name:28s} p50 {m50 * 1000:7.1f} us   p99 {m99 * 1000:7.1f} us")
    # Other work on a shared machine stretches single samples: the best of each text's rounds
    # is the parse's own cost, shown beside the load so a missed target can be judged.
    best = sorted(min(parsed[i :: len(texts)]) for i in range(len(texts)))
    print(f"best of {args.rounds} rounds per text: p50 {_percentile(best, .5) * 1000:7.1f} us   "
          f"p99 {_percentile(best, .99) * 1000:7.1f} us   (load average {os.getloadavg()[0]:.1f})")
    verdict = "meets" if p99 < TARGET_P99_MS else "MISSES"
    print(f"target p99 < {TARGET_P99_MS:.1f} ms: {verdict} ({p99:.3f} ms)")
    if args.window_rounds > 0:
        _window_figures(args.window_rounds)
    return 0 if p99 < TARGET_P99_MS else 1


if __name__ == "__main__":
    sys.exit(main())
