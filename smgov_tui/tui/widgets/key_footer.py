"""The footer of key hints: one widget drawing the whole line, there in a step's first frame.

Textual's Footer is a container of one FooterKey widget per key (eight on the
first step), each styled, mounted, laid out and drawn before the step's first
frame, and composed again whenever the keys bound change (issue 18). KeyFooter
draws the same line itself, cell for cell as Textual's compact footer draws it
(the SVG snapshots hold it to that): each key bold in $footer-key-foreground,
then a space and its description; one column of the footer's background after
each; the command palette's key docked at the right, one column in from the
edge, behind a `vkey` bar in $foreground 20%; a key that does not act now
dimmed. Keys past the width are cut off, and the palette's key is drawn over
them (the column right of it shows what lies beneath, as Textual's does); the
mouse wheel scrolls them. Textual's binding groups (KeyGroup, FooterLabel) are
left out: no binding of smgov's has a group (widgets/bindings.py builds them
without one).

The colours come from the theme's footer variables through component classes,
so every theme, the ANSI one and NO_COLOR included, draws it as Textual's footer.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.color import Color
from textual.css.styles import StylesBase
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget


class Key(NamedTuple):
    """A key as the footer shows it."""

    key: str  # what a click presses
    display: str
    description: str
    enabled: bool  # False: shown dimmed, and a click rings the bell
    tooltip: str


class KeyFooter(Widget, can_focus=False):
    """The keys bound on the screen, drawn on one line from the first frame."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--item",
        "key-footer--hover",
        "key-footer--disabled",
        "key-footer--key",
        "key-footer--description",
        "key-footer--bar",
    }
    # As Textual's Footer and FooterKey (compact): an item is a FooterKey, its
    # key and description the FooterKey's own component classes.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--item {
            background: $footer-item-background;
        }
        .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-footer--disabled {
            text-style: dim;
        }
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--bar {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[tuple[Key, ...], Key | None] = ((), None)
        self._hover: Key | None = None
        self._scroll = 0  # columns the keys are scrolled left by the mouse wheel

    def keys(self) -> tuple[tuple[Key, ...], Key | None]:
        """What the footer shows: per action, its first key bound now, as Textual's
        Footer groups them, and the palette's key. A key the focused field takes as
        text ("?") drops out of the bindings, not out of sight: the action's next key
        is shown instead."""
        app = self.app
        bindings = self.screen.active_bindings
        shown: dict[str, Key] = {}
        for _, binding, enabled, tooltip in bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = Key(binding.key, app.get_key_display(binding), binding.description,
                                            enabled, tooltip)
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in bindings:
            _, binding, enabled, _ = bindings[app.COMMAND_PALETTE_BINDING]
            palette = Key(binding.key, app.get_key_display(binding), binding.description, enabled,
                          binding.tooltip or binding.description)
        return tuple(shown.values()), palette

    def on_mount(self) -> None:
        self._shown = self.keys()  # drawn in the screen's first frame
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """Drawn again when the keys it would show differ (the focus moving between
        fields changes none); not while the app is without focus, as Textual's."""
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.catch_up()

    def catch_up(self) -> None:
        """The keys bound now, drawn at once if they differ from those shown."""
        if self.is_attached and (keys := self.keys()) != self._shown:
            self._shown, self._scroll = keys, 0
            self._hovered(None)  # as Textual's keys composed anew: none hovered until the mouse moves
            self.refresh()

    # --- where each key is ----------------------------------------------------------

    @staticmethod
    def _width(key: Key) -> int:
        return cell_len(key.display) + (1 + cell_len(key.description) if key.description else 0)

    def _palette_x(self) -> int | None:
        """The column the palette's key starts at: docked right, one column in."""
        palette = self._shown[1]
        return None if palette is None else self.size.width - 1 - (1 + self._width(palette))

    def _key_at(self, x: int) -> Key | None:
        keys, palette = self._shown
        left = self._palette_x()
        if left is not None and left <= x:
            return palette if x < self.size.width - 1 else None  # the blank column right of it
        start = -self._scroll
        for key in keys:
            end = start + self._width(key)
            if start <= x < end:
                return key
            start = end + 1
        return None

    # --- drawing --------------------------------------------------------------------

    def _layered(self, *layers: StylesBase) -> tuple[Color, Color, RichStyle]:
        """The background under the last layer, and the background and Rich style of
        the layers over the footer: as DOMNode.rich_style composes a FooterKey's
        component over the FooterKey over the footer."""
        background, under = Color(0, 0, 0, 0), Color(0, 0, 0, 0)
        color = Color(255, 255, 255, 0)
        style = RichStyle()
        opacity = 1.0
        for styles in (*(node.styles for node in reversed(self.ancestors_with_self)), *layers):
            under = background
            opacity *= styles.opacity
            if styles.has_rule("background"):
                text_background = background + styles.background.tint(styles.background_tint)
                background += styles.background.tint(styles.background_tint).multiply_alpha(opacity)
            else:
                text_background = background
            if styles.has_rule("color"):
                color = styles.color
            style += styles.text_style
            if styles.has_rule("auto_color") and styles.auto_color:
                color = text_background.get_contrast_text(color.a)
        style += RichStyle.from_color((background + color).rich_color if (background.a or color.a) else None,
                                      background.rich_color if background.a else None)
        return under, background, style

    def _drawn(self, key: Key, palette: bool = False) -> list[Segment]:
        """A key's cells, as Textual's FooterKey draws them (compact)."""
        item = self.get_component_styles("key-footer--item", *(["key-footer--hover"] if key is self._hover else []),
                                         *([] if key.enabled else ["key-footer--disabled"]))
        segments = [Segment(key.display, self._layered(item, self.get_component_styles("key-footer--key"))[2])]
        if key.description:
            description = self.get_component_styles("key-footer--description")
            segments.append(Segment(f" {key.description}", self._layered(item, description)[2]))
        if palette:  # its border-left
            under, background, _ = self._layered(item)
            bar = self.get_component_styles("key-footer--bar").color
            style = Style(background=under + background) + Style(foreground=under + bar)
            segments.insert(0, Segment("▏", style.rich_style))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base, background = self.background_colors
        gap = Style(background=base + background).rich_style
        keys, palette = self._shown
        segments: list[Segment] = []
        for key in keys:
            segments += [*self._drawn(key), Segment(" ", gap)]
        line = Strip(segments).crop(self._scroll, self._scroll + width).extend_cell_length(width, gap)
        if palette is not None and (left := self._palette_x()) is not None:
            drawn = Strip(self._drawn(palette, palette=True)).crop(max(0, -left))
            # The column right of it blank, as when the keys fit: Textual's footer shows the
            # keys scrolled under it there, a stray letter when they do not ("palettek").
            line = Strip.join([line.crop(0, max(0, left)), drawn, Strip([Segment(" ", gap)], 1)])
        return line.crop(0, width)

    # --- the mouse ------------------------------------------------------------------

    def _hovered(self, key: Key | None) -> None:
        if key is not self._hover:
            self._hover = key
            self.tooltip = (key.tooltip or None) if key else None
            self.styles.pointer = "default" if key is None else "pointer"
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hovered(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hovered(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scrolled(self.app.scroll_sensitivity_x, event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scrolled(-self.app.scroll_sensitivity_x, event)

    def _scrolled(self, by: float, event: events.MouseEvent) -> None:
        """The keys past the width scrolled into sight, up to the palette's key."""
        keys, palette = self._shown
        room = self.size.width if palette is None else self._palette_x()
        most = max(0, sum(self._width(key) + 1 for key in keys) - max(0, room))
        scroll = min(most, max(0, self._scroll + round(by)))
        if scroll != self._scroll:
            self._scroll = scroll
            self._hovered(None)
            self.refresh()
            event.stop()
            event.prevent_default()
