from datetime import date

from consistency.extract import extract
from consistency.judge import JudgeSettings, judge, positions
from consistency.model import Group, Mention, Sentence


def claim(text, path, lang="de", published=None):
    return extract(Sentence(path, 0, 0, len(text), text, 1, lang, text), published=published)


def group_of(claims):
    return Group(kind="value", mentions=tuple(Mention(i, 0) for i in range(len(claims))), fact="f", key="k")


def test_a_later_report_that_revises_a_count_is_a_revision_not_a_contradiction():
    a = claim("Bei dem Unglück starben drei Menschen.", "a.txt")
    b = claim("Die Zahl der Toten stieg inzwischen auf fünf.", "b.txt")
    pub = {"a.txt": date(2024, 3, 1), "b.txt": date(2024, 3, 2)}
    f = judge(group_of([a, b]), [a, b], {"a.txt": "a", "b.txt": "b"}, JudgeSettings(published=pub))
    assert f.verdict == "unverifiable" and f.kind == "revision"
    # the same two reports without publication dates (or the revision first) do contradict
    f = judge(group_of([a, b]), [a, b], {"a.txt": "a", "b.txt": "b"}, JudgeSettings())
    assert f.verdict == "contradict"
    pub = {"a.txt": date(2024, 3, 3), "b.txt": date(2024, 3, 2)}
    assert judge(group_of([a, b]), [a, b], {"a.txt": "a", "b.txt": "b"},
                 JudgeSettings(published=pub)).verdict == "contradict"


def test_the_same_weekday_in_reports_of_different_weeks_is_consistent():
    a = claim("He was arrested in Houston on Friday.", "a.txt", "en", date(2015, 2, 21))
    b = claim("He was arrested in Houston on Friday.", "b.txt", "en", date(2015, 3, 7))
    c = claim("He was arrested in Houston on Monday.", "c.txt", "en", date(2015, 3, 7))
    qa, qb, qc = a.values[0], b.values[0], c.values[0]
    assert qa.low != qb.low  # resolved to two different Fridays
    assert positions([qa, qb]) == [0, 0]
    assert positions([qb, qc]) == [0, 1]


def test_the_same_relative_time_in_the_same_words_is_consistent():
    # GVA: "legally purchased the firearms within the last week" in two reports a week apart
    a = claim("The gunman purchased the firearms within the last week.", "a.txt", "en", date(2016, 6, 13))
    b = claim("The gunman purchased the firearms within the last week.", "b.txt", "en", date(2016, 6, 6))
    c = claim("The gunman purchased the firearms last month.", "c.txt", "en", date(2016, 6, 13))
    qa, qb, qc = a.values[0], b.values[0], c.values[0]
    assert (qa.low, qa.high) != (qb.low, qb.high)  # resolved to two different weeks
    assert positions([qa, qb]) == [0, 0]
    assert positions([qa, qc]) == [0, 1]


def test_a_part_of_a_month_without_its_year_compares_on_day_and_month():
    # "Anfang Januar" in an article of 1 October is read as next January, a guess: it still agrees
    # with "Anfang Januar 2024" and not with "Ende Januar 2024"
    a = claim("Die Arbeiten beginnen Anfang Januar.", "a.txt", "de", date(2024, 10, 1))
    b = claim("Die Arbeiten beginnen Anfang Januar 2024.", "b.txt", "de")
    c = claim("Die Arbeiten beginnen Ende Januar 2024.", "c.txt", "de")
    assert positions([a.values[0], b.values[0]]) == [0, 0]
    assert positions([a.values[0], c.values[0]]) == [0, 1]


def test_a_date_without_year_compares_on_day_and_month():
    a = claim("The victims were gunned down on Jan. 19 at a car wash.", "a.txt", "en", date(2016, 2, 1))
    b = claim("The victims were gunned down on January 19, 2015 at a car wash.", "b.txt", "en")
    c = claim("The victims were gunned down on Jan. 20 at a car wash.", "c.txt", "en", date(2016, 2, 1))
    assert positions([a.values[0], b.values[0]]) == [0, 0]
    assert positions([b.values[0], c.values[0]]) == [0, 1]


def test_a_weekday_without_publication_date_agrees_with_a_time_on_that_day_of_the_week():
    ids = {"a.txt": "a", "b.txt": "b"}
    wed_night = claim("The dam burst on Wednesday night.", "a.txt", "en")
    night_to_thu = claim("Der Damm brach in der Nacht zum Donnerstag.", "b.txt")
    assert judge(group_of([wed_night, night_to_thu]), [wed_night, night_to_thu], ids).verdict == "agree"
    dated = claim("Der Damm brach am 14. August 2024.", "b.txt")  # a Wednesday
    assert judge(group_of([wed_night, dated]), [wed_night, dated], ids).verdict == "agree"
    # the night to Sunday and the night to Saturday share no hour; another weekday is not compared
    # (which week each means is unknown), so neither agrees
    sun = claim("Die Münzen wurden in der Nacht zum Sonntag gestohlen.", "a.txt")
    sat = claim("Die Münzen wurden in der Nacht zum Samstag gestohlen.", "b.txt")
    assert judge(group_of([sun, sat]), [sun, sat], ids).verdict == "unverifiable"
    fri = claim("The dam burst on Friday.", "b.txt", "en")
    assert judge(group_of([wed_night, fri]), [wed_night, fri], ids).verdict == "unverifiable"


