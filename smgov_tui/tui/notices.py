"""Notification text laid out for the toast it is shown in.

A toast wraps at spaces only, and a path has none: at 80 columns "Written to
/home/…/plan.plan.html" broke mid-word, wherever the toast's edge fell. Here
the home folder is shown as ~ and a path too long for a line is broken after
one of its separators, so every part of it reads whole. Workbench.notify puts
every message through `notice_text`: one place for all of them.
"""

from __future__ import annotations

import os
import re
from functools import cache

from rich.cells import cell_len

# Textual 8.2.8's Toast: 60 columns, at most half its rack (the screen, less the
# rack's scroll bar of 2), less its padding (1 a side) and its left border (1).
TOAST_WIDTH, RACK_SCROLLBAR, TOAST_FRAME = 60, 2, 3


# A word that starts as a path does (quoted or not): /…, ~/…, ./…, ../…
@cache
def _path() -> re.Pattern[str]:
    """Compiled on first use: a notice, not the first frame, needs it."""
    return re.compile(rf"(?:^|\s)['\"(]?(?:~|\.\.?)?{re.escape(os.sep)}")


def toast_width(screen_width: int) -> int:
    """The columns a toast's text has on a screen this wide."""
    return max(10, min(TOAST_WIDTH, (screen_width - RACK_SCROLLBAR) // 2) - TOAST_FRAME)


def home_as_tilde(text: str, home: str | None = None) -> str:
    """Paths inside the home folder written from ~, as a shell would show them."""
    home = (home or os.path.expanduser("~")).rstrip(os.sep)
    if not home:
        return text
    return re.sub(rf"(?<![\w.~{re.escape(os.sep)}-]){re.escape(home)}(?={re.escape(os.sep)}|\s|$)", "~", text)


def _broken(word: str, width: int) -> list[str]:
    """A word longer than a line, in lines: each ends after a path separator where
    one falls within the line, else after a dash, dot or underscore of a name,
    else at the line's end (a word with none)."""
    lines = []
    while cell_len(word) > width:
        cut = (word.rfind(os.sep, 1, width) + 1
               or max(word.rfind(mark, 1, width) for mark in "-._") + 1 or width)
        lines.append(word[:cut])
        word = word[cut:]
    return [*lines, word]


def notice_text(message: str, width: int) -> str:
    """A message that names a path, wrapped to `width` columns: at spaces, and within
    a path only after a separator. Any other message is Textual's to wrap, as it was."""
    message = home_as_tilde(message)
    if not _path().search(message):
        return message
    out: list[str] = []
    for paragraph in message.split("\n"):
        line = ""
        for word in re.findall(r"\S+\s*", paragraph) or [""]:
            if cell_len(line + word.rstrip()) <= width:
                line += word
                continue
            if line.strip():
                out.append(line.rstrip())
            *whole, line = _broken(word, width)
            out.extend(whole)
        out.append(line.rstrip())
    return "\n".join(out)
