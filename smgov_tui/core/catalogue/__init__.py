"""The decision catalogue: every decision a plan must make, declared once.

Screens, the checklist, exports and the command line all read it from here;
adding a decision means adding one declaration to its step's module.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from smgov_tui.core.catalogue import (
    conduct,
    launch,
    objectives,
    organisation,
    peers,
    platforms,
    resources,
    response,
    safeguards,
)
from smgov_tui.core.catalogue.decision import Decision, Step
from smgov_tui.core.catalogue.kinds import InvalidValue, Kind, RowRef, Rows, is_empty

STEPS: tuple[Step, ...] = (
    organisation.STEP,  # not one of the eight planning steps: the facts they all build on
    Step("objectives", 1, "Objectives", "What do we want from social media, and how will we know?"),
    Step("resources", 2, "Resources", "What time, staff and money do we really have?"),
    Step("response", 3, "Response", "Who answers what, how, how fast, and in which voice?"),
    Step("platforms", 4, "Platforms and tools", "Where will we be, and with which tools?"),
    Step("peers", 5, "Peers", "What have cities, counties and agencies like us learned?"),
    Step("conduct", 6, "Rules of engagement", "What conduct do we expect of everyone involved?"),
    Step("safeguards", 7, "Safeguards", "Security, records, accessibility, law and crisis."),
    Step("launch", 8, "Launch", "Is everything decided, and who signs it off?"),
)

_MODULES = (organisation, objectives, resources, response, platforms, peers, conduct, safeguards, launch)


class UnknownDecision(KeyError):
    def __str__(self) -> str:
        return self.args[0]


class Catalogue:
    """The steps and decisions in plan order, with lookups."""

    def __init__(self, steps: Iterable[Step], decisions: Iterable[Decision]):
        self.steps = tuple(steps)
        self.decisions = tuple(decisions)
        self._by_id = {d.id: d for d in self.decisions}
        self._steps = {s.key: s for s in self.steps}
        self.position = {d.id: i for i, d in enumerate(self.decisions)}

    def __len__(self) -> int:
        return len(self.decisions)

    def __iter__(self):
        return iter(self.decisions)

    def __contains__(self, decision_id: object) -> bool:
        return decision_id in self._by_id

    def step(self, key: str) -> Step:
        return self._steps[key]

    def in_step(self, key: str) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.step == key)

    def get(self, decision_id: str) -> Decision:
        try:
            return self._by_id[decision_id]
        except KeyError:
            import difflib  # deferred: only a mistyped id needs suggestions

            near = difflib.get_close_matches(decision_id, self._by_id, n=3)
            hint = f"; did you mean {' or '.join(near)}?" if near else "; `smgov decisions` lists them"
            raise UnknownDecision(f"unknown decision {decision_id!r}{hint}") from None

    def label(self, decision_id: str) -> str:
        """A decision's name; an id from a newer catalogue (kept in a plan) as it is."""
        decision = self._by_id.get(decision_id)
        return decision.label if decision else decision_id

    def row_names(self, decision_id: str, values: Mapping[str, Any]) -> tuple[str, ...]:
        """The names of a list decision's rows, for choices that pick one of them."""
        kind = self.get(decision_id).kind
        assert isinstance(kind, Rows)
        return tuple(str(row[kind.key_field]) for row in values.get(decision_id) or ()
                     if row.get(kind.key_field))

    def _names_for(self, kind: Kind, values: Mapping[str, Any] | None):
        if isinstance(kind, RowRef) and values is not None:
            return self.row_names(kind.source, values)
        return None

    def parse(self, decision_id: str, text: str, values: Mapping[str, Any] | None = None) -> Any:
        """What a person typed -> the stored value (None clears). Raises InvalidValue."""
        kind = self.get(decision_id).kind
        if isinstance(kind, RowRef):
            return kind.check(text, self._names_for(kind, values)) if text.strip() else None
        return kind.parse(text)

    def check(self, decision_id: str, value: Any, values: Mapping[str, Any] | None = None) -> Any:
        """A JSON value -> the stored value (None clears). Raises InvalidValue."""
        kind = self.get(decision_id).kind
        if value is None:
            return None
        if isinstance(kind, RowRef):
            return kind.check(value, self._names_for(kind, values))
        return kind.check(value)


CATALOGUE = Catalogue(STEPS, (d for module in _MODULES for d in module.DECISIONS))

__all__ = ["CATALOGUE", "Catalogue", "Decision", "InvalidValue", "Step", "UnknownDecision", "is_empty"]
