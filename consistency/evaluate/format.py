"""Pure functions from evaluation results to dicts (for JSON) and text tables."""

from __future__ import annotations

from typing import Optional, Sequence

from ..model import Finding
from .batch import EvalSummary
from .clusters import ClustersResult
from .ecb import PAIR_TYPES, EcbResult
from .metrics import PRF
from .pairs import PAIR_VERDICTS, PairsResult

__all__ = ["summary_dict", "summary_text", "pairs_dict", "pairs_text", "tune_text", "clusters_dict",
           "clusters_text", "ecb_dict", "ecb_text", "alignment_text", "EVAL_SCHEMA"]

EVAL_SCHEMA = "consistency.eval/1"


def _pct(x: Optional[float]) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _short(text: str, limit: int = 160) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[:limit - 1] + "…"


def _finding_dict(f: Finding) -> dict:
    return {"id": f.id, "verdict": f.verdict, "kind": f.kind, "fact": f.fact, "message": f.message,
            "statements": [{"article": s.article, "line": s.line, "position": s.position, "text": s.text}
                           for s in f.statements]}


def _pair_dict(p) -> dict:
    d = {"where": p.where, "a": {"file": p.a.file, "quote": p.a.quote}, "b": {"file": p.b.file, "quote": p.b.quote}}
    if p.kind:
        d["kind"] = p.kind
    if p.why:
        d["why"] = p.why
    return d


def summary_dict(s: EvalSummary) -> dict:
    """The batch evaluation as JSON-ready data (``consistency.eval/1``)."""
    return {
        "schema": EVAL_SCHEMA, "mode": "batches",
        "contradictions": s.overall.as_dict(),
        "by_kind": {k: v.as_dict() for k, v in s.by_kind.items()},
        "found_with_right_kind": s.kind_right,
        "agree": {"aligned": s.agree_found, "total": s.agree_total,
                  "recall": None if s.agree_recall is None else round(s.agree_recall, 4)},
        "traps": {"violated": s.traps_violated, "total": s.traps_total},
        "batches": [{
            "batch": r.batch, "contradictions": r.contradictions.as_dict(),
            "found": [{**_pair_dict(o.pair), "note": o.note, "finding": o.finding.id} for o in r.found],
            "missed": [{**_pair_dict(o.pair), "note": o.note} for o in r.missed],
            "false_alarms": [{**_finding_dict(a.finding), "trap": _pair_dict(a.trap) if a.trap else None}
                             for a in r.false_alarms],
            "agree_missed": [{**_pair_dict(o.pair), "note": o.note} for o in r.agree_missed],
            "traps_violated": [{**_pair_dict(o.pair), "finding": o.finding.id} for o in r.traps_violated],
        } for r in s.batches],
    }


def _prf_row(name: str, p: PRF) -> str:
    return (f"{name:<12} {_pct(p.precision):>6} {_pct(p.recall):>6} {_pct(p.f1):>6}   "
            f"{p.tp_pred}/{p.predicted} right, {p.tp_gold}/{p.gold} found")


def summary_text(s: EvalSummary) -> str:
    """A readable report: the figures, then every miss, false alarm and violated trap with its quotes."""
    out = [f"{'contradict':<12} {'P%':>6} {'R%':>6} {'F1%':>6}", _prf_row("overall", s.overall)]
    out += [_prf_row(k, v) for k, v in s.by_kind.items()]
    out.append(f"found with the right kind: {s.kind_right}/{s.overall.tp_gold}")
    out.append(f"agree pairs aligned: {s.agree_found}/{s.agree_total} ({_pct(s.agree_recall)}%)")
    out.append(f"traps violated: {s.traps_violated}/{s.traps_total}")
    for r in s.batches:
        lines = []
        for o in r.missed:
            lines.append(f"  MISS {o.pair.kind} ({o.pair.where}): {o.note}")
            lines.append(f"    a {o.pair.a.file}: “{_short(o.pair.a.quote)}”")
            lines.append(f"    b {o.pair.b.file}: “{_short(o.pair.b.quote)}”")
        for a in r.false_alarms:
            f = a.finding
            tag = f"TRAP VIOLATED ({a.trap.where}: {a.trap.why or 'not a contradiction'})" if a.trap else "FALSE ALARM"
            lines.append(f"  {tag} {f.kind}: {f.message}")
            for st in f.statements:
                lines.append(f"    [{st.position}] {st.article}:{st.line}: “{_short(st.text)}”")
        for o in r.agree_missed:
            lines.append(f"  AGREE NOT ALIGNED ({o.pair.where}): {o.note}")
            lines.append(f"    a {o.pair.a.file}: “{_short(o.pair.a.quote)}”")
            lines.append(f"    b {o.pair.b.file}: “{_short(o.pair.b.quote)}”")
        c = r.contradictions
        out.append("")
        out.append(f"{r.batch}: {c.tp_gold}/{c.gold} contradictions found, {len(r.false_alarms)} false alarm(s), "
                   f"{len(r.traps_violated)} trap(s) violated, {len(r.agree_found)}/{len(r.agree_found) + len(r.agree_missed)} agree aligned")
        out.extend(lines)
    return "\n".join(out) + "\n"


