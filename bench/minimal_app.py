"""The reference for every workbench figure in bench/tui.py: the smallest
Textual app with what a form screen has (a header, a text field, some text,
a footer), so a ratio shows what smgov adds over Textual itself. With
--textarea the field is a TextArea, the reference for typing into one of
smgov's text areas.

    python bench/minimal_app.py [--textarea]
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static, TextArea

# What bench/tui.py waits for on screen: the first frame is drawn.
FIRST_FRAME_TEXT = "Minimal Textual app"


class MinimalApp(App):
    """Header, Input or TextArea (focused), Static, Footer; ctrl+q quits, as in smgov."""

    # A text area the height of smgov's (DecisionField TextArea), not Textual's 1fr: each key
    # redraws the whole area, so a screenful would be no reference for typing.
    CSS = "TextArea { height: 4; }"

    def __init__(self, textarea: bool = False) -> None:
        super().__init__()
        self.textarea = textarea

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(id="input") if self.textarea else Input(placeholder="Type here", id="input")
        yield Static(FIRST_FRAME_TEXT, id="text")
        yield Footer()


if __name__ == "__main__":
    MinimalApp(textarea="--textarea" in sys.argv[1:]).run()
