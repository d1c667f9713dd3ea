"""The structured rows some decisions hold: one schema each, shared by the
decisions, the checks that read them and the editors that fill them."""

from __future__ import annotations

from smgov_tui.core.catalogue.decision import PUBLIC
from smgov_tui.core.catalogue.kinds import (
                    DATE,
                    MONEY,
                    PERSON,
                    SCHEDULE,
                    TEXT,
                    TIME_FRAME,
                    WEB_ADDRESS,
                    YES_NO,
                    Choice,
                    Field,
                    Hours,
                    Minutes,
                    Multi,
                    Number,
                    Rows,
)

ROLES = ("decision maker", "team lead", "content lead", "account manager",
         "responder", "moderator", "backup")
TIERS = ("enquiry", "complaint", "escalating issue", "emergency", "off-limits")
COMMENTS = ("open", "limited", "off")
CONTENT_TYPES = ("text", "images", "video", "live video", "audio", "links")
TOOL_PURPOSES = ("scheduling", "monitoring", "analytics", "cross-posting",
                 "archiving", "listening", "design")
CAPTURE_METHODS = ("archiving service", "platform export", "records system",
                   "manual log and screenshots")
PEER_KINDS = ("city", "town", "county", "agency", "other")
VERIFICATION = ("verified", "requested", "not verified", "not offered")
# An account's life, as a register of official accounts follows it: a closed account stays
# listed (closed) so an impostor taking the handle can be told from the real one.
ACCOUNT_STATUSES = ("planned", "live", "paused", "closing", "closed")
DEFAULT_ACCOUNT_STATUS = ACCOUNT_STATUSES[0]  # a row without a status is an account not yet opened

OBJECTIVES = Rows(row="objective", fields=(
    Field("objective", "Objective", TEXT, required=True,
          help="What should change, in one line",
          guidance="What should change because the organisation is on social media, in one line: "
                   "'More residents hear about road closures before they drive', not 'Be on Facebook'. "
                   "Two to four objectives are plenty for a first plan; each needs a metric and a "
                   "review date (the DHS Social Media Plan Guide asks for measurable objectives)."),
    Field("metric", "Metric", TEXT, help="What you will count (e.g. replies within target)",
          guidance="The number you will count to know whether the objective is met: replies sent "
                   "within the reply target, clicks to the website's service pages, people reached "
                   "by closure alerts. Pick something the platform or your own log already records, "
                   "so counting it costs minutes a month."),
    Field("target", "Target", TEXT, help="The number you aim for (e.g. 80%)",
          guidance="The figure you aim for by the review date, e.g. '80% of questions answered within "
                   "1 business day' or '2,000 followers'. With no history, count for the first month "
                   "and set the target from that baseline; a reply target of next business day to "
                   "3 business days is what NSW and Victorian councils publish."),
    Field("review", "Review date", DATE, help="When you will check it",
          guidance="When you will check the figure against the target. About 6 months after launch "
                   "is a sensible first review: it lines up with the access review due at least "
                   "every 6 months (NSW Government Social Media Guidelines)."),
))

GOALS = Rows(row="goal", fields=(
    Field("goal", "Goal", TEXT, required=True, help="A goal, most important first",
          guidance="One goal the program serves, e.g. 'Warn residents of closures and emergencies' "
                   "or 'Answer service questions without a phone call'. List them most important "
                   "first: when time, staff or money run short, the source article (Welsh Assembly "
                   "Government, 2011) says to rank the goals and resource the top ones."),
    Field("why", "Why it ranks here", TEXT,
          guidance="One line on why this goal sits above the ones below it: a council priority, "
                   "a legal duty, what residents ask for most. It lets the next planner keep the "
                   "order, or change it knowingly."),
    Field("platforms", "Reached through", TEXT,
          help="The platforms that serve this goal, e.g. Facebook, Nextdoor",
          guidance="The platforms where this goal is met, e.g. 'Facebook, Nextdoor'. A goal "
                   "reached through no platform you will run is a sign to rethink either: the source "
                   "article advises one main platform rather than posting everything everywhere."),
))

