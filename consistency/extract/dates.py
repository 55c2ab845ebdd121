"""Dates and years: absolute ("am 19. Juni", "19 June 2024", "1961",
"im Jahr 2000"), and relative ("gestern", "letzte Woche", "last year").

Values are intervals of proleptic ordinal days (``date.toordinal()``), so a
year, a month and a day compare by overlap. A day and month without a year
is *partial* (``low == high == month * 100 + day`` and ``partial=True``; it
compares with other dates on the day and month they state), unless a
publication date gives it the year of the nearest such day
(:func:`_year_of`). Relative
expressions are resolved against the article's publication date when one
is known, and are otherwise left without a value (``low is None``): never a
contradiction, always ``unverifiable``.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from ..lang import merged

__all__ = ["find_dates", "DateMatch", "MONTHS", "resolve_relative", "find_publication_date", "furniture_spans",
           "dateline_place", "WEEKDAYS", "MONTH_PATTERN"]


def _alternatives(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


#: month names and abbreviations (lower case) -> month number (``MONTH_NAMES``, ``MONTH_ABBREVIATIONS``)
MONTHS = {k.lower(): v for k, v in {**merged("MONTH_NAMES"), **merged("MONTH_ABBREVIATIONS")}.items()}
#: a month's name: written in full, or abbreviated with a full stop
_MONTH = MONTH_PATTERN = ("(?:" + "|".join([_alternatives(merged("MONTH_NAMES")),
                                            _alternatives(merged("MONTH_ABBREVIATIONS")) + r"\."]) + ")")
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"

_PATTERNS = [
    # 2024-06-19
    ("iso", re.compile(r"(?<![\d-])(?P<y>" + _YEAR + r")-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])(?![\d-])")),
    # 19.06.2024
    ("dmy_num", re.compile(r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>" + _YEAR + r"|\d\d)(?![\d])")),
    # 19. Juni (2024) / 19 June (2024)
    ("dm", re.compile(r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])(?:\.|th|st|nd|rd)?\s+(?:of\s+)?(?P<mn>" + _MONTH + r")(?:,?\s+(?P<y>" + _YEAR + r"))?(?![\w])", re.I)),
    # June 19(, 2024)
    ("md", re.compile(r"(?<![\w])(?P<mn>" + _MONTH + r")\s+(?P<d>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,?\s+(?P<y>" + _YEAR + r"))?(?![\w]|\.\d)", re.I)),
    # (im) Juni 2024 / June 2024
    ("my", re.compile(r"(?<![\w.])(?P<mn>" + _MONTH + r")\s+(?P<y>" + _YEAR + r")(?![\w])", re.I)),
    # im Jahr 2000 / in the year 2000 / Jahr 2000
    ("year_cue", re.compile(r"(?:\b(?:im\s+Jahre?|Jahr(?:es)?|in\s+the\s+year|year)\s+)(?P<y>" + _YEAR + r")(?![\w])", re.I)),
]

# Relative expressions: (pattern, unit, offset); unit in day/week/month/year.
_RELATIVE = [
    (r"vorgestern|the day before yesterday", "day", -2),
    (r"gestern|yesterday", "day", -1),
    (r"heute|today", "day", 0),
    (r"tomorrow", "day", 1),
    (r"(?:in\s+der\s+)?(?:letzten|vergangenen|vorigen)\s+Woche|letzte\s+Woche|vergangene\s+Woche|vorige\s+Woche|last\s+week|the\s+previous\s+week", "week", -1),
    (r"(?:in\s+)?diese[rn]?\s+Woche|this\s+week", "week", 0),
    (r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Monat|letzte[rn]?\s+Monat|last\s+month", "month", -1),
    (r"(?:in\s+)?diese[mn]?\s+Monat|this\s+month", "month", 0),
    (r"(?:im\s+)?(?:letzten|vergangenen|vorigen)\s+Jahr|letztes\s+Jahr|vergangenes\s+Jahr|voriges\s+Jahr|last\s+year", "year", -1),
    (r"(?:Anfang|Mitte|Ende)\s+dieses\s+Jahres|(?:in\s+)?diese[mn]?\s+Jahr|this\s+year|earlier\s+this\s+year", "year", 0),
]
_RELATIVE_RE = [(re.compile(r"(?<![\w])(?:" + p + r")(?![\w])", re.I), u, o) for p, u, o in _RELATIVE]
# "morgen" (the adverb, lower case) is tomorrow; "Morgen" (the noun) is a time of day: "am Morgen",
# "heute Morgen", "am frühen Morgen". Capitalised, it is the adverb only at the start of a sentence
# ("Morgen beginnt der Prozess"); "heute/gestern morgen" (old spelling) is a time of day too.
_TOMORROW_DE = re.compile(r"(?<![\w])(?:(?<!heute )(?<!gestern )(?<!vorgestern )morgen|(?<=^)Morgen|"
                          r"(?<=^[\"„“»‚'(])Morgen)(?![\w])(?!\s+(?:früh|Abend|Vormittag|Nachmittag)\b)"
                          r"|(?<![\w])morgen(?=\s+(?:früh|Abend|Vormittag|Nachmittag)\b)")

WEEKDAYS = {k.lower(): v for k, v in merged("WEEKDAY_NAMES").items()}
_WEEKDAY = _alternatives(merged("WEEKDAY_NAMES"))
#: "am Dienstag", "Dienstagmorgen", "in der Nacht zum Donnerstag", "on Tuesday", "late on Friday",
#: "last Tuesday", "Thursday night". A weekday written as part of a date ("Saturday, July 30") is the date's.
_WEEKDAY_RE = re.compile(
    r"(?<![\w-])(?:(?P<night>in\s+der\s+Nacht\s+(?:zum|zu|auf\s+den|auf)\s+)|"
    r"(?P<mod>letzten|vergangenen|vorigen|nächsten|kommenden|diesen|last|next|this|coming|past)\s+)?"
    r"(?P<wd>" + _WEEKDAY + r")(?P<part>morgen|vormittag|mittag|nachmittag|abend|nacht)?"
    r"(?![\w-])(?:\s+(?P<epart>morning|afternoon|evening|night))?", re.I)
#: a date right after a weekday: "Dienstag, 19. Juni", "Sonntag, den 12.04.", "Saturday 30 July" (not the
#: count in "am Samstag 86 Menschen")
_DATE_AFTER_WEEKDAY = re.compile(r",?\s*(?:(?:der|den|dem|the)\s+)?\d{1,2}(?:\.|(?:st|nd|rd|th)?\s+" + _MONTH + r"|/)")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    kind: str  # "date", "year", "relative_date"
    low: Optional[float]
    high: Optional[float]
    partial: bool = False
    relative: Optional[tuple[str, int]] = None


def _month_range(y: int, m: int) -> tuple[int, int]:
    last = calendar.monthrange(y, m)[1]
    return date(y, m, 1).toordinal(), date(y, m, last).toordinal()


def year_interval(y: int) -> tuple[int, int]:
    return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()


def resolve_relative(unit: str, offset: int, published: date) -> tuple[int, int]:
    """Resolve a relative expression against a publication date.

    Returns the interval of ordinal days it denotes (weeks are calendar
    weeks starting on Monday).
    """
    if unit == "day":
        d = (published + timedelta(days=offset)).toordinal()
        return d, d
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday.toordinal(), (monday + timedelta(days=6)).toordinal()
    if unit == "month":
        y, m = published.year, published.month + offset
        while m < 1:
            y, m = y - 1, m + 12
        while m > 12:
            y, m = y + 1, m - 12
        return _month_range(y, m)
    return year_interval(published.year + offset)


#: "Anfang März", "Mitte September 2024", "early March", "mid-September", "late July": a third of a month.
_MONTH_PART_RE = re.compile(r"(?<![\w-])(?P<part>Anfang|Mitte|Ende|early|mid|late)[\s-]+(?P<mn>" + _MONTH
                            + r")(?:,?\s+(?P<y>" + _YEAR + r"))?(?![\w])")
_PART_DAYS = merged("MONTH_PARTS")


def _month_part(m: re.Match, published: Optional[date]) -> Optional[tuple]:
    """``(low, high, partial)`` of a third of a month: full dates where the year is written or the
    publication date gives it (the nearest such month, :func:`_year_of`), else day and month."""
    mo = MONTHS.get(m.group("mn").lower().rstrip("."))
    if mo is None:
        return None
    first, last = _PART_DAYS[m.group("part").lower()]
    if m.group("y") or published is not None:
        y = int(m.group("y")) if m.group("y") else _year_of(published, mo, first)
        if y is None:
            return mo * 100 + first, mo * 100 + min(last, calendar.monthrange(2001, mo)[1]), True
        last = min(last, calendar.monthrange(y, mo)[1])
        return date(y, mo, first).toordinal(), date(y, mo, last).toordinal(), False
    return mo * 100 + first, mo * 100 + min(last, calendar.monthrange(2001, mo)[1]), True


#: A day named without its year is taken in the year that puts it nearest the publication date, a
#: day after publication counting this many times its distance: news tell more of the past than
#: of the future, but announce what is near ("zum 1. Oktober" in an article of 28 August is this
#: October, "am 20. Dezember" in one of 5 March last December).
FUTURE_WEIGHT = 2.0


#: A day named without its year is never taken more than this many days after publication.
FUTURE_DAYS = 183


def _year_of(published: date, month: int, day: int) -> Optional[int]:
    """The year of a day and month named without one (see :data:`FUTURE_WEIGHT`), or None (a
    29 February with no such day near the publication date)."""
    best, cost = None, math.inf
    for y in (published.year - 1, published.year, published.year + 1):
        if not _valid(y, month, day):
            continue
        gap = (date(y, month, day) - published).days
        if gap > FUTURE_DAYS:
            continue
        c = -gap if gap <= 0 else FUTURE_WEIGHT * gap
        if c < cost:
            best, cost = y, c
    return best


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def find_dates(text: str, published: Optional[date] = None) -> list[DateMatch]:
    """Find dates, years and relative time expressions in ``text``.

    Bare four-digit years ("1961") are found by :mod:`.facts`, which can
    tell a year from a count by the words around it.
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _MONTH_PART_RE.finditer(text):
        span = _month_part(m, published)
        if span is not None:
            found.append(DateMatch(m.start(), m.end(), "date", *span))
            taken.append(m.span())
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            if name == "year_cue":
                a = m.start("y")
            if not free(a, b):
                continue
            gd = m.groupdict()
            y = int(gd["y"]) if gd.get("y") else None
            if y is not None and y < 100:
                y += 2000 if y < 50 else 1900
            if gd.get("mn"):
                mo = MONTHS.get(gd["mn"].lower().rstrip("."))
                if mo is None:
                    continue
            else:
                mo = int(gd["m"]) if gd.get("m") else None
            d = int(gd["d"]) if gd.get("d") else None
            if d is not None and mo is not None:
                if y is not None:
                    if not _valid(y, mo, d):
                        continue
                    o = date(y, mo, d).toordinal()
                    found.append(DateMatch(a, b, "date", o, o))
                elif published is not None and (near := _year_of(published, mo, d)) is not None:
                    day = date(near, mo, d)  # no year: the nearest such day
                    found.append(DateMatch(a, b, "date", day.toordinal(), day.toordinal()))
                else:
                    if not _valid(2000, mo, d):
                        continue
                    found.append(DateMatch(a, b, "date", mo * 100 + d, mo * 100 + d, partial=True))
            elif mo is not None and y is not None:
                lo, hi = _month_range(y, mo)
                found.append(DateMatch(a, b, "date", lo, hi))
            elif y is not None:
                lo, hi = year_interval(y)
                found.append(DateMatch(a, b, "year", lo, hi))
            else:
                continue
            taken.append((a, b))
    for pattern, unit, offset in _RELATIVE_RE + [(_TOMORROW_DE, "day", 1)]:
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            taken.append((a, b))
            if published is not None:
                lo, hi = resolve_relative(unit, offset, published)
                found.append(DateMatch(a, b, "date", lo, hi, relative=(unit, offset)))
            else:
                found.append(DateMatch(a, b, "relative_date", None, None, relative=(unit, offset)))
    for m in _WEEKDAY_RE.finditer(text):
        a, b = m.span()
        if not free(a, b) or not m.group("part") and (
                _DATE_AFTER_WEEKDAY.match(text, m.end("wd"))
                or any(re.fullmatch(r"[\s,]*(?:(?:der|den|dem|the)\s+)?", text[m.end("wd"):d.start])
                       for d in found if d.start >= m.end("wd"))):
            continue  # "Saturday, July 30, 2016", "Dienstag, 19. Juni": the weekday of a date
        if m.group("wd")[:1].islower() and not m.group("mod"):
            continue  # "dienstags" is habitual; a lower-case weekday is no name of a day
        taken.append((a, b))
        wd = WEEKDAYS[m.group("wd").lower()]
        mod = (m.group("mod") or "").lower()
        rel = ("weekday", wd)
        if published is None:
            found.append(DateMatch(a, b, "relative_date", None, None, relative=rel))
            continue
        lo, hi = resolve_weekday(wd, mod, published)
        part = (m.group("part") or m.group("epart") or "").lower()
        if m.group("night"):
            lo -= 1  # the night before that day
        elif part in ("nacht", "night"):
            hi += 1  # the night after it, until the morning
        found.append(DateMatch(a, b, "date", lo, hi, relative=rel))
    return sorted(found, key=lambda d: d.start)


