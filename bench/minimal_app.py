"""The reference for every workbench figure in bench/tui.py: the smallest
Textual app with what a form screen has (a header, a text field, some text,
a footer), so a ratio shows what smgov adds over Textual itself.

    python bench/minimal_app.py
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static

# What bench/tui.py waits for on screen: the first frame is drawn.
FIRST_FRAME_TEXT = "Minimal Textual app"


class MinimalApp(App):
    """Header, Input (focused), Static, Footer; ctrl+q quits, as in smgov."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type here", id="input")
        yield Static(FIRST_FRAME_TEXT, id="text")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