ROSTER = Rows(row="person", rows="people", fields=(
    Field("name", "Name", PERSON, required=True,
          guidance="The person's name, as colleagues know them, e.g. 'Dana Ruiz'. Named people, "
                   "not teams, are what the references ask for (DHS Social Media Plan Guide: a "
                   "roster with time), so cover and escalation can be checked."),
    Field("role", "Role", Choice(choices=ROLES, other=True), required=True,
          guidance="What this person does for the program. The DHS Social Media Plan Guide names "
                   "a decision maker, a team lead, a content lead and an account manager; small "
                   "teams give one person several roles, so add them once per role they carry, or "
                   "pick the main one. A backup keeps accounts running through leave (Victorian "
                   "Government policy asks for peak and leave cover). A title of your own "
                   "('Public Information Officer') can be typed under Other; suggestions that look "
                   "for a decision maker or a lead then do not count it as one."),
    Field("hours", "Hours a week", Hours(), required=True,
          help="Really free for social media; a channel needs about 2",
          guidance="Hours a week this person really has for social media, after their other work: "
                   "often 2 to 10 for a communications officer in a small town. Each channel needs "
                   "about 2 hours a week just to keep up (about 1 hour a month plus 5 minutes two or "
                   "three times a day, a university's guidance) before any posting; Queensland "
                   "staffed an agency of about 700 with 1 senior online community manager plus 1 "
                   "support officer. The checklist compares these hours with what the platforms need."),
    Field("when", "When on duty", SCHEDULE, help="e.g. Mon-Fri 09:00-17:00",
          guidance="The days and hours this person is at work for the accounts, e.g. "
                   "'Mon-Fri 09:00-17:00'. Published monitoring hours should fall inside someone's "
                   "duty hours; Mon-Fri 9-5 or 8:30-5 are the hours councils publish (NSW, "
                   "Victorian councils, NYC 311's social team)."),
    Field("contact", "Contact", TEXT, help="Work email or phone",
          guidance="A work email or phone number, e.g. 'dana.ruiz@millbrook.gov'. Use work "
                   "details only: the plan is shared with managers and may be released under a "
                   "public records request."),
))

TIERS_ROWS = Rows(row="tier", fields=(
    Field("tier", "Tier", Choice(choices=TIERS), required=True,
          guidance="The kind of message this row is for: an enquiry (a question), a complaint, "
                   "an escalating issue (anger spreading, media interest, a threat), an emergency, "
                   "or an off-limits topic. Triage tiers each with an owner are what the NSW and "
                   "Victorian guidance describe."),
    Field("responder", "First responder", PERSON,
          guidance="Who answers this tier first: for enquiries, usually whoever is monitoring; "
                   "for complaints, the person who can get the department's answer. Use a name "
                   "from the roster so the plan can check they are on duty."),
    Field("backup", "Backup", PERSON,
          guidance="Who answers when the first responder is away. A different person from the "
                   "responder: leave, sickness and peaks need cover (Victorian Government policy)."),
    Field("escalation", "Escalate to", PERSON,
          help="Who takes over when it goes beyond the responder; blank means the escalation contact",
          guidance="Who takes over when a message goes beyond the responder: a manager, the "
                   "public information officer, counsel. Blank means the step's escalation contact. "
                   "The escalation point should not be the only responder, or nobody is above them."),
    Field("target", "Reply within", TIME_FRAME, help="e.g. 4 h or 1 business day",
          guidance="How soon a reply is due, e.g. '1 business day' for enquiries, '4 h' for an "
                   "escalating issue. Councils publish next business day to 3 business days (NSW, "
                   "Victorian councils); the public expects about 4 hours, and brands averaged 10 "
                   "(Sprout Social Index, 2016). Promise only what the roster's hours can keep."),
    Field("how", "How", TEXT, help="Public reply, private message, redirect to 311...",
          guidance="How this tier is answered: a short public reply, a private message for "
                   "personal details, a redirect to the service request line or 911 for "
                   "emergencies. Moving a complaint to a private channel protects the person's "
                   "privacy and keeps the thread calm."),
))