def pairs_dict(r: PairsResult, examples: int = 20) -> dict:
    """The pairs evaluation as JSON-ready data; ``examples`` misses and false alarms each."""
    fps = [o for o in r.outcomes if o.verdict == "contradict" and o.gold != "contradiction"]
    fns = [o for o in r.outcomes if o.verdict != "contradict" and o.gold == "contradiction"]
    fps.sort(key=lambda o: o.gold != "entailment")  # entailments called contradictions first

    def ex(o):
        d = {"id": o.pair.id, "line": o.pair.line, "label": o.pair.label, "verdict": o.verdict,
             "text": o.pair.text, "hypothesis": o.pair.hypothesis}
        if o.finding is not None:
            d["finding"] = {"kind": o.finding.kind, "message": o.finding.message}
        return d

    return {"schema": EVAL_SCHEMA, "mode": "pairs", "path": r.path, "language": r.language, "pairs": r.n,
            "settings": r.settings, "contradictions": r.contradictions.as_dict(),
            "entailment_called_contradict": r.entailment_called_contradict,
            "entailment_total": r.entailment_total, "verdicts": r.verdicts, "by_kind": r.by_kind,
            "false_alarms": [ex(o) for o in fps[:examples]], "misses": [ex(o) for o in fns[:examples]]}


def pairs_text(r: PairsResult, examples: int = 5) -> str:
    c = r.contradictions
    out = [f"{r.path}{' (' + r.language + ')' if r.language else ''}: {r.n} pairs, "
           f"value/statement/phrase thresholds {r.settings.get('value_threshold')}/"
           f"{r.settings.get('statement_threshold')}/{r.settings.get('phrase_threshold')}",
           f"contradict vs gold contradiction: P {_pct(c.precision)}%  R {_pct(c.recall)}%  F1 {_pct(c.f1)}%  "
           f"({c.tp_pred} right of {c.predicted} called, {c.gold} gold)",
           f"entailment pairs called contradictions: {r.entailment_called_contradict}/{r.entailment_total}",
           "", f"{'gold':<14}" + "".join(f"{v:>14}" for v in PAIR_VERDICTS)]
    for cls, counts in r.verdicts.items():
        out.append(f"{cls:<14}" + "".join(f"{counts.get(v, 0):>14}" for v in PAIR_VERDICTS))
    if r.by_kind:
        out.append("")
        out.append("contradictions by kind: " + ", ".join(
            f"{k} {v.get('correct', 0)}/{v.get('predicted', 0)} right" for k, v in r.by_kind.items()))
    d = pairs_dict(r, examples)
    for title, items in (("FALSE ALARMS", d["false_alarms"]), ("MISSES", d["misses"])):
        if items:
            out += ["", f"{title} (first {len(items)}):"]
            for e in items:
                why = f" — {e['finding']['kind']}: {_short(e['finding']['message'], 120)}" if "finding" in e else ""
                out.append(f"  #{e['id']} [{e['label']}] -> {e['verdict']}{why}")
                out.append(f"    T: {_short(e['text'])}")
                out.append(f"    H: {_short(e['hypothesis'])}")
    return "\n".join(out) + "\n"


def tune_text(results: Sequence[PairsResult]) -> str:
    """A table of the settings tried on dev, best F1 first."""
    rows = sorted(results, key=lambda r: -(r.contradictions.f1 or 0.0))
    out = [f"{'value':>6} {'stmt':>6} {'phrase':>6} {'P%':>6} {'R%':>6} {'F1%':>6} {'ent->c':>7}"]
    for r in rows:
        s, c = r.settings, r.contradictions
        out.append(f"{s['value_threshold']:>6} {s['statement_threshold']:>6} {s['phrase_threshold']:>6} "
                   f"{_pct(c.precision):>6} {_pct(c.recall):>6} {_pct(c.f1):>6} "
                   f"{r.entailment_called_contradict:>4}/{r.entailment_total}")
    return "\n".join(out) + "\n"


