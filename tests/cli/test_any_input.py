"""Any plan file and any arguments, through every command: exit 0, 1 (check and get
only) or 2; with 2 exactly one line, `smgov: error: ...`; never a traceback; the plan
file byte for byte as it was unless a set, restore or new succeeded.

Plan files are built from any JSON value, hostile where json is lenient (lone
surrogates, NaN and Infinity, integers of thousands of digits, nesting far past
any limit) and with wrong types in every table and field, written both as smgov
lays a plan out (with a matching history checksum, so the fast read is taken)
and as any other JSON tool would. Arguments are any bytes, as Python hands them
over (os.fsdecode). In-process through `smgov` for speed.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from conftest import checksum_right
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import Choice, Date, Money, Multi, Number, Rows
from smgov_tui.storage.layout import serialise

SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None

# Stand-ins that json.dumps writes as strings, replaced in the file by JSON text that
# Python's json reads but no JSON writer writes, or that nests deeper than any plan.
RAW = {"\x00nan\x00": "NaN", "\x00inf\x00": "-Infinity", "\x00e999\x00": "1e999",
       "\x00digits\x00": "9" * 4400, "\x00long\x00": "-" + "7" * 4200,
       "\x00deep\x00": "[" * 40 + "]" * 40, "\x00deeper\x00": "[" * 3000 + "]" * 3000,
       "\x00below-limit\x00": "[" * 25 + "1" + "]" * 25}
PLAIN_TEXT = st.text(max_size=12) | st.sampled_from(["objectives.frequency", "daily", "2026-01-01T00:00:00Z", ""])
HOSTILE_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=8) | st.sampled_from(
    ["\ud800", "x\udcff", "\udfff\ud800", "\u200e\u202e\u2028\u061c", "\x1b[2J", "[bold]x[/]"])
TEXT = st.integers(0, 5).flatmap(lambda n: HOSTILE_TEXT if n == 0 else PLAIN_TEXT)
PLAIN = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | PLAIN_TEXT
HOSTILE = HOSTILE_TEXT | st.sampled_from(sorted(RAW)) | st.floats() | st.integers(-10**40, 10**40)
LEAF = st.integers(0, 11).flatmap(lambda n: HOSTILE if n == 0 else PLAIN)  # a plan holds one now and then
JSON = st.recursive(LEAF,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                    max_leaves=6)
DECISIONS = [d.id for d in CATALOGUE]


def value_of(kind) -> st.SearchStrategy:
    """A value shaped as the kind holds it (valid or not), or any JSON at all."""
    if isinstance(kind, Rows):
        shaped = st.lists(st.fixed_dictionaries({}, optional={f.key: value_of(f.kind) for f in kind.fields}),
                          max_size=3)
    elif isinstance(kind, Multi):
        shaped = st.lists(st.sampled_from(kind.choices), unique=True)
    elif isinstance(kind, Choice) and kind.choices:
        shaped = st.sampled_from(kind.choices)
    elif isinstance(kind, (Money, Number)):
        shaped = st.integers(0, 100) | st.floats(0, 1e6)
    elif isinstance(kind, Date):
        shaped = st.dates().map(lambda d: d.isoformat())
    else:
        shaped = PLAIN_TEXT
    return shaped | shaped | shaped | JSON


VALUE = {d.id: value_of(d.kind) for d in CATALOGUE}


@st.composite
def plan_tables(draw) -> object:
    """A smgov plan's tables, any part of which may be any JSON."""
    def maybe(good):
        return draw(JSON) if draw(st.integers(0, 40)) == 0 else good

    def key(good: str) -> str:  # a document's id, which TinyDB reads with int()
        odd = st.sampled_from(["", "\u00b2", "0x1", "9" * 16]) | TEXT
        return draw(odd) if draw(st.integers(0, 20)) == 0 else good

    ids = draw(st.lists(st.sampled_from(DECISIONS) | TEXT, max_size=5, unique=True))
    values = {i: draw(VALUE.get(i, JSON)) for i in ids}
    meta = {"format": maybe("smgov-plan"), "schema": maybe(draw(st.sampled_from([*[2] * 8, 1, 3]))),
            "revision": maybe(3), "created": maybe("2026-01-01T00:00:00Z"), "app_version": maybe("0.1.0")}
    history = {}
    for n in range(1, draw(st.integers(0, 4)) + 1):
        decision = draw(st.sampled_from(DECISIONS))
        history[key(str(n))] = maybe({"decision": maybe(decision), "old": draw(VALUE[decision]),
                                      "new": draw(VALUE[decision]), "when": maybe("2026-01-02T03:04:05Z"),
                                      "who": maybe(draw(TEXT))})
    tables = {"meta": maybe({key("1"): maybe(meta)}),
              "plan": maybe({key("1"): maybe({"name": maybe(draw(TEXT)), "values": maybe(values)})}),
              "history": maybe(history)}
    if draw(st.integers(0, 3)) == 0:
        tables[draw(TEXT)] = draw(JSON)  # a table smgov does not know
    return draw(JSON) if draw(st.integers(0, 30)) == 0 else tables


SURROGATE = re.compile(r"[\ud800-\udfff]")
SURROGATE_STAND_IN = re.compile(r"\\u0000s([0-9a-f]{4})\\u0000")


def file_bytes(tables: object, smgov_layout: bool) -> bytes:
    """The tables as a file: as smgov lays a plan out (with the history's checksum right),
    or as json.dumps writes them."""
    text = None
    if smgov_layout and isinstance(tables, dict):
        try:  # lone surrogates as stand-ins too: layout refuses to write them
            text = SURROGATE_STAND_IN.sub(r"\\u\1", serialise(_marked(tables)))
        except Exception:  # what layout cannot lay out: written as json.dumps does
            text = None
    if text is None:
        text = json.dumps(tables)  # ASCII: a lone surrogate is written as its \udXXX escape
    for stand_in, raw in RAW.items():
        text = text.replace(json.dumps(stand_in), raw)
    return checksum_right(text.encode("utf-8"))


