"""The Plan: a plan's decided values, keyed by decision id. Pure Python.

Values are kept only once the catalogue accepts them. A value in the file that
no longer fits (hand-edited, or from an older catalogue) is set aside in
`invalid` with the reason, so the checklist can ask for it again instead of a
check tripping over it. Ids the catalogue does not know are kept in `unknown`
and written back untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .catalogue import CATALOGUE, Catalogue, InvalidValue, is_empty


@dataclass
class Plan:
    name: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    invalid: dict[str, str] = field(default_factory=dict)
    unknown: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_values(cls, name: str, raw: Mapping[str, Any],
                    catalogue: Catalogue = CATALOGUE) -> Plan:
        plan = cls(name=name)
        # Plain decisions first: a choice of a row (the main platform) is
        # checked against rows that are already loaded.
        order = sorted(raw, key=lambda key: key in catalogue
                       and catalogue.get(key).kind.name == "choice")
        for key in order:
            value = raw[key]
            if key not in catalogue:
                plan.unknown[key] = value
                continue
            try:
                value = catalogue.check(key, value, plan.values)
            except InvalidValue as error:
                plan.invalid[key] = str(error)
                continue
            if not is_empty(value):
                plan.values[key] = value
        return plan

    def get(self, decision_id: str, default: Any = None) -> Any:
        return self.values.get(decision_id, default)

    def rows(self, decision_id: str) -> list[dict]:
        return self.values.get(decision_id) or []

    def decided(self, decision_id: str) -> bool:
        return not is_empty(self.values.get(decision_id))

    def with_value(self, decision_id: str, value: Any) -> Plan:
        """A copy with one decision changed (None clears it)."""
        values = dict(self.values)
        invalid = dict(self.invalid)
        invalid.pop(decision_id, None)
        if is_empty(value):
            values.pop(decision_id, None)
        else:
            values[decision_id] = value
        return Plan(self.name, values, invalid, dict(self.unknown))

    def to_values(self) -> dict[str, Any]:
        """Everything to write back: known values and the ids we do not know."""
        return {**self.unknown, **self.values}
