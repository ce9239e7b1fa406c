"""Tests of the TIME stage (accord.time): TIMEX3 tagging and normalisation against the dateline."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from accord.model import Article, Document
from accord.time import TimeStage, governing_verb, span_tense
from accord.time import dates as D
from accord.time.grammar import get_grammar

D0 = "2026-02-04"  # a Wednesday (ISO week 2026-W06), the founding article's date
EXAMPLE = Path(__file__).resolve().parents[1] / "src/accord/resources/examples/xi-putin-video-call-2026-02-04.txt"


@pytest.fixture(scope="module")
def nlp():
    from accord.analysis import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def stage():
    return TimeStage()


def annotate(stage, nlp, text, dct):
    tagged = stage.annotate(nlp(text), text, dct, "t")
    for t in tagged:
        tx = t.timex
        assert text[tx.span[0] : tx.span[1]] == tx.text, tx
        assert tx.type in ("DATE", "TIME", "DURATION", "SET")
    return tagged


def find(tagged, text):
    hits = [t for t in tagged if t.timex.text == text]
    assert hits, f"no timex {text!r} among {[(t.timex.text, t.timex.value) for t in tagged]}"
    return hits[0]


# (sentence, dateline, expected timex text, expected value, expected type)
CASES = [
    # -- item 1: the founding article's expressions, in isolation
    ("They spoke via video call today.", D0, "today", "2026-02-04", "DATE"),
    ("Officials agreed ties could break new ground this year.", D0, "this year", "2026", "DATE"),
    ("Ties have deepened since Russia's 2022 Ukraine offensive.", D0, "2022", "2022", "DATE"),
    ("The two leaders last met in person in September.", D0, "September", "2025-09", "DATE"),
    ("Xi also visited Moscow last year, in May, for the celebrations.", D0, "last year", "2025", "DATE"),
    ("Xi also visited Moscow last year, in May, for the celebrations.", D0, "May", "2025-05", "DATE"),
    ("On Sunday, the foreign minister met with the security chief.", D0, "Sunday", "2026-02-01", "DATE"),
    ("Trump unveiled plans for a Board of Peace in January.", D0, "January", "2026-01", "DATE"),
    ("Negotiators met for talks on ending the almost four-year war.", D0, "almost four-year", "P4Y", "DURATION"),
    ("The call comes days after top officials agreed.", D0, "days", "PXD", "DURATION"),
    ("Xi has met various leaders in recent months.", D0, "recent months", "PAST_REF", "DATE"),
    ("Leaders have flocked to Beijing in recent weeks.", D0, "recent weeks", "PAST_REF", "DATE"),
    ("Since the beginning of the year, the situation has worsened.", D0, "the beginning of the year", "2026", "DATE"),
    # -- item 2: absolute dates
    ("The deal was signed on February 4, 2026.", D0, "February 4, 2026", "2026-02-04", "DATE"),
    ("The deal was signed on 4 February 2026.", D0, "4 February 2026", "2026-02-04", "DATE"),
    ("He arrived on 4 Feb and left the next day.", D0, "4 Feb", "2026-02-04", "DATE"),
    ("The report was published on Feb. 4.", D0, "Feb. 4", "2026-02-04", "DATE"),
    ("The report was published on Dec. 25.", D0, "Dec. 25", "2025-12-25", "DATE"),
    ("The order is dated 2026-02-04.", D0, "2026-02-04", "2026-02-04", "DATE"),
    ("The order is dated 2/4/2026.", D0, "2/4/2026", "2026-02-04", "DATE"),
    ("The war began in 2022.", D0, "2022", "2022", "DATE"),
    ("Violence peaked in the 1990s.", D0, "the 1990s", "199", "DATE"),
    ("Violence peaked in the '90s.", D0, "the '90s", "199", "DATE"),
    ("Prices soared in the early 1990s.", D0, "the early 1990s", "199", "DATE"),
    ("The ceasefire was agreed on Sunday, Feb. 1.", D0, "Sunday, Feb. 1", "2026-02-01", "DATE"),
    ("Elections were held in September 2025.", D0, "September 2025", "2025-09", "DATE"),
    ("Elections were held in May last year.", D0, "May last year", "2025-05", "DATE"),
    ("The treaty was signed on the fourth of March 1990.", D0, "the fourth of March 1990", "1990-03-04", "DATE"),
    # -- relative days
    ("Talks were held today.", D0, "today", "2026-02-04", "DATE"),
    ("Rebels attacked the town yesterday.", D0, "yesterday", "2026-02-03", "DATE"),
    ("The summit opens tomorrow.", D0, "tomorrow", "2026-02-05", "DATE"),
    ("He will address the nation tonight.", D0, "tonight", "2026-02-04TNI", "TIME"),
    ("Explosions were heard last night.", D0, "last night", "2026-02-03TNI", "TIME"),
    ("Protesters clashed with police last Friday.", D0, "last Friday", "2026-01-30", "DATE"),
    ("The envoy arrives next Friday.", D0, "next Friday", "2026-02-06", "DATE"),
    ("Ministers will meet next week.", D0, "next week", "2026-W07", "DATE"),
    ("The ministers met on Monday.", D0, "Monday", "2026-02-02", "DATE"),
    ("The ministers will meet on Monday.", D0, "Monday", "2026-02-09", "DATE"),
    ("The ministers are going to meet on Monday.", D0, "Monday", "2026-02-09", "DATE"),
    ("The protest took place on Wednesday.", D0, "Wednesday", "2026-02-04", "DATE"),
    ("The war began three years ago.", D0, "three years ago", "2023", "DATE"),
    ("The town fell two weeks ago.", D0, "two weeks ago", "2026-W04", "DATE"),
    ("The rebels withdrew a month ago.", D0, "a month ago", "2026-01", "DATE"),
    # -- months and seasons
    ("Elections were held in September.", D0, "September", "2025-09", "DATE"),
    ("Elections will be held in September.", D0, "September", "2026-09", "DATE"),
    ("Talks are due to begin in March.", D0, "March", "2026-03", "DATE"),
    ("The leaders last met in December.", D0, "December", "2025-12", "DATE"),
    ("The army is preparing an offensive this spring.", D0, "this spring", "2026-SP", "DATE"),
    ("Fighting intensified last summer.", D0, "last summer", "2025-SU", "DATE"),
    ("The dam was completed in the summer of 2019.", D0, "the summer of 2019", "2019-SU", "DATE"),
    ("Refugees crossed the border in winter.", D0, "winter", "2026-WI", "DATE"),
    ("The pact was signed last September.", D0, "last September", "2025-09", "DATE"),
    ("The vote is set for mid-September.", D0, "mid-September", "2026-09", "DATE"),
    # -- years
    ("Exports fell last year.", D0, "last year", "2025", "DATE"),
    ("Growth will recover next year.", D0, "next year", "2027", "DATE"),
    ("Inflation has eased this year.", D0, "this year", "2026", "DATE"),
    ("The plant closed in late 2024.", D0, "late 2024", "2024", "DATE"),
    ("Construction resumed in mid-2024.", D0, "mid-2024", "2024", "DATE"),
    ("The troops will leave by the end of 2026.", D0, "the end of 2026", "2026", "DATE"),
    ("The troops will leave early next year.", D0, "early next year", "2027", "DATE"),
    # -- weeks
    ("Shelling continued over the last week.", D0, "the last week", "2026-W05", "DATE"),
    ("Talks resumed this week.", D0, "this week", "2026-W06", "DATE"),
    ("The leaders will meet this weekend.", D0, "this weekend", "2026-W06-WE", "DATE"),
    # -- quarters, halves, decades, centuries
    ("Output rose in the first quarter.", D0, "the first quarter", "2026-Q1", "DATE"),
    ("Profits fell in the fourth quarter of 2025.", D0, "the fourth quarter of 2025", "2025-Q4", "DATE"),
    ("Output fell in the last quarter.", D0, "the last quarter", "2025-Q4", "DATE"),
    ("Q1 2026 revenue beat forecasts.", D0, "Q1 2026", "2026-Q1", "DATE"),
    ("Exports rose in the second half of 2025.", D0, "the second half of 2025", "2025-H2", "DATE"),
    ("Exports will rise in the first half of the year.", D0, "the first half of the year", "2026-H1", "DATE"),
    ("The empire collapsed in the 20th century.", D0, "the 20th century", "19", "DATE"),
    ("Such wars belong to the nineteenth century.", D0, "the nineteenth century", "18", "DATE"),
    ("Investment doubled in the 2020s.", D0, "the 2020s", "202", "DATE"),
    # -- "earlier this month" and friends
    ("The deal was signed earlier this month.", D0, "earlier this month", "2026-02", "DATE"),
    ("The law will take effect later this year.", D0, "later this year", "2026", "DATE"),
    ("The vote was postponed until the end of the month.", D0, "the end of the month", "2026-02", "DATE"),
    # -- holidays
    ("Prisoners were released at Christmas.", D0, "Christmas", "2025-12-25", "DATE"),
    ("Families will gather at Christmas.", D0, "Christmas", "2026-12-25", "DATE"),
    ("Fireworks lit the sky on New Year's Eve.", D0, "New Year's Eve", "2025-12-31", "DATE"),
    ("A truce was declared for Easter 2025.", D0, "Easter 2025", "2025-04-20", "DATE"),
    ("Veterans paraded on Victory Day last year.", D0, "Victory Day", "2025-05-09", "DATE"),
    ("Families will celebrate Thanksgiving.", D0, "Thanksgiving", "2026-11-26", "DATE"),
    # -- vague references
    ("The rebels recently seized the town.", D0, "recently", "PAST_REF", "DATE"),
    ("Such attacks were common in the past.", D0, "the past", "PAST_REF", "DATE"),
    ("Troops are now withdrawing.", D0, "now", "PRESENT_REF", "DATE"),
    ("The army currently controls the city.", D0, "currently", "PRESENT_REF", "DATE"),
    ("The city is calm at present.", D0, "present", "PRESENT_REF", "DATE"),
    ("Tensions will rise in the coming years.", D0, "the coming years", "FUTURE_REF", "DATE"),
    ("The region will need aid in the future.", D0, "the future", "FUTURE_REF", "DATE"),
    ("Such attacks happened years ago.", D0, "years ago", "PAST_REF", "DATE"),
    # -- times of day
    ("Protesters gathered on Tuesday morning.", D0, "Tuesday morning", "2026-02-03TMO", "TIME"),
    ("The ceasefire took effect at 3 pm local time.", D0, "3 pm local time", "2026-02-04T15:00", "TIME"),
    ("The ceasefire took effect at 3:30 p.m.", D0, "3:30 p.m.", "2026-02-04T15:30", "TIME"),
    ("The strike hit at 15:00 GMT.", D0, "15:00 GMT", "2026-02-04T15:00Z", "TIME"),
    ("The strike hit at 10am.", D0, "10am", "2026-02-04T10:00", "TIME"),
    ("The curfew begins at midnight.", D0, "midnight", "2026-02-04T24:00", "TIME"),
    ("Sirens sounded this morning.", D0, "this morning", "2026-02-04TMO", "TIME"),
    ("Shots were fired yesterday afternoon.", D0, "yesterday afternoon", "2026-02-03TAF", "TIME"),
    # -- durations
    ("The conflict has lasted a decade.", D0, "a decade", "P10Y", "DURATION"),
    ("The talks lasted three days.", D0, "three days", "P3D", "DURATION"),
    ("The siege lasted twenty-five days.", D0, "twenty-five days", "P25D", "DURATION"),
    ("They waited for hours.", D0, "hours", "PTXH", "DURATION"),
    ("The standoff went on for years.", D0, "years", "PXY", "DURATION"),
    ("He was held for 24 hours.", D0, "24 hours", "PT24H", "DURATION"),
    ("A 48-hour truce was agreed.", D0, "48-hour", "PT48H", "DURATION"),
    ("The blockade lasted several weeks.", D0, "several weeks", "PXW", "DURATION"),
    ("Prices rose over the past three years.", D0, "the past three years", "P3Y", "DURATION"),
    ("The mission lasted two and a half years.", D0, "two and a half years", "P30M", "DURATION"),
    ("The meeting lasted half an hour.", D0, "half an hour", "PT30M", "DURATION"),
    ("The trial may take more than two years.", D0, "more than two years", "P2Y", "DURATION"),
    ("Tensions have simmered for decades.", D0, "decades", "PXDE", "DURATION"),
    # -- sets
    ("The forum meets every year.", D0, "every year", "P1Y", "SET"),
    ("The council meets weekly.", D0, "weekly", "P1W", "SET"),
    ("Protesters rally each Monday.", D0, "each Monday", "XXXX-WXX-1", "SET"),
    ("Opposition supporters march on Sundays.", D0, "Sundays", "XXXX-WXX-7", "SET"),
    ("The bodies meet twice a year.", D0, "twice a year", "P1Y", "SET"),
    ("Elections take place every four years.", D0, "every four years", "P4Y", "SET"),
    ("Patrols are carried out daily.", D0, "daily", "P1D", "SET"),
    ("Shops stay closed until 8 a.m. Monday.", D0, "8 a.m. Monday", "2026-02-09T08:00", "TIME"),
    ("A two-week ceasefire expires at midnight on Sunday.", D0, "midnight on Sunday", "2026-02-08T24:00", "TIME"),
    ("The attack came at 3:15 in the afternoon.", D0, "3:15 in the afternoon", "2026-02-04T15:15", "TIME"),
    ("The strike hit this afternoon at 3:20.", D0, "3:20", "2026-02-04T15:20", "TIME"),
    ("Clashes broke out at around 0800 GMT.", D0, "0800 GMT", "2026-02-04T08:00Z", "TIME"),
    ("Over the weekend, protesters blocked roads.", D0, "the weekend", "2026-W05-WE", "DATE"),
    # -- more news forms
    ("The Oct. 7 attacks killed 1,200 people.", D0, "Oct. 7", "2025-10-07", "DATE"),
    ("Hamas attacked Israel on October 7, 2023.", D0, "October 7, 2023", "2023-10-07", "DATE"),
    ("The ceasefire will last until Feb. 15.", D0, "Feb. 15", "2026-02-15", "DATE"),
    ("The summit was held on Fri, Jul 18.", D0, "Fri, Jul 18", "2025-07-18", "DATE"),
    ("Trump said he would visit China in April.", D0, "April", "2026-04", "DATE"),
    ("The three-day summit opens in Brussels on Thursday.", D0, "Thursday", "2026-02-05", "DATE"),
    ("Between January and March, exports rose 5%.", D0, "March", "2025-03", "DATE"),
    ("The two sides met on the first of March.", D0, "the first of March", "2025-03-01", "DATE"),
    ("The pact collapsed in the early hours of Saturday.", D0, "Saturday", "2026-01-31", "DATE"),
    ("Sanctions imposed in 2022 and 2023 remain in place.", D0, "2023", "2023", "DATE"),
    ("The 2014 annexation of Crimea drew sanctions.", D0, "2014", "2014", "DATE"),
    ("Iran has enriched uranium since April 2021.", D0, "April 2021", "2021-04", "DATE"),
    ("He was sentenced to four-and-a-half years.", D0, "four-and-a-half years", "P54M", "DURATION"),
    ("The council has met twice since the summer.", D0, "the summer", "2025-SU", "DATE"),
    # -- tense from the governing verb, and from the noun a day name modifies
    ("The ringleader of Saturday's attack is reported to be a refugee.", D0, "Saturday", "2026-01-31", "DATE"),
    ("Three militants tried to plant a bomb on Friday night.", D0, "Friday night", "2026-01-30TNI", "TIME"),
    ("Lyon will host the 7 July final.", D0, "the 7 July", "2026-07-07", "DATE"),
    ("The suspect was seen heading to Lyon on Friday afternoon.", D0, "Friday afternoon", "2026-01-30TAF", "TIME"),
    ("Officials have said the talks could resume in March.", D0, "March", "2026-03", "DATE"),
    ("The talks had collapsed in March.", D0, "March", "2025-03", "DATE"),
    ("The government plans to hold elections in October.", D0, "October", "2026-10", "DATE"),
    # -- item 3: anchoring on an earlier expression
    ("In 2019, in March, the talks collapsed.", D0, "March", "2019-03", "DATE"),
    ("Last week, on Tuesday, rebels shelled the city.", D0, "Tuesday", "2026-01-27", "DATE"),
    # a month after a temporal word is a month, whoever the text names ("Theresa May ... in May")
    ("Theresa May resigned in May.", D0, "May", "2025-05", "DATE"),
    ("They met on Tuesday at 3 pm.", D0, "3 pm", "2026-02-03T15:00", "TIME"),
    # a perfect participle is past: not the coming Tuesday
    ("Having met the envoy on Tuesday, the minister flew home.", D0, "Tuesday", "2026-02-03", "DATE"),
    # the day before or after the day last mentioned (TimeML: a DATE anchored on it)
    ("Police arrested him on Monday and released him the next day.", D0, "the next day", "2026-02-03", "DATE"),
    ("Police arrested him on Monday. He was released two days later.", D0, "two days later", "2026-02-04", "DATE"),
    ("On Tuesday, the army said it had struck the camp a day earlier.", D0, "a day earlier", "2026-02-02", "DATE"),
    ("He said on Monday he had met the envoy the previous day.", D0, "the previous day", "2026-02-01", "DATE"),
    ("He was arrested on Monday; he had attacked a guard the day before.", D0, "the day before", "2026-02-01", "DATE"),
    # a past act's "same day" is not a day to come the text named in between (Wikinews C 151)
    ("On Monday, the ministry announced rules that take effect on March 10. The rules were sent to "
     "airlines later the same day.", D0, "later the same day", "2026-02-02", "DATE"),
    ("The vote is set for March 10. On that day, parliament will also elect a speaker.", D0, "that day",
     "2026-03-10", "DATE"),
    # -- no dateline: named periods stay underspecified, absolute dates stay absolute
    ("Elections were held in September.", None, "September", "XXXX-09", "DATE"),
    ("The ministers met on Sunday.", None, "Sunday", "XXXX-WXX-7", "DATE"),
    ("The deal was signed on February 4, 2026.", None, "February 4, 2026", "2026-02-04", "DATE"),
    ("Prisoners were released at Christmas.", None, "Christmas", "XXXX-12-25", "DATE"),
    ("Output rose in the first quarter.", None, "the first quarter", "XXXX-Q1", "DATE"),
    ("In 2019, in March, the talks collapsed.", None, "March", "2019-03", "DATE"),
    # -- a day and month a few weeks ahead in a past-tense clause is this year's (issue 12)
    ("The debate was scheduled for February 20.", D0, "February 20", "2026-02-20", "DATE"),
    ("He dropped out two weeks before the February 13 deadline.", D0, "February 13", "2026-02-13", "DATE"),
    ("He announced his resignation effective next Monday, February 9.", D0, "February 9", "2026-02-09", "DATE"),
    ("The ministers met on December 28.", "2026-01-05", "December 28", "2025-12-28", "DATE"),
    # -- a participle on a noun takes the tense of the noun's clause (issue 12)
    ("He was charged with murder pertaining to a shooting on Saturday.", D0, "Saturday", "2026-01-31", "DATE"),
    # -- another dateline: crossing a year boundary
    ("The ministers met on Friday.", "2026-01-01", "Friday", "2025-12-26", "DATE"),
    ("Ministers will meet next week.", "2025-12-30", "next week", "2026-W02", "DATE"),
    ("Talks resumed this week.", "2027-01-01", "this week", "2026-W53", "DATE"),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,dct,text,value,type_", CASES)
def test_case(stage, nlp, sentence, dct, text, value, type_):
    tagged = annotate(stage, nlp, sentence, dct)
    t = find(tagged, text).timex
    assert (t.value, t.type) == (value, type_), t


# (sentence, dateline, expected text, expected mod)
MODS = [
    ("Since the beginning of the year, the situation has worsened.", D0, "the beginning of the year", "START"),
    ("The plant closed in late 2024.", D0, "late 2024", "END"),
    ("Construction resumed in mid-2024.", D0, "mid-2024", "MID"),
    ("Negotiators met for talks on ending the almost four-year war.", D0, "almost four-year", "LESS_THAN"),
    ("The trial may take more than two years.", D0, "more than two years", "MORE_THAN"),
    ("The mission lasted about a year.", D0, "about a year", "APPROX"),
    ("The deal was signed earlier this month.", D0, "earlier this month", None),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,dct,text,mod", MODS)
def test_mod(stage, nlp, sentence, dct, text, mod):
    assert find(annotate(stage, nlp, sentence, dct), text).mod == mod


# Sentences with no time expression at all, or none covering a given word.
NEGATIVE = [
    ("The talks may resume soon.", "may"),
    ("May I ask you a question?", "May"),
    ("The Russian-Chinese partnership is exemplary.", "Russian-Chinese"),
    ("Children attend a sunday school.", "sunday"),
    ("Officials said 2000 troops were deployed.", "2000"),
    ("Prices rose 2025 percent.", "2025"),
    ("Thousands of people march to the capital.", "march"),
    ("The Arab Spring changed the region.", "Spring"),
    ("He read the China Daily report.", "Daily"),
    ("The first half of the match was dull.", "first half"),
    ("A quarter of the population fled.", "quarter"),
    ("He has been in office for a second term.", "second"),
    ("The 40-year-old man was arrested.", "40-year"),
    ("Police fired at 3 protesters.", "3"),
    ("Furious Theresa May gives Putin a deadline.", "May"),
    ("Prime Minister Theresa May's proposals were rejected.", "May"),
    # the surname of a person the text names in full, with no temporal word before it
    ("Theresa May resigned as prime minister. Johnson criticized May's Brexit deal.", "May's Brexit"),
    ("He praised some of the past African leaders.", "past"),
    ("The court lifted a centuries-old ban.", "centuries"),
    ("The authorities eased curfew hours.", "hours"),
    ("Shoppers flocked to Black Friday sales.", "Friday"),
    ("The Sunday Times reported the news on Monday.", "Sunday"),
    ("The Arab Spring began in 2011.", "Spring"),
    ("Saudi Arabia sent condolences following Wednesday's assault.", "following"),
    ("Children under-60s were vaccinated.", "60s"),
    ("Between 1500 and 2000 soldiers were deployed.", "2000"),
    # no day mentioned before: nothing to count from
    ("The next day, police arrested him.", "next day"),
    ("Two days later, police arrested him.", "later"),
    # the day before something else named: not the day last mentioned
    ("Police arrested him on Monday, the day before the vote.", "before"),
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,word", NEGATIVE)
def test_not_tagged(stage, nlp, sentence, word):
    a = sentence.index(word)
    b = a + len(word)
    for t in annotate(stage, nlp, sentence, D0):
        s, e = t.timex.span
        assert e <= a or s >= b, f"{word!r} tagged as {t.timex}"


# ---------------------------------------------------------------- the founding article


def load_example() -> tuple[str, str]:
    raw = EXAMPLE.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s", raw)
    assert m, "example lacks its date header"
    return raw[m.end() :], m.group(1)


@pytest.fixture(scope="module")
def founding(nlp):
    text, dct = load_example()
    document = Document(Article(id="xi-putin", text=text, date=dct))
    document.doc = nlp(text)
    TimeStage().process_document(document)
    return document


def _value_of(document, text, nth=0):
    hits = [t for t in document.timexes if t.text == text]
    assert len(hits) > nth, f"no timex {text!r}: {[(t.text, t.value) for t in document.timexes]}"
    return hits[nth]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,value,type_",
    [
        ("today", "2026-02-04", "DATE"),
        ("this year", "2026", "DATE"),
        ("2022", "2022", "DATE"),
        ("September", "2025-09", "DATE"),
        ("last year", "2025", "DATE"),
        ("May", "2025-05", "DATE"),
        ("Sunday", "2026-02-01", "DATE"),
        ("January", "2026-01", "DATE"),
        ("almost four-year", "P4Y", "DURATION"),
        ("days", "PXD", "DURATION"),
        ("recent months", "PAST_REF", "DATE"),
        ("recent weeks", "PAST_REF", "DATE"),
        ("the beginning of the year", "2026", "DATE"),
    ],
)
def test_founding_article_values(founding, text, value, type_):
    t = _value_of(founding, text)
    assert (t.value, t.type) == (value, type_)


@pytest.mark.slow
def test_founding_article_records(founding):
    text = founding.article.text
    sents = list(founding.doc.sents)
    assert founding.timexes, "nothing tagged"
    spans = [t.span for t in founding.timexes]
    assert spans == sorted(spans)
    for t in founding.timexes:
        assert t.article_id == "xi-putin"
        assert text[t.span[0] : t.span[1]] == t.text
        assert sents[t.sentence].start_char <= t.span[0] < sents[t.sentence].end_char
        assert t.rule
        rec = t.to_record()
        assert rec["kind"] == "timex" and rec["value"] == t.value
    texts = {t.text for t in founding.timexes}
    # nothing else in the article is a time expression worth a timex
    assert not any("Russian" in x or "Chinese" in x for x in texts)
    assert len(founding.timexes) == 13, [(t.text, t.value) for t in founding.timexes]


@pytest.mark.slow
def test_founding_article_modal_may_untagged(founding, nlp):
    # The article has no modal "may"; add one to the same article text and re-tag.
    text, dct = load_example()
    text2 = text + "\n\nThe two sides may meet again. They may sign a deal in May."
    document = Document(Article(id="x", text=text2, date=dct))
    document.doc = nlp(text2)
    TimeStage().process_document(document)
    for m in re.finditer(r"\bmay\b", text2):
        for t in document.timexes:
            assert t.span[1] <= m.start() or t.span[0] >= m.end(), t
    # ... while the month in the same sentence still is one (future: the coming May)
    assert [t.value for t in document.timexes if t.text == "May"][-1] == "2026-05"
    # in the original article every "May"/"may" that is tagged is the month
    for t in founding.timexes:
        if t.text.lower() == "may":
            assert t.text == "May" and t.value == "2025-05"


@pytest.mark.slow
def test_governing_verb(nlp):
    doc = nlp("On Sunday, China's foreign minister Wang Yi met with Russia's security chief.")
    verb = governing_verb(doc, 1, 2)
    assert verb is not None and verb.text == "met"
    assert span_tense(doc, 1, 2) == "PAST"
    doc = nlp("The ministers will meet on Monday.")
    assert span_tense(doc, 5, 6) == "FUTURE"


@pytest.mark.slow
def test_timex_verb(nlp, stage):
    from accord.time import timex_verb

    text = "US President Donald Trump unveiled plans for a Board of Peace in January, which has sparked concerns."
    doc = nlp(text)
    (t,) = stage.tag(doc, text, D0)
    assert t.text == "January" and timex_verb(doc, t).text == "unveiled"


def test_blank_pipeline_without_parser():
    """Without tagger or parser: no tense, no sentences, but the patterns still work."""
    import spacy

    text = "Talks were held on Sunday, February 1, 2026 and last year in May. The talks may resume."
    tags = TimeStage().tag(spacy.blank("en")(text), text, D0)
    assert [(t.text, t.value, t.sentence) for t in tags] == [
        ("Sunday, February 1, 2026", "2026-02-01", 0),
        ("last year", "2025", 0),
        ("May", "2025-05", 0),
    ]


def test_doc_text_mismatch_is_an_error():
    import spacy

    with pytest.raises(ValueError):
        TimeStage().tag(spacy.blank("en")("On Sunday they met."), "On Sunday they met!!", D0)


@pytest.mark.slow
def test_tag_text_and_stage_agree(nlp):
    from accord.time import tag_text

    text = "Rebels attacked the town yesterday and will return next week."
    a = [(t.text, t.value) for t in tag_text(text, D0, nlp)]
    assert a == [("yesterday", "2026-02-03"), ("next week", "2026-W07")]


@pytest.mark.slow
def test_no_dateline_drops_deictic(stage, nlp):
    tagged = annotate(stage, nlp, "Talks were held today and will resume next week.", None)
    assert tagged == []


# ---------------------------------------------------------------- pure calendar and resources


def test_calendar_helpers():
    assert D.easter(2025) == date(2025, 4, 20)
    assert D.easter(2026) == date(2026, 4, 5)
    assert D.nth_weekday(2026, 11, 4, 4) == date(2026, 11, 26)  # Thanksgiving
    assert D.nth_weekday(2026, 5, 1, -1) == date(2026, 5, 25)  # Memorial Day
    assert D.fmt_week(date(2026, 2, 4)) == "2026-W06"
    assert D.fmt_duration(1, "DE") == "P10Y"
    assert D.fmt_duration("X", "DE") == "PXDE"
    assert D.fmt_duration(1.5, "Y") == "P18M"
    assert D.fmt_duration(0.5, "H") == "PT30M"
    assert D.fmt_duration(3, "MIN") == "PT3M"
    assert D.value_at(date(2026, 2, 4), "Q") == "2026-Q1"
    assert D.add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert D.parse_dct("2026-02-04") == date(2026, 2, 4)
    assert D.parse_dct("garbage") is None


def test_grammar_compiles():
    g = get_grammar("en")
    assert len(g.rules) > 40
    assert len(g.patterns) > len(g.rules)
    names = [r.name for r in g.rules]
    assert len(names) == len(set(names)), "rule names must be unique"
    # every rule's normaliser exists
    from accord.time.normalize import NORMALIZERS

    assert all(r.fn in NORMALIZERS or r.fn == "block" for r in g.rules)
    assert "september" in g.first_words and "2" in g.first_chars


def test_a_timex_carries_the_days_it_allows(stage, nlp) -> None:
    """`Timex.range` (internal, never in the record): the days an act told with the expression
    may have happened on. "Last week" in an article of Monday 21 January 2019 is the week of
    14-20 January (the record can say only "2019-01"); "this month" and "earlier this year",
    told in the past, end at the dateline; told in the future, "this month" starts there; a day
    is itself; a duration has none."""
    dct = "2019-01-21"  # a Monday
    tagged = annotate(stage, nlp, "Last week, Taliban fighters set off a car bomb in Kabul.", dct)
    week = find(tagged, "Last week").timex
    assert week.value == "2019-W03" and week.range == ("2019-01-14", "2019-01-20")
    assert "range" not in week.to_record()
    tagged = annotate(stage, nlp, "Officials met twice this month and earlier this year they "
                      "signed a deal.", dct)
    assert find(tagged, "this month").timex.range == ("2019-01-01", "2019-01-21")
    assert find(tagged, "earlier this year").timex.range == ("2019-01-01", "2019-01-21")
    tagged = annotate(stage, nlp, "The ministers will meet again this month.", dct)
    assert find(tagged, "this month").timex.range == ("2019-01-21", "2019-01-31")
    tagged = annotate(stage, nlp, "The talks lasted three days and ended on Friday.", dct)
    assert find(tagged, "Friday").timex.range == ("2019-01-18", "2019-01-18")
    assert find(tagged, "three days").timex.range is None
    assert D.value_period("2019-W05") == (date(2019, 1, 28), date(2019, 2, 3))
    assert D.value_period("2019-W05-WE") == (date(2019, 2, 2), date(2019, 2, 3))
    assert D.value_period("2019-Q2") == (date(2019, 4, 1), date(2019, 6, 30))
    assert D.value_period("2019-WI") == (date(2019, 12, 1), date(2020, 2, 29))
    assert D.value_period("2019-02-03T10:00") == (date(2019, 2, 3), date(2019, 2, 3))
    assert D.value_period("PXY") is None and D.value_period("XXXX-09") is None
