"""The history table as PlanStorage reads it: append-only, and parsed only when asked.

A plan's history grows by one entry a change and is read far less often than
it is saved, so a save must not cost what the history weighs: with 10,000
entries parsing it takes 7.5 ms, as much as the rest of a save (bench/save.py,
in memory). History keeps the section's bytes as read and parses them only
when a query reads an entry (reading.py has proven them sound, parsing each
byte once a process); an insert appends one line to those bytes, which the
save copies.
"""

from __future__ import annotations

import json
from collections.abc import ItemsView, Iterator, Mapping

from smgov_tui.storage.layout import Parts, appended, history_line, history_section


class History(Mapping):
    """A history table: entries by document id, in the order the file has them."""

    def __init__(self, entries: dict | None = None, written: memoryview | None = None,
                 last_id: int | None = None) -> None:
        """Either the entries as parsed, or the section as `written` in smgov's layout (proven
        sound by reading.py) with the number of its last entry."""
        self._entries = entries
        self._written = written
        self._last_id = last_id
        self._added: dict[str, dict] = {}

    def _parsed(self) -> dict:
        if self._entries is None:
            self._entries = {**json.loads(b"{" + self._written)["history"], **self._added}
        return self._entries

    def __getitem__(self, doc_id: str) -> dict:
        return self._parsed()[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())

    def items(self) -> ItemsView[str, dict]:  # what TinyDB iterates: the parsed dict's, no lookup per key
        return self._parsed().items()

    def append(self, entry: dict) -> int:
        """Add an entry after the last; its document id."""
        if self._last_id is None:
            self._last_id = max((int(doc_id) for doc_id in self._parsed()), default=0)
        self._last_id += 1
        doc_id = str(self._last_id)
        self._added[doc_id] = entry
        if self._entries is not None:
            self._entries[doc_id] = entry
        return self._last_id

    def section(self) -> Parts:
        """The bytes to write: those read, passed through, and a line for each entry appended."""
        if self._written is None:
            return history_section(self._entries)
        section: Parts = [self._written]
        for doc_id, entry in self._added.items():
            section = appended(section, history_line(doc_id, entry))
        return section


def section_of(history: Mapping) -> Parts:
    """The bytes to write for a history table, as read (a History) or as TinyDB rebuilt it (a dict)."""
    return history.section() if isinstance(history, History) else history_section(history)
