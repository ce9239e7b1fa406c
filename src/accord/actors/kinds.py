"""The closed vocabularies of actor resolution, as string enums (their values are what records
and `--explain` output carry, so a member compares equal to its old string: `How.NAME == "name"`).
"""

from __future__ import annotations

from enum import StrEnum


class How(StrEnum):
    """How a mention was resolved (`Mention.how`)."""

    NAME = "name"  # a known name: person, country, capital or seat of power, organisation, media, region
    ROLE = "role"  # a role phrase resolved to the person holding that office on the date
    ROLE_GROUP = "role-group"  # a role phrase or group noun with no single holder: country and sector
    ROLE_ORG = "role-org"  # people or things of an organisation, acting for it
    ROLE_NAME = "role-name"  # a role tied to a name beside it ("the prosecutor, Remy Heitz")
    NAME_TITLE = "name-title"  # a titled person the knowledge base does not list
    NAME_UNLISTED = "name-unlisted"  # a person the knowledge base does not list
    SURNAME = "surname"  # a surname or short form of a person named before
    ORG_NAMED = "org-named"  # an unlisted organisation placed or described by its name's words
    ORG_PLACED = "org-placed"  # an unlisted organisation placed by the one country of its sentence
    PLACE = "place"  # a place standing for its country
    PLACED = "placed"  # a subject placed by its phrase ("a car bomb in Kiev")
    MODIFIER = "modifier"  # people or things a nationality adjective marks ("a Lebanese man")
    ACRONYM = "acronym"  # an acronym introduced in parentheses after a mention
    DEFINITE = "definite"  # a definite description referring back ("the international body")
    ALLIES = "allies"  # "US allies": the region group of the country's allies
    DESCRIPTION = "description"  # a description of a person just named ("the 21-year-old")
    PRONOUN = "pronoun"  # a pronoun, resolved to the most salient antecedent
    PLURAL = "plural"  # a plural standing for actors mentioned before ("the two leaders")

    @property
    def description(self) -> str:
        return DESCRIPTIONS[self]


DESCRIPTIONS: dict[How, str] = {
    How.NAME: "a known name (person, country, capital or seat of power, organisation, media, region)",
    How.ROLE: "a role phrase, resolved to the person holding that office on the date",
    How.ROLE_GROUP: "a role phrase or group noun with no single office holder: the country and sector",
    How.ROLE_ORG: "people or things of an organisation, acting for it",
    How.ROLE_NAME: "a role phrase tied to the name beside it: that person",
    How.NAME_TITLE: "a titled person the knowledge base does not list: the title's country or organisation",
    How.NAME_UNLISTED: "a person the knowledge base does not list",
    How.SURNAME: "a surname or short form of a person named before",
    How.ORG_NAMED: "an organisation the knowledge base does not list, placed by a place in its name",
    How.ORG_PLACED: "an organisation the knowledge base does not list, placed by the one country its sentence puts it in",
    How.PLACE: "a place, standing for its country",
    How.PLACED: "a subject placed by its phrase, standing for that place's country",
    How.MODIFIER: "people or things a nationality adjective marks, standing for that country",
    How.ACRONYM: "an acronym introduced in parentheses after a mention of the same actor",
    How.DEFINITE: "a definite description referring back to an actor named before",
    How.ALLIES: "the allies of a country: the region group it belongs to",
    How.DESCRIPTION: "a description of a person named just before (age, origin, a common noun)",
    How.PRONOUN: "a pronoun, resolved to the most salient actor mentioned before it",
    How.PLURAL: "a plural standing for actors mentioned before it",
}

# Mentions that name their actor (not a pronoun, plural or description standing for it).
NAMING = frozenset({How.NAME, How.ROLE, How.NAME_TITLE})
# Mentions of unnamed people and things that belong to a country ("a Lebanese man"): of the
# country, not the country itself.
UNNAMED_OF_COUNTRY = frozenset({How.PLACED, How.MODIFIER})


class Sector(StrEnum):
    """CAMEO actor type codes (the CAMEO 1.1b3 manual, chapter 3; `cameo/agentnames.txt`). Codes
    may be chained ("GOVMIL"); each three-letter part is one of these."""

    # primary roles
    COP = "COP"  # police
    GOV = "GOV"  # government
    INS = "INS"  # insurgents
    JUD = "JUD"  # judiciary
    MIL = "MIL"  # military
    OPP = "OPP"  # political opposition
    PTY = "PTY"  # political party
    REB = "REB"  # rebels
    SEP = "SEP"  # separatists
    SPY = "SPY"  # intelligence
    UAF = "UAF"  # unaligned armed forces
    # secondary roles
    AGR = "AGR"  # agriculture
    BUS = "BUS"  # business
    CRM = "CRM"  # criminal
    CVL = "CVL"  # civilian
    DEV = "DEV"  # development
    EDU = "EDU"  # education
    ELI = "ELI"  # elites
    ENV = "ENV"  # environmental
    HLH = "HLH"  # health
    HRI = "HRI"  # human rights
    LAB = "LAB"  # labour
    LEG = "LEG"  # legislature
    MED = "MED"  # media
    REF = "REF"  # refugees
    MOD = "MOD"  # moderate
    RAD = "RAD"  # radical
    # organisations
    IGO = "IGO"  # inter-governmental organisation
    IMG = "IMG"  # international militarized group
    MNC = "MNC"  # multinational corporation
    NGO = "NGO"  # non-governmental organisation
    # religions
    REL = "REL"
    ATH = "ATH"
    BAH = "BAH"
    BUD = "BUD"
    CHR = "CHR"
    CTH = "CTH"
    PRO = "PRO"
    DOX = "DOX"
    CON = "CON"
    HIN = "HIN"
    JAN = "JAN"
    JEW = "JEW"
    MUS = "MUS"
    SHI = "SHI"
    SUN = "SUN"
    SIK = "SIK"
    TAO = "TAO"
    ZRO = "ZRO"


# Sectors of a state: "the police", "the administration" with no country named are the article's.
STATE_SECTORS = frozenset({Sector.GOV, Sector.COP, Sector.JUD, Sector.LEG, Sector.MIL})


# Sectors of a country's own society and state (CAMEO's primary and secondary roles): an actor of
# one of these belongs to some country. Organisations (IGO, IMG, MNC, NGO) and religions may have none.
COUNTRY_SECTORS = frozenset({
    Sector.COP, Sector.GOV, Sector.INS, Sector.JUD, Sector.MIL, Sector.OPP, Sector.PTY, Sector.REB,
    Sector.SEP, Sector.SPY, Sector.UAF, Sector.AGR, Sector.BUS, Sector.CRM, Sector.CVL, Sector.DEV,
    Sector.EDU, Sector.ELI, Sector.ENV, Sector.HLH, Sector.HRI, Sector.LAB, Sector.LEG, Sector.MED,
    Sector.REF, Sector.MOD, Sector.RAD})
