import math

from consistency.judge import fingerprint, format_value, judge, positions
from consistency.model import Claim, Group, Mention, Quantity, Sentence


def q(low, high, raw="x", kind="count", hedge=None, partial=False, unit="Container", key="container", value=None):
    return Quantity(raw=raw, start=0, end=len(raw), kind=kind, value=low if value is None else value, low=low, high=high,
                    unit=unit, unit_key=key, hedge=hedge, partial=partial)


def test_positions_overlap_means_agree():
    assert positions([q(10000, math.inf), q(12000, 12000)]) == [0, 0]
    assert positions([q(10000, math.inf), q(6030, 7370)]) == [0, 1]  # numbered by first appearance
    assert positions([q(1, 1), q(2, 2), q(1, 1)]) == [0, 1, 0]


def test_partial_date_compares_on_day_and_month():
    from datetime import date
    full = q(date(2024, 6, 19).toordinal(), date(2024, 6, 19).toordinal(), kind="date", key="time")
    part = q(619, 619, kind="date", key="time", partial=True)
    other = q(621, 621, kind="date", key="time", partial=True)
    assert positions([full, part]) == [0, 0]
    assert positions([full, other]) == [0, 1]


def test_relative_dates_compare_with_nothing():
    rel = Quantity(raw="letzte Woche", start=0, end=12, kind="relative_date", value=None, low=None, high=None,
                   unit_key="time")
    assert positions([rel, q(619, 619, kind="date", key="time", partial=True)]) == [-1, -1]


def _claims_of(*specs, lang="en"):
    """Claims ``(article index, text, value[, hedged])``: several claims may share an article."""
    out = []
    for line, (a, text, value, *hedged) in enumerate(specs):
        s = Sentence(f"dir/a{a}.txt", 0, 0, len(text), text, 3 + line, lang, text)
        out.append(Claim(sentence=s, values=(value,), hedged=bool(hedged and hedged[0])))
    return out


def _claims(*specs):
    """German claims ``(text, value, hedged)``, one article each."""
    return _claims_of(*[(i, *spec) for i, spec in enumerate(specs)], lang="de")


def _group(claims):
    return Group(kind="value", mentions=tuple(Mention(i, 0) for i in range(len(claims))),
                 fact="Container (count)", key="count:container", similarity=0.9)


IDS = {"dir/a0.txt": "a0", "dir/a1.txt": "a1", "dir/a2.txt": "a2"}


def test_contradiction_message_names_files_and_values():
    cl = _claims(("mehr als 10.000 Container", q(10000, math.inf, "mehr als 10.000", hedge="lower"), False),
                 ("rund 6.700 Container", q(6030, 7370, "rund 6.700", hedge="approx", value=6700), False))
    f = judge(_group(cl), cl, IDS)
    assert f.verdict == "contradict" and f.kind == "numeric"
    # German articles: the values read as the articles write them (hedge words, number notation)
    assert f.message == "a0.txt says mehr als 10.000 Container; a1.txt says rund 6.700 Container"
    assert {s.position for s in f.statements} == {0, 1}


def test_hedged_statement_is_not_a_contradiction():
    cl = _claims(("10.000 Container", q(10000, 10000, "10.000"), False),
                 ("könnte 5.000 Container", q(5000, 5000, "5.000"), True))
    f = judge(_group(cl), cl, IDS)
    assert f.verdict == "unverifiable" and "hedged" in f.reason


def test_single_source_is_unverifiable():
    cl = _claims(("10.000 Container", q(10000, 10000, "10.000"), False))
    f = judge(_group(cl), cl, IDS)
    assert (f.verdict, f.reason) == ("unverifiable", "single source")


def test_fingerprint_ignores_lines_and_offsets():
    cl = _claims(("mehr als 10.000 Container", q(10000, math.inf, "mehr als 10.000", hedge="lower"), False),
                 ("rund 6.700 Container", q(6030, 7370, "rund 6.700", hedge="approx"), False))
    moved = [Claim(sentence=Sentence(c.article, 5, 100, 100 + len(c.text), c.text, 40, "de", c.text),
                   values=c.values) for c in cl]
    assert judge(_group(cl), cl, IDS).id == judge(_group(moved), moved, IDS).id
    changed = _claims(("mehr als 10.000 Container", q(10000, math.inf, "mehr als 10.000", hedge="lower"), False),
                      ("rund 6.900 Container", q(6210, 7590, "rund 6.900", hedge="approx"), False))
    assert judge(_group(changed), changed, IDS).id != judge(_group(cl), cl, IDS).id
    assert fingerprint("numeric", "k", ["b", "a"]) == fingerprint("numeric", "k", ["a", "b"])


