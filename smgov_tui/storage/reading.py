"""Reading a plan file: what cannot be a plan is refused before it is read, what is
not a plan smgov can use is refused with the reason in one line, and the file is
never changed by being read.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

from smgov_tui import __version__
from smgov_tui.core.errors import PlanFileError
from smgov_tui.storage import layout
from smgov_tui.storage.history import History
from smgov_tui.storage.layout import DOC, TABLE_ORDER
from smgov_tui.storage.migrations import SCHEMA_VERSION, migrate

FORMAT = "smgov-plan"
# Far above any real plan (a 10,000-row list is about 2 MB) and far below what
# would make reading a stray file slow or memory-hungry.
MAX_PLAN_BYTES = 32_000_000


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
    if not raw.strip():
        raise PlanFileError(f"{path} is empty: not a smgov plan", damaged=True)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PlanFileError(f"{path} is not a smgov plan: not UTF-8 text", damaged=True) from None
    except json.JSONDecodeError as error:
        raise PlanFileError(f"{path} is not a smgov plan: not valid JSON "
                            f"({error.msg}, line {error.lineno} column {error.colno})", damaged=True) from None
    except RecursionError:
        raise PlanFileError(f"{path} is not a smgov plan: nested too deeply", damaged=True) from None
    check(data, path)
    return data


def check(data: Any, path: Path) -> None:
    """PlanFileError unless these tables are a plan this smgov can read (a History as read is not re-checked)."""
    meta = data.get("meta", {}).get(DOC) if isinstance(data, dict) and isinstance(data.get("meta"), dict) else None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise PlanFileError(f"{path} is JSON but not a smgov plan (no smgov metadata)", damaged=True)
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
        if isinstance(docs, History):
            continue
        if not isinstance(docs, dict):
            return f"{table} is not a table"
        for doc_id, doc in docs.items():
            if not str(doc_id).isdigit() or not isinstance(doc, dict):
                return f"{table} entry {doc_id!r} is not a document"
    plan = data.get("plan", {}).get(DOC, {})
    if not isinstance(plan.get("values", {}), dict) or not isinstance(plan.get("name", ""), str):
        return "the plan document's name or values"
    return None


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


def read_file(path: Path) -> PlanFile:
    raw = read_bytes(path)
    quick = _read_quickly(raw, path)
    if quick:
        return quick
    data = parse_plan(raw, path)
    schema = data["meta"][DOC]["schema"]
    data = migrate(data)
    return PlanFile(raw, schema, {**data, "history": History(data.get("history", {}))})


def _read_quickly(raw: bytes, path: Path) -> PlanFile | None:
    """Parse only the tables above the history, if the history is provably what smgov wrote."""
    found = layout.split(raw)
    if found is None:
        return None
    head, section_at = found
    try:
        data = json.loads(head.decode("utf-8"))
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
        return None  # the full read says why
    last_id = layout.last_id(raw, section_at)
    if last_id < 0:
        return None
    return PlanFile(raw, SCHEMA_VERSION, {**data, "history": History(written=written, last_id=last_id)})
