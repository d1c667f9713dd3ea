"""The workbench in a terminal, side by side with a minimal Textual app.

Every figure is printed beside the same figure for bench/minimal_app.py
(Header, Input, Static, Footer; with --textarea a TextArea for the Input)
measured in the same run, so the ratio shows what smgov adds to Textual
rather than what the machine costs. Rounds alternate the two apps, so a busy
moment costs both alike; figures are medians.

- start: real processes in a pty at 80x24 (smgov on the county sample), every
  frame they write replayed through a terminal emulator (bench/settled.py):
  the time to the settled frame, the first after which the screen does not
  change on its own (target: at most 1.3x), and the bytes written until it
  (target: at most 1.5x); beside them the old figure, the first frame with
  the app's first text ("1/8 Objectives"; the minimal app's Static), which
  may be a frame the app lays out again. Each app's first, uncounted run
  lasts long enough for smgov to keep its parsed stylesheets
  (smgov_tui/tui/stylecache.py), as a person's first session does;
- first start: the same, each run with a new HOME and cache folder (no kept
  stylesheets, no settings), the compiled modules kept as an installed
  smgov's are (target: at most 1.5x);
- bytes: each app in a pty at 80x24, its screen settled, then characters typed into a
  one-line field (smgov: Language access on step 1; the minimal app's Input)
  and, in other sessions, into a text area (smgov: How each topic is
  approached, where the county sample opens; the minimal app's TextArea),
  each key followed by its output to the pty until it goes quiet; bytes per
  typed character (targets: at most 1.0x and 1.2x). smgov also writes "saved
  HH:MM:SS" once typing pauses (0.6 s): printed apart;
- memory: peak RSS (VmHWM) of the one-line field's pty processes after the
  first frame and the typing (target: at most 1.3x), and their resident
  memory (VmRSS) once settled, before typing;
- keystroke: in-process (App.run_test, 80x24), a key alternately typing "x"
  into an empty field and deleting it, so every key changes the checklist's
  count, ten keys a second: from the field receiving the key to the end of the
  first frame drawn with the new count, turned into terminal output (target:
  under 16 ms), in a one-line field and in a text area. The app thread's CPU
  time over the same span is printed beside it: on a busy machine the wall
  clock waits for the CPU. The reference is the minimal app's key to the frame
  showing its Input's new value.

bench/slowlink.py times the settled frame through a slow link; `python bench/settled.py
COMMAND...` prints each change of screen an app's start makes.

    python bench/tui.py [--rounds 5] [--sessions 5] [--chars 20] [--keys 60]
                        [--only start,first,bytes,keystroke]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from minimal_app import FIRST_FRAME_TEXT, MinimalApp
from settled import BLINK, COLUMNS, LINES, Pty, frames, start, wait_settled

from smgov_tui.cli import main as smgov  # no textual: the app is imported when needed
from smgov_tui.tui.app import STYLES_KEPT_AFTER

SMGOV_FIRST_FRAME = "1/8 Objectives"
TYPED_FIELD = "objectives.languages"  # a one-line text field (Input) of the first step
AREA_FIELD = "objectives.approach"  # a text area of that step, where the county sample opens
TYPING = 0.1  # seconds from one key to the next in-process: a fast typist's pace


def environment(home: Path, pycache: Path) -> dict[str, str]:
    """What both apps run with: a 256-colour terminal (TERM=dumb would open
    smgov's plain mode), no user settings or cache but those in `home`, smgov
    from this checkout, and compiled modules kept (in `pycache`) as an
    installed smgov's are."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SMGOV_", "TEXTUAL", "TMUX", "XDG_"))
           and k not in ("NO_COLOR", "COLORTERM", "PYTHONDONTWRITEBYTECODE")}
    env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT), HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"),
               PYTHONPYCACHEPREFIX=str(pycache))
    return env


