"""What smgov worked out from plan files, kept in the user's cache folder by each
file's content, so that a reviewer's second look at 200 department plans that
did not change reads the answers instead of judging every plan again
(`smgov check FOLDER`, `smgov register FOLDER`; bench/portfolio.py).

An answer is found by a SHA-256 of the file's bytes as this run read them, so
it is never an answer about other content than the file holds now: a plan
edited, checked out or merged is judged again. The file is stamped with the code
that worked the answers out (every module's size and time: an upgrade or an
edit of the checks starts afresh) and, for answers that depend on the day,
with the day. Anything in doubt (a damaged file, another owner's, a link, a
file others may write, another stamp) and the answers are worked out as ever:
the file only saves time, never changes an answer. JSON, not pickle, so
reading it runs no code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from smgov_tui.storage.files import open_own, remove_stale_temps, write_atomically

KEPT_PLANS = 2000  # answers kept per file: several portfolios' worth, a few MB at most


def code_stamp() -> list:
    """The code the answers come from: each of smgov's modules by name, size and time
    (1 ms for 160 files), and the Python running it."""
    package = Path(__file__).resolve().parent.parent
    modules = []
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if not name.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                modules.append(f"{os.path.relpath(os.path.join(folder, name), package)}:{info.st_size}:"
                               f"{info.st_mtime_ns}")
    return [sys.version, hashlib.sha256("\n".join(modules).encode()).hexdigest()]


def digest(raw: bytes) -> str:
    """A plan file's content, named: what an answer is kept under."""
    return hashlib.sha256(raw).hexdigest()


class Kept:
    """The answers of one kind (`name`), for one day if they depend on it (`day`).
    `folder` None: nothing is read or kept (`--no-cache`)."""

    def __init__(self, folder: Path | None, name: str, day: str = "") -> None:
        self.path = folder / f"{name}.json" if folder is not None else None
        self._stamp = [*code_stamp(), day] if folder is not None else []
        self._old: dict[str, Any] = self._load()
        self._new: dict[str, Any] = {}  # used or worked out in this run: kept first
        self._changed = False

    def _load(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            with os.fdopen(open_own(self.path), "rb") as file:
                kept = json.load(file)
            if kept["stamp"] != self._stamp or not isinstance(kept["answers"], dict):
                return {}  # replaced by the first answer this run works out
            return kept["answers"]
        except Exception:  # missing, damaged, someone else's, a link: work the answers out
            return {}

    def get(self, key: str) -> Any:
        """The answer kept for this content, or None."""
        if key in self._new:
            return self._new[key]
        answer = self._old.pop(key, None)
        if answer is not None:
            self._new[key] = answer
        return answer

    def put(self, key: str, answer: Any) -> None:
        self._new[key] = answer
        self._changed = True

    def save(self) -> None:
        """Write the answers when this run worked any out. Never raises: a full disk
        or a read-only home only costs the next run its time."""
        if self.path is None or not self._changed:
            return
        answers = dict(self._new)
        for key, answer in self._old.items():
            if len(answers) >= KEPT_PLANS:
                break
            answers.setdefault(key, answer)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            remove_stale_temps(self.path)  # of a run killed while writing it
            text = json.dumps({"stamp": self._stamp, "answers": answers}, ensure_ascii=False,
                              separators=(",", ":"))
            write_atomically(self.path, text, 0o600, durable=False)
        except Exception:
            pass
