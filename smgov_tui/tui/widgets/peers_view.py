"""Our plan beside our peers', aspect by aspect, on the peers step."""

from __future__ import annotations

from textual.content import Content

from smgov_tui.core import peer_comparison as comparison
from smgov_tui.core.plan import Plan
from smgov_tui.tui.widgets.view_panel import FittedPanel, hanging

# Peers shown per aspect: a view to read beside the form, redrawn as you type; a
# list of thousands would freeze it. The rows editor below and the documents have all.
SHOWN_PEERS = 12


def peers_content(plan: Plan, width: int) -> Content:
    aspects = comparison.aspects(plan)
    names = [comparison.US] + [peer for peer, _ in aspects[0].theirs[:SHOWN_PEERS]]
    label = min(18, max(len(name) for name in names))
    parts: list = [Content.styled("Our plan beside our peers\n", "bold")]
    if not aspects[0].theirs:
        parts.append(Content.styled(" Add peers below to compare them with our choices.\n", "dim"))
    for aspect in aspects:
        parts.append(Content.styled(f" {aspect.title}\n", "bold"))
        rows = [(comparison.US, aspect.ours or "—")] if aspect.ours or aspect.title != "What works" else []
        rows += [(peer, text or "—") for peer, text in aspect.theirs[:SHOWN_PEERS]]
        for name, text in rows:
            style = "bold" if name == comparison.US else ""
            for number, line in enumerate(hanging(name, text, width, label)):
                parts.append(Content.styled(line + "\n", style if number == 0 else ""))
        if len(aspect.theirs) > SHOWN_PEERS:
            parts.append(Content.styled(f"  … and {len(aspect.theirs) - SHOWN_PEERS:,} more peers\n", "dim"))
        if aspect.title == "Platforms":
            skipped = comparison.platforms_we_skip(plan)
            if skipped and aspect.theirs:
                used = ", ".join(f"{name} ({count} of {len(aspect.theirs)})" for name, count in skipped)
                parts.append(Content.styled(f"  Peers use, we do not: {used}\n", "dim"))
    return Content.assemble(*parts).rstrip()


class PeersComparison(FittedPanel):
    def __init__(self) -> None:
        super().__init__("peers-comparison")

    def content(self, plan: Plan, width: int) -> Content:
        return peers_content(plan, width)
