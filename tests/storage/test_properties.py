"""Property tests: random plans round-trip through the store exactly; random
byte-level damage to a plan never gets a traceback out of `smgov check` or the loader,
nor out of any command when the damage keeps the history's checksum right."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

from conftest import SAMPLES, checksum_right
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smgov_tui.cli import commands as cli
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import (
    Choice,
    Date,
    LongText,
    Matrix,
    Money,
    Multi,
    Number,
    Rows,
)
from smgov_tui.core.errors import PlanFileError
from smgov_tui.storage.layout import serialise
from smgov_tui.storage.reading import read_plan_data
from smgov_tui.storage.store import PlanStore

# fsync is the slow part of a save and proves nothing here: use memory-backed files where there are some.
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
HOSTILE = ["[@click=app.quit]x[/]", "[bold red]", "[link=file:///etc/passwd]", "\x1b[2J", "\x1b]52;c;aGk=\x07",
           "\x07", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\u2028", "\x00", "}\n  }\n}\n"]
TEXT = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=40), st.sampled_from(HOSTILE))
NUMBER = st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False))
JSON = st.recursive(st.none() | st.booleans() | NUMBER | TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=12)


def value_of(kind) -> st.SearchStrategy:
    """Values shaped like the ones each kind of decision holds (not necessarily valid ones)."""
    if isinstance(kind, Rows):
        return st.lists(st.fixed_dictionaries({}, optional={f.key: value_of(f.kind) for f in kind.fields}),
                        max_size=4)
    if isinstance(kind, Multi):
        return st.lists(st.sampled_from(kind.choices), unique=True, min_size=1)
    if isinstance(kind, Choice) and kind.choices:
        return st.sampled_from(kind.choices)
    if isinstance(kind, (Money, Number)):
        return NUMBER
    if isinstance(kind, Date):
        return st.dates().map(lambda d: d.isoformat())
    if isinstance(kind, Matrix):
        return JSON
    if isinstance(kind, LongText):
        return st.text(st.characters(exclude_categories=("Cs",)), max_size=400) | st.sampled_from(HOSTILE)
    return TEXT


DECISIONS = [d.id for d in CATALOGUE]
VALUE = {d.id: value_of(d.kind) for d in CATALOGUE}


@st.composite
def plans(draw) -> dict:
    ids = draw(st.lists(st.sampled_from(DECISIONS), unique=True, max_size=12))
    values = {i: draw(VALUE[i]) for i in ids}
    if draw(st.booleans()):
        values["future.decision"] = draw(JSON)  # an id from a newer catalogue: kept as it is
    return values


@st.composite
def changes(draw) -> list:
    decision = st.sampled_from([*DECISIONS, "future.decision"])
    out = []
    for _ in range(draw(st.integers(0, 4))):
        key = draw(decision)
        out.append((key, draw(st.none() | VALUE.get(key, JSON))))
    return out


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(name=TEXT, values=plans(), edits=changes(), who=TEXT.filter(bool))
def test_random_plans_round_trip_exactly(name, values, edits, who):
    folder = Path(tempfile.mkdtemp(dir=SCRATCH))
    try:
        path = folder / "plan.json"
        store = PlanStore.create(path, name, values)
        expected, history = dict(values), []
        for key, value in edits:
            entry = store.set(key, value, who=who)
            if expected.get(key) == value:
                assert entry is None
                continue
            history.append((key, expected.get(key), value, who))
            if value is None:
                expected.pop(key, None)
            else:
                expected[key] = value
        data = read_plan_data(path)
        assert data["plan"]["1"] == {"name": name, "values": expected}
        assert [(h["decision"], h["old"], h["new"], h["who"]) for h in PlanStore(path).history()] == history
        assert PlanStore(path).meta()["revision"] == len(history)
        assert serialise(data) == path.read_text(encoding="utf-8")  # one layout for the same data
        loaded = PlanStore(path).load()
        assert {**loaded.unknown, **loaded.values, **{k: expected[k] for k in loaded.invalid}}.keys() <= \
            expected.keys()
    finally:
        shutil.rmtree(folder)


def _written_by_smgov() -> bytes:
    """The county sample as smgov writes it (with the history checksum that lets saves skip parsing)."""
    folder = Path(tempfile.mkdtemp(dir=SCRATCH))
    try:
        path = folder / "plan.json"
        path.write_bytes((SAMPLES / "county.json").read_bytes())
        PlanStore(path).set("objectives.frequency", "weekly", who="druiz")
        return path.read_bytes()
    finally:
        shutil.rmtree(folder)


def _exit_code(argv: list[str], reading: bool) -> int:
    """`smgov ARGV`'s exit code, once it is 0, 1 (a command that reads a verdict) or 2 with
    one error line, never a traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exit_:
            code = exit_.code
    assert code in ((0, 1, 2) if reading else (0, 2))
    assert "Traceback" not in err.getvalue()
    if code == 2:
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("smgov: error: ")
    return code


ORIGINALS = [(SAMPLES / "county.json").read_bytes(), _written_by_smgov()]
BYTES = st.sampled_from(list(b'"{}[],:0 n\\\n\x00\xff\xc3e-.') + [0x1b]) | st.integers(0, 255)


@st.composite
def damaged(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(ORIGINALS)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "repeat"]))
        if how == "replace" and at < len(data):
            data[at] = draw(BYTES)
        elif how == "insert":
            data[at:at] = bytes(draw(st.lists(BYTES, min_size=1, max_size=8)))
        elif how == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif how == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 200))]
    return bytes(data)


@settings(max_examples=1000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(content=damaged())
def test_damaged_plans_never_raise_a_traceback(content):
    folder = Path(tempfile.mkdtemp(dir=SCRATCH))
    try:
        path = folder / "plan.json"
        path.write_bytes(content)
        code = _exit_code(["check", str(path)], reading=True)
        try:
            store = PlanStore(path)
        except PlanFileError:
            assert code == 2
        else:
            store.load()
            store.history()
            store.meta()
        assert path.read_bytes() == content
    finally:
        shutil.rmtree(folder)


COMMANDS = [("check",), ("get", "objectives.frequency"), ("history",), ("history", "--format", "json"),
            ("export",), ("export", "--format", "json"), ("set", "objectives.frequency", "daily")]


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(content=damaged().map(checksum_right), args=st.sampled_from(COMMANDS))
def test_damage_with_its_checksum_right_is_refused_by_every_command_or_harmless(content, args):
    """The history's checksum says only how it is laid out: damage inside it is found by
    parsing, whichever command reads the plan, and a save never writes it on."""
    folder = Path(tempfile.mkdtemp(dir=SCRATCH))
    try:
        path = folder / "plan.json"
        path.write_bytes(content)
        code = _exit_code([args[0], str(path), *args[1:]], reading=args[0] in ("check", "get"))
        if code != 0 or args[0] != "set":
            assert path.read_bytes() == content
        else:  # what a save wrote reads back whole, history and all
            read_plan_data(path)
            PlanStore(path).history()
    finally:
        shutil.rmtree(folder)
