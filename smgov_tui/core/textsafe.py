"""Plan text is data: make it safe to print on a terminal.

A pasted value can carry escape sequences (clear screen, OSC 52 clipboard
writes, BEL) or bidirectional overrides that make a line read backwards.
Command-line output and the workbench show them as visible escapes instead of
sending them to the terminal (Textual passes ESC and C1 bytes straight through).
"""

import json
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""Control characters (bar newline and tab) become \xNN, bidi overrides \uNNNN;
    the rest is unchanged."""
    return _CONTROL.sub(_escape, text)


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


def one_line(text: str) -> str:
    """For table cells: visible, with newlines and tabs shown as spaces."""
    return " ".join(visible(text).split())


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(data: object) -> str:
    """JSON for a terminal: lossless, with no raw control character in it.

    json.dumps already escapes C0 controls; DEL and the C1 range (a raw U+009B
    is a CSI to some terminals) only ever stand inside strings, so escaping
    them as \\uXXXX keeps the JSON valid and the data intact; so do bidi overrides.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)
