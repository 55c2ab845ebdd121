import pytest

from consistency.read import article_from_text


@pytest.mark.slow
def test_two_similar_events_are_two_stories_and_one_event_is_one(embedder):
    from consistency.align.stories import stories
    from consistency.pipeline import claims_of, prepare
    from consistency.settings import Settings

    texts = {
        "a.txt": "Actress Tara Reid has checked into Promises rehab center in Malibu. Her publicist confirmed "
                 "on Tuesday that Reid entered the facility. Reid, 33, starred in American Pie.",
        "b.txt": "Tara Reid entered the Promises Treatment Center in Malibu, her representative said. "
                 "The American Pie star checked in on Tuesday.",
        "c.txt": "Lindsay Lohan has checked into the Betty Ford Center in Rancho Mirage, California, as ordered "
                 "by a judge in Los Angeles. Lohan, 26, must stay 90 days.",
    }
    arts = [article_from_text(p, t, language="en") for p, t in texts.items()]
    claims = claims_of(arts, Settings())
    batch = prepare(claims, embedder, ids={a.path: a.id for a in arts})
    story = stories(batch)
    by_article = {c.article: int(story[i]) for i, c in enumerate(batch.claims)}
    assert by_article["a.txt"] == by_article["b.txt"] != by_article["c.txt"]


def test_salient_names_are_those_named_twice_and_coverage_compares_them():
    from consistency.align.stories import _covered, _names

    names, salient = _names("Police said Tara Reid left. Reid, 33, was seen in Malibu. Her agent spoke.")
    assert {"reid", "tara", "malibu"} <= names and salient == {"reid"}
    assert _covered(salient, {"reid", "malibu"}) == 1.0
    assert _covered(salient, {"lohan"}) == 0.0
    assert _covered(frozenset(), {"lohan"}) == 0.5  # nothing salient: no evidence either way


def test_german_names_are_capitalised_words_without_an_article_adjective_or_number_before_them():
    from consistency.align.stories import _names

    text = ("Der Waldbrand bei Grabow ist gelöscht. Die Feuerwehr war mit rund 300 Einsatzkräften in Grabow. "
            "Nach Angaben der Polizei brannten 120 Hektar.")
    names, salient = _names(text, "de")
    assert "grabow" in names and salient == {"grabow"}
    assert not {"feuerwehr", "polizei", "hektar", "einsatzkräften"} & names  # common nouns
    assert {"feuerwehr", "polizei", "hektar"} <= _names(text, "en")[0]  # English keeps every capital


def test_a_datelines_place_and_a_compounds_first_part_are_names():
    from consistency.align.stories import _names

    # the place of a dateline opens its sentence, yet it is the story's place
    assert "kleinbachheim" in _names("Kleinbachheim – Ein bewaffneter Mann hat eine Apotheke überfallen.", "de")[0]
    assert "kleinbachheim" not in _names("Kleinbachheim hat eine neue Apotheke.", "de")[0]  # a plain first word
    # after an article, a compound's first part names what it is about
    names = _names("Die Bilanz des Seewiesen-Festivals ist gut. Das Festival war voll.", "de")[0]
    assert "seewiesen" in names and not {"festival", "festivals", "bilanz"} & names
    # also where it opens a headline; in English a first word stays no name
    assert "seewiesen" in _names("Seewiesen-Festival zieht Bilanz", "de")[0]
    assert _names("Seewiesen-Festival draws crowds", "en")[0] == set()


def test_names_keep_acronyms_join_possessives_and_skip_function_words():
    from consistency.align.stories import _names

    text = ("Moskau droht, Putin will Angst machen. Die Zusammenarbeit mit der DVRK wächst.\n"
            "Ein Besuch Putins in der DVRK. Die Rolle Russlands im Krieg. Die Drohungen des Kremls.")
    names, salient = _names(text, "de")
    assert {"dvrk", "putin"} <= salient  # "der DVRK" is an acronym; "Putins" is Putin's genitive
    assert "russland" in names and "russlands" not in names
    assert not {"die", "kremls", "krieg", "zusammenarbeit"} & names  # articles, "im"
    assert {"putin", "russland"} <= _names("Präsident Putin sprach mit Kanzler Scholz über Russland.", "de")[0]
    names_en, salient_en = _names("Officials said Putin's visit ended.\nThe talks with Putin were long.", "en")
    assert "putin" in salient_en and "the" not in names_en


