"""The user's keymap file: rebinding any binding by id, and what `smgov keys` lists."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from smgov_tui.keys.key_names import (
    RESERVED,
    RISKY,
    SWALLOWED,
    TEXT_FIELD_KEYS,
    KeyNameError,
    normalize_key,
    shown_key,
    split_keys,
    works_in_text_fields,
)
from smgov_tui.keys.specs import BY_ID, SCOPES, SPECS, TYPING_SCOPES, KeySpec, specs

KEYMAP_ENV = "SMGOV_KEYMAP"  # a keymap file elsewhere (tests, a shared setup)
FILE_NAME = "keymap.toml"

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
    """The rebindings whose keys no other binding of a scope they share has (after
    the rebindings, so two bindings may swap keys). A clash drops the rebinding."""
    kept = dict(wanted)
    while True:
        owner: dict[tuple[str, str], str] = {}
        clash = None
        for spec in SPECS:
            for key in kept.get(spec.id) or split_keys(spec.keys):
                for scope in spec.scopes:
                    other = owner.setdefault((scope, key), spec.id)
                    if other != spec.id:
                        clash = (key, other, spec.id, scope)
                        break
                if clash:
                    break
            if clash:
                break
        if clash is None:
            return kept
        key, first, second, scope = clash
        dropped = second if second in kept else first  # a rebinding, never a default, gives way
        other = first if dropped == second else second
        problems.append(f"{path}: {dropped}: {shown_key(key)} is already {other}'s key "
                        f"({scope}); not rebound")
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
