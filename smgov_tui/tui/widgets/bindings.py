"""Textual bindings from the key map (keymap.py), which declares every one of them,
and the keys in use (a keymap file's included) for the hints that name them."""

from __future__ import annotations

from textual.binding import Binding

from smgov_tui.keys.key_names import shown_key
from smgov_tui.keys.specs import specs
from smgov_tui.tui.workbench import Workbench

ARROWS = {"up": "↑", "down": "↓", "left": "←", "right": "→"}


def bindings(scope: str) -> list[Binding]:
    return [Binding(spec.keys, spec.action, spec.description, show=spec.show, key_display=spec.key_display,
                    priority=spec.priority, tooltip=spec.tooltip, id=spec.id) for spec in specs(scope)]


def keys_shown(app: Workbench, binding_id: str, joiner: str = "/") -> str:
    """A binding's keys for a button: "ctrl+s/f2"."""
    return joiner.join(shown_key(key) for key in app.keymap.keys(binding_id))


def first_key(app: Workbench, binding_id: str) -> str:
    """A binding's main key for a one-line hint: "shift+↑"."""
    *modifiers, base = app.keymap.keys(binding_id)[0].split("+")
    return "+".join([*modifiers, ARROWS.get(base, shown_key(base) if not modifiers else base)])
