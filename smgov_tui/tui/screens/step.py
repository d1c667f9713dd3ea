"""A planning step: its decisions, the live checklist, guidance, navigation.

Every step uses this screen; the launch step adds its verdict and sign-off.
"""

from __future__ import annotations

from functools import partial
from importlib import import_module
from typing import ClassVar

from rich.cells import cell_len
from textual import events, getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Select, Static, TextArea

from smgov_tui.core.catalogue import CATALOGUE, Decision, Step
from smgov_tui.core.catalogue.decision import guidance_markdown
from smgov_tui.core.readiness import Checklist
from smgov_tui.tui.compat import lay_out_now, map_as_drawn
from smgov_tui.tui.widgets.bindings import keys_shown
from smgov_tui.tui.widgets.checklist import ChecklistPanel
from smgov_tui.tui.widgets.editors import DecisionField, decision_of, editor_id, field_id
from smgov_tui.tui.widgets.inputs import children_between, unopened_between
from smgov_tui.tui.widgets.key_footer import KeyFooter
from smgov_tui.tui.widgets.redraw import redraw
from smgov_tui.tui.widgets.rows import RowsEditor
from smgov_tui.tui.widgets.steps import StepList
from smgov_tui.tui.workbench import Workbench

SAVE_STATE_CELLS = len("saved 00:00:00")  # the widest of the states every edit goes through


class KeptRoom(Widget):
    """The room of a field a step makes once its first frame is drawn
    (StepScreen._mount_rest): as many rows as it will take, blank, out of view
    (below or above the first screenful). One room a field: shown in its place,
    the field leaves every other widget where it was, its order among its
    neighbours too (Textual draws again a widget whose order changed)."""

    def __init__(self, decision: Decision, rows: int) -> None:
        super().__init__()
        self.decision = decision
        self.styles.height = rows


class StepForm(VerticalScroll):
    """A step's fields, scrolled."""

    arriving = False  # fields coming into kept room (StepScreen._make_to_come)

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        # As fields come into the room kept for them, Textual asks for the whole form
        # to be drawn again with each mount (8 kB of the same screen): laid out, what
        # moved is drawn all the same, and if they fit their room nothing did.
        return super().refresh(*regions, repaint=repaint and not self.arriving, layout=layout,
                               recompose=recompose)


