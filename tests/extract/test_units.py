"""Units of measure: converted with pint to one base unit per dimension."""

import pytest

from consistency.extract import extract
from consistency.extract.numbers import find_numbers
from consistency.extract.units import counted_noun, units_compatible
from consistency.model import Sentence


def measures(text, lang="de"):
    c = extract(Sentence("a.txt", 0, 0, len(text), text, 1, lang, text))
    return [v for v in c.values if v.kind in ("measure", "duration")]


def one(text, lang="de"):
    [v] = measures(text, lang)
    assert text[v.start:v.end] == v.raw
    return v


@pytest.mark.parametrize("text,lang,key,value", [
    ("Die Mauer ist 3,7 Meter hoch.", "de", "m", 3.7),
    ("The wall is 12 feet tall.", "en", "m", 3.6576),
    ("Der Wanderweg ist 14 Kilometer lang.", "de", "m", 14000),
    ("They walked 5 miles home.", "en", "m", 8046.72),
    ("Ein Loch von 40 cm wurde gefunden.", "de", "m", 0.4),
    ("a gap of 8 inches between them", "en", "m", 0.2032),
    ("Er fuhr mit 120 km/h durch den Ort.", "de", "km/h", 120),
    ("Das Boot machte 20 Knoten.", "de", "km/h", 37.04),
    ("Winds reached 60 mph overnight.", "en", "km/h", 96.56064),
    ("mit 90 Stundenkilometern unterwegs", "de", "km/h", 90),
    ("Der Meteorit trat mit 17 Kilometern pro Sekunde ein.", "de", "km/h", 61200),
    ("It entered the atmosphere at 17 km/s.", "en", "km/h", 61200),
    ("Die Ladung wog 40 Tonnen.", "de", "kg", 40000),
    ("a suitcase with 23 kg of clothes", "en", "kg", 23),
    ("Im Becken waren 500 Liter Wasser.", "de", "m3", 0.5),
    ("Es flossen 300 Kubikmeter ab.", "de", "m3", 300),
    ("Der Brand zerstörte 12 Hektar Wald.", "de", "m2", 120000),
    ("The fire burned 3 square miles.", "en", "m2", 7769964.331008),
    ("Gemessen wurden 50 Mikrogramm pro Kubikmeter Feinstaub.", "de", "ug/m3", 50),
    ("levels of 50 micrograms per cubic metre", "en", "ug/m3", 50),
    ("Gemessen wurden 50 µg/m³.", "de", "ug/m3", 50),
])
def test_measures_convert_to_one_base_unit(text, lang, key, value):
    v = one(text, lang)
    assert v.kind == "measure" and v.unit_key == key
    assert v.value == pytest.approx(value)


def test_unit_as_written_is_kept_and_outside_the_span():
    v = one("The wall is 12 feet tall.", "en")
    assert (v.raw, v.unit) == ("12", "feet")


def test_feet_and_metres_agree_within_rounding():
    feet = one("The wave was 12 feet high.", "en")
    metres = one("Die Welle war 3,7 Meter hoch.")
    assert feet.low == feet.high  # a whole number of feet is exact
    # "3,7": one decimal, covered to just under half the last digit, so that neighbours do not touch
    assert metres.low == pytest.approx(3.655) and metres.high == pytest.approx(3.745)
    a, b = one("The old record was 47.3C.", "en"), one("The old record was 47.4C.", "en")
    assert a.high < b.low
    assert metres.low <= feet.value <= metres.high


def test_celsius_and_fahrenheit_agree():
    c = one("Temperatures hit 47.6C on Sunday.", "en")
    f = one("Temperatures hit 117.7F on Sunday.", "en")
    assert c.unit_key == f.unit_key == "degC"
    assert c.low <= f.high and f.low <= c.high
    assert one("Es wurden 38 Grad gemessen.").unit_key == "degC"
    assert one("Es wurden 38 °C gemessen.").value == 38
    assert one("It was 100 degrees Fahrenheit.", "en").value == pytest.approx(37.7778, abs=1e-3)


def test_tons_cover_short_and_long_ton():
    v = one("The truck carried 10 tons of sand.", "en")
    assert v.low == pytest.approx(9071.847) and v.high == pytest.approx(10160.469)
    assert v.low <= 10000 <= v.high  # 10 tonnes


def test_pounds_are_money_unless_something_is_weighed():
    [m] = [n for n in find_numbers("He paid 20 pounds for it.", "en")]
    assert m.currency == "GBP"
    assert one("The fish weighed 20 pounds.", "en").value == pytest.approx(9.0718474)


