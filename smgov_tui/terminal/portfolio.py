"""Many plans' summaries as `smgov check PATH...` prints them: a row per plan and
the worst exit code, in the formats `smgov check` has for one plan."""

from __future__ import annotations

from smgov_tui.core.portfolio import Summary
from smgov_tui.core.textsafe import one_line
from smgov_tui.terminal.output import EXIT_ERROR, EXIT_NOT_READY, EXIT_READY, fit_table

# github (Markdown, for a review) has a column for each fact; text and grid are fitted to
# the terminal, and at 80 columns the path and the organisation share the last
# column, one above the other, so that only it wraps.
COLUMNS = ("Plan", "Verdict", "Blocking", "Advice", "Overdue", "Sign-off", "Organisation")
FITTED = ("Verdict", "Blocking", "Advice", "Overdue", "Sign-off", "Plan")
# The counts right-aligned as tabulate would find them, said rather than guessed: its
# guess reads every cell as a number first, two thirds of a 200-plan table's time
# (bench/portfolio.py).
_COUNTS = ("right", "right", "right")


def exit_code(summary: Summary) -> int:
    """The code this plan alone would give `smgov check`."""
    return EXIT_ERROR if summary.problem else EXIT_READY if summary.ready else EXIT_NOT_READY


def worst(summaries: list[Summary]) -> int:
    """0 all ready, 1 any not ready, 2 any plan that could not be read (or no plan at all)."""
    return max(map(exit_code, summaries), default=EXIT_ERROR)


def tally(summaries: list[Summary]) -> str:
    """"3 plans: 1 READY for launch, 1 NOT READY, 1 could not be read"."""
    codes = [exit_code(summary) for summary in summaries]
    parts = [f"{codes.count(EXIT_READY)} READY for launch", f"{codes.count(EXIT_NOT_READY)} NOT READY"]
    if EXIT_ERROR in codes:
        parts.append(f"{codes.count(EXIT_ERROR)} could not be read")
    return f"{len(codes)} plan{'' if len(codes) == 1 else 's'}: {', '.join(parts)}"


def _cells(summary: Summary) -> tuple:
    """The plan's path, its verdict, counts and sign-off, and its organisation; a plan
    that could not be read: ERROR, and its one-line reason where the organisation goes."""
    path = one_line(summary.path)
    if summary.problem:
        reason = summary.problem.removeprefix(f"{summary.path} ")  # the row names the file
        return (path, "ERROR", "", "", "", "", one_line(reason))
    return (path, "READY" if summary.ready else "NOT READY", summary.blockers, summary.advice,
            summary.overdue, summary.signoff, one_line(summary.organisation) or "(not decided)")


def summary_table(summaries: list[Summary], fmt: str) -> str:
    """github: a column each, for pasting into a review; text and grid: fitted to the terminal."""
    rows = [_cells(summary) for summary in summaries]
    if fmt == "github":
        from tabulate import tabulate

        return tabulate(rows, headers=COLUMNS, tablefmt="github", disable_numparse=True,
                        colalign=("left", "left", *_COUNTS, "left", "left"))
    fitted = [(*row[1:-1], f"{row[0]}\n{row[-1]}") for row in rows]
    return fit_table(fitted, FITTED, "grid" if fmt == "grid" else "simple", disable_numparse=True,
                     colalign=("left", *_COUNTS, "left", "left"))
