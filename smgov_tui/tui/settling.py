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
each layout even while updates are held, and threw each away. The hold has a
limit: a step that never says it is settled is drawn after HELD_AT_MOST all
the same.

A step shown while another still settles (keys typed ahead as the workbench
opens: ctrl+n) is held too, and the frame is drawn once it has settled; the one
left stops where it is. Let go when the first had settled, the second was drawn
half made, and never scrolled to the field it opens on.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from contextlib import ExitStack

from textual.app import App
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from smgov_tui.tui.compat import draw_whole, frames_unmade, lay_out_now, layout_pending

HELD_AT_MOST = 2.0  # seconds: a safety net, never reached by a step that settles
ROUNDS = 8  # rounds at most while held (a layout, or widgets mounted meanwhile): each answers the last


class FrameHold:
    """The app's frames, held while a new step settles (or text areas made as they
    come into view are laid out and wrapped: UnopenedTextArea)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._held: ExitStack | None = None
        self._limit: Timer | None = None
        self._settling: set[Screen] = set()  # the steps held for: drawn once the last of them settles
        self._drawn: set[Widget] | None = None  # what is drawn once let go; None: the whole screen
        self._when_drawn: list[Callable[[], None]] = []

    def hold(self, screen: Screen, drawn: Collection[Widget] | None = None) -> None:
        """The app's frames, until `screen` (the new step) settles; and the screen's
        own, which Textual makes after each of its layouts only to throw away.
        Once it settles the whole screen is drawn, or only the `drawn` widgets and
        what the layout moved (text areas made as they come into view: their form,
        not the whole screen again; fields made where room was kept for them: nothing
        but what moved)."""
        if self._held is None:
            self._drawn = set()
            self._held = ExitStack()
            self._held.enter_context(self.app.batch_update())
            self._limit = self.app.set_timer(HELD_AT_MOST, self.release, name="frames held at most")
        if self._drawn is not None:
            self._drawn = None if drawn is None else {*self._drawn, *drawn}
        if screen not in self._settling:  # a step shown while another settles is held as well
            self._settling.add(screen)
            self._held.enter_context(frames_unmade(screen))

    def when_drawn(self, callback: Callable[[], None]) -> None:
        """`callback` once the held frame has been drawn (now, if none is held)."""
        if self._held is None:
            self.app.call_after_refresh(callback)
        else:
            self._when_drawn.append(callback)

    def settle(self, screen: Screen, rounds: int = ROUNDS, last: Callable[[], None] | None = None) -> None:
        """Let every widget of the screen (its frame held) handle what it has been
        told, then lay the screen out if any asked for it, and again while any does;
        then draw it. Handled first, as a step asks once it is laid out: the
        widgets' answers to that layout (a text wrapped, a scroll bar, a table's
        columns fitted) all go into one layout, where laying out first gave one
        that none of them was in yet (the county's first step: five layouts
        before its first frame, now three).
        `last`: done just before it is drawn, once every size is known (the scroll
        to the field the step opens on: done earlier, a later layout moved it)."""
        if self._held is None:  # drawn already (held at most HELD_AT_MOST)
            if last is not None:
                last()
            return
        nodes = [self.app, *screen.walk_children(with_self=True)]
        waiting = len(nodes)

        def handled() -> None:
            nonlocal waiting
            waiting -= 1
            if not waiting:
                self._handled(screen, set(nodes), rounds, last)

        for node in nodes:  # each one's queue, as it is now, handled first
            if not node.call_later(handled):
                waiting -= 1
        if not waiting:
            self._handled(screen, set(nodes), rounds, last)

    def _handled(self, screen: Screen, nodes: set, rounds: int, last: Callable[[], None] | None) -> None:
        if self._held is None:
            return
        shown = screen is self.app.screen  # a step left while it settled is drawn by the next, not laid out
        if shown and rounds and any(node not in nodes for node in screen.walk_children()):
            # A widget mounted meanwhile (a line below a field, as it found its width):
            # it asks for its layout only once it has mounted, in its own queue.
            self.settle(screen, rounds - 1, last)
        elif shown and rounds and layout_pending(screen):
            lay_out_now(screen)
            self.settle(screen, rounds - 1, last)
        elif screen in self._settling:
            if shown and last is not None:
                last()
                self.settle(screen, rounds, None)  # the scroll it made handled, and laid out, before drawn
                return
            self._settling.discard(screen)
            if self._settling:
                return  # a step shown while this one settled: drawn when it has settled too
            if not shown:  # the step shown settled before this one was found left: as it is now
                self.settle(self.app.screen)
                return
            self.release()
        else:
            self.release()

    def release(self) -> None:
        """Frames flow again, starting with one of the whole screen."""
        if self._held is None:
            return
        held, self._held = self._held, None
        self._settling.clear()
        if self._limit is not None:
            self._limit.stop()
        held.close()
        draw_whole(self.app.screen, self._drawn)
        callbacks, self._when_drawn = self._when_drawn, []
        for callback in callbacks:
            self.app.call_after_refresh(callback)
