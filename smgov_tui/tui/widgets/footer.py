"""The footer of key hints, without keeping the keys it no longer shows.

Textual's Footer composes its keys again whenever the keys bound change (the
focus moving into a list or out of it), and each old key stayed alive, bound
to the footer's `compact`: compat.forget_removed_watchers says why.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter

from smgov_tui.tui.compat import forget_removed_watchers


class Footer(TextualFooter):
    """Textual's Footer, letting go of its old keys once composed again."""

    async def recompose(self) -> None:
        await super().recompose()
        forget_removed_watchers(self)
