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
    for task in chosen:
        figures[task] = RUNNERS[task](console, shared, gold, pipeline, errors)
    if as_json:
        print(json.dumps(figures, indent=2))


def _actors(console: Console, shared: Path, gold: Path, pipeline, errors: int) -> dict:
    from ..evaluation.actors import evaluate

    # The blind sample (offset 1) was labelled without reading Accord's code or output and is never
    # used to change Accord: its errors are not printed, so that its figure stays an honest one.
    # The offset-4 sample was blind until it was measured once; it is a development sample now.
    samples = [("development", gold / "actor_country_gold.tsv"), ("held-out", gold / "actor_country_heldout.tsv"),
               ("offset-4", gold / "actor_country_blind.tsv"), ("blind", gold / "actor_country_blind2.tsv")]
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
        if name == "blind":
            continue
        for e in r.errors[:errors]:
            console.print(f"  gold {e['gold']} got {e['predicted']}: {e['span']!r} (mention {e['mention']!r})", markup=False)
    return figures


def _events(console: Console, shared: Path, gold: Path, pipeline, errors: int) -> dict:
    from ..evaluation import events as ev

    out: dict[str, Any] = {}
    plover_both = ev.evaluate_plover_both(shared, pipeline)
    plover, plover_errors = plover_both["manual"]
    plover_2021 = plover_both["2021"][0]
    variants = ev.evaluate_conflibert_class_variants(shared, pipeline)
    classes = variants["learned"][0]
    (heldout, class_errors), heldout_rules = variants["learned_heldout"], variants["rules_heldout"][0]
    spans = ev.evaluate_conflibert_spans(shared, pipeline)
    table = Table(title="Events")
    for col in ("data", "measure", "n", "value %"):
        table.add_column(col)
    table.add_row("PLOVER gold sentences", "event type accuracy (predicted CAMEO code typed by the manual's "
                  "cue-category table, as the gold was coded)", str(plover.n), _pct(plover.accuracy))
    table.add_row("PLOVER gold sentences", "event type accuracy (typed by CAMEO2PLOVER-2021, as the records are)",
                  str(plover_2021.n), _pct(plover_2021.accuracy))
    table.add_row("ConfliBERT class sentences, all (80% trained on)", "5-class accuracy", str(classes.n),
                  _pct(classes.accuracy))
    table.add_row("ConfliBERT class sentences, held out", "5-class accuracy", str(heldout.n), _pct(heldout.accuracy))
    table.add_row("ConfliBERT class sentences, held out", "5-class accuracy, rules alone (CAMEO root)",
                  str(heldout_rules.n), _pct(heldout_rules.accuracy))
    for role, label in (("S", "source"), ("T", "target"), ("both", "source+target"),
                        ("R", "participants of reciprocal events, undirected"), ("all", "all three")):
        sc = spans[role]
        table.add_row("ConfliBERT NER sentences", f"{label} span P / R / F1 (overlap)", str(sc.n_gold),
                      f"{_pct(sc.precision)} / {_pct(sc.recall)} / {_pct(sc.f1)}")
    console.print(table)
    per = Table(title="ConfliBERT 5 classes, held out: precision and recall")
    for col in ("class", "gold", "predicted", "precision %", "recall %"):
        per.add_column(col)
    for label, v in heldout.per_class().items():
        per.add_row(f"{label} {ev.CLASS_NAMES.get(label, '')}", str(v["gold"]), str(v["predicted"]),
                    _pct(v["precision"]), _pct(v["recall"]))
    console.print(per)
    ptable = Table(title="PLOVER types: precision and recall")
    for col in ("type", "gold", "predicted", "precision %", "recall %"):
        ptable.add_column(col)
    for label, v in plover.per_class().items():
        ptable.add_row(str(label), str(v["gold"]), str(v["predicted"]), _pct(v["precision"]), _pct(v["recall"]))
    console.print(ptable)
    # The headline class figure is the held-out one: the learned class was trained on the rest.
    out.update(plover_accuracy=plover.accuracy, plover_accuracy_2021=plover_2021.accuracy, conflibert_class_accuracy=heldout.accuracy,
               conflibert_class_accuracy_rules=heldout_rules.accuracy,
               conflibert_class_accuracy_all=classes.accuracy,
               conflibert_class_accuracy_all_rules=variants["rules"][0].accuracy,
               span_f1=spans["both"].f1, source_f1=spans["S"].f1, target_f1=spans["T"].f1,
               reciprocal_f1=spans["R"].f1, all_roles_f1=spans["all"].f1)
    expect = gold / "founding_events_expected.yaml"
    example = Path(__file__).resolve().parents[1] / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"
    if expect.exists():
        r = ev.evaluate_expectations(expect, example, pipeline)
        f = Table(title="Founding article against a careful coder's expectations")
        for col in ("coded", "expected", "recalled", "rejected by a careful coder", "rejected %"):
            f.add_column(col, justify="right")
        f.add_row(str(r["coded"]), str(r["expected"]), str(r["recalled"]), str(r["rejected"]), _pct(r["rejected_share"]))
        console.print(f)
        for e in r["rejected_events"][:errors]:
            console.print(f"  rejected: {e}", markup=False)
        out["founding"] = {k: r[k] for k in ("coded", "expected", "recalled", "rejected")}
    for e in plover_errors[:errors]:
        console.print(f"  PLOVER {e['gold']} got {e['predicted']} ({e['code']}): {e['text'][:120]}", markup=False)
    for e in class_errors[:errors]:
        console.print(f"  class {e['gold']} got {e['predicted']} ({e['event']}): {e['text'][:120]}", markup=False)
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
