"""The plan file as TinyDB sees it: `TinyDB(path, storage=PlanStorage)`.

TinyDB reads and writes a database through a Storage's two methods, so smgov's
guarantees are kept behind them, and a tool that opens a plan with TinyDB keeps
them too:
- read() is the file as it is on disk now, refused with the reason unless it
  is a plan this smgov reads (reading.py), migrated in memory to the current
  schema (migrations.py), its history parsed only if a query reads it
  (history.py);
- a plan named through a symbolic link is the file the link leads to, resolved
  when the storage is made: its lock, temp files and backup are beside that
  file, and a save replaces it, leaving the link a link (files.real_file);
- write() refuses a plan its user may not write (a read-only file, someone
  else's: files.read_only), then takes the plan's lock and refuses, writing
  nothing, if the file changed since this storage read it or the tables are
  not a plan; it lays the
  tables out diff-stable (layout.py), copying the history's bytes, replaces the
  file atomically (files.py), refreshes `<plan>.bak` and, before the first save
  in a newer schema, keeps the file as `<plan>.v<n>.bak` (backup.py).

PlanDB is TinyDB as smgov opens a plan: on PlanStorage, its tables keeping no
query cache (TinyDB's Table keeps a search's results until it writes, blind to
another session's saves), its history one an insert appends to rather than
rebuilds.
`change` turns a change made of several table operations into one save under
the lock (a value and its history entry, or neither).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from smgov_tui.core.errors import PlanFileError
from smgov_tui.storage.files import distrust_at, locked, read_only, real_file, remove_stale_temps, write_atomically
from smgov_tui.storage.history import History, section_of
from smgov_tui.storage.layout import DOC, render
from smgov_tui.storage.migrations import SCHEMA_VERSION
from smgov_tui.storage.reading import (
    MAX_PLAN_BYTES,
    PlanFile,
    check,
    megabytes,
    read_file,
)


class PlanStorage(Storage):
    """A plan file, read and written whole by TinyDB (see the module docstring)."""

    def __init__(self, path: str | os.PathLike, raw: bytes | None = None) -> None:
        self.path = real_file(Path(path))  # through a link, the real file (files.real_file says why)
        self._raw = raw  # the file's bytes, read already: the first read parses them
        self.file_schema: int | None = None  # the schema the file is written in, as last read
        self.backup_error: str | None = None  # why the last save could not refresh the backup
        self._file: PlanFile | None = None  # read since the last save: what a write replaces
        self._holding = False

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the plan's lock across this storage's reads and writes (re-entrant): a
        change read and saved inside it cannot lose what another session saves."""
        if self._holding:
            yield
            return
        refusal = read_only(self.path)
        if refusal:
            raise PlanFileError(f"cannot save {self.path}: {refusal}; the file on disk is unchanged")
        with locked(self.path):
            self._holding, self._file = True, None  # what was read before the lock may be stale
            try:
                yield
            finally:
                self._holding = False

    def read(self) -> dict:
        self._file = read_file(self.path, self._raw)
        self._raw = None
        self.file_schema = self._file.schema
        return self._file.tables

    def write(self, data: dict) -> None:
        read_before = self._file
        with self.locked():
            if self._file is None:  # not read under this hold of the lock: read it, compare
                self._file = read_file(self.path)
                if read_before is not None and self._file.raw != read_before.raw:
                    raise PlanFileError(f"cannot save {self.path}: another session saved it since it was read; "
                                        "the file on disk is unchanged (read it again and repeat the change)")
            self.backup_error = self._save(self._file, data)
            self._file = None  # the file is what was just written: a next write reads it first

    def _save(self, file: PlanFile, tables: dict) -> str | None:
        """Replace the plan with `tables`, its revision counted up; a warning if only the backup failed."""
        try:
            check(tables, self.path)
        except PlanFileError as error:
            raise PlanFileError(f"cannot save {self.path}: the tables to save are not a plan smgov can read "
                                f"({error}); the file on disk is unchanged") from None
        meta = dict(tables["meta"][DOC])
        revision = meta.get("revision")
        meta["revision"] = (revision if type(revision) is int and revision >= 0 else 0) + 1
        head = {name: table for name, table in tables.items() if name != "history"}
        head["meta"] = {**tables["meta"], DOC: meta}
        parts = render(head, section_of(tables.get("history", {})))
        size = sum(len(part) for part in parts)
        if size > MAX_PLAN_BYTES:
            raise PlanFileError(f"cannot save {self.path}: the plan would be {megabytes(size)}, over "
                                f"the {megabytes(MAX_PLAN_BYTES)} a plan may be; the file on disk is unchanged")
        try:
            mode = stat.S_IMODE(os.stat(self.path).st_mode)
        except OSError:
            mode = 0o600
        from smgov_tui.storage.backup import backup_path, keep_original  # deferred: a plan is opened before any save

        backup = backup_path(self.path)
        remove_stale_temps(self.path, backup)
        try:
            if file.schema < SCHEMA_VERSION:
                keep_original(self.path, file.schema, file.raw)
            write_atomically(self.path, parts, mode)
        except OSError as error:
            raise PlanFileError(f"cannot save {self.path}: {error.strerror or error}; "
                                "the file on disk is unchanged") from None
        try:  # the plan is safe; the backup is a second copy, its failure is only a warning
            write_atomically(backup, parts, 0o600, durable=False)
        except OSError as error:
            why = distrust_at(backup)  # never read: someone else's name, or a link, is only refused
            if why:
                return f"could not update the backup {backup}: it {why}; smgov restore will not use it"
            return f"could not update the backup {backup}: {error.strerror or error}"
        return None


class PlanTable(Table):
    """TinyDB's table, but every search reads the file as it is now: no query cache
    (another session may have saved since); and an entry inserted into the history is
    appended to the history as read, unparsed (History), where TinyDB would parse and
    rebuild the whole table."""

    def __init__(self, storage: Storage, name: str, cache_size: int = 0, persist_empty: bool = False) -> None:
        super().__init__(storage, name, cache_size, persist_empty)

    def insert(self, document: Mapping) -> int:
        if self.name != "history" or not isinstance(document, Mapping) or isinstance(document, Document):
            return super().insert(document)
        tables = self.storage.read()
        history = tables.get(self.name)
        if not isinstance(history, History):  # rebuilt by an earlier operation of this change
            return super().insert(document)
        doc_id = history.append(dict(document))
        self.storage.write(tables)
        self.clear_cache()
        self._next_id = None  # TinyDB's own count of ids no longer holds
        return doc_id


class PlanDB(TinyDB):
    """TinyDB as smgov opens a plan: `PlanDB(path)`."""

    default_storage_class = PlanStorage
    table_class = PlanTable


@contextmanager
def change(path: Path) -> Iterator[PlanDB]:
    """The plan open for one change: its reads come from one read of the file, its writes
    are kept (TinyDB's CachingMiddleware) and saved once when the change ends, and the
    plan's lock is held throughout. An error inside the change saves nothing."""
    from tinydb.middlewares import CachingMiddleware  # deferred: only changes need it

    db = PlanDB(path, storage=CachingMiddleware(PlanStorage))
    with db.storage.locked():
        yield db
        db.storage.flush()
