"""The workbench's routing: a Textual app over one plan file.

SmgovApp starts (the first screen, the styles, the terminal's keys and
signals), makes and shows the screens, binds the keys and says which of them
apply. The plan and its saving, what the screens and widgets ask of the app,
are its base Workbench (workbench.py), which declares the methods that make
or walk screens for them to call; they are implemented here.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any, Iterable

from textual import events
from textual.app import SystemCommand
from textual.reactive import var
from textual.screen import Screen

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.readiness import checklist, next_missing
from smgov_tui.core.textsafe import pasted_text
from smgov_tui.session.editing import EditingSession
from smgov_tui.storage.store import PlanStore
from smgov_tui.tui.compat import (
    as_switched_to,
    breakpoint_classes,
    callbacks_counted_once,
    draw_what_moves,
    rules_hashed_by_identity,
    stylesheet_variables,
)
from smgov_tui.tui.hangup import HangUp
from smgov_tui.tui.settling import FrameHold
from smgov_tui.tui.stylesheets import styles_dir
from smgov_tui.tui.typeahead import KeyTrail, TypeAhead
from smgov_tui.tui.widgets.bindings import bindings
from smgov_tui.tui.workbench import Workbench

STYLES_KEPT_AFTER = 2.0  # seconds from the start to keeping the parsed stylesheets (stylecache)

STEP_KEYS = [s.key for s in CATALOGUE.steps]
ORGANISATION = STEP_KEYS[0]  # the facts every step builds on: asked before the eight planning steps
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


class SmgovApp(Workbench):
    """smgov's workbench."""

    CSS_PATH = [str(styles_dir() / "smgov.tcss")]
    TITLE = "smgov"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = bindings("workbench")  # keymap.py declares them; a keymap file rebinds them

    step_key: var[str] = var(ORGANISATION, init=False)

    def __init__(self, store: PlanStore | None = None, welcome_path: Path | None = None,
                 problem: str | None = None, styles_kept_in: Path | None = None) -> None:
        # NO_COLOR: Textual drops every colour only for a theme in the terminal's own
        # ANSI colours; from any other it draws in greys, which are colours all the same.
        super().__init__(store, welcome_path, problem, ansi_color=True if "NO_COLOR" in os.environ else None)
        # The parsed stylesheets of an earlier run, if kept in this folder (see stylecache).
        self._styles_file: Path | None = None
        self._styles_loaded: frozenset = frozenset()
        if styles_kept_in is not None:
            from smgov_tui.tui import stylecache

            self._styles_file = stylecache.cache_file(styles_kept_in, stylesheet_variables(self.stylesheet))
            self._styles_loaded = stylecache.load(self.stylesheet, self._styles_file)
        self.COMMAND_PALETTE_BINDING = self.keymap.keys("command_palette")[0]  # the footer shows it
        self.type_ahead = TypeAhead(self, self._take_key)
        self.hang_up = HangUp(self)
        self.frames = FrameHold(self)
        draw_what_moves()  # a toast pushed up by the next one is drawn where it went
        rules_hashed_by_identity()
        callbacks_counted_once()

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
        return as_switched_to(self._step_screen(self.step_key))

    def on_mount(self) -> None:
        # Paused for the start by the command line (cli.main), and let run again once the
        # first step's frame is drawn. Let run after the app's first refresh, it came while
        # the step was still being made and walked its widgets: 9-14 ms of the start.
        # Through a function of ours: Textual reads a builtin's parameters from its text
        # signature, with Python's tokenizer, whose patterns were compiled for it on the
        # way to the first frame.
        self.frames.when_drawn(lambda: gc.enable())
        self.hang_up.catch()
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
        self.session = EditingSession(store)
        self.problem = None
        self._take_plan()
        self.switch_screen(self._step_screen(self.step_key))
        self._watch_plan()

    def _take_plan(self) -> None:
        """The opened plan's title, checklist and step: where the work is, the
        first planning step with a blocker; a ready plan opens on launch, where its
        sign-off waits; a new one at the start, on the organisation, as does an
        older plan that never said whom it is for, once (`ask_organisation_once`)."""
        self._show_name()
        self.checklist = checklist(self.plan)
        self.save_state = "all saved"
        if self.ask_organisation_once():
            self.step_key = ORGANISATION
            return
        self.step_key = next((i.step for i in self.checklist.blockers if i.step != ORGANISATION), "launch")

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
        screen.add_class(*breakpoint_classes(screen, self.size.width, self.HORIZONTAL_BREAKPOINTS))
        self.install_screen(screen, name=key)
        self.frames.hold(screen)  # until it is settled: its first frame is the whole of it
        return screen

    # the screens the editing session (Workbench) asks for

    def conflict_dialog(self) -> Screen:
        from smgov_tui.tui.screens.conflict import ConflictScreen

        return ConflictScreen(self.clash())

    def unsaved_dialog(self) -> Screen:
        from smgov_tui.tui.screens.unsaved import UnsavedScreen

        return UnsavedScreen()

    def show_taken(self, decision_ids: set[str]) -> None:
        """Into the editors of the step screens made so far."""
        from smgov_tui.tui.widgets.editors import DecisionField

        plan = self.plan
        for step in CATALOGUE.steps:
            if not self.is_screen_installed(step.key):
                continue  # not made yet: made, it shows the plan as it then is
            for field in self.get_screen(step.key).query(DecisionField):  # none until first shown
                if field.decision.id in decision_ids:
                    field.show_value(plan.get(field.decision.id))
                elif getattr(field.decision.kind, "source", None) in decision_ids:
                    field.refresh_choices(plan.values)

    # the terminal's input

    async def on_event(self, event: events.Event) -> None:
        """A paste can carry escape sequences, which Input and TextArea would draw
        raw: they arrive as visible escapes instead, so what is shown is what is kept.
        Typed keys go in order (typeahead.py); under Pilot (headless) each key
        comes once the app is idle, so there is nothing to hold, and a hold would
        let a test read the screen before its key had taken effect."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            await (self._take_key(event) if self.is_headless else self.type_ahead.take(event))
            return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = pasted_text(event.text)
        await super().on_event(event)

    async def _take_key(self, key: events.Key) -> None:
        """A typed key, in its turn: unless a dialog that asks came up after it was
        typed (AskingScreen.keys_from), when it answers nothing and goes nowhere."""
        if key.time < getattr(self.screen, "keys_from", 0.0):
            return
        await super().on_event(key)

    def on_key_trail(self, trail: KeyTrail) -> None:
        self.type_ahead.went_through(trail)

    def on_unmount(self) -> None:
        self.flush(unattended=True)  # no one left to ask: keep this session's values, theirs in history
        self.hang_up.release()

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

    CONFLICT_ACTIONS = {"keep_mine", "take_theirs", "compare"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.CONFLICT_ACTIONS:  # over a step or a dialog about the clash, while there is one
            return self.clash() is not None and (
                not self.screen.is_modal or getattr(self.screen, "SHOWS_CLASH", False))
        if action in {"export", "undo", "suggest"} and (self.store is None or self.screen.is_modal):
            return False  # over a dialog, ctrl+e goes on to the dialog's own field; undo and suggest wait for the step
        if self.store is None and action in {"next_step", "previous_step", "next_missing", "suggest",
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

    _walked = None  # the item ctrl+f went to last: pressed again on its decision, it walks on

    def action_next_missing(self) -> None:
        """The most urgent open item (blockers, failed cross-checks among them, before
        advice), on the decision that fixes it; pressed again there, the next one."""
        here = self.screen.focused_decision().id
        after = self._walked.id if self._walked and self._walked.target == here else None
        item = next_missing(self.checklist, CATALOGUE.position[here], after=after, checks=True)
        self._walked = item
        if item is None:
            self.notify("Every decision is made.", timeout=3)
            return
        if item.kind == "check":  # the decision it lands on is made: say what is wrong with it
            self.notify(item.why, title=item.label, severity="warning" if item.blocking else "information")
        self.goto(item.target)

    def action_step_top(self) -> None:
        to_top = getattr(self.screen, "to_top", None)  # a step's; a dialog has none
        if to_top is not None:
            to_top()

    def action_guidance(self) -> None:
        from smgov_tui.tui.screens.guidance import GuidanceScreen

        self.push_screen(GuidanceScreen(self.screen.focused_decision()))

    def action_suggest(self) -> None:
        """The focused decision's suggested answer into its field; nothing is decided
        without this key (a suggestion is only shown until then)."""
        from smgov_tui.core.suggestions import suggest, why_none
        from smgov_tui.tui.screens.step import StepScreen
        from smgov_tui.tui.widgets.editors import DecisionField, field_id

        if not isinstance(self.screen, StepScreen):
            return
        decision = self.screen.focused_decision()
        field = self.screen.query_one(f"#{field_id(decision.id)}", DecisionField)
        if not field.accept_suggestion():
            reason = (f"{decision.label}: every suggested row is in the list already"
                      if suggest(decision.id, self.plan) is not None else why_none(decision.id))
            self.notify(reason, timeout=4, markup=False)

    def action_undo(self) -> None:
        from smgov_tui.tui.undo import undo

        undo(self)

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
        from smgov_tui.tui.palette import workbench_commands  # deferred: only an opened palette asks

        yield from super().get_system_commands(screen)
        yield from workbench_commands(self, screen)

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
