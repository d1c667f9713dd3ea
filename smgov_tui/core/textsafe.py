"""Plan text is data: make it safe to print on a terminal.

A pasted value can carry escape sequences (clear screen, OSC 52 clipboard
writes, BEL), bidirectional overrides and marks that make a line read backwards
(U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), or line and paragraph
separators (U+2028, U+2029) that some terminals and editors break a line at
unseen. Command-line output, the workbench and the documents show them as
visible escapes instead of sending them on (Textual passes ESC and C1 bytes
straight through). A lone surrogate is not Unicode at all: one from
surrogateescape (a byte of a path or argument that is not UTF-8, U+DC80-U+DCFF)
shows as the byte it stands for, \\xff; any other as \\ud800. Printing it raw
would raise UnicodeEncodeError.
"""

import json
import re
from functools import cache

# Shown as escapes by `visible`; json_text escapes the same characters, bar the
# C0 controls json.dumps already escapes.
_SURROGATES = r"\ud800-\udfff"
_HIDDEN = rf"\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069{_SURROGATES}"
_CONTROL = re.compile(rf"[\x00-\x08\x0b-\x1f{_HIDDEN}]")
_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # surrogateescape's stand-ins for the bytes 0x80-0xff


def _escape(match: re.Match) -> str:
    code = ord(match[0])
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""Control characters (bar newline and tab) become \xNN, bidi controls, line
    separators and lone surrogates \uNNNN (a byte's stand-in: that byte, \xNN);
    the rest is unchanged."""
    return _CONTROL.sub(_escape, text)


# Compiled on first use, as _json_unsafe: the workbench calls neither lone_surrogate nor
# json_text for a plan as smgov writes it, and the two were over half of this module's import.
@cache
def _surrogate() -> re.Pattern[str]:
    return re.compile(f"[{_SURROGATES}]")


def lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in `text`, if any: text that cannot be encoded, from a byte
    that was not UTF-8 (surrogateescape) or a JSON escape such as \\ud800."""
    found = _surrogate().search(text)
    return found[0] if found else None


def pasted_text(text: str) -> str:
    """Pasted text as a field should take it: Windows and old Mac line ends as
    newlines, any other control character as a visible escape."""
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def unsafe(text: str) -> bool:
    """Whether `visible` would change the text."""
    return _CONTROL.search(text) is not None


def visible_data(data: object) -> object:
    """Every string in nested lists and dicts made visible (keys too): for laying
    plan values out as they will be shown."""
    if isinstance(data, str):
        return visible(data)
    if isinstance(data, dict):
        return {visible_data(k): visible_data(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [visible_data(item) for item in data]
    return data


def quoted_line(text: str) -> str:
    """For a line that quotes text exactly (an error, a warning): visible, newlines as \\n."""
    return visible(text).replace("\n", "\\n")


def one_line(text: str) -> str:
    """For table cells: visible, with newlines and tabs shown as spaces."""
    return " ".join(visible(text).split())


@cache
def _json_unsafe() -> re.Pattern[str]:
    return re.compile(f"[{_HIDDEN}]")


def json_text(data: object) -> str:
    """JSON for a terminal: lossless, with no raw control character in it.

    json.dumps already escapes C0 controls; DEL and the C1 range (a raw U+009B
    is a CSI to some terminals) only ever stand inside strings, so escaping
    them as \\uXXXX keeps the JSON valid and the data intact; so do the bidi
    controls and separators, and a lone surrogate (which could not be printed).
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _json_unsafe().sub(lambda match: f"\\u{ord(match[0]):04x}", text)
