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


def picked(claims, test):
    """The batch of ``claims``, its mention infos, and the indices of its mentions whose value passes ``test``."""
    bt = batch(claims)
    return bt, mention_info(bt), mentions_where(bt, test)


def mentions_where(bt, test):
    """The mention indices of ``bt`` whose value passes ``test``."""
    return [k for k in range(len(bt.mentions)) if test(bt.value(k))]


def scoped(claims, pub):
    """The batch of ``claims`` (all published on ``pub``, one story) and its value scopes."""
    bt = batch(claims, published={c.article: pub for c in claims})
    return bt, value_scopes(bt, np.zeros(len(claims), dtype=np.int64))


def gates(bt, info, pairs):
    """:func:`_different_things` of each pair of mention indices, checked against the vectorised
    :func:`different_things` (the two must decide alike)."""
    from consistency.align.features import different_things

    scalar = [_different_things(bt, x, y, info) for x, y in pairs]
    ka, kb = np.array([x for x, _ in pairs]), np.array([y for _, y in pairs])
    assert different_things(bt, ka, kb, info).tolist() == scalar
    return scalar


def anchors(bt, ks):
    from consistency.align.features import distance_anchor

    return [distance_anchor(bt.claims[bt.mentions[k].claim], bt.value(k)) for k in ks]


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


def test_ages_of_anyone_are_one_persons_only_by_name():
    # GVA: "A 30-year-old man will spend 20 to 42 years in prison" / "an indictment for a 23-year-old
    # man": "man", "boy", "Frau" say no more than "a person"; a story often has several
    a = claim("A 30-year-old man was sentenced on Monday.", "a.txt")
    b = claim("An indictment was unsealed for a 23-year-old man.", "b.txt")
    c = claim("A 30-year-old man, Kevin Brown, was sentenced.", "c.txt")
    d = claim("Police said Kevin Brown, a 31-year-old man, was sentenced.", "d.txt")
    bt, info, k = picked([a, b, c, d], lambda q: q.unit_key == "age")
    assert [bt.value(i).unit for i in k] == ["man"] * 4
    assert gates(bt, info, [(k[0], k[1]), (k[2], k[3])]) == [True, False]


def test_the_time_of_a_report_is_not_a_fact():
    a = claim("The sheriff said on Thursday that the search goes on.", "a.txt", published=date(2015, 7, 17))
    b = claim("Four people were killed on Wednesday.", "b.txt", published=date(2015, 7, 17))
    bt = batch([a, b], published={"a.txt": date(2015, 7, 17), "b.txt": date(2015, 7, 17)})
    info = mention_info(bt)
    assert info[0].reported and not info[1].reported
    assert _different_things(bt, 0, 1, info)


def test_dates_of_different_happenings_are_two_facts():
    # the day of the conviction is not the day of the shooting (EVENTS, per language)
    a = claim("Head was convicted for the shooting by a jury July 7.", "a.txt")
    b = claim("Daylen Head was fatally shot in the head Nov. 9 on the west side.", "b.txt")
    c = claim("He was shot on Nov. 12, police said.", "c.txt")
    d = claim("Der Täter wurde am 3. Mai verurteilt.", "d.txt", "de")
    bt = batch([a, b, c, d])
    info = mention_info(bt)
    assert [bt.value(k).role for k in range(4)] == ["court", "incident", "incident", "court"]
    assert _different_things(bt, 0, 1, info) and _different_things(bt, 3, 2, info)
    assert not _different_things(bt, 1, 2, info) and not _different_things(bt, 0, 3, info)


