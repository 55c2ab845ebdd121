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
    ("fast 25 Container", "de", 22.5, 25, "nearly"),
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


@pytest.mark.parametrize("text,lang,period", [
    ("Tariffs will be phased out over seven years.", "en", True),
    ("The festival took place over three days.", "en", True),
    ("Nine people died over 3 days.", "en", True),
    ("Die Zölle werden über sieben Jahre hinweg abgebaut.", "de", True),
    ("He served over seven years in prison.", "en", False),  # a verb that takes the duration itself
    ("The talks lasted over three hours.", "en", False),
    ("It has been closed for over two weeks.", "en", False),
    ("Er saß über sieben Jahre in Haft.", "de", False),
])
def test_over_a_duration_is_a_period_where_the_words_around_say_so(text, lang, period):
    m = [m for m in find_numbers(text, lang) if m.kind == "duration"][0]
    assert text[m.start:].lower().startswith(("over", "über"))
    if period:
        assert (m.hedge, m.low, m.high) == (None, m.value, m.value)
    else:
        assert (m.hedge, m.low, m.high) == ("lower", m.value, math.inf)


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


# --- digit groups separated by spaces ---------------------------------------------------------------


@pytest.mark.parametrize("text,lang,raw,value", [
    ("Zum Stadtfest kamen 3 500 Gäste.", "de", "3 500", 3500),
    ("Zum Stadtfest kamen 3\u00a0500 Gäste.", "de", "3\u00a0500", 3500),
    ("The fair drew 3\u00a0500 guests.", "en", "3\u00a0500", 3500),
    ("The fair drew 12\u202f000 guests.", "en", "12\u202f000", 12000),
    ("Die Kasse zählte 1\u2009250\u2009000 Euro.", "de", "1\u2009250\u2009000 Euro", 1250000),
    # the view of "3&nbsp;500": read/clean.py leaves the no-break space and blanks
    ("Zum Stadtfest kamen 3\u00a0     500 Gäste.", "de", "3\u00a0     500", 3500),
])
def test_space_grouped_thousands(text, lang, raw, value):
    got, m = one(text, lang)
    assert (got, m.value) == (raw, value)


@pytest.mark.parametrize("text,lang,values", [
    ("Dispatchers took 50 911 calls on Friday.", "en", [50, 911]),
    ("Die Leitstelle nahm 50 911-Anrufe entgegen.", "de", [50, 911]),
    ("In 2023 the club had 12 400 members.", "en", [2023, 12, 400]),
    ("Am Ende waren es 3 1234 Teilnehmer.", "de", [3, 1234]),
    ("Die Leitstelle zählte 40 911 Notrufe.", "de", [40, 911]),
])
def test_a_plain_space_does_not_join_two_numbers(text, lang, values):
    assert [m.value for m in find_numbers(text, lang)] == values


# --- halves, dozens, fractions, compound number words ------------------------------------------------


@pytest.mark.parametrize("text,lang,raw,value", [
    ("Es kamen zweieinhalb Millionen Besucher.", "de", "zweieinhalb Millionen", 2.5e6),
    ("Er aß anderthalb Brote.", "de", "anderthalb", 1.5),
    ("Sie trank eineinhalb Flaschen.", "de", "eineinhalb", 1.5),
    ("The city has half a million residents.", "en", "half a million", 5e5),
    ("The project cost two and a half million dollars.", "en", "two and a half million dollars", 2.5e6),
    ("Die Stadt hat eine halbe Million Einwohner.", "de", "eine halbe Million", 5e5),
    ("Es starben dreiundzwanzig Menschen.", "de", "dreiundzwanzig", 23),
    ("Twenty-three people were hurt.", "en", "Twenty-three", 23),
    ("Er besitzt ein Dutzend Autos.", "de", "ein Dutzend", 12),
    ("She owns a dozen horses.", "en", "a dozen", 12),
    ("They bought two dozen eggs.", "en", "two dozen", 24),
    ("half a dozen boats sank", "en", "half a dozen", 6),
])
def test_halves_dozens_and_compound_number_words(text, lang, raw, value):
    got, m = one(text, lang)
    assert (got, m.value) == (raw, value)


def test_more_than_a_dozen_is_a_lower_bound():
    got, m = one("Mehr als ein Dutzend Häuser brannten.")
    assert got == "Mehr als ein Dutzend" and (m.low, m.high, m.hedge) == (12, math.inf, "lower")
    got, m = one("more than a dozen homes burned", "en")
    assert (m.low, m.hedge) == (12, "lower")


def test_dozens_stay_vague():
    _, m = one("Dutzende Häuser brannten.")
    assert m.hedge == "vague"


@pytest.mark.parametrize("text,lang,raw,pct", [
    ("Two-thirds of the voters agreed.", "en", "Two-thirds", 66.7),
    ("a quarter of the residents left", "en", "a quarter", 25),
    ("three quarters of the staff", "en", "three quarters", 75),
    ("Drei Viertel der Befragten stimmten zu.", "de", "Drei Viertel", 75),
    ("Ein Drittel der Schüler fehlte.", "de", "Ein Drittel", 33.3),
    ("Die Hälfte der Plätze blieb leer.", "de", "Die Hälfte", 50),
    ("half of the seats were empty", "en", "half", 50),
])
def test_fractions_are_shares_in_percent(text, lang, raw, pct):
    got, m = one(text, lang)
    assert got == raw and m.percent and m.value == pct
    assert m.low <= round(pct) <= m.high  # agrees with the whole percentage it rounds to


