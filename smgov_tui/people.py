"""Matching people across decisions.

Plans name people loosely: "Sam Okafor" on the roster, "Sam Okafor, Deputy
City Manager" as the escalation contact. Checks compare the name part only.
"""

import re

_ROLE_TAIL = re.compile(r"\s*[,(<–—-].*$")


def person_key(text: object) -> str:
    """"Sam Okafor, Deputy City Manager" and "sam okafor" give the same key."""
    if not isinstance(text, str):
        return ""
    name = _ROLE_TAIL.sub("", text.strip()) or text.strip()
    return " ".join(name.casefold().split())


def same_person(a: object, b: object) -> bool:
    return bool(person_key(a)) and person_key(a) == person_key(b)


def name_key(text: object) -> str:
    """Platform and tool names match case- and space-insensitively."""
    return " ".join(str(text or "").casefold().split())
