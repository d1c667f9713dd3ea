"""A first-time planner's walk, measured in keystrokes.

The planner of issue 14: the only communications officer of a town of about
18,000, with an intern, $1,500 a year, wanting a Facebook page. From the
README's first command (`smgov`, no plan, a fresh HOME) the walk goes, in a
real terminal (a private tmux server at 80x24), from the welcome screen to a
signed-off launch, by keyboard alone:

- it starts a blank plan and answers the organisation's facts;
- then it presses ctrl+f (next missing, the most urgent first) and answers
  whatever decision that lands on, until nothing blocks; then it signs off.

Two walks, the same plan at the end:

- **suggested**: where the plan offers a suggestion (the suggest key), it takes
  it with that one key; it types only what a planner must know themselves
  (`OWN`: their people, budget, platform and figures, peer, dates);
- **typed**: the same answers, every one typed in full, as before suggestions.

Every key sent to the terminal counts: letters, tab, enter, arrows, the
command keys. Which decision ctrl+f lands on is asked of the core, as the
workbench asks it; after each answer the walk waits for the value to be in the
plan file, so a key that went astray stops the walk with the screen shown.
The time printed is the walk's own (the machine's), and an estimate at a
typist's pace of 200 keys a minute; reading the guidance is not counted.

    python bench/first_time.py [--only suggested|typed] [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smgov_tui.core import suggestions  # noqa: E402
from smgov_tui.core.catalogue import CATALOGUE  # noqa: E402
from smgov_tui.core.catalogue.kinds import (  # noqa: E402
    Choice,
    LongText,
    Multi,
    RowRef,
    Rows,
    YesNo,
)
from smgov_tui.core.plan import Plan  # noqa: E402
from smgov_tui.core.readiness import checklist, next_missing  # noqa: E402
from smgov_tui.keys.specs import BY_ID  # noqa: E402

WIDTH, HEIGHT = 80, 24
TYPIST = 200  # keys a minute: about 40 words a minute

# The facts the walk types on the Organisation screen, in its field order.
ORGANISATION = {
    "organisation.name": "Town of Millbrook",
    "organisation.kind": "town",
    "organisation.country": "United States",
    "organisation.website": "millbrook.gov",
    "organisation.currency": "USD",
}
# What only the planner knows: typed in both walks.
OWN: dict[str, Any] = {
    "objectives.conversations_now": "Road works and snow clearance in the Millbrook Community "
                                    "Facebook group; nobody from the town answers there.",
    "objectives.conversations_wanted": "Questions about bins, permits and events; ideas for the "
                                       "riverside park; reports of broken streetlights.",
    "resources.roster": [
        {"name": "Priya Shah", "role": "team lead", "hours": "10", "when": "Mon-Fri 09:00-11:00",
         "contact": "pshah@millbrook.gov"},
        {"name": "Leo Park", "role": "backup", "hours": "5", "when": "Mon-Fri 13:00-14:00"},
    ],
    "resources.budget": "1500",
    "resources.sponsor": "Tom Reyes, Town Manager",
    "platforms.chosen": [
        {"platform": "Facebook", "owner": "Priya Shah", "backup": "Leo Park", "posts_per_week": "4",
         "minutes_per_post": "20", "checks_per_day": "2", "minutes_per_check": "10",
         "replies_per_week": "10", "minutes_per_reply": "5", "comments": "open",
         "content": ["text", "images"]},
    ],
    "peers.peers": [
        {"peer": "Town of Ashford", "kind": "town", "platforms": "Facebook",
         "works": "Weekly road works post every Monday"},
    ],
    "platforms.terms_review": "Facebook's terms reviewed by the town attorney on 2026-12-10",
    "launch.date": "2027-03-01",
}
SIGNER = ("Tom Reyes", "Town Manager")


# The terminal

class Terminal:
    """One private tmux server at 80x24 running smgov, counting the keys sent."""

    def __init__(self, home: Path) -> None:
        self.name = f"smgov-first-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.home = home
        self.keys = 0
        self.before = ""  # the screen before the last keys sent
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
                    "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_CACHE_HOME": str(home / ".cache"), "XDG_STATE_HOME": str(home / ".local/state"),
                    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "USER": "pshah", "LOGNAME": "pshah",
                    "TMUX_TMPDIR": str(home), "PYTHONPATH": str(ROOT)}

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.name, "-f", "/dev/null", *args], env=self.env,
                              capture_output=True, text=True, timeout=30).stdout

    def start(self) -> None:
        # `smgov` as the README's first command runs it, from this source tree (PYTHONPATH):
        # an installed copy may be older than the code being measured.
        command = [sys.executable, "-m", "smgov_tui"]
        self.tmux("new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), "-s", self.name,
                  f"cd {shlex.quote(str(self.home))} && env TERM=xterm-256color {shlex.join(command)}")

    def kill(self) -> None:
        self.tmux("kill-server")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def key(self, *names: str) -> None:
        """Keys by tmux's names (Tab, Enter, C-f, F5), each one counted."""
        self.before = self.screen()
        self.keys += len(names)
        self.tmux("send-keys", "-t", self.name, *names)

    def text(self, text: str) -> None:
        """Typed text, a key a character; a line break is enter."""
        for number, line in enumerate(text.split("\n")):
            if number:
                self.key("Enter")
            if line:
                self.before = self.screen()
                self.keys += len(line)
                self.tmux("send-keys", "-t", self.name, "-l", "--", line)  # "--": a line may start with "-"

    def settle(self, quiet: float = 0.25, timeout: float = 10, react: float = 3) -> str:
        """The screen once the last keys have changed it (or `react` seconds passed: some
        keys change nothing) and it has then stopped changing for `quiet` seconds: on a
        busy machine the app may take longer than `quiet` to answer a key at all."""
        deadline = time.monotonic() + react
        while self.screen() == self.before and time.monotonic() < deadline:
            time.sleep(0.03)
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return last

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen():
            if time.monotonic() > deadline:
                raise Stuck(f"waited for {text!r}", self.screen())
            time.sleep(0.05)


