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


def test_story_labels_cut_average_linkage_at_the_threshold():
    import numpy as np

    from consistency.align.stories import story_labels

    P = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    articles = np.array([0, 0, 1, 2, 2])
    labels = story_labels(P, articles, threshold=0.5)
    assert labels[0] == labels[2] != labels[3] and labels[3] == labels[4]
    assert len(set(story_labels(P, articles, threshold=0.05).tolist())) == 1

