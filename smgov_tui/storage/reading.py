"""Reading a plan file: what cannot be a plan is refused before it is read, what is
not a plan smgov can use is refused with the reason in one line, and the file is
never changed by being read.

A plan is also refused for what Python's json reads but smgov could not write
back or show: NaN and Infinity (1e999 reads as Infinity), an integer of more
digits than Python converts, a lone surrogate (\\ud800 is valid JSON, but not
Unicode: it cannot be encoded), and nesting deeper than MAX_DEPTH, so no reader
of plan data, recursive or not, meets a RecursionError.

The history is proven by parsing it, not by its checksum (which says only that
its bytes are laid out as smgov writes them, so a save may copy them). Parsing
10,000 entries costs 7.5 ms, as much as the rest of a save: a process
remembers the history it has proven for each plan and, since a history is only
ever appended to, parses only what follows those very bytes the next time.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any, NamedTuple

from smgov_tui import __version__
from smgov_tui.core.errors import PlanFileError
from smgov_tui.core.textsafe import lone_surrogate
from smgov_tui.storage import layout
from smgov_tui.storage.history import History
from smgov_tui.storage.layout import DOC, TABLE_ORDER
from smgov_tui.storage.migrations import SCHEMA_VERSION, migrate

FORMAT = "smgov-plan"
# Far above any real plan (a 10,000-row list is about 2 MB) and far below what
# would make reading a stray file slow or memory-hungry.
MAX_PLAN_BYTES = 32_000_000
# Containers inside containers, the file's own object counted: smgov writes at
# most 8 (file, plan, its document, values, the platform matrix, its candidates,
# one candidate, its scores). Far below what recursion (Python's limit is 1,000
# frames, several per level) could not walk, in the command line as in the workbench.
MAX_DEPTH = 32


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def read_bytes(path: Path) -> bytes:
    """A plan file's bytes, refusing what cannot be a plan before reading it all."""
    try:
        # O_NONBLOCK: a FIFO named as a plan must not hang the program.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise PlanFileError(f"no plan at {path}: folder {path.parent} does not exist") from None
        raise PlanFileError(f"no plan at {path} (start one with: smgov new {path})") from None
    except IsADirectoryError:
        raise PlanFileError(f"{path} is a folder, not a plan file") from None
    except PermissionError:
        raise PlanFileError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise PlanFileError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(f"{path} is a folder, not a plan file")
        if not stat.S_ISREG(info.st_mode):
            raise PlanFileError(f"{path} is not a regular file, not a plan file")
        if info.st_size > MAX_PLAN_BYTES:
            raise PlanFileError(f"{path} is too large to be a smgov plan ({megabytes(info.st_size)}; "
                                f"plans are at most {megabytes(MAX_PLAN_BYTES)}): not opened", damaged=True)
        chunks, total = [], 0
        ask = info.st_size + 1  # all of it in one read, so no joining copies it (1.5 ms at 3 MB)
        while True:  # read to the end, but never past the limit (the file may grow meanwhile)
            chunk = os.read(fd, min(ask, MAX_PLAN_BYTES + 1 - total))
            ask = 1 << 20
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_PLAN_BYTES:
                raise PlanFileError(f"{path} is too large to be a smgov plan "
                                    f"(plans are at most {megabytes(MAX_PLAN_BYTES)}): not opened", damaged=True)
        return b"".join(chunks)
    except OSError as error:
        raise PlanFileError(f"cannot read {path}: {error.strerror or error}") from None
    finally:
        os.close(fd)


def parse_plan(raw: bytes, path: Path) -> dict:
    """The file's tables as written, or PlanFileError saying in one line why it is not a plan we can use."""
    if not raw or raw.isspace():  # not raw.strip(), which copies the file
        raise PlanFileError(f"{path} is empty: not a smgov plan", damaged=True)
    try:
        data = loads(raw)
    except UnicodeDecodeError:
        raise PlanFileError(f"{path} is not a smgov plan: not UTF-8 text", damaged=True) from None
    except json.JSONDecodeError as error:
        raise PlanFileError(f"{path} is not a smgov plan: not valid JSON "
                            f"({error.msg}, line {error.lineno} column {error.colno})", damaged=True) from None
    except ValueError as error:
        raise PlanFileError(f"{path} is not a smgov plan: {error}", damaged=True) from None
    check(data, path)
    return data


class NotAPlan(PlanFileError):
    """JSON that is not a smgov plan at all (no smgov metadata), not a damaged one: what a
    search of a folder for plans passes over with a warning (`smgov check FOLDER`)."""


