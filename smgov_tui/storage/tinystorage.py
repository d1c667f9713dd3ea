"""TinyDB's view of a plan file, for tools that want TinyDB's queries:

    from tinydb import TinyDB, Query
    from smgov_tui.storage.tinystorage import PlanStorage
    db = TinyDB("plan.json", storage=PlanStorage)
    db.table("history").search(Query().decision == "response.tone")

Reads are validated and migrated as smgov's own; each write replaces the file
under the plan's lock, as a save does. Apart from store.py so that smgov itself,
which reads and writes the JSON directly, never imports TinyDB (200 kB and a
millisecond and a half of the workbench's start, bench/tui.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from tinydb.storages import Storage

from smgov_tui.storage.store import _File, _read, _save, locked


class PlanStorage(Storage):
    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    def read(self) -> dict | None:
        file = _read(self.path)
        return {**file.data, "history": file.history()}

    def write(self, data: dict) -> None:
        with locked(self.path):
            file = _read(self.path)
            _save(self.path, file, _File(file.raw, file.schema, data, None).render())

    def close(self) -> None:
        pass
