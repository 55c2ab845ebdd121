"""Pairwise evaluation: each (text, hypothesis) pair is a batch of two articles.

The pair is called a contradiction when the checker reports at least one
``contradict`` finding between its two articles. Precision, recall and F1
are computed against the gold label mapped to "contradiction" (for RTE-3
``label3 == NO``, for XNLI ``contradiction``); entailment pairs called
contradictions are counted separately, as the costliest false alarms.
Each pair also gets a verdict in the checker's own terms, so the
distribution shows *why* a pair was missed:

``contradict``   at least one contradict finding across the two articles
``agree``        aligned facts, all agreeing
``unverifiable`` aligned, but the values cannot be compared (or only hedged ones differ)
``unaligned``    no statement of the text was aligned with the hypothesis
"""

from __future__ import annotations

import csv
import json
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..model import Finding, Report
from ..read import article_from_text
from ..settings import Settings
from .metrics import PRF
from .runner import MemoEmbedder, Progress, check_batches

__all__ = ["PairSpec", "Pair", "PairOutcome", "PairsResult", "PairsError", "read_pairs", "subsample",
           "evaluate_pairs", "tune_pairs", "pair_verdict", "PAIR_VERDICTS"]

PAIR_VERDICTS = ("contradict", "agree", "unverifiable", "unaligned")


class PairsError(ValueError):
    """A pairs file is malformed; the message names the file (and line)."""


@dataclass(frozen=True)
class PairSpec:
    """How to read a pairs file.

    Attributes
    ----------
    text_columns : (str, str)
        Columns (or JSON keys) of the text and the hypothesis.
    label_column : str
    contradiction_labels : tuple of str
        Labels that mean "contradiction" (compared case-insensitively).
    entailment_labels : tuple of str
        Labels that mean "entailment": such pairs called contradictions are counted apart.
    where : tuple of (column, value)
        Keep only rows whose column equals the value (case-insensitive; JSON ``true`` is "true").
    id_column : str, optional
        Column with the pair id (default: the row number).
    """

    text_columns: tuple[str, str] = ("text", "hypothesis")
    label_column: str = "label"
    contradiction_labels: tuple[str, ...] = ("contradiction",)
    entailment_labels: tuple[str, ...] = ("entailment",)
    where: tuple[tuple[str, str], ...] = ()
    id_column: Optional[str] = None

    def is_contradiction(self, label: str) -> bool:
        return label.strip().lower() in {x.strip().lower() for x in self.contradiction_labels}

    def is_entailment(self, label: str) -> bool:
        return label.strip().lower() in {x.strip().lower() for x in self.entailment_labels}


@dataclass(frozen=True)
class Pair:
    id: str
    line: int
    text: str
    hypothesis: str
    label: str


