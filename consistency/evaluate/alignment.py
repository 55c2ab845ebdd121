"""Alignment quality of an embedding engine, through the project's own interface.

- STS benchmark (``stsb_multi_mt``, German and English test, and German
  sentence 1 against English sentence 2 for cross-lingual alignment):
  Spearman correlation of the cosine of the two sentences with the gold score;
  also with numbers masked as the pipeline embeds them
  (:func:`~consistency.embed.mask_numbers`).
- PAWS-X German (paraphrase or not, word-swap adversaries): accuracy of
  ``cosine >= t`` on test, with ``t`` chosen for the best accuracy on dev;
  ROC AUC on test.
"""

from __future__ import annotations

import csv
import os
from typing import Optional, Sequence

import numpy as np

from ..embed import Embedder, mask_numbers
from .runner import MemoEmbedder

__all__ = ["read_sts", "read_paws", "pair_cosines", "best_threshold", "evaluate_alignment"]


def read_sts(data_dir: str, lang: str, split: str) -> tuple[list[str], list[str], np.ndarray]:
    """``stsb_multi_mt`` CSV (no header: sentence1, sentence2, score 0-5)."""
    path = os.path.join(data_dir, "stsb_multi_mt", f"stsb-{lang}-{split}.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh) if r]
    return [r[0] for r in rows], [r[1] for r in rows], np.array([float(r[2]) for r in rows])


def read_paws(data_dir: str, split: str) -> tuple[list[str], list[str], np.ndarray]:
    """PAWS-X German TSV (header id, sentence1, sentence2, label; no quoting)."""
    path = os.path.join(data_dir, "paws_x_de", f"paws-x-de-{split}.tsv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return ([r["sentence1"] for r in rows], [r["sentence2"] for r in rows],
            np.array([int(r["label"]) for r in rows]))


def pair_cosines(embedder: Embedder, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine of ``a[i]`` and ``b[i]``, shape (n,)."""
    A, B = embedder.encode(list(a)), embedder.encode(list(b))
    return np.einsum("ij,ij->i", A, B)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """Threshold ``t`` (predict 1 iff score >= t) with the best accuracy; midpoints between scores."""
    s = np.unique(scores)
    cands = np.concatenate([[s[0] - 1e-6], (s[:-1] + s[1:]) / 2, [s[-1] + 1e-6]])
    accs = [np.mean((scores >= t) == labels) for t in cands]
    return float(cands[int(np.argmax(accs))])


def evaluate_alignment(data_dir: str, embedder: Embedder, limit: Optional[int] = None) -> dict:
    """Spearman on STS test (de, en, de->en; raw and number-masked) and PAWS-X de accuracy.

    ``limit`` keeps the first ``limit`` pairs of each set (a quick look, not a figure to report).

    Raises
    ------
    FileNotFoundError
        ``stsb_multi_mt/`` or ``paws_x_de/`` is not in ``data_dir``.
    """
    from scipy.stats import spearmanr
    from sklearn.metrics import roc_auc_score

    for sub in ("stsb_multi_mt", "paws_x_de"):
        if not os.path.isdir(os.path.join(data_dir, sub)):
            raise FileNotFoundError(f"{os.path.join(data_dir, sub)}: not found (shared evaluation data absent)")
    memo = embedder if isinstance(embedder, MemoEmbedder) else MemoEmbedder(embedder)
    cut = (lambda xs: xs[:limit]) if limit else (lambda xs: xs)  # noqa: E731
    sts = {lang: tuple(cut(x) for x in read_sts(data_dir, lang, "test")) for lang in ("de", "en")}
    paws = {split: tuple(cut(x) for x in read_paws(data_dir, split)) for split in ("dev", "test")}
    texts = [t for a, b, _ in (*sts.values(), *paws.values()) for t in (*a, *b)]
    memo.prefetch(texts + [mask_numbers(t) for t in texts])
    out: dict = {"model": memo.name}
    for lang, (a, b, y) in sts.items():
        out[f"sts_{lang}_test_spearman"] = float(spearmanr(pair_cosines(memo, a, b), y).statistic)
        out[f"sts_{lang}_test_spearman_masked"] = float(spearmanr(
            pair_cosines(memo, [mask_numbers(x) for x in a], [mask_numbers(x) for x in b]), y).statistic)
        out[f"sts_{lang}_test_pairs"] = len(y)
    (de_a, _, y), (_, en_b, _) = sts["de"], sts["en"]
    out["sts_de_en_test_spearman"] = float(spearmanr(pair_cosines(memo, de_a, en_b), y).statistic)
    t = best_threshold(pair_cosines(memo, *paws["dev"][:2]), paws["dev"][2])
    a, b, y = paws["test"]
    s = pair_cosines(memo, a, b)
    out["pawsx_de_threshold_dev"] = t
    out["pawsx_de_test_accuracy"] = float(np.mean((s >= t) == y))
    out["pawsx_de_test_auc"] = float(roc_auc_score(y, s))
    out["pawsx_de_test_majority"] = float(max(np.mean(y), 1 - np.mean(y)))
    out["pawsx_de_test_pairs"] = len(y)
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in out.items()}