class Apps:
    """The two commands and their plans, in a scratch folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pycache = folder / "pycache"
        self.env = environment(folder, self.pycache)
        self.homes = 0
        self.county = folder / "county.json"
        with contextlib.redirect_stdout(io.StringIO()):
            smgov(["new", str(self.county), "--sample", "county"])
        # The same sample with the advice before the text field answered, so the
        # workbench opens with the cursor in it: keys typed are the field's.
        self._typing = folder / "typing-template.json"
        with contextlib.redirect_stdout(io.StringIO()):
            smgov(["new", str(self._typing), "--sample", "county"])
            smgov(["set", str(self._typing), "objectives.approach", "Formal for rates, friendly for reminders"])
        self.copies = 0
        self.minimal = [sys.executable, str(ROOT / "bench" / "minimal_app.py")]
        self.minimal_area = [*self.minimal, "--textarea"]

    def fresh_env(self) -> dict[str, str]:
        """A first start's: a new HOME, nothing kept in its cache folder."""
        self.homes += 1
        home = self.folder / f"home-{self.homes}"
        home.mkdir()
        return environment(home, self.pycache)

    @property
    def typing(self) -> Path:
        """A fresh copy of the plan typed into (typing saves into it)."""
        return self.copy(self._typing)

    def copy(self, plan: Path) -> Path:
        self.copies += 1
        copy = self.folder / f"{plan.stem}-{self.copies}.json"
        copy.write_bytes(plan.read_bytes())
        return copy

    def smgov(self, plan: Path) -> list[str]:
        return [sys.executable, "-m", "smgov_tui", str(plan)]


def ms(seconds: list[float]) -> str:
    return ", ".join(f"{t * 1000:.0f}" for t in seconds)


# start: every frame in a pty, replayed


def bench_start(apps: Apps, rounds: int) -> dict[str, float]:
    # A first run each, not counted: it warms the file cache and compiles the modules,
    # and smgov's run lasts long enough to keep its parsed stylesheets, as anyone's first does.
    start(apps.smgov(apps.county), apps.env, apps.folder, SMGOV_FIRST_FRAME, linger=STYLES_KEPT_AFTER + 1)
    start(apps.minimal, apps.env, apps.folder, FIRST_FRAME_TEXT, linger=STYLES_KEPT_AFTER + 1)
    ours, reference = [], []
    for _ in range(rounds):  # interleaved, so a busy moment costs both alike
        ours.append(start(apps.smgov(apps.county), apps.env, apps.folder, SMGOV_FIRST_FRAME))
        reference.append(start(apps.minimal, apps.env, apps.folder, FIRST_FRAME_TEXT))
    figures = {}
    print(f"start in a pty at {COLUMNS}x{LINES}, every frame replayed in a terminal emulator, "
          f"{rounds} interleaved rounds, medians")
    for key, what, unit, target in (
            ("settled", "settled frame (the first the screen stays at), ms", "time", 1.3),
            ("settled_bytes", "bytes written until the settled frame", "sent", 1.5),
            ("content", "first content (old figure: first frame with the first text), ms", "time", None),
            ("content_bytes", "bytes written until the first content", "sent", None)):
        part = "settled" if key.startswith("settled") else "content"
        mine = [getattr(getattr(run, part), unit) for run in ours]
        theirs = [getattr(getattr(run, part), unit) for run in reference]
        scale = 1000 if unit == "time" else 1
        figures[key] = statistics.median(mine) * scale
        figures[key + "_ref"] = statistics.median(theirs) * scale
        runs = ms if unit == "time" else (lambda values: ", ".join(f"{v:,}" for v in values))
        print(f"  {what}")
        print(f"    smgov (county sample)  {figures[key]:9,.0f}   (runs: {runs(mine)})")
        print(f"    minimal app            {figures[key + '_ref']:9,.0f}   (runs: {runs(theirs)})")
        ratio = figures[key] / figures[key + "_ref"]
        if target:
            verdict(ratio, f"at most {target}x", ratio <= target, name=what.split(" (")[0].split(",")[0])
        else:
            print(f"    {ratio:.2f}x (no target: the frame a person works from is the settled one)")
    return figures


def bench_first_start(apps: Apps, rounds: int) -> dict[str, float]:
    """A first start on a machine: smgov installed (its modules compiled, as pip
    does), never run by this user: no kept stylesheets, no settings."""
    ours, reference = [], []
    for _ in range(rounds):
        ours.append(start(apps.smgov(apps.copy(apps.county)), apps.fresh_env(), apps.folder, SMGOV_FIRST_FRAME))
        reference.append(start(apps.minimal, apps.fresh_env(), apps.folder, FIRST_FRAME_TEXT))
    mine = [run.settled.time for run in ours]
    theirs = [run.settled.time for run in reference]
    figures = {"first": statistics.median(mine) * 1000, "first_ref": statistics.median(theirs) * 1000}
    print(f"a very first start (a new HOME and cache folder each run; compiled modules kept as installed), "
          f"settled frame, {rounds} interleaved rounds, medians")
    print(f"    smgov (county sample)  {figures['first']:9,.0f} ms (runs: {ms(mine)}; "
          f"{statistics.median(run.settled.sent for run in ours):,.0f} B)")
    print(f"    minimal app            {figures['first_ref']:9,.0f} ms (runs: {ms(theirs)}; "
          f"{statistics.median(run.settled.sent for run in reference):,.0f} B)")
    ratio = figures["first"] / figures["first_ref"]
    verdict(ratio, "at most 1.5x", ratio <= 1.5, name="a very first start, settled frame")
    return figures


