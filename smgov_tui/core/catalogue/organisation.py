"""The organisation: the few facts every other step and document builds on.

Asked first when a plan starts, because they shape the rest: the name heads
every document, the kind and the country choose the suggested answers (a
town's roster, a country's records law), the website is where the accounts
link back to, and the currency is what every sum is shown in.
"""

from smgov_tui.core.catalogue.decision import PUBLIC, Step, advice, blocker
from smgov_tui.core.catalogue.kinds import WEB_ADDRESS, Choice, Text

STEP = Step("organisation", 0, "Organisation", "Who is this plan for?")

KINDS = ("city", "town", "county", "agency", "other")
COUNTRIES = ("United States", "United Kingdom", "Australia", "Canada", "New Zealand", "Ireland", "other")
# Code -> the sign shown before an amount; the code itself when the sign is shared.
CURRENCIES = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "A$", "CAD": "C$", "NZD": "NZ$"}
# The currency a country's plans usually count in: the suggestion for `organisation.currency`.
COUNTRY_CURRENCY = {"United States": "USD", "United Kingdom": "GBP", "Australia": "AUD",
                    "Canada": "CAD", "New Zealand": "NZD", "Ireland": "EUR"}

DECISIONS = (
    blocker("organisation.name", "Organisation's name", Text(limit=120), """
The full name of the city, town, county or agency this plan is for, as it
appears on its own letterhead: "Town of Millbrook", "Harbor County", "State
Department of Transportation".

**Why it matters.** The name heads every document smgov writes (the plan, the
code of conduct, the public comment policy) and every verdict `smgov check`
gives, so a council reads its own name, not a placeholder. Suggested answers
use it too: a comment policy that says "the Town of Millbrook" is one a
council can adopt as it stands.

**A sensible default.** The legal name, spelled out, without abbreviations.""",
            "Town of Millbrook", reader=PUBLIC),
    advice("organisation.kind", "Kind of organisation", Choice(choices=KINDS), """
Say what kind of organisation this is: a city, a town, a county, an agency
(a state or federal department, a library district, a transit authority), or
other.

**Why it matters.** The kind shapes the sensible answers: a town of 18,000
with one communications officer plans very differently from a county with a
press office. smgov's suggested answers and the peers it compares you with
follow the kind you choose here.

**A sensible default.** The kind your residents would use: "town" for a town
council, "county" for a county government, "agency" for a department or
authority."""),
    advice("organisation.country", "Country or legal system", Choice(choices=COUNTRIES), """
The country whose law governs the organisation's accounts.

**Why it matters.** The law differs on exactly the questions a plan must
settle. In the United States, a government page that allows comments is
usually treated as a limited public forum, so comments may be removed only on
viewpoint-neutral rules (Lindke v. Freed, US Supreme Court, 2024), and posts
are public records under the state's records law or, for federal agencies,
NARA's General Records Schedule 6.4. In the United Kingdom there is no
public-forum doctrine; the Freedom of Information Act 2000 and the council's
own retention schedule apply. In Australia, page owners can be publishers of
the comments on their pages (Fairfax v Voller, 2021), and state records and
FOI acts apply. smgov's suggested retention rules and legal wording follow the
country chosen here.

**A sensible default.** The country the organisation is in; "other" when
none of these fits, and write the legal points into the safeguards step
yourself."""),
    advice("organisation.website", "Website", WEB_ADDRESS, """
The organisation's main website address.

**Why it matters.** Residents check that an account is official by following
the link from the organisation's own website, and every profile should link
back to it. The public comment policy and the documents point to it, and the
suggested answers use it (for example, where the comment policy is
published).

**A sensible default.** The home page, e.g. https://www.millbrook.gov; add a
page listing your official accounts there before launch.""", "https://www.millbrook.gov", reader=PUBLIC),
    advice("organisation.currency", "Currency", Choice(choices=tuple(CURRENCIES)), """
The currency the budget, tool costs and paid promotion are counted in:
USD, GBP, EUR, AUD, CAD or NZD.

**Why it matters.** Every sum in the plan and its documents is shown with
this currency, so nobody reading "1,500" has to guess whether that is dollars
or pounds, and the figures can be set beside the organisation's accounts.

**A sensible default.** The currency of the country chosen above."""),
)
