"""Similar but different events: false alarms on ECB+ article pairs.

ECB+ (Cybulska & Vossen 2014) groups 982 English news articles by topic; each
topic has two sub-topics, ``<t>_ecb`` and ``<t>_ecbplus``, that report two
*different but similar* events (Tara Reid checks into rehab / Lindsay Lohan
checks into rehab). Two articles of one topic are checked as a two-article
batch, and every ``contradict`` finding is counted:

- **cross-event pairs** (one article from each sub-topic): the articles do not
  report the same event, so a contradiction says the checker aligned two
  different events' facts (different death tolls, different dates) as one;
- **same-event pairs** (both from one sub-topic): the articles report one
  event; contradictions here are real disagreements or false alarms, a
  baseline for the cross-event rate.

No gold says which findings are right; the figures are alarm rates. The pairs
are a deterministic sample per topic (``per_topic`` of each type, seeded).

Splits (the usual ECB+ split): ``dev`` = topics 1-35, ``test`` = topics 36-45
(topics 15 and 17 are absent from the release).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..model import Article, Finding
from ..pipeline import get_embedder
from ..read import article_from_text
from ..settings import Settings
from .runner import MemoEmbedder, Progress, check_batches

__all__ = ["EcbError", "EcbTopic", "EcbPair", "EcbResult", "read_ecb", "sample_pairs", "evaluate_ecb",
           "ECB_SPLITS", "PAIR_TYPES", "split_of"]

ECB_SPLITS = ("dev", "test", "all")
PAIR_TYPES = ("cross", "same")
_DEV = range(1, 36)
_TEST = range(36, 46)


class EcbError(ValueError):
    """The ECB+ data is missing or malformed, or the split is unknown."""


def split_of(topic: int) -> Optional[str]:
    """``dev`` for topics 1-35, ``test`` for 36-45, ``None`` otherwise."""
    return "dev" if topic in _DEV else "test" if topic in _TEST else None


@dataclass(frozen=True)
class EcbTopic:
    """One topic: its sub-topics (cluster id, articles), in the order of ``clusters.json``."""

    topic: int
    subtopics: tuple[tuple[str, tuple[Article, ...]], ...]

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for _, arts in self.subtopics for a in arts)


@dataclass(frozen=True)
class EcbPair:
    topic: int
    type: str  # "cross" (two sub-topics) or "same" (one sub-topic)
    a: Article
    b: Article
    clusters: tuple[str, str]  # the sub-topic (cluster id) of a and of b


def read_ecb(data_dir: str, split: str = "dev", limit: Optional[int] = None) -> list[EcbTopic]:
    """Read the topics of a split with their articles (language ``en``), by topic number.

    Articles are named ``ecb/<cluster_id>/<doc_id>.txt``; ``limit`` keeps the first N topics.

    Raises
    ------
    EcbError
        The folder or its files are absent or malformed, or ``split`` is unknown.
    """
    if split not in ECB_SPLITS:
        raise EcbError(f"split must be one of {', '.join(ECB_SPLITS)}, got {split!r}")
    if not os.path.isdir(data_dir):
        raise EcbError(f"{data_dir}: not a folder (the ECB+ data, with clusters.json and docs.jsonl.gz)")
    cpath, dpath = os.path.join(data_dir, "clusters.json"), os.path.join(data_dir, "docs.jsonl.gz")
    for p in (cpath, dpath):
        if not os.path.isfile(p):
            raise EcbError(f"{p}: not found (is {data_dir} the ECB+ folder of the shared evaluation data?)")
    try:
        with open(cpath, encoding="utf-8") as fh:
            clusters = json.load(fh)
        subs: dict[int, list[tuple[str, list[str]]]] = {}
        for c in clusters:
            subs.setdefault(int(c["topic"]), []).append((str(c["cluster_id"]), [str(d) for d in c["doc_ids"]]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EcbError(f"{cpath}: not an ECB+ cluster list ({exc.__class__.__name__}: {exc})") from None
    topics = sorted(t for t in subs if split == "all" or split_of(t) == split)
    if limit is not None:
        topics = topics[:limit]
    wanted = {d for t in topics for _, ds in subs[t] for d in ds}
    texts: dict[str, str] = {}
    try:
        with gzip.open(dpath, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                d = json.loads(line)
                if str(d["doc_id"]) in wanted:
                    texts[str(d["doc_id"])] = d["text"]
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        raise EcbError(f"{dpath}: not an ECB+ document file ({exc.__class__.__name__}: {exc})") from None
    out = []
    for t in topics:
        groups = []
        for cid, ds in subs[t]:
            arts = tuple(article_from_text(f"ecb/{cid}/{d}.txt", texts[d], language="en") for d in ds if d in texts)
            groups.append((cid, arts))
        out.append(EcbTopic(topic=t, subtopics=tuple(groups)))
    return out


def _pick(pairs: list, n: int, rng: random.Random) -> list:
    return pairs if len(pairs) <= n else sorted(rng.sample(pairs, n))


def sample_pairs(topics: Sequence[EcbTopic], per_topic: int = 10, seed: int = 0) -> list[EcbPair]:
    """Up to ``per_topic`` cross-event and ``per_topic`` same-event pairs per topic, seeded.

    The sample of a topic depends only on the seed, the topic and its articles (not on the
    other topics read), so ``--limit`` and the split do not change it.
    """
    if per_topic < 0:
        raise EcbError(f"pairs per topic must be 0 or more, got {per_topic}")
    out = []
    for t in topics:
        cross, same = [], []
        for (ci, ai), (cj, aj) in itertools.combinations(t.subtopics, 2):
            cross += [((ci, a.path), (cj, b.path)) for a in ai for b in aj]
        for cid, arts in t.subtopics:
            same += [((cid, a.path), (cid, b.path)) for a, b in itertools.combinations(arts, 2)]
        by_path = {a.path: a for a in t.articles}
        for kind, cands in (("cross", cross), ("same", same)):
            rng = random.Random(f"ecb:{seed}:{t.topic}:{kind}")
            for (ca, pa), (cb, pb) in _pick(sorted(cands), per_topic, rng):
                out.append(EcbPair(topic=t.topic, type=kind, a=by_path[pa], b=by_path[pb], clusters=(ca, cb)))
    return out


@dataclass(frozen=True)
class EcbResult:
    split: str
    topics: int
    articles: int  # distinct articles in the sampled pairs
    statements: int  # summed over the pair batches
    pairs_per_topic: int
    #: pair type -> {"pairs", "contradictions", "per_pair", "pairs_with_contradiction", "by_kind"}
    by_type: dict
    #: topic -> pair type -> {"pairs", "contradictions"}
    by_topic: dict
    outcomes: tuple = field(default=(), repr=False)  # (EcbPair, tuple of contradict Findings)
    settings: dict = field(default_factory=dict)


def evaluate_ecb(pairs: Sequence[EcbPair], settings: Settings = Settings(), *, embedder=None, split: str = "",
                 pairs_per_topic: int = 0, seed: int = 0, progress: Optional[Progress] = None) -> EcbResult:
    """Check every pair as a two-article batch (one embedding pass) and count the contradictions."""
    memo = embedder if isinstance(embedder, MemoEmbedder) else MemoEmbedder(embedder or get_embedder(settings))
    reports = check_batches([(p.a, p.b) for p in pairs], settings, embedder=memo, progress=progress)
    outcomes = []
    counts = {k: Counter() for k in PAIR_TYPES}
    kinds = {k: Counter() for k in PAIR_TYPES}
    by_topic: dict[int, dict] = {}
    for p, rep in zip(pairs, reports):
        contra: tuple[Finding, ...] = tuple(f for f in rep.findings if f.verdict == "contradict")
        outcomes.append((p, contra))
        c = counts[p.type]
        c["pairs"] += 1
        c["contradictions"] += len(contra)
        c["pairs_with_contradiction"] += bool(contra)
        kinds[p.type].update(f.kind for f in contra)
        t = by_topic.setdefault(p.topic, {k: {"pairs": 0, "contradictions": 0} for k in PAIR_TYPES})
        t[p.type]["pairs"] += 1
        t[p.type]["contradictions"] += len(contra)
    by_type = {}
    for k in PAIR_TYPES:
        n = counts[k]["pairs"]
        by_type[k] = {"pairs": n, "contradictions": counts[k]["contradictions"],
                      "per_pair": counts[k]["contradictions"] / n if n else None,
                      "pairs_with_contradiction": counts[k]["pairs_with_contradiction"],
                      "by_kind": dict(sorted(kinds[k].items()))}
    return EcbResult(
        split=split, topics=len({p.topic for p in pairs}),
        articles=len({a.path for p in pairs for a in (p.a, p.b)}),
        statements=sum(r.statements for r in reports), pairs_per_topic=pairs_per_topic,
        by_type=by_type, by_topic=dict(sorted(by_topic.items())), outcomes=tuple(outcomes),
        settings={"value_threshold": settings.value_threshold, "statement_threshold": settings.statement_threshold,
                  "phrase_threshold": settings.phrase_threshold, "model": memo.name, "seed": seed})
