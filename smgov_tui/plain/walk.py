"""The plain-mode walk: the catalogue asked one decision at a time, in order.

Each question says the decision's value now, takes an answer (or a command:
prompts.py) and saves it through the editing session before the next one.
Lists and the evaluation matrix have prompts of their own (lists.py).
"""

from __future__ import annotations

from typing import Any

from smgov_tui.core.catalogue import CATALOGUE, Decision, InvalidValue, Step
from smgov_tui.core.catalogue.kinds import LongText, Matrix, RowRef, Rows
from smgov_tui.core.readiness import checklist, next_missing
from smgov_tui.core.suggestions import accepted
from smgov_tui.core.textsafe import one_line, visible
from smgov_tui.plain import words
from smgov_tui.plain.console import CLEAR, Console, Jump, Leave
from smgov_tui.plain.lists import ask_matrix, ask_rows
from smgov_tui.plain.prompts import DECISIONS, POSITION, Prompts
from smgov_tui.session.editing import EditingSession
from smgov_tui.storage.store import ASKED_ORGANISATION

ORGANISATION = CATALOGUE.steps[0].key  # asked before the eight planning steps


class Walk(Prompts):
    def __init__(self, session: EditingSession, console: Console) -> None:
        super().__init__(session, console)
        self.step_shown: str | None = None

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
        self.say(f"Plan file: {visible(str(self.session.store.path))}")
        self.say(verdict_line(self.plan.title, result))
        self.say("Type ? at any prompt to explain the decision, help for the commands, quit to leave.")
        first = next_missing(result)
        if first is not None and first.step == ORGANISATION \
                and not self.session.store.ask_once(ASKED_ORGANISATION):
            # Asked once already: on to the planning steps (check still lists it).
            first = next_missing(result, max(POSITION[d.id] for d in CATALOGUE.in_step(ORGANISATION)))
        elif first is not None and first.step == ORGANISATION and self.plan.values:
            self.say("This plan does not yet say whom it is for: its name heads every document. "
                     "Enter skips (you are asked once).")
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
        suggested = accepted(decision.id, self.plan)
        for line in words.suggested_lines(decision, suggested) if suggested is not None else ():
            self.say(line)
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
        steps = len(CATALOGUE.steps) - 1  # the eight planning steps; the organisation comes before them
        where = f"Step {step.number} of {steps}: " if step.number else f"Before the {steps} steps: "
        self.say(f"{where}{step.title}. {step.question} {decided} of {len(decisions)} decided.")
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
            if text.strip().lower() == words.USE:
                if self.use_suggestion(decision):
                    return
                continue
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
        for line in (words.value_lines(decision, value, self.plan) if value is not None else []):
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
            if first.strip().lower() == words.USE:
                if self.use_suggestion(decision):
                    return
                continue
            lines = [first]
            self.unsaved = f"The text you were typing for {decision.label} was not saved."
            while True:
                line = self.console.ask("more, or . to end: ")
                if line.strip() == ".":
                    break
                if line.strip() == "?":
                    self.say(words.guidance(decision, self.plan.get("organisation.country")))
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
