"""The workbench in a terminal, side by side with a minimal Textual app.

Every figure is printed beside the same figure for bench/minimal_app.py
(Header, Input, Static, Footer) measured in the same run, so the ratio shows
what smgov adds to Textual rather than what the machine costs:

- start: real processes in a private tmux server at 80x24, from asking tmux
  for a window running the app to the first frame's text on screen (smgov on
  the county sample: its step title "1/8 Objectives"; the minimal app: its
  Static's text), found by polling capture-pane (target: at most 1.3x); each
  app's first, uncounted run lasts long enough for smgov to keep its parsed
  stylesheets (smgov_tui/stylecache.py), as a person's first session does;
- bytes: each app in a pty at 80x24, settled, then characters typed into a
  text field one at a time, each followed by its output to the pty until it
  goes quiet; bytes per typed character (target: at most 1.5x). smgov also
  writes "saved HH:MM:SS" once typing pauses (0.6 s): printed apart, and as
  the worst case of one save per character;
- memory: peak RSS (VmHWM) of the same pty processes after the first frame
  and the typing (target: at most 1.3x);
- keystroke: in-process (App.run_test, 80x24), a key alternately typing "x"
  into an empty field and deleting it, so every key changes the checklist's
  count, ten keys a second: from the field receiving the key to the end of the
  first frame drawn with the new count, turned into terminal output (target:
  under 16 ms), in a one-line field and in a text area. The app thread's CPU
  time over the same span is printed beside it: on a busy machine the wall
  clock waits for the CPU. The reference is the minimal app's key to the frame
  showing its Input's new value.

    python bench/tui.py [--runs 7] [--sessions 5] [--chars 20] [--keys 60] [--only start,bytes,keystroke]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import functools
import io
import os
import platform
import pty
import select
import shlex
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from minimal_app import FIRST_FRAME_TEXT, MinimalApp

from smgov_tui.cli import main as smgov  # no textual: the app is imported when needed
from smgov_tui.tui.app import STYLES_KEPT_AFTER

COLUMNS, LINES = 80, 24
SMGOV_FIRST_FRAME = "1/8 Objectives"
TYPED_FIELD = "objectives.languages"  # a one-line text field (Input) of the first step
AREA_FIELD = "objectives.approach"  # a text area of that step, where the county sample opens
POLL = 0.005  # seconds slept between two looks at the tmux pane
# Textual asks whether the terminal draws frames whole (synchronized output);
# most terminals say yes, and then every frame is bracketed, so frames can be told apart.
SYNC_QUERY, SYNC_SUPPORTED = b"\x1b[?2026$p", b"\x1b[?2026;2$y"
SYNC_START, SYNC_END = b"\x1b[?2026h", b"\x1b[?2026l"
QUIET = 0.1  # output is over when the pty has been silent this long
TYPING = 0.1  # seconds from one key to the next in-process: a fast typist's pace
BLINK = 0.5  # Textual's cursor blink: a key restarts it, so none lands within this of a key


def environment(home: Path) -> dict[str, str]:
    """What both apps run with: a 256-colour terminal (TERM=dumb would open
    smgov's plain mode), no user settings, smgov from this checkout, and
    compiled modules kept (in a private cache) as an installed smgov's are."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SMGOV_", "TEXTUAL", "TMUX"))
           and k not in ("NO_COLOR", "COLORTERM", "PYTHONDONTWRITEBYTECODE")}
    env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT), HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               PYTHONPYCACHEPREFIX=str(home / "pycache"))
    return env


