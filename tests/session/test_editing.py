"""The editing session, without a front end: two sessions on one plan file.

What each session holds (plan, bases, pending edits), what it reports
(Saved, Followed, conflicts) and what lands in the plan file and its history.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from smgov_tui.core.errors import PlanFileError
from smgov_tui.session.editing import EditingSession, Followed
from smgov_tui.storage.store import PlanStore

NOW = "objectives.conversations_now"
WANTED = "objectives.conversations_wanted"
LANGUAGES = "objectives.languages"


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    PlanStore.create(path, "Shared plan")
    return path


def on_disk(plan: Path) -> tuple[dict, list[tuple]]:
    """The file's values, and its history as (who, decision, old, new)."""
    data = json.loads(plan.read_text(encoding="utf-8"))
    history = [(e["who"], e["decision"], e["old"], e["new"]) for e in data["history"].values()]
    return data["plan"]["1"]["values"], history


def edited(plan: Path, decision_id: str, value, who: str = "lee") -> None:
    """Another session (`smgov set`, a second workbench) saves a change."""
    PlanStore(plan).set(decision_id, value, who=who)


def test_two_sessions_save_different_decisions_and_each_follows_the_other(plan):
    mine, theirs = EditingSession(PlanStore(plan)), EditingSession(PlanStore(plan))
    mine.propose(NOW, "Mine")
    assert mine.plan.get(NOW) == "Mine" and mine.pending == {NOW: "Mine"}
    assert list(mine.save().entries) == [NOW]
    theirs.propose(WANTED, "Theirs")
    assert theirs.save().conflicts == ()

    assert theirs.follow() == Followed(taken=(NOW,))
    assert mine.follow() == Followed(taken=(WANTED,))
    for session in (mine, theirs):
        assert session.plan.values == session.bases == {NOW: "Mine", WANTED: "Theirs"}
        assert session.pending == {}
    values, history = on_disk(plan)
    assert values == {NOW: "Mine", WANTED: "Theirs"}
    assert [h[1:] for h in history] == [(NOW, None, "Mine"), (WANTED, None, "Theirs")]


def test_a_pending_edit_is_kept_while_another_sessions_save_of_another_decision_comes_in(plan):
    session = EditingSession(PlanStore(plan))
    session.propose(NOW, "Mine")
    edited(plan, LANGUAGES, "English, Tagalog")

    assert session.follow() == Followed(taken=(LANGUAGES,))
    assert session.plan.values == {NOW: "Mine", LANGUAGES: "English, Tagalog"}
    assert session.pending == {NOW: "Mine"}
    assert on_disk(plan)[0] == {LANGUAGES: "English, Tagalog"}  # mine is not saved by following
    saved = session.save()
    assert saved.conflicts == () and saved.entries[NOW]["old"] is None
    assert on_disk(plan)[0] == {LANGUAGES: "English, Tagalog", NOW: "Mine"}


def test_following_says_which_pending_edit_another_session_changed_too(plan):
    session = EditingSession(PlanStore(plan))
    session.propose(NOW, "Mine")
    edited(plan, NOW, "Theirs")

    assert session.follow() == Followed(conflicting=(NOW,))
    assert session.plan.get(NOW) == "Mine" and session.pending == {NOW: "Mine"}
    assert session.bases.get(NOW) is None  # still what it read: the save finds theirs
    [conflict] = session.save().conflicts
    assert (conflict.mine, conflict.theirs, conflict.who) == ("Mine", "Theirs", "lee")


def conflict_over(plan: Path) -> tuple[EditingSession, object]:
    """Mine pending while another session saves its own value of the same decision."""
    session = EditingSession(PlanStore(plan))
    session.propose(NOW, "Mine")
    edited(plan, NOW, "Theirs")
    saved = session.save()
    [conflict] = saved.conflicts
    assert saved.entries == {} and session.pending == {NOW: "Mine"}
    assert (conflict.decision_id, conflict.mine, conflict.theirs) == (NOW, "Mine", "Theirs")
    assert conflict.who == "lee" and conflict.label == "Conversations already happening"
    assert on_disk(plan)[0] == {NOW: "Theirs"}  # nothing written until the person chooses
    return session, conflict


