"""A decision: the one declaration that the screens, checklist, exports and
command line all derive from.

Steps and decisions are NamedTuples, like the catalogue's other records: every
command builds the catalogue as it starts, and dataclasses cost `smgov check`
a quarter of its time (bench/cli.py)."""

from __future__ import annotations

from typing import NamedTuple

from smgov_tui.core.catalogue.kinds import Field, Kind, Rows

# Who reads a decision's words as we print them (issue 16: staff instructions never reach
# the public): the public (the comment policy prints it), the council (it adopts it as a
# rule for its staff), or the team (how the work is done; the plan and the code only).
PUBLIC, COUNCIL, TEAM = "public", "council", "team"
READERS = (PUBLIC, COUNCIL, TEAM)


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
    reader: str = TEAM  # PUBLIC, COUNCIL or TEAM; a row's field may say otherwise (Field.reader)

    @property
    def step(self) -> str:
        return self.id.partition(".")[0]

    @property
    def severity(self) -> str:
        return "blocker" if self.blocker else "advice"

    def field_reader(self, field: Field) -> str:
        """A row field's reader: its own where it says one, else the decision's."""
        return field.reader or self.reader


class NotForReader(ValueError):
    """A document asked for words its readers must not be given (a staff instruction in
    the public comment policy): a programming error, raised so no edit can slip one in."""


def for_reader(decision: Decision, value, reader: str):
    """The part of a value `reader` may read: a list's rows cut to the fields they may
    read; anything else whole. Raises NotForReader when they may read none of it."""
    fields = tuple(f.key for f in decision.kind.fields if decision.field_reader(f) == reader) \
        if isinstance(decision.kind, Rows) else ()
    if not fields and decision.reader != reader:
        raise NotForReader(f"{decision.id} is for the {decision.reader}, not the {reader}")
    if not fields or not isinstance(value, list):
        return value
    return [{key: row[key] for key in fields if key in row} for row in value if isinstance(row, dict)]


def guidance_markdown(decision: Decision, how: str = "", country: str | None = None) -> str:
    """The guidance with what may be entered, in the user's words (the JSON of
    kind.allowed() is for the command line), and an example: what the
    workbench's f1 and plain mode's `?` both show. `how` is the front end's own
    sentence on how to enter it (a list's keys); `country`, the plan's, adds
    what applies there (core/law.py)."""
    from smgov_tui.core.law import where_you_are

    how = f" {how}" if how else ""
    example = f"\n\nExample answer: *{decision.example}*" if decision.example else ""
    here = where_you_are(decision.id, country)
    here = f"\n\n{here}" if here else ""
    return (f"{decision.guidance}{here}\n\n**What you can enter:** "
            f"{decision.kind.described()}.{how}{example}")


def field_guidance_markdown(field: Field) -> str:
    """One field of a list's row, as f1 in the row's form and `?` at its plain prompt show it."""
    need = " It is required: the row is not kept without it." if field.required else ""
    return f"{field.guidance}\n\n**What you can enter:** {field.kind.described()}.{need}"


def blocker(id: str, label: str, kind: Kind, guidance: str, example: str = "",
            reader: str = TEAM) -> Decision:
    return Decision(id, label, kind, True, guidance.strip(), example, reader)


def advice(id: str, label: str, kind: Kind, guidance: str, example: str = "",
           reader: str = TEAM) -> Decision:
    return Decision(id, label, kind, False, guidance.strip(), example, reader)
