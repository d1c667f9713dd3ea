"""How long one save (`PlanStore.set`: lock, read, check, write, fsync, backup) takes
as a plan's history grows, against writing the same bytes with json.dumps and an
fsync'd write, measured in the same run. Prints figures; asserts nothing.
Target: under 15 ms at 10,000 entries. BENCH_DIR=/dev/shm runs it in memory,
where fsync costs nothing: the difference is the disk.

    python bench/save.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from smgov_tui.storage.layout import serialise
from smgov_tui.storage.store import PlanStore

SIZES = (10, 1_000, 10_000)
RUNS = 7
TARGET_MS = 15.0
TEXT = "Residents ask about road works, trash pickup and park events; we answer with a link."


def plan_with_history(folder: Path, entries: int) -> PlanStore:
    """A plan whose history has `entries` changes, written once (not entry by entry)."""
    path = folder / f"plan-{entries}.json"
    store = PlanStore.create(path, "Bench plan")
    data = json.loads(path.read_text())
    data["history"] = {str(n): {"decision": "objectives.approach", "new": f"{TEXT} ({n})",
                                "old": f"{TEXT} ({n - 1})" if n > 1 else None,
                                "when": "2026-11-23T19:31:04Z", "who": "druiz"}
                       for n in range(1, entries + 1)}
    data["plan"]["1"]["values"]["objectives.approach"] = f"{TEXT} ({entries})"
    path.write_text(serialise(data))
    return store


def median_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def reference(path: Path) -> None:
    """The floor: parse the file, dump it with json.dumps, write it and fsync it."""
    data = json.loads(path.read_bytes())
    with open(path.with_suffix(".ref"), "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, ensure_ascii=False))
        handle.flush()
        os.fsync(handle.fileno())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"saves timed per size (default {RUNS})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
              f"folder {folder.parent}; median of {args.runs}")
        print(f"{'history':>8} {'file':>9} {'save ms':>8} {'ref ms':>7} {'ratio':>6}")
        for size in SIZES:
            store = plan_with_history(folder, size)
            store.set("objectives.frequency", "weekly")  # first save after the bulk write (full rewrite)
            counter = iter(range(10**9))
            save = median_ms(lambda store=store, counter=counter: store.set("resources.budget", next(counter)),
                             args.runs)
            ref = median_ms(lambda path=store.path: reference(path), args.runs)
            kb = store.path.stat().st_size / 1000
            print(f"{size:>8,} {kb:>7.0f}kB {save:>8.2f} {ref:>7.2f} {save / ref:>5.2f}x")
            last = save
        print(f"target          under {TARGET_MS:g} ms at {SIZES[-1]:,}: {'met' if last < TARGET_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
