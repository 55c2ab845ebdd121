from datetime import date

import pytest

from consistency.extract.dates import dateline_place, find_dates, find_publication_date, furniture_spans


def spans(text, published=None):
    return [(text[d.start:d.end], d) for d in find_dates(text, published)]


def test_partial_date_without_year():
    (raw, d), *rest = spans("gestern, am 19. Juni, unterzeichnet")[1:]
    assert raw == "19. Juni" and d.partial and d.low == 619 and not rest


@pytest.mark.parametrize("text", ["am 19. Juni 2024", "on 19 June 2024", "on June 19, 2024", "am 19.06.2024",
                                  "2024-06-19"])
def test_full_dates(text):
    [(raw, d)] = spans(text)
    assert d.kind == "date" and d.low == d.high == date(2024, 6, 19).toordinal()


def test_years():
    found = spans("Vertrag von 1961; im Jahr 2000 ersetzt")
    assert [(r, d.kind) for r, d in found] == [("2000", "year")]  # bare "1961" is read by extract()
    assert found[0][1].low == date(2000, 1, 1).toordinal() and found[0][1].high == date(2000, 12, 31).toordinal()


def test_relative_dates_need_a_publication_date():
    [(raw, d)] = spans("Putins Reise letzte Woche")
    assert raw == "letzte Woche" and d.kind == "relative_date" and d.low is None
    [(raw, d)] = spans("Putins Reise letzte Woche", date(2024, 6, 26))  # a Wednesday
    assert date.fromordinal(d.low) == date(2024, 6, 17) and date.fromordinal(d.high) == date(2024, 6, 23)


def test_yesterday_and_partial_date_resolve_with_publication_date():
    pub = date(2024, 6, 20)
    found = spans("gestern, am 19. Juni", pub)
    assert [date.fromordinal(d.low) for _, d in found] == [date(2024, 6, 19)] * 2
    assert not any(d.partial for _, d in found)


def test_partial_date_after_publication_belongs_to_previous_year():
    [(_, d)] = spans("am 19. Dezember", date(2024, 1, 10))
    assert date.fromordinal(d.low) == date(2023, 12, 19)


def test_last_year():
    [(_, d)] = spans("im vergangenen Jahr", date(2024, 6, 20))
    assert date.fromordinal(d.low) == date(2023, 1, 1) and date.fromordinal(d.high) == date(2023, 12, 31)


def test_publication_date_line():
    assert find_publication_date("Titel\n\nVeröffentlicht am 20. Juni 2024\n\nText.") == date(2024, 6, 20)
    assert find_publication_date("Title\nPublished: June 20, 2024\nBody") == date(2024, 6, 20)
    assert find_publication_date("Am 20. Juni 2024 unterzeichneten beide Staaten in Pjöngjang "
                                 "einen Vertrag über gegenseitige Hilfe.") is None


# --- "Morgen" as a time of day; weekdays ---------------------------------------------------------------

PUB = date(2024, 6, 20)  # a Thursday


@pytest.mark.parametrize("text", ["Am Morgen brannte die Scheune.", "Die Polizei kam heute Morgen.",
                                  "Am Dienstagmorgen brannte es.", "Am frühen Morgen fielen Schüsse.",
                                  "The fire broke out this morning."])
def test_morning_is_not_tomorrow(text):
    assert all(d.relative != ("day", 1) for _, d in spans(text, PUB))


@pytest.mark.parametrize("text", ["Der Prozess beginnt morgen.", "Morgen beginnt der Prozess.",
                                  "The trial starts tomorrow.", "Er kommt morgen früh."])
def test_tomorrow_still_resolves(text):
    found = [d for _, d in spans(text, PUB) if d.relative == ("day", 1)]
    assert [date.fromordinal(d.low) for d in found] == [date(2024, 6, 21)]


@pytest.mark.parametrize("text,lang_day", [
    ("Am Dienstag brannte die Scheune.", date(2024, 6, 18)),
    ("The barn burned on Tuesday.", date(2024, 6, 18)),
    ("Am Dienstagmorgen brannte es.", date(2024, 6, 18)),
    ("Police were called late on Friday.", date(2024, 6, 14)),
    ("Am Donnerstag tagte der Rat.", date(2024, 6, 20)),  # the publication day itself
    ("Letzten Donnerstag tagte der Rat.", date(2024, 6, 13)),
    ("Der Rat tagt am kommenden Montag.", date(2024, 6, 24)),
])
def test_weekdays_resolve_to_the_most_recent_such_day(text, lang_day):
    [(_, d)] = spans(text, PUB)
    assert d.kind == "date" and date.fromordinal(d.low) == lang_day


def test_night_before_a_weekday_spans_two_days():
    [(raw, d)] = spans("In der Nacht zum Donnerstag brannte es.", PUB)
    assert raw == "In der Nacht zum Donnerstag"
    assert (date.fromordinal(d.low), date.fromordinal(d.high)) == (date(2024, 6, 19), date(2024, 6, 20))


def test_weekday_without_publication_date_is_unverifiable():
    [(raw, d)] = spans("Am Dienstag brannte die Scheune.")
    assert raw == "Dienstag" and d.kind == "relative_date" and d.low is None


def test_weekday_of_a_written_date_is_not_a_second_date():
    assert [r for r, _ in spans("Am Dienstag, 18. Juni, brannte es.", PUB)] == ["18. Juni"]
    assert [r for r, _ in spans("It happened on Saturday, July 30, 2016.", PUB)] == ["July 30, 2016"]


