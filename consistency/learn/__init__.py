"""Fit the decisions that ship as data (``consistency/data/models.json``).

One command re-creates the file from the dev parts of the evaluation data::

    python -m consistency.learn --eval-data ../shared/eval-data

- ``story``: are two articles about one story? Pairs of articles from ECB+ dev
  (topics 1–35: same sub-topic vs the other sub-topic of the topic, and other
  topics), GVA dev (the first 100 incidents) and the news batches.
- ``value_time`` / ``value_quantity``: are two values one fact? Candidate
  pairs of the news batches labelled from their gold (contradictions and
  agreements are one fact; traps are two, unless the trap is a compatible
  hedge; since the contradictions are exhaustive, every other pair of
  incompatible values is two facts) and of GVA dev labelled from the gold
  counts (killed and injured counts that match the incident's figures).

Test parts (ECB+ topics 36–45, the last 100 GVA incidents) are never read
for fitting; the command reports the story model on the ECB+ test topics for
information only. The quantity model is calibrated on the news batches'
pairs (sigmoid), the time and story models on all sources (isotonic); see
:func:`.fit.fit_linear`.
"""

from .fit import fit_linear
from .pairs import LabelledPairs

__all__ = ["fit_linear", "LabelledPairs"]
