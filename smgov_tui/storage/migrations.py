"""Schema migrations: MIGRATIONS[n] turns a plan's tables from schema n into schema n + 1.

A plan is migrated as it is read, in memory; the file keeps its schema until
the next save, which first keeps it as `<plan>.v<n>.bak` (backup.py). Keys and
tables a migration does not know are carried through untouched.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from smgov_tui.storage.layout import DOC

SCHEMA_VERSION = 2


def _to_2(data: dict) -> dict:
    """Schema 2: meta counts writes (`revision`), so a session can tell the plan changed under it."""
    meta = data["meta"][DOC]
    meta["revision"] = len(data.get("history", {}))
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _to_2}


def migrate(data: dict) -> dict:
    """The same plan at SCHEMA_VERSION (a new dict when anything changes); keys it does not know are kept."""
    schema = data["meta"][DOC]["schema"]
    if schema == SCHEMA_VERSION:
        return data
    data = json.loads(json.dumps(data))  # never change the caller's copy
    while schema < SCHEMA_VERSION:
        data = MIGRATIONS[schema](data)
        schema += 1
        data["meta"][DOC]["schema"] = schema
    return data
