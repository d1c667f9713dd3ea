"""`smgov --plain [PLAN]`: the plan as line-by-line prompts, for screen readers and dumb terminals.

Chosen also by TERM=dumb and SMGOV_ACCESSIBLE=1. Nothing here redraws the
screen, moves the cursor or colours text: it prints lines and reads lines, so
it never imports textual. The catalogue, the validation, the guidance and the
saving are the workbench's own.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from smgov_tui.core.checks.base import plural
from smgov_tui.core.errors import SmgovError
from smgov_tui.core.textsafe import visible
from smgov_tui.plain.console import Console, Leave
from smgov_tui.plain.walk import Walk
from smgov_tui.session.editing import EditingSession

__all__ = ["run_plain"]


def choose_start(console: Console, path: Path) -> str:
    """How a new plan starts, as the welcome screen offers it: "" for blank, else a sample's name."""
    from smgov_tui.storage.samples import SAMPLE_TEXT, sample_names

    names = sample_names()
    console.say(f"There is no plan at {visible(str(path))} yet. Start it:")
    console.say("  1. blank: you make every decision, starting with your organisation")
    for number, name in enumerate(names, 2):
        console.say(f"  {number}. {name}: from a sample, {SAMPLE_TEXT.get(name, name)}")
    while True:
        text = console.ask("Start with (a number or a name; Enter for blank): ").strip().lower()
        if text in ("", "1", "blank"):
            return ""
        if text.isdigit() and 2 <= int(text) < len(names) + 2:
            return names[int(text) - 2]
        if text in names:
            return text
        if text in ("quit", "exit"):
            raise Leave
        console.say("Type a number from the list, blank or a sample's name; quit leaves.")



def run_plain(path: Path, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Walk the plan at `path` (created blank if missing); 0 on leaving, however one leaves,
    but 2 (with the line saying which) when the plan file refused answers that were not
    given again and saved."""
    from smgov_tui.storage.samples import start_plan
    from smgov_tui.storage.store import PlanStore
    from smgov_tui.terminal.output import fail, warn
    from smgov_tui.terminal.verdict import restore_hint

    if stdin is None:
        stdin = sys.stdin
        if hasattr(stdin, "reconfigure"):  # a stray byte is a character to retype, not a crash
            stdin.reconfigure(errors="replace")
    if stdout is None:
        stdout = sys.stdout
        if hasattr(stdout, "reconfigure"):
            stdout.reconfigure(errors="backslashreplace")
    console = Console(stdin, stdout)
    path = Path(path)
    sample = None
    try:
        if path.exists() or path.is_symlink():
            store = PlanStore(path)
        else:
            PlanStore.refuse_to_create(path)  # said before asking how to start a plan it cannot make
            try:
                sample = choose_start(console, path)
            except (Leave, KeyboardInterrupt):
                console.say("Left smgov: no plan was started.")
                return 0
            store = start_plan(path, sample or None)
    except SmgovError as error:  # the line and the exit code `smgov check` gives
        fail(str(error) + restore_hint(error, str(path), "plain"))
    for message in store.warnings(editing=True):
        warn(message)
    if sample is not None:
        console.say(f"Started {f'from the sample {sample}' if sample else 'a blank plan'} at {visible(str(path))}.")
    walk = Walk(EditingSession(store), console)
    try:
        walk.run()
    except (Leave, KeyboardInterrupt) as leaving:
        try:
            if isinstance(leaving, KeyboardInterrupt):
                console.say()  # off the prompt's line
            if walk.unsaved:
                console.say(walk.unsaved)
            others = " other" if walk.refused else ""
            console.say(f"Left smgov: every{others} answer you gave is saved in {visible(str(path))}.")
        except (OSError, ValueError):  # the terminal or the pipe is gone: nothing left to tell
            pass
    except BrokenPipeError:
        raise  # the command line quiets it, as for `smgov check | head`
    except OSError:  # the terminal went away (a dropped link): every answer given is saved
        pass
    if walk.refused:  # said as each was refused; leaving says it again, and the exit code too
        fail(f"{plural(len(walk.refused), 'answer')} NOT saved to {path}: {', '.join(walk.refused)}")
    return 0
