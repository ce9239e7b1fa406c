#!/usr/bin/env python3
"""Import PETRARCH-2's CAMEO verb dictionary as Accord's packaged verb-pattern resource.

Reads  (relative to --shared, default ../shared beside the repository)
    data/petrarch-dictionaries/CAMEO.2.0.txt      openeventdata/petrarch2 @ 676801cd, MIT
Writes (under --out, default src/accord/resources/events)
    petrarch_verbs.jsonl

Usage: .venv/bin/python tools/build_verbs.py [--shared /work/shared] [--out DIR] [--check]

The output is deterministic: the same input file gives byte-identical output (no timestamps,
file order kept, fixed key order). `tests/test_verbs.py` rebuilds into a temporary folder and
compares. `--check` rebuilds in memory and exits 1 if the packaged file differs.

Output format: JSON Lines, UTF-8, one JSON object per line, `"kind"` first.

  {"kind": "meta", ...}          line 1: source, licence, sha256 of the input, counts, notes
  {"kind": "synset", "name": "&CURRENCY", "line": 93,
   "members": ["money", ..., "urban center", "cease-fire"],
   "no_plural": ["cash", ...]}  one per synonym set (the `&NAME` blocks at the top of the file).
                                 Members are lower-cased; `_` in a member becomes a space (a
                                 multi-word member). A member written with a trailing `_` is
                                 listed in `no_plural` too (PETRARCH generates no plural for it).
  {"kind": "block", "name": "MEET_PEOPLE", "line": 5425, "code": "040",
   "verbs": [{"line": 5427, "text": "+MEET_WITH {+MET_WITH ...}", "verb": "meet",
              "before": [], "after": ["with"], "forms": ["met", "meets", "meeting"],
              "code": null, "comment": ""}, ...]}
                                 one per verb block `---  NAME   [code]  ---` with its verbs.
                                 `verb` is the word PETRARCH treats as the verb (the `+` word of
                                 a multi-word verb; the last part of a hyphenated one such as
                                 RE-ARREST, whose `re` goes to `before`). `after`/`before` are
                                 the other words of a multi-word verb (`+MEET_WITH` -> after
                                 ["with"]). `forms` are the irregular forms given in `{...}` (the
                                 verb word of each form). `code` is the verb's own `[code]`, null
                                 when it takes the block's. Codes are kept as written between
                                 the brackets ("040", "042:043", ":173", "---").
  {"kind": "pattern", "block": "MEET_PEOPLE", "line": 5443, "code": "036:036",
   "text": "* (FOR TALKS)", "from": "MEET",
   "pre": [], "post": [{"pp": ["for"], "obj": ["talks"]}]}
                                 one per pattern line `- words * words [code] # comment`, in file
                                 order. `text` is the pattern with whitespace normalised and the
                                 code removed; `from` is the verb the comment names as the
                                 pattern's origin (empty if none); `comment` is the whole comment
                                 when it says more than `from`; `pre`/`post` are the parsed
                                 elements before/after the verb position `*`:
                                   "talks"                a word (lower-case); `a/b` = a or b;
                                                          `a-b` kept as written (matches the
                                                          single token or the hyphenated tokens)
                                   {"seq": [...]}         `A_B`: consecutive words (TABARI notation)
                                   "&town"                a synonym set (lower-case name)
                                   "+" "$" "^" "%"        actor slots (target, source, any noun
                                                          phrase, compound actor): any noun/pronoun
                                   {"np": [...]}          `{...}`, a multi-word noun: modifiers then
                                                          the head (each a word or synonym set)
                                   {"pp": ["by", "with"], "obj": [...]}
                                                          `(...)`, a prepositional phrase: the
                                                          preposition(s) and the elements it governs
                                 A pattern that cannot be used carries `"skip": "<reason>"` and no
                                 `pre`/`post` (it is kept so the counts add up and --explain can
                                 show it).
  {"kind": "transformation", "line": 9178, "text": "~ a (a b ATTACK) SAY = a b 015"}
                                 the verb transformations at the end of the file, kept verbatim
                                 (not used by the matcher).

The format of CAMEO.2.0.txt follows PETRARCH-2's `PETRreader.read_verb_dictionary()`; this is an
independent reimplementation. Notes on the notation (see also resources/events/SOURCES.md):

  * `[A:B]` codes: PETRARCH's `utilities.convert_code()` splits a code on `:` into an "active"
    and a "passive" part. The active code A is the event subject -> object. The passive code B is
    PETRARCH's "inherent passive meaning": with A present it is an extra event in the reverse
    direction (object -> subject; VISIT [042:043]: A visits B => A 042 B and B 043 A); with A
    empty (`[:173]`, FACE * TRIAL) the verb is treated as passive, so the grammatical subject is
    the *target* of B and the source comes from a by/from/in phrase. `---` (or an empty part) is
    "no event".
  * A verb's own `[code]` overrides the block code; a pattern's code overrides both.
  * Patterns belong to the block (PETRARCH keys them by block name): every verb in the block can
    use every pattern of the block, whichever verb the comment names.
  * A plain verb or multi-word verb listed in more than one block keeps its first block (PETRARCH
    stores verbs with setdefault); later duplicates are counted in the meta line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE_REL = Path("data") / "petrarch-dictionaries" / "CAMEO.2.0.txt"
OUT_NAME = "petrarch_verbs.jsonl"
FORMAT_VERSION = 1
SOURCE = {
    "repository": "openeventdata/petrarch2",
    "commit": "676801cd",
    "path": "petrarch2/data/dictionaries/CAMEO.2.0.txt",
    "licence": "MIT",
    "copyright": "Copyright (c) 2015 Open Event Data Alliance",
}

SYNSET_START = "####### SYNONYM SETS"
VERBS_START = "####### VERB PATTERNS"
TRANSFORMS_START = "######## TRANSFORMATIONS"

HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE_END_RE = re.compile(r"\[([^\]]*)\]\s*$")
CODE_PART_RE = re.compile(r"^(---|\d{2,4})?$")
MARKERS = {"+", "$", "^", "%"}
WORD_RE = re.compile(r"^[A-Z0-9][A-Z0-9'./_-]*$")


class BuildError(ValueError):
    pass


def split_comment(line: str) -> tuple[str, str]:
    """Text before the first '#', and the comment after it (both stripped)."""
    body, _, comment = line.partition("#")
    return body.strip(), comment.strip()


def valid_code(code: str) -> bool:
    """`036`, `042:043`, `:173`, `---`, `036:---`: each part empty, `---`, or 2-4 digits."""
    parts = code.split(":")
    return 1 <= len(parts) <= 2 and all(CODE_PART_RE.match(p.strip()) for p in parts) and code.strip() != ""


def normalise_code(code: str) -> str:
    return ":".join(p.strip() for p in code.split(":"))


def comment_verb(comment: str) -> str:
    """The verb a pattern comment names as its origin: `RUSH`, `ANNOUNCE <ab 02 Dec 2005>`,
    `FIGHT , FIGHT`, `SQUARED_OFF`. Empty if the comment does not start with one."""
    m = re.match(r"^([A-Z][A-Z_+-]*)(?:\s|,|$)", comment)
    return m.group(1) if m else ""


# --------------------------------------------------------------------------------- synsets


def parse_member(raw: str) -> tuple[str, bool]:
    """`+CASH_` -> ("cash", no plural); `+URBAN_CENTER` -> ("urban center", plural)."""
    text = raw[1:].strip()
    no_plural = text.endswith("_")
    text = text.rstrip("_").replace("_", " ").lower()
    return " ".join(text.split()), no_plural


# ------------------------------------------------------------------------------------ verbs


def parse_verb_word(word: str) -> tuple[str, list[str], list[str]]:
    """`+MEET_WITH` -> ("meet", [], ["with"]); `RE-ARREST` -> ("arrest", ["re"], []);
    `ASK` -> ("ask", [], [])."""
    word = word.strip().strip(",")
    if "_" in word or word.startswith("+"):
        parts = [p for p in word.split("_")]
        marked = [i for i, p in enumerate(parts) if p.startswith("+")]
        if len(marked) != 1 or any(not p for p in parts):
            raise BuildError(f"multi-word verb {word!r} needs exactly one '+' word")
        k = marked[0]
        verb = parts[k][1:]
        before, after = parts[:k], parts[k + 1 :]
    elif "-" in word:
        parts = word.split("-")
        verb, before, after = parts[-1], parts[:-1], []
    else:
        verb, before, after = word, [], []
    for w in [verb, *before, *after]:
        if not re.match(r"^[A-Z][A-Z']*$", w):
            raise BuildError(f"verb {word!r}: unexpected word {w!r}")
    return verb.lower(), [w.lower() for w in before], [w.lower() for w in after]


def parse_verb_line(line: str, lineno: int) -> dict:
    body, comment = split_comment(line)
    if ";" in body:  # TABARI-style comment: `RIP {RIPPING RIPS RIPPED};shan 7/11/93`
        body, _, extra = body.partition(";")
        comment = (comment + " " + extra.strip()).strip()
    code = None
    m = re.search(r"\[([^\]]*)\]", body)
    if m:
        if not valid_code(m.group(1)):
            raise BuildError(f"line {lineno}: bad verb code [{m.group(1)}]")
        code = normalise_code(m.group(1))
        body = (body[: m.start()] + " " + body[m.end() :]).strip()
    forms: list[str] = []
    m = re.search(r"\{([^}]*)\}", body)
    if m:
        for form in m.group(1).replace(",", " ").split():
            fverb, _, _ = parse_verb_word(form)
            if fverb not in forms:
                forms.append(fverb)
        body = (body[: m.start()] + " " + body[m.end() :]).strip()
    words = body.split()
    if len(words) != 1:
        raise BuildError(f"line {lineno}: cannot read verb line {line.strip()!r}")
    verb, before, after = parse_verb_word(words[0])
    forms = [f for f in forms if f != verb]
    return {
        "line": lineno,
        "text": " ".join(split_comment(line)[0].partition(";")[0].split()),
        "verb": verb,
        "before": before,
        "after": after,
        "forms": forms,
        "code": code,
        "comment": comment,
    }


# --------------------------------------------------------------------------------- patterns


def tokenize_pattern(side: str) -> list[str]:
    return side.replace("(", " ( ").replace(")", " ) ").replace("{", " { ").replace("}", " } ").split()


def parse_atom(tok: str, synsets: dict[str, dict], where: str):
    """A word, synset reference or actor marker as stored in the JSON."""
    if tok in MARKERS:
        return tok
    if tok.startswith("&"):
        name = tok.lower()
        if tok not in synsets:
            raise SkipPattern(f"undefined synonym set {tok}")
        return name
    if "_" in tok.strip("_"):
        # TABARI notation for consecutive words (`AIR_STRIKE`, `FIGHTER_&AIRCRAFT`).
        return {"seq": [parse_atom(part, synsets, where) for part in tok.strip("_").split("_")]}
    tok = tok.strip("_")  # a trailing '_' (TABARI "whole word") changes nothing for lemmas
    if not WORD_RE.match(tok):
        raise BuildError(f"{where}: unexpected token {tok!r}")
    return tok.lower()


class SkipPattern(Exception):
    pass


def parse_side(tokens: list[str], synsets: dict[str, dict], where: str) -> list:
    out: list = []
    i = 0

    def noun_phrase(i: int) -> tuple[dict, int]:
        words = []
        i += 1  # past '{'
        while i < len(tokens) and tokens[i] != "}":
            if tokens[i] in "({)":
                raise SkipPattern("unbalanced '{...}'")
            words.append(parse_atom(tokens[i], synsets, where))
            i += 1
        if i >= len(tokens) or not words:
            raise SkipPattern("unbalanced or empty '{...}'")
        return {"np": words}, i + 1

    while i < len(tokens):
        tok = tokens[i]
        if tok == "(":
            i += 1
            if i >= len(tokens) or tokens[i] in "(){}" or tokens[i] in MARKERS or tokens[i].startswith("&"):
                raise SkipPattern("prepositional phrase without a preposition")
            preps = [p.lower() for p in tokens[i].split("/")]
            i += 1
            obj: list = []
            while i < len(tokens) and tokens[i] != ")":
                if tokens[i] == "{":
                    np, i = noun_phrase(i)
                    obj.append(np)
                elif tokens[i] in "(}":
                    raise SkipPattern("unbalanced '(...)'")
                else:
                    obj.append(parse_atom(tokens[i], synsets, where))
                    i += 1
            if i >= len(tokens):
                raise SkipPattern("unbalanced '(...)'")
            out.append({"pp": preps, "obj": obj})
            i += 1
        elif tok == "{":
            np, i = noun_phrase(i)
            out.append(np)
        elif tok in ")}":
            raise SkipPattern(f"unbalanced '{tok}'")
        else:
            out.append(parse_atom(tok, synsets, where))
            i += 1
    return out


def parse_pattern(line: str, lineno: int, block: str, synsets: dict[str, dict]) -> dict:
    body, comment = split_comment(line[1:])  # drop the leading '-'
    record = {
        "kind": "pattern",
        "block": block,
        "line": lineno,
        "code": "",
        "text": "",
        "from": comment_verb(comment),
    }
    if comment != record["from"]:
        record["comment"] = comment
    m = CODE_END_RE.search(body)
    if not m:
        record["text"] = " ".join(body.split())
        record["skip"] = "no [code]"
        return record
    code = normalise_code(m.group(1))
    text = " ".join(body[: m.start()].split())
    record["code"] = code
    record["text"] = text
    where = f"line {lineno}"
    try:
        if not valid_code(code):
            raise SkipPattern(f"malformed code [{code}]")
        # TABARI leftovers glue the verb to a neighbour with '_' (`*_LAWS`, `SPY_*_DEAL`):
        # read the '_' next to '*' as a plain separator.
        starred = text.replace("_*", " *").replace("*_", "* ")
        if starred.count("*") != 1:
            raise SkipPattern("no single verb position '*'")
        pre, post = starred.split("*")
        record["pre"] = parse_side(tokenize_pattern(pre), synsets, where)
        record["post"] = parse_side(tokenize_pattern(post), synsets, where)
        # `- * [042:043]` (DOCK) has no words: PETRARCH stores its code at the root of the
        # block's pattern tree, so it always matches; kept as such (specificity 0).
    except SkipPattern as exc:
        record.pop("pre", None)
        record.pop("post", None)
        record["skip"] = str(exc)
    return record


# ------------------------------------------------------------------------------------- main


def cameo_codes() -> set[str]:
    """The codes in Accord's packaged CAMEO table (built by tools/build_ontology.py)."""
    path = REPO / "src" / "accord" / "resources" / "cameo" / "cameo_codes.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t", 1)[0] for row in rows if row.strip()}