def test_two_periods_of_years_are_one_only_if_they_start_and_end_alike():
    ids = {"a.txt": "a", "b.txt": "b"}
    a = claim("The company paid bribes between 2015 and 2021.", "a.txt", "en")
    b = claim("The bribes were paid from 2017 to 2021.", "b.txt", "en")
    c = claim("Die Zahlungen liefen von 2015 bis 2021.", "b.txt")
    assert [(q.kind, q.hedge) for q in a.values] == [("year", "range")]
    assert judge(group_of([a, b]), [a, b], ids).verdict == "contradict"
    assert judge(group_of([a, c]), [a, c], ids).verdict == "agree"


def test_a_third_of_a_month_is_a_span_of_days():
    ids = {"a.txt": "a", "b.txt": "b"}
    a = claim("Der Angriff wurde am 14. Oktober bemerkt.", "a.txt")
    b = claim("Der Angriff wurde bereits Mitte September entdeckt.", "b.txt")
    c = claim("Der Angriff wurde Mitte Oktober entdeckt.", "b.txt")
    assert [(q.low, q.high, q.partial) for q in b.values] == [(911, 920, True)]
    assert judge(group_of([a, b]), [a, b], ids).verdict == "contradict"
    assert judge(group_of([a, c]), [a, c], ids).verdict == "agree"
    pub = claim("Der Angriff wurde bereits Mitte September entdeckt.", "b.txt", published=date(2024, 10, 20))
    assert (pub.values[0].low, pub.values[0].high) == (date(2024, 9, 11).toordinal(), date(2024, 9, 20).toordinal())


def test_weekdays_that_cannot_be_compared_are_no_contradiction():
    # "Wednesday" twice in one report and "Sunday's quakes" in it and another: positions apart only
    # because the weekdays cannot be compared without a publication date
    a = claim("A strong earthquake rattled the province Wednesday.", "a.txt", "en")
    b = claim("Wednesday's shallow quake hit at dawn.", "a.txt", "en")
    c = claim("Since Sunday's quakes people have been living in tents.", "b.txt", "en")
    d = claim("The Sunday quakes damaged many buildings.", "b.txt", "en")
    f = judge(group_of([a, b, c, d]), [a, b, c, d], {"a.txt": "a", "b.txt": "b"})
    assert f.verdict == "unverifiable"


def test_two_nights_resolved_to_dates_share_a_day_but_no_hour():
    ids = {"a.txt": "a", "b.txt": "b"}
    pub = date(2024, 11, 18)  # a Monday
    sun = claim("Die Münzen wurden in der Nacht zum Sonntag gestohlen.", "a.txt", published=pub)
    sat = claim("Die Münzen wurden in der Nacht zum Samstag gestohlen.", "b.txt", published=pub)
    assert sun.values[0].low == sat.values[0].high  # both nights touch Saturday
    assert judge(group_of([sun, sat]), [sun, sat], ids).verdict == "contradict"
    saturday_night = claim("The coins were stolen on Saturday night.", "b.txt", "en", pub)
    assert judge(group_of([sun, saturday_night]), [sun, saturday_night], ids).verdict == "agree"
    sunday = claim("Die Münzen wurden am 17. November 2024 gestohlen.", "b.txt")
    assert judge(group_of([sun, sunday]), [sun, sunday], ids).verdict == "agree"
    # a named part of a day is that quarter of it: Wednesday night is not Thursday evening,
    # Thursday night is
    wed_night = claim("Delia came ashore on Wednesday night.", "a.txt", "en", date(2024, 9, 13))
    thu_evening = claim("Power was out on Thursday evening.", "b.txt", "en", date(2024, 9, 13))
    thu_night = claim("Shelters housed people on Thursday night.", "b.txt", "en", date(2024, 9, 13))
    assert positions([wed_night.values[0], thu_evening.values[0], thu_night.values[0]]) == [0, 1, 1]

    # "morgen" is tomorrow, a whole day, not a morning: it touches the night that ends it
    tomorrow = claim("Die Münzen werden morgen ausgestellt.", "b.txt", published=date(2024, 11, 16))  # Sunday 17
    assert judge(group_of([sun, tomorrow]), [sun, tomorrow], ids).verdict == "agree"