def clusters_dict(r: ClustersResult, examples: int = 30) -> dict:
    def rate(n, d):
        return round(n / d, 4) if d else None

    plants = {k: {**v, "recall": rate(v["found"], v["clusters"]),
                  "strict_recall": rate(v.get("strict", 0), v["clusters"])} for k, v in r.plants.items()}
    tot = {"clusters": sum(v["clusters"] for v in r.plants.values()),
           "found": sum(v["found"] for v in r.plants.values()),
           "kind_right": sum(v["kind_right"] for v in r.plants.values()),
           "strict": sum(v.get("strict", 0) for v in r.plants.values())}
    tot["recall"] = rate(tot["found"], tot["clusters"])
    tot["strict_recall"] = rate(tot["strict"], tot["clusters"])
    strict = r.strict_outcomes or (None,) * len(r.plant_outcomes)
    return {
        "schema": EVAL_SCHEMA, "mode": "clusters", "split": r.split, "clusters": r.clusters,
        "articles": r.articles, "statements": r.statements, "settings": r.settings,
        "untouched": {"alarms": r.alarms, "alarms_per_cluster": None if r.alarms_per_cluster is None
                      else round(r.alarms_per_cluster, 3),
                      "clusters_with_alarms": r.clusters_with_alarms, "by_kind": r.alarm_kinds,
                      "by_class": r.alarm_classes},
        "shared_counts": {"total": r.shared_counts, "agreed": r.shared_counts_agreed,
                          "contradicted": r.shared_counts_contradicted},
        "planted": {**plants, "all": tot},
        "alarms": [{"cluster": cid, "class": cls, **_finding_dict(f)} for cid, cls, f in r.alarm_list[:examples]],
        "planted_misses": [{"cluster": p.cluster, "kind": p.kind, "article": p.article, "old": p.old, "new": p.new,
                            "sentence": p.sentence, "note": note}
                           for p, f, note in r.plant_outcomes if f is None][:examples],
        # found by the loose criterion but not the strict one: the finding is about other values
        "planted_loose_only": [{"cluster": p.cluster, "kind": p.kind, "article": p.article, "old": p.old,
                                "new": p.new, "sentence": p.sentence, "finding": _finding_dict(f)}
                               for (p, f, _), fs in zip(r.plant_outcomes, strict)
                               if f is not None and fs is None][:examples],
    }


def clusters_text(r: ClustersResult, examples: int = 5) -> str:
    d = clusters_dict(r, examples)
    u = d["untouched"]
    out = [f"GVA clusters, split {r.split}: {r.clusters} clusters, {r.articles} articles, {r.statements} statements",
           f"untouched: {u['alarms']} contradiction alarm(s), alarms per cluster {u['alarms_per_cluster']}, "
           f"{u['clusters_with_alarms']}/{r.clusters} clusters with an alarm; by kind {u['by_kind']}; "
           f"numeric alarms on a casualty count with a gold count on one side only: {u['by_class'].get('gold-count', 0)}",
           f"casualty counts stated alike in two articles: {r.shared_counts}, aligned and agreed {r.shared_counts_agreed}"
           f" ({_pct(r.shared_counts_agreed / r.shared_counts if r.shared_counts else None)}%), "
           f"in a contradiction {r.shared_counts_contradicted}",
           "", "planted: found (loose) = a contradiction holds the changed statement and a counterpart apart;",
           "         strict = and the changed side carries the new value, the counterpart the original",
           f"{'planted':<10} {'clusters':>8} {'found':>6} {'R%':>6} {'kind ok':>8} {'strict':>7} {'strict R%':>9}"]
    for k, v in d["planted"].items():
        out.append(f"{k:<10} {v['clusters']:>8} {v['found']:>6} {_pct(v['recall']):>6} {v['kind_right']:>8} "
                   f"{v['strict']:>7} {_pct(v['strict_recall']):>9}")
    if d["planted_misses"]:
        out += ["", f"planted misses (first {len(d['planted_misses'])}):"]
        for m in d["planted_misses"]:
            out.append(f"  {m['kind']} {m['cluster']} “{m['old']}”->“{m['new']}”: {m['note']}")
            out.append(f"    {_short(m['sentence'])}")
    if d["planted_loose_only"]:
        out += ["", f"found loosely, not strictly (first {len(d['planted_loose_only'])}):"]
        for m in d["planted_loose_only"]:
            out.append(f"  {m['kind']} {m['cluster']} “{m['old']}”->“{m['new']}”: "
                       f"{m['finding']['kind']}: {_short(m['finding']['message'], 120)}")
    if d["alarms"]:
        out += ["", f"alarms on untouched clusters (first {len(d['alarms'])}):"]
        for a in d["alarms"]:
            out.append(f"  {a['cluster']} [{a['class']}] {a['kind']}: {_short(a['message'], 140)}")
    return "\n".join(out) + "\n"


