"""Plan files found as a reviewer has them: named, or in folders searched below.

Shared by `smgov check PATH...` and `smgov register PATH...`. Hidden files and
folders (.git, smgov's own lock and temp files) are passed over, each file is
found once however it was reached (a link, a folder named twice), and a folder
that cannot be searched is a note for the caller to show, never a crash.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

PLAN_SUFFIX = ".json"  # what a plan file is named in a folder; companions (.bak, .lock) are not


def _hidden(name: str) -> bool:
    return name.startswith(".")


def plan_files(paths: list[str], notes: list[str]) -> Iterator[tuple[str, bool]]:
    """Each file to read as a plan, once, with whether it was found in a folder
    (else named: read as a plan whatever it holds), in the order given, a
    folder's files sorted by path. A folder that cannot be searched adds a note."""
    seen: set[str] = set()

    def unreadable(error: OSError) -> None:
        notes.append(f"cannot search {error.filename}: {error.strerror or error}; plans in it are not read")

    for given in paths:
        if not os.path.isdir(given):
            found = [(given, False)]
        else:
            found = []
            for folder, folders, files in os.walk(given, onerror=unreadable):
                folders[:] = [name for name in folders if not _hidden(name)]
                found += [(os.path.join(folder, name), True) for name in files
                          if name.endswith(PLAN_SUFFIX) and not _hidden(name)]
            found.sort(key=lambda pair: Path(pair[0]).parts)
        for path, searched in found:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path, searched