# bytes and memory: typing in a pty


def after_typing(app: Pty) -> int:
    """What a pause in typing writes (smgov's save at 0.6 s), the cursor's blinks
    taken out: frames the same to the byte as one drawn later, when nothing
    but the cursor changes, are blinks."""
    app.read(app.typed + BLINK - 0.05)  # nothing should come: typing's if it did
    pause = len(app.output)
    app.read(app.typed + 1.6)  # the save, and two or three blinks
    still = len(app.output)
    app.read(app.typed + 2.7)  # two or three blinks: the cursor shown and hidden
    blinks = set(frames(app.output[still:]))
    return sum(len(frame) for frame in frames(app.output[pause:still]) if frame not in blinks)


def typing_session(command: list[str], text: str, apps: Apps, chars: int) -> tuple[list[int], int, int, int]:
    """(bytes per key, bytes the pause after typing wrote, peak RSS kB after it,
    RSS kB once started, before the first key)."""
    app = Pty(command, apps.env, apps.folder)
    try:
        wait_settled(app, text)
        started = app.memory("VmRSS")
        per_key = [app.type(b"x") for _ in range(chars)]
        pause = after_typing(app)
        memory = app.memory("VmHWM")
    finally:
        app.quit()
    return per_key, pause, memory, started


def bench_bytes_memory(apps: Apps, sessions: int, chars: int) -> dict[str, float]:
    """Bytes per typed character in a one-line field and in a text area; memory."""
    fields = {  # (smgov's command, the minimal app's), a fresh plan copy each session
        "one-line field": (lambda: apps.smgov(apps.typing), apps.minimal),
        "text area": (lambda: apps.smgov(apps.copy(apps.county)), apps.minimal_area),
    }
    results = {field: ([], []) for field in fields}
    # A first session each, not counted: it compiles the modules into the cache
    # (which takes memory) and reads them from disk.
    typing_session(apps.smgov(apps.typing), SMGOV_FIRST_FRAME, apps, 2)
    typing_session(apps.minimal, FIRST_FRAME_TEXT, apps, 2)
    typing_session(apps.minimal_area, FIRST_FRAME_TEXT, apps, 2)
    for _ in range(sessions):
        for field, (ours, reference) in fields.items():
            results[field][0].append(typing_session(ours(), SMGOV_FIRST_FRAME, apps, chars))
            results[field][1].append(typing_session(reference, FIRST_FRAME_TEXT, apps, chars))

    def per_char(runs):
        return statistics.median(sum(keys) / len(keys) for keys, *_ in runs)

    figures = {}
    print(f"bytes to the terminal per typed character, pty {COLUMNS}x{LINES}, {chars} characters, "
          f"{sessions} interleaved sessions, medians")
    for (field, (ours, reference)), key, target in zip(results.items(), ("bytes", "area_bytes"), (1.0, 1.2)):
        figures[key], figures[key + "_ref"] = per_char(ours), per_char(reference)
        first_key = statistics.median(keys[0] for keys, *_ in ours)
        later = statistics.median(statistics.median(keys[1:]) for keys, *_ in ours)
        pause = statistics.median(p for _, p, *_ in ours)
        print(f"  in a {field}")
        print(f"    smgov (county sample)  {figures[key]:7.0f} B    (first key {first_key:.0f} B, "
              f"later keys {later:.0f} B; the pause after typing, \"saved HH:MM:SS\": {pause:.0f} B)")
        print(f"    minimal app            {figures[key + '_ref']:7.0f} B    (the pause after typing: "
              f"{statistics.median(p for _, p, *_ in reference):.0f} B)")
        ratio = figures[key] / figures[key + "_ref"]
        verdict(ratio, f"at most {target}x", ratio <= target, name=f"bytes per typed character, {field}")
    ours, reference = results["one-line field"]
    figures["rss"] = statistics.median(m for _, _, m, _ in ours) / 1024
    figures["rss_ref"] = statistics.median(m for _, _, m, _ in reference) / 1024
    started = statistics.median(m for *_, m in ours) / 1024
    started_ref = statistics.median(m for *_, m in reference) / 1024
    print(f"memory after start (the one-line field's sessions, median of {sessions}): peak (VmHWM) after "
          f"the first frame and {chars} characters; beside it, resident (VmRSS) once settled, before typing")
    print(f"    smgov (county sample)  {figures['rss']:7.1f} MB   (resident once settled {started:.1f} MB)")
    print(f"    minimal app            {figures['rss_ref']:7.1f} MB   (resident once settled {started_ref:.1f} MB, "
          f"{started / started_ref:.2f}x)")
    verdict(figures["rss"] / figures["rss_ref"], "at most 1.3x", figures["rss"] / figures["rss_ref"] <= 1.3,
            name="memory after start (VmHWM)")
    return figures