def test_a_count_after_a_weekday_is_no_date_of_it():
    # "am Samstag 86 Menschen": the weekday is the date, 86 a count (a date after a weekday has a
    # dot, a month or a slash: "Samstag, 12. April", "Saturday 30 July")
    assert [r for r, _ in spans("Am Samstag 86 Menschen saßen fest.", PUB)] == ["Samstag"]
    assert [r for r, _ in spans("On Saturday 5 people died.", PUB)] == ["Saturday"]
    assert [r for r, _ in spans("It happened on Saturday 30 July.", PUB)] == ["30 July"]


def test_day_and_german_month_is_a_date_not_an_ordinal():
    [(raw, d)] = spans("Am 5. März wurde gewählt.")
    assert raw == "5. März" and d.partial and d.low == 305


# --- page furniture ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text,stamp", [
    ("(Published Saturday, July 30, 2016)", "Published Saturday, July 30, 2016)"),
    ("Published: 14 April 2024", "Published: 14 April 2024"),
    ("Veröffentlicht: 09.01.2024, 10:15 Uhr", "Veröffentlicht: 09.01.2024, 10:15 Uhr"),
    ("Stand: 05.03.2024, 12:10 Uhr", "Stand: 05.03.2024, 12:10 Uhr"),
    ("Aktualisiert: 14:32 Uhr", "Aktualisiert: 14:32 Uhr"),
    ("Updated on March 3, 2023 at 9:15 a.m.", "Updated on March 3, 2023 at 9:15 a.m."),
])
def test_publication_stamps_are_furniture(text, stamp):
    [(a, b)] = furniture_spans(text)
    assert text[a:b] == stamp


@pytest.mark.parametrize("text,line", [
    ("Fulda, 12.03.2024 – Ein Radfahrer ist am Montag verunglückt.", "Fulda, 12.03.2024 – "),
    ("Wetzlar (lhe) – Ein Radfahrer ist verunglückt.", "Wetzlar (lhe) – "),
    ("HAMBURG (dpa) - Der Hafen meldet Rekorde.", "HAMBURG (dpa) - "),
    ("LONDON, March 4 (Reuters) - The bank said profits fell.", "LONDON, March 4 (Reuters) - "),
])
def test_datelines_are_furniture(text, line):
    [(a, b)] = furniture_spans(text)
    assert text[a:b] == line


@pytest.mark.parametrize("text,place", [
    ("Kleinbachheim – Ein bewaffneter Mann hat vier Menschen in seine Gewalt gebracht.", "Kleinbachheim"),
    ("Bad Laubenau, 29.07.2024 – Rund 85.000 Besucher kamen.", "Bad Laubenau"),
    ("HAMBURG (dpa) - Der Hafen meldet Rekorde.", "HAMBURG"),
    ("Die Polizei, die am 3. Mai kam – und ging.", None),  # a dash after a clause, not after a place
    ("Der Täter gab auf.", None),
])
def test_the_place_of_a_dateline_even_without_date_or_agency(text, place):
    span = dateline_place(text)
    assert (text[span[0]:span[1]] if span else None) == place


@pytest.mark.parametrize("text", ["15 August 2024", "June 12, 2024", "Montag, 3. Juni 2024",
                                  "Shipping Desk | 13 May 2025", "  20.06.2024 "])
def test_a_date_on_its_own_is_furniture(text):
    # a byline's or a page's date, never a fact of the story (it was grouped with the story's dates)
    assert furniture_spans(text) == [(len(text) - len(text.lstrip()), len(text.rstrip()))]


@pytest.mark.parametrize("text", ["Die Polizei, die am 3. Mai kam – und ging.",
                                  "Der Bürgermeister sagte am 4. Mai: Wir bauen.",
                                  "Published reports said 12 people died.",
                                  "Die Flut kam am 3. Juni 2024.", "Storm hits town on 14 August 2024",
                                  "Am 3. Juni 2024 starben 3 Menschen", "June 2024", "Hochwasser am 3. Juni 2024",
                                  "Born 15 August 2024"])
def test_prose_is_not_furniture(text):
    assert furniture_spans(text) == []


def test_publication_date_from_a_stamp_or_a_dateline():
    assert find_publication_date("Titel\n\nFulda, 12.03.2024 – Ein Radfahrer ist am Montag auf der Landstraße "
                                 "verunglückt, teilte die Polizei mit.") == date(2024, 3, 12)
    text = ("Headline\n\n" + "A long paragraph of news text that goes on for a while. " * 4 +
            "\n\nMore text. (Published Saturday, July 30, 2016)")
    assert find_publication_date(text) == date(2016, 7, 30)


@pytest.mark.parametrize("text,published,day", [
    ("zum 1. Oktober", date(2024, 8, 28), date(2024, 10, 1)),   # announced: this October, not last
    ("am 20. Dezember", date(2024, 3, 5), date(2023, 12, 20)),  # told: last December
    ("am 5. Januar", date(2024, 12, 20), date(2025, 1, 5)),     # over the turn of the year
    ("on 3 March", date(2024, 3, 5), date(2024, 3, 3)),
    ("Ende Oktober", date(2024, 8, 28), date(2024, 10, 21)),
])
def test_a_day_without_its_year_is_the_nearest_such_day(text, published, day):
    [d] = find_dates(text, published)
    assert date.fromordinal(int(d.low)) == day and not d.partial


def test_a_leap_day_far_from_publication_stays_without_year():
    [d] = find_dates("am 29. Februar", date(2027, 3, 5))  # no 29 February within half a year
    assert d.partial and d.low == 229
