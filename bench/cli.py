"""How long `smgov check` takes from start to exit, as a reviewer runs it.

A reviewer wants the verdict in a blink, so `smgov check` should cost little
more than starting Python and importing the library it cannot do without.
Each command runs as a separate process, like hyperfine, and is timed with
time.perf_counter around subprocess.run. The runs of all commands are
interleaved, round by round, and a ratio is the median over the rounds of a
command's time over its reference's in the same round, so a machine busy with
other work slows both sides of each ratio alike:

- `smgov check --format json PLAN` on the largest sample, against
  `python -c "import tinydb"`: target at most 2x;
- `smgov check PLAN` (the text table) on the largest sample that has a table
  to print (a launch-ready plan prints only its verdict), against
  `python -c "import tinydb, tabulate"`: target at most 1.3x.

Both are timed through the console script users run (the venv's `smgov`
beside this Python, or --smgov PATH) and through `python -m smgov_tui`. The
references run on the console script's own Python. By default both import
this checkout (PYTHONPATH is set to it); --installed times the package as pip
installed it. The verdicts are on wall time; the CPU time each process used
is printed beside it, steadier when other work shares the machine. Prints
figures; asserts nothing.

    python bench/cli.py [--smgov PATH] [--runs 10] [--installed]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_plans"


def largest_sample() -> Path:
    return max(SAMPLES.glob("*.json"), key=lambda path: path.stat().st_size)


def largest_with_table(python: str, env: dict, cwd: str) -> Path:
    """The largest sample whose checklist lists something, so `smgov check` prints its table."""
    def items(path: Path) -> int:
        done = subprocess.run([python, "-m", "smgov_tui", "check", "--format", "json", str(path)],
                              env=env, cwd=cwd, capture_output=True, text=True, check=False)
        return len(json.loads(done.stdout)["items"]) if done.returncode in (0, 1) else 0

    listed = [path for path in SAMPLES.glob("*.json") if items(path)]
    if not listed:
        sys.exit("no sample plan has a checklist table to print")
    return max(listed, key=lambda path: path.stat().st_size)


def default_smgov() -> str:
    """The console script installed beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "smgov"
    return str(beside) if beside.is_file() else shutil.which("smgov") or str(beside)


def script_python(script: str) -> str:
    """The Python a console script runs on, from its #! line (pip writes it there)."""
    try:
        with open(script, "rb") as handle:
            first = handle.readline().decode("utf-8", "replace")
    except OSError:
        sys.exit(f"no smgov console script at {script} (pip install . into the venv, or give --smgov PATH)")
    command = first[2:].split() if first.startswith("#!") else []
    return command[0] if command and "python" in Path(command[0]).name else sys.executable


def cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(command: list[str], env: dict, cwd: str) -> tuple[float, float]:
    """One run, start to exit: wall and CPU milliseconds. Stops the benchmark if the command fails."""
    cpu = cpu_of_children()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):  # check: 0 ready, 1 not ready; 2 is an error
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return wall * 1000, (cpu_of_children() - cpu) * 1000


