"""A plan as readable lines, for `git diff` and `git log -p` (`smgov textconv`). Pure.

git diffs what a textconv prints, line by line; so each decision is printed as
one line per value (a list one line per row field, named by its row), and a
change shows as that line removed and added. The history is summarised, one
line per change ("response.tone: formal and informative → friendly but
formal", "platforms.chosen: + Instagram"), so the lines a commit added to the
history say in words what the commit changed; the entries are not dumped.
Every line is terminal-safe (one_line): plan text is data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.core.history import shown
from smgov_tui.core.textsafe import one_line

ARROW = "→"
SUMMARY_WIDTH = 60  # of each value in a history line: enough to tell versions apart, a line stays a line


def _rows_kind(decision_id: str, value: Any) -> Rows | None:
    kind = CATALOGUE.get(decision_id).kind if decision_id in CATALOGUE else None
    return kind if isinstance(kind, Rows) and isinstance(value, list) else None


def _field(kind: Rows, key: str, value: Any) -> str:
    field = next((f for f in kind.fields if f.key == key), None)
    try:
        return one_line(field.kind.show(value)) if field else shown("?", value)
    except (AttributeError, TypeError, ValueError):
        return shown("?", value)


def _by_name(kind: Rows, rows: list) -> dict[str, dict]:
    """Rows by name, without the fields the program fills (a sign-off's digest): not a person's words."""
    key, filled = kind.key_field, {f.key for f in kind.filled}
    return {one_line(str(row.get(key))): {k: v for k, v in row.items() if k not in filled}
            for row in rows if isinstance(row, Mapping)}


def _cut(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[:width - 1] + "…"


def value_lines(decision_id: str, value: Any) -> list[str]:
    """A decision as lines: `id: value`, or a list's rows field by field (`id[Facebook].owner: Dana Ruiz`)."""
    kind = _rows_kind(decision_id, value)
    if kind is None:
        return [f"{one_line(decision_id)}: {shown(decision_id, value)}"]
    lines = []
    for name, row in _by_name(kind, value).items():
        fields = [k for k in (*(f.key for f in kind.fields), *row) if k != kind.key_field]
        lines.append(f"{one_line(decision_id)}[{name}]")
        for key in dict.fromkeys(fields):
            if row.get(key) not in (None, "", []):
                lines.append(f"{one_line(decision_id)}[{name}].{one_line(str(key))}: {_field(kind, key, row[key])}")
    return lines or [f"{one_line(decision_id)}: (no rows)"]


def change_lines(decision_id: str, old: Any, new: Any, width: int | None = None) -> list[str]:
    """What a change did, in words: `id: old → new`; for a list, rows added and removed by
    name (`id: + Instagram`, `id: - X`) and each changed field (`id[Facebook].owner: A → B`);
    each value cut to `width` characters, if given."""
    name = one_line(decision_id)
    old_kind, new_kind = _rows_kind(decision_id, old), _rows_kind(decision_id, new)
    kind = new_kind or old_kind
    if kind is None or (old is not None and old_kind is None) or (new is not None and new_kind is None):
        return [f"{name}: {_cut(shown(decision_id, old), width)} {ARROW} {_cut(shown(decision_id, new), width)}"]
    before, after = _by_name(kind, old or []), _by_name(kind, new or [])
    lines = [f"{name}: + {row}" for row in after if row not in before]
    lines += [f"{name}: - {row}" for row in before if row not in after]
    for row, fields in after.items():
        if row not in before or fields == before[row]:
            continue
        for key in dict.fromkeys([*fields, *before[row]]):
            was, now = before[row].get(key), fields.get(key)
            if was != now:
                lines.append(f"{name}[{row}].{one_line(str(key))}: {_cut(_shown_field(kind, key, was), width)} "
                             f"{ARROW} {_cut(_shown_field(kind, key, now), width)}")
    if not lines and list(before) != list(after):
        lines.append(f"{name}: reordered")
    return lines or [f"{name}: {'unchanged' if old == new else 'updated'}"]


def _shown_field(kind: Rows, key: str, value: Any) -> str:
    return "(none)" if value in (None, "", []) else _field(kind, key, value)


def history_line(number: Any, entry: Mapping) -> str:
    """One history entry summarised: `history 12, 2026-11-23T19:31:04Z, druiz: response.tone: A → B`."""
    if not isinstance(entry, Mapping):
        return f"history {one_line(str(number))}: (not a change)"
    decision = str(entry.get("decision", "?"))
    change = "; ".join(change_lines(decision, entry.get("old"), entry.get("new"), SUMMARY_WIDTH))
    undo = f" (undoes {one_line(str(entry['undoes']))})" if "undoes" in entry else ""
    return (f"history {one_line(str(number))}, {one_line(str(entry.get('when', '?')))}, "
            f"{one_line(str(entry.get('who', '?')))}: {change}{undo}")


def plan_lines(name: str, values: Mapping, unresolved: list | None = None,
               history: Mapping | None = None) -> list[str]:
    """The whole plan as lines: its name, each decision in catalogue order, the decisions a
    merge left unresolved, then the history, one line per change."""
    position = CATALOGUE.position
    lines = [f"plan: {one_line(str(name))}"]
    for decision_id in sorted(values, key=lambda k: (k not in position, position.get(k, 0), k)):
        lines += value_lines(decision_id, values[decision_id])
    for mark in unresolved or ():
        decision = str(mark.get("decision"))
        lines.append(f"unresolved merge: {one_line(decision)} (ours: {shown(decision, mark.get('ours'))}, "
                     f"theirs: {shown(decision, mark.get('theirs'))})")
    for number, entry in (history or {}).items():
        lines.append(history_line(number, entry))
    return lines
