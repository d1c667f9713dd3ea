"""Value kinds: how a decision's value is typed, checked and shown.

Every surface (the workbench's editors, `smgov set`, the plan loader) goes
through the same kind, so a value one accepts is a value all accept. A kind
has two doors: `parse` for what a person typed, `check` for a JSON value from a
file or from `--json` input. Both return the normalised value that is stored,
or raise InvalidValue with a message that names what is allowed. An empty
input parses to None, which means "not decided" and clears the decision.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from functools import cache
from typing import Any, Callable, NamedTuple

from smgov_tui.core import platform_matrix
from smgov_tui.core.schedule import (
    DURATION_EXAMPLE,
    SCHEDULE_EXAMPLE,
    ScheduleError,
    parse_duration,
    parse_schedule,
)
from smgov_tui.core.textsafe import unsafe


class InvalidValue(ValueError):
    """A value a kind refuses; str() is a sentence for the person who typed it."""


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _single_line(text: str, what: str, limit: int) -> str:
    if "\n" in text or "\r" in text:
        raise InvalidValue(f"{what} is one line; use a long-text field for paragraphs")
    if len(text) > limit:
        raise InvalidValue(f"{what} is at most {limit} characters (this is {len(text)})")
    return text


class Kind:
    """Base: a kind is named and can say in a phrase what it allows.

    Kinds are immutable values, equal when of the same class with the same
    settings. They are plain classes, not frozen dataclasses: every command
    builds the catalogue as it starts, and importing dataclasses and generating
    the methods of the core's thirty-odd records cost `smgov check` a quarter
    of its time (bench/cli.py).
    """

    name: str

    def __init__(self, name: str = "text") -> None:
        self._settle(name=name)

    def _settle(self, **settings: Any) -> None:
        for key, value in settings.items():
            object.__setattr__(self, key, value)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {key!r}: a {type(self).__name__} is immutable")

    def __delattr__(self, key: str) -> None:
        raise AttributeError(f"cannot delete field {key!r}: a {type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self), *vars(self).values()))

    def __repr__(self) -> str:
        settings = ", ".join(f"{key}={value!r}" for key, value in vars(self).items())
        return f"{type(self).__name__}({settings})"

    def allowed(self) -> str:
        """What may be entered, as the command line takes it (`smgov set`, `smgov decisions`)."""
        raise NotImplementedError

    def described(self) -> str:
        """What may be entered, in the workbench's words: no JSON, no field ids."""
        return self.allowed()

    def parse(self, text: str) -> Any:
        text = text.strip()
        return None if not text else self.check(text)

    def check(self, value: Any) -> Any:
        raise NotImplementedError

    def show(self, value: Any) -> str:
        """One-line display form (tables, `smgov get`)."""
        return "" if value is None else str(value)

    def edit_text(self, value: Any) -> str:
        """What an editor field shows so that parse(edit_text(v)) == v."""
        return self.show(value)

    def report(self, value: Any) -> str:
        """What `smgov get` prints: what `smgov set` takes back, unless a kind reads better whole."""
        return self.edit_text(value)


