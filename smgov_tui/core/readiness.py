"""Plan + catalogue -> the checklist of what still stands between the plan and launch.

Pure and fast: the workbench recomputes it on every keystroke. The order is
fixed (step, then blockers, then catalogue order) so output diffs cleanly.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import NamedTuple

from smgov_tui.core.catalogue import CATALOGUE, Catalogue, Decision
from smgov_tui.core.checks import Check, checks_on
from smgov_tui.core.plan import Plan


class Item(NamedTuple):
    id: str  # a decision id, or a check id ("check.hours")
    step: str
    label: str
    severity: str  # "blocker" or "advice"
    kind: str  # "missing" or "check"
    why: str
    target: str  # the decision to go to

    @property
    def blocking(self) -> bool:
        return self.severity == "blocker"

    def as_json(self) -> dict:
        return {"id": self.id, "step": self.step, "label": self.label,
                "severity": self.severity, "kind": self.kind, "why": self.why}


class Checklist(NamedTuple):
    items: tuple[Item, ...]
    decided: int
    total: int

    @property
    def ready(self) -> bool:
        return not any(item.blocking for item in self.items)

    @property
    def blockers(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.blocking)

    def for_step(self, step: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.step == step)


_WHY = re.compile(r"\*\*Why it matters\.\*\*\s*(.+?)(?:\n\s*\n|$)", re.S)
# A full stop ends a sentence unless it closes an abbreviation ("v.", "e.g.").
_SENTENCE_END = re.compile(r"(?<!\bv)(?<!\be\.g)(?<!\bi\.e)(?<!\bU\.S)(?<!\bvs)(?<!\betc)[.!?](?=\s|$)")


def missing_reason(decision: Decision) -> str:
    """The first sentence of the guidance's "Why it matters", as one line."""
    return _first_reason(decision.guidance)


@lru_cache(maxsize=None)
def _first_reason(guidance: str) -> str:
    """Remembered by the guidance's text, whose hash Python keeps: by the Decision, each
    look-up hashed its kind's settings anew, a sixteenth of the checklist (bench/portfolio.py)."""
    match = _WHY.search(guidance)
    paragraph = " ".join(match[1].split()) if match else ""
    end = _SENTENCE_END.search(paragraph)
    reason = paragraph[: end.end()] if end else paragraph
    return f"Not decided. {reason}".strip()


def urgent_order(result: Checklist, catalogue: Catalogue = CATALOGUE) -> list[Item]:
    """Every open item as ctrl+f walks them: blockers (a failed cross-check is one,
    as much as a missing decision) before advice, each in the order of the
    decisions that fix them."""
    return sorted(result.items, key=lambda item: (not item.blocking, catalogue.position[item.target],
                                                  item.kind != "missing"))


def next_missing(result: Checklist, here: int = -1, catalogue: Catalogue = CATALOGUE,
                 after: str | None = None, checks: bool = False) -> Item | None:
    """The most urgent open item: the first blocker whose decision comes after
    catalogue position `here` (round to the start), advice once nothing blocks.
    `after`, the item gone to last, walks on from it instead: through the
    blockers, then the advice. Go to its `target`. The workbench's ctrl+f walks
    the failed cross-checks too (`checks`), saying why; plain mode's `missing`,
    which states a decision, not a check's reason, walks the missing decisions."""
    walk = [item for item in urgent_order(result, catalogue) if checks or item.kind == "missing"]
    ids = [item.id for item in walk]
    if after in ids:
        return walk[(ids.index(after) + 1) % len(walk)]
    pool = [item for item in walk if item.blocking] or walk
    later = [item for item in pool if catalogue.position[item.target] > here]
    return (later or pool)[0] if pool else None


def merge_item(decision: Decision, ours, theirs) -> Item:
    """A decision a git merge left with two values (storage/merge.py): a blocker until one is chosen."""
    from smgov_tui.core.history import short  # deferred: only a merged plan needs it

    label = (f"Unresolved merge: {decision.id} (ours: {short(decision.id, ours)}, "
             f"theirs: {short(decision.id, theirs)})")
    why = (f"{label}. Two branches changed it differently; choose one with smgov set or the "
           "workbench's conflict dialog.")
    return Item(f"merge.{decision.id}", decision.step, label, "blocker", "check", why, decision.id)


def judged_today() -> _dt.date:
    """The day dates are judged by when no day is given: today. One name, so the
    tests can judge the samples as of a fixed day (their dates fall due in time)."""
    return _dt.date.today()


def checklist(plan: Plan, catalogue: Catalogue = CATALOGUE,
              checks: tuple[Check, ...] | None = None, today: _dt.date | None = None) -> Checklist:
    """`today` judges the dates that fall due (`smgov check --as-of`); None: the
    day it runs, as the workbench's live checklist wants (the one clock read)."""
    if checks is None:
        checks = checks_on(today or judged_today())
    steps = {step.key: step.number for step in catalogue.steps}
    keyed: list[tuple[tuple, Item]] = []
    decided = 0
    for position, decision in enumerate(catalogue.decisions):
        if plan.decided(decision.id):
            decided += 1
            continue
        if decision.id in plan.invalid:
            why = f"The saved value is not valid: {plan.invalid[decision.id]}"
        else:
            why = missing_reason(decision)
        item = Item(decision.id, decision.step, decision.label, decision.severity,
                    "missing", why, decision.id)
        keyed.append(((steps[decision.step], not decision.blocker, 0, position), item))
    for decision_id, (ours, theirs) in plan.merges.items():
        if decision_id in catalogue:
            item = merge_item(catalogue.get(decision_id), ours, theirs)
            keyed.append(((steps[item.step], False, -1, catalogue.position[decision_id]), item))
    for position, check in enumerate(checks):
        why = check.run(plan)
        if why:
            target = check.target_in(plan)
            step = catalogue.get(target).step if target != check.target else check.step
            item = Item(check.id, step, check.label, check.severity, "check", why, target)
            keyed.append(((steps[step], not check.blocker, 1, position), item))
    keyed.sort(key=lambda pair: pair[0])
    return Checklist(tuple(item for _, item in keyed), decided, len(catalogue))
