"""A step's first frame is the settled one: drawn once, whole, when nothing in it moves.

Textual draws a screen as soon as it has mounted, and again each time something
in it changes size. A step's first frame went out without its footer (its keys
come once the focus is set) and without the form's scroll bar (the fields below
the first screenful come a frame later); about 220 ms on, the whole screen was
sent again one column narrower, and smaller frames followed as the scroll bars
and the checklist's list found their sizes (issue 18). The person could work
only from the last of them, and a slow link carried them all.

So the frames of a step being made are held (App.batch_update) until it is laid
out and no widget in it has anything left to do, and then one frame draws all
of it, at once. Held, they are not made either: Textual renders a frame after
each layout even while updates are held, and threw each away. The hold has a limit: a step that never says it is settled is drawn
after HELD_AT_MOST all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack

from textual.app import App
from textual.screen import Screen
from textual.timer import Timer

from smgov_tui.tui.compat import draw_whole, frames_unmade, lay_out_now, layout_pending

HELD_AT_MOST = 2.0  # seconds: a safety net, never reached by a step that settles
ROUNDS = 5  # layouts at most while held: each lets widgets answer the sizes the last one gave


class FrameHold:
    """The app's frames, held while a new step settles."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._held: ExitStack | None = None
        self._limit: Timer | None = None

    def hold(self, screen: Screen) -> None:
        """The app's frames, until `screen` (the new step) settles; and the screen's
        own, which Textual makes after each of its layouts only to throw away."""
        if self._held is None:
            self._held = ExitStack()
            self._held.enter_context(self.app.batch_update())
            self._held.enter_context(frames_unmade(screen))
            self._limit = self.app.set_timer(HELD_AT_MOST, self.release, name="frames held at most")

    def settle(self, screen: Screen, rounds: int = ROUNDS, last: Callable[[], None] | None = None) -> None:
        """Lay the screen out (its frame is held), let every widget of it handle what
        that layout told it, and again while any asks for another; then draw it.
        `last`: done just before it is drawn, once every size is known (the scroll
        to the field the step opens on: done earlier, a later layout moved it)."""
        if self._held is None:
            return
        lay_out_now(screen)
        nodes = [self.app, *screen.walk_children(with_self=True)]
        waiting = len(nodes)

        def handled() -> None:
            nonlocal waiting
            waiting -= 1
            if waiting:
                return
            if rounds > 1 and layout_pending(screen):
                self.settle(screen, rounds - 1, last)
            else:
                if last is not None:
                    last()
                self.release()

        for node in nodes:  # each one's queue, as it is now, handled first
            if not node.call_later(handled):
                waiting -= 1
        if not waiting:
            if last is not None:
                last()
            self.release()

    def release(self) -> None:
        """Frames flow again, starting with one of the whole screen."""
        if self._held is None:
            return
        held, self._held = self._held, None
        if self._limit is not None:
            self._limit.stop()
        held.close()
        draw_whole(self.app.screen)
