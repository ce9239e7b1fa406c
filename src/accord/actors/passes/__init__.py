"""The resolver's passes, in the order they run. Each reads the document's `ResolutionContext`
and adds to or amends what earlier passes found; `ActorStage` runs them in this order."""

from __future__ import annotations

from .aliases import AliasMatches
from .base import Pass
from .coreference import (Descriptions, HonorificNames, OrganisationNames, PlainNames, RoleAnaphora, RoleAndName,
                          SharedSurnames, ShortForms, StoryCountryPeople, StripMarkers, UnnamedPeople, VoiceOwners)
from .groups import ContextGroups, Movements, OrganisationPeople
from .institutions import NationalInstitutions
from .merge import Acronyms, MergeSameEntity, TitleCountries
from .names import Names
from .organisations import LocateTransnational, Organisations, PlacedOrganisations
from .present_office import OfficeHolders, PresentOffices
from .places import MarkedThings, Places, PlacedSubjects, StateNamesakes
from .references import References
from .role_offices import RoleOffices
from .roles import RolePhrases
from .unlisted import UnlistedPeople


def default_passes() -> tuple[Pass, ...]:
    """The passes of the default resolver, in order (new objects; passes hold no state)."""
    return (
        AliasMatches(),  # the knowledge base's names, less datelines, backers and unsupported short forms
        RolePhrases(),  # "the Chinese president", "Russian and US negotiators", "FDA officials"
        UnlistedPeople(),  # people the knowledge base lacks: by title, apposition, party tag
        Names(),  # the remaining names; nationality adjectives kept as modifiers
        NationalInstitutions(),  # "Congress" in a story set in Peru is Peru's
        Organisations(),  # unlisted organisations whose names place them
        Places(),  # places standing for their country
        StateNamesakes(),  # "Georgia" in a US story is the state
        MarkedThings(),  # "a Lebanese man", "Iranian motives"
        PlacedSubjects(),  # "a car bomb in Kiev"
        ContextGroups(),  # "authorities" placed by the one country of their clause
        Movements(),  # "Nepal's government and former rebel Maoists"
        LocateTransnational(),  # Islamic State placed by its sentence
        PlacedOrganisations(),  # "The FLN has claimed attacks in Rwanda"
        Organisations(placeless=True),  # unlisted organisations of no country
        OrganisationPeople(),  # "leaders of the opposition CNRP": the organisation's people
        Acronyms(),  # "(NAF) ... NAF said"
        MergeSameEntity(),  # "China's President" + "Xi Jinping"
        TitleCountries(),  # the country in a person's title is no mention of its own
        # person coreference (accord.actors.people)
        StripMarkers(),
        OrganisationNames(),
        HonorificNames(),
        SharedSurnames(),
        ShortForms(),
        VoiceOwners(),
        UnnamedPeople(),
        RoleAndName(),
        RoleAnaphora(),
        OfficeHolders(),  # "the president" no title names: the office's holder on the day
        Descriptions(),
        PlainNames(),
        StoryCountryPeople(),
        PresentOffices(),  # "Prime Minister Minnis" after a present title: not the former official
        RoleOffices(),  # "the prime minister's office": the office, not Johnson
        References(),  # it, he/she, "the two leaders", "the country", "US allies"
    )


__all__ = ["Pass", "default_passes"]
