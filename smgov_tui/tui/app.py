"""The workbench: a Textual app over one plan file.

Fields propose valid values; the app keeps them in the in-memory plan at once
(so the checklist follows every keystroke) and writes them through the store,
with their history entries, when the person pauses, moves on, or leaves. A
quit, a crash in a later step or a dropped link loses at most the pause.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import gc
import os
import select
import signal
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any, Iterable

from textual import events, messages, on
from textual.app import App, SystemCommand
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.errors import SmgovError
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist, checklist, next_missing
from smgov_tui.core.textsafe import one_line, pasted_text, visible
from smgov_tui.keys.keymap import load_keymap
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.stylesheets import styles_dir
from smgov_tui.tui.widgets.bindings import bindings

SAVE_PAUSE = 0.6  # seconds of no typing before a typed value is written
OTHER_SESSIONS_POLL = 1.0  # seconds between looks at the file for another session's changes
KEY_TRAIL_TIMEOUT = 1.0  # seconds after which keys typed ahead go on, should a key's trail be lost
KEYS_HELD_AT_MOST = 5.0  # seconds keys typed ahead wait, at most, for the screen to settle
STYLES_KEPT_AFTER = 2.0  # seconds from the start to keeping the parsed stylesheets (stylecache)


class KeyTrail(Message):
    """Follows a typed key up the DOM, one queue behind it: reaching the app, it
    says the key has been through every widget and binding on its way."""

    def __init__(self, hold: int) -> None:
        super().__init__()
        self.hold = hold


def terminal_gone() -> bool:
    """The terminal hung up (the SSH link dropped): the app's output has nowhere to go."""
    poller = select.poll()
    for stream in (sys.__stdin__, sys.__stderr__):
        try:
            poller.register(stream.fileno(), select.POLLIN)
        except (AttributeError, OSError, ValueError):
            continue
    try:
        return any(events & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _fd, events in poller.poll(0))
    except OSError:
        return True


STEP_KEYS = [s.key for s in CATALOGUE.steps]
SIXTEEN_COLOUR_TERMS = {"xterm", "linux", "vt100", "vt220", "screen", "tmux", "ansi", "rxvt", "cons25"}


def starting_theme(environ=os.environ) -> str:
    """SMGOV_THEME if set; the ANSI theme on a 16-colour terminal, so colours
    come from the terminal's own palette, and under NO_COLOR (see `SmgovApp`);
    Textual's default otherwise."""
    if environ.get("SMGOV_THEME"):
        return environ["SMGOV_THEME"]
    if "NO_COLOR" in environ:
        return "ansi-dark"
    term = environ.get("TERM", "")
    if not environ.get("COLORTERM") and term in SIXTEEN_COLOUR_TERMS:
        return "ansi-dark"
    return "textual-dark"


