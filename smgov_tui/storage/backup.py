"""The copies smgov keeps of a plan, so that a plan broken outside smgov (a bad hand
edit, a truncated copy) or saved in a newer schema can be brought back.

- `<plan>.bak`: what the last save wrote, refreshed by every save;
- `<plan>.v<n>.bak`: the file as it was before its first save in a newer schema;
- `<plan>.replaced-<UTC stamp>`: what `restore` replaced, never deleted.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import NamedTuple

from smgov_tui.core.errors import PlanFileError
from smgov_tui.storage.files import locked, write_atomically
from smgov_tui.storage.reading import parse_plan, read_bytes


def utc_stamp() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def keep_original(path: Path, schema: int, raw: bytes) -> None:
    """Before a plan is first saved in a newer schema, its file as it was: `<plan>.v<schema>.bak`."""
    target = path.with_name(f"{path.name}.v{schema}.bak")
    if target.exists():
        if target.read_bytes() == raw:
            return
        target = path.with_name(f"{path.name}.v{schema}-{utc_stamp()}.bak")
    write_atomically(target, raw, 0o600)


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
