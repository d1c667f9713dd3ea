"""Step 8: the launch date, what success looks like, and the sign-off; and the
identity every adopted document opens with (number, authority, scope, owner,
dates, review cycle) and closes with (related documents, enforcement, adoption)."""

from smgov_tui.core.catalogue.decision import COUNCIL, PUBLIC, TEAM, advice, blocker
from smgov_tui.core.catalogue.kinds import (
    CONTACT,
    DATE,
    INTERVAL,
    LONG_TEXT,
    PERSON,
    TEXT,
    Field,
    Multi,
    Number,
    Rows,
    Text,
)

SIGNOFF = Rows(row="sign-off", fields=(
    Field("name", "Name", PERSON, required=True,
          guidance="The person who approved the plan, e.g. 'Lee Okafor'. Typically the "
                   "communications lead, the chief executive or city manager, counsel (for the "
                   "comment policy and legal issues), the records officer or clerk, and IT "
                   "security: CTG's eight elements span all of their areas."),
    Field("role", "Role", TEXT, required=True,
          guidance="Their position, e.g. 'City Manager' or 'City Attorney', so the record still "
                   "makes sense after they move on."),
    Field("date", "Date", DATE, required=True,
          guidance="The day they approved, e.g. today's date. Sign-off is recorded only when "
                   "nothing blocks launch; the first plan review, about 6 months later, asks them "
                   "again."),
), filled=(  # what was signed (core/signoff.py): the sign-off form fills them, nobody types them
    Field("revision", "Plan revision", Number("revision"), reader=TEAM),
    Field("digest", "Digest of the decisions", Text("digest", limit=64), reader=TEAM),
    Field("signed", "Digest of each decision", Text("digests", limit=100_000), reader=TEAM),
))

# Who a policy binds, as adopted policies list them (domain.md: employees, contractors,
# vendors, volunteers, elected officials' official accounts).
SCOPES = ("staff", "contractors and consultants", "volunteers and interns",
          "elected officials' official accounts")

RELATED = Rows(row="document", fields=(
    Field("title", "Title", TEXT, required=True,
          guidance="The related document's own title, e.g. 'Acceptable Use of IT Policy', "
                   "'Records Retention Schedule', 'Code of Ethics'."),
    Field("where", "Where to find it", TEXT,
          guidance="Where a reader finds it: a web address, an intranet page, or the policy "
                   "number in the organisation's policy manual, e.g. 'HR-12'."),
))

