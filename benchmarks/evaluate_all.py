#!/usr/bin/env python
"""Re-run every evaluation of docs/evaluation.md and print its tables.

Each run is one ``consistency eval`` command (called in-process) writing its
JSON into ``benchmarks/results/``; the tables are made from those files, so
``--tables-only`` reprints them without running anything. Data comes from
``../shared/eval-data/`` (relative to the project root); runs whose data is
absent are skipped with a message.

  python benchmarks/evaluate_all.py                 # everything but the threshold sweep (~15 min)
  python benchmarks/evaluate_all.py --tune          # also the 48-setting sweep on RTE-3 dev (~6 min)
  python benchmarks/evaluate_all.py --only rte3,gva # some of: batches, rte3, xnli, gva, alignment
  python benchmarks/evaluate_all.py --tables-only
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RES = ROOT / "benchmarks" / "results"
DATA = "../shared/eval-data"
#: Thresholds (value, statement, phrase) used for the "tuned" rows when no sweep result is there;
#: otherwise each language takes the best setting of its RTE-3 dev sweep (``rte3-dev-LANG-tune.json``).
TUNED = ("0.35", "0.7", "0.25")
RTE = ["--label-column", "label3", "--contradiction-label", "NO", "--entailment-label", "YES", "--id-column", "id"]
CONSISTENT = ["--where", "label3_consistent_with_label2_en=true"]


def runs(tune: bool) -> dict[str, list[tuple[str, list[str]]]]:
    rte = f"{DATA}/rte3_de_en"
    out: dict[str, list] = {"batches": [("eval-batches", ["tests/data/eval/de", "tests/data/eval/en"])],
                            "rte3": [], "xnli": [], "gva": [], "alignment": []}
    for split in ("dev", "test"):
        for lang in ("de", "en"):
            base = ["--pairs", f"{rte}/rte3-{split}.jsonl", "--text-columns", f"t_{lang},h_{lang}", *RTE,
                    "--language", lang, *(CONSISTENT if split == "test" else [])]
            out["rte3"].append((f"rte3-{split}-{lang}", base))
            if tune and split == "dev":
                out["rte3"].append((f"rte3-dev-{lang}-tune", base + ["--tune"]))
            out["rte3"].append((f"rte3-{split}-{lang}-tuned", base + [f"@tuned:{lang}"]))
    out["rte3"].append(("rte3-test-de-en", ["--pairs", f"{rte}/rte3-test.jsonl", "--text-columns", "t_de,h_en",
                                            *RTE, *CONSISTENT]))
    for split in ("dev", "test"):
        for lang in ("de", "en"):
            out["xnli"].append((f"xnli-{split}-{lang}", [
                "--pairs", f"{DATA}/xnli/xnli-{split}-de-en.tsv", "--text-columns", f"premise_{lang},hypothesis_{lang}",
                "--label-column", "label", "--id-column", "idx", "--language", lang]))
        out["gva"].append((f"gva-{split}", ["--clusters", f"{DATA}/gva_incidents_semeval2018t5", "--split", split]))
    out["alignment"] = [("alignment", ["--alignment", DATA]), ("alignment-minilm", ["--alignment", DATA, "--model", "minilm"])]
    return out


def tuned_args(lang: str) -> list[str]:
    """Thresholds of the best dev setting of the language's sweep (or :data:`TUNED`)."""
    d = _load(f"rte3-dev-{lang}-tune")
    v, s, p = TUNED
    if d is not None:
        b = d["best"]
        v, s, p = str(b["value_threshold"]), str(b["statement_threshold"]), str(b["phrase_threshold"])
    return ["--value-threshold", v, "--statement-threshold", s, "--phrase-threshold", p]


def run_all(groups: dict, only) -> None:
    from consistency.cli import main

    os.chdir(ROOT)
    RES.mkdir(parents=True, exist_ok=True)
    for group, items in groups.items():
        if only and group not in only:
            continue
        for name, args in items:
            args = [x for a in args for x in (tuned_args(a.split(":")[1]) if a.startswith("@tuned:") else [a])]
            print(f"[eval] {name}", file=sys.stderr, flush=True)
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                rc = main(["eval", *args, "--format", "json", "--output", str(RES / f"{name}.json")])
            if rc == 2:
                print(f"[eval] {name} skipped: {err.getvalue().strip().splitlines()[-1] if err.getvalue() else rc}",
                      file=sys.stderr)


