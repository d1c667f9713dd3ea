"""Every key binding of the workbench, declared once, and the user's keymap file.

The screens and widgets build their Textual bindings from SPECS (through
widgets/bindings.py), `smgov keys` prints them, and a keymap file rebinds any
of them by id. No textual here: `smgov keys` must stay a quick command, so the
key names Textual understands are spelled out below (tests hold them to
Textual's own).

Keys terminals swallow or mangle are avoided, or come with a second key:
ctrl+i arrives as tab, ctrl+s/ctrl+q can be flow control, F-keys are taken by
some terminals and browsers, shift+arrows are not sent by the Linux console.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

KEYMAP_ENV = "SMGOV_KEYMAP"  # a keymap file elsewhere (tests, a shared setup)
FILE_NAME = "keymap.toml"


@dataclass(frozen=True)
class KeySpec:
    id: str
    keys: str  # Textual key names, comma-separated; the first is the one the footer shows
    action: str
    description: str  # the footer's label
    scope: str
    tooltip: str = ""
    show: bool = True
    priority: bool = False
    key_display: str | None = None

    @property
    def does(self) -> str:
        return self.tooltip or self.description


# Where a binding applies: one scope per screen or widget class (a Textual
# namespace), in the order `smgov keys` lists them.
SCOPES = {
    "workbench": "every step of the plan (the footer)",
    "rows": "a list of rows: roster, platforms, tiers...",
    "matrix": "the platform evaluation matrix",
    "row form": "the form for one row of a list",
    "name prompt": "the matrix's prompt for a platform or criterion",
    "guidance": "the guidance dialog",
    "history": "the history of changes",
    "export": "the export dialog",
    "export options": "the export dialog's lists of documents and formats",
    "conflict": "the dialog for a decision changed in another session",
    "welcome": "the welcome screen",
    "problem": "the screen for a plan file smgov cannot open",
}
# Scopes where a text field usually has the focus: a key it takes never reaches the binding.
TYPING_SCOPES = {"workbench", "row form", "name prompt", "history", "welcome", "problem"}


def _spec(scope: str):
    return lambda id, keys, action, description, **kw: KeySpec(id, keys, action, description, scope, **kw)


_app, _rows, _matrix = _spec("workbench"), _spec("rows"), _spec("matrix")
_form, _prompt, _guide, _history = _spec("row form"), _spec("name prompt"), _spec("guidance"), _spec("history")
_export, _options, _conflict = _spec("export"), _spec("export options"), _spec("conflict")

SPECS: tuple[KeySpec, ...] = (
    _app("next_step", "ctrl+n", "next_step", "Next", tooltip="Go to the next step"),
    _app("previous_step", "ctrl+o", "previous_step", "Back", tooltip="Go to the previous step"),
    _app("next_missing", "ctrl+f", "next_missing", "Next missing", tooltip="Go to the next decision still missing"),
    _app("guidance", "f1,question_mark", "guidance", "Guide",
         tooltip="Explain the focused decision (? outside a text field)"),
    _app("focus_checklist", "ctrl+l", "focus_checklist", "Checklist",
         tooltip="Move to the checklist; enter on an item goes to it"),
    _app("focus_steps", "ctrl+t", "focus_steps", "Steps", show=False, tooltip="Move to the list of steps"),
    _app("toggle_guidance_panel", "ctrl+g", "toggle_guidance_panel", "Guide panel", show=False,
         tooltip="Show or hide the guidance panel (wide terminals; the guidance dialog on narrow ones)"),
    _app("history", "ctrl+r", "history", "History", show=False, tooltip="Who changed what, when, from what to what"),
    # Not priority: in a text field ctrl+e stays "go to the end"; f2 exports from anywhere.
    _app("export", "ctrl+e,f2", "export", "Export", show=False,
         tooltip="Write the plan, code of conduct, comment policy or checklist as a document "
                 "(ctrl+e outside a text field)"),
    _app("command_palette", "ctrl+p", "command_palette", "palette", show=False, priority=True,
         tooltip="Open the command palette: steps, decisions, check, export, theme"),
    _app("quit", "ctrl+q,f10", "quit", "Quit", priority=True, tooltip="Save and quit"),

    _rows("rows.add", "a,insert", "add", "Add row", tooltip="Add a row"),
    _rows("rows.edit", "e", "edit", "Edit row", tooltip="Edit the highlighted row (or enter)"),
    _rows("rows.remove", "d,delete", "remove", "Remove row", tooltip="Remove the highlighted row"),
    _rows("rows.up", "shift+up,K", "move(-1)", "Move up", tooltip="Move the row up"),
    _rows("rows.down", "shift+down,J", "move(1)", "Move down", tooltip="Move the row down"),

    _matrix("matrix.score", "0", "score(0)", "Score", key_display="0-5",
            tooltip="Score the highlighted cell 0-5; higher is better (cost: 5 = cheap)"),
    *(_matrix(f"matrix.score_{n}", str(n), f"score({n})", f"Score {n}", show=False,
              tooltip=f"Score the highlighted cell {n}") for n in range(1, 6)),
    _matrix("matrix.clear", "backspace", "score(None)", "Clear score", show=False,
            tooltip="Clear the highlighted score (counts as 0)"),
    _matrix("matrix.weight_up", "plus", "weight(1)", "Weight", key_display="+/-",
            tooltip="Weigh the highlighted criterion more"),
    _matrix("matrix.weight_down", "minus", "weight(-1)", "Weight -", show=False,
            tooltip="Weigh the highlighted criterion less (0 ignores it)"),
    _matrix("matrix.main", "m", "main", "Main",
            tooltip="Make the highlighted platform the main platform, recording its score"),
    _matrix("matrix.add", "a", "add", "Add platform", tooltip="Add a candidate platform"),
    _matrix("matrix.add_criterion", "c", "add_criterion", "Add criterion", tooltip="Add a criterion of your own"),
    _matrix("matrix.remove", "d,delete", "remove", "Remove platform",
            tooltip="Remove the highlighted platform and its scores"),
    _matrix("matrix.remove_criterion", "x", "remove_criterion", "Remove criterion", show=False,
            tooltip="Remove the highlighted criterion and its scores"),

    _form("row.cancel", "escape", "cancel", "Cancel", tooltip="Close the form; the row stays as it was"),
    _form("row.save", "ctrl+s,f2", "save", "Save row", priority=True, tooltip="Keep the row"),
    _prompt("prompt.cancel", "escape", "cancel", "Cancel", tooltip="Close without adding"),
    _guide("guidance.close", "escape,f1,q,question_mark", "close", "Close", tooltip="Back to the step"),

    _history("history.close", "escape", "close", "Close", tooltip="Back to the step"),
    _history("history.goto", "g", "goto", "Go to decision",
             tooltip="Close the history and put the cursor on this row's decision"),
    _history("history.filter", "slash", "focus_filter", "Filter", tooltip="Type to narrow the changes"),
    _history("history.only", "o", "toggle_only", "This decision only",
             tooltip="Only the changes to the decision you were on"),
    _history("history.table", "down", "focus_table", "Changes", show=False, tooltip="Move to the list of changes"),

    _export("export.write", "enter", "write", "Write", priority=True, tooltip="Write the document beside the plan"),
    _export("export.cancel", "escape", "cancel", "Cancel", tooltip="Close without writing"),
    _options("export.next_option", "down,right", "choose(1)", "Next option", show=False),
    _options("export.previous_option", "up,left", "choose(-1)", "Previous option", show=False),

    _conflict("conflict.theirs", "r", "choose('theirs')", "Reload theirs",
              tooltip="Take the other session's value; yours is dropped"),
    _conflict("conflict.mine", "k", "choose('mine')", "Keep mine",
              tooltip="Save your value over theirs; the history keeps both"),
    _conflict("conflict.later", "escape", "choose(None)", "Decide later",
              tooltip="Keep your value unsaved; you are asked again at the next save"),
    KeySpec("welcome.back", "escape", "back", "Back", "welcome", show=False, tooltip="Back to the three choices"),
    KeySpec("problem.back", "escape", "back", "Back", "problem", show=False, tooltip="Back to the choices"),
)
BY_ID = {spec.id: spec for spec in SPECS}


def specs(scope: str) -> list[KeySpec]:
    return [spec for spec in SPECS if spec.scope == scope]


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
# Keys Textual's Input and TextArea take for editing, besides the characters they
# type: an app binding on one does nothing in a text field, or with priority steals it.
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


# the user's keymap file


def keymap_path(environ=os.environ) -> Path:
    if environ.get(KEYMAP_ENV):
        return Path(environ[KEYMAP_ENV]).expanduser()
    from smgov_tui.terminal.paths import config_folder

    return config_folder() / FILE_NAME


@dataclass
class Keymap:
    """The keymap file as read: what it rebinds, and what was wrong in it."""

    path: Path
    exists: bool = False
    overrides: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> normalized keys
    problems: list[str] = field(default_factory=list)

    def keys(self, binding_id: str) -> tuple[str, ...]:
        if binding_id in self.overrides:
            return self.overrides[binding_id]
        return tuple(split_keys(BY_ID[binding_id].keys))

    def shown(self, binding_id: str, joiner: str = " or ") -> str:
        """The keys of a binding, for a hint or a palette entry: "ctrl+e or f2"."""
        return joiner.join(shown_key(k) for k in self.keys(binding_id))

    def for_textual(self) -> dict[str, str]:
        """For App.set_keymap: binding id -> "key,key"."""
        return {binding_id: ",".join(keys) for binding_id, keys in self.overrides.items()}


def load_keymap(path: Path | None = None, environ=os.environ) -> Keymap:
    """Read the keymap file. Never raises: each bad entry is left out with a
    problem that says why; the good ones still apply. No file: the defaults."""
    path = path or keymap_path(environ)
    keymap = Keymap(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return keymap
    except OSError as error:
        keymap.exists = path.exists()
        keymap.problems.append(f"{path}: cannot be read ({error.strerror or error}); the default keys apply")
        return keymap
    keymap.exists = True
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        keymap.problems.append(f"{path}: not a TOML file ({error}); the default keys apply")
        return keymap
    table = data.get("keys", {})
    for name in data:
        if name != "keys":
            where = "rebindings go under [keys]" if name in BY_ID else "only a [keys] table is read"
            keymap.problems.append(f"{path}: {name!r} is ignored: {where}")
    if not isinstance(table, dict):
        keymap.problems.append(f"{path}: keys must be a table, [keys], of binding id = \"key,key\"")
        return keymap
    wanted: dict[str, tuple[str, ...]] = {}
    for binding_id, value in _flat(table):
        problem, keys = _entry(binding_id, value)
        if problem:
            keymap.problems.append(f"{path}: {problem}")
        else:
            wanted[binding_id] = keys
    keymap.overrides = _without_clashes(wanted, keymap.problems, path)
    for binding_id, keys in keymap.overrides.items():
        keymap.problems.extend(f"{path}: {note}" for note in _notes(BY_ID[binding_id], keys))
    return keymap


def _flat(table: dict, prefix: str = ""):
    """TOML reads `rows.add = "n"` as a table rows holding add: back to the id rows.add."""
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _entry(binding_id: str, value) -> tuple[str | None, tuple[str, ...]]:
    if binding_id not in BY_ID:
        import difflib

        near = difflib.get_close_matches(binding_id, list(BY_ID), n=3)
        hint = f" (did you mean {' or '.join(near)}?)" if near else " (smgov keys lists them)"
        return f"{binding_id!r} is not a binding id{hint}", ()
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        parts = value
    else:
        default = ",".join(shown_key(k) for k in split_keys(BY_ID[binding_id].keys))
        return f"{binding_id}: give the keys as a string, e.g. {binding_id} = \"{default}\"", ()
    keys: list[str] = []
    for part in parts:
        try:
            key = normalize_key(part)
        except KeyNameError as error:
            return f"{binding_id}: {error}; not rebound", ()
        if key in SWALLOWED:
            return f"{binding_id}: {shown_key(key)} {SWALLOWED[key]} in a terminal; not rebound", ()
        if key in RESERVED:
            return f"{binding_id}: {shown_key(key)} {RESERVED[key]}; not rebound", ()
        if key not in keys:
            keys.append(key)
    if not keys:
        return f"{binding_id}: no key given; not rebound", ()
    return None, tuple(keys)


def _without_clashes(wanted: dict[str, tuple[str, ...]], problems: list[str], path: Path) -> dict:
    """The rebindings whose keys no other binding of the same scope has (after
    the rebindings, so two bindings may swap keys). A clash drops the rebinding."""
    kept = dict(wanted)
    while True:
        owner: dict[tuple[str, str], str] = {}
        clash = None
        for spec in SPECS:
            for key in kept.get(spec.id) or split_keys(spec.keys):
                other = owner.setdefault((spec.scope, key), spec.id)
                if other != spec.id:
                    clash = (key, other, spec.id)
                    break
            if clash:
                break
        if clash is None:
            return kept
        key, first, second = clash
        dropped = second if second in kept else first  # a rebinding, never a default, gives way
        other = first if dropped == second else second
        problems.append(f"{path}: {dropped}: {shown_key(key)} is already {other}'s key "
                        f"({BY_ID[other].scope}); not rebound")
        del kept[dropped]


def _notes(spec: KeySpec, keys: tuple[str, ...]) -> list[str]:
    """Rebindings that work, but not everywhere: said once, so nobody wonders why a key is dead."""
    notes = []
    if all(k in RISKY for k in keys):
        notes.append(f"{spec.id}: {shown_key(keys[0])} {RISKY[keys[0]]}; consider a second key")
    if spec.scope in TYPING_SCOPES:
        if spec.priority:
            taken = [k for k in keys if k in TEXT_FIELD_KEYS]
            if taken:
                notes.append(f"{spec.id}: {', '.join(map(shown_key, taken))} is also a text field's "
                             "editing key, and this binding takes it from them")
        elif not any(works_in_text_fields(k) for k in keys):
            notes.append(f"{spec.id}: text fields keep {', '.join(map(shown_key, keys))} for "
                         "themselves, so it works only outside them")
    return notes


# `smgov keys`


def key_rows(keymap: Keymap) -> list[dict]:
    rows = []
    for scope in SCOPES:
        for spec in specs(scope):
            keys = keymap.keys(spec.id)
            rows.append({"scope": scope, "id": spec.id, "keys": [shown_key(k) for k in keys],
                         "default": [shown_key(k) for k in split_keys(spec.keys)],
                         "rebound": spec.id in keymap.overrides, "label": spec.description,
                         "does": spec.does, "in_footer": spec.show})
    return rows
