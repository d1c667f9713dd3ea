"""Step 5: what peer cities, counties and agencies already learned."""

from smgov_tui.core.catalogue.decision import advice, blocker
from smgov_tui.core.catalogue.kinds import LONG_TEXT, TEXT
from smgov_tui.core.catalogue.rows import PEERS

DECISIONS = (
    blocker("peers.peers", "Peers we learned from", PEERS, """
List the cities, counties or agencies similar to yours whose social media you studied
or whose staff you spoke to. Each row is one peer: **Peer** and **Kind** name it,
**Platforms** and **Cadence** record where and how often it posts, **Process** notes
how it approves, responds and moderates, **What works** captures results worth
noting, **Tips to copy** holds ideas for you, and **Contact** is who you can call.

**Why it matters.** Peers have already made the mistakes you are about to make.
Skipping this step means guessing at staffing, cadence and moderation rules that a
neighbour could have told you in a half-hour phone call.

**A sensible default.** Record two or three peers of similar size, ideally one
nearby city and one county. Ask each the same questions: how many staff, which
platform works best, how they handle comments, and what they would do differently."""),
    advice("peers.attraction", "How peers draw people in", LONG_TEXT, """
Describe what your peers do to get businesses and residents to follow, comment,
share and ask questions, rather than just scroll past. Think about the kinds of
posts, campaigns, partnerships and habits that bring people to their accounts.

**Why it matters.** Posting on its own does not create engagement. If you do not
know what actually draws your community in, you may spend hours on content nobody
sees, and judge the program a failure when the real problem was the approach.

**Example.** "Harbor Falls posts a weekly 'Ask Public Works' thread that the
director answers live. Millbrook County shares small-business openings with the
chamber of commerce, which reshares them. Both use short videos of staff at work,
with captions, and both reply to questions on the same day during office hours.
Their most-shared posts are road closures, events and photos residents send in." """),
    advice("peers.adopt", "Tips and technology we will copy", LONG_TEXT, """
Pick out the specific practices, templates and tools from your peers that you
intend to use yourself. This turns notes from conversations into commitments:
what you will borrow, where it fits in your plan, and anything you need to adapt
for your own size, budget or rules.

**Why it matters.** Research that never turns into decisions is wasted time.
Writing down what you will copy also helps your manager see that the plan rests
on tested practice, not guesswork, and gives you a reason to go back to the peer
when questions come up.

**A sensible default.** List three to five items, each with where it came from.
For example: "Adopt Harbor Falls' public comment policy wording, reviewed by our
attorney. Use the same scheduling tool Millbrook uses, on its lowest plan. Copy
their monthly report layout. Reuse their pre-approved storm-closure posts as a
template for our own." """),
    advice("peers.community", "Community of practice", TEXT, """
Name a network of government communicators you will join so you can keep learning
after launch: a state municipal league group, a regional communications
association, an online forum for public-sector social media staff, or a standing
call with nearby cities.

**Why it matters.** In one survey, 55% of public-sector social media teams were
one or two people (ArchiveSocial, 2020). Without peers to ask, you face platform changes, hostile
comment threads, hacked accounts and legal questions alone, and you learn about
new rules or court decisions late.

**A sensible default.** Join your state municipal league's communications or
social media group, if it has one, and put a recurring reminder in your calendar
to attend at least quarterly. Add one informal contact at a nearby city you can
call when something goes wrong.""", "State municipal league's social media group"),
)