def resolve_weekday(weekday: int, modifier: str, published: date) -> tuple[int, int]:
    """The day a weekday names, seen from the publication date.

    Plain ("am Dienstag", "on Tuesday"): the most recent such day on or before publication.
    "letzten"/"vergangenen"/"last": strictly before. "nächsten"/"kommenden"/"next"/"coming": strictly
    after. "diesen"/"this": that day of the publication's week (Monday to Sunday).
    """
    back = (published.weekday() - weekday) % 7
    if modifier in ("letzten", "vergangenen", "vorigen", "last", "past"):
        back = back or 7
    elif modifier in ("nächsten", "kommenden", "next", "coming"):
        back = -((weekday - published.weekday()) % 7 or 7)
    elif modifier in ("diesen", "this"):
        back = published.weekday() - weekday
    d = (published - timedelta(days=back)).toordinal()
    return d, d


# --- page furniture: publication stamps and datelines -------------------------------------------

_STAMP_CUE = re.compile(
    r"(?<![\w])(?:zuletzt\s+|erstmals\s+|last\s+|first\s+|originally\s+)?(?:veröffentlicht|aktualisiert|publiziert|"
    r"erschienen|erstellt|geändert|stand|published|updated|posted|modified|created)(?![\w])"
    r"(?:\s+(?:am|um|on|at))?\s*:?\s*", re.I)
