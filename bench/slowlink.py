"""The workbench over a slow link (an SSH session on a poor line), side by
side with the minimal Textual app: the time until the settled frame, the
first a person can work from, has arrived at the far end.

Each app runs in a pty at 80x24; what it writes goes through a link of the
given rate (default 256 kbit/s) before it reaches the measuring side, a
terminal emulator (bench/settled.py: a FIFO with a buffer as large as an SSH
channel's window, so the app is never held up writing; its question whether
the terminal draws frames whole is answered when the question arrives).
Every frame sent is carried, also those the app lays out again before it
settles: that is the cost of drawing a screen twice. Rounds alternate the
two apps; figures are medians. A run at full speed is the same start as
bench/tui.py's.

    python bench/slowlink.py [--rate 256[,1000...]] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from settled import start
from tui import FIRST_FRAME_TEXT, SMGOV_FIRST_FRAME, STYLES_KEPT_AFTER, Apps, load, ms


def bench_link(apps: Apps, kbits: float, rounds: int) -> None:
    rate = kbits * 1000 / 8  # bytes a second
    ours, reference = [], []
    for _ in range(rounds):  # interleaved, so a busy moment costs both alike
        ours.append(start(apps.smgov(apps.county), apps.env, apps.folder, SMGOV_FIRST_FRAME, rate=rate))
        reference.append(start(apps.minimal, apps.env, apps.folder, FIRST_FRAME_TEXT, rate=rate))
    print(f"through a link of {kbits:g} kbit/s ({rate / 1000:g} kB/s), {rounds} interleaved rounds, medians")
    for name, runs in (("smgov (county sample)", ours), ("minimal app", reference)):
        settled = [run.settled.time for run in runs]
        content = [run.content.time for run in runs]
        print(f"    {name:<22} settled frame arrived {statistics.median(settled) * 1000:6,.0f} ms "
              f"(runs: {ms(settled)}), {statistics.median(run.settled.sent for run in runs):,.0f} B; "
              f"first content {statistics.median(content) * 1000:,.0f} ms")
    ratio = statistics.median(run.settled.time for run in ours) / statistics.median(
        run.settled.time for run in reference)
    print(f"  settled frame: {ratio:.2f}x the minimal app")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", default="256", help="kbit/s, comma-separated for several links")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved starts per app and link")
    arguments = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; load average {load()}")
    with tempfile.TemporaryDirectory() as folder:
        apps = Apps(Path(folder))
        # A first run each, not counted: it compiles the modules and keeps smgov's parsed stylesheets.
        start(apps.smgov(apps.county), apps.env, apps.folder, SMGOV_FIRST_FRAME, linger=STYLES_KEPT_AFTER + 1)
        start(apps.minimal, apps.env, apps.folder, FIRST_FRAME_TEXT, linger=STYLES_KEPT_AFTER + 1)
        for kbits in arguments.rate.split(","):
            bench_link(apps, float(kbits), arguments.rounds)
    print(f"load average at the end {load()}")


if __name__ == "__main__":
    main()
