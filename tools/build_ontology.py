#!/usr/bin/env python3
"""Build Accord's event-ontology tables from their upstream sources.

Reads (paths relative to --shared, default ../shared beside the repository):
  data/cameo/CAMEO_codefile.txt        CAMEO event codes and names
  data/plover/CAMEO2PLOVER-2021.txt    CAMEO -> PLOVER type, mode, context
  data/plover/PLOVER_MANUAL.tex        PLOVER event types, their modes, the context list
  data/plover/PLOVER_GSR_CAMEO.txt     only to check the gold-label table covers every label
and tools/sources/CAMEO.goldsteinscale.txt from this repository.

Writes (under --out, default src/accord/resources):
  cameo/cameo_codes.tsv, plover/plover_types.tsv, plover/plover_gold_labels.tsv

Every correction made to the upstream data is listed in the tables below, with its reason,
and reported on stdout when it is applied. The build fails rather than guess when the upstream
files contain something these rules do not cover.

Usage: .venv/bin/python tools/build_ontology.py [--shared /work/shared] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# A code's quad class follows its CAMEO root: 01-05, 06-08, 09-13, 14-20 -> 1, 2, 3, 4.
QUAD_BY_ROOT = {f"{r:02d}": 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}

# Placeholder PLOVER type for CAMEO roots the PLOVER manual lists as "dropped" (01, 02): every
# row needs a type, and consumers must be able to tell "no PLOVER event" from a missing mapping.
DROPPED = "DROPPED"
DROPPED_ROOTS = {"01", "02"}

# --- CAMEO_codefile.txt corrections -------------------------------------------------------------
# Spelling slips in LABEL names (whole words only).
NAME_TYPOS = {
    "commment": "comment",  # 018
    "Apolgize": "Apologize",  # 055
    "adminstrative": "administrative",  # 1051
    "Ostruct": "Obstruct",  # 1444
}
# Malformed code fields. "13y" carries the ICEWS wording of 137 ("Threaten with repression" vs
# "Threaten with violent repression") and sits where 137 belongs.
CODE_TYPOS = {"13y": "137"}

# --- CAMEO2PLOVER-2021.txt corrections ------------------------------------------------------------
# Each fix makes a mapping agree with PLOVER_MANUAL.tex; "" means "no mode".
# Modes the mapping uses that the manual does not list for that type: (type, mode) -> mode.
MODE_FIXES = {
    ("RETREAT", "ease"): "",  # the mapping's own note: '"ease" is no longer a mode'
    ("RETREAT", "return"): "",  # commented out of the manual's RETREAT mode table
    ("THREATEN", "ban"): "restrict",  # THREATEN restrict covers "banning of political activities"
    ("THREATEN", "political"): "restrict",  # 1321 restrictions on speech: same
    ("COERCE", "ban"): "restrict",  # COERCE restrict covers banning "from political life"
    ("ASSAULT", "seize"): "destroy",  # 1712 Destroy property; seize is a COERCE mode
    ("ASSAULT", "assassinate"): "targeted",  # targeted: "(successful and attempted) assassinations"
    ("ASSAULT", "massacre"): "targeted",  # commented out; targeted covers "deliberate mass killings"
    ("ASSAULT", "cleansing"): "",  # commented out, no successor; context religion_ethnicity stays
}
# Contexts the mapping uses that the manual's context list does not have.
CONTEXT_FIXES = {
    "democracy": "pro_democracy",
    "humanitarian": "human_security",  # the mapping itself uses human_security for aid (162, 1663)
}
# Whole-row corrections: code -> ((type, mode, context), reason). Applied before inheritance, so
# children without their own mapping inherit the corrected row.
ROW_FIXES = {
    "163": (("SANCTION", "discontinue", "diplomatic"),
            "manual, SANCTION: international sanctions are coded 'discontinue' (mapping: COERCE restrict)"),
    "0813": (("CONCEDE", "", "legal"),
             "manual, CONCEDE covers 'removing curfews'; README maps 081-083 to CONCEDE (mapping: RETREAT)"),
    "0814": (("CONCEDE", "", "legal"),
             "same as 0813: easing a state of emergency is a CONCEDE like its parent 081 (mapping: RETREAT)"),
    "0831": (("RETREAT", "resign", "political_institutions"),
             "manual, RETREAT 'also covers resignations of government officials' (mode resign); "
             "0831 is CAMEO's change of leadership a resignation makes (mapping: CONCEDE)"),
    "175": (("ASSAULT", "", "pro_autocracy,military"),
            "mapping put the context pro_autocracy in the mode column"),
    "195": (("ASSAULT", "aerial", "military"),
            "Employ aerial weapons: manual mode 'aerial' (mapping: heavy-weapons)"),
    "1952": (("ASSAULT", "drone", "military"),
             "remotely piloted aerial munitions: manual mode 'drone' (not in mapping)"),
}

# --- PLOVER 0.5 gold-standard labels -> 2021 types ------------------------------------------------
# PLOVER_GSR_CAMEO.txt is coded in PLOVER 0.5b1; the 2021 manual renamed or merged these.
# label -> (type, mode, note); type "" means the record is not an event.
GOLD_LABELS = {
    "AGREE": ("AGREE", "", ""),
    "CONSULT": ("CONSULT", "", ""),
    "SUPPORT": ("SUPPORT", "", ""),
    "CONCEDE": ("CONCEDE", "", ""),
    "COOPERATE": ("COOPERATE", "", ""),
    "AID": ("AID", "", ""),
    "RETREAT": ("RETREAT", "", ""),
    "INVESTIGATE": ("ACCUSE", "investigate", "CAMEO 09; folded into ACCUSE as mode investigate"),
    "DEMAND": ("REQUEST", "", "CAMEO 10; renamed REQUEST"),
    "DISAPPROVE": ("ACCUSE", "", "CAMEO 11; renamed ACCUSE (modes disapprove or allege)"),
    "REJECT": ("REJECT", "", ""),
    "THREATEN": ("THREATEN", "", ""),
    "PROTEST": ("PROTEST", "", ""),
    "SANCTION": ("SANCTION", "", ""),
    "MOBILIZE": ("MOBILIZE", "", ""),
    "COERCE": ("COERCE", "", ""),
    "ASSAULT": ("ASSAULT", "", "CAMEO 18 (unconventional violence)"),
    "FIGHT": ("ASSAULT", "", "CAMEO 19-20; merged into ASSAULT"),
    "DOCUMENT": ("", "", "not an event: file documentation record, skip when scoring"),
}


class BuildError(Exception):
    pass


def log(msg: str) -> None:
    print(msg)


# --- readers --------------------------------------------------------------------------------------

def read_codefile(path: Path) -> dict[str, str]:
    """Return code -> name, one entry per distinct code, in the file's order."""
    root_re = re.compile(r"^//(\d\d)[:=]\s*(.+?)\s*$")
    label_re = re.compile(r"^LABEL(i|I)?:\s*(\w+)=\s*(.+?)\s*$")
    # code -> list of (is_icews, name); ICEWS variants come from LABELi lines or an "i" suffix.
    labels: dict[str, list[tuple[bool, str]]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if m := root_re.match(line):
            labels.setdefault(m.group(1), []).append((False, m.group(2)))
            continue
        if not line.strip() or line.startswith("//") or set(line.strip()) == {"~"}:
            continue
        m = label_re.match(line)
        if not m:
            raise BuildError(f"{path}:{lineno}: unrecognised line {line!r}")
        icews, code, name = bool(m.group(1)), m.group(2), m.group(3)
        if code in CODE_TYPOS:
            log(f"codefile:{lineno}: code {code!r} read as {CODE_TYPOS[code]}")
            code = CODE_TYPOS[code]
        elif re.fullmatch(r"\d{2,4}i", code):
            code, icews = code[:-1], True
        if not re.fullmatch(r"\d{2,4}", code):
            raise BuildError(f"{path}:{lineno}: bad code {code!r}")
        for bad, good in NAME_TYPOS.items():
            fixed = re.sub(rf"\b{bad}\b", good, name)
            if fixed != name:
                log(f"codefile:{lineno}: {code} name typo {bad!r} -> {good!r}")
                name = fixed
        labels.setdefault(code, []).append((icews, name))
    names = {}
    for code, variants in labels.items():
        # Prefer the first plain LABEL; ICEWS wording only when there is nothing else.
        plain = [n for icews, n in variants if not icews]
        names[code] = (plain or [n for _, n in variants])[0]
    return names


def read_goldstein(path: Path) -> dict[str, float]:
    scores = {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t")
        if next(rows) != ["CAMEOEVENTCODE", "GOLDSTEINSCALE"]:
            raise BuildError(f"{path}: unexpected header")
        for lineno, row in enumerate(rows, 2):
            code, value = row
            if code in scores:
                raise BuildError(f"{path}:{lineno}: duplicate code {code}")
            scores[code] = float(value)
    return scores


def _strip_latex(text: str) -> str:
    text = re.sub(r"(?m)(?<!\\)%.*$", "", text)  # comments
    text = re.sub(r"\\(?:begin|end)\{itemize\}", "", text)
    text = re.sub(r"\\item\s*", "\n* ", text)
    for _ in range(3):  # nested macros
        text = re.sub(r"\\(?:plcat|plcon|plmod|ti|txt|textit|emph|textbf|texttt)\{([^{}]*)\}", r"\1", text)
    text = text.replace("``", '"').replace("''", '"').replace("---", "\u2014").replace("\\ldots", "...")
    text = text.replace("\\_", "_").replace("\\&", "&")
    text = re.sub(r"\s*\\ref\{[^}]*\}", "", text)
    if "\\" in text:
        raise BuildError(f"unhandled LaTeX in description: {text!r}")
    lead, *items = [re.sub(r"\s+", " ", part).strip().rstrip(".;") for part in text.split("\n* ")]
    if not items:
        return lead + "."
    # Lists become "lead: a; b; c." (a list with no lead-in is just "a; b; c.").
    return (f"{lead.rstrip(':')}: " if lead else "") + "; ".join(items) + "."


def read_manual(path: Path) -> tuple[dict[str, tuple[list[str], str]], set[str]]:
    """Return ({type: (modes, description)}, contexts) from the PLOVER manual."""
    tex = path.read_text(encoding="utf-8")
    chapter = re.search(r"\\chapter\{Event Categories\}(.*?)\\chapter\{", tex, re.S)
    if not chapter:
        raise BuildError(f"{path}: no 'Event Categories' chapter")
    types = {}
    for name, body in re.findall(r"\\section\{([A-Z]+)\}(.*?)(?=\\section\{|\Z)", chapter.group(1), re.S):
        intro = body.split("\\subsection", 1)[0]
        # The "See the discussion in Section ..." pointer is about the manual, not the type.
        intro = re.sub(r"See the discussion in Section[^.]*\.", "", intro)
        modes = []
        table = re.search(r"\\caption\{[^\n]*modes.*?\\end\{tabular\}", body, re.S | re.I)
        if table:
            for line in table.group(0).splitlines():
                if m := re.match(r"^([a-z][a-z-]*)\s*&", line.strip()):
                    modes.append(m.group(1))
        types[name] = (modes, _strip_latex(intro))
    table = re.search(r"\\label\{tab:general-contexts\}(.*?)\\end\{longtable\}", tex, re.S)
    if not table:
        raise BuildError(f"{path}: no general-contexts table")
    contexts = set()
    for line in table.group(1).splitlines():
        if m := re.match(r"^(?:\\hyperref\[[^]]*\]\{([^}]*)\}|([a-z][a-z\\_]*))\s*&", line.strip()):
            contexts.add((m.group(1) or m.group(2)).replace("\\_", "_"))
    return types, contexts


def read_cameo2plover(path: Path) -> tuple[dict[str, tuple[str, str, str]], dict[str, set[str]]]:
    """Return ({code: (type, mode, context)}, {root: header types}).

    Lines look like "041: CONSULT, phone,   # Discuss by telephone"; two-digit lines with only
    a type ("04: CONSULT") are section headers.
    """
    mapping: dict[str, tuple[str, str, str]] = {}
    headers: dict[str, set[str]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        body = line.split("#", 1)[0].strip()
        if not body or set(body) == {"~"}:
            continue
        m = re.fullmatch(r"(\d{2,4}):\s*(.*)", body)
        if not m:
            raise BuildError(f"{path}:{lineno}: unrecognised line {line!r}")
        code, fields = m.group(1), [f.strip() for f in m.group(2).split(",")]
        if len(code) == 2 and len(fields) == 1:
            headers.setdefault(code, set()).add(fields[0])
            continue
        if len(fields) != 3:
            raise BuildError(f"{path}:{lineno}: expected 'TYPE, mode, context', got {line!r}")
        ptype, mode, context = fields
        # Several contexts are written "a; b": store them comma-separated like the mode lists.
        context = ",".join(c.strip() for c in context.split(";") if c.strip())
        row = (ptype, mode, context)
        if code in mapping and mapping[code] != row:
            raise BuildError(f"{path}:{lineno}: {code} mapped twice, differently")
        mapping[code] = row
    return mapping, headers


# --- assembly -------------------------------------------------------------------------------------

def fix_mappings(mapping, types, contexts):
    fixed = {}
    for code, (ptype, mode, context) in mapping.items():
        new_mode = MODE_FIXES.get((ptype, mode), mode)
        new_context = ",".join(CONTEXT_FIXES.get(c, c) for c in context.split(",") if c)
        if (new_mode, new_context) != (mode, context):
            log(f"mapping: {code} {ptype} mode/context {mode!r}/{context!r} -> {new_mode!r}/{new_context!r}")
        fixed[code] = (ptype, new_mode, new_context)
    for code, (row, reason) in ROW_FIXES.items():
        log(f"mapping: {code} {fixed.get(code)} -> {row}: {reason}")
        fixed[code] = row
    # Anything still outside the manual is a new upstream problem: stop and say so.
    for code, (ptype, mode, context) in sorted(fixed.items()):
        if ptype not in types:
            raise BuildError(f"mapping: {code}: PLOVER type {ptype!r} not in the manual")
        if mode and mode not in types[ptype][0]:
            raise BuildError(f"mapping: {code}: mode {mode!r} not a {ptype} mode {types[ptype][0]}")
        for c in filter(None, context.split(",")):
            if c not in contexts:
                raise BuildError(f"mapping: {code}: context {c!r} not in the manual")
    return fixed


def assemble(names, goldstein, mapping, headers):
    rows = []
    for code in sorted(names):
        parents = [code[:n] for n in range(len(code), 1, -1)]
        score = next((goldstein[p] for p in parents if p in goldstein), None)
        if score is None:
            raise BuildError(f"no Goldstein score for {code} or a parent")
        if code not in goldstein:
            log(f"goldstein: {code} missing, using parent's {score}")
        root = code[:2]
        if len(code) == 2:
            # A root takes its "x0" code's full mapping; the mapping's header lines give no mode
            # or context, and 08 has two headers (CONCEDE and RETREAT).
            x0 = root + "0"
            if x0 in mapping:
                plover = mapping[x0]
                if headers.get(root) and plover[0] not in headers[root]:
                    log(f"mapping: root {root} headers {sorted(headers[root])} but {x0} is {plover[0]}")
            elif root in DROPPED_ROOTS and root not in headers:
                plover = (DROPPED, "", "")
            else:
                raise BuildError(f"mapping: root {root} has no {x0} mapping")
        elif root in DROPPED_ROOTS and not any(p in mapping for p in parents):
            plover = (DROPPED, "", "")
        else:
            source = next((p for p in parents if p in mapping), None)
            if source is None:
                raise BuildError(f"mapping: {code} has no mapped ancestor")
            plover = mapping[source]
            if source != code:
                log(f"mapping: {code} missing, inherits {source} {plover}")
        rows.append([code, names[code], f"{score:.1f}", str(QUAD_BY_ROOT[root]), *plover])
    return rows


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    for row in rows:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise BuildError(f"{path}: tab or newline inside a cell: {row}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # Plain tab-joined lines, no quoting: cells never hold tabs or newlines (checked above).
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.writelines("\t".join(row) + "\n" for row in [header, *rows])
    log(f"wrote {path} ({len(rows)} rows)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared reference-data folder (default: ../shared beside the repo)")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "accord" / "resources",
                    help="resources folder to write into (default: src/accord/resources)")
    args = ap.parse_args(argv)
    data = args.shared / "data"
    if not (data / "cameo" / "CAMEO_codefile.txt").is_file():
        print(f"build_ontology: error: {data} has no cameo/CAMEO_codefile.txt; pass --shared", file=sys.stderr)
        return 2
    try:
        names = read_codefile(data / "cameo" / "CAMEO_codefile.txt")
        goldstein = read_goldstein(REPO / "tools" / "sources" / "CAMEO.goldsteinscale.txt")
        types, contexts = read_manual(data / "plover" / "PLOVER_MANUAL.tex")
        mapping, headers = read_cameo2plover(data / "plover" / "CAMEO2PLOVER-2021.txt")
        if unknown := sorted(set(mapping) - set(names)):
            raise BuildError(f"mapping: codes not in the CAMEO codefile: {unknown}")
        mapping = fix_mappings(mapping, types, contexts)
        cameo_rows = assemble(names, goldstein, mapping, headers)

        type_rows = [[t, ",".join(modes), desc] for t, (modes, desc) in types.items()]
        type_rows.append([DROPPED, "", "Not a PLOVER event: the manual drops CAMEO 01 (MAKE PUBLIC "
                          "STATEMENT) and 02 (APPEAL); CAMEO codes under them map here."])

        gold = json.loads((data / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
        missing = {r["event"] for r in gold} - set(GOLD_LABELS)
        if missing:
            raise BuildError(f"gold labels without a mapping: {sorted(missing)}")
        for label, (ptype, mode, _) in GOLD_LABELS.items():
            if ptype and (ptype not in types or (mode and mode not in types[ptype][0])):
                raise BuildError(f"gold label {label}: {ptype}/{mode} not in the manual")
        gold_rows = [[label, *GOLD_LABELS[label]] for label in sorted(GOLD_LABELS)]
    except BuildError as e:
        print(f"build_ontology: error: {e}", file=sys.stderr)
        return 1

    write_tsv(args.out / "cameo" / "cameo_codes.tsv",
              ["code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context"],
              cameo_rows)
    write_tsv(args.out / "plover" / "plover_types.tsv", ["type", "modes", "description"], type_rows)
    write_tsv(args.out / "plover" / "plover_gold_labels.tsv",
              ["label_v05", "plover", "plover_mode", "note"], gold_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
