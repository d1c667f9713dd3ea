"""Suggestions for the organisation's facts: only what another fact implies."""

from smgov_tui.core.catalogue.organisation import COUNTRY_CURRENCY
from smgov_tui.core.suggestions.base import suggestion
from smgov_tui.core.suggestions.facts import PlanFacts

_KIND_WORDS = (("town", "town"), ("village", "town"), ("city", "city"), ("county", "county"),
               ("department", "agency"), ("agency", "agency"), ("authority", "agency"),
               ("district", "agency"), ("office", "agency"))


@suggestion("organisation.kind", "the organisation's name (a kind it names: town, city, county, department)")
def kind(facts: PlanFacts):
    words = facts.name.casefold().replace(",", " ").split()
    for word, kind in _KIND_WORDS:
        if word in words:
            return kind
    return None


@suggestion("organisation.currency", "the organisation's country")
def currency(facts: PlanFacts):
    return COUNTRY_CURRENCY.get(facts.country)


SUGGESTIONS = (kind, currency)
