"""Planting contradictions in news clusters, and finding them (hand-made clusters)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from consistency.evaluate.clusters import Cluster, ClustersError, found_by, found_strictly, plant, read_clusters
from consistency.model import Finding, Quantity, Report, StatementRef
from consistency.read import article_from_text
from consistency.segment import segment

GVA = Path(__file__).resolve().parents[3] / "shared" / "eval-data" / "gva_incidents_semeval2018t5"

A = ("Two people were killed in a shooting on March 1 in Rock Falls. "
     "The suspect was arrested at his home by county deputies. The victims were 15 and 17.")
B = ("Police said two people were killed early Saturday. The shooting happened on March 1. "
     "Deputies said the suspect was arrested at his home.")


def _cluster(a=A, b=B):
    arts = (article_from_text("c/a.txt", a, language="en"), article_from_text("c/b.txt", b, language="en"))
    return Cluster(id="1", date="March 1, 2014", num_killed=2, num_injured=0, articles=arts)


def test_numeric_plant_changes_a_count_another_article_states():
    p, arts = plant(_cluster(), "numeric")
    changed = next(a for a in arts if a.path == p.article)
    assert p.old.lower() == "two" and p.new.lower() == "five"
    assert changed.text[p.span[0]:p.span[1]] == p.new and p.new in p.sentence
    other = "c/b.txt" if p.article == "c/a.txt" else "c/a.txt"
    assert [c[0] for c in p.counterparts] == [other]
    # the original articles are untouched (the change is in a copy)
    assert "Two people" in A and _cluster().articles[0].text == A


def test_date_plant_moves_the_day():
    p, arts = plant(_cluster(), "date")
    assert (p.old, p.new) == ("1", "6")
    assert "March 6" in p.sentence


def test_negation_plant_inserts_not_after_the_auxiliary():
    p, arts = plant(_cluster(), "negation")
    assert p.new == " not" and "was not arrested" in p.sentence
    assert p.counterparts


def test_no_plant_without_a_counterpart_or_in_an_excluded_sentence():
    lonely = _cluster(b="The weather in Rock Falls was mild and dry all week long, residents said.")
    assert plant(lonely, "numeric") is None and plant(lonely, "date") is None
    c = _cluster()
    every = frozenset((a.path, s.start) for a in c.articles for s in segment(a))
    assert all(plant(c, k, excluded=every) is None for k in ("numeric", "date", "negation"))


def test_plant_is_reproducible_and_rejects_unknown_kinds():
    assert plant(_cluster(), "numeric", seed=4)[0] == plant(_cluster(), "numeric", seed=4)[0]
    with pytest.raises(ValueError, match="kind must be one of"):
        plant(_cluster(), "entity")


def test_found_by_needs_the_changed_statement_and_a_counterpart_apart():
    p, arts = plant(_cluster(), "numeric")
    text = {a.path: a.text for a in arts}
    s0, s1 = p.span
    mine = StatementRef(article=p.article, line=1, start=max(0, s0 - 5), end=s1 + 5, text="", values=(), position=1)
    path, cs, ce = p.counterparts[0]
    theirs = StatementRef(article=path, line=1, start=cs, end=ce, text=text[path][cs:ce], values=(), position=0)
    hit = Finding(id="x", verdict="contradict", kind="numeric", fact="", message="", statements=(mine, theirs))
    assert found_by(Report((), (hit,), 2), p) == (hit, "found")
    same_side = Finding(id="y", verdict="contradict", kind="numeric", fact="", message="",
                        statements=(mine, StatementRef(**{**theirs.__dict__, "position": 1})))
    assert found_by(Report((), (same_side,), 2), p)[0] is None
    agree = Finding(id="z", verdict="agree", kind="numeric", fact="", message="", statements=(mine, theirs))
    assert found_by(Report((), (agree,), 2), p) == (None, "aligned, judged agree")


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(ClustersError, match="clusters.jsonl: not found"):
        read_clusters(str(tmp_path))
    with pytest.raises(ClustersError, match="split must be one of"):
        read_clusters(str(tmp_path), split="train")


@pytest.mark.skipif(not GVA.is_dir(), reason=f"shared evaluation data absent: {GVA}")
def test_dev_and_test_are_the_first_and_last_hundred_clusters():
    dev, test = read_clusters(str(GVA), "dev", limit=3), read_clusters(str(GVA), "test")
    assert len(test) == 100 and not {c.id for c in dev} & {c.id for c in test}
    assert all(a.language == "en" and a.published is not None for c in dev for a in c.articles)


# ---------------------------------------------------------------- the strict criterion
def _q(value, kind="count", partial=False):
    return Quantity(raw=str(value), start=0, end=1, kind=kind, value=value, low=value, high=value, partial=partial)


def _sides(p, arts, mine_values=(), theirs_values=(), mine_pos=1, theirs_pos=0, mine_neg=False, theirs_neg=False):
    """A contradict finding holding the planted statement and its first counterpart."""
    text = {a.path: a.text for a in arts}
    s0, s1 = p.span
    mine = StatementRef(article=p.article, line=1, start=max(0, s0 - 5), end=s1 + 5, text="",
                        values=tuple(mine_values), position=mine_pos, negated=mine_neg)
    path, cs, ce = p.counterparts[0]
    theirs = StatementRef(article=path, line=1, start=cs, end=ce, text=text[path][cs:ce],
                          values=tuple(theirs_values), position=theirs_pos, negated=theirs_neg)
    f = Finding(id="x", verdict="contradict", kind=p.kind, fact="", message="", statements=(mine, theirs))
    return Report((), (f,), 2), f


def test_plants_record_the_old_and_new_values():
    p, _ = plant(_cluster(), "numeric")
    assert (p.old_value, p.new_value) == (2, 5)
    p, _ = plant(_cluster(), "date")
    assert (p.old_value, p.new_value) == (301, 306)  # month * 100 + day
    p, _ = plant(_cluster(), "negation")
    assert (p.old_value, p.new_value) == (None, None)


def test_strict_numeric_needs_the_new_count_on_one_side_and_the_original_on_another():
    p, arts = plant(_cluster(), "numeric")
    rep, f = _sides(p, arts, [_q(5)], [_q(2)])
    assert found_strictly(rep, p) is f and found_by(rep, p)[0] is f
    # the planted statement on the counterpart's position: loose and strict both fail
    rep, _ = _sides(p, arts, [_q(5)], [_q(2)], mine_pos=0)
    assert found_strictly(rep, p) is None and found_by(rep, p)[0] is None
    # the finding is about another value of the changed sentence (it still says 2): loose only
    rep, f = _sides(p, arts, [_q(2)], [_q(7)])
    assert found_by(rep, p)[0] is f and found_strictly(rep, p) is None
    # the counterpart does not carry the original count
    rep, _ = _sides(p, arts, [_q(5)], [_q(9)])
    assert found_strictly(rep, p) is None
    # a bound that admits both the old and the new count does not carry the new one
    bound = Quantity(raw="at least two", start=0, end=1, kind="count", value=2, low=2, high=float("inf"))
    rep, _ = _sides(p, arts, [bound], [_q(2)])
    assert found_strictly(rep, p) is None
    # an agree finding never counts
    rep, f = _sides(p, arts, [_q(5)], [_q(2)])
    rep = Report((), (Finding(**{**f.__dict__, "verdict": "agree"}),), 2)
    assert found_strictly(rep, p) is None


def test_strict_date_needs_the_new_day_and_the_original_day():
    p, arts = plant(_cluster(), "date")
    new, old = date(2014, 3, 6).toordinal(), date(2014, 3, 1).toordinal()
    rep, f = _sides(p, arts, [_q(new, "date")], [_q(old, "date")])
    assert found_strictly(rep, p) is f
    rep, f = _sides(p, arts, [_q(306, "date", partial=True)], [_q(301, "date", partial=True)])
    assert found_strictly(rep, p) is f
    rep, _ = _sides(p, arts, [_q(old, "date")], [_q(new, "date")])  # the sides swapped
    assert found_strictly(rep, p) is None
    month = Quantity(raw="March 2014", start=0, end=1, kind="date", value=None,
                     low=date(2014, 3, 1).toordinal(), high=date(2014, 3, 31).toordinal())
    rep, _ = _sides(p, arts, [month], [_q(old, "date")])  # "in March" holds both days
    assert found_strictly(rep, p) is None


def test_strict_negation_needs_a_negated_changed_side_and_an_affirmed_counterpart():
    p, arts = plant(_cluster(), "negation")
    rep, f = _sides(p, arts, mine_neg=True)
    assert found_strictly(rep, p) is f
    assert found_strictly(_sides(p, arts, mine_neg=True, theirs_neg=True)[0], p) is None
    assert found_strictly(_sides(p, arts)[0], p) is None
    assert found_strictly(_sides(p, arts, mine_neg=True, mine_pos=0)[0], p) is None


def test_evaluate_clusters_reports_strict_beside_loose():
    from consistency.embed import load_embedder
    from consistency.evaluate.clusters import evaluate_clusters
    from consistency.evaluate.format import clusters_dict, clusters_text
    from consistency.settings import Settings

    r = evaluate_clusters([_cluster()], Settings(cache_dir=""), embedder=load_embedder("tfidf"))
    for v in r.plants.values():
        assert set(v) == {"clusters", "found", "kind_right", "strict"} and v["strict"] <= v["found"]
    assert len(r.strict_outcomes) == len(r.plant_outcomes)
    d = clusters_dict(r)
    assert {"recall", "strict", "strict_recall"} <= set(d["planted"]["all"]) and "planted_loose_only" in d
    assert "alarms_per_cluster" in d["untouched"]
    assert "alarms per cluster" in clusters_text(r)