def test_format_value():
    assert format_value(q(10000, math.inf, hedge="lower")) == "more than 10,000 Container"
    assert format_value(q(619, 619, kind="date", key="time", partial=True)) == "19 June (no year)"
    assert format_value(q(10000, math.inf, hedge="lower"), "de") == "mehr als 10.000 Container"
    assert format_value(q(619, 619, kind="date", key="time", partial=True), "de") == "19. Juni (ohne Jahr)"


def test_an_article_with_two_values_is_not_contradicted_by_one_sharing_a_value():
    # a0 states 5 and 7 (two facts), a1 states 5: no two articles disagree outright
    from dataclasses import replace

    cl = _claims_of((0, "5 containers fell", q(5, 5, "5")), (0, "7 containers were found", q(7, 7, "7")),
                    (1, "5 containers fell", q(5, 5, "5")))
    f = judge(replace(_group(cl), mixed=True), cl, IDS)
    assert f.verdict == "unverifiable" and f.reason.startswith("mixes facts")
    # the same clause twice with two values (align did not mark the group mixed): the article
    # contradicts itself and the other article, a contradiction
    assert judge(_group(cl), cl, IDS).verdict == "contradict"


def test_a_strong_link_between_two_values_of_a_mixed_group_is_a_contradiction():
    # a0 states 7 in its lead and 4 elsewhere; a1 states 4 in the very clause of a0's 7: the
    # group is mixed, but the pair linked at 0.92 disagrees outright (GVA: "Seven people were
    # injured in a shooting at the bus station" / "Four people were injured in ...")
    from dataclasses import replace

    from consistency.judge import OPPOSED_LINK

    cl = _claims_of((0, "7 containers fell", q(7, 7, "7")), (0, "4 containers were found", q(4, 4, "4")),
                    (1, "4 containers fell", q(4, 4, "4")))
    g = replace(_group(cl), mixed=True)
    loose = judge(replace(g, links=((0, 2, OPPOSED_LINK - 0.1), (1, 2, 0.9))), cl, IDS)
    assert loose.verdict == "unverifiable" and loose.reason.startswith("mixes facts")
    strong = judge(replace(g, links=((0, 2, OPPOSED_LINK + 0.1), (1, 2, 0.9))), cl, IDS)
    assert strong.verdict == "contradict"
    # a strong link to a hedged statement is no outright disagreement: a1's "may have" 9 against
    # a0's 4 leaves the group mixed (a0: 7 and 4, a1: 4)
    cl_h = _claims_of((0, "7 containers fell", q(7, 7, "7")), (0, "4 containers were found", q(4, 4, "4")),
                      (1, "4 containers fell", q(4, 4, "4")), (1, "9 containers may have fallen", q(9, 9, "9"), True))
    g_h = replace(_group(cl_h), mixed=True)
    assert judge(replace(g_h, links=((1, 3, 0.95), (0, 2, 0.3))), cl_h, IDS).verdict == "unverifiable"
    assert judge(replace(g_h, links=((0, 2, 0.95),)), cl_h, IDS).verdict == "contradict"


def test_judge_all_splits_a_mixed_group_into_its_facts():
    # a0: the collapse on 5 and the minister's visit on 7; a1: the collapse on 5, linked at 0.7.
    # One finding mixed them ("mixes facts"); split by position, the collapse is an agreement of
    # two articles and the visit a single source
    from dataclasses import replace

    from consistency.judge import MIXES_FACTS, SPLIT_LINK, judge_all, split_mixed

    cl = _claims_of((0, "5 containers fell", q(5, 5, "5")), (0, "7 containers were found", q(7, 7, "7")),
                    (1, "5 containers fell", q(5, 5, "5")))
    g = replace(_group(cl), mixed=True, links=((0, 2, SPLIT_LINK + 0.2), (1, 2, 0.1)))
    assert judge(g, cl, IDS).reason == MIXES_FACTS
    parts = split_mixed(g, judge(g, cl, IDS))
    assert [[m.claim for m in p.mentions] for p in parts] == [[0, 2], [1]]
    assert parts[0].links == ((0, 1, SPLIT_LINK + 0.2),) and not parts[0].mixed
    findings = judge_all([g], cl, IDS)
    assert [(f.verdict, f.reason) for f in findings] == [("agree", None), ("unverifiable", "single source")]
    assert {s.text for s in findings[0].statements} == {"5 containers fell"}
    # only loosely linked: the group stays one finding that mixes facts
    weak = replace(g, links=((0, 2, SPLIT_LINK - 0.1), (1, 2, 0.1)))
    assert split_mixed(weak, judge(weak, cl, IDS)) is None
    assert [f.reason for f in judge_all([weak], cl, IDS)] == [MIXES_FACTS]


