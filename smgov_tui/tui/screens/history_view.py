"""The plan's history in the workbench: who changed what, when, from what to what.

It filters with storage.changes, the query behind `smgov history`, so the
view and the command line agree on what a filter keeps. A dialog rather than
a step screen: the step keys (next, checklist, F1) stay out of it, and closing
it returns to the step as it was. Plan text is data: every cell is a plain
Text and the detail pane a plain Content, never markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Checkbox, DataTable, Footer, Input, Static

from smgov_tui.core.catalogue import CATALOGUE, Decision
from smgov_tui.core.errors import SmgovError
from smgov_tui.core.history import full_text, is_undo, local_time, marked, row_change, shown
from smgov_tui.core.textsafe import one_line
from smgov_tui.storage.changes import changes
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings
from smgov_tui.tui.workbench import Workbench

COLUMNS = ("When", "Who", "Decision", "From", "To")


def decision_title(decision_id: str) -> str:
    """ "3 Off-limits topics": the step number and label, as the checklist names it."""
    if decision_id in CATALOGUE:
        decision = CATALOGUE.get(decision_id)
        return f"{CATALOGUE.step(decision.step).number} {decision.label}"
    return one_line(decision_id)  # from a newer catalogue: its id is all we know


def cells(entry: dict) -> tuple[str, str, str, str, str]:
    """One change as a table row: the values on one line each; a list decision's
    "To" says what changed in it (the detail pane has the rows in full)."""
    name, old, new = entry["decision"], entry["old"], entry["new"]
    before, after = shown(name, old), shown(name, new)
    change = row_change(name, old, new)
    if change:
        before, after = before.partition(":")[0], change
    return (local_time(entry["when"])[0], one_line(str(entry["who"])), decision_title(name), before,
            marked(entry, after))


def widths(total: int) -> tuple[int, ...]:
    """Column widths that fit `total` cells with DataTable's padding and a scrollbar."""
    when, who = 11, 8 if total < 100 else 12
    rest = max(30, total - 2 - 2 * len(COLUMNS) - when - who)
    label = rest * 42 // 100
    value = (rest - label) // 2
    return when, who, label, value, rest - label - value


def labelled(label: str, text: str) -> tuple:
    """ "From: value", or, for several lines (rows, paragraphs), the value below its label."""
    multi = "\n" in text or text.startswith("•")
    return (label.strip(), "bold"), "\n" if multi else label[len(label.strip()):], text