def _marked(value: object) -> object:
    """Every lone surrogate in texts and keys as a stand-in JSON writes (\\u0000sd800\\u0000)."""
    if isinstance(value, str):
        return SURROGATE.sub(lambda found: f"\x00s{ord(found[0]):04x}\x00", value)
    if isinstance(value, dict):
        return {_marked(key): _marked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_marked(item) for item in value]
    return value


# An argument is any bytes but NUL (argv holds C strings), as Python hands them over.
ARGUMENT = st.binary(max_size=12).map(lambda raw: os.fsdecode(raw.replace(b"\x00", b"")) or "x")
ARGUMENT_TEXT = (st.sampled_from(DECISIONS) | TEXT).filter(lambda text: "\x00" not in text)
FILE_NAME = ARGUMENT.map(lambda name: "x" if name in (".", "..") else name.replace("/", "_"))
FORMATS = {"check": ["text", "github", "grid", "json"], "get": ["text", "json"], "history": ["text", "json"],
           "decisions": ["text", "json"], "keys": ["text", "json"], "export": ["md", "html", "json"]}


@st.composite
def command_lines(draw, plan: str, folder: str) -> tuple[list[str], bytes | None]:
    """A command, mostly with arguments it takes, any of them any bytes now and then; stdin
    for `set PLAN ID -`."""
    def arg(good: st.SearchStrategy, path: bool = False) -> str:
        if draw(st.integers(0, 7)):
            return draw(good)
        if path:  # any bytes, as a name in the test's folder: new, restore and export -o write there
            return os.path.join(folder, draw(FILE_NAME))
        return draw(ARGUMENT)

    command = draw(st.sampled_from(["new", "decisions", "restore", "keys", "calendar",
                                    *["check", "set", "get", "history", "export"] * 3]))
    path = arg(st.sampled_from([*[plan] * 8, folder, os.path.join(folder, "missing.json")]), path=True)
    decision = arg(ARGUMENT_TEXT)
    value = arg(ARGUMENT_TEXT | st.just("-") | JSON.map(json.dumps) | VALUE[decision].map(json.dumps)
                if decision in VALUE else ARGUMENT_TEXT)
    options = {
        "new": [("--name", TEXT), ("--sample", st.sampled_from(["county", "nope"]))],
        "decisions": [("--format", st.sampled_from(FORMATS["decisions"])),
                      ("--step", st.sampled_from([s.key for s in CATALOGUE.steps]))],
        "check": [("--format", st.sampled_from(FORMATS["check"]))],
        "get": [("--format", st.sampled_from(FORMATS["get"]))],
        "history": [("--decision", ARGUMENT_TEXT | st.sampled_from([s.key for s in CATALOGUE.steps])),
                    ("--since", st.just("2026-01-01") | TEXT), ("--format", st.sampled_from(FORMATS["history"]))],
        "export": [("--doc", st.sampled_from(["plan", "conduct", "comments", "checklist"])),
                   ("--format", st.sampled_from(FORMATS["export"])),
                   ("-o", st.sampled_from([os.path.join(folder, f"out.{f}") for f in FORMATS["export"]]), True)],
        "keys": [("--format", st.sampled_from(FORMATS["keys"]))],
        "calendar": [("-o", st.just(os.path.join(folder, "out.ics")), True)],
    }.get(command, [])
    chosen = [part for flag, good, *path in options if draw(st.booleans()) for part in (flag, arg(good, *path))]
    positional = {"new": [path], "set": [path, decision, value], "get": [path, decision],
                  "check": [path], "history": [path], "export": [path], "calendar": [path], "restore": [path]}.get(command, [])
    stdin = draw(st.binary(max_size=40) | JSON.map(lambda v: json.dumps(v).encode())) if value == "-" else None
    return [command, *positional, *chosen], stdin


@settings(max_examples=1500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(tables=plan_tables(), smgov_layout=st.booleans(), with_backup=st.booleans(), data=st.data())
def test_any_plan_and_any_arguments_give_exit_0_1_or_one_error_line(smgov, tables, smgov_layout, with_backup,
                                                                       data):
    folder = tempfile.mkdtemp(dir=SCRATCH)
    try:
        plan = os.path.join(folder, "plan.json")
        content = file_bytes(tables, smgov_layout)
        Path(plan).write_bytes(content)
        if with_backup:
            Path(plan + ".bak").write_bytes(content)
        argv, stdin = data.draw(command_lines(plan, folder))
        with mock.patch("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")):
            result = smgov(*argv)
        command = argv[0]
        assert result.code in ((0, 1, 2) if command in ("check", "get", "calendar") else (0, 2)), result
        assert "Traceback" not in result.err
        lines = result.err.splitlines()
        if result.code == 2:
            assert len(lines) == 1 and lines[0].startswith("smgov: error: "), result.err
        elif result.code == 1 and command == "calendar":  # the reason there is no calendar, then nothing
            assert lines[-1].startswith("smgov: calendar: the plan has no dated obligation yet"), result.err
            assert all(line.startswith("smgov: warning: ") for line in lines[:-1]), result.err
        else:
            assert all(line.startswith("smgov: warning: ") for line in lines), result.err
        changed = result.code == 0 and (command in ("set", "restore") or (command == "new" and argv[1] == plan))
        if not changed:
            assert Path(plan).read_bytes() == content
    finally:
        shutil.rmtree(folder)
