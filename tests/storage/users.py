"""Two people on one machine, for the tests of the files smgov trusts only when they are
its user's own (test_trust.py, tests/cli/test_export_files.py).

Each case runs as the person running the tests (root in CI) and as an
unprivileged user, `smgov-tester` (.ci/run creates it), each in a child process
forked from the test (modules already imported, so a run costs milliseconds),
the unprivileged one with its uid, gid and groups switched. "Someone else" is
the other one of the two: root can give a file any owner, so cases that need
another user's file run only as root (skipped otherwise, saying why).

An unprivileged child cannot enter the tests' own folders (pytest makes them
0700, root's): `shared_folder` is a folder like /tmp (mode 1777, sticky), made
in the system's temp folder for the test and removed after it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import stat
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import Result

from smgov_tui.cli import main

TESTER = "smgov-tester"
CHILD_TIMEOUT = 60.0  # only turns a hang into a failure


@dataclass(frozen=True)
class Person:
    name: str
    uid: int
    gid: int

    def __str__(self) -> str:
        return self.name


def runner() -> Person:
    """Whoever runs the tests."""
    entry = pwd.getpwuid(os.geteuid())
    return Person(entry.pw_name, entry.pw_uid, entry.pw_gid)


def tester() -> Person:
    if os.geteuid() != 0:
        pytest.skip(f"running as {TESTER} needs the tests to run as root (CI does: .ci/run)")
    try:
        entry = pwd.getpwnam(TESTER)
    except KeyError:
        pytest.fail(f"there is no user {TESTER}: .ci/run creates it "
                    f"(useradd --system --no-create-home {TESTER}); run that as root")
    return Person(entry.pw_name, entry.pw_uid, entry.pw_gid)


PEOPLE = {"runner": runner, "unprivileged": tester}


@pytest.fixture(params=list(PEOPLE))
def person(request) -> Person:
    """The person smgov runs as: each case once as the runner (root in CI), once as smgov-tester."""
    return PEOPLE[request.param]()


@pytest.fixture
def someone_else(person) -> Person:
    """The other one of the two, whose files are not the person's own."""
    if os.geteuid() != 0:
        pytest.skip("giving a file another user's ownership needs root (CI runs the tests as root)")
    return tester() if person.uid == 0 else runner()


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder everyone may write, sticky, like /tmp; removed after the test."""
    folder = Path(tempfile.mkdtemp(prefix="smgov-shared-"))
    os.chmod(folder, 0o1777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def give(path: Path, person: Person) -> Path:
    """The file (or link, itself) now belongs to `person`."""
    os.lchown(path, person.uid, person.gid)
    return path


def start_as(person: Person, function: Callable, *args, cwd: Path | None = None, out: int | None = None,
             err: int | None = None, go: int | None = None) -> int:
    """A child process running `function(*args)` as `person`, its return value (or
    SystemExit code) the exit code; its pid. `out` and `err`: file descriptors for
    what it prints; `go`: one it reads a byte from before it starts work."""
    pid = os.fork()
    if pid:
        return pid
    code = 70  # the child, from here on: never returns into pytest
    try:
        for fd, stream in ((out, 1), (err, 2)):
            if fd is not None:
                os.dup2(fd, stream)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
        if person.uid != os.geteuid():
            os.setgroups([])
            os.setgid(person.gid)
            os.setuid(person.uid)
        if cwd is not None:
            os.chdir(cwd)
        if go is not None:
            os.read(go, 1)
        try:
            code = function(*args)
        except SystemExit as exit_:
            code = exit_.code
        code = code if isinstance(code, int) else 0 if code is None else 1
    except BaseException:
        traceback.print_exc()
        code = 70
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def run_as(person: Person, function: Callable, *args, cwd: Path | None = None,
           before: Callable[[int], None] | None = None) -> Result:
    """`function(*args)` in a child process as `person`, to its end: its exit code and
    what it printed. `before(pid)` runs in the test, with the child waiting, before
    the child starts work."""
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    go_read, go_write = os.pipe()
    pid = start_as(person, function, *args, cwd=cwd, out=out.fileno(), err=err.fileno(), go=go_read)
    os.close(go_read)
    try:
        if before is not None:
            before(pid)
    finally:
        os.write(go_write, b"g")
        os.close(go_write)
    code = _wait(pid)
    out.seek(0)
    err.seek(0)
    return Result(code, out.read().decode(), err.read().decode())


def _wait(pid: int) -> int:
    deadline = time.monotonic() + CHILD_TIMEOUT
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"the child process did not end within {CHILD_TIMEOUT:.0f} s")
        time.sleep(0.002)


def smgov_as(person: Person, *args, cwd: Path | None = None) -> Result:
    """`smgov ARGS...` as `person`, through the command line's own entry point."""
    return run_as(person, main, [str(arg) for arg in args], cwd=cwd)


def listing(folder: Path) -> dict[str, tuple]:
    """Every name in the folder with what it is: kind, owner, mode, and its bytes (a
    regular file) or where it leads (a link). Anything smgov changes shows."""
    seen = {}
    for path in sorted(folder.iterdir()):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            content = path.read_bytes()
        elif stat.S_ISLNK(info.st_mode):
            content = os.readlink(path)
        else:
            content = None
        seen[path.name] = (stat.S_IFMT(info.st_mode), info.st_uid, stat.S_IMODE(info.st_mode), info.st_ino,
                           content)
    return seen
