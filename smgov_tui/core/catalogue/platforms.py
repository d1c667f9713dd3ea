"""Step 4: which platforms and tools, one of them the main focus."""

from smgov_tui.core.catalogue.decision import advice, blocker
from smgov_tui.core.catalogue.kinds import LONG_TEXT, MATRIX, TEXT, RowRef
from smgov_tui.core.catalogue.rows import PLATFORMS, TOOLS

DECISIONS = (
    advice("platforms.evaluation", "How platforms were evaluated", LONG_TEXT, """
Record how you compared the platforms you considered: which ones, against which
criteria, and why some made the cut and others did not. Useful criteria are
where your audiences already are, the content each platform suits, the staff
time it needs, its terms of service, records capture and accessibility features.

**Why it matters.** Platforms are often chosen because a manager uses one or a
neighbouring city just opened an account. A short written comparison lets you
defend the choice to council, revisit it at review time, and answer the next
request to "get us on" a new app.

**Example.** "We compared Facebook, Instagram, Nextdoor and LinkedIn against our
audiences, staff time and records capture. Facebook reaches most residents and
our archiving service supports it; Nextdoor suits neighbourhood notices. We
ruled out Instagram until we have time for regular photo content."""),
    advice("platforms.matrix", "Platform evaluation matrix", MATRIX, """
Score each candidate platform from 0 to 5 against weighted criteria: reach
among our residents, two-way engagement, moderation tools, analytics,
accessibility features, cost and staff familiarity. Higher is always better, so
cost scores 5 when the platform is free or cheap for you. Add your own criteria
and change the weights; the ranking follows every score.

**Why it matters.** A weighted score turns "everyone is on it" into reasons a
council or a successor can check. It shows which platform deserves your best
effort, and the score recorded when you chose your main platform lets the next
review ask whether anything has changed.

**A sensible default.** Score three or four platforms your residents already
use, with the default weights (reach 3; engagement, moderation, accessibility
and cost 2; analytics and familiarity 1). Make the top-ranked platform your
main one unless you can say why not, and note that reason under "How platforms
were evaluated"."""),
    blocker("platforms.chosen", "Platforms we will run", PLATFORMS, """
List each platform you will run, one row each: its account name, the audience
you reach there, an owner and a backup administrator, the workload (posts a week
and minutes a post, moderation checks a day and minutes a check, replies a week
and minutes a reply), whether comments are open, limited or off, and the content
types you will post.

**Why it matters.** These rows drive much of the live checklist. It flags a
platform with no owner or backup, adds up the hours needed and compares them
with your roster, and flags more platforms than your staff can run. Open comments
need a public comment policy and removal rules; video needs captions and images
need alt text.

**A sensible default.** Start with one or two platforms. For example: Facebook,
@CityOfHarborFalls, residents 25-65, owner Dana Ruiz, backup Lee Chen, 5 posts
a week at 30 min each, 2 checks a day at 10 min, comments open, text, images and
links."""),
    blocker("platforms.main", "Main platform", RowRef(source="platforms.chosen",
                                                  what="one of the platforms we will run, by name"), """
Pick the one platform from your list that gets your best effort: the place you
post first, build a community, measure results and put your time when it runs
short. Other accounts can share or adapt what goes there.

**Why it matters.** Posting the same thing everywhere, with no way to follow up
on any of it, spreads a small team thin and produces accounts that look
neglected. A main platform gives you a focused, interactive audience and a clear
place to measure progress against your objectives. The live checklist flags more
platforms than your staff can run, and this choice tells you which to keep.

**A sensible default.** The platform where most of your residents already are
and where your team can reply well; for many small cities that is Facebook.
Choose from the names you entered in "Platforms we will run".""",
            "Facebook"),
    advice("platforms.tools", "Third-party tools", TOOLS, """
List any tools you will use alongside the platforms, such as Sprout Social or
Hootsuite. Each row has the tool, what it is used for (scheduling, monitoring,
analytics, cross-posting, archiving, listening, design), its cost a year and the
person who owns it.

**Why it matters.** A good tool cuts the time spent checking accounts, pulling
analytics and posting to several platforms, but every tool is another login
holding access to official accounts. The live checklist counts each tool's cost
against your budget and flags a tool without two-factor authentication or an
access-review date in Safeguards.

**A sensible default.** One scheduling and monitoring tool, owned by the
content lead, plus an archiving service if records rules require one. A city
with a single platform can start with the platform's own free scheduler and add
a paid tool only when the hours saved justify the cost."""),
    blocker("platforms.terms_review", "Terms of service review", TEXT, """
Record who reviewed each platform's and tool's terms of service and when. The
review looks for clauses a government body may not be able to accept, such as
indemnity, governing law, advertising shown on your page, and the platform's
rights over content you post.

**Why it matters.** Clicking "I agree" commits your organisation to a contract.
Some standard terms conflict with public-sector rules, and your attorney or
procurement office may need to approve them or use an amended government
version. Terms also change, so a dated review tells you when to look again.

**A sensible default.** Ask your city attorney's office to review the terms
before any account opens, note the date and anything accepted with reservations,
and repeat the review each year or when a platform announces new terms.""",
            "Reviewed by the City Attorney's office, 2026-10-02"),
    blocker("platforms.naming", "Naming, verification and website link", TEXT, """
Decide the official name and handle each account will use, whether you will
request verification, and where your website links to the accounts, so people
can confirm that an account is genuinely yours.

**Why it matters.** Residents cannot easily tell an official page from a fan
page, a parody or an impostor. Inconsistent names make searches harder, and an
unverified account with no link from your website is easy to imitate, especially
during an emergency when accurate information matters most.

**A sensible default.** Use the same full name everywhere ("City of Harbor
Falls") and the closest available handle, request verification where the
platform offers it to government bodies, and publish a social media page on your
website that lists and links every official account.""",
            "City of Harbor Falls on every platform; verified; linked from harborfalls.gov/social"),
    advice("platforms.register", "Register of official accounts", TEXT, """
Say where your organisation keeps its list of official accounts: every platform,
handle, owning department, owner, backup administrator and date opened. It can
be a page on the intranet, a spreadsheet held by communications, or a records
system entry.

**Why it matters.** Departments open accounts on their own, staff leave, and
within a few years nobody knows which accounts exist or who holds the
passwords. A register lets you review access, capture records, close dormant
accounts and answer a resident who asks whether an account is really yours.

**A sensible default.** A single register kept by the communications office,
updated whenever an account opens, changes owner or closes, and checked at each
access review (NSW Government guidelines suggest reviewing access at least every
6 months). Publish the public part on your website's social media page.""",
            "Communications office register on the intranet, checked every 6 months"),
    blocker("platforms.closure", "When we close an account", LONG_TEXT, """
Set the criteria for closing an account and the steps you follow when you do.
Criteria might be a project ending, no posts for several months, an audience
too small to justify the time, or a platform that no longer meets your security
or terms requirements.

**Why it matters.** Abandoned accounts look neglected, collect unanswered
questions and are easy targets for hijacking. Closing an account badly can also
lose public records you are required to keep.

**A sensible default.** Review each account yearly against its objective.
Close it if it has had no posts for 3 months, serves a finished project, or
cannot be staffed. Before closing: post a notice pointing to the main platform,
capture the account's records under your retention rule, remove all
administrators' access, update the register and the website, and keep the
handle reserved if the platform allows."""),
)
