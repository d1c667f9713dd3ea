"""The public comment policy: what the public may post on our pages, what we
remove and why, when we read and reply, the terms of use, the records notice,
that the pages are not watched for emergencies, and how to complain.

Written to the public, and only from what the public may read: its Prose has
reader PUBLIC, so a staff instruction (how we reply, a topic's approach, the
tiers) raises instead of printing. Every sentence that states a promise or a
fact stands on a decision: the viewpoint-neutral promise on the forum, the
reply time on the reply mode, "not watched around the clock" on the monitoring
hours, the records law on the country (core/law.py).
"""

from __future__ import annotations

import datetime as _dt

from smgov_tui.core import law
from smgov_tui.core.adoption import COMMENT_POLICY
from smgov_tui.core.catalogue.conduct import TERMS
from smgov_tui.core.catalogue.decision import PUBLIC
from smgov_tui.core.catalogue.response import NOT_ANSWERED, NOTICE_PLACES
from smgov_tui.core.plan import Plan
from smgov_tui.core.schedule import ScheduleError, parse_schedule
from smgov_tui.documents.model import Block, Bullets, Document, Filled, Para, Section, Strong
from smgov_tui.documents.prose import Prose, spoken_list

TITLE = "Public Comment Policy"
WEEK_MINUTES = 7 * 24 * 60
VIEWPOINT_NEUTRAL = "limited public forum"  # the one forum whose removals must ignore the view

# Completes "Our comment spaces are " in both documents (so no "below": the rules are in this
# policy, not in the code); a value not here is the planner's own words, shown as written.
FORUM = {
    "limited public forum": "a limited public forum: we invite comment on the subject of each "
                            "post, within our published comment rules, whatever the view expressed",
    "government speech (comments off)": "government speech: the accounts publish information, and "
                                        "comments on them are turned off",
    "moderated, not a public forum": "moderated, not a public forum: we invite comment on the "
                                     "subject of each post and moderate it under our published "
                                     "comment rules",
    "no public-forum doctrine applies": "moderated by us under our published comment rules; no "
                                        "public-forum doctrine applies to them",
}
REPLY = {  # the reply mode in a sentence; `True`: it answers, so a reply time may be promised
    "answer publicly": ("We answer questions in public, so everyone with the same question sees "
                        "the answer.", True),
    "answer publicly or by private message": ("We answer questions in public, or by private "
                                              "message where the question is about you.", True),
    "answer by private message": ("We answer questions by private message.", True),
    NOT_ANSWERED: ("We read comments and messages, but they are not acknowledged and we do not "
                   "answer them here.", False),
}
PLACES = dict(zip(NOTICE_PLACES, ("in every profile's bio or about section",
                                  "in a pinned post on each account", "on our website",
                                  "in the automatic reply to private messages"), strict=True))
TERMS_WORDS = dict(zip(TERMS, (
    "Each platform's own terms of use apply to everything posted there, as well as this policy.",
    "We do not endorse the advertisements, links or suggested content a platform places on or "
    "beside our pages.",
    "A comment is the view of the person who posted it and does not necessarily reflect ours; "
    "leaving it up does not mean we agree with it.",
    "A comment, message or post on our accounts is not formal notice to us, a complaint under our "
    "complaints process or public comment on a proposal; use our official channels for those.",
    "We may not answer every comment or message.",
    "We may change these terms at any time; the version posted with this policy applies.",
), strict=True))
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


def _places(value: list[str]) -> str:
    return spoken_list([PLACES.get(place, place) for place in value])


def _about(p: Prose) -> list[Block]:
    return [Para((("We welcome your comments on our official social media accounts. This policy "
                  "explains what you may post there, what we remove and why, how we read and "
                  "answer what you send, and what happens to it afterwards."),)),
            p.para("It applies wherever our accounts take comments: {platforms.chosen|open}.",
                   open=_open_platforms),
            p.para("Our comment spaces are {safeguards.forum|forum}.", forum=forum_words),
            p.para("This policy and its terms of use are posted {response.notice_places|places}.",
                   places=_places),
            # advice to the reader, not a claim: no decision says the website lists the accounts
            p.para("Our website is {organisation.website}: before you trust an account as ours, "
                   "check that our website links to it.")]


def _citizen_conduct(p: Prose) -> list[Block]:
    return p.lead_in("When you comment on our pages, please follow these rules:", "conduct.citizen_conduct")


