"""Stage 3 — extract: Sentence in, :class:`~consistency.model.Claim` out.

A claim is a statement with the facts it states: numbers with their hedge
interval and counted noun, money, percentages, durations, years and dates
(see :mod:`.numbers`, :mod:`.dates`, :mod:`.units`), and the negation,
hedging and attribution cues (:mod:`.cues`).
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Iterable, Optional

from ..model import Article, Claim, Quantity, Sentence
from .cues import attribution, hedge_cues, negation_cues
from .dates import find_dates
from .numbers import DEFAULT_TOLERANCE, find_numbers, parse_number
from .units import counted_noun, unit_key, units_compatible

__all__ = ["extract", "extract_claims", "find_numbers", "find_dates", "parse_number",
           "unit_key", "units_compatible", "DEFAULT_TOLERANCE"]

_DURATION_UNITS = {"year", "month", "week", "day", "hour"}
_YEAR_CUE = re.compile(r"(?:\b(?:im|in|seit|von|vom|bis|ab|since|from|until|of|Jahr|year|Anfang|Ende|Mitte|early|late|mid|um|around|vor)\s*)$", re.I)
_ORDINAL_AFTER = re.compile(r"^\.\s*[^\W\d]")


def _overlaps(a: int, b: int, spans) -> bool:
    return any(not (b <= s or a >= e) for s, e in spans)


def extract(sentence: Sentence, view: Optional[str] = None, published: Optional[date] = None,
            tolerance: float = DEFAULT_TOLERANCE) -> Claim:
    """Extract the facts of one sentence.

    Parameters
    ----------
    sentence : Sentence
    view : str, optional
        The sentence's span of the article's cleaned view (same length as
        ``sentence.text``); defaults to ``sentence.text``.
    published : date, optional
        Publication date, to resolve "gestern" or "last week".
    tolerance : float
        Relative band for approximate hedges ("rund", "about").
    """
    text = view if view is not None else sentence.text
    lang = sentence.language
    base = sentence.start
    values: list[Quantity] = []
    for d in find_dates(text, published):
        values.append(Quantity(raw=sentence.text[d.start:d.end], start=base + d.start, end=base + d.end,
                               kind=d.kind, value=d.low, low=d.low, high=d.high,
                               unit=None, unit_key="time", partial=d.partial))
    taken = [(v.start - base, v.end - base) for v in values]
    for n in find_numbers(text, lang, tolerance):
        if _overlaps(n.start, n.end, taken):
            continue
        if lang == "de" and _ORDINAL_AFTER.match(text[n.end:]) and n.plain_integer and n.end < len(text.rstrip()) - 1:
            continue  # "im 2. Weltkrieg": an ordinal, not a quantity
        if text[max(0, n.start - 1):n.start] in ("-", "/") or text[n.end:n.end + 1] in ("-", "/"):
            if not (n.currency or n.percent):
                continue  # "F-16s", "COVID-19", "24/7": names, not quantities
        noun = None if (n.currency or n.percent) else counted_noun(text, n.start, n.end, lang)
        key = unit_key(noun[0]) if noun else None
        is_year = (n.plain_integer and 1800 <= n.value <= 2100 and not (n.currency or n.percent)
                   and n.hedge is None and (key is None or _YEAR_CUE.search(text[:n.start])))
        raw = sentence.text[n.start:n.end]
        if is_year:
            lo, hi = date(int(n.value), 1, 1).toordinal(), date(int(n.value), 12, 31).toordinal()
            values.append(Quantity(raw=raw, start=base + n.start, end=base + n.end, kind="year",
                                   value=lo, low=lo, high=hi, unit_key="time"))
            continue
        if n.currency:
            kind, key, unit = "money", n.currency, n.currency
        elif n.percent:
            kind, key, unit = "percent", "%", "%"
        elif key in _DURATION_UNITS:
            kind, unit = "duration", noun[0]
        else:
            kind, unit = "count", noun[0] if noun else None
            if noun is None and n.hedge is None and n.value < 1000 and not n.scaled:
                continue  # a bare small number ("Channel 24"): no fact to compare
        values.append(Quantity(raw=raw, start=base + n.start, end=base + n.end, kind=kind,
                               value=n.value, low=n.low, high=n.high, unit=unit, unit_key=key,
                               hedge=n.hedge))
    values.sort(key=lambda q: q.start)
    neg = negation_cues(text, lang)
    hedges = hedge_cues(text, lang)
    return Claim(sentence=sentence, values=tuple(values), negated=bool(neg), negation_cues=neg,
                 hedged=bool(hedges), hedge_cues=hedges, attribution=attribution(text))


def extract_claims(article: Article, sentences: Iterable[Sentence],
                   tolerance: float = DEFAULT_TOLERANCE) -> list[Claim]:
    """Extract the claims of an article's sentences."""
    view = article.view or article.text
    return [extract(s, view[s.start:s.end], article.published, tolerance) for s in sentences]


def is_infinite(x: Optional[float]) -> bool:
    return x is not None and math.isinf(x)
