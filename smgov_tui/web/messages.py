"""What a browser tab sends over its websocket, checked before it reaches the workbench.

textual.js sends JSON arrays: `["stdin", text]`, `["resize", {"width": w, "height": h}]`,
`["ping", text]`, `["focus"]` and `["blur"]`. textual-serve takes them on trust: anything
else raised in its handler, which printed a traceback with its locals and ended the tab,
and a size that is not a number reached the workbench, which fails on it. Here anything
else is `Malformed`, with the reason the server logs in one line; the tab goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

LARGEST_SIDE = 2000  # cells: a 6-pixel font across an 8K screen is about 2,000 columns
SHOWN = 60  # characters of a bad message quoted in the log line


class Malformed(ValueError):
    """A message textual.js would not send; its text says what is wrong with it."""


@dataclass(frozen=True)
class Keys:
    text: str


@dataclass(frozen=True)
class Resize:
    width: int
    height: int


@dataclass(frozen=True)
class Ping:
    data: str


@dataclass(frozen=True)
class Focus:
    focused: bool


Message = Keys | Resize | Ping | Focus


def parse(text: str) -> Message:
    """One websocket text message, or `Malformed` saying why not."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        raise Malformed(f"not JSON: {quoted(text)}") from None
    if not (isinstance(envelope, list) and envelope and isinstance(envelope[0], str)):
        raise Malformed(f"not a list that starts with its type: {quoted(text)}")
    kind, arguments = envelope[0], envelope[1:]
    if kind in ("focus", "blur") and not arguments:
        return Focus(kind == "focus")
    if kind in ("stdin", "ping") and len(arguments) == 1 and isinstance(arguments[0], str):
        return Keys(well_formed(arguments[0])) if kind == "stdin" else Ping(arguments[0])
    if kind == "resize" and len(arguments) == 1 and isinstance(arguments[0], dict):
        size = arguments[0]
        width, height = size.get("width"), size.get("height")
        if side(width) and side(height):
            return Resize(width, height)
    raise Malformed(f"not a message smgov understands: {quoted(text)}")


def side(cells: object) -> bool:
    """A terminal's width or height in cells: a whole number the workbench can draw (not a bool)."""
    return type(cells) is int and 1 <= cells <= LARGEST_SIDE


def terminal_size(width: str | None, height: str | None) -> tuple[int, int]:
    """The size a tab asks for when it connects (`?width=&height=`), or 80x24 when it is not one."""
    try:
        asked = int(width or ""), int(height or "")
    except ValueError:
        return 80, 24
    return asked if all(side(cells) for cells in asked) else (80, 24)


def well_formed(text: str) -> str:
    """Keys as UTF-8 can carry them: a lone half of a surrogate pair (JavaScript strings
    may hold one; JSON escapes it) becomes U+FFFD instead of failing to encode."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def quoted(text: str) -> str:
    """The start of what was sent (the console line makes it safe to show)."""
    return f'"{text[:SHOWN]}..."' if len(text) > SHOWN else f'"{text}"'