def test_others_besides_those_named_are_another_count():
    # "he and six others were shot" is not the seven hit; "vier weitere Tiere" not the eleven sheep
    a = claim("Kendall and six others were shot at the club.", "a.txt")
    b = claim("A man began firing inside the club and hit seven people.", "b.txt")
    c = claim("Six others were shot at the club, police said.", "c.txt")
    d = claim("Auf der Weide wurden vier weitere Tiere verletzt.", "d.txt", "de")
    e = claim("Vier Tiere wurden verletzt.", "e.txt", "de")
    bt = batch([a, b, c, d, e])
    info = mention_info(bt)
    assert "additional" in info[0].quals and "additional" not in info[1].quals and "additional" in info[3].quals
    assert _different_things(bt, 0, 1, info) and not _different_things(bt, 0, 2, info)
    assert _different_things(bt, 3, 4, info)
    # new ones besides those counted before: "three new witnesses" are not the 90 interviewed
    f = claim("Authorities have interviewed as many as 90 witnesses.", "f.txt")
    g = claim("Since Tuesday three new witnesses have come forward.", "g.txt")
    h = claim("Seit Dienstag meldeten sich drei neue Zeugen.", "h.txt", "de")
    bt, info, k = picked([f, g, h], lambda q: q.kind == "count")
    assert ["new" in info[i].quals for i in k] == [False, True, True]
    days = mentions_where(bt, lambda q: q.unit_key == "time")
    assert days and not any("new" in info[i].quals for i in days)  # the count's qualifier, not the day's
    assert _different_things(bt, k[0], k[1], info) and _different_things(bt, k[0], k[2], info)


def test_a_qualifier_at_a_number_is_that_numbers_own():
    # "two others", "two of the": the qualifier anchored at a number belongs to that number, not
    # to another count of the clause; a day of the clause stays as written ("on Saturday alone")
    a = claim("A man opened fire, killing seven people and wounding at least two others.", "a.txt")
    b = claim("Funeral services were held for two of the four men killed in the shootings.", "b.txt")
    c = claim("Sieben Menschen starben und zwei weitere wurden verletzt.", "c.txt", "de")
    d = claim("Sixteen people were shot on Saturday alone.", "d.txt")
    bt, info, k = picked([a, b, c, d], lambda q: q.kind == "count")
    quals = {bt.value(i).raw.lower(): info[i].quals for i in k}
    assert "additional" in quals["at least two"] and "additional" not in quals["seven"]
    assert "subset" in quals["two"] and "subset" not in quals["four"]
    assert "additional" in quals["zwei"] and "additional" not in quals["sieben"]
    assert "rate" in quals["sixteen"]
    # a total over several happenings is every figure of its sentence, whatever clause says so
    e = claim("Four people were killed - including a 4-year-old girl - and seven injured in shootings "
              "across the city Saturday and Sunday.", "e.txt")
    bt, info, k = picked([e], lambda q: q.kind == "count" and q.unit_key != "age")
    assert all("aggregate" in info[i].quals for i in k) and len(k) == 2


def test_relative_times_of_reports_far_apart_are_not_compared():
    pub = {"a.txt": date(2015, 2, 10), "b.txt": date(2015, 3, 10)}
    a = claim("He was shot on Monday.", "a.txt", published=pub["a.txt"])
    b = claim("He died on Monday.", "b.txt", published=pub["b.txt"])
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
    bt, scopes = scoped(claims, pub)
    by_raw = {bt.value(k).raw: s for k, s in enumerate(scopes)}
    assert by_raw["elf"][0] == "bg" and by_raw["Drei"] == MAIN
    assert by_raw["2005"] == ("name", 2005) and by_raw["2010"] == ("name", 2010)
    assert not comparable(by_raw["elf"], by_raw["Drei"]) and not comparable(by_raw["2005"], by_raw["2010"])
    story = np.zeros(len(claims), dtype=np.int64)
    ka, kb = candidate_pairs(bt, story, mention_info(bt), np.array([0, 2]), np.array([1, 3]), scopes)
    assert len(ka) == 0


def test_a_year_of_the_story_or_after_is_no_background_cue():
    # "in 2028" in a story of 2025 is the plan it reports ("für 2028 geplant"), not another event;
    # "in 2019" still is
    pub = date(2025, 6, 3)
    claims = [claim("Der Beginn der Serienfertigung ist für 2028 geplant.", "a.txt", "de", pub),
              claim("Production is due to begin in 2028.", "b.txt", "en", pub),
              claim("A similar plant opened in 2019 with 300 jobs.", "c.txt", "en", pub)]
    bt, scopes = scoped(claims, pub)
    by_raw = {bt.value(k).raw: s for k, s in enumerate(scopes)}
    assert scopes[0] == MAIN and scopes[1] == MAIN
    assert by_raw["300"][0] == "bg"
    # a count in a sentence that names a later year is the story's plan, not another event's
    bt, scopes = scoped([claim("The project is expected to create 300 permanent jobs once the first "
                               "building opens in 2027.", "d.txt", "en", pub)], pub)
    assert [s for k, s in enumerate(scopes) if bt.value(k).raw == "300"] == [MAIN]


