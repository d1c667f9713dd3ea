"""The platform evaluation matrix, scored by keyboard and ranked as you type.

Rows are the candidate platforms, best first; columns are the criteria with
their weights. A digit scores the cell under the cursor, + and - weigh its
column, m makes the highlighted platform the main one. The headers shrink to
fit the form column (about 48 cells at 80x24); the line under the table names
the highlighted criterion in full, so short headers never leave it unexplained.
Plan text (platform and criterion names) is always plain Text, never markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Static

from smgov_tui.core import platform_matrix as evaluation
from smgov_tui.core.checks import CHECKS
from smgov_tui.core.names import name_key
from smgov_tui.core.plan import Plan
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.tui.stylesheets import sheet
from smgov_tui.tui.widgets.bindings import bindings, first_key
from smgov_tui.tui.widgets.redraw import redraw
from smgov_tui.tui.workbench import Workbench

MAIN = evaluation.MAIN
CHOSEN = "platforms.chosen"
FIXED = ("rank", "platform", "score")  # the columns before the criteria
SCORE_WIDTH, PLATFORM_MIN = 6, 9
PLATFORM_COUNT = next(c for c in CHECKS if c.id == "check.platform_count")


def hints(app: Workbench) -> tuple[str, str]:
    """The matrix's keys, wide and narrow ("0-5 score · backspace clears · ..."),
    in the keys in use: a keymap file may have rebound any of them."""
    def key(binding_id: str) -> str:
        return first_key(app, binding_id)

    digits = [key("matrix.score"), *(key(f"matrix.score_{n}") for n in range(1, 6))]
    score = "0-5" if digits == list("012345") else "/".join(digits)
    weight = f"{key('matrix.weight_up')}/{key('matrix.weight_down')}"
    wide = (f"{score} score · {key('matrix.clear')} clears · {weight} weight · {key('matrix.main')} main platform · "
            f"{key('matrix.add')} add platform · {key('matrix.add_criterion')} add criterion · "
            f"{key('matrix.remove')} remove platform · {key('matrix.remove_criterion')} remove criterion")
    narrow = (f"{score} score, {weight} weight, {key('matrix.main')} main, "
              f"{key('matrix.add')}/{key('matrix.add_criterion')} add, "
              f"{key('matrix.remove')}/{key('matrix.remove_criterion')} del")
    return wide, narrow


def _right(text: str, width: int, style: str = "") -> Text:
    """A cell right-aligned after a one-cell gap (the table has no padding, to fit 80x24)."""
    return Text(text[:width - 1].rjust(width), style=style, no_wrap=True)


def _left(text: str, width: int, style: str = "") -> Text:
    text = one_line(text)  # a platform's name is plan text
    shown = text if len(text) <= width - 1 else text[:width - 2] + "…"
    return Text((" " + shown).ljust(width), style=style, no_wrap=True)


class NamePrompt(ModalScreen[str | None]):
    """Ask for one name; enter keeps it, escape cancels. Offers come first, prefilled."""

    DEFAULT_CSS = sheet("name_prompt")  # read when first shown (sheets.py)
    SCOPED_CSS = False

    BINDINGS = bindings("name prompt")

    app = getters.app(Workbench)

    def __init__(self, title: str, offers: list[str], placeholder: str) -> None:
        super().__init__()
        self.title_text, self.offers, self.placeholder = title, offers, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="name-prompt"):
            yield Static(Content(self.title_text), id="name-prompt-title")
            if self.offers:
                yield Static(Content("Not in the matrix yet: " + one_line(", ".join(self.offers))),
                             classes="name-prompt-offers")
            yield Input(visible(self.offers[0]) if self.offers else "", placeholder=self.placeholder,
                        suggester=SuggestFromList(self.offers, case_sensitive=False), id="name-prompt-input")
            cancel = first_key(self.app, "prompt.cancel")
            yield Static(Content(f"enter adds · {cancel} cancels" + (" · → completes a name" if self.offers else "")),
                         classes="name-prompt-hint")

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        # An offer shown with its escapes made visible is still that offer.
        self.dismiss(next((offer for offer in self.offers if visible(offer) == name), name) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MatrixEditor(Vertical, can_focus=False):
    """The matrix of one decision; `plan-view` so the screen hands it the plan as it changes."""

    BINDINGS = bindings("matrix")

    app = getters.app(Workbench)

    class Changed(Message):
        """The matrix changed; `final` for changes of shape, not for each score typed."""

        def __init__(self, editor: MatrixEditor, matrix: dict | None, final: bool) -> None:
            super().__init__()
            self.editor, self.matrix, self.final = editor, matrix, final

    class MainChosen(Message):
        def __init__(self, editor: MatrixEditor, platform: str) -> None:
            super().__init__()
            self.editor, self.platform = editor, platform

    def __init__(self, matrix: dict | None, id: str) -> None:
        super().__init__(id=id, classes="matrix-editor plan-view")
        self.matrix: dict = matrix or evaluation.new_matrix()
        self._plan: Plan | None = None
        self._order: list[str] = []  # platforms in table order
        self._main: str | None = None
        self._headers = "short"
        self._filled = False  # until then the cursor starts on the first criterion

    def compose(self) -> ComposeResult:
        table: DataTable = DataTable(cursor_type="cell", cell_padding=0, header_height=2,
                                     id=f"{self.id}-table")
        yield table
        yield Static("", classes="matrix-focus", markup=False)
        message = Static("", classes="matrix-message", markup=False)
        message.display = False
        yield message
        yield Static("", classes="matrix-status", markup=False)
        yield Static(hints(self.app)[1], classes="matrix-hint", markup=False)

    def on_mount(self) -> None:
        self.show(self.app.plan)

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def focus(self, scroll_visible: bool = True):
        return self.table.focus(scroll_visible)

    @property
    def value(self) -> dict | None:
        return self.matrix if self.matrix["candidates"] else None

    # the plan around it

    def show(self, plan: Plan) -> None:
        """The plan changed (any decision): the main mark and the staff check follow it."""
        self._plan = plan
        main = plan.get(MAIN)
        if main != self._main or not self._order:
            self._main = main
            self._fill()
        self._show_status()

    def _chosen_names(self) -> list[str]:
        return [row["platform"] for row in (self._plan.rows(CHOSEN) if self._plan else [])]

    def _show_status(self) -> None:
        if not self.is_mounted:
            return
        lines = []
        chosen = self.matrix.get("chosen")
        if self._main:
            standing = evaluation.ranked(self.matrix, self._main)
            if standing is None:
                lines.append(f"Main platform {self._main} is not in the matrix.")
            else:
                line = f"* main: {standing.platform}, {standing.shown}/5, ranked {standing.rank} of {len(self._order)}"
                if chosen and name_key(chosen["platform"]) == name_key(self._main):
                    line += f"; chosen at {chosen['score']:.1f}" + (f" on {chosen['on']}" if chosen.get("on") else "")
                lines.append(line)
        elif self._order:
            lines.append("No main platform yet: m makes the highlighted one main.")
        if self._plan is not None:
            problem = PLATFORM_COUNT.run(self._plan)
            if problem:
                mark = "!" if PLATFORM_COUNT.blocker else "·"  # as the checklist marks it
                lines.append(f"{mark} {PLATFORM_COUNT.label}: {problem}")
        status = self.query_one(".matrix-status", Static)
        redraw(status, Content(visible("\n".join(lines))))  # they name platforms; redrawn as the plan changes
        status.display = bool(lines)

    def say(self, text: str) -> None:
        message = self.query_one(".matrix-message", Static)
        message.update(Content(visible(text)))
        message.display = bool(text)

    # the table

    def on_resize(self) -> None:
        self._fill()

    @property
    def _rank_width(self) -> int:
        """"1*": the rank and the main platform's mark."""
        return len(str(len(self.matrix["candidates"]))) + 1

    def _widths(self, available: int) -> tuple[str, int, list[int]]:
        """Header style, platform width and criterion widths that fit, narrowest last."""
        crit = evaluation.criteria(self.matrix)
        longest = max([len(p["platform"]) for p in self.matrix["candidates"]] + [8])
        for style in ("short", "tiny"):
            widths = [max(len(getattr(c, style)), 2) + 1 for c in crit]
            room = available - self._rank_width - SCORE_WIDTH - sum(widths)
            platform = min(longest + 1, 17, room)
            if platform >= PLATFORM_MIN:
                return style, platform, widths
        return "tiny", PLATFORM_MIN, widths  # the criteria scroll; rank, platform and score stay

    def _fill(self) -> None:
        if not self.is_mounted:
            return
        table = self.table
        where = self._cursor()
        # Less room for a scrollbar once the rows outgrow the table's height.
        available = (self.content_region.width or 48) - (len(self.matrix["candidates"]) > 12)
        self._headers, platform_width, widths = self._widths(available)
        crit = evaluation.criteria(self.matrix)
        table.clear(columns=True)
        table.fixed_columns = len(FIXED)
        rank_width = self._rank_width
        table.add_column(Text("#".rjust(rank_width - 1) + " ", style="bold"), width=rank_width, key="rank")
        table.add_column(_left("Platform", platform_width, "bold"), width=platform_width, key="platform")
        table.add_column(_right("Score", SCORE_WIDTH, "bold"), width=SCORE_WIDTH, key="score")
        for index, (criterion, width) in enumerate(zip(crit, widths)):
            label = _right(getattr(criterion, self._headers), width, "bold")
            label.append("\n")
            label.append_text(_right(f"×{criterion.weight}", width, "dim" if criterion.weight == 0 else ""))
            table.add_column(label, width=width, key=f"c{index}")
        rows = {row["platform"]: row for row in self.matrix["candidates"]}
        ranking = evaluation.ranking(self.matrix)
        self._order = [r.platform for r in ranking]
        for standing in ranking:
            main = self._main is not None and name_key(standing.platform) == name_key(self._main)
            scores = rows[standing.platform]["scores"]
            table.add_row(Text(f"{standing.rank:>{rank_width - 1}}{'*' if main else ' '}", no_wrap=True),
                          _left(standing.platform, platform_width, "bold" if main else ""),
                          _right(standing.shown, SCORE_WIDTH, "bold"),
                          *[_right(str(scores[c.name]) if c.name in scores else "·", w,
                                   "" if c.name in scores else "dim")
                            for c, w in zip(crit, widths)])
        if not ranking:
            table.add_row(Text(""), Text(" (none)", style="dim"), *[Text("")] * (1 + len(crit)))
        self._filled = True
        self._restore(*where)
        self._describe()
        wide, narrow = hints(self.app)
        self.query_one(".matrix-hint", Static).update(Content(wide if available >= len(wide) else narrow))

    def _cursor(self) -> tuple[str | None, int]:
        if not self._order or not self._filled:
            return None, max(len(FIXED), self.table.cursor_coordinate.column)
        row, column = self.table.cursor_coordinate
        return self._order[min(row, len(self._order) - 1)], column

    def _restore(self, platform: str | None, column: int) -> None:
        row = self._order.index(platform) if platform in self._order else 0
        column = max(0, min(column, len(FIXED) + len(self.matrix["criteria"]) - 1))
        self.table.cursor_coordinate = Coordinate(row, column)

    def _at_cursor(self) -> tuple[str | None, evaluation.Criterion | None]:
        row, column = self.table.cursor_coordinate
        platform = self._order[row] if self._order and row < len(self._order) else None
        crit = evaluation.criteria(self.matrix)
        index = column - len(FIXED)
        return platform, (crit[index] if 0 <= index < len(crit) else None)

    def _describe(self) -> None:
        """Spell out what the cursor is on: the short headers' full names and meaning."""
        platform, criterion = self._at_cursor()
        column = self.table.cursor_coordinate.column
        if not self._order:
            text = "No platforms to compare yet: a adds one, then 0-5 scores it."
        elif criterion is not None:
            text = f"{criterion.name}, weight {criterion.weight}: {criterion.help}"
        elif column == FIXED.index("score"):
            text = "Score: the weighted mean of the criteria, out of 5; a blank cell counts 0."
        else:
            standing = evaluation.ranked(self.matrix, platform)
            text = (f"{standing.platform}: {standing.shown}/5, ranked {standing.rank} of {len(self._order)}"
                    + (f"; {standing.unscored} not scored yet" if standing.unscored else ""))
        self.query_one(".matrix-focus", Static).update(Content(one_line(text)))

    @on(DataTable.CellHighlighted)
    def _moved(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self._describe()

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()

    # changes

    def _change(self, matrix: dict, final: bool, said: str = "") -> None:
        self.matrix = matrix
        self._fill()
        self._show_status()
        self.say(said)
        self.post_message(self.Changed(self, self.value, final))

    def _try(self, edit, *args, final: bool, said: str = "") -> bool:
        try:
            matrix = edit(self.matrix, *args)
        except evaluation.MatrixError as error:
            self.say(str(error)[0].upper() + str(error)[1:] + ".")
            return False
        self._change(matrix, final, said)
        return True

    def action_score(self, score: int | None) -> None:
        platform, criterion = self._at_cursor()
        if platform is None:
            self.say("Add a platform first (a).")
        elif criterion is None:
            self.say("Move to a criterion's column (→) to score it.")
        else:
            self._try(evaluation.with_score, platform, criterion.name, score, final=False)

    def action_weight(self, step: int) -> None:
        _, criterion = self._at_cursor()
        if criterion is None:
            self.say("Move to a criterion's column (→) to change its weight.")
            return
        self._try(evaluation.with_weight, criterion.name, criterion.weight + step, final=False,
                  said=f"{criterion.name}: weight {max(0, min(evaluation.MAX_WEIGHT, criterion.weight + step))}")

    @work
    async def action_add(self) -> None:
        present = {name_key(row["platform"]) for row in self.matrix["candidates"]}
        offers = [name for name in self._chosen_names() if name_key(name) not in present]
        name = await self.app.push_screen_wait(
            NamePrompt("Add a platform to compare", offers, "e.g. Nextdoor"))
        if name and self._try(evaluation.with_candidate, name, final=True, said=f"Added {name}: score it with 0-5."):
            self._restore(" ".join(name.split()), len(FIXED))
            self._describe()

    @work
    async def action_add_criterion(self) -> None:
        name = await self.app.push_screen_wait(
            NamePrompt("Add a criterion (scored 0-5, higher is better)", [], "e.g. Records capture"))
        if name and self._try(evaluation.with_criterion, name, final=True,
                              said=f"Added criterion {name}, weight {evaluation.NEW_WEIGHT}: +/- to change."):
            self._restore(self._cursor()[0], len(FIXED) + len(self.matrix["criteria"]) - 1)
            self._describe()

    def action_remove(self) -> None:
        platform, _ = self._at_cursor()
        if platform is not None:
            self._try(evaluation.without_candidate, platform, final=True, said=f"Removed {platform}.")

    def action_remove_criterion(self) -> None:
        _, criterion = self._at_cursor()
        if criterion is None:
            self.say("Move to a criterion's column (→) to remove it.")
            return
        self._try(evaluation.without_criterion, criterion.name, final=True,
                  said=f"Removed criterion {criterion.name} and its scores.")

    def action_main(self) -> None:
        platform, _ = self._at_cursor()
        if platform is None:
            self.say("Add a platform first (a).")
            return
        running = next((n for n in self._chosen_names() if name_key(n) == name_key(platform)), None)
        if running is None:
            self.say(f'Add {platform} to "Platforms we will run" first: the main platform is one of them.')
            return
        if self._try(evaluation.chose, platform, final=True):
            self.say(f"{platform} is the main platform, at {self.matrix['chosen']['score']:.1f}/5.")
            self.post_message(self.MainChosen(self, running))
