"""PlanStore: a plan file open for reading and for changes that leave a history.

Built on TinyDB's tables of the file (`meta`, `plan`, `history`; plan_storage.py
keeps the guarantees). Every call opens the file afresh, so what it returns is
the file as it is now, whatever another session saved, and no TinyDB query
cache or count of ids outlives the read it came from.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import Query
from tinydb.table import Document, Table

from smgov_tui import __version__
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.errors import ConflictError, PlanFileError
from smgov_tui.core.plan import Plan
from smgov_tui.storage.files import file_warnings, read_only, real_file, remove_stale_temps, write_atomically
from smgov_tui.storage.layout import DOC, UNRESOLVED, serialise, unresolved
from smgov_tui.storage.migrations import SCHEMA_VERSION
from smgov_tui.storage.plan_storage import PlanDB, PlanStorage, change
from smgov_tui.storage.reading import FORMAT

if TYPE_CHECKING:  # loaded by restore() itself: opening a plan never restores one
    from smgov_tui.storage.backup import Restored

_ONLY = int(DOC)  # TinyDB's id of the one document of the meta and plan tables


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


ASKED_ORGANISATION = "organisation"  # kept in `meta.asked` once an older plan was asked whom it is for
UNSET: Any = _Unset()  # `base` not given: write without checking for a conflict


def now_utc() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def login_name() -> str:
    import getpass  # deferred: only writes need it (files.py says why)

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER: still record the change
        return "unknown"


def read_plan(path: str | os.PathLike, raw: bytes | None = None) -> Plan:
    """The plan in a file, from a single read: what a command that only reads
    needs (`smgov check`), rather than a PlanStore, which reads the file to open it.
    `raw`: its bytes, read already (kept.py looked an answer up by them).

    Through TinyDB like every read: importing it is 1.9 ms of `smgov check`'s
    45 (python -X importtime), and bench/cli.py's reference imports it too."""
    db = PlanDB(path, raw=raw)
    tables = db.storage.read()  # one read for both tables
    doc = tables.get("plan", {}).get(DOC) or {}
    plan = Plan.from_values(doc.get("name", ""), doc.get("values", {}))
    plan.merges = {mark["decision"]: (mark.get("ours"), mark.get("theirs"))
                   for mark in unresolved(tables["meta"].get(DOC) or {})}
    return plan


def read_revision(path: str | os.PathLike) -> int | None:
    """The plan file's write count (meta `revision`), for a printed document's header."""
    revision = (PlanDB(path).table("meta").get(doc_id=_ONLY) or {}).get("revision")
    return revision if type(revision) is int and revision >= 0 else None


def _initial_data(name: str, values: dict, source: str | None) -> dict:
    meta = {"format": FORMAT, "schema": SCHEMA_VERSION, "revision": 0, "app_version": __version__,
            "created": now_utc()}
    if source:
        meta["source"] = source
    return {"meta": {DOC: meta}, "plan": {DOC: {"name": name, "values": values}}, "history": {}}


