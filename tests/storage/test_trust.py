"""Files smgov keeps for itself are trusted only when they are its user's own.

In a folder others can write (sticky, like /tmp), someone else can make
`plan.json.bak`, `.plan.json.lock`, a cache file or a temp name first: as their
own file, as a link to the user's file, or as a pipe. smgov reads or restores
none of them, follows no link to one, and says why in one line; a plan reached
through a link is saved into its real file, and a plan its user may not write
is not rewritten. Every case runs as the runner (root in CI) and as an
unprivileged user (users.py); "someone else" is the other of the two.
"""

from __future__ import annotations

import fcntl
import json
import os

import pytest
from users import give, listing, person, run_as, shared_folder, smgov_as, someone_else  # noqa: F401

from smgov_tui.core.errors import SmgovError
from smgov_tui.storage.backup import usable_backup
from smgov_tui.storage.migrations import SCHEMA_VERSION
from smgov_tui.storage.store import PlanStore

THEIR_NOTICE = "Call 555-ATTACKER for emergencies"


def plan_in(folder, person, name="plan.json"):
    """A plan `person` started with `smgov new` (no backup yet: nothing saved)."""
    path = folder / name
    made = smgov_as(person, "new", path, "--sample", "county")
    assert made.code == 0, made.err
    return path


def their_plan(tmp_path) -> bytes:
    """A whole, valid plan of someone else's, with their words in it."""
    store = PlanStore.create(tmp_path / "theirs.json", "Their plan", {"response.emergency_notice": THEIR_NOTICE})
    return store.file.read_bytes()


def damage(path) -> bytes:
    """Cut the file short, as a bad hand edit does (its owner and mode kept)."""
    damaged = path.read_bytes()[:700]
    path.write_bytes(damaged)
    return damaged


def value(path, decision):
    return json.loads(path.read_text())["plan"]["1"]["values"].get(decision)


# Backups: restored, and offered, only when the user's own


def _backup_of_someone_else(request, path, tmp_path):
    other = request.getfixturevalue("someone_else")
    path.write_bytes(their_plan(tmp_path))
    os.chmod(path, 0o644)
    give(path, other)
    return f"belongs to another user (uid {other.uid})"


def _backup_that_is_a_link(request, path, tmp_path):
    person = request.getfixturevalue("person")
    other = path.parent / "other.json"  # a whole plan of the person's own, but the backup is a link to it
    other.write_bytes(their_plan(tmp_path))
    os.chmod(other, 0o600)
    give(other, person)
    path.symlink_to(other.name)
    give(path, person)
    return "is a symbolic link"


def _backup_others_may_write(mode):
    def make(request, path, tmp_path):
        path.write_bytes(their_plan(tmp_path))
        os.chmod(path, mode)
        give(path, request.getfixturevalue("person"))
        return ("is writable by other users" if mode & 0o002 else "is writable by its group") + f" (mode {mode:04o})"
    return make


def _backup_that_is_a_fifo(request, path, tmp_path):
    os.mkfifo(path, 0o600)
    give(path, request.getfixturevalue("person"))
    return "is a named pipe (FIFO), not a regular file"


UNTRUSTED_BACKUPS = {
    "someone else's": _backup_of_someone_else,
    "a link": _backup_that_is_a_link,
    "group-writable": _backup_others_may_write(0o660),
    "world-writable": _backup_others_may_write(0o666),
    "a FIFO": _backup_that_is_a_fifo,
}


