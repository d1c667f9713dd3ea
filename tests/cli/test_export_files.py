"""`smgov export -o FILE` writes only a regular file, never one smgov keeps beside the
plan, and leaves no temp file behind a killed run.

Issue 13, point 6: `-o` replaced a pipe or a device node with a regular file (as
root, `-o /dev/null` would have replaced the system's), overwrote the plan's own
backup or lock file when named, and a killed export left its temp file for good.
Every case runs as the runner (root in CI) and as an unprivileged user
(tests/storage/users.py), in a shared sticky folder.
"""

from __future__ import annotations

import fcntl
import os
import socket
import stat

import pytest
from storage.users import give, listing, person, shared_folder, smgov_as  # noqa: F401

HINT = "choose another file (or -o - for standard output)"


def plan_in(folder, person):
    """A plan the person made and saved once: it has its backup and its lock beside it."""
    path = folder / "plan.json"
    assert smgov_as(person, "new", path, "--sample", "county").code == 0
    assert smgov_as(person, "set", path, "objectives.frequency", "daily").code == 0
    return path


def _fifo(path):
    os.mkfifo(path, 0o600)


def _device(path):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (CI runs the tests as root)")
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is


def _socket(path):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _link_to_fifo(path):
    _fifo(path.with_name("pipe"))
    path.symlink_to("pipe")


NOT_REGULAR = {
    "a FIFO": (_fifo, "a named pipe (FIFO)"),
    "a device": (_device, "a character device"),
    "a socket": (_socket, "a socket"),
    "a link to a FIFO": (_link_to_fifo, "a symbolic link to a named pipe (FIFO)"),
}


@pytest.mark.parametrize("target_is", NOT_REGULAR)
def test_export_writes_no_pipe_device_or_socket(shared_folder, person, target_is):
    make, what = NOT_REGULAR[target_is]
    plan = plan_in(shared_folder, person)
    target = shared_folder / "out.md"
    make(target)
    give(target, person)
    before = listing(shared_folder)
    result = smgov_as(person, "export", plan, "-o", target)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"smgov: error: export: cannot write {target}: it is {what}, not a regular file; {HINT}\n"
    assert listing(shared_folder) == before  # the node as it was, and no temp file beside it


def _name(name):
    return lambda folder: folder / name


def _link(to, hard=False):
    def make(folder):
        target = folder / f"{'hard' if hard else 'soft'}-{to}.md"
        os.link(folder / to, target) if hard else target.symlink_to(to)
        return target
    return make


def _own_file(name):
    def make(folder):
        (folder / name).write_text("kept by smgov")
        os.chmod(folder / name, 0o600)
        return folder / name
    return make


COMPANIONS = {
    "its backup": (_name("plan.json.bak"), "the plan's backup"),
    "its lock file": (_name(".plan.json.lock"), "the plan's lock file"),
    "the copy before an upgrade": (_own_file("plan.json.v1.bak"), "the plan's copy from before a schema upgrade"),
    "a replaced version": (_own_file("plan.json.replaced-20270105T101500Z"),
                           "a version of the plan that restore replaced"),
    "a temp file of a save": (_own_file(".plan.json.k1ll3d_0.tmp"), "a temp file of the plan's saves"),
    "a link to the plan": (_link("plan.json"), "the plan itself"),
    "a hard link to the plan": (_link("plan.json", hard=True), "the plan itself"),
    "a link to its backup": (_link("plan.json.bak"), "the plan's backup"),
    "a hard link to its backup": (_link("plan.json.bak", hard=True), "the plan's backup"),
    "a hard link to its lock": (_link(".plan.json.lock", hard=True), "the plan's lock file"),
}


@pytest.mark.parametrize("target_is", COMPANIONS)
def test_export_never_writes_over_the_plan_or_a_file_kept_beside_it(shared_folder, person, target_is):
    make, what = COMPANIONS[target_is]
    plan = plan_in(shared_folder, person)
    target = make(shared_folder)
    give(target, person)
    before = listing(shared_folder)
    result = smgov_as(person, "export", plan, "-o", target)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"smgov: error: export: {target} is {what}; {HINT}\n"
    assert listing(shared_folder) == before


def test_export_of_a_plan_opened_through_a_link_knows_the_real_plans_files(shared_folder, person):
    plan = plan_in(shared_folder, person)
    link = shared_folder / "linked.json"
    link.symlink_to(plan.name)
    give(link, person)
    before = listing(shared_folder)
    for target, what in ((plan, "the plan itself"), (shared_folder / "plan.json.bak", "the plan's backup")):
        result = smgov_as(person, "export", link, "-o", target)
        assert result.err == f"smgov: error: export: {target} is {what}; {HINT}\n"
    assert listing(shared_folder) == before


def test_the_temp_file_of_a_killed_export_is_cleared_by_the_next_one(shared_folder, person):
    plan = plan_in(shared_folder, person)
    target = shared_folder / "out.md"
    stale = shared_folder / ".out.md.k1ll3d_0.tmp"  # as an export killed midway leaves it
    live = shared_folder / ".out.md.wr1t1ng0.tmp"  # another export's, being written right now
    for temp in (stale, live):
        temp.write_text("# Social media pla")
        os.chmod(temp, 0o600)
        give(temp, person)
    held = os.open(live, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # its writer holds it locked while it writes
    try:
        result = smgov_as(person, "export", plan, "-o", target)
    finally:
        os.close(held)
    assert (result.code, result.err) == (0, "")
    assert target.read_text().startswith("# ") and target.stat().st_uid == person.uid
    assert sorted(p.name for p in shared_folder.iterdir() if p.name.startswith(".out.md.")) == [live.name]
