"""The app as screens, widgets, hang-up and palette know it: one plan being edited.

Fields propose valid values; the editing session (session/editing.py) keeps
them in the plan at once (so the checklist follows every keystroke) and the
workbench saves them, with their history entries, when the person pauses,
moves on, or leaves. A quit, a crash in a later step or a dropped link loses
at most the pause.

Why a module apart from the app (tui/app.py): SmgovApp makes the screens, so a
screen, or a widget in one, importing it would close an import circle, which
the import-linter contracts forbid (deferred and TYPE_CHECKING imports
included). They import this instead and declare `app = getters.app(Workbench)`
for a typed `self.app`, and SmgovApp is a Workbench. An App subclass, not a
typing.Protocol: getters.app takes an App subclass (its type variable is bound
to App, and it checks isinstance), and `self.app` keeps the App methods they
call (notify, push_screen_wait). What makes a screen cannot live here (this
module may not import the screens either): those few methods are declared
below and SmgovApp, the routing, implements them.
"""

from __future__ import annotations

import datetime as _dt
from functools import partial
from pathlib import Path
from typing import Any, Iterable

from textual.app import App
from textual.reactive import var
from textual.screen import Screen

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.errors import ConflictError, SmgovError
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist, checklist
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.keys.keymap import Keymap, load_keymap
from smgov_tui.session.editing import EditingSession
from smgov_tui.storage.store import PlanStore

SAVE_PAUSE = 0.6  # seconds of no typing before a typed value is written
OTHER_SESSIONS_POLL = 1.0  # seconds between looks at the file for another session's changes


