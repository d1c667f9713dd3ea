"""One editor per value kind, all validated by the catalogue's own kind.

A DecisionField shows a decision's label, the editor its kind needs and a
line for the error or hint. It never saves by itself: it hands `Proposed`
with a valid value to its step screen (or posts `Refused` with the reason)
and the app decides when to write. Plan text is data: every label built from it is plain Content.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from textual import events, getters, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Offset, Size
from textual.layout import DockArrangeResult, WidgetPlacement
from textual.message import Message
from textual.widget import Widget
from textual.widgets import (
    DataTable,
    Input,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.select import InvalidSelectValueError

from smgov_tui.core import platform_matrix as evaluation
from smgov_tui.core.catalogue import CATALOGUE, Decision, InvalidValue
from smgov_tui.core.catalogue.kinds import LongText, Matrix, Money, Multi, RowRef, Rows
from smgov_tui.core.suggestions import accepted
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.tui.widgets.inputs import (
    PlanTextArea,
    UnopenedTextArea,
    editor_rows,
    example_shown,
    in_own_words,
    make_editor,
    row_choices,
    shown_text,
    untouched,
)
from smgov_tui.tui.widgets.redraw import collapse_line, redraw
from smgov_tui.tui.widgets.rows import RowsEditor
from smgov_tui.tui.widgets.suggested import SuggestedLine, suggested
from smgov_tui.tui.workbench import Workbench

# Lines under a decision that follow the rest of the plan: the main platform's
# standing in the evaluation matrix.
NOTES = {evaluation.MAIN: lambda plan: evaluation.main_note(plan.values)}


def money_note(decision_id: str):
    """Under a sum: the amount in the plan's currency, or which currency to type in,
    so nobody reads "1500" and wonders whether that is dollars or pounds."""
    def note(plan) -> str:
        code = plan.get("organisation.currency")
        value = plan.get(decision_id)
        if value is None:
            return f"In {code} ({plan.currency_sign})" if code else "No currency chosen yet (Organisation)"
        return f"{plan.money(value)} a year" + (f" ({code})" if code else "; no currency chosen yet (Organisation)")
    return note


def note_for(decision: Decision):
    """The note a field shows below it, if any."""
    if isinstance(decision.kind, Money):
        return money_note(decision.id)
    return NOTES.get(decision.id)


def editor_id(decision_id: str) -> str:
    return "edit-" + decision_id.replace(".", "--")


def field_id(decision_id: str) -> str:
    """The DecisionField's: the editor's label, lines and editor together."""
    return "field-" + decision_id.replace(".", "--")


def field_label(decision: Decision) -> Content:
    """The line that heads a decision's field: its label, and whether launch needs it."""
    return Content.assemble((decision.label, "bold"), "  ", ("needed" if decision.blocker else "advice", "dim"))


def decision_of(editor_id_: str) -> str:
    return editor_id_.removeprefix("edit-").replace("--", ".")


class PlanNote(Static):
    """A note under a field, redrawn with the plan (`plan-view`: the screen hands it the plan)."""

    app = getters.app(Workbench)

    def __init__(self, note) -> None:
        super().__init__("", classes="decision-note plan-view", markup=False)
        self.note = note

    def on_mount(self) -> None:
        self.show(self.app.plan)

    def show(self, plan) -> None:
        text = self.note(plan) or ""
        redraw(self, Content(one_line(text)))  # it names platforms
        self.display = bool(text)


