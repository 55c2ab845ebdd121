"""Claims to JSON and back: the frozen dataclasses stored in the corpus.

A :class:`~consistency.model.Claim` (with its :class:`~consistency.model.Sentence`
and :class:`~consistency.model.Quantity` values) is stored as the JSON of
:func:`dataclasses.asdict`. Reading follows the dataclasses' type hints
(lists become tuples, nested dataclasses are rebuilt), tolerates fields
added later (they take their defaults) and ignores fields that no longer
exist; a stored claim that lacks a field without default cannot be
rebuilt and raises ``ValueError``. Infinite bounds ("more than 10,000" is
``[10000, inf]``) are written as ``Infinity``, which :mod:`json` reads back.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from typing import Any

from ..model import Claim

__all__ = ["claim_to_json", "claim_from_json"]


def claim_to_json(claim: Claim) -> str:
    """One claim as compact JSON (keys sorted, so equal claims give equal text)."""
    return json.dumps(dataclasses.asdict(claim), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint, value):
    if value is None:
        return None
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is not type(None):
                return _decode(arg, value)
    if origin is tuple and isinstance(value, list):
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        if args and len(args) == len(value):
            return tuple(_decode(a, v) for a, v in zip(args, value))
        return tuple(value)
    if hint is tuple and isinstance(value, list):
        return tuple(tuple(v) if isinstance(v, list) else v for v in value)
    return value


def _build(cls, data: dict[str, Any]):
    hints = _hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    try:
        return cls(**{k: _decode(hints.get(k), v) for k, v in data.items() if k in known})
    except TypeError as exc:
        raise ValueError(f"stored {cls.__name__} cannot be rebuilt: {exc}") from None


def claim_from_json(text: str) -> Claim:
    """Rebuild a :class:`Claim` written by :func:`claim_to_json`."""
    return _build(Claim, json.loads(text))
