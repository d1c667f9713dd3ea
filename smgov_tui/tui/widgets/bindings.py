"""Textual bindings from the key map (keymap.py), which declares every one of them,
and the keys in use (a keymap file's included) for the hints that name them."""

from __future__ import annotations

from textual.binding import Binding

from smgov_tui.keys.names import shown_key, split_keys
from smgov_tui.keys.specs import BY_ID, specs

ARROWS = {"up": "↑", "down": "↓", "left": "←", "right": "→"}


def bindings(scope: str) -> list[Binding]:
    return [Binding(spec.keys, spec.action, spec.description, show=spec.show, key_display=spec.key_display,
                    priority=spec.priority, tooltip=spec.tooltip, id=spec.id) for spec in specs(scope)]


def _keys(app, binding_id: str) -> tuple[str, ...]:
    keymap = getattr(app, "keymap", None)  # SmgovApp's; a bare test app has the defaults
    return keymap.keys(binding_id) if keymap is not None else tuple(split_keys(BY_ID[binding_id].keys))


def keys_shown(app, binding_id: str, joiner: str = "/") -> str:
    """A binding's keys for a button: "ctrl+s/f2"."""
    return joiner.join(shown_key(key) for key in _keys(app, binding_id))


def first_key(app, binding_id: str) -> str:
    """A binding's main key for a one-line hint: "shift+↑"."""
    *modifiers, base = _keys(app, binding_id)[0].split("+")
    return "+".join([*modifiers, ARROWS.get(base, shown_key(base) if not modifiers else base)])
