"""The offline geocoder (accord.places) and its regions table (tools/build_actors.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from accord.places import geocode

from conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "src" / "accord" / "resources" / "actors"


@pytest.mark.parametrize("name, country", [
    ("Borno", "NGA"),            # ISO 3166-2 state, not the German village of that name
    ("Borno State", "NGA"),      # the region's type word
    ("Borno state", "NGA"),
    ("Tamil Nadu", "IND"),       # ISO writes "Tamil Nādu"
    ("Rakhine State", "MMR"),
    ("New Brunswick", "CAN"),
    ("Mindanao", "PHL"),         # a region the Phoenix country dictionary lists
    ("North Sinai", "EGY"),      # a compass word in front of a region
    ("northern Afghanistan", "AFG"),
    ("western Mosul", "IRQ"),
    ("South Ossetia", "GEO"),    # disputed territories: the de jure country (places_curated.yaml)
    ("Nagorno - Karabakh", "AZE"),
    ("Tigray", "ETH"),           # news names of regions ISO 3166-2 spells otherwise
    ("Somali Region", "ETH"),
    ("Moscow", "RUS"),           # a large city still wins over namesakes
    ("Jordan", "JOR"),
])
def test_regions_and_cities_resolve_to_their_country(name, country):
    hit = geocode(name)
    assert hit is not None and hit.country == country, (name, hit)


def test_a_region_two_countries_claim_is_left_out():
    rows = (ACTORS / "places.tsv").read_text(encoding="utf-8").splitlines()
    names = [r.split("\t")[0] for r in rows[1:]]
    assert "Punjab" not in names  # Indian state and Pakistani province
    assert geocode("the South China Sea") is None


def test_rebuild_of_generated_actor_files_is_byte_identical(tmp_path):
    data = shared_path("data")
    out = tmp_path / "actors"
    out.mkdir()
    for curated in ACTORS.iterdir():
        if curated.suffix in (".yaml", ".md"):  # the curated inputs, places_curated.yaml among them
            shutil.copy(curated, out / curated.name)
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_actors.py"), "--data", str(data),
                    "--out", str(out)], check=True, capture_output=True)
    for name in ("countries.tsv", "places.tsv", "historical_people.tsv", "agents.tsv", "organizations.tsv"):
        assert (out / name).read_bytes() == (ACTORS / name).read_bytes(), f"{name} is stale: run tools/build_actors.py"


def test_a_small_towns_other_names_are_only_its_spellings():
    # GeoNames lists "Khan" among the names of Haan (Germany, 30,000 people): a surname in news,
    # never the town; a spelling of a small town's name with its initial still finds it.
    assert geocode("Khan") is None
    assert geocode("Haan").country == "DEU"
    assert geocode("Marib").country == "YEM"  # GeoNames: Ma'rib
    assert geocode("Chittagong").country == "BGD"  # a large city's other name (Chattogram)
