"""What a sign-off approved, and whether the plan is still that plan.

A sign-off row keeps the plan's revision when it was signed, a digest of every
decided value and a short digest of each one (`signed`). So any later change to
a decision, whichever way it was made (workbench, `smgov set`, plain mode, a
hand edit), shows the sign-off is stale and says which decisions changed, from
the plan alone: the checks and the documents see the Plan, never the history.
Pure: no I/O.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.plan import Plan

SIGNOFF = "launch.signoff"
CHECK = "check.signoff"  # the blocker a stale sign-off raises (core/checks/signoff.py)
_SHORT = 12  # hex digits of each decision's digest: enough to tell a change, small in the file


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _sha256(data: bytes) -> str:
    """hashlib is imported only by a plan that has a sign-off to check: it loads
    OpenSSL, 0.65 MB of the workbench's memory for a plan nobody signed yet."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def signed_values(plan: Plan) -> dict[str, Any]:
    """Every decided value except the sign-off itself: a signer approves the
    decisions, and a second signer adding a row must not make the first
    signer's approval stale. Values set aside as invalid or unknown are not
    decisions the plan makes, so they are not part of what is signed."""
    return {key: value for key, value in plan.values.items() if key != SIGNOFF}


def digest(plan: Plan) -> str:
    """sha256 of the canonical JSON (sorted keys, no spaces) of `signed_values`."""
    return _sha256(_canonical(signed_values(plan)))


def decision_digests(plan: Plan) -> dict[str, str]:
    return {key: _sha256(_canonical(value))[:_SHORT]
            for key, value in signed_values(plan).items()}


def _encode(digests: dict[str, str]) -> str:
    return " ".join(f"{key}={value}" for key, value in sorted(digests.items()))


def _decode(text: str) -> dict[str, str]:
    return dict(pair.partition("=")[::2] for pair in text.split())


def signing(plan: Plan, name: str, role: str, date: str, revision: int) -> dict[str, Any]:
    """A sign-off row for the plan as it stands at `revision` (the file's write count)."""
    return {"name": name, "role": role, "date": date, "revision": revision,
            "digest": digest(plan), "signed": _encode(decision_digests(plan))}


class Standing(NamedTuple):
    row: dict
    current: bool
    changed: tuple[str, ...]  # decision ids changed since, in catalogue order


def standing(plan: Plan, row: dict) -> Standing:
    """Whether `row` signed the plan as it stands. A row from before sign-offs
    kept a digest is taken at its word, as it always was."""
    if "digest" not in row or row["digest"] == digest(plan):
        return Standing(row, True, ())
    signed, now = _decode(row.get("signed", "")), decision_digests(plan)
    changed = {key for key in signed.keys() | now.keys() if signed.get(key) != now.get(key)}
    last = len(CATALOGUE.position)
    return Standing(row, False, tuple(sorted(changed, key=lambda key: (CATALOGUE.position.get(key, last), key))))


def changed_between(before: dict, after: dict) -> tuple[str, ...]:
    """The decisions two sign-off rows signed differently, in catalogue order: what a
    revision changed (the revision history of the adopted documents)."""
    old, new = _decode(before.get("signed", "")), _decode(after.get("signed", ""))
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    last = len(CATALOGUE.position)
    return tuple(sorted(changed, key=lambda key: (CATALOGUE.position.get(key, last), key)))


def newest(plan: Plan) -> Standing | None:
    """The last sign-off recorded, the one that says whether the plan is approved."""
    rows = plan.rows(SIGNOFF)
    return standing(plan, rows[-1]) if rows else None


def _labels(ids: tuple[str, ...], limit: int = 3) -> str:
    names = [CATALOGUE.get(key).label if key in CATALOGUE else key for key in ids]
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def changed_since(state: Standing) -> str:
    """"1 decision changed since (Platforms we will run)"."""
    count = len(state.changed)
    if not count:
        return "the decisions changed since"
    return f"{count} decision{'s' if count != 1 else ''} changed since ({_labels(state.changed)})"


def may_sign(blockers: tuple) -> bool:
    """Signing opens once nothing blocks launch but a stale sign-off, which
    signing again is how to clear."""
    return all(item.id == CHECK for item in blockers)


def shown(state: Standing) -> str:
    """One sign-off as the launch step lists it."""
    said = f"Signed off by {state.row['name']} ({state.row['role']}) on {state.row['date']}"
    return said if state.current else f"{said} — out of date: {changed_since(state)}"


def signer(row: dict) -> str:
    return f"{row['name']} ({row['role']}) on {row['date']}"


def approval(plan: Plan) -> str | None:
    """What every document says about approval; None while nobody signed.
    "approved by" only for sign-offs of the plan as it stands."""
    state = newest(plan)
    if state is None:
        return None
    if not state.current:
        count = len(state.changed)
        what = f"{count} decision{'s' if count != 1 else ''}" if count else "its decisions"
        return (f"Approved by {signer(state.row)}; changed since ({what}): "
                "not approved as it stands.")
    current = [row for row in plan.rows(SIGNOFF) if standing(plan, row).current]
    names = [signer(row) for row in current]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Approved by {listed}."
