"""What every plain-mode prompt shares: its commands, and saving each answer.

A line read at any prompt may be a command (help, check, go ID...) instead of
an answer; a command that moves raises Jump from where the walk is. An answer
goes through the editing session and is saved at once; a change another
session made to the same decision is asked about then and there (theirs or
mine), and what other sessions saved to other decisions is said before the
next question. There is nothing to save on leaving.
"""

from __future__ import annotations

from typing import Any

from smgov_tui.core.catalogue import CATALOGUE, Decision, Step, UnknownDecision
from smgov_tui.core.errors import ConflictError, SmgovError
from smgov_tui.core.history import changed_by, full_text
from smgov_tui.core.plan import Plan
from smgov_tui.core.readiness import Checklist, checklist, next_missing
from smgov_tui.core.suggestions import accepted, why_none
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.plain import words
from smgov_tui.plain.console import (
    CANCEL,
    CLEAR,
    Command,
    Console,
    Jump,
    Leave,
    command,
    unquoted,
)
from smgov_tui.session.editing import EditingSession

DECISIONS = CATALOGUE.decisions
POSITION = CATALOGUE.position


class Prompts:
    def __init__(self, session: EditingSession, console: Console) -> None:
        self.session, self.console = session, console
        self.say = console.say
        self.at = 0  # the walk's catalogue position; len(DECISIONS) is the end of the plan
        self.unsaved = ""  # what was being typed, said if the person leaves mid-way
        self.refused: list[str] = []  # decisions whose answer the plan file refused (until one is saved)

    @property
    def plan(self) -> Plan:
        return self.session.plan

    # prompts and commands

    def answer(self, decision: Decision | None, prompt: str, nested: bool = False, guide: str = "") -> str:
        """A line that is an answer: commands are carried out here, and the
        question asked again (or left, for a jump). `nested` prompts (a row's
        field, a score) finish or cancel before going elsewhere. `guide` is what
        `?` says instead of the decision's guidance (a row's field has its own)."""
        while True:
            if not nested:
                self.follow()
            text = self.console.ask(prompt)
            found = command(text, nested)
            if found is None:
                return unquoted(text)
            if found.word == "?":
                self.say(guide or (words.guidance(decision, self.plan.get("organisation.country")) if decision else words.HELP))
            elif found.word == "help":
                self.say(words.HELP)
            elif found.word == "check":
                self.check()
            elif found.word == "steps":
                self.steps()
            elif found.word == "quit":
                raise Leave
            elif found.word == "clear":
                return CLEAR
            elif found.word == "cancel":
                return CANCEL
            elif nested:
                self.say("Finish this first (Enter goes on), or type cancel.")
            else:
                target = self.target(found)
                if target is not None:
                    raise Jump(target)

    def target(self, found: Command) -> int | None:
        """Where a moving command goes, or None (and why) when it goes nowhere."""
        if found.word == "next":
            if self.at >= len(DECISIONS):
                self.say("This is the end of the plan: back, step N or missing go elsewhere.")
                return None
            return self.at + 1
        if found.word == "back":
            if self.at == 0:
                self.say("This is the first decision.")
                return None
            return self.at - 1
        if found.word == "missing":
            item = next_missing(checklist(self.plan), self.at)
            if item is None:
                self.say("Every decision is made.")
                return None
            return POSITION[item.id]
        if found.word == "step":
            step = find_step(found.argument)
            if step is None:
                self.say(f"No step {one_line(found.argument)!r}; steps are "
                         + ", ".join(f"{s.number} {s.title}" for s in CATALOGUE.steps) + ".")
                return None
            return POSITION[CATALOGUE.in_step(step.key)[0].id]
        try:
            return POSITION[find_decision(found.argument).id]
        except UnknownDecision as error:
            self.say(visible(str(error)).replace("`smgov decisions` lists them",
                                                 "check lists the missing ones"))
            return None

    def check(self) -> None:
        """The checklist as `smgov check` prints it."""
        from smgov_tui.terminal.verdict import checklist_table, verdict_line

        result = checklist(self.plan)
        self.say(verdict_line(self.plan.title, result))
        if result.items:
            self.say()
            self.console.say(checklist_table(result, "text", self.plan.invalid), wrap=False)
            self.say("go ID goes to one of them; missing goes to the next one missing.")

    def steps(self) -> None:
        here = DECISIONS[self.at].step if self.at < len(DECISIONS) else None
        for step in CATALOGUE.steps:
            decisions = CATALOGUE.in_step(step.key)
            decided = sum(self.plan.decided(d.id) for d in decisions)
            mark = " (you are here)" if step.key == here else ""
            self.say(f"  {step.number}. {step.title}: {decided} of {len(decisions)} decided{mark}")

    def confirm(self, question: str) -> bool:
        while True:
            text = self.answer(None, f"{question} Type yes or no: ", nested=True)
            if text is CANCEL or text.strip().lower() in ("no", "n"):
                return False
            if text.strip().lower() in ("yes", "y"):
                return True

    # saving

    def save(self, decision: Decision, value: Any) -> bool:
        """Into the plan file now, with its history entry; False if it was not saved."""
        before = checklist(self.plan)
        self.session.propose(decision.id, value)
        try:
            saved = self.session.save()
        except SmgovError as error:
            return self.not_saved(decision, error)
        if saved.conflicts:
            return self.resolve(saved.conflicts[0], decision, before)
        self.took(decision, value, before, saved.entries[decision.id] is not None)
        return True

    def use_suggestion(self, decision: Decision) -> bool:
        """The word `use`: the suggested answer saved as if typed; if there is none, why."""
        value = accepted(decision.id, self.plan)
        if value is None:
            self.say(f"Nothing to use: {why_none(decision.id)}.")
            return False
        return self.save(decision, value)

    def not_saved(self, decision: Decision, error: SmgovError) -> bool:
        """The answer dropped (the plan as it was) and why said; False."""
        self.session.withdraw(decision.id)
        self.say(f"Not saved: {visible(str(error))}")
        if decision.label not in self.refused:
            self.refused.append(decision.label)
        return False

    def took(self, decision: Decision, value: Any, before: Checklist, changed: bool = True) -> None:
        """What an answer saved did to the checklist."""
        if decision.label in self.refused:
            self.refused.remove(decision.label)
        after = checklist(self.plan)
        shown = "cleared" if value is None else words.short(self.plan.show(decision.kind, value))
        self.say(f"{'Saved' if changed else 'Unchanged'}: {decision.label}: {shown}. "
                 f"{after.decided} of {after.total} decisions made.")
        failing = {item.id for item in before.items if item.kind == "check"}
        for item in after.items:
            if item.kind == "check" and item.id not in failing:
                self.say(f"Check failing now: {item.label}: {one_line(item.why)}")
        passing = {item.id for item in after.items}
        for item in before.items:
            if item.kind == "check" and item.id not in passing:
                self.say(f"Check passing now: {item.label}.")
        if after.ready and not before.ready:
            self.say("READY for launch: nothing blocks.")

    def resolve(self, conflict: ConflictError, decision: Decision, before: Checklist) -> bool:
        """Another session changed this decision since it was read: theirs or mine, never lost."""
        self.say(f"{decision.label} was {changed_by(conflict.who, conflict.when, full=True)} in another session.")
        self.say("Theirs, in the file now:")
        self.say(_indented(full_text(decision.id, conflict.theirs)))
        self.say("Yours, not saved:")
        self.say(_indented(full_text(decision.id, conflict.mine)))
        self.unsaved = f"Your answer to {decision.label} was not saved."
        while True:
            text = self.answer(decision, "Keep yours or take theirs? Type mine or theirs: ", nested=True)
            choice = text.strip().lower()
            if choice in ("mine", "yours", "keep mine"):
                break
            if choice in ("theirs", "take theirs") or text is CANCEL:
                self.unsaved = ""
                value = self.session.take_theirs(conflict)
                self.say(f"Took theirs: {decision.label}: "
                         f"{'not decided' if value is None else words.short(decision.kind.show(value))}.")
                return True
        self.unsaved = ""
        try:
            self.session.keep_mine(conflict)
        except ConflictError as newer:  # changed again while this was asked: asked again, on theirs now
            self.say("It was changed again meanwhile.")
            return self.resolve(newer, decision, before)
        except SmgovError as error:
            return self.not_saved(decision, error)
        self.took(decision, conflict.mine, before)
        self.say("The history keeps both versions.")
        return True

    def follow(self) -> None:
        """Say what other sessions saved since this one last looked (the session has taken it in)."""
        try:
            followed = self.session.follow()
        except SmgovError as error:
            self.say(f"The plan file cannot be read just now: {visible(str(error))}")
            return
        labels = [CATALOGUE.get(d).label for d in (followed.taken if followed else ()) if d in CATALOGUE]
        if labels:
            self.say("Updated from another session: " + ", ".join(labels) + ".")


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


def find_step(text: str) -> Step | None:
    wanted = " ".join(text.lower().split())
    for step in CATALOGUE.steps:
        if wanted in (str(step.number), step.key, step.title.lower()):
            return step
    starts = [s for s in CATALOGUE.steps if s.key.startswith(wanted) or s.title.lower().startswith(wanted)]
    return starts[0] if len(starts) == 1 else None


def find_decision(text: str) -> Decision:
    """By id, by name (any case), or by a word of the name that only one has."""
    text = text.strip()
    if text in CATALOGUE:
        return CATALOGUE.get(text)
    wanted = " ".join(text.lower().split())
    named = [d for d in DECISIONS if d.label.lower() == wanted or d.id.lower() == wanted]
    named = named or [d for d in DECISIONS if wanted in d.label.lower()]
    if len(named) == 1:
        return named[0]
    if named:
        raise UnknownDecision(f"{text!r} is in several names; go to one by its id: "
                              + ", ".join(d.id for d in named[:8]))
    return CATALOGUE.get(text)  # raises, naming the nearest ids
