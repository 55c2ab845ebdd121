"""Times of day: minutes after midnight with the interval their wording allows."""

import pytest

from consistency.extract import extract
from consistency.extract.clock import find_clock_times
from consistency.judge import format_value, positions
from consistency.model import Sentence


def clock(text):
    return [(c.low, c.high, c.hedge) for c in find_clock_times(text)]


@pytest.mark.parametrize("text, expected", [
    ("Die Alarmanlage schlug um 3.12 Uhr an.", [(192, 192, None)]),
    ("Das Beben ereignete sich gegen 6.15 Uhr Ortszeit.", [(360, 390, "approx")]),
    ("Der Überfall geschah kurz nach 9 Uhr.", [(540, 560, "after")]),
    ("Der Notruf ging um 8 Uhr abends ein.", [(1190, 1210, None)]),  # a full hour may be rounded
    ("The quake struck at about 6:15 a.m. local time.", [(360, 390, "approx")]),
    ("The train stopped at around 2.20pm because of a fault.", [(845, 875, "approx")]),
    ("The shooting happened at 12:30 a.m. Sunday.", [(30, 30, None)]),
    ("It launched at 21:34 local time on Tuesday.", [(1294, 1294, None)]),
])
def test_times_of_day(text, expected):
    assert clock(text) == expected


def test_a_sentence_end_is_not_part_of_pm():
    text = "The robbery happened at 3:40 pm."
    (c,) = find_clock_times(text)
    assert text[c.start:c.end] == "at 3:40 pm" and c.low == 940


@pytest.mark.parametrize("text", [
    "Das Museum ist bis 18 Uhr geöffnet.",  # a bound, not the time of a fact
    "Shops are open between 9 a.m. and 5 p.m.",
    "He took the 6:15 train.",  # 6:15 alone is morning or evening
])
def test_bounds_ranges_and_ambiguous_times_are_not_read(text):
    assert clock(text) == []


def _value(text, lang="de"):
    (q,) = [v for v in extract(Sentence("a.txt", 0, 0, len(text), text, 1, lang, text)).values if v.kind == "clock"]
    return q


def test_a_time_of_day_is_a_value_that_contradicts_another_hour():
    a, b = _value("Die Alarmanlage schlug um 3.12 Uhr an."), _value("Die Alarmanlage schlug gegen 3 Uhr an.")
    c = _value("The alarm went off at 4:40 a.m.", "en")
    assert positions([a, b, c]) == [0, 0, 1]
    assert format_value(a) == "“um 3.12 Uhr” (03:12)"
    assert format_value(c) == "“at 4:40 a.m.” (04:40)"


def test_a_publication_stamp_is_not_a_time_of_day():
    text = "Aktualisiert: 14:32 Uhr"
    assert not [v for v in extract(Sentence("a.txt", 0, 0, len(text), text, 1, "de", text)).values
                if v.kind == "clock"]