def test_two_spans_of_past_years_that_overlap_are_one_scope():
    pub = date(2024, 3, 5)
    claims = [claim("The misconduct took place between 2015 and 2021.", "a.txt", "en", pub),
              claim("The misconduct lasted from 2017 to 2021.", "b.txt", "en", pub),
              claim("A similar scheme ran from 2009 to 2011.", "c.txt", "en", pub)]
    bt, scopes = scoped(claims, pub)
    assert scopes[0] == ("bg", frozenset(range(2015, 2022)))
    assert comparable(scopes[0], scopes[1])  # they share 2017 to 2021
    assert not comparable(scopes[0], scopes[2])  # no year in common: another event


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


def test_the_very_same_distinctive_value_passes_the_soft_gates():
    # "52 Fahrgäste" / "52 Insassen": nouns whose embeddings differ, one clause with a qualifier;
    # the same distinctive number is evidence of one fact, so only the hard gates apply
    from consistency.align.values import same_distinctive_value

    a = claim("Im Bus saßen 52 Fahrgäste.", "a.txt", "de")
    b = claim("Der Bus war mit 52 Insassen unterwegs, davon viele Kinder.", "b.txt", "de")
    c = claim("Der Bus war mit 48 Insassen unterwegs, davon viele Kinder.", "c.txt", "de")
    d = claim("Im Hafen standen 10.000 Container.", "d.txt", "de")
    e1, e2 = np.eye(4, dtype=np.float32)[:2]
    bt = batch([a, b, c], nouns={0: e1, 1: e2, 2: e2})
    info = mention_info(bt)
    assert same_distinctive_value(a.values[0], b.values[0]) and not same_distinctive_value(a.values[0], c.values[0])
    # a round number is said by chance: "10.000 Soldaten" is not "10.000 Container"
    assert not same_distinctive_value(d.values[0], claim("Es kamen 10.000 Soldaten.", "e.txt", "de").values[0])
    assert not _different_things(bt, 0, 1, info)  # same 52
    assert _different_things(bt, 0, 2, info)  # 52 against 48: the nouns' gate holds


def test_small_counts_are_not_distinctive():
    from consistency.align.values import same_distinctive_value

    a = claim("Zwei Hubschrauber waren im Einsatz.", "a.txt", "de")
    b = claim("Zwei Menschen starben.", "b.txt", "de")
    assert not same_distinctive_value(a.values[0], b.values[0])


def test_the_people_living_in_a_place_are_not_the_people_evacuated():
    a = claim("More than 12,000 people have been evacuated.", "a.txt")
    b = claim("Auf Flores leben rund zwei Millionen Menschen.", "b.txt", "de")
    c = claim("Rund 12.500 Menschen wurden in Sicherheit gebracht.", "c.txt", "de")
    d = claim("Zwei Menschen kamen ums Leben.", "d.txt", "de")
    bt = batch([a, b, c, d])
    info = mention_info(bt)
    assert "population" in info[1].quals and "population" not in info[3].quals
    assert _different_things(bt, 0, 1, info) and not _different_things(bt, 0, 2, info)


def test_ordinals_of_two_sequences_are_two_facts():
    a = claim("Aurora-2 is the second of three satellites in the programme.", "a.txt")
    b = claim("The satellite sent the first images.", "b.txt")
    c = claim("It is the third satellite of the programme.", "c.txt")
    bt = batch([a, b, c])
    info = mention_info(bt)
    k_first = next(k for k, m in enumerate(bt.mentions) if m.claim == 1)
    assert _different_things(bt, 0, k_first, info)


def test_the_name_after_an_age_says_whose_age_it_is():
    text = "Judge Tingey sentenced 25-year-old Kevin McQuilliams in the death of 34-year-old Annarae Powell."
    a = claim(text, "a.txt")
    b = claim("McQuilliams, 25-year-old Kevin McQuilliams, pleaded guilty in the death of Annarae Powell.", "b.txt")
    bt = batch([a, b])
    info = mention_info(bt)
    assert [q.unit for q in a.values] == ["Kevin", "Annarae"]
    assert _different_things(bt, 1, 2, info) and not _different_things(bt, 0, 2, info)


