"""How a plan file is laid out, byte for byte, so that a plan kept in git diffs cleanly.

Tables in order (meta, plan, the tables smgov does not know, history last),
documents by number, keys sorted, a plan's values in catalogue order, a list's
rows and the history's entries one per line. The history is the file's last
section so that a save can copy its bytes and append one line (history.py);
`meta.history_crc32` proves those bytes are laid out as smgov writes them
(reading.py proves they are sound JSON by parsing them).

What JSON cannot hold (NaN, a lone surrogate, an integer of more digits than
Python converts, nesting past the recursion limit) is refused with
PlanFileError before a byte is written, never written as a file that no JSON
reader, smgov included, would read back.
"""

from __future__ import annotations

import functools
import json
import re
import zlib
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.errors import PlanFileError

TABLE_ORDER = ("meta", "plan")  # then tables smgov does not know, then history, always last
DOC = "1"  # the one document of the meta and plan tables (TinyDB's doc_id 1)
UNRESOLVED = "unresolved"  # the meta key listing the decisions a merge left for a person to choose (merge.py)

_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode
_SECTION_END = b"\n  }\n}\n"
_EMPTY_SECTION = b'  "history": {}\n}\n'
_SECTION_MARK = b'\n  "history": {'
_LAST_ID = re.compile(rb'^    "(\d+)": \{')

# A file is written as a list of buffers: the history's bytes as read are
# passed through, never copied or joined, however long the history grows.
Parts = list


Writer = TypeVar("Writer", bound=Callable)


def _writable(write: Writer) -> Writer:
    """`write`, refusing with one line what JSON cannot hold (see the module docstring)."""
    @functools.wraps(write)
    def refusing(*args: Any) -> Any:
        try:
            return write(*args)
        except UnicodeEncodeError as error:
            code = ord(error.object[error.start])
            reason = f"a text holds \\u{code:04x}, which is not Unicode (a lone surrogate)"
        except RecursionError:
            reason = "a value is nested too deeply"
        except ValueError:  # NaN or Infinity; an int of more digits than str() converts
            reason = "a value holds a number JSON cannot hold (NaN, Infinity or thousands of digits)"
        raise PlanFileError(f"cannot save the plan: {reason}; the file on disk is unchanged")
    return refusing  # type: ignore[return-value]


def doc_order(doc_id: Any) -> tuple:
    """Documents by number ("2" before "10"), then any other key by name."""
    text = str(doc_id)
    return (not text.isdigit(), int(text) if text.isdigit() else 0, text)


def _table_order(name: str) -> tuple:
    return (TABLE_ORDER.index(name) if name in TABLE_ORDER else len(TABLE_ORDER), name)


def _ordered_head(data: dict) -> dict:
    """Every table but history: in a fixed order, documents by number, keys sorted, values in catalogue order."""
    position = CATALOGUE.position
    out: dict = {}
    for table in sorted((t for t in data if t != "history"), key=_table_order):
        docs = data[table]
        if not isinstance(docs, dict):  # a table smgov does not know and TinyDB could not read: kept as is
            out[table] = docs
            continue
        out[table] = {}
        for doc_id in sorted(docs, key=doc_order):
            doc = docs[doc_id]
            if isinstance(doc, dict):
                doc = {key: doc[key] for key in sorted(doc)}
                if table == "plan" and isinstance(doc.get("values"), dict):
                    values = doc["values"]
                    doc["values"] = {key: values[key] for key in sorted(
                        values, key=lambda k: (k not in position, position.get(k, 0), k))}
            out[table][doc_id] = doc
    return out


