"""Structured rows (platforms, roster, tiers...) edited by keyboard.

A table of the rows; a adds, enter edits, d removes (once the person says
yes), shift+up/down moves. Each row opens in a form whose editors are the row
schema's own kinds: the editor asks its screen for the form (EditRow) and for
the question before a removal (RemoveRow), as widgets import no screen.
Typing that lands in the table (one tab too many) is said, not lost unseen.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events, getters, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable

from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.core.textsafe import one_line
from smgov_tui.tui.compat import FixedCellsTable
from smgov_tui.tui.widgets.bindings import bindings, first_key
from smgov_tui.tui.workbench import Workbench

# The first fields are shown as columns, as many as fit with their whole headers
# (the rest are in the row's form); the first, the row's name, keeps some room.
MOST_COLUMNS = 3
FIRST_AT_LEAST = 12
CELL_PADDING = 2  # DataTable's, a column's either side


def column_widths(labels: list[int], longest: list[int], room: int) -> list[int]:
    """The widths of the columns shown in `room` columns: the first always, then
    each next while its whole header fits beside the others'; the room left goes
    to the columns whose values are wider than that, evenly, and what none needs
    to the last, so the table spans the width it is given."""
    widths = [max(labels[0], min(longest[0], FIRST_AT_LEAST))]
    for label in labels[1:MOST_COLUMNS]:
        if sum(widths) + label + CELL_PADDING * (len(widths) + 1) > room:
            break
        widths.append(label)
    spare = room - sum(widths) - CELL_PADDING * len(widths)
    if spare < 0:  # not even the first header fits: it is cut
        return [max(1, room - CELL_PADDING)]
    while spare:
        short = [i for i, width in enumerate(widths) if width < longest[i]]
        if not short:
            break
        share = max(1, spare // len(short))
        for i in short:
            given = min(share, longest[i] - widths[i], spare)
            widths[i] += given
            spare -= given
    widths[-1] += spare
    return widths


class RowsEditor(Vertical, can_focus=False):
    """The rows of one list decision."""

    BINDINGS = bindings("rows")

    app = getters.app(Workbench)

    class Changed(Message):
        def __init__(self, editor: RowsEditor, rows: list[dict]) -> None:
            super().__init__()
            self.editor, self.rows = editor, rows

    class EditRow(Message):
        """Asks the screen for the form of one row (a new one when `index` is None);
        what the form keeps comes back to `editor.keep_row(index, row)`."""

        def __init__(self, editor: RowsEditor, index: int | None, row: dict, title: str) -> None:
            super().__init__()
            self.editor, self.index, self.row, self.title = editor, index, row, title

    class RemoveRow(Message):
        """Asks the screen whether row `index` goes; the answer comes back to
        `editor.removal_answered(index, yes)`."""

        def __init__(self, editor: RowsEditor, index: int, name: str) -> None:
            super().__init__()
            self.editor, self.index, self.name = editor, index, name

    def __init__(self, kind: Rows, rows: list[dict], id: str) -> None:
        super().__init__(id=id, classes="rows-editor")
        self.kind = kind
        self.rows: list[dict] = [dict(r) for r in rows]
        # A removal being asked about: keys that came behind its `d` (a typed "dad")
        # reached the table before the question was up; they act on nothing.
        self._asking = False
        self._told_typing = False  # typing into the table said once a visit
        self._widths = [cell_len(f.label) for f in kind.fields[:MOST_COLUMNS]]  # made to fit once laid out
        self._longest = list(self._widths)  # the widest value in each column shown, or its header

    def compose(self) -> ComposeResult:
        table: DataTable = FixedCellsTable(cursor_type="row", zebra_stripes=True, id=f"{self.id}-table")
        table.show_cursor = True
        self._add_columns(table)
        self._fill(0, table)  # before mounting: no watchers to run per row (10,000 rows: a third of the time)
        yield table

    # The line of keys under the table is the editor's own content, drawn on the row
    # below it (as a field draws its label): a Static per list was a widget more on
    # every step with one, mounted, styled, laid out and drawn.

    def render(self) -> Content:
        above = max(0, self.content_size.height - 1)  # the table's rows
        return Content("\n" * above) + Content(self.hint).truncate(self.content_size.width, ellipsis=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return super().get_content_height(container, viewport, width) + 1  # the keys' row

    def _add_columns(self, table: DataTable) -> None:
        for field, width in zip(self.kind.fields, self._widths):
            # Text, not str: DataTable reads a str as Rich markup, with emoji codes
            # (their table, near a megabyte, was loaded for these labels alone).
            table.add_column(Text(field.label), key=field.key, width=width)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The columns made to fit the width the table has: more or fewer of them
        (the table made again) or only wider or narrower."""
        table = self.table
        tall = table.styles.max_height is not None and (
            len(self.rows) + table.header_height > table.styles.max_height.value)
        room = self.size.width - (table.styles.scrollbar_size_vertical if tall else 0)
        if room <= 0:
            return  # not laid out yet
        labels = [cell_len(f.label) for f in self.kind.fields[:MOST_COLUMNS]]
        widths = column_widths(labels, self._longest + labels[len(self._longest):], room)
        if widths == self._widths:
            return
        shown, self._widths = len(self._widths), widths
        if len(widths) == shown:
            table.set_widths(widths)
            return
        cursor = table.cursor_row
        table.clear(columns=True)
        self._add_columns(table)
        self._fill(cursor)

    @cached_property
    def hint(self) -> str:
        """ "a add · enter edit · d remove · shift+↑↓ move", in the keys in use."""
        up, down = first_key(self.app, "rows.up"), first_key(self.app, "rows.down")
        move = up + "↓" if up.endswith("↑") and down == up[:-1] + "↓" else f"{up}/{down}"
        return (f"{first_key(self.app, 'rows.add')} add · enter edit · "
                f"{first_key(self.app, 'rows.remove')} remove · {move} move")

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def focus(self, scroll_visible: bool = True):
        return self.table.focus(scroll_visible)

    def _fill(self, cursor: int | None = None, table: DataTable | None = None) -> None:
        table = table or self.table
        row_at = table.cursor_row if cursor is None else cursor
        table.clear()
        self._longest = [cell_len(f.label) for f in self.kind.fields[:len(self._widths)]]
        for row in self.rows:
            table.add_row(*self._measured(self._cells(row)))
        if not self.rows:
            table.add_row(*self._measured([Text("(none: a adds)" if i == 0 else "", style="dim")
                                           for i in range(len(self._widths))]), key="empty")
        if self.rows:
            table.move_cursor(row=max(0, min(row_at, len(self.rows) - 1)))
        if table.is_mounted:
            self._fit()

    def _cells(self, row: dict) -> list[Text]:
        return [Text(self._cell(row, f.key), no_wrap=True, overflow="ellipsis")
                for f in self.kind.fields[:len(self._widths)]]

    def _measured(self, cells: list[Text]) -> list[Text]:
        """The cells, their widths kept as the widest of their columns (`_fit`)."""
        self._longest = [max(longest, cell.cell_len) for longest, cell in zip(self._longest, cells)]
        return cells

    def _cell(self, row: dict, key: str) -> str:
        field = self.kind.field(key)
        value = row.get(key)
        return "" if value is None else one_line(self.app.plan.show(field.kind, value))  # a cost: "$1,200"

    def _changed(self, cursor: int, *updated: int, added: bool = False, removed: int | None = None) -> None:
        self._sync(cursor, *updated, added=added, removed=removed)
        self.post_message(self.Changed(self, [dict(r) for r in self.rows]))

    def _sync(self, cursor: int, *updated: int, added: bool = False, removed: int | None = None) -> None:
        """Bring the table in line with the rows that changed rather than refill it:
        a list of thousands would take seconds to redraw on every edit."""
        table = self.table
        before = len(self.rows) - added + (removed is not None)
        if not self.rows or table.row_count != before or "empty" in table.rows:
            self._fill(cursor)  # to or from the "(none: a adds)" line
            return
        if removed is not None:
            table.remove_row(table.coordinate_to_cell_key(Coordinate(removed, 0)).row_key)
        if added:
            table.add_row(*self._measured(self._cells(self.rows[-1])))
        for index in updated:
            for column, cell in enumerate(self._measured(self._cells(self.rows[index]))):
                table.update_cell_at(Coordinate(index, column), cell)
        table.move_cursor(row=max(0, min(cursor, len(self.rows) - 1)))
        self._fit()

    @property
    def listing(self) -> str:
        """The list's name ("Roster"): its decision's label, before what it explains
        ("Roster: who, which role, how many hours"), from the field it sits in."""
        decision = getattr(self.parent, "decision", None)
        return decision.label.split(":")[0] if decision is not None else f"{self.kind.row}s"

    def _row_name(self, index: int) -> str:
        """How the person knows the row: its naming field, else its place ("platform 2")."""
        name = one_line(str(self.rows[index].get(self.kind.key_field) or "")).strip()
        return name or f"{self.kind.row} {index + 1}"

    def action_add(self) -> None:
        if self._asking:
            return
        self.post_message(self.EditRow(self, None, {}, f"New {self.kind.row}"))

    def action_edit(self) -> None:
        if self._asking:
            return
        if not self.rows:
            self.action_add()
            return
        index = self.table.cursor_row
        # The title names the row: the one highlighted, which may not be where the eye was.
        title = f"Edit {self.kind.row} {index + 1}: {self._row_name(index)}"
        self.post_message(self.EditRow(self, index, self.rows[index], title))

    def keep_row(self, index: int | None, row: dict | None) -> None:
        """What the row's form kept (None: cancelled), as a new row or in place of row `index`."""
        if row is None:
            return
        if index is None:
            self.rows.append(row)
            self._changed(len(self.rows) - 1, added=True)
        else:
            self.rows[index] = row
            self._changed(index, index)

    def action_remove(self) -> None:
        """Asks first (RemoveRow); the row goes only on a yes."""
        if not self.rows or self._asking:
            return
        index = self.table.cursor_row
        self._asking = True
        self.post_message(self.RemoveRow(self, index, self._row_name(index)))

    def removal_answered(self, index: int, yes: bool | None) -> None:
        self._asking = False
        if not yes or not 0 <= index < len(self.rows):
            return
        removed = self.rows.pop(index)
        self._changed(index, removed=index)
        name = one_line(str(removed.get(self.kind.key_field) or index + 1))
        self.notify(f"Removed {self.kind.row} {name}", markup=False, timeout=3)

    def action_move(self, step: int) -> None:
        if self._asking:
            return
        index = self.table.cursor_row
        target = index + step
        if not self.rows or not 0 <= target < len(self.rows):
            return
        self.rows[index], self.rows[target] = self.rows[target], self.rows[index]
        self._changed(target, index, target)

    def on_key(self, event: events.Key) -> None:
        """A typed character that is no key of the table's goes nowhere: said once a
        visit, so text typed on after one tab too many is not lost unseen."""
        if not event.is_printable or event.key in self.screen.active_bindings or self._told_typing:
            return
        self._told_typing = True
        self.notify(f"This is the {self.listing} list: {first_key(self.app, 'rows.add')} adds a row, enter edits; "
                    "your typing was not saved.", title="Not typed", severity="warning", timeout=8)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._told_typing = False

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        """enter on a row (DataTable's own key) edits it."""
        event.stop()
        self.action_edit()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = [dict(r) for r in rows]
        self._fill()