def measure(commands: dict[str, list[str]], env: dict, cwd: str, runs: int, warmup: int,
            envs: dict[str, dict] | None = None,
            before: dict[str, Callable[[], None]] | None = None) -> dict[str, list[tuple[float, float]]]:
    """Every command run `runs` times, round by round, after `warmup` rounds not counted.
    `envs`: a command's own environment; `before`: done before each of its runs, untimed."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(warmup + runs):
        for name, command in commands.items():
            if before and name in before:
                before[name]()
            timed = run(command, (envs or {}).get(name, env), cwd)
            if round_ >= warmup:
                times[name].append(timed)
    return times


def timing_options(parser: argparse.ArgumentParser) -> None:
    """What every bench of the console script takes: which script, how many runs, which code."""
    parser.add_argument("--smgov", default=default_smgov(), metavar="PATH",
                        help="the console script to time (default: the one beside this Python)")
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each command (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="rounds run first and not counted")
    parser.add_argument("--installed", action="store_true",
                        help="time the installed package, not this checkout (PYTHONPATH left alone)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    timing_options(parser)
    parser.add_argument("--plan", type=Path, default=largest_sample(),
                        help="the plan for --format json (default: the largest sample)")
    parser.add_argument("--table-plan", type=Path,
                        help="the plan for the text table (default: the largest sample with a table)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as empty:
        report(args, empty)


def report(args: argparse.Namespace, cwd: str) -> None:
    """Measure and print. Every process starts in the empty folder `cwd`, where
    `python -c` and `python -m` find no package but the one they are meant to."""
    python = script_python(args.smgov)
    env = {**os.environ, "COLUMNS": "80"}  # the text table's width, whatever runs the benchmark
    # Installed, smgov's bytecode is compiled once; a run that may not write it times the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not args.installed:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))
    imported = subprocess.run([python, "-c", "import smgov_tui; print(smgov_tui.__file__)"], env=env,
                              cwd=cwd, capture_output=True, text=True, check=False).stdout.strip()
    table_plan = (args.table_plan or largest_with_table(python, env, cwd)).resolve()
    plan, table = str(args.plan.resolve()), str(table_plan)
    commands = {  # each reference just before the commands measured against it
        "python": [python, "-c", "pass"],
        "tinydb": [python, "-c", "import tinydb"],
        "script json": [args.smgov, "check", "--format", "json", plan],
        "module json": [python, "-m", "smgov_tui", "check", "--format", "json", plan],
        "tinydb+tabulate": [python, "-c", "import tinydb, tabulate"],
        "script text": [args.smgov, "check", table],
        "module text": [python, "-m", "smgov_tui", "check", table],
    }
    times = measure(commands, env, cwd, args.runs, args.warmup)
    wall = {name: statistics.median(w for w, _ in runs) for name, runs in times.items()}
    fastest = {name: min(w for w, _ in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}

    def ratio(name: str, reference: str, which: int) -> float:
        """The median over the rounds of this command's time over its reference's in the same round."""
        return statistics.median(ours[which] / theirs[which] for ours, theirs in zip(times[name], times[reference]))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} "
          f"({python})")
    for what, path in (("json", args.plan), ("table", table_plan)):
        print(f"plan for {what}: {path.name} ({path.stat().st_size / 1000:.0f} kB)")
    print(f"smgov: {args.smgov} (console script), importing {Path(imported).parent if imported else '?'}")
    print(f"median of {args.runs} runs each, interleaved, after {args.warmup} warm-up rounds")
    print()
    print(f"{'wall ms':>49} {'min':>6} {'CPU ms':>7}")
    for name, label in (("python", 'python -c "pass"'), ("tinydb", 'python -c "import tinydb"'),
                        ("tinydb+tabulate", 'python -c "import tinydb, tabulate"')):
        print(f"{label:40} {wall[name]:8.1f} {fastest[name]:6.1f} {cpu[name]:7.1f}")
    print()
    print(f"{'wall ms':>49} {'min':>6} {'CPU ms':>7} {'ratio':>6} {'CPU':>6}  target (wall ratio)")
    for fmt, reference, target in (("json", "tinydb", 2.0), ("text", "tinydb+tabulate", 1.3)):
        for how, label in (("script", "smgov check"), ("module", "python -m smgov_tui check")):
            name = f"{how} {fmt}"
            on_wall = ratio(name, reference, 0)
            verdict = "met" if on_wall <= target else "MISSED"
            shown = f"{label}{' --format json' if fmt == 'json' else ''}"
            print(f"{shown:40} {wall[name]:8.1f} {fastest[name]:6.1f} {cpu[name]:7.1f} {on_wall:5.2f}x "
                  f"{ratio(name, reference, 1):5.2f}x  at most {target}x of {reference}: {verdict}")


if __name__ == "__main__":
    main()