def test_fraction_words_without_a_whole_are_not_shares():
    assert find_numbers("Er kam um drei Viertel acht.", "de") == [] or all(
        not m.percent for m in find_numbers("Er kam um drei Viertel acht.", "de"))
    assert all(not m.percent for m in find_numbers("They split it in half.", "en"))


# --- abbreviated amounts -----------------------------------------------------------------------------


@pytest.mark.parametrize("text,lang,raw,value,currency", [
    ("Das kostete 1,2 Mio. Euro.", "de", "1,2 Mio. Euro", 1.2e6, "EUR"),
    ("Der Umbau kostet 120 Mio. €.", "de", "120 Mio. €", 1.2e8, "EUR"),
    ("Der Verlust lag bei 4,2 Mrd. €.", "de", "4,2 Mrd. €", 4.2e9, "EUR"),
    ("The bank lost €4.2bn last year.", "en", "€4.2bn", 4.2e9, "EUR"),
    ("He paid $1.5m for the house.", "en", "$1.5m", 1.5e6, "USD"),
    ("Es kamen 1,2 Mio. Besucher.", "de", "1,2 Mio.", 1.2e6, None),
    ("Es kamen 2,5 Tsd. Besucher.", "de", "2,5 Tsd.", 2500, None),
    ("About 21k runners took part.", "en", "About 21k", 21000, None),
    ("Die Schulden betragen 2,5 Billionen Euro.", "de", "2,5 Billionen Euro", 2.5e12, "EUR"),
    ("The debt is 2.5 billion euros.", "en", "2.5 billion euros", 2.5e9, "EUR"),
    ("The city has 5m people.", "en", "5m", 5e6, None),
])
def test_abbreviated_amounts(text, lang, raw, value, currency):
    got, m = one(text, lang)
    assert got == raw and m.value == pytest.approx(value) and m.currency == currency
    assert m.kind is None  # a count or money, not a measure


@pytest.mark.parametrize("text", ["She won the 21k in record time.", "He ran the 21K race in May.",
                                  "The 10k run starts at noon."])
def test_k_in_a_race_is_kilometres(text):
    _, m = one(text, "en")
    assert m.kind == "measure" and m.unit_key == "m" and m.value in (21000, 10000)


def test_attached_m_without_money_is_metres():
    _, m = one("He won the 100m sprint.", "en")
    assert m.kind == "measure" and m.value == 100 and m.unit == "m"


@pytest.mark.parametrize("text,lang", [
    ("Es wurden " + "9" * 400 + " Häuser überflutet.", "de"),  # beyond float: inf
    ("It cost $" + "9" * 300 + " trillion.", "en"),  # finite, then scaled beyond float
    ("Es wurden 2.000.000.000.000.000.000 Häuser gezählt.", "de"),  # 2e18: no count of anything reported
])
def test_numerals_beyond_any_quantity_are_no_values(text, lang):
    assert find_numbers(text, lang) == []


def test_the_largest_plausible_values_are_read():
    (m,) = find_numbers("Die Schulden betragen 999.000.000.000.000.000 Euro.", "de")
    assert m.value == pytest.approx(9.99e17) and m.currency == "EUR"


@pytest.mark.parametrize("text,lang,raw,low,high", [
    ("The guy just started shooting eight or nine times.", "en", "eight or nine", 8, 9),
    ("Zwei bis drei Menschen wurden verletzt.", "de", "Zwei bis drei", 2, 3),
    ("Police found 5 or 6 shell casings.", "en", "5 or 6", 5, 6),
])
def test_two_numbers_given_as_alternatives_are_one_range(text, lang, raw, low, high):
    # the first number is no count of its own: its noun is the second one's
    [m] = find_numbers(text, lang)
    assert (text[m.start:m.end], m.low, m.high, m.hedge) == (raw, low, high, "range")


@pytest.mark.parametrize("text,lang,n", [
    ("He was one of 2 or 30 people.", "en", 2),  # too far apart to be alternatives
    ("Vier Verletzte oder drei Tote.", "de", 2),
    ("The death toll rose from three to five.", "en", 2),  # a change told with both figures
])
def test_numbers_that_are_no_alternatives_stay_apart(text, lang, n):
    assert len(find_numbers(text, lang)) == n


@pytest.mark.parametrize("text,lang,kept", [
    ("The Colts (11-4) won their eighth straight game.", "en", []),
    ("Colts Clinch Playoff Berth with 20 - 13 Win Over Chiefs", "en", []),
    ("Bayern gewann 3-1 gegen Dortmund.", "de", []),
    # a range runs up
    ("Between 30-40 people were there.", "en", [(30.0, 40.0)]),
    ("Es kamen 20-30 Menschen.", "de", [(20.0, 30.0)]),
])
def test_a_score_is_no_range(text, lang, kept):
    # two figures joined by a dash that run down are a score or a record ("(11-4)"), not the
    # range 4 to 11 of one count
    assert [(m.low, m.high) for m in find_numbers(text, lang) if m.low != m.high] == kept
    assert not [m for m in find_numbers(text, lang) if m.value in (4.0, 13.0, 1.0)]  # no end of a score alone
