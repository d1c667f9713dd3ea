"""Step 8: the launch date, what success looks like, and the sign-off."""

from smgov_tui.core.catalogue.decision import COUNCIL, advice, blocker
from smgov_tui.core.catalogue.kinds import DATE, LONG_TEXT, PERSON, TEXT, Field, Number, Rows, Text

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
    Field("revision", "Plan revision", Number("revision")),
    Field("digest", "Digest of the decisions", Text("digest", limit=64)),
    Field("signed", "Digest of each decision", Text("digests", limit=100_000)),
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
the date they approved.""", reader=COUNCIL),
)
