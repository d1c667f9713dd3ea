"""Typing meets a conflict in a real terminal, and nothing typed is lost.

A person types a sentence at 12 keys a second into the first decision while
a colleague's `smgov set` changes the same decision from another shell. The
old dialog opened mid-word and took the next letter as its answer ("r" of
"reply" reloaded theirs, "k" kept mine unseen). Now every character lands in
the field, the file keeps the colleague's value until the person chooses,
and the choice (F3, keep mine) saves the whole sentence with the colleague's
value in the history.
"""

from __future__ import annotations

import json
import subprocess
import time

import pytest
from drive import WHO, Tmux, require, smgov_argv, terminal_env

from smgov_tui.cli import main

FIRST_FRAME = "1/8 Objectives"
FIELD = "objectives.conversations_now"  # a blank plan opens here, cursor in it
THEIRS = "Set by a colleague"
KEYS_A_SECOND = 12


def on_disk(plan) -> tuple[object, list[dict]]:
    data = json.loads(plan.read_text(encoding="utf-8"))
    return data["plan"]["1"]["values"].get(FIELD), [e for e in data["history"].values() if e["decision"] == FIELD]


@pytest.mark.parametrize("sentence", [
    "we draft every reply and the council reviews it first",  # the issue's: "r" chose reload
    "we keep a kind word ready and check back in a week",     # "k" chose keep mine, unseen
], ids=["r-in-the-text", "k-in-the-text"])
def test_typing_through_a_colleagues_change_loses_nothing(tmp_path, sentence):
    require("tmux")
    plan = tmp_path / "plan.json"
    assert main(["new", str(plan), "--name", "Typing plan"]) == 0
    env = terminal_env(tmp_path)
    with Tmux(tmp_path, env) as tmux:
        tmux.start(smgov_argv(plan), cwd=tmp_path)
        tmux.wait_for(lambda: FIRST_FRAME in tmux.screen() or tmux.exit_status() is not None, "the first frame")
        assert FIRST_FRAME in tmux.screen(), tmux.screen()

        colleague = None
        for typed, character in enumerate(sentence, 1):
            tmux.type(character)
            time.sleep(1 / KEYS_A_SECOND)  # a typist's pace, not a wait for a result
            if typed == len("we draft every "):  # mid-sentence, from another shell, typing on
                colleague = subprocess.Popen(smgov_argv("set", plan, FIELD, THEIRS), env={**env, "USER": "colleague",
                                             "LOGNAME": "colleague"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert colleague is not None and colleague.wait(60) == 0, colleague.stderr.read()

        # The clash is said in the bar; the file keeps theirs until I choose.
        tmux.wait_for_text(f"In the file now: {THEIRS}", "f3 keep mine", timeout=20)
        assert on_disk(plan)[0] == THEIRS, "the colleague's value was overwritten before anyone chose"
        shown = tmux.screen()
        assert "Changed in another session" not in shown  # no dialog took the keys
        tmux.send("F3")
        tmux.wait_for(lambda: on_disk(plan)[0] == sentence, "my sentence, whole, in the file", timeout=15)
        tmux.send("C-q")
        assert tmux.wait_for_exit() == "0", tmux.screen()

    value, history = on_disk(plan)
    assert value == sentence  # every character typed
    assert ("colleague", THEIRS) in [(e["who"], e["new"]) for e in history]  # theirs kept in the history
    assert (history[-1]["who"], history[-1]["old"], history[-1]["new"]) == (WHO, THEIRS, sentence)
