"""Every account has owners, records and locks (checks 3, 5 and 8, and the main platform)."""

from __future__ import annotations

from smgov_tui.core.checks.base import Check, report
from smgov_tui.core.names import name_key, same_person
from smgov_tui.core.plan import Plan


def _owners(plan: Plan) -> str | None:
    no_owner, no_backup, self_backup = [], [], []
    for row in plan.rows("platforms.chosen"):
        if not row.get("owner"):
            no_owner.append(row["platform"])
        elif not row.get("backup"):
            no_backup.append(row["platform"])
        elif same_person(row["owner"], row["backup"]):
            self_backup.append(row["platform"])
    return report(("no owner for", no_owner), ("no backup administrator for", no_backup),
                  ("the owner is also the backup on", self_backup))


def _records(plan: Plan) -> str | None:
    rules = {name_key(row["platform"]): row for row in plan.rows("safeguards.records")}
    missing, partial = [], []
    for row in plan.rows("platforms.chosen"):
        rule = rules.get(name_key(row["platform"]))
        if rule is None:
            missing.append(row["platform"])
        elif not rule.get("retention") or not rule.get("capture"):
            gap = "retention rule" if not rule.get("retention") else "capture method"
            partial.append(f"{row['platform']} (no {gap})")
    return report(("no retention rule or capture method for", missing),
                  ("incomplete records rule for", partial))


def _accounts(plan: Plan) -> list[str]:
    return ([row["platform"] for row in plan.rows("platforms.chosen")]
            + [row["tool"] for row in plan.rows("platforms.tools")])


def _security(plan: Plan) -> str | None:
    access = {name_key(row["account"]): row for row in plan.rows("safeguards.access")}
    no_2fa, no_review, few_admins = [], [], []
    for account in _accounts(plan):
        row = access.get(name_key(account), {})
        if row.get("two_factor") is not True:
            no_2fa.append(account)
        if not row.get("next_review"):
            no_review.append(account)
        if row.get("admins") is not None and row["admins"] < 2:
            few_admins.append(account)
    return report(("two-factor not confirmed for", no_2fa), ("no access-review date for", no_review),
                  ("fewer than 2 administrators on", few_admins))


def _main_platform(plan: Plan) -> str | None:
    main = plan.get("platforms.main")
    if not main:
        return None
    names = [row["platform"] for row in plan.rows("platforms.chosen")]
    if any(name_key(main) == name_key(name) for name in names):
        return None
    return f"the main platform {main} is not among the platforms chosen"


CHECKS = (
    Check("check.platform_owner", "platforms", "Platform without owner or backup", True,
          "platforms.chosen", _owners),
    Check("check.main_platform", "platforms", "Main platform not chosen", True,
          "platforms.main", _main_platform),
    Check("check.records", "safeguards", "Platform without retention or capture", True,
          "safeguards.records", _records),
    Check("check.security", "safeguards", "Account without two-factor or access review", True,
          "safeguards.access", _security),
)