def _pretty(value: Any, level: int) -> str:
    """Indented JSON, but a list of rows one row per line: a changed row is a one-line diff."""
    pad, close = "  " * (level + 1), "  " * level
    if isinstance(value, dict) and value:
        items = [f"{pad}{_COMPACT(str(key))}: {_pretty(item, level + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + close + "}"
    if isinstance(value, list) and value:
        if all(isinstance(item, dict) for item in value):
            items = [pad + _COMPACT(item) for item in value]
        else:
            items = [pad + _pretty(item, level + 1) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + close + "]"
    return _COMPACT(value)


def history_line(doc_id: Any, entry: Any) -> str:
    """One history entry on one line (JSON escapes every newline inside it)."""
    if isinstance(entry, dict):
        entry = {key: entry[key] for key in sorted(entry)}
    return f"    {_COMPACT(str(doc_id))}: {_COMPACT(entry)}"


@_writable
def history_section(entries: Mapping) -> Parts:
    """The history section for these entries, written out in full."""
    lines = [history_line(doc_id, entries[doc_id]) for doc_id in sorted(entries, key=doc_order)]
    if not lines:
        return [_EMPTY_SECTION]
    return [('  "history": {\n' + ",\n".join(lines)).encode("utf-8") + _SECTION_END]


@_writable
def appended(section: Parts, line: str) -> Parts:
    """The section with one more entry's line, its bytes so far passed through, not copied."""
    if len(section) == 1 and section[0] == _EMPTY_SECTION:
        return [('  "history": {\n' + line).encode("utf-8") + _SECTION_END]
    return [*section[:-1], memoryview(section[-1])[:-len(_SECTION_END)],
            b",\n" + line.encode("utf-8") + _SECTION_END]


def history_crc(section: Parts) -> int:
    crc = 0
    for part in section:
        crc = zlib.crc32(part, crc)
    return crc


@_writable
def render(head: dict, section: Parts) -> Parts:
    """The whole file: the head tables (meta stamped with the section's checksum), then the history."""
    meta = head.get("meta", {})
    stamped = {**meta.get(DOC, {}), "history_crc32": history_crc(section)}
    head = _ordered_head({**head, "meta": {**meta, DOC: stamped}})
    members = [f"  {_COMPACT(str(name))}: {_pretty(table, 1)}" for name, table in head.items()]
    return [("{\n" + "".join(member + ",\n" for member in members)).encode("utf-8"), *section]


def serialise(data: dict) -> str:
    """The file smgov writes for these tables."""
    head = {name: table for name, table in data.items() if name != "history"}
    return b"".join(render(head, history_section(data.get("history") or {}))).decode("utf-8")


def split(raw: bytes) -> tuple[bytes, int] | None:
    """The head tables as a JSON object and where the history section starts, if `raw`
    has the shape smgov writes (whether its bytes are smgov's, the checksum says)."""
    at = raw.find(_SECTION_MARK)  # JSON strings hold no raw newline: only smgov's layout puts one here
    if at < 0:
        return None
    head = raw[:at].rstrip()
    if not (raw.endswith(_SECTION_END) or empty_history(raw, at + 1)) or not head.endswith(b","):
        return None
    return head[:-1] + b"\n}", at + 1


def last_id(raw: bytes, section_at: int) -> int:
    """The number of the last history entry, from its line (0 for an empty history, -1 if unreadable)."""
    if empty_history(raw, section_at):
        return 0
    end = entries_end(raw)
    start = raw.rfind(b"\n", section_at, end) + 1
    found = _LAST_ID.match(raw[start:start + 40])
    return int(found[1]) if found else -1


def entries_end(raw: bytes) -> int:
    """Where a non-empty history's last entry ends: the section's closing lines follow."""
    return len(raw) - len(_SECTION_END)


def empty_history(raw: bytes, at: int) -> bool:
    """An empty history section from `at` to the end (compared in place: a slice would copy the history)."""
    return len(raw) - at == len(_EMPTY_SECTION) and raw.endswith(_EMPTY_SECTION)


def unresolved(meta: Mapping) -> list[dict]:
    """The marks a merge (merge.py) left in a plan's meta document (any other shape there is
    ignored). Here, not with the merge: every plan opened is read for them."""
    marks = meta.get(UNRESOLVED)
    return [m for m in marks if isinstance(m, Mapping) and isinstance(m.get("decision"), str)] \
        if isinstance(marks, list) else []