class Apps:
    """The two commands and their plans, in a scratch folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = environment(folder)
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


# start: tmux


class Tmux:
    """A private tmux server (its own socket, no config) with an 80x24 session."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"smgov-bench-{os.getpid()}"
        self.env = env
        self("new-session", "-d", "-s", "bench", "-x", str(COLUMNS), "-y", str(LINES), "sleep 100000")
        self.windows = 0
        self.polls = 0
        self.polled = 0.0

    def __call__(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    def first_frame(self, command: list[str], text: str, timeout: float = 30,
                    linger: float = 0) -> tuple[float, int]:
        """Seconds from asking for the window to `text` on screen, and the app's pid;
        the app is closed at once, or after `linger` seconds."""
        self.windows += 1
        window = f"bench:w{self.windows}"
        line = "exec env -i " + shlex.join([f"{k}={v}" for k, v in self.env.items()] + command)
        started = time.perf_counter()
        self("new-window", "-d", "-t", "bench:", "-n", f"w{self.windows}", line)
        while True:
            before = time.perf_counter()
            screen = self("capture-pane", "-p", "-t", window)
            self.polls += 1
            if text in screen:
                seen = time.perf_counter() - started
                break
            if before - started > timeout:
                raise RuntimeError(f"no first frame within {timeout} s:\n{screen}")
            time.sleep(POLL)
            self.polled += time.perf_counter() - before
        time.sleep(linger)
        size = self("display-message", "-p", "-t", window, "#{window_width}x#{window_height}").strip()
        assert size == f"{COLUMNS}x{LINES}", size
        pid = int(self("display-message", "-p", "-t", window, "#{pane_pid}"))
        self("kill-window", "-t", window)
        gone(pid)
        return seen, pid

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


def gone(pid: int, timeout: float = 10) -> None:
    """Wait for a process to end (so the next run has the machine to itself)."""
    end = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists() and time.monotonic() < end:
        time.sleep(0.01)


def bench_start(apps: Apps, runs: int) -> tuple[float, float]:
    tmux = Tmux(apps.env)
    try:
        ours, reference = [], []
        # A first run each, not counted: it warms the file cache, and smgov's run
        # lasts long enough to keep its parsed stylesheets, as anyone's first does.
        tmux.first_frame(apps.smgov(apps.county), SMGOV_FIRST_FRAME, linger=STYLES_KEPT_AFTER + 1)
        tmux.first_frame(apps.minimal, FIRST_FRAME_TEXT, linger=STYLES_KEPT_AFTER + 1)
        for _ in range(runs):  # interleaved, so a busy moment costs both alike
            ours.append(tmux.first_frame(apps.smgov(apps.county), SMGOV_FIRST_FRAME)[0])
            reference.append(tmux.first_frame(apps.minimal, FIRST_FRAME_TEXT)[0])
        poll = tmux.polled / max(1, tmux.polls - 2 * (runs + 1))
    finally:
        tmux.close()
    ours_ms, reference_ms = statistics.median(ours) * 1000, statistics.median(reference) * 1000
    print(f"first frame in tmux at {COLUMNS}x{LINES}, median of {runs} (a look at the pane every "
          f"{poll * 1000:.1f} ms: capture-pane plus {POLL * 1000:.0f} ms sleep)")
    print(f"  smgov (county sample)  {ours_ms:7.0f} ms   (runs: {', '.join(f'{t * 1000:.0f}' for t in ours)})")
    print(f"  minimal app            {reference_ms:7.0f} ms   (runs: {', '.join(f'{t * 1000:.0f}' for t in reference)})")
    verdict(ours_ms / reference_ms, "at most 1.3x", ours_ms / reference_ms <= 1.3)
    return ours_ms, reference_ms


# bytes and memory: a pty


class Pty:
    """An app in a pseudo-terminal of 80x24; what it writes is counted."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the size is set before the app can ask for it
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
            os.chdir(cwd)
            os.execvpe(command[0], command, env)
        self.output = bytearray()
        self.exited = False
        self.answered = False  # the query for synchronized output
        self.typed = 0.0  # when the last key was sent

    def read(self, until: float, quiet: float | None = None) -> int:
        """Bytes written until the time `until` (perf_counter), or until `quiet`
        seconds pass without any once some came."""
        count = 0
        last = time.perf_counter()
        while True:
            now = time.perf_counter()
            wait = until - now
            if quiet is not None and count:
                wait = min(wait, last + quiet - now)
            if wait <= 0:
                return count
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the app is gone
                return count
            if not chunk:
                return count
            self.output += chunk
            count += len(chunk)
            if not self.answered and SYNC_QUERY in self.output:
                os.write(self.fd, SYNC_SUPPORTED)
                self.answered = True
            last = time.perf_counter()

    def settle(self, text: str, timeout: float = 30) -> None:
        """The first frame, then whatever follows it until the screen is still."""
        end = time.perf_counter() + timeout
        while text.encode() not in self.output:
            if time.perf_counter() > end or not self.alive():
                raise RuntimeError(f"no first frame: {bytes(self.output[-500:])!r}")
            self.read(time.perf_counter() + 0.05)
        self.read(time.perf_counter() + 5, quiet=0.3)

    def type(self, key: bytes) -> int:
        """Bytes the app writes in answer to one key (well before the cursor blinks)."""
        os.write(self.fd, key)
        self.typed = time.perf_counter()
        return self.read(self.typed + BLINK - 0.05, quiet=QUIET)

    def after_typing(self) -> int:
        """What a pause in typing writes (smgov's save at 0.6 s), the cursor's blinks
        taken out: frames the same to the byte as one drawn later, when nothing
        but the cursor changes, are blinks."""
        self.read(self.typed + BLINK - 0.05)  # nothing should come: typing's if it did
        pause = len(self.output)
        self.read(self.typed + 1.6)  # the save, and two or three blinks
        still = len(self.output)
        self.read(self.typed + 2.7)  # two or three blinks: the cursor shown and hidden
        blinks = set(frames(self.output[still:]))
        return sum(len(frame) for frame in frames(self.output[pause:still]) if frame not in blinks)

    def peak_rss(self) -> int:
        """Peak resident memory so far, in kB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError("no VmHWM")

    def alive(self) -> bool:
        if self.exited:
            return False
        self.exited = os.waitpid(self.pid, os.WNOHANG) != (0, 0)
        return not self.exited

    def quit(self) -> None:
        os.write(self.fd, b"\x11")  # ctrl+q
        end = time.perf_counter() + 10
        while self.alive() and time.perf_counter() < end:
            self.read(time.perf_counter() + 0.1)
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def frames(output: bytes) -> list[bytes]:
    """The frames in some output, each from its start of synchronized update to its end."""
    return [SYNC_START + part.split(SYNC_END)[0] + SYNC_END for part in output.split(SYNC_START)[1:]]


def typing_session(command: list[str], text: str, apps: Apps, chars: int) -> tuple[list[int], int, int]:
    """(bytes per key, bytes the pause after typing wrote, peak RSS kB)."""
    app = Pty(command, apps.env, apps.folder)
    try:
        app.settle(text)
        per_key = [app.type(b"x") for _ in range(chars)]
        pause = app.after_typing()
        memory = app.peak_rss()
    finally:
        app.quit()
    return per_key, pause, memory


def bench_bytes_memory(apps: Apps, sessions: int, chars: int) -> dict[str, float]:
    ours: list[tuple[list[int], int, int]] = []
    reference: list[tuple[list[int], int, int]] = []
    # A first session each, not counted: it compiles the modules into the cache
    # (which takes memory) and reads them from disk.
    typing_session(apps.smgov(apps.typing), SMGOV_FIRST_FRAME, apps, 2)
    typing_session(apps.minimal, FIRST_FRAME_TEXT, apps, 2)
    for _ in range(sessions):
        ours.append(typing_session(apps.smgov(apps.typing), SMGOV_FIRST_FRAME, apps, chars))
        reference.append(typing_session(apps.minimal, FIRST_FRAME_TEXT, apps, chars))

    def per_char(results):
        return statistics.median(sum(keys) / len(keys) for keys, _, _ in results)

    def pause(results):
        return statistics.median(p for _, p, _ in results)

    def memory(results):
        return statistics.median(m for _, _, m in results) / 1024

    figures = {"bytes": per_char(ours), "bytes_ref": per_char(reference), "save": pause(ours),
               "save_ref": pause(reference), "rss": memory(ours), "rss_ref": memory(reference)}
    first_key = statistics.median(keys[0] for keys, _, _ in ours)
    later = statistics.median(statistics.median(keys[1:]) for keys, _, _ in ours)
    print(f"bytes to the terminal per typed character, pty {COLUMNS}x{LINES}, {chars} characters, "
          f"median of {sessions} sessions")
    print(f"  smgov (county sample)  {figures['bytes']:7.0f} B    (first key {first_key:.0f} B, "
          f"later keys {later:.0f} B)")
    print(f"  minimal app            {figures['bytes_ref']:7.0f} B")
    ratio = figures["bytes"] / figures["bytes_ref"]
    verdict(ratio, "at most 1.5x", ratio <= 1.5)
    print(f"  the pause after typing (smgov's \"saved HH:MM:SS\"): {figures['save']:.0f} B "
          f"(minimal app: {figures['save_ref']:.0f} B)")
    worst = (figures["bytes"] + figures["save"]) / (figures["bytes_ref"] + figures["save_ref"])
    print(f"  with a save after every character (a pause after each key): {worst:.2f}x the minimal app")
    print(f"peak memory (VmHWM) after the first frame and {chars} characters, median of {sessions} sessions")
    print(f"  smgov (county sample)  {figures['rss']:7.1f} MB")
    print(f"  minimal app            {figures['rss_ref']:7.1f} MB")
    verdict(figures["rss"] / figures["rss_ref"], "at most 1.3x", figures["rss"] / figures["rss_ref"] <= 1.3)
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
    verdict(ours_ms / reference_ms, "under 16 ms", ours_ms < 16, absolute=f"{ours_ms:.1f} ms")
    return ours_ms, reference_ms


def verdict(ratio: float, target: str, met: bool, absolute: str | None = None) -> None:
    figure = absolute or f"{ratio:.2f}x"
    extra = f" ({ratio:.2f}x the minimal app)" if absolute else ""
    print(f"  {figure}{extra}; target {target}: {'met' if met else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="tmux starts per app")
    parser.add_argument("--sessions", type=int, default=5, help="pty sessions per app (bytes, memory)")
    parser.add_argument("--chars", type=int, default=20, help="characters typed per pty session")
    parser.add_argument("--keys", type=int, default=60, help="keys timed in-process")
    parser.add_argument("--only", default="start,bytes,keystroke",
                        help="comma-separated: start, bytes (with memory), keystroke")
    arguments = parser.parse_args()
    only = set(arguments.only.split(","))
    import textual

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"textual {textual.__version__}")
    with tempfile.TemporaryDirectory() as folder:
        apps = Apps(Path(folder))
        if "start" in only:
            bench_start(apps, arguments.runs)
        if "bytes" in only:
            bench_bytes_memory(apps, arguments.sessions, arguments.chars)
        if "keystroke" in only:
            bench_keystroke(apps, arguments.keys)


if __name__ == "__main__":
    main()
