"""What makes a document one a council can adopt as it stands: the identity it
opens with (number, authority, who it binds, owner, contact, effective date,
review cycle) and its back matter (related documents, enforcement, revision
history, adoption record with signature lines).

Added to each adopted document by `documents.build`, so the builders of the
comment policy and the code of conduct never repeat it. An undecided part is
the usual gap marker, or left out where the document reads complete without it
(core/adoption.py); the lines a clerk fills in at the meeting (resolution,
date, signatures) stay blank lines, never invented text. The revision history
comes from the sign-offs: each keeps what it signed (core/signoff.py), so two
sign-offs tell what changed between them from the plan alone.
"""

from __future__ import annotations

from smgov_tui.core import signoff
from smgov_tui.core.adoption import Adopted
from smgov_tui.core.catalogue import CATALOGUE
from smgov_tui.core.catalogue.kinds import INTERVAL
from smgov_tui.core.plan import Plan
from smgov_tui.documents.model import Cell, Filled, Para, Section, Table
from smgov_tui.documents.prose import Prose

BLANK = "........................"  # a line to sign or fill in by hand (underscores would show escaped in Markdown)
IDENTITY_TITLE = "Policy details"
# (label, decision, wording): the identity block's rows, in the order adopted policies give them.
IDENTITY = (
    ("Policy number", "launch.policy_number", None),
    ("Authority", "launch.authority", None),
    ("Applies to", "launch.scope", lambda scopes: "; ".join(scopes).capitalize()),
    ("Policy owner", "launch.owner", None),
    ("Contact", "launch.contact", None),
    ("Effective date", "launch.effective_date", None),
    ("Review cycle", "launch.review_cycle", lambda months: INTERVAL.show(months).capitalize()),
)
# Who the scope decision binds, as a sentence names them.
_BOUND = {"staff": "our staff", "contractors and consultants": "contractors and consultants working for us",
          "volunteers and interns": "our volunteers and interns",
          "elected officials' official accounts": "elected officials on their official accounts"}
_SHOWN_CHANGES = 6
# The adoption record's lines a clerk fills in at the meeting: blank lines while undecided, not gaps.
BY_HAND = ("launch.adopting_body", "launch.resolution", "launch.adopted_on")
# Every decision the front and back matter print: the plan document leaves them out of its sections.
PRINTED = (*(decision_id for _label, decision_id, _wording in IDENTITY), "launch.related_documents",
           "launch.enforcement", *BY_HAND)


def bound(scopes: list[str]) -> str:
    """"our staff; contractors and consultants working for us; and ...": semicolons,
    since the parts have "and" in them."""
    words = [_BOUND.get(scope, scope) for scope in scopes]
    return words[0] if len(words) == 1 else "; ".join(words[:-1]) + "; and " + words[-1]


def front(plan: Plan, adopted: Adopted | None) -> list[Section]:
    p = Prose(plan, adopted)
    rows = tuple((label, p.slot(decision_id, wording)) for label, decision_id, wording in IDENTITY
                 if decision_id not in p.left_out)
    return [Section(IDENTITY_TITLE, [Table(("Item", "Detail"), rows)])]


def back(plan: Plan, adopted: Adopted | None, enforcement: bool, called: str = "policy") -> list[Section]:
    """`called`: how the document names itself ("plan", "code", "policy")."""
    p = Prose(plan, adopted)
    sections = [Section("Related documents", p.lead_in(f"This {called} works with these documents:",
                                                       "launch.related_documents"))]
    if enforcement:
        sections.append(Section("Enforcement", p.lead_in(f"What follows a breach of this {called}:",
                                                         "launch.enforcement")))
    sections += [Section("Revision history", revision_history(plan)),
                 Section("Adoption record", adoption_record(p))]
    return [section for section in sections if section.blocks]


def _changes(ids: tuple[str, ...]) -> str:
    labels = [CATALOGUE.get(key).label if key in CATALOGUE else key for key in ids]
    shown = ", ".join(labels[:_SHOWN_CHANGES])
    more = len(labels) - _SHOWN_CHANGES
    return "Changed: " + shown + (f" and {more} more" if more > 0 else "") if labels else "No decision changed"


def revisions(plan: Plan) -> list[tuple[str, str, str, str]]:
    """(revision, date, what changed, approved by) per version signed off, oldest first;
    sign-offs of one plan revision are one version with several approvers; then the
    draft, if the plan has changed since the newest sign-off."""
    groups: list[list[dict]] = []
    for row in plan.rows(signoff.SIGNOFF):
        if groups and "revision" in row and groups[-1][0].get("revision") == row["revision"]:
            groups[-1].append(row)
        else:
            groups.append([row])
    found = []
    for number, group in enumerate(groups, 1):
        what = ("First approved version" if number == 1
                else _changes(signoff.changed_between(groups[number - 2][0], group[0])))
        approvers = "; ".join(f"{row['name']} ({row['role']})" for row in group)
        found.append((str(number), max(row["date"] for row in group), what, approvers))
    state = signoff.newest(plan)
    if state is not None and not state.current:
        found.append(("Draft", "", _changes(state.changed), "Not yet approved"))
    return found


def revision_history(plan: Plan) -> list:
    rows = revisions(plan)
    if not rows:
        return [Para(("No version of this policy has been signed off yet; this is a draft.",))]
    return [Table(("Revision", "Date", "What changed", "Approved by"), tuple(
        (revision, Filled(signoff.SIGNOFF, date) if date else "", what,
         Filled(signoff.SIGNOFF, who) if revision != "Draft" else who)
        for revision, date, what, who in rows))]


def _filled_or_blank(p: Prose, decision_id: str) -> Cell:
    return BLANK if p.value(decision_id) is None else p.slot(decision_id)


def adoption_record(p: Prose) -> list:
    record = Table(("Adoption", "Record"), tuple(
        (label, _filled_or_blank(p, decision_id))
        for label, decision_id in zip(("Adopted by", "Resolution or minute number", "Date adopted"), BY_HAND)))
    signers = [row for row in p.plan.rows(signoff.SIGNOFF) if signoff.standing(p.plan, row).current]
    lines = tuple((Filled(signoff.SIGNOFF, row["name"]), Filled(signoff.SIGNOFF, row["role"]), BLANK, BLANK)
                  for row in signers) or ((BLANK, BLANK, BLANK, BLANK),)
    return [record, Para(("Signed for adoption:",)), Table(("Name", "Title", "Signature", "Date"), lines)]
