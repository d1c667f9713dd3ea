"""Step 8: the launch date, what success looks like, and the sign-off."""

from .decision import advice, blocker
from .kinds import DATE, LONG_TEXT, PERSON, TEXT, Field, Rows

SIGNOFF = Rows(row="sign-off", fields=(
    Field("name", "Name", PERSON, required=True),
    Field("role", "Role", TEXT, required=True),
    Field("date", "Date", DATE, required=True),
))

DECISIONS = (
    blocker("launch.date", "Launch date", DATE, """
The day the first account goes live."""),
    blocker("launch.kpis", "Key performance indicators", LONG_TEXT, """
What you will report each month."""),
    blocker("launch.first_review", "First plan review", DATE, """
When the whole plan is reviewed after launch."""),
    advice("launch.announcement", "How we announce the launch", LONG_TEXT, """
How residents and staff hear about the new accounts."""),
    advice("launch.signoff", "Sign-off", SIGNOFF, """
Who signed the plan off, and when. Recorded once nothing blocks launch."""),
)
