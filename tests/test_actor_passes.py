"""The resolver's passes one at a time: each runs on the context the passes before it leave, and
does its own job; the module layout has no import cycle and no private names across modules."""

from __future__ import annotations

import ast
import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest

from accord.actors import passes as passes_module
from accord.actors.kinds import How, Sector
from accord.actors.passes import default_passes

SRC = Path(__file__).resolve().parents[1] / "src" / "accord"


@lru_cache(maxsize=1)
def _stage():
    from accord.actors import ActorStage

    return ActorStage()


def run_until(nlp, text, name: str, date: str = "2026-02-04"):
    """The context after the passes up to and including the pass called `name` (`text` may be a
    tokenized Doc)."""
    from accord.actors.context import ResolutionContext

    stage = _stage()
    context = ResolutionContext(doc=nlp(text), on=dt.date.fromisoformat(date), lookups=stage.lookups)
    names = [p.name for p in stage.passes]
    assert name in names, names
    for step in stage.passes:
        step.run(context)
        if step.name == name:
            return context
    raise AssertionError(name)


def found(context, how=None):
    """(text, how, country or code) of what the passes found."""
    doc = context.doc
    out = []
    for f in context.found:
        if how is None or f.how == how:
            out.append((doc[f.start:f.end].text, str(f.how), f.actor_country))
    return out


def test_the_passes_run_in_one_declared_order():
    names = [p.name for p in default_passes()]
    assert names[0] == "alias-matches" and names[-1] == "references"
    assert len(names) == len(set(names)), "each pass has its own name"
    assert [p.name for p in _stage().passes] == names


def test_alias_matches_drop_datelines_backers_and_seas(nlp):
    context = run_until(nlp, "BEIJING : The US-backed forces sailed into the South China Sea near Vietnam.",
                        "alias-matches")
    doc = context.doc
    accepted = [doc[m.start:m.end].text for m in context.matches]
    assert accepted == ["Vietnam"]
    assert {doc[m.start:m.end].text for m in context.raw_matches} >= {"BEIJING", "US", "China", "Vietnam"}
    assert context.by_token and all(doc[i].text == "Vietnam" for i in context.by_token)


def test_role_phrases_resolve_office_holders_and_groups(nlp):
    context = run_until(nlp, "The Chinese president met Russian and Ukrainian negotiators.", "role-phrases")
    got = found(context)
    assert ("The Chinese president", "role", "CHN") in got
    assert ("Russian and Ukrainian negotiators", "role-group", "RUS") in got
    assert ("Ukrainian negotiators", "role-group", "UKR") in got
    assert context.found[0].entity.name == "Xi Jinping"


def test_role_phrases_leave_unplaced_groups_pending(nlp):
    context = run_until(nlp, "Authorities eased the curfew as shops reopened in Amman.", "role-phrases")
    assert [p.head.text for p in context.pending] == ["Authorities"]
    assert not found(context)


def test_unlisted_people_take_their_title_country(nlp):
    context = run_until(nlp, "Libyan Prime Minister Fayez al-Sarraj met Zabihullah Mujahid, the Taliban spokesman.",
                        "unlisted-people")
    got = found(context)
    assert ("Libyan Prime Minister Fayez al-Sarraj", "name-title", "LBY") in got
    assert ("Zabihullah Mujahid", "name-unlisted", "AFG") in got  # the apposition's organisation


def test_names_keep_nationality_adjectives_as_modifiers(nlp):
    context = run_until(nlp, "A Turkish ship docked in Odesa while Erdogan watched.", "names")
    doc = context.doc
    assert [doc[m.start:m.end].text for m in context.modifiers] == ["Turkish"]
    assert ("Erdogan", "name", "TUR") in found(context)


def test_organisations_named_after_a_place(nlp):
    context = run_until(nlp, "The Hungarian Civil Liberties Union criticised the law.", "organisations")
    assert ("Hungarian Civil Liberties Union", "org-named", "HUN") in found(context)


