"""Step 3: who answers, how, how fast, about what, in which voice, and who to escalate to."""

from smgov_tui.core.catalogue.decision import COUNCIL, PUBLIC, blocker
from smgov_tui.core.catalogue.kinds import (
            LONG_TEXT,
            PERSON,
            SCHEDULE,
            TEXT,
            TIME_FRAME,
            Choice,
            Multi,
)
from smgov_tui.core.catalogue.rows import TIERS_ROWS, TOPICS

TONES = ("casual and friendly", "friendly but formal", "formal and informative")
MODERATION_MODES = ("active", "alert-only", "hands-off")
# How the public is answered; the comment policy promises a reply time only where we answer.
REPLY_MODES = ("answer publicly", "answer publicly or by private message",
               "answer by private message", "not acknowledged")
NOT_ANSWERED = "not acknowledged"
NOTICE_PLACES = ("every profile's bio or about section", "a pinned post on each account",
                 "our website", "the automatic reply to private messages")
APPROVAL = ("approval before every post", "approval for sensitive posts only",
            "delegated authority within this plan")

DECISIONS = (
    blocker("response.tiers", "Reply tiers and who owns them", TIERS_ROWS, """
Sort the messages you expect into tiers (enquiry, complaint, escalating issue,
emergency, off-limits) and give each a first responder, a backup, who it
escalates to (blank means your escalation contact), a "Reply within" target and
a "How". Topics you list below are answered by the people of their tier.

**Why it matters.** Without tiers, a question about bin day and a brewing
controversy wait in the same queue. The response matrix above shows who answers
what; the checklist flags a tier nobody owns, a tier that escalates to its only
responder, and a clock-hour target such as "4 h" longer than a gap in your
monitoring hours: use business time for those.

**A sensible default.**
- Enquiry: Dana Ruiz, backup Lee Chen, 1 business day, public reply with a link
- Complaint: Dana Ruiz, backup Lee Chen, 2 business days, private message
- Escalating issue: Lee Chen, backup Dana Ruiz, 4 business hours
- Emergency: Lee Chen posts the 911 notice within 1 business hour
- Off-limits: Dana Ruiz posts the standard redirect"""),
    blocker("response.how", "How we respond", LONG_TEXT, """
Describe how your team answers people: when you reply in public, when you switch
to a private message, phone call or email, and when you send someone to another
channel such as 311 or a service request form.

**Why it matters.** A reply in public helps everyone who has the same question,
but personal details, account numbers and heated disputes do not belong there.
If responders have no shared rule, one posts a resident's address in a thread
while another ignores a simple question that many people are asking.

**A sensible default.** Answer general questions publicly and briefly, with a
link to the official page. Move anything involving personal information, a
specific case or a complaint to a private message within the same reply window,
and say so in the thread ("We've sent you a message"). Redirect service requests
to 311 rather than logging them from comments. Never argue; post the facts once,
then take it offline."""),
    blocker("response.reply_target", "Standard reply time frame", TIME_FRAME, """
This is the reply time you promise the public for an ordinary question, counted
within your published monitoring hours. Write it as a time frame, such as "4 h",
"4 business hours" or "1 business day".

**Why it matters.** People judge you against a promise, or against their own
expectations if you make none: the public expects an answer within about 4 hours,
while brands averaged 10 hours (Sprout Social Index, 2016). A target in clock hours
that runs longer than a gap in your monitoring (a weekend, say) cannot be met, and
the live checklist flags it; business time only counts while you are watching.

**A sensible default.** "1 business day". Councils and city teams commonly
promise anything from the next business day to 3 business days, with NYC 311's
social team working weekdays 9-5 (NSW Government guidelines; Victorian councils).
A team of one should not promise faster than it can cover during leave.""",
            "1 business day", reader=PUBLIC),
    blocker("response.posting_time_frame", "Posting time frame", TEXT, """
Say when your posts go out and how far ahead they are written and approved:
a weekly drafting deadline, the days and times you usually publish, and how fast
an urgent post (a road closure, a boil-water notice) can be approved and live.

**Why it matters.** Without a rhythm, posting happens whenever someone finds a
spare minute, approvers are surprised by last-minute requests, and urgent notices
wait behind routine content. A posting time frame also lets your team schedule
ahead and keep evenings and weekends free.

**A sensible default.** Draft next week's routine posts by Thursday noon, get
them approved by Friday, and schedule them for weekday mornings. Urgent
public-information posts go out within 2 h of the department confirming the
facts, during monitoring hours. Keep a few evergreen posts ready for quiet weeks.""",
            "Drafts by Thursday for the next week; urgent posts within 2 h"),
    blocker("response.welcomed_topics", "Topics we welcome", TOPICS, """
List the subjects you want people to raise with you and that your team will
engage with. Each row has the topic, how you handle it (answer, link, invite
feedback) and who speaks to it, usually a named person or department.

**Why it matters.** Naming welcomed topics tells responders where they can be
helpful without asking permission, and tells the public what the account is for.
Without a list, responders hesitate on easy questions or wander into subjects the
organisation has not agreed to discuss, and nobody knows which department owns
the answer.

**A sensible default.** A small city might welcome:
- Events and parks: answer and link the calendar; Parks office
- Road works and closures: answer with the map link; Public Works
- Trash and recycling: answer publicly; Sanitation
- Public meetings: link the agenda and invite comment; City Clerk"""),
    blocker("response.off_limits_topics", "Off-limits topics", TOPICS, """
List the subjects your accounts will not discuss and, for each, how you redirect
people and who owns that redirect. Typical ones are pending litigation, personnel
matters, individual cases with personal data, and election campaigning.

**Why it matters.** Off-limits topics are where a well-meaning reply turns into
a legal, privacy or political problem. If responders do not know the list, they
improvise, and a single comment about a lawsuit or an employee can end up quoted
in the news. A polite, consistent redirect is also fairer to the person asking.

**A sensible default.**
- Pending litigation: "We can't comment on ongoing legal matters"; City Attorney
- Personnel matters: no comment, point to HR; HR Director
- Individual accounts or cases: move to private message or 311; the department
- Elections and candidates: no comment, link the elections office; City Clerk"""),
    blocker("response.tone", "Tone of voice", Choice(choices=TONES, other=True), """
Choose how your accounts sound: casual and friendly, friendly but formal, or
formal and informative. The tone covers word choice, humour, emoji, and whether
replies are signed with a first name. If your policy names its tone another way
("professional"), choose "Other" and type its words.

**Why it matters.** When several people post, an agreed tone keeps the account
sounding like one organisation rather than a mix of personalities. A tone that
is too jokey can seem careless on a serious day; one that is too stiff can make
residents feel brushed off. Deciding now also makes approvals quicker, because
reviewers know what to expect.

**A sensible default.** "Friendly but formal" suits most small cities: plain
words, short sentences, a thank-you where it fits, no slang and no jokes about
people. Switch to a purely formal, factual voice during emergencies, incidents
or anything involving loss, and write this switch into your style notes.""", reader=COUNCIL),
    blocker("response.escalation_contact", "Escalation contact", PERSON, """
Name the person who takes over when an issue goes beyond what responders can
handle: a complaint about an official, a story gathering pace, a threat, a
possible legal problem, or a post that needs a decision you cannot make alone.

**Why it matters.** When something escalates, minutes spent working out who to
call make the problem bigger. The escalation contact needs authority to decide
and must be someone other than your responder, so that two people are involved;
the live checklist flags an escalation contact who is also the only responder.

**A sensible default.** A senior manager with authority to speak for the
organisation, such as a deputy city manager or the communications director, with
a named deputy for their leave. Record a work phone number the responder can use
out of hours, and agree what counts as "escalate now".""",
            "Sam Okafor, Deputy City Manager"),
    blocker("response.moderation_mode", "Moderation mode", Choice(choices=MODERATION_MODES, other=True), """
Decide how your team watches comments and messages. Active means you check and
respond on a schedule; alert-only means you rely on notifications and act when
something comes in; hands-off means comments are off or left alone and nobody
monitors (NSW Government guidelines). A mode in your policy's own words ("checked twice
each working day") can be typed under "Other"; the checklist then treats it as watched.

**Why it matters.** The mode sets how much staff time moderation takes and what
you can promise the public. Active and alert-only modes need someone rostered
for every monitoring hour, and the live checklist flags monitoring hours nobody
covers unless the mode is hands-off. Hands-off with open comments leaves abuse
or misinformation standing on an official page.

**A sensible default.** Active moderation during published hours, checking
comments at least once a day (Queensland guideline, 2010), or two or three times
a day for a busy page. Choose hands-off only if you also turn comments off.""", reader=PUBLIC),
    blocker("response.monitoring_hours", "Published monitoring hours", SCHEDULE, """
Set the hours when someone is watching your accounts, and publish them on every
profile so people know when to expect a reply. Write them as a schedule, such as
"Mon-Fri 09:00-17:00; Sat 10:00-12:00".

**Why it matters.** Published hours set fair expectations and protect staff from
an unspoken promise of round-the-clock cover. The live checklist compares these
hours with your roster and flags any hours nobody is on duty for, unless
moderation is hands-off. The longest gap (usually the weekend) also limits how
short a clock-hour reply target can be.

**A sensible default.** "Mon-Fri 09:00-17:00", matching office hours; weekdays
9-5 or 8:30-5 is common among councils and NYC 311's social team (NSW Government
guidelines; Victorian councils). Add weekend hours only if someone is rostered
and paid for them.""",
            "Mon-Fri 09:00-17:00", reader=PUBLIC),
    blocker("response.approval", "Approval before posting", Choice(choices=APPROVAL, other=True), """
Decide who must sign off a post before it goes out: approval for every post,
approval only for sensitive posts, or delegated authority, where trained staff
publish anything that stays within this plan. An approval rule in your policy's own words
("the Public Information Officer approves every post") can be typed under "Other".

**Why it matters.** Approval that is too strict slows urgent notices and makes
replies miss their targets; approval that is too loose lets a risky post go out
unchecked. Writing the rule down means staff know what they may publish on their
own and managers know what will reach them.

**A sensible default.** "Approval for sensitive posts only". Routine posts and
replies within the welcomed topics go out under the content lead's authority.
Anything touching off-limits topics, elected officials, legal matters, incidents
or a change of policy goes to the decision maker first. Consider moving to
delegated authority once the team has a few months of experience.""", reader=COUNCIL),
    blocker("response.emergency_notice", "Not-for-emergencies notice", TEXT, """
Write the short statement you will put on every profile saying that the account
is not watched around the clock and must not be used to report emergencies. It
should say where to go instead: 911 for emergencies, and 311 or a phone number
for urgent non-emergency issues.

**Why it matters.** People sometimes report fires, crashes or threats in a
comment or direct message, expecting a fast reply. If nobody sees it until the
next morning, the harm is real and so is the blame. A clear notice sets the
expectation up front and shows you thought about it.

**A sensible default.** "This account is monitored Mon-Fri 9-5 and is not for
emergencies. In an emergency call 911; for city services call 311." Place it in
each profile's bio or about section, and in your automatic message reply.""",
            "This account is not monitored 24/7. In an emergency call 911.", reader=PUBLIC),
    blocker("response.reply_mode", "How the public is answered", Choice(choices=REPLY_MODES, other=True), """
Say how the public comment policy tells people they will be answered: in public,
in public or by private message, only by private message, or not at all ("not
acknowledged": comments are read and may shape our work, but nobody answers them
here). A rule in your policy's own words can be typed under "Other"; own words
promise no reply time.

**Why it matters.** The policy promises a reply time ("we aim to answer within
1 business day") only when you do answer; a page whose comments "will not be
acknowledged" must not promise one. People judge you against the promise you
publish, and a promise you do not keep does more harm than none.

**A sensible default.** "answer publicly or by private message": general
questions in public so everyone sees the answer, anything personal in a private
message. Choose "not acknowledged" only if nobody is rostered to reply, and
say where people get answers instead (a phone line, a service request form).""",
            "answer publicly or by private message", reader=PUBLIC),
    blocker("response.notice_places", "Where our notices are posted", Multi(choices=NOTICE_PLACES), """
Choose where the not-for-emergencies notice, the public comment policy and its
terms of use are posted: every profile's bio or about section, a pinned post on
each account, your website, and the automatic reply to private messages.

**Why it matters.** A rule the public cannot find is hard to enforce: removing
a comment under a policy nobody could see invites a complaint, and a notice
that the account is not watched for emergencies only helps if people see it
before they post. The comment policy says where these are posted, so it must be
true of every account.

**A sensible default.** Every profile's bio or about section (a line with a
link) and your website (the full text), plus a pinned post on accounts that
allow one. Many city policies require the rules to be posted "in a conspicuous
location" on each page (e.g. City of Wilder, Kentucky).""",
            "every profile's bio or about section, our website", reader=PUBLIC),
)
