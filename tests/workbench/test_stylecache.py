"""The parsed stylesheets kept between runs (smgov_tui/stylecache.py): a second
start reads them instead of parsing, a very first start reads those shipped
with smgov, each draws exactly what parsing draws, and anything doubtful in a
file only costs the parse."""

from __future__ import annotations

import os
import pickle
import shutil

import pytest
from conftest import SAMPLES, settle

from smgov_tui.storage.store import PlanStore
from smgov_tui.tui import stylecache
from smgov_tui.tui.app import SmgovApp
from smgov_tui.tui.ship_styles import make_shipped
from smgov_tui.tui.stylesheets import styles_dir

pytestmark = pytest.mark.usefixtures("steady_cursor")  # screenshots compared: no blink phase in them


def county(tmp_path, kept_in=None) -> SmgovApp:
    path = tmp_path / "county.json"
    if not path.exists():
        shutil.copy(SAMPLES / "county.json", path)
    return SmgovApp(PlanStore(path), styles_kept_in=kept_in)


async def screenshot(app: SmgovApp, steps=("objectives", "response")) -> list[str]:
    shots = []
    async with app.run_test(size=(80, 24)) as pilot:
        for step in steps:
            app.show_step(step)
            await settle(pilot)  # the step's scroll to its field comes two refreshes later
            shots.append(app.export_screenshot())
        app._keep_styles()
    return shots


async def test_a_second_start_reads_the_styles_and_draws_the_same(tmp_path):
    folder = tmp_path / "cache"
    plain = await screenshot(county(tmp_path))
    first = county(tmp_path, folder)
    shipped = first._styles_loaded  # nothing kept yet: the parses shipped with smgov
    assert len(shipped) > 20
    assert await screenshot(first) == plain
    files = list(folder.iterdir())
    assert len(files) == 1 and oct(files[0].stat().st_mode & 0o777) == "0o600"
    second = county(tmp_path, folder)
    assert len(second._styles_loaded) > 20  # the workbench's sheet and the widgets' own
    assert second._styles_loaded != shipped  # this session's own, not the shipped ones
    assert await screenshot(second) == plain