def test_story_labels_cut_average_linkage_at_the_threshold():
    import numpy as np

    from consistency.align.stories import StoryProbabilities, story_labels

    P = StoryProbabilities(3, np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([0.9, 0.1, 0.2]))
    articles = np.array([0, 0, 1, 2, 2])
    labels = story_labels(P, articles, threshold=0.5)
    assert labels.tolist() == [0, 0, 0, 1, 1]  # numbered by first appearance
    assert len(set(story_labels(P, articles, threshold=0.05).tolist())) == 1


def test_story_labels_by_components_equal_one_linkage_over_the_batch():
    """Clustering each component of the pairs at or above the threshold on its own gives the
    stories of one average linkage over the whole (dense) matrix."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from consistency.align.stories import StoryProbabilities, story_labels

    rng = np.random.default_rng(0)
    for trial in range(30):
        k = int(rng.integers(2, 40))
        a, b = np.triu_indices(k, 1)
        keep = rng.random(len(a)) < 0.3
        p = np.round(rng.random(int(keep.sum())) ** 3, 3)
        P = StoryProbabilities(k, a[keep], b[keep], p)
        articles = np.arange(k)
        threshold = float(rng.choice([0.2, 0.35, 0.5]))
        got = story_labels(P, articles, threshold)
        dense = np.zeros((k, k))
        dense[P.a, P.b] = dense[P.b, P.a] = P.p
        D = 1.0 - dense
        np.fill_diagonal(D, 0.0)
        want = fcluster(linkage(squareform(D, checks=False), method="average"), t=1.0 - threshold,
                        criterion="distance")
        # the same partition
        assert len(set(zip(got.tolist(), want.tolist()))) == len(set(got.tolist())) == len(set(want.tolist()))


def test_scored_pairs_are_looked_up_with_unscored_ones_told_apart():
    import numpy as np

    from consistency.align.stories import StoryProbabilities

    P = StoryProbabilities(4, np.array([0, 1]), np.array([2, 3]), np.array([0.25, 0.0]))
    got = P.lookup(np.array([2, 0, 3, 1, 2]), np.array([0, 1, 1, 1, 2]))
    assert got[0] == 0.25 and np.isnan(got[1]) and got[2] == 0.0 and got[3] == 1.0 and got[4] == 1.0
    assert P.lookup(np.array([0]), np.array([3]), unscored=1.0)[0] == 1.0


def test_names_known_is_how_many_names_the_article_naming_fewer_has():
    import numpy as np

    from consistency.align.stories import STORY_FEATURES, ArticleProfile, story_features

    X = np.eye(3, dtype=np.float32)

    def prof(rows, names):
        return ArticleProfile(np.array(rows), X[rows[0]], set(names), frozenset(), set(), set(), None)

    col = STORY_FEATURES.index("names_known")
    many = prof([0], [f"n{k}" for k in range(12)])
    assert story_features(many, prof([1], []), X)[col] == 0.0  # one names nothing: no evidence either way
    assert story_features(many, prof([1], ["n1", "n2"]), X)[col] == 0.25
    assert story_features(many, prof([2], [f"m{k}" for k in range(9)]), X)[col] == 1.0  # capped at 8


def test_a_salient_name_is_covered_where_the_other_article_names_it_at_all():
    # "Kim Jong Un sprach …": no name opens a sentence, yet the article does name Kim
    import numpy as np

    from consistency.align.stories import STORY_FEATURES, ArticleProfile, _mentioned, story_features

    text = "Kim Jong Un sprach von einer Allianz. Der Vertrag wurde in Pjöngjang unterzeichnet."
    assert {"kim", "jong", "pjöngjang", "der", "vertrag"} <= _mentioned(text, "de")
    assert {"kim", "sung", "palast"} <= _mentioned("Die Zeremonie fand im Kim-Il-Sung-Palast statt.", "de")
    X = np.eye(2, dtype=np.float32)
    a = ArticleProfile(np.array([0]), X[0], {"jong"}, frozenset(), set(), set(), None, _mentioned(text, "de"))
    b = ArticleProfile(np.array([1]), X[1], {"kim"}, frozenset({"kim"}), set(), set(), None, frozenset({"kim"}))
    assert story_features(a, b, X)[STORY_FEATURES.index("salient_max")] == 1.0  # b's Kim: a names him
