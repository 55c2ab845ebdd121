"""Measuring instruments: how good the checker is, on gold data.

- :mod:`.gold` / :mod:`.batch`: batches of articles with a ``gold.json``
  (contradictions, agreements and traps, statements named by file and quote);
- :mod:`.pairs`: text/hypothesis pairs (RTE-3, XNLI), each a two-article batch;
- :mod:`.clusters`: real news clusters (GVA incidents): false alarms on the
  untouched clusters, recall of contradictions planted in a copy;
- :mod:`.ecb`: ECB+ article pairs, across two similar but different events and
  within one event: contradiction alarms per pair;
- :mod:`.alignment`: the embedding interface on STS (Spearman) and PAWS-X (accuracy).

Nothing here prints; ``consistency eval`` formats the results.
"""

from .batch import Alarm, BatchResult, EvalSummary, Outcome, evaluate_batch, score_report, summarize
from .ecb import EcbError, EcbPair, EcbResult, EcbTopic, evaluate_ecb, read_ecb, sample_pairs
from .gold import GOLD_FILE, GOLD_VERSION, Gold, GoldError, GoldPair, Quote, load_gold, locate
from .metrics import PRF
from .pairs import (PAIR_VERDICTS, Pair, PairOutcome, PairsError, PairsResult, PairSpec, evaluate_pairs,
                    pair_verdict, read_pairs, subsample, tune_pairs)
from .runner import MemoEmbedder, check_batches, embedding_texts

__all__ = ["GOLD_FILE", "GOLD_VERSION", "Gold", "GoldError", "GoldPair", "Quote", "load_gold", "locate",
           "Outcome", "Alarm", "BatchResult", "EvalSummary", "evaluate_batch", "score_report", "summarize",
           "PRF", "PAIR_VERDICTS", "Pair", "PairOutcome", "PairsError", "PairsResult", "PairSpec",
           "evaluate_pairs", "pair_verdict", "read_pairs", "subsample", "tune_pairs",
           "MemoEmbedder", "check_batches", "embedding_texts",
           "EcbError", "EcbPair", "EcbResult", "EcbTopic", "evaluate_ecb", "read_ecb", "sample_pairs"]
