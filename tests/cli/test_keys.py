"""Keys that survive terminals: one key map declares every binding, `smgov keys`
prints it, and a keymap file rebinds any binding by id."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import shutil
import string
import subprocess
import sys

import pytest
from conftest import SAMPLES
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, _character_to_key
from textual.widgets import Input, TextArea

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.keys import specs
from smgov_tui.keys.key_names import (
    NAMED_KEYS,
    RISKY,
    SWALLOWED,
    TEXT_FIELD_KEYS,
    normalize_key,
    shown_key,
    split_keys,
    works_in_text_fields,
)
from smgov_tui.keys.keymap import load_keymap
from smgov_tui.keys.specs import BY_ID, SPECS
from smgov_tui.storage.store import PlanStore


def ui_classes() -> list[type]:
    """Every screen, widget and the app itself: each class that declares BINDINGS."""
    importlib.import_module("smgov_tui.tui.app")
    for package in ("smgov_tui.tui.screens", "smgov_tui.tui.widgets"):
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{module.name}")
    found = set()
    for name, module in list(sys.modules.items()):
        if name.startswith("smgov_tui."):
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__.startswith("smgov_tui.") and "BINDINGS" in vars(cls):
                    found.add(cls)
    return sorted(found, key=lambda c: (c.__module__, c.__name__))


def real_bindings() -> list[tuple[type, Binding]]:
    return [(cls, b) for cls in ui_classes() for b in vars(cls)["BINDINGS"]]


def test_every_binding_comes_from_the_key_map_with_an_id():
    seen = []
    for cls, binding in real_bindings():
        assert isinstance(binding, Binding) and binding.id, (cls, binding)
        spec = BY_ID[binding.id]
        assert (binding.key, binding.action, binding.description, binding.show, binding.priority) == \
               (spec.keys, spec.action, spec.description, spec.show, spec.priority)
        seen.append(binding.id)
    # each declared binding is used, once in each scope it declares
    assert sorted(seen) == sorted(spec.id for spec in specs.SPECS for _ in spec.scopes)
    assert len(ui_classes()) == len(specs.SCOPES)  # one scope per class


def test_no_binding_relies_on_a_key_terminals_swallow_and_f_keys_have_letters():
    for cls, binding in real_bindings():
        keys = split_keys(binding.key)
        safe = [k for k in keys if k not in SWALLOWED and k not in RISKY]
        assert safe, f"{cls.__name__} {binding.id}: {keys} all swallowed or mangled by some terminals"
        assert not all(k in SWALLOWED for k in keys)
        fkey = [k.startswith("f") and k[1:].isdigit() for k in keys]
        if any(fkey):  # some terminals and browsers keep F-keys: a letter key too (ctrl+q beside f10)
            assert not all(fkey) and not all(k in SWALLOWED for k, f in zip(keys, fkey) if not f), binding.id


def textual_text_field_keys() -> set[str]:
    keys = set()
    for cls in (Input, TextArea):
        for klass in cls.__mro__:
            for binding in vars(klass).get("BINDINGS", []):
                keys.update(split_keys(binding.key if isinstance(binding, Binding) else binding[0]))
    return keys


def test_the_text_field_keys_are_textuals_and_no_app_key_steals_one():
    assert TEXT_FIELD_KEYS == textual_text_field_keys()
    for cls, binding in real_bindings():
        keys = split_keys(binding.key)
        if binding.priority and BY_ID[binding.id].scope in specs.TYPING_SCOPES:  # it would win over the field
            assert not set(keys) & TEXT_FIELD_KEYS, (cls.__name__, binding.id)
        if BY_ID[binding.id].scope == "workbench":  # a text field has the focus most of the time
            assert any(works_in_text_fields(k) for k in keys), binding.id


def test_key_names_are_the_ones_textual_uses():
    textual_bases = {key.value.rpartition("+")[2] for key in Keys}
    assert NAMED_KEYS <= textual_bases
    for character in string.printable.strip():
        assert normalize_key(character) == _character_to_key(character)
        assert shown_key(normalize_key(character)) in (character, "comma")
    assert normalize_key("Ctrl+N") == "ctrl+n" and normalize_key("shift+k") == "K"
    assert normalize_key("ctrl+?") == "ctrl+question_mark" and normalize_key("esc") == "escape"
    for spec in SPECS:
        assert [normalize_key(k) for k in split_keys(spec.keys)] == split_keys(spec.keys), spec.id


# `smgov keys`


def write_keymap(tmp_path, monkeypatch, text: str):
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    monkeypatch.setenv("SMGOV_KEYMAP", str(path))
    return path


def test_smgov_keys_prints_the_apps_real_bindings(smgov):
    real = {b.id: ",".join(shown_key(k) for k in split_keys(b.key)) for _, b in real_bindings()}
    data = json.loads(smgov("keys", "--format", "json").out)
    assert {row["id"]: ",".join(row["keys"]) for row in data["bindings"]} == real
    assert data["keymap"]["exists"] is False and data["keymap"]["path"].endswith("no-such-keymap.toml")
    assert not any(row["rebound"] for row in data["bindings"]) and data["problems"] == []
    result = smgov("keys")
    assert result.code == 0 and result.err == ""
    assert result.out.splitlines()[0].startswith("Keymap file: ") and "not there" in result.out.splitlines()[0]
    table = result.out.splitlines()
    for binding_id, keys in real.items():
        assert any(binding_id in line and f" {keys} " in f"{line} " for line in table), (binding_id, keys)
    assert max(len(line) for line in table[1:-1]) <= 100  # fits COLUMNS


def test_smgov_keys_marks_what_the_keymap_file_rebinds(smgov, tmp_path, monkeypatch):
    path = write_keymap(tmp_path, monkeypatch, '[keys]\nnext_step = "ctrl+right, F8"\n')
    data = json.loads(smgov("keys", "--format", "json").out)
    row = next(r for r in data["bindings"] if r["id"] == "next_step")
    assert row["keys"] == ["ctrl+right", "f8"] and row["default"] == ["ctrl+n"] and row["rebound"]
    assert data["keymap"] == {"path": str(path), "exists": True}
    text = smgov("keys").out
    assert "(in use)" in text.splitlines()[0]
    assert any("next_step" in line and "* ctrl+right,f8" in line for line in text.splitlines())


def test_smgov_keys_does_not_import_textual(tmp_path):
    probe = ("import sys\nfrom smgov_tui.cli import main\nmain(['keys']); main(['keys', '--format', 'json'])\n"
             "print('TEXTUAL', sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "TEXTUAL []"


BAD = '''[keys]
next_stpe = "f8"
previous_step = "ctrl+lft"
next_missing = "ctrl+i"
guidance = "f2"
history = 3
focus_steps = "tab"
focus_checklist = "f11"
rows.add = "n, Insert"
'''


def test_a_bad_keymap_file_says_what_is_wrong_and_the_good_entries_apply(tmp_path, monkeypatch, smgov):
    path = write_keymap(tmp_path, monkeypatch, BAD)
    loaded = load_keymap()
    assert loaded.overrides == {"focus_checklist": ("f11",), "rows.add": ("n", "insert")}  # TOML: rows = {add}
    problems = "\n".join(loaded.problems)
    assert "'next_stpe' is not a binding id (did you mean next_step" in problems
    assert "previous_step: 'ctrl+lft': 'lft' is not a key name" in problems
    assert "next_missing: ctrl+i arrives as tab in a terminal; not rebound" in problems
    assert "guidance: f2 is already export's key (workbench); not rebound" in problems
    assert 'history: give the keys as a string, e.g. history = "ctrl+r"' in problems
    assert "focus_steps: tab moves to the next field everywhere; not rebound" in problems
    assert all(p.startswith(f"{path}: ") for p in loaded.problems) and len(loaded.problems) == 6
    result = smgov("keys")
    assert result.code == 0
    assert result.err.splitlines() == [f"smgov: warning: {p}" for p in loaded.problems]


@pytest.mark.parametrize("text, says", [
    ("next_step = [", "not a TOML file"),
    (b"\xff\xfe[keys]", "not a TOML file"),
    ('next_step = "f8"', "'next_step' is ignored: rebindings go under [keys]"),
    ('keys = "f8"', "keys must be a table"),
])
def test_a_keymap_file_that_is_not_a_keymap_leaves_the_defaults(tmp_path, monkeypatch, text, says):
    path = tmp_path / "keymap.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    loaded = load_keymap(path)
    assert loaded.overrides == {} and loaded.exists
    assert len(loaded.problems) == 1 and says in loaded.problems[0]


def test_rebindings_may_swap_keys_and_notes_say_where_a_key_will_not_work(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\nnext_step = "ctrl+o"\nprevious_step = "ctrl+n"\nfocus_steps = "ctrl+a"\n'
                    'row.save = "ctrl+s"\n')
    loaded = load_keymap(path)
    assert loaded.overrides == {"next_step": ("ctrl+o",), "previous_step": ("ctrl+n",),
                                "focus_steps": ("ctrl+a",), "row.save": ("ctrl+s",)}
    assert [p.removeprefix(f"{path}: ") for p in loaded.problems] == [
        "focus_steps: ctrl+a is GNU screen's prefix key; consider a second key",
        "focus_steps: text fields keep ctrl+a for themselves, so it works only outside them",
        "row.save: ctrl+s is flow control (XOFF) on some terminals and SSH clients; consider a second key",
    ]


# the workbench


def county_app(tmp_path):
    from smgov_tui.tui.app import SmgovApp

    path = tmp_path / "county.json"
    shutil.copy(SAMPLES / "county.json", path)
    return SmgovApp(PlanStore(path))


async def test_a_keymap_file_rebinds_next_step_in_the_workbench(tmp_path, monkeypatch):
    from smgov_tui.tui.widgets.key_footer import KeyFooter

    write_keymap(tmp_path, monkeypatch, '[keys]\nnext_step = "f8"\nquit = "ctrl+q"\nhistory = "ctrl+y,nope"\n'
                                        'rows.add = "n"\nnext_missing = "f11"\n')
    app = county_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        start = app.screen.name
        await pilot.press("ctrl+n")  # the old key no longer moves
        await pilot.pause()
        assert app.screen.name == start
        await pilot.press("f8")
        await pilot.pause()
        steps = [step.key for step in CATALOGUE.steps]
        assert app.screen.name == steps[steps.index(start) + 1]
        footer = app.screen.query_one(KeyFooter).render_line(0).text
        assert "f8 Next" in footer and "^n" not in footer and "f11 Missing" in footer
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Next missing decision (f11)" in titles and "History: who changed what (ctrl+r)" in titles
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("'nope' is not a key name" in t.replace("\n", " ") for t in toasts), toasts
        app.goto("resources.roster")
        await pilot.pause()
        roster = app.screen.query_one("#edit-resources--roster")  # it draws its line of keys under its table
        assert roster.render().plain.splitlines()[-1].startswith("n add · enter edit")
        await pilot.press("f10")  # rebound to ctrl+q alone: f10 is no longer quit
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_hints_and_buttons_name_the_keys_a_keymap_file_chose(tmp_path, monkeypatch):
    """The matrix's hint line, the name prompt, the export, guidance and conflict
    dialogs say the rebound keys, not the defaults."""
    from smgov_tui.core.errors import ConflictError
    from smgov_tui.tui.screens.conflict import ConflictScreen

    write_keymap(tmp_path, monkeypatch, '[keys]\n"matrix.main" = "p"\n"matrix.add" = "n"\n'
                                        '"prompt.cancel" = "ctrl+g"\n"export.cancel" = "ctrl+w"\n'
                                        '"guidance.close" = "escape,f1"\n"conflict.later" = "l"\n'
                                        '"conflict.mine" = "f11,alt+m"\n')
    app = county_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.goto("platforms.matrix")
        await pilot.pause()
        hint = str(app.screen.query_one(".matrix-hint").render())
        assert hint == "0-5 score, +/- weight, p main, n/c add, d/x del"
        from smgov_tui.tui.widgets.matrix import hints

        assert "· p main platform · n add platform ·" in hints(app)[0]  # on a terminal wide enough
        await pilot.press("n")  # add a platform: the name prompt
        await pilot.pause()
        assert "ctrl+g cancels" in str(app.screen.query_one(".name-prompt-hint").render())
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert "ctrl+w cancel" in str(app.screen.query_one("#export-hint").render())
        assert "Cancel (ctrl+w)" in str(app.screen.query_one("#export-cancel").label)
        await pilot.press("ctrl+w")
        await pilot.press("f1")
        await pilot.pause()
        assert str(app.screen.query_one("#guidance-hint").render()) == "esc/f1 to close"
        await pilot.press("escape")
        app.session.propose("response.tone", "mine")  # a clash, as a save would find it
        app.conflicts = (ConflictError("response.tone", "mine", "theirs", label="Tone of voice"),)
        app.push_screen(ConflictScreen(app.clash()))
        await pilot.pause()
        assert str(app.screen.query_one("#conflict-later").label) == "Back (l)"
        assert str(app.screen.query_one("#conflict-keep").label) == "Keep mine (f11/alt+m)"


async def test_text_fields_keep_ctrl_e_and_f2_exports_from_them(tmp_path):
    app = county_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_step("response")
        await pilot.pause()
        field = app.screen.query(Input).first()
        field.focus()
        field.cursor_position = 0
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert field.cursor_position == len(field.value) > 0 and not app.screen.is_modal
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"


async def test_question_mark_is_guidance_outside_text_fields_and_f10_quits(tmp_path):
    app = county_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.show_step("response")
        await pilot.pause()
        field = app.screen.query(Input).first()
        field.focus()
        before = field.value
        await pilot.press("end", "?")  # typed in a text field
        await pilot.pause()
        assert field.value == before + "?" and not app.screen.is_modal
        await pilot.press("ctrl+l", "?")  # from the checklist: the guidance
        await pilot.pause()
        assert type(app.screen).__name__ == "GuidanceScreen"
        await pilot.press("?")
        await pilot.pause()
        assert not app.screen.is_modal
        await pilot.press("ctrl+c")  # not quit: it says which keys are
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("Press ctrl+q or f10 to save and quit." in t.replace("\n", " ") for t in toasts), toasts
        await pilot.press("f10")
        await pilot.pause()
    assert not app.is_running


async def test_a_keymap_file_that_is_not_toml_is_reported_and_the_defaults_work(tmp_path, monkeypatch):
    write_keymap(tmp_path, monkeypatch, "[keys\nnext_step = f8\n")
    app = county_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        start = app.screen.name
        toasts = [str(toast.render()).replace("\n", " ") for toast in app.screen.query("Toast")]
        assert any("not a TOML file" in t and "the default keys apply" in t for t in toasts), toasts
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.name != start
