"""What differs by country, in one place: the records and access-to-information
law, whether a public-forum doctrine applies, the emergency number, the paper
size, and the country's own paragraph in the guidance.

The documents word their records notice from here, the suggestions their
answers, and f1 or `?` its "Where you are" paragraph, so a UK council's page
never reads "public records request" while its suggestions name the Freedom of
Information Act 2000. A country outside the list (or none chosen) gets no law
by name: "the law that applies to us".
"""

from __future__ import annotations

from typing import NamedTuple

US, UK, AU, CA, NZ, IE = ("United States", "United Kingdom", "Australia", "Canada", "New Zealand",
                          "Ireland")


class RecordsLaw(NamedTuple):
    held: str  # completes "Comments, messages and posts on our accounts ... "
    request: str  # completes "may be released in answer to "


RECORDS = {
    US: RecordsLaw("may be public records under the state's public records law and records act",
                   "a public records request"),
    UK: RecordsLaw("are information we hold under the Freedom of Information Act 2000, and any "
                   "personal information in them is handled under the Data Protection Act 2018",
                   "a request under the Freedom of Information Act 2000"),
    AU: RecordsLaw("are state records under the State Records Act",
                   "an application under the state's freedom of information (or right to "
                   "information) act"),
    CA: RecordsLaw("are records under the access-to-information law that applies to us",
                   "an access-to-information request"),
    NZ: RecordsLaw("are official information under the Official Information Act 1982 or the Local "
                   "Government Official Information and Meetings Act 1987, and public records "
                   "under the Public Records Act 2005",
                   "a request under the Official Information Act 1982 or the Local Government "
                   "Official Information and Meetings Act 1987"),
    IE: RecordsLaw("are records we hold under the Freedom of Information Act 2014",
                   "a request under the Freedom of Information Act 2014"),
}
ELSEWHERE = RecordsLaw("may be records under the law that applies to us",
                       "a request under the law that applies to us")

LETTER_PAPER = (US, CA)  # North America prints on Letter, the rest of the world on A4

EMERGENCY_NUMBER = {US: "911", CA: "911", UK: "999", IE: "112 or 999", AU: "000", NZ: "111"}


def records_law(country: str | None) -> RecordsLaw:
    return RECORDS.get(country or "", ELSEWHERE)


def paper(country: str | None) -> str:
    """The paper a council there prints on: "Letter" or "A4" (the Word and PDF exports)."""
    return "Letter" if country in LETTER_PAPER else "A4"


def emergency_number(country: str | None) -> str:
    return EMERGENCY_NUMBER.get(country or "", "")


def public_forum_doctrine(country: str | None) -> bool:
    """A limited public forum is a United States doctrine (Lindke v. Freed, 2024)."""
    return country == US


# The guidance's "Where you are" paragraph: decision id -> country -> what applies there.
WHERE_YOU_ARE: dict[str, dict[str, str]] = {
    "safeguards.forum": {
        US: "A government page that allows comments is usually a limited public forum: removal "
            "must be viewpoint-neutral (Lindke v. Freed, US Supreme Court, 2024).",
        UK: "There is no public-forum doctrine: choose \"no public-forum doctrine applies\" or "
            "\"moderated, not a public forum\", and remove under your published rules; the "
            "Human Rights Act 1998 (freedom of expression) still applies to a council.",
        AU: "There is no public-forum doctrine, but you can be held the publisher of comments on "
            "your pages (Fairfax v Voller, High Court, 2021): moderate daily and hide defamatory "
            "comments.",
        CA: "The Canadian Charter of Rights and Freedoms protects expression; courts have not "
            "settled how it applies to government comment spaces, so ask counsel.",
        NZ: "There is no public-forum doctrine; the New Zealand Bill of Rights Act 1990 protects "
            "expression, and the Harmful Digital Communications Act 2015 covers harmful posts.",
        IE: "There is no public-forum doctrine; remove under your published rules, and mind the "
            "Defamation Act 2009 for comments left standing.",
    },
    "safeguards.retention_schedule": {
        US: "Your state's public records act and its local government retention schedule apply; "
            "federal agencies follow NARA GRS 6.4.",
        UK: "Your council's retention schedule applies; requests come under the Freedom of "
            "Information Act 2000, and personal data under the Data Protection Act 2018.",
        AU: "Your state's State Records Act and its general retention and disposal authority "
            "apply; requests come under the state's FOI or right-to-information act.",
        CA: "Your province's or the federal access-to-information and records law applies.",
        NZ: "The Public Records Act 2005 applies; requests come under the Official Information "
            "Act 1982 or, for councils, LGOIMA 1987.",
        IE: "Your retention policy applies; requests come under the Freedom of Information Act "
            "2014, and personal data under the Data Protection Act 2018.",
    },
    "response.emergency_notice": {country: f"The emergency number to give is {number}."
                                  for country, number in EMERGENCY_NUMBER.items()},
}
WHERE_YOU_ARE["safeguards.records"] = WHERE_YOU_ARE["safeguards.retention_schedule"]
WHERE_YOU_ARE["safeguards.removal_rules"] = WHERE_YOU_ARE["safeguards.forum"]


def where_you_are(decision_id: str, country: str | None) -> str:
    """The guidance's paragraph for this decision in this country, or ""."""
    text = WHERE_YOU_ARE.get(decision_id, {}).get(country or "")
    return f"**Where you are ({country}):** {text}" if text else ""
