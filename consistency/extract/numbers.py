"""Numbers with their hedge, scale, currency and counted noun.

German and English notation are read by the sentence's language:
``10.000`` and ``1,5`` in German, ``10,000`` and ``1.5`` in English
(groups of three after a separator used twice, ``1.000.000``, are thousands
in both). A hedge before the number turns the value into an interval.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Optional

from ..lang import LANGUAGES, merged, table
from .units import _WEIGHT_CONTEXT, Measure, convert, convert_interval, measure_at

__all__ = ["find_numbers", "find_number_words", "parse_number", "NumberMatch", "HEDGES",
           "DEFAULT_TOLERANCE", "VAGUE"]

DEFAULT_TOLERANCE = 0.1  # relative band for "rund", "about", "fast", "nearly"

# hedge phrase -> hedge type (``NUMBER_HEDGES`` of each language in ``lang/``). Longest phrases first
# when building the regex.
HEDGES = merged("NUMBER_HEDGES")
_HEDGE_RE = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))

SCALES = {
    "tausend": 1e3, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion": 1e9, "billions": 1e9,
    "bn": 1e9, "bio.": 1e12, "billionen": 1e12, "trillion": 1e12, "tsd": 1e3, "tsd.": 1e3,
}
_SCALE_RE = r"(?:Tausend|Tsd\.?|thousand|Millionen|Million|millions?|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen|billions?|bn|Bio\.|trillion|mn|[kKmM](?![\w-]))"

CURRENCIES = {
    "us-dollar": "USD", "dollar": "USD", "dollars": "USD", "$": "USD", "usd": "USD", "us$": "USD",
    "euro": "EUR", "euros": "EUR", "€": "EUR", "eur": "EUR",
    "pfund": "GBP", "pounds": "GBP", "£": "GBP", "gbp": "GBP",
    "rubel": "RUB", "rubles": "RUB", "roubles": "RUB", "rub": "RUB",
    "yen": "JPY", "¥": "JPY", "won": "KRW", "franken": "CHF", "chf": "CHF", "yuan": "CNY",
}
_CUR_AFTER = r"(?:US-Dollar|US-Dollars|Dollars?|Euros?|EUR|USD|Pfund|pounds|Rubel|rubles|roubles|Yen|Won|Franken|CHF|Yuan|€|\$|£)"
_CUR_BEFORE = r"(?:US\$|\$|€|£|¥|USD|EUR)"
_PERCENT = r"(?:%|Prozentpunkten?|percentage points?|Prozent|percent|per cent)(?![\w])"

# Digit groups. A thousands separator is "." or "," (read by the language), or a no-break, narrow
# no-break or thin space (U+00A0, U+202F, U+2009), which may be followed by the blanks that
# read/clean.py leaves where it decoded "&nbsp;" (the view keeps the length of the text).
# A plain space separates thousands only in German text, and only in the strict pattern
# \d{1,3}( \d{3})+ that no further digit group follows and no group of which is "911":
# in English a space between digits separates two numbers ("50 911 calls").
_GAP = r"(?:[\u00a0\u202f\u2009] {0,9}|\s)"
_NUM_MARKED = r"\d{1,3}(?:(?:[.,]|[\u00a0\u202f\u2009] {0,9})\d{3})+(?:[.,]\d+)?"
_NUM_SPACED = r"\d{1,3}(?: (?!911(?!\d))\d{3})+(?![\d\u00a0\u202f\u2009]| \d)(?:,\d+)?"
_NUM_PLAIN = r"\d+(?:[.,]\d+)?"
_NUM = _NUM_MARKED + "|" + _NUM_PLAIN


def _number_re(spaced: bool) -> re.Pattern:
    from .units import ATTACHED_UNIT  # noqa: PLC0415

    num = (_NUM_MARKED + "|" + _NUM_SPACED + "|" + _NUM_PLAIN) if spaced else _NUM
    return re.compile(
        r"(?:(?P<hedge>" + _HEDGE_RE + r")\s+)?"
        r"(?:(?P<cur1>" + _CUR_BEFORE + r")" + _GAP + r"?)?"
        r"(?<![\w.,])(?P<num>" + num + r")"
        r"(?:(?P<att>bn|mn|m|k|Mrd|Mio)(?![\w/²³])|(?=" + ATTACHED_UNIT + r")|(?![\w]|[.,]\d))"
        r"(?:\s*(?:(?:bis|to|-|–)\s*(?P<num2>" + num + r")(?![\w]|[.,]\d)))?"
        r"(?:" + _GAP + r"?(?P<scale>" + _SCALE_RE + r"))?"
        r"(?:" + _GAP + r"?(?P<cur2>" + _CUR_AFTER + r")(?![\w]))?"
        r"(?:" + _GAP + r"?(?P<pct>" + _PERCENT + r"))?",
        re.I,
    )


NUMBER_RE = _number_re(spaced=False)  # English notation
NUMBER_RE_DE = _number_re(spaced=True)  # German notation: a plain space may group thousands
_BETWEEN = re.compile(r"(?:zwischen|between)\s+$", re.I)


def parse_number(text: str, language: str = "de") -> Optional[float]:
    """Parse a numeral written in German or English notation.

    >>> parse_number("10.000", "de"), parse_number("10,000", "en"), parse_number("1,5", "de")
    (10000.0, 10000.0, 1.5)
    """
    s = _normalise(text, language)
    try:
        return float(s) if s is not None else None
    except ValueError:
        return None


def decimals(text: str, language: str = "de") -> int:
    """How many decimals a numeral is written with ("3,70" -> 2, "10.000" -> 0)."""
    s = _normalise(text, language) or ""
    return len(s.split(".", 1)[1]) if "." in s else 0


def _normalise(text: str, language: str) -> Optional[str]:
    s = re.sub(r"[\u202f\u00a0\u2009] *", " ", text).strip()
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", s):
        s = s.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", s) or (
        language != "en" and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s)
    ) or (language != "en" and re.fullmatch(r"\d+,\d+", s)):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s) or re.fullmatch(r"\d+\.\d+", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"\d+,\d+", s):  # English text, German decimal
        s = s.replace(",", ".")
    return s


#: Vague plurals: "Tausende", "dozens" (``VAGUE_AMOUNTS`` of each language in ``lang/``). Deliberately
#: wide intervals, so that only a clearly different order of magnitude contradicts them.
VAGUE = merged("VAGUE_AMOUNTS")
_VAGUE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(VAGUE, key=len, reverse=True)) + r")(?![\w-])"
    r"(?:\s+(?:von|of))?", re.I)
_HEDGE_BEFORE = re.compile(r"(?:^|(?<=\W))(?P<hedge>" + _HEDGE_RE + r")\s+$", re.I)
_CUR_AFTER_RE = re.compile(r"^\s?(?P<cur>" + _CUR_AFTER + r")(?![\w])", re.I)
_PCT_AFTER_RE = re.compile(r"^\s?(?P<pct>" + _PERCENT + r")(?![\w])", re.I)
_WORD_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]", re.U)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    low: float
    high: float
    hedge: Optional[str]
    currency: Optional[str]
    percent: bool
    scaled: bool
    plain_integer: bool  # no separator, no scale: could be a year
    ordinal: bool = False
    words: bool = False
    points: bool = False  # percentage points, not percent  # written in words ("zehn", "ten thousand", "Tausende")
    kind: Optional[str] = None  # "measure" or "duration" when a unit of measure follows
    unit: Optional[str] = None  # that unit as written ("feet", "°C")
    unit_key: Optional[str] = None  # its base unit ("m", "degC", "s")
    measure_units: tuple = ()  # the pint unit(s) of that unit, to convert the other end of a range


def interval(value: float, hedge: Optional[str], tolerance: float = DEFAULT_TOLERANCE) -> tuple[float, float]:
    """Turn a hedged value into ``(low, high)``."""
    if hedge == "lower":
        return value, math.inf
    if hedge == "at_least":
        return value, math.inf
    if hedge == "upper":
        return -math.inf, value
    if hedge == "at_most":
        return -math.inf, value
    if hedge == "nearly":
        return value * (1 - tolerance), value
    if hedge == "approx":
        return value * (1 - tolerance), value * (1 + tolerance)
    return value, value


_RACE_TIME = re.compile(
    r"(?<![\d:.,])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?:[.,](?P<f>\d{1,3}))?(?![\d:])(?!\s*(?:Uhr|[ap]\.?m\.?))"
    r"(?:\s?(?P<u>Stunden|Std\.|hours?|hrs?|h)(?![\w]))?")
_SHORT_TIME = re.compile(
    r"(?<![\d:.,])(?P<a>\d{1,3}):(?P<b>[0-5]\d)(?:[.,](?P<f>\d{1,3}))?(?![\d:])\s?"
    r"(?P<u>Stunden|Std\.|hours?|hrs?|h|Minuten|Min\.|minutes?|mins?)(?![\w])")
#: "the 21k", "a 10K race": a running distance in kilometres, not thousands
_K_DISTANCE_AFTER = re.compile(r"[ -]?(?:race|run|runs|course|route|distance|event|trail|walk|loop|"
                               r"Lauf|Läufe|Rennen|Strecke|Distanz|Runde)\b", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|this|that|his|her|their|its|der|die|das|den|dem|des|"
                                r"ein|einen|im|beim|zum)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s*(?:[^\W\d_][\w-]*)")
_STOPWORDS_AFTER = re.compile(r"\s*(?:in|on|at|and|or|with|from|for|to|und|oder|mit|in|am|im|bei|"
                              r"was|is|were|are|war|ist|wurde)\b", re.I)
#: "5m people", "2m visitors": million; "a 5m wall": metres
_PLURAL_AFTER = re.compile(r"\s*(?:[A-Za-z-]{2,}s|people|children|men|women|police|staff)\b")


#: the inches of a height in feet: "6-foot-2", "5-foot-10", "5 feet, 10 inches", "6 feet and 2 inches"
_INCHES_AFTER_FEET = re.compile(r"(?:-(?P<h>\d{1,2})(?![\d.,])(?:[\s-]*(?:inch(?:es)?|in\.))?|\s*,?\s*(?:and\s+)?"
                                r"(?P<w>\d{1,2})[\s-]*(?:inch(?:es)?|in\.))")


def _k_is_distance(text: str, start: int, end: int) -> bool:
    """Is the "21k" at ``text[start:end]`` a running distance (21 km) rather than 21,000?"""
    if _K_DISTANCE_AFTER.match(text, end):
        return True
    if _WORD_AFTER.match(text, end) and not _STOPWORDS_AFTER.match(text, end):
        return False  # "21k runners": a count
    return bool(_DETERMINER_BEFORE.search(text[:start]))


def _measured(value: float, low: float, high: float, hedge: Optional[str], measure: Measure,
              places: int, scale: float = 1.0) -> tuple[float, float, float]:
    """Convert a measured value and its interval to the base unit; an unhedged value covers the
    rounding of its last written decimal ("3.7 m" -> [3.65, 3.75])."""
    half = 0.45 * 10 ** -places * scale if places and hedge in (None, "range") else 0.0
    return convert_interval(measure, value, low, high, half)


def _race_times(text: str, language: str, tolerance: float) -> list[NumberMatch]:
    """Race and clock-style durations: "2:08:31" (h:mm:ss), "2:08 Stunden", "4:05 minutes"."""
    out = []
    for m in _RACE_TIME.finditer(text):
        secs = int(m.group("h")) * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
        secs += float("0." + m.group("f")) if m.group("f") else 0
        end = m.end("f") if m.group("f") else m.end("s")
        out.append(_decorate(text, m.start(), end, float(secs), float(secs), float(secs), None, tolerance,
                             language=language, kind="duration", unit=m.group("u") or "h:mm:ss",
                             unit_key="s", measure_units=("second",), plain=True))
    for m in _SHORT_TIME.finditer(text):
        if any(not (m.end() <= o.start or m.start() >= o.end) for o in out):
            continue
        hours = m.group("u")[:1].lower() in ("s", "h")
        secs = (int(m.group("a")) * (3600 if hours else 60) + int(m.group("b")) * (60 if hours else 1))
        secs += float("0." + m.group("f")) if m.group("f") and not hours else 0
        end = m.end("f") if m.group("f") else m.end("b")
        out.append(_decorate(text, m.start(), end, float(secs), float(secs), float(secs), None, tolerance,
                             language=language, kind="duration", unit=m.group("u"), unit_key="s",
                             measure_units=("second",), plain=True))
    return out


#: what joins the two figures of a score ("11-4", "20 - 13", "3:1" is a clock time or a ratio elsewhere)
_SCORE_JOIN = re.compile(r"\s?[-–]\s?")


def find_numbers(text: str, language: str = "de", tolerance: float = DEFAULT_TOLERANCE) -> list[NumberMatch]:
    """Find the numbers in ``text`` (a sentence or any span of text).

    Returns
    -------
    matches : list of NumberMatch
        With offsets into ``text``; the span includes the hedge, currency,
        scale and percent words, and a unit of measure ("12 feet", "47.6C"),
        whose value is converted to the base unit (``unit_key``).
    """
    out = _race_times(text, language, tolerance)
    regex = NUMBER_RE_DE if language == "de" else NUMBER_RE
    for m in regex.finditer(text):
        if any(not (m.end("num") <= o.start or m.start("num") >= o.end) for o in out):
            continue
        raw_num = m.group("num")
        value = parse_number(raw_num, language)
        if value is None:
            continue
        hedge = HEDGES.get(m.group("hedge").lower()) if m.group("hedge") else None
        cur = m.group("cur1") or m.group("cur2")
        currency = CURRENCIES.get(cur.lower()) if cur else None
        att, scale_word = m.group("att"), m.group("scale")
        end = m.end()
        if (currency == "GBP" and m.group("cur2") and m.group("cur2").lower().startswith("pound")
                and not m.group("cur1") and _WEIGHT_CONTEXT.search(text)):
            currency, end = None, m.start("cur2")  # "weighed 20 pounds": a mass, read below
            while end > m.end("num") and text[end - 1].isspace():
                end -= 1
        scale = 1.0
        measure: Optional[Measure] = None
        if att and not currency and not m.group("pct"):
            if att in ("k", "K"):
                if _k_is_distance(text, m.start("num"), m.end("att")):
                    measure = Measure(unit=att, start=m.start("att"), end=m.end("att"), key="m",
                                      units=("kilometer",))
                else:
                    scale = 1e3
            elif att == "m" and _PLURAL_AFTER.match(text, m.end("att")):
                scale = 1e6  # "5m people"
            elif att in ("m", "M"):
                att, end = None, m.end("num")  # "a 100m sprint": metres, read below
            else:
                scale = SCALES.get(att.lower(), 1.0)
        elif scale_word or att:
            key = (scale_word or att).lower()
            scale = SCALES.get(key, SCALES.get(key.rstrip("."), 1.0))
            if (scale_word or att) in ("m", "M", "k", "K") and not currency:
                scale = 1.0  # "5 m" is metres, "5 k" is ambiguous: only with money
        word = scale_word or att
        start = m.start()
        low, high = interval(value * scale, hedge, tolerance)
        value *= scale
        v2 = None
        if m.group("num2"):
            v2 = parse_number(m.group("num2"), language)
            if v2 is not None and v2 < value and not (currency or m.group("pct") or scale_word or att) and (
                    _SCORE_JOIN.fullmatch(text[m.end("num"):m.start("num2")])):
                continue  # "The Colts (11-4)", "a 20 - 13 win": a score or a record, no range runs down
            if v2 is not None:
                v2 *= scale
                low, high, hedge = min(value, v2), max(value, v2), "range"
                value = (low + high) / 2
        if scale_word and scale == 1.0 and not m.group("cur2") and not m.group("pct"):
            end = m.end("num2") if v2 is not None else m.end("num")
        if measure is None and not currency and not m.group("pct"):
            measure = measure_at(text, end, language)  # the unit stays outside the span, like a counted noun
        kind = unit = unit_key = None
        units: tuple = ()
        if measure is not None:
            places = max(decimals(raw_num, language), decimals(m.group("num2"), language) if v2 is not None else 0)
            value, low, high = _measured(value, low, high, hedge, measure, places, scale)
            kind, unit, unit_key, units = measure.kind, measure.unit, measure.key, measure.units
            inches = _INCHES_AFTER_FEET.match(text, measure.end) if units == ("foot",) and v2 is None else None
            if inches:
                # "6-foot-2", "5 feet, 10 inches": one height; the inches are part of it, not a length of their own
                extra = convert(float(inches.group("h") or inches.group("w")), "inch", "m")
                value, low, high = value + extra, low + extra, high + extra
                end = inches.end()
        points = bool(m.group("pct")) and bool(re.search(r"punkt|point", m.group("pct"), re.I))
        out.append(NumberMatch(
            start=start, end=end, value=value, low=low, high=high, hedge=hedge,
            currency=currency, percent=bool(m.group("pct")), scaled=scale != 1.0,
            plain_integer=bool(re.fullmatch(r"\d+", raw_num)) and not m.group("num2") and not word
            and measure is None,
            points=points, kind=kind, unit=unit, unit_key=unit_key, measure_units=units,
        ))
    out = _merge_between(text, sorted(out, key=lambda m: m.start), language)
    taken = [(m.start, m.end) for m in out]
    for w in find_number_words(text, language, tolerance):
        if all(w.end <= a or w.start >= b for a, b in taken):
            out.append(w)
    out = _periods(text, _merge_alternatives(text, sorted(out, key=lambda m: m.start)), language)
    # a numeral of hundreds of digits is no quantity (and beyond 1e308 float says inf): not a value
    return sorted((m for m in out if _plausible(m)), key=lambda m: m.start)


def _period_patterns(language: str) -> tuple[re.Pattern, ...]:
    t = table("PERIOD_OVER", language if language in LANGUAGES else "en")
    return (re.compile(r"(?:" + t["word"] + r")\s", re.I),
            re.compile(r"(?<![\w])(?:" + t["before"] + r")\s+$", re.I),
            re.compile(r"(?<![\w])(?:" + t["not_before"] + r")\s+$", re.I),
            re.compile(r"\s*(?:" + t["after"] + r")(?![\w])", re.I))


_PERIOD = {lang: _period_patterns(lang) for lang in LANGUAGES}


def _periods(text: str, matches: list[NumberMatch], language: str) -> list[NumberMatch]:
    """A duration after "over" is the time a thing takes, not more than it, where the words around
    say so (``PERIOD_OVER`` in ``lang/``): "phased out over seven years" is seven years."""
    word, before, not_before, after = _PERIOD.get(language, _PERIOD["en"])
    out = []
    for m in matches:
        if m.hedge == "lower" and m.kind == "duration" and word.match(text, m.start):
            head = text[:m.start]
            unit = measure_at(text, m.end, language)
            if (before.search(head) and not not_before.search(head)) or after.match(text, unit.end if unit else m.end):
                m = replace(m, hedge=None, low=m.value, high=m.value)
        out.append(m)
    return out


#: Between two numbers that are one count given as a range of alternatives: "eight or nine times",
#: "zwei bis drei Meter", "two to three people" (digits joined by "to", "bis" or a dash are read as
#: one range by the number pattern itself).
_ALTERNATIVE = re.compile(r"\s+(?:or|oder|to|bis)\s+|\s*[-–]\s*")


#: "rose from three to five", "stieg von drei bis fünf": a change told with both figures, not a range
_CHANGE_FROM = re.compile(r"\b(?:from|von|vom)\s+$", re.I)


def _merge_alternatives(text: str, matches: list[NumberMatch]) -> list[NumberMatch]:
    """Merge two numbers joined as alternatives ("eight or nine times") into one range with the
    second one's unit: the first is no count of its own (its noun is the second one's)."""
    out: list[NumberMatch] = []
    for m in matches:
        a = out[-1] if out else None
        if (a is not None and _ALTERNATIVE.fullmatch(text, a.end, m.start) and not (a.ordinal or m.ordinal)
                and not _CHANGE_FROM.search(text, 0, a.start)
                and not (a.unit_key or a.currency or a.percent or a.scaled) and a.hedge in (None, "approx")
                and m.hedge is None and 0 < a.value < m.value <= 10 * a.value):
            out[-1] = NumberMatch(start=a.start, end=m.end, value=(a.low + m.high) / 2, low=a.low, high=m.high,
                                  hedge="range", currency=m.currency, percent=m.percent, scaled=m.scaled,
                                  plain_integer=False, words=a.words and m.words, points=m.points, kind=m.kind,
                                  unit=m.unit, unit_key=m.unit_key, measure_units=m.measure_units)
            continue
        out.append(m)
    return out


#: Values beyond this magnitude are not read as values (no report counts that much; beyond
#: float's range they would be infinite, and arithmetic on them overflows).
MAX_MAGNITUDE = 1e18


def _plausible(m: NumberMatch) -> bool:
    # the value only: an open bound ("mindestens zehn") is infinite by design
    return math.isfinite(m.value) and abs(m.value) <= MAX_MAGNITUDE


class _Tok:
    """A token for text2num's ``find_numbers`` that remembers its offsets."""

    __slots__ = ("t", "start", "end")

    def __init__(self, t: str, start: int, end: int):
        self.t, self.start, self.end = t, start, end

    def text(self) -> str:
        return self.t

    def not_a_number_part(self) -> bool:
        return False

    def nt_separated(self, previous) -> bool:
        return False


