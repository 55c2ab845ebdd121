"""Background statements and years used as names: values that belong to another event.

A story about this winter's avalanche mentions last winter's toll; a story
about this year's jackpot mentions the 2022 record; a flood story recalls "das
Hochwasser von 2005". Such values belong to another event. Every value gets a
*scope*, and only values of one scope are compared (:func:`comparable`):

- ``("name", year)`` for a year used as a name ("Hochwasser von 2005", "the
  agreement of 2012", ``lang`` table ``YEAR_AS_NAME``): it names a thing, so only
  the same year is the same thing;
- ``("bg", years)`` for the values of a *background* claim: one with a cue from
  the language tables (``BACKGROUND``: "im vergangenen Winter", "last year",
  "the previous record"), with a year used as a name, or, for values other than
  times, naming a year before the story's year (a later one is the story's plan or
  forecast: "300 jobs once the first building opens in 2027"). ``years`` are the years the
  claim names; two background values compare when they share a year (or neither
  names one);
- ``("bg", years)`` for a year, or a span of years ("from 2015 to 2021": each of its years), that
  ends more than a year before the story's year: another event's time ("the École Polytechnique
  massacre (1989)"); two such spans compare when they share a year;
- ``("main",)`` for the story's own values.

The story's year is the publication year of its articles, else the year its
full dates name most often.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from ..lang import background_of, year_as_name
from ..model import Batch

__all__ = ["value_scopes", "comparable", "story_years", "MAIN"]

MAIN = ("main",)


def _year(q) -> int | None:
    if q.kind in ("year", "date") and q.low is not None and not q.partial:
        return date.fromordinal(int(q.low)).year
    return None


def _years(q) -> frozenset:
    """The years a time spans ("between 2015 and 2021": 2015 to 2021), empty for other values."""
    if (q.kind in ("year", "date") and q.low is not None and q.high is not None and not q.partial
            and 1 <= q.low <= q.high <= date.max.toordinal()):
        lo = date.fromordinal(int(q.low)).year
        hi = date.fromordinal(int(q.high)).year
        return frozenset(range(lo, hi + 1)) if hi - lo <= _SPAN_YEARS else frozenset({lo})
    return frozenset()


#: a time spanning more years than this is scoped by its first year only
_SPAN_YEARS = 50


def story_years(batch: Batch, story: np.ndarray) -> dict[int, int]:
    """The year of each story (story number -> year), where one can be told: the year most of its
    articles were published in, else the year most of its dates name; of two as common, the
    earlier (a tie is never broken by the order of a set, which changes from run to run)."""
    out: dict[int, int] = {}
    for s in np.unique(story):
        rows = np.flatnonzero(story == s)
        pubs = Counter(batch.published[p].year for p in {batch.claims[i].article for i in rows}
                       if batch.published.get(p) is not None)
        if pubs:
            out[int(s)] = _most_common(pubs)
            continue
        years = Counter(y for i in rows for q in batch.claims[i].values if q.kind == "date"
                        for y in [_year(q)] if y is not None)
        if years:
            out[int(s)] = _most_common(years)
    return out


def _most_common(counts: Counter) -> int:
    """The most common year of ``counts``; of two as common, the earlier."""
    return min(counts, key=lambda y: (-counts[y], y))


def _named(claim, q) -> bool:
    s = claim.sentence
    return q.kind == "year" and year_as_name(s.text[:q.start - s.start], s.text[q.end - s.start:])


def value_scopes(batch: Batch, story: np.ndarray) -> list[tuple]:
    """The scope of every value mention of the batch (see the module doc), in mention order."""
    years = story_years(batch, story)
    cache: dict[int, tuple] = {}
    out = []
    for mt in batch.mentions:
        c, q = batch.claims[mt.claim], batch.claims[mt.claim].values[mt.value_index]
        if mt.claim not in cache:
            named = [v for v in c.values if _named(c, v)]
            said = frozenset(y for v in c.values if v.kind == "year" or (v.low is not None and v.high - v.low < 40)
                             for y in _years(v))
            y0 = years.get(int(story[mt.claim]))
            cue = background_of(c.sentence.clean, y0) or bool(named)
            other = y0 is not None and any(y < y0 for y in said)  # "opens in 2027": the story's plan
            cache[mt.claim] = (cue, other, said, named)
        cue, other, said, named = cache[mt.claim]
        y0 = years.get(int(story[mt.claim]))
        yq = _years(q) if q.unit_key == "time" and q.low is not None and (q.kind == "year" or q.high - q.low >= 365) else None
        if q in named:
            out.append(("name", _year(q)))
        elif yq and y0 is not None and max(yq) < y0 - 1:
            out.append(("bg", yq))  # "(1989)", "in 2009", "from 2015 to 2021": years well before the story's
        elif cue or (other and q.unit_key != "time"):
            out.append(("bg", said))
        else:
            out.append(MAIN)
    return out


def comparable(a: tuple, b: tuple) -> bool:
    """May values of scopes ``a`` and ``b`` be compared?"""
    if a[0] != b[0]:
        return False
    if a[0] == "bg":
        return not (a[1] or b[1]) or bool(a[1] & b[1])
    return a == b
