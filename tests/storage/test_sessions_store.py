"""Two sessions, one plan, at the same time: never a silent lost update.

Two forked processes each make 100 changes to their own decision and, every
tenth change, write a decision they share: with `base` (as the workbench does)
or without (as `smgov set` does). Every change lands in the file and the history,
and the history of each decision is an unbroken chain: each entry's `old` is the
`new` of the one before, which a lost update would break.
"""

from __future__ import annotations

import itertools
import json
import os

import pytest

from smgov_tui.core.errors import ConflictError
from smgov_tui.storage.store import UNSET, PlanStore

CHANGES = 100
OWN = {"lee": "resources.budget", "dana": "resources.promotion"}
SHARED = "objectives.approach"


def _session(path, who: str, with_base: bool, report: int) -> None:
    """One session's 100 changes; reports each shared write's outcome as a JSON line."""
    store = PlanStore(path)
    seen = store.load().get(SHARED)
    for n in range(1, CHANGES + 1):
        store.set(OWN[who], n, who=who)
        if n % 10:
            continue
        value = f"{who} {n}"
        try:
            entry = store.set(SHARED, value, who=who, base=seen if with_base else UNSET)
            outcome = {"value": value, "base": seen, "old": entry["old"], "forced": False}
        except ConflictError as error:
            entry = store.set(SHARED, value, who=who, base=seen, force=True)  # keep mine
            outcome = {"value": value, "base": seen, "theirs": error.theirs, "old": entry["old"],
                       "forced": True}
        seen = value
        os.write(report, (json.dumps(outcome) + "\n").encode())


def _fork(target, *args) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read_end)
            target(*args, write_end)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _finish(pid: int, read_end: int) -> list[dict]:
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    assert os.waitpid(pid, 0)[1] == 0, "a session failed"
    return [json.loads(line) for line in b"".join(chunks).decode().splitlines()]


@pytest.mark.parametrize("with_base", [True, False], ids=["with base", "without base"])
def test_two_processes_making_100_changes_each_lose_nothing(tmp_path, with_base):
    path = tmp_path / "plan.json"
    PlanStore.create(path, "Shared plan")
    running = [(who, *_fork(_session, path, who, with_base)) for who in OWN]
    outcomes = {who: _finish(pid, read_end) for who, pid, read_end in running}
    store = PlanStore(path)
    values, history = store.load().values, store.history()
    assert values[OWN["lee"]] == values[OWN["dana"]] == CHANGES
    for who, decision in OWN.items():
        assert [(e["who"], e["new"]) for e in history if e["decision"] == decision] == [
            (who, n) for n in range(1, CHANGES + 1)]
    shared = [e for e in history if e["decision"] == SHARED]
    assert len(history) == 2 * CHANGES + len(shared)
    assert sorted(e["new"] for e in shared) == sorted(o["value"] for o in outcomes["lee"] + outcomes["dana"])
    for decision in (*OWN.values(), SHARED):  # an unbroken chain: no write started from a stale file
        chain = [e for e in history if e["decision"] == decision]
        assert all(later["old"] == earlier["new"] for earlier, later in itertools.pairwise(chain))
    if with_base:
        assert any(o["forced"] for o in outcomes["lee"] + outcomes["dana"])  # the sessions did collide
        for outcome in outcomes["lee"] + outcomes["dana"]:
            if outcome["forced"]:  # told, and chose to keep theirs out: both versions are in the history
                assert outcome["theirs"] != outcome["base"] and outcome["old"] == outcome["theirs"]
            else:  # not told: nobody else had changed it since this session saw it
                assert outcome["old"] == outcome["base"]


def _change_shared(path, value: str, report: int) -> None:
    PlanStore(path).set(SHARED, value, who="lee")
    os.write(report, b"{}\n")


def test_a_stale_base_from_another_process_is_a_conflict_until_forced(tmp_path):
    path = tmp_path / "plan.json"
    mine = PlanStore.create(path, "Shared plan")
    base = mine.load().get(SHARED)
    _finish(*_fork(_change_shared, path, "Facts first, with a link."))
    before = path.read_bytes()
    with pytest.raises(ConflictError) as caught:
        mine.set(SHARED, "Plain words.", who="dana", base=base)
    assert (caught.value.theirs, caught.value.mine, caught.value.who) == ("Facts first, with a link.", "Plain words.", "lee")
    assert path.read_bytes() == before
    mine.set(SHARED, "Plain words.", who="dana", base=base, force=True)
    assert [(e["who"], e["old"], e["new"]) for e in mine.history()] == [
        ("lee", None, "Facts first, with a link."), ("dana", "Facts first, with a link.", "Plain words.")]
    assert mine.load().get(SHARED) == "Plain words."