TOPICS = Rows(row="topic", fields=(
    Field("topic", "Topic", TEXT, required=True, reader=PUBLIC,
          guidance="A subject people raise, e.g. 'bin collection', 'road works', 'elections'. "
                   "The source article asks which topics are welcomed and which are off limits, "
                   "so responders know before the comment arrives."),
    Field("approach", "How we handle it", TEXT,
          guidance="How replies on this topic go, in one line: 'answer with the schedule link', "
                   "'refer to the Planning office', 'no comment during an election period'. "
                   "It becomes the responder's script."),
    Field("owner", "Who speaks to it", PERSON,
          guidance="The person or role who may speak for the organisation on this topic, e.g. "
                   "the public works manager for road works. Blank means the tier's responders."),
    Field("tier", "Tier", Choice(choices=TIERS),
          help="The reply tier whose people answer it; blank means enquiry, or off-limits for an off-limits topic",
          guidance="The reply tier whose people answer this topic, and so its reply time. Blank "
                   "means an enquiry, or off-limits for a topic in the off-limits list."),
))

PLATFORMS = Rows(row="platform", fields=(
    Field("platform", "Platform", TEXT, required=True, reader=PUBLIC,
          help="e.g. Facebook, Instagram, Nextdoor",
          guidance="The platform's name, e.g. 'Facebook'. Start with one or two: the source article "
                   "advises one main platform to focus on rather than posting everything everywhere, "
                   "and the checklist warns when the staff cannot run them all."),
    Field("handle", "Account name", TEXT, reader=PUBLIC, help="e.g. @CityOfHarborFalls",
          guidance="The account's name on the platform, e.g. '@CityOfMillbrook'. Use the "
                   "organisation's official name, verify the account where the platform allows it, "
                   "and link to it from the website, so residents can tell it from impostors (US "
                   "Digital Registry; NSW guidelines)."),
    Field("audience", "Audience", TEXT, help="Who we reach here",
          guidance="Who you reach on this platform, e.g. 'residents 25-65, local businesses'. The "
                   "DHS Social Media Plan Guide asks for the audiences of each platform; a platform "
                   "whose audience your goals do not need is one to drop."),
    Field("owner", "Owner", PERSON, help="Answers for this account",
          guidance="The person who answers for this account: its posts, its settings and its "
                   "passwords. A name from the roster; the checklist flags a platform with no owner."),
    Field("backup", "Backup administrator", PERSON,
          guidance="A second administrator, different from the owner, so the account is never "
                   "locked to one person. At least two administrators on every account is a "
                   "security rule of the UK GDS playbook and NSW guidelines; the checklist flags a "
                   "platform without one."),
    Field("posts_per_week", "Posts a week", Number(unit="posts/week", maximum=500),
          help="3 to 5 a week is a fair start",
          guidance="How many posts a week you plan on this platform. 3 to 5 a week is a "
                   "sustainable start for a team of one or two (a peer's cadence, step 5, is the "
                   "best guide; the DHS Social Media Plan Guide asks for a frequency per platform). "
                   "Times minutes a post, it is the posting part of the hours the checklist weighs "
                   "against the roster."),
    Field("minutes_per_post", "Minutes a post", Minutes(maximum=600),
          help="About 30 for a post with an image",
          guidance="Minutes one post takes from idea to published: writing, an image or video, "
                   "approval, scheduling. About 30 minutes is a fair estimate for a post with an "
                   "image; a video takes hours. Time a week of real posts and correct it."),
    Field("checks_per_day", "Moderation checks a day", Number(unit="checks/day", maximum=96),
          help="At least 1 a day (Queensland)",
          guidance="How many times a day someone reads new comments and messages here. At least 1: "
                   "comments should be moderated at least once a day (Queensland checklist); 2 or 3 "
                   "is common (a university's guidance: 5 minutes two or three times a day per "
                   "channel). 0 only with comments off."),
    Field("minutes_per_check", "Minutes a check", Minutes(maximum=600),
          help="About 5 (a university's guidance)",
          guidance="Minutes one moderation check takes: reading, hiding or removing, noting what "
                   "needs a reply. About 5 minutes on a quiet page (a university's guidance: 5 "
                   "minutes two or three times a day per channel); 10 to 15 on a busy one."),
    Field("replies_per_week", "Replies a week", Number(unit="replies/week", maximum=5000),
          help="Comments and messages to answer; 5 to 20 for a small town",
          guidance="Comments and messages a week you expect to answer here. No reference gives a "
                   "figure: for a small town's page, 5 to 20 a week is a fair first estimate; ask "
                   "a peer (step 5) for theirs, count for the first month after launch, and update "
                   "it. Every one is owed a reply within your reply targets (next business day to "
                   "3 business days: NSW, Victorian councils)."),
    Field("minutes_per_reply", "Minutes a reply", Minutes(maximum=600),
          help="About 5 to 10 minutes",
          guidance="Minutes one reply takes, including finding the answer: about 5 for a question "
                   "with a ready link, 10 or more for a complaint that needs a department's answer. "
                   "An estimate to correct from the first month's replies."),
    Field("comments", "Comments", Choice(choices=COMMENTS), reader=PUBLIC,
          guidance="Whether the public may comment here: open, limited (e.g. only on some posts), "
                   "or off. Open comments need a public comment policy and removal rules (CTG's "
                   "citizen conduct element); the NSW guidelines' hands-off mode turns them off."),
    Field("content", "Content types", Multi(choices=CONTENT_TYPES),
          guidance="What you will post here: text, images, video, live video, audio, links. Each "
                   "brings its accessibility rule: alt text for images, captions for video (DigitalGov "
                   "and the UK GDS playbook); the checklist flags a type without its rule."),
    # The account's facts for the register of official accounts (`smgov register`): after the
    # planning fields, so a first plan's walk asks for hours before dates and addresses. For the
    # team (the comment policy lists platform, handle and comments only); the register's public
    # page picks its own columns (core/register.py).
    Field("address", "Address", WEB_ADDRESS, help="The account's web address",
          guidance="The account's web address, e.g. 'https://www.facebook.com/CityOfMillbrook'. "
                   "The US Digital Registry lists every official account by its URL, and the "
                   "organisation's page of official accounts links to it, so residents reach the "
                   "real account and not an impostor."),
    Field("department", "Department", TEXT, help="The unit that runs it, e.g. Parks",
          guidance="The department or unit that owns this account, e.g. 'Parks and Recreation' or "
                   "'Public Library'. A county or agency with a plan per department keeps one "
                   "register of every account (US Digital Registry: agency and contacts per "
                   "account; NSW and Victorian registers of official accounts); this says whose it is."),
    Field("opened", "Opened on", DATE, help="When the account was opened (YYYY-MM-DD)",
          guidance="The date the account was opened, or will be. A register of official accounts "
                   "keeps it (NSW and Victorian registers), and a yearly audit uses it to ask "
                   "whether an account still earns its keep."),
    Field("last_review", "Last access review", DATE, help="When access was last checked (YYYY-MM-DD)",
          guidance="When access to this account was last checked and anyone who no longer needed "
                   "it removed. The register of official accounts shows it beside the next review "
                   "set under Safeguards (NSW Government Social Media Guidelines: at least every 6 "
                   "months; the US Digital Registry reviews every account yearly)."),
    Field("verified", "Verification", Choice(choices=VERIFICATION),
          help="verified, requested, not verified or not offered",
          guidance="Whether the platform shows the account as verified: verified, requested (applied "
                   "for), not verified, or not offered (the platform has no such mark). Verification "
                   "helps residents tell the account from impostors; a yearly audit records it per "
                   "account (US Digital Registry; Hootsuite-style audit templates)."),
    Field("status", "Status", Choice(choices=ACCOUNT_STATUSES),
          help="live, paused, closing or closed; blank means planned",
          guidance="Where the account is in its life: planned (not open yet; blank means planned), "
                   "live, paused, closing (a closure notice is up) or closed. A closed account stays "
                   "in the register as closed, so a resident who finds the handle later can tell it is "
                   "no longer watched (the registers of official accounts and a yearly keep-or-close audit)."),
))

