"""Key names as Textual spells them, spelled out here so that `smgov keys` and
the keymap file need no textual (tests hold them to Textual's own)."""

from __future__ import annotations

import unicodedata
from functools import cache

# Key names, as Textual 8.2.8 spells them (textual.keys.Keys; tests compare). A
# printable character is named by Textual's rule: ? is question_mark, + is plus.
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = frozenset({
    "escape", "enter", "tab", "space", "backspace", "insert", "delete", "home", "end",
    "pageup", "pagedown", "up", "down", "left", "right", *(f"f{n}" for n in range(1, 25)),
})
# Keys that never arrive as themselves: the terminal sends another key's code.
SWALLOWED = {
    "ctrl+h": "arrives as backspace", "ctrl+i": "arrives as tab", "ctrl+j": "arrives as enter",
    "ctrl+m": "arrives as enter", "ctrl+left_square_bracket": "arrives as escape",
    "ctrl+at": "arrives as nothing in many terminals", "ctrl+space": "arrives as nothing in many terminals",
}
# Keys Textual keeps for itself on every screen.
RESERVED = {"tab": "moves to the next field everywhere", "shift+tab": "moves to the previous field everywhere",
            "ctrl+c": "copies in text fields, and elsewhere says how to quit"}
# Keys that arrive in some terminals and not in others.
RISKY = {
    "ctrl+s": "is flow control (XOFF) on some terminals and SSH clients",
    "ctrl+q": "is flow control (XON) on some terminals and SSH clients",
    "ctrl+z": "suspends the program in some terminals",
    "ctrl+c": "interrupts in some terminals (and copies in text fields)",
    "ctrl+backslash": "quits the program (SIGQUIT) in some terminals",
    "ctrl+b": "is tmux's prefix key",
    "ctrl+a": "is GNU screen's prefix key",
    "shift+up": "is not sent by the Linux console and some SSH clients",
    "shift+down": "is not sent by the Linux console and some SSH clients",
}
# Keys Textual's Input and TextArea take for editing, besides the characters typed
# into them: an app binding on one does nothing in a text field, or with priority steals it.
TEXT_FIELD_KEYS = frozenset({
    "up", "down", "left", "right", "home", "end", "pageup", "pagedown", "ctrl+pageup", "ctrl+pagedown",
    "shift+up", "shift+down", "shift+left", "shift+right", "shift+home", "shift+end",
    "ctrl+left", "ctrl+right", "ctrl+shift+left", "ctrl+shift+right", "ctrl+shift+a",
    "backspace", "delete", "enter", "ctrl+backspace", "alt+backspace", "super+backspace", "alt+delete",
    "ctrl+a", "ctrl+e", "ctrl+d", "ctrl+w", "ctrl+u", "ctrl+k", "ctrl+shift+k", "ctrl+x", "ctrl+c",
    "ctrl+v", "ctrl+z", "ctrl+y", "super+c", "super+x", "super+z", "super+y", "f6", "f7",
})
ALIASES = {"esc": "escape", "return": "enter", "del": "delete", "ins": "insert", "pgup": "pageup",
           "pgdn": "pagedown", "control": "ctrl", "option": "alt"}
_FRIENDLY_NAMES = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
                   "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore"}  # Textual's


class KeyNameError(ValueError):
    pass


def _character_key(character: str) -> str:
    """A typed character's key name, as Textual names it: ? is question_mark."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        raise KeyNameError(f"{character!r} is not a key") from None
    return _FRIENDLY_NAMES.get(name, name)


@cache
def _ascii() -> dict[str, str]:
    """Key name -> character for ASCII (space is "space"); made when first needed, as
    unicodedata's tables take milliseconds to load."""
    return {_character_key(chr(code)): chr(code) for code in range(32, 127)}


def typed_character(key: str) -> str | None:
    """The character a key types into a text field (question_mark: ?), if any."""
    if len(key) == 1:
        return key
    if "+" in key or (key in NAMED_KEYS and key != "space"):
        return None
    if key in _ascii():
        return _ascii()[key]
    try:
        character = unicodedata.lookup(key.replace("_", " ").upper())
    except KeyError:
        return None
    return character if len(character) == 1 and character.isprintable() else None


def normalize_key(text: str) -> str:
    """One key as Textual names it: "ctrl+N" is ctrl+n, "?" is question_mark,
    "shift+k" is K (what a terminal sends). KeyNameError says what is wrong."""
    text = text.strip()
    if not text:
        raise KeyNameError("an empty key")
    if len(text) == 1:
        if not text.isprintable() or text.isspace():
            raise KeyNameError(f"{text!r} is not a key")
        return _character_key(text)
    if text.endswith("++"):
        modifiers, base = text[:-2].split("+"), "+"
    else:
        *modifiers, base = text.split("+")
    modifiers = [ALIASES.get(m.strip().lower(), m.strip().lower()) for m in modifiers]
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            raise KeyNameError(f"{text!r}: {modifier!r} is not a modifier ({', '.join(MODIFIERS)})")
    if len(set(modifiers)) != len(modifiers):
        raise KeyNameError(f"{text!r} repeats a modifier")
    base = base.strip()
    base = ALIASES.get(base.lower(), base)
    if base.lower() in NAMED_KEYS:
        base = base.lower()
    elif len(base) == 1 or typed_character(base.lower()):
        base = _character_key(base if len(base) == 1 else typed_character(base.lower()))
    else:
        raise KeyNameError(f"{text!r}: {base!r} is not a key name (e.g. a, ?, f2, up, pagedown, space)")
    if len(base) == 1 and base.isalpha():
        if modifiers == ["shift"]:
            return base.upper()  # a terminal sends shift+k as K
        if modifiers:
            base = base.lower()  # and ctrl+K as ctrl+k
    return "+".join([*sorted(modifiers, key=MODIFIERS.index), base])


def shown_key(key: str) -> str:
    """A key as people write it (and a keymap file takes it): question_mark is ?, escape esc."""
    character = typed_character(key)
    if character and character not in ", ":
        return character
    return "esc" if key == "escape" else key


def works_in_text_fields(key: str) -> bool:
    """Text fields neither type it nor edit with it: it reaches the app."""
    return key not in TEXT_FIELD_KEYS and typed_character(key) is None


def split_keys(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",") if k.strip()]
