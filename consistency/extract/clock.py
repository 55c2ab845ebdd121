"""Times of day: "um 3.12 Uhr", "gegen 6.15 Uhr Ortszeit", "at about 6:15 a.m.", "21:34 local time".

A time of day is a point in the day, stored as minutes after midnight with the
interval its wording allows: exact when minutes are given, ±10 minutes for a
full hour ("um 9 Uhr" is often rounded), ±15 for an approximate one ("gegen",
"about"), 20 minutes after or before for "kurz nach" / "shortly before".
Opening hours, ranges and deadlines ("bis 18 Uhr", "from 9 a.m.", "by noon")
are not the time of a fact and are not read. English times need "a.m."/"p.m.",
a 24-hour hour, or "local time" / a time zone ("6:15" alone is either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..lang import merged

__all__ = ["ClockMatch", "find_clock_times"]


@dataclass(frozen=True)
class ClockMatch:
    start: int
    end: int
    low: float  # minutes after midnight
    high: float
    value: float
    hedge: Optional[str]


#: a word before a time of day -> its hedge (``CLOCK_HEDGES`` of each language in ``lang/``)
_HEDGES = merged("CLOCK_HEDGES")
_HEDGE = "(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_HEDGES, key=len, reverse=True)) + ")"
#: words right before a time that make it a bound or a range, not the time of a fact
_NOT_A_POINT = re.compile(r"(?:\b(?:bis|ab|seit|von|zwischen|until|till|from|by|since|between|before|after|nach|vor|"
                          r"und|and|to)\s*|[-–]\s*)$", re.I)
_PART_DE = r"(?:morgens|früh|vormittags|mittags|nachmittags|abends|nachts)"
_DE = re.compile(r"(?<![\w.,:])(?:(?P<hedge>" + _HEDGE + r")\s+)?(?:um\s+)?(?P<h>[01]?\d|2[0-4])(?:[.:](?P<m>[0-5]\d))?"
                 r"\s*Uhr(?:\s+(?P<part>" + _PART_DE + r"))?(?![\w])", re.I)
_EN = re.compile(r"(?<![\w.,:])(?:(?P<hedge>" + _HEDGE + r")\s+)?(?:at\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?"
                 r"(?:\s*(?P<ap>[ap])(?:\.\s?m\.|\s?m\b)|(?P<zone>(?<=\d\d)\s+(?:local\s+time|GMT|UTC|CET|CEST|EST|EDT|PST|PDT|"
                 r"Ortszeit|MEZ|MESZ)\b))", re.I)
_EN_24 = re.compile(r"(?<![\w.,:])(?:(?P<hedge>" + _HEDGE + r")\s+)?(?:at\s+)?(?P<h>1[3-9]|2[0-3]):(?P<m>[0-5]\d)(?![\d:])")


def _minutes(m: re.Match, text: str) -> Optional[ClockMatch]:
    d = m.groupdict()
    h = int(d["h"])
    minutes = d.get("m")
    ap = (d.get("ap") or "").lower()
    if ap:
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if ap == "p" else 0)
    part = (d.get("part") or "").lower()
    if part in ("nachmittags", "abends") and h < 12:
        h += 12
    elif part == "nachts" and 8 <= h < 12:
        h += 12
    if h == 24:
        h = 0
    t = h * 60 + (int(minutes) if minutes else 0)
    hedge = _HEDGES.get(re.sub(r"\s+", " ", (d.get("hedge") or "").lower()))
    if hedge is None and _NOT_A_POINT.search(text[:m.start()]):
        return None
    if hedge == "approx":
        lo, hi = t - 15, t + 15
    elif hedge == "after":
        lo, hi = t, t + 20
    elif hedge == "before":
        lo, hi = t - 20, t
    elif minutes is None or minutes == "00":
        lo, hi = t - 10, t + 10
    else:
        lo, hi = t, t
    return ClockMatch(m.start(), m.end(), float(lo), float(hi), float(t), hedge)


def find_clock_times(text: str) -> list[ClockMatch]:
    """Every time of day of ``text``, in order ("Uhr" times in any language: machine translation
    mixes them)."""
    out: list[ClockMatch] = []
    for rx in (_DE, _EN, _EN_24):
        for m in rx.finditer(text):
            if any(not (m.end() <= o.start or m.start() >= o.end) for o in out):
                continue
            c = _minutes(m, text)
            if c is not None:
                out.append(c)
    return sorted(out, key=lambda c: c.start)