def test_the_vectorised_gates_decide_as_the_rules_do():
    # different_things (numpy, used on the hot path) against _different_things (one pair, the spec)
    from consistency.align.features import different_things

    texts = [("Im Bus saßen 52 Fahrgäste.", "de"), ("Der Bus war mit 52 Reisenden unterwegs, davon 12 Kinder.", "de"),
             ("Tariffs on 96 percent of goods will go.", "en"), ("Die Zölle auf 30 Prozent der Autos fallen.", "de"),
             ("He killed his 7-year-old daughter on Friday.", "en"), ("He wounded her 12-year-old sister.", "en"),
             ("The sheriff said on Thursday that 4 people died.", "en"), ("Weltweit starben 3.000 Menschen.", "de"),
             ("In Italien starben 2.500 Menschen im 2. Weltkrieg.", "de"), ("Der Grenzwert liegt bei 50 Mikrogramm.", "de"),
             ("Gemessen wurden 78 Mikrogramm pro Kubikmeter.", "de"), ("Three men were arrested and 2 were hurt.", "en"),
             ("No one has been arrested.", "en"), ("Auf Flores leben rund zwei Millionen Menschen.", "de"),
             ("It is the third satellite of the programme.", "en"), ("The satellite sent the first images.", "en")]
    claims = [claim(t, f"{i}.txt", lang, published=date(2024, 5, 1 + i)) for i, (t, lang) in enumerate(texts)]
    rng = np.random.default_rng(0)
    bt = batch(claims, published={c.article: date(2024, 5, 1 + i) for i, c in enumerate(claims)})
    U = rng.normal(size=bt.U.shape).astype(np.float32)
    U /= np.linalg.norm(U, axis=1, keepdims=True)
    U[::3] = 0.0  # some values without a counted noun
    object.__setattr__(bt, "U", U)
    info = mention_info(bt)
    n = len(bt.mentions)
    ka, kb = np.array([(a, b) for a in range(n) for b in range(n) if a != b and info[a].family == info[b].family]).T
    expected = np.array([_different_things(bt, a, b, info) for a, b in zip(ka.tolist(), kb.tolist())])
    assert len(ka) > 20 and expected.any() and not expected.all()
    assert (different_things(bt, ka, kb, info) == expected).all()


def test_values_a_thousandfold_apart_are_two_quantities():
    a = claim("Tax overhaul to raise £4.8bn a year, says Treasury.", "a.txt")
    b = claim("A typical earner on £35,000 will save money.", "b.txt")
    c = claim("The overhaul will raise £4.8m a year.", "c.txt")  # Mio./Mrd. mixed up: 1,000 exactly, compared
    bt = batch([a, b, c])
    info = mention_info(bt)
    assert _different_things(bt, 0, 1, info) and not _different_things(bt, 0, 2, info)


def test_the_vectorised_value_relations_match_the_rules():
    # align._agreeing (numpy) against values.disjoint / same_distinctive_value (one pair, the spec)
    from consistency.align.groups import _agreeing
    from consistency.align.values import disjoint, same_distinctive_value

    texts = ["Im Bus saßen 52 Fahrgäste.", "Mit 52 Reisenden und mehr als 50 Koffern.", "Es kamen 10.000 Soldaten.",
             "Es waren 10.000 Container.", "Rund 48 Menschen und bis zu 52 Helfer.", "Am 14. Juni 2024 und 2023."]
    bt = batch([claim(t, f"{i}.txt", "de") for i, t in enumerate(texts)])
    n = len(bt.mentions)
    ka, kb = np.array([(a, b) for a in range(n) for b in range(n) if a != b]).T
    agree, same = _agreeing(bt, ka, kb)
    pairs = list(zip(ka.tolist(), kb.tolist()))
    assert agree.tolist() == [not disjoint(bt.value(a), bt.value(b)) for a, b in pairs]
    assert same.tolist() == [same_distinctive_value(bt.value(a), bt.value(b)) for a, b in pairs]
    assert same.any() and not agree.all()


