import numpy as np
import pytest

from consistency.align import align, similar_pairs, values_match
from consistency.extract import extract
from consistency.model import Sentence


def claims_of(*texts, lang="de", first=0):
    out = []
    for i, t in enumerate(texts, start=first):
        s = Sentence(f"a{i}.txt", 0, 0, len(t), t, 1, lang, t)
        out.append(extract(s))
    return out


def test_similar_pairs_never_pairs_one_article_and_is_exact():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 16)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    groups = np.repeat(np.arange(50), 4)
    i, j, s = similar_pairs(X, groups, 0.5, method="exact")
    assert np.all(groups[i] != groups[j]) and np.all(i < j)
    S = X @ X.T
    expect = {(a, b) for a in range(200) for b in range(a + 1, 200) if S[a, b] >= 0.5 and groups[a] != groups[b]}
    assert set(zip(i.tolist(), j.tolist())) == expect
    assert np.allclose(s, S[i, j], atol=1e-5)


def test_ann_finds_the_same_pairs_on_clustered_data():
    rng = np.random.default_rng(1)
    centers = rng.normal(size=(30, 32))
    X = np.repeat(centers, 5, axis=0) + 0.05 * rng.normal(size=(150, 32))
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    groups = np.arange(150)
    exact = set(zip(*[a.tolist() for a in similar_pairs(X, groups, 0.9, method="exact")[:2]]))
    ann = set(zip(*[a.tolist() for a in similar_pairs(X, groups, 0.9, method="ann", k=10)[:2]]))
    assert len(exact) > 100 and len(ann & exact) / len(exact) > 0.95


def test_ann_uses_only_the_neighbours_found(monkeypatch):
    """usearch leaves the entries past each row's ``counts`` as they were: garbage keys and
    distances must neither pair rows nor raise a numpy RuntimeWarning."""
    import warnings

    import usearch.index

    class Matches:
        def __init__(self, n, count):
            self.keys = np.full((n, count), 1, dtype=np.uint64)  # garbage: row 1, in range
            self.distances = np.zeros((n, count), dtype=np.float32)  # garbage: "identical"
            self.distances[:, -1] = np.nan
            self.counts = np.zeros(n, dtype=np.uint64)
            self.keys[0, 0], self.distances[0, 0], self.counts[0] = 2, 0.0, 1  # row 0 found row 2 only

    class Index:
        def __init__(self, **kw):
            pass

        def add(self, keys, vectors, threads=0):
            self.n = len(keys)

        def search(self, queries, count):
            return Matches(len(queries), count)

    monkeypatch.setattr(usearch.index, "Index", Index)
    X = np.eye(4, dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        i, j, s = similar_pairs(X, np.arange(4), 0.5, method="ann", k=3)
    assert (i.tolist(), j.tolist(), s.tolist()) == ([0], [2], [1.0])


def test_same_number_of_different_things_is_two_facts():
    a, b = claims_of("Russland schickte 10.000 Soldaten.", "Russland schickte 10.000 Container.")
    assert not values_match(a.values[0], b.values[0])


def test_different_subjects_are_two_facts():
    a, b = claims_of("Die Zahl der russischen Todesopfer liegt bei 50.000.",
                     "Die Zahl der ukrainischen Todesopfer liegt bei 50.000.")
    assert not values_match(a.values[0], b.values[0])


def test_compound_and_translation_fit():
    a, = claims_of("Mehr als 10.000 Schiffscontainer wurden geschickt.")
    b, = claims_of("More than 10,000 shipping containers were sent.", lang="en")
    assert values_match(a.values[0], b.values[0])


def batch_of(claims, embedder):
    from consistency.pipeline import prepare
    return prepare(claims, embedder, ids={c.article: c.article for c in claims})


@pytest.mark.slow
def test_years_in_one_sentence_pair_up_by_value(embedder):
    a, b = claims_of("Der Vertrag von 1961 wurde im Jahr 2000 ersetzt.",
                     "Der Vertrag von 1961 wurde im Jahr 2000 durch ein Abkommen ersetzt.")
    groups = [g for g in align(batch_of([a, b], embedder)) if g.kind == "value"]
    raws = sorted(tuple(sorted({[a, b][m.claim].values[m.value_index].raw for m in g.mentions})) for g in groups)
    assert raws == [("1961",), ("2000",)]


@pytest.mark.slow
def test_unaligned_values_are_single_mention_groups(embedder):
    a, b = claims_of("Es kamen 100.000 Soldaten.", "Das Wetter war schön.")
    groups = align(batch_of([a, b], embedder))
    assert [(g.kind, len(g.mentions)) for g in groups] == [("value", 1)]


@pytest.mark.slow
def test_cross_lingual_statements_align(embedder):
    a, = claims_of("US-Beamte sagen, dass mehr als 10.000 Schiffscontainer nach Russland geschickt wurden.")
    b, = claims_of("US officials say more than 10,000 shipping containers were sent to Russia.", lang="en",
                   first=1)
    groups = align(batch_of([a, b], embedder))
    assert any(g.kind == "value" and len(g.mentions) == 2 for g in groups)


@pytest.mark.slow
def test_a_changed_count_stays_aligned_with_the_original(embedder):
    """Fact identity never looks at the values: 14 and 21 injured are one fact."""
    a, b = claims_of("Bei der Explosion im Chemiewerk wurden am Dienstag 14 Menschen verletzt.",
                     "Bei der Explosion im Chemiewerk sind nach Angaben der Polizei 21 Menschen verletzt worden.")
    groups = [g for g in align(batch_of([a, b], embedder)) if g.kind == "value" and len(g.mentions) == 2]
    assert len(groups) == 1 and groups[0].links and groups[0].links[0][2] >= 0.3


@pytest.mark.slow
def test_background_year_is_not_this_years_fact(embedder):
    """Last winter's toll and this avalanche's toll are two facts."""
    a, b = claims_of("Im vergangenen Winter starben in den Alpen elf Menschen bei Lawinenabgängen.",
                     "Drei Menschen starben bei dem Lawinenabgang am Samstag.")
    groups = [g for g in align(batch_of([a, b], embedder)) if g.kind == "value"]
    assert all(len(g.mentions) == 1 for g in groups)


@pytest.mark.slow
def test_values_of_articles_unlikely_one_story_are_not_one_fact(embedder):
    """The value model gives P(same fact | same story): a link is weighed by the story probability,
    so two articles the story model doubts do not set their values against each other."""
    import copy

    from consistency.align.identity import load_models

    a, b = claims_of("Bei der Explosion im Chemiewerk wurden am Dienstag 14 Menschen verletzt.",
                     "Bei der Explosion im Chemiewerk sind nach Angaben der Polizei 21 Menschen verletzt worden.")
    sure = [g for g in align(batch_of([a, b], embedder)) if g.kind == "value" and len(g.mentions) == 2]
    doubtful = copy.deepcopy(load_models())
    # a story model that gives every pair of articles the probability 0.1 (above the clustering
    # threshold, so both stay one story, but far from sure)
    doubtful["story"]["coef"] = [0.0] * len(doubtful["story"]["coef"])
    doubtful["story"]["calibration"] = {"platt": [0.0, float(np.log(0.1 / 0.9))]}
    from consistency.align import AlignSettings

    groups = align(batch_of([a, b], embedder), AlignSettings(story_threshold=0.05), models=doubtful)
    assert len(sure) == 1
    assert not [g for g in groups if g.kind == "value" and len(g.mentions) == 2]


def test_a_group_is_mixed_when_one_article_states_two_values_in_unlike_clauses():
    from types import SimpleNamespace

    from consistency.align.groups import _mixed
    from consistency.model import Quantity

    def val(v):
        return Quantity(raw=str(v), start=0, end=1, kind="count", value=v, low=v, high=v)

    C = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.9, 0.1]])
    values = [val(5), val(7), val(5), val(7)]
    batch = SimpleNamespace(C=C, value=lambda k: values[k])
    owner = np.array([0, 0, 1, 0])
    assert _mixed(batch, [0, 1, 2], owner)          # article 0: 5 and 7 in orthogonal clauses
    assert not _mixed(batch, [0, 3, 2], owner)      # article 0: 5 and 7 in one clause (restated)
    assert not _mixed(batch, [0, 2], owner)         # one value per article


