"""Labelled pairs from the dev parts of the evaluation data.

Everything here reads gold written by others and turns it into rows of
features (:mod:`consistency.align.features`, :mod:`consistency.align.stories`)
with a 0/1 label and a group (the batch or cluster, so that folds never split one).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np

from ..align.features import VALUE_FEATURES, candidate_pairs, mention_info, value_features
from ..align.neighbours import similar_pairs
from ..align.scope import value_scopes
from ..align.stories import STORY_FEATURES, profiles, story_features
from ..evaluate.gold import load_gold, locate
from ..judge import positions
from ..model import Article, Batch
from ..pipeline import claims_of, prepare, with_publication_dates
from ..read import article_from_text, read_paths
from ..settings import Settings

__all__ = ["LabelledPairs", "news_batch_value_pairs", "gva_value_pairs", "story_pairs", "read_gva", "read_ecb"]

_COMPATIBLE_TRAP = re.compile(r"hedg|round|compatib|approximat|estimate", re.I)
_UNDECIDED_TRAP = re.compile(r"relative|vague|partial|publication|weekday", re.I)


@dataclass
class LabelledPairs:
    """Rows of features with labels; ``time`` marks pairs of points in time."""

    features: tuple
    F: list = field(default_factory=list)
    y: list = field(default_factory=list)
    group: list = field(default_factory=list)
    time: list = field(default_factory=list)
    source: list = field(default_factory=list)

    def add(self, F: np.ndarray, y: Sequence[int], group: str, time: Sequence[bool], source: str) -> None:
        self.F.extend(np.asarray(F).tolist())
        self.y.extend(int(v) for v in y)
        self.group.extend([group] * len(y))
        self.time.extend(bool(t) for t in time)
        self.source.extend([source] * len(y))

    def weights(self, rows: Optional[np.ndarray] = None) -> np.ndarray:
        """Sample weights that give each source the same total weight."""
        src = np.array(self.source) if rows is None else np.array(self.source)[rows]
        w = np.ones(len(src))
        for s in set(src.tolist()):
            w[src == s] = len(src) / (len(set(src.tolist())) * (src == s).sum())
        return w

    def arrays(self, rows: Optional[np.ndarray] = None):
        F, y, g = np.array(self.F, dtype=float), np.array(self.y), np.array(self.group)
        if rows is None:
            return F, y, g
        return F[rows], y[rows], g[rows]


def _prepared(articles: Sequence[Article], embedder) -> Batch:
    settings = Settings()
    articles = with_publication_dates(articles, settings)
    claims = claims_of(articles, settings)
    return prepare(claims, embedder, ids={a.path: a.id for a in articles},
                   published={a.path: a.published for a in articles if a.published})


def _all_value_pairs(batch: Batch):
    """Every cross-article candidate pair of one story (no neighbour limit), with features."""
    story = np.zeros(len(batch.claims), dtype=np.int64)
    n = len(batch.claims)
    ii, jj, _ = similar_pairs(batch.X, batch.articles, -2.0, method="exact", k=max(n, 2))
    info = mention_info(batch)
    ka, kb = candidate_pairs(batch, story, info, ii, jj, value_scopes(batch, story))
    # times of day are linked by rule (the very same minute, never two different times: align), so
    # they teach the quantity model nothing
    fitted = np.array([batch.value(a).kind != "clock" for a in ka.tolist()], dtype=bool)
    ka, kb = ka[fitted], kb[fitted]
    F = value_features(batch, ka, kb, info)
    time = np.array([info[a].time for a in ka.tolist()], dtype=bool)
    return ka, kb, F, time


def _incompatible(qa, qb) -> bool:
    pos = positions([qa, qb])
    return pos[0] >= 0 and pos[1] >= 0 and pos[0] != pos[1]


def _in(located, claim, q) -> bool:
    s = claim.sentence
    if located.article != s.article:
        return False
    return any(s.start < e and b < s.end for b, e in located.spans)


def _value_in(located, q) -> bool:
    return any(q.start < e and b < q.end for b, e in located.spans)


def news_batch_value_pairs(batch_dirs: Sequence[str], embedder, out: LabelledPairs) -> None:
    """Value pairs of the news batches, labelled from each ``gold.json``."""
    for d in batch_dirs:
        gold = load_gold(os.path.join(d, "gold.json"))
        articles = read_paths([d])
        where = locate(gold, articles, d)
        batch = _prepared(articles, embedder)
        ka, kb, F, time = _all_value_pairs(batch)
        labels = np.full(len(ka), -1)
        pos_pairs = [(p, 1) for p in (*gold.contradict, *gold.agree)]
        for p in gold.not_contradict:
            if _UNDECIDED_TRAP.search(p.why or ""):
                continue
            pos_pairs.append((p, 1 if _COMPATIBLE_TRAP.search(p.why or "") else 0))
        contradicted = set()
        for t, (a, b) in enumerate(zip(ka.tolist(), kb.tolist())):
            ma, mb = batch.mentions[a], batch.mentions[b]
            ca, cb = batch.claims[ma.claim], batch.claims[mb.claim]
            qa, qb = batch.value(a), batch.value(b)
            for p, lab in pos_pairs:
                la, lb = where[p.a], where[p.b]
                hit = ((_in(la, ca, qa) and _in(lb, cb, qb) and (_value_in(la, qa) or _value_in(lb, qb)))
                       or (_in(lb, ca, qa) and _in(la, cb, qb) and (_value_in(lb, qa) or _value_in(la, qb))))
                if hit:
                    labels[t] = lab
                    if p.relation == "contradict":
                        contradicted.add(t)
            if labels[t] == -1 and not (ca.hedged or cb.hedged) and _incompatible(qa, qb):
                labels[t] = 0  # the contradictions are exhaustive: incompatible values are two facts
        keep = labels >= 0
        out.add(F[keep], labels[keep], os.path.basename(d.rstrip("/")), time[keep], "news-batches")


# ---------------------------------------------------------------- GVA
_KILLED = re.compile(r"\b(?:kill\w*|dead|died|dies|death\w*|fatal\w*|slain|murder\w*|lives)\b", re.I)
_INJURED = re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospitali[sz]ed|shot)\b", re.I)


def read_gva(data_dir: str, split: str = "dev") -> list[tuple[dict, list[Article]]]:
    """GVA incidents of a split (dev = the first 100 lines, test = the last 100) with their articles."""
    from ..evaluate.clusters import read_clusters

    from datetime import datetime

    out = []
    for c in read_clusters(data_dir, split):
        try:
            day = datetime.strptime(c.date, "%B %d, %Y").date().toordinal()
        except (TypeError, ValueError):
            day = None
        out.append(({"killed": c.num_killed, "injured": c.num_injured, "id": c.id, "date": day}, list(c.articles)))
    return out


def _role_of(clause: str) -> Optional[str]:
    k, i = bool(_KILLED.search(clause)), bool(_INJURED.search(clause))
    return "killed" if k and not i else "injured" if i and not k else None


def gva_value_pairs(data_dir: str, embedder, out: LabelledPairs) -> None:
    """Count pairs of GVA dev incidents, labelled from the gold numbers killed and injured."""
    from ..align.context import value_context

    for gold, articles in read_gva(data_dir, "dev"):
        if len(articles) < 2:
            continue
        batch = _prepared(articles, embedder)
        ka, kb, F, time = _all_value_pairs(batch)
        labels = np.full(len(ka), -1)
        target = {"killed": gold["killed"], "injured": gold["injured"]}
        day = gold.get("date")
        for t, (a, b) in enumerate(zip(ka.tolist(), kb.tolist())):
            qa, qb = batch.value(a), batch.value(b)
            if time[t]:
                if day is None or qa.low is None or qb.low is None or qa.partial or qb.partial:
                    continue
                on_a, on_b = qa.low <= day <= qa.high, qb.low <= day <= qb.high
                if on_a and on_b and qa.high - qa.low < 7 and qb.high - qb.low < 7:
                    labels[t] = 1  # both name the incident's day
                elif on_a != on_b and (qa.high - qa.low < 7 or qb.high - qb.low < 7):
                    labels[t] = 0  # the incident's day and another day: two facts
                continue
            if qa.kind != "count" or qb.kind != "count":
                continue
            ca, cb = batch.claims[batch.mentions[a].claim], batch.claims[batch.mentions[b].claim]
            ra, rb = _role_of(value_context(ca, qa)), _role_of(value_context(cb, qb))
            va = qa.value if qa.low == qa.high else None
            vb = qb.value if qb.low == qb.high else None
            gold_a = ra is not None and va is not None and target.get(ra) == va
            gold_b = rb is not None and vb is not None and target.get(rb) == vb
            if gold_a and gold_b:
                labels[t] = int(ra == rb)
            elif (gold_a or gold_b) and ra and rb and ra != rb:
                labels[t] = 0
            elif (gold_a != gold_b) and _incompatible(qa, qb) and not (ra and ra == rb):
                labels[t] = 0
        keep = labels >= 0
        out.add(F[keep], labels[keep], f"gva-{gold['id']}", time[keep], "gva-dev")


# ---------------------------------------------------------------- stories
def read_ecb(data_dir: str, topics: Sequence[int]) -> dict[str, list[Article]]:
    """ECB+ documents of the given topics, by cluster (``<topic>_ecb`` / ``<topic>_ecbplus``)."""
    wanted = {str(t) for t in topics}
    out: dict[str, list[Article]] = {}
    with gzip.open(os.path.join(data_dir, "docs.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if str(d["topic"]) in wanted:
                out.setdefault(d["cluster_id"], []).append(
                    article_from_text(f"ecb/{d['cluster_id']}/{d['doc_id']}.txt", d["text"], language="en"))
    return out


def story_pairs(clusters: dict[str, list[Article]], topic_of: dict[str, str], embedder, out: LabelledPairs,
                source: str, *, cross_topic: int = 3, seed: int = 0, max_same: int = 30) -> None:
    """Article pairs: same cluster (1), the other cluster of the topic (0), other topics (0, a sample)."""
    rng = random.Random(seed)
    arts = [a for c in sorted(clusters) for a in clusters[c]]
    cl = [c for c in sorted(clusters) for _ in clusters[c]]
    batch = _prepared(arts, embedder)
    prof = profiles(batch)
    index = {p: i for i, p in enumerate(dict.fromkeys(c.article for c in batch.claims))}
    pos = [index.get(a.path) for a in arts]
    rows, labels, groups = [], [], []
    n = len(arts)
    for i in range(n):
        if pos[i] is None:
            continue
        same = [j for j in range(i + 1, n) if cl[j] == cl[i] and pos[j] is not None]
        other = [j for j in range(i + 1, n) if cl[j] != cl[i] and topic_of[cl[j]] == topic_of[cl[i]]
                 and pos[j] is not None]
        far = [j for j in range(n) if topic_of[cl[j]] != topic_of[cl[i]] and pos[j] is not None]
        picks = [(j, 1) for j in rng.sample(same, min(len(same), max_same))]
        picks += [(j, 0) for j in rng.sample(other, min(len(other), max_same))]
        picks += [(j, 0) for j in rng.sample(far, min(len(far), cross_topic))]
        for j, lab in picks:
            rows.append(story_features(prof[pos[i]], prof[pos[j]], batch.X))
            labels.append(lab)
            groups.append(topic_of[cl[i]])
    for g in sorted(set(groups)):
        idx = [k for k, x in enumerate(groups) if x == g]
        out.add(np.array([rows[k] for k in idx]).reshape(-1, len(STORY_FEATURES)), [labels[k] for k in idx],
                f"{source}-{g}", [False] * len(idx), source)


__all__ += ["VALUE_FEATURES", "STORY_FEATURES"]