class Unsound(ValueError):
    """JSON that Python reads but smgov could not write back, show, or walk; the reason in words."""


def _no_constant(name: str) -> float:
    raise Unsound(f"it holds {name}, which is not a number JSON allows")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise Unsound(f"it holds the number {text[:20]}{'...' if len(text) > 20 else ''}, too large to use")
    return number


_DECODER = json.JSONDecoder(parse_float=_finite, parse_constant=_no_constant)
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def loads(raw: bytes) -> Any:
    """The JSON in `raw`, if it is UTF-8 JSON that smgov can hold: else UnicodeDecodeError,
    json.JSONDecodeError, or ValueError with the reason (see the module docstring)."""
    text = str(raw, "utf-8")
    try:
        data = _DECODER.decode(text)
    except RecursionError:  # json's own limit: a thousand levels less what the caller uses
        raise Unsound(f"it is nested more than {MAX_DEPTH} levels deep") from None
    except (json.JSONDecodeError, Unsound):
        raise
    except ValueError:  # an integer of more digits than int() converts
        raise Unsound(f"it holds a number of more than {sys.get_int_max_str_digits()} digits") from None
    # A lone surrogate can only be written as an escape, \\udXXX: texts are looked at if one
    # may be there (most plans have no backslash at all, found at memchr's speed).
    reason = unsound(data, strings=b"\\" in raw and _ESCAPED_SURROGATE.search(raw) is not None)
    if reason:
        raise Unsound(reason)
    return data


def unsound(data: Any, strings: bool = True) -> str | None:
    """Why smgov could not hold `data` as read by json: nested more than MAX_DEPTH, or
    (with `strings`) a lone surrogate in a text or a key.
    Level by level, not recursively: 0.1 ms for a 60 kB plan, 3.5 ms for 10,000 history entries."""
    level, depth = [data], 0
    while level:
        if strings:
            for item in level:
                found = lone_surrogate(item) if type(item) is str else None
                if found:
                    return f"it holds text that is not Unicode (\\u{ord(found):04x}, a lone surrogate)"
        containers = [item for item in level if type(item) is dict or type(item) is list]
        if not containers:
            return None
        depth += 1
        if depth > MAX_DEPTH:
            return f"it is nested more than {MAX_DEPTH} levels deep"
        level = []
        for container in containers:
            if type(container) is dict:
                level.extend(container.values())
                if strings:
                    level.extend(container)
            else:
                level.extend(container)
    return None


def check(data: Any, path: Path) -> None:
    """PlanFileError unless these tables are a plan this smgov can read (a History as read is not re-checked)."""
    meta = data.get("meta", {}).get(DOC) if isinstance(data, dict) and isinstance(data.get("meta"), dict) else None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise NotAPlan(f"{path} is JSON but not a smgov plan (no smgov metadata)", damaged=True)
    schema = meta.get("schema")
    if type(schema) is not int or schema < 1:
        raise PlanFileError(f"{path} has no valid schema version", damaged=True)
    if schema > SCHEMA_VERSION:
        raise PlanFileError(f"{path} was written by a newer smgov (plan schema {schema}; "
                            f"this smgov {__version__} reads schema {SCHEMA_VERSION}): upgrade smgov")
    damage = _damage(data)
    if damage:
        raise PlanFileError(f"{path} is not a smgov plan: its tables are damaged ({damage})", damaged=True)


def _damage(data: dict) -> str | None:
    """What makes these tables unusable to TinyDB or to smgov, if anything."""
    for table in (*TABLE_ORDER, "history"):
        docs = data.get(table, {})
        damage = None if isinstance(docs, History) else _table_damage(table, docs)
        if damage:
            return damage
    plan = data.get("plan", {}).get(DOC, {})
    if not isinstance(plan.get("values", {}), dict) or not isinstance(plan.get("name", ""), str):
        return "the plan document's name or values"
    return None


def _table_damage(table: str, docs: Any) -> str | None:
    if not isinstance(docs, dict):
        return f"{table} is not a table"
    ids = list(map(str, docs))  # all at once, at C speed: a history has 10,000 of them
    joined, lengths = "".join(ids), set(map(len, ids))
    if (not ids or (joined.isdigit() and joined.isascii() and 0 not in lengths and max(lengths) <= 15)) \
            and set(map(type, docs.values())) <= {dict}:
        return None
    for doc_id, doc in docs.items():
        if not (_document_id(str(doc_id)) and isinstance(doc, dict)):
            return f"{table} entry {str(doc_id)[:40]!r} is not a document"
    return None


