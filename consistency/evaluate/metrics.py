"""Counts and the figures made of them: precision, recall, F1."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

__all__ = ["PRF", "ratio"]


def ratio(num: float, den: float) -> Optional[float]:
    """``num / den``, or ``None`` when ``den`` is 0 (undefined, not zero)."""
    return num / den if den else None


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts.

    ``tp_pred`` counts the predictions that are right and ``tp_gold`` the gold
    items that were found; they differ when several findings hit one gold
    contradiction (each is right, the contradiction is found once).
    """

    tp_pred: int = 0
    predicted: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> Optional[float]:
        return ratio(self.tp_pred, self.predicted)

    @property
    def recall(self) -> Optional[float]:
        return ratio(self.tp_gold, self.gold)

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp_pred + other.tp_pred, self.predicted + other.predicted,
                   self.tp_gold + other.tp_gold, self.gold + other.gold)

    def as_dict(self) -> dict:
        r = lambda x: None if x is None else round(x, 4)  # noqa: E731
        return {"precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1),
                "tp_predicted": self.tp_pred, "predicted": self.predicted,
                "tp_gold": self.tp_gold, "gold": self.gold}
