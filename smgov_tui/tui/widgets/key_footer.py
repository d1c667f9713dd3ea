"""The footer of key hints, there in a step's first frame.

Textual's Footer composes nothing until the screen first says which keys are
bound, and then only after the next frame: every step's first frame went out
without its footer, and the whole screen was sent again a frame later with it
(issue 18). This footer composes its keys as it mounts, and composes again only
when the keys it would show differ from those it shows.
"""

from __future__ import annotations

from textual.screen import Screen

from smgov_tui.tui.compat import keys_ready, keys_styled_compact
from smgov_tui.tui.widgets.footer import Footer  # lets go of the keys it composed before


class KeyFooter(Footer):
    """A Footer that shows its keys from its first frame."""

    def __init__(self, compact: bool = False) -> None:
        super().__init__(compact=compact)
        keys_ready(self)
        self._shown: tuple | None = None

    def keys(self) -> tuple:
        """What the footer shows: per action, its first key, description and whether it
        acts now (as Footer.compose groups them), and the palette's key. A key the
        focused field takes as text ("?") drops out of the bindings, not out of sight."""
        palette = self.app.COMMAND_PALETTE_BINDING
        shown: dict[str, tuple] = {}
        for key, (_, binding, enabled, _) in self.screen.active_bindings.items():
            if binding.show or key == palette:
                shown.setdefault(binding.action if binding.show else key, (key, binding.description, enabled))
        return tuple(shown.values())

    def compose(self):
        self._shown = self.keys()
        yield from keys_styled_compact(super().compose(), self.compact)

    def bindings_changed(self, screen: Screen) -> None:
        """As Footer's, after the next frame, but only if what it shows differs then:
        the focus moving between fields changes no key shown."""
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self.catch_up)

    async def catch_up(self) -> None:
        """The keys bound now, composed at once if they differ from those shown."""
        if self.is_attached and self.keys() != self._shown:
            await self.recompose()
