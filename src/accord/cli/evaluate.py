"""`accord eval`: score the pipeline on the project's evaluation data and print tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List, Optional

import typer
from rich.console import Console
from rich.table import Table

TASKS = ("actors", "events", "time", "quotes", "happenings")


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def eval_command(
    tasks: Optional[List[str]] = typer.Argument(None, help=f"Which to run: {', '.join(TASKS)} (default: all)."),
    shared: Path = typer.Option(Path("../shared"), "--shared", help="The shared data folder (contract, data/)."),
    gold: Path = typer.Option(Path("tests/data"), "--gold", help="The project's hand-labelled samples."),
    errors: int = typer.Option(0, "--errors", help="Also print this many errors per task."),
    as_json: bool = typer.Option(False, "--json", help="Print figures as JSON."),
    dump: Optional[Path] = typer.Option(None, "--dump", help="events: write every mismatch on development "
                                        "data (never held-out data) to this JSONL file."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                                   help="events: score another confidence threshold than the default."),
    statements: bool = typer.Option(False, "--statements", help="events: keep bare statements (CAMEO 010), "
                                    "in the records and in the gold."),
) -> None:
    """Evaluate actors, events, time and quotes; prints a table per task."""
    console = Console()
    chosen = tasks or list(TASKS)
    unknown = [t for t in chosen if t not in TASKS]
    if unknown:
        raise typer.BadParameter(f"unknown task(s) {', '.join(unknown)}; choose from {', '.join(TASKS)}")
    if not (shared / "data").is_dir():
        console.print(f"accord eval: no shared data at {shared} (pass --shared)")
        raise typer.Exit(3)
    from ..pipeline import Pipeline

    pipeline = Pipeline.default()
    figures: dict[str, Any] = {}
    options = {"dump": dump, "min_confidence": min_confidence, "statements": statements}
    if as_json:
        console = Console(stderr=True)  # the tables go to stderr, the JSON alone to stdout
    for task in chosen:
        if task == "events":
            figures[task] = _events(console, shared, gold, pipeline, errors, options)
        else:
            figures[task] = RUNNERS[task](console, shared, gold, pipeline, errors)
    if as_json:
        print(json.dumps(figures, indent=2))


def _actors(console: Console, shared: Path, gold: Path, pipeline, errors: int) -> dict:
    from ..evaluation.actors import evaluate

    # The blind samples (offset 3, the current one, and offset 1, the one before it) were labelled
    # without reading Accord's code or output and are never used to change Accord: their errors are
    # not printed, so that their figures stay honest ones. The offset-4 sample was blind until it
    # was measured once; it is a development sample now. The offset-3 sample is read when present.
    samples = [("development", gold / "actor_country_gold.tsv"), ("held-out", gold / "actor_country_heldout.tsv"),
               ("offset-4", gold / "actor_country_blind.tsv"), ("blind, offset 1", gold / "actor_country_blind2.tsv"),
               ("blind", gold / "actor_country_blind3.tsv")]
    samples = [(name, path) for name, path in samples if path.exists()]
    if not samples:
        console.print(f"actors: skipped, no labelled samples in {gold}")
        return {}
    actor_stage = next(s for s in pipeline.stages if s.name == "actors")
    table = Table(title="Actor countries: hand-labelled ConfliBERT spans")
    for col in ("sample", "spans", "agree", "agreement %"):
        table.add_column(col, justify="right")
    figures: dict[str, Any] = {}
    results = []
    for name, path in samples:
        r = evaluate(shared, path, pipeline.nlp, actor_stage)
        table.add_row(name, str(r.n), str(r.agree), _pct(r.accuracy))
        figures[name] = {"spans": r.n, "agreement": r.accuracy}
        results.append(r)
    console.print(table)
    for (name, _), r in zip(samples, results):
        if name.startswith("blind"):
            continue
        for e in r.errors[:errors]:
            console.print(f"  gold {e['gold']} got {e['predicted']}: {e['span']!r} (mention {e['mention']!r})", markup=False)
    return figures


def _events(console: Console, shared: Path, gold: Path, pipeline, errors: int, options: dict | None = None) -> dict:
    """Records-level figures (what `accord extract` writes with default options), development
    and held-out parts apart; internal figures beside, labelled. Errors are printed and dumped for
    development data only."""
    from ..evaluation import events as ev
    from ..evaluation import wikinews as wn
    from ..events.policy import RecordPolicy

    options = options or {}
    packaged = RecordPolicy.packaged()
    policy = RecordPolicy(min_confidence=packaged.min_confidence if options.get("min_confidence") is None
                          else options["min_confidence"], statements=bool(options.get("statements")))
    pipeline = pipeline.with_policy(policy)
    dump: list[dict] = []
    classes = ev.evaluate_conflibert_classes(shared, pipeline)
    spans = ev.evaluate_conflibert_span_parts(shared, pipeline)
    plover = ev.evaluate_plover(shared, pipeline)
    devset = wn.evaluate(gold / "wikinews_dev", shared, pipeline, statements=policy.statements)
    dump += classes["errors"] + spans["errors"] + plover["errors"]

    title = "Events: the records `accord extract` writes"
    title += " (default options)" if policy == packaged else \
        f" (min confidence {policy.min_confidence}, statements {'kept' if policy.statements else 'left out'})"
    table = Table(title=title)
    for col in ("data", "part", "measure", "n", "value %"):
        table.add_column(col)
    kind = {"development": "development (tuned on)", "held-out": "held out"}
    out: dict[str, Any] = {"policy": {"min_confidence": policy.min_confidence, "statements": policy.statements},
                           "conflibert": {}, "internal": {}}
    for part in ev.PARTS:
        c = classes[part]["records"]
        sp = spans[part]["records"]
        table.add_row("ConfliBERT class sentences", kind[part], "5-class accuracy of the sentence's record",
                      str(c.n), _pct(c.accuracy))
        readme_grouping = classes[part]["records, README grouping"]
        table.add_row("ConfliBERT class sentences", kind[part], "the same, root 16 counted as material conflict "
                      "(the data README's grouping 14-20; the labels put it in verbal conflict)",
                      str(readme_grouping.n), _pct(readme_grouping.accuracy))
        table.add_row("ConfliBERT class sentences", kind[part], "sentences with a record", str(c.n),
                      _pct(classes[part]["with a record"] / c.n if c.n else 0.0))
        for role, label in (("S", "source"), ("T", "target"), ("R", "reciprocal participants")):
            table.add_row("ConfliBERT NER sentences", kind[part], f"{label} span P / R / F1 (overlap)",
                          str(sp[role].n_gold), f"{_pct(sp[role].precision)} / {_pct(sp[role].recall)} / {_pct(sp[role].f1)}")
        annotated = spans[part]["records, T or R annotated"]["T"]
        table.add_row("ConfliBERT NER sentences", kind[part], "target span P / R / F1, only sentences annotated with "
                      "a T or R span (not the headline: see the evaluation's docstring)", str(annotated.n_gold),
                      f"{_pct(annotated.precision)} / {_pct(annotated.recall)} / {_pct(annotated.f1)}")
        out["conflibert"][part] = {
            "class_accuracy": c.accuracy, "class_accuracy_root16_material": readme_grouping.accuracy,
            "sentences": c.n, "with_record": classes[part]["with a record"],
            "per_class": {str(k): v for k, v in c.per_class().items()},
            **{f"{name}_{m}": getattr(sp[role], m) for role, name in (("S", "source"), ("T", "target"),
                                                                        ("R", "reciprocal"), ("both", "source_target"))
               for m in ("precision", "recall", "f1")},
            "span_gold": {r: sp[r].n_gold for r in ("S", "T", "R")},
            "target_on_t_or_r_annotated_sentences": {
                m: getattr(spans[part]["records, T or R annotated"]["T"], m)
                for m in ("precision", "recall", "f1", "n_pred", "n_gold")}}
        internal = spans[part]["internal"]
        out["internal"][part] = {
            "class_accuracy_main_detection": classes[part]["internal rules"].accuracy,
            "source_f1_main_detection": internal["S"].f1, "target_f1_main_detection": internal["T"].f1}
    for by, label in (("manual", "typed by the PLOVER manual's cue table (the gold's scheme)"),
                      ("2021", "the record's own PLOVER type (CAMEO2PLOVER-2021)")):
        r = plover[by]
        table.add_row("PLOVER gold sentences", kind["development"], f"type accuracy of the sentence's record, {label}",
                      str(r.n), _pct(r.accuracy))
    out["plover"] = {"accuracy_manual": plover["manual"].accuracy, "accuracy_2021": plover["2021"].accuracy,
                     "sentences": plover["manual"].n,
                     "per_type": {str(k): v for k, v in plover["manual"].per_class().items()}}
    out["internal"]["plover_accuracy_main_detection"] = plover["internal"].accuracy
    if devset is None:
        console.print(f"events: no Wikinews development set in {gold / 'wikinews_dev'} (skipped)")
    else:
        out["wikinews"] = {}
        # A, C, D, E and F are development data (C, D, E and F labelled after their records were
        # judged); B is held out. Every part is scored alike; a partly labelled part says so.
        for part, name in (("A", "part A (tuned on)"), ("C", "part C (tuned on)"), ("D", "part D (tuned on)"),
                           ("E", "part E (tuned on)"), ("F", "part F (tuned on)"), ("B", "part B (held out)")):
            if part not in devset:
                continue
            sc, strict = devset[part].score, devset[part].strict
            table.add_row(f"Wikinews 2019 dev set, {wn.articles_label(devset[part])}", name,
                          "records matching a gold event, lenient rule: P / R / F1", f"{sc.records} / {sc.gold}",
                          f"{_pct(sc.precision)} / {_pct(sc.recall)} / {_pct(sc.f1)}")
            table.add_row(f"Wikinews 2019 dev set, {wn.articles_label(devset[part])}", name,
                          "the same, strict rule (a careful coder's: actors by identity, code the gold's or "
                          "coarser, date at the gold's precision): P / R / F1", f"{strict.records} / {strict.gold}",
                          f"{_pct(strict.precision)} / {_pct(strict.recall)} / {_pct(strict.f1)}")
            aggregate = ("records", "right", "gold", "found", "precision", "recall", "f1")
            figures = sc.as_dict()
            strict_figures = {k: strict.as_dict()[k] for k in aggregate}
            if wn.PARTS[part] != "tune":  # held out: aggregate figures only
                figures = {k: figures[k] for k in aggregate}
            out["wikinews"][part] = {"articles": devset[part].articles, "articles_in_part": devset[part].total,
                                     **figures, "strict": strict_figures}
        for part in wn.DEVELOPMENT_PARTS:
            if part in devset:
                for i, m in devset[part].matches:
                    dump += wn.mismatches(i, m, part)
    expect = gold / "founding_events_expected.yaml"
    example = Path(__file__).resolve().parents[1] / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"
    founding = None
    if expect.exists():
        founding = ev.evaluate_expectations(expect, example, pipeline)
        table.add_row("founding article", kind["development"], "expected events recalled; records a careful coder "
                      "would reject", f"{founding['expected']}; {founding['coded']}",
                      f"{founding['recalled']} of {founding['expected']}; {founding['rejected']} of {founding['coded']}")
        out["founding"] = {k: founding[k] for k in ("coded", "expected", "recalled", "rejected")}
        dump += [{"set": "founding", "kind": "missing expected event", "expected": x} for x in founding["missing"]]
        dump += [{"set": "founding", "kind": "rejected record", "record": x} for x in founding["rejected_events"]]
    console.print(table)

    internal = Table(title="Internal figures (not what users get: the coder's detections)")
    for col in ("data", "part", "measure", "value %"):
        internal.add_column(col)
    for part in ev.PARTS:
        f = out["internal"][part]
        internal.add_row("ConfliBERT class sentences", kind[part], "5-class accuracy, main detection's CAMEO root",
                         _pct(f["class_accuracy_main_detection"]))
        internal.add_row("ConfliBERT NER sentences", kind[part], "source / target span F1, main detection",
                         f"{_pct(f['source_f1_main_detection'])} / {_pct(f['target_f1_main_detection'])}")
    internal.add_row("PLOVER gold sentences", kind["development"], "type accuracy, main detection (manual table)",
                     _pct(out["internal"]["plover_accuracy_main_detection"]))
    console.print(internal)

    per = Table(title="ConfliBERT 5 classes of the sentence's record: precision / recall %")
    per.add_column("class")
    for part in ev.PARTS:
        per.add_column(kind[part])
    for label in range(5):
        cells = []
        for part in ev.PARTS:
            v = classes[part]["records"].per_class().get(label)
            cells.append(f"{_pct(v['precision'])} / {_pct(v['recall'])} (gold {v['gold']})" if v else "-")
        per.add_row(f"{label} {ev.CLASS_NAMES.get(label, '')}", *cells)
    console.print(per)
    ptable = Table(title="PLOVER types of the sentence's record (manual table): precision / recall %")
    for col in ("type", "gold", "records", "precision %", "recall %"):
        ptable.add_column(col)
    for label, v in plover["manual"].per_class().items():
        ptable.add_row(str(label), str(v["gold"]), str(v["predicted"]), _pct(v["precision"]), _pct(v["recall"]))
    console.print(ptable)
    for part in wn.DEVELOPMENT_PARTS:
        if devset is None or part not in devset:
            continue
        sc = devset[part].score
        ft = Table(title=f"Wikinews part {part} (tuned on): where records and gold events disagree")
        for col in ("field", "wrong records (vs the nearest gold event of their sentence)",
                    "missed gold events (vs the nearest record of their sentence)"):
            ft.add_column(col)
        ft.add_row("no gold event / no record in the sentence", str(sc.wrong_no_gold), str(sc.missed_no_record))
        ft.add_row("duplicate of a matched record", str(sc.wrong_duplicate), "-")
        for f in sc.wrong_fields:
            ft.add_row(f, str(sc.wrong_fields[f]), str(sc.missed_fields[f]))
        console.print(ft)
    if errors:
        for e in _first_per_set(dump, errors):
            console.print(f"  {json.dumps(e, ensure_ascii=False)}", markup=False, highlight=False)
    if options.get("dump"):
        path = Path(options["dump"])
        path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in dump), encoding="utf-8")
        console.print(f"events: {len(dump)} development-data mismatches written to {path} (held-out data never are)")
    return out


def _first_per_set(items: list[dict], n: int) -> list[dict]:
    seen: dict[str, int] = {}
    out = []
    for e in items:
        key = e.get("set", "")
        if seen.get(key, 0) < n:
            seen[key] = seen.get(key, 0) + 1
            out.append(e)
    return out


def _time(console: Console, shared: Path, gold: Path, pipeline, errors: int) -> dict:
    try:
        from ..evaluation import time as tev
    except ImportError:
        console.print("time: evaluation module not available")
        return {}
    runner = getattr(tev, "run_for_cli", None)
    if runner is None:
        console.print("time: the evaluation module has no run_for_cli()")
        return {}
    return runner(console, shared, gold, pipeline.nlp, errors)


def _quotes(console: Console, shared: Path, gold: Path, pipeline, errors: int) -> dict:
    try:
        from ..evaluation import quotes as qev
    except ImportError:
        console.print("quotes: evaluation module not available yet")
        return {}
    return qev.run_for_cli(console, shared, gold, pipeline, errors)


def _happenings(console: Console, shared: Path, gold: Path, pipeline, errors: int) -> dict:
    from ..evaluation.happenings import evaluate

    data = gold / "happenings"
    if not (data / "gold.yaml").exists():
        console.print(f"happenings: skipped, no labelled set in {data}")
        return {}
    result = evaluate(data, pipeline)
    f = result.figures
    table = Table(title="Near-copies and happenings: tests/data/happenings (labelled set)")
    for col in ("measure", "precision", "recall", "F1", "count"):
        table.add_column(col)
    nc, hp = f["nearcopy"], f["happenings"]
    table.add_row("near-copy pairs", _pct(nc["precision"]), _pct(nc["recall"]), "",
                  f"{nc['linked_pairs']} linked / {nc['labelled_pairs']} labelled")
    pw, b3 = hp["pairwise"], hp["bcubed"]
    table.add_row("same happening, pairs of reports", _pct(pw["precision"]), _pct(pw["recall"]),
                  _pct(pw["f1"]), f"{pw['pairs_same_gold']} labelled pairs")
    table.add_row("same happening, B-cubed", _pct(b3["precision"]), _pct(b3["recall"]), _pct(b3["f1"]),
                  f"{hp['mapped_reports']} of {hp['reports']} reports mapped")
    table.add_row("happenings / reports (all stored)", "", "", "",
                  f"{hp['stored_happenings']} / {hp['reports']} = {hp['ratio_happenings_reports']:.2f}")
    console.print(table)
    for name, found in f["founding"].items():
        console.print(f"{name}: " + "; ".join(
            f"{h['id']} ({h['date']}): {h['articles']} articles, {h['sources']} sources, "
            f"{h['reports']} reports" for h in found))
    if "order" in f:
        console.print(f"order: forward == reverse: {f['order']['forward_equals_reverse']} "
                      f"({f['order']['differing_happenings']} differ); recluster == incremental: "
                      f"{f['order']['recluster_equals_incremental']}")
    for line in result.errors[:errors]:
        console.print("  " + line, highlight=False, markup=False)
    return f


RUNNERS = {"actors": _actors, "events": _events, "time": _time, "quotes": _quotes,
           "happenings": _happenings}