class Tick(Checkbox):
    """A checkbox that shows ✓ when on and a blank when off: readable without colour."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "
        super().watch_value()


def clip(text: str, width: int) -> Text:
    text = text if len(text) <= width else text[: max(0, width - 1)] + "…"
    return Text(text, no_wrap=True, overflow="ellipsis")


class HistoryScreen(ModalScreen[str | None]):
    """The plan's changes, newest first; dismisses with a decision id to go to, or None."""

    DEFAULT_CSS = sheet("history")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    BINDINGS = bindings("history")
    POLL = 1.0  # seconds between asking the editing session whether the plan file changed

    app = getters.app(Workbench)

    def __init__(self, decision: Decision | None = None) -> None:
        super().__init__(id="history")
        self.decision = decision
        self.entries: list[dict] = []  # every change, as the plan file has them
        self.rows: list[dict] = []  # the ones the filters keep, newest first
        self.detail_shown = False
        self._width = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Static("", id="history-title", markup=False)
            with Horizontal(id="history-filters"):
                yield Input(placeholder="filter: person, decision or step", id="history-filter", compact=True)
                yield Input(placeholder="since YYYY-MM-DD", id="history-since", compact=True, max_length=10)
                yield Tick("only this decision", id="history-only", compact=True,
                               disabled=self.decision is None)
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="history-detail"):
                yield Static("", id="history-detail-text", markup=False)
            yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", lambda _state: self.reload(), init=False)
        # The session looks at the file (Workbench.notice_other_sessions); each change it finds, reread.
        self.watch(self.app, "file_changes", lambda _count: self.reload(), init=False)
        self.set_interval(self.POLL, self.app.notice_other_sessions)
        self.reload()
        self.query_one(DataTable).focus()

    # reading and filtering

    def reload(self) -> None:
        """Read the history again (after a save here or in another session)."""
        try:
            self.entries = self.app.store.history()
        except SmgovError as error:
            self.query_one("#history-title", Static).update(Content.assemble(
                (" History ", "reverse bold"), " ", (f"cannot read the plan: {error}", "bold")))
            return
        self.refilter()

    def refilter(self) -> None:
        since = self.query_one("#history-since", Input).value.strip()
        since_ok = not since or len(since) == 10
        only = self.decision.id if self.decision and self.query_one("#history-only", Checkbox).value else None
        try:
            kept = changes(self.entries, decision=only, since=since if since_ok else None,
                           text=self.query_one("#history-filter", Input).value)
        except SmgovError:
            since_ok, kept = False, changes(self.entries, decision=only,
                                            text=self.query_one("#history-filter", Input).value)
        self.rows = kept[::-1]
        self.query_one("#history-since", Input).set_class(not since_ok, "-invalid")
        self._show_title(only, since if since and since_ok else None, bad_since=not since_ok)
        self._fill_table()

    def _show_title(self, only: str | None, since: str | None, bad_since: bool) -> None:
        count = f"{len(self.rows)} of {len(self.entries)} changes" if len(self.rows) != len(self.entries) \
            else f"{len(self.entries)} change{'s' if len(self.entries) != 1 else ''}"
        parts = [count + ", newest first"]
        if only:
            parts.append(f"only {CATALOGUE.get(only).label}")
        if since:
            parts.append(f"since {since}")
        if bad_since:
            parts.append("since: type a date as YYYY-MM-DD")
        self.query_one("#history-title", Static).update(Content.assemble(
            (" History ", "reverse bold"), " ", ("; ".join(parts), "dim")))

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        keep = self.highlighted()
        table.clear(columns=self._width != self.size.width)
        if not table.columns:
            self._width = self.size.width
            for title, width in zip(COLUMNS, widths(self.size.width)):
                table.add_column(Text(title), width=width, key=title.lower())  # not markup
        sizes = [column.width for column in table.columns.values()]
        for entry in self.rows:
            table.add_row(*[clip(text, width) for text, width in zip(cells(entry), sizes)])
        if not self.rows:
            table.add_row("", "", Text("No changes match.", style="dim"), "", "")
        if keep in self.rows:
            table.move_cursor(row=self.rows.index(keep), animate=False)
        if self.detail_shown:
            self.show_detail()

    def highlighted(self) -> dict | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.rows[row] if self.rows and 0 <= row < len(self.rows) else None

    # the detail pane

    def show_detail(self) -> None:
        entry = self.highlighted()
        self.detail_shown = entry is not None
        self.set_class(self.detail_shown, "-detail")
        if entry is None:
            return
        name = entry["decision"]
        when = local_time(entry["when"])[1]
        change = row_change(name, entry["old"], entry["new"])
        self.query_one("#history-detail-text", Static).update(Content.assemble(
            (decision_title(name), "bold"), (f"  {one_line(name)}", "dim"), "\n",
            f"{when}  by {one_line(str(entry['who']))}",
            " (undo)\n" if is_undo(entry) else "\n",
            *((("Rows: ", "bold"), change, "\n") if change else ()),
            *labelled("From: ", full_text(name, entry["old"])), "\n",
            *labelled("To:   ", full_text(name, entry["new"]))))
        self.query_one("#history-detail").scroll_home(animate=False)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()  # g needs a row whose decision exists
        if self.detail_shown:
            self.show_detail()

    # filters

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def _filters_changed(self, event) -> None:
        event.stop()
        self.refilter()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_focus_table()

    def on_resize(self, event: Resize) -> None:
        if self._width and event.size.width != self._width:
            self._fill_table()

    # actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "goto":
            entry = self.highlighted()
            return entry is not None and entry["decision"] in CATALOGUE
        if action == "toggle_only":
            return self.decision is not None
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_goto(self) -> None:
        entry = self.highlighted()
        if entry is not None and entry["decision"] in CATALOGUE:
            self.dismiss(entry["decision"])

    def action_focus_filter(self) -> None:
        self.query_one("#history-filter", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_toggle_only(self) -> None:
        self.query_one("#history-only", Checkbox).toggle()
