"""Dated office changes, asserted through `accord actors resolve`'s Python API
(`accord.actors.lookup.resolve_text`): the day before a change the role phrase names the
predecessor, on the day of the change the successor. Heads of state and government, foreign and
defence ministers and security chiefs of the G20 and of the Security Council's members, and the
heads of the large international organisations (issue 12, point 6). Dates from the public record
of the offices (resources/actors/people.yaml, SOURCES.md)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from accord.actors.lookup import resolve_text

# (role phrase, the day the successor took office, predecessor, successor)
CHANGES = [
    # United States
    ("the US president", "2009-01-20", "George W. Bush", "Barack Obama"),
    ("the US president", "2017-01-20", "Barack Obama", "Donald Trump"),
    ("the US president", "2021-01-20", "Donald Trump", "Joe Biden"),
    ("the US president", "2025-01-20", "Joe Biden", "Donald Trump"),
    ("the US secretary of state", "2005-01-26", "Colin Powell", "Condoleezza Rice"),
    ("the US secretary of state", "2013-02-01", "Hillary Clinton", "John Kerry"),
    ("the U.S. secretary of state", "2018-04-26", "John J. Sullivan", "Mike Pompeo"),
    ("the US secretary of defense", "2006-12-18", "Donald Rumsfeld", "Robert Gates"),
    ("the US secretary of defense", "2011-07-01", "Robert Gates", "Leon Panetta"),
    ("the US secretary of defense", "2013-02-27", "Leon Panetta", "Chuck Hagel"),
    ("the US secretary of defense", "2015-02-17", "Chuck Hagel", "Ash Carter"),
    ("the US defense secretary", "2017-01-20", "Ash Carter", "Jim Mattis"),
    ("the US national security adviser", "2013-07-01", "Tom Donilon", "Susan Rice"),
    ("the US national security adviser", "2018-04-09", "H. R. McMaster", "John Bolton"),
    ("the US national security adviser", "2025-05-01", "Mike Waltz", "Marco Rubio"),
    # United Kingdom
    ("the British prime minister", "2007-06-27", "Tony Blair", "Gordon Brown"),
    ("the British prime minister", "2016-07-13", "David Cameron", "Theresa May"),
    ("the British prime minister", "2019-07-24", "Theresa May", "Boris Johnson"),
    ("the British prime minister", "2022-09-06", "Boris Johnson", "Liz Truss"),
    ("the British prime minister", "2022-10-25", "Liz Truss", "Rishi Sunak"),
    ("the British prime minister", "2024-07-05", "Rishi Sunak", "Keir Starmer"),
    ("the British foreign secretary", "2016-07-13", "Philip Hammond", "Boris Johnson"),
    ("the British foreign secretary", "2023-11-13", "James Cleverly", "David Cameron"),
    ("the British foreign secretary", "2024-07-05", "David Cameron", "David Lammy"),
    ("the British foreign secretary", "2025-09-05", "David Lammy", "Yvette Cooper"),
    ("the British defence secretary", "2019-07-24", "Penny Mordaunt", "Ben Wallace"),
    ("the British defence secretary", "2023-08-31", "Ben Wallace", "Grant Shapps"),
    ("the British defence secretary", "2024-07-05", "Grant Shapps", "John Healey"),
    ("the British monarch", "2022-09-08", "Queen Elizabeth II", "King Charles III"),
    # France
    ("the French president", "2007-05-16", "Jacques Chirac", "Nicolas Sarkozy"),
    ("the French president", "2012-05-15", "Nicolas Sarkozy", "François Hollande"),
    ("the French president", "2017-05-14", "François Hollande", "Emmanuel Macron"),
    ("the French prime minister", "2024-01-09", "Élisabeth Borne", "Gabriel Attal"),
    ("the French prime minister", "2024-09-05", "Gabriel Attal", "Michel Barnier"),
    ("the French prime minister", "2024-12-13", "Michel Barnier", "François Bayrou"),
    ("the French prime minister", "2025-09-09", "François Bayrou", "Sébastien Lecornu"),
    ("the French foreign minister", "2024-01-11", "Catherine Colonna", "Stéphane Séjourné"),
    ("the French foreign minister", "2024-09-21", "Stéphane Séjourné", "Jean-Noël Barrot"),
    ("the French defence minister", "2025-10-12", "Sébastien Lecornu", "Catherine Vautrin"),
    # Germany
    ("the German chancellor", "2005-11-22", "Gerhard Schröder", "Angela Merkel"),
    ("the German chancellor", "2021-12-08", "Angela Merkel", "Olaf Scholz"),
    ("the German chancellor", "2025-05-06", "Olaf Scholz", "Friedrich Merz"),
    ("the German foreign minister", "2021-12-08", "Heiko Maas", "Annalena Baerbock"),
    ("the German foreign minister", "2025-05-06", "Annalena Baerbock", "Johann Wadephul"),
    ("the German defence minister", "2023-01-19", "Christine Lambrecht", "Boris Pistorius"),
    # Russia
    ("the Russian president", "2008-05-07", "Vladimir Putin", "Dmitry Medvedev"),
    ("the Russian president", "2012-05-07", "Dmitry Medvedev", "Vladimir Putin"),
    ("the Russian prime minister", "2020-01-16", "Dmitry Medvedev", "Mikhail Mishustin"),
    ("the Russian defence minister", "2012-11-06", "Anatoly Serdyukov", "Sergei Shoigu"),
    ("Russia's security council secretary", "2024-05-12", "Nikolai Patrushev", "Sergei Shoigu"),
    # China
    ("the Chinese president", "2003-03-15", "Jiang Zemin", "Hu Jintao"),
    ("the Chinese president", "2013-03-14", "Hu Jintao", "Xi Jinping"),
    ("the Chinese premier", "2013-03-15", "Wen Jiabao", "Li Keqiang"),
    ("the Chinese premier", "2023-03-11", "Li Keqiang", "Li Qiang"),
    ("the Chinese foreign minister", "2022-12-30", "Wang Yi", "Qin Gang"),
    ("the Chinese foreign minister", "2023-07-25", "Qin Gang", "Wang Yi"),
    # other G20 members
    ("the Japanese prime minister", "2020-09-16", "Shinzo Abe", "Yoshihide Suga"),
    ("the Japanese prime minister", "2021-10-04", "Yoshihide Suga", "Fumio Kishida"),
    ("the Japanese prime minister", "2024-10-01", "Fumio Kishida", "Shigeru Ishiba"),
    ("the Japanese prime minister", "2025-10-21", "Shigeru Ishiba", "Sanae Takaichi"),
    ("the Japanese foreign minister", "2025-10-21", "Takeshi Iwaya", "Toshimitsu Motegi"),
    ("the Indian prime minister", "2014-05-26", "Manmohan Singh", "Narendra Modi"),
    ("the Indian president", "2022-07-25", "Ram Nath Kovind", "Droupadi Murmu"),
    ("the Canadian prime minister", "2015-11-04", "Stephen Harper", "Justin Trudeau"),
    ("the Canadian prime minister", "2025-03-14", "Justin Trudeau", "Mark Carney"),
    ("the Canadian foreign minister", "2025-05-13", "Mélanie Joly", "Anita Anand"),
    ("the Australian prime minister", "2018-08-24", "Malcolm Turnbull", "Scott Morrison"),
    ("the Australian prime minister", "2022-05-23", "Scott Morrison", "Anthony Albanese"),
    ("the Brazilian president", "2019-01-01", "Michel Temer", "Jair Bolsonaro"),
    ("the Brazilian president", "2023-01-01", "Jair Bolsonaro", "Luiz Inácio Lula da Silva"),
    ("the Argentine president", "2019-12-10", "Mauricio Macri", "Alberto Fernández"),
    ("the Argentine president", "2023-12-10", "Alberto Fernández", "Javier Milei"),
    ("the Argentine foreign minister", "2024-10-30", "Diana Mondino", "Gerardo Werthein"),
    ("the Mexican president", "2018-12-01", "Enrique Peña Nieto", "Andrés Manuel López Obrador"),
    ("the Mexican president", "2024-10-01", "Andrés Manuel López Obrador", "Claudia Sheinbaum"),
    ("the South Korean president", "2022-05-10", "Moon Jae-in", "Yoon Suk Yeol"),
    ("the Indonesian president", "2024-10-20", "Joko Widodo", "Prabowo Subianto"),
    ("the Turkish foreign minister", "2023-06-03", "Mevlüt Çavuşoğlu", "Hakan Fidan"),
    ("the Saudi foreign minister", "2019-10-23", "Ibrahim al-Assaf", "Faisal bin Farhan"),
    ("the Saudi king", "2015-01-23", "King Abdullah", "King Salman"),
    ("the South African foreign minister", "2024-07-03", "Naledi Pandor", "Ronald Lamola"),
    ("the Italian prime minister", "2021-02-13", "Giuseppe Conte", "Mario Draghi"),
    ("the Italian prime minister", "2022-10-22", "Mario Draghi", "Giorgia Meloni"),
    # Iran: the president is not the head of state
    ("the Iranian president", "2013-08-03", "Mahmoud Ahmadinejad", "Hassan Rouhani"),
    ("the Iranian president", "2021-08-03", "Hassan Rouhani", "Ebrahim Raisi"),
    ("the president of Iran", "2024-07-28", "Mohammad Mokhber", "Masoud Pezeshkian"),
    ("the Iranian foreign minister", "2024-08-21", "Ali Bagheri Kani", "Abbas Araghchi"),
    # elected members of the Security Council
    ("the Algerian president", "2019-12-19", "Abdelkader Bensalah", "Abdelmadjid Tebboune"),
    ("the Danish prime minister", "2019-06-27", "Lars Løkke Rasmussen", "Mette Frederiksen"),
    ("the Danish head of state", "2024-01-14", "Queen Margrethe II", "King Frederik X"),
    ("the Greek president", "2025-03-13", "Katerina Sakellaropoulou", "Konstantinos Tasoulas"),
    ("the Greek prime minister", "2023-06-26", "Ioannis Sarmas", "Kyriakos Mitsotakis"),
    ("the Slovenian president", "2022-12-23", "Borut Pahor", "Nataša Pirc Musar"),
    ("the Latvian president", "2023-07-08", "Egils Levits", "Edgars Rinkēvičs"),
    ("the Liberian president", "2024-01-22", "George Weah", "Joseph Boakai"),
    ("the Colombian president", "2022-08-07", "Iván Duque", "Gustavo Petro"),
    ("the Congolese president", "2019-01-24", "Joseph Kabila", "Félix Tshisekedi"),
    ("the Panamanian president", "2024-07-01", "Laurentino Cortizo", "José Raúl Mulino"),
    ("the Somali president", "2022-05-23", "Mohamed Abdullahi Mohamed", "Hassan Sheikh Mohamud"),
    ("the Bahraini prime minister", "2020-11-11", "Khalifa bin Salman Al Khalifa", "Salman bin Hamad Al Khalifa"),
    ("the Guyanese president", "2020-08-02", "David Granger", "Irfaan Ali"),
    ("the Pakistani prime minister", "2024-03-04", "Anwaar-ul-Haq Kakar", "Shehbaz Sharif"),
    # international organisations: the head by role phrase is the person in office
    ("the UN secretary-general", "2007-01-01", "Kofi Annan", "Ban Ki-moon"),
    ("the UN secretary-general", "2017-01-01", "Ban Ki-moon", "António Guterres"),
    ("NATO's secretary general", "2014-10-01", "Anders Fogh Rasmussen", "Jens Stoltenberg"),
    ("NATO's secretary general", "2024-10-01", "Jens Stoltenberg", "Mark Rutte"),
    ("the European Commission president", "2014-11-01", "José Manuel Barroso", "Jean-Claude Juncker"),
    ("the European Commission president", "2019-12-01", "Jean-Claude Juncker", "Ursula von der Leyen"),
    ("the European Council president", "2014-12-01", "Herman Van Rompuy", "Donald Tusk"),
    ("the European Council president", "2019-12-01", "Donald Tusk", "Charles Michel"),
    ("the European Council president", "2024-12-01", "Charles Michel", "António Costa"),
    ("the EU foreign policy chief", "2019-12-01", "Federica Mogherini", "Josep Borrell"),
    ("the EU foreign policy chief", "2024-12-01", "Josep Borrell", "Kaja Kallas"),
    ("the ECB president", "2011-11-01", "Jean-Claude Trichet", "Mario Draghi"),
    ("the ECB president", "2019-11-01", "Mario Draghi", "Christine Lagarde"),
    ("the IMF managing director", "2007-11-01", "Rodrigo Rato", "Dominique Strauss-Kahn"),
    ("the World Bank president", "2023-06-02", "David Malpass", "Ajay Banga"),
    ("the WHO director-general", "2017-07-01", "Margaret Chan", "Tedros Adhanom Ghebreyesus"),
    ("the WTO director-general", "2013-09-01", "Pascal Lamy", "Roberto Azevêdo"),
    ("the IAEA chief", "2009-12-01", "Mohamed ElBaradei", "Yukiya Amano"),
    ("the African Union Commission chairperson", "2017-03-14", "Nkosazana Dlamini-Zuma", "Moussa Faki Mahamat"),
    ("the African Union Commission chairperson", "2025-03-13", "Moussa Faki Mahamat", "Mahmoud Ali Youssouf"),
    ("the ASEAN secretary-general", "2018-01-01", "Le Luong Minh", "Lim Jock Hoi"),
    ("the ASEAN secretary-general", "2023-01-01", "Lim Jock Hoi", "Kao Kim Hourn"),
    ("the OPEC secretary general", "2016-08-01", "Abdalla Salem el-Badri", "Mohammad Barkindo"),
    ("the UNHCR chief", "2016-01-01", "António Guterres", "Filippo Grandi"),
    ("the ICC prosecutor", "2012-06-16", "Luis Moreno Ocampo", "Fatou Bensouda"),
    ("the ICC prosecutor", "2021-06-16", "Fatou Bensouda", "Karim Khan"),
    ("the OAS secretary general", "2015-05-26", "José Miguel Insulza", "Luis Almagro"),
    ("the Council of Europe secretary general", "2019-09-18", "Thorbjørn Jagland", "Marija Pejčinović Burić"),
]


@lru_cache(maxsize=1)
def _stage():
    from accord.actors import ActorStage

    return ActorStage()


def _name(nlp, phrase: str, day: dt.date) -> str | None:
    return resolve_text(phrase, day, stage=_stage(), nlp=nlp).name


def test_there_are_at_least_80_changes():
    assert len(CHANGES) >= 80
    assert len({(p, d) for p, d, _, _ in CHANGES}) == len(CHANGES)


@pytest.mark.parametrize("phrase, day, before, after", CHANGES, ids=[f"{p}@{d}" for p, d, _, _ in CHANGES])
def test_office_change(nlp, phrase, day, before, after):
    on = dt.date.fromisoformat(day)
    assert _name(nlp, phrase, on - dt.timedelta(days=1)) == before
    assert _name(nlp, phrase, on) == after


def test_the_resolution_is_the_person_in_office_not_the_organisation(nlp):
    r = resolve_text("NATO's secretary general", "2019-06-01", stage=_stage(), nlp=nlp)
    assert (r.name, r.how, r.code, r.country) == ("Jens Stoltenberg", "role", "IGOWSTNAT", None)
    assert r.office is not None and r.office.role == "secretary_general"
    r = resolve_text("the UN chief", "2020-05-01", stage=_stage(), nlp=nlp)
    assert r.name == "António Guterres"


def test_iran_president_and_supreme_leader(nlp):
    on = "2025-06-01"
    assert _name(nlp, "the Iranian president", dt.date.fromisoformat(on)) == "Masoud Pezeshkian"
    assert _name(nlp, "Iran's supreme leader", dt.date.fromisoformat(on)) == "Ali Khamenei"
    assert _name(nlp, "the Iranian leader", dt.date.fromisoformat(on)) == "Ali Khamenei"


@pytest.mark.parametrize("phrase, name", [
    ("the minister of foreign affairs of Brazil", "Mauro Vieira"),
    ("India's minister of external affairs", "S. Jaishankar"),
    ("Saudi Arabia's minister of foreign affairs", "Faisal bin Farhan"),
    ("the U.S. secretary of defense", "Pete Hegseth"),
    ("the president of the European Commission", "Ursula von der Leyen"),
])
def test_multiword_offices_with_of(nlp, phrase, name):
    assert _name(nlp, phrase, dt.date(2025, 6, 1)) == name


@pytest.mark.parametrize("phrase", [
    "the former US president", "the late Saudi king", "the U.S. deputy secretary of state",
    "NATO's deputy secretary general", "a US envoy", "the UN human rights chief",
])
def test_no_holder_for_other_offices(nlp, phrase):
    """Not the current holder of the office the phrase names: a former or deputy office holder,
    some envoy, a UN official who is not the Secretary-General."""
    r = resolve_text(phrase, "2025-06-01", stage=_stage(), nlp=nlp)
    assert r.mention is not None and r.name not in ("Donald Trump", "King Salman", "Marco Rubio", "Mark Rutte",
                                                    "António Guterres")


@pytest.mark.parametrize("text, on, code", [
    ("King Maha Vajiralongkorn", "2020-03-01", "THAGOV"),  # king since 2016-10-13
    ("Vajiralongkorn", "2016-10-13", "THAGOV"),  # the first day of his reign
    ("Vajiralongkorn", "2016-10-12", "THAELI"),  # the day before: crown prince, no office
])
def test_a_monarch_named_is_head_of_state_in_his_reign_only(nlp, text, on, code):
    r = resolve_text(text, on, stage=_stage(), nlp=nlp)
    assert r.mention is not None and r.mention.actor.key == "person:maha-vajiralongkorn"
    assert r.mention.actor.code == code
