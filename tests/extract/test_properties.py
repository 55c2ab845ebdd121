"""Property-based tests (hypothesis) of number and date parsing.

A value formatted the way a German or English newsroom writes it is parsed
back to that value; hedges give the documented intervals; every match's
offsets cut exactly the matched span out of the text.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consistency.extract.dates import find_dates
from consistency.extract.numbers import find_numbers, parse_number

# No deadline: the machine is shared, and a wall-clock limit is not a property.
PROPS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])

GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                 "Oktober", "November", "Dezember"]
ENGLISH_MONTHS = [calendar.month_name[m] for m in range(1, 13)]
GROUP_SPACES = [" ", "\u202f", "\u00a0"]


# --- formatting ---------------------------------------------------------------------


def fmt(int_part: int, frac: str, language: str, grouping: str) -> str:
    """Write a number as a newsroom would: ``grouping`` is "none", "mark" (./,) or a space character."""
    thousands, decimal = (".", ",") if language == "de" else (",", ".")
    if grouping == "none":
        digits = str(int_part)
    else:
        digits = f"{int_part:,}".replace(",", thousands if grouping == "mark" else grouping)
    return digits + (decimal + frac if frac else "")


def value_of(int_part: int, frac: str) -> float:
    return float(f"{int_part}.{frac}") if frac else float(int_part)


languages = st.sampled_from(["de", "en"])
groupings = st.sampled_from(["none", "mark", *GROUP_SPACES])
fractions = st.text(alphabet="0123456789", min_size=0, max_size=3)


@st.composite
def numerals(draw, min_value=0, max_value=10 ** 12, language=None, grouping=None, frac=None):
    """(text, value, language) of a numeral in German or English notation."""
    lang = language or draw(languages)
    grp = grouping or draw(groupings)
    i = draw(st.integers(min_value, max_value))
    if grp == " ":
        # A plain space groups thousands in German only, and never before a "911" group
        # ("50 911 calls" is 50 calls); English uses a no-break or narrow no-break space.
        if lang == "en":
            grp = "\u202f"
        elif "911" in f"{i:,}".split(",")[1:]:
            grp = "mark"
    f = draw(fractions) if frac is None else frac
    return fmt(i, f, lang, grp), value_of(i, f), lang


SENTENCE = {"de": "Im Hafen lagen {} Container.", "en": "The port held {} containers."}


def only_match(text: str, language: str, **kw):
    ms = find_numbers(text, language, **kw)
    assert len(ms) == 1, [(text[m.start:m.end], m.value) for m in ms]
    return ms[0]


# --- numbers ------------------------------------------------------------------------


@PROPS
@given(numerals())
def test_parse_number_round_trip(n):
    text, value, lang = n
    assert parse_number(text, lang) == value


@PROPS
@given(numerals())
def test_find_numbers_round_trip_in_a_sentence(n):
    num, value, lang = n
    text = SENTENCE[lang].format(num)
    m = only_match(text, lang)
    assert m.value == value and m.low == value and m.high == value and m.hedge is None
    assert text[m.start:m.end] == num


HEDGED = {
    # hedge type: (German phrases, English phrases)
    "lower": (["mehr als", "über"], ["more than", "over"]),
    "at_least": (["mindestens"], ["at least"]),
    "nearly": (["fast", "knapp"], ["nearly", "almost"]),
    "approx": (["rund", "etwa", "ungefähr", "circa"], ["about", "around", "roughly"]),
    "upper": (["weniger als"], ["less than", "fewer than"]),
    "at_most": (["bis zu", "höchstens"], ["up to", "at most"]),
}


def expected_interval(hedge: str, x: float, t: float) -> tuple[float, float]:
    return {
        "lower": (x, math.inf), "at_least": (x, math.inf),
        "nearly": (x * (1 - t), x), "approx": (x * (1 - t), x * (1 + t)),
        "upper": (-math.inf, x), "at_most": (-math.inf, x),
    }[hedge]


@st.composite
def hedged(draw):
    hedge = draw(st.sampled_from(sorted(HEDGED)))
    num, x, lang = draw(numerals(min_value=1, max_value=10 ** 9))
    phrase = draw(st.sampled_from(HEDGED[hedge][0 if lang == "de" else 1]))
    return hedge, phrase, num, x, lang


@PROPS
@given(hedged(), st.floats(0.01, 0.5))
def test_hedges_give_intervals(h, t):
    hedge, phrase, num, x, lang = h
    span = f"{phrase} {num}"
    text = SENTENCE[lang].format(span)
    m = only_match(text, lang, tolerance=t)
    low, high = expected_interval(hedge, x, t)
    assert m.hedge == hedge
    assert m.low == pytest.approx(low, rel=1e-12) and m.high == pytest.approx(high, rel=1e-12)
    assert m.low <= x <= m.high
    assert text[m.start:m.end] == span


@PROPS
@given(languages, groupings, st.integers(1, 10 ** 9), st.integers(1, 10 ** 9), fractions, fractions)
def test_between_a_and_b_is_a_range(lang, grp, a, b, fa, fb):
    if grp == " " and (lang == "en" or any("911" in f"{x:,}".split(",")[1:] for x in (a, b))):
        grp = "\u202f"  # a plain space groups thousands in German only (see numerals())
    na, nb = fmt(a, fa, lang, grp), fmt(b, fb, lang, grp)
    span = f"zwischen {na} und {nb}" if lang == "de" else f"between {na} and {nb}"
    text = SENTENCE[lang].format(span)
    m = only_match(text, lang)
    va, vb = value_of(a, fa), value_of(b, fb)
    assert m.hedge == "range"
    assert (m.low, m.high) == (min(va, vb), max(va, vb))
    assert text[m.start:m.end] == span


SCALES = {
    "de": {"Tausend": 1e3, "Millionen": 1e6, "Mio.": 1e6, "Milliarden": 1e9, "Mrd.": 1e9},
    "en": {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9},
}


@PROPS
@given(languages, st.integers(1, 999), st.text(alphabet="0123456789", max_size=2), st.sampled_from(range(5)))
@example("de", 1, "5", 1)  # 1,5 Millionen
@example("en", 2, "3", 1)  # 2.3 million
def test_scale_words(lang, i, f, k):
    word = sorted(SCALES[lang], key=SCALES[lang].get)[k % len(SCALES[lang])]
    num = fmt(i, f, lang, "none")
    span = f"{num} {word}"
    text = {"de": "Die Stadt hat {} Einwohner.", "en": "The city has {} people."}[lang].format(span)
    m = only_match(text, lang)
    assert m.value == pytest.approx(value_of(i, f) * SCALES[lang][word], rel=1e-12)
    assert m.scaled
    assert text[m.start:m.end] == span


@PROPS
@given(languages, st.integers(1, 998), st.data(), fractions, st.sampled_from(range(5)))
def test_between_a_and_b_million(lang, a, data, f, k):
    """"zwischen 1,5 und 2 Millionen": the scale word belongs to both numbers."""
    b = data.draw(st.integers(a + 1, 999))
    word = sorted(SCALES[lang], key=SCALES[lang].get)[k % len(SCALES[lang])]
    s = SCALES[lang][word]
    na, nb = fmt(a, f, lang, "none"), fmt(b, "", lang, "none")
    span = f"zwischen {na} und {nb} {word}" if lang == "de" else f"between {na} and {nb} {word}"
    text = SENTENCE[lang].format(span)
    m = only_match(text, lang)
    assert m.hedge == "range"
    assert m.low == pytest.approx(value_of(a, f) * s, rel=1e-12) and m.high == pytest.approx(b * s, rel=1e-12)
    assert text[m.start:m.end] == span


@PROPS
@given(languages, st.integers(1, 998).flatmap(lambda b: st.tuples(st.integers(b + 1, 999), st.just(b))))
@example("de", (500, 2))
@example("en", (2, 1))
def test_between_plain_and_million(lang, ab):
    """"zwischen 500 und 2 Millionen": 500 to two million, an interval with low <= high."""
    a, b = ab
    word = "Millionen" if lang == "de" else "million"
    span = f"zwischen {a} und {b} {word}" if lang == "de" else f"between {a} and {b} {word}"
    m = only_match(SENTENCE[lang].format(span), lang)
    assert m.low <= m.high
    assert (m.low, m.high) == (a, b * 1e6)


CURRENCY_FORMS = {
    "de": ["{} US-Dollar", "{} Dollar", "{} Euro", "{} €", "{}€", "{} Pfund"],
    "en": ["${}", "US${}", "€{}", "£{}", "{} dollars", "{} euros", "{} pounds"],
}
CURRENCY_OF = {"Dollar": "USD", "$": "USD", "dollars": "USD", "Euro": "EUR", "€": "EUR", "euros": "EUR",
               "Pfund": "GBP", "£": "GBP", "pounds": "GBP"}


@PROPS
@given(numerals(min_value=1, max_value=10 ** 9), st.data())
def test_money(n, data):
    """"300.000 US-Dollar" and "$300,000" are the same amount in the same currency."""
    num, value, lang = n
    form = data.draw(st.sampled_from(CURRENCY_FORMS[lang]))
    span = form.format(num)
    text = {"de": "Der Schaden betrug {} nach Angaben der Polizei.",
            "en": "The damage came to {} according to the police."}[lang].format(span)
    m = only_match(text, lang)
    cur = next(v for k, v in CURRENCY_OF.items() if k in form)
    assert (m.value, m.currency, m.percent) == (value, cur, False)
    assert text[m.start:m.end] == span


@PROPS
@given(numerals(min_value=0, max_value=1000), st.data())
def test_percent(n, data):
    num, value, lang = n
    form = data.draw(st.sampled_from({"de": ["{} Prozent", "{} %", "{}%"],
                                      "en": ["{} percent", "{} per cent", "{}%"]}[lang]))
    span = form.format(num)
    text = {"de": "Die Quote lag bei {} im Mai.", "en": "The rate was {} in May."}[lang].format(span)
    m = only_match(text, lang)
    assert (m.value, m.percent, m.currency) == (value, True, None)
    assert text[m.start:m.end] == span


@PROPS
@given(numerals(min_value=0, max_value=100))
@example(("0", 0.0, "de"))
@example(("1.5", 1.5, "en"))
def test_percentage_points_span(n):
    num, value, lang = n
    span = f"{num} Prozentpunkte" if lang == "de" else f"{num} percentage points"
    text = {"de": "Die Quote stieg um {} im Mai.", "en": "The rate rose by {} in May."}[lang].format(span)
    m = only_match(text, lang)
    assert m.value == value
    assert text[m.start:m.end] == span


@PROPS
@given(st.integers(1, 999), st.text(alphabet="0123456789", max_size=1), st.sampled_from(["$", "£", "€"]),
       st.sampled_from(["bn", "m"]))
@example(1, "", "$", "bn")
@example(300, "", "£", "m")
def test_attached_scale_abbreviation(i, f, cur, word):
    """British and American newsroom style: "$2.5bn", "£300m"."""
    span = f"{cur}{fmt(i, f, 'en', 'none')}{word}"
    text = f"The deal is worth {span} in total."
    m = only_match(text, "en")
    assert m.value == pytest.approx(value_of(i, f) * {"bn": 1e9, "m": 1e6}[word], rel=1e-12)
    assert text[m.start:m.end] == span


def test_scale_examples():
    assert only_match("Die Stadt hat 1,5 Millionen Einwohner.", "de").value == 1.5e6
    assert only_match("The city has 2.3 million people.", "en").value == pytest.approx(2.3e6)


# --- dates --------------------------------------------------------------------------

days = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))


def date_formats(d: date) -> dict[str, tuple[str, str]]:
    """name: (language, text) of one full date."""
    de_month, en_month = GERMAN_MONTHS[d.month - 1], ENGLISH_MONTHS[d.month - 1]
    return {
        "de_long": ("de", f"{d.day}. {de_month} {d.year}"),
        "en_dmy": ("en", f"{d.day} {en_month} {d.year}"),
        "en_mdy": ("en", f"{en_month} {d.day}, {d.year}"),
        "de_numeric": ("de", f"{d.day:02d}.{d.month:02d}.{d.year}"),
        "de_numeric_short": ("de", f"{d.day}.{d.month}.{d.year}"),
        "iso": ("en", d.isoformat()),
        "en_dmy_ordinal": ("en", f"{ordinal(d.day)} {en_month} {d.year}"),
        "en_mdy_ordinal": ("en", f"{en_month} {ordinal(d.day)}, {d.year}"),
        "en_of": ("en", f"{ordinal(d.day)} of {en_month} {d.year}"),
    }


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


DATE_SENTENCE = {"de": "Der Unfall geschah am {} in Hamburg.", "en": "The accident happened on {} in Hamburg."}


def only_date(text: str, published=None):
    ds = find_dates(text, published)
    assert len(ds) == 1, [(text[x.start:x.end], x) for x in ds]
    return ds[0]


@PROPS
@given(days, st.sampled_from(sorted(date_formats(date(2000, 1, 1)))))
def test_full_dates_parse_to_their_ordinal(d, name):
    lang, span = date_formats(d)[name]
    text = DATE_SENTENCE[lang].format(span)
    m = only_date(text)
    assert (m.kind, m.low, m.high, m.partial) == ("date", d.toordinal(), d.toordinal(), False)
    assert text[m.start:m.end] == span


@PROPS
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_two_digit_years(d):
    span = f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    m = only_date(DATE_SENTENCE["de"].format(span))
    assert (m.low, m.high, m.partial) == (d.toordinal(), d.toordinal(), False)


@PROPS
@given(days, languages)
def test_month_and_year_is_the_whole_month(d, lang):
    span = f"{(GERMAN_MONTHS if lang == 'de' else ENGLISH_MONTHS)[d.month - 1]} {d.year}"
    text = {"de": "Das Werk schloss im {} endgültig.", "en": "The plant closed in {} for good."}[lang].format(span)
    m = only_date(text)
    first = d.replace(day=1)
    last = d.replace(day=calendar.monthrange(d.year, d.month)[1])
    assert (m.kind, m.low, m.high) == ("date", first.toordinal(), last.toordinal())
    assert text[m.start:m.end] == span


ABBREVIATED = {
    "de": {1: "Jan.", 2: "Feb.", 3: "Mär.", 4: "Apr.", 6: "Jun.", 7: "Jul.", 8: "Aug.", 9: "Sept.", 10: "Okt.",
           11: "Nov.", 12: "Dez."},
    "en": {1: "Jan.", 2: "Feb.", 3: "Mar.", 4: "Apr.", 6: "Jun.", 7: "Jul.", 8: "Aug.", 9: "Sept.", 10: "Oct.",
           11: "Nov.", 12: "Dec."},
}


def _abbreviated(d: date, lang: str) -> str:
    mon = ABBREVIATED[lang][d.month]
    return f"{d.day}. {mon} {d.year}" if lang == "de" else f"{mon} {d.day}, {d.year}"


@PROPS
@given(days.filter(lambda d: d.month != 5), languages)  # May has no abbreviation
@example(date(2000, 3, 1), "de")
@example(date(2000, 3, 1), "en")
def test_abbreviated_months(d, lang):
    span = _abbreviated(d, lang)
    text = DATE_SENTENCE[lang].format(span)
    m = only_date(text)
    assert (m.low, m.high) == (d.toordinal(), d.toordinal())
    assert text[m.start:m.end] == span


@PROPS
@given(days, st.sampled_from(["de", "en_dm", "en_md"]))
def test_partial_dates_give_month_and_day(d, style):
    span = {"de": f"{d.day}. {GERMAN_MONTHS[d.month - 1]}", "en_dm": f"{d.day} {ENGLISH_MONTHS[d.month - 1]}",
            "en_md": f"{ENGLISH_MONTHS[d.month - 1]} {d.day}"}[style]
    text = DATE_SENTENCE["de" if style == "de" else "en"].format(span)
    m = only_date(text)
    assert m.partial and m.kind == "date"
    assert m.low == m.high == d.month * 100 + d.day
    assert text[m.start:m.end] == span


def _prev_month_last_day(p: date) -> date:
    return p.replace(day=1) - timedelta(days=1)


def _year_before(p: date) -> date:
    return date(p.year - 1, p.month, min(p.day, 28))


RELATIVE = {
    # phrase: (language, the day its interval must contain given the publication date)
    "vorgestern": ("de", lambda p: p - timedelta(days=2)),
    "the day before yesterday": ("en", lambda p: p - timedelta(days=2)),
    "gestern": ("de", lambda p: p - timedelta(days=1)), "yesterday": ("en", lambda p: p - timedelta(days=1)),
    "heute": ("de", lambda p: p), "today": ("en", lambda p: p),
    "morgen": ("de", lambda p: p + timedelta(days=1)), "tomorrow": ("en", lambda p: p + timedelta(days=1)),
    "letzte Woche": ("de", lambda p: p - timedelta(days=7)),
    "vergangene Woche": ("de", lambda p: p - timedelta(days=7)),
    "last week": ("en", lambda p: p - timedelta(days=7)),
    "letzten Monat": ("de", _prev_month_last_day), "last month": ("en", _prev_month_last_day),
    "vergangenes Jahr": ("de", _year_before), "letztes Jahr": ("de", _year_before),
    "last year": ("en", _year_before),
}
#: phrases that name one day: the interval is exactly that day
ONE_DAY = {"vorgestern", "the day before yesterday", "gestern", "yesterday", "heute", "today", "morgen", "tomorrow"}
#: calendar weeks, Monday to Sunday
WEEK = {"letzte Woche", "vergangene Woche", "last week"}
REL_SENTENCE = {"de": "Das Schiff sank {} vor der Küste.", "en": "The ship sank {} off the coast."}


@PROPS
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(sorted(RELATIVE)))
def test_relative_dates_resolve_against_publication_date(pub, phrase):
    lang, day_of = RELATIVE[phrase]
    text = REL_SENTENCE[lang].format(phrase)
    m = only_date(text, pub)
    day = day_of(pub).toordinal()
    assert m.kind == "date" and m.low <= day <= m.high
    assert text[m.start:m.end] == phrase
    if phrase in ONE_DAY:
        assert m.low == m.high == day
    else:
        assert not m.low <= pub.toordinal() <= m.high
    if phrase in WEEK:
        assert m.high - m.low == 6 and date.fromordinal(int(m.low)).weekday() == 0
    # without a publication date it stays unresolved: never a value
    u = only_date(text)
    assert (u.kind, u.low, u.high) == ("relative_date", None, None)


# --- offsets in mixed sentences -----------------------------------------------------------


@st.composite
def facts(draw):
    """(span, checker) of one fact in a German sentence."""
    kind = draw(st.sampled_from(["number", "hedged", "date"]))
    if kind == "date":
        d = draw(days)
        span = f"{d.day}. {GERMAN_MONTHS[d.month - 1]} {d.year}"
        return span, ("date", d.toordinal())
    num, x, _ = draw(numerals(min_value=1000, max_value=10 ** 9, language="de", grouping="mark"))
    if kind == "hedged":
        phrase = draw(st.sampled_from(["mehr als", "rund", "mindestens", "fast"]))
        return f"{phrase} {num}", ("number", x)
    return num, ("number", x)


FILLERS = ["Laut Polizei", "meldete die Agentur", "und", "sowie", "Am Hafen", "im Sturm", "berichtete der Sender"]


@PROPS
@given(st.lists(facts(), min_size=1, max_size=4), st.lists(st.sampled_from(FILLERS), min_size=5, max_size=5))
def test_offsets_cut_each_span_out_of_a_mixed_sentence(parts, fillers):
    text, expected = fillers[0], []
    for (span, (kind, value)), filler in zip(parts, fillers[1:] + fillers):
        text += " "
        expected.append((len(text), len(text) + len(span), span, kind, value))
        text += span + " " + filler
    text += "."
    dates = find_dates(text)
    numbers = [n for n in find_numbers(text, "de")
               if all(n.end <= d.start or n.start >= d.end for d in dates)]
    got = sorted([(d.start, d.end, text[d.start:d.end], "date", d.low) for d in dates]
                 + [(n.start, n.end, text[n.start:n.end], "number", n.value) for n in numbers])
    assert got == sorted(expected)