def build(text: str) -> tuple[list[dict], dict]:
    """Parse CAMEO.2.0.txt into JSONL records; returns (records, stats)."""
    lines = text.split("\n")
    section = "preamble"
    synsets: dict[str, dict] = {}
    current_synset: dict | None = None
    blocks: list[dict] = []
    patterns: list[dict] = []
    transforms: list[dict] = []
    block: dict | None = None
    pattern_lines = 0

    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if line.startswith(SYNSET_START):
            section = "synsets"
            continue
        if line.startswith(VERBS_START):
            section = "verbs"
            current_synset = None
            continue
        if line.startswith(TRANSFORMS_START):
            section = "transformations"
            block = None
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("<!"):
            continue
        if section == "preamble":
            raise BuildError(f"line {lineno}: content before the synonym sets: {line!r}")
        if section == "synsets":
            if line.startswith("&"):
                name = split_comment(line)[0]
                if not re.match(r"^&[A-Z0-9_]+$", name):
                    raise BuildError(f"line {lineno}: bad synonym set name {name!r}")
                if name in synsets:
                    raise BuildError(f"line {lineno}: synonym set {name} defined twice")
                current_synset = {"kind": "synset", "name": name.lower(), "line": lineno, "members": [], "no_plural": []}
                synsets[name] = current_synset
            elif line.startswith("+"):
                if current_synset is None:
                    raise BuildError(f"line {lineno}: member outside a synonym set")
                member, no_plural = parse_member(split_comment(line)[0])
                if member and member not in current_synset["members"]:
                    current_synset["members"].append(member)
                    if no_plural:
                        current_synset["no_plural"].append(member)
            else:
                raise BuildError(f"line {lineno}: unexpected line in the synonym sets: {line!r}")
            continue
        if section == "transformations":
            if not line.startswith("~"):
                raise BuildError(f"line {lineno}: unexpected line in the transformations: {line!r}")
            transforms.append({"kind": "transformation", "line": lineno, "text": " ".join(split_comment(line)[0].split())})
            continue
        # verb section
        if line.startswith("---"):
            m = HEADER_RE.match(line)
            if not m or not valid_code(m.group(2)):
                raise BuildError(f"line {lineno}: bad block header {line!r}")
            block = {"kind": "block", "name": m.group(1), "line": lineno, "code": normalise_code(m.group(2)), "verbs": []}
            blocks.append(block)
        elif line.startswith("-"):
            pattern_lines += 1
            if block is None:
                raise BuildError(f"line {lineno}: pattern outside a verb block")
            patterns.append(parse_pattern(line, lineno, block["name"], synsets))
        else:
            if block is None:
                raise BuildError(f"line {lineno}: verb outside a verb block")
            block["verbs"].append(parse_verb_line(line, lineno))

    names = [b["name"] for b in blocks]
    if len(set(names)) != len(names):
        raise BuildError("duplicate block names")

    # Verbs listed in more than one block: the first keeps them (PETRARCH's setdefault).
    seen: dict[tuple, str] = {}
    shadowed = []
    for b in blocks:
        for v in b["verbs"]:
            key = (v["verb"], tuple(v["before"]), tuple(v["after"]))
            if key in seen:
                if seen[key] != b["name"]:
                    shadowed.append(f"{v['text']} (line {v['line']}, {b['name']}; kept in {seen[key]})")
            else:
                seen[key] = b["name"]

    # Codes Accord's CAMEO table (resources/cameo/cameo_codes.tsv) does not list: kept as written;
    # consumers resolve them with accord.events.ontology.nearest() (176 -> 17).
    known = cameo_codes()
    unknown: set[str] = set()
    for code in [b["code"] for b in blocks] + [v["code"] for b in blocks for v in b["verbs"] if v["code"]] + [
        p["code"] for p in patterns if "skip" not in p
    ]:
        for part in code.split(":"):
            if part not in ("", "---") and part not in known:
                unknown.add(part)

    skipped = [p for p in patterns if "skip" in p]
    skip_reasons: dict[str, int] = {}
    for p in skipped:
        skip_reasons[p["skip"]] = skip_reasons.get(p["skip"], 0) + 1
    stats = {
        "synsets": len(synsets),
        "synset_members": sum(len(s["members"]) for s in synsets.values()),
        "blocks": len(blocks),
        "verbs": sum(len(b["verbs"]) for b in blocks),
        "multiword_verbs": sum(1 for b in blocks for v in b["verbs"] if v["before"] or v["after"]),
        "pattern_lines": pattern_lines,
        "patterns": len(patterns),
        "patterns_usable": len(patterns) - len(skipped),
        "patterns_skipped": len(skipped),
        "skip_reasons": dict(sorted(skip_reasons.items())),
        "verbs_shadowed": len(shadowed),
        "blocks_without_verbs": sorted(b["name"] for b in blocks if not b["verbs"]),
        "transformations": len(transforms),
        "codes_not_in_cameo_table": sorted(unknown),
    }
    records: list[dict] = list(synsets.values()) + blocks + patterns + transforms
    return records, {"stats": stats, "shadowed": shadowed, "skipped": skipped}