def _decorate(text: str, start: int, end: int, value: float, low: float, high: float,
              hedge: Optional[str], tolerance: float, language: str = "de", plain: bool = False,
              percent: bool = False, **kw) -> NumberMatch:
    """Add the hedge before and the currency, percent or unit of measure after a number-word span."""
    m = _HEDGE_BEFORE.search(text[:start])
    if m and hedge is None:
        hedge = HEDGES.get(m.group("hedge").lower())
        start = m.start("hedge")
        low, high = interval(value, hedge, tolerance)
    currency = None
    if plain or percent:
        pass
    elif c := _CUR_AFTER_RE.match(text[end:]):
        currency = CURRENCIES.get(c.group("cur").lower())
        end += c.end()
    elif p := _PCT_AFTER_RE.match(text[end:]):
        percent = True
        end += p.end()
    elif not kw.get("ordinal") and (ms := measure_at(text, end, language)) is not None:
        value, low, high = _measured(value, low, high, hedge, ms, 0)
        kw.update(kind=ms.kind, unit=ms.unit, unit_key=ms.key, measure_units=ms.units)
    return NumberMatch(start=start, end=end, value=value, low=low, high=high, hedge=hedge,
                       currency=currency, percent=percent, scaled=False, plain_integer=False, **kw)


#: number words up to twelve (``SMALL_NUMBER_WORDS``) and the words that multiply them
#: (``LARGE_NUMBER_WORDS``) of each language in ``lang/``
_SMALL = merged("SMALL_NUMBER_WORDS")
_SMALL_RE = "|".join(sorted(_SMALL, key=len, reverse=True))
_BIG = merged("LARGE_NUMBER_WORDS")
_BIG_RE = r"(?:Tausend|thousand|Millionen|Million|Milliarden|Milliarde|billion|Dutzend|dozen)(?![\w])"
#: "zweieinhalb (Millionen)", "anderthalb", "eineinhalb", "two and a half (million)", "half a million",
#: "eine halbe Million"; "ein Dutzend", "a dozen", "two dozen", "half a dozen".
_HALVES = re.compile(
    r"(?<![\w-])(?:(?P<de>zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)einhalb|(?P<one>anderthalb|"
    r"eineinhalb)|(?P<en>one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half|(?P<half>half\s+an?|"
    r"an?\s+half|eine[nr]?\s+halbe[n]?|ein\s+halbes))(?:\s+(?P<big>" + _BIG_RE + r"))?(?![\w])", re.I)