TOOLS = Rows(row="tool", fields=(
    Field("tool", "Tool", TEXT, required=True, help="e.g. Hootsuite, Sprout Social",
          guidance="A third-party tool the team will use, e.g. 'Hootsuite', 'Sprout Social', an "
                   "archiving service. The source article names scheduling, monitoring, analytics "
                   "and cross-posting tools; each is one more login that needs two-factor and an "
                   "access review."),
    Field("purpose", "Used for", Multi(choices=TOOL_PURPOSES),
          guidance="What the tool does for you: scheduling, monitoring, analytics, cross-posting, "
                   "archiving, listening, design. A tool with no purpose here is one to cancel."),
    Field("cost", "Cost a year", MONEY,
          guidance="What the tool costs a year, e.g. 1200. Many have a free tier for one or two "
                   "accounts; the checklist adds the tools' costs and flags a total over the budget."),
    Field("owner", "Owner", PERSON,
          guidance="The person who holds the tool's account, pays for it and removes leavers "
                   "from it: a name from the roster."),
))

PEERS = Rows(row="peer", fields=(
    Field("peer", "Peer", TEXT, required=True, help="A city, county or agency like ours",
          guidance="A city, county or agency like yours, in size or in what it does, e.g. "
                   "'Town of Riverton'. The source article's step 5 is to learn from peers: their "
                   "processes, platforms and what works."),
    Field("kind", "Kind", Choice(choices=PEER_KINDS),
          guidance="What kind of body the peer is: city, town, county, agency or other."),
    Field("platforms", "Platforms", TEXT,
          guidance="The platforms the peer runs, e.g. 'Facebook, Nextdoor, YouTube'."),
    Field("cadence", "Cadence", TEXT, help="e.g. 5 posts a week on Facebook",
          guidance="How often the peer posts, e.g. '5 posts a week on Facebook'. A peer of your "
                   "size is the best guide to your own posts a week."),
    Field("process", "Process", TEXT, help="How they approve, respond, moderate",
          guidance="How the peer approves posts, responds and moderates, e.g. 'comms officer "
                   "posts, manager approves weekly plan, checks twice a day'."),
    Field("works", "What works", TEXT,
          guidance="What draws residents and businesses in for this peer: a weekly roundup, "
                   "behind-the-scenes video, fast replies."),
    Field("tips", "Tips to copy", TEXT,
          guidance="Tips, tricks or technology worth copying, e.g. 'a saved-replies library', "
                   "'a shared content calendar'."),
    Field("contact", "Contact", TEXT,
          guidance="Someone at the peer you can ask, e.g. their communications officer's work "
                   "email. A community of practice is where many of these contacts come from."),
))

