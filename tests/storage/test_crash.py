"""Killed mid-save: a plan is always whole and keeps every change reported saved.

A child process saves in a loop and reports "saved N" on a pipe only after
`set` returned; the test kills it with SIGKILL at a random moment, 200 times.
Forked from the test (modules already imported), so a round costs milliseconds.
"""

from __future__ import annotations

import os
import random
import signal
import time

from smgov_tui.storage.reading import read_plan_data
from smgov_tui.storage.store import PlanStore

ROUNDS = 200
DECISION = "resources.budget"


def _saver(path, write_end: int) -> None:
    """The child: count the budget up, one save at a time, reporting each one that returned."""
    store = PlanStore(path)
    value = store.load().get(DECISION) or 0
    while True:
        value += 1
        store.set(DECISION, value, who="saver")
        os.write(write_end, f"saved {value}\n".encode())


def _run_and_kill(path, delay: float) -> int:
    """Starts a saver, kills it `delay` seconds after its first save; the last value it reported saved."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            os.close(read_end)
            _saver(path, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    chunks = [os.read(read_end, 65536)]  # the loop is running: now kill it at a random moment
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    reported = [int(line.split()[1]) for line in b"".join(chunks).decode().splitlines()]
    return reported[-1] if reported else 0


def test_sigkill_at_random_moments_never_loses_a_reported_save(tmp_path):
    path = tmp_path / "plan.json"
    PlanStore.create(path, "Crash test plan")
    chance = random.Random(5)
    reported_total = 0
    for _ in range(ROUNDS):
        last_reported = _run_and_kill(path, chance.uniform(0, 0.02))
        read_plan_data(path)  # whole and valid
        store = PlanStore(path)
        on_disk = store.load().get(DECISION) or 0
        assert on_disk >= last_reported  # nothing reported saved is lost
        history = [entry["new"] for entry in store.history() if entry["decision"] == DECISION]
        assert history == list(range(1, on_disk + 1))  # every save once, in order: none lost or doubled
        reported_total = max(reported_total, last_reported)
    assert reported_total >= ROUNDS
    names = {p.name for p in tmp_path.iterdir()}
    temps = {name for name in names if name.endswith(".tmp")}  # of the last save killed, if any
    assert names - temps == {".plan.json.lock", "plan.json", "plan.json.bak"} and len(temps) <= 2
    PlanStore(path).set("objectives.frequency", "daily")
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # the next save clears them