class Workbench(App):
    """An app over one plan: its editing session, saving, and the user's key map."""

    # Every change redraws the views of the plan, even one that leaves the checklist as it was.
    # `var`, not `reactive`: an app reactive repaints the whole screen when set, and
    # these change on every keystroke; the widgets that show them redraw themselves.
    checklist: var[Checklist | None] = var(None, init=False, always_update=True)
    save_state: var[str] = var("", init=False)
    # Counts the times the session found the plan file replaced (a save here or in another
    # session): views of the file itself (the history) follow it.
    file_changes: var[int] = var(0, init=False)
    # A step shows its first screenful of fields first, the rest a frame later
    # (StepScreen.compose_form): None, in a terminal; tests may ask either way.
    window_fields: bool | None = None

    def __init__(self, store: PlanStore | None = None, welcome_path: Path | None = None,
                 problem: str | None = None, ansi_color: bool | None = None) -> None:
        super().__init__(ansi_color=ansi_color)
        # The plan being edited, its bases and pending edits; None until a plan is open.
        self.session: EditingSession | None = EditingSession(store) if store else None
        self.welcome_path = welcome_path
        self.problem = problem  # why the plan at welcome_path cannot be opened
        self.leave_message: str | None = None  # for the command line to print once the terminal is back
        self._asking: set[str] = set()  # decisions with a conflict dialog open
        self._save_timer = None
        self.keymap: Keymap = load_keymap()  # the user's rebindings (said on mount if the file has faults)
        self.set_keymap(self.keymap.for_textual())

    # the editing session

    @property
    def store(self) -> PlanStore | None:
        return self.session.store if self.session else None

    @property
    def plan(self) -> Plan:
        """The plan as edited here, pending edits included: what every view shows."""
        return self.session.plan if self.session else Plan()

    @property
    def pending(self) -> dict[str, Any]:
        """Edits made here and not saved yet."""
        return self.session.pending if self.session else {}

    def _show_name(self) -> None:
        self.sub_title = one_line(self.plan.name)  # plan text: never escapes to a terminal
        self.title = f"smgov · {self.sub_title}"

    def _watch_plan(self) -> None:
        """Saving's companions: another session's changes polled for, and the file's warnings said."""
        self.set_interval(OTHER_SESSIONS_POLL, self.notice_other_sessions, name="other sessions")
        for warning in self.store.warnings():
            self.notify(warning, title="Plan file", severity="warning", markup=False, timeout=15)

    def propose(self, decision_id: str, value: Any, final: bool) -> None:
        """A valid value from a field: into the plan now, onto disk after a pause.
        A field proposes its value again as it loses the focus: only a change is an edit."""
        if self.plan.get(decision_id) == value and decision_id not in self.pending:
            return
        self.session.propose(decision_id, value)
        self.checklist = checklist(self.plan)
        self.save_state = "editing…"
        if self._save_timer is not None:
            self._save_timer.stop()
        if final:
            self.flush()
        else:
            self._save_timer = self.set_timer(SAVE_PAUSE, self.flush)

    def flush(self, unattended: bool = False) -> None:
        """Save every pending edit now (one history entry each). A change another
        session made meanwhile is caught, not overwritten: the person chooses in a
        dialog. `unattended` (a hang-up, no one to ask) keeps this session's value;
        the other stays in the history."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if not self.pending:
            return
        try:
            saved = self.session.save(force=unattended)
        except SmgovError as error:
            self._not_saved(error)
            return
        if saved.conflicts:
            self.save_state = "NOT SAVED: conflict"
            self.ask_about(saved.conflicts)
            return
        self._saved_now()

    def _saved_now(self) -> None:
        self.save_state = "saved " + _dt.datetime.now().strftime("%H:%M:%S")

    def _not_saved(self, error: SmgovError) -> None:
        self.save_state = "NOT SAVED"
        self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)

    def ask_about(self, conflicts: Iterable[ConflictError]) -> None:
        """A dialog per decision changed both here and in another session."""
        for conflict in conflicts:
            if conflict.decision_id in self._asking:
                continue
            self._asking.add(conflict.decision_id)
            self.push_screen(self.conflict_dialog(conflict), partial(self._resolved, conflict))

    def _resolved(self, conflict: ConflictError, choice: str | None) -> None:
        """Theirs taken, mine kept, or later: mine stays pending, asked about at the next save."""
        decision_id = conflict.decision_id
        self._asking.discard(decision_id)
        if decision_id not in self.pending:
            return
        if choice == "theirs":
            self.session.take_theirs(conflict)
            self.show_taken({decision_id})
            self.checklist = checklist(self.plan)
            self.save_state = "reloaded"
        elif choice == "mine":
            try:
                self.session.keep_mine(conflict)
            except SmgovError as error:
                self._not_saved(error)
                return
            self._saved_now()
        else:
            self._quitting = False
            self.notify(f"{conflict.label}: your value is not saved yet; "
                        "you will be asked again at the next save.", title="Decide later",
                        severity="warning", markup=False, timeout=8)
        if self._quitting and not self._asking:
            self.flush()
            if not self.pending:
                self.exit()

    def notice_other_sessions(self) -> None:
        """Polled: when another session (a workbench, `smgov set`) replaced the file,
        its changes come into the plan and into every editor without an edit pending."""
        if self.session is None:
            return
        try:
            followed = self.session.follow()
        except SmgovError:
            return  # unreadable for now (being replaced by hand?); the next save says why
        if followed is None:
            return
        self.file_changes += 1
        self._show_name()
        if followed.taken:
            self.show_taken(set(followed.taken))
            self.checklist = checklist(self.plan)
            labels = [CATALOGUE.get(d).label if d in CATALOGUE else d for d in followed.taken]
            self.notify("Updated from another session: " + ", ".join(labels), markup=False, timeout=6)
        if followed.conflicting:
            self.flush()  # asks now, while the person still remembers the edit

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        """Messages quote plan text (names, who changed what): its escapes made
        visible, as Textual would send them to the terminal as they are."""
        kwargs.setdefault("markup", False)  # and never markup: plan text is data
        super().notify(visible(str(message)), *args, **kwargs)

    # leaving

    _quitting = False  # a quit waits for the conflict dialogs open (`_resolved`)

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

    def leave_with(self, message: str) -> None:
        """Quit with an error: the command line prints `message` as its one line, exit 2."""
        self.leave_message = message
        self.exit(return_code=2)

    # what makes or walks the screens: SmgovApp, the routing, implements these

    def conflict_dialog(self, conflict: ConflictError) -> Screen[str | None]:
        """The dialog that asks theirs, mine or later, dismissed with the choice: the app routes."""
        raise NotImplementedError

    def show_taken(self, decision_ids: set[str]) -> None:
        """Values taken from the file, into the editors made so far: the app routes."""
        raise NotImplementedError

    def open_plan(self, store: PlanStore) -> None:
        """The plan chosen on the welcome or problem screen, in place of that screen: the app routes."""
        raise NotImplementedError

    def show_step(self, key: str) -> None:
        """The step's screen, what is pending saved first: the app routes."""
        raise NotImplementedError

    def goto(self, decision_id: str) -> None:
        """The decision's step, the cursor in its editor: the app routes."""
        raise NotImplementedError

    def action_toggle_guidance_panel(self) -> None:
        """The guidance beside the form, or over it on a narrow terminal: the app routes."""
        raise NotImplementedError

    def action_focus_steps(self) -> None:
        """To the list of steps, or the palette where there is none: the app routes."""
        raise NotImplementedError

    def action_next_missing(self) -> None:
        """To the next decision still missing: the app routes."""
        raise NotImplementedError

    def action_history(self) -> None:
        """The history dialog: the app routes."""
        raise NotImplementedError

    def action_export(self) -> None:
        """The export dialog: the app routes."""
        raise NotImplementedError