def test_keep_mine_writes_mine_over_theirs_and_the_history_keeps_both(plan):
    session, conflict = conflict_over(plan)
    entry = session.keep_mine(conflict)
    assert (entry["old"], entry["new"]) == ("Theirs", "Mine")
    assert session.pending == {} and session.bases[NOW] == session.plan.get(NOW) == "Mine"
    values, history = on_disk(plan)
    assert values == {NOW: "Mine"}
    assert [h[1:] for h in history] == [(NOW, None, "Theirs"), (NOW, "Theirs", "Mine")]
    assert history[0][0] == "lee" != history[1][0]


def test_take_theirs_drops_mine_and_writes_nothing(plan):
    session, conflict = conflict_over(plan)
    assert session.take_theirs(conflict) == "Theirs"
    assert session.pending == {} and session.bases[NOW] == session.plan.get(NOW) == "Theirs"
    assert on_disk(plan) == ({NOW: "Theirs"}, [("lee", NOW, None, "Theirs")])
    edited(plan, NOW, "Theirs again")  # theirs is this session's base now: followed, no conflict
    assert session.follow() == Followed(taken=(NOW,))


def test_later_keeps_mine_pending_and_the_next_save_asks_again(plan):
    session, _conflict = conflict_over(plan)  # "later": the person chooses nothing
    assert session.follow() == Followed()  # the poll does not ask again: the save found theirs already
    assert session.plan.get(NOW) == "Mine"
    [again] = session.save().conflicts
    assert (again.mine, again.theirs) == ("Mine", "Theirs")
    assert on_disk(plan)[0] == {NOW: "Theirs"}
    edited(plan, NOW, "Theirs, changed again")  # a new change to it: following says so
    assert session.follow() == Followed(conflicting=(NOW,))
    saved = session.save(force=True)  # a hang-up: no one to ask, mine kept, theirs in the history
    assert saved.conflicts == () and session.pending == {}
    assert on_disk(plan)[1][-1][1:] == (NOW, "Theirs, changed again", "Mine")


def test_the_poll_reports_a_change_once(plan):
    session = EditingSession(PlanStore(plan))
    assert session.follow() is None
    edited(plan, LANGUAGES, "French")
    assert session.follow() == Followed(taken=(LANGUAGES,))
    assert session.follow() is None
    session.propose(NOW, "Mine")
    session.save()
    assert session.follow() == Followed()  # its own save: the file changed, nothing new in it
    assert session.follow() is None


def test_an_unreadable_file_is_said_once_and_followed_again_once_mended(plan):
    session = EditingSession(PlanStore(plan))
    good = plan.read_bytes()
    plan.write_text("{ cut short")
    with pytest.raises(PlanFileError):
        session.follow()
    assert session.follow() is None
    plan.write_bytes(good.replace(b'"values": {}', b'"values": {"objectives.languages": "French"}'))
    assert session.follow() == Followed(taken=(LANGUAGES,))


def test_a_save_that_fails_keeps_what_it_could_not_write_pending(plan, monkeypatch):
    session = EditingSession(PlanStore(plan))
    session.propose(NOW, "Mine")
    session.propose(LANGUAGES, "French")
    write = session.store.set

    def full_disk(decision_id, value, **options):
        if decision_id == LANGUAGES:
            raise PlanFileError(f"cannot save {plan}: No space left on device")
        return write(decision_id, value, **options)

    monkeypatch.setattr(session.store, "set", full_disk)
    with pytest.raises(PlanFileError):
        session.save()
    assert session.pending == {LANGUAGES: "French"} and session.bases == {NOW: "Mine"}
    session.withdraw(LANGUAGES)  # plain mode drops an answer it could not save
    assert session.pending == {} and session.plan.values == {NOW: "Mine"}
    assert on_disk(plan)[0] == {NOW: "Mine"}


def test_the_session_is_reachable_without_a_front_end():
    """session/ imports only core and storage: plain mode and scripts load no Textual."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, smgov_tui.session.editing; print(sorted(m for m in sys.modules "
         "if m.partition('.')[0] in ('textual', 'rich', 'argparse') or m.startswith('smgov_tui.tui')))"],
        capture_output=True, text=True, check=True, timeout=60, cwd=REPO)
    assert loaded.stdout.strip() == "[]"