class StepScreen(Screen):
    """One step of the plan."""

    EDITABLE_EXCLUDED: tuple[str, ...] = ()
    FIRST_FIELDS_WINDOWED = True  # see compose_form; the launch step, with more below its fields, shows all
    # The views of the plan each step shows above its decisions: the arithmetic
    # where hours and money are decided, the matrix where people are assigned.
    # By name (module:class in widgets/), imported when their step first shows,
    # not before the first frame.
    PANELS: ClassVar[dict[str, tuple[str, ...]]] = {
        "resources": ("hours_view:CapacityPanel",), "platforms": ("hours_view:CapacityPanel",),
        "response": ("response_matrix_view:ResponseMatrix",), "peers": ("peers_view:PeersComparison",)}

    app = getters.app(Workbench)

    def __init__(self, step: Step) -> None:
        super().__init__(name=step.key, id=f"step-{step.key}")
        self.step = step
        self._resumed = False  # shown before
        self._rest: tuple[list, list] = ([], [])  # views and decisions above and below the first screenful
        self._after_rest: list = []  # what waits for them (a focus asked for meanwhile)
        self._arriving: list[tuple[KeptRoom, DecisionField]] = []  # made, to be shown in their rooms
        self._opening: tuple[str, bool] = ("", False)  # the decision it opens on, and whether scrolled to
        self.checklist_choice: str | None = None  # an item picked in a checklist, for this one to highlight

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(d for d in CATALOGUE.in_step(self.step.key) if d.id not in self.EDITABLE_EXCLUDED)

    def compose(self) -> ComposeResult:
        step = self.step
        with Horizontal(id="topbar"):
            number = f"{step.number}/{len(CATALOGUE.steps) - 1} " if step.number else ""  # the organisation: no number
            yield Static(Content.assemble((f" {number}{step.title} ", "reverse bold"), " ",
                                          (step.question, "dim")), id="step-title")
            yield Static("", id="plan-name", markup=False)  # whom the plan is for: plan text, never markup
            yield Static("", id="save-state", markup=False)
        with Horizontal(id="body"):
            if not self.has_class("-narrow"):  # hidden there: made when the terminal widens
                yield StepList(step.key)
            with StepForm(id="form"):
                yield from self.compose_form()
            yield ChecklistPanel()  # the guidance panel comes after it when it first shows
        yield KeyFooter()  # compact, as Textual's Footer(compact=True): every key of a step fits 80 columns (test_fit)

    def compose_form(self) -> ComposeResult:
        """The views of the plan, then a field per decision. In a terminal, only
        what fills the first screenful comes now, from the field the step opens
        on; the rest is mounted once that is mounted (`_mount_rest`), and all of
        it is drawn in one frame (settling.py). Mounted all at once, the step
        settled later still (bench: 2.1x the minimal app against 1.95x)."""
        self._opening = self.opening_decision()
        # Textual focuses a new screen's first focusable widget as it is composed: the
        # form, whose focus (and blur, as the field is focused) styled all of it again
        # twice before the first frame. The field the step opens on is focused instead.
        editor = f"#{editor_id(self._opening[0])}"
        self.AUTO_FOCUS = f"{editor}, {editor} *"  # a list or matrix editor: its table
        widgets = [*self._views(), *self.decisions]
        windowed = self.app.window_fields
        if not self.FIRST_FIELDS_WINDOWED or (self.app.is_headless if windowed is None else not windowed):
            yield from (self._made(widget) for widget in widgets)
            return
        target, scroll = self._opening
        start = next((i for i, w in enumerate(widgets) if getattr(w, "id", None) == target), 0) if scroll else 0
        end = start + self.filling(widgets[start:])
        self._rest = (widgets[:start], widgets[end:])
        for widget in widgets[start:end]:
            yield self._made(widget)

    def set_focus(self, widget, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        # Focused as it is composed (AUTO_FOCUS), the field the step opens on is scrolled
        # to once every size is known (_scroll_to_opening), not by Textual meanwhile.
        super().set_focus(widget, scroll_visible and self.is_mounted, from_app_focus)

    def opening_decision(self) -> tuple[str, bool]:
        """Where the step opens: its first missing decision, scrolled to the top, else its first."""
        missing = [i.id for i in self.app.checklist.for_step(self.step.key) if i.kind == "missing"]
        return (missing[0], True) if missing else (self.decisions[0].id, False)

    def filling(self, items: list) -> int:
        """How many of these fill the form's height (a view counts as one row)."""
        rows, height = 0, self.app.size.height - 2  # the top bar and the footer
        for count, item in enumerate(items, 1):
            rows += DecisionField.rows_at_least(item) if isinstance(item, Decision) else 1
            if rows >= height:
                return count
        return len(items)

    def _views(self) -> list:
        made = []
        for panel in self.PANELS.get(self.step.key, ()):
            module, name = panel.split(":")
            made.append(getattr(import_module(f"smgov_tui.tui.widgets.{module}"), name)())
        return made

    def _made(self, item, in_view: bool = True, width: int | None = None):
        """A view as it is; a decision as its field, holding the plan's value now.
        Out of view (above or below the first screenful), its text area is made
        as it comes into view (`_open_in_view`). `width`: the form's, once laid out."""
        if isinstance(item, Decision):
            values = self.app.plan.values
            return DecisionField(item, values.get(item.id), values, in_view, width)
        return item

    @property
    def incomplete(self) -> bool:
        """Fields still to come (`_mount_rest`): keys that move the focus wait for
        them (TypeAhead.still_moving), as Textual orders the focus chain by place
        on screen, and a field not yet laid out has none: tab jumped to it."""
        return any(self._rest)

    async def _mount_rest(self) -> None:
        """The fields above and below the first screenful, in one frame with the
        form scrolled so the field in view stays where it was. A field whose rows
        are known before it is made (DecisionField.rows_at) is made after that
        frame, in room kept for it (`_make_to_come`): the frame is the same, and
        comes sooner (bench/README: issue 18)."""
        above, below = self._rest
        form = self.query_one("#form", StepForm)
        kept = form.children[0] if form.children else None
        width = form.scrollable_content_region.width  # each field's, as the first screenful was laid out
        made_above, made_below = self._made_or_room(above, width), self._made_or_room(below, width)
        if made_below:
            form.mount_all(made_below)
        if made_above and kept is not None:
            form.mount_all(made_above, before=kept)
        self._rest = tuple([room.decision for room in made if isinstance(room, KeptRoom)]
                           for made in (made_above, made_below))
        # Textual ends each mount in the form's own queue (AwaitMount, call_next), asking
        # for a layout as it does: awaited here as well, that ask came after the layout
        # below and had the step laid out a third time. Laid out once they have ended.
        form.call_next(self._rest_mounted, form, kept if above else None)

    def _made_or_room(self, items: list, width: int) -> list[Widget]:
        """Each item made, or for a field whose rows are known, its room."""
        plan, made = self.app.plan, []
        for item in items:
            rows = DecisionField.rows_at(item, plan, width) if isinstance(item, Decision) else None
            made.append(self._made(item, in_view=False, width=width) if rows is None else KeptRoom(item, rows))
        return made

    async def _rest_mounted(self, form: VerticalScroll, kept: Widget | None) -> None:
        with self.app.batch_update():
            lay_out_now(self)  # within the batch: laid out (each field its place), not drawn
            if kept is not None:
                form.scroll_to(y=kept.virtual_region.y, animate=False, immediate=True)
        self.show_checklist(self.app.checklist)
        if any(self._rest):
            await self._settled()
            self.app.frames.when_drawn(self._make_to_come)
        else:
            self._all_come()
            await self._settled()

    def _make_to_come(self) -> None:
        """The fields in kept room, made once the step's first frame is drawn: made
        hidden, then each shown in its room's place, all at once. Their rows were
        the room's to the row, so nothing in view moves and nothing is drawn (the
        form asks to be drawn again as they mount and the rooms go: `StepForm.arriving`).
        Keys that move the focus wait for them (`incomplete`)."""
        form = self.query_one("#form", StepForm)
        rooms = list(form.query_children(KeptRoom))
        if not rooms:
            self._all_come()
            return
        width = form.scrollable_content_region.width
        shown = self.is_current
        if shown:
            self.app.frames.hold(self, drawn=())
            form.arriving = True
        fields = []
        for room in rooms:
            field = self._made(room.decision, in_view=False, width=width)
            field.display = False
            form.mount(field, before=room)
            fields.append(field)
        self._arriving = list(zip(rooms, fields))
        if shown:
            self.app.frames.settle(self, last=self._come)
            self.app.frames.when_drawn(self._come)  # let go unsettled (HELD_AT_MOST): shown all the same
        else:
            form.call_next(self._come)

    def _come(self) -> None:
        """Each field shown in its room's place, all at once: before the frames are let
        go, or, the step left or the frames let go before it settled, after."""
        arrived, self._arriving = self._arriving, []
        if not arrived:
            return
        form = self.query_one("#form", StepForm)
        # Each change below looks up where its widget is: with the map out of date (the
        # fields mounted meanwhile), the first would map the form half changed, a room
        # gone and its field not yet there, and mark all of it to be drawn again.
        map_as_drawn(self)
        for room, field in arrived:
            room.display = False
            field.display = True
        form.remove_children([room for room, _ in arrived])
        # Textual asks for the form to be drawn once they are gone, from the app's queue.
        self.app.call_next(setattr, form, "arriving", False)
        self.app.frames.when_drawn(self._all_come)  # laid out by then: a focus asked for scrolls to its field

    def _all_come(self) -> None:
        """Every field made: what waited for them is done."""
        self._rest = ([], [])
        for call in self._after_rest:
            call()
        self._after_rest.clear()

    async def _settled(self) -> None:
        """All of the step is mounted, or has its room: its keys in the footer, and drawn
        once laid out and scrolled to the field it opens on (settling.py)."""
        self.query_one(KeyFooter).catch_up()
        self.app.frames.settle(self, last=self._scroll_to_opening)
        self.watch(self.query_one("#form"), "scroll_y", self._open_in_view, init=False)

    def _scroll_to_opening(self) -> None:
        """The field the step opens on at the top of the form, as every size is now known,
        unless the person has moved on from it meanwhile."""
        target, scroll = self._opening
        if scroll and self.focused is not None and self.focused_decision().id == target:
            self.query_one(f"#{field_id(target)}").scroll_visible(top=True, animate=False, immediate=True)
        self._make_rooms_in_view()
        self._open_in_view()

    def _make_rooms_in_view(self) -> None:
        """The fields whose room the form shows, made now, before the frame: a short
        step scrolled as far as it goes shows the end of a field above the one it
        opens on, or the fields below it."""
        form = self.query_one("#form", StepForm)
        width = form.scrollable_content_region.width
        for room in children_between(form, form.scroll_y, form.scroll_y + form.outer_size.height):
            if isinstance(room, KeptRoom):
                form.mount(self._made(room.decision, width=width), before=room)
                room.display = False
                room.remove()
                self._rest = tuple([d for d in rest if d is not room.decision] for rest in self._rest)

    def _open_in_view(self) -> None:
        """The text areas not yet made that are (or, scrolled, come) into the form's
        view: made before the frame that shows them (UnopenedTextArea.open)."""
        form = self.query_one("#form", VerticalScroll)
        # Sizes as laid out (outer_size), not regions: see `rows_down`.
        for area in unopened_between(form, form.scroll_y, form.scroll_y + form.outer_size.height):
            area.open()

    def on_mount(self) -> None:
        self.watch(self.app, "checklist", self.show_checklist)
        self.watch(self.app, "save_state", self.show_save_state)
        self.watch(self.app, "sub_title", self.show_name)
        self.watch(self.app, "conflicts", self.show_conflicts)
        target, scroll = self._opening  # as compose_form found it
        if any(self._rest):
            # The rest makes the form taller than its room: its scroll bar is there from the
            # first layout, not found at the second, when every field then narrowed (and a
            # tick list counted its lines again, laying the step out a third time).
            self.query_one("#form").show_vertical_scrollbar = True
            self.focus_decision(target, scroll=False)  # at the top of the form until the rest comes
            self.call_after_refresh(self._mount_rest)
        else:
            self.focus_decision(target, scroll=False)  # scrolled to once settled (_scroll_to_opening)
            self.call_after_refresh(self._settled)

    def show_name(self, name: str) -> None:
        """The organisation's name in the top bar, as it is typed (Textual's own title
        reaches no terminal's title bar: the top bar is what the person sees)."""
        self.query_one("#plan-name", Static).update(Content.assemble(("│ ", "dim"), (name, "bold")) if name else "")

    def show_checklist(self, checklist: Checklist) -> None:
        """Follows every keystroke, so only the screen in view does the work."""
        if not self.is_current:
            return
        self.query_one(ChecklistPanel).show(checklist, self.step.key, self.checklist_choice)
        self.checklist_choice = None
        for panel in self.query(".plan-view"):
            panel.show(self.app.plan)
        for field in self.query(DecisionField):
            field.offer_suggestion(self.app.plan)
        for steps in self.query(StepList):
            steps.show(checklist)

    def on_resize(self, event: events.Resize) -> None:
        """Widened past narrow (Textual has just set the class, at the resize before):
        the list of steps comes."""
        if event.size == self.outer_size:
            # Laid out at this size already: Textual resizes a new screen to the size it
            # has, three times as the app starts, and laid the whole step out each time.
            event.prevent_default()
        else:
            self.call_after_refresh(self._open_in_view)  # taller: more of the form in view
        if not self.has_class("-narrow") and not self.query(StepList):
            steps = StepList(self.step.key)
            self.query_one("#body").mount(steps, before=0)
            steps.show(self.app.checklist)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Shown for the first time, every widget was styled as it mounted, just now:
        # Textual's styling them all again as the screen resumes was a tenth of the start.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
        self.show_checklist(self.app.checklist)

    def show_conflicts(self, conflicts: tuple) -> None:
        """The conflict bar, above the footer, made the first time a clash needs it:
        most sessions never meet one, and every widget on a step is start-up time."""
        bars = self.query("#conflict-bar")
        if not bars and not conflicts:
            return
        from smgov_tui.tui.widgets.conflict_bar import ConflictBar

        bar = bars.first(ConflictBar) if bars else ConflictBar()
        if not bars:
            self.mount(bar, before=self.query_one(KeyFooter))
        bar.show(conflicts)

    def show_save_state(self, state: str) -> None:
        """Each edit says "editing…", each save "saved HH:MM:SS": in a column as wide
        as the widest of them, one is drawn over the other in place, where a new
        width laid the top bar out again (the title rewrapped, every scroll bar redrawn)."""
        widget = self.query_one("#save-state", Static)
        widget.styles.min_width = SAVE_STATE_CELLS + widget.styles.gutter.width
        width = max(SAVE_STATE_CELLS, cell_len(state))
        redraw(widget, state, layout=width != max(SAVE_STATE_CELLS, cell_len(str(widget.content))))

    # the keys that move about the step

    def to_top(self) -> None:
        """The step's top view (the hours view on resources) with the cursor in its first field."""
        if any(self._rest):
            self._after_rest.append(self.to_top)
            return
        first, focused = self.decisions[0], self.focused
        if focused is None or not (self._in_first_field(focused) or focused.has_class("plan-view")):
            self.focus_decision(first.id, scroll=False)
        form = self.query_one("#form", VerticalScroll)
        form.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(form.scroll_home, animate=False)  # after the focus's own scroll

    def _in_first_field(self, widget) -> bool:
        field = self.query(f"#{field_id(self.decisions[0].id)}")
        return bool(field) and (widget is field.first() or field.first() in widget.ancestors)

    @staticmethod
    def _at_top_edge(widget) -> bool:
        """Up can move no further inside it: its first line, row or option. In a
        multi-line text, up moves a line until the first."""
        if isinstance(widget, TextArea):
            return widget.cursor_location[0] == 0
        if isinstance(widget, DataTable):
            return widget.cursor_row <= 0
        if isinstance(widget, OptionList):
            return not any(isinstance(a, Select) for a in widget.ancestors) and not widget.highlighted
        return True  # a one-line field, a collapsed menu, a check box

    def on_key(self, event: events.Key) -> None:
        """pageup, ctrl+home and up from the first field reach the step's top view
        (the keys people try; a table or a text in it took them all); tab stops at
        the step's last field instead of wrapping round to its first, unseen."""
        focused, key = self.focused, event.key
        if focused is None or self.incomplete:
            return
        top_keys = self.app.keymap.keys("step.top")
        if key == "tab":
            form = self.query_one("#form")
            fields = [w for w in self.focus_chain if form in w.ancestors]
            if fields and focused is fields[-1]:
                event.stop()
                self.app.flush()  # as moving on would have saved
                self.notify(f"That was the last field of {self.step.title}: {keys_shown(self.app, 'next_step')} "
                            f"goes on to the next step, {keys_shown(self.app, 'focus_checklist')} to the checklist.",
                            timeout=6)
            return
        if key in top_keys and isinstance(focused, TextArea) and focused.cursor_location != (0, 0):
            event.stop()
            focused.move_cursor((0, 0))  # first to the start of the text, as in any editor
            return
        if key in ("up", "pageup", *top_keys) and self._in_first_field(focused) and self._at_top_edge(focused):
            event.stop()
            self.to_top()

    # focus and guidance

    def focused_decision(self) -> Decision:
        """The decision whose editor has focus, else the step's first."""
        node = self.focused
        while node is not None and not isinstance(node, DecisionField):
            node = node.parent
        return node.decision if isinstance(node, DecisionField) else self.decisions[0]

    def focus_decision(self, decision_id: str, scroll: bool = True) -> bool:
        fields = self.query(f"#{field_id(decision_id)}")
        if fields and isinstance(fields.first(), DecisionField):
            fields.first().open_editor()  # a text area out of view: made now
        editors = self.query(f"#{editor_id(decision_id)}")
        if not editors and any(d.id == decision_id for d in (*self._rest[0], *self._rest[1])
                               if isinstance(d, Decision)):
            self._after_rest.append(lambda: self.focus_decision(decision_id, scroll))
            return True  # its field comes with the rest, a frame from now
        if not editors:
            return False
        editor = editors.first()  # a list or matrix editor focuses its table
        target = editor if editor.focusable else next((w for w in editor.query("*") if w.focusable), editor)
        self.set_focus(target, scroll_visible=False)  # now: Widget.focus waits for the app's queue
        if scroll:
            field = self.query_one(f"#{field_id(decision_id)}")
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
        the parser and highlighter it brings) was 25 ms and 4 MB of every start, and
        the empty panel, hidden, a widget of every step mounted and styled."""
        from textual.widgets import Markdown

        decision = decision or self.focused_decision()
        text = f"**{decision.label}**\n\n" + guidance_markdown(
            decision, country=self.app.plan.get("organisation.country"))
        shown = self.query("#guide-text")
        if shown:
            shown.first(Markdown).update(text)
        else:
            self.query_one("#body").mount(VerticalScroll(Markdown(text, id="guide-text"), id="guide-panel"))

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
        """To the item's decision; the checklist there, reordered for its step,
        keeps the highlight on the item picked."""
        item = event.item
        self.app.goto(item.target)
        there = self.app.get_screen(CATALOGUE.get(item.target).step)
        there.checklist_choice = item.id
        if there is self:
            self.show_checklist(self.app.checklist)

    @on(StepList.OptionSelected)
    def _jump(self, event: StepList.OptionSelected) -> None:
        event.stop()
        self.app.show_step(event.option.id)

    @on(RowsEditor.EditRow)
    def _edit_row(self, event: RowsEditor.EditRow) -> None:
        """A row's form, asked for by its list's editor (widgets import no screen)."""
        from smgov_tui.tui.screens.row_form import RowForm

        event.stop()
        self.app.push_screen(RowForm(event.editor.kind, event.row, title=event.title),
                             partial(event.editor.keep_row, event.index))

    @on(RowsEditor.RemoveRow)
    def _remove_row(self, event: RowsEditor.RemoveRow) -> None:
        """The question before a row goes, asked for by its list's editor."""
        from smgov_tui.tui.screens.remove_row import RemoveRowScreen

        event.stop()
        self.app.push_screen(RemoveRowScreen(event.name, event.editor.listing),
                             partial(event.editor.removal_answered, event.index))
