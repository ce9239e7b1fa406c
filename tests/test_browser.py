"""The dashboard in real headless Chromium (Debian's `chromium`, driven by Playwright) against a
real `accord serve` on 127.0.0.1, over a store of real articles (tests/desk_corpus.py).

Without a browser these tests skip with the reason; with `CI` set they fail instead. Each test
keeps a screenshot in var/test-output/screenshots/ (or $ACCORD_TEST_OUTPUT/screenshots/).
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from desk_corpus import HOSTILE_ID, HOSTILE_TEXT, HOSTILE_TITLE
from helpers import accord_serve
from test_api_ids import ODD_IDS, odd_store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get("ACCORD_TEST_OUTPUT", REPO / "var" / "test-output")) / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]


# The text of an element as the reader reads it, without the code labels marks carry.
WITHOUT_LABELS = ("e => { const c = e.cloneNode(true); "
                  "c.querySelectorAll('.label').forEach(l => l.remove()); return c.textContent; }")


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run; .ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        _unavailable("no chromium on PATH (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(desk_db, tmp_path_factory):
    """`accord serve` in its own process, read-only on the test store."""
    try:
        with accord_serve(desk_db, tmp_path_factory.mktemp("serve") / "serve.log") as base:
            yield base
    except RuntimeError as exc:
        pytest.fail(str(exc))


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture
def page(browser, server, request):
    yield from _page(browser, server, request)


def _page(browser, server, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    # Nothing is fetched from anywhere but the server itself (scripts, styles, shapes, data).
    pg.on("request", lambda r: None if r.url.startswith((server + "/", "data:", "about:"))
          else errors.append(f"request elsewhere: {r.url}"))
    pg.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    pg.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    yield pg
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], errors  # no script errors, nothing refused (nothing remote either)


def test_overview_shows_what_the_store_holds(server, page) -> None:
    summary = api(server, "/api/summary")
    page.goto(server + "/")
    page.wait_for_selector("[data-testid=top-dyads]")
    for key in ("articles", "happenings", "reports", "quotes"):
        assert page.text_content(f"[data-testid=count-{key}] .value") == str(summary[key])
    dyads = page.locator("[data-testid=top-dyads] [data-testid=dyad]")
    first = api(server, "/api/dyads?limit=10")["items"][0]
    assert dyads.count() >= 3 and dyads.first.locator("a").text_content() == f"{first['a']} – {first['b']}"
    # Dates as they were dated: the founding article's "2022 offensive" is a year, shown as
    # "2022", never as 2022-01-01 (the first day of its period).
    shown = {row.locator("a").text_content(): row.locator("td").last.text_content()
             for row in dyads.all()}
    listed = api(server, "/api/dyads?limit=10")["items"]
    assert shown == {f"{d['a']} – {d['b']}": f"{d['first'] or '—'} … {d['last'] or '—'}" for d in listed}
    assert shown["RUS – UKR"].endswith(" … 2022") and not any("2022-01-01" in v for v in shown.values())
    assert page.text_content("p.meta") == f"Events dated from {summary['first_date']} to {summary['last_date']}."
    recent = page.locator("[data-testid=recent] [data-testid=happening]")
    assert recent.count() == 10
    assert recent.first.locator("td.date").text_content() == api(server, "/api/events?sort=-date&limit=1")["items"][0]["date"]


def test_from_a_dyads_spike_to_the_evidence_sentence(server, page) -> None:
    timeline = api(server, "/api/dyads/CHN/RUS/timeline?interval=month")
    spike = max(timeline["periods"], key=lambda p: p["total"]["events"])
    page.goto(server + "/dyad?a=CHN&b=RUS&interval=month")
    page.wait_for_selector("[data-testid=timeline] svg g.period")
    bars = page.locator("[data-testid=timeline] g.period")
    assert bars.count() == len(timeline["periods"])
    heights = {bars.nth(i).get_attribute("data-period"): int(bars.nth(i).get_attribute("data-events"))
               for i in range(bars.count())}
    assert heights == {p["period"]: p["total"]["events"] for p in timeline["periods"]}
    # Click the spike: its happenings are listed.
    page.locator(f"[data-testid='period-{spike['period']}'] rect.bar").first.click()
    heading = page.locator("[data-testid=period-happenings] h2")
    heading.filter(has_text=f"{spike['period']}: {spike['total']['events']} happening").wait_for()
    rows = page.locator("[data-testid=period-table] [data-testid=happening]")
    assert rows.count() == spike["total"]["events"]
    # Click a happening: its evidence sentence, with the trigger marked.
    rows.first.click()
    evidence = page.locator("[data-testid=period-table] [data-testid=report] blockquote.evidence").first
    evidence.wait_for()
    hid = rows.first.get_attribute("data-id")
    report = api(server, f"/api/events/{hid}")["evidence"][0]
    assert evidence.evaluate(WITHOUT_LABELS) == report["evidence"].strip()
    trigger = evidence.locator("mark.trigger")
    assert trigger.count() == 1 and trigger.evaluate("m => m.firstChild.textContent") == report["trigger"]["text"]
    # The source and the target are marked too, wherever they stand in the sentence.
    start, length = report["evidence_start"], len(report["evidence"].strip())
    for role in ("source", "target"):
        actor = report[role]
        inside = bool(actor and actor.get("span") and start <= actor["span"][0]
                      and actor["span"][1] - start <= length)
        marked = evidence.locator(f"mark.{role}")
        assert (marked.count() > 0) == inside, role
        if inside:
            assert "".join(marked.evaluate_all(f"ms => ms.map({WITHOUT_LABELS})")) == actor["text"]


def test_happenings_table_filters_and_opens_reports(server, page) -> None:
    total = api(server, "/api/events?actor=Putin&limit=1")["total"]
    page.goto(server + "/events")
    page.wait_for_selector("[data-testid=results] table")
    page.fill("input[name=actor]", "Putin")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**actor=Putin**")
    page.wait_for_selector("[data-testid=results] table")
    assert page.text_content("[data-testid=page-count]").endswith(f"of {total}")
    rows = page.locator("[data-testid=happening]")
    assert rows.count() == min(total, 50)
    for i in range(rows.count()):
        assert "Putin" in rows.nth(i).text_content()
    rows.first.click()
    page.wait_for_selector("[data-testid=reports] [data-testid=report]")
    cite = page.locator("[data-testid=report] .cite a").first
    assert cite.get_attribute("href").startswith("/articles/")


def test_article_page_marks_every_kind_of_span(server, page) -> None:
    data = api(server, "/api/articles/xi-putin-video-call-2026-02-04")
    page.goto(server + "/articles/xi-putin-video-call-2026-02-04")
    page.wait_for_selector("[data-testid=article-text]")
    text = page.locator("[data-testid=article-text]")
    for kind in ("actor", "trigger", "timex", "quote"):
        assert text.locator(f"mark.{kind}").count() > 0, kind
    # The text shown is the article's text (labels aside), character for character.
    shown = text.evaluate(WITHOUT_LABELS)
    assert shown == data["article"]["text"]
    assert page.locator("[data-testid=article-event]").count() == len(data["events"])


def test_network_map_and_quotes(server, page) -> None:
    page.goto(server + "/network?level=country")
    page.wait_for_selector("[data-testid=network] svg")
    net = api(server, "/api/network?level=country&limit=120")
    assert page.locator("[data-testid=node]").count() == len(net["nodes"])
    assert page.locator("[data-testid=tie]").count() == min(30, len(net["edges"]))
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "network.png"))

    page.goto(server + "/map")
    page.wait_for_selector("[data-testid=map] svg path.country")
    countries = api(server, "/api/map")["items"]
    assert page.locator("path.country").count() > 150  # the world's shapes, from the vendored atlas
    for c in countries:
        if c["numeric"]:
            assert page.locator(f"[data-testid=country-{c['country']}]").count() >= 1
    assert page.locator("[data-testid=map-row]").count() == len(countries)
    page.screenshot(path=str(SHOTS / "map.png"))

    page.goto(server + "/quotes?speaker=Putin")
    page.wait_for_selector("[data-testid=quote]")
    total = api(server, "/api/quotes?speaker=Putin&limit=1")["total"]
    assert page.locator("[data-testid=quote]").count() == min(total, 50) > 0
    for caption in page.locator("[data-testid=quote] figcaption").all_text_contents():
        assert "Putin" in caption


def test_markup_in_an_article_is_shown_as_text(server, page) -> None:
    page.goto(server + f"/articles/{HOSTILE_ID}")
    page.wait_for_selector("[data-testid=article-text]")
    assert page.text_content("[data-testid=article-title]") == HOSTILE_TITLE
    assert page.title() == f"Accord · {HOSTILE_TITLE}"
    shown = page.locator("[data-testid=article-text]").evaluate(WITHOUT_LABELS)
    assert shown == HOSTILE_TEXT
    assert page.locator("main script, main img").count() == 0
    assert page.evaluate("() => window.__accord_xss") is None
    # Where the same article's records are listed, its markup is text there too.
    page.goto(server + "/articles?q=Moscow+Talks")
    page.wait_for_selector("[data-testid=article-row]")
    assert HOSTILE_TITLE in page.text_content("[data-testid=articles]")
    page.goto(server + "/events?q=Donetsk")
    page.wait_for_selector("[data-testid=results] table")
    for row in page.locator("[data-testid=happening]").all():
        row.click()
    page.wait_for_timeout(500)
    assert page.locator("main script, main img").count() == 0
    assert page.evaluate("() => window.__accord_xss") is None


@pytest.fixture(scope="module")
def odd_server(tmp_path_factory):
    """`accord serve` over a store whose article ids hold "#", "?", "%", "/" and spaces
    (tests/test_api_ids.py)."""
    db = odd_store(tmp_path_factory.mktemp("odd-ids") / "accord.duckdb")
    try:
        with accord_serve(db, tmp_path_factory.mktemp("serve") / "serve.log") as base:
            yield base
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture
def odd_page(browser, odd_server, request):
    yield from _page(browser, odd_server, request)


def test_links_to_articles_with_odd_ids_open_them(odd_server, odd_page) -> None:
    # The links the pages build percent-encode the id; the article page decodes it from its
    # path and shows that article, whatever characters its id holds.
    page = odd_page
    for article_id in ODD_IDS:
        article = api(odd_server, f"/api/articles/{quote(article_id, safe='')}")["article"]
        shown = article["title"] or article_id
        page.goto(odd_server + "/articles")
        page.wait_for_selector("[data-testid=article-row]")
        page.locator("[data-testid=article-row] a", has_text=shown).click()
        page.wait_for_selector("[data-testid=article-text]")
        assert page.url == f"{odd_server}/articles/{quote(article_id, safe='')}"
        assert page.text_content("[data-testid=article-title]") == shown
        assert page.locator("[data-testid=article-text]").evaluate(WITHOUT_LABELS) == article["text"]
    # A file's id pasted into the address bar as it is: the browser takes "#..." as a fragment;
    # the page finds the article by the path and the fragment together, and shows its address.
    page.goto(odd_server + "/articles/story#3f0c2a9b1e")
    page.wait_for_selector("[data-testid=article-text]")
    assert page.text_content("[data-testid=article-title]") == "Xi and Putin talk"
    assert page.url == f"{odd_server}/articles/story%233f0c2a9b1e"
    # From a quote to its article, and from a happening's report to its article.
    page.goto(odd_server + "/quotes")
    page.wait_for_selector("[data-testid=quote]")
    for link in page.locator("[data-testid=quote] a").all():
        assert link.get_attribute("href") in {f"/articles/{quote(i, safe='')}" for i in ODD_IDS}
    page.locator("[data-testid=quote] a", has_text="what?now 100% sure").first.click()
    page.wait_for_selector("[data-testid=article-text]")
    assert page.text_content("[data-testid=article-title]") == "Front line"
    page.goto(odd_server + "/events?q=video")
    page.wait_for_selector("[data-testid=happening]")
    page.locator("[data-testid=happening]").first.click()
    cite = page.locator("[data-testid=report] .cite a").first
    cite.wait_for()
    assert cite.get_attribute("href").startswith(f"/articles/{quote('story#3f0c2a9b1e', safe='')}#s")
    cite.click()
    page.wait_for_selector("[data-testid=article-text]")
    assert page.text_content("[data-testid=article-title]") == "Xi and Putin talk"


def test_codes_plover_drops_are_named_not_dropped(server, page) -> None:
    # An appeal or a statement has no PLOVER type ("DROPPED"): the page names its CAMEO code.
    dropped = [i for i in api(server, "/api/events?limit=200")["items"] if i["plover"] == "DROPPED"]
    assert dropped, "the test store holds no happening of a code PLOVER drops"
    code = dropped[0]["cameo"]
    name = api(server, "/api/codes")["cameo"][code]["name"]
    page.goto(server + f"/events?cameo={code}")
    page.wait_for_selector("[data-testid=results] [data-testid=happening]")
    page.wait_for_function("n => [...document.querySelectorAll('[data-testid=event-kind]')]"
                           ".some(e => e.textContent === n)", arg=name)
    assert "DROPPED" not in page.text_content("[data-testid=results]")