def test_one_to_one_equals_the_greedy_pass_over_every_pair():
    # pairs alone in their pair of statements skip the greedy pass: the result must not change
    from types import SimpleNamespace

    from consistency.align.features import one_to_one
    from consistency.model import Mention

    rng = np.random.default_rng(2)
    mentions = tuple(Mention(claim=int(c), value_index=0) for c in np.sort(rng.integers(0, 30, 120)))
    batch = SimpleNamespace(mentions=mentions, claims=[None] * 30)
    ka, kb = rng.integers(0, 120, 400), rng.integers(0, 120, 400)
    p = np.round(rng.random(400), 1)  # ties, as the calibrated probabilities have

    def greedy():
        out, used = np.zeros_like(p), set()
        for t in np.argsort(-p, kind="stable").tolist():
            a, b = int(ka[t]), int(kb[t])
            ca, cb = mentions[a].claim, mentions[b].claim
            if (ca, cb, a) in used or (ca, cb, -b - 1) in used:
                continue
            used.add((ca, cb, a))
            used.add((ca, cb, -b - 1))
            out[t] = p[t]
        return out

    got = one_to_one(batch, ka, kb, p)
    assert np.array_equal(got, greedy()) and (got == 0).any() and (got > 0).any()


def test_a_subset_qualifies_the_number_of_its_own_part_of_the_clause():
    from consistency.align.context import qualifier_context
    from consistency.lang import qualifiers_of

    c = claim("Nineteen passengers were hurt, two of them seriously.", "a.txt", "en")
    nineteen, two = c.values
    assert "subset" not in qualifiers_of(qualifier_context(c, nineteen))
    assert "subset" in qualifiers_of(qualifier_context(c, two))


def test_the_comma_of_a_number_parts_no_clause():
    from consistency.align.context import qualifier_context
    from consistency.lang import qualifiers_of

    # "$5,000" is one number: its goal is not cut off as another value's part of the clause
    c = claim("The $5,000 goal had been surpassed by Saturday morning, topping more than $8,200.", "a.txt", "en")
    goal, _saturday, raised = c.values
    assert "estimate" in qualifiers_of(qualifier_context(c, goal))
    assert "estimate" not in qualifiers_of(qualifier_context(c, raised))


def test_counted_nouns_of_two_languages_are_compatible_when_their_embeddings_are_close():
    from consistency.align.features import CROSS_NOUN_SIMILARITY, VALUE_FEATURES, value_features

    de = claim("Es sollen 1.400 Arbeitsplätze entstehen.", "a.txt", "de")
    en = claim("The plant will create 2,400 jobs.", "b.txt")
    en2 = claim("The plant will create 2,400 positions.", "c.txt")  # English like the other: no bridge
    close = np.array([1, 0, 0, 0], dtype=np.float32)
    near = np.array([CROSS_NOUN_SIMILARITY + 0.1, (1 - (CROSS_NOUN_SIMILARITY + 0.1) ** 2) ** 0.5, 0, 0],
                    dtype=np.float32)
    far = np.array([0, 1, 0, 0], dtype=np.float32)
    col = VALUE_FEATURES.index("unit_compatible")
    assert {q.unit_key for x in (de, en) for q in x.values} == {"job"}  # the lexicon knows these two
    de2 = claim("Es sollen 1.400 Fachkräfte entstehen.", "a.txt", "de")
    for vec, expected in ((near, 1.0), (far, 0.0)):
        bt = batch([de2, en2], nouns={0: close, 1: vec})
        assert value_features(bt, np.array([0]), np.array([1]), mention_info(bt))[0, col] == expected
    # a share is a share of its noun: two languages' nouns close by embedding make it one share
    pde = claim("Die Zölle auf 96 Prozent der Waren fallen.", "e.txt", "de")
    pen = claim("Tariffs on 96% of goods will go.", "f.txt")
    for vec, expected in ((near, 1.0), (far, 0.0)):
        bt = batch([pde, pen], nouns={0: close, 1: vec})
        assert value_features(bt, np.array([0]), np.array([1]), mention_info(bt))[0, col] == expected
    en3 = claim("Some 1,400 specialists will be hired.", "d.txt")
    bt = batch([en3, en2], nouns={0: close, 1: near})  # one language: the embedding is no evidence
    assert value_features(bt, np.array([0]), np.array([1]), mention_info(bt))[0, col] == 0.0


