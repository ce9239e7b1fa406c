"""The English word classes the actor rules test for, read once from resources/actors
(words.yaml, anaphora.yaml, person_nouns.yaml, organisation_nouns.yaml, first_names.tsv; sources
in SOURCES.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: the same data, several times faster


def _read(name: str) -> dict[str, Any]:
    return yaml.load(files("accord").joinpath("resources", "actors", name).read_text("utf-8"),
                     Loader=_LOADER) or {}


def _set(values: Any) -> frozenset[str]:
    return frozenset(str(v) for v in values or ())


@dataclass(frozen=True)
class Words:
    person_pronouns: frozenset[str]
    masculine_pronouns: frozenset[str]
    feminine_pronouns: frozenset[str]
    plural_determiners: frozenset[str]
    plural_other_words: frozenset[str]
    plural_person_nouns: frozenset[str]
    plural_country_nouns: frozenset[str]
    indefinite_determiners: frozenset[str]
    indefinite_singular: frozenset[str]
    one_member_nouns: frozenset[str]
    negating_determiners: frozenset[str]
    successor_adjectives: frozenset[str]
    stance_nouns: frozenset[str]
    member_nouns: frozenset[str]
    adherent_nouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    postpositive_title_words: frozenset[str]
    office_nouns: frozenset[str]
    presiding_titles: frozenset[str]
    group_determiners: frozenset[str]
    articles: frozenset[str]
    backer_words: frozenset[str]
    stance_prefixes: frozenset[str]
    feature_words: frozenset[str]
    style_nouns: frozenset[str]
    currency_nouns: frozenset[str]
    naming_participles: frozenset[str]
    region_nouns: frozenset[str]
    government_nouns: frozenset[str]
    particle_adjectives: frozenset[str]
    particle_verbs: frozenset[str]
    locative_prepositions: frozenset[str]
    placing_prepositions: frozenset[str]
    origin_prepositions: frozenset[str]
    organisation_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    generic_institution_names: frozenset[str]
    chamber_names: frozenset[str]
    happening_nouns: frozenset[str]
    us_state_offices: frozenset[str]
    speaker_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    places_of_custody: frozenset[str]
    court_nouns: frozenset[str]
    non_judicial_court_words: frozenset[str]
    pleonastic_verbs: frozenset[str]
    name_particles: frozenset[str]
    name_joiners: frozenset[str]
    voice_verbs: frozenset[str]
    us_party_letters: frozenset[str]
    not_current: frozenset[str]
    organisation_heads: frozenset[str]
    lesser_office: frozenset[str]
    lowercase_name_particles: frozenset[str]
    not_people: frozenset[str]
    war_nouns: frozenset[str]
    region_type_words: tuple[str, ...]
    compass_words: tuple[str, ...]
    # anaphora.yaml
    igo_nouns: frozenset[str]
    country_nouns: frozenset[str]
    ally_nouns: frozenset[str]
    allies_region: str | None
    not_local: frozenset[str]
    diplomats: frozenset[str]
    missions_abroad: frozenset[str] = frozenset()
    name_titles: dict[str, str] | None = None
    acronym_skip_words: frozenset[str] = frozenset()
    past_holder: frozenset[str] = frozenset()
    past_service_verbs: frozenset[str] = frozenset()
    service_still_words: frozenset[str] = frozenset()
    travel_nouns: frozenset[str] = frozenset()
    entourage_nouns: frozenset[str] = frozenset()
    institution_heads: frozenset[str] = frozenset()
    field_sectors: dict[str, str] | None = None
    claim_verbs: frozenset[str] = frozenset()
    site_nouns: frozenset[str] = frozenset()
    company_nouns: frozenset[str] = frozenset()  # "the company's chief executive": a business role
    place_name_prepositions: frozenset[str] = frozenset()
    scene_prepositions: frozenset[str] = frozenset()
    accused_nouns: frozenset[str] = frozenset()
    charge_lemmas: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    claim_objects: frozenset[str] = frozenset()
    counting_determiners: frozenset[str] = frozenset()
    anaphoric_determiners: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    possessive_people: frozenset[str] = frozenset()
    plural_object_pronouns: frozenset[str] = frozenset()
    nearness_prepositions: frozenset[str] = frozenset()
    opponent_nouns: frozenset[str] = frozenset()
    others_words: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def words() -> Words:
    w = _read("words.yaml")
    a = _read("anaphora.yaml")
    gender = w.get("gender_pronouns") or {}
    return Words(
        person_pronouns=_set(w.get("person_pronouns")),
        masculine_pronouns=_set(gender.get("m")),
        feminine_pronouns=_set(gender.get("f")),
        plural_determiners=_set(w.get("plural_determiners")),
        counting_determiners=_set(w.get("counting_determiners")),
        anaphoric_determiners=_set(w.get("anaphoric_determiners")),
        plural_other_words=_set(w.get("plural_other_words")),
        plural_person_nouns=_set(w.get("plural_person_nouns")),
        plural_country_nouns=_set(w.get("plural_country_nouns")),
        indefinite_determiners=_set(w.get("indefinite_determiners")),
        indefinite_singular=_set(w.get("indefinite_singular")),
        one_member_nouns=_set(w.get("one_member_nouns")),
        negating_determiners=_set(w.get("negating_determiners")),
        successor_adjectives=_set(w.get("successor_adjectives")),
        stance_nouns=_set(w.get("stance_nouns")),
        member_nouns=_set(w.get("member_nouns")),
        adherent_nouns=_set(w.get("adherent_nouns")),
        kin_nouns=_set(w.get("kin_nouns")),
        possessive_people=_set(w.get("possessive_people")),
        plural_object_pronouns=_set(w.get("plural_object_pronouns")),
        nearness_prepositions=_set(w.get("nearness_prepositions")),
        opponent_nouns=_set(w.get("opponent_nouns")),
        others_words=_set(w.get("others_words")),
        quantity_nouns=_set(w.get("quantity_nouns")),
        spokesperson_nouns=_set(w.get("spokesperson_nouns")),
        postpositive_title_words=_set(w.get("postpositive_title_words")),
        office_nouns=_set(w.get("office_nouns")),
        presiding_titles=_set(w.get("presiding_titles")),
        group_determiners=_set(w.get("group_determiners")),
        articles=_set(w.get("articles")),
        backer_words=_set(w.get("backer_words")),
        stance_prefixes=_set(w.get("stance_prefixes")),
        feature_words=_set(w.get("feature_words")),
        style_nouns=_set(w.get("style_nouns")),
        currency_nouns=_set(w.get("currency_nouns")),
        naming_participles=_set(w.get("naming_participles")),
        region_nouns=_set(w.get("region_nouns")),
        government_nouns=_set(w.get("government_nouns")),
        particle_adjectives=_set(w.get("particle_adjectives")),
        particle_verbs=_set(w.get("particle_verbs")),
        locative_prepositions=_set(w.get("locative_prepositions")),
        placing_prepositions=_set(w.get("placing_prepositions")),
        origin_prepositions=_set(w.get("origin_prepositions")),
        organisation_prepositions=_set(w.get("organisation_prepositions")),
        place_prepositions=_set(w.get("place_prepositions")),
        place_nouns=_set(w.get("place_nouns")),
        generic_institution_names=_set(w.get("generic_institution_names")),
        chamber_names=_set(w.get("chamber_names")),
        happening_nouns=_set(w.get("happening_nouns")),
        us_state_offices=_set(w.get("us_state_offices")),
        speaker_prepositions=_set(w.get("speaker_prepositions")),
        target_prepositions=_set(w.get("target_prepositions")),
        destination_prepositions=_set(w.get("destination_prepositions")),
        places_of_custody=_set(w.get("places_of_custody")),
        court_nouns=_set(w.get("court_nouns")),
        non_judicial_court_words=_set(w.get("non_judicial_court_words")),
        pleonastic_verbs=_set(w.get("pleonastic_verbs")),
        name_particles=_set(w.get("name_particles")),
        name_joiners=_set(w.get("name_joiners")),
        voice_verbs=_set(w.get("voice_verbs")),
        us_party_letters=_set(w.get("us_party_letters")),
        not_current=_set(w.get("not_current")),
        organisation_heads=_set(w.get("organisation_heads")),
        lesser_office=_set(w.get("lesser_office")),
        lowercase_name_particles=_set(w.get("lowercase_name_particles")),
        not_people=_set(w.get("not_people")),
        war_nouns=_set(w.get("war_nouns")),
        region_type_words=tuple(str(x) for x in w.get("region_type_words") or ()),
        compass_words=tuple(str(x) for x in w.get("compass_words") or ()),
        igo_nouns=_set(a.get("igo")),
        country_nouns=_set(a.get("country")),
        ally_nouns=_set(a.get("allies")),
        allies_region=a.get("allies_region"),
        not_local=_set(a.get("not_local")),
        diplomats=_set(a.get("diplomats")),
        missions_abroad=_set(a.get("missions_abroad")),
        accused_nouns=_set(a.get("accused_nouns")),
        charge_lemmas=_set(a.get("charge_lemmas")),
        past_holder=_set(w.get("past_holder")),
        past_service_verbs=_set(w.get("past_service_verbs")),
        service_still_words=_set(w.get("service_still_words")),
        travel_nouns=_set(w.get("travel_nouns")),
        entourage_nouns=_set(w.get("entourage_nouns")),
        institution_heads=_set(w.get("institution_heads")),
        claim_verbs=_set(w.get("claim_verbs")),
        site_nouns=_set(w.get("site_nouns")),
        company_nouns=_set(w.get("company_nouns")),
        place_name_prepositions=_set(w.get("place_name_prepositions")),
        scene_prepositions=_set(w.get("scene_prepositions")),
        speech_verbs=_set(w.get("speech_verbs")),
        claim_objects=_set(w.get("claim_objects")),
        field_sectors={str(k).lower(): str(v) for k, v in (w.get("field_sectors") or {}).items()},
        name_titles={str(k).lower(): str(v) for k, v in (w.get("name_titles") or {}).items()},
        acronym_skip_words=_set(w.get("acronym_skip_words")),
    )


@lru_cache(maxsize=1)
def person_nouns() -> dict[str, Any]:
    """person_nouns.yaml: honorifics (-> gender or None), gendered nouns, nouns for unnamed people
    (-> sector), abbreviated titles, voice nouns."""
    data = _read("person_nouns.yaml")
    honorific_gender: dict[str, str | None] = {}
    for gender, ws in data["honorifics"].items():
        for w in ws:
            honorific_gender[w.lower()] = None if gender == "any" else gender
    noun_gender = {w: g for g, ws in data["gendered_nouns"].items() for w in ws}
    unnamed = {w: sector for sector, ws in data["unnamed_people"].items() for w in ws}
    return {"honorifics": honorific_gender, "noun_gender": noun_gender, "unnamed": unnamed,
            "abbreviations": {k.lower(): v for k, v in (data.get("abbreviations") or {}).items()},
            "voice": frozenset(w.lower() for w in data.get("voice_nouns") or ())}


@lru_cache(maxsize=1)
def organisation_nouns() -> dict[str, str]:
    """Noun -> CAMEO code part for kinds of organisation ("website" -> MED)."""
    data = _read("organisation_nouns.yaml")
    return {w.lower(): sector for sector, ws in data.items() for w in ws}


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """first_names.tsv: ASCII lower-case first name -> "f" or "m", for names that nearly always
    name one gender (names of either gender across languages are not listed)."""
    text = files("accord").joinpath("resources", "actors", "first_names.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        if line and not line.startswith("#") and line != "name\tgender":
            name, gender = line.split("\t")
            out[name] = gender
    return out


def refers_back(head: Any, determiner: Any) -> bool:
    """Whether a plural determiner ("two", "both") makes `head`'s phrase stand for actors named
    before: "both sides", "the two leaders"; not a bare number ("two protesters"), which counts a
    new group as "three protesters" does."""
    w = words()
    if determiner.lower_ not in w.plural_determiners:
        return False
    if determiner.lower_ not in w.counting_determiners:
        return True
    return any(c.dep_ in ("det", "predet") and c.lower_ in w.anaphoric_determiners for c in head.lefts)
