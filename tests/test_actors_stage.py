"""The actors stage on its own: names, role phrases, plurals and pronouns, as of the article date."""

from __future__ import annotations

import pytest

from helpers import run_stages


def mentions(nlp, text, date="2026-02-04"):
    doc = run_stages(nlp, text, date, names=("actors",))
    for m in doc.mentions:
        assert text[m.span[0]:m.span[1]] == m.text
        a, b = m.actor.span
        assert text[a:b] == m.actor.text
    return doc.mentions


def by_text(ms):
    out = {}
    for m in ms:
        out.setdefault(m.text, []).append(m.actor)
    return out


@pytest.mark.parametrize(
    "date, name",
    [("2019-06-01", "Donald Trump"), ("2022-06-01", "Joe Biden"), ("2026-02-04", "Donald Trump")],
)
def test_role_phrase_resolves_to_holder_on_the_date(nlp, date, name):
    ms = by_text(mentions(nlp, "The US president spoke to reporters.", date))
    [actor] = ms["The US president"]
    assert actor.name == name and actor.code == "USAGOV" and actor.country == "USA"


def test_names_titles_and_metonyms(nlp):
    ms = by_text(mentions(nlp, "China's foreign minister Wang Yi met officials at the Kremlin and the White House."))
    assert ms["China's foreign minister Wang Yi"][0].name == "Wang Yi"
    assert ms["Kremlin"][0].code == "RUSGOV"
    assert ms["White House"][0].code == "USAGOV"


def test_group_nouns_with_coordinated_countries(nlp):
    ms = mentions(nlp, "Russian, Ukrainian and US negotiators met in Geneva.")
    codes = sorted(m.actor.code for m in ms if m.how == "role-group")
    assert codes == ["RUSGOV", "UKRGOV", "USAGOV"]
    assert all(m.actor.name is None for m in ms if m.how == "role-group")


def test_sector_from_group_noun(nlp):
    ms = by_text(mentions(nlp, "Ukrainian troops shelled the town while Russian police watched."))
    assert ms["Ukrainian troops"][0].code == "UKRMIL"
    assert ms["Russian police"][0].code == "RUSCOP"


def test_surname_after_full_name_and_pronoun(nlp):
    text = "Emmanuel Macron arrived in Berlin. Macron said he would stay a day."
    ms = mentions(nlp, text)
    macron = [m for m in ms if m.actor.name == "Emmanuel Macron"]
    assert [m.text for m in macron] == ["Emmanuel Macron", "Macron", "he"]
    pronoun = macron[-1]
    assert pronoun.how == "pronoun" and pronoun.actor.text == "Macron"  # the nearest naming mention


def test_plural_stands_for_both_leaders(nlp):
    text = "Xi Jinping hosted Vladimir Putin in Beijing. The two leaders signed a pact."
    ms = by_text(mentions(nlp, text))
    assert {a.name for a in ms["The two leaders"]} == {"Xi Jinping", "Vladimir Putin"}


def test_adjective_alone_is_not_an_actor(nlp):
    # The adjective is never a mention by itself; the thing it marks stands for its country
    # (the labelling conventions' "things standing for an actor").
    ms = mentions(nlp, "The Russian celebrations drew crowds.")
    russian = [(m.text, m.how, m.actor.country) for m in ms if "Russian" in m.text]
    assert russian == [("The Russian celebrations", "modifier", "RUS")]


@pytest.mark.parametrize("text, span, country", [
    ("IDF troops on Sunday apprehended a Lebanese man near the border.", "a Lebanese man", "LBN"),
    ("Croatian experts have expressed hopes.", "Croatian experts", "HRV"),
    ("The detained American vessels were released.", "The detained American vessels", "USA"),
    ("The army released a Turkish cargo ship it seized.", "a Turkish cargo ship", "TUR"),
])
def test_things_marked_by_a_nationality_stand_for_it(nlp, text, span, country):
    ms = by_text(mentions(nlp, text))
    assert span in ms and ms[span][0].country == country, ms


def test_a_possessor_owns_what_an_adjective_marks(nlp):
    ms = by_text(mentions(nlp, "Sir Geoffrey Howe expressed pessimism about his South African mission."))
    assert "his South African mission" not in ms


def test_dateline_is_not_an_actor(nlp):
    ms = mentions(nlp, "BEIJING : Officials gathered.")
    assert all(m.text != "BEIJING" for m in ms)


