"""How the workbench copes with size: a 10,000-row list and a 1 MB paste.

The aim is no freeze over a second. Each figure is printed beside a reference
measured in the same run, the same action on a plan of ordinary size, so the
ratio shows what the size itself costs rather than the machine:

- open: the workbench started headless at 80x24 on the peers step of a plan
  whose peers list has 10,000 rows, to the first frame (reference: the county
  sample as it is, 3 peers);
- keystroke: one character typed into a field of that step and drawn, with the
  checklist and the peers view redrawn (reference: the same on the sample);
- save: the pending value written through the store (lock, re-read, atomic
  write, backup) (reference: the same on the sample);
- paste: 1 MB pasted into a text area and drawn, then a keystroke after it,
  as lines of text and as one long line, the worst case for Textual's soft
  wrapping (reference: 1 KB).

    python bench/size.py [--rows 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events  # noqa: E402

from smgov_tui.cli import main  # noqa: E402
from smgov_tui.core.catalogue import CATALOGUE  # noqa: E402
from smgov_tui.storage.store import PlanStore  # noqa: E402
from smgov_tui.tui.app import SmgovApp  # noqa: E402

SIZE = (80, 24)
PASTED_INTO = "objectives.conversations_now"
# The long list, the step it is on, a field of that step to type into, and a row.
LISTS = {
    "peers": ("peers.peers", "peers", "peers.community",
              lambda n: {"peer": f"Peer {n:05}", "platforms": "Facebook, Nextdoor",
                         "process": "weekly review", "tips": f"tip {n}"}),
    # the heaviest: every platform feeds the hours view, the checks and the main-platform menu
    "platforms": ("platforms.chosen", "platforms", "platforms.naming",
                  lambda n: {"platform": f"Site {n:05}", "owner": "Priya Nair", "backup": "Tom Becker",
                             "posts_per_week": 1, "minutes_per_post": 10, "comments": "open"}),
}
LIST = "peers"


def make_plan(folder: Path, name: str, rows: int) -> Path:
    path = folder / f"{name}.json"
    main(["new", str(path), "--sample", "county"])
    if rows:
        decision, _, _, row = LISTS[LIST]
        PlanStore(path).set(decision, CATALOGUE.check(decision, [row(n) for n in range(rows)], {}))
    return path


async def open_type_save(path: Path) -> tuple[float, float, float]:
    started = time.perf_counter()
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        _, step, typed_into, _ = LISTS[LIST]
        app.show_step(step)
        await pilot.pause()
        opened = time.perf_counter() - started
        app.screen.query_one(f"#edit-{typed_into.replace('.', '--')}").focus()
        await pilot.press("end")  # focus selects the whole value; type after it instead
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("x")
        await pilot.pause()
        typed = time.perf_counter() - started
        assert typed_into in app.pending, "the keystroke did not reach the field"
        started = time.perf_counter()
        app.flush()
        saved = time.perf_counter() - started
        assert not app.pending
        await pilot.press("ctrl+q")
    return opened, typed, saved


async def paste(path: Path, text: str) -> tuple[float, float]:
    app = SmgovApp(PlanStore(path))
    async with app.run_test(size=SIZE) as pilot:
        app.show_step("objectives")
        await pilot.pause()
        area = app.screen.query_one(f"#edit-{PASTED_INTO.replace('.', '--')}")
        area.focus()
        area.load_text("")
        await pilot.pause()
        started = time.perf_counter()
        app.post_message(events.Paste(text))
        await pilot.pause()
        pasted = time.perf_counter() - started
        assert area.text == text
        started = time.perf_counter()
        await pilot.press("x")
        await pilot.pause()
        typed = time.perf_counter() - started
        await pilot.press("ctrl+q")
    return pasted, typed


def median(runs: int, measure) -> list[float]:
    results = [asyncio.run(measure()) for _ in range(runs)]
    return [statistics.median(column) for column in zip(*results)]


def show(what: str, figure: float, reference: float) -> None:
    flag = "  OVER A SECOND" if figure > 1 else ""
    print(f"{what:<32} {figure * 1000:8.0f} ms   reference {reference * 1000:7.0f} ms   "
          f"ratio {figure / reference:6.1f}x{flag}")


def run(rows: int, runs: int, pastes: bool = True) -> None:
    with tempfile.TemporaryDirectory() as folder:
        big, small = make_plan(Path(folder), "big", rows), make_plan(Path(folder), "small", 0)
        print(f"smgov workbench size bench: {rows:,} rows in {LISTS[LIST][0]} ({big.stat().st_size / 1e6:.1f} MB plan), "
              f"median of {runs}; {platform.machine()}, Python {platform.python_version()}")
        big_open, big_key, big_save = median(runs, lambda: open_type_save(big))
        ref_open, ref_key, ref_save = median(runs, lambda: open_type_save(small))
        show(f"open on {LISTS[LIST][1]}, {rows:,} rows", big_open, ref_open)
        show(f"keystroke, {rows:,} rows", big_key, ref_key)
        show(f"save, {rows:,} rows", big_save, ref_save)
        if not pastes:
            return
        sentence = "Residents ask about bin days, road works and the library's hours."
        lines = ((sentence + "\n") * 16000)[:1_000_000].strip()
        one_line = ((sentence + " ") * 16000)[:1_000_000].strip()
        kb_paste, kb_key = median(runs, lambda: paste(small, lines[:1000].strip()))
        for name, text in (("1 MB in lines", lines), ("1 MB, one line", one_line)):
            mb_paste, mb_key = median(runs, lambda text=text: paste(small, text))
            show(f"paste {name}", mb_paste, kb_paste)
            show(f"keystroke after {name}", mb_key, kb_key)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--list", choices=sorted(LISTS), default="peers")
    parser.add_argument("--no-paste", action="store_true", help="only the long list")
    arguments = parser.parse_args()
    LIST = arguments.list
    run(arguments.rows, arguments.runs, not arguments.no_paste)
