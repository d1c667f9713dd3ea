"""A decision: the one declaration that the screens, checklist, exports and
command line all derive from."""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import Kind


@dataclass(frozen=True)
class Step:
    key: str
    number: int
    title: str
    question: str  # the step in one line, for headers and the plain-prompt mode


@dataclass(frozen=True)
class Decision:
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


def blocker(id: str, label: str, kind: Kind, guidance: str, example: str = "") -> Decision:
    return Decision(id, label, kind, True, guidance.strip(), example)


def advice(id: str, label: str, kind: Kind, guidance: str, example: str = "") -> Decision:
    return Decision(id, label, kind, False, guidance.strip(), example)