def test_the_only_count_an_article_gives_of_a_noun():
    # article_unique: each side is the one count its article gives of that noun ("Rund 42.000
    # Haushalte" / "etwa 24.000 Haushalte"); an article that counts the noun twice, with two
    # figures, does not say which one the other article's is; a measure never counts
    from consistency.align.features import VALUE_FEATURES, value_features

    claims = [claim("Rund 42.000 Haushalte waren ohne Strom.", "a.txt", "de"),
              claim("Rund 42.000 Haushalte waren laut Stadtwerken betroffen.", "a.txt", "de"),
              claim("Insgesamt waren etwa 24.000 Haushalte betroffen.", "b.txt", "de"),
              claim("Etwa 300 Haushalte hatten am Abend wieder Strom.", "b.txt", "de"),
              claim("Insgesamt waren etwa 24.000 Haushalte betroffen.", "c.txt", "de"),
              claim("The race is 42 kilometres long.", "d.txt"), claim("He broke away at the 35-kilometre mark.", "e.txt")]
    bt = batch(claims)
    info = mention_info(bt)
    col = VALUE_FEATURES.index("article_unique")
    assert [i.alone for i in info] == [True, True, False, False, True, False, False]
    F = value_features(bt, np.array([0, 0, 5]), np.array([4, 2, 6]), info)
    assert F[:, col].tolist() == [1.0, 0.0, 0.0]


def test_the_only_day_an_article_gives_of_its_own_happening():
    # article_unique for points in time: the one day an article gives of the incident (stated once
    # or more) is what it says of it; hearings and arrests recur, so their days never are
    day = date(2015, 12, 12)
    claims = [claim("The shooting happened on Friday night.", "a.txt", published=day),
              claim("Police said the shooting on Friday night was gang-related.", "a.txt", published=day),
              claim("The shooting happened on Thursday.", "b.txt", published=day),
              claim("Another man was shot on Wednesday.", "b.txt", published=day),
              claim("He was arraigned on Thursday.", "c.txt", published=day)]
    bt = batch(claims)
    info = mention_info(bt)
    assert [bt.value(k).role for k in range(5)] == ["incident"] * 4 + ["court"]
    assert [i.alone for i in info] == [True, True, False, False, False]


def test_distances_from_two_places_are_two_facts():
    # the place a distance is measured from is part of the fact
    a = claim("The two villages are about 65 miles east of Syracuse.", "a.txt")
    b = claim("The villages lie about 170 miles northwest of New York City.", "b.txt")
    c = claim("Herkimer is some 60 miles from Syracuse.", "c.txt")
    d = claim("Der Ort liegt rund 100 Kilometer nördlich von München.", "d.txt", "de")
    bt, info, dist = picked([a, b, c, d], lambda q: q.unit_key == "m")
    assert anchors(bt, dist) == [
        "syracuse", "new york city", "syracuse", "münchen"]
    ka, kb, kc = dist[:3]
    assert _different_things(bt, ka, kb, info) and not _different_things(bt, ka, kc, info)


def test_a_distance_kept_is_not_the_size_of_a_thing():
    # "keep at least 50 metres away from the carcass" against "the 46ft male": two facts
    a = claim("The public has been asked to keep at least 50 metres away from the carcass.", "a.txt")
    b = claim("The 46ft male was found by a member of the public.", "b.txt")
    c = claim("A 14-metre sperm whale has washed up dead.", "c.txt")
    d = claim("Ein 14 Meter langer Wal wurde angespült.", "d.txt", "de")
    e = claim("Die Anwohner sollen einen Abstand von 50 Metern halten.", "e.txt", "de")
    f = claim("The workers were about 700 metres below ground.", "f.txt")
    bt, info, dist = picked([a, b, c, d, e, f], lambda q: q.unit_key == "m")
    assert anchors(bt, dist) == [
        "(away)", "(size)", "(size)", "(size)", "(away)", None]
    ka, kb, kc, kd, ke, kf = dist
    assert _different_things(bt, ka, kb, info) and _different_things(bt, ke, kd, info)
    assert not _different_things(bt, kb, kc, info) and not _different_things(bt, ka, ke, info)
    assert not _different_things(bt, ka, kf, info)  # a length of unknown kind is compared
    # a distance kept may be the one from a named place: compared
    g = claim("The plane came down 5 miles away from the airport.", "g.txt")
    h = claim("The plane came down 3 miles from Denver International Airport.", "h.txt")
    bt, info, dist = picked([g, h, b], lambda q: q.unit_key == "m")
    assert [info[k].anchor for k in dist] == ["(away)", "denver international airport", "(size)"]
    assert not _different_things(bt, dist[0], dist[1], info) and _different_things(bt, dist[1], dist[2], info)
    from consistency.align.features import different_things
    assert different_things(bt, np.array(dist[:2] + [dist[1]]), np.array(dist[1:] + [dist[0]]),
                            info).tolist() == [False, True, False]