async def test_a_damaged_or_foreign_file_is_left_unread(tmp_path):
    """Unread, the file costs a start the parse of what the shipped parses leave out."""
    folder = tmp_path / "cache"
    await screenshot(county(tmp_path, folder), steps=("objectives",))
    (kept,) = folder.iterdir()
    good = kept.read_bytes()
    shipped = county(tmp_path, tmp_path / "nothing kept")._styles_loaded
    kept.write_bytes(good[: len(good) // 2])  # cut short, as by a full disk
    assert county(tmp_path, folder)._styles_loaded == shipped
    kept.write_bytes(good)
    os.chmod(kept, 0o666)  # anyone may write it: it would run their code
    assert county(tmp_path, folder)._styles_loaded == shipped
    os.chmod(kept, 0o600)
    assert county(tmp_path, folder)._styles_loaded not in (shipped, frozenset())
    # Written by another Textual (or for other colours) under the same name: unread.
    data = pickle.loads(good)
    kept.write_bytes(pickle.dumps({**data, "stamp": data["stamp"].replace("model.py", "old.py")}))
    assert county(tmp_path, folder)._styles_loaded == shipped


async def test_another_theme_keeps_a_file_of_its_own(tmp_path):
    app = county(tmp_path)
    dark = stylecache.cache_file(tmp_path, app.stylesheet._variables)
    light = stylecache.cache_file(tmp_path, {**app.stylesheet._variables, "primary": "#ffffff"})
    assert dark != light


async def test_saving_where_it_cannot_write_is_no_error(tmp_path):
    """A cache folder that cannot be made (here a file is in the way; a full disk
    or a read-only home alike): nothing is written, nothing raised."""
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    app = county(tmp_path, blocked / "smgov")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert stylecache.save(app.stylesheet, app._styles_file, frozenset()) is None
        app._keep_styles()
    assert blocked.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "county.json"]


async def test_a_parse_no_sheet_uses_any_more_is_dropped(tmp_path):
    """After an upgrade the old sheet's parse is read once more, then not kept."""
    folder = tmp_path / "cache"
    await screenshot(county(tmp_path, folder), steps=("objectives",))
    (kept,) = folder.iterdir()
    data = pickle.loads(kept.read_bytes())
    stale = ("Screen { color: red; }", ("/old/smgov.tcss", ""), False, 0, "")
    data["entries"][stale] = []
    kept.write_bytes(pickle.dumps(data))
    app = county(tmp_path, folder)
    assert stale in app._styles_loaded
    await screenshot(app, steps=("objectives",))
    entries = pickle.loads(kept.read_bytes())["entries"]
    assert stale not in entries and len(entries) == len(data["entries"]) - 1


async def test_a_sixteen_colour_session_leaves_the_full_colour_file_alone(tmp_path, monkeypatch):
    """On a 16-colour terminal the workbench turns to the ANSI theme as it mounts and
    parses again with its colours: those parses are not written into the file named
    for the full-colour theme. They were, once the session had shown more than the
    file held, and the next full-colour start then read nothing from it."""
    folder = tmp_path / "cache"
    plain = await screenshot(county(tmp_path))
    await screenshot(county(tmp_path, folder), steps=("objectives",))
    (kept,) = folder.iterdir()
    written = kept.read_bytes()
    with monkeypatch.context() as terminal:
        terminal.setenv("TERM", "xterm")
        terminal.delenv("COLORTERM", raising=False)
        terminal.delenv("SMGOV_THEME")
        sixteen = county(tmp_path, folder)
        async with sixteen.run_test(size=(80, 24)) as pilot:
            await pilot.press("f1")  # the guidance dialog: a sheet the file does not hold
            await settle(pilot)
            assert sixteen.theme == "ansi-dark"
            sixteen._keep_styles()
    assert list(folder.iterdir()) == [kept] and kept.read_bytes() == written
    again = county(tmp_path, folder)
    assert len(again._styles_loaded) > 20
    assert await screenshot(again) == plain


async def test_a_sixteen_colour_session_alone_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("SMGOV_THEME")
    folder = tmp_path / "cache"
    await screenshot(county(tmp_path, folder), steps=("objectives",))
    assert not folder.exists() or not list(folder.iterdir())


def parsed(rules) -> list:
    """Everything of a parsed rule set that styling reads, as plain data."""
    return [(rule.selectors, rule.is_default_rules, rule.tie_breaker, sorted(rule.selector_names),
             sorted(rule.pseudo_classes), rule.errors, sorted(rule.styles.important),
             [(selectors.specificity, [(s.name, s.combinator, s.type, sorted(s.pseudo_classes), s.specificity,
                                        s.advance) for s in selectors.selectors])
              for selectors in rule.selector_set],
             sorted((name, repr(value)) for name, value in rule.styles._rules.items()))
            for rule in rules]


async def test_what_a_start_reads_is_what_parsing_gives(tmp_path):
    """Every parse read from the file, after a session that went through several
    steps and a dialog, is the parse Textual makes of that text now."""
    folder = tmp_path / "cache"
    app = county(tmp_path, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        for step in ("objectives", "response", "platforms", "launch"):
            app.show_step(step)
            await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app._keep_styles()
    assert_read_as_parsed(county(tmp_path, folder))


def assert_read_as_parsed(app: SmgovApp) -> None:
    """Every parse the app read is the parse Textual makes of that text now."""
    from textual.css.stylesheet import Stylesheet

    assert len(app._styles_loaded) > 20
    fresh = Stylesheet(variables=app.stylesheet._variables)
    for key in app._styles_loaded:
        css, read_from, is_default_rules, tie_breaker, scope = key
        assert parsed(app.stylesheet._parse_cache[key]) == parsed(
            fresh._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)), read_from


# The parses shipped with smgov (styles/parsed.pickle)


async def test_the_shipped_parses_are_those_of_the_sheets_as_they_are(tmp_path):
    """Made again now, they are what is shipped: a sheet changed since (smgov's or
    a widget's) would go unread by every first start, which then parses it."""
    shipped = pickle.loads((styles_dir() / stylecache.SHIPPED).read_bytes())
    made = pickle.loads(await make_shipped())
    assert shipped["stamp"] == made["stamp"]
    assert set(shipped["entries"]) == set(made["entries"]), "run: python -m smgov_tui.tui.ship_styles"
    assert any(key[1][0] == "<styles>/smgov.tcss" for key in shipped["entries"])


async def test_a_first_start_reads_the_shipped_parses_as_parsing_gives_them(tmp_path):
    """Placed where this installation keeps its sheets (smgov's own among them),
    each one read is the parse Textual makes of that text now, the start
    parses next to nothing, and draws what parsing draws."""
    app = county(tmp_path, tmp_path / "nothing kept")
    assert_read_as_parsed(app)
    misses = []
    parse = app.stylesheet._parse_rules

    def counted(css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        if (css, read_from, is_default_rules, tie_breaker, scope) not in app.stylesheet._parse_cache.keys():
            misses.append(read_from)
        return parse(css, read_from, is_default_rules, tie_breaker, scope)

    app.stylesheet._parse_rules = counted
    assert await screenshot(app) == await screenshot(county(tmp_path))
    assert any(key[1][0].endswith("smgov.tcss") for key in app._styles_loaded)
    assert len(misses) <= 3, misses  # a base class's sheet under a rank not met as the file was made


@pytest.fixture
def shipped_copy(tmp_path, monkeypatch):
    """The shipped file, in a styles folder of the test's own."""
    styles = tmp_path / "styles"
    styles.mkdir()
    copy = styles / stylecache.SHIPPED
    copy.write_bytes((styles_dir() / stylecache.SHIPPED).read_bytes())
    monkeypatch.setattr(stylecache, "styles_dir", lambda: styles)
    return copy


async def test_a_shipped_file_in_doubt_is_left_unread(tmp_path, shipped_copy):
    assert len(county(tmp_path, tmp_path / "kept")._styles_loaded) > 20
    os.chmod(shipped_copy, 0o666)  # anyone may write it: it would run their code
    assert county(tmp_path, tmp_path / "kept")._styles_loaded == frozenset()
    os.chmod(shipped_copy, 0o644)
    data = pickle.loads(shipped_copy.read_bytes())
    # Made with another Textual (the same text parses otherwise), or other colours: unread.
    shipped_copy.write_bytes(pickle.dumps({**data, "stamp": data["stamp"].replace("textual-", "textual-0.")}))
    assert county(tmp_path, tmp_path / "kept")._styles_loaded == frozenset()
    shipped_copy.write_bytes(pickle.dumps({**data, "stamp": data["stamp"].replace("#", "#0", 1)}))
    assert county(tmp_path, tmp_path / "kept")._styles_loaded == frozenset()
    shipped_copy.write_bytes(pickle.dumps(data)[:1000])  # damaged
    assert county(tmp_path, tmp_path / "kept")._styles_loaded == frozenset()
    # A link in its place, to a good file elsewhere: not followed.
    elsewhere = tmp_path / "elsewhere.pickle"
    elsewhere.write_bytes(pickle.dumps(data))
    shipped_copy.unlink()
    shipped_copy.symlink_to(elsewhere)
    assert county(tmp_path, tmp_path / "kept")._styles_loaded == frozenset()