class Text(Kind):
    limit: int

    def __init__(self, name: str = "text", limit: int = 300) -> None:
        self._settle(name=name, limit=limit)

    def allowed(self) -> str:
        return f"one line of text, at most {self.limit} characters"

    def check(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise InvalidValue(f"expected {self.allowed()}")
        value = value.strip()
        return _single_line(value, "this", self.limit) if value else None


class LongText(Kind):
    def __init__(self, name: str = "long text") -> None:
        super().__init__(name)

    def allowed(self) -> str:
        return "text, several lines allowed"

    def described(self) -> str:
        # The documents read it as Markdown (documents/longtext.py): say how, once, for every long text.
        return ("text, written as in an e-mail: a blank line starts a new paragraph, while a single "
                "line break stays inside it; lines starting with \"- \" or \"1. \" make a list, "
                "even straight after a sentence; web "
                "addresses (https://… or www.…) and e-mail addresses become links in the documents")

    def parse(self, text: str) -> Any:
        return self.check(text)

    def check(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise InvalidValue(f"expected {self.allowed()}")
        lines = [line.rstrip() for line in value.replace("\r\n", "\n").split("\n")]
        value = "\n".join(lines).strip("\n")
        return value if value.strip() else None

    def show(self, value: Any) -> str:
        if value is None:
            return ""
        first, _, rest = value.partition("\n")
        return first + (" …" if rest else "")

    def edit_text(self, value: Any) -> str:
        return value or ""


class Person(Text):
    def __init__(self, name: str = "person", limit: int = 120) -> None:
        super().__init__(name, limit)

    def allowed(self) -> str:
        return "a person's name or role, one line (e.g. Dana Ruiz, Communications Officer)"

    def check(self, value: Any) -> Any:
        value = super().check(value)
        if value is not None and not any(ch.isalpha() for ch in value):
            raise InvalidValue(f"expected {self.allowed()}")
        return value


def _match_choice(choices: tuple[str, ...], text: str) -> str | None:
    wanted = " ".join(text.lower().replace("_", " ").split())
    for choice in choices:
        if choice.lower() == wanted:
            return choice
    return None


OWN_WORDS_LIMIT = 200  # characters: an approval rule in a policy's words is a sentence or two
OTHER_PREFIX = "other:"  # "other: our words" is taken as "our words", as the option is labelled


def _distance(a: str, b: str, most: int) -> int:
    """Edits (insert, delete, change, swap two neighbours) from a to b, or most + 1 if more."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


def near_miss(choices: tuple[str, ...], text: str) -> str | None:
    """The choice `text` is a typo of ("activ": active), not words of its own: one slip in a
    short choice, two in a longer one. "inactive" is two from "active": its own words."""
    wanted = " ".join(text.lower().split())
    for choice in choices:
        slips = 1 if len(choice) < 12 else 2
        if _distance(wanted, choice.lower(), slips) <= slips:
            return choice
    return None


class Choice(Kind):
    """One of a fixed set; with `other`, or the planner's own words instead.

    Real policies word some choices their own way (a tone "professional", a role
    "Public Information Officer"): those are stored as the words themselves, so the
    plan file reads as the policy does and a value equal to a choice is that choice.
    """

    choices: tuple[str, ...]
    other: bool

    def __init__(self, name: str = "choice", choices: tuple[str, ...] = (), other: bool = False) -> None:
        self._settle(name=name, choices=choices, other=other)

    def allowed(self) -> str:
        return "one of: " + ", ".join(self.choices) + (", or your own words" if self.other else "")

    def own_words(self, value: Any) -> bool:
        """A stored value that is the planner's words rather than one of the choices."""
        return self.other and isinstance(value, str) and value not in self.choices

    def check(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise InvalidValue(f"expected {self.allowed()}")
        if not value.strip():
            return None
        found = _match_choice(self.choices, value)
        if found is not None:
            return found
        if not self.other:
            raise InvalidValue(f"{value.strip()!r} is not a choice here; use {self.allowed()}")
        return self._words(value)

    def _words(self, value: str) -> str:
        words = value.strip()
        while words.lower().startswith(OTHER_PREFIX):
            words = words[len(OTHER_PREFIX):].strip()
        if not words or words.lower() == OTHER_PREFIX.rstrip(":"):
            raise InvalidValue("write your own words in place of \"other\" (e.g. other: our words)")
        found = _match_choice(self.choices, words)
        if found is not None:
            return found
        if any(ch in "\n\r" for ch in words):
            raise InvalidValue("your own words are one line")
        if unsafe(words):
            raise InvalidValue("your own words contain a control character; type them without it")
        words = " ".join(words.split())
        if len(words) > OWN_WORDS_LIMIT:
            raise InvalidValue(f"your own words are at most {OWN_WORDS_LIMIT} characters (these are {len(words)})")
        if not any(ch.isalpha() for ch in words):
            raise InvalidValue(f"{words!r} is not a choice here; use {self.allowed()}")
        meant = near_miss(self.choices, words)
        if meant is not None:
            raise InvalidValue(f"{words!r} is not a choice here: did you mean {meant}?")
        return words


class Multi(Kind):
    """Several of a fixed set, stored in the catalogue's order."""

    choices: tuple[str, ...]

    def __init__(self, name: str = "multi-choice", choices: tuple[str, ...] = ()) -> None:
        self._settle(name=name, choices=choices)

    def allowed(self) -> str:
        return "any of: " + ", ".join(self.choices) + " (separated by commas)"

    def described(self) -> str:
        return "any of: " + ", ".join(self.choices)

    def parse(self, text: str) -> Any:
        text = text.strip()
        if text.startswith("["):
            return self.check(_json_or_invalid(text, self))
        return self.check([part for part in text.split(",") if part.strip()])

    def check(self, value: Any) -> Any:
        if isinstance(value, str):
            value = [part for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidValue(f"expected {self.allowed()}")
        picked = set()
        for item in value:
            found = _match_choice(self.choices, item)
            if found is None:
                raise InvalidValue(f"{item.strip()!r} is not a choice here; use {self.allowed()}")
            picked.add(found)
        return [c for c in self.choices if c in picked] or None

    def show(self, value: Any) -> str:
        return ", ".join(value or [])


# This module's patterns that no decision of the first step needs are compiled on
# first use (a number, a sum of money, an interval typed), not as the catalogue loads.
@cache
def _number() -> re.Pattern[str]:
    return re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)$")


def _tidy(number: float) -> int | float:
    return int(number) if float(number).is_integer() else round(number, 2)


def plain_number(number: float) -> str:
    """1250000 -> "1250000", 7.5 -> "7.5": never "1.25e+06", which no field accepts."""
    if float(number).is_integer():
        return str(int(number))
    return f"{number:.2f}".rstrip("0").rstrip(".")


class Number(Kind):
    unit: str
    minimum: float
    maximum: float | None
    suffixes: tuple[str, ...]

    def __init__(self, name: str = "number", unit: str = "", minimum: float = 0,
                 maximum: float | None = None, suffixes: tuple[str, ...] = ()) -> None:
        self._settle(name=name, unit=unit, minimum=minimum, maximum=maximum, suffixes=suffixes)

    def allowed(self) -> str:
        span = f"from {self.minimum:g}" + (f" to {self.maximum:g}" if self.maximum is not None else " up")
        return f"a number {span}" + (f" ({self.unit})" if self.unit else "")

    def _strip(self, text: str) -> str:
        text = text.strip().lower()
        for suffix in sorted(self.suffixes, key=len, reverse=True):
            if text.endswith(suffix):
                return text[: -len(suffix)].strip()
        return text

    def check(self, value: Any) -> Any:
        if isinstance(value, bool):
            raise InvalidValue(f"expected {self.allowed()}")
        if isinstance(value, str):
            text = self._strip(value).replace(",", "")
            if not text:
                return None
            if not _number().match(text):
                raise InvalidValue(f"{value.strip()!r} is not {self.allowed()}")
            value = float(text)
        if not isinstance(value, (int, float)):
            raise InvalidValue(f"expected {self.allowed()}")
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer too large for a float
            finite = False
        if not finite:
            raise InvalidValue(f"that number is too large; use {self.allowed()}")
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            raise InvalidValue(f"{value:g} is out of range; use {self.allowed()}")
        return _tidy(value)

    def show(self, value: Any) -> str:
        if value is None:
            return ""
        return f"{plain_number(value)} {self.unit}".strip()

    def edit_text(self, value: Any) -> str:
        return "" if value is None else plain_number(value)


def Hours(maximum: float = 168, unit: str = "h/week") -> Number:
    """Hours, accepting "6", "6h", "6.5 hours"."""
    return Number(name="hours", unit=unit, maximum=maximum,
                  suffixes=("h", "hr", "hrs", "hour", "hours", "h/week", "h/wk"))


def Minutes(maximum: float = 24 * 60) -> Number:
    return Number(name="number", unit="min", maximum=maximum, suffixes=("m", "min", "mins", "minutes"))


# A sign or code before a sum, as the plan shows it ("$", "£", "€", "A$", "NZ$", "GBP "): taken back as typed.
@cache
def _currency_sign() -> re.Pattern[str]:
    return re.compile(r"^(?:[A-Za-z]{0,3}\$|[£€]|[A-Za-z]{3}\s)\s*")


class Money(Number):
    def __init__(self, name: str = "money", unit: str = "per year", minimum: float = 0,
                 maximum: float | None = 1e9, suffixes: tuple[str, ...] = ()) -> None:
        super().__init__(name, unit, minimum, maximum, suffixes)

    def allowed(self) -> str:
        return "an amount of money from 0 to 1,000,000,000 (e.g. 1200 or $1,200.50)"

    def check(self, value: Any) -> Any:
        if isinstance(value, str):
            value = _currency_sign().sub("", value.strip()).replace(" ", "")
        return super().check(value)

    def show(self, value: Any) -> str:
        if value is None:
            return ""
        return f"{value:,.2f}".removesuffix(".00")


_WEB_ADDRESS = re.compile(r"^https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::\d{1,5})?(?:[/?#]\S*)?$")


class WebAddress(Text):
    """A web address: documents link to it, so it must be one a browser opens.
    "millbrook.gov" is taken as https://millbrook.gov."""

    def __init__(self, name: str = "web address", limit: int = 300) -> None:
        super().__init__(name, limit)

    def allowed(self) -> str:
        return "a web address (e.g. https://www.millbrook.gov)"

    def check(self, value: Any) -> Any:
        value = super().check(value)
        if value is None:
            return None
        if "://" not in value:
            value = "https://" + value
        if not _WEB_ADDRESS.match(value):
            raise InvalidValue(f"{value!r} is not {self.allowed()}")
        return value


@cache
def _every() -> re.Pattern[str]:
    return re.compile(r"^every\s+(\d{1,3})\s+(month|year)s?$")


_INTERVAL_WORDS = {"monthly": 1, "every month": 1, "quarterly": 3, "every quarter": 3,
                   "annually": 12, "yearly": 12, "every year": 12, "once a year": 12}


class Interval(Kind):
    """How often something recurs, as people write it ("annually", "every 2 years",
    "every 6 months"), stored as a whole number of months so the dated checks can
    count with it. "Biannually" is refused: it means twice a year to some and
    every two years to others."""

    maximum: int

    def __init__(self, name: str = "interval", maximum: int = 60) -> None:
        self._settle(name=name, maximum=maximum)

    def allowed(self) -> str:
        return f"how often, e.g. annually, every 2 years or every 6 months (at most every {self.maximum // 12} years)"

    def check(self, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise InvalidValue(f"expected {self.allowed()}")
        if isinstance(value, str):
            text = " ".join(value.strip().lower().split())
            if not text:
                return None
            every = _every().match(text)
            if text in _INTERVAL_WORDS:
                value = _INTERVAL_WORDS[text]
            elif every:
                value = int(every[1]) * (12 if every[2] == "year" else 1)
            elif text.isdigit():
                value = int(text)
            else:
                raise InvalidValue(f"{value.strip()!r} is not an interval; use {self.allowed()}")
        if not 1 <= value <= self.maximum:
            raise InvalidValue(f"{self.show(value) if value > 0 else value} is out of range; use {self.allowed()}")
        return value

    def show(self, value: Any) -> str:
        if value is None:
            return ""
        if value == 12:
            return "annually"
        if value % 12 == 0:
            return f"every {value // 12} years"
        return "every month" if value == 1 else f"every {value} months"


EMAIL = re.compile(r"[^\s@<>(),;:\"']+@[^\s@<>(),;:\"']+\.[A-Za-z]{2,}")


class Contact(Text):
    """Where the public reaches someone: an email address or a telephone number
    (at least 3 digits, so "911" and "101" count), with any words around it."""

    def __init__(self, name: str = "contact", limit: int = 200) -> None:
        super().__init__(name, limit)

    def allowed(self) -> str:
        return "an email address or a phone number, one line (e.g. socialmedia@millbrook.gov)"

    def check(self, value: Any) -> Any:
        value = super().check(value)
        if value is not None and not EMAIL.search(value) and sum(ch.isdigit() for ch in value) < 3:
            raise InvalidValue(f"{value!r} has no email address or phone number; use {self.allowed()}")
        return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Date(Kind):
    def __init__(self, name: str = "date") -> None:
        super().__init__(name)

    def allowed(self) -> str:
        return "a date as YYYY-MM-DD"

    def check(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise InvalidValue(f"expected {self.allowed()}")
        value = value.strip()
        if not value:
            return None
        try:
            if not _ISO_DATE.match(value):
                raise ValueError(value)
            return _dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise InvalidValue(f"{value!r} is not {self.allowed()}") from None


class YesNo(Kind):
    def __init__(self, name: str = "yes/no") -> None:
        super().__init__(name)

    def allowed(self) -> str:
        return "yes or no"

    def check(self, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            word = value.strip().lower()
            if not word:
                return None
            if word in {"yes", "y", "true", "on", "1"}:
                return True
            if word in {"no", "n", "false", "off", "0"}:
                return False
        raise InvalidValue(f"{value!r} is not {self.allowed()}")

    def show(self, value: Any) -> str:
        return "" if value is None else ("yes" if value else "no")


class Parsed(Kind):
    """Text read by a domain parser and stored in the parser's normalised form
    (weekly hours "Mon-Fri 09:00-17:00", time frames "1 business day")."""

    parser: Callable[[str], object]
    what: str
    example: str

    def __init__(self, name: str = "parsed", parser: Callable[[str], object] = str, what: str = "",
                 example: str = "") -> None:
        self._settle(name=name, parser=parser, what=what, example=example)

    def allowed(self) -> str:
        return f"{self.what}, e.g. {self.example}"

    def check(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise InvalidValue(f"expected {self.allowed()}")
        if not value.strip():
            return None
        try:
            return str(self.parser(value))
        except ScheduleError as error:
            raise InvalidValue(str(error)) from None


class Field(NamedTuple):
    """One column of a structured row. `help` is the hint beside its label;
    `guidance` is what f1 and plain mode's `?` show for it: what it means, a
    sensible figure or answer, and where that figure comes from."""

    key: str
    label: str
    kind: Kind
    required: bool = False
    help: str = ""
    guidance: str = ""
    reader: str = ""  # who reads it (decision.PUBLIC...); "" for the decision's own reader


class Rows(Kind):
    """A list of structured rows (platforms, roster, tiers...), edited row by row."""

    row: str  # singular noun for messages: "platform", "person"
    fields: tuple[Field, ...]
    key: str  # the field that names a row (first field unless said)
    rows: str  # the plural, when not row + "s": "people"
    # Fields the program fills, never typed or shown (a sign-off's digest): checked and
    # kept like the others, optional so rows written before them still load.
    filled: tuple[Field, ...]

    def __init__(self, name: str = "list", row: str = "row", fields: tuple[Field, ...] = (),
                 key: str = "", rows: str = "", filled: tuple[Field, ...] = ()) -> None:
        self._settle(name=name, row=row, fields=fields, key=key, rows=rows or row + "s", filled=filled)

    @property
    def key_field(self) -> str:
        return self.key or self.fields[0].key

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def allowed(self) -> str:
        cols = ", ".join(f.key + ("*" if f.required else "") for f in self.fields)
        return f"a JSON list of {self.row} rows with fields {cols} (* required)"

    def described(self) -> str:
        cols = ", ".join(f.label + (" (required)" if f.required else "") for f in self.fields)
        return f"a list of {self.rows}, one row each: {cols}"

    def parse(self, text: str) -> Any:
        text = text.strip()
        return None if not text else self.check(_json_or_invalid(text, self))

    def check(self, value: Any) -> Any:
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list):
            raise InvalidValue(f"expected {self.allowed()}")
        rows = [self.check_row(row, number) for number, row in enumerate(value, 1)]
        return rows or None

    def check_row(self, row: Any, number: int = 1) -> dict:
        if not isinstance(row, dict):
            raise InvalidValue(f"{self.row} {number} is not an object with fields; expected {self.allowed()}")
        known = {f.key for f in (*self.fields, *self.filled)}
        unknown = sorted(set(row) - known)
        if unknown:
            raise InvalidValue(f"{self.row} {number}: unknown field {unknown[0]!r}; "
                               f"fields are {', '.join(f.key for f in self.fields)}")
        clean: dict[str, Any] = {}
        for f in (*self.fields, *self.filled):
            raw = row.get(f.key)
            try:
                value = None if raw is None else (
                    f.kind.parse(raw) if isinstance(raw, str) and not isinstance(f.kind, LongText)
                    else f.kind.check(raw))
            except InvalidValue as error:
                raise InvalidValue(f"{self.row} {number}, {f.key}: {error}") from None
            if value is None:
                if f.required:
                    raise InvalidValue(f"{self.row} {number}: {f.key} is required")
                continue
            clean[f.key] = value
        return clean

    def show(self, value: Any) -> str:
        if not value:
            return ""
        names = [str(row.get(self.key_field, "?")) for row in value]
        return f"{len(value)} {self.row}{'s' if len(value) != 1 else ''}: " + ", ".join(names)

    def edit_text(self, value: Any) -> str:
        return json.dumps(value or [], ensure_ascii=False)


class Matrix(Kind):
    """Candidate platforms scored 0-5 against weighted criteria (platform_matrix.py has the
    arithmetic). Typed as JSON; shown as its ranking; None until a platform is in it."""

    def __init__(self, name: str = "matrix") -> None:
        super().__init__(name)

    def allowed(self) -> str:
        return ('a JSON object {"criteria": [{"name", "weight" 0-5}], "candidates": '
                '[{"platform", "scores": {criterion: 0-5}}], "chosen": {"platform", "score", "on"}}'
                " (criteria may be left out for the default ones)")

    def described(self) -> str:
        return ("candidate platforms, each scored 0 to 5 against weighted criteria "
                "(higher is better; for cost, 5 is cheap); the best scored becomes the main platform")

    def parse(self, text: str) -> Any:
        text = text.strip()
        return None if not text else self.check(_json_or_invalid(text, self))

    def check(self, value: Any) -> Any:
        try:
            return platform_matrix.validate(value)
        except platform_matrix.MatrixError as error:
            raise InvalidValue(str(error)) from None

    def show(self, value: Any) -> str:
        return "" if not value else platform_matrix.summary(value)

    def edit_text(self, value: Any) -> str:
        return json.dumps(value or {}, ensure_ascii=False)



def _json_or_invalid(text: str, kind: Kind) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidValue(f"not valid JSON ({error.msg} at column {error.colno}); "
                           f"expected {kind.allowed()}") from None
    except (ValueError, RecursionError):  # an int of thousands of digits; a thousand levels deep
        raise InvalidValue(f"not JSON smgov can use (a number too long, or nested too deeply); "
                           f"expected {kind.allowed()}") from None


class RowRef(Kind):
    """One of the rows of another list decision, by its key (e.g. the main platform).

    The choices depend on the plan, so `check` takes the names on offer; the
    plan-level validator in catalogue supplies them.
    """

    source: str  # decision id of the Rows decision
    what: str  # those rows in words, for the workbench: "one of the platforms we will run"

    def __init__(self, name: str = "choice", source: str = "", what: str = "") -> None:
        self._settle(name=name, source=source, what=what)

    def allowed(self) -> str:
        return f"the name of one of the rows in {self.source}"

    def described(self) -> str:
        return self.what or "the name of one of the rows of the list it picks from"

    def check(self, value: Any, names: tuple[str, ...] | None = None) -> Any:
        if not isinstance(value, str):
            raise InvalidValue(f"expected {self.allowed()}")
        value = value.strip()
        if not value or names is None:
            return value or None
        if not names:
            raise InvalidValue(f"add rows to {self.source} first; this picks one of them")
        found = _match_choice(tuple(names), value)
        if found is None:
            shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
            raise InvalidValue(f"{value!r} is not in {self.source}; use one of: {shown}")
        return found


TEXT = Text()
LONG_TEXT = LongText()
PERSON = Person()
DATE = Date()
WEB_ADDRESS = WebAddress()
INTERVAL = Interval()
CONTACT = Contact()
MONEY = Money()
YES_NO = YesNo()
SCHEDULE = Parsed(name="schedule", parser=parse_schedule, what="days and times",
                  example=SCHEDULE_EXAMPLE)
MATRIX = Matrix()
TIME_FRAME = Parsed(name="time frame", parser=parse_duration, what="a time frame",
                    example=DURATION_EXAMPLE)