def test_places_stand_for_their_country(nlp):
    context = run_until(nlp, "Clashes broke out in Borno State and Aleppo.", "places")
    got = found(context, How.PLACE)
    assert ("Borno State", "place", "NGA") in got and ("Aleppo", "place", "SYR") in got


def test_marked_things(nlp):
    context = run_until(nlp, "IDF troops apprehended a Lebanese man near the border.", "marked-things")
    assert ("a Lebanese man", "modifier", "LBN") in found(context)


def test_placed_subjects(nlp):
    context = run_until(nlp, "A car bomb in Kiev killed two people.", "placed-subjects")
    assert found(context, How.PLACED) == [("A car bomb", "placed", "UKR")]


def test_context_groups_take_the_country_of_their_clause(nlp):
    context = run_until(nlp, "Authorities eased the curfew as shops reopened in Amman.", "context-groups")
    assert ("Authorities", "role-group", "JOR") in found(context)


def test_movements(nlp):
    context = run_until(nlp, "Nepal's government and former rebel Maoists signed a deal.", "movements")
    assert any(t.endswith("Maoists") and c == "NPL" for t, h, c in found(context))


def test_locate_transnational(nlp):
    context = run_until(nlp, "Russian jets struck Islamic State targets in Syria's Hama province.", "locate-transnational")
    isis = [f for f in context.found if f.entity.name == "Islamic State"]
    assert isis and isis[0].country == "SYR"


def test_placed_organisations(nlp):
    context = run_until(nlp, "The FLN has claimed attacks in Rwanda's Southern Province.", "placed-organisations")
    assert ("FLN", "org-placed", "RWA") in found(context)


def test_a_place_in_another_clause_does_not_place_an_organisation(nlp):
    # what the organisation reports or is ordered to do happens there; it is not from there
    for text, org in (("ABC reported that the minister received medical treatment in New Zealand.", "ABC"),
                      ("Facebook was ordered to remove the post which it did by making it unavailable in Austria.",
                       "Facebook")):
        context = run_until(nlp, text, "placed-organisations")
        assert not [f for f in found(context) if f[0] == org and f[1] == "org-placed"], found(context)


def test_the_headline_says_where_the_story_is_set(nlp):
    from accord.actors.context import ResolutionContext

    text = ("Yesterday, Thames Valley Police said they had arrested a second man. The toilet was stolen on "
            "Saturday from Blenheim Palace in Oxfordshire, England. Police arrested a 36-year-old Cheltenham man. "
            "The toilet is an artwork entitled America. It was offered to Donald Trump, the president of the "
            "United States. Its maker called it a comment on the American dream.")
    stage = _stage()
    doc = nlp(text)
    day = dt.date(2019, 9, 18)
    # the places and names of the text alone: England and Cheltenham against the United States
    plain = stage.resolve(doc, day, text)
    assert plain.article_country() is None
    codes = {doc[f.start:f.end].text: f.code for f in plain.found}
    assert codes["Thames Valley Police"] == "COP"
    titled = stage.resolve(doc, day, text, "Arrests made in theft of gold toilet in England")
    assert titled.article_country() == "GBR"
    # the unnamed groups of the story take its country
    codes = {doc[f.start:f.end].text: f.code for f in titled.found}
    assert codes["Thames Valley Police"] == "GBRCOP" and codes["a second man"] == "GBRCVL"
    shouting = ResolutionContext(doc=doc, on=day, lookups=stage.lookups, title="Arrests Made In Theft Of Gold Toilet")
    assert shouting._headline_countries() == []  # title case: no capital marks a name
    assert ResolutionContext(doc=doc, on=day, lookups=stage.lookups,
                             title="Hong Kong protests continue")._headline_countries() == ["HKG"]


def test_the_people_a_persons_pronoun_owns_are_of_the_persons_country(nlp):
    context = run_until(nlp, "Vladimir Putin made an announcement in which he thanked his supporters.", "references")
    assert ("his supporters", "role-group", "RUS") in found(context)
    # an office or a thing the pronoun owns is no group of people, nor are the people one serves
    context = run_until(nlp, "Vladimir Putin said he had sold his house.", "references")
    assert not [f for f in found(context) if f[0] == "his house"]
    context = run_until(nlp, "John Smith, a doctor in Virginia, gave out prescriptions to his patients.", "references")
    assert not [f for f in found(context) if f[0] == "his patients"]