@pytest.mark.parametrize("text, country", [
    ("Russian jets struck Islamic State targets in Syria's Hama province.", "SYR"),
    ("Iraqi troops launched an assault on the last ISIS bastion even as the Kurds said they had "
     "fought near the border with Turkey.", "IRQ"),
    ("Islamic State claimed the attack on Tuesday.", None),
])
def test_transnational_group_is_placed_by_its_sentence(nlp, text, country):
    ms = [m for m in mentions(nlp, text) if m.actor.name == "Islamic State"]
    assert ms and ms[0].actor.country == country, ms
    assert ms[0].actor.code.endswith("IMGMUSISI")


def test_group_with_a_home_country_keeps_it(nlp):
    ms = [m for m in mentions(nlp, "Boko Haram fighters crossed into Cameroon.") if m.actor.name == "Boko Haram"]
    assert ms and ms[0].actor.country == "NGA"


@pytest.mark.parametrize("text, phrase, country", [
    ("The Government Accountability Office ( GAO ) said it is skeptical.", "Government Accountability Office", "USA"),
    ("LaDonna Davis, a USCIS spokeswoman, declined to comment.", "USCIS", "USA"),
    ("The Welsh Government said it expects most pupils to return.", "Welsh Government", "GBR"),
    ("The Federal Foreign Office has provided 28 million euros.", "Federal Foreign Office", "DEU"),
    ("The Trudeau government has agreed with the Senate.", "The Trudeau government", "CAN"),
    ("France lifted its 48 - hour blockade of the U . K .", "U . K", "GBR"),
    ("Nepals government and former rebels have accepted the demands.", "Nepals government", "NPL"),
    ("On the 13th , Boko Haram attacked a military base in Borno state .", "Boko Haram", "NGA"),
    ("Tamil Nadu Chief Minister J Jayalalithaa today rejected the accusation.", "J Jayalalithaa", "IND"),
])
def test_national_bodies_and_spelling_variants(nlp, text, phrase, country):
    ms = mentions(nlp, text)
    a = text.index(phrase)
    hit = [m for m in ms if m.span[0] <= a < m.span[1]]
    assert hit and hit[0].actor.country == country, [(m.text, m.actor.country) for m in ms]


@pytest.mark.parametrize("text, phrase, country", [
    ("South Sudanese militia has freed 280 child soldiers as part of a deal.", "280 child soldiers", "SSD"),
    ("Venezuela releases dozens of political activists.", "political activists", "VEN"),
    ("Kenyan police detained most protesters on Monday.", "most protesters", "KEN"),
])
def test_counted_and_described_groups_take_their_sentence_country(nlp, text, phrase, country):
    ms = by_text(mentions(nlp, text))
    assert phrase in ms and ms[phrase][0].country == country, ms


def test_foreign_groups_do_not_take_the_sentence_country(nlp):
    ms = by_text(mentions(nlp, "Venezuela expelled dozens of foreign journalists."))
    assert all(a.country != "VEN" for a in ms.get("foreign journalists", [])), ms


def test_senate_leader_title_resolves_by_date(nlp):
    ms = by_text(mentions(nlp, "Senate Majority Leader Mitch McConnell expressed optimism.", date="2018-06-01"))
    actor = ms["Senate Majority Leader Mitch McConnell"][0]
    assert (actor.name, actor.code) == ("Mitch McConnell", "USALEG")
    ms = by_text(mentions(nlp, "The US Senate majority leader praised the deal.", date="2022-06-01"))
    assert any(a.name == "Chuck Schumer" for v in ms.values() for a in v), ms


@pytest.mark.parametrize("text, absent", [
    ("Syrian forces attacked the US - backed SDF headquarters.", "US"),
    ("The Senate urged action on the situation in the South China Sea.", "China"),
])
def test_backers_and_seas_are_not_actors(nlp, text, absent):
    ms = mentions(nlp, text)
    assert all(m.text != absent for m in ms), [(m.text, m.actor.country) for m in ms]
    assert all(m.actor.country != {"US": "USA", "China": "CHN"}[absent] for m in ms)


def test_acronym_in_parentheses_names_the_same_actor(nlp):
    text = "The Nigerian Air Force ( NAF ) has carried out operations . NAF said the strikes killed 20 ."
    naf = [m for m in mentions(nlp, text) if m.text == "NAF"]
    assert len(naf) == 2 and all(m.actor.code == "NGAMIL" for m in naf)