def test_value_pairs_formed_in_blocks_of_statement_pairs_are_the_same(embedder, monkeypatch):
    from pathlib import Path

    import consistency.align.groups as al
    from consistency.pipeline import claims_of as claims_of_articles, prepare
    from consistency.read import read_paths
    from consistency.settings import Settings

    arts = read_paths([str(Path(__file__).resolve().parents[2] / "fixtures")])
    b = prepare(claims_of_articles(arts, Settings()), embedder, ids={a.path: a.id for a in arts})
    whole = al.scored_pairs(b)
    monkeypatch.setattr(al, "PAIR_BLOCK", 7)
    blocks = al.scored_pairs(b)
    assert len(whole[2]) > 0
    for x, y in zip(whole[2:], blocks[2:]):  # ka, kb, F, p
        assert np.array_equal(x, y)


@pytest.mark.slow
@pytest.mark.parametrize("p, second, linked", [
    (0.05, "After the crew reported smoke, the plane touched down safely at 3:40 pm.", True),  # same minute
    (0.99, "After the crew reported smoke, the plane touched down safely at 5:10 pm.", False),  # another time
])
def test_times_of_day_are_linked_by_the_minute_not_by_the_model(embedder, monkeypatch, p, second, linked):
    import consistency.align.groups as align_module

    monkeypatch.setattr(align_module, "value_probabilities", lambda batch, F, time, models=None: np.full(len(F), p))
    a, = claims_of("Die Maschine setzte um 15.40 Uhr sicher auf der Landebahn auf, teilte der Flughafen mit.")
    b, = claims_of(second, lang="en", first=1)
    groups = [g for g in align(batch_of([a, b], embedder)) if g.kind == "value" and len(g.mentions) == 2]
    assert bool(groups) == linked and all(g.key == "clock" for g in groups)


def test_links_from_arrays_are_those_of_the_pair_dict():
    """align's links come from sorted pair keys (_pair_maxima, _links) instead of a dict of every
    scored pair (250 MB at 10,000 articles): the same links, probabilities and order."""
    from consistency.align.groups import _links, _pair_maxima

    rng = np.random.default_rng(3)
    n = 40
    ka, kb = rng.integers(0, n, 3000), rng.integers(0, n, 3000)
    p = rng.random(3000)
    p[::7] = 0.0
    p[::11] = np.nan
    owner = rng.integers(0, 6, n)
    pair_p = {}
    for a, b, v in zip(ka.tolist(), kb.tolist(), p.tolist()):
        key = (a, b) if a < b else (b, a)
        pair_p[key] = max(pair_p.get(key, 0.0), v)
    keys, best = _pair_maxima(n, ka, kb, p)
    for ks in (sorted(rng.choice(n, 9, replace=False).tolist()), rng.choice(n, 9, replace=False).tolist(), [3], []):
        want = tuple((x, y, round(pair_p[(ks[x], ks[y])], 4)) for x in range(len(ks)) for y in range(x + 1, len(ks))
                     if (ks[x], ks[y]) in pair_p and owner[ks[x]] != owner[ks[y]])
        assert _links(ks, n, keys, best, owner) == want