def test_a_height_in_feet_and_inches_is_compared_only_with_a_height_or_a_size():
    # GVA dev: "At 6-foot-1 and about 160 pounds, Duncan ..." against "about 100 yards from the
    # store" was a contradiction; a length in feet and inches is someone's height
    a = claim("At 6-foot-1 and about 160 pounds, Duncan is heavily inked.", "a.txt")
    b = claim("The trailer on Adler is about 100 yards from the store.", "b.txt")
    c = claim("The suspect is described as 5 feet 10 inches tall.", "c.txt")
    d = claim("The 46ft male was found by a member of the public.", "d.txt")
    e = claim("The trailer is about 100 yards east of Moon Lake Road.", "e.txt")
    f = claim("Police want to speak to a 5-foot-10 man in a black hoodie.", "f.txt")
    bt, info, dist = picked([a, b, c, d, e, f], lambda q: q.unit_key == "m")
    assert anchors(bt, dist) == ["(height)", None, "(height)", "(size)", "moon lake road", "(height)"]
    ka, kb, kc, kd, ke, kf = dist
    assert gates(bt, info, [(ka, kb), (kb, ka), (ka, ke), (ka, kc), (kc, kf), (ka, kd), (kb, ke)]) == [
        True, True, True, False, False, False, False]


def test_the_bail_of_two_people_is_two_amounts():
    # GVA: "Lamont Powell posted $30,000 bond" / "Gomez was released after posting $100,000 bail"
    a = claim("Court records show Lamont Powell posted $30,000 bond Friday.", "a.txt")
    b = claim("Justin Gomez was released Thursday after posting $100,000 bail.", "b.txt")
    c = claim("Lamont Powell was released after posting $50,000 bail.", "c.txt")
    d = claim("A memorial fund for the victims raised $30,000.", "d.txt")
    bt, info, k = picked([a, b, c, d], lambda q: q.kind == "money")
    assert ["bail" in info[i].quals for i in k] == [True, True, True, False]  # a: "$30,000 bond Friday"
    assert gates(bt, info, [(k[0], k[1]), (k[0], k[2]), (k[0], k[3])]) == [True, False, True]


def test_a_total_over_several_happenings_is_not_one_of_them():
    # GVA: "16 were wounded in seven separate shootings across the city" / "left five people wounded"
    a = claim("Three died and 16 were wounded in seven separate shootings across the city over the weekend.", "a.txt")
    b = claim("The drive-by shooting left five people wounded late Monday.", "b.txt")
    c = claim("Bei verschiedenen Unfällen im ganzen Landkreis wurden 12 Menschen verletzt.", "c.txt", "de")
    d = claim("Bei dem Unfall wurden vier Menschen verletzt.", "d.txt", "de")
    bt = batch([a, b, c, d])
    info = mention_info(bt)
    k = {bt.value(i).raw: i for i in range(len(bt.mentions))}
    assert "aggregate" in info[k["16"]].quals and "aggregate" not in info[k["five"]].quals
    assert _different_things(bt, k["16"], k["five"], info) and _different_things(bt, k["12"], k["vier"], info)


def test_a_change_is_not_a_level():
    # "eine Steigerung von 56 Prozent" is no share of anything: a change and a level are two facts
    a = claim("Die Stadt trägt 30 Prozent der Kosten.", "a.txt", "de")
    b = claim("Die Kosten betragen 148 Mio. Euro, eine Steigerung von 56 Prozent.", "b.txt", "de")
    c = claim("Die Kosten stiegen um 40 Prozent.", "c.txt", "de")
    bt, info, pct = picked([a, b, c], lambda q: q.kind == "percent")
    assert [("change" in info[k].quals) for k in pct] == [False, True, True]
    assert _different_things(bt, pct[0], pct[1], info) and not _different_things(bt, pct[1], pct[2], info)



