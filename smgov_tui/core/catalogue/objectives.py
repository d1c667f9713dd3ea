"""Step 1: what the organisation wants from social media, and how it will know."""

from smgov_tui.core.catalogue.decision import COUNCIL, advice, blocker
from smgov_tui.core.catalogue.kinds import LONG_TEXT, TEXT, Choice, Multi
from smgov_tui.core.catalogue.rows import OBJECTIVES

ENGAGEMENT_GOALS = ("inform", "answer questions", "gather feedback", "consult on decisions",
                    "emergency updates", "promote services and events", "recruit",
                    "build community")
FREQUENCIES = ("several times a day", "daily", "a few times a week", "weekly", "as news arises")

DECISIONS = (
    blocker("objectives.conversations_now", "Conversations already happening", LONG_TEXT, """
Before you post anything, map the conversations about your organisation that
already happen without you: in community Facebook groups, on neighbourhood apps
such as Nextdoor, under local news stories, on forums. Note each topic, where it
comes up and the usual mood.

**Why it matters.** If you skip this, you launch into a space you do not
understand. You may pick a platform your residents do not use, miss recurring
complaints you could answer once with a good post, or be caught off guard when
an old grievance lands on your new page.

**A sensible default.** Spend two weeks searching your organisation's name and
your busiest services on the main local platforms, then write down the three to
five topics that come up most, with where they appear.""",
            "Potholes and snow clearance in the Eastside Facebook group; bin days on Nextdoor."),
    blocker("objectives.conversations_wanted", "Conversations we want", LONG_TEXT, """
List the conversations you want to be part of: topics you want to start,
questions you would rather residents asked you than a neighbour, and existing
threads where an official voice would help. Think of exchanges you would be
glad to see residents reply to, not only announcements.

**Why it matters.** Without this list, your accounts end up reacting to
whatever comes in, or simply reposting press releases. Naming the conversations
you want shapes later choices: which platform, what tone, and who must be on
the roster to answer.

**Example.** Harbor Falls might write: "Ask us about the new recycling rules;
share ideas for the riverside park redesign; tell us about streetlights that
are out; meet a local volunteer each month.\"""",
            "Recycling questions; ideas for the riverside park; reporting broken streetlights"),
    blocker("objectives.key_messages", "Most important messages", LONG_TEXT, """
Pick the handful of messages your organisation most needs people to hear over
the next year: a new service, a safety campaign, a budget consultation, or
simply how to reach you. Keep it to three to five, each in a sentence a
resident would understand.

**Why it matters.** When everything is a priority, nothing stands out, and a
small team spends its time on whatever is loudest that day. A short list lets
you plan content, judge whether a post is worth the effort, and check later
whether people actually got the message.

**A sensible default.** Write three messages in order of importance, e.g.
"1. Report problems through the city app or 311. 2. Council meetings are
streamed live and open for comment. 3. Summer water restrictions start in
June.\"""",
            "Report problems via 311; meetings are streamed live; water limits start in June"),
    advice("objectives.approach", "How each topic is approached", LONG_TEXT, """
For each key message, say how you will handle it: the format (short updates,
photos, video, questions and answers), the tone, how often it comes up, and
whether you expect questions or debate. A sensitive topic such as a rate rise
needs a different approach from a festival listing.

**Why it matters.** Without an agreed approach, each post is improvised by
whoever is on duty, so the tone swings and facts drift. Deciding in advance
also shows which topics need a subject expert on hand for follow-up questions,
and which need a manager's approval before posting.

**A sensible default.** One or two lines per message, e.g. "Water limits:
friendly reminders twice a week in summer, graphic plus link, questions
answered by Utilities. Rate rise: formal, facts and a link to the budget page,
replies approved by Finance.\"""",
           "Water limits: weekly friendly reminders; rate rise: formal, Finance approves replies"),
    blocker("objectives.engagement_goals", "Kinds of engagement wanted", Multi(choices=ENGAGEMENT_GOALS), """
Choose the kinds of engagement you want. Informing people is one-way; answering
questions and gathering feedback mean replying to residents; consulting on
decisions means feeding what you hear back into real choices. You can pick
several, but each one brings work with it.

**Why it matters.** Each choice sets expectations. If you invite questions or
feedback, residents will expect replies, so someone must be rostered to give
them. If you promise emergency updates, you need cover out of hours. Ticking
everything on the list is how small teams get overwhelmed.

**A sensible default.** Many small cities start with inform, answer questions,
and promote services and events, then add gather feedback once the team has
settled in. Leave emergency updates to your existing emergency channels unless
you can staff them around the clock.""",
            "inform, answer questions, promote services and events"),
    blocker("objectives.frequency", "How often we communicate", Choice(choices=FREQUENCIES), """
Set how often the organisation posts overall, across all its accounts. This is
the rhythm residents learn to expect; you set the exact number of posts for
each platform later, in the platforms step.

**Why it matters.** Posting takes real staff time, and the live checklist
compares posts a week times minutes a post, plus daily moderation, with the
hours on your roster. Post too rarely and an account looks abandoned; post too
often with a team of one and quality drops, or the schedule collapses after a
month.

**A sensible default.** A few times a week is a realistic start for a team of
one or two, which is the situation of 55% of public-sector respondents
(ArchiveSocial survey, 2020). Move up to daily once you have a content
calendar and a trained backup.""",
            "a few times a week", reader=COUNCIL),
    blocker("objectives.measurable", "Measurable objectives", OBJECTIVES, """
Turn your goals into objectives you can measure. Each row has four columns:

- **Objective**: what should change, in one line.
- **Metric**: what you will count to know it changed.
- **Target**: the number you aim for.
- **Review date**: when you will check it.

**Why it matters.** Without a metric and a date, nobody can say whether the
program works, and staff time is hard to defend at budget time. The planning
template expects every objective to be measurable (DHS Social Media Plan
Guide, 2019), and the live checklist flags any objective with no metric or no
review date.

**A sensible default.** Two or three rows are plenty. For example: objective
"Answer resident questions faster", metric "questions answered within 1
business day", target 80%, review date six months after launch."""),
    advice("objectives.audiences", "Audiences we must reach", LONG_TEXT, """
Name the groups you most need to reach and, where you can, where each one
spends time online: residents by neighbourhood, parents, older people, business
owners, students, visitors, local media. Include groups that are hard to reach,
not only people who already follow you.

**Why it matters.** Platforms serve different audiences, so without this list
you cannot choose platforms sensibly and may end up talking only to those who
already engage. The DHS template records audiences for each platform for this
reason (DHS Social Media Plan Guide, 2019), and you will fill an audience column
for each platform later.

**Example.** "Young families: Instagram and Facebook groups. Older residents:
Facebook and the printed newsletter. Businesses: LinkedIn and the chamber of
commerce. Neighbourhood issues: Nextdoor.\"""",
           "Young families on Instagram; older residents on Facebook; businesses on LinkedIn"),
    advice("objectives.languages", "Language access", TEXT, """
Say which languages you will post in, and which you will reply in. These can
differ: you might post key notices in two languages but answer in others only
on request, using staff who speak them or a translation service.

**Why it matters.** If residents write in a language nobody on the team can
answer, they are left waiting, and notices such as closures or safety updates
may miss the people who need them most. Many public bodies also have legal or
policy duties on language access, so check yours before launch.

**A sensible default.** Use the languages your community actually speaks, based
on local census data or the requests your front desk already gets. For example:
post in English and Spanish, reply in both during monitoring hours, and offer
other languages on request.""", "English and Spanish; other languages on request"),
)
