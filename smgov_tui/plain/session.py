"""A plain-mode session: the catalogue walked one decision at a time.

It keeps what the workbench keeps: the plan as loaded, and per decision the
value this session last loaded or saved (its base), so a save that finds
another session's change is caught (ConflictError) and the person chooses.
Each accepted answer is saved at once; there is nothing to save on leaving.
"""

from __future__ import annotations

from typing import Any

from smgov_tui.core.catalogue import (
    CATALOGUE,
    Decision,
    InvalidValue,
    Step,
    UnknownDecision,
)
from smgov_tui.core.catalogue.kinds import LongText, Matrix, RowRef, Rows
from smgov_tui.core.errors import ConflictError, SmgovError
from smgov_tui.core.history import full_text, local_time
from smgov_tui.core.readiness import Checklist, checklist, next_missing
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
from smgov_tui.plain.lists import ask_matrix, ask_rows
from smgov_tui.storage.store import PlanStore

DECISIONS = CATALOGUE.decisions
POSITION = CATALOGUE.position


class Session:
    def __init__(self, store: PlanStore, console: Console) -> None:
        self.store, self.console = store, console
        self.say = console.say
        self.plan = store.load()
        self.bases: dict[str, Any] = self.plan.to_values()
        self.stamp = store.stamp()
        self.at = 0  # catalogue position; len(DECISIONS) is the end of the plan
        self.step_shown: str | None = None
        self.unsaved = ""  # what was being typed, said if the person leaves mid-way

    # the walk

    def run(self) -> None:
        self.introduce()
        while True:
            try:
                if self.at >= len(DECISIONS):
                    self.end()
                else:
                    self.ask(DECISIONS[self.at])
                    self.at += 1
            except Jump as jump:
                self.at = jump.to

    def introduce(self) -> None:
        from smgov_tui.terminal.verdict import verdict_line

        result = checklist(self.plan)
        self.say("smgov, plain mode: one question at a time; each answer is saved as you give it.")
        self.say(f"Plan file: {visible(str(self.store.path))}")
        self.say(verdict_line(self.plan.name, result))
        self.say("Type ? at any prompt to explain the decision, help for the commands, quit to leave.")
        first = next_missing(result)
        if first is None:
            self.say("Every decision is made: starting at the launch step.")
        self.at = POSITION[first.id if first else CATALOGUE.in_step("launch")[0].id]

    def ask(self, decision: Decision) -> None:
        step = CATALOGUE.step(decision.step)
        if step.key != self.step_shown:
            self.step_header(step)
        in_step = CATALOGUE.in_step(step.key)
        value = self.plan.get(decision.id)
        state = "" if value is not None else " Not decided."
        if decision.id in self.plan.invalid:
            state = f" Not decided: the saved value is not valid: {one_line(self.plan.invalid[decision.id])}."
        self.say()
        self.say(f"Decision {in_step.index(decision) + 1} of {len(in_step)}: {decision.label} "
                 f"({decision.id}), {decision.severity}.{state}")
        if isinstance(decision.kind, Rows):
            ask_rows(self, decision)
        elif isinstance(decision.kind, Matrix):
            ask_matrix(self, decision)
        elif isinstance(decision.kind, LongText):
            self.ask_long(decision)
        else:
            self.ask_value(decision)

    def step_header(self, step: Step) -> None:
        decisions = CATALOGUE.in_step(step.key)
        decided = sum(self.plan.decided(d.id) for d in decisions)
        self.say()
        self.say(f"Step {step.number} of {len(CATALOGUE.steps)}: {step.title}. {step.question} "
                 f"{decided} of {len(decisions)} decided.")
        self.step_shown = step.key

    def ask_value(self, decision: Decision) -> None:
        kind = decision.kind
        names = CATALOGUE.row_names(kind.source, self.plan.values) if isinstance(kind, RowRef) else ()
        value = self.show_current(decision)
        for line in words.option_lines(kind, names):
            self.say(line)
        self.say(words.how(kind, value is not None) + self.example(decision))
        while True:
            text = self.answer(decision, f"{decision.label}: ")
            if text is CLEAR:
                if self.save(decision, None):
                    return
                continue
            if not text.strip():
                return
            try:
                value = CATALOGUE.parse(decision.id, words.numbered(kind, names, text), self.plan.values)
            except InvalidValue as error:
                self.say(f"Not saved: {visible(str(error))}")
                continue
            if value is None or self.save(decision, value):
                return

    def show_current(self, decision: Decision) -> Any:
        """The decision's value now, said line by line before it is asked; returned."""
        value = self.plan.get(decision.id)
        for line in (words.value_lines(decision, value) if value is not None else []):
            self.say(line)
        return value

    def ask_long(self, decision: Decision) -> None:
        value = self.show_current(decision)
        self.say(words.how(decision.kind, value is not None) + self.example(decision))
        while True:
            first = self.answer(decision, f"{decision.label}: ")
            if first is CLEAR:
                if self.save(decision, None):
                    return
                continue
            if first.strip() in ("", "."):
                return
            lines = [first]
            self.unsaved = f"The text you were typing for {decision.label} was not saved."
            while True:
                line = self.console.ask("more, or . to end: ")
                if line.strip() == ".":
                    break
                if line.strip() == "?":
                    self.say(words.guidance(decision))
                    self.say("Go on typing; a line with only a full stop ends the text.")
                    continue
                lines.append(line)
            self.unsaved = ""
            if self.save(decision, CATALOGUE.parse(decision.id, "\n".join(lines))):
                return

    @staticmethod
    def example(decision: Decision) -> str:
        return f" Example: {decision.example}" if decision.example else ""

    def end(self) -> None:
        self.step_shown = None
        self.say()
        self.say("End of the plan.")
        self.check()
        while True:
            text = self.answer(None, "Command (Enter leaves): ")
            if text is CLEAR:
                self.say("Go to a decision first (back, step N, go ID) to clear it.")
            elif not text.strip():
                raise Leave
            else:
                self.say("That is not a command: help lists them.")

    # prompts and commands

    def answer(self, decision: Decision | None, prompt: str, nested: bool = False) -> str:
        """A line that is an answer: commands are carried out here, and the
        question asked again (or left, for a jump). `nested` prompts (a row's
        field, a score) finish or cancel before going elsewhere."""
        while True:
            if not nested:
                self.refresh()
            text = self.console.ask(prompt)
            found = command(text, nested)
            if found is None:
                return unquoted(text)
            if found.word == "?":
                self.say(words.guidance(decision) if decision else words.HELP)
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
        self.say(verdict_line(self.plan.name, result))
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
        try:
            entry = self.store.set(decision.id, value, base=self.bases.get(decision.id))
        except ConflictError as conflict:
            return self.resolve(conflict, decision, value, before)
        except SmgovError as error:
            self.say(f"Not saved: {visible(str(error))}")
            return False
        self.took(decision, value, before, entry is not None)
        return True

    def took(self, decision: Decision, value: Any, before: Checklist, changed: bool = True) -> None:
        self.plan = self.plan.with_value(decision.id, value)
        self.bases[decision.id] = value
        self.stamp = self.store.stamp()
        after = checklist(self.plan)
        shown = "cleared" if value is None else words.short(decision.kind.show(value))
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

    def resolve(self, conflict: ConflictError, decision: Decision, mine: Any, before: Checklist) -> bool:
        """Another session changed this decision since it was read: theirs or mine, never lost."""
        who = one_line(conflict.who or "someone")
        when = f" at {local_time(conflict.when)[1]}" if conflict.when else ""
        self.say(f"{decision.label} was changed by {who}{when} in another session.")
        self.say("Theirs, in the file now:")
        self.say(_indented(full_text(decision.id, conflict.theirs)))
        self.say("Yours, not saved:")
        self.say(_indented(full_text(decision.id, mine)))
        self.unsaved = f"Your answer to {decision.label} was not saved."
        while True:
            text = self.answer(decision, "Keep yours or take theirs? Type mine or theirs: ", nested=True)
            choice = text.strip().lower()
            if choice in ("mine", "yours", "keep mine"):
                break
            if choice in ("theirs", "take theirs") or text is CANCEL:
                self.unsaved = ""
                self.reload()
                value = self.plan.get(decision.id)
                self.say(f"Took theirs: {decision.label}: "
                         f"{'not decided' if value is None else words.short(decision.kind.show(value))}.")
                return True
        self.unsaved = ""
        try:
            self.store.set(decision.id, mine, force=True)
        except SmgovError as error:
            self.say(f"Not saved: {visible(str(error))}")
            return False
        self.took(decision, mine, before)
        self.say("The history keeps both versions.")
        return True

    def refresh(self) -> None:
        """Take in what other sessions saved since this one last looked, and say what."""
        if self.store.stamp() == self.stamp:
            return
        changed = self.reload()
        if changed:
            self.say("Updated from another session: "
                     + ", ".join(CATALOGUE.get(d).label for d in changed) + ".")

    def reload(self) -> list[str]:
        """The plan as it is on disk now; the decisions that differ from what this session had."""
        self.stamp = self.store.stamp()
        try:
            fresh = self.store.load()
        except SmgovError as error:
            self.say(f"The plan file cannot be read just now: {visible(str(error))}")
            return []
        values = fresh.to_values()
        changed = [d for d in CATALOGUE.position if values.get(d) != self.bases.get(d)]
        self.plan, self.bases = fresh, values
        return changed


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