_DOZEN = re.compile(r"(?<![\w-])(?:(?P<n>" + _SMALL_RE + r")\s+)(?P<big>Dutzend|dozen)(?![\w])", re.I)
#: Fractions of a whole, read as percentages: "two-thirds (of)", "drei Viertel der", "half of", "die Hälfte".
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                   "fifths": 5, "tenth": 10, "tenths": 10, "drittel": 3, "viertel": 4, "fünftel": 5,
                   "zehntel": 10, "hälfte": 2}
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<n>" + _SMALL_RE + r")[\s-]+(?P<f>halves|half|thirds?|quarters?|fifths?|tenths?|Drittel|"
    r"Viertel|Fünftel|Zehntel)|(?P<h>die\s+Hälfte|half))"
    r"(?=(?P<hy>-)?|)(?P<of>\s+(?:of|der|des|aller|ihrer|seiner|unserer|von|the)\b)?", re.I)


def _fractions(text: str, language: str, tolerance: float) -> list[NumberMatch]:
    """Halves, dozens and fractions written in words."""
    out: list[NumberMatch] = []

    def free(a: int, b: int) -> bool:
        return all(b <= o.start or a >= o.end for o in out)

    for m in _HALVES.finditer(text):
        if m.group("de"):
            v = _SMALL[m.group("de").lower()] + 0.5
        elif m.group("one"):
            v = 1.5
        elif m.group("en"):
            v = _SMALL[m.group("en").lower()] + 0.5
        else:
            if not m.group("big"):
                continue  # "half a", "ein halbes Jahr": no number to read here
            v = 0.5
        if m.group("big"):
            v *= _BIG[m.group("big").lower()]
        out.append(_decorate(text, m.start(), m.end(), v, v, v, None, tolerance, language=language, words=True))
    for m in _DOZEN.finditer(text):
        if free(m.start(), m.end()):
            v = 12.0 * _SMALL[m.group("n").lower()]
            out.append(_decorate(text, m.start(), m.end(), v, v, v, None, tolerance, language=language,
                                 words=True))
    for m in _FRACTION.finditer(text):
        if m.group("h"):
            whole, part = 1, 2
            if m.group("h").lower() == "half" and not m.group("of"):
                continue  # "half" alone: "half-time", "in half"
        else:
            whole, part = _SMALL[m.group("n").lower()], _FRACTION_WORDS[m.group("f").lower()]
            if not (m.group("of") or "-" in m.group()):
                continue  # "drei Viertel" / "two thirds" without "der"/"of": not a share of something
        if whole >= part or not free(m.start(), m.end()):
            continue
        pct = round(100.0 * whole / part, 1)
        end = m.end("f") if m.group("f") else m.end("h")
        # a fraction in words is a rounded share: it agrees with the percentage it rounds to
        out.append(_decorate(text, m.start(), end, pct, pct - 0.5, pct + 0.5, None, tolerance,
                             language=language, percent=True, words=True))
    return out


