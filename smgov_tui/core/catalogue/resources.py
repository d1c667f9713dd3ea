"""Step 2: the time, staff and money really available, and what comes first."""

from smgov_tui.core.catalogue.decision import advice, blocker
from smgov_tui.core.catalogue.kinds import LONG_TEXT, MONEY, PERSON
from smgov_tui.core.catalogue.rows import GOALS, ROSTER

DECISIONS = (
    blocker("resources.roster", "Roster: who, which role, how many hours", ROSTER, """
List everyone who will work on social media, one row each:

- **Name** and **Role**: decision maker, team lead, content lead, account
  manager, responder, moderator or backup.
- **Hours a week**: the time they truly have for it, not a hoped-for figure.
- **When on duty**: e.g. Mon-Fri 09:00-17:00.
- **Contact**: a work email or phone.

**Why it matters.** The live checklist compares the roster's hours with the
hours your platforms need, and the "When on duty" times with your published
monitoring hours. Without a roster, nobody owns replies and gaps appear at the
worst moment.

**A sensible default.** Name at least a lead and a backup. For scale, one
senior online community manager plus one support officer suits an agency of
about 700 staff (Queensland guideline, 2010)."""),
    blocker("resources.budget", "Yearly budget", MONEY, """
Enter the total money available each year for the whole program: scheduling
and monitoring tools, paid promotion, training, and an archiving service to
keep your records. Use the figure that has actually been approved, not the one
you hope to get.

**Why it matters.** Tools and archiving services often charge yearly, per user
or per account, and costs add up quietly. The live checklist compares each
tool's cost, and the total, with this figure, so an overspend shows up before
you sign a contract rather than at the end of the financial year.

**A sensible default.** Write down what is approved, even if it is 0. Many
small cities start with the platforms' free tools plus an archiving service,
then add a paid scheduling tool only when the hours saved justify it. Check
every figure against real vendor quotes.""", "2400"),
    advice("resources.promotion", "Paid promotion a year", MONEY, """
Enter how much you plan to spend each year on paid promotion: boosted posts,
ads or sponsored content. Many government accounts spend nothing at all, and
that is a perfectly good answer.

**Why it matters.** Promotion comes out of the same budget as tools and
training, so an unplanned boost during a campaign can crowd out an archiving
subscription you need for your records. Ads also raise questions about
targeting, disclosure and purchasing rules, which are easier to settle before
you spend than after.

**A sensible default.** Start at 0 and build an audience with useful content
first. If a campaign needs extra reach, such as a consultation or a recruitment
drive, set a small fixed sum for it, name who approves each spend, and record
the results against your measurable objectives.""", "0"),
    advice("resources.training_cost", "Training cost a year", MONEY, """
Enter the yearly cost of training: courses or workshops staff take before they
get account access, refresher sessions, and any certificates. Include training
for backups too, not only for the main account manager.

**Why it matters.** Untrained staff are a common route to a careless post, a
lost public record or a hacked account. If no money is set aside, training is
the first thing skipped when budgets are tight, and new or covering staff end
up learning on the live account in front of the public.

**A sensible default.** Budget for one external course or webinar a year for
the lead, and run free internal sessions for everyone else on your policy,
records, accessibility and security. A modest figure such as 300 a year is a
reasonable placeholder until you have real quotes.""", "300"),
    blocker("resources.ranked_goals", "Goals ranked by importance", GOALS, """
Rank your goals from most to least important. Each row has:

- **Goal**: one goal, with the most important first.
- **Why it ranks here**: a line of reasoning, so others can see why the order
  is what it is and challenge it if needed.
- **Reached through**: the platforms that serve the goal.

**Why it matters.** Time, staff and money are almost always tighter than plans.
When the live checklist shows your platforms need more hours than your roster
has, the hours view proposes which platforms to cut and which goals to defer,
lowest-ranked first, instead of everything slipping a little. It also guides which platform becomes your main one.

**A sensible default.** Keep three to five goals. For example: 1. Answer
resident questions quickly (most contact with us is questions). 2. Promote
council meetings and consultations (we must inform). 3. Celebrate local events
(nice to have; first to drop when short-staffed)."""),
    blocker("resources.sponsor", "Leadership sponsor", PERSON, """
Name the senior leader who backs the social media program: a city manager,
department head or agency director who approves the plan, defends its staff
time and budget, and can make a quick call when something goes wrong.

**Why it matters.** Without a sponsor, social media is treated as a side task
that gets dropped when other work piles up, and hard calls during a controversy
wait for someone willing to decide. Leadership buy-in is part of the planning
template for this reason (DHS Social Media Plan Guide, 2019).

**A sensible default.** Choose someone senior enough to sign off policy and
reassign staff, and brief them before launch. For example, the City Manager,
with the communications lead reporting to them monthly on progress against the
measurable objectives.""", "Maria Chen, City Manager"),
    blocker("resources.cover", "Cover for leave, sickness and peaks", LONG_TEXT, """
Say who takes over when the usual people are on leave, off sick, or swamped by
a busy period such as a storm, an election or a big consultation. Name the
backup for each role and how the handover works. Passwords are never shared, so
backups need their own access.

**Why it matters.** Teams of one or two are common: 55% of public-sector
respondents work that way (ArchiveSocial survey, 2020). Without planned cover,
comments go unanswered through a holiday, or one person handles a crisis alone.
Cover for peaks is an explicit expectation (Victorian Government guidelines,
2025).

**A sensible default.** "Dana Ruiz and Sam Lee cover each other's leave; in an
emergency the Public Works communications officer joins as a responder; if
neither lead is available, we post a holding message and switch to alert-only
moderation.\"""",
            "Dana and Sam cover each other; Public Works officer helps in emergencies"),
    blocker("resources.training", "Training before access", LONG_TEXT, """
Describe the training every person completes before they get access to an
official account, and how often it is refreshed. Cover your social media
policy, public comment rules, records and retention, accessibility (alt text
and captions), security (two-factor authentication, spotting phishing) and
what to do if an account is hacked.

**Why it matters.** Access given before training means staff learn on the live
account, in public. One careless post, a deleted comment that was a public
record, or a phished password can cause legal and reputational trouble that
takes far longer to fix than the training would have taken.

**A sensible default.** A two-hour session with the team lead plus reading the
policy, signed off before access, and a short refresher every year. Backups
take the same training, and access is reviewed at least every 6 months (NSW
Government guidelines).""",
            "2-hour induction and policy sign-off before access; yearly refresher"),
    advice("resources.wellbeing", "Moderator wellbeing", LONG_TEXT, """
Decide how you support the people who read and moderate comments, especially
when content is abusive, threatening or distressing. This covers rotating
duties, limits on time spent moderating, talking things through after hard
days, and access to an employee assistance program.

**Why it matters.** Moderators can face a steady stream of insults and upsetting
material, often alone and sometimes aimed at them or their colleagues. Without
support, people burn out or leave, and a small team loses experience it cannot
replace quickly. Moderator wellbeing is treated as part of running an account
(Victorian Government guidelines, 2025).

**A sensible default.** "No one moderates for more than two hours at a stretch;
abusive threads go to the team lead; threats are reported to security or
police; staff can use the employee assistance program; we check in after any
hostile incident.\"""",
           "Rotate moderators; threats go to the team lead; check in after hostile incidents"),
)
