"""Step 6: the Social Media Engagement and Code of Conduct, and CTG's eight elements."""

from smgov_tui.core.catalogue.decision import COUNCIL, PUBLIC, advice, blocker
from smgov_tui.core.catalogue.kinds import LONG_TEXT, Hours, Multi

# The usual clauses of a terms-of-use and disclaimer notice, as published city policies word them.
TERMS = ("the platform's own terms of use apply",
         "links and ads the platform places are not endorsed by us",
         "comments are the commenter's own views",
         "a comment is not formal notice or public comment on a proposal",
         "we have no duty to answer every comment",
         "we may change these terms at any time")

DECISIONS = (
    blocker("conduct.security", "Security and confidentiality", LONG_TEXT, """
Set the everyday rules that keep your accounts safe and keep confidential
information off them: how passwords are stored and shared, which devices may be
used to post, and what kinds of information must never be posted, such as
personnel matters, legal advice, closed-session business or anything not yet
public.

**Why it matters.** A stolen password or a post from a lost phone can put false
statements out in your organisation's name within minutes. A leaked draft or
personal detail can breach the law and damage trust for years.

**A sensible default.** Use a password manager, never a shared spreadsheet. Turn
on two-factor authentication everywhere. Post only from managed work devices or
approved apps with a screen lock. Treat anything not already public as
confidential until the department head says otherwise, and report any suspected
compromise to IT security the same day.""",
            "Password manager, 2FA everywhere, work devices only, nothing not yet public", reader=COUNCIL),
    blocker("conduct.dos_donts", "Do's and don'ts", LONG_TEXT, """
Write a short list of plain rules that anyone posting for your organisation can
read in two minutes and remember. This is the practical heart of your code of
conduct: what good posting looks like, and the lines nobody crosses.

**Why it matters.** Most social media trouble comes from a well-meaning person
making a quick judgement call with no guidance. Clear rules protect staff as
much as the organisation, because they know in advance what is expected.

**A sensible default.** For example:
- Do check facts, links and dates before posting; do credit photos.
- Do answer politely and point people to the right department.
- Don't argue, use sarcasm or post while angry.
- Don't endorse businesses, candidates or causes.
- Don't share personal opinions from the official account.
- Don't delete critical comments unless they break the comment policy.""",
            "Do check facts and reply politely; don't argue, endorse or share opinions", reader=COUNCIL),
    blocker("conduct.reputation", "Reputation management", LONG_TEXT, """
Decide how your team handles criticism, complaints, your own mistakes and false
information about the organisation. Cover who decides whether to respond, how a
wrong post is corrected, and when a problem goes up to the escalation contact.

**Why it matters.** Criticism on a public page is visible to everyone, and a
clumsy or silent response can turn a small complaint into a news story. Quietly
deleting an error, or a critic's comment, usually makes things worse and can raise
legal problems.

**A sensible default.** Respond to fair criticism once, politely, and offer to
take details offline. Correct your own mistakes openly: edit or repost with
"Correction:" and say what changed, rather than deleting. Ignore obvious trolling
that does not break the comment policy. Send anything involving media interest,
legal threats or a fast-growing thread to the escalation contact within an
hour.""", "Reply once to fair criticism; correct mistakes openly; escalate within 1 hour", reader=COUNCIL),
    advice("conduct.quality", "Quality and quantity of messaging", LONG_TEXT, """
Set the standard every post should meet, and how many posts are enough. Quality
covers accuracy, plain language, spelling, tone, images and accessibility.
Quantity covers how often you post, so people hear from you regularly without
being flooded.

**Why it matters.** Sloppy or constant posts teach people to scroll past you,
and then they miss the message that matters, such as a boil-water notice. Too
few posts and the account looks abandoned. Either way, engagement drops.

**A sensible default.** Every post is accurate, useful to residents, written in
plain language, proofread by a second person where possible, and accessible (alt
text on images, captions on video, readable hashtags). Aim for a steady rhythm a
small team can keep, such as three to five posts a week on your main platform,
and quality over volume every time.""",
            "Accurate, plain, accessible posts; 3 to 5 a week on the main platform", reader=COUNCIL),
    blocker("conduct.time_allotted", "Time allotted to social media",
            Hours(maximum=60, unit="h/week per person"), """
Enter the hours a week each person on the roster may spend on social media work:
writing, scheduling, monitoring, replying and reporting. It sets a ceiling that
managers and staff both agree on, so social media neither gets squeezed out nor
quietly takes over someone's job.

**Why it matters.** Social media expands to fill whatever time is available.
Without an agreed allotment, posts slip when other work is busy, or staff burn
out answering comments at night. The checklist compares this figure with the
hours your posting and moderation plans need.

**A sensible default.** One estimate is about 1 hour a month per channel, plus 5
minutes two or three times a day for checking (a university's guidance; adjust it
to your reality). Add time for writing posts. For one main platform, 4 to 6 hours
a week per person is a reasonable starting point.""", "5", reader=COUNCIL),
    blocker("conduct.privacy", "Privacy issues and settings", LONG_TEXT, """
Decide how you protect people's personal information on social media: what you
never post (addresses, case details, photos of identifiable children without
consent), how you handle residents who share personal details in public
comments, how direct messages are treated, and which account privacy and
tagging settings you use.

**Why it matters.** Residents often post phone numbers, account numbers or
health details when they are frustrated. Repeating or ignoring that information
can breach privacy law and expose people to harm. Direct messages may also be
public records that must be kept.

**A sensible default.** Never ask for personal details in public; move them to
a private message, phone or email. Hide comments that expose someone's personal
information and tell the poster why. Get written consent for identifiable photos.
Review each platform's privacy, tagging and location settings at launch and
every 6 months.""", "No personal details in public; hide comments exposing them; photo consent", reader=COUNCIL),
    blocker("conduct.employee_access", "Employee access", LONG_TEXT, """
Decide which employees may use social media at work, and for what. Most
organisations separate official posting (a few named people), job-related use
(research, monitoring) and general access (everyone else). This is the first of
CTG's eight policy elements (CTG, 2010).

**Why it matters.** Without a rule, access depends on whoever runs the firewall,
and managers get no clear answer when staff ask. Too tight and useful monitoring
is blocked; too loose and the organisation carries risk it never agreed to.

**A sensible default.** Only staff on the social media roster may post for the
organisation, and only after training. Other staff may view social media at
work where their manager agrees it supports their job. IT keeps access to the
sites open on work devices, and the communications lead keeps the list of
approved posters up to date.""",
            "Only trained roster staff post; others view where their job needs it", reader=COUNCIL),
    blocker("conduct.account_management", "Account management", LONG_TEXT, """
Decide who may create, run and close official accounts, and how they are
approved. This covers new account requests, who holds administrator rights,
and what happens to accounts that go quiet. It is the second of CTG's eight
elements (CTG, 2010).

**Why it matters.** Without one approval route, departments open their own
accounts, staff leave with the passwords, and abandoned pages keep your logo
online with nobody watching. Residents cannot tell which accounts are real.

**A sensible default.** Only the communications lead may approve a new account,
after the department completes a short request: purpose, audience, named owner
and backup, and posting plan. Every account uses an organisational email, has
at least two administrators, and is listed in a register of official accounts
linked from your website. Accounts with no posts for 6 months are reviewed for
closure.""", "Comms lead approves new accounts; 2 admins each; register of accounts", reader=COUNCIL),
    blocker("conduct.acceptable_use", "Acceptable use", LONG_TEXT, """
Set out what use of social media on work systems and work time is acceptable,
both for official business and for personal use. It usually sits alongside your
existing computer and internet use policy. This is the third of CTG's eight
elements (CTG, 2010).

**Why it matters.** Staff need to know whether checking personal accounts at
lunch is fine, and what is never allowed on work devices. Without a rule,
discipline is inconsistent and the organisation may struggle to act when misuse
does happen.

**A sensible default.** Official accounts are used only for organisation
business. Limited personal use on work devices is allowed during breaks, as long
as it does not interfere with work, cost money or break other policies. No
illegal, harassing, discriminatory, explicit or political campaign content on
work systems, ever. Refer to your existing IT use policy rather than repeating
it.""", "Official accounts for business only; light personal use on breaks", reader=COUNCIL),
    blocker("conduct.employee_conduct", "Employee conduct", LONG_TEXT, """
Explain how staff should behave online when they speak for the organisation, and
when they talk about it on their personal accounts. This is the fourth of CTG's
eight elements (CTG, 2010), and usually points to your existing code of ethics
and personnel rules.

**Why it matters.** The public rarely separates an employee's personal post from
the organisation, especially for senior staff. Unclear rules lead to
embarrassing posts, unfair discipline, or over-reach into protected personal
speech. For elected officials, whether a personal account counts as official
business is a legal question (Lindke v. Freed, 2024).

**A sensible default.** On official accounts, staff follow the do's and don'ts
and the code of ethics. On personal accounts, staff may mention where they work
but must not speak for the organisation, share confidential information or
post as if it were official. When in doubt, ask the communications lead first.""",
            "Follow code of ethics; personal accounts never speak for the city", reader=COUNCIL),
    blocker("conduct.content", "Content", LONG_TEXT, """
Decide who may post what, and who approves it before it goes out. Content rules
cover which topics belong on each account, which need sign-off first, and who is
responsible for accuracy. This is the fifth of CTG's eight elements (CTG, 2010).

**Why it matters.** If everything needs the manager's approval, posts arrive too
late to help. If nothing does, a sensitive statement can go out unchecked. A
clear split lets routine posts move quickly while risky ones get a second look.

**A sensible default.** Trained roster members may post routine information
(events, closures, service reminders, shares from official partners) without
prior approval. Posts on policy, budget, legal matters, incidents or anything
controversial need approval from the communications lead or department head.
Emergency messages follow the emergency plan. The content lead owns the content
calendar.""", "Routine posts by trained staff; policy or sensitive posts need comms lead", reader=COUNCIL),
    blocker("conduct.legal", "Legal issues", LONG_TEXT, """
Record the legal rules your social media must follow: public records retention,
privacy law, copyright and image rights, accessibility, and free speech rules
for government pages. This is the seventh of CTG's eight elements (CTG, 2010).
Ask your attorney to review this answer.

**Why it matters.** Posts, comments and messages may be public records. Blocking
people or deleting comments for their views can break constitutional law, and
officials' own accounts can count as government action (Lindke v. Freed, 2024).
Inaccessible posts can breach disability law.

**A sensible default.** Keep social media records under your named retention
schedule (federal agencies use GRS 6.4; state schedules differ). Use only
images you own, licensed or credited. Treat comment sections as a limited public
forum with viewpoint-neutral rules. Meet accessibility rules (alt text, captions,
contrast). Counsel reviews this policy before launch and yearly.""",
            "Records kept per our schedule; licensed images only; viewpoint-neutral rules", reader=COUNCIL),
    advice("conduct.citizen_conduct", "Citizen conduct: public comment policy", LONG_TEXT, """
Write the public comment policy: what the public may post on your pages and what
you will remove. It is published on each account or linked from it. This is the
eighth of CTG's eight elements (CTG, 2010). It becomes required wherever a
platform has comments open.

**Why it matters.** Removing a comment without a published, neutral rule invites
accusations of censorship and possible legal challenge. With a clear policy,
moderators can act quickly and consistently, and anyone who objects can be shown
the rule that applied.

**A sensible default.** Welcome comments on the topic of each post. Remove posts
that contain obscenity, threats, harassment, personal information, spam or
advertising, illegal activity, or clearly off-topic material, regardless of the
viewpoint expressed. Keep a record of each removal and the reason. State that
the page is not monitored for emergencies, and that residents should call 911.""",
            "On-topic comments welcome; threats, spam, obscenity, personal info removed", reader=PUBLIC),
    blocker("conduct.terms_of_use", "Terms of use and disclaimer", Multi(choices=TERMS), """
Choose the clauses of the terms of use and disclaimer that the public comment
policy states, in its own section, and that are posted with it: the platform's
own terms apply; links and ads the platform places are not endorsed by you;
comments are the commenter's own views; a comment is not formal notice, a
complaint or public comment on a proposal; you have no duty to answer every
comment; you may change the terms at any time. Anything else goes in your own
words below.

**Why it matters.** This notice is the core of most published government
comment policies. Without it, a resident can argue that a comment under a post
was a formal objection the council had to consider, or that an advert the
platform showed beside your post was your endorsement. Have counsel approve
the wording.

**A sensible default.** All six. Published city policies carry them: East
Dubuque, Illinois, binds comments by each platform's own terms of use; Central
City, Nebraska, says a comment is the poster's opinion and its publication does
not imply endorsement; Westminster, Colorado, disclaims links from its pages.""",
            "the platform's own terms of use apply, we may change these terms at any time",
            reader=PUBLIC),
    advice("conduct.terms_own_words", "Terms of use: in our own words", LONG_TEXT, """
Any further terms or disclaimer, in your own words, printed after the clauses
chosen above: for example a counsel-approved sentence on liability, on
copyright in what people post, or on blocking repeat offenders.

**Why it matters.** Counsel often has a sentence the usual clauses do not
cover. Written here, it reaches the published policy word for word.

**A sensible default.** Leave it empty unless counsel asks for more. Westminster,
Colorado, for example, adds that it "assumes no liability for damages incurred
directly or indirectly as a result of errors, omissions or discrepancies".""",
           "We may block accounts that repeatedly break these rules.", reader=PUBLIC),
)
