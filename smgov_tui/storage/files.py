"""Files written whole or not at all, the lock every session writing a plan shares, and
which of the files smgov keeps for itself it may trust.

Beside a plan smgov keeps a backup, a lock and temp files, and in the cache
folder its parsed styles: in a folder others can write (a shared /tmp-like
folder), any of those names may have been made by someone else first, as a
symbolic link to another file, a pipe, or their own copy. So smgov never
follows a link when it opens one of them, reads or trusts one only if it is a
regular file of this user's that no one else can write (`open_own`), and
creates its temp files anew (O_EXCL, O_NOFOLLOW).

What only a write or a warning needs (fcntl, tempfile, shlex) is imported where
it is used: `smgov check` only reads, and a reviewer waits for it (bench/cli.py).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from smgov_tui.core.errors import PlanFileError

LOCK_WAIT_SECONDS = 10.0

# Opening a file smgov keeps for itself: never through a symbolic link, never
# waiting on a pipe, never handed to a program it starts.
_OWN = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC

_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def kind(mode: int) -> str:
    """What a file that is not a regular one is, in words."""
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


class Untrusted(Exception):
    """A file smgov keeps for itself that it will not use: `reason` says why, in words
    that follow its name ("belongs to another user (uid 1001)")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def refusal(self, doing: str, path: Path, its: str) -> PlanFileError:
        """The one line saying so: "cannot restore plan.json: its backup plan.json.bak ..."."""
        return PlanFileError(f"cannot {doing} {path}: its {its} {self.reason}; not trusted, left as it is")


def distrust(info: os.stat_result) -> str | None:
    """Why a file with this status is not smgov's own, or None: only a regular file
    of this user's that neither its group nor others can write is."""
    if not stat.S_ISREG(info.st_mode):
        return f"is {kind(info.st_mode)}, not a regular file"
    if info.st_uid != os.geteuid():
        return f"belongs to another user (uid {info.st_uid})"
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o022:
        return f"is writable by {'other users' if mode & 0o002 else 'its group'} (mode {mode:04o})"
    return None


def open_own(path: Path, write: bool = False, create: bool = False) -> int:
    """A file descriptor on one of smgov's own files (a backup, the lock, a cache):
    opened without following a link, then checked (`distrust`) on what was opened.
    `create` makes it (0600) if the name is free, never through a link.
    Untrusted if it is not smgov's own; FileNotFoundError if it is not there."""
    flags = (os.O_RDWR if write else os.O_RDONLY) | _OWN
    while True:
        try:
            fd = os.open(path, flags)
            break
        except FileNotFoundError:
            if not create:
                raise
            try:
                fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o600)
                break
            except FileExistsError:  # made meanwhile (or a link that points nowhere): open what is there
                continue
        except OSError as error:
            # ELOOP: a link where smgov's file should be. EACCES: someone else's file.
            reason = "is a symbolic link" if error.errno == errno.ELOOP else distrust_at(path)
            if reason:
                raise Untrusted(reason) from None
            raise
    reason = distrust(os.fstat(fd))
    if reason:
        os.close(fd)
        raise Untrusted(reason)
    return fd


def distrust_at(path: Path) -> str | None:
    """`distrust` of whatever is at `path` now, the name itself (a link is not followed)."""
    try:
        return distrust(os.lstat(path))
    except OSError:
        return None


