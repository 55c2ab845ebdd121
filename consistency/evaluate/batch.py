"""Score the checker on batches of articles with gold files.

A gold contradiction is *found* when one ``contradict`` finding holds a
statement matching its ``a`` quote and one matching its ``b`` quote at
different positions (the two sides of the disagreement). A ``contradict``
finding that matches no gold contradiction is a *false alarm*; if it holds
both statements of a ``not_contradict`` trap, the trap is *violated*. An
``agree`` pair is *aligned* when both statements are in one ``agree`` finding,
or on the same side (position) of one ``contradict`` finding: two articles
that agree with each other and disagree with a third are aligned.

Per kind, recall counts the gold contradictions of that kind that were found
(by a finding of any kind) and precision counts the findings of that kind
that match a gold contradiction (of any kind); ``kind_right`` says how many
found contradictions were found by a finding of the gold's own kind.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..model import KINDS, Finding, Report
from ..pipeline import check_articles, get_embedder
from ..read import read_paths
from ..settings import Settings
from .gold import GOLD_FILE, Gold, GoldError, GoldPair, Located, load_gold, locate, matches
from .metrics import PRF

__all__ = ["Outcome", "Alarm", "BatchResult", "EvalSummary", "evaluate_batch", "score_report",
           "summarize", "gold_path"]


@dataclass(frozen=True)
class Outcome:
    """What became of one gold pair: the finding that holds it, or a note on why none does."""

    pair: GoldPair
    finding: Optional[Finding] = None
    note: str = ""


@dataclass(frozen=True)
class Alarm:
    """A ``contradict`` finding that matches no gold contradiction."""

    finding: Finding
    trap: Optional[GoldPair] = None


@dataclass(frozen=True)
class BatchResult:
    batch: str
    report: Report
    found: tuple[Outcome, ...]
    missed: tuple[Outcome, ...]
    false_alarms: tuple[Alarm, ...]
    correct_findings: tuple[Finding, ...]
    agree_found: tuple[Outcome, ...]
    agree_missed: tuple[Outcome, ...]
    traps_kept: tuple[Outcome, ...]
    traps_violated: tuple[Outcome, ...]

    @property
    def contradictions(self) -> PRF:
        return PRF(len(self.correct_findings), len(self.correct_findings) + len(self.false_alarms),
                   len(self.found), len(self.found) + len(self.missed))


@dataclass(frozen=True)
class EvalSummary:
    """Totals over batches."""

    overall: PRF
    by_kind: dict
    kind_right: int
    agree_found: int
    agree_total: int
    traps_violated: int
    traps_total: int
    batches: tuple[BatchResult, ...] = field(default=())

    @property
    def agree_recall(self) -> Optional[float]:
        return self.agree_found / self.agree_total if self.agree_total else None


def gold_path(batch_dir: str) -> str:
    return os.path.join(batch_dir, GOLD_FILE)


def _holds(f: Finding, la: Located, lb: Located, apart: bool) -> bool:
    """Does ``f`` hold both statements (at different positions if ``apart``)?"""
    sa = [s for s in f.statements if matches(s, la)]
    if not sa:
        return False
    sb = [s for s in f.statements if matches(s, lb)]
    if not apart:
        return bool(sb)
    return any(x.position != y.position for x in sa for y in sb)


def _side_by_side(f: Finding, la: Located, lb: Located) -> bool:
    """Both statements in one ``agree`` finding, or on the same side of a ``contradict`` finding."""
    if f.verdict == "agree":
        return _holds(f, la, lb, apart=False)
    if f.verdict != "contradict":
        return False
    sa = [s for s in f.statements if matches(s, la)]
    sb = [s for s in f.statements if matches(s, lb)]
    return any(x.position == y.position for x in sa for y in sb)


def _note(pair: GoldPair, report: Report, where: dict) -> str:
    """Why a gold pair is not where the gold wants it: what the checker did with it."""
    la, lb = where[pair.a], where[pair.b]
    for f in report.findings:
        if _holds(f, la, lb, apart=False):
            if f.verdict == "contradict":
                apart = _holds(f, la, lb, apart=True)
                return (f"in a {f.kind} contradiction ({f.fact})" if apart
                        else f"in a {f.kind} contradiction but on the same side ({f.fact})")
            extra = f", {f.reason}" if f.reason else ""
            return f"aligned, judged {f.verdict} ({f.kind}: {f.fact}{extra})"
    ina = sum(1 for f in report.findings if any(matches(s, la) for s in f.statements))
    inb = sum(1 for f in report.findings if any(matches(s, lb) for s in f.statements))
    if not ina and not inb:
        return "not aligned; neither statement is in any finding"
    return f"not aligned (a is in {ina} finding(s), b in {inb})"


def score_report(report: Report, gold: Gold, where: dict, batch: str = "") -> BatchResult:
    """Score one report against its gold; ``where`` comes from :func:`~.gold.locate`."""
    contra = [f for f in report.findings if f.verdict == "contradict"]
    found, missed = [], []
    for pair in gold.contradict:
        hit = next((f for f in contra if _holds(f, where[pair.a], where[pair.b], apart=True)), None)
        if hit is not None:
            same = next((f for f in contra if f.kind == pair.kind
                         and _holds(f, where[pair.a], where[pair.b], apart=True)), hit)
            found.append(Outcome(pair, same, "found" if same.kind == pair.kind else f"found as {same.kind}"))
        else:
            missed.append(Outcome(pair, None, _note(pair, report, where)))
    correct, alarms = [], []
    for f in contra:
        if any(_holds(f, where[p.a], where[p.b], apart=True) for p in gold.contradict):
            correct.append(f)
        else:
            trap = next((p for p in gold.not_contradict if _holds(f, where[p.a], where[p.b], apart=True)), None)
            alarms.append(Alarm(f, trap))
    agree_found, agree_missed = [], []
    for pair in gold.agree:
        hit = next((f for f in report.findings if _side_by_side(f, where[pair.a], where[pair.b])), None)
        (agree_found if hit else agree_missed).append(
            Outcome(pair, hit, "aligned" if hit else _note(pair, report, where)))
    kept, violated = [], []
    for pair in gold.not_contradict:
        hit = next((f for f in contra if _holds(f, where[pair.a], where[pair.b], apart=True)), None)
        (violated if hit else kept).append(Outcome(pair, hit, f"called a {hit.kind} contradiction" if hit else "kept"))
    return BatchResult(batch=batch, report=report, found=tuple(found), missed=tuple(missed),
                       false_alarms=tuple(alarms), correct_findings=tuple(correct),
                       agree_found=tuple(agree_found), agree_missed=tuple(agree_missed),
                       traps_kept=tuple(kept), traps_violated=tuple(violated))


def evaluate_batch(batch_dir: str, settings: Settings = Settings(), *, embedder=None) -> BatchResult:
    """Check the articles of ``batch_dir`` and score the report against its ``gold.json``.

    Raises
    ------
    GoldError
        No gold file, or a malformed one, or a quote that is not in its article.
    """
    gpath = gold_path(batch_dir)
    if not os.path.isfile(gpath):
        raise GoldError(f"{batch_dir}: no {GOLD_FILE} in this folder (see docs/evaluation.md for the format)")
    gold = load_gold(gpath)
    articles = read_paths([batch_dir], max_bytes=settings.max_bytes)
    where = locate(gold, articles, batch_dir)
    report = check_articles(articles, settings, embedder=embedder or get_embedder(settings))
    return score_report(report, gold, where, batch=batch_dir)


def summarize(results: Sequence[BatchResult]) -> EvalSummary:
    """Add up the batches: overall and per-kind precision/recall/F1, agree recall, traps."""
    overall = PRF()
    by_kind: dict[str, PRF] = {}
    kind_right = 0
    for r in results:
        overall = overall + r.contradictions
        for k in KINDS:
            pred = [f for f in (*r.correct_findings, *(a.finding for a in r.false_alarms)) if f.kind == k]
            right = [f for f in r.correct_findings if f.kind == k]
            gold_k = [o for o in (*r.found, *r.missed) if o.pair.kind == k]
            found_k = [o for o in r.found if o.pair.kind == k]
            prf = PRF(len(right), len(pred), len(found_k), len(gold_k))
            if prf.predicted or prf.gold:
                by_kind[k] = by_kind.get(k, PRF()) + prf
        kind_right += sum(1 for o in r.found if o.finding is not None and o.finding.kind == o.pair.kind)
    return EvalSummary(
        overall=overall, by_kind=dict(sorted(by_kind.items())), kind_right=kind_right,
        agree_found=sum(len(r.agree_found) for r in results),
        agree_total=sum(len(r.agree_found) + len(r.agree_missed) for r in results),
        traps_violated=sum(len(r.traps_violated) for r in results),
        traps_total=sum(len(r.traps_violated) + len(r.traps_kept) for r in results),
        batches=tuple(results))
