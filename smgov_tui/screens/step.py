"""A planning step: its decisions, the live checklist, guidance, navigation.

Every step uses this screen; the launch step adds its verdict and sign-off.
"""

from __future__ import annotations

from importlib import import_module
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..catalogue import CATALOGUE, Decision, Step
from ..catalogue.decision import guidance_markdown
from ..readiness import Checklist
from ..widgets.checklist import ChecklistPanel
from ..widgets.editors import DecisionField, decision_of, editor_id
from ..widgets.steps import StepList


class StepScreen(Screen):
    """One step of the plan."""

    EDITABLE_EXCLUDED: tuple[str, ...] = ()
    # The views of the plan each step shows above its decisions: the arithmetic
    # where hours and money are decided, the matrix where people are assigned.
    # By name (module:class in widgets/), imported when their step first shows,
    # not before the first frame.
    PANELS: ClassVar[dict[str, tuple[str, ...]]] = {
        "resources": ("capacity:CapacityPanel",), "platforms": ("capacity:CapacityPanel",),
        "response": ("response_matrix:ResponseMatrix",), "peers": ("peers:PeersComparison",)}

    def __init__(self, step: Step) -> None:
        super().__init__(name=step.key, id=f"step-{step.key}")
        self.step = step
        self._resumed = False  # shown before

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(d for d in CATALOGUE.in_step(self.step.key) if d.id not in self.EDITABLE_EXCLUDED)

    def compose(self) -> ComposeResult:
        step = self.step
        with Horizontal(id="topbar"):
            yield Static(Content.assemble((f" {step.number}/8 {step.title} ", "reverse bold"), " ",
                                          (step.question, "dim")), id="step-title")
            yield Static("", id="save-state", markup=False)
        with Horizontal(id="body"):
            yield StepList(step.key)
            with VerticalScroll(id="form"):
                yield from self.compose_form()
            yield ChecklistPanel()
            yield VerticalScroll(id="guide-panel")  # its Markdown comes when it first shows
        yield Footer()

    def compose_form(self) -> ComposeResult:
        for panel in self.PANELS.get(self.step.key, ()):
            module, name = panel.split(":")
            yield getattr(import_module(f"..widgets.{module}", __package__), name)()
        values = self.app.plan.values
        for decision in self.decisions:
            yield DecisionField(decision, values.get(decision.id), values)

    def on_mount(self) -> None:
        self.watch(self.app, "checklist", self.show_checklist)
        self.watch(self.app, "save_state", self.show_save_state)
        missing = [i.id for i in self.app.checklist.for_step(self.step.key) if i.kind == "missing"]
        self.focus_decision(missing[0] if missing else self.decisions[0].id, scroll=bool(missing))

    def show_checklist(self, checklist: Checklist) -> None:
        """Follows every keystroke, so only the screen in view does the work."""
        if not self.is_current:
            return
        self.query_one(ChecklistPanel).show(checklist, self.step.key)
        for panel in self.query(".plan-view"):
            panel.show(self.app.plan)
        self.query_one(StepList).show(checklist)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Shown for the first time, every widget was styled as it mounted, just now:
        # Textual's styling them all again as the screen resumes was a tenth of the start.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
        self.show_checklist(self.app.checklist)

    def show_save_state(self, state: str) -> None:
        self.query_one("#save-state", Static).update(state)

    # focus and guidance

    def focused_decision(self) -> Decision:
        """The decision whose editor has focus, else the step's first."""
        node = self.focused
        while node is not None and not isinstance(node, DecisionField):
            node = node.parent
        return node.decision if isinstance(node, DecisionField) else self.decisions[0]

    def focus_decision(self, decision_id: str, scroll: bool = True) -> bool:
        editors = self.query(f"#{editor_id(decision_id)}")
        if not editors:
            return False
        editor = editors.first()  # a list or matrix editor focuses its table
        target = editor if editor.focusable else next((w for w in editor.query("*") if w.focusable), editor)
        self.set_focus(target, scroll_visible=False)  # now: Widget.focus waits for the app's queue
        if scroll:
            field = self.query_one(f"#field-{decision_id.replace('.', '--')}")
            # After layout, and after a text area's own scroll to its cursor,
            # so the label is in view above the field, not cut off.
            self.call_after_refresh(self.call_after_refresh, field.scroll_visible, top=True,
                                    animate=False)
        return True

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        ident = widget.id or (widget.parent.id if widget.parent else None) or ""
        if ident.startswith("edit-") and self.has_class("-guide"):
            self.show_guidance(CATALOGUE.get(decision_of(ident.removesuffix("-table"))))

    def show_guidance(self, decision: Decision | None = None) -> None:
        """Fill the side panel; only while it shows, as Markdown is costly per focus
        change, and made the first time it shows: importing Textual's Markdown (with
        the parser and highlighter it brings) was 25 ms and 4 MB of every start."""
        from textual.widgets import Markdown

        decision = decision or self.focused_decision()
        text = f"**{decision.label}**\n\n" + guidance_markdown(decision)
        shown = self.query("#guide-text")
        if shown:
            shown.first(Markdown).update(text)
        else:
            self.query_one("#guide-panel").mount(Markdown(text, id="guide-text"))

    def take_proposal(self, event: DecisionField.Proposed) -> None:
        """A field's new value: into the plan, the checklist and the fields whose
        choices come from it, within the keystroke's own frame."""
        self.app.propose(event.decision_id, event.value, event.final)
        for field in self.query(DecisionField):
            kind = field.decision.kind
            if getattr(kind, "source", None) == event.decision_id:
                field.refresh_choices(self.app.plan.values)

    @on(ChecklistPanel.Picked)
    def _picked(self, event: ChecklistPanel.Picked) -> None:
        self.app.goto(event.item.target)

    @on(StepList.OptionSelected)
    def _jump(self, event: StepList.OptionSelected) -> None:
        event.stop()
        self.app.show_step(event.option.id)