@pytest.mark.parametrize("backup_is", UNTRUSTED_BACKUPS)
def test_a_backup_that_is_not_the_users_own_is_neither_offered_nor_restored(
        request, tmp_path, shared_folder, person, backup_is):
    """Issue 13, point 4: a `plan.json.bak` someone else made first in a shared folder
    was restored over a damaged plan, and the error line itself recommended it."""
    plan = plan_in(shared_folder, person)
    damage(plan)
    reason = UNTRUSTED_BACKUPS[backup_is](request, shared_folder / "plan.json.bak", tmp_path)
    before = listing(shared_folder)

    checked = smgov_as(person, "check", plan)
    assert checked.code == 2 and checked.out == ""
    assert len(checked.err.splitlines()) == 1 and checked.err.startswith(f"smgov: error: {plan} ")
    assert "restore" not in checked.err  # no hint towards a backup smgov would not restore

    restored = smgov_as(person, "restore", plan)
    assert (restored.code, restored.out) == (2, "")
    assert restored.err == (f"smgov: error: cannot restore {plan}: its backup plan.json.bak {reason}; "
                            "not trusted, left as it is\n")

    offered = run_as(person, lambda: 0 if usable_backup(plan) is None else 1)
    assert offered.code == 0, "the workbench's problem screen would offer to restore it"
    assert listing(shared_folder) == before


def test_the_users_own_backup_is_offered_and_restored(shared_folder, person):
    """The same case with the backup smgov saved: the hint, the offer, the restore."""
    plan = plan_in(shared_folder, person)
    assert smgov_as(person, "set", plan, "response.emergency_notice", "Call 911 for emergencies").code == 0
    good = plan.read_bytes()
    damage(plan)
    checked = smgov_as(person, "check", plan)
    assert checked.err.endswith(f"; smgov restore {plan} brings back the last version smgov saved\n")
    assert run_as(person, lambda: 0 if usable_backup(plan) == plan.with_name("plan.json.bak") else 1).code == 0
    assert smgov_as(person, "restore", plan).code == 0
    assert plan.read_bytes() == good


def test_a_save_beside_someone_elses_backup_saves_the_plan_and_never_takes_theirs(
        tmp_path, shared_folder, person, someone_else):
    plan = plan_in(shared_folder, person)
    backup = shared_folder / "plan.json.bak"
    theirs = their_plan(tmp_path)
    backup.write_bytes(theirs)
    os.chmod(backup, 0o644)
    give(backup, someone_else)
    saved = smgov_as(person, "set", plan, "objectives.frequency", "daily")
    assert saved.code == 0 and value(plan, "objectives.frequency") == "daily"
    if person.uid == 0:  # root may replace it: now its own copy of what it saved
        assert saved.err == ""
        assert backup.read_bytes() == plan.read_bytes() and backup.stat().st_uid == 0
    else:
        assert saved.err == (f"smgov: warning: could not update the backup {backup}: it belongs to another user "
                             f"(uid {someone_else.uid}); smgov restore will not use it\n")
        assert backup.read_bytes() == theirs


# A plan reached through a link: saved and restored into its real file


