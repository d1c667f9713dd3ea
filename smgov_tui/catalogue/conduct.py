"""Step 6: the Social Media Engagement and Code of Conduct, and CTG's eight elements."""

from .decision import advice, blocker
from .kinds import LONG_TEXT, Hours

DECISIONS = (
    blocker("conduct.security", "Security and confidentiality", LONG_TEXT, """
Passwords, devices, confidential information."""),
    blocker("conduct.dos_donts", "Do's and don'ts", LONG_TEXT, """
Plain rules for staff posting for the organisation."""),
    blocker("conduct.reputation", "Reputation management", LONG_TEXT, """
How criticism, mistakes and corrections are handled."""),
    advice("conduct.quality", "Quality and quantity of messaging", LONG_TEXT, """
Standards for posts and how many is enough."""),
    blocker("conduct.time_allotted", "Time allotted to social media", Hours(maximum=60, unit="h/week per person"), """
Hours a week each person may spend on social media.""", "5"),
    blocker("conduct.privacy", "Privacy issues and settings", LONG_TEXT, """
Personal information, privacy settings, direct messages."""),
    blocker("conduct.employee_access", "Employee access", LONG_TEXT, """
Who may use social media at work and for what (CTG element 1)."""),
    blocker("conduct.account_management", "Account management", LONG_TEXT, """
Who may create, run and close official accounts (CTG element 2)."""),
    blocker("conduct.acceptable_use", "Acceptable use", LONG_TEXT, """
What work and personal use is acceptable on work systems (CTG element 3)."""),
    blocker("conduct.employee_conduct", "Employee conduct", LONG_TEXT, """
How staff behave online when speaking for, or about, the organisation (CTG element 4)."""),
    blocker("conduct.content", "Content", LONG_TEXT, """
Who may post what, and who approves it (CTG element 5)."""),
    blocker("conduct.legal", "Legal issues", LONG_TEXT, """
Records, privacy, copyright, accessibility and public-forum law (CTG element 7)."""),
    advice("conduct.citizen_conduct", "Citizen conduct: public comment policy", LONG_TEXT, """
What the public may post and what is removed (CTG element 8). Needed wherever comments are open."""),
)
