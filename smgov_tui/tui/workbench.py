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
from pathlib import Path
from typing import Any

from textual.app import App
from textual.reactive import var
from textual.screen import Screen

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.checks.base import plural
from smgov_tui.core.errors import ConflictError, SmgovError
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist, checklist
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.keys.keymap import Keymap, load_keymap
from smgov_tui.session.editing import EditingSession
from smgov_tui.storage.store import ASKED_ORGANISATION as ASKED, PlanStore

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
    # Decisions edited here that another session changed too: mine stays pending and
    # the conflict bar asks, without taking a key, until the person chooses.
    conflicts: var[tuple[ConflictError, ...]] = var((), init=False)
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
        self.leave_details: list[str] = []  # lines it prints under that one
        self.save_problem: str | None = None  # why the last save failed, until one succeeds
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
        self.sub_title = one_line(self.plan.title)  # plan text: never escapes to a terminal
        self.title = f"smgov · {self.sub_title}"

    def ask_organisation_once(self) -> bool:
        """Whether the plan opens on the organisation: while its name is not decided,
        once, the asking kept in the file's metadata (PlanStore.ask_once): a new plan
        opens there, and one made before smgov asked, with a note why. The checklist
        still counts the name missing: it is a blocker."""
        if self.plan.decided("organisation.name") or not self.store.ask_once(ASKED):
            return False
        if not self.plan.values:
            return True
        self.notify("This plan does not yet say whom it is for: its name heads every document. "
                    "Name the organisation here, or go on with Next.", title="Organisation",
                    timeout=12)
        return True

    def _watch_plan(self) -> None:
        """Saving's companions: another session's changes polled for, and the file's warnings said."""
        self.set_interval(OTHER_SESSIONS_POLL, self.notice_other_sessions, name="other sessions")
        for warning in self.store.warnings(editing=True):
            self.notify(warning, title="Plan file", severity="warning", markup=False, timeout=15)
        held = self.session.hold_merges()
        if held:  # a git merge left decisions with two values: both shown, the person chooses
            self.conflicts = held
            self.show_taken({c.decision_id for c in held})
            self.checklist = checklist(self.plan)
            self.save_state = "NOT SAVED: merge conflict"
            self.call_after_refresh(self.action_compare)

    def propose(self, decision_id: str, value: Any, final: bool) -> None:
        """A valid value from a field: into the plan now, onto disk after a pause.
        A field proposes its value again as it loses the focus: only a change is an edit."""
        if self.plan.get(decision_id) == value and decision_id not in self.pending:
            return
        self.session.propose(decision_id, value)
        if decision_id == "organisation.name":
            self._show_name()  # the title bar names the organisation as it is typed
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
        session made meanwhile is caught, not overwritten: the conflict bar says so
        and waits for the person (`conflicts`). `unattended` (a hang-up, no one to
        ask) keeps this session's value; the other stays in the history."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if not self.pending or self._discarded:
            return
        try:
            saved = self.session.save(force=unattended)
        except SmgovError as error:
            self._not_saved(error)
            return
        self.save_problem = None
        self.conflicts = saved.conflicts  # every pending edit was tried: these are all the clashes
        if saved.conflicts:
            self.save_state = "NOT SAVED: conflict"
            return
        self._saved_now()
        self._after_choice()  # a retry, or a poll's save, that a waiting quit needed

    def _saved_now(self) -> None:
        self.save_state = "saved " + _dt.datetime.now().strftime("%H:%M:%S")

    def _not_saved(self, error: SmgovError) -> None:
        """Said once while the reason stays the same: a full disk fails every pause's save."""
        self.save_state = "NOT SAVED"
        if str(error) != self.save_problem:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
        self.save_problem = str(error)

    # a decision changed here and in another session

    def clash(self) -> ConflictError | None:
        """The clash the bar shows and the conflict keys act on: the first still pending."""
        return next((c for c in self.conflicts if c.decision_id in self.pending), None)

    def action_keep_mine(self) -> None:
        """Mine over theirs, if theirs is still what the person was shown."""
        conflict = self.clash()
        if conflict is None:
            return
        try:
            self.session.keep_mine(conflict)
        except ConflictError as newer:
            self._replace_clash(conflict, newer)
            self.notify(f"{newer.label} was changed again in another session: look before you choose.",
                        title="Changed again", severity="warning", timeout=8)
            return
        except SmgovError as error:
            self._not_saved(error)
            return
        self._replace_clash(conflict, None)
        self.checklist = checklist(self.plan)  # a git merge's mark on the decision went with the save
        self._saved_now()
        self._after_choice()

    def action_take_theirs(self) -> None:
        """Theirs, as the file holds it now, into the plan and its editor; mine dropped."""
        conflict = self.clash()
        if conflict is None:
            return
        self.session.take_theirs(conflict)
        self._replace_clash(conflict, None)
        self.show_taken({conflict.decision_id})
        self.checklist = checklist(self.plan)
        self.save_state = "reloaded"
        self._after_choice()

    def _replace_clash(self, conflict: ConflictError, newer: ConflictError | None) -> None:
        """A clash resolved (None), or found again with a newer theirs."""
        if newer is None:
            self.conflicts = tuple(c for c in self.conflicts if c is not conflict)
        else:
            self.conflicts = tuple(newer if c is conflict else c for c in self.conflicts)

    def action_compare(self) -> None:
        """Both versions of the clash in full, in a dialog."""
        if self.clash() is not None and self.screen.id != "conflict":
            self.push_screen(self.conflict_dialog())

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
            labels = [CATALOGUE.label(d) for d in followed.taken]
            self.notify("Updated from another session: " + ", ".join(labels), markup=False, timeout=6)
        if followed.conflicting:
            self.flush()  # the bar says so now, with the value in the file now

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        """Messages quote plan text (names, who changed what): its escapes made
        visible, as Textual would send them to the terminal as they are; and
        paths, broken only at their separators (notices.py)."""
        from smgov_tui.tui.notices import notice_text, toast_width  # deferred: the first step says nothing

        kwargs.setdefault("markup", False)  # and never markup: plan text is data
        super().notify(notice_text(visible(str(message)), toast_width(self.size.width)), *args, **kwargs)

    # leaving

    _quitting = False  # asked to quit while changes could not be saved: quits once they are
    _discarded = False  # the person chose to leave without saving: nothing more is written

    async def action_quit(self) -> None:
        """Save and quit; what cannot be saved keeps the workbench open and asks (unsaved.py).
        Pressed again in that dialog, it quits without saving, saying what is lost."""
        if self.store is None and self.problem:
            self.leave_with(self.problem)
            return
        if getattr(self.screen, "QUIT_DISCARDS", False):
            self.quit_without_saving()
            return
        self.flush()
        if self.pending:
            self._quitting = True
            self.clear_notifications()  # the dialog says it all, and a toast would cover it
            self.push_screen(self.unsaved_dialog(), self._stay)
            return
        self.exit()

    def _stay(self, _result: object = None) -> None:
        self._quitting = False

    def _after_choice(self) -> None:
        """A clash resolved or a save that worked: a quit that was waiting for it goes on."""
        if self._quitting and not self.pending:
            self.exit()

    def unsaved(self) -> str:
        """What is not saved, for the one line the command line prints: a count and the decisions."""
        labels = [CATALOGUE.label(d) for d in self.pending]
        where = f" to {self.store.path}" if self.store else ""
        return f"{plural(len(labels), 'change')} NOT saved{where}: {', '.join(labels)}"

    def quit_without_saving(self) -> None:
        """A forced quit: nothing more is written; the command line says what was lost
        (exit 2), each value under it, so typed text is still in the terminal's scrollback."""
        if not self.pending:
            self.exit()
            return
        from smgov_tui.core.history import shown  # deferred: only a forced quit lists what it lost

        self.leave_details = [f"  {CATALOGUE.label(d)}: {shown(d, value)}" for d, value in self.pending.items()]
        message = self.unsaved()
        self._discarded = True
        self.leave_with(message)

    def save_elsewhere(self, path: Path) -> Path:
        """The whole plan as edited here, pending changes included, as a new plan file at
        `path` (never over a file); the plan itself is left as it is. SmgovError if not."""
        store = PlanStore.create(path, self.plan.name, self.plan.to_values())
        kept = (f"{plural(len(self.pending), 'change')} not saved to {self.store.path}; "
                f"the whole plan with them is in {store.path}")
        self._discarded = True
        self.leave_with(kept, return_code=0)
        return store.path

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (text fields copy with it): say what does, in plain words."""
        self.notify(f"Press {self.keymap.shown('quit')} to save and quit.", title="Do you want to quit?")

    def leave_with(self, message: str, return_code: int = 2) -> None:
        """Quit with a line for the command line to print once the terminal is back: an
        error (exit 2) or, with return code 0, a warning."""
        self.leave_message = message
        self.exit(return_code=return_code)

    # what makes or walks the screens: SmgovApp, the routing, implements these

    def conflict_dialog(self) -> Screen:
        """Both versions of the clash the bar shows, with the same choices: the app routes."""
        raise NotImplementedError

    def unsaved_dialog(self) -> Screen:
        """What cannot be saved as the person quits, and the ways on: the app routes."""
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
