"""Build resources/export/fips10.tsv: ISO 3166-1 alpha-3 -> FIPS 10-4 country codes.

GDELT writes a place's country as a FIPS 10-4 code (`ActionGeo_CountryCode`: RS for Russia,
CH for China), not ISO; the GDELT export needs the table. Source: CountryInfo.txt (see
resources/export/SOURCES.md). Run from the repository root:

    .venv/bin/python tools/build_fips.py [--shared ../shared] [--out src/accord/resources/export]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

_BLOCK = re.compile(r"<Country>(.*?)</Country>", re.S)


def _tag(block: str, tag: str) -> str | None:
    m = re.search(rf"<{re.escape(tag)}>\s*([^<]*?)\s*</{re.escape(tag)}>", block)
    return m.group(1) if m else None


def build(shared: Path) -> list[tuple[str, str]]:
    text = (shared / "data" / "countryinfo" / "CountryInfo.120116.txt").read_bytes().decode(
        "latin-1")
    rows: dict[str, str] = {}
    for block in _BLOCK.findall(text):
        iso3 = _tag(block, "ISO3166-alpha3") or _tag(block, "CountryCode")
        fips = _tag(block, "FIPS-10")
        if not iso3 or not fips or not re.fullmatch(r"[A-Z]{3}", iso3):
            continue
        if not re.fullmatch(r"[A-Z]{2}", fips):  # "--" = no code
            continue
        rows.setdefault(iso3, fips)
    return sorted(rows.items())


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=here.parent / "shared")
    parser.add_argument("--out", type=Path, default=here / "src" / "accord" / "resources" / "export")
    args = parser.parse_args()
    rows = build(args.shared)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "fips10.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("iso3\tfips10\n")
        for iso3, fips in rows:
            f.write(f"{iso3}\t{fips}\n")
    print(f"wrote {len(rows)} codes to {args.out / 'fips10.tsv'}")


if __name__ == "__main__":
    main()
