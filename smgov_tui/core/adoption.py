"""What each adopted document draws on: the documents the public or the
council adopts (the comment policy, the code of conduct) and, per decision,
whether the document needs it or reads complete without it.

Declared here, in core, so the readiness can judge adoptability without the
documents layer, and the documents render from this same declaration: a
decision marked `LEAVES_OUT` is left out of the text while undecided (never a
"Not yet decided" marker); a `NEEDS` one left undecided is a blocker in the
checklist (core/checks/adoption.py), so READY never meets a gap in them.
"""

from __future__ import annotations

from typing import NamedTuple

from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.plan import Plan

NEEDS, LEAVES_OUT = True, False


class Adopted(NamedTuple):
    key: str  # the document's name in `smgov export --doc`
    name: str  # as a sentence names it: "The comment policy"
    step: str  # where its part is mostly decided
    draws: tuple[tuple[str, bool], ...]  # (decision id, NEEDS or LEAVES_OUT), in the order it reads

    def needed(self) -> tuple[str, ...]:
        return tuple(decision_id for decision_id, need in self.draws if need)

    @property
    def target(self) -> str:
        """Where the checklist sends a reader while nothing is missing: the first need
        the checklist does not already block on."""
        return next(i for i in self.needed() if not CATALOGUE.get(i).blocker)

    def left_out(self, plan: Plan) -> frozenset[str]:
        """The parts this document leaves out of this plan: undecided and not needed."""
        return frozenset(decision_id for decision_id, need in self.draws
                         if not need and not plan.decided(decision_id))

    def missing(self, plan: Plan) -> list[str]:
        """The gaps that make it unadoptable and that nothing else blocks on: a
        needed decision the catalogue calls advice (a missing blocker decision
        is already a blocker of its own in the checklist)."""
        return [decision_id for decision_id in self.needed()
                if not CATALOGUE.get(decision_id).blocker and not plan.decided(decision_id)]


# The identity every adopted document opens with, and its back matter
# (documents/governance.py). LEAVES_OUT: the number, the related documents and the
# adoption record (body, resolution, date) are filled in by the clerk or at the
# meeting, and the record keeps blank lines for them; the sign-off says who approved
# once someone has. The rest says whom the rules bind, under what, from when.
GOVERNANCE_FRONT = (
    ("launch.policy_number", LEAVES_OUT), ("launch.authority", NEEDS), ("launch.scope", NEEDS),
    ("launch.owner", NEEDS), ("launch.contact", NEEDS), ("launch.effective_date", NEEDS),
    ("launch.review_cycle", NEEDS),
)
GOVERNANCE_BACK = (
    ("launch.related_documents", LEAVES_OUT), ("launch.signoff", LEAVES_OUT),
    ("launch.adopting_body", LEAVES_OUT), ("launch.resolution", LEAVES_OUT),
    ("launch.adopted_on", LEAVES_OUT),
)

# Why each LEAVES_OUT: the sentence it fills adds to the document, and without
# it every rule the document states still stands. Every other decision carries
# a rule the public or the staff are held to (complaints: the way to contest a
# removal under the published rules; a forum without it is not adoptable).
COMMENT_POLICY = Adopted("comments", "The comment policy", "conduct", GOVERNANCE_FRONT + (
    ("platforms.chosen", NEEDS), ("safeguards.forum", NEEDS), ("response.notice_places", NEEDS),
    ("organisation.website", LEAVES_OUT),  # the sentence that the website lists our accounts
    ("conduct.citizen_conduct", NEEDS), ("response.welcomed_topics", NEEDS),
    ("response.off_limits_topics", NEEDS), ("safeguards.removal_rules", NEEDS),
    ("response.moderation_mode", NEEDS), ("response.monitoring_hours", NEEDS),
    ("response.reply_mode", NEEDS),
    ("response.reply_target", NEEDS),  # drawn only where the reply mode answers
    ("conduct.terms_of_use", NEEDS),
    ("conduct.terms_own_words", LEAVES_OUT),  # counsel's further terms; the chosen clauses stand
    ("safeguards.retention_schedule", NEEDS), ("safeguards.records", NEEDS),
    ("response.emergency_notice", NEEDS), ("safeguards.complaints", NEEDS),
) + GOVERNANCE_BACK)

CODE_OF_CONDUCT = Adopted("conduct", "The code of conduct", "conduct", GOVERNANCE_FRONT + (
    ("platforms.chosen", NEEDS), ("platforms.main", NEEDS), ("conduct.security", NEEDS),
    ("conduct.dos_donts", NEEDS), ("response.tone", NEEDS),
    ("response.how", NEEDS), ("response.welcomed_topics", NEEDS),  # the staff's side of
    ("response.off_limits_topics", NEEDS),  # what the comment policy tells the public
    ("conduct.reputation", NEEDS),
    ("response.escalation_contact", NEEDS), ("safeguards.hacked_response", NEEDS),
    ("conduct.quality", LEAVES_OUT),  # the house standard for posts; the rhythm and rules stay
    ("objectives.frequency", NEEDS), ("response.posting_time_frame", NEEDS),
    ("safeguards.accessibility", NEEDS), ("conduct.time_allotted", NEEDS),
    ("resources.roster", NEEDS), ("conduct.privacy", NEEDS), ("conduct.employee_access", NEEDS),
    ("resources.training", NEEDS), ("conduct.account_management", NEEDS),
    ("platforms.naming", NEEDS),
    ("platforms.register", LEAVES_OUT),  # where the register is kept; the naming rules stay
    ("platforms.closure", NEEDS), ("conduct.acceptable_use", NEEDS),
    ("conduct.employee_conduct", NEEDS), ("safeguards.officials_accounts", NEEDS),
    ("conduct.content", NEEDS), ("response.approval", NEEDS), ("safeguards.access", NEEDS),
    ("safeguards.review_interval", LEAVES_OUT),  # the access table keeps each review's date
    ("safeguards.offboarding", NEEDS), ("conduct.legal", NEEDS), ("safeguards.forum", NEEDS),
    ("safeguards.retention_schedule", NEEDS), ("conduct.citizen_conduct", NEEDS),
    ("launch.first_review", NEEDS),
) + (("launch.enforcement", NEEDS),) + GOVERNANCE_BACK)

ADOPTED: tuple[Adopted, ...] = (COMMENT_POLICY, CODE_OF_CONDUCT)