def _cell(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else str(v)


def _rows(path: str):
    """Yield ``(line, dict)`` of a TSV/CSV (with header) or JSONL file."""
    low = path.lower()
    with open(path, encoding="utf-8", newline="") as fh:
        if low.endswith((".jsonl", ".json")):
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise PairsError(f"{path}:{lineno}: broken JSON line ({exc.msg})") from None
                if not isinstance(rec, dict):
                    raise PairsError(f"{path}:{lineno}: a record must be a JSON object")
                yield lineno, rec
        else:
            delim = "," if low.endswith(".csv") else "\t"
            reader = csv.DictReader(fh, delimiter=delim)
            for rec in reader:
                yield reader.line_num, rec


def read_pairs(path: str, spec: PairSpec = PairSpec()) -> list[Pair]:
    """Read the pairs of a TSV/CSV (header row) or JSONL file.

    Raises
    ------
    PairsError
        A column is missing (the message lists the ones there) or a line is broken.
    """
    if not os.path.isfile(path):
        raise PairsError(f"{path}: no such file")
    need = [*spec.text_columns, spec.label_column, *(c for c, _ in spec.where)]
    if spec.id_column:
        need.append(spec.id_column)
    out: list[Pair] = []
    for n, (lineno, rec) in enumerate(_rows(path)):
        missing = [c for c in need if c not in rec]
        if missing:
            raise PairsError(f"{path}:{lineno}: no column {', '.join(map(repr, missing))} "
                             f"(columns: {', '.join(rec)}); see --text-columns / --label-column")
        if any(_cell(rec[c]).strip().lower() != v.strip().lower() for c, v in spec.where):
            continue
        text, hyp = (_cell(rec[c]).strip() for c in spec.text_columns)
        if not text or not hyp:
            raise PairsError(f"{path}:{lineno}: empty text or hypothesis")
        ident = _cell(rec[spec.id_column]) if spec.id_column else str(n)
        out.append(Pair(id=ident, line=lineno, text=text, hypothesis=hyp, label=_cell(rec[spec.label_column]).strip()))
    if not out:
        raise PairsError(f"{path}: no pairs (after the --where filter)" if spec.where else f"{path}: no pairs")
    return out


def subsample(pairs: Sequence[Pair], n: Optional[int], seed: int = 0) -> list[Pair]:
    """A random subset of ``n`` pairs (file order kept), or all of them."""
    if n is None or n >= len(pairs):
        return list(pairs)
    keep = sorted(random.Random(seed).sample(range(len(pairs)), n))
    return [pairs[i] for i in keep]


@dataclass(frozen=True)
class PairOutcome:
    pair: Pair
    verdict: str
    gold: str = "other"  # "contradiction", "entailment" or "other" (from the label mapping)
    kinds: tuple[str, ...] = ()  # kinds of the contradict findings
    finding: Optional[Finding] = None  # the first contradict finding, else the first cross-article one


@dataclass(frozen=True)
class PairsResult:
    """The figures of one pairs file under one setting."""

    path: str
    contradictions: PRF
    entailment_total: int
    entailment_called_contradict: int
    verdicts: dict  # gold class ("contradiction"/"entailment"/"other") -> {verdict: count}
    by_kind: dict  # finding kind -> {"predicted": n, "correct": n}
    outcomes: tuple[PairOutcome, ...] = field(default=(), repr=False)
    settings: dict = field(default_factory=dict)
    language: Optional[str] = None

    @property
    def n(self) -> int:
        return len(self.outcomes)


def pair_verdict(report: Report) -> tuple[str, tuple[str, ...], Optional[Finding]]:
    """The checker's verdict on a two-article report (see the module doc)."""
    cross = [f for f in report.findings if len({s.article for s in f.statements}) >= 2]
    contra = [f for f in cross if f.verdict == "contradict"]
    if contra:
        return "contradict", tuple(sorted({f.kind for f in contra})), contra[0]
    for verdict in ("agree", "unverifiable"):
        hit = next((f for f in cross if f.verdict == verdict), None)
        if hit is not None:
            return verdict, (), hit
    return "unaligned", (), None


def _gold_class(spec: PairSpec, label: str) -> str:
    if spec.is_contradiction(label):
        return "contradiction"
    if spec.is_entailment(label):
        return "entailment"
    return "other"


def evaluate_pairs(pairs: Sequence[Pair], spec: PairSpec, settings: Settings = Settings(), *,
                   embedder=None, language: Optional[str] = None, path: str = "pairs",
                   prefetch: bool = True, progress: Optional[Progress] = None) -> PairsResult:
    """Check every pair as a two-article batch and score "contradict" against the label.

    Parameters
    ----------
    pairs : sequence of Pair
    spec : PairSpec
        Label mapping.
    settings : Settings
    embedder : Embedder, optional
        Reused across pairs (and across calls: pass a :class:`~.runner.MemoEmbedder`
        to keep the embeddings between settings).
    language : {"de", "en"}, optional
        Language of both sides; detected per article if not given.
    """
    stem = os.path.basename(path)
    batches = [[article_from_text(f"{stem}#{p.id}/text", p.text, language=language),
                article_from_text(f"{stem}#{p.id}/hypothesis", p.hypothesis, language=language)]
               for p in pairs]
    reports = check_batches(batches, settings, embedder=embedder, prefetch=prefetch, progress=progress)
    outcomes = []
    tp = pred = gold = 0
    ent_total = ent_fp = 0
    verdicts: dict[str, Counter] = {"contradiction": Counter(), "entailment": Counter(), "other": Counter()}
    by_kind: dict[str, Counter] = {}
    for p, rep in zip(pairs, reports):
        verdict, kinds, finding = pair_verdict(rep)
        cls = _gold_class(spec, p.label)
        outcomes.append(PairOutcome(p, verdict, cls, kinds, finding))
        verdicts[cls][verdict] += 1
        is_c = verdict == "contradict"
        gold += cls == "contradiction"
        pred += is_c
        tp += is_c and cls == "contradiction"
        if cls == "entailment":
            ent_total += 1
            ent_fp += is_c
        for k in kinds:
            c = by_kind.setdefault(k, Counter())
            c["predicted"] += 1
            c["correct"] += cls == "contradiction"
    return PairsResult(
        path=path, contradictions=PRF(tp, pred, tp, gold), entailment_total=ent_total,
        entailment_called_contradict=ent_fp,
        verdicts={k: {v: c.get(v, 0) for v in PAIR_VERDICTS} for k, c in verdicts.items() if sum(c.values())},
        by_kind={k: dict(c) for k, c in sorted(by_kind.items())}, outcomes=tuple(outcomes),
        settings={"value_threshold": settings.value_threshold, "statement_threshold": settings.statement_threshold,
                  "phrase_threshold": settings.phrase_threshold, "model": (embedder.name if embedder else settings.model)},
        language=language)


def tune_pairs(pairs: Sequence[Pair], spec: PairSpec, grid: Sequence[Settings], *, embedder,
               language: Optional[str] = None, path: str = "pairs",
               progress: Optional[Progress] = None) -> list[PairsResult]:
    """Evaluate the pairs under each setting of ``grid``, embedding once.

    Returns
    -------
    results : list of PairsResult
        In the order of ``grid``; pick the best by dev F1 and report it on test.
    """
    memo = embedder if isinstance(embedder, MemoEmbedder) else MemoEmbedder(embedder)
    return [evaluate_pairs(pairs, spec, s, embedder=memo, language=language, path=path, prefetch=i == 0,
                           progress=progress) for i, s in enumerate(grid)]