RECORDS = Rows(row="record rule", fields=(
    Field("platform", "Platform", TEXT, required=True, reader=PUBLIC,
          guidance="The platform or tool whose content this rule covers, e.g. 'Facebook'. Every "
                   "platform you run needs a retention rule and a capture method; the checklist "
                   "flags one without."),
    Field("retention", "Retention rule", TEXT, reader=PUBLIC, help="e.g. GRS 6.4 item 020: 3 years",
          guidance="How long this content is kept, and under which schedule, e.g. 'GRS 6.4 item "
                   "020: 3 years'. US federal General Records Schedule 6.4: routine public "
                   "correspondence needing no action may be destroyed at 90 days, routine "
                   "operational records at 3 years. State and national schedules differ (Wyoming "
                   "keeps general correspondence 3 years): name your own schedule's item."),
    Field("capture", "Capture method", Choice(choices=CAPTURE_METHODS), reader=PUBLIC,
          guidance="How posts and comments are captured before the platform changes or deletes "
                   "them: an archiving service, the platform's export, your records system, or a "
                   "manual log with screenshots. Capture the date and time, who sent it, who "
                   "authorised it, the recipient, the purpose and the platform (Victoria); nothing "
                   "is deleted from a platform without disposition authority (NARA)."),
))

ACCESS = Rows(row="account", fields=(
    Field("account", "Platform or tool", TEXT, required=True,
          guidance="A platform account or tool login, e.g. 'Facebook page' or 'Hootsuite'. List "
                   "every one: each is a way into the organisation's voice."),
    Field("two_factor", "Two-factor on", YES_NO,
          guidance="Whether two-factor authentication is on for this account: it should be yes on "
                   "every platform and tool (UK GDS Social media playbook). Most hijacked "
                   "government accounts had only a password (DigitalGov on cyber-vandalism)."),
    Field("org_address", "Tied to an organisational address", YES_NO,
          guidance="Whether the account is registered to an organisational email address, not a "
                   "person's own. Should be yes: when someone leaves, the account stays with the "
                   "organisation."),
    Field("admins", "Administrators", Number(unit="people", maximum=50),
          guidance="How many people can administer the account. At least 2, so one person's "
                   "absence or departure never locks it, and few enough that each is known by "
                   "name: 2 or 3 is usual."),
    Field("next_review", "Next access review", DATE,
          guidance="When you will next check who has access and remove anyone who no longer "
                   "needs it. At least every 6 months (NSW Government Social Media Guidelines): "
                   "e.g. 6 months after launch."),
))
