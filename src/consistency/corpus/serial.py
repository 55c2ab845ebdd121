"""Claims to JSON and back: the frozen dataclasses stored in the corpus.

A :class:`~consistency.model.Claim` (with its :class:`~consistency.model.Sentence`
and :class:`~consistency.model.Quantity` values) is stored as the JSON of
:func:`dataclasses.asdict`. Reading tolerates fields added later (they take
their defaults) and ignores fields that no longer exist; a stored claim that
lacks a field without default cannot be rebuilt and raises ``ValueError``.
Infinite bounds ("more than 10,000" is ``[10000, inf]``) are written as
``Infinity``, which :mod:`json` reads back.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from ..model import Claim, Quantity, Sentence

__all__ = ["claim_to_json", "claim_from_json"]


def claim_to_json(claim: Claim) -> str:
    """One claim as compact JSON (keys sorted, so equal claims give equal text)."""
    return json.dumps(asdict(claim), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _build(cls, data: dict[str, Any]):
    known = {f.name for f in fields(cls)}
    try:
        return cls(**{k: v for k, v in data.items() if k in known})
    except TypeError as exc:
        raise ValueError(f"stored {cls.__name__} cannot be rebuilt: {exc}") from None


def claim_from_json(text: str) -> Claim:
    """Rebuild a :class:`Claim` written by :func:`claim_to_json`."""
    d = json.loads(text)
    sentence = _build(Sentence, d["sentence"])
    values = tuple(_build(Quantity, q) for q in d.get("values", ()))
    rest = {k: v for k, v in d.items() if k not in ("sentence", "values")}
    for key in ("negation_cues", "hedge_cues"):
        if key in rest and isinstance(rest[key], list):
            rest[key] = tuple(rest[key])
    return _build(Claim, {**rest, "sentence": sentence, "values": values})
