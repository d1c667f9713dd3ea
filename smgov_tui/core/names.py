"""Matching people across decisions.

Plans name people loosely: "Sam Okafor" on the roster, "Sam Okafor, Deputy
City Manager" as the escalation contact. Checks compare the name part only.
"""

import re

_SEPARATORS = re.compile(r"\s*(?:,|;|/|&|\band\b)\s*")

_ROLE_TAIL = re.compile(r"\s*[,(<–—-].*$")


def person_key(text: object) -> str:
    """"Sam Okafor, Deputy City Manager" and "sam okafor" give the same key."""
    return " ".join(name_part(text).casefold().split())


def same_person(a: object, b: object) -> bool:
    return bool(person_key(a)) and person_key(a) == person_key(b)


def name_key(text: object) -> str:
    """Platform and tool names match case- and space-insensitively."""
    return " ".join(str(text or "").casefold().split())


def name_list(text: object) -> list[str]:
    """"Facebook, Instagram and X" -> the three names, as people write lists."""
    return [part for part in _SEPARATORS.split(str(text or "").strip()) if part]


def short_name(text: object) -> str:
    """"Sam Okafor, Deputy City Manager" -> "Sam O.", for narrow columns."""
    words = name_part(text).split()
    return words[0] if len(words) < 2 else f"{words[0]} {words[-1][0]}."


def name_part(text: object) -> str:
    """"Sam Okafor, Deputy City Manager" -> "Sam Okafor"."""
    if not isinstance(text, str):
        return ""
    return _ROLE_TAIL.sub("", text.strip()) or text.strip()