# keystroke to checklist: in-process


class Frames:
    """Marks, per key: the field got it, the watched widget drew the change,
    the frame holding that drawing was composed and rendered as terminal output."""

    def __init__(self) -> None:
        self.key = self.drawn = self.frame = None
        self.cpu = 0.0  # the thread's CPU time at the key, then its CPU time to the frame
        self.steps: dict[str, float] = {}

    def reset(self) -> None:
        self.key = self.drawn = self.frame = None
        self.steps = {}

    def mark(self, step: str) -> None:
        if self.key is not None and step not in self.steps:
            self.steps[step] = time.perf_counter() - self.key


def instrument(frames: Frames, watched, shows_change):
    """Wrap Textual where the figure's ends are: the text field's key handler, the
    watched widget's render_lines (the compositor asking it for its lines), and
    the screen's compositor refresh. Headless apps skip turning a frame into
    terminal output; it is done here, as in a terminal. Returns what undoes it."""
    from rich.console import Console
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import Input, TextArea

    def timed(key_handler):
        @functools.wraps(key_handler)
        async def on_key(self, event):
            if frames.key is None:
                frames.key, frames.cpu = time.perf_counter(), time.thread_time()
            await key_handler(self, event)

        return on_key

    key_handlers = Input._on_key, TextArea._on_key
    Input._on_key, TextArea._on_key = (timed(handler) for handler in key_handlers)

    render_lines = watched.render_lines

    def watched_render_lines(crop):
        lines = render_lines(crop)
        if frames.key is not None and frames.drawn is None and shows_change():
            frames.drawn = time.perf_counter()
        return lines

    watched.render_lines = watched_render_lines

    refresh = Screen._compositor_refresh

    def compositor_refresh(self):
        refresh(self)
        if frames.drawn is not None and frames.frame is None:
            frames.frame, frames.cpu = time.perf_counter(), time.thread_time() - frames.cpu

    Screen._compositor_refresh = compositor_refresh

    display = App._display
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      width=COLUMNS, height=LINES, legacy_windows=False)

    def display_as_terminal(self, screen, renderable):
        from textual._compositor import CompositorUpdate

        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(console)
        display(self, screen, renderable)

    App._display = display_as_terminal

    def undo() -> None:
        (Input._on_key, TextArea._on_key), Screen._compositor_refresh, App._display = key_handlers, refresh, display

    return undo


async def keystrokes(app, input_id: str, watched_id: str, expected, keys: int, frames: Frames,
                     hooks=lambda app: None) -> list[dict[str, float]]:
    """Per key: seconds from the field receiving it to each mark."""
    timings = []
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        await pilot.pause(0.3)
        field = app.screen.query_one(f"#{input_id}")
        assert app.focused is field, f"focus is on {app.focused!r}, not the text field"
        watched = app.screen.query_one(f"#{watched_id}")
        undo = instrument(frames, watched, lambda: expected(app, typed))
        hooks(app)
        try:
            for n in range(keys):
                typed = n % 2 == 0
                frames.reset()
                await pilot.press("x" if typed else "backspace")
                end = time.perf_counter() + 2
                while frames.frame is None and time.perf_counter() < end:
                    await asyncio.sleep(0.001)
                if frames.frame is None:
                    raise RuntimeError(f"key {n}: no frame showed the change")
                timings.append({"drawn": frames.drawn - frames.key, "frame": frames.frame - frames.key,
                                "cpu": frames.cpu, **frames.steps})
                await pilot.pause(max(0.0, frames.key + TYPING - time.perf_counter()))
        finally:
            undo()
        await pilot.press("ctrl+q")
    return timings[6:]  # the first keys warm caches