def find_number_words(text: str, language: str = "de", tolerance: float = DEFAULT_TOLERANCE) -> list[NumberMatch]:
    """Numbers written in words, with text2num ("zehn", "zwei Millionen",
    "ten thousand", "siebten", "sixth", "dreiundzwanzig", "twenty-three"),
    halves, dozens and fractions ("zweieinhalb Millionen", "anderthalb",
    "half a million", "ein Dutzend", "two-thirds of" as 66.7 percent), and
    vague plurals ("Tausende", "dozens") as wide intervals.

    "ein"/"one" are skipped: too often an article or a pronoun.
    """
    from text_to_num import find_numbers as _t2n_find

    out: list[NumberMatch] = _fractions(text, language, tolerance)
    taken = [(m.start, m.end) for m in out]
    for m in _VAGUE_RE.finditer(text):
        key = re.sub(r"\s+(?:von|of)$", "", m.group().lower())
        start, end = m.start(), m.start() + len(key)
        if any(not (end <= x or start >= y) for x, y in taken):
            continue
        if re.search(r"(?:\d|\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|"
                     r"seven|eight|nine|ten|a|ein|eine))\s*$", text[:start], re.I):
            continue  # "1,5 Millionen", "zwei Millionen": a number with its scale, not a vague plural
        lo, hi = VAGUE[key]
        out.append(_decorate(text, start, end, float(lo), float(lo), float(hi), "vague", tolerance,
                             language=language, words=True))
    taken = [(m.start, m.end) for m in out]
    tokens = [_Tok(t.group(), t.start(), t.end()) for t in _WORD_TOKEN.finditer(text)]
    lang = language if language in ("de", "en") else "en"
    try:
        found = _t2n_find(tokens, lang, threshold=0.0)
    except Exception:  # noqa: BLE001 - text2num is best effort on odd input
        found = []
    for o in found:
        toks = tokens[o.start:o.end]
        if not toks or any(t.t[:1].isdigit() for t in toks):
            continue  # digits are read by find_numbers
        start, end = toks[0].start, toks[-1].end
        if any(not (end <= x or start >= y) for x, y in taken):
            continue
        value = float(o.value)
        if value < 2 and not o.is_ordinal:
            continue
        out.append(_decorate(text, start, end, value, value, value, None, tolerance, language=language,
                             ordinal=bool(o.is_ordinal), words=True))
    return sorted(out, key=lambda m: m.start)


