"""The plan file.

One TinyDB JSON file per plan with three tables: `meta` (format marker,
schema version, write revision, app version, created), `plan` (the plan's name
and its values keyed by decision id) and `history` (one entry per change: who,
when, which decision, old and new value). Tables and keys smgov does not know
are carried through untouched, so an older smgov never drops a newer one's data.

Plans hold weeks of a team's decisions and are edited over flaky links, two
sessions at a time, so every write:
- happens under an exclusive lock on `.<plan>.lock` and starts from the file
  as it is on disk now (another session's changes are kept, never overwritten);
- refuses to overwrite a decision another session changed since this one read
  it (ConflictError), unless told to;
- is atomic (temp file, fsync, rename, fsync the folder): a crash leaves the
  old file or the new one, whole;
- refreshes `<plan>.bak`, a separate copy of what was saved, so a plan broken
  outside smgov (a bad hand edit, a truncated copy) can be restored.

The layout is fixed so a plan kept in git diffs cleanly: tables in order,
values in catalogue order, a list's rows and the history's entries one per
line. History is append-only and is the file's last table: a save parses and
rewrites only the tables above it and copies the history's bytes, checked
against `meta.history_crc32`, so saving stays fast with 10,000 entries. A
history edited by hand fails the check and is parsed and rewritten in full.

What only a write needs (fcntl, tempfile, getpass) is imported where it is
used: `smgov check` only reads, and a reviewer waits for it (bench/cli.py).
smgov reads and writes the JSON itself; tinystorage.py lets tools open the
same file with TinyDB, through these same reads and saves.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import stat
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from smgov_tui import __version__
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.errors import ConflictError, PlanFileError
from smgov_tui.core.plan import Plan

FORMAT = "smgov-plan"
SCHEMA_VERSION = 2
TABLE_ORDER = ("meta", "plan")  # then tables smgov does not know, then history, always last
_DOC = "1"  # the single document of the meta and plan tables
# Far above any real plan (a 10,000-row list is about 2 MB) and far below what
# would make reading a stray file slow or memory-hungry.
MAX_PLAN_BYTES = 32_000_000
LOCK_WAIT_SECONDS = 10.0


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()  # `base` not given: write without checking for a conflict


def now_utc() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def utc_stamp() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def login_name() -> str:
    import getpass  # deferred: only writes need it (see the module docstring)

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER: still record the change
        return "unknown"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


# Layout

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
_TAIL_END = b"\n  }\n}\n"
_EMPTY_TAIL = b'  "history": {}\n}\n'
_TAIL_MARK = b'\n  "history": {'
_LAST_ID = re.compile(rb'^    "(\d+)": \{')


def _table_order(name: str) -> tuple:
    return (TABLE_ORDER.index(name) if name in TABLE_ORDER else len(TABLE_ORDER), name)


def _doc_order(doc_id: Any) -> tuple:
    text = str(doc_id)
    return (not text.isdigit(), int(text) if text.isdigit() else 0, text)


def _ordered_head(data: dict) -> dict:
    """Every table but history: in a fixed order, documents by number, keys sorted, values in catalogue order."""
    position = CATALOGUE.position
    out: dict = {}
    for table in sorted((t for t in data if t != "history"), key=_table_order):
        docs = data[table]
        if not isinstance(docs, dict):  # a table smgov does not know and TinyDB could not read: kept as is
            out[table] = docs
            continue
        out[table] = {}
        for doc_id in sorted(docs, key=_doc_order):
            doc = docs[doc_id]
            if isinstance(doc, dict):
                doc = {key: doc[key] for key in sorted(doc)}
                if table == "plan" and isinstance(doc.get("values"), dict):
                    values = doc["values"]
                    doc["values"] = {key: values[key] for key in sorted(
                        values, key=lambda k: (k not in position, position.get(k, 0), k))}
            out[table][doc_id] = doc
    return out


def _pretty(value: Any, level: int) -> str:
    """Indented JSON, but a list of rows one row per line: a changed row is a one-line diff."""
    pad, close = "  " * (level + 1), "  " * level
    if isinstance(value, dict) and value:
        items = [f"{pad}{_COMPACT(str(key))}: {_pretty(item, level + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + close + "}"
    if isinstance(value, list) and value:
        if all(isinstance(item, dict) for item in value):
            items = [pad + _COMPACT(item) for item in value]
        else:
            items = [pad + _pretty(item, level + 1) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + close + "]"
    return _COMPACT(value)


def history_line(doc_id: Any, entry: Any) -> str:
    """One history entry on one line (JSON escapes every newline inside it)."""
    if isinstance(entry, dict):
        entry = {key: entry[key] for key in sorted(entry)}
    return f"    {_COMPACT(str(doc_id))}: {_COMPACT(entry)}"


# A file is written as a list of buffers: the history's bytes as read are
# passed through, never copied or joined, however long the history grows.
Parts = list


def _tail(lines: list[str]) -> Parts:
    if not lines:
        return [_EMPTY_TAIL]
    return [('  "history": {\n' + ",\n".join(lines)).encode("utf-8") + _TAIL_END]


def _append(tail: Parts, line: str) -> Parts:
    if len(tail) == 1 and tail[0] == _EMPTY_TAIL:
        return _tail([line])
    return [*tail[:-1], memoryview(tail[-1])[:-len(_TAIL_END)], b",\n" + line.encode("utf-8") + _TAIL_END]


def _render(head: dict, tail: Parts) -> Parts:
    """The whole file: the head tables (meta stamped with the tail's checksum), then the history."""
    crc = 0
    for part in tail:
        crc = zlib.crc32(part, crc)
    meta = head.get("meta", {})
    head = _ordered_head({**head, "meta": {**meta, _DOC: {**meta.get(_DOC, {}), "history_crc32": crc}}})
    members = [f"  {_COMPACT(str(name))}: {_pretty(table, 1)}" for name, table in head.items()]
    return [("{\n" + "".join(member + ",\n" for member in members)).encode("utf-8"), *tail]


def serialise(data: dict) -> str:
    """The file smgov writes for these tables."""
    history = data.get("history") or {}
    lines = [history_line(doc_id, history[doc_id]) for doc_id in sorted(history, key=_doc_order)]
    parts = _render({k: v for k, v in data.items() if k != "history"}, _tail(lines))
    return b"".join(parts).decode("utf-8")


# Reading and validating


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
            raise PlanFileError(f"{path} is too large to be a smgov plan ({_megabytes(info.st_size)}; "
                                f"plans are at most {_megabytes(MAX_PLAN_BYTES)}): not opened", damaged=True)
        chunks, total = [], 0
        while True:  # read to the end, but never past the limit (the file may grow meanwhile)
            chunk = os.read(fd, min(1 << 20, MAX_PLAN_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_PLAN_BYTES:
                raise PlanFileError(f"{path} is too large to be a smgov plan "
                                    f"(plans are at most {_megabytes(MAX_PLAN_BYTES)}): not opened", damaged=True)
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
    _check(data, path)
    return data


def _check(data: Any, path: Path) -> None:
    meta = data.get("meta", {}).get(_DOC) if isinstance(data, dict) and isinstance(data.get("meta"), dict) else None
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


def read_plan_data(path: Path) -> dict:
    """The file's tables as written (not migrated), or PlanFileError with the reason."""
    path = Path(path)
    return parse_plan(read_bytes(path), path)


def _damage(data: dict) -> str | None:
    """What makes these tables unusable to TinyDB or to smgov, if anything."""
    for table in (*TABLE_ORDER, "history"):
        docs = data.get(table, {})
        if not isinstance(docs, dict):
            return f"{table} is not a table"
        for doc_id, doc in docs.items():
            if not str(doc_id).isdigit() or not isinstance(doc, dict):
                return f"{table} entry {doc_id!r} is not a document"
    plan = data.get("plan", {}).get(_DOC, {})
    if not isinstance(plan.get("values", {}), dict) or not isinstance(plan.get("name", ""), str):
        return "the plan document's name or values"
    return None


class _File(NamedTuple):
    """A plan file as read: its tables at SCHEMA_VERSION, and how to write it back quickly.

    `tail_at` is where the history section starts in `raw` when its checksum
    proved it is what smgov wrote (then `data` holds no history); otherwise
    None and `data["history"]` holds the parsed entries.
    """

    raw: bytes
    schema: int  # as on disk
    data: dict
    tail_at: int | None

    @property
    def tail(self) -> memoryview:
        return memoryview(self.raw)[self.tail_at:]

    @property
    def meta(self) -> dict:
        return self.data["meta"][_DOC]

    @property
    def plan_doc(self) -> dict:
        return self.data.get("plan", {}).get(_DOC, {})

    def history(self) -> dict:
        if self.tail_at is None:
            return self.data.get("history", {})
        return json.loads(b"{" + self.raw[self.tail_at:])["history"]

    def last_id(self) -> int:
        if self.tail_at is None:
            return max((int(doc_id) for doc_id in self.data.get("history", {})), default=0)
        return _last_id(self.raw, self.tail_at)

    def render(self, new_entry: dict | None = None) -> bytes:
        """The file with its revision counted up and, if given, one more history entry."""
        head = {name: table for name, table in self.data.items() if name != "history"}
        meta = head["meta"][_DOC] = dict(self.meta)
        revision = meta.get("revision")
        meta["revision"] = (revision if type(revision) is int and revision >= 0 else 0) + 1
        if self.tail_at is not None:
            tail: Parts = [self.tail]
        else:
            history = self.data.get("history", {})
            tail = _tail([history_line(doc_id, history[doc_id]) for doc_id in sorted(history, key=_doc_order)])
        if new_entry is not None:
            tail = _append(tail, history_line(self.last_id() + 1, new_entry))
        return _render(head, tail)


def _last_id(raw: bytes, tail_at: int) -> int:
    """The number of the last history entry, from its line (0 for an empty history)."""
    if raw[tail_at:] == _EMPTY_TAIL:
        return 0
    end = len(raw) - len(_TAIL_END)
    start = raw.rfind(b"\n", tail_at, end) + 1
    found = _LAST_ID.match(raw[start:start + 40])
    return int(found[1]) if found else -1


def _read(path: Path) -> _File:
    raw = read_bytes(path)
    quick = _read_quickly(raw, path)
    if quick:
        return quick
    data = parse_plan(raw, path)
    schema = data["meta"][_DOC]["schema"]
    return _File(raw, schema, migrate(data), None)


def _read_quickly(raw: bytes, path: Path) -> _File | None:
    """Parse only the tables above the history, if the history is provably what smgov wrote."""
    at = raw.find(_TAIL_MARK)  # JSON strings hold no raw newline: only smgov's layout puts one here
    if at < 0:
        return None
    head = raw[:at].rstrip()
    if not (raw.endswith(_TAIL_END) or raw[at + 1:] == _EMPTY_TAIL) or not head.endswith(b","):
        return None
    try:
        data = json.loads((head[:-1] + b"\n}").decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or "history" in data:
        return None
    meta = data.get("meta", {}).get(_DOC) if isinstance(data.get("meta"), dict) else None
    if not isinstance(meta, dict) or meta.get("schema") != SCHEMA_VERSION:
        return None
    crc = meta.get("history_crc32")
    if type(crc) is not int or crc != zlib.crc32(memoryview(raw)[at + 1:]):
        return None
    try:
        _check(data, path)
    except PlanFileError:
        return None  # the full read says why
    if _last_id(raw, at + 1) < 0:
        return None
    return _File(raw, SCHEMA_VERSION, data, at + 1)


# Schema migrations: MIGRATIONS[n] turns schema n into schema n + 1.


def _to_2(data: dict) -> dict:
    """Schema 2: meta counts writes (`revision`), so a session can tell the plan changed under it."""
    meta = data["meta"][_DOC]
    meta["revision"] = len(data.get("history", {}))
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _to_2}


def migrate(data: dict) -> dict:
    """The same plan at SCHEMA_VERSION (a new dict when anything changes); keys it does not know are kept."""
    schema = data["meta"][_DOC]["schema"]
    if schema == SCHEMA_VERSION:
        return data
    data = json.loads(json.dumps(data))  # never change the caller's copy
    while schema < SCHEMA_VERSION:
        data = MIGRATIONS[schema](data)
        schema += 1
        data["meta"][_DOC]["schema"] = schema
    return data


# Writing


def write_atomically(path: Path, text: str | bytes | Parts, mode: int = 0o600, durable: bool = True) -> None:
    """Temp file in the same folder, fsync, rename over the target, fsync the folder.

    A crash or a dropped link leaves either the old file or the new one, whole.
    """
    import tempfile  # deferred: only writes need it

    folder = path.parent
    parts = [text.encode("utf-8")] if isinstance(text, str) else [text] if isinstance(text, bytes) else text
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            for part in parts:
                view = memoryview(part)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            if durable:
                os.fsync(fd)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _remove_stale_temps(path: Path) -> None:
    """Temp files of this plan and its backup left by a save that was killed midway.

    Called under the lock, when no other session can be writing one.
    """
    names = {re.escape(f".{target.name}.") for target in (path, backup_path(path))}
    stale = re.compile(f"^(?:{'|'.join(names)})[a-z0-9_]{{8}}\\.tmp$")
    try:
        with os.scandir(path.parent) as entries:
            for entry in entries:
                if entry.name.endswith(".tmp") and stale.match(entry.name):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """An exclusive lock shared by every smgov session writing this plan.

    Held for the few milliseconds of a read-change-write; a session stuck
    holding it (stopped with ctrl+z mid-save) makes others give up after `wait`
    seconds with a clear message rather than hang.
    """
    import fcntl  # deferred: only writes need it

    target = lock_path(path)
    try:
        fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as error:
        raise PlanFileError(f"cannot save {path}: cannot create its lock file {target}: "
                            f"{error.strerror or error}; the file on disk is unchanged") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PlanFileError(f"cannot save {path}: another smgov session has held it locked for "
                                        f"{wait:.0f} s; the file on disk is unchanged") from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # releases the lock


def _save(path: Path, file: _File, text: Parts) -> str | None:
    """Replace the plan with `text` (under the lock); returns a warning if only the backup failed."""
    size = sum(len(part) for part in text)
    if size > MAX_PLAN_BYTES:
        raise PlanFileError(f"cannot save {path}: the plan would be {_megabytes(size)}, over "
                            f"the {_megabytes(MAX_PLAN_BYTES)} a plan may be; the file on disk is unchanged")
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o600
    _remove_stale_temps(path)
    try:
        if file.schema < SCHEMA_VERSION:
            _keep_original(path, file.schema, file.raw)
        write_atomically(path, text, mode)
    except OSError as error:
        raise PlanFileError(f"cannot save {path}: {error.strerror or error}; "
                            "the file on disk is unchanged") from None
    try:  # the plan is safe; the backup is a second copy, its failure is only a warning
        write_atomically(backup_path(path), text, 0o600, durable=False)
    except OSError as error:
        return f"could not update the backup {backup_path(path)}: {error.strerror or error}"
    return None


def _keep_original(path: Path, schema: int, raw: bytes) -> None:
    """Before a plan is first saved in a newer schema, its file as it was: `<plan>.v<schema>.bak`."""
    target = path.with_name(f"{path.name}.v{schema}.bak")
    if target.exists():
        if target.read_bytes() == raw:
            return
        target = path.with_name(f"{path.name}.v{schema}-{utc_stamp()}.bak")
    write_atomically(target, raw, 0o600)


def _initial_data(name: str, values: dict, source: str | None) -> dict:
    meta = {"format": FORMAT, "schema": SCHEMA_VERSION, "revision": 0, "app_version": __version__,
            "created": now_utc()}
    if source:
        meta["source"] = source
    return {"meta": {_DOC: meta}, "plan": {_DOC: {"name": name, "values": values}}, "history": {}}


class Restored(NamedTuple):
    """What `restore` did: the backup it brought back and where the version it replaced went."""

    backup: Path
    replaced: Path | None
    unchanged: bool = False


def restore(path: str | os.PathLike) -> Restored:
    """Bring back `<plan>.bak`, the last version smgov saved, over whatever the plan is now.

    The backup is validated first; the file it replaces (often the damaged
    one) is kept as `<plan>.replaced-<UTC stamp>`, never deleted.
    """
    path = Path(path)
    backup = backup_path(path)
    if not backup.exists():
        raise PlanFileError(f"no backup of {path} to restore ({backup.name} does not exist; "
                            "smgov keeps one from the first change it saves)")
    raw = read_bytes(backup)
    try:
        parse_plan(raw, backup)
    except PlanFileError as error:
        raise PlanFileError(f"the backup cannot be restored: {error}") from None
    if not path.parent.is_dir():
        raise PlanFileError(f"cannot restore {path}: folder {path.parent} does not exist")
    with locked(path):
        if path.is_dir():
            raise PlanFileError(f"cannot restore {path}: it is a folder")
        replaced = None
        if path.exists():
            try:
                if path.is_file() and read_bytes(path) == raw:
                    return Restored(backup, None, unchanged=True)
            except PlanFileError:
                pass
            replaced = path.with_name(f"{path.name}.replaced-{utc_stamp()}")
            try:
                os.link(path, replaced)  # the same bytes under a second name, whatever they are
            except OSError as error:
                raise PlanFileError(f"cannot restore {path}: cannot keep the current file as "
                                    f"{replaced.name}: {error.strerror or error}; nothing changed") from None
        try:
            write_atomically(path, raw, 0o600)
        except OSError as error:
            if replaced:
                replaced.unlink(missing_ok=True)
            raise PlanFileError(f"cannot restore {path}: {error.strerror or error}; nothing changed") from None
        if replaced:
            os.chmod(replaced, 0o600)  # the old inode is no longer the plan: now private
    return Restored(backup, replaced)


def read_plan(path: str | os.PathLike) -> Plan:
    """The plan in a file, from a single read: what a command that only reads
    needs (`smgov check`), rather than a PlanStore, which reads the file to open it."""
    doc = _read(Path(path)).plan_doc
    return Plan.from_values(doc.get("name", ""), doc.get("values", {}))


def file_warnings(path: Path) -> list[str]:
    """Things about the file its owner should fix (who may write it); none of them stops smgov."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return []
    if not mode & 0o022:
        return []
    from shlex import quote  # deferred: only a file others may write needs it

    who = "other users" if mode & 0o002 else "its group"
    return [f"{path} is writable by {who} (mode {mode:04o}): chmod 600 {quote(str(path))}"]


class PlanStore:
    """A plan file, open for reading and for changes that leave a history.

    Every read is from the file as it is now: another session may have saved since.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self._backup_error: str | None = None
        _read(self.path)  # refuse anything that is not a plan before going further

    @classmethod
    def create(cls, path: str | os.PathLike, name: str, values: dict | None = None,
               source: str | None = None) -> PlanStore:
        """A new plan file; refuses to touch a path that exists."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise PlanFileError(f"{path} already exists; smgov new never overwrites a file")
        if not path.parent.is_dir():
            raise PlanFileError(f"cannot create {path}: folder {path.parent} does not exist")
        text = serialise(_initial_data(name, dict(values or {}), source))
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise PlanFileError(f"{path} already exists; smgov new never overwrites a file") from None
        except OSError as error:
            raise PlanFileError(f"cannot create {path}: {error.strerror or error}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            path.unlink(missing_ok=True)
            raise PlanFileError(f"cannot create {path}: {error.strerror or error}") from None
        return cls(path)

    # reading

    def meta(self) -> dict:
        return dict(_read(self.path).meta)

    def load(self) -> Plan:
        return read_plan(self.path)

    def history(self) -> list[dict]:
        history = _read(self.path).history()
        return [dict(history[doc_id]) for doc_id in sorted(history, key=_doc_order)]

    def stamp(self) -> tuple:
        """Changes whenever the file is replaced (by any session): cheap enough to poll."""
        try:
            info = os.stat(self.path)
        except OSError:
            return ()
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def needs_upgrade(self) -> bool:
        """True when the file on disk is from an older schema (it is migrated in memory meanwhile)."""
        return _read(self.path).schema < SCHEMA_VERSION

    def warnings(self) -> list[str]:
        """Things about the file its owner should fix; none of them stops smgov."""
        return file_warnings(self.path) + ([self._backup_error] if self._backup_error else [])

    # changing

    def set(self, decision_id: str, value: Any, who: str | None = None, base: Any = UNSET,
            force: bool = False) -> dict | None:
        """Store an already-validated value (None clears) with its history entry.

        `base` is the value this session last loaded or saved for the decision
        (None: undecided). If the file now holds something else, another session
        changed it meanwhile: ConflictError, nothing written, unless `force`.
        Returns the history entry, or None when the value was already that.
        """
        with locked(self.path):
            file = _read(self.path)
            plan_doc = dict(file.plan_doc)
            values = dict(plan_doc.get("values", {}))
            old = values.get(decision_id)
            if old == value:
                return None
            if base is not UNSET and not force and old != base and not _loaded_as(
                    plan_doc, values, decision_id, base):
                raise self._conflict(file, decision_id, value, old)
            if value is None:
                values.pop(decision_id, None)
            else:
                values[decision_id] = value
            plan_doc["values"] = values
            file.data["plan"] = {**file.data.get("plan", {}), _DOC: plan_doc}
            entry = {"decision": decision_id, "new": value, "old": old, "when": now_utc(),
                     "who": who or login_name()}
            self._backup_error = _save(self.path, file, file.render(entry))
        return entry

    @staticmethod
    def _conflict(file: _File, decision_id: str, mine: Any, theirs: Any) -> ConflictError:
        history = file.history()
        last = next((history[doc_id] for doc_id in sorted(history, key=_doc_order, reverse=True)
                     if history[doc_id].get("decision") == decision_id), {})
        label = CATALOGUE.get(decision_id).label if decision_id in CATALOGUE else decision_id
        return ConflictError(decision_id, mine, theirs, who=last.get("who"), when=last.get("when"),
                             label=label)

    def upgrade(self) -> bool:
        """Save the plan in the current schema now (keeping the original file); True if it was older."""
        with locked(self.path):
            file = _read(self.path)
            if file.schema >= SCHEMA_VERSION:
                return False
            self._backup_error = _save(self.path, file, file.render())
        return True

    def restore(self) -> Restored:
        """Bring back the last version smgov saved (see `restore`)."""
        return restore(self.path)


def _loaded_as(plan_doc: dict, values: dict, decision_id: str, base: Any) -> bool:
    """The file's value as a session would have loaded it (checked, normalised) equals `base`."""
    loaded = Plan.from_values(plan_doc.get("name", ""), values)
    return {**loaded.unknown, **loaded.values}.get(decision_id) == base