class SmgovApp(App):
    """smgov's workbench."""

    CSS_PATH = [str(styles_dir() / "smgov.tcss")]
    TITLE = "smgov"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = bindings("workbench")  # keymap.py declares them; a keymap file rebinds them

    # Every change redraws the views of the plan, even one that leaves the checklist as it was.
    # `var`, not `reactive`: an app reactive repaints the whole screen when set, and
    # these change on every keystroke; the widgets that show them redraw themselves.
    checklist: var[Checklist | None] = var(None, init=False, always_update=True)
    save_state: var[str] = var("", init=False)
    step_key: var[str] = var("objectives", init=False)
    # A step shows its first screenful of fields first, the rest a frame later
    # (StepScreen.compose_form): None, in a terminal; tests may ask either way.
    window_fields: bool | None = None

    def __init__(self, store: PlanStore | None = None, welcome_path: Path | None = None,
                 problem: str | None = None, styles_kept_in: Path | None = None) -> None:
        # NO_COLOR: Textual drops every colour only for a theme in the terminal's own
        # ANSI colours; from any other it draws in greys, which are colours all the same.
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        # The parsed stylesheets of an earlier run, if kept in this folder (see stylecache).
        self._styles_file: Path | None = None
        self._styles_loaded: frozenset = frozenset()
        if styles_kept_in is not None:
            from smgov_tui.tui import stylecache

            self._styles_file = stylecache.cache_file(styles_kept_in, self.stylesheet._variables)
            self._styles_loaded = stylecache.load(self.stylesheet, self._styles_file)
        self.store = store
        self.welcome_path = welcome_path
        self.problem = problem  # why the plan at welcome_path cannot be opened
        self.leave_message: str | None = None  # for the command line to print once the terminal is back
        self.plan = store.load() if store else Plan()
        self.pending: dict[str, Any] = {}
        # Per decision, the value this session last loaded or saved: what a save
        # expects to find on disk (None: undecided).
        self.bases: dict[str, Any] = self.plan.to_values()
        self._asking: set[str] = set()  # decisions with a conflict dialog open
        self._later: set[str] = set()  # conflicts left for later: asked again at the next save, not by the poll
        self._save_timer = None
        self.keymap = load_keymap()  # the user's rebindings (said on mount if the file has faults)
        self.set_keymap(self.keymap.for_textual())
        self.COMMAND_PALETTE_BINDING = self.keymap.keys("command_palette")[0]  # the footer shows it

    # start

    def run(self, *args: Any, **kwargs: Any) -> Any:
        # Everything imported so far lives as long as the process: frozen, the
        # garbage collector stops walking it on each of its passes (the command
        # line pauses the collector until the first frame: see on_mount).
        gc.freeze()
        # Textual writes frames from a thread of its own, which waits for the
        # interpreter lock while the app works: 5 ms at most by default, so the
        # first frame reached the terminal late, behind the rest of its step.
        sys.setswitchinterval(0.001)
        try:
            return super().run(*args, **kwargs)
        finally:
            self._keep_styles()

    def _keep_styles(self) -> None:
        """The parses in use, into the styles file, when they are not what it held."""
        if self._styles_file is not None:
            from smgov_tui.tui import stylecache

            written = stylecache.save(self.stylesheet, self._styles_file, self._styles_loaded)
            if written is not None:
                self._styles_loaded = written

    def get_default_screen(self) -> Screen:
        """The step the plan opens on, as the screen Textual starts with: built
        and painted in the app's own first pass. Pushed once the app had mounted,
        it was laid out and drawn twice over, a quarter of the start (bench/tui.py)."""
        if self.store is None:
            return super().get_default_screen()
        self._take_plan()
        screen = self._step_screen(self.step_key)
        screen._push_result_callback(screen, None)  # what switch_screen gives the screen it shows
        return screen

    def on_mount(self) -> None:
        self.call_after_refresh(gc.enable)  # paused for the start by the command line (cli.main)
        self._catch_hang_up()
        # Kept once the first step is all there, not only at a clean exit: a run
        # that ends with a dropped link still spares the next its parse.
        self.set_timer(STYLES_KEPT_AFTER, self._keep_styles, name="keep styles")
        theme = starting_theme()
        if theme in self.available_themes:
            self.theme = theme
        for problem in self.keymap.problems:
            self.notify(problem, title="Keymap", severity="warning", timeout=15)
        if self.store is None and self.problem:
            from smgov_tui.tui.screens.problem import ProblemScreen

            self.push_screen(ProblemScreen(self.welcome_path, self.problem))
            return
        if self.store is None:
            from smgov_tui.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(self.welcome_path))
            return
        self._watch_plan()

    def open_plan(self, store: PlanStore) -> None:
        """The plan chosen on the welcome or problem screen, in place of that screen."""
        self.store, self.plan = store, store.load()
        self.bases = self.plan.to_values()
        self.problem = None
        self._take_plan()
        self.switch_screen(self._step_screen(self.step_key))
        self._watch_plan()

    def _take_plan(self) -> None:
        """The opened plan's title, checklist and step: where the work is, the
        first step with a blocker; a ready plan opens on launch, where its sign-off
        waits; a new one at the start."""
        self.sub_title = one_line(self.plan.name)  # plan text: never escapes to a terminal
        self.title = f"smgov · {self.sub_title}"
        self.checklist = checklist(self.plan)
        self.save_state = "all saved"
        first = next((i.step for i in self.checklist.blockers), "launch")
        self.step_key = first if self.plan.values else "objectives"

    def _step_screen(self, key: str) -> Screen:
        """Each step's screen, made and installed (kept while others show) when first asked for."""
        if self.is_screen_installed(key):
            return self.get_screen(key)
        if key == "launch":
            from smgov_tui.tui.screens.launch import LaunchScreen as kind
        else:
            from smgov_tui.tui.screens.step import StepScreen as kind
        screen = kind(CATALOGUE.step(key))
        # Its width class now, as the screen would take it on its first resize:
        # each of its widgets is styled once, as it mounts, not again (a twentieth of the start).
        screen.add_class(*screen._get_breakpoint_classes(self.size.width, self.HORIZONTAL_BREAKPOINTS))
        self.install_screen(screen, name=key)
        return screen

    def _watch_plan(self) -> None:
        """Saving's companions: another session's changes polled for, and the file's warnings said."""
        self._stamp = self.store.stamp()
        self.set_interval(OTHER_SESSIONS_POLL, self.notice_other_sessions, name="other sessions")
        for warning in self.store.warnings():
            self.notify(warning, title="Plan file", severity="warning", markup=False, timeout=15)

    # changes and saving

    def propose(self, decision_id: str, value: Any, final: bool) -> None:
        """A valid value from a field: into the plan now, onto disk after a pause."""
        if self.plan.get(decision_id) == value and decision_id not in self.pending:
            return
        self.plan = self.plan.with_value(decision_id, value)
        self.pending[decision_id] = value
        self.checklist = checklist(self.plan)
        self.save_state = "editing…"
        if self._save_timer is not None:
            self._save_timer.stop()
        if final:
            self.flush()
        else:
            self._save_timer = self.set_timer(SAVE_PAUSE, self.flush)

    def flush(self, unattended: bool = False) -> None:
        """Write every pending value through the store (one history entry each).

        Each goes with its base, the value this session last loaded or saved,
        so a change another session made meanwhile is caught, not overwritten:
        the person chooses in a dialog. `unattended` (a hang-up, no one to ask)
        keeps this session's value; the other stays in the history.
        """
        from smgov_tui.core.errors import ConflictError

        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if not self.pending or self.store is None:
            return
        conflicts: list[ConflictError] = []
        try:
            for decision_id in list(self.pending):
                value = self.pending[decision_id]
                try:
                    self.store.set(decision_id, value, base=self.bases.get(decision_id), force=unattended)
                except ConflictError as conflict:
                    conflicts.append(conflict)
                    continue
                self.bases[decision_id] = value
                del self.pending[decision_id]
        except SmgovError as error:
            self.save_state = "NOT SAVED"
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return
        if conflicts:
            self.save_state = "NOT SAVED: conflict"
            self.ask_about(conflicts)
            return
        self.save_state = "saved " + _dt.datetime.now().strftime("%H:%M:%S")

    def ask_about(self, conflicts: list) -> None:
        """A dialog per decision changed both here and in another session."""
        from smgov_tui.tui.screens.conflict import ConflictScreen

        for conflict in conflicts:
            if conflict.decision_id in self._asking:
                continue
            self._asking.add(conflict.decision_id)
            self._later.discard(conflict.decision_id)
            self.push_screen(ConflictScreen(conflict, self.pending.get(conflict.decision_id)),
                             partial(self._resolved, conflict))

    def _resolved(self, conflict, choice: str | None) -> None:
        decision_id = conflict.decision_id
        self._asking.discard(decision_id)
        if decision_id not in self.pending:
            return
        if choice == "theirs":
            del self.pending[decision_id]
            try:  # as loading reads it (checked, normalised), and the latest if it moved again
                theirs = self.store.load().to_values().get(decision_id)
            except SmgovError:
                theirs = conflict.theirs
            self.take_from_disk({decision_id: theirs})
            self.save_state = "reloaded"
        elif choice == "mine":
            try:
                self.store.set(decision_id, self.pending[decision_id], force=True)
            except SmgovError as error:
                self.save_state = "NOT SAVED"
                self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
                return
            self.bases[decision_id] = self.pending.pop(decision_id)
            self.save_state = "saved " + _dt.datetime.now().strftime("%H:%M:%S")
        else:
            self._quitting = False
            self._later.add(decision_id)
            self.notify(f"{conflict.label}: your value is not saved yet; "
                        "you will be asked again at the next save.", title="Decide later",
                        severity="warning", markup=False, timeout=8)
        if self._quitting and not self._asking:
            self.flush()
            if not self.pending:
                self.exit()

    # other sessions

    def notice_other_sessions(self) -> None:
        """Polled: when another session (a workbench, `smgov set`) replaced the file,
        take its changes into the plan and into every editor without an edit pending."""
        if self.store is None:
            return
        stamp = self.store.stamp()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        try:
            fresh = self.store.load()
        except SmgovError:
            return  # unreadable for now (being replaced by hand?); the next save says why
        values = fresh.to_values()
        changed = {decision_id: values.get(decision_id) for decision_id in {*values, *self.bases}
                   if values.get(decision_id) != self.bases.get(decision_id)}
        if fresh.name != self.plan.name:
            self.plan = Plan(fresh.name, self.plan.values, self.plan.invalid, self.plan.unknown)
            self.sub_title = one_line(fresh.name)
            self.title = f"smgov · {self.sub_title}"
        if not changed:
            return
        clashing = [d for d in changed if d in self.pending and d not in self._later]
        quiet = {d: v for d, v in changed.items() if d not in self.pending}
        if quiet:
            self.take_from_disk(quiet)
            labels = [CATALOGUE.get(d).label if d in CATALOGUE else d for d in quiet]
            self.notify("Updated from another session: " + ", ".join(labels), markup=False, timeout=6)
        if clashing:
            self.flush()  # asks now, while the person still remembers the edit

    def take_from_disk(self, values: dict[str, Any]) -> None:
        """Values saved elsewhere: into the plan, the bases, the editors and the checklist."""
        from smgov_tui.tui.widgets.editors import DecisionField

        plan = Plan(self.plan.name, dict(self.plan.values), dict(self.plan.invalid), dict(self.plan.unknown))
        for decision_id, value in values.items():
            self.bases[decision_id] = value
            if decision_id in CATALOGUE:
                plan = plan.with_value(decision_id, value)
            elif value is None:
                plan.unknown.pop(decision_id, None)
            else:
                plan.unknown[decision_id] = value
        self.plan = plan
        for step in CATALOGUE.steps:
            if not self.is_screen_installed(step.key):
                continue  # not made yet: made, it shows the plan as it then is
            for field in self.get_screen(step.key).query(DecisionField):  # none until first shown
                if field.decision.id in values:
                    field.show_value(plan.get(field.decision.id))
                elif getattr(field.decision.kind, "source", None) in values:
                    field.refresh_choices(plan.values)
        self.checklist = checklist(self.plan)

    _quitting = False

    async def on_event(self, event: events.Event) -> None:
        """A paste can carry escape sequences, which Input and TextArea would draw
        raw: they arrive as visible escapes instead, so what is shown is what is kept.
        Typed keys go in order (see `_deliver`); under Pilot (headless) each key
        comes once the app is idle, so there is nothing to hold, and a hold would
        let a test read the screen before its key had taken effect."""
        if isinstance(event, events.Key) and not event.is_forwarded and not self.is_headless:
            if self._held is not None:
                self._held.append(event)
            else:
                await self._deliver(event)
            return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = pasted_text(event.text)
        await super().on_event(event)

    # keys typed ahead

    _held: list[events.Key] | None = None  # keys waiting for an earlier one to take effect
    _holds = 0  # counts holds, so a late trail or timer cannot release a later hold
    _held_since = 0.0

    async def _deliver(self, key: events.Key, settled: bool = False) -> None:
        """Textual hands each key to the focused widget at once but runs its binding
        (ctrl+n, tab, a to add a row) only when the key has bubbled back up to the
        app, and a priority binding (ctrl+s, ctrl+q) before the keys ahead of it are
        handled: in a burst (over SSH, a fast typist) text landed in the field just
        left, and ctrl+s saved a row without its last digit. So text for the focused
        text field goes straight in; any other key waits for what is on its way,
        then holds the keys behind it until it has gone all the way up and the
        screen in front has mounted and painted, with its focus set."""
        focused = self.focused
        if focused is not None and focused.check_consume_key(key.key, key.character):
            await super().on_event(key)
            return
        self._held, self._holds, self._held_since = [], self._holds + 1, time.monotonic()
        hold, target = self._holds, focused or self.screen
        self.set_timer(KEY_TRAIL_TIMEOUT, partial(self._watch_hold, hold))
        if not settled and self._still_moving():
            self._held.append(key)
            self._settle(hold)
            return
        await super().on_event(key)
        if not (key.is_forwarded and target.post_message(KeyTrail(hold))):
            self._settle(hold)  # a priority binding took it here, or it had nowhere to go

    def _watch_hold(self, hold: int) -> None:
        """Should a trail or a screen's callback be lost with its widget (a dialog
        closed), the held keys still go, from the app's own queue."""
        if hold == self._holds and self._held is not None:
            self.call_later(self._release, hold)
            self.set_timer(KEY_TRAIL_TIMEOUT, partial(self._watch_hold, hold))

    @on(KeyTrail)
    def _key_went_through(self, trail: KeyTrail) -> None:
        self._settle(trail.hold)

    def _settle(self, hold: int) -> None:
        """Release the held keys once the screen in front has painted (see `_release`)."""
        if hold == self._holds and self._held is not None:
            self.screen.call_after_refresh(self.call_later, self._release, hold)

    # Messages that only repaint: they move neither the focus nor a screen.
    PAINTING = (messages.Update, messages.Layout, messages.UpdateScroll, messages.Prompt, events.Idle)

    def _still_moving(self, anywhere: bool = True) -> bool:
        """The screen in front is still mounting (a step, its fields), or a message
        is on its way to the app (a dialog's focus: Widget.focus goes through the
        app's queue) or, `anywhere`, in the screen (the option picked that opens
        the plan, a field's change). Keys typed behind wait in the app's queue,
        and do not count."""
        screen = self.screen
        nodes = (self, *screen.walk_children(with_self=True)) if anywhere else (self,)
        return not screen.is_mounted or getattr(screen, "incomplete", False) or any(
            not isinstance(message, self.PAINTING) and not (node is self and isinstance(message, events.Key))
            for node in nodes if node.message_queue_size
            for message in node._message_queue.values)  # textual 8.2.8's queue

    async def _release(self, hold: int) -> None:
        if hold != self._holds or self._held is None:
            return
        # With no key waiting, the hold ends once the screen has mounted and its focus
        # is set: a key typed later waits for the rest itself, unless it is text for
        # the field in focus.
        if self._still_moving(anywhere=bool(self._held)) and time.monotonic() - self._held_since < KEYS_HELD_AT_MOST:
            self._settle(hold)
            return
        held, self._held = self._held, None
        settled = True  # for the first: nothing is moving now (or it has waited long enough)
        while held:
            await self._deliver(held.pop(0), settled)
            if self._held is not None:  # that key holds the rest in turn (or waits itself, first)
                self._held.extend(held)
                return
            settled = False

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        """Messages quote plan text (names, who changed what): its escapes made
        visible, as Textual would send them to the terminal as they are."""
        kwargs.setdefault("markup", False)  # and never markup: plan text is data
        super().notify(visible(str(message)), *args, **kwargs)

    async def action_quit(self) -> None:
        if self.store is None and self.problem:
            self.leave_with(self.problem)
            return
        self.flush()
        if self._asking:
            self._quitting = True  # once the person has chosen
            return
        self.exit()

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (text fields copy with it): say what does, in plain words."""
        self.notify(f"Press {self.keymap.shown('quit')} to save and quit.", title="Do you want to quit?")

    def on_unmount(self) -> None:
        self.flush(unattended=True)  # no one left to ask: keep this session's values, theirs in history
        self._release_hang_up()

    # a dropped link or a shutdown

    HANG_UP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)

    def _catch_hang_up(self) -> None:
        """A dropped SSH link (SIGHUP) or a shutdown (SIGTERM) would kill the process
        with the last pause's typing unsaved and the terminal left raw; Textual's
        driver leaves both signals alone, so the app takes them."""
        if self.is_headless:
            return  # under Pilot the loop belongs to the test runner
        loop = asyncio.get_running_loop()
        for signum in self.HANG_UP_SIGNALS:
            try:
                loop.add_signal_handler(signum, self._hung_up, signum)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals
                return

    def _release_hang_up(self) -> None:
        if self.is_headless:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for signum in self.HANG_UP_SIGNALS:
            try:
                loop.remove_signal_handler(signum)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def _hung_up(self, signum: int) -> None:
        """Save what is pending, then leave as ctrl+q would. Nobody is there to
        answer a conflict, so the pending value is kept over the other session's,
        which stays in the history."""
        try:
            self.flush(unattended=True)
        finally:
            self._leave_after_signal(signum)

    def _leave_after_signal(self, signum: int) -> None:
        code = 2 if self.pending else 0
        if terminal_gone():
            # Textual's shutdown would wait forever on a writer that cannot write;
            # what matters is saved (and fsynced), and there is no screen to restore.
            os._exit(code)
        if self.pending:
            self.leave_with(f"{signal.Signals(signum).name}: {len(self.pending)} change(s) NOT saved")
        else:
            self.exit(return_code=0)

    def leave_with(self, message: str) -> None:
        """Quit with an error: the command line prints `message` as its one line, exit 2."""
        self.leave_message = message
        self.exit(return_code=2)

    # navigation

    def show_step(self, key: str) -> None:
        if key not in STEP_KEYS or self.store is None:
            return
        self.flush()
        self.step_key = key
        self.switch_screen(self._step_screen(key))

    def goto(self, decision_id: str) -> None:
        """Show the decision's step and put the cursor in its editor."""
        decision = CATALOGUE.get(decision_id)
        if self.step_key != decision.step:
            self.show_step(decision.step)
        # Now, so that keys typed behind the key that asked for it go to it; a screen
        # shown for the first time just now does it once mounted, before any of them.
        screen = self._step_screen(decision.step)
        if screen.is_mounted:
            screen.focus_decision(decision_id)
        else:
            screen.call_later(screen.focus_decision, decision_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export" and (self.store is None or self.screen.is_modal):
            return False  # over a dialog, ctrl+e goes on to the dialog's own field
        if self.store is None and action in {"next_step", "previous_step", "next_missing",
                                             "focus_checklist", "focus_steps", "guidance", "history"}:
            return False
        index = STEP_KEYS.index(self.step_key)
        if action == "next_step" and index == len(STEP_KEYS) - 1:
            return None  # shown dimmed at the last step
        if action == "previous_step" and index == 0:
            return None
        return True

    def watch_step_key(self) -> None:
        self.refresh_bindings()

    def action_next_step(self) -> None:
        index = STEP_KEYS.index(self.step_key)
        if index < len(STEP_KEYS) - 1:
            self.show_step(STEP_KEYS[index + 1])

    def action_previous_step(self) -> None:
        index = STEP_KEYS.index(self.step_key)
        if index > 0:
            self.show_step(STEP_KEYS[index - 1])

    def action_next_missing(self) -> None:
        """The next undecided decision after the focused one (blockers before advice)."""
        item = next_missing(self.checklist, CATALOGUE.position[self.screen.focused_decision().id])
        if item is None:
            self.notify("Every decision is made.", timeout=3)
            return
        self.goto(item.id)

    def action_guidance(self) -> None:
        from smgov_tui.tui.screens.guidance import GuidanceScreen

        self.push_screen(GuidanceScreen(self.screen.focused_decision()))

    def action_toggle_guidance_panel(self) -> None:
        if self.screen.has_class("-narrow"):
            self.action_guidance()
            return
        self.screen.toggle_class("-guide")
        if self.screen.has_class("-guide"):
            self.screen.show_guidance()
        # TextArea keeps its old wrapping until repainted when its width changes.
        self.call_after_refresh(lambda: [area.refresh() for area in self.screen.query("TextArea")])

    def action_focus_checklist(self) -> None:
        items = self.screen.query_one("#checklist-items")
        if items.highlighted is None and items.option_count:
            items.highlighted = 0
        items.focus()

    def action_focus_steps(self) -> None:
        if self.screen.has_class("-narrow"):
            self.action_command_palette()
            return
        self.screen.query_one("#step-list").focus()

    def action_history(self) -> None:
        """Who changed what; what is pending is saved first, so the last edit is in it."""
        from smgov_tui.tui.screens.history_view import HistoryScreen
        from smgov_tui.tui.screens.step import StepScreen

        if not isinstance(self.screen, StepScreen):
            return  # over a dialog: going to a decision from there would strand the dialog
        self.flush()
        self.push_screen(HistoryScreen(self.screen.focused_decision()), self._history_closed)

    def _history_closed(self, decision_id: str | None) -> None:
        if decision_id:
            self.goto(decision_id)

    # the command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.store is None or screen.is_modal:
            return  # from under a dialog, a jump would leave the dialog stranded on the stack
        keys = self.keymap.shown  # the keys in use, with the keymap file's
        for step in CATALOGUE.steps:
            yield SystemCommand(f"Step {step.number}: {step.title}", step.question,
                                partial(self.show_step, step.key))
        for decision in CATALOGUE:
            yield SystemCommand(f"Go to decision: {decision.label}",
                                f"{decision.id} (step {CATALOGUE.step(decision.step).number})",
                                partial(self.goto, decision.id))
        yield SystemCommand(f"Guidance: show or hide the side panel ({keys('toggle_guidance_panel')})",
                            "Guidance for the focused decision beside the form on wide terminals",
                            self.action_toggle_guidance_panel)
        yield SystemCommand(f"Steps: move to the list of steps ({keys('focus_steps')})", "Jump to any step",
                            self.action_focus_steps)
        yield SystemCommand(f"Next missing decision ({keys('next_missing')})", "Go to the next decision still missing",
                            self.action_next_missing)
        yield SystemCommand(f"History: who changed what ({keys('history')})", "Every change to the plan: who, when, "
                            "from what to what", self.action_history)
        yield SystemCommand("Check: show the launch checklist", "The verdict, per-step readiness "
                            "and every open item", partial(self.show_step, "launch"))
        yield SystemCommand("Export: write the checklist as Markdown",
                            "Saves <plan>.checklist.md beside the plan file", self.export_checklist)
        yield SystemCommand(f"Export: a document ({keys('export')})", "The plan, code of conduct, comment policy "
                            "or checklist, as Markdown, HTML or JSON", self.action_export)

    _export_choice = ("plan", "html")  # the dialog opens on the last document and format written

    def action_export(self) -> None:
        from smgov_tui.tui.screens.export import ExportScreen

        if self.store is None or self.screen.is_modal:
            return
        self.flush()
        self.push_screen(ExportScreen(self.store.path, self.plan, *self._export_choice), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path is not None:
            self._export_choice = tuple(path.name.rsplit(".", 2)[-2:])
            self.notify(f"Written to {path}", title="Exported", markup=False)

    def export_checklist(self) -> None:
        from smgov_tui.documents import write_document

        self.flush()
        try:
            path = write_document(self.store.path, self.plan, "checklist", "md")
        except OSError as error:
            self.notify(f"Could not export: {error.strerror or error}", severity="error", markup=False)
            return
        self.notify(f"Checklist written to {path}", title="Exported", markup=False)
