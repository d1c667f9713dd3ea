"""What every front end prints with: one error line and exit 2, warnings, widths, tables.

The command line, plain mode, `smgov keys` and `smgov serve` all say things the
same way; they reach these helpers here rather than in the module that
dispatches commands, so nothing imports the CLI.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from smgov_tui.core.textsafe import quoted_line

EXIT_READY, EXIT_NOT_READY, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    print(f"smgov: error: {quoted_line(message)}", file=sys.stderr)
    raise SystemExit(EXIT_ERROR)


def warn(message: str) -> None:
    """Something the user should fix that does not stop the command (nor change its exit code)."""
    print(f"smgov: warning: {quoted_line(message)}", file=sys.stderr)


def terminal_width(fallback: int = 100) -> int:
    """COLUMNS, else the terminal on stdout, stderr or stdin (`smgov check | less`
    still has the user's terminal on stderr), else a width for files and CI."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            continue
        if columns > 0:  # a terminal that does not know its size says 0
            return columns
    return fallback


def fit_table(rows: list[tuple], headers: tuple[str, ...], fmt: str = "simple", must_fit: bool = False,
              **options) -> str | None:
    """A tabulate table whose last column wraps so the table fits the terminal; `options`
    go to tabulate (a caller that knows its columns' alignment spares it guessing).
    `must_fit`: None when even the narrowest last column leaves it wider than the
    terminal, found before the whole table is made (the caller shows the rows otherwise)."""
    import textwrap  # deferred, like tabulate: `smgov check --format json` prints no table

    from tabulate import tabulate

    width, floor = terminal_width(), 16
    # What the other columns take, padding included: one row of their widest cells
    # beside a last cell of known length, tabulated. (Tabulating the whole table
    # to measure it doubled what `smgov check` spends on its table.)
    known = len(headers[-1]) + 40
    widest = [max((row[i] for row in rows), key=lambda cell: len(str(cell))) for i in range(len(headers) - 1)]
    probe = tabulate([(*widest, "x" * known)], headers=headers, tablefmt=fmt, **options)
    last = width - (max(len(line) for line in probe.splitlines()) - known)
    if must_fit and last < floor:
        return None
    last = max(floor, last)
    while True:  # tabulate may read a cell as a number and show it otherwise: measure, then narrow by the overshoot
        # Wrapped here, not by tabulate's maxcolwidths: that casts a cell such as
        # "3,000" with int() and raises.
        wrapped = [(*row[:-1], "\n".join(textwrap.fill(line, last) for line in str(row[-1]).splitlines()
                                         if line.strip())) for row in rows]
        table = tabulate(wrapped, headers=headers, tablefmt=fmt, **options)
        overshoot = max(len(line) for line in table.splitlines()) - width
        if overshoot <= 0 or last <= floor:
            return None if must_fit and overshoot > 0 else table
        last = max(floor, last - overshoot)