class DecisionField(Vertical):
    """A decision's label, editor and message line."""

    @dataclass(frozen=True)
    class Proposed:
        """A valid value typed or picked (None clears); `final` when the person moved on."""

        decision_id: str
        value: Any
        final: bool

    class Refused(Message):
        def __init__(self, decision_id: str, reason: str) -> None:
            super().__init__()
            self.decision_id, self.reason = decision_id, reason

    DEFAULT_CLASSES = "decision"

    app = getters.app(Workbench)

    def __init__(self, decision: Decision, value: Any, values: dict, in_view: bool = True,
                 width_given: int | None = None) -> None:
        # -quiet given now, not as it composes (then each field was styled twice over).
        super().__init__(id=field_id(decision.id),
                         classes="" if note_for(decision) else "-quiet")
        self.decision = decision
        self.value = value
        self.values = values  # the plan's values, for choices that pick a row
        self._message = ("", False)  # what the message line shows
        self._showing = False  # a value from elsewhere going into the text field
        self._typed: str | None = None  # the text last proposed as it was typed
        self._suggesting = False  # its SuggestedLine made
        self._label = field_label(decision)
        self._label_width = 0  # the width its rows were last laid out in (`arrange`)
        self._in_view = in_view  # else a text area is made only as it comes into view
        self.width_given = width_given  # the width it will be laid out at, where known as it is made

    @staticmethod
    def rows_at_least(decision: Decision) -> int:
        """The fewest rows its field takes in the form: the label, the editor, the
        message line and the margin below (styles/smgov.tcss sets the heights), so
        a step knows how many fields fill its first screenful (StepScreen.compose_form)."""
        kind = decision.kind
        if isinstance(kind, LongText):
            return 7  # a text area four rows tall
        if isinstance(kind, Multi):
            return 3 + min(len(kind.choices) + 2, 10)  # a tick list, framed, ten rows at most
        return 6  # a one-line field or a pick list, framed; a table's header and a row

    @staticmethod
    def rows_at(decision: Decision, plan, width: int) -> int | None:
        """The rows its field will take, its margin with them, in a form whose fields
        are `width` wide: known before it is made, so a step can keep the room of the
        fields it makes after its first frame (StepScreen._mount_rest) and that frame
        stays as it is drawn. None where only a layout can tell (a list's table, the
        matrix, a choice taking own words): those are made before the frame."""
        if isinstance(decision.kind, Rows):
            return None
        editor = editor_rows(decision.kind, plan.values.get(decision.id), decision.example, width)
        if editor is None:
            return None
        rows = len(field_label(decision).wrap(width)) + editor
        note = note_for(decision)
        if note is None:
            rows += 1  # -quiet: its padding holds the message line's row
        else:
            text = note(plan)  # the message line (empty, a row), and the note if it says anything
            rows += 1 + (len(Content(one_line(text)).wrap(width)) if text else 0)
        if suggested(decision, plan) is not None:
            rows += 2  # its line, and the margin below every view of the plan
        return rows + 1  # the margin below the field

    # The label is the field's own content, its editor and lines laid out below it:
    # a Label widget per field was a sixth of a step's widgets, each mounted, styled,
    # laid out and drawn (counted: 4-6% of the calls to a step's first frame).

    def render(self) -> Content:
        return self._label

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        self._label_width = size.width
        self.width_given = None  # laid out: an editor made from now on answers the size it is given
        return super().arrange(size, optimal)

    def process_layout(self, placements: list[WidgetPlacement]) -> list[WidgetPlacement]:
        """Below the label, as many rows down as it wraps into at this width."""
        rows = len(self._label.wrap(self._label_width)) if self._label_width else 1
        return WidgetPlacement.translate(placements, Offset(0, rows))

    def compose(self) -> ComposeResult:
        d = self.decision
        yield self._editor()
        # The message line: until there is something to say, the field's bottom
        # padding holds its row (a Static per field was a fifth of a megabyte
        # on a step); with a note below, it is there from the start.
        note = note_for(d)
        if note is not None:  # else -quiet (__init__)
            yield Static("", classes="decision-message", markup=False)
            yield PlanNote(note)
        if suggested(d, self.app.plan) is not None:
            self._suggesting = True
            yield SuggestedLine(d)

    def offer_suggestion(self, plan) -> None:
        """A suggestion the plan gives only now (a roster named): its line is made, below
        the note or above the message line, where it is composed."""
        if self._suggesting or suggested(self.decision, plan) is None:
            return
        self._suggesting = True
        notes, messages = self.query(PlanNote), self.query(".decision-message")
        line = SuggestedLine(self.decision)
        if notes:
            self.mount(line, after=notes.last())
        elif messages:
            self.mount(line, before=messages.first())
        else:
            self.mount(line)

    @property
    def editor(self) -> Widget:
        """Its editor, or the place of a text area not yet opened (UnopenedTextArea)."""
        return self.query_one(f"#{editor_id(self.decision.id)}, UnopenedTextArea")

    def open_editor(self) -> Widget:
        """Its editor, its text area made now if it was not yet."""
        editor = self.editor
        return editor.open() if isinstance(editor, UnopenedTextArea) else editor

    def on_mount(self) -> None:
        editor = self.editor
        if isinstance(editor, Input):
            self.watch(editor, "value", self._typed_now, init=False)
        elif isinstance(editor, PlanTextArea):
            self._watch_text_area(editor)

    def _watch_text_area(self, area: PlanTextArea) -> None:
        self.watch(area, "edits", lambda: self._typed_now(area.text), init=False)

    def _typed_now(self, text: str) -> None:
        """Each keystroke in a text field is proposed from within the key's own
        handling, not from the Changed message it posts: Textual paints a frame as
        soon as the field repaints, before that message arrives, so the checklist
        followed every keystroke one frame (17 ms) late."""
        if not self._showing:
            self._typed = text
            self._propose(text, final=False, typed=True)

    def _editor(self):
        d, kind = self.decision, self.decision.kind
        if isinstance(kind, Rows):
            return RowsEditor(kind, self.value or [], id=editor_id(d.id))
        names = CATALOGUE.row_names(kind.source, self.values) if isinstance(kind, RowRef) else ()
        if isinstance(kind, LongText) and not self._in_view:
            return UnopenedTextArea(shown_text(kind, self.value), editor_id(d.id),
                                    example_shown(kind, d.example), opened=self._watch_text_area)
        return make_editor(kind, self.value, editor_id(d.id), d.example, names, d.label)

    def refresh_choices(self, values: dict) -> None:
        """Rows elsewhere changed: offer the new names (the main platform)."""
        kind = self.decision.kind
        if not isinstance(kind, RowRef):
            return
        self.values = values
        names = CATALOGUE.row_names(kind.source, values)
        select = self.query_one(Select)
        current = select.value
        with select.prevent(Select.Changed):
            select.set_options(row_choices(names))
            if current in names:
                select.value = current

    def pick(self, value: Any) -> None:
        """Another editor chose this decision's value (the matrix, the main platform):
        show it here and propose it as if picked here."""
        self.values = self.app.plan.values
        for select in self.query(Select):
            with select.prevent(Select.Changed), suppress(InvalidSelectValueError):
                select.value = value
        self._propose(value, final=True, typed=False)

    def show_value(self, value: Any) -> None:
        """Another session saved this decision: show its value without proposing
        it back (it is already in the plan and on disk)."""
        self.value = value
        self.values = self.app.plan.values
        editor = self.editor
        kind = self.decision.kind
        if isinstance(editor, RowsEditor):
            editor.set_rows(value or [])
        elif isinstance(kind, Matrix):  # a MatrixEditor (widgets/matrix.py, loaded with its step)
            editor.matrix = value or evaluation.new_matrix()
            editor.show(self.app.plan)
            editor._fill()
        elif isinstance(editor, Input):
            self._showing = True  # not typed: not proposed back
            try:
                editor.value = shown_text(kind, value)
            finally:
                self._showing = False
        elif isinstance(editor, TextArea):
            with editor.prevent(TextArea.Changed):
                editor.load_text(shown_text(kind, value))
        elif isinstance(editor, UnopenedTextArea):
            editor.text = shown_text(kind, value)
        elif in_own_words(kind):  # an OwnWordsSelect (widgets/own_words.py, loaded with it)
            editor.show(value)
        elif isinstance(editor, Select):
            if isinstance(kind, RowRef):
                self.refresh_choices(self.values)
            with editor.prevent(Select.Changed):
                try:
                    editor.value = Select.NULL if value is None else value
                except InvalidSelectValueError:
                    editor.clear()
        elif isinstance(editor, SelectionList):
            with editor.prevent(SelectionList.SelectedChanged, SelectionList.SelectionToggled):
                editor.deselect_all()
                for choice in value or ():
                    editor.select(choice)
        self.show_message("")

    def accept_suggestion(self) -> bool:
        """The suggested answer into the editor, proposed as if typed there (saved, with
        its history entry); False when there is none for this plan."""
        value = accepted(self.decision.id, self.app.plan)
        if value is None:
            return False
        self.open_editor()  # its cursor goes to the end of the text
        self.show_value(value)
        for area in self.query(TextArea):
            area.move_cursor(area.document.end)  # ready to edit on from the end
        self._propose(value, final=True, typed=False)
        return True

    # messages from the editors

    def _propose(self, text_or_value: Any, final: bool, typed: bool) -> None:
        d = self.decision
        try:
            if typed and untouched(d.kind, self.value, text_or_value):
                value = self.value
            elif typed:
                value = CATALOGUE.parse(d.id, text_or_value, self.values)
            else:
                value = CATALOGUE.check(d.id, text_or_value, self.values)
        except InvalidValue as error:
            self.show_message(str(error), error=True)
            self.post_message(self.Refused(d.id, str(error)))
            return
        self.show_message("")
        self.value = value
        self._hand_over(self.Proposed(d.id, value, final))

    def _hand_over(self, proposed: DecisionField.Proposed) -> None:
        """To the step screen at once, not as a message bubbling up: that waits in
        three containers' queues, and Textual draws a frame (a layout) between
        them, so the checklist followed each keystroke a frame late."""
        self.screen.take_proposal(proposed)

    def show_message(self, text: str, error: bool = False) -> None:
        # Called on every keystroke, mostly to say nothing again: an update lays
        # the whole screen out anew, so only a new message is drawn.
        if (text, error) == self._message:
            return
        self._message = (text, error)
        shown = Content(visible(text))  # an error may quote what was typed
        lines = self.query(".decision-message")
        if lines:
            message = lines.first(Static)
            message.update(shown)
        else:
            message = Static(shown, classes="decision-message", markup=False)
            self.remove_class("-quiet")  # the row it held is the message's now
            self.mount(message)
        message.set_class(error, "-error")
        self.set_class(error, "-invalid")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()  # proposed already (see `_typed_now`)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._propose(event.value, final=True, typed=True)

    @on(events.DescendantBlur)
    def _left(self, event: events.DescendantBlur) -> None:
        """Leaving a text field makes its value final: saved now, not after a pause.
        The suggestion, blank while the field was typed in, gives its row back."""
        widget = event.widget
        for line in self.query(SuggestedLine):
            collapse_line(line)
        if isinstance(widget, Input):
            self._propose(widget.value, final=True, typed=True)
        elif isinstance(widget, TextArea):
            self._propose(widget.text, final=True, typed=True)
        elif isinstance(widget, DataTable) and isinstance(self.decision.kind, Matrix):  # a MatrixEditor's
            self._propose(widget.parent.value, final=True, typed=False)

    @on(TextArea.Changed)
    def _wrote(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.text != self._typed:  # an undo or redo; typing is proposed already
            self._propose(event.text_area.text, final=False, typed=True)

    @on(Select.Changed)
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else event.value
        self._propose(value or "", final=True, typed=True)

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self._propose(list(event.selection_list.selected), final=True, typed=False)

    @on(RowsEditor.Changed)
    def _rows(self, event: RowsEditor.Changed) -> None:
        event.stop()
        self._propose(event.rows, final=True, typed=False)

    # A MatrixEditor's messages, by their handler names: widgets/matrix.py is
    # loaded with the step that has one, not with the first screen.
    def on_matrix_editor_changed(self, event) -> None:
        event.stop()
        self._propose(event.matrix, final=event.final, typed=False)

    def on_matrix_editor_main_chosen(self, event) -> None:
        event.stop()
        fields = [f for f in self.screen.query(DecisionField) if f.decision.id == evaluation.MAIN]
        if fields:
            fields[0].pick(event.platform)
        else:
            self._hand_over(self.Proposed(evaluation.MAIN, event.platform, True))
