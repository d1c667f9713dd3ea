"""Showing a plan's history: who changed which decision, when, from what to what.

Pure text for the command line and the views; which changes a filter keeps is a
TinyDB query, run where the history is stored (storage/changes.py). Also which
change the undo key reverts: read from the history, not kept in memory, so an
undo after quitting and reopening still finds this person's last change."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import Rows
from smgov_tui.core.textsafe import json_text, one_line, visible

NOT_DECIDED = "(not decided)"


def shown(decision_id: str, value: Any) -> str:
    """A value on one terminal-safe line, as the catalogue shows it (unknown ids as JSON)."""
    if value is None:
        return NOT_DECIDED
    kind = CATALOGUE.get(decision_id).kind if decision_id in CATALOGUE else None
    try:
        text = kind.show(value) if kind else json_text(value)
    except (AttributeError, TypeError, ValueError):
        text = json_text(value)
    return one_line(text)


def row_change(decision_id: str, old: Any, new: Any) -> str:
    """What a change did to a list decision's rows, in a few words: "+ Nextdoor",
    "Facebook: owner, backup", "- X", "reordered". Empty for other kinds, or when
    the change is not one a person makes in one step."""
    kind = CATALOGUE.get(decision_id).kind if decision_id in CATALOGUE else None
    if not isinstance(kind, Rows) or not isinstance(old, list) or not isinstance(new, list):
        return ""
    key = kind.key_field
    before = {str(row.get(key)): row for row in old if isinstance(row, dict)}
    after = {str(row.get(key)): row for row in new if isinstance(row, dict)}
    parts = [f"+ {name}" for name in after if name not in before]
    parts += [f"- {name}" for name in before if name not in after]
    for name, row in after.items():
        if name in before and row != before[name]:
            fields = [f.key for f in kind.fields if row.get(f.key) != before[name].get(f.key)]
            parts.append(f"{name}: {', '.join(fields)}")
    if not parts and list(before) != list(after):
        parts.append("reordered")
    return one_line("; ".join(parts))


def full_text(decision_id: str, value: Any) -> str:
    """A value in full for a detail view: every row, every line; control
    characters made visible (newlines kept)."""
    if value is None:
        return NOT_DECIDED
    kind = CATALOGUE.get(decision_id).kind if decision_id in CATALOGUE else None
    if isinstance(kind, Rows) and isinstance(value, list):
        lines = []
        for row in value:
            if not isinstance(row, dict):
                lines.append(json_text(row))
                continue
            cells = [f"{f.label}: {f.kind.show(row[f.key])}" for f in kind.fields
                     if row.get(f.key) not in (None, "", [])]
            lines.append("• " + "; ".join(" ".join(str(cell).split()) for cell in cells))
        return visible("\n".join(lines))
    if isinstance(value, str):
        return visible(value)
    try:
        return visible(kind.show(value) if kind else json_text(value))
    except (AttributeError, TypeError, ValueError):
        return visible(json_text(value))


def local_time(when: str, now: _dt.datetime | None = None) -> tuple[str, str]:
    """A UTC history stamp as local time: compact for a table cell ("03-14 09:05" this
    year, "2025-11-02" before), and in full ("2026-03-14 09:05:12 CET")."""
    try:
        moment = _dt.datetime.fromisoformat(when)  # 3.11 reads the Z
    except ValueError:
        return one_line(when)[:16], one_line(when)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.UTC)
    moment = moment.astimezone()
    now = now or _dt.datetime.now().astimezone()
    compact = moment.strftime("%m-%d %H:%M" if moment.year == now.year else "%Y-%m-%d")
    return compact, moment.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def changed_by(who: str | None, when: str | None, full: bool = False) -> str:
    """"changed by lee at 12-06 14:03": who last changed a decision in another session,
    and when (local time; in `full`, to the second with the zone)."""
    at = f" at {local_time(when)[1 if full else 0]}" if when else ""
    return f"changed by {one_line(who or 'someone')}{at}"


# undo

def is_undo(entry: Mapping) -> bool:
    """An entry written by the undo key: it names the change it reverted (`undoes`)."""
    return entry.get("undoes") is not None


def marked(entry: Mapping, text: str) -> str:
    """A change's new value as the history shows it: an undo says so."""
    return f"(undo) {text}" if is_undo(entry) else text


def to_undo(entries: Sequence[tuple[int, Mapping]], who: str,
            values: Mapping[str, Any]) -> tuple[int, Mapping, list[Mapping]] | None:
    """The change the undo key reverts: `who`'s newest change (not an undo itself, not
    undone yet) whose value the plan still holds, as (number, entry, passed over).

    `entries` are the history's, numbered, oldest first; `values` the plan's now.
    A change of `who`'s that someone else has changed since is never reverted (that
    would undo their work): it is passed over, and returned, so the person hears it.
    """
    undone = {entry.get("undoes") for _, entry in entries if is_undo(entry)}
    passed: list[Mapping] = []
    for number, entry in reversed(entries):
        if entry.get("who") != who or is_undo(entry) or number in undone or entry.get("decision") not in CATALOGUE:
            continue
        if values.get(str(entry.get("decision"))) != entry.get("new"):
            passed.append(entry)
            continue
        return number, entry, passed
    return None


def short(decision_id: str, value: Any, width: int = 40) -> str:
    """A value on one line cut to `width` for a notice."""
    text = shown(decision_id, value)
    return text if len(text) <= width else text[: width - 1] + "…"


def clock(when: str, now: _dt.datetime | None = None) -> str:
    """A history stamp as the local hour ("14:03"), today; with its date before."""
    full = local_time(when, now)[1]
    today = (now or _dt.datetime.now().astimezone()).strftime("%Y-%m-%d")
    return full[11:16] if full.startswith(today) else full[:16]
