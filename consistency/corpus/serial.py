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
from typing import Any, Callable, Optional

from ..model import Claim

__all__ = ["claim_to_json", "claim_from_json"]


def claim_to_json(claim: Claim) -> str:
    """One claim as compact JSON (keys sorted, so equal claims give equal text): the JSON of
    :func:`dataclasses.asdict`, built without its deep copies (a quarter of a corpus write)."""
    return json.dumps(_plain(claim), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@lru_cache(maxsize=None)
def _field_names(cls) -> Optional[tuple[str, ...]]:
    """The field names of a dataclass type, ``None`` for any other type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def _plain(value):
    """What :func:`dataclasses.asdict` makes of ``value``, as :mod:`json` writes it (a tuple as a list)."""
    names = _field_names(type(value))
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint, value):
    return _decoder(hint)(value)


def _same(value):
    return value


@lru_cache(maxsize=None)
def _decoder(hint) -> Callable[[Any], Any]:
    """The function that rebuilds a JSON value of type ``hint``, worked out once per hint."""
    if dataclasses.is_dataclass(hint):
        return lambda value: None if value is None else (_build(hint, value) if isinstance(value, dict) else value)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is not type(None):
                inner = _decoder(arg)
                return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda value: (tuple(item(v) for v in value) if isinstance(value, list) else value)
        items = tuple(_decoder(a) for a in args)
        return lambda value: ((tuple(f(v) for f, v in zip(items, value)) if items and len(items) == len(value)
                               else tuple(value)) if isinstance(value, list) else value)
    if hint is tuple:
        return lambda value: (tuple(tuple(v) if isinstance(v, list) else v for v in value)
                              if isinstance(value, list) else value)
    return _same


@lru_cache(maxsize=None)
def _field_decoders(cls) -> dict[str, Callable[[Any], Any]]:
    hints = _hints(cls)
    return {f.name: _decoder(hints.get(f.name)) for f in dataclasses.fields(cls)}


def _build(cls, data: dict[str, Any]):
    decoders = _field_decoders(cls)
    try:
        return cls(**{k: decoders[k](v) for k, v in data.items() if k in decoders})
    except TypeError as exc:
        raise ValueError(f"stored {cls.__name__} cannot be rebuilt: {exc}") from None


def claim_from_json(text: str) -> Claim:
    """Rebuild a :class:`Claim` written by :func:`claim_to_json`."""
    return _build(Claim, json.loads(text))
