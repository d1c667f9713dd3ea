"""What falls due in the next 90 days, on the launch step: the plan keeps living
after launch, and the team sees the next review dates before they pass.

Judged as of the day the checklist beside it judges by (readiness.judged_today);
the dates come from core/dates.py, as `smgov check --as-of` judges them.
"""

from __future__ import annotations

import datetime as _dt

from textual.content import Content

from smgov_tui.core import readiness
from smgov_tui.core.dates import due_within
from smgov_tui.core.plan import Plan
from smgov_tui.tui.widgets.view_panel import FittedPanel, clip

DAYS = 90
SHOWN = 6  # a glance, not the calendar: "… and N more" after


def due_soon_content(plan: Plan, width: int, day: _dt.date) -> Content:
    items = due_within(plan, day, DAYS)
    lines = [Content.styled(f" Falls due in the next {DAYS} days\n", "bold")]
    if not items:
        lines.append(Content.styled("  Nothing falls due.\n", "dim"))
    for item in items[:SHOWN]:
        lines.append(Content(clip(f"  {item.due}  {item.what}", width) + "\n"))
    if len(items) > SHOWN:
        lines.append(Content.styled(f"  … and {len(items) - SHOWN} more (smgov check)\n", "dim"))
    return Content.assemble(*lines).rstrip()


class DueSoon(FittedPanel):
    """The next 90 days' review dates, redrawn as the plan changes."""

    def __init__(self) -> None:
        super().__init__("due-soon")

    def content(self, plan: Plan, width: int) -> Content:
        return due_soon_content(plan, width, readiness.judged_today())
