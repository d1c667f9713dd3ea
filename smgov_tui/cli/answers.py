"""Many plans read for one answer each (`smgov check PATH...`, `smgov register
PATH...`), an answer kept by the file's content (storage/kept.py) so that an
unchanged plan is not read and judged again on the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smgov_tui.core.errors import PlanFileError
from smgov_tui.storage.files import file_warnings
from smgov_tui.storage.folders import plan_files
from smgov_tui.storage.kept import Kept, digest
from smgov_tui.storage.reading import read_bytes
from smgov_tui.terminal.output import warn

if TYPE_CHECKING:
    from smgov_tui.core.plan import Plan


def cache(args: Any, name: str, day: str = "") -> Kept:
    """The answers kept of this kind; none with --no-cache."""
    from smgov_tui.terminal.paths import cache_folder

    return Kept(None if args.no_cache else cache_folder() / "answers", name, day)


def answers(paths: list[str], notes: list[str], kept: Kept,
            work_out: Callable[[Plan], Any]) -> Iterator[tuple[str, bool, Any]]:
    """(path, found in a folder, the answer or the PlanFileError) for each plan file
    found (storage/folders.py), in its order. A plan is read only when no answer is
    kept for its bytes; then `work_out` gives the answer (JSON) to keep. The file's
    warnings (who may write it) are said whichever way the answer came."""
    for path, searched in plan_files(paths, notes):
        try:
            raw = read_bytes(Path(path))
            key = digest(raw)
            answer = kept.get(key)
            if answer is None:
                from smgov_tui.storage.store import read_plan  # deferred: only a plan not kept needs it

                answer = work_out(read_plan(path, raw))
                kept.put(key, answer)
        except PlanFileError as error:
            yield path, searched, error
            continue
        for message in file_warnings(Path(path)):
            warn(message)
        yield path, searched, answer
    kept.save()
