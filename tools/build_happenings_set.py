"""Build tests/data/happenings/articles.jsonl, the labelled set of issue 14, from real news.

    .venv/bin/python tools/build_happenings_set.py [--shared ../shared] [--check]

Sources (each row keeps `origin`, an extra field Accord ignores):
- the founding article (src/accord/resources/examples), and three syndicated copies of it made
  the way outlets make them (`syndicate`): headline changed; an agency credit added; the last
  paragraphs cut and a footer added;
- two reports written for this set (tests/data/happenings/authored, see its README);
- WikiEvents (../shared/data/wikievents, MIT; news text its publishers'): the two reports of the
  Lyon bomb of 24 May 2019 and the report of the Maidan Wardak attack of 21 January 2019;
  WikiEvents has no dates, so each is dated by its own text (see DATES);
- Wikinews 2019 (../shared/data/wikinews, CC BY 2.5, Wikinews contributors): the Maidan Wardak
  attack report and four reports on the prorogation of the UK Parliament in 2019;
- a syndicated copy of one Wikinews report, and an updated version of one WikiEvents report
  (the same outlet re-publishing with a new paragraph).
Only the 2019 Wikinews file is used (2020 stays held out for blind audits).
`--check` rebuilds in memory and fails if the file differs.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "data" / "happenings" / "articles.jsonl"
AUTHORED = REPO / "tests" / "data" / "happenings" / "authored"
FOUNDING = REPO / "src" / "accord" / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"

# WikiEvents articles have no dates: each gets the day its own text implies it was published.
DATES = {
    "scenario_en_kairos_60": "2019-05-24",  # "a Friday blast" reported the same evening (DW)
    "scenario_en_kairos_61": "2019-05-25",  # "11 were still in hospital on Saturday morning"
    "wiki_mass_car_bombings_1_news_8": "2019-01-21",  # "condemned the attack on Monday evening"
}
WIKINEWS_2019 = {  # row index in wikinews_2019.csv -> id
    16: "wikinews-2019-maidan-wardak",
    89: "wikinews-2019-queen-agrees-prorogation",
    101: "wikinews-2019-parliament-suspended",
    104: "wikinews-2019-court-of-session",
    115: "wikinews-2019-supreme-court",
}

AGENCY_CREDIT = "By Agence France-Presse\n\n"
FOOTER = ("\n\nThis story has been published from a wire agency feed without modifications to "
          "the text. Follow us for more world news.")
UPDATE_PARAGRAPH = (
    "\n\nUpdate: On Monday, police detained a 24-year-old man suspected of having planted the "
    "device, the Paris prosecutor's office said. Investigators were questioning him and three "
    "members of his family, officials said, and searches were under way at his home in Oullins, "
    "south of Lyon.")


def read_txt(path: Path) -> dict:
    """A `date YYYY-MM-DD` text; the authored ones have their headline as the first paragraph."""
    _, day, rest = path.read_text(encoding="utf-8").split(None, 2)
    if path.parent == AUTHORED:
        title, _, text = rest.partition("\n\n")
        return {"date": day, "title": title, "text": text}
    return {"date": day, "title": None, "text": rest}


def wikievents(shared: Path) -> dict[str, str]:
    texts = {}
    for split in ("dev", "test"):
        for line in (shared / "data" / "wikievents" / f"{split}.jsonl").open(encoding="utf-8"):
            obj = json.loads(line)
            if obj["doc_id"] in DATES:
                texts[obj["doc_id"]] = obj.get("text") or " ".join(obj["tokens"])
    return texts


def cut_last_paragraphs(text: str, keep_share: float) -> str:
    paragraphs = text.split("\n\n")
    keep = max(1, round(len(paragraphs) * keep_share))
    return "\n\n".join(paragraphs[:keep])


def build(shared: Path) -> list[dict]:
    rows: list[dict] = []
    founding = read_txt(FOUNDING)
    base = {"id": "xi-putin-video-call-2026-02-04", "date": founding["date"], "title": None,
            "url": None, "source": None, "text": founding["text"],
            "origin": "founding article (../shared/examples)"}
    rows.append(base)
    rows.append({**base, "id": "copy-headline", "title": "Xi, Putin hail 'stabilising' alliance",
                 "url": "https://asiapost.example/world/xi-putin-hail-alliance",
                 "source": "Asia Post", "origin": "syndicated copy of the founding article: headline changed"})
    rows.append({**base, "id": "copy-credit", "title": "China, Russia leaders hold video call",
                 "url": "https://dailyherald.example/news/china-russia-video-call",
                 "source": "Daily Herald", "text": AGENCY_CREDIT + base["text"],
                 "origin": "syndicated copy of the founding article: agency credit added"})
    rows.append({**base, "id": "copy-trimmed", "title": "Xi tells Putin ties must develop steadily",
                 "url": "https://metronews.example/asia/xi-putin",
                 "source": "Metro News", "text": cut_last_paragraphs(base["text"], 0.7) + FOOTER,
                 "origin": "syndicated copy of the founding article: last paragraphs cut, footer added"})
    for name, aid, src in (("xi-putin-call-other-words.txt", "xi-putin-call-other-words", "Written for Accord"),
                           ("xi-moscow-visit-2025-05-07.txt", "xi-moscow-visit-2025-05-07", "Written for Accord")):
        t = read_txt(AUTHORED / name)
        rows.append({"id": aid, "date": t["date"], "title": t["title"], "url": None,
                     "source": src if aid.endswith("words") else "Written for Accord (2)",
                     "text": t["text"], "origin": f"written for this set (authored/{name})"})
    we = wikievents(shared)
    for doc_id, day in DATES.items():
        rows.append({"id": f"wikievents-{doc_id}", "date": day, "title": None, "url": None,
                     "source": {"scenario_en_kairos_60": "DW", "scenario_en_kairos_61": "The Guardian",
                                "wiki_mass_car_bombings_1_news_8": "WikiEvents source"}[doc_id],
                     "text": we[doc_id], "origin": f"WikiEvents {doc_id}"})
    with (shared / "data" / "wikinews" / "wikinews_2019.csv").open(encoding="utf-8") as fh:
        wikinews = list(csv.DictReader(fh))
    for index, aid in WIKINEWS_2019.items():
        r = wikinews[index]
        rows.append({"id": aid, "date": r["date"], "title": r["title"], "url": r["url"],
                     "source": None, "text": r["text"], "origin": f"Wikinews 2019 row {index}"})
    supreme = next(r for r in rows if r["id"] == "wikinews-2019-supreme-court")
    rows.append({**supreme, "id": "copy-supreme-court", "title": "Supreme Court: prorogation unlawful",
                 "url": "https://metronews.example/uk/supreme-court-prorogation", "source": "Metro News",
                 "text": AGENCY_CREDIT + cut_last_paragraphs(supreme["text"], 0.75) + FOOTER,
                 "origin": "syndicated copy of Wikinews 2019 row 115: credit added, last paragraphs cut, footer"})
    guardian = next(r for r in rows if r["id"] == "wikievents-scenario_en_kairos_61")
    rows.append({**guardian, "id": "guardian-lyon-updated", "date": "2019-05-27",
                 "text": guardian["text"] + UPDATE_PARAGRAPH,
                 "origin": "updated version of WikiEvents scenario_en_kairos_61 (same outlet, new paragraph)"})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build(args.shared))
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} differs from a rebuild")
        print(f"{OUT}: up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