def test_person_without_office_acts_for_the_organisation_of_the_title(nlp):
    text = "European Parliament’s lead Brexit negotiator Guy Verhofstadt has rejected the offer."
    ms = [m for m in mentions(nlp, text, date="2018-06-01") if m.actor.name == "Guy Verhofstadt"]
    assert ms and ms[0].actor.code.startswith("IGO") and ms[0].actor.country is None


def test_unplaced_group_keeps_its_sector(nlp):
    ms = by_text(mentions(nlp, "Government troops attacked rebels overnight."))
    assert ms["rebels"][0].code == "REB" and ms["rebels"][0].country is None


def test_country_after_a_ministry_field(nlp):
    ms = by_text(mentions(nlp, "The United States handed equipment to the Ministry of Health of Ethiopia."))
    assert any(a.country == "ETH" for k, v in ms.items() if "Ministry" in k for a in v), ms


def test_titled_unlisted_person_takes_the_clause_country(nlp):
    ms = by_text(mentions(nlp, "Russian police on Saturday detained supporters of opposition leader Alexei Navalny."))
    navalny = [a for k, v in ms.items() if "Navalny" in k for a in v]
    assert navalny and navalny[0].country == "RUS", ms
    assert "supporters" in ms  # a misparsed clause does not make one long noun phrase


def test_multiword_place_in_front_of_a_role(nlp):
    ms = by_text(mentions(nlp, "Mayor Bill de Blasio praised the New York police."))
    assert ms["the New York police"][0].country == "USA"


def test_subject_placed_by_its_phrase(nlp):
    ms = by_text(mentions(nlp, "In September, a car bomb in Kiev killed a former fighter."))
    assert ms["a car bomb"][0].country == "UKR", ms


@pytest.mark.parametrize("text, name, country", [
    ("Taliban spokesman Zabihullah Mujahid claimed the attack.", "Zabihullah Mujahid", "AFG"),
    ("ELN rebel commander Nicolas Rodriguez said talks would resume.", "Nicolas Rodriguez", "COL"),
])
def test_unlisted_person_speaks_for_the_organisation_of_the_title(nlp, text, name, country):
    ms = [m for m in mentions(nlp, text) if m.actor.name == name]
    assert ms and ms[0].actor.country == country
    assert len([m for m in mentions(nlp, text) if m.span[0] == 0]) == 1  # one mention for the titled name


@pytest.mark.parametrize("text, country", [
    ("ISWAP fighters attacked a base.", "NGA"),
    ("The Arakan Army seized the town.", "MMR"),
    ("Seleka rebels entered the capital.", "CAF"),
])
def test_armed_groups_with_a_home_country(nlp, text, country):
    ms = mentions(nlp, text)
    assert ms and ms[0].actor.country == country, [(m.text, m.actor.code) for m in ms]


@pytest.mark.parametrize("text, phrase, country", [
    ("Pro-Russian separatists in eastern Ukraine shelled the town.", "Pro-Russian separatists", "UKR"),
    ("Anti-American protesters gathered in Baghdad.", "Anti-American protesters", "IRQ"),
])
def test_a_stance_is_not_a_nationality(nlp, text, phrase, country):
    ms = by_text(mentions(nlp, text))
    assert ms[phrase][0].country == country, ms


@pytest.mark.parametrize("text, country, code", [
    ("Senate Democrats blocked the bill.", "USA", "USAPTY"),
    ("The Likud party won the election.", "ISR", "ISRPTY"),
    ("The ANC elected a new leader.", "ZAF", "ZAFPTY"),
    ("Fatah rejected the proposal.", "PSE", "PSEPTY"),
])
def test_political_parties(nlp, text, country, code):
    ms = mentions(nlp, text)
    assert ms and (ms[0].actor.country, ms[0].actor.code) == (country, code), [(m.text, m.actor.code) for m in ms]


def test_the_region_tagged_as_a_person_is_a_place(nlp):
    ms = by_text(mentions(nlp, "The Taliban claimed both the Farah and the Ghazni attacks."))
    assert ms["Farah"][0].country == "AFG", ms


def test_unknown_organisation_placed_by_its_sentence(nlp):
    ms = by_text(mentions(nlp, "The FLN has claimed responsibility for several attacks in Rwanda's Southern Province."))
    assert ms["FLN"][0].country == "RWA", ms


def test_a_named_community_stays_without_a_country(nlp):
    # Person coreference gives unnamed people the article's country; a community is no country's.
    text = "John Bolton met Israeli officials. Jewish leaders said they hoped Bolton would help."
    ms = by_text(mentions(nlp, text))
    assert ms["Jewish leaders"][0].country is None, ms
