"""Three versions of one plan's tables merged into one, as git's merge driver asks (`smgov merge-driver`).

Two departments editing one plan on two branches change different decisions
far more often than the same one; a merge of JSON lines would still clash in
the history (both sides append after the same last line) and leave the
checksum wrong. So the merge is of the tables, not of lines:
- a decision, the plan's name, a meta key or another table's document changed
  on one side only takes that side's value; changed on both sides to the same
  value, that value;
- a list decision (a platform's rows, the roster) changed on both sides merges
  row by row, rows known by their key (the platform, the person): a row added,
  removed or changed on one side only takes that side's change; the same row
  changed differently on both sides makes the decision a conflict;
- a decision changed on both sides to different values is a conflict: the plan
  keeps ours (git's `%A`, the branch being merged into) and `meta.unresolved`
  lists it with both values, so the plan stays valid and every front end can
  show both until one is chosen (`smgov set`, or the workbench's conflict
  dialog, clears the mark: store.py);
- the histories are joined: every entry once (an entry both sides have, as
  the common ancestor's are, is kept once), in time order, renumbered, an
  undo's `undoes` following the entry it reverted;
- the revision is past both sides' (a later save counts on from it).
`merge` is pure (no files, no git); `merged_text` reads git's three versions
and lays the result out with layout.serialise, which stamps the history's
checksum.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from smgov_tui.core.catalogue import CATALOGUE, InvalidValue
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.core.errors import PlanFileError
from smgov_tui.core.names import name_key
from smgov_tui.storage.layout import DOC, UNRESOLVED, doc_order, serialise, unresolved
from smgov_tui.storage.migrations import migrate
from smgov_tui.storage.reading import check, read_plan_data

_ABSENT: Any = object()


class Merged(NamedTuple):
    tables: dict
    conflicts: tuple[dict, ...]  # {"decision", "ours", "theirs"}, each also in meta[UNRESOLVED]


def _three_way(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """The merged value and whether the two sides clash (then ours is kept)."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


def _keyed(rows: Any, key: str) -> dict[str, dict] | None:
    """A list's rows by their key, or None when they cannot be told apart (a key missing
    or twice): then the list merges whole."""
    if rows is _ABSENT:
        return {}
    if not isinstance(rows, list) or not all(isinstance(row, Mapping) for row in rows):
        return None
    keyed = {name_key(row.get(key)): dict(row) for row in rows}
    return keyed if len(keyed) == len(rows) and "" not in keyed else None


