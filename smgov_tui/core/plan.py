"""The Plan: a plan's decided values, keyed by decision id. Pure Python.

Values are kept only once the catalogue accepts them. A value in the file that
no longer fits (hand-edited, or from an older catalogue) is set aside in
`invalid` with the reason, so the checklist can ask for it again instead of a
check tripping over it. Ids the catalogue does not know are kept in `unknown`
and written back untouched. `merges`: the decisions a git merge left for a
person to choose (storage/merge.py), each with both sides' values; the plan
holds ours meanwhile, and the checklist blocks on each until it is chosen.
"""

from __future__ import annotations

from typing import Any, Mapping

from smgov_tui.core.catalogue import CATALOGUE, Catalogue, InvalidValue, is_empty
from smgov_tui.core.catalogue.kinds import MONEY, Kind, Money
from smgov_tui.core.catalogue.organisation import CURRENCIES


class Plan:
    """A plain class, not a dataclass, as the catalogue's kinds are (see Kind): it loads with every command."""

    def __init__(self, name: str = "", values: dict[str, Any] | None = None,
                 invalid: dict[str, str] | None = None, unknown: dict[str, Any] | None = None,
                 merges: dict[str, tuple[Any, Any]] | None = None) -> None:
        self.name = name
        self.values: dict[str, Any] = {} if values is None else values
        self.invalid: dict[str, str] = {} if invalid is None else invalid
        self.unknown: dict[str, Any] = {} if unknown is None else unknown
        self.merges: dict[str, tuple[Any, Any]] = {} if merges is None else merges  # id -> (ours, theirs)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    __hash__ = None  # type: ignore[assignment]  # mutable: equal plans may not stay equal

    def __repr__(self) -> str:
        return f"Plan(name={self.name!r}, values={self.values!r}, invalid={self.invalid!r}, unknown={self.unknown!r})"

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

    @property
    def organisation(self) -> str:
        """The organisation's name; "" while not decided."""
        return self.values.get("organisation.name") or ""

    @property
    def title(self) -> str:
        """Whom the plan is for, as every title bar, verdict and document names it:
        the organisation's name, else (not decided yet) the plan's own name."""
        return self.organisation or self.name

    def headed(self, title: str) -> str:
        """A document's title with the organisation before it, once there is one:
        "Town of Millbrook: Public Comment Policy"."""
        return f"{self.organisation}: {title}" if self.organisation else title

    @property
    def currency_sign(self) -> str:
        """What goes before every sum ("$", "£", "A$"); none while the currency is undecided."""
        return CURRENCIES.get(self.values.get("organisation.currency") or "", "")

    def money(self, amount: float) -> str:
        """An amount as this plan shows it: "£1,500"; "1,500" with no currency decided."""
        return self.currency_sign + MONEY.show(amount)

    def show(self, kind: Kind, value: Any) -> str:
        """A value as its kind shows it, a sum with the plan's currency: the one place
        that knows both (a kind knows no plan)."""
        if isinstance(kind, Money) and value is not None:
            return self.money(value)
        return kind.show(value)

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
        merges = {key: both for key, both in self.merges.items() if key != decision_id}  # chosen now
        return Plan(self.name, values, invalid, dict(self.unknown), merges)

    def to_values(self) -> dict[str, Any]:
        """Everything to write back: known values and the ids we do not know."""
        return {**self.unknown, **self.values}