class Stuck(Exception):
    def __init__(self, what: str, screen: str) -> None:
        super().__init__(f"{what}; the terminal shows:\n{screen}")


def tmux_key(spec_id: str) -> str:
    """The first key of a binding, by id, as tmux names it."""
    key = BY_ID[spec_id].keys.split(",")[0]
    if key.startswith("ctrl+"):
        return "C-" + key.removeprefix("ctrl+")
    if key.startswith("alt+"):
        return "M-" + key.removeprefix("alt+")
    return key.upper() if key[0] == "f" and key[1:].isdigit() else key


# Answering one value in the editor its kind has

def answer(term: Terminal, kind, value: Any, names: tuple[str, ...] = ()) -> None:
    """Put `value` (as `smgov set` would take it) into the focused editor."""
    if isinstance(kind, (Choice, YesNo, RowRef)):
        choices = names if isinstance(kind, RowRef) else (
            ("yes", "no") if isinstance(kind, YesNo) else kind.choices)
        shown = kind.show(value) if isinstance(kind, YesNo) else str(value)
        term.key("Enter")  # opens the drop-down
        term.settle(0.15)
        term.text(_prefix(shown, choices))  # the drop-down jumps to what is typed
        term.key("Enter")
    elif isinstance(kind, Multi):
        at = 0
        for index, choice in enumerate(kind.choices):
            if choice in value:
                term.key(*["Down"] * (index - at), "Space")
                at = index
    elif isinstance(kind, LongText):
        term.text(value)
    else:
        term.text(str(value))