def _merge_rows(decision_id: str, base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """A list decision both sides changed, merged row by row; (ours, True) when a row
    clashes, the rows cannot be told apart, or the merged rows are not a valid value."""
    decision = CATALOGUE.get(decision_id) if decision_id in CATALOGUE else None
    if decision is None or not isinstance(decision.kind, Rows):
        return ours, True
    key = decision.kind.key_field
    sides = [_keyed(rows, key) for rows in (base, ours, theirs)]
    if any(side is None for side in sides):
        return ours, True
    merged, clashes = _merge_mapping(*sides)
    if clashes:
        return ours, True
    order = [*(sides[1]), *(k for k in sides[2] if k not in sides[1])]
    rows = [merged[k] for k in order if k in merged]
    if not rows:
        return _ABSENT, False
    try:
        return CATALOGUE.check(decision_id, rows), False
    except InvalidValue:
        return ours, True


def _merge_mapping(base: Mapping, ours: Mapping, theirs: Mapping,
                   rows: bool = False) -> tuple[dict, list[str]]:
    """Key by key; the keys that clash. An absent key is a value too (a cleared decision).
    `rows`: the keys are decisions, and a list decision both sides changed merges row by row."""
    merged: dict = {}
    clashes: list[str] = []
    for key in [*ours, *(k for k in theirs if k not in ours), *(k for k in base if k not in ours and k not in theirs)]:
        sides = (base.get(key, _ABSENT), ours.get(key, _ABSENT), theirs.get(key, _ABSENT))
        value, clash = _three_way(*sides)
        if clash and rows:
            value, clash = _merge_rows(key, *sides)
        if clash:
            clashes.append(key)
        if value is not _ABSENT:
            merged[key] = value
    return merged, clashes


def _doc(tables: Mapping, table: str) -> dict:
    doc = (tables.get(table) or {}).get(DOC)
    return dict(doc) if isinstance(doc, Mapping) else {}


def _key(entry: Any) -> str:
    """An entry's identity: its content, but not its number (each side numbers its own)."""
    if isinstance(entry, Mapping):
        entry = {k: v for k, v in entry.items() if k != "undoes"}
    return json.dumps(entry, sort_keys=True, ensure_ascii=False)


def merge_histories(*sides: Mapping) -> dict:
    """Every entry of every side once, in time order (ties: the order the sides give), numbered
    from 1, each `undoes` pointing at the renumbered entry it reverted. An entry is the same on
    two sides by its content and how many alike came before it on its side (two identical
    changes in one second on one side are two entries)."""
    seen: dict[tuple, dict] = {}  # identity -> the entry, its time, its place, what it undoes
    for side in sides:
        ids: dict[str, tuple] = {}
        alike: dict[str, int] = {}
        order = sorted(side, key=doc_order)
        for doc_id in order:
            key = _key(side[doc_id])
            alike[key] = alike.get(key, 0) + 1
            ids[str(doc_id)] = (key, alike[key])
        for doc_id in order:
            entry, identity = side[doc_id], ids[str(doc_id)]
            if identity in seen:
                continue
            undoes = entry.get("undoes") if isinstance(entry, Mapping) else None
            seen[identity] = {"entry": entry, "order": len(seen),
                              "when": str(entry.get("when", "")) if isinstance(entry, Mapping) else "",
                              "undoes": ids.get(str(undoes)) if undoes is not None else None}
    ordered = sorted(seen.items(), key=lambda pair: (pair[1]["when"], pair[1]["order"]))
    number = {identity: n for n, (identity, _) in enumerate(ordered, 1)}
    history: dict = {}
    for n, (_, item) in enumerate(ordered, 1):
        entry = item["entry"]
        if item["undoes"] in number:
            entry = {**entry, "undoes": number[item["undoes"]]}
        history[str(n)] = entry
    return history


def merge(base: Mapping, ours: Mapping, theirs: Mapping) -> Merged:
    """The three versions' tables (as read and migrated; `base` may be {}: no common ancestor) merged."""
    base_plan, our_plan, their_plan = (_doc(t, "plan") for t in (base, ours, theirs))
    values, clashes = _merge_mapping(base_plan.get("values") or {}, our_plan.get("values") or {},
                                     their_plan.get("values") or {}, rows=True)
    plan_doc, _ = _merge_mapping({k: v for k, v in base_plan.items() if k != "values"},
                                 {k: v for k, v in our_plan.items() if k != "values"},
                                 {k: v for k, v in their_plan.items() if k != "values"})  # a clash: ours
    plan_doc["values"] = values
    base_meta, our_meta, their_meta = (_doc(t, "meta") for t in (base, ours, theirs))
    meta, _ = _merge_mapping(base_meta, our_meta, their_meta)
    revisions = [m.get("revision") for m in (our_meta, their_meta)]
    meta["revision"] = max((r for r in revisions if type(r) is int and r >= 0), default=0) + 1
    asked = [*(our_meta.get("asked") or []), *(their_meta.get("asked") or [])]
    if asked:
        meta["asked"] = list(dict.fromkeys(a for a in asked if isinstance(a, str)))
    conflicts = tuple({"decision": key, "ours": our_plan["values"][key] if key in our_plan.get("values", {}) else None,
                       "theirs": their_plan["values"][key] if key in their_plan.get("values", {}) else None}
                      for key in clashes)
    # marks still open merge as any meta key; both sides changed them (each resolved another): both sides' open ones
    kept, clash = _three_way(*(tuple(unresolved(m)) for m in (base_meta, our_meta, their_meta)))
    if clash:
        kept = (*unresolved(their_meta), *unresolved(our_meta))
    marks = {m["decision"]: m for m in kept}
    marks.update({c["decision"]: c for c in conflicts})
    meta.pop(UNRESOLVED, None)
    if marks:
        meta[UNRESOLVED] = list(marks.values())
    tables: dict = {"meta": {DOC: meta}, "plan": {DOC: plan_doc}}
    for name in [*ours, *(t for t in theirs if t not in ours)]:
        if name in ("meta", "plan", "history"):
            continue
        sides = [t.get(name) if isinstance(t.get(name), Mapping) else {} for t in (base, ours, theirs)]
        tables[name], _ = _merge_mapping(*sides)
    tables["history"] = merge_histories(*(t.get("history") or {} for t in (base, ours, theirs)))
    return Merged(tables, conflicts)


def _tables(path: Path, may_be_empty: bool) -> dict | None:
    """A version's tables, migrated; {} for an empty common ancestor (none: added on both sides);
    None if it is not a plan this smgov reads."""
    try:
        if may_be_empty and path.stat().st_size == 0:
            return {}
        return migrate(read_plan_data(path))
    except (PlanFileError, OSError):
        return None


def merged_text(base: Path, ours: Path, theirs: Path) -> tuple[str, tuple[dict, ...]] | None:
    """The merged plan file's text and its conflicts, for git's three versions; None when
    one of them is not a plan (git's own line merge is then the fallback)."""
    sides = (_tables(base, True), _tables(ours, False), _tables(theirs, False))
    if any(side is None for side in sides):
        return None
    result = merge(*sides)
    check(result.tables, ours)  # a plan smgov reads back, or PlanFileError: never written otherwise
    return serialise(result.tables), result.conflicts
