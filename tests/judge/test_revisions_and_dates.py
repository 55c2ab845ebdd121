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


def test_a_date_without_year_compares_on_day_and_month():
    a = claim("The victims were gunned down on Jan. 19 at a car wash.", "a.txt", "en", date(2016, 2, 1))
    b = claim("The victims were gunned down on January 19, 2015 at a car wash.", "b.txt", "en")
    c = claim("The victims were gunned down on Jan. 20 at a car wash.", "c.txt", "en", date(2016, 2, 1))
    assert positions([a.values[0], b.values[0]]) == [0, 0]
    assert positions([b.values[0], c.values[0]]) == [0, 1]
