"""The Social Media Engagement and Code of Conduct: the source article's six
subjects, then CTG's eight elements of a government social media policy.

Each section is one subject, written as the rules a council adopts, with the
decisions that settle it woven in; `SUBJECTS` says which decisions those are,
so every section can be traced to the plan and tested against it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from smgov_tui.core import hours as capacity
from smgov_tui.core import law
from smgov_tui.core import signoff
from smgov_tui.core.adoption import CODE_OF_CONDUCT
from smgov_tui.core.catalogue.kinds import plain_number
from smgov_tui.core.plan import Plan
from smgov_tui.documents import governance
from smgov_tui.documents.comments import forum_words
from smgov_tui.documents.model import Block, Document, Filled, Gap, Para, Part, Section
from smgov_tui.documents.prose import Prose, gap, spoken_list

TITLE = "Social Media Engagement and Code of Conduct"
ARTICLE_PART = "Part 1: How we engage"
CTG_PART = "Part 2: The eight elements of our policy"


def _names(rows: list[dict], key: str) -> str:
    return spoken_list([str(row[key]) for row in rows if row.get(key)])


def _weekly(value: float) -> str:
    return f"{plain_number(value)} hours a week"


def _months(value: float) -> str:
    return f"{plain_number(value)} month{'s' if value != 1 else ''}"


def _scope(p: Prose) -> list[Block]:
    return [Para((("This code sets out how everyone who posts, replies or moderates on our official "
                  "social media accounts is expected to work, and what we expect of the public on "
                  "them. Part 1 covers the subjects every engagement and conduct plan should settle "
                  "before an account opens; Part 2 follows the eight elements of a government social "
                  "media policy identified by the Center for Technology in Government (CTG, 2010)."),)),
            p.para("It applies to our accounts on {platforms.chosen|platforms}, with "
                   "{platforms.main} as our main platform, and binds {launch.scope|bound}.",
                   platforms=lambda rows: _names(rows, "platform"), bound=governance.bound)]


def _security(p: Prose) -> list[Block]:
    return p.lead_in("Everyone with access to an official account keeps it secure and keeps "
                     "confidential information off it:", "conduct.security")


def _dos_donts(p: Prose) -> list[Block]:
    return [*p.lead_in("Anyone posting or replying for us follows these do's and don'ts:",
                       "conduct.dos_donts"),
            p.para("Our accounts speak in a {response.tone} tone."),
            *p.lead_in("How we answer the public:", "response.how"),
            *p.lead_in("The topics we welcome, and how we handle each:", "response.welcomed_topics"),
            *p.lead_in("The topics we do not discuss, and how we point people elsewhere:",
                       "response.off_limits_topics")]


def _reputation(p: Prose) -> list[Block]:
    return [*p.lead_in("We handle criticism, complaints, our own mistakes and false information "
                       "about us as follows:", "conduct.reputation"),
            p.para("Anything that goes beyond what responders can handle is escalated to "
                   "{response.escalation_contact}."),
            *p.lead_in("If an account is taken over by someone else, we respond this way:",
                       "safeguards.hacked_response")]


def _quality(p: Prose) -> list[Block]:
    return [*p.lead_in("Every post meets this standard, and we keep to this rhythm:", "conduct.quality"),
            p.para("Across our accounts we communicate {objectives.frequency}. Posts are written "
                   "and approved on this time frame: {response.posting_time_frame}."),
            p.para("Every post follows our accessibility rules: {safeguards.accessibility}.")]


def _time(p: Prose) -> list[Block]:
    plan = p.plan
    return [p.para("Each person on the social media roster may spend up to "
                   "{conduct.time_allotted|weekly} on social media work: writing, scheduling, "
                   "monitoring, replying and reporting.", weekly=_weekly),
            Para((*p.parts("In all, the roster gives {resources.roster|available}, and the platforms "
                           "in this plan need ",
                           available=lambda _: _weekly(capacity.hours_available(plan))),
                  _hours_needed(p), "."))]


def _hours_needed(p: Prose) -> Part:
    """A figure only from estimates: a platform with no posting estimate makes it a gap, never
    "about 0 hours a week"."""
    rows = p.value("platforms.chosen")
    if rows is None:
        return gap("platforms.chosen")
    unestimated = [str(row.get("platform")) for row in rows
                   if not (row.get("posts_per_week") and row.get("minutes_per_post"))]
    if unestimated:
        return Gap("platforms.chosen", f"posting estimate for {spoken_list(unestimated)}")
    return Filled("platforms.chosen", "about " + _weekly(round(capacity.hours_needed(p.plan), 1)))


def _privacy(p: Prose) -> list[Block]:
    return p.lead_in("We protect people's personal information, and set our accounts' privacy "
                     "options, as follows:", "conduct.privacy")


def _employee_access(p: Prose) -> list[Block]:
    return [*p.lead_in("Who may use social media at work, and for what:", "conduct.employee_access"),
            *p.lead_in("Nobody is given access to an official account before this training:",
                       "resources.training")]


def _account_management(p: Prose) -> list[Block]:
    return [*p.lead_in("How official accounts are approved, run and kept:", "conduct.account_management"),
            p.para("Our accounts are named, verified and linked like this: {platforms.naming}."),
            p.para("Our register of official accounts: {platforms.register}."),
            *p.lead_in("When and how we close an account:", "platforms.closure")]


def _acceptable_use(p: Prose) -> list[Block]:
    return p.lead_in("What use of social media on our systems and in work time is acceptable:",
                     "conduct.acceptable_use")


def _employee_conduct(p: Prose) -> list[Block]:
    return [*p.lead_in("How staff behave online, on our accounts and their own:", "conduct.employee_conduct"),
            *p.lead_in("Elected officials and staff keep their own accounts separate from ours:",
                       "safeguards.officials_accounts")]


def _content(p: Prose) -> list[Block]:
    return [*p.lead_in("Who may post what, and who checks it first:", "conduct.content"),
            p.para("Our rule for approval before posting: {response.approval}.")]


def _security_element(p: Prose) -> list[Block]:
    return [Para((("Every platform and tool that can post or read messages for us is listed here, "
                  "with its two-factor sign-in, its administrators and its next access review:"),)),
            *p.blocks("safeguards.access", every_column=True),
            p.para("We review who has access at least every {safeguards.review_interval|months}.",
                   months=_months),
            *p.lead_in("When someone leaves or changes role:", "safeguards.offboarding")]


def _legal(p: Prose) -> list[Block]:
    records = law.records_law(p.plan.get("organisation.country"))
    return [*p.lead_in("The legal rules our social media follows:", "conduct.legal"),
            p.para("Our comment spaces are {safeguards.forum|forum}. Posts, comments and "
                   "messages are kept under {safeguards.retention_schedule}.", forum=forum_words),
            Para((f"They {records.held}, and may be released in answer to {records.request}.",))]


def _citizen_conduct(p: Prose) -> list[Block]:
    return [*p.lead_in("What the public may post on our pages, and what we remove:",
                       "conduct.citizen_conduct"),
            Para((("The public comment policy, adopted with this code, sets this out in full for "
                  "the public."),))]


# (part, title, writer): the article's six subjects, then CTG's eight elements in CTG's order.
SUBJECTS: tuple[tuple[str, str, Callable[[Prose], list[Block]]], ...] = (
    (ARTICLE_PART, "Security and confidentiality", _security),
    (ARTICLE_PART, "Do's and don'ts", _dos_donts),
    (ARTICLE_PART, "Reputation management", _reputation),
    (ARTICLE_PART, "Quality and quantity of messaging", _quality),
    (ARTICLE_PART, "Time allotted to social media", _time),
    (ARTICLE_PART, "Privacy issues and settings", _privacy),
    (CTG_PART, "Employee access", _employee_access),
    (CTG_PART, "Account management", _account_management),
    (CTG_PART, "Acceptable use", _acceptable_use),
    (CTG_PART, "Employee conduct", _employee_conduct),
    (CTG_PART, "Content", _content),
    (CTG_PART, "Security", _security_element),
    (CTG_PART, "Legal issues", _legal),
    (CTG_PART, "Citizen conduct", _citizen_conduct),
)


def build(plan: Plan, today: _dt.date) -> Document:
    p = Prose(plan, CODE_OF_CONDUCT)
    sections = [Section("Scope", _scope(p))]
    part = None
    for subject_part, title, write in SUBJECTS:
        if subject_part != part:
            part = subject_part
            sections.append(Section(part, []))
        sections.append(Section(title, p.kept(write(p)), level=3))
    takes_effect = p.para("This code takes effect on {launch.effective_date}. It is reviewed with the "
                          "plan on {launch.first_review}, then {launch.review_cycle}.")
    if plan.decided(signoff.SIGNOFF):  # approved only by a sign-off of the plan as it stands
        approved = p.para("{launch.signoff|approval}", approval=lambda rows: signoff.approval(plan) or "")
    else:  # left out while nobody signed (core/adoption.py)
        approved = p.para("It was approved by {launch.signoff}.")
    sections.append(Section("Effect and review", p.kept([takes_effect, approved])))
    return Document("conduct", plan.headed(TITLE), plan.title, today, [], sections)