def read_only(path: Path) -> str | None:
    """Why this user may not change the file at `path`, or None (also when it is not there).

    By the mode bits, not os.access: root may write anything, and a rename over
    the file ignores its mode anyway, yet a plan chmodded read-only, or another
    user's, is someone's decision that a save must not undo."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    mode = stat.S_IMODE(info.st_mode)
    if info.st_uid == os.geteuid():
        if mode & stat.S_IWUSR:
            return None
        from shlex import quote  # deferred: only a refusal needs it

        return f"it is read-only (mode {mode:04o}); chmod u+w {quote(str(path))} to edit it"
    groups = {os.getegid(), *os.getgroups()}
    if mode & (stat.S_IWGRP if info.st_gid in groups else stat.S_IWOTH):
        return None
    return f"it is read-only to you (mode {mode:04o}, owned by uid {info.st_uid})"


def real_file(path: Path) -> Path:
    """The file a plan's name stands for: the name itself, or, if it is a symbolic
    link, the file the link leads to, resolved once, so that the lock, temp files
    and backups are made beside the real file, one lock serves both names, and a
    save replaces the real file and leaves the link a link. A link that leads
    nowhere (or round in a loop) is refused: smgov never creates a file through one."""
    if not os.path.islink(path):
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError as error:
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        why = "which does not exist" if isinstance(error, FileNotFoundError) else (error.strerror or str(error))
        raise PlanFileError(f"{path} is a symbolic link to {target}, {why}; smgov opens a plan through a link "
                            "only to an existing file") from None


def write_atomically(path: Path, text: str | bytes | list, mode: int = 0o600, durable: bool = True,
                     overwrite: bool = True) -> None:
    """Temp file in the same folder, fsync, rename over the target, fsync the folder.

    `text` may be a list of buffers (layout.Parts), written one after the other.

    A crash or a dropped link leaves either the old file or the new one, whole.
    Without `overwrite` the whole temp file is linked to the name instead, which
    fails (FileExistsError) if the name is taken by anything, even a link: a new
    file appears whole or not at all. The temp file is locked while it is written,
    so that `remove_stale_temps` tells a live writer's from a killed one's.
    """
    import fcntl  # deferred: only writes need it
    import tempfile

    folder = path.parent
    parts = [text.encode("utf-8")] if isinstance(text, str) else [text] if isinstance(text, bytes) else text
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")  # O_EXCL, O_NOFOLLOW
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            for part in parts:
                view = memoryview(part)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            if durable:
                os.fsync(fd)
            os.fchmod(fd, mode)
            if overwrite:
                os.replace(temp, path)
            else:
                os.link(temp, path)
                os.unlink(temp)
        finally:
            os.close(fd)
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


def temp_names(*targets: Path) -> re.Pattern:
    """The names of write_atomically's temp files for these files (tempfile's eight characters)."""
    names = {re.escape(f".{target.name}.") for target in targets}
    return re.compile(f"^(?:{'|'.join(names)})[a-z0-9_]{{8}}\\.tmp$")


def remove_stale_temps(*targets: Path) -> None:
    """Temp files of these files (write_atomically's) left by a write that was killed midway.

    Only this user's, and only those no live writer holds locked: a killed
    process holds no lock, so a temp file another session is writing right now
    is left to it.
    """
    import fcntl  # deferred: only writes need it

    stale = temp_names(*targets)
    try:
        with os.scandir(targets[0].parent) as entries:
            for entry in entries:
                if not (entry.name.endswith(".tmp") and stale.match(entry.name)):
                    continue
                try:
                    fd = open_own(Path(entry.path))
                except (OSError, Untrusted):
                    continue
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    os.unlink(entry.path)
                except OSError:
                    pass
                finally:
                    os.close(fd)
    except OSError:
        pass


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS, doing: str = "save") -> Iterator[None]:
    """An exclusive lock shared by every smgov session writing this plan.

    Held for the few milliseconds of a read-change-write; a session stuck
    holding it (stopped with ctrl+z mid-save) makes others give up after `wait`
    seconds with a clear message rather than hang. A lock file that is not this
    user's own (`open_own`: a link, someone else's, writable by others) is
    refused at once: another user holding it open would block every save.
    """
    import fcntl  # deferred: only writes need it

    target = lock_path(path)
    try:
        fd = open_own(target, write=True, create=True)
    except Untrusted as error:
        raise error.refusal(doing, path, f"lock file {target.name}") from None
    except OSError as error:
        raise PlanFileError(f"cannot {doing} {path}: cannot create its lock file {target}: "
                            f"{error.strerror or error}; the file on disk is unchanged") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PlanFileError(f"cannot {doing} {path}: another smgov session has held it locked for "
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