def ecb_dict(r: EcbResult, examples: int = 30) -> dict:
    """The ECB+ evaluation as JSON-ready data; ``examples`` cross-event alarms (with their pair)."""
    by_type = {k: {**v, "per_pair": None if v["per_pair"] is None else round(v["per_pair"], 4)}
               for k, v in r.by_type.items()}
    cross = [(p, f) for p, fs in r.outcomes if p.type == "cross" for f in fs]
    return {
        "schema": EVAL_SCHEMA, "mode": "ecb", "split": r.split, "topics": r.topics, "articles": r.articles,
        "statements": r.statements, "pairs_per_topic": r.pairs_per_topic, "settings": r.settings,
        "pairs": sum(v["pairs"] for v in r.by_type.values()),
        "contradictions": sum(v["contradictions"] for v in r.by_type.values()),
        **by_type,
        "by_topic": {str(t): v for t, v in r.by_topic.items()},
        "cross_alarms": [{"topic": p.topic, "clusters": list(p.clusters), **_finding_dict(f)}
                         for p, f in cross[:examples]],
    }


def ecb_text(r: EcbResult, examples: int = 5) -> str:
    d = ecb_dict(r, examples)
    out = [f"ECB+ split {r.split}: {r.topics} topics, {d['pairs']} article pairs ({r.pairs_per_topic} per topic "
           f"and type at most, seed {r.settings.get('seed')}), {r.articles} articles, {r.statements} statements",
           "each pair is checked as a two-article batch; every contradict finding is an alarm",
           "", f"{'pairs':<7} {'pairs':>6} {'alarms':>7} {'per pair':>9} {'pairs w/ alarm':>15}  by kind"]
    for k in PAIR_TYPES:
        v = d[k]
        per = "-" if v["per_pair"] is None else f"{v['per_pair']:.3f}"
        kinds = ", ".join(f"{n} {c}" for n, c in v["by_kind"].items()) or "-"
        out.append(f"{k:<7} {v['pairs']:>6} {v['contradictions']:>7} {per:>9} "
                   f"{v['pairs_with_contradiction']:>15}  {kinds}")
    out.append("cross = one article of each sub-topic (two different, similar events); "
               "same = both from one sub-topic (one event)")
    out += ["", f"{'topic':>5} {'cross pairs':>12} {'alarms':>7} {'same pairs':>11} {'alarms':>7}"]
    for t, v in d["by_topic"].items():
        out.append(f"{t:>5} {v['cross']['pairs']:>12} {v['cross']['contradictions']:>7} "
                   f"{v['same']['pairs']:>11} {v['same']['contradictions']:>7}")
    if d["cross_alarms"]:
        out += ["", f"cross-event alarms (first {len(d['cross_alarms'])}):"]
        for a in d["cross_alarms"]:
            out.append(f"  topic {a['topic']} {a['kind']}: {_short(a['message'], 140)}")
            for st in a["statements"]:
                out.append(f"    [{st['position']}] {st['article']}:{st['line']}: “{_short(st['text'])}”")
    return "\n".join(out) + "\n"


def alignment_text(d: dict) -> str:
    return "\n".join([
        f"embedding model: {d['model']}",
        f"STS test Spearman  de {d['sts_de_test_spearman']:.4f} (masked {d['sts_de_test_spearman_masked']:.4f}, "
        f"{d['sts_de_test_pairs']} pairs)   en {d['sts_en_test_spearman']:.4f} "
        f"(masked {d['sts_en_test_spearman_masked']:.4f})   de->en {d['sts_de_en_test_spearman']:.4f}",
        f"PAWS-X de test accuracy {d['pawsx_de_test_accuracy']:.4f} at cos >= {d['pawsx_de_threshold_dev']:.4f} "
        f"(tuned on dev; majority {d['pawsx_de_test_majority']:.4f}), AUC {d['pawsx_de_test_auc']:.4f}, "
        f"{d['pawsx_de_test_pairs']} pairs",
    ]) + "\n"
