"""Plan text is data: make it safe to print on a terminal.

A pasted value can carry escape sequences (clear screen, OSC 52 clipboard
writes, BEL). Command-line output shows them as visible escapes instead of
sending them to the terminal.
"""

import json
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    r"""Control characters (bar newline and tab) become \xNN; the rest is unchanged."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


def one_line(text: str) -> str:
    """For table cells: visible, with newlines and tabs shown as spaces."""
    return " ".join(visible(text).split())


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def json_text(data: object) -> str:
    """JSON for a terminal: lossless, with no raw control character in it.

    json.dumps already escapes C0 controls; DEL and the C1 range (a raw U+009B
    is a CSI to some terminals) only ever stand inside strings, so escaping
    them as \\uXXXX keeps the JSON valid and the data intact.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)
