"""`smgov new` killed at any moment leaves no plan or a whole one.

Issue 13, point 8: one of 304 kills left a 0-byte plan (the name was created
first, then written), which `new` then refused as "already exists" until it was
deleted by hand. A child process, as the runner and as an unprivileged user
(users.py), creates a plan from a sample and removes it, over and over; the test
kills it with SIGKILL at a random moment, 200 times, and looks at what is left.
"""

from __future__ import annotations

import os
import random
import signal
import time

from users import person, run_as, shared_folder, smgov_as, start_as  # noqa: F401

from smgov_tui.storage.reading import read_plan_data
from smgov_tui.storage.samples import sample_start
from smgov_tui.storage.store import PlanStore

ROUNDS = 200


def _create_and_remove(path, ready: int) -> None:
    name, values = sample_start("small-city")  # the largest sample: the longest write
    os.write(ready, b"r")
    while True:
        PlanStore.create(path, name, values)
        os.unlink(path)


def test_new_killed_at_random_moments_leaves_no_plan_or_a_whole_one(shared_folder, person):
    path = shared_folder / "plan.json"
    chance = random.Random(13)
    whole = 0
    for _ in range(ROUNDS):
        ready_read, ready_write = os.pipe()
        pid = start_as(person, _create_and_remove, path, ready_write)
        os.close(ready_write)
        assert os.read(ready_read, 1) == b"r"  # creating in a loop now: kill it somewhere in there
        os.close(ready_read)
        time.sleep(chance.uniform(0, 0.01))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if os.path.lexists(path):
            assert path.stat().st_size > 0, "a kill left an empty plan"
            read_plan_data(path)  # whole: refused with the reason otherwise
            whole += 1
            path.unlink()
    assert whole, "no kill landed while a plan was there: the test saw only one side"
    # What a kill left beside the name (a temp file) goes with the next run, which creates the plan.
    made = smgov_as(person, "new", path)
    assert (made.code, made.err) == (0, "")
    assert [p.name for p in shared_folder.iterdir()] == ["plan.json"]