_NUM_DE = _NUM_MARKED + "|" + _NUM_SPACED + "|" + _NUM_PLAIN
_AND_RANGE = re.compile(r"(?:zwischen|between)\s+(?P<a>" + _NUM + r")\s+(?:und|and)\s+(?P<b>" + _NUM + r")", re.I)
_AND_RANGE_DE = re.compile(r"(?:zwischen|between)\s+(?P<a>" + _NUM_DE + r")\s+(?:und|and)\s+(?P<b>" + _NUM_DE + r")",
                           re.I)


def _merge_between(text: str, matches: list[NumberMatch], language: str) -> list[NumberMatch]:
    """Merge "zwischen 5.000 und 7.000" / "between 5,000 and 7,000" into a range."""
    for r in (_AND_RANGE_DE if language == "de" else _AND_RANGE).finditer(text):
        inside = [m for m in matches if r.start() <= m.start < r.end() + 40]
        if len(inside) < 2:
            continue
        a, b = inside[0], inside[1]
        b_raw = parse_number(r.group("b"), language) or 1.0
        va = a.value
        if b.scaled and not a.scaled and va <= b_raw:
            va = a.value * (b.value / b_raw)  # "zwischen 1 und 2 Millionen": the scale is shared
        if b.unit_key and not a.unit_key and b.measure_units:
            va = convert(va, b.measure_units[0], b.unit_key)  # "zwischen 5 und 7 Kilometern"
        low, high = min(va, b.low), max(va, b.high) if b.unit_key else max(va, b.value)
        if not b.unit_key:
            low = min(va, b.value)
        joined = NumberMatch(start=r.start(), end=b.end, value=(low + high) / 2, low=low, high=high,
                             hedge="range", currency=b.currency or a.currency, percent=b.percent,
                             scaled=b.scaled, plain_integer=False, kind=b.kind, unit=b.unit,
                             unit_key=b.unit_key, measure_units=b.measure_units)
        matches = [m for m in matches if m not in (a, b)] + [joined]
    return sorted(matches, key=lambda m: m.start)