def bench_keystroke(apps: Apps, keys: int) -> tuple[float, float]:
    from smgov_tui.core.readiness import checklist
    from smgov_tui.storage.store import PlanStore
    from smgov_tui.tui.app import SmgovApp
    from smgov_tui.tui.widgets.editors import editor_id

    frames = Frames()

    def smgov_hooks(app) -> None:
        """Marks along the way: the value proposed, the checklist computed and handed
        to its panel, the panel updated (at 80 columns the last of the views: the
        list of steps is made only on wider terminals, and step 1 has no plan view)."""
        propose = app.propose
        panel = app.screen.query_one("#checklist")
        show_panel = panel.show

        def propose_marked(*args, **kwargs):
            frames.mark("proposed")
            propose(*args, **kwargs)

        def panel_marked(*args, **kwargs):
            frames.mark("checklist computed")
            show_panel(*args, **kwargs)
            frames.mark("views updated")

        app.propose, panel.show = propose_marked, panel_marked

    def smgov(plan: Path, field: str) -> list[dict[str, float]]:
        base = checklist(PlanStore(plan).load()).decided

        def count_shown(app, typed: bool) -> bool:
            summary = app.screen.query_one("#checklist-summary")
            return str(summary.visual).startswith(f"{base + typed}/")

        return asyncio.run(keystrokes(SmgovApp(PlanStore(plan)), editor_id(field), "checklist-summary",
                                      count_shown, keys, frames, smgov_hooks))

    ours = smgov(apps.typing, TYPED_FIELD)
    area = smgov(apps.copy(apps.county), AREA_FIELD)

    def value_shown(app, typed: bool) -> bool:
        return app.query_one("Input").value == ("x" if typed else "")

    reference = asyncio.run(keystrokes(MinimalApp(), "input", "input", value_shown, keys, frames))
    return report_keystroke(ours, area, reference, keys)


def report_keystroke(ours: list[dict], area: list[dict], reference: list[dict], keys: int) -> tuple[float, float]:
    def median_ms(timings, step):
        values = [t[step] for t in timings if step in t]
        return statistics.median(values) * 1000 if values else float("nan")

    print(f"keystroke to checklist refreshed, in-process {COLUMNS}x{LINES}, median of {len(ours)} keys "
          f"(\"x\" and backspace in turn in an empty text field, ten a second; {keys - len(ours)} warm-up "
          "keys left out)")
    for step in ("proposed", "checklist computed", "views updated", "drawn"):
        print(f"  key -> {step:<22} {median_ms(ours, step):6.2f} ms")
    ours_ms, area_ms, reference_ms = (median_ms(t, "frame") for t in (ours, area, reference))
    print(f"  key -> frame out (smgov)     {ours_ms:6.2f} ms   (a one-line field: the checklist's new count "
          f"drawn, composed and rendered as terminal output; {median_ms(ours, 'cpu'):.2f} ms of it on the CPU)")
    print(f"  the same in a text area      {area_ms:6.2f} ms   ({median_ms(area, 'cpu'):.2f} ms on the CPU)")
    print(f"  key -> frame out (minimal)   {reference_ms:6.2f} ms   (its Input's new value; "
          f"{median_ms(reference, 'cpu'):.2f} ms on the CPU)")
    print("  (the CPU time is the app thread's own: the figure on a machine with nothing else to run)")
    verdict(ours_ms / reference_ms, "under 16 ms", ours_ms < 16, absolute=f"{ours_ms:.1f} ms",
            name="keystroke to checklist redrawn")
    return ours_ms, reference_ms


VERDICTS: list[str] = []  # every target's line, printed again at the end


def verdict(ratio: float, target: str, met: bool, absolute: str | None = None, name: str = "") -> None:
    figure = absolute or f"{ratio:.2f}x"
    extra = f" ({ratio:.2f}x the minimal app)" if absolute else ""
    line = f"{figure}{extra}; target {target}: {'met' if met else 'MISSED'}"
    print(f"  {line}")
    VERDICTS.append(f"{name}: {line}")


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved starts per app (start, first)")
    parser.add_argument("--sessions", type=int, default=5, help="pty sessions per app and field (bytes, memory)")
    parser.add_argument("--chars", type=int, default=20, help="characters typed per pty session")
    parser.add_argument("--keys", type=int, default=60, help="keys timed in-process")
    parser.add_argument("--only", default="start,first,bytes,keystroke",
                        help="comma-separated: start, first (a very first start), bytes (with memory), keystroke")
    arguments = parser.parse_args()
    only = set(arguments.only.split(","))
    import textual

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"textual {textual.__version__}; load average {load()}")
    with tempfile.TemporaryDirectory() as folder:
        apps = Apps(Path(folder))
        if "start" in only:
            bench_start(apps, arguments.rounds)
        if "first" in only:
            bench_first_start(apps, arguments.rounds)
        if "bytes" in only:
            bench_bytes_memory(apps, arguments.sessions, arguments.chars)
        if "keystroke" in only:
            bench_keystroke(apps, arguments.keys)
    print(f"targets (load average at the end {load()}):")
    for line in VERDICTS:
        print(f"  {line}")


if __name__ == "__main__":
    main()
