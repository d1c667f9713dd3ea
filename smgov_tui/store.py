"""The plan file: the only module that touches TinyDB.

One TinyDB JSON file per plan with three tables: `meta` (format marker,
schema version, app version, created), `plan` (the plan's name and its values
keyed by decision id) and `history` (one entry per change: who, when, which
decision, old and new value).

Everything goes through `PlanStorage`, TinyDB's Storage seam: it refuses
files that are not smgov plans, writes atomically (temp file, fsync, rename,
fsync the folder) and batches a change and its history entry into one write.
Files are pretty-printed in a fixed order so a plan kept in git diffs cleanly.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from tinydb.storages import Storage
from tinydb.table import Table

from . import __version__
from .catalogue import CATALOGUE
from .errors import PlanFileError
from .plan import Plan

FORMAT = "smgov-plan"
SCHEMA_VERSION = 1
TABLE_ORDER = ("meta", "plan", "history")
_DOC = "1"  # the single document of the meta and plan tables


def now_utc() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry and no LOGNAME/USER: still record the change
        return "unknown"


def _ordered(data: dict) -> dict:
    """Tables in a fixed order, documents by number, keys sorted, values in catalogue order."""
    position = CATALOGUE.position
    tables = sorted(data, key=lambda t: (TABLE_ORDER.index(t) if t in TABLE_ORDER else len(TABLE_ORDER), t))
    out: dict = {}
    for table in tables:
        docs = data[table]
        out[table] = {}
        for doc_id in sorted(docs, key=lambda d: (not str(d).isdigit(), int(d) if str(d).isdigit() else 0, str(d))):
            doc = {key: docs[doc_id][key] for key in sorted(docs[doc_id])}
            if table == "plan" and isinstance(doc.get("values"), dict):
                values = doc["values"]
                doc["values"] = {key: values[key] for key in sorted(
                    values, key=lambda k: (k not in position, position.get(k, 0), k))}
            out[table][doc_id] = doc
    return out


def serialise(data: dict) -> str:
    return json.dumps(_ordered(data), indent=2, ensure_ascii=False) + "\n"


def read_plan_data(path: Path) -> dict:
    """The file's tables, or PlanFileError saying in one line why it is not a plan we can use."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(f"no plan at {path} (start one with: smgov new {path})") from None
    except IsADirectoryError:
        raise PlanFileError(f"{path} is a folder, not a plan file") from None
    except PermissionError:
        raise PlanFileError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise PlanFileError(f"cannot read {path}: {error.strerror or error}") from None
    if not raw.strip():
        raise PlanFileError(f"{path} is empty: not a smgov plan")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PlanFileError(f"{path} is not a smgov plan: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise PlanFileError(f"{path} is not a smgov plan: not valid JSON "
                            f"({error.msg}, line {error.lineno} column {error.colno})") from None
    meta = data.get("meta", {}).get(_DOC) if isinstance(data, dict) and isinstance(data.get("meta"), dict) else None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise PlanFileError(f"{path} is JSON but not a smgov plan (no smgov metadata)")
    schema = meta.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise PlanFileError(f"{path} has no valid schema version")
    if schema > SCHEMA_VERSION:
        raise PlanFileError(f"{path} was written by a newer smgov (plan schema {schema}; "
                            f"this smgov {__version__} reads schema {SCHEMA_VERSION}): upgrade smgov")
    damage = _damage(data)
    if damage:
        raise PlanFileError(f"{path} is not a smgov plan: its tables are damaged ({damage})")
    return data


def _damage(data: dict) -> str | None:
    """What makes these tables unusable to TinyDB or to smgov, if anything."""
    for table in TABLE_ORDER:
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


def write_atomically(path: Path, text: str, mode: int = 0o600) -> None:
    """Temp file in the same folder, fsync, rename over the plan, fsync the folder.

    A crash or a dropped link leaves either the old file or the new one, whole.
    """
    folder = path.parent
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
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


class PlanStorage(Storage):
    """TinyDB storage for one plan file: validated reads, atomic ordered writes, batching."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self._pending: dict | None = None
        self._batching = False

    def read(self) -> dict | None:
        if self._batching and self._pending is not None:
            return self._pending
        data = read_plan_data(self.path)
        if self._batching:
            self._pending = data
        return data

    def write(self, data: dict) -> None:
        if self._batching:
            self._pending = data
            return
        self._flush(data)

    def _flush(self, data: dict) -> None:
        try:
            mode = self.path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o600
        try:
            write_atomically(self.path, serialise(data), mode)
        except OSError as error:
            raise PlanFileError(f"cannot save {self.path}: {error.strerror or error}; "
                                "the file on disk is unchanged") from None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Reads and writes inside go to memory; one atomic write at the end."""
        self._batching, self._pending = True, None
        try:
            yield
            if self._pending is not None:
                self._flush(self._pending)
        finally:
            self._batching, self._pending = False, None

    def close(self) -> None:
        pass


def _initial_data(name: str, values: dict, source: str | None) -> dict:
    meta = {"format": FORMAT, "schema": SCHEMA_VERSION, "app_version": __version__,
            "created": now_utc()}
    if source:
        meta["source"] = source
    return {"meta": {_DOC: meta}, "plan": {_DOC: {"name": name, "values": values}}, "history": {}}


class PlanStore:
    """A plan file, open for reading and for changes that leave a history."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        read_plan_data(self.path)  # refuse anything that is not a plan before TinyDB sees it
        self._storage = PlanStorage(self.path)

    def _table(self, name: str) -> Table:
        # A fresh Table each time: TinyDB caches the next document id per
        # Table, which would collide with entries another writer appended.
        return Table(self._storage, name)

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

    def _doc(self, table: str) -> dict:
        return dict(self._table(table).get(doc_id=int(_DOC)) or {})

    def meta(self) -> dict:
        return self._doc("meta")

    def load(self) -> Plan:
        doc = self._doc("plan")
        return Plan.from_values(doc.get("name", ""), doc.get("values", {}))

    def history(self) -> list[dict]:
        return [dict(entry) for entry in self._table("history").all()]

    # changing

    def set(self, decision_id: str, value: Any, who: str | None = None) -> dict | None:
        """Store an already-validated value (None clears) with its history entry.

        Returns the history entry, or None when the value was already that.
        """
        with self._storage.batch():
            plan_doc = self._doc("plan")
            values = dict(plan_doc.get("values", {}))
            old = values.get(decision_id)
            if old == value:
                return None
            if value is None:
                values.pop(decision_id, None)
            else:
                values[decision_id] = value
            self._table("plan").update({"values": values}, doc_ids=[int(_DOC)])
            entry = {"who": who or login_name(), "when": now_utc(), "decision": decision_id,
                     "old": old, "new": value}
            self._table("history").insert(entry)
        return entry