def test_a_split_that_would_make_a_contradiction_is_not_made(monkeypatch):
    # the parts are judged before they replace the group: one that contradicts keeps the group whole
    from dataclasses import replace

    import consistency.judge.values as J

    cl = _claims_of((0, "5 containers fell", q(5, 5, "5")), (0, "7 containers were found", q(7, 7, "7")),
                    (1, "5 containers fell", q(5, 5, "5")))
    g = replace(_group(cl), mixed=True, links=((0, 2, 0.9), (1, 2, 0.1)))
    monkeypatch.setattr(J, "split_mixed", lambda group, finding: [replace(group, mixed=False)])
    assert [f.reason for f in J.judge_all([g], cl, IDS)] == [J.MIXES_FACTS]


def test_an_article_with_two_values_is_contradicted_by_one_sharing_none():
    from dataclasses import replace

    cl = _claims_of((0, "5 containers fell", q(5, 5, "5")), (0, "7 containers were found", q(7, 7, "7")),
                    (1, "9 containers fell", q(9, 9, "9")))
    assert judge(replace(_group(cl), mixed=True), cl, IDS).verdict == "contradict"


def _positions_pair_by_pair(values, tol=0.0):
    """positions() as it was before values of one signature were compared once: every pair."""
    from consistency.judge.values import _comparable, _compatible, _interval

    n = len(values)
    pos = [-1] * n
    members = []
    for i in sorted(range(n), key=lambda i: (values[i].low if _interval(values[i]) else math.inf, i)):
        if not _comparable(values[i]):
            continue
        for p, idx in enumerate(members):
            checks = [_compatible(values[i], values[k], tol) for k in idx]
            if all(c is not False for c in checks) and any(c for c in checks):
                idx.append(i)
                pos[i] = p
                break
        else:
            members.append([i])
            pos[i] = len(members) - 1
    for p, idx in enumerate(members):
        if len(idx) == 1 and all(_compatible(values[idx[0]], values[k], tol) is None for k in range(n) if k != idx[0]):
            pos[idx[0]] = -1
    remap = {}
    for i in range(n):
        if pos[i] >= 0 and pos[i] not in remap:
            remap[pos[i]] = len(remap)
    return [remap.get(p, -1) if p >= 0 else -1 for p in pos]


def test_positions_compare_each_distinct_value_once_with_the_same_result():
    import random

    from consistency.judge.values import _conflict

    rel = Quantity(raw="am Freitag", start=0, end=10, kind="relative_date", value=None, low=None, high=None,
                   unit_key="time")
    pool = [q(10, 10), q(12, 12), q(10, 10, raw="zehn"), q(8, 15, hedge="range"), q(10, math.inf, hedge="lower"),
            q(11, 11, hedge="approx"), q(619, 619, kind="date", key="time", partial=True), rel,
            Quantity(raw="letzte Woche", start=0, end=12, kind="relative_date", value=None, low=None, high=None,
                     unit_key="time")]
    rng = random.Random(0)
    for _ in range(300):
        values = [rng.choice(pool) for _ in range(rng.randint(1, 12))]
        for tol in (0.0, 0.2):
            want = _positions_pair_by_pair(values, tol)
            assert positions(values, tol) == want
            pairs = [(i, k) for i in range(len(values)) for k in range(len(values))
                     if want[i] >= 0 and want[k] >= 0 and want[i] < want[k]]
            from consistency.judge.values import _compatible
            assert _conflict(values, want, tol) == any(_compatible(values[i], values[k], tol) is False
                                                       for i, k in pairs)
