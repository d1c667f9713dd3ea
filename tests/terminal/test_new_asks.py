"""`smgov new` at a terminal asks the organisation's facts first, in 80 columns."""

from __future__ import annotations

import json

from drive import Tmux, require, smgov_argv, terminal_env


def test_new_at_a_terminal_asks_the_organisation_within_80_columns(tmp_path):
    require("tmux")
    plan = tmp_path / "town.json"
    with Tmux(tmp_path, terminal_env(tmp_path)) as tmux:
        tmux.start(smgov_argv("new", plan), cwd=tmp_path)
        tmux.wait_for_text("Organisation's name:")
        for answer, next_question in (("Town of Millbrook", "Kind of organisation"),
                                      ("town", "Country or legal system"),
                                      ("United Kingdom", "Website"),
                                      ("millbrook.gov.uk", "Currency"),
                                      ("GBP", "created")):
            tmux.type(answer)
            tmux.send("Enter")
            shown = tmux.wait_for_text(next_question)
        assert tmux.wait_for_exit() == "0"
        assert "Country or legal system, one of: United States, United Kingdom" in shown
        # No question filled the width and ran on: each ends on the line it starts.
        questions = shown.split("created ")[0].splitlines()
        assert not any(len(line) >= 80 for line in questions), shown
    values = json.loads(plan.read_text(encoding="utf-8"))["plan"]["1"]["values"]
    assert values == {"organisation.name": "Town of Millbrook", "organisation.kind": "town",
                      "organisation.country": "United Kingdom",
                      "organisation.website": "https://millbrook.gov.uk", "organisation.currency": "GBP"}
