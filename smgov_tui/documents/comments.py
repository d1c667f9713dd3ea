"""The public comment policy: what the public may post on our pages, what we
remove and why, when we read and reply, the records notice, that the pages are
not watched for emergencies, and how to complain. Written to the public."""

from __future__ import annotations

import datetime as _dt

from smgov_tui.core.adoption import COMMENT_POLICY
from smgov_tui.core.plan import Plan
from smgov_tui.documents.model import Block, Document, Para, Section, Strong
from smgov_tui.documents.prose import Prose, spoken_list

TITLE = "Public Comment Policy"

FORUM = {
    "limited public forum": "a limited public forum: we invite comment on the subject of each "
                            "post, within the published rules below, whatever the view expressed",
    "government speech (comments off)": "government speech: the accounts publish information, and "
                                        "comments on them are turned off",
}
MODERATION = {
    "active": "we read comments and act on them ourselves during our published hours",
    "alert-only": "we act on comments when they are reported to us or flagged by the platform",
    "hands-off": "we do not moderate comments, so we turn comments off",
}


def forum_words(value: str) -> str:
    return FORUM.get(value, value)


def _open_platforms(rows: list[dict]) -> str:
    names = [str(row["platform"]) + (" (limited comments)" if row.get("comments") == "limited" else "")
             for row in rows if row.get("comments") in ("open", "limited")]
    return spoken_list(names) if names else "none of our accounts, which all have comments turned off"


def _about(p: Prose) -> list[Block]:
    return [Para((("We welcome your comments on our official social media accounts. This policy "
                  "explains what you may post there, what we remove and why, when we read and "
                  "answer what you send, and what happens to it afterwards."),)),
            p.para("It applies wherever our accounts take comments: {platforms.chosen|open}.",
                   open=_open_platforms),
            p.para("Our comment spaces are {safeguards.forum|forum}.", forum=forum_words),
            p.para("Our website, {organisation.website}, lists every official account of ours and "
                   "links to each: an account it does not list is not ours.")]


def _citizen_conduct(p: Prose) -> list[Block]:
    return p.lead_in("When you comment on our pages, please follow these rules:", "conduct.citizen_conduct")


def _topics(p: Prose) -> list[Block]:
    return [Para(("We especially welcome questions and comments about:",)),
            *p.each("response.welcomed_topics", lambda row: row["topic"]),
            Para((("Some subjects we do not discuss on social media; for these we point you "
                  "elsewhere:"),)),
            *p.each("response.off_limits_topics",
                    lambda row: row["topic"] + (f": {row['approach']}" if row.get("approach") else ""))]


def _removal(p: Prose) -> list[Block]:
    return [*p.lead_in("We hide or remove comments only under these rules, and we apply them the "
                       "same way whatever view a comment expresses:", "safeguards.removal_rules"),
            p.para("How we moderate: {response.moderation_mode|mode}.",
                   mode=lambda value: MODERATION.get(value, value))]


def _replies(p: Prose) -> list[Block]:
    return [p.para("Our accounts are watched during our published hours, {response.monitoring_hours}. "
                   "We aim to answer ordinary questions within {response.reply_target} of those hours."),
            *p.lead_in("How we reply:", "response.how")]


def _records(p: Prose) -> list[Block]:
    return [p.para("Comments, messages and posts on our accounts, including those we hide or remove, "
                   "may be public records. We keep them under {safeguards.retention_schedule}, and "
                   "they may be released in answer to a public records request. Please do not post "
                   "personal information you would not want kept or released."),
            Para(("How each account's records are kept:",)),
            *p.blocks("safeguards.records")]


def _emergencies(p: Prose) -> list[Block]:
    return [Para((Strong("Our social media accounts are not watched around the clock. Do not use "
                         "them to report an emergency."),)),
            p.para("Every profile carries this notice: “{response.emergency_notice}”")]


def _complaints(p: Prose) -> list[Block]:
    return p.lead_in("If you think a rule was applied to you wrongly, or you want to complain about "
                     "our accounts:", "safeguards.complaints")


SECTIONS = (
    ("About this policy", _about),
    ("Citizen conduct", _citizen_conduct),
    ("Topics", _topics),
    ("Removal rules", _removal),
    ("When we read and reply", _replies),
    ("Public records notice", _records),
    ("Not for emergencies", _emergencies),
    ("Complaints and appeals", _complaints),
)


def build(plan: Plan, today: _dt.date) -> Document:
    p = Prose(plan, COMMENT_POLICY)
    return Document("comments", plan.headed(TITLE), plan.title, today, [],
                    [Section(title, p.kept(write(p))) for title, write in SECTIONS])
