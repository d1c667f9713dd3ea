"""A dialog that asks takes no key typed before the person could have read it.

Keys typed ahead are a feature in forms (typeahead.py): "a" then a platform's
name fills the row form that "a" opens. A question is different: a key typed
before it was on screen was meant for something else, and as an answer it
chose for the person (a conflict dialog that opened mid-word took the "r" of
"reply" as "reload theirs"). So a dialog that asks records when it was first
drawn, plus a moment to take it in, and the app (SmgovApp._take_key) lets no
key typed before then reach it.
"""

from __future__ import annotations

import math
import time
from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")

# Seconds after the dialog is first drawn during which keys still count as typed
# before it: about the quickest a person sees something new and reacts to it.
READING_TIME = 0.3


class AskingScreen(ModalScreen[ResultType]):
    """A modal question: keys typed before `keys_from` (monotonic time) are not answers."""

    keys_from: float = math.inf  # until it is drawn

    def on_mount(self) -> None:
        self.call_after_refresh(self._drawn)

    def _drawn(self) -> None:
        self.keys_from = time.monotonic() + READING_TIME
