"""Keys typed ahead take effect in the order they were typed.

Textual hands each key to the focused widget at once but runs its binding
(ctrl+n, tab, a to add a row) only when the key has bubbled back up to the
app, and a priority binding (ctrl+s, ctrl+q) before the keys ahead of it are
handled: in a burst (over SSH, a fast typist) text landed in the field just
left, and ctrl+s saved a row without its last digit. So text for the focused
text field goes straight in; any other key waits for what is on its way, then
holds the keys behind it until it has gone all the way up and the screen in
front has mounted and painted, with its focus set.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from functools import partial

from textual import events, messages
from textual.app import App
from textual.message import Message

from smgov_tui.tui.compat import queued_messages

KEY_TRAIL_TIMEOUT = 1.0  # seconds after which keys typed ahead go on, should a key's trail be lost
KEYS_HELD_AT_MOST = 5.0  # seconds keys typed ahead wait, at most, for the screen to settle


class KeyTrail(Message):
    """Follows a typed key up the DOM, one queue behind it: reaching the app, it
    says the key has been through every widget and binding on its way."""

    def __init__(self, hold: int) -> None:
        super().__init__()
        self.hold = hold


class TypeAhead:
    """The keys an app holds until the key before them has taken effect.

    The app gives it every key typed at the terminal (`take`) and every KeyTrail
    that reaches it (`went_through`); `handle` is the app's own handling of a
    key (App.on_event: priority bindings, then the focused widget)."""

    # Messages that only repaint: they move neither the focus nor a screen.
    PAINTING = (messages.Update, messages.Layout, messages.UpdateScroll, messages.Prompt, events.Idle)

    def __init__(self, app: App, handle: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.handle = handle
        self.held: list[events.Key] | None = None  # keys waiting for an earlier one to take effect
        self.holds = 0  # counts holds, so a late trail or timer cannot release a later hold
        self.held_since = 0.0

    async def take(self, key: events.Key) -> None:
        """A key from the terminal: behind the keys held, or on its way now."""
        if self.held is not None:
            self.held.append(key)
        else:
            await self._deliver(key)

    def went_through(self, trail: KeyTrail) -> None:
        self._settle(trail.hold)

    async def _deliver(self, key: events.Key, settled: bool = False) -> None:
        app = self.app
        focused = app.focused
        if focused is not None and focused.check_consume_key(key.key, key.character):
            await self.handle(key)
            return
        self.held, self.holds, self.held_since = [], self.holds + 1, time.monotonic()
        hold, target = self.holds, focused or app.screen
        app.set_timer(KEY_TRAIL_TIMEOUT, partial(self._watch_hold, hold))
        if not settled and self.still_moving():
            self.held.append(key)
            self._settle(hold)
            return
        await self.handle(key)
        if not (key.is_forwarded and target.post_message(KeyTrail(hold))):
            self._settle(hold)  # a priority binding took it here, or it had nowhere to go

    def _watch_hold(self, hold: int) -> None:
        """Should a trail or a screen's callback be lost with its widget (a dialog
        closed), the held keys still go, from the app's own queue."""
        if hold == self.holds and self.held is not None:
            self.app.call_later(self._release, hold)
            self.app.set_timer(KEY_TRAIL_TIMEOUT, partial(self._watch_hold, hold))

    def _settle(self, hold: int) -> None:
        """Release the held keys once the screen in front has painted (see `_release`)."""
        if hold == self.holds and self.held is not None:
            self.app.screen.call_after_refresh(self.app.call_later, self._release, hold)

    def still_moving(self, anywhere: bool = True) -> bool:
        """The screen in front is still mounting (a step, its fields), or a message
        is on its way to the app (a dialog's focus: Widget.focus goes through the
        app's queue) or, `anywhere`, in the screen (the option picked that opens
        the plan, a field's change). Keys typed behind wait in the app's queue,
        and do not count."""
        app, screen = self.app, self.app.screen
        nodes = (app, *screen.walk_children(with_self=True)) if anywhere else (app,)
        return not screen.is_mounted or getattr(screen, "incomplete", False) or any(
            not isinstance(message, self.PAINTING) and not (node is app and isinstance(message, events.Key))
            for node in nodes if node.message_queue_size
            for message in queued_messages(node))

    async def _release(self, hold: int) -> None:
        if hold != self.holds or self.held is None:
            return
        # With no key waiting, the hold ends once the screen has mounted and its focus
        # is set: a key typed later waits for the rest itself, unless it is text for
        # the field in focus.
        if self.still_moving(anywhere=bool(self.held)) and time.monotonic() - self.held_since < KEYS_HELD_AT_MOST:
            self._settle(hold)
            return
        held, self.held = self.held, None
        settled = True  # for the first: nothing is moving now (or it has waited long enough)
        while held:
            await self._deliver(held.pop(0), settled)
            if self.held is not None:  # that key holds the rest in turn (or waits itself, first)
                self.held.extend(held)
                return
            settled = False
