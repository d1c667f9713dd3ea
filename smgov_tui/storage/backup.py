"""The copies smgov keeps of a plan, so that a plan broken outside smgov (a bad hand
edit, a truncated copy) or saved in a newer schema can be brought back.

- `<plan>.bak`: what the last save wrote, refreshed by every save;
- `<plan>.v<n>.bak`: the file as it was before its first save in a newer schema;
- `<plan>.replaced-<UTC stamp>`: what `restore` replaced, never deleted.

A copy is read only if it is smgov's own (files.open_own): in a folder others
can write, a `<plan>.bak` someone else made first would otherwise be restored
as the plan, their words in it. Beside these, the plan's lock and temp files
(files.py): none of them may receive an exported document (`unfit_for_output`).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

from smgov_tui.core.errors import PlanFileError
from smgov_tui.storage.files import (
    Untrusted,
    kind,
    lock_path,
    locked,
    open_own,
    read_only,
    real_file,
    temp_names,
    write_atomically,
)
from smgov_tui.storage.reading import MAX_PLAN_BYTES, megabytes, parse_plan, read_bytes


def utc_stamp() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def keep_original(path: Path, schema: int, raw: bytes) -> None:
    """Before a plan is first saved in a newer schema, its file as it was: `<plan>.v<schema>.bak`
    (or, if that name holds something else, or something not smgov's own, a stamped one)."""
    target = path.with_name(f"{path.name}.v{schema}.bak")
    try:
        if _read_own(target) == raw:
            return
        target = path.with_name(f"{path.name}.v{schema}-{utc_stamp()}.bak")
    except FileNotFoundError:
        pass
    except (OSError, Untrusted, PlanFileError):
        target = path.with_name(f"{path.name}.v{schema}-{utc_stamp()}.bak")
    write_atomically(target, raw, 0o600)


def _read_own(path: Path) -> bytes:
    """The bytes of a copy smgov keeps, if it is smgov's own (Untrusted otherwise) and no
    larger than a plan may be."""
    with os.fdopen(open_own(path), "rb") as file:
        raw = file.read(MAX_PLAN_BYTES + 1)
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanFileError(f"{path} is too large to be a smgov plan (over {megabytes(MAX_PLAN_BYTES)})")
    return raw


def read_backup(path: Path) -> tuple[Path, bytes]:
    """`<plan>.bak` of the plan file at `path` (a real file, not a link) and its bytes,
    or PlanFileError saying why it cannot be restored."""
    backup = backup_path(path)
    try:
        return backup, _read_own(backup)
    except FileNotFoundError:
        raise PlanFileError(f"no backup of {path} to restore ({backup.name} does not exist; "
                            "smgov keeps one from the first change it saves)") from None
    except Untrusted as error:
        raise error.refusal("restore", path, f"backup {backup.name}") from None
    except OSError as error:
        raise PlanFileError(f"cannot restore {path}: cannot read its backup {backup.name}: "
                            f"{error.strerror or error}") from None


def usable_backup(path: Path) -> Path | None:
    """`<plan>.bak` if `restore` would bring it back: smgov's own, and a plan this smgov can open.
    What the workbench and the error lines offer, and only then."""
    try:
        backup, raw = read_backup(real_file(Path(path)))
        parse_plan(raw, backup)
    except PlanFileError:
        return None
    return backup


class Restored(NamedTuple):
    """What `restore` did: the backup it brought back and where the version it replaced went."""

    backup: Path
    replaced: Path | None
    unchanged: bool = False


def restore(path: str | os.PathLike) -> Restored:
    """Bring back `<plan>.bak`, the last version smgov saved, over whatever the plan is now.

    The backup is validated first; the file it replaces (often the damaged
    one) is kept as `<plan>.replaced-<UTC stamp>`, never deleted. Through a
    link, into the real file, as a save writes it (its mode kept).
    """
    path = real_file(Path(path))
    backup, raw = read_backup(path)
    try:
        parse_plan(raw, backup)
    except PlanFileError as error:
        raise PlanFileError(f"the backup cannot be restored: {error}") from None
    if not path.parent.is_dir():
        raise PlanFileError(f"cannot restore {path}: folder {path.parent} does not exist")
    refusal = read_only(path)
    if refusal:
        raise PlanFileError(f"cannot restore {path}: {refusal}; nothing changed")
    with locked(path, doing="restore"):
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise PlanFileError(f"cannot restore {path}: it is a folder")
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise PlanFileError(f"cannot restore {path}: it is {kind(info.st_mode)}, not a plan file; "
                                "left as it is")
        replaced = None
        if info is not None:
            try:
                if read_bytes(path) == raw:
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
            write_atomically(path, raw, stat.S_IMODE(info.st_mode) if info else 0o600)
        except OSError as error:
            if replaced:
                replaced.unlink(missing_ok=True)
            raise PlanFileError(f"cannot restore {path}: {error.strerror or error}; nothing changed") from None
        if replaced:
            _make_private(replaced)  # the old inode is no longer the plan
    return Restored(backup, replaced)


def _make_private(path: Path) -> None:
    """chmod 600, never through a link (should one have taken the name meanwhile)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fchmod(fd, 0o600)
    except OSError:
        pass
    finally:
        os.close(fd)


def _companions(plan: Path) -> list[tuple[re.Pattern, str]]:
    """The names of the files smgov keeps beside a plan (as made above and in files.py),
    each with what it is."""
    name = re.escape(plan.name)
    return [(re.compile(f"^{name}$"), "the plan itself"),
            (re.compile(f"^{name}\\.bak$"), "the plan's backup"),
            (re.compile(f"^{re.escape(lock_path(plan).name)}$"), "the plan's lock file"),
            (re.compile(f"^{name}\\.v\\d+(-\\d{{8}}T\\d{{6}}Z)?\\.bak$"),
             "the plan's copy from before a schema upgrade"),
            (re.compile(f"^{name}\\.replaced-"), "a version of the plan that restore replaced"),
            (temp_names(plan, backup_path(plan)), "a temp file of the plan's saves")]


def unfit_for_output(plan: Path, target: Path) -> str | None:
    """Why a document exported from `plan` may not be written at `target`, or None.

    Only a regular file is written (a link to one is replaced, never written
    through): a pipe, a device or a socket would be replaced by a regular file,
    or, as root, `/dev/null` itself. Never the plan or a file smgov keeps beside
    it, by its name or under another one (a link, a hard link)."""
    try:
        info = os.stat(target)  # through a link: what it leads to
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        link = "a symbolic link to " if os.path.islink(target) else ""
        return f"cannot write {target}: it is {link}{kind(info.st_mode)}, not a regular file"
    try:
        plan = real_file(plan)
        same_folder = os.path.samestat(os.stat(target.parent), os.stat(plan.parent))
    except (OSError, PlanFileError):
        return None
    companions = _companions(plan)

    def what(name: str) -> str | None:
        return next((words for pattern, words in companions if pattern.match(name)), None)

    found = what(target.name) if same_folder else None
    if found is None and info is not None:
        try:
            with os.scandir(plan.parent) as entries:
                found = next((what(entry.name) for entry in entries if what(entry.name)
                              and os.path.samestat(entry.stat(follow_symlinks=False), info)), None)
        except OSError:
            pass
    return f"{target} is {found}" if found else None