def test_placeless_organisations(nlp):
    context = run_until(nlp, "The Migration Policy Institute published a report.", "placeless-organisations")
    assert ("Migration Policy Institute", "org-named", None) in found(context)


def test_acronyms(nlp):
    context = run_until(nlp, "The Nigerian Air Force (NAF) struck a camp. NAF said the raid worked.", "acronyms")
    later = [f for f in context.found if context.doc[f.start].text == "NAF" and f.start > 8]
    # an unnamed group ("the Nigerian Air Force" is the Nigerian military) stays an unnamed group
    assert later and later[0].how == How.ROLE_GROUP and later[0].code == "NGAMIL"


def test_merge_and_title_countries(nlp):
    context = run_until(nlp, "Russia's President Vladimir Putin spoke.", "title-countries")
    assert found(context) == [("Russia's President Vladimir Putin", "name", "RUS")]


def test_strip_markers(nlp):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=["Andrew", "Cuomo", "spoke", ".", "AD", "Cuomo", "Jr", "said", "more", "."],
              spaces=[True, True, False, True, False, True, True, True, False, False])  # "ADCuomo Jr"
    context = run_until(nlp, doc, "strip-markers")
    assert all(context.doc[f.start].text != "AD" for f in context.found)


def test_honorific_names(nlp):
    context = run_until(nlp, "Mr Conway said the deal was fair.", "honorific-names")
    assert any(f.entity.kind == "person" and f.entity.name == "Conway" for f in context.found)


def test_shared_surnames(nlp):
    context = run_until(nlp, "Julie and Brian Hambleton spoke to reporters.", "shared-surnames")
    names = {f.entity.name for f in context.found if f.entity.kind == "person"}
    assert "Julie Hambleton" in names


def test_short_forms(nlp):
    context = run_until(nlp, "Sarah Mendeloff testified on Monday. Mendeloff said she was afraid.", "short-forms")
    assert {f.entity.name for f in context.found if f.entity.kind == "person"} == {"Sarah Mendeloff"}


def test_voice_owners(nlp):
    context = run_until(nlp, "The voice on the recording, purportedly that of Abu Bakr al-Baghdadi, called for attacks.",
                        "voice-owners")
    assert any(f.how == How.DESCRIPTION and f.entity.name == "Abu Bakr al-Baghdadi" for f in context.found)


def test_unnamed_people(nlp):
    context = run_until(nlp, "Russia and Ukraine traded blame. One witness in Kyiv said the blast was loud.",
                        "unnamed-people")
    assert any(t.endswith("witness") and c == "UKR" for t, h, c in found(context))


def test_role_and_name(nlp):
    context = run_until(nlp, "France's counter-terrorism prosecutor, Remy Heitz, said the attacker acted alone.",
                        "role-and-name")
    heitz = [f for f in context.found if f.entity.name == "Remy Heitz"]
    assert len(heitz) == 2 and heitz[0].how == How.ROLE_NAME and heitz[1].entity.country == "FRA"


def test_role_anaphora(nlp):
    context = run_until(nlp, "Gov. Tarek el Aissami spoke in Caracas. Aragua's governor said more.", "role-anaphora")
    gov = [f for f in context.found if context.doc[f.end - 1].text == "governor"]
    assert gov and gov[0].entity.name == "Tarek el Aissami"


def test_descriptions(nlp):
    context = run_until(nlp, "Dzhokhar Tsarnaev pleaded guilty on Monday. The Chechen said he was sorry.",
                        "descriptions")
    assert any(f.how == How.DESCRIPTION and f.entity.name == "Dzhokhar Tsarnaev" for f in context.found)
    context = run_until(nlp, "José, a Caracas bus driver, said the fares rose. Later the young father of two said "
                             "he was tired.", "descriptions")
    assert ("young father", "description", "VEN") in found(context)


