"""Numbers with their hedge, scale, currency and counted noun.

German and English notation are read by the sentence's language:
``10.000`` and ``1,5`` in German, ``10,000`` and ``1.5`` in English
(groups of three after a separator used twice, ``1.000.000``, are thousands
in both). A hedge before the number turns the value into an interval.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

__all__ = ["find_numbers", "find_number_words", "parse_number", "NumberMatch", "HEDGES",
           "DEFAULT_TOLERANCE", "VAGUE"]

DEFAULT_TOLERANCE = 0.1  # relative band for "rund", "about", "fast", "nearly"

# hedge phrase -> hedge type. Longest phrases first when building the regex.
HEDGES = {
    "mehr als": "lower", "über": "lower", "ueber": "lower", "more than": "lower",
    "over": "lower", "in excess of": "lower", "upwards of": "lower",
    "mindestens": "at_least", "wenigstens": "at_least", "at least": "at_least",
    "no fewer than": "at_least", "no less than": "at_least",
    "fast": "nearly", "beinahe": "nearly", "knapp": "nearly", "nahezu": "nearly",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "rund": "approx", "etwa": "approx", "ungefähr": "approx", "circa": "approx", "ca.": "approx",
    "zirka": "approx", "gut": "approx", "about": "approx", "around": "approx", "roughly": "approx",
    "approximately": "approx", "some": "approx", "an estimated": "approx", "geschätzt": "approx",
    "schätzungsweise": "approx",
    "weniger als": "upper", "unter": "upper", "less than": "upper", "fewer than": "upper",
    "under": "upper", "bis zu": "at_most", "höchstens": "at_most", "maximal": "at_most",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
}
_HEDGE_RE = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))

SCALES = {
    "tausend": 1e3, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion": 1e9, "billions": 1e9,
    "bn": 1e9, "bio.": 1e12, "billionen": 1e12, "trillion": 1e12,
}
_SCALE_RE = r"(?:Tausend|thousand|Millionen|Million|millions?|Mio\.?|Milliarden|Milliarde|Mrd\.?|billions?|bn|Bio\.|Billionen|trillion|mn|[kKmM](?![\w-]))"

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

_NUM = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
NUMBER_RE = re.compile(
    r"(?:(?P<hedge>" + _HEDGE_RE + r")\s+)?"
    r"(?:(?P<cur1>" + _CUR_BEFORE + r")\s?)?"
    r"(?<![\w.,])(?P<num>" + _NUM + r")"
    r"(?:(?P<att>bn|mn|m|k|Mrd|Mio)(?![\w])|(?![\w]|[.,]\d))"
    r"(?:\s*(?:(?:bis|to|-|–)\s*(?P<num2>" + _NUM + r")(?![\w]|[.,]\d)))?"
    r"(?:\s?(?P<scale>" + _SCALE_RE + r"))?"
    r"(?:\s?(?P<cur2>" + _CUR_AFTER + r")(?![\w]))?"
    r"(?:\s?(?P<pct>" + _PERCENT + r"))?",
    re.I,
)
_BETWEEN = re.compile(r"(?:zwischen|between)\s+$", re.I)


def parse_number(text: str, language: str = "de") -> Optional[float]:
    """Parse a numeral written in German or English notation.

    >>> parse_number("10.000", "de"), parse_number("10,000", "en"), parse_number("1,5", "de")
    (10000.0, 10000.0, 1.5)
    """
    s = text.replace("\u202f", " ").replace("\u00a0", " ").strip()
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
    try:
        return float(s)
    except ValueError:
        return None


#: Vague plurals: "Tausende", "dozens". Deliberately wide intervals, so that
#: only a clearly different order of magnitude contradicts them.
VAGUE = {
    "dutzende": (20, 200), "dozens": (20, 200),
    "hunderte": (100, 2000), "hundreds": (100, 2000),
    "tausende": (1000, 20000), "thousands": (1000, 20000),
    "zehntausende": (10000, 200000), "tens of thousands": (10000, 200000),
    "hunderttausende": (100000, 2000000), "hundreds of thousands": (100000, 2000000),
    "millionen": (1000000, 20000000), "millions": (1000000, 20000000),
}
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


def find_numbers(text: str, language: str = "de", tolerance: float = DEFAULT_TOLERANCE) -> list[NumberMatch]:
    """Find the numbers in ``text`` (a sentence or any span of text).

    Returns
    -------
    matches : list of NumberMatch
        With offsets into ``text``; the span includes the hedge, currency,
        scale and percent words.
    """
    out = []
    for m in NUMBER_RE.finditer(text):
        raw_num = m.group("num")
        value = parse_number(raw_num, language)
        if value is None:
            continue
        scale = 1.0
        word = m.group("scale") or m.group("att")
        if word:
            key = word.lower()
            scale = SCALES.get(key, SCALES.get(key.rstrip("."), 1.0))
            if word in ("m", "M", "k", "K") and not (m.group("cur1") or m.group("cur2")):
                scale = 1.0  # "5 m" is metres, "5 k" is ambiguous: only with money
        if m.group("att") and scale == 1.0:
            continue  # "5m", "3k" without money: not a count we can read
        value *= scale
        hedge = HEDGES.get(m.group("hedge").lower()) if m.group("hedge") else None
        cur = m.group("cur1") or m.group("cur2")
        currency = CURRENCIES.get(cur.lower()) if cur else None
        start = m.start()
        low, high = interval(value, hedge, tolerance)
        if m.group("num2"):
            v2 = parse_number(m.group("num2"), language)
            if v2 is not None:
                v2 *= scale
                low, high, hedge = min(value, v2), max(value, v2), "range"
                value = (low + high) / 2
        elif hedge is None and _BETWEEN.search(text[:start]):
            pass
        end = m.end()
        if m.group("scale") and scale == 1.0:
            end = m.end("num") if not m.group("cur2") and not m.group("pct") else end
        points = bool(m.group("pct")) and bool(re.search(r"punkt|point", m.group("pct"), re.I))
        out.append(NumberMatch(
            start=start, end=end, value=value, low=low, high=high, hedge=hedge,
            currency=currency, percent=bool(m.group("pct")), scaled=scale != 1.0,
            plain_integer=bool(re.fullmatch(r"\d+", raw_num)) and not m.group("num2") and not word,
            points=points,
        ))
    out = _merge_between(text, out, language)
    taken = [(m.start, m.end) for m in out]
    for w in find_number_words(text, language, tolerance):
        if all(w.end <= a or w.start >= b for a, b in taken):
            out.append(w)
    return sorted(out, key=lambda m: m.start)


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
              hedge: Optional[str], tolerance: float, **kw) -> NumberMatch:
    """Add the hedge before and the currency or percent after a number-word span."""
    m = _HEDGE_BEFORE.search(text[:start])
    if m and hedge is None:
        hedge = HEDGES.get(m.group("hedge").lower())
        start = m.start("hedge")
        low, high = interval(value, hedge, tolerance)
    currency, percent = None, False
    c = _CUR_AFTER_RE.match(text[end:])
    if c:
        currency = CURRENCIES.get(c.group("cur").lower())
        end += c.end()
    else:
        p = _PCT_AFTER_RE.match(text[end:])
        if p:
            percent = True
            end += p.end()
    return NumberMatch(start=start, end=end, value=value, low=low, high=high, hedge=hedge,
                       currency=currency, percent=percent, scaled=False, plain_integer=False, **kw)


def find_number_words(text: str, language: str = "de", tolerance: float = DEFAULT_TOLERANCE) -> list[NumberMatch]:
    """Numbers written in words, with text2num ("zehn", "zwei Millionen",
    "ten thousand", "siebten", "sixth"), and vague plurals ("Tausende",
    "dozens") as wide intervals.

    "ein"/"one" are skipped: too often an article or a pronoun.
    """
    from text_to_num import find_numbers as _t2n_find

    out: list[NumberMatch] = []
    for m in _VAGUE_RE.finditer(text):
        key = re.sub(r"\s+(?:von|of)$", "", m.group().lower())
        start, end = m.start(), m.start() + len(key)
        if re.search(r"(?:\d|\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|"
                     r"seven|eight|nine|ten|a|ein|eine))\s*$", text[:start], re.I):
            continue  # "1,5 Millionen", "zwei Millionen": a number with its scale, not a vague plural
        lo, hi = VAGUE[key]
        out.append(_decorate(text, start, end, float(lo), float(lo), float(hi), "vague", tolerance,
                             words=True))
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
        out.append(_decorate(text, start, end, value, value, value, None, tolerance,
                             ordinal=bool(o.is_ordinal), words=True))
    return sorted(out, key=lambda m: m.start)


_AND_RANGE = re.compile(r"(?:zwischen|between)\s+(?P<a>" + _NUM + r")\s+(?:und|and)\s+(?P<b>" + _NUM + r")", re.I)


def _merge_between(text: str, matches: list[NumberMatch], language: str) -> list[NumberMatch]:
    """Merge "zwischen 5.000 und 7.000" / "between 5,000 and 7,000" into a range."""
    for r in _AND_RANGE.finditer(text):
        inside = [m for m in matches if r.start() <= m.start < r.end() + 40]
        if len(inside) < 2:
            continue
        a, b = inside[0], inside[1]
        b_raw = parse_number(r.group("b"), language) or 1.0
        va = a.value
        if b.scaled and not a.scaled and va <= b_raw:
            va = a.value * (b.value / b_raw)  # "zwischen 1 und 2 Millionen": the scale is shared
        low, high = min(va, b.value), max(va, b.value)
        merged = NumberMatch(start=r.start(), end=b.end, value=(low + high) / 2, low=low, high=high,
                             hedge="range", currency=b.currency or a.currency, percent=b.percent,
                             scaled=b.scaled, plain_integer=False)
        matches = [m for m in matches if m not in (a, b)] + [merged]
    return sorted(matches, key=lambda m: m.start)
