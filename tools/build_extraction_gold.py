"""Write the hand-checked article text of the extraction test pages from their block selections.

    .venv/bin/python tools/build_extraction_gold.py            # writes tests/data/extraction/<page>.txt
    .venv/bin/python tools/build_extraction_gold.py --check    # fails if a .txt differs from a rebuild

The selections (tests/data/extraction/selections.tsv) were made by a person reading each page's
numbered text blocks (`tools/page_blocks.py`, no extractor involved) and deciding which belong to
the article; see tests/data/extraction/README.md for the rule. One paragraph per block, a blank
line between paragraphs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from page_blocks import blocks  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "news_pages"
GOLD = ROOT / "tests" / "data" / "extraction"


def _indices(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


def build() -> dict[str, str]:
    texts = {}
    with open(GOLD / "selections.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            page_blocks = blocks(gzip.decompress((PAGES / f"{row['page']}.html.gz").read_bytes()))
            texts[row["page"]] = "\n\n".join(page_blocks[i][2] for i in _indices(row["blocks"])) + "\n"
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    bad = []
    for page, text in build().items():
        path = GOLD / f"{page}.txt"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                bad.append(page)
        else:
            path.write_text(text, encoding="utf-8")
    if bad:
        sys.exit(f"gold text differs from its selection: {', '.join(bad)}")


if __name__ == "__main__":
    main()
