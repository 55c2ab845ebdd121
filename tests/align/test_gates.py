"""The hard gates of fact identity: pairs that are never one fact, whatever the model says."""

from datetime import date

import numpy as np

from consistency.align.cluster import link_groups
from consistency.align.context import noun_text
from consistency.align.features import _different_things, candidate_pairs, mention_info
from consistency.align.scope import MAIN, comparable, value_scopes
from consistency.extract import extract
from consistency.model import Batch, Mention, Sentence


def claim(text, path, lang="en", published=None):
    return extract(Sentence(path, 0, 0, len(text), text, 1, lang, text), published=published)


def batch(claims, nouns=None, published=None):
    """A batch with unit vectors: claim rows all alike; noun rows from ``nouns`` (value index -> vector)."""
    mentions = tuple(Mention(i, v) for i, c in enumerate(claims) for v in range(len(c.values)))
    X = np.ones((len(claims), 4), dtype=np.float32) / 2
    U = np.zeros((len(mentions), 4), dtype=np.float32)
    for k, vec in (nouns or {}).items():
        U[k] = vec
    return Batch(claims=tuple(claims), X=X, Xa=X.copy(), mentions=mentions, C=np.ones((len(mentions), 4)) / 2,
                 U=U, n_new=len(claims), ids={c.article: c.article for c in claims}, published=published or {})


def test_percent_is_a_share_of_something():
    c = claim("Tariffs on 96 percent of goods will go, and tariffs of up to 30% on cars fall.", "a.txt")
    assert [noun_text(c, q) for q in c.values] == ["goods", "cars"]
    c = claim("Shares rose 6 percent in Frankfurt.", "a.txt")
    assert [noun_text(c, q) for q in c.values] == [None]


def test_shares_of_different_things_are_two_facts():
    a = claim("Tariffs on 96 percent of goods will go.", "a.txt")
    b = claim("Die Zölle auf 30 Prozent der Autos fallen.", "b.txt", "de")
    e1, e2 = np.eye(4, dtype=np.float32)[:2]
    bt = batch([a, b], nouns={0: e1, 1: e2})
    assert _different_things(bt, 0, 1, mention_info(bt))
    bt = batch([a, b], nouns={0: e1, 1: e1})
    assert not _different_things(bt, 0, 1, mention_info(bt))


def test_ages_of_two_people_are_two_facts():
    a = claim("He killed his 7-year-old daughter.", "a.txt")
    b = claim("He wounded her 12-year-old sister.", "b.txt")
    c = claim("His 8-year-old daughter survived.", "c.txt")
    bt = batch([a, b, c])
    info = mention_info(bt)
    assert [q.unit for x in (a, b, c) for q in x.values] == ["daughter", "sister", "daughter"]
    assert _different_things(bt, 0, 1, info) and not _different_things(bt, 0, 2, info)


def test_the_time_of_a_report_is_not_a_fact():
    a = claim("The sheriff said on Thursday that the search goes on.", "a.txt", published=date(2015, 7, 17))
    b = claim("Four people were killed on Wednesday.", "b.txt", published=date(2015, 7, 17))
    bt = batch([a, b], published={"a.txt": date(2015, 7, 17), "b.txt": date(2015, 7, 17)})
    info = mention_info(bt)
    assert info[0].reported and not info[1].reported
    assert _different_things(bt, 0, 1, info)


def test_relative_times_of_reports_far_apart_are_not_compared():
    pub = {"a.txt": date(2015, 2, 10), "b.txt": date(2015, 3, 10)}
    a = claim("He was shot on Monday.", "a.txt", published=pub["a.txt"])
    b = claim("He was charged on Monday.", "b.txt", published=pub["b.txt"])
    bt = batch([a, b], published=pub)
    assert _different_things(bt, 0, 1, mention_info(bt))
    near = {"a.txt": date(2015, 2, 10), "b.txt": date(2015, 2, 11)}
    bt = batch([a, b], published=near)
    assert not _different_things(bt, 0, 1, mention_info(bt))


def test_scopes_keep_other_events_apart():
    pub = date(2024, 3, 5)
    claims = [claim("Im vergangenen Winter starben elf Menschen.", "a.txt", "de", pub),
              claim("Drei Menschen starben am Samstag.", "b.txt", "de", pub),
              claim("Beim Hochwasser von 2005 stieg der Pegel auf zwölf Meter.", "c.txt", "de", pub),
              claim("Seit dem Hochwasser von 2010 gibt es einen Damm.", "d.txt", "de", pub)]
    bt = batch(claims, published={c.article: pub for c in claims})
    scopes = value_scopes(bt, np.zeros(len(claims), dtype=np.int64))
    by_raw = {bt.value(k).raw: s for k, s in enumerate(scopes)}
    assert by_raw["elf"][0] == "bg" and by_raw["Drei"] == MAIN
    assert by_raw["2005"] == ("name", 2005) and by_raw["2010"] == ("name", 2010)
    assert not comparable(by_raw["elf"], by_raw["Drei"]) and not comparable(by_raw["2005"], by_raw["2010"])
    story = np.zeros(len(claims), dtype=np.int64)
    ka, kb = candidate_pairs(bt, story, mention_info(bt), np.array([0, 2]), np.array([1, 3]), scopes)
    assert len(ka) == 0


def test_an_article_that_states_two_values_mostly_states_two_facts():
    # items 0 and 1 are one article's two different values; 2 is another article's
    owner = np.array([0, 0, 1])
    ka, kb, p = np.array([0, 1]), np.array([2, 2]), np.array([0.9, 0.5])
    labels = link_groups(3, ka, kb, p, owner, 0.3, clash=lambda x, y: True)
    assert labels[0] == labels[2] and labels[1] != labels[0]  # (0.5 + 0) / 2 < 0.3
    labels = link_groups(3, ka, kb, p, owner, 0.3, clash=lambda x, y: False)
    assert len(set(labels.tolist())) == 1
    # strong evidence still joins it: a changed figure that its own article states elsewhere too
    labels = link_groups(3, ka, kb, np.array([0.9, 0.8]), owner, 0.3, clash=lambda x, y: True)
    assert len(set(labels.tolist())) == 1
