"""Step 7: security, records, accessibility, legal footing and crisis readiness."""

from smgov_tui.core.catalogue.decision import COUNCIL, PUBLIC, advice, blocker
from smgov_tui.core.catalogue.kinds import LONG_TEXT, MONEY, TEXT, Choice, Multi, Number
from smgov_tui.core.catalogue.rows import ACCESS, RECORDS

ACCESSIBILITY = ("alt text on images", "captions on video", "transcripts for audio",
                 "camel-case hashtags", "contrast at least 4.5:1", "plain language")
FORUMS = ("government speech (comments off)", "limited public forum",
          "moderated, not a public forum", "no public-forum doctrine applies")
CRISIS_KIT = ("pre-approved holding messages", "platform support contacts",
              "a way to pause scheduled posts", "hacked-account response team",
              "emergency management contact")

DECISIONS = (
    blocker("safeguards.access", "Two-factor and access review per account", ACCESS, """
List every platform account and every tool that can post or read messages for you, one row
each. **Two-factor on** says whether a second sign-in step is required. **Tied to an
organisational address** says whether the login belongs to a work mailbox the organisation
controls. **Administrators** is how many people can manage it. **Next access review** is the
date you will next check who still needs access.

**Why it matters.** A password alone is easy to steal, and an account registered to someone's
personal email can leave with them. A hijacked council account posting abuse or scams is a
public embarrassment that can take days to undo.

**A sensible default.** Two-factor on every platform and tool (UK GDS playbook), every login
tied to a shared team mailbox such as social@, at least two administrators per account, and a
review date no more than 6 months away (NSW Government guidelines).
"""),
    advice("safeguards.review_interval", "Access review interval",
           Number(unit="months", minimum=1, maximum=24), """
How often your team checks the list of people who can log in to each account and tool, and
removes anyone who no longer needs access. The checklist uses this interval to judge whether
each account's next review date is close enough.

**Why it matters.** Access tends to pile up: a summer intern, a former manager, an agency that
built your page years ago. Every forgotten login is a door someone could use to post in your
name, and nobody notices until something goes wrong.

**A sensible default.** Review access at least every 6 months (NSW Government guidelines).
Put the review in the team calendar, for example each January and July, and record who was
removed and why. If you use many tools, review them at the same time as the platforms.
""", "6"),
    blocker("safeguards.offboarding", "Off-boarding", LONG_TEXT, """
Write down what happens to someone's access when they leave, go on long leave or move to a
different role: who removes them, from which accounts and tools, and how quickly.

**Why it matters.** A former employee who can still post, or who holds the only administrator
login, can lock you out or publish something damaging, deliberately or by accident. Without a
written step, removal depends on someone remembering.

**A sensible default.** Add social media to the HR leaving checklist. On or before the last
day, the account manager removes the person from every platform and tool, changes any shared
passwords, moves two-factor devices or recovery numbers to a team phone, and confirms at least
two administrators remain. Note the change in the access list above.
""", "Account manager removes access and resets shared passwords on the last working day"),
    blocker("safeguards.retention_schedule", "Records retention schedule", TEXT, """
Name the records retention schedule your posts, comments and messages fall under. Social media
content is usually a public record, and the schedule sets how long each kind must be kept.

**Why it matters.** If you cannot produce a deleted post or comment when a public records
request, audit or lawsuit asks for it, the organisation is exposed. Deleting content too early
can itself breach records law.

**A sensible default.** Ask your records officer or clerk which schedule applies; state
schedules differ. US federal agencies follow NARA Bulletin 2014-02 and GRS 6.4: routine
public correspondence needing no action may be destroyed at 90 days, routine operational
records kept 3 years, and nothing is deleted from a platform without disposition authority
(GRS 6.4). Wyoming, by contrast, keeps general correspondence 3 years and press 5 years.
""", "State General Records Schedule, section 6", reader=PUBLIC),
    blocker("safeguards.records", "Retention and capture per platform", RECORDS, """
One row per chosen platform. **Retention rule** says how long its content is kept and under
which schedule item. **Capture method** says how you keep a copy: an archiving service, the
platform's own export, your records system, or a manual log with screenshots.

**Why it matters.** Platforms change, delete old content and close accounts. If you rely on
the platform as your archive, records can vanish, and comments you hid or removed may be the
very ones a court or records request asks for.

**A sensible default.** Capture everything, including removed comments and private messages.
Record the date and time, who sent it, who authorised it, the recipient, the purpose and the
platform (Victorian Government guidelines). Small teams often use an archiving service for
busy accounts and a platform export for quiet ones.
"""),
    advice("safeguards.archiving_cost", "Archiving cost a year", MONEY, """
What you expect to spend each year to capture and store your social media records: an
archiving service subscription, extra storage, or the staff time for manual exports. The
checklist counts this against your yearly budget.

**Why it matters.** Archiving is easy to leave out of a budget because nothing visible breaks
without it. When a records request arrives you either have the records or you do not, and
buying a service after the fact will not recover what is already gone.

**A sensible default.** Get a quote from an archiving vendor for the platforms you chose, or
ask your records officer what the organisation already pays for. If you export manually, put
the staff hours in here at your hourly cost. Revisit the figure when you add a platform.
""", "1200"),
    blocker("safeguards.accessibility", "Accessibility rules", Multi(choices=ACCESSIBILITY), """
Choose the accessibility rules every post must follow so people who use screen readers,
captions or magnifiers can use your content.

**Why it matters.** Government information must reach everyone. An image with no description
or a video with no captions shuts out residents, and may breach disability law; check with
your counsel. The checklist flags video without captions and images without alt text.

**A sensible default.** Adopt all six:

- alt text describing every image
- captions on every video, and transcripts for audio
- hashtags in camel case (#HarborFallsParks), so screen readers read the words
- text and background contrast at least 4.5:1, ideally 7:1 (NSW Government guidelines)
- plain language, short sentences, no jargon

DigitalGov and the UK GDS playbook both publish practical guides.
""", reader=COUNCIL),
    blocker("safeguards.forum", "Legal footing of comment spaces", Choice(choices=FORUMS, other=True), """
Decide what legal kind of space your accounts are. **Government speech (comments off)** means
the account only broadcasts; the public cannot reply there. A **limited public forum** means
you invite public comment, within published rules on topic and conduct. **Moderated, not a
public forum** means comments are open but the page claims to stay the organisation's own
speech: in the US this is rare and risky, because a court looks at how the page is actually
used, not at what it calls itself. **No public-forum doctrine applies** fits outside the US:
UK, Australian and most other councils remove comments under their own published rules
(in Australia a page owner answers for comments it hosts, Fairfax v Voller, 2021). If your
policy words its footing another way, choose "Other" and type its words.

**Why it matters.** In the US, once a government opens a space for comment, removing or
blocking people for their opinions can violate the First Amendment. Getting this wrong has
led to lawsuits against cities and officials. Other countries have their own rules; this is
general guidance, not legal advice, so check with your counsel.

**A sensible default.** Most cities that allow comments choose a limited public forum, with a
public comment policy linked from every profile and viewpoint-neutral removal rules. If you
cannot moderate daily, turn comments off and treat the account as government speech.
""", reader=PUBLIC),
    advice("safeguards.removal_rules", "Comment removal rules", LONG_TEXT, """
List exactly what you will hide or remove from comments, and what you do when you remove
something. This becomes blocking wherever comments are open.

**Why it matters.** Rules must be viewpoint-neutral: you may remove a comment for what kind of
content it is, never because it criticises the council. Vague or unevenly applied rules are
what gets a removal challenged in court. Check your rules with your counsel.

**A sensible default.** Base them on the IMLA model policy. Remove spam, threats,
obscenity, personal information, illegal activity, commercial ads and clearly off-topic
posts. Keep a copy of every removed comment as a record, log who removed it and which rule
applied, and do not block users for their views. Publish the rules on every profile.
""", "Remove spam, threats, obscenity, personal data, ads and off-topic posts; log each removal", reader=PUBLIC),
    blocker("safeguards.officials_accounts", "Officials' own accounts", LONG_TEXT, """
Set out how elected officials and staff keep their personal or campaign accounts separate from
official ones, and what they may do on each.

**Why it matters.** In Lindke v. Freed (US Supreme Court, 2024) the Court held that an official's
own account can count as state action when the official has authority to speak for the
government and uses the account to do so. Then blocking critics or deleting their comments can
breach the First Amendment, and posts may be public records. Check with your counsel.

**A sensible default.** Official business goes only on official accounts. Personal accounts
carry a clear note such as "Personal views, not official," do not use the city logo, and do
not announce decisions first. Officials who post about city business follow the same removal
rules and do not block people.
""", "Official business only on city accounts; personal pages say 'personal views'", reader=COUNCIL),
    blocker("safeguards.crisis_kit", "Crisis kit", Multi(choices=CRISIS_KIT), """
Pick what you will have ready before anything goes wrong: a storm, a public safety incident or
a hacked account. In a crisis there is no time to write, find or approve these things.

**Why it matters.** Without holding messages you say nothing, or the wrong thing, while
rumours spread. Without platform support contacts recovery takes longer. A scheduled cheerful
post going out during an emergency looks careless. The checklist flags a kit missing holding
messages, platform contacts or a way to pause scheduled posts.

**A sensible default.** Tick all five. Keep approved holding messages ("We are aware of... and
will update by..."), platform support links, and pause instructions for your scheduling tool
in one shared document with the names of the response team and the emergency management
contact, and test it once a year.
"""),
    blocker("safeguards.hacked_response", "Hacked-account response", LONG_TEXT, """
Write the steps your team follows when an account is compromised: who notices and raises the
alarm, how you regain control, who approves the public statement, and how you clean up.

**Why it matters.** A hijacked account can post scams, abuse or false alerts under your name
within minutes. A slow or confused response damages trust more than the hack itself.

**A sensible default.** Follow DigitalGov's guidance on cyber-vandalism. Name a team of six
roles: social media team, program manager, public affairs, counsel, IT security and a senior
leader (DigitalGov). Then:

- lock the account: reset passwords, revoke tool access, contact platform support
- pause scheduled posts
- post a first public response within minutes of regaining control (DigitalGov)
- capture what was posted as a record, then delete it
- review what failed, such as two-factor or access
""", "Reset passwords, contact platform, pause posts, public note within minutes, review"),
    blocker("safeguards.emergency_link", "Emergency communications link", TEXT, """
Name the link between your social media team and the people who run emergencies: your
emergency management office, police or fire public information officer, or county duty
officer.

**Why it matters.** During a flood, fire or shooting, residents turn to your accounts. If you
post nothing, or post something that contradicts the official emergency message, people may
act on the wrong information. Your everyday accounts should also say they are not watched for
emergencies and point people to 911.

**A sensible default.** Agree with your emergency management office who sends the official
messages, how you get them, and whether you share their posts or write your own. Record a
named contact and a number answered around the clock, and include your team in their
exercises.
""", "County OEM duty officer: (555) 010-0200"),
    advice("safeguards.complaints", "Complaints process", LONG_TEXT, """
Describe how people can complain about your accounts, for example about a removed comment, a
block, an error or staff conduct, and who answers, how and by when.

**Why it matters.** Without a clear route, complaints land in public replies, in councillors'
inboxes or in court. A fair, published process shows your moderation is consistent and gives
you a record if a decision is challenged later.

**A sensible default.** Route social media complaints into your existing complaints process
rather than building a separate one. Publish a complaints email or
web form on every profile, acknowledge within one business day, have someone other than the
original moderator review the decision, and keep the complaint and outcome as a record.
""", "Email social@harborfalls.gov; acknowledged in 1 business day; reviewed by team lead", reader=PUBLIC),
)
