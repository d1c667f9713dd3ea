"""The platform evaluation matrix: weighted scores, the ranking, edits, and the stored value."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from smgov_tui.core import platform_matrix
from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.plan import Plan
from smgov_tui.storage.store import PlanStore
from smgov_tui.terminal.matrix import matrix_report

KIND = CATALOGUE.get("platforms.matrix").kind


def matrix(*rows: tuple[str, dict], weights: dict | None = None) -> dict:
    """A matrix over two criteria, Reach (weight 3) and Cost (weight 1), unless told."""
    weights = weights or {"Reach": 3, "Cost": 1}
    return {"criteria": [{"name": n, "weight": w} for n, w in weights.items()],
            "candidates": [{"platform": p, "scores": s} for p, s in rows]}


def order(m: dict) -> list[tuple[int, str, str]]:
    return [(r.rank, r.platform, r.shown) for r in platform_matrix.ranking(m)]


def test_default_criteria_weights_and_cost_the_right_way_round():
    m = platform_matrix.new_matrix()
    assert [(c["name"], c["weight"]) for c in m["criteria"]] == [
        ("Reach among our residents", 3), ("Two-way engagement", 2), ("Moderation tools", 2),
        ("Analytics", 1), ("Accessibility features", 2), ("Cost", 2), ("Staff familiarity", 1)]
    cost = platform_matrix.described("cost", 2)
    assert "5 = free or cheap for us" in cost.help and "0 = costly" in cost.help
    assert all("5 =" in c.help for c in platform_matrix.DEFAULT_CRITERIA)  # every criterion: higher is better


def test_score_is_the_weighted_mean_out_of_5_and_an_unscored_cell_counts_0():
    m = matrix(("Facebook", {"Reach": 5, "Cost": 1}), ("Nextdoor", {"Cost": 5}))
    assert platform_matrix.weighted_score(m, m["candidates"][0]["scores"]) == pytest.approx((3 * 5 + 1) / 4)
    assert order(m) == [(1, "Facebook", "4.0"), (2, "Nextdoor", "1.2")]
    assert [r.unscored for r in platform_matrix.ranking(m)] == [0, 1]


def test_the_ranking_follows_a_score_and_a_weight():
    m = matrix(("Facebook", {"Reach": 4, "Cost": 2}), ("Nextdoor", {"Reach": 3, "Cost": 5}))
    assert order(m) == [(1, "Facebook", "3.5"), (1, "Nextdoor", "3.5")]  # (3x4 + 2) / 4 = (3x3 + 5) / 4
    m = platform_matrix.with_score(m, "nextdoor", "reach", 5)  # names match whatever their case
    assert order(m) == [(1, "Nextdoor", "5.0"), (2, "Facebook", "3.5")]
    m = platform_matrix.with_score(m, "Nextdoor", "Reach", 1)
    assert order(m) == [(1, "Facebook", "3.5"), (2, "Nextdoor", "2.0")]
    m = platform_matrix.with_weight(m, "Cost", 5)  # cost now weighs more than reach: cheap Nextdoor wins
    assert order(m) == [(1, "Nextdoor", "3.5"), (2, "Facebook", "2.8")]  # 28/8, 22/8
    assert platform_matrix.with_weight(m, "Cost", 9)["criteria"][1]["weight"] == 5
    assert platform_matrix.with_weight(m, "Cost", -1)["criteria"][1]["weight"] == 0


def test_ties_share_a_rank_and_read_in_name_order_whatever_the_input_order():
    rows = [("nextdoor", {"Reach": 2}), ("Facebook", {"Reach": 4}), ("Bluesky", {"Reach": 2}),
            ("X", {"Reach": 2, "Cost": 0})]
    expected = [(1, "Facebook", "3.0"), (2, "Bluesky", "1.5"), (2, "nextdoor", "1.5"), (2, "X", "1.5")]
    assert order(matrix(*rows)) == expected
    assert order(matrix(*reversed(rows))) == expected
    zero = matrix(*rows, weights={"Reach": 0, "Cost": 0})  # nothing weighs: all tie at 0
    assert [(r.rank, r.platform) for r in platform_matrix.ranking(zero)] == [
        (1, "Bluesky"), (1, "Facebook"), (1, "nextdoor"), (1, "X")]


def test_adding_and_removing_criteria_and_platforms():
    m = platform_matrix.with_candidate(platform_matrix.new_matrix(), "  Facebook ")
    m = platform_matrix.with_criterion(m, "Records capture")
    assert m["criteria"][-1] == {"name": "Records capture", "weight": platform_matrix.NEW_WEIGHT}
    assert platform_matrix.described("Records capture").short == "Records" and platform_matrix.described("Records capture").tiny == "Rec"
    m = platform_matrix.with_score(m, "Facebook", "Records capture", 4)
    m = platform_matrix.with_score(m, "Facebook", "Reach among our residents", 5)
    # scores are kept in the criteria's order, so the file reads and diffs the same way
    assert list(m["candidates"][0]["scores"]) == ["Reach among our residents", "Records capture"]
    with pytest.raises(platform_matrix.MatrixError, match="already a criterion"):
        platform_matrix.with_criterion(m, "records CAPTURE")
    with pytest.raises(platform_matrix.MatrixError, match="already in the matrix"):
        platform_matrix.with_candidate(m, "facebook")
    with pytest.raises(platform_matrix.MatrixError, match="one line"):
        platform_matrix.with_candidate(m, "Face\nbook")
    with pytest.raises(platform_matrix.MatrixError, match="scores run from 0 to 5"):
        platform_matrix.with_score(m, "Facebook", "Cost", 6)
    m = platform_matrix.without_criterion(m, "Records capture")
    assert m["candidates"][0]["scores"] == {"Reach among our residents": 5}
    only = {"criteria": [{"name": "Cost", "weight": 1}], "candidates": []}
    with pytest.raises(platform_matrix.MatrixError, match="at least one criterion"):
        platform_matrix.without_criterion(only, "Cost")


def test_choosing_records_the_score_then_and_removing_the_platform_removes_the_record():
    m = matrix(("Facebook", {"Reach": 5, "Cost": 2}), ("X", {"Reach": 1}))
    m = platform_matrix.chose(m, "facebook", on=dt.date(2026, 11, 23))
    assert m["chosen"] == {"platform": "Facebook", "score": 4.25, "on": "2026-11-23"}
    later = platform_matrix.with_score(m, "Facebook", "Reach", 1)
    assert later["chosen"]["score"] == 4.25  # the figure the choice was made on
    assert "Chosen as the main platform on 2026-11-23: Facebook at 4.2/5; now 1.2/5, ranked 1 of 2." \
        in matrix_report(later)
    assert "chosen" not in platform_matrix.without_candidate(m, "Facebook")


def test_check_normalises_a_loaded_value_and_keeps_a_fixed_order():
    value = {"candidates": [{"platform": " Nextdoor ", "scores": {"cost": 5, "REACH AMONG OUR RESIDENTS": 3}},
                            {"platform": "Facebook"}],
             "chosen": {"platform": "facebook", "score": 3, "on": "2026-11-23"}}
    checked = KIND.check(value)
    assert checked["criteria"] == platform_matrix.new_matrix()["criteria"]  # left out: the defaults
    assert checked["candidates"] == [
        {"platform": "Nextdoor", "scores": {"Reach among our residents": 3, "Cost": 5}},
        {"platform": "Facebook", "scores": {}}]
    assert checked["chosen"] == {"platform": "Facebook", "score": 3, "on": "2026-11-23"}
    assert KIND.check(checked) == checked
    assert KIND.parse(KIND.edit_text(checked)) == checked
    assert KIND.check({"criteria": [{"name": "Cost", "weight": 1}], "candidates": []}) is None  # nothing scored yet


@pytest.mark.parametrize("value, message", [
    ("Facebook", "the matrix is an object"),
    ([{"platform": "Facebook"}], "the matrix is an object"),
    ({"rows": []}, "unknown field 'rows'"),
    ({"criteria": [], "candidates": [{"platform": "X"}]}, "at least one"),
    ({"criteria": [{"name": "Cost", "weight": 6}], "candidates": [{"platform": "X"}]},
     "weight of Cost is a whole number from 0 to 5"),
    ({"criteria": [{"name": "Cost", "weight": True}], "candidates": [{"platform": "X"}]}, "whole number"),
    ({"criteria": [{"name": "Cost"}, {"name": "cost"}], "candidates": [{"platform": "X"}]}, "appears twice"),
    ({"candidates": [{"platform": "X"}, {"platform": "x"}]}, "platform x appears twice"),
    ({"candidates": [{"platform": ""}]}, "needs a name"),
    ({"candidates": [{"platform": 5}]}, "name is text"),
    ({"candidates": [{"platform": "X", "scores": {"Cost": 2.5}}]}, "X's Cost score is a whole number"),
    ({"candidates": [{"platform": "X", "scores": {"Speed": 3}}]}, "no criterion named 'Speed'; criteria are Reach"),
    ({"candidates": [{"platform": "X", "scores": [3]}]}, "scores is an object"),
    ({"candidates": [{"platform": "X"}], "chosen": {"platform": "Y", "score": 3}}, "not among the candidates"),
    ({"candidates": [{"platform": "X"}], "chosen": {"platform": "X", "score": 9}}, "chosen score"),
    ({"candidates": [{"platform": "X"}], "chosen": {"platform": "X", "score": 1, "on": "23/11/2026"}},
     "YYYY-MM-DD"),
    ({"candidates": [{"platform": f"P{n}"} for n in range(21)]}, "at most 20 platforms"),
])
def test_bad_values_are_refused_with_a_reason(value, message):
    with pytest.raises(InvalidValue, match=message):
        CATALOGUE.check("platforms.matrix", value)


def test_typed_text_is_json_and_bad_json_says_so():
    with pytest.raises(InvalidValue, match="not valid JSON"):
        CATALOGUE.parse("platforms.matrix", "{criteria: 1}")
    assert CATALOGUE.parse("platforms.matrix", "  ") is None


JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 9) | st.floats(allow_nan=True)
                    | st.sampled_from(["", "Cost", "X", "Facebook", "platform", "scores", "2026-11-23"]),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["criteria", "candidates", "chosen", "name", "weight",
                                                       "platform", "scores", "score", "on", "Cost"]),
                                      inner, max_size=4),
                    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_any_json_is_either_a_valid_matrix_or_refused_plainly(value):
    try:
        checked = KIND.check(value)
    except InvalidValue as error:
        assert str(error)
        return
    if checked is not None:
        assert KIND.check(checked) == checked
        KIND.show(checked), matrix_report(checked)


def test_round_trip_through_the_store_and_one_history_entry(tmp_path):
    store = PlanStore.create(tmp_path / "p.json", "Test")
    value = KIND.check({"candidates": [{"platform": "Nextdoor", "scores": {"Cost": 5}},
                                       {"platform": "Facebook", "scores": {"Cost": 3, "Analytics": 4}}]})
    store.set("platforms.matrix", value, who="druiz")
    assert PlanStore(tmp_path / "p.json").load().get("platforms.matrix") == value
    saved = json.loads((tmp_path / "p.json").read_text())
    assert saved["plan"]["1"]["values"]["platforms.matrix"] == value
    assert list(saved["plan"]["1"]["values"]["platforms.matrix"]["candidates"][1]["scores"]) == [
        "Analytics", "Cost"]
    assert [(h["decision"], h["who"], h["old"]) for h in saved["history"].values()] == [
        ("platforms.matrix", "druiz", None)]


def test_a_broken_matrix_in_a_file_is_set_aside_not_crashing():
    plan = Plan.from_values("x", {"platforms.matrix": {"candidates": [{"platform": "X", "scores": {"Cost": 7}}]}})
    assert "platforms.matrix" in plan.invalid and "X's Cost score" in plan.invalid["platforms.matrix"]


def test_the_main_platform_note_gives_its_score_and_rank():
    m = KIND.check(matrix(("Facebook", {"Reach": 5, "Cost": 2}), ("X", {"Reach": 1})))
    m = platform_matrix.chose(m, "Facebook", on=dt.date(2026, 11, 23))
    assert platform_matrix.main_note({"platforms.main": "Facebook", "platforms.matrix": m}) == \
        "Facebook: 4.2/5, ranked 1 of 2 (chosen 2026-11-23 at 4.2)."
    assert platform_matrix.main_note({"platforms.main": "X", "platforms.matrix": m}) == "X: 0.8/5, ranked 2 of 2."
    assert "not in the evaluation matrix" in platform_matrix.main_note({"platforms.main": "YouTube", "platforms.matrix": m})
    assert platform_matrix.main_note({"platforms.main": "X"}) is None


def test_smgov_get_shows_the_ranking_and_the_chosen_score(smgov):
    result = smgov("get", SAMPLES / "small-city.json", "platforms.matrix")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["#", "Platform", "Score", "Reach", "Two-way", "Moder.", "Analyt.",
                                "Access.", "Cost", "Famil."]
    assert lines[2].split() == ["weight", "x3", "x2", "x2", "x1", "x2", "x2", "x1"]
    assert lines[3].split() == ["1", "Facebook", "4.3/5", "5", "4", "4", "4", "4", "4", "5"]
    assert [line.split()[1] for line in lines[3:7]] == ["Facebook", "Instagram", "Nextdoor", "X"]
    assert "Chosen as the main platform on 2026-10-14: Facebook at 4.3/5; now 4.3/5, ranked 1 of 4." \
        in result.out
    as_json = json.loads(smgov("get", SAMPLES / "small-city.json", "platforms.matrix", "--format", "json").out)
    assert as_json["chosen"] == {"platform": "Facebook", "score": 4.31, "on": "2026-10-14"}


def test_smgov_set_takes_json_and_names_what_is_wrong(smgov, plan_path):
    ok = smgov("set", plan_path, "platforms.matrix", '{"candidates": [{"platform": "Facebook", "scores": {"Cost": 5}}]}')
    assert ok.code == 0 and ok.out == "platforms.matrix: 1 Facebook 0.8 (of 5)\n"
    bad = smgov("set", plan_path, "platforms.matrix", '{"candidates": [{"platform": "X", "scores": {"Cost": 8}}]}')
    assert bad.code == 2 and "X's Cost score is a whole number from 0 to 5, not 8" in bad.err