def _prefix(wanted: str, choices: tuple[str, ...]) -> str:
    """The fewest first letters that pick `wanted` in an open drop-down, searched as
    Textual's does: the option (its "Choose…" blank among them) where the typed text
    appears earliest, the first of those on a tie."""
    options = ("Choose…", *choices)
    for length in range(1, len(wanted) + 1):
        query = wanted[:length].lower()
        found = [(option.lower().find(query), n) for n, option in enumerate(options)
                 if query in option.lower()]
        if options[min(found)[1]] == wanted:
            return wanted[:length]
    return wanted


def add_rows(term: Terminal, kind: Rows, rows: list[dict], path: Path, decision_id: str) -> None:
    """Each row through the row form: `a`, the fields in order (tab between), save;
    each row must reach the plan file before the next."""
    for number, row in enumerate(rows, len(load(path).rows(decision_id)) + 1):
        term.key(tmux_key("rows.add"))
        term.settle(0.2)
        typed = [f for f in kind.fields if row.get(f.key) not in (None, "", [])]
        last = kind.fields.index(typed[-1])
        for index, field in enumerate(kind.fields[: last + 1]):
            if index:
                term.key("Tab")
            if field in typed:
                value = row[field.key]
                answer(term, field.kind, value if not isinstance(value, (int, float)) else str(value))
                term.settle(0.1)
        term.key(tmux_key("row.save"))
        term.settle(0.2)
        deadline = time.monotonic() + 20
        while len(load(path).rows(decision_id)) < number:
            if time.monotonic() > deadline:
                raise Stuck(f"row {number} of {decision_id} never reached the plan file", term.screen())
            time.sleep(0.1)


def as_typed(decision_id: str, value: Any) -> Any:
    """A stored value as a person would type it: rows field by field, the rest as edited."""
    kind = CATALOGUE.get(decision_id).kind
    if isinstance(kind, Rows):
        return [{f.key: (row[f.key] if isinstance(f.kind, (Multi, Choice, YesNo))
                         else f.kind.edit_text(row[f.key]))
                 for f in kind.fields if row.get(f.key) not in (None, "", [])} for row in value]
    if isinstance(kind, (Choice, Multi, YesNo, RowRef)):
        return value
    return kind.edit_text(value)


# The walk

def load(path: Path) -> Plan:
    data = json.loads(path.read_text(encoding="utf-8"))
    record = data["plan"]["1"]
    return Plan.from_values(record["name"], record["values"])


def wait_saved(term: Terminal, path: Path, decision_id: str, timeout: float = 20) -> Plan:
    deadline = time.monotonic() + timeout
    while True:
        plan = load(path)
        if plan.decided(decision_id):
            return plan
        if time.monotonic() > deadline:
            raise Stuck(f"{decision_id} never reached the plan file", term.screen())
        time.sleep(0.1)


