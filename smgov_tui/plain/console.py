"""Lines in, lines out: the only input and output plain mode has.

No readline, no cursor movement, no colour: a prompt is written and a line is
read, so a screen reader, a dumb terminal, a pipe and a test's StringIO all see
the same thing. Plan text typed in has its control characters made visible, as
a paste into the workbench does: what is kept is what was shown.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TextIO

from smgov_tui.core.textsafe import pasted_text


class Leave(Exception):
    """End of input, ctrl+c or `quit`: every answer given is already saved."""


class Jump(Exception):
    """Go to another decision (catalogue position; the end of the plan is len)."""

    def __init__(self, to: int) -> None:
        super().__init__(to)
        self.to = to


class Console:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin, self.stdout = stdin, stdout
        try:  # answers from a pipe or a file are written after their prompt, so the transcript reads
            self.echo = not stdin.isatty()
        except (AttributeError, ValueError):
            self.echo = True

    def say(self, text: str = "", wrap: bool = True) -> None:
        """Lines wrapped to the terminal (a dumb terminal would cut words in two),
        unless already laid out to fit it (a table)."""
        if wrap:
            text = "\n".join(_wrapped(line) for line in text.split("\n"))
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:  # ctrl+d or a closed pipe
            self.say()
            raise Leave
        line = pasted_text(line.removesuffix("\n").removesuffix("\r"))
        if self.echo:
            self.say(line)
        return line


def _wrapped(line: str) -> str:
    from smgov_tui.plain.words import width

    limit = width()
    if len(line) <= limit:
        return line
    indent = line[:len(line) - len(line.lstrip(" "))]
    return textwrap.fill(line, limit, subsequent_indent=indent + ("  " if indent else ""),
                         break_on_hyphens=False, break_long_words=False)


# Commands: whole words, so an answer such as "next steps" stays an answer.
ALONE = ("help", "next", "back", "steps", "missing", "check", "clear", "quit", "exit")
WITH_ARGUMENT = ("step", "go")
NESTED = ("cancel",)  # only inside a row, a score or a choice between versions


class Signal(str):
    """An answer that is a command for the prompt itself (clear, cancel), not a value."""


CLEAR, CANCEL = Signal("clear"), Signal("cancel")


@dataclass(frozen=True)
class Command:
    word: str
    argument: str = ""


def command(text: str, nested: bool = False) -> Command | None:
    """The command a line is, or None for an answer."""
    stripped = text.strip()
    if stripped == "?":
        return Command("?")
    word, _, rest = stripped.partition(" ")
    word, rest = word.lower(), rest.strip()
    if word == "step" and not rest:
        return Command("steps")
    if (word in ALONE or (nested and word in NESTED)) and not rest:
        return Command("quit" if word == "exit" else word)
    if word in WITH_ARGUMENT and rest:
        return Command(word, rest)
    return None


def unquoted(text: str) -> str:
    """'"next"' is the answer next, not the command: the way to give a command word as an answer."""
    stripped = text.strip()
    if len(stripped) > 2 and stripped[0] == stripped[-1] == '"' and command(stripped[1:-1], True):
        return stripped[1:-1]
    return text
