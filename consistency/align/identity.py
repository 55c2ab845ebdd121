"""Fitted decisions, shipped as data: calibrated linear models over named features.

A model is a small JSON object (see ``consistency/data/models.json``, made by
``python -m consistency.learn``)::

    {"features": [...], "mean": [...], "scale": [...], "coef": [...], "intercept": b,
     "calibration": {"x": [...], "y": [...]}}

The score ``z = coef . (f - mean) / scale + intercept`` is mapped to a
probability by a calibration fitted on out-of-fold scores: isotonic
(``{"x": [...], "y": [...]}``, piecewise linear) or a sigmoid (``{"platt": [a, b]}``,
``p = 1 / (1 + exp(-(a z + b)))``). Applying a model needs
numpy only; fitting it needs scikit-learn (:mod:`consistency.learn`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import numpy as np

__all__ = ["LinearModel", "load_models", "models_digest", "MODELS_VERSION", "ModelsError"]

MODELS_VERSION = "consistency.models/1"


class ModelsError(RuntimeError):
    """The fitted models file is missing or does not fit this code."""


@dataclass(frozen=True, eq=False)
class LinearModel:
    """A calibrated linear model over named features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    cal_x: np.ndarray
    cal_y: np.ndarray
    platt: tuple = ()

    @classmethod
    def from_dict(cls, d: dict, expected: Sequence[str]) -> "LinearModel":
        if tuple(d["features"]) != tuple(expected):
            raise ModelsError(f"fitted features {d['features']} differ from the code's {list(expected)}: "
                              "re-fit with `python -m consistency.learn`")
        cal = d.get("calibration") or {}
        return cls(tuple(d["features"]), np.asarray(d["mean"], float), np.asarray(d["scale"], float),
                   np.asarray(d["coef"], float), float(d["intercept"]), np.asarray(cal.get("x", ()), float),
                   np.asarray(cal.get("y", ()), float), tuple(cal.get("platt", ())))

    def decision(self, F: np.ndarray) -> np.ndarray:
        """Raw scores, shape (n,), of feature rows ``F`` of shape (n, n_features)."""
        F = np.asarray(F, dtype=float)
        if F.ndim != 2 or F.shape[1] != len(self.features):
            raise ValueError(f"features must have shape (n, {len(self.features)}), got {F.shape}")
        Z = np.subtract(F, self.mean)  # one temporary, divided in place (the same numbers)
        Z /= self.scale
        return Z @ self.coef + self.intercept

    def predict_proba(self, F: np.ndarray) -> np.ndarray:
        """Calibrated probabilities, shape (n,)."""
        z = self.decision(F)
        if self.platt:
            return _sigmoid(self.platt[0] * z + self.platt[1])
        if len(self.cal_x) < 2:
            return _sigmoid(z)
        return np.interp(z, self.cal_x, self.cal_y)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(-z))`` without overflow: a score far out of the fitted range (a feature
    beyond anything seen in fitting) is 0 or 1, not a numpy RuntimeWarning."""
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500.0, 500.0)))


@lru_cache(maxsize=4)
def _read(path: str | None) -> dict:
    try:
        if path is None:
            text = resources.files("consistency.data").joinpath("models.json").read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
    except (OSError, FileNotFoundError) as exc:
        raise ModelsError(f"fitted models not found ({exc}); re-create them with `python -m consistency.learn`") from None
    data = json.loads(text)
    if data.get("version") != MODELS_VERSION:
        raise ModelsError(f"models file version {data.get('version')!r}, expected {MODELS_VERSION!r}")
    return data


def load_models(path: str | None = None) -> dict:
    """The fitted models file as a dict (``story``, ``value``, ``statement``, ... entries).

    ``path`` defaults to ``$CONSISTENCY_MODELS`` if set (a re-fitted file, to try it without
    installing it), else the file shipped in the package.
    """
    return _read(path or os.environ.get("CONSISTENCY_MODELS") or None)


@lru_cache(maxsize=4)
def _digest(path: str | None) -> str:
    return hashlib.sha256(json.dumps(_read(path), sort_keys=True).encode("utf-8")).hexdigest()[:20]


def models_digest(path: str | None = None) -> str:
    """A digest of the models :func:`load_models` would return: part of every cache key of
    results that depend on them, so that trying a re-fitted file never reuses old findings."""
    return _digest(path or os.environ.get("CONSISTENCY_MODELS") or None)