def test_plain_names_sorts_and_plains(nlp):
    context = run_until(nlp, "James O’Neill said the plan works.", "plain-names")
    assert [f.start for f in context.found] == sorted(f.start for f in context.found)
    assert any(f.entity.name == "James O'Neill" for f in context.found)


def test_references(nlp):
    context = run_until(nlp, "Xi Jinping hosted Vladimir Putin. The two leaders signed a pact. He left.", "references")
    assert {f.entity.name for f in context.found if f.how == How.PLURAL} == {"Xi Jinping", "Vladimir Putin"}
    assert any(f.how == How.PRONOUN for f in context.found)


# ----------------------------------------------------------------- vocabularies
def test_resolution_kinds_are_an_enum_equal_to_their_strings(nlp):
    from helpers import run_stages

    doc = run_stages(nlp, "The Chinese president said he would visit Moscow.", names=("actors",))
    assert doc.mentions and all(isinstance(m.how, How) for m in doc.mentions)
    assert How.ROLE_GROUP == "role-group" and f"{How.PLACED}" == "placed"
    assert all(h.description for h in How)


def test_role_sectors_are_cameo_sectors():
    import yaml
    from importlib.resources import files

    roles = yaml.safe_load(files("accord").joinpath("resources", "actors", "roles.yaml").read_text("utf-8"))
    sectors = {str(v.get("sector")) for v in (roles.get("roles") or {}).values()}
    sectors |= {str(v["sector"]) for v in (roles.get("phrases") or {}).values() if v and v.get("sector")}
    for sector in sectors:
        parts = [sector[i:i + 3] for i in range(0, len(sector), 3)]
        assert all(p in Sector.__members__ for p in parts), sector


# ---------------------------------------------------------------------- layout
def _imports(path: Path, package: str) -> set[str]:
    """The accord.actors modules a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    here = package.split(".")
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            mod = ".".join(base + ([node.module] if node.module else []))
            if not node.level:
                mod = node.module or ""
            for alias in node.names:
                out.add(mod)
                out.add(f"{mod}.{alias.name}")
    return out


def _modules() -> dict[str, Path]:
    root = SRC / "actors"
    mods = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts)
        if name.endswith(".__init__"):
            name = name[: -len(".__init__")]
        mods[name] = path
    return mods


def test_actor_modules_have_no_import_cycle():
    mods = _modules()
    graph = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        graph[name] = {m for m in _imports(path, package) if m in mods and m != name}
    # a package's __init__ importing its own modules is not a cycle through them
    for name in graph:
        graph[name] = {m for m in graph[name] if not (mods[name].name == "__init__.py" and m.startswith(name + "."))}
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                raise AssertionError(" -> ".join(trail + [node, nxt]))
            if nxt not in state:
                visit(nxt, trail + [node])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [])


def _own_private_names(tree: ast.AST) -> set[str]:
    """Private names a module defines: functions, methods, classes, attributes it assigns."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            out.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            out.add(node.id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
    return {n for n in out if n.startswith("_")}


@pytest.mark.parametrize("folder", ["actors", "quotes"])
def test_no_private_names_across_modules(folder):
    for path in (SRC / folder).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = _own_private_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                assert not private, f"{path.name} imports {private} from {node.module}"
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                # a private attribute of an object of this module's own classes, or reaching into another's
                assert node.attr in own, f"{path.name}:{node.lineno} uses {ast.unparse(node)}"


def test_pass_modules_are_listed():
    files = {p.stem for p in Path(passes_module.__file__).parent.glob("*.py")} - {"__init__", "base"}
    used = {type(p).__module__.rsplit(".", 1)[1] for p in default_passes()}
    assert files == used


def test_present_offices_carry_a_present_title_to_later_short_forms(nlp):
    context = run_until(nlp, "Prime Minister Hubert Minnis urged calm. Minnis said more.", "present-offices",
                        "2019-09-01")
    minnis = [f for f in context.found if f.entity.name == "Hubert Minnis"]
    assert [f.code for f in minnis] == ["BHSGOV", "BHSGOV"]