_STAMP_GAP = re.compile(r"\s*(?:(?:am|on|at)\s+)?(?:" + _WEEKDAY + r"\s*,?\s*(?:den\s+|the\s+)?)?$", re.I)
_STAMP_TAIL = re.compile(
    r"(?:\s*[,|/–-]?\s*(?:um\s+|at\s+)?\d{1,2}[:.]\d\d(?:\s*(?:Uhr|[ap]\.?m\.?|h))?"
    r"(?:\s*(?:MEZ|MESZ|CET|CEST|UTC|GMT|ET|EST|EDT|BST|Uhr))?)?\s*\)?", re.I)
_TIME_STAMP = re.compile(r"\d{1,2}[:.]\d\d(?:\s*(?:Uhr|[ap]\.?m\.?|h))?")
#: "Kassel, 22.06.2024 – ", "Marlingen (lnw) – ", "BERLIN (dpa) - ", "WASHINGTON, June 20 (Reuters) - "
_PLACE = r"[A-ZÄÖÜ][\w.'’-]*(?:[ /-](?:[A-ZÄÖÜ][\w.'’-]*|an\s+der|am|im|bei|upon|on))*"
_DATELINE = re.compile(
    r"^\s*(?P<place>" + _PLACE + r")\s*(?P<agency>\([\w./&, -]{1,30}\))?\s*(?:,\s*(?P<date>[^–—\n]{4,40}?))?"
    r"\s*(?P<agency2>\([\w./&, -]{1,30}\))?\s*(?:[–—]|--?)\s+")


