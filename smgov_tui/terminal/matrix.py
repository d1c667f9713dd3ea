"""The platform evaluation as `smgov get` prints it: a table, its criteria, the choice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smgov_tui.core import platform_matrix


def matrix_report(matrix: Mapping[str, Any]) -> str:
    """The matrix as a table with its ranking, weights and choice, for `smgov get`."""
    from tabulate import tabulate

    crit = platform_matrix.criteria(matrix)
    by_name = {row["platform"]: row for row in matrix["candidates"]}
    rows = [["", "weight", ""] + [f"x{c.weight}" for c in crit]]
    rows += [[r.rank, r.platform, f"{r.shown}/5"]
             + [by_name[r.platform]["scores"].get(c.name, "-") for c in crit]
             for r in platform_matrix.ranking(matrix)]
    table = tabulate(rows, headers=["#", "Platform", "Score"] + [c.short for c in crit],
                     tablefmt="simple", disable_numparse=True,
                     colalign=("right", "left") + ("right",) * (1 + len(crit)))
    lines = [table, "", "Criteria: " + "; ".join(f"{c.short} = {c.name}" for c in crit if c.short != c.name),
             ("Each is scored 0-5, higher is better (Cost: 5 = cheap for us); - is not scored yet, "
              "and counts 0. Score: the weighted mean, out of 5.")]
    chosen = matrix.get("chosen")
    if chosen:
        now = platform_matrix.ranked(matrix, chosen["platform"])
        when = f" on {chosen['on']}" if chosen.get("on") else ""
        lines.append(f"Chosen as the main platform{when}: {chosen['platform']} at {chosen['score']:.1f}/5"
                     + (f"; now {now.shown}/5, ranked {now.rank} of {len(matrix['candidates'])}"
                        if now else "") + ".")
    return "\n".join(lines)