# ---------------------------------------------------------------- tables
def _load(name: str):
    p = RES / f"{name}.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def pairs_table() -> str:
    rows = [("RTE-3", "dev", "de", "rte3-dev-de"), ("RTE-3", "dev", "en", "rte3-dev-en"),
            ("RTE-3", "test", "de", "rte3-test-de"), ("RTE-3", "test", "en", "rte3-test-en"),
            ("RTE-3", "dev", "de", "rte3-dev-de-tuned"), ("RTE-3", "dev", "en", "rte3-dev-en-tuned"),
            ("RTE-3", "test", "de", "rte3-test-de-tuned"), ("RTE-3", "test", "en", "rte3-test-en-tuned"),
            ("RTE-3", "test", "de text / en hypothesis", "rte3-test-de-en"),
            ("XNLI", "dev", "de", "xnli-dev-de"), ("XNLI", "dev", "en", "xnli-dev-en"),
            ("XNLI", "test", "de", "xnli-test-de"), ("XNLI", "test", "en", "xnli-test-en")]
    out = ["| set | split | language | value/statement/phrase threshold | pairs | gold contradictions | P % | R % | "
           "F1 % | entailments called contradictions | gold contradictions judged contradict / agree / "
           "unverifiable / unaligned |",
           "|---|---|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for ds, split, lang, name in rows:
        d = _load(name)
        if d is None:
            continue
        c, s, v = d["contradictions"], d["settings"], d["verdicts"].get("contradiction", {})
        out.append(f"| {ds} | {split} | {lang} | {s['value_threshold']}/{s['statement_threshold']}/"
                   f"{s['phrase_threshold']} | {d['pairs']} | {c['gold']} | {_pct(c['precision'])} | "
                   f"{_pct(c['recall'])} | {_pct(c['f1'])} | {d['entailment_called_contradict']}/"
                   f"{d['entailment_total']} | {v.get('contradict', 0)} / {v.get('agree', 0)} / "
                   f"{v.get('unverifiable', 0)} / {v.get('unaligned', 0)} |")
    return "\n".join(out)


def kinds_table() -> str:
    out = ["| run | numeric right/called | date right/called | negation right/called | antonym right/called |",
           "|---|---|---|---|---|"]
    for name in ("rte3-test-de", "rte3-test-en", "xnli-test-de", "xnli-test-en"):
        d = _load(name)
        if d is None:
            continue
        k = d["by_kind"]
        cell = lambda x, k=k: f"{k[x]['correct']}/{k[x]['predicted']}" if x in k else "0/0"  # noqa: E731
        out.append(f"| {name} | {cell('numeric')} | {cell('date')} | {cell('negation')} | {cell('antonym')} |")
    return "\n".join(out)


def tune_table() -> str:
    out = []
    for lang in ("de", "en"):
        d = _load(f"rte3-dev-{lang}-tune")
        if d is None:
            continue
        rows = sorted(d["results"], key=lambda r: -(r["contradictions"]["f1"] or 0))[:5]
        out.append(f"RTE-3 dev {lang}, best 5 of {len(d['results'])} settings:\n")
        out.append("| value | statement | phrase | P % | R % | F1 % | YES called contradictions |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            s, c = r["settings"], r["contradictions"]
            out.append(f"| {s['value_threshold']} | {s['statement_threshold']} | {s['phrase_threshold']} | "
                       f"{_pct(c['precision'])} | {_pct(c['recall'])} | {_pct(c['f1'])} | "
                       f"{r['entailment_called_contradict']}/{r['entailment_total']} |")
        out.append("")
    return "\n".join(out)


def gva_table() -> str:
    out = ["| split | clusters | articles | statements | alarms (per cluster) | clusters with an alarm | alarms by kind | "
           "shared casualty counts aligned & agreed | planted numeric found | planted date found | "
           "planted negation found | all planted found (right kind) |",
           "|---|---:|---:|---:|---|---:|---|---|---|---|---|---|"]
    for split in ("dev", "test"):
        d = _load(f"gva-{split}")
        if d is None:
            continue
        u, sc, p = d["untouched"], d["shared_counts"], d["planted"]
        cell = lambda k, p=p: f"{p[k]['found']}/{p[k]['clusters']} ({_pct(p[k]['recall'])} %)"  # noqa: E731
        kinds = ", ".join(f"{k} {v}" for k, v in u["by_kind"].items())
        out.append(f"| {split} | {d['clusters']} | {d['articles']} | {d['statements']} | {u['alarms']} "
                   f"({u['alarms_per_cluster']}) | {u['clusters_with_alarms']} | {kinds} | "
                   f"{sc['agreed']}/{sc['total']} | {cell('numeric')} | {cell('date')} | {cell('negation')} | "
                   f"{cell('all')}, {p['all']['kind_right']} |")
    r = _load("gva-dev-alarm-review")
    if r:
        out.append(f"\nManual review of {r['sample']} random dev alarms (`gva-dev-alarm-review.json`): "
                   f"{r['real']} real disagreements between the articles, {r['sample'] - r['real']} false alarms.")
    return "\n".join(out)


def batches_table() -> str:
    d = _load("eval-batches")
    if d is None:
        return ""
    out = ["| kind | P % | R % | F1 % | right/called | found/gold |", "|---|---:|---:|---:|---|---|"]
    for k, v in [("overall", d["contradictions"]), *d["by_kind"].items()]:
        out.append(f"| {k} | {_pct(v['precision'])} | {_pct(v['recall'])} | {_pct(v['f1'])} | "
                   f"{v['tp_predicted']}/{v['predicted']} | {v['tp_gold']}/{v['gold']} |")
    out.append(f"\nAgree pairs aligned {d['agree']['aligned']}/{d['agree']['total']}; traps violated "
               f"{d['traps']['violated']}/{d['traps']['total']}; found with the right kind {d['found_with_right_kind']}.")
    return "\n".join(out)


def alignment_table() -> str:
    out = ["| model | STS de | STS de (numbers masked) | STS en | STS en (masked) | STS de→en | PAWS-X de acc. "
           "(threshold from dev) | PAWS-X AUC | majority |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in ("alignment", "alignment-minilm"):
        d = _load(name)
        if d is None:
            continue
        out.append(f"| {d['model']} | {d['sts_de_test_spearman']} | {d['sts_de_test_spearman_masked']} | "
                   f"{d['sts_en_test_spearman']} | {d['sts_en_test_spearman_masked']} | {d['sts_de_en_test_spearman']} | "
                   f"{d['pawsx_de_test_accuracy']} (cos ≥ {d['pawsx_de_threshold_dev']}) | {d['pawsx_de_test_auc']} | "
                   f"{d['pawsx_de_test_majority']} |")
    return "\n".join(out)


def tables() -> str:
    parts = [("Own gold batches", batches_table()), ("Pairs (RTE-3, XNLI)", pairs_table()),
             ("Contradictions by kind (test)", kinds_table()), ("Threshold sweep", tune_table()),
             ("GVA news clusters", gva_table()), ("Alignment", alignment_table())]
    return "\n\n".join(f"### {t}\n\n{s}" for t, s in parts if s.strip()) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tables-only", action="store_true", help="print the tables of the existing result files")
    ap.add_argument("--tune", action="store_true", help="also run the threshold sweep on RTE-3 dev")
    ap.add_argument("--only", default="", help="comma-separated: batches, rte3, xnli, gva, alignment")
    args = ap.parse_args(argv)
    if not args.tables_only:
        only = {x.strip() for x in args.only.split(",") if x.strip()}
        run_all(runs(args.tune), only)
    print(tables())
    return 0


if __name__ == "__main__":
    sys.exit(main())