def test_a_sentence_that_counts_the_same_people_twice_gives_parts():
    # "three were taken by ambulance and two went by private car": parts of the five shot, never
    # that total; two roles ("two killed and three injured") are two counts, not parts
    a = claim("Three people who had been shot were taken by ambulance and two people who had been shot went by "
              "private car.", "a.txt")
    b = claim("Five people were shot at the party.", "b.txt")
    c = claim("Two people were killed and three people were injured.", "c.txt")
    d = claim("Three people were injured.", "d.txt")
    bt = batch([a, b, c, d])
    info = mention_info(bt)
    assert ["subset" in info[k].quals for k in range(len(bt.mentions))] == [True, True, False, False, False, False]
    assert _different_things(bt, 0, 2, info)
    assert not _different_things(bt, 4, 5, info)  # three injured, stated alone elsewhere


def test_a_change_told_with_both_figures_gives_no_parts():
    a = claim("Die Zahl der Toten stieg von drei auf fünf.", "a.txt", "de")
    b = claim("The death toll rose from three to five people.", "b.txt")
    bt = batch([a, b])
    assert len(bt.mentions) == 4  # both figures of each change are read, not one range
    assert not any("subset" in i.quals for i in mention_info(bt))


def test_a_zero_is_a_count_of_its_own_role_only():
    # ECB+: "No-one was injured in the fire" says nothing of the "Dozens of people" evacuated; it
    # does contradict "two workers were taken to hospital" (zero is a count)
    a = claim("No-one was injured in the fire.", "a.txt")
    b = claim("Dozens of people were evacuated from their homes.", "b.txt")
    c = claim("Two workers were taken to hospital.", "c.txt")
    d = claim("Verletzt wurde nach Angaben der Polizei niemand.", "d.txt", "de")
    bt = batch([a, b, c, d])
    info = mention_info(bt)
    assert [(bt.value(k).value, bt.value(k).role) for k in range(4)] == [
        (0, "injured"), (20, None), (2, "injured"), (0, "injured")]
    assert gates(bt, info, [(0, 1), (0, 2), (3, 2), (3, 1)]) == [True, False, False, True]


def test_the_size_of_a_family_is_not_a_count_of_what_happened():
    # GVA: "Hayes, who has four children, watched the shots" / "Her two older children were upstairs"
    a = claim("Hayes, who has four children, watched the shots tear through her curtains.", "a.txt")
    b = claim("Her two older children, ages 9 and 8, were upstairs playing.", "b.txt")
    c = claim("The gunman killed her two children.", "c.txt")
    d = claim("Die Frau, die drei Kinder hat, war nicht zu Hause.", "d.txt", "de")
    bt, info, k = picked([a, b, c, d], lambda q: q.kind == "count" and q.unit_key != "age")
    four, two_older, two_killed, drei = k
    assert "family" in info[four].quals and "family" in info[drei].quals
    assert "subset" in info[two_older].quals  # some of them: the two older ones
    assert not info[two_killed].quals & {"family", "subset"}  # a possessive alone: the dead are counted
    assert _different_things(bt, four, two_older, info) and _different_things(bt, four, two_killed, info)


def test_a_story_year_of_a_tie_is_the_earlier_year_whatever_the_order():
    # two articles published in 2015, two in 2016: the tie was broken by the iteration order of a
    # set of paths, which changes with the interpreter's hash seed, and so did every scope after it
    from consistency.align.scope import story_years

    years = {"a.txt": 2016, "b.txt": 2015, "c.txt": 2016, "d.txt": 2015}
    for order in (sorted(years), sorted(years, reverse=True)):
        claims = [claim("Four people were killed.", path) for path in order]
        bt = batch(claims, published={p: date(y, 6, 1) for p, y in years.items()})
        assert story_years(bt, np.zeros(len(claims), dtype=np.int64)) == {0: 2015}
    # no publication date: the dates the statements name, the same way
    claims = [claim("It happened on May 3, 2016.", "a.txt"), claim("It happened on May 3, 2015.", "b.txt")]
    assert story_years(batch(claims), np.zeros(2, dtype=np.int64)) == {0: 2015}
