"""Files written whole or not at all, and the lock every session writing a plan shares.

What only a write or a warning needs (fcntl, tempfile, shlex) is imported where
it is used: `smgov check` only reads, and a reviewer waits for it (bench/cli.py).
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from smgov_tui.core.errors import PlanFileError

LOCK_WAIT_SECONDS = 10.0


def write_atomically(path: Path, text: str | bytes | list, mode: int = 0o600, durable: bool = True) -> None:
    """Temp file in the same folder, fsync, rename over the target, fsync the folder.

    `text` may be a list of buffers (layout.Parts), written one after the other.

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


def remove_stale_temps(*targets: Path) -> None:
    """Temp files of these files (write_atomically's) left by a save that was killed midway.

    Called under the plan's lock, when no other session can be writing one.
    """
    names = {re.escape(f".{target.name}.") for target in targets}
    stale = re.compile(f"^(?:{'|'.join(names)})[a-z0-9_]{{8}}\\.tmp$")
    try:
        with os.scandir(targets[0].parent) as entries:
            for entry in entries:
                if entry.name.endswith(".tmp") and stale.match(entry.name):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


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
