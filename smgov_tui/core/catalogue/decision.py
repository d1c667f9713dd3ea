"""A decision: the one declaration that the screens, checklist, exports and
command line all derive from.

Steps and decisions are NamedTuples, like the catalogue's other records: every
command builds the catalogue as it starts, and dataclasses cost `smgov check`
a quarter of its time (bench/cli.py)."""

from __future__ import annotations

from typing import NamedTuple

from smgov_tui.core.catalogue.kinds import Field, Kind


class Step(NamedTuple):
    key: str
    number: int
    title: str
    question: str  # the step in one line, for headers and the plain-prompt mode


class Decision(NamedTuple):
    id: str  # "step.name": stable, written in plan files; never rename
    label: str
    kind: Kind
    blocker: bool  # launch needs it; otherwise it is advice
    guidance: str  # Markdown: what it means, why it matters, a default or example
    example: str = ""  # a sample answer, shown as a placeholder

    @property
    def step(self) -> str:
        return self.id.partition(".")[0]

    @property
    def severity(self) -> str:
        return "blocker" if self.blocker else "advice"


def guidance_markdown(decision: Decision, how: str = "") -> str:
    """The guidance with what may be entered, in the user's words (the JSON of
    kind.allowed() is for the command line), and an example: what the
    workbench's f1 and plain mode's `?` both show. `how` is the front end's own
    sentence on how to enter it (a list's keys)."""
    how = f" {how}" if how else ""
    example = f"\n\nExample answer: *{decision.example}*" if decision.example else ""
    return f"{decision.guidance}\n\n**What you can enter:** {decision.kind.described()}.{how}{example}"


def field_guidance_markdown(field: Field) -> str:
    """One field of a list's row, as f1 in the row's form and `?` at its plain prompt show it."""
    need = " It is required: the row is not kept without it." if field.required else ""
    return f"{field.guidance}\n\n**What you can enter:** {field.kind.described()}.{need}"


def blocker(id: str, label: str, kind: Kind, guidance: str, example: str = "") -> Decision:
    return Decision(id, label, kind, True, guidance.strip(), example)


def advice(id: str, label: str, kind: Kind, guidance: str, example: str = "") -> Decision:
    return Decision(id, label, kind, False, guidance.strip(), example)