@pytest.mark.parametrize("a,b,lang_a,lang_b", [
    ("Die Sitzung dauerte 2 Stunden.", "Die Sitzung dauerte 120 Minuten.", "de", "de"),
    ("Er blieb 2 Wochen.", "He stayed 14 days.", "de", "en"),
    ("Sie wartete 1 Jahr.", "She waited 12 months.", "de", "en"),
])
def test_durations_are_seconds(a, b, lang_a, lang_b):
    va, vb = one(a, lang_a), one(b, lang_b)
    assert va.kind == vb.kind == "duration" and va.unit_key == vb.unit_key == "s"
    assert va.value == pytest.approx(vb.value)


def test_durations_in_words_and_hedged():
    assert one("Das Verhör dauerte zwei Stunden.").value == 7200
    assert one("Es dauerte anderthalb Stunden.").value == 5400
    v = one("eine Lücke von fast 25 Jahren")
    assert v.hedge == "nearly" and v.high == pytest.approx(25 * 365.25 * 86400)


@pytest.mark.parametrize("text,lang,seconds", [
    ("Sie gewann in 2:08:31 Stunden.", "de", 2 * 3600 + 8 * 60 + 31),
    ("He won the marathon in 2:08:31.", "en", 7711),
    ("She ran the mile in 4:05 minutes.", "en", 245),
])
def test_race_times_are_durations(text, lang, seconds):
    v = one(text, lang)
    assert v.kind == "duration" and v.value == seconds


def test_clock_times_are_not_durations():
    assert measures("Der Zug fuhr um 10:15:00 Uhr ab.") == []


def test_ranges_of_measures():
    v = one("Die Strecke ist zwischen 5 und 7 Kilometern lang.")
    assert (v.low, v.high) == (5000, 7000)
    v = one("Die Strecke ist 5 bis 7 km lang.")
    assert (v.low, v.high) == (5000, 7000)


@pytest.mark.parametrize("text,lang", [
    ("Das Team spielt in Gruppe 3 C.", "de"),
    ("Er kam mit 12 Mann.", "de"),
    ("The 5 M Street office closed.", "en"),
    ("She ate 3 in the morning.", "en"),
])
def test_letters_that_are_not_units(text, lang):
    assert measures(text, lang) == []


def test_measures_never_fit_counts():
    assert not units_compatible("m", None)
    assert not units_compatible("m", "container")
    assert units_compatible("m", "m")
    assert units_compatible(None, "container")


def test_written_out_conversions_are_pints():
    from consistency.extract import units

    assert {(u, k) for _, us, k, _ in units._MEASURES for u in us} <= set(units._AFFINE_TABLE)
    for (unit, key), ab in units._AFFINE_TABLE.items():
        assert units._pint_affine(unit, key) == ab, (unit, key)


@pytest.mark.parametrize("text,number,noun", [
    ("Three of the victims are in serious but stable condition.", "Three", "victims"),
    ("Two of the surviving victims identified the shooters.", "Two", "victims"),
    ("Four of the adults were Powell's relatives.", "Four", "adults"),
    ("Police said three of his friends were hurt.", "three", "friends"),
    ("Two of them were killed.", "Two", None),
])
def test_a_part_counts_the_noun_after_of_the(text, number, noun):
    # "three of the victims" counts victims (as German "drei der Verletzten"), never "the"
    start = text.index(number)
    found = counted_noun(text, start, start + len(number), "en")
    assert (found[0] if found else None) == noun


@pytest.mark.parametrize("text,number,noun", [
    ("Opheim said 15 of Luke's friends gathered at his house.", "15", "friends"),
    ("Three of the train's cars left the tracks.", "Three", "cars"),
    # a part of a group counted itself: the whole has the noun, the part none (as "23 der 40 Waggons")
    ("Officials said 23 of the 40 cars left the tracks.", "23", None),
    ("Officials said 23 of the train's 40 cars left the tracks.", "23", None),
    ("Two of four people questioned are out of jail.", "Two", None),
    ("Five of the six other victims were released.", "Five", None),
])
def test_a_part_of_an_owned_or_counted_group(text, number, noun):
    start = text.index(number)
    found = counted_noun(text, start, start + len(number), "en")
    assert (found[0] if found else None) == noun


def test_a_singular_in_s_is_no_counted_plural():
    # "the 2009 mass shooting": "mass" is no plural, so 2009 is a year, not a count of masses
    text = "Obama said it recalls the 2009 mass shooting at Fort Hood."
    start = text.index("2009")
    assert counted_noun(text, start, start + 4, "en") is None


@pytest.mark.parametrize("text,metres", [
    ("Wilson is described as 6-foot-2 and weighing 140 pounds.", 1.8796),
    ("He is 5 feet 10 inches tall.", 1.778),
    ("Police described him as being about 5 feet, 10-inches tall.", 1.778),
    ("He fell from a 12-foot wall.", 3.6576),
])
def test_a_height_in_feet_and_inches_is_one_length(text, metres):
    [v] = [v for v in measures(text, "en") if v.unit_key == "m"]
    assert v.value == pytest.approx(metres)
    assert text[v.start:v.end] == v.raw