def dateline_place(text: str) -> Optional[tuple[int, int]]:
    """Span of the place of a dateline that opens ``text`` ("Kleinbachheim – Ein bewaffneter Mann
    …", "Kassel, 22.06.2024 – ", "BERLIN (dpa) - "), or None.

    Looser than the dateline of :func:`furniture_spans`: a capitalised place and a dash alone
    suffice ("Kleinbachheim – "), since only the place is wanted (its words are names, though they
    open a sentence), not a span to leave out of the statement.
    """
    m = _DATELINE.match(text)
    if m is None or len(m.group("place")) > 40 or len(m.group("place").split()) > 3:
        return None
    if m.group("date") and not any(a == m.start() for a, _ in furniture_spans(text)):
        return None  # what stands between the place and the dash is not a date: "Die Polizei, die … kam – "
    return m.span("place")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture in ``text`` (a sentence or a line): publication stamps
    ("Published: 14 April 2024", "(Published Saturday, July 30, 2016)", "Stand: 05.03.2024, 12:10 Uhr",
    "Aktualisiert: 14:32 Uhr") and a dateline at its start ("Kassel, 22.06.2024 – ", "BERLIN (dpa) - ").

    The dates in them are the article's publication date, never a value of a statement; the rest of
    the sentence after a dateline still is.
    """
    spans: list[tuple[int, int]] = []
    dates = None
    for m in _STAMP_CUE.finditer(text):
        if dates is None:
            dates = [d for d in find_dates(text) if d.relative is None]
        nxt = next((d for d in dates if d.start >= m.end() and _STAMP_GAP.match(text[m.end():d.start])), None)
        if nxt is not None:
            t = _STAMP_TAIL.match(text, nxt.end)
            spans.append((m.start(), t.end() if t else nxt.end))
            continue
        t = _TIME_STAMP.match(text, m.end())
        if t:
            spans.append((m.start(), t.end()))
    if not spans and len(text.strip()) <= _ALONE_MAX:
        if dates is None:
            dates = [d for d in find_dates(text) if d.relative is None]
        alone = _date_alone(text, dates)
        if alone is not None:
            return [alone]
    m = _DATELINE.match(text)
    if m and (m.group("agency") or m.group("agency2") or m.group("date") or m.group("place").isupper()):
        ok = True
        if m.group("date"):
            if dates is None:
                dates = [d for d in find_dates(text) if d.relative is None]
            a, b = m.span("date")
            ok = any(d.start >= a and d.end <= b and _STAMP_GAP.match(text[a:d.start])
                     and re.fullmatch(r"\s*(?:,?\s*(?:um\s+)?\d{1,2}[:.]\d\d\s*(?:Uhr|[ap]\.?m\.?)?)?\s*",
                                      text[d.end:b], re.I) for d in dates)
        if ok and len(m.group("place")) <= 40:
            spans.append((m.start(), m.end()))
    return sorted(spans)


#: words that may stand beside a date on a line of its own: "Montag, 3. Juni 2024", "on 4 May 2024"
_ALONE_WORD = re.compile(r"(?:am|an|on|the|den|der|vom|of|" + _WEEKDAY + r")", re.I)


_ALONE_MAX = 60


def _date_alone(text: str, dates: list) -> Optional[tuple[int, int]]:
    """The span of a sentence that is a full date and nothing else of substance ("15 August 2024",
    "Coastal News, 6 September 2024", "Shipping Desk | 13 May 2025"): a byline's or a page's date,
    never a fact of the story. Beside the date at most three words, each a weekday, a short
    preposition or article, or capitalised words set off from it as a byline. ``dates`` are the
    absolute dates of ``text``."""
    stripped = text.strip()
    if not stripped or len(stripped) > _ALONE_MAX:
        return None
    if len(dates) != 1 or dates[0].kind != "date" or dates[0].partial or dates[0].low != dates[0].high:
        return None
    d = dates[0]
    rest = text[:d.start] + " " + text[d.end:]
    if re.search(r"\d", rest):
        return None
    words = re.findall(r"[^\W\d_]+", rest)
    if len(words) > 3:
        return None
    plain = [w for w in words if not _ALONE_WORD.fullmatch(w)]
    # a name beside the date only as a byline's, set off from it ("Coastal News, 6 September 2024",
    # "Shipping Desk | 13 May 2025"): "Hochwasser am 3. Juni 2024" and "Born 15 August 2024" are prose
    if plain and not (all(w[0].isupper() for w in plain) and not text[d.end:].strip(" .)_*")
                      and re.search(r"[,|–—·/:]\s*(?:(?:am|on|the|" + _WEEKDAY + r")\s*,?\s*)*$",
                                    text[:d.start], re.I)):
        return None
    start = len(text) - len(text.lstrip())
    return start, start + len(stripped)


_PUBLISHED_CUE = re.compile(
    r"^\s*(?:(?:veröffentlicht|publiziert|erschienen|aktualisiert|stand|published|updated|posted|datum|date)"
    r"\b[^\n]{0,20}?)?(?P<rest>.*)$", re.I)


def find_publication_date(view: str, max_lines: int = 8) -> Optional[date]:
    """A publication date stated on a line of its own near the top of an article.

    A short line (at most 80 characters) among the first ``max_lines``
    non-empty lines that holds a full date ("20.06.2024", "Veröffentlicht am
    20. Juni 2024", "Published: June 20, 2024") and little else.
    """
    seen = 0
    for line in view.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            break
        if len(line.strip()) > 80:
            continue
        for d in find_dates(line):
            if d.kind == "date" and not d.partial and d.low == d.high and d.relative is None:
                rest = (line[:d.start] + line[d.end:]).strip()
                words = re.findall(r"[^\W\d_]+", rest)
                if len(words) <= 4:
                    return date.fromordinal(int(d.low))
    return _stamped_date(view, max_lines)


def _stamped_date(view: str, max_lines: int) -> Optional[date]:
    """The date of a publication stamp anywhere in the article ("(Published Saturday, July 30,
    2016)", "Stand: 05.03.2024, 12:10 Uhr"), else of a dateline at the start of one of the first
    ``max_lines`` non-empty lines ("Kassel, 22.06.2024 – Ein Lottospieler …")."""
    seen, datelines = 0, []
    for line in view.split("\n"):
        if not line.strip():
            continue
        seen += 1
        for a, b in furniture_spans(line):
            for d in find_dates(line[a:b]):
                if d.kind == "date" and not d.partial and d.low == d.high and d.relative is None:
                    if _STAMP_CUE.search(line, a, b) and _STAMP_CUE.search(line, a, b).start() == a:
                        return date.fromordinal(int(d.low))
                    if seen <= max_lines:
                        datelines.append(date.fromordinal(int(d.low)))
    return datelines[0] if datelines else None
