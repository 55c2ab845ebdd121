from datetime import date

import pytest

from consistency.extract.dates import find_dates, find_publication_date


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
