"""The structured rows some decisions hold: one schema each, shared by the
decisions, the checks that read them and the editors that fill them."""

from __future__ import annotations

from smgov_tui.core.catalogue.kinds import (
                    DATE,
                    MONEY,
                    PERSON,
                    SCHEDULE,
                    TEXT,
                    TIME_FRAME,
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

OBJECTIVES = Rows(row="objective", fields=(
    Field("objective", "Objective", TEXT, required=True,
          help="What should change, in one line"),
    Field("metric", "Metric", TEXT, help="What you will count (e.g. replies within target)"),
    Field("target", "Target", TEXT, help="The number you aim for (e.g. 80%)"),
    Field("review", "Review date", DATE, help="When you will check it"),
))

GOALS = Rows(row="goal", fields=(
    Field("goal", "Goal", TEXT, required=True, help="A goal, most important first"),
    Field("why", "Why it ranks here", TEXT),
    Field("platforms", "Reached through", TEXT,
          help="The platforms that serve this goal, e.g. Facebook, Nextdoor"),
))

ROSTER = Rows(row="person", fields=(
    Field("name", "Name", PERSON, required=True),
    Field("role", "Role", Choice(choices=ROLES), required=True),
    Field("hours", "Hours a week", Hours(), required=True,
          help="Hours a week this person really has for social media"),
    Field("when", "When on duty", SCHEDULE, help="e.g. Mon-Fri 09:00-17:00"),
    Field("contact", "Contact", TEXT, help="Work email or phone"),
))

TIERS_ROWS = Rows(row="tier", fields=(
    Field("tier", "Tier", Choice(choices=TIERS), required=True),
    Field("responder", "First responder", PERSON),
    Field("backup", "Backup", PERSON),
    Field("escalation", "Escalate to", PERSON,
          help="Who takes over when it goes beyond the responder; blank means the escalation contact"),
    Field("target", "Reply within", TIME_FRAME, help="e.g. 4 h or 1 business day"),
    Field("how", "How", TEXT, help="Public reply, private message, redirect to 311..."),
))

TOPICS = Rows(row="topic", fields=(
    Field("topic", "Topic", TEXT, required=True),
    Field("approach", "How we handle it", TEXT),
    Field("owner", "Who speaks to it", PERSON),
    Field("tier", "Tier", Choice(choices=TIERS),
          help="The reply tier whose people answer it; blank means enquiry, or off-limits for an off-limits topic"),
))

PLATFORMS = Rows(row="platform", fields=(
    Field("platform", "Platform", TEXT, required=True, help="e.g. Facebook, Instagram, Nextdoor"),
    Field("handle", "Account name", TEXT, help="e.g. @CityOfHarborFalls"),
    Field("audience", "Audience", TEXT, help="Who we reach here"),
    Field("owner", "Owner", PERSON, help="Answers for this account"),
    Field("backup", "Backup administrator", PERSON),
    Field("posts_per_week", "Posts a week", Number(unit="posts/week", maximum=500)),
    Field("minutes_per_post", "Minutes a post", Minutes(maximum=600)),
    Field("checks_per_day", "Moderation checks a day", Number(unit="checks/day", maximum=96)),
    Field("minutes_per_check", "Minutes a check", Minutes(maximum=600)),
    Field("replies_per_week", "Replies a week", Number(unit="replies/week", maximum=5000),
          help="Comments and messages you expect to answer here"),
    Field("minutes_per_reply", "Minutes a reply", Minutes(maximum=600)),
    Field("comments", "Comments", Choice(choices=COMMENTS)),
    Field("content", "Content types", Multi(choices=CONTENT_TYPES)),
))

TOOLS = Rows(row="tool", fields=(
    Field("tool", "Tool", TEXT, required=True, help="e.g. Hootsuite, Sprout Social"),
    Field("purpose", "Used for", Multi(choices=TOOL_PURPOSES)),
    Field("cost", "Cost a year", MONEY),
    Field("owner", "Owner", PERSON),
))

PEERS = Rows(row="peer", fields=(
    Field("peer", "Peer", TEXT, required=True, help="A city, county or agency like ours"),
    Field("kind", "Kind", Choice(choices=PEER_KINDS)),
    Field("platforms", "Platforms", TEXT),
    Field("cadence", "Cadence", TEXT, help="e.g. 5 posts a week on Facebook"),
    Field("process", "Process", TEXT, help="How they approve, respond, moderate"),
    Field("works", "What works", TEXT),
    Field("tips", "Tips to copy", TEXT),
    Field("contact", "Contact", TEXT),
))

RECORDS = Rows(row="record rule", fields=(
    Field("platform", "Platform", TEXT, required=True),
    Field("retention", "Retention rule", TEXT, help="e.g. GRS 6.4 item 020: 3 years"),
    Field("capture", "Capture method", Choice(choices=CAPTURE_METHODS)),
))

ACCESS = Rows(row="account", fields=(
    Field("account", "Platform or tool", TEXT, required=True),
    Field("two_factor", "Two-factor on", YES_NO),
    Field("org_address", "Tied to an organisational address", YES_NO),
    Field("admins", "Administrators", Number(unit="people", maximum=50)),
    Field("next_review", "Next access review", DATE),
))