DECISIONS = (
    blocker("launch.date", "Launch date", DATE, """
Choose the day your first official account goes live. Launch is the last step of
the plan: every blocking decision made, sign-off recorded and the plan documents
produced. The date gives everyone a deadline to work towards.

**Why it matters.** Without a date, planning drifts and the accounts open
whenever someone gets impatient, often before the comment policy, records
capture or security settings are ready. A date too close leaves no time to train
staff or test tools.

**A sensible default.** Pick a weekday morning at least four to six weeks after
the plan is drafted, when your responders are all at work and no major event,
election or holiday is planned. Avoid a Friday, so problems in the first days
can be handled during office hours. Soft-launch with staff following the account
for a few days before announcing it publicly.""", "2027-02-01", reader=COUNCIL),
    blocker("launch.kpis", "Key performance indicators", LONG_TEXT, """
List the few numbers you will report each month to show whether the program is
meeting its objectives. Good indicators link back to your measurable objectives,
not just to what the platform's dashboard happens to show.

**Why it matters.** Without agreed measures, nobody can say whether the time
spent is worthwhile, and the program is judged on anecdotes or one bad comment
thread. Numbers collected from day one also give you a baseline for the first
review.

**A sensible default.** Report four to six figures monthly, for example:
- followers and reach on the main platform;
- engagement (comments, shares, replies) per post;
- share of questions answered within your published response target;
- clicks through to the website for key services;
- number of comments removed, with reasons.

Compare each month with the last and with the targets in your objectives.""",
            "Reach, engagement per post, % replies on target, web clicks"),
    blocker("launch.first_review", "First plan review", DATE, """
Set the date when your team will review the whole plan after launch: objectives,
staffing, response times, platforms, rules and safeguards. The review asks what
worked, what did not and what should change, using your monthly indicators.

**Why it matters.** A plan written before launch is a set of educated guesses.
Without a fixed review, workloads that were underestimated, platforms that do
not reach anyone and rules that do not fit real comments simply continue, and
problems only surface after something goes wrong.

**A sensible default.** Hold the first review about 6 months after launch, to
line up with the access review due at least every 6 months (NSW). Invite
everyone who signed off. After that, review the full plan once a year, or sooner
after a crisis, a hacked account or a change in law.""", "2027-08-02", reader=COUNCIL),
    advice("launch.announcement", "How we announce the launch", LONG_TEXT, """
Describe how residents, businesses and your own staff will find out about the
new accounts. Think about the channels you already have: the website, utility
bills, newsletters, council meetings, local media and partner organisations.

**Why it matters.** An account nobody knows about has no audience, however good
its posts. An announcement also tells people which accounts are official,
which helps protect residents from fake or copycat pages.

**A sensible default.** Add the accounts to your website's register of official
accounts and footer. Send a press release and mention it at the next council
meeting. Ask departments and partners (library, schools, chamber of commerce) to
share the first post. Brief all staff by email, with a link to the employee
conduct rules. Include the comment policy and monitoring hours in the first
post.""", "Website, press release, council meeting, partner shares, staff email"),
    blocker("launch.authority", "Authority", Text(limit=300), """
The law or instrument the policy is adopted under, and the kind of decision
that adopts it: "A resolution of the City Council under the City Charter",
"A Cabinet decision under the Local Government Act 2000 and the council's
constitution".

**Why it matters.** Adopted policies name the authority they are issued under
(CTG's study of 26 government policies; the published city, county and council
policies smgov follows). It is what makes the rules binding on staff, and what a
clerk or counsel checks first: a policy without it is a draft, not a policy.

**A sensible default.** In the United States, a council resolution under the
charter or municipal code (a county: its ordinances; an agency: its enabling
statute). In the United Kingdom, a council or cabinet decision under the Local
Government Act 2000 and the constitution. In Australia and New Zealand, a
council resolution under the state's Local Government Act or the Local
Government Act 2002. Ask your clerk or counsel for the exact wording.""",
            "A resolution of the Town Council under the Town Charter", reader=PUBLIC),
    blocker("launch.scope", "Who it applies to", Multi(choices=SCOPES), """
Who the code of conduct and the comment policy bind when they act for the
organisation online: staff, contractors and consultants, volunteers and
interns, and elected officials' official accounts.

**Why it matters.** "Everyone on the roster" leaves out the agency that runs
the account for an event, the intern who posts photos and the mayor's official
page. Adopted policies name them (employees, contractors, vendors, volunteers,
elected officials' official accounts); in the United States an official's
account used for official business can be state action (Lindke v. Freed, US
Supreme Court, 2024), so the policy should say whether it covers them.

**A sensible default.** Staff, contractors and consultants, and volunteers and
interns, always; elected officials' official accounts for a city, town or
county whose council agrees to be bound. Officials' personal and campaign
accounts stay outside it.""", "staff, contractors and consultants, volunteers and interns", reader=PUBLIC),
    blocker("launch.owner", "Policy owner", PERSON, """
The person who answers for the policy: keeps it current, answers questions
about it, brings it back for review and signs off changes. A name and role.

**Why it matters.** Adopted policies name an owner and a contact. Without an
owner nobody notices when a platform changes its terms or the law moves, and
the review date passes unmarked.

**A sensible default.** The communications manager or team lead; in a small
organisation, the person who sponsors the program.""", "Dana Ruiz, Communications Manager", reader=PUBLIC),
    blocker("launch.contact", "Public contact", CONTACT, """
Where residents, staff and reporters ask about the policy or complain about how
it was applied: an email address or a telephone number that is read every
working day.

**Why it matters.** A comment policy that tells people their comment may be
removed must also tell them whom to ask. A shared address (not a person's own)
keeps working when people leave, as the accounts themselves should (UK GDS
Social media playbook; NSW guidelines).

**A sensible default.** A shared mailbox such as socialmedia@ your domain, or
the team lead's work email until one exists.""", "socialmedia@millbrook.gov", reader=PUBLIC),
    blocker("launch.effective_date", "Effective date", DATE, """
The day the policy takes effect. For a new program, usually the launch date;
for a program with accounts already live, the day after the council adopts it.

**Why it matters.** Staff, contractors and the public are held to the rules
from this day, and a removal or a breach is judged by the version in effect at
the time. "With the launch of our accounts" is wrong for a program that already
runs, and unclear for one whose launch moves.

**A sensible default.** The launch date for a new program; otherwise the first
working day after adoption.""", "2027-02-01", reader=PUBLIC),
    blocker("launch.review_cycle", "Review cycle", INTERVAL, """
How often the whole plan and its policies are reviewed after the first review:
"annually", "every 2 years", "every 6 months".

**Why it matters.** Platforms, law and staff change faster than policies.
Adopted policies say how often they are reviewed (most often annually), and
smgov's living-plan checks read this cycle: a plan review falls due every
cycle after the first review, in `smgov check`, the launch step's due-soon list
and `smgov calendar`.

**A sensible default.** Annually, with the first review about 6 months after
launch (NSW: review access at least every 6 months).""", "annually", reader=PUBLIC),
    blocker("launch.enforcement", "Enforcement", LONG_TEXT, """
What follows a breach of the code of conduct: for staff, for contractors and
consultants, and for volunteers and interns.

**Why it matters.** Rules without consequences are advice. Adopted policies
say what a breach leads to: access removed, the disciplinary procedure for
staff, the contract's terms for contractors, and that the law's own civil or
criminal penalties still apply (CTG's employee conduct element). Saying it
before launch makes the consequence fair and predictable.

**A sensible default.** Access to the accounts suspended at once while it is
looked into; staff dealt with under the disciplinary procedure; contractors
under their contract, up to ending it; volunteers and interns stood down from
the accounts.""", "Access suspended; staff: disciplinary procedure; contractors: contract terms", reader=COUNCIL),
    advice("launch.policy_number", "Policy number", Text(limit=40), """
The number the policy carries in the organisation's policy manual or register,
e.g. "COM-014" or "Policy 2.7".

**Why it matters.** Minutes, contracts and other policies cite a policy by its
number, and a clerk files it by it. It is advice: not every organisation
numbers its policies, and a document reads complete without one.

**A sensible default.** The next number in your policy register, from the
clerk; or the organisation's initials with "SM-01".""", "TOM-SM-01", reader=PUBLIC),
    advice("launch.related_documents", "Related documents", RELATED, """
The other policies this one works with, and where to find each: acceptable use
of IT, records retention, ethics or the code of conduct for employees, the
complaints procedure, the media policy.

**Why it matters.** Adopted policies list them so a reader can follow a rule to
its source (records: the retention schedule; conduct: the employee code).
Advice: the policy stands without the list.

**A sensible default.** The acceptable use of IT policy, the records retention
schedule and the employee code of conduct, each with its web address or
number.""", "Acceptable Use of IT Policy, on the intranet", reader=PUBLIC),
    advice("launch.adopting_body", "Adopted by", Text(limit=120), """
The body that adopts the policy: the City Council, the Board of Supervisors,
the Cabinet, the General Manager for an agency.

**Why it matters.** The adoption block at the end of each document names it
beside the resolution or minute number and the date, so anyone can find the
decision in the minutes. Advice: until it is filled in the block keeps a blank
line to complete at the meeting.

**A sensible default.** The body your authority names: the council for a city,
town or county; the chief executive for an agency.""", "Town Council", reader=PUBLIC),
    advice("launch.resolution", "Resolution or minute number", Text(limit=60), """
The number of the resolution, ordinance or minute that adopted the policy,
e.g. "Resolution 2027-14" or "Minute 112/27".

**Why it matters.** It ties the document to the decision in the minutes. It
exists only once the vote is taken, so it is advice: the adoption block keeps a
blank line for it until then.

**A sensible default.** Leave it blank until adoption; the clerk gives the
number.""", "Resolution 2027-14", reader=PUBLIC),
    advice("launch.adopted_on", "Date adopted", DATE, """
The day the body adopted the policy.

**Why it matters.** With the resolution number, it is the record of adoption;
the effective date may be later. Advice, because it is known only after the
meeting: the adoption block keeps a blank line for it until then.

**A sensible default.** Leave it blank until the meeting; then the meeting's
date.""", "2027-01-19", reader=PUBLIC),
    advice("launch.signoff", "Sign-off", SIGNOFF, """
Record who approved the plan, and when. Each row is one approver: **Name** is the
person, **Role** is their position (so the record still makes sense after they
move on), and **Date** is the day they approved. Sign-off can only be recorded
once nothing blocks launch.

**Why it matters.** Sign-off shows the plan has the leadership support it needs,
and that managers, counsel and records and IT staff have agreed to the rules
they will have to defend. Without it, the first difficult comment or records
request can reopen every decision.

**Example.** A small city might record: Dana Ruiz, Communications Manager; Lee
Okafor, City Manager; the City Attorney, for the comment policy and legal
issues; the City Clerk, for records; and the IT Manager, for security. Each adds
the date they approved.""", reader=PUBLIC),
)