def render(text: str) -> tuple[str, dict]:
    records, info = build(text)
    meta = {
        "kind": "meta",
        "format": FORMAT_VERSION,
        "source": SOURCE,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "built_by": "tools/build_verbs.py",
        "counts": info["stats"],
    }
    out = [json.dumps(meta, ensure_ascii=False, separators=(",", ":"))]
    out += [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    return "\n".join(out) + "\n", info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "accord" / "resources" / "events")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the packaged file is out of date")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    source = args.shared / SOURCE_REL
    if not source.exists():
        print(f"error: {source} not found (use --shared)", file=sys.stderr)
        return 2
    text = source.read_text(encoding="utf-8")
    try:
        content, info = render(text)
    except BuildError as exc:
        print(f"error: {source}: {exc}", file=sys.stderr)
        return 1
    target = args.out / OUT_NAME
    if not args.quiet:
        st = info["stats"]
        print(
            f"{source}: {st['synsets']} synonym sets ({st['synset_members']} members), {st['blocks']} verb blocks, "
            f"{st['verbs']} verbs ({st['multiword_verbs']} multi-word), {st['patterns']} of {st['pattern_lines']} "
            f"pattern lines read, {st['patterns_usable']} usable, {st['patterns_skipped']} skipped, "
            f"{st['transformations']} transformations"
        )
        for p in info["skipped"]:
            print(f"  skipped line {p['line']} ({p['block']}): - {p['text']} [{p['code']}]: {p['skip']}")
        for s in info["shadowed"]:
            print(f"  duplicate verb ignored: {s}")
        if st["codes_not_in_cameo_table"]:
            print(f"  codes not in Accord's CAMEO table (kept as written): {', '.join(st['codes_not_in_cameo_table'])}")
        if st["blocks_without_verbs"]:
            print(f"  blocks without verbs (their patterns are unreachable): {', '.join(st['blocks_without_verbs'])}")
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != content:
            print(f"{target} is out of date; rebuild with tools/build_verbs.py", file=sys.stderr)
            return 1
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode("utf-8"))
    if not args.quiet:
        print(f"wrote {target} ({len(content.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
