"""Background statements: sentences about another event inside a story.

A story about this winter's avalanche mentions last winter's toll; a story
about this year's jackpot mentions the 2022 record. Such a sentence is
*background*: its values belong to another event. A claim is background when
it names another time than the story's own: a cue from the language tables
(``BACKGROUND``: "im vergangenen Winter", "last year", "the previous record")
or, for its values other than the time itself, a year that is not the story's
year. The story's year is the publication year of its articles, else the
year its full dates name most often.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from ..lang import background_of
from ..model import Batch

__all__ = ["background", "story_years"]


def _year(q) -> int | None:
    if q.kind in ("year", "date") and q.low is not None and not q.partial:
        return date.fromordinal(int(q.low)).year
    return None


def story_years(batch: Batch, story: np.ndarray) -> dict[int, int]:
    """The year of each story (story number -> year), where one can be told."""
    out: dict[int, int] = {}
    for s in np.unique(story):
        rows = np.flatnonzero(story == s)
        pubs = Counter(batch.published[p].year for p in {batch.claims[i].article for i in rows}
                       if batch.published.get(p) is not None)
        if pubs:
            out[int(s)] = pubs.most_common(1)[0][0]
            continue
        years = Counter(y for i in rows for q in batch.claims[i].values if q.kind == "date"
                        for y in [_year(q)] if y is not None)
        if years:
            out[int(s)] = years.most_common(1)[0][0]
    return out


def background(batch: Batch, story: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which claims are background.

    Returns
    -------
    cue : ndarray of bool, shape (n_claims,)
        The claim has a background cue (applies to all its values, times included).
    other_year : ndarray of bool, shape (n_claims,)
        The claim names a year other than its story's (applies to its values other than times).
    """
    years = story_years(batch, story)
    n = len(batch.claims)
    cue = np.zeros(n, dtype=bool)
    other = np.zeros(n, dtype=bool)
    for i, c in enumerate(batch.claims):
        cue[i] = background_of(c.sentence.clean)
        y = years.get(int(story[i])) if n else None
        if y is not None:
            other[i] = any(_year(q) not in (None, y) and q.kind == "year" or
                           (q.kind == "date" and _year(q) not in (None, y) and q.high - q.low < 40)
                           for q in c.values)
    return cue, other