def test_a_linked_plan_is_saved_and_restored_in_its_real_file_and_stays_a_link(shared_folder, person):
    """Issue 13, point 5: the first save replaced the link by a regular file, so the
    real plan silently stopped receiving changes, and each name had a lock of its own."""
    plans = shared_folder / "plans"
    plans.mkdir()
    give(plans, person)
    real = plan_in(plans, person, "real.json")
    os.chmod(real, 0o640)
    link = shared_folder / "plan.json"
    link.symlink_to(real)
    give(link, person)

    saved = smgov_as(person, "set", link, "objectives.frequency", "daily")
    assert (saved.code, saved.err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert value(real, "objectives.frequency") == "daily"
    assert real.stat().st_mode & 0o777 == 0o640  # kept, as every save keeps it
    assert sorted(p.name for p in plans.iterdir()) == [".real.json.lock", "real.json", "real.json.bak"]
    assert sorted(p.name for p in shared_folder.iterdir()) == ["plan.json", "plans"]  # one lock, beside the file

    good = real.read_bytes()
    damaged = damage(real)
    restored = smgov_as(person, "restore", link)
    assert restored.code == 0, restored.err
    assert restored.out.startswith(f"restored {link} from {real}.bak; the file it replaced is kept as {real}.replaced-")
    assert real.read_bytes() == good and real.stat().st_mode & 0o777 == 0o640
    assert link.is_symlink() and os.readlink(link) == str(real)
    (kept,) = plans.glob("real.json.replaced-*")
    assert kept.read_bytes() == damaged
    assert sorted(p.name for p in shared_folder.iterdir()) == ["plan.json", "plans"]


def test_restore_through_a_link_never_changes_the_mode_of_what_it_leads_to(shared_folder, person, tmp_path):
    """Issue 13, point 5: `restore` on a plan name that was a link made the link's
    target (a root-owned file) 0600 and replaced the link."""
    target = shared_folder / "settings.conf"
    target.write_text("setting = 1\n")
    os.chmod(target, 0o644)
    link = shared_folder / "plan.json"
    link.symlink_to(target)
    give(link, person)
    backup = shared_folder / "plan.json.bak"  # beside the link: the person's own, a whole plan
    backup.write_bytes(their_plan(tmp_path))
    os.chmod(backup, 0o600)
    give(backup, person)
    before = listing(shared_folder)
    restored = smgov_as(person, "restore", link)
    assert (restored.code, restored.out) == (2, "")
    assert restored.err == (f"smgov: error: no backup of {target} to restore (settings.conf.bak does not exist; "
                            "smgov keeps one from the first change it saves)\n")
    assert listing(shared_folder) == before


def _a_pipe(folder) -> str:
    os.mkfifo(folder / "pipe")
    return str(folder / "pipe")


LINKS_TO_NO_PLAN = {  # what the link leads to: made in the folder, and what smgov says
    "nowhere": (lambda folder: "missing.json",
                lambda link, folder: f"{link} is a symbolic link to missing.json, which does not exist; smgov "
                                     "opens a plan through a link only to an existing file"),
    "a FIFO": (_a_pipe, lambda link, folder: f"{folder / 'pipe'} is not a regular file, not a plan file"),
}


@pytest.mark.parametrize("leads_to", LINKS_TO_NO_PLAN)
def test_a_link_to_no_plan_is_refused_in_one_line_and_nothing_is_created(shared_folder, person, leads_to):
    make_target, says = LINKS_TO_NO_PLAN[leads_to]
    link = shared_folder / "plan.json"
    link.symlink_to(make_target(shared_folder))
    give(link, person)
    before = listing(shared_folder)
    for args in (("set", link, "objectives.frequency", "daily"), ("check", link), ("restore", link)):
        result = smgov_as(person, *args)
        assert (result.code, result.out) == (2, ""), args
        if args[0] == "restore" and leads_to == "a FIFO":  # resolved, then no backup beside the pipe
            assert result.err == (f"smgov: error: no backup of {shared_folder / 'pipe'} to restore (pipe.bak does "
                                  "not exist; smgov keeps one from the first change it saves)\n")
        else:
            assert result.err == f"smgov: error: {says(link, shared_folder)}\n", args
    made = smgov_as(person, "new", link)
    assert made.err == f"smgov: error: {link} already exists; smgov new never overwrites a file (it is a symbolic link)\n"
    assert listing(shared_folder) == before


# The lock: never through a link, never someone else's


def _lock_that_is_a_link(request, lock):
    lock.symlink_to(lock.parent / "victim.txt")  # the save used to create the file where it pointed
    give(lock, request.getfixturevalue("person"))
    return "is a symbolic link", None


def _lock_of_someone_else_held_open(request, lock):
    other = request.getfixturevalue("someone_else")
    lock.touch(mode=0o600)
    give(lock, other)
    held = os.open(lock, os.O_RDWR)
    fcntl.flock(held, fcntl.LOCK_EX)  # as their session would: every save then waited 10 s and failed
    return f"belongs to another user (uid {other.uid})", held


def _lock_its_group_may_write(request, lock):
    lock.touch(mode=0o660)
    os.chmod(lock, 0o660)
    give(lock, request.getfixturevalue("person"))
    return "is writable by its group (mode 0660)", None


def _lock_that_is_a_fifo(request, lock):
    os.mkfifo(lock, 0o600)
    give(lock, request.getfixturevalue("person"))
    return "is a named pipe (FIFO), not a regular file", None


UNTRUSTED_LOCKS = {
    "a link": _lock_that_is_a_link,
    "someone else's, held open": _lock_of_someone_else_held_open,
    "group-writable": _lock_its_group_may_write,
    "a FIFO": _lock_that_is_a_fifo,
}


@pytest.mark.parametrize("lock_is", UNTRUSTED_LOCKS)
def test_a_lock_file_that_is_not_the_users_own_is_refused_at_once(request, shared_folder, person, lock_is):
    plan = plan_in(shared_folder, person)
    backup = shared_folder / "plan.json.bak"  # the person's own: restore gets as far as the lock
    backup.write_bytes(plan.read_bytes())
    os.chmod(backup, 0o600)
    give(backup, person)
    reason, held = UNTRUSTED_LOCKS[lock_is](request, shared_folder / ".plan.json.lock")
    try:
        for doing, args in (("save", ("set", plan, "objectives.frequency", "daily")), ("restore", ("restore", plan))):
            if doing == "restore":
                damage(plan)
            before = listing(shared_folder)
            result = smgov_as(person, *args)
            assert (result.code, result.out) == (2, "")
            assert result.err == (f"smgov: error: cannot {doing} {plan}: its lock file .plan.json.lock {reason}; "
                                  "not trusted, left as it is\n")
            assert listing(shared_folder) == before
    finally:
        if held is not None:
            os.close(held)


# A plan its user may not write


def _read_only(request, plan):
    os.chmod(plan, 0o444)
    return f"it is read-only (mode 0444); chmod u+w {plan} to edit it"


def _someone_elses_plan(request, plan):
    other = request.getfixturevalue("someone_else")
    os.chmod(plan, 0o644)
    give(plan, other)
    return f"it is read-only to you (mode 0644, owned by uid {other.uid})"


NOT_WRITABLE = {"read-only (0444)": _read_only, "someone else's (0644)": _someone_elses_plan}


def _save_in_a_session(plan) -> int:
    """What the workbench and plain mode do with an edit: the editing session's save."""
    from smgov_tui.session.editing import EditingSession

    session = EditingSession(PlanStore(plan))
    session.propose("objectives.frequency", "weekly")
    try:
        session.save()
    except SmgovError as error:
        print(error)
        return 2
    return 0


@pytest.mark.parametrize("plan_is", NOT_WRITABLE)
def test_a_plan_the_user_may_not_write_is_refused_by_every_writing_command(request, shared_folder, person, plan_is):
    """Issue 13, point 10: a plan chmodded 0444 was rewritten silently (a save
    renames a new file over it, which its mode does not stop)."""
    plan = plan_in(shared_folder, person)
    assert smgov_as(person, "set", plan, "objectives.frequency", "daily").code == 0  # a backup to restore
    why = NOT_WRITABLE[plan_is](request, plan)
    before = listing(shared_folder)

    saved = smgov_as(person, "set", plan, "objectives.frequency", "weekly")
    assert (saved.code, saved.out) == (2, "")
    assert saved.err == f"smgov: error: cannot save {plan}: {why}; the file on disk is unchanged\n"
    in_session = run_as(person, _save_in_a_session, plan)
    assert in_session.code == 2 and in_session.out == f"cannot save {plan}: {why}; the file on disk is unchanged\n"
    assert listing(shared_folder) == before

    mode = plan.stat().st_mode & 0o7777
    os.chmod(plan, mode | 0o200)  # the test's own hand edit: the runner may be the unprivileged owner
    damage(plan)
    os.chmod(plan, mode)
    before = listing(shared_folder)
    restored = smgov_as(person, "restore", plan)
    assert (restored.code, restored.out) == (2, "")
    assert restored.err == f"smgov: error: cannot restore {plan}: {why}; nothing changed\n"
    assert listing(shared_folder) == before


# The copy kept before a schema upgrade, and temp files


def _as_schema_1(plan) -> None:
    data = json.loads(plan.read_text())
    data["meta"]["1"]["schema"] = 1
    for key in ("revision", "history_crc32"):
        data["meta"]["1"].pop(key, None)
    plan.write_text(json.dumps(data, indent=2))


def test_a_pipe_at_the_pre_upgrade_copys_name_is_left_alone_not_waited_on(shared_folder, person):
    assert SCHEMA_VERSION > 1
    plan = plan_in(shared_folder, person)
    _as_schema_1(plan)
    original = plan.read_bytes()
    pipe = shared_folder / "plan.json.v1.bak"
    os.mkfifo(pipe, 0o600)
    give(pipe, person)
    saved = smgov_as(person, "set", plan, "objectives.frequency", "daily")
    assert (saved.code, saved.err) == (0, "")
    assert pipe.is_fifo()
    (kept,) = shared_folder.glob("plan.json.v1-*.bak")  # stamped, beside the name it could not use
    assert kept.read_bytes() == original and kept.stat().st_mode & 0o777 == 0o600


def test_a_save_clears_only_its_own_temp_files_that_no_one_is_writing(shared_folder, person, someone_else):
    plan = plan_in(shared_folder, person)
    stale = shared_folder / ".plan.json.killed01.tmp"  # left by a save killed midway
    stale.write_text("half")
    give(stale, person)
    theirs = shared_folder / ".plan.json.theirs01.tmp"
    theirs.write_text("theirs")
    give(theirs, someone_else)
    live = shared_folder / ".plan.json.writing1.tmp"
    live.write_text("being written")
    give(live, person)
    held = os.open(live, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # a session writing it right now holds it locked
    try:
        assert smgov_as(person, "set", plan, "objectives.frequency", "daily").code == 0
    finally:
        os.close(held)
    names = {p.name for p in shared_folder.iterdir()}
    assert stale.name not in names
    assert {theirs.name, live.name} <= names


# The style cache


def _stylesheet():
    from textual.css.stylesheet import Stylesheet

    sheet = Stylesheet()
    sheet.add_source("Screen { color: red; }", read_from=("trust.tcss", ""))
    sheet.parse()
    return sheet


def _cache_file(folder):
    from smgov_tui.tui import stylecache
    from smgov_tui.tui.compat import stylesheet_variables

    return stylecache.cache_file(folder, stylesheet_variables(_stylesheet()))


def _save_styles(folder) -> int:
    from smgov_tui.tui import stylecache

    return 0 if stylecache.save(_stylesheet(), _cache_file(folder), frozenset()) else 1


def _load_styles(folder) -> int:
    """The number of parses read from the cache file, as the exit code."""
    from textual.css.stylesheet import Stylesheet

    from smgov_tui.tui import stylecache

    return len(stylecache.load(Stylesheet(), _cache_file(folder)))


def test_the_style_cache_writes_no_file_through_a_link(shared_folder, person):
    """Issue 13, point 5: links planted in a shared cache folder at the cache's temp
    name made a victim's file a 104 kB pickle, mode 0600."""
    victim = shared_folder / "notes.txt"
    victim.write_text("mine\n")
    os.chmod(victim, 0o644)
    give(victim, person)
    cache = _cache_file(shared_folder)

    def plant(pid):
        for name in (f".{cache.name}.{pid}", cache.name):  # the temp name smgov used, and the file's
            (shared_folder / name).symlink_to(victim)
            give(shared_folder / name, person)

    saved = run_as(person, _save_styles, shared_folder, before=plant)
    assert saved.code == 0, saved.err
    assert victim.read_text() == "mine\n" and victim.stat().st_mode & 0o777 == 0o644
    assert not cache.is_symlink() and cache.stat().st_mode & 0o777 == 0o600 and cache.stat().st_uid == person.uid
    assert run_as(person, _load_styles, shared_folder).code == 1


def test_the_style_cache_is_read_only_from_the_users_own_file_never_through_a_link(
        shared_folder, person, someone_else):
    cache = _cache_file(shared_folder)
    assert run_as(person, _save_styles, shared_folder).code == 0
    own = cache.rename(shared_folder / "elsewhere.pickle")
    cache.symlink_to(own)
    give(cache, person)
    assert run_as(person, _load_styles, shared_folder).code == 0  # a link: not read (unpickling runs code)
    cache.unlink()
    theirs = own.rename(cache)
    give(theirs, someone_else)
    os.chmod(theirs, 0o644)
    assert run_as(person, _load_styles, shared_folder).code == 0  # someone else's: not read