def _document_id(text: str) -> bool:
    """What TinyDB reads as a document's id with int(): ASCII digits (str.isdigit() also
    takes "²", which int() refuses), and not the thousands int() refuses either."""
    return text.isdigit() and text.isascii() and len(text) <= 15


def read_plan_data(path: Path) -> dict:
    """The file's tables as written (not migrated), or PlanFileError with the reason."""
    path = Path(path)
    return parse_plan(read_bytes(path), path)


class PlanFile(NamedTuple):
    """A plan file as read: its bytes, the schema it is written in, and its tables at
    SCHEMA_VERSION, the history among them a History."""

    raw: bytes
    schema: int
    tables: dict


def read_file(path: Path, raw: bytes | None = None) -> PlanFile:
    """`raw`: the file's bytes, read already (what a kept answer was looked up by)."""
    raw = read_bytes(path) if raw is None else raw
    quick = _read_quickly(raw, path)
    if quick:
        return quick
    data = parse_plan(raw, path)
    schema = data["meta"][DOC]["schema"]
    data = migrate(data)
    return PlanFile(raw, schema, {**data, "history": History(data.get("history", {}))})


def _read_quickly(raw: bytes, path: Path) -> PlanFile | None:
    """The tables above the history parsed, the history kept as its bytes, if they are
    laid out as smgov writes them (its checksum matches), so that a save can copy them.
    None: the full read says what is wrong, if anything."""
    found = layout.split(raw)
    if found is None:
        return None
    head, section_at = found
    try:
        data = loads(head)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or "history" in data:
        return None
    meta = data.get("meta", {}).get(DOC) if isinstance(data.get("meta"), dict) else None
    if not isinstance(meta, dict) or meta.get("schema") != SCHEMA_VERSION:
        return None
    written = memoryview(raw)[section_at:]
    crc = meta.get("history_crc32")
    if type(crc) is not int or crc != layout.history_crc([written]):
        return None
    try:
        check(data, path)
    except PlanFileError:
        return None
    last_id = layout.last_id(raw, section_at)
    if last_id < 0 or not _proven_history(raw, section_at, path):
        return None
    return PlanFile(raw, SCHEMA_VERSION, {**data, "history": History(written=written, last_id=last_id)})


# The history sections this process has proven, by plan path: (the file's bytes, where
# the section starts, where its last entry ends). The path only says where to look:
# what counts is that a file's section starts with those very bytes. A session
# opens one plan; a few are kept, so a long-lived process holds little.
_PROVEN: dict[str, tuple[bytes, int, int]] = {}
_PROVEN_PLANS = 4


def _proven_history(raw: bytes, section_at: int, path: Path) -> bool:
    """Whether the history section from `section_at` is the file's history table, proven
    sound: the first time by parsing the section (if it is not, the full read says what is
    wrong), then only what was appended after the bytes this process proved last time
    for this plan."""
    if layout.empty_history(raw, section_at):
        return True
    end, key = layout.entries_end(raw), os.fspath(path)
    if not _follows_proven(raw, section_at, end, _PROVEN.get(key)) and not _sound_section(raw, section_at):
        return False
    _PROVEN.pop(key, None)
    _PROVEN[key] = (raw, section_at, end)
    while len(_PROVEN) > _PROVEN_PLANS:
        del _PROVEN[next(iter(_PROVEN))]
    return True


def _sound_section(raw: bytes, section_at: int) -> bool:
    """Whether the history section parses as the file's last table, on its own: the
    tables above it are parsed already, and parsing the whole file again to prove it
    made a first read parse most of the file twice (bench/portfolio.py). Opened with
    "{", the section is an object as deep as in the file, whose only member must be
    the history (a table after it is not smgov's layout)."""
    try:
        data = loads(b"{" + raw[section_at:])
    except (ValueError, RecursionError):
        return False
    return list(data) == ["history"] and _table_damage("history", data["history"]) is None


def _follows_proven(raw: bytes, section_at: int, end: int, known: tuple | None) -> bool:
    """Whether the section is bytes this process has proven, then history entries that
    parse as documents."""
    if known is None:
        return False
    before, before_at, before_end = known
    if not raw.startswith(memoryview(before)[before_at:before_end], section_at):
        return False
    rest = section_at + before_end - before_at
    if rest == end:
        return True
    if not raw.startswith(b",\n", rest):
        return False
    try:  # the entries appended since (',\n    "7": {...}'): members of one object, as deep as in the file
        table = loads(b"[{" + raw[rest + 1:end] + b"}]")[0]
    except (ValueError, RecursionError):
        return False
    return _table_damage("history", table) is None
