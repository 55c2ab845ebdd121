import math

import pytest

from consistency.extract.numbers import find_numbers, parse_number


def one(text, lang="de"):
    ms = find_numbers(text, lang)
    assert len(ms) == 1, ms
    m = ms[0]
    return text[m.start:m.end], m


@pytest.mark.parametrize("raw,lang,value", [
    ("10.000", "de", 10000), ("350.000", "de", 350000), ("1,5", "de", 1.5), ("10,000", "en", 10000),
    ("1.5", "en", 1.5), ("1.000.000", "en", 1e6), ("12 345", "de", 12345), ("6.700", "de", 6700),
])
def test_parse_number_german_and_english_notation(raw, lang, value):
    assert parse_number(raw, lang) == value


@pytest.mark.parametrize("text,lang,low,high,hedge", [
    ("mehr als 10.000 Container", "de", 10000, math.inf, "lower"),
    ("bei über 350.000.", "de", 350000, math.inf, "lower"),
    ("more than 10,000 containers", "en", 10000, math.inf, "lower"),
    ("mindestens 12 Tote", "de", 12, math.inf, "at_least"),
    ("fast 25 Jahre", "de", 22.5, 25, "nearly"),
    ("rund 6.700 Container", "de", 6030, 7370, "approx"),
    ("about 300 people", "en", 270, 330, "approx"),
    ("weniger als 50 Opfer", "de", -math.inf, 50, "upper"),
    ("bis zu 300 Soldaten", "de", -math.inf, 300, "at_most"),
    ("zwischen 5.000 und 7.000 Soldaten", "de", 5000, 7000, "range"),
    ("between 5,000 and 7,000 troops", "en", 5000, 7000, "range"),
])
def test_hedges_become_intervals(text, lang, low, high, hedge):
    _, m = one(text, lang)
    assert m.hedge == hedge
    assert m.low == pytest.approx(low) and m.high == pytest.approx(high)


def test_scale_words_and_currencies_normalise():
    _, a = one("mehr als 300.000 US-Dollar")
    _, b = one("more than $300,000", "en")
    assert (a.value, a.currency) == (b.value, b.currency) == (300000, "USD")
    _, c = one("1,5 Millionen Euro")
    assert (c.value, c.currency) == (1.5e6, "EUR")
    _, d = one("3.5 bn dollars", "en")
    assert (d.value, d.currency) == (3.5e9, "USD")
    _, e = one("2 Mrd. Euro")
    assert e.value == 2e9


def test_percent():
    raw, m = one("Die Inflation stieg auf 12,5 Prozent")
    assert m.percent and m.value == 12.5 and raw == "12,5 Prozent"


@pytest.mark.parametrize("text,lang,raw,value", [
    ("Es wurden mindestens zehn Raketen abgefeuert", "de", "mindestens zehn", 10),
    ("zwei Millionen Euro", "de", "zwei Millionen Euro", 2e6),
    ("ten thousand people", "en", "ten thousand", 1e4),
    ("twelve people were killed", "en", "twelve", 12),
])
def test_number_words(text, lang, raw, value):
    got, m = one(text, lang)
    assert got == raw and m.value == value and m.words


def test_vague_plurals_are_wide_intervals():
    _, m = one("Tausende von Arbeitern")
    assert m.hedge == "vague" and m.low == 1000 and m.high > 10000
    _, m = one("dozens of people", "en")
    assert m.low == 20 and m.high == 200


def test_articles_are_not_numbers():
    assert find_numbers("Er schenkte ihm eine Limousine", "de") == []
    assert find_numbers("one of them said", "en") == []


def test_ordinal_words():
    _, m = one("seinen siebten unterirdischen Atomtest")
    assert m.ordinal and m.value == 7
    _, m = one("its sixth nuclear test", "en")
    assert m.ordinal and m.value == 6


def test_offsets_point_into_the_text():
    text = "Laut US-Beamten wurden mehr als 10.000 Container und 1,5 Millionen Euro bewegt."
    for m in find_numbers(text, "de"):
        assert text[m.start:m.end].strip() == text[m.start:m.end]
        assert any(ch.isdigit() for ch in text[m.start:m.end])
