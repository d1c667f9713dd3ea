"""Step 8: the launch decisions, the verdict, readiness per step and the sign-off."""

from __future__ import annotations

import datetime as _dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Static

from smgov_tui.core import signoff
from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.readiness import Checklist
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.tui.screens.step import StepScreen
from smgov_tui.tui.stylesheets import sheet

SIGNOFF = "launch.signoff"


def today() -> str:
    """The sign-off date offered by default (tests freeze it)."""
    return _dt.date.today().isoformat()


class LaunchScreen(StepScreen):
    """Launch-day decisions plus the whole checklist; sign-off once nothing blocks."""

    DEFAULT_CSS = sheet("launch")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    EDITABLE_EXCLUDED = (SIGNOFF,)
    FIRST_FIELDS_WINDOWED = False
    PANELS = {**StepScreen.PANELS, "launch": ("due_soon:DueSoon",)}  # what falls due in 90 days

    def compose_form(self) -> ComposeResult:
        yield Static("", id="verdict", markup=False)
        yield from super().compose_form()
        yield Label(Content.styled("Decided, step by step", "bold"), classes="section")
        with Vertical(id="readiness"):
            for step in CATALOGUE.steps:
                with Horizontal(classes="step-progress"):
                    yield Label(f"{step.number} {step.title}", classes="step-progress-label")
                    yield ProgressBar(total=len(CATALOGUE.in_step(step.key)), show_eta=False,
                                      show_percentage=False, id=f"progress-{step.key}")
                    yield Label("", id=f"count-{step.key}", classes="step-progress-count")
        yield Label(Content.styled("Open items", "bold"), classes="section")
        table: DataTable = DataTable(id="launch-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Label(Content.styled("Sign-off", "bold"), classes="section")
        yield Static("", id="signoffs", markup=False)
        with Vertical(id="signoff-form"):
            yield Input(placeholder="Name, e.g. Dana Ruiz", id="signoff-name")
            yield Input(placeholder="Role, e.g. Communications Manager", id="signoff-role")
            yield Input(today(), placeholder="Date, YYYY-MM-DD", id="signoff-date")
            yield Button("Sign off the plan", id="signoff-button", variant="success")
            yield Static("", id="signoff-message", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#launch-table", DataTable)
        table.add_columns(*map(Text, ("Step", "Need", "Item", "Why")))  # not markup
        super().on_mount()

    def show_checklist(self, checklist: Checklist) -> None:
        super().show_checklist(checklist)
        blockers = len(checklist.blockers)
        verdict = ("READY for launch: nothing blocks. Record the sign-off below."
                   if checklist.ready else
                   f"NOT READY: {blockers} blocking item{'s' if blockers != 1 else ''}; "
                   f"{checklist.decided} of {checklist.total} decisions made.")
        self.query_one("#verdict", Static).update(verdict)
        self.query_one("#verdict").set_class(checklist.ready, "-ready")
        for step in CATALOGUE.steps:
            total = len(CATALOGUE.in_step(step.key))
            decided = sum(self.app.plan.decided(d.id) for d in CATALOGUE.in_step(step.key))
            self.query_one(f"#progress-{step.key}", ProgressBar).update(progress=decided)
            self.query_one(f"#count-{step.key}", Label).update(f"{decided}/{total}")
        table = self.query_one("#launch-table", DataTable)
        table.clear()
        for item in sorted(checklist.items, key=lambda i: not i.blocking):
            table.add_row(Text(str(CATALOGUE.step(item.step).number)), Text(item.severity), Text(item.label),
                          Text(one_line(item.why) if item.kind == "check" else "not decided"))
        self._show_signoffs(checklist)

    def _show_signoffs(self, checklist: Checklist) -> None:
        plan = self.app.plan
        lines = [one_line(signoff.shown(signoff.standing(plan, row))) for row in plan.rows(SIGNOFF)]
        self.query_one("#signoffs", Static).update("\n".join(lines) or "Not signed off yet.")
        button = self.query_one("#signoff-button", Button)
        open_ = signoff.may_sign(checklist.blockers)
        button.disabled = not open_
        again = not checklist.ready  # only the stale sign-off blocks
        button.label = (("Sign off again" if again else "Sign off the plan") if open_
                        else "Sign-off opens when nothing blocks")

    def focus_decision(self, decision_id: str, scroll: bool = True) -> bool:
        """The sign-off has no editor of its own: it is the form at the end."""
        if decision_id != SIGNOFF:
            return super().focus_decision(decision_id, scroll)
        self.set_focus(self.query_one("#signoff-name", Input), scroll_visible=False)
        self.call_after_refresh(self.query_one("#signoff-form").scroll_visible, animate=False)
        return True

    @on(Button.Pressed, "#signoff-button")
    def _sign_off(self) -> None:
        row = signoff.signing(self.app.plan, self.query_one("#signoff-name", Input).value,
                              self.query_one("#signoff-role", Input).value,
                              self.query_one("#signoff-date", Input).value,
                              self.app.store.meta().get("revision", 0))
        message = self.query_one("#signoff-message", Static)
        if not signoff.may_sign(self.app.checklist.blockers):
            message.update("Sign-off is recorded only when nothing blocks launch.")
            return
        try:
            rows = CATALOGUE.check(SIGNOFF, [*self.app.plan.rows(SIGNOFF), row])
        except InvalidValue as error:
            message.update(visible(str(error).replace("sign-off 1: ", "").replace("sign-off 1, ", "")))
            return
        self.app.propose(SIGNOFF, rows, final=True)
        message.update("Sign-off recorded in the plan and its history.")
        self._show_signoffs(self.app.checklist)