def _topics(p: Prose) -> list[Block]:
    """The topics by name only: how the team handles each is a staff instruction (the code)."""
    return [Para(("We especially welcome questions and comments about:",)),
            *p.each("response.welcomed_topics", lambda row: row["topic"]),
            Para((("Some subjects we do not discuss on social media; for these we point you "
                  "elsewhere:"),)),
            *p.each("response.off_limits_topics", lambda row: row["topic"])]


def _removal(p: Prose) -> list[Block]:
    """Viewpoint neutrality promised only where the forum makes it the rule."""
    forum = p.value("safeguards.forum")
    if forum == VIEWPOINT_NEUTRAL:
        lead = ("We hide or remove comments only under these rules, and we apply them the same way "
                "whatever view a comment expresses:")
    elif forum is None:
        lead = "We hide or remove comments under these rules ({safeguards.forum}):"
    else:
        lead = "We hide or remove comments under these rules:"
    return [*p.lead_in(lead, "safeguards.removal_rules"),
            p.para("How we moderate: {response.moderation_mode|mode}.",
                   mode=lambda value: MODERATION.get(value, value))]


def _replies(p: Prose) -> list[Block]:
    """A reply time only where the reply mode answers; a mode in our own words promises none."""
    blocks = [p.para("Our accounts are watched during our published hours, {response.monitoring_hours}.")]
    mode = p.value("response.reply_mode")
    if mode is None:
        return [*blocks, p.para("How we answer: {response.reply_mode}.")]
    words, answers = REPLY.get(mode, (None, False))
    blocks.append(Para((Filled("response.reply_mode", words),)) if words
                  else p.para("How we answer: {response.reply_mode}."))
    if answers:
        blocks.append(p.para("We aim to answer ordinary questions within {response.reply_target} of "
                             "those hours."))
    return blocks


def _terms(p: Prose) -> list[Block]:
    chosen = p.value("conduct.terms_of_use")
    if chosen is None:
        clauses: list[Block] = [Para((p.slot("conduct.terms_of_use"),))]
    else:
        clauses = [Bullets(tuple(Para((Filled("conduct.terms_of_use", TERMS_WORDS.get(term, term)),))
                                 for term in chosen))]
    # the terms as ours to state, not the reader's assent: no decision says posting accepts them
    return [Para(("These terms of use apply to our accounts:",)), *clauses,
            *p.lead_in("Also:", "conduct.terms_own_words")]


def _records(p: Prose) -> list[Block]:
    found = law.records_law(p.plan.get("organisation.country"))
    return [p.para(f"Comments, messages and posts on our accounts, including those we hide or "
                   f"remove, {found.held}. We keep them under {{safeguards.retention_schedule}}, and "
                   f"they may be released in answer to {found.request}. Please do not post personal "
                   "information you would not want kept or released."),
            Para(("How each account's records are kept:",)),
            *p.blocks("safeguards.records")]


def around_the_clock(hours: object) -> bool | None:
    """Whether published hours cover the whole week; None while undecided or unreadable."""
    try:
        return parse_schedule(str(hours)).minutes >= WEEK_MINUTES if hours else None
    except ScheduleError:
        return None


def _emergencies(p: Prose) -> list[Block]:
    watched = around_the_clock(p.value("response.monitoring_hours"))
    if watched is False:
        warning = ("Our social media accounts are not watched around the clock. Do not use them to "
                   "report an emergency.")
    else:
        warning = "Do not use our social media accounts to report an emergency."
    return [Para((Strong(warning),)),
            p.para("Our notice, posted {response.notice_places|places}, reads: "
                   "“{response.emergency_notice}”", places=_places)]


def _complaints(p: Prose) -> list[Block]:
    return p.lead_in("If you think a rule was applied to you wrongly, or you want to complain about "
                     "our accounts:", "safeguards.complaints")


SECTIONS = (
    ("About this policy", _about),
    ("Citizen conduct", _citizen_conduct),
    ("Topics", _topics),
    ("Removal rules", _removal),
    ("When we read and reply", _replies),
    ("Terms of use and disclaimer", _terms),
    ("Public records notice", _records),
    ("Not for emergencies", _emergencies),
    ("Complaints and appeals", _complaints),
)


def build(plan: Plan, today: _dt.date) -> Document:
    p = Prose(plan, COMMENT_POLICY, reader=PUBLIC)
    return Document("comments", plan.headed(TITLE), plan.title, today, [],
                    [Section(title, p.kept(write(p))) for title, write in SECTIONS], reader=PUBLIC)
