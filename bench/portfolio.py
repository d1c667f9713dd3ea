"""How long `smgov check FOLDER` (and `smgov register FOLDER`) takes over a state
agency's worth of plans: 200 department plans of the county sample's size.

A reviewer of all the plans waits for the summary as for one plan's check, so the
commands should cost little more than what any tool must do: start Python and
read the files. The reference is that, in one process started the same way:
`python -c` reading the same 200 files with `json.load`. Each command runs as a
separate process (bench/cli.py's `run`), the commands interleaved round by round,
and a ratio is the median over the rounds of a command's time over the
reference's in the same round. Target: at most 3x. `smgov register` is timed
when `smgov register --help` exits 0; otherwise the script says it is not yet
available.

Each command is timed twice over: a first look, with nothing kept (its cache
folder emptied before each run, untimed, so the run also writes what it keeps),
and a second look at the same unchanged plans, the answers kept by the run
before (storage/kept.py): the reviewer's weekly look, and every look after.

The plans are copies of sample_plans/county.json, each with its own department
and organisation name, plan name, budget and hours, written as smgov writes a
plan (storage/layout.py, with its history checksum), in a temp folder: five
department folders of 40 plans. Prints figures; asserts nothing.

    python bench/portfolio.py [--smgov PATH] [--plans 200] [--runs 10] [--installed]
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from cli import ROOT, measure, script_python, timing_options

sys.path.insert(0, str(ROOT))

from smgov_tui.storage.layout import serialise  # noqa: E402  (this checkout's, as the plans are written)

DEPARTMENTS = ("Parks", "Library", "Sheriff", "Elections", "Public Health")
REFERENCE = ("import json, os, sys\n"
             "for folder, _, files in os.walk(sys.argv[1]):\n"
             "    for name in files:\n"
             "        with open(os.path.join(folder, name), 'rb') as handle:\n"
             "            json.load(handle)\n")


def make_plans(folder: Path, count: int) -> int:
    """`count` department plans below `folder`; returns their total size in bytes."""
    county = json.loads((ROOT / "sample_plans" / "county.json").read_text(encoding="utf-8"))
    total = 0
    for number in range(count):
        department = DEPARTMENTS[number % len(DEPARTMENTS)]
        data = copy.deepcopy(county)
        plan = data["plan"]["1"]
        name = f"Kettle County {department} {number // len(DEPARTMENTS) + 1}"
        plan["name"] = f"{name} social media plan"
        values = plan["values"]
        values["organisation.name"] = name
        values["resources.budget"] = 1000 + 50 * number
        values["conduct.time_allotted"] = 4 + number % 8
        values["platforms.chosen"][0]["handle"] = f"@Kettle{department.replace(' ', '')}{number}"
        path = folder / department.lower().replace(" ", "-") / f"plan-{number:03d}.json"
        path.parent.mkdir(exist_ok=True)
        text = serialise(data)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    timing_options(parser)
    parser.add_argument("--plans", type=int, default=200, help="department plans to make (default 200)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        plans, cwd = Path(work) / "plans", Path(work) / "empty"
        plans.mkdir()
        cwd.mkdir()
        size = make_plans(plans, args.plans)
        report(args, plans, size, str(cwd))


def report(args: argparse.Namespace, plans: Path, size: int, cwd: str) -> None:
    python = script_python(args.smgov)
    env = {**os.environ, "COLUMNS": "100", "XDG_CACHE_HOME": str(Path(cwd).parent / "kept")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not args.installed:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))
    first = Path(cwd).parent / "first"  # the cache folder of a first look: emptied before each run
    commands = {"reference": [python, "-c", REFERENCE, str(plans)]}
    register = subprocess.run([args.smgov, "register", "--help"], env=env, cwd=cwd, capture_output=True,
                              check=False).returncode == 0
    for name, command in (("check", ["check"]), ("check json", ["check", "--format", "json"]),
                          ("register", ["register"])):
        if name != "register" or register:
            commands[name] = commands[f"{name} first"] = [args.smgov, *command, str(plans)]
    envs = {name: {**env, "XDG_CACHE_HOME": str(first)} for name in commands if name.endswith(" first")}
    before = {name: functools.partial(shutil.rmtree, first, ignore_errors=True) for name in envs}
    times = measure(commands, env, cwd, args.runs, args.warmup, envs, before)
    wall = {name: statistics.median(w for w, _ in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}

    def ratio(name: str, which: int) -> float:
        return statistics.median(ours[which] / theirs[which]
                                 for ours, theirs in zip(times[name], times["reference"]))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} "
          f"({python})")
    print(f"{args.plans} plans of the county sample's size, {size / 1_000_000:.1f} MB in all")
    print(f"median of {args.runs} runs each, interleaved, after {args.warmup} warm-up rounds")
    print()
    print(f"{'wall ms':>49} {'CPU ms':>7} {'ratio':>6} {'CPU':>6}  target (wall ratio)")
    print(f"{'json.load of every file (reference)':40} {wall['reference']:8.1f} {cpu['reference']:7.1f}")
    for name, label in (("check first", "smgov check FOLDER, first look"), ("check", "  again, answers kept"),
                        ("check json first", "smgov check --format json, first look"),
                        ("check json", "  again, answers kept"),
                        ("register first", "smgov register FOLDER, first look"),
                        ("register", "  again, answers kept")):
        if name not in times:
            continue
        on_wall = ratio(name, 0)
        verdict = "met" if on_wall <= 3.0 else "MISSED"
        print(f"{label:40} {wall[name]:8.1f} {cpu[name]:7.1f} {on_wall:5.2f}x {ratio(name, 1):5.2f}x  "
              f"at most 3x: {verdict}")
    if not register:
        print("register: not yet available")


if __name__ == "__main__":
    main()
