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
from .entities import canonical_text, find_entities
from .numbers import DEFAULT_TOLERANCE, NumberMatch, find_numbers, parse_number
from .units import counted_noun, unit_key, units_compatible

__all__ = ["extract", "extract_claims", "find_numbers", "find_dates", "find_entities", "canonical_text",
           "parse_number", "unit_key", "units_compatible", "DEFAULT_TOLERANCE"]

_DURATION_UNITS = {"year", "month", "week", "day", "hour"}
_YEAR_CUE = re.compile(r"(?:\b(?:im|in|seit|von|vom|bis|ab|since|from|until|of|Jahr|year|Anfang|Ende|Mitte|early|late|mid|um|around|vor)\s*)$", re.I)
_ORDINAL_AFTER = re.compile(r"^\.\s*[^\W\d]")
# Numbers that are not quantities: clock times, street blocks, "vor 2 Monaten" / "2 months ago",
# "Image 1 of 9".
_NOT_QUANTITY_AFTER = re.compile(
    r"^(?::\d\d|\s*(?:a\.?m\.?|p\.?m\.?|Uhr|o'clock)(?![\w])|\s+block\b|"
    r"\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b)", re.I)
_NOT_QUANTITY_BEFORE = re.compile(r"(?:\b(?:Image|Photo|Bild|Foto|Seite|page|No\.|Nr\.)\s+(?:\d+\s+of\s+)?|\d:)$", re.I)
#: What happened to the people counted: a count of the killed is not a count of the injured.
_ROLES = [
    ("killed", re.compile(r"\b(?:kill\w*|dead|died|dies|death|deaths|fatal\w*|slain|murder\w*|getötet|tot|tote[nr]?|"
                          r"starben|gestorben|ums Leben|Todesopfer)\b", re.I)),
    ("injured", re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospitali[sz]ed|shot|hit|verletzt\w*|verwundet\w*)\b", re.I)),
    ("arrested", re.compile(r"\b(?:arrest\w*|custody|detained|charged|festgenommen|verhaftet|angeklagt)\b", re.I)),
]
_PEOPLE = {"people", "person", "victim", "man", "men", "woman", "women", "child", "children", "teen", "teenager",
           "student", "officer", "soldier", "civilian", "other", "death", "injured", "casualty", "mensch", None}


def _role(text: str, start: int, end: int, unit_key) -> Optional[str]:
    """killed / injured / arrested, from the verbs of the number's clause (counts of people only)."""
    if unit_key not in _PEOPLE:
        return None
    if unit_key == "death":
        return "killed"
    if unit_key == "injured":
        return "injured"
    ca, cb = _clause(text, start, end)
    clause = text[ca:cb]
    found = [name for name, rx in _ROLES if rx.search(clause)]
    return found[0] if len(found) == 1 else None
_ORDINAL_EN = re.compile(r"(?<![\w.,])(\d{1,4})(?:st|nd|rd|th)(?![\w])")
_CLAUSE_END = re.compile(r"[,;:()–—]|\s(?:und|aber|während|sondern|and|but|while|whereas)\s")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: up to the nearest commas or conjunctions."""
    a = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        a = m.end()
    m = _CLAUSE_END.search(text, end)
    return a, (m.start() if m else len(text))


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
    entities = find_entities(text)
    numbers = find_numbers(text, lang, tolerance)
    for m in _ORDINAL_EN.finditer(text):
        if not _overlaps(m.start(), m.end(), taken):
            v = float(m.group(1))
            numbers.append(NumberMatch(m.start(), m.end(), v, v, v, None, None, False, False, False,
                                       ordinal=True))
    numbers.sort(key=lambda n: n.start)
    for n in numbers:
        if _overlaps(n.start, n.end, taken):
            continue
        if _NOT_QUANTITY_AFTER.match(text[n.end:]) or _NOT_QUANTITY_BEFORE.search(text[:n.start]):
            continue
        ordinal = n.ordinal
        if (lang == "de" and _ORDINAL_AFTER.match(text[n.end:]) and n.plain_integer
                and n.end < len(text.rstrip()) - 1):
            ordinal = True  # "im 2. Weltkrieg", "der 7. Atomtest"
        if text[max(0, n.start - 1):n.start] in ("-", "/") or text[n.end:n.end + 1] in ("-", "/"):
            if not (n.currency or n.percent):
                continue  # "F-16s", "COVID-19", "24/7": names, not quantities
        noun = None if (n.currency or n.percent) else counted_noun(
            text, n.start, n.end + (1 if ordinal and text[n.end:n.end + 1] == "." else 0), lang, ordinal)
        key = unit_key(noun[0]) if noun else None
        ca, cb = _clause(text, n.start, n.end)
        subject = tuple(sorted({e.name for e in entities if ca <= e.start and e.end <= cb}))
        if ordinal:
            if noun is None:
                continue
            raw = sentence.text[n.start:n.end]
            values.append(Quantity(raw=raw, start=base + n.start, end=base + n.end, kind="ordinal",
                                   value=n.value, low=n.value, high=n.value, unit=noun[0], unit_key=key,
                                   subject=subject))
            continue
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
            kind, key, unit = ("percent", "pp", "percentage points") if n.points else ("percent", "%", "%")
        elif key in _DURATION_UNITS:
            kind, unit = "duration", noun[0]
        else:
            kind, unit = "count", noun[0] if noun else None
            if (noun is None and n.hedge is None and n.value < 1000 and not n.scaled and not n.words
                    and _role(text, n.start, n.end, None) is None):
                continue  # a bare small number ("Channel 24"): no fact to compare
        values.append(Quantity(raw=raw, start=base + n.start, end=base + n.end, kind=kind,
                               value=n.value, low=n.low, high=n.high, unit=unit, unit_key=key,
                               hedge=n.hedge, subject=subject,
                               role=_role(text, n.start, n.end, key) if kind == "count" else None))
    values.sort(key=lambda q: q.start)
    neg = negation_cues(text, lang)
    hedges = hedge_cues(text, lang)
    return Claim(sentence=sentence, values=tuple(values), negated=bool(neg), negation_cues=neg,
                 hedged=bool(hedges), hedge_cues=hedges, attribution=attribution(text),
                 entities=tuple(sorted({e.name for e in entities})))


def extract_claims(article: Article, sentences: Iterable[Sentence],
                   tolerance: float = DEFAULT_TOLERANCE) -> list[Claim]:
    """Extract the claims of an article's sentences."""
    view = article.view or article.text
    return [extract(s, view[s.start:s.end], article.published, tolerance) for s in sentences]


def is_infinite(x: Optional[float]) -> bool:
    return x is not None and math.isinf(x)