def walk(mode: str, show: bool) -> dict:
    home = Path(tempfile.mkdtemp(prefix="smgov-first-"))
    path = home / ".local/share/smgov/plan.json"
    term = Terminal(home)
    suggested = taken = 0
    started = time.monotonic()
    try:
        term.start()
        term.wait_for("Start a blank plan")
        term.settle()
        term.key("Enter")  # the first choice: a blank plan
        term.wait_for("Organisation")
        term.settle()
        for number, (decision_id, value) in enumerate(ORGANISATION.items()):
            if number:
                term.key("Tab")
            decision = CATALOGUE.get(decision_id)
            offered = suggestions.suggest(decision_id, load(path))
            offered = offered if offered == CATALOGUE.parse(decision_id, value) else None
            suggested += offered is not None
            if mode == "suggested" and offered is not None:
                term.key(tmux_key("suggest"))
                taken += 1
            else:
                answer(term, decision.kind, value)
            term.settle(0.15)
            wait_saved(term, path, decision_id)
        here, walked = CATALOGUE.position["organisation.currency"], None
        while True:
            plan = load(path)
            result = checklist(plan)
            # As the workbench's ctrl+f: on from the item it went to last, while still there.
            item = next_missing(result, here, checks=True, after=walked.id if walked else None)
            walked = item
            if item is None or not item.blocking:
                break
            decision_id = item.target
            if plan.decided(decision_id):
                raise Stuck(f"ctrl+f lands on {item.label} ({decision_id}), which is decided: "
                            f"the walk's own facts fail a check: {item.why}", term.screen())
            term.key(tmux_key("next_missing"))
            term.settle(0.2)
            if show:
                print(f"ctrl+f -> {decision_id} ({item.kind}, {term.keys} keys so far)", file=sys.stderr)
            decision = CATALOGUE.get(decision_id)
            offered = suggestions.suggest(decision_id, plan)
            if decision_id in OWN:
                value = OWN[decision_id]
            elif offered is not None:
                suggested += 1
                if mode == "suggested":
                    term.key(tmux_key("suggest"))
                    taken += 1
                    term.settle(0.2)
                    wait_saved(term, path, decision_id)
                    here = CATALOGUE.position[decision_id]
                    continue
                value = as_typed(decision_id, offered)
            else:
                raise Stuck(f"{decision_id} has no suggestion and the walk does not know it: add it to OWN",
                            term.screen())
            if isinstance(decision.kind, Rows):
                add_rows(term, decision.kind, value, path, decision_id)
            else:
                names = CATALOGUE.row_names(decision.kind.source, plan.values) \
                    if isinstance(decision.kind, RowRef) else ()
                answer(term, decision.kind, value, names)
            term.settle(0.2)
            wait_saved(term, path, decision_id)
            here = CATALOGUE.position[decision_id]
        # Nothing blocks: the sign-off at the end of the launch step, found in the palette.
        term.key(tmux_key("command_palette"))
        term.settle(0.2)
        term.text("sign-off")
        term.settle(0.3)
        term.key("Enter")
        term.wait_for("Sign off the plan")
        for part in SIGNER:
            term.text(part)
            term.key("Tab")
        term.key("Tab", "Enter")  # past the date (today, filled in) to the button
        wait_saved(term, path, "launch.signoff")
        if show:
            print(term.settle())
    finally:
        elapsed = time.monotonic() - started
        term.kill()
    plan = load(path)
    final = checklist(plan)
    shutil.rmtree(home, ignore_errors=True)
    return {"mode": mode, "keys": term.keys, "seconds": elapsed, "ready": final.ready,
            "decided": final.decided, "total": final.total, "suggested": suggested, "taken": taken,
            "signed": bool(plan.rows("launch.signoff"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("suggested", "typed"))
    parser.add_argument("--show", action="store_true", help="print the last screen of each walk")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("first_time.py needs tmux", file=sys.stderr)
        return 2
    modes = [args.only] if args.only else ["suggested", "typed"]
    results = []
    for mode in modes:
        try:
            results.append(walk(mode, args.show))
        except Stuck as stuck:
            print(f"{mode} walk stuck: {stuck}", file=sys.stderr)
            return 1
    print(f"machine: {platform.node()} ({os.cpu_count()} cores), Python {platform.python_version()}")
    print(f"{'walk':<10} {'keys':>6} {'walk s':>7} {'at 200 keys/min':>16}  ready  signed  decided  suggestions")
    for r in results:
        print(f"{r['mode']:<10} {r['keys']:>6} {r['seconds']:>7.0f} {r['keys'] / TYPIST:>12.1f} min"
              f"  {'yes' if r['ready'] else 'NO':>5}  {'yes' if r['signed'] else 'NO':>6}"
              f"  {r['decided']:>3}/{r['total']}  {r['taken']} taken of {r['suggested']} offered")
    if len(results) == 2:
        print(f"suggested/typed keys: {results[0]['keys'] / results[1]['keys']:.2f}x "
              f"(target: at most 1,200 keys for the suggested walk)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