class PlanStore:
    """A plan file, open for reading and for changes that leave a history.

    Every read is from the file as it is now: another session may have saved since.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)  # as the person named it, to show
        self.file = real_file(self.path)  # what is read and written: through a link, resolved once
        self._backup_error: str | None = None
        PlanStorage(self.file).read()  # refuse anything that is not a plan before going further

    @classmethod
    def create(cls, path: str | os.PathLike, name: str, values: dict | None = None,
               source: str | None = None) -> PlanStore:
        """A new plan file; refuses to touch a path that exists (a link too, even one leading
        nowhere). Written whole to a temp file, then linked to its name: a kill at any
        moment leaves no plan or a whole one, never an empty file that blocks the name."""
        path = Path(path)
        exists = cls.refuse_to_create(path)
        text = serialise(_initial_data(name, dict(values or {}), source))
        remove_stale_temps(path)  # of a `new` killed midway
        try:
            write_atomically(path, text, 0o600, overwrite=False)
        except FileExistsError:
            raise PlanFileError(exists) from None
        except OSError as error:
            raise PlanFileError(f"cannot create {path}: {error.strerror or error}") from None
        return cls(path)

    @staticmethod
    def refuse_to_create(path: Path) -> str:
        """PlanFileError if a plan cannot be made at `path`, said before asking how to
        start one; else what to say should the file appear meanwhile."""
        exists = f"{path} already exists; smgov new never overwrites a file"
        if path.is_symlink():
            raise PlanFileError(f"{exists} (it is a symbolic link)")
        if path.exists():
            raise PlanFileError(exists)
        if not path.parent.is_dir():
            raise PlanFileError(f"cannot create {path}: folder {path.parent} does not exist")
        return exists

    # reading

    def meta(self) -> dict:
        return dict(PlanDB(self.file).table("meta").get(doc_id=_ONLY))

    def load(self) -> Plan:
        return read_plan(self.file)

    def history(self) -> list[dict]:
        """Every change, in the order they were made."""
        # all(), not the table itself: sorted() would ask the table's length first, a second read
        return sorted(PlanDB(self.file).table("history").all(), key=lambda entry: entry.doc_id)

    def stamp(self) -> tuple:
        """Changes whenever the file is replaced (by any session): cheap enough to poll."""
        try:
            info = os.stat(self.file)
        except OSError:
            return ()
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def needs_upgrade(self) -> bool:
        """True when the file on disk is from an older schema (it is migrated in memory meanwhile)."""
        storage = PlanStorage(self.file)
        storage.read()
        return storage.file_schema < SCHEMA_VERSION

    def warnings(self, editing: bool = False) -> list[str]:
        """Things about the file its owner should fix; none of them stops smgov. `editing`
        (a workbench or plain mode opening it): a plan it may not write, said now, not at
        the first save."""
        refusal = read_only(self.file) if editing else None
        return (file_warnings(self.file) + ([self._backup_error] if self._backup_error else [])
                + ([f"{self.path}: {refusal}; until then nothing you change can be saved"] if refusal else []))

    # changing

    def set(self, decision_id: str, value: Any, who: str | None = None, base: Any = UNSET,
            force: bool = False, undoes: int | None = None) -> dict | None:
        """Store an already-validated value (None clears) with its history entry, in one save.

        `base` is the value this session last loaded or saved for the decision
        (None: undecided). If the file now holds something else, another session
        changed it meanwhile: ConflictError, nothing written, unless `force`.
        `undoes`: the number of the history entry this change reverts (the undo
        key), kept in the entry; a reader that does not know the field ignores it.
        Returns the history entry, or None when the value was already that.
        """
        with change(self.file) as db:
            plan = db.table("plan")
            plan_doc = plan.get(doc_id=_ONLY) or {}
            values = dict(plan_doc.get("values", {}))
            old = values.get(decision_id)
            _choose_merged(db.table("meta"), decision_id)
            if old == value:
                return None
            if base is not UNSET and not force and old != base and not _loaded_as(
                    plan_doc, values, decision_id, base):
                raise _conflict(db.table("history"), decision_id, value, old)
            if value is None:
                values.pop(decision_id, None)
            else:
                values[decision_id] = value
            plan.upsert(Document({**plan_doc, "values": values}, doc_id=_ONLY))
            entry = {"decision": decision_id, "new": value, "old": old, "when": now_utc(),
                     "who": who or login_name()}
            if undoes is not None:
                entry["undoes"] = undoes
            db.table("history").insert(entry)
        self._backup_error = db.storage.backup_error
        return entry

    def asked(self) -> tuple[str, ...]:
        """What the plan's person was asked once already (`note_asked`)."""
        asked = self.meta().get("asked")
        return tuple(a for a in asked if isinstance(a, str)) if isinstance(asked, list) else ()

    def ask_once(self, what: str) -> bool:
        """True the first time the plan's person is to be asked `what`, which is kept
        (`note_asked`); False ever after. A plan it may not write is asked each time."""
        if what in self.asked():
            return False
        try:
            self.note_asked(what)
        except PlanFileError:
            pass
        return True

    def note_asked(self, what: str) -> None:
        """Keep in the metadata that the person was asked `what` (an older plan's
        organisation), so the next opening does not ask again. Not a decision: no
        history entry, and another session's values are left as they are."""
        with change(self.file) as db:
            meta = db.table("meta")
            doc = dict(meta.get(doc_id=_ONLY) or {})
            asked = list(doc.get("asked")) if isinstance(doc.get("asked"), list) else []
            if what in asked:
                return
            meta.upsert(Document({**doc, "asked": [*asked, what]}, doc_id=_ONLY))
        self._backup_error = db.storage.backup_error

    def upgrade(self) -> bool:
        """Save the plan in the current schema now (keeping the original file); True if it was older."""
        with change(self.file) as db:
            tables = db.storage.read()
            if db.storage.file_schema >= SCHEMA_VERSION:
                return False
            db.storage.write(tables)
        self._backup_error = db.storage.backup_error
        return True

    def restore(self) -> Restored:
        """Bring back the last version smgov saved (see backup.restore)."""
        from smgov_tui.storage.backup import restore

        return restore(self.file)


def _choose_merged(meta: Table, decision_id: str) -> None:
    """A decision a git merge left unresolved (storage/merge.py) is chosen by being set, even
    to the value it holds: its mark goes, in the same save."""
    doc = meta.get(doc_id=_ONLY) or {}
    marks = doc.get(UNRESOLVED)
    if not isinstance(marks, list) or not any(m.get("decision") == decision_id for m in unresolved(doc)):
        return
    from tinydb.operations import delete  # deferred: only a merged plan needs it

    left = [m for m in marks if not (isinstance(m, dict) and m.get("decision") == decision_id)]
    meta.update({UNRESOLVED: left} if left else delete(UNRESOLVED), doc_ids=[_ONLY])


def _conflict(history: Table, decision_id: str, mine: Any, theirs: Any) -> ConflictError:
    """The error for a decision another session changed: who changed it last, and when."""
    last = max(history.search(Query().decision == decision_id), key=lambda entry: entry.doc_id, default={})
    label = CATALOGUE.get(decision_id).label if decision_id in CATALOGUE else decision_id
    return ConflictError(decision_id, mine, theirs, who=last.get("who"), when=last.get("when"), label=label)


def _loaded_as(plan_doc: dict, values: dict, decision_id: str, base: Any) -> bool:
    """The file's value as a session would have loaded it (checked, normalised) equals `base`."""
    loaded = Plan.from_values(plan_doc.get("name", ""), values)
    return {**loaded.unknown, **loaded.values}.get(decision_id) == base
