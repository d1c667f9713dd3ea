"""A sign-off is bound to what was signed: its digest, and the check that says it is stale."""

from __future__ import annotations

from conftest import SAMPLES, why

from smgov_tui.core import signoff
from smgov_tui.core.plan import Plan
from smgov_tui.storage.store import PlanStore

SIGNOFF = "launch.signoff"


def sample() -> Plan:
    return PlanStore(SAMPLES / "small-city.json").load()


def test_the_digest_is_of_every_decision_but_the_sign_off():
    plan, again = sample(), sample()
    assert signoff.digest(plan) == signoff.digest(again)  # same values, same digest
    before = signoff.digest(plan)
    again.values[SIGNOFF] = [*again.values[SIGNOFF], {"name": "Lee Chen", "role": "Clerk", "date": "2026-12-01"}]
    assert signoff.digest(again) == before  # the sign-off itself is not signed
    del again.values[SIGNOFF]
    assert signoff.digest(again) == before
    again.values["launch.date"] = "2027-01-12"
    assert signoff.digest(again) != before  # any change differs
    again = sample()
    again.values["launch.kpis"] += " "
    assert signoff.digest(again) != before


def test_the_sample_is_signed_as_it_stands():
    state = signoff.newest(sample())
    assert state.current and state.row["name"] == "Angela Moreno"
    assert why(sample(), signoff.CHECK) is None


def test_a_change_after_the_sign_off_makes_it_stale_and_names_what_changed():
    plan = sample()
    plan.values["launch.date"] = "2027-01-12"
    del plan.values["launch.announcement"]
    assert why(plan, signoff.CHECK) == ("Sign-off out of date: 2 decisions changed since "
                                        "(Launch date, How we announce the launch)")
    assert signoff.approval(plan) == ("Approved by Angela Moreno (City Manager) on 2026-11-20; "
                                      "changed since (2 decisions): not approved as it stands.")


def test_a_sign_off_from_before_digests_is_taken_at_its_word():
    plan = sample()
    plan.values[SIGNOFF] = [{"name": "Sam Okafor", "role": "Deputy City Manager", "date": "2026-11-19"}]
    plan.values["launch.date"] = "2027-01-12"
    assert why(plan, signoff.CHECK) is None
    assert signoff.approval(plan) == "Approved by Sam Okafor (Deputy City Manager) on 2026-11-19."
