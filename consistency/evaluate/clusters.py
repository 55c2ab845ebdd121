"""Real multi-article news: GVA incident clusters (SemEval-2018 Task 5 documents).

Each cluster is one shooting incident reported by 3-17 local-news articles,
with the Gun Violence Archive's gold counts of people killed and injured.
Three measurements per cluster:

1. **Untouched**: the checker runs on the articles as published. Every
   ``contradict`` finding is an alarm. Real articles do disagree (a death
   toll updated overnight, a sentence of "at least seven years" beside "20
   years"), so alarms are sorted: a numeric alarm on a casualty statement
   (killed/dead/injured/wounded/...) where one side states a gold count and
   the other does not is counted as a *real disagreement between the
   articles*; the others are listed for review, not silently called false.
2. **Agreement**: a count stated with the same number and the same next
   word in two articles of a cluster in a casualty sentence ("two people were
   killed") is a shared count; it is *aligned and agreed* when both mentions
   are in one ``agree`` finding.
3. **Planted contradictions**: in a copy of one article (in memory, never on
   disk) one value is changed: a count of people or shots (the number is
   followed by a word such as "people", "victims", "others", "dead",
   "wounded", "shots") that another article of the cluster states in the
   same words ("two people" -> "five people", "3 dead" -> "6 dead"), a date
   that another article states too ("March 1" -> "March 6"), or a negation
   inserted into a sentence that another article states nearly word for word
   ("was arrested" -> "was not arrested"). It is *found* (loosely) when a
   ``contradict`` finding holds the changed statement and one of its
   counterparts at different positions. It is *found strictly* when, in
   addition, the changed statement carries the new value and the counterpart
   the original one: for a count, the statement's value interval contains the
   new number and not the original one (and the counterpart's the original and
   not the new one); for a date, the same with the day (month and day); for a
   negation, the changed statement is marked negated and the counterpart is
   not. A sentence already in a contradiction before the change is never chosen.

Splits: ``dev`` = the first 100 lines of ``clusters.jsonl``, ``test`` = the last 100.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Optional, Sequence

from ..model import Article, Finding, Report
from ..read import article_from_text
from ..segment import segment
from ..settings import Settings
from ..pipeline import get_embedder
from .runner import MemoEmbedder, Progress, check_batches

__all__ = ["Cluster", "Plant", "ClustersResult", "ClustersError", "read_clusters", "plant",
           "evaluate_clusters", "found_by", "found_strictly", "carries", "PLANT_KINDS", "SPLITS"]

PLANT_KINDS = ("numeric", "date", "negation")
SPLITS = ("dev", "test", "all")
_SPLIT_SIZE = 100


class ClustersError(ValueError):
    """The cluster data is missing or malformed."""


@dataclass(frozen=True)
class Cluster:
    id: str
    date: str
    num_killed: Optional[int]
    num_injured: Optional[int]
    articles: tuple[Article, ...]


def read_clusters(data_dir: str, split: str = "dev", limit: Optional[int] = None) -> list[Cluster]:
    """Read the clusters of a split with their articles (language ``en``, published = ``dct``).

    Raises
    ------
    ClustersError
        The folder or its files are absent, or ``split`` is unknown.
    """
    if split not in SPLITS:
        raise ClustersError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    cpath, dpath = os.path.join(data_dir, "clusters.jsonl"), os.path.join(data_dir, "docs.jsonl.gz")
    for p in (cpath, dpath):
        if not os.path.isfile(p):
            raise ClustersError(f"{p}: not found (the shared evaluation data is not on this machine)")
    with open(cpath, encoding="utf-8") as fh:
        lines = [json.loads(line) for line in fh if line.strip()]
    if split == "dev":
        lines = lines[:_SPLIT_SIZE]
    elif split == "test":
        lines = lines[-_SPLIT_SIZE:]
    if limit is not None:
        lines = lines[:limit]
    wanted = {str(c["cluster_id"]) for c in lines}
    docs: dict[str, list[dict]] = {}
    with gzip.open(dpath, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if str(d["cluster_id"]) in wanted:
                docs.setdefault(str(d["cluster_id"]), []).append(d)
    out = []
    for c in lines:
        cid = str(c["cluster_id"])
        arts = []
        for d in docs.get(cid, []):
            pub = None
            if d.get("dct"):
                try:
                    pub = date.fromisoformat(str(d["dct"])[:10])
                except ValueError:
                    pub = None
            arts.append(article_from_text(f"gva/{cid}/{d['doc_id']}.txt", d["text"], language="en", published=pub))
        out.append(Cluster(id=cid, date=c.get("date", ""), num_killed=c.get("num_killed"),
                           num_injured=c.get("num_injured"), articles=tuple(arts)))
    return out


# ---------------------------------------------------------------- planting
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_WORD_VALUE = {w: i for i, w in enumerate(_WORDS)}
_NUM = re.compile(r"(?<![\w$.,:/-])(\d{1,3}|(?i:" + "|".join(_WORDS[1:]) + r"))(?![\w%:/-]|[.,]\d) ([a-z]+)")
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
_ONE_NOUNS = {"person", "man", "woman", "victim", "child", "teen", "boy", "girl", "officer", "suspect", "dead"}
#: Words after a number that make it a count of people or shots (not an address, a time, a call).
_COUNTED = {"people", "persons", "person", "men", "man", "women", "woman", "children", "child", "kids", "kid",
            "teens", "teen", "teenagers", "teenager", "victims", "victim", "others", "other", "officers", "officer",
            "deputies", "deputy", "suspects", "suspect", "adults", "adult", "boys", "boy", "girls", "girl",
            "students", "student", "dead", "injured", "wounded", "killed", "hurt", "gunmen", "agents", "bystanders",
            "brothers", "sisters", "sons", "daughters", "relatives", "residents", "employees", "workers",
            "hostages", "shots", "rounds", "bullets", "counts", "more", "additional", "juveniles",
            "males", "females", "individuals", "patients", "passengers", "customers", "guests", "friends"}
_CASUALTY = re.compile(r"\b(?:kill\w*|dead|death\w*|died|dies|injur\w*|wound\w*|shot|hurt|victims?|hospitali[sz]ed|"
                       r"fatal\w*|lives)\b", re.I)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DATE = re.compile(r"\b(Jan(?:uary)?|Feb(?:ruary)?|March|Mar|April|Apr|May|June?|July?|Aug(?:ust)?|"
                   r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (\d{1,2})\b(?!:)")
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|could|can|should|did|does)\b(?! not\b| n't\b)")
_NEGATED = re.compile(r"\b(?:not|never|no|nobody|nothing|none|without|neither|nor)\b|n't\b", re.I)
_WORD = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True)
class Plant:
    """One planted contradiction: which article was changed, where, and its counterparts."""

    cluster: str
    kind: str
    article: str  # path of the changed article
    span: tuple[int, int]  # the new text's span in the changed article
    old: str
    new: str
    sentence: str  # the changed sentence (new text)
    counterparts: tuple[tuple[str, int, int], ...]  # (article path, start, end) of sentences stating the original
    #: the value before and after the change: the number for ``numeric``, ``month * 100 + day`` for
    #: ``date``, ``None`` for ``negation`` (and when unknown)
    old_value: Optional[int] = None
    new_value: Optional[int] = None


def _sentences(arts: Sequence[Article]) -> dict[str, list[tuple[int, int, str]]]:
    return {a.path: [(s.start, s.end, a.text[s.start:s.end]) for s in segment(a)] for a in arts if not a.error}


def _number_value(tok: str) -> Optional[int]:
    return int(tok) if tok.isdigit() else _WORD_VALUE.get(tok.lower())


def _count_mentions(sents):
    """``(article, sent_start, sent_end, num_start, num_end, value, next_word, casualty)`` per count mention."""
    out = []
    for path, ss in sents.items():
        for s, e, text in ss:
            cas = bool(_CASUALTY.search(text))
            for m in _NUM.finditer(text):
                tok, nxt = m.group(1), m.group(2).lower()
                v = _number_value(tok)
                if v is None or v == 0 or nxt not in _COUNTED:
                    continue
                if tok.lower() == "one" and nxt not in _ONE_NOUNS:
                    continue
                if tok.isdigit() and (text[m.start(1) - 1: m.start(1)] == "#"
                                      or _MONTH_BEFORE.search(text[:m.start(1)])):
                    continue  # "#3", "May 31": not a count
                out.append((path, s, e, s + m.start(1), s + m.end(1), v, nxt.rstrip("s"), cas))
    return out


def _new_number(tok: str, v: int) -> str:
    nv = v + max(3, round(v * 0.5))
    if tok.isdigit() or nv > 20:
        return str(nv)
    w = _WORDS[nv]
    if tok[0].isupper():
        w = w.capitalize()
    return w


def _candidates(kind: str, sents, excluded: set) -> list[tuple]:
    """``(article, start, end, new_text, sent_start, sent_end, counterparts, preferred)`` candidates."""
    cands = []
    if kind == "numeric":
        mentions = _count_mentions(sents)
        by_key: dict[tuple, list] = {}
        for m in mentions:
            by_key.setdefault((m[5], m[6]), []).append(m)
        for key, ms in by_key.items():
            for m in ms:
                others = tuple(sorted({(o[0], o[1], o[2]) for o in ms if o[0] != m[0]}))
                if not others or (m[0], m[1]) in excluded:
                    continue
                text = next(t for s, e, t in sents[m[0]] if s == m[1])
                tok = text[m[3] - m[1]:m[4] - m[1]]
                cands.append((m[0], m[3], m[4], _new_number(tok, m[5]), m[1], m[2], others, m[7]))
    elif kind == "date":
        found = []
        for path, ss in sents.items():
            for s, e, text in ss:
                for m in _DATE.finditer(text):
                    month = _MONTHS.index(m.group(1)[:3].lower()) + 1
                    day = int(m.group(2))
                    if 1 <= day <= 31:
                        found.append((path, s, e, s + m.start(2), s + m.end(2), (month, day)))
        for f in found:
            others = tuple(sorted({(o[0], o[1], o[2]) for o in found if o[0] != f[0] and o[5] == f[5]}))
            if not others or (f[0], f[1]) in excluded:
                continue
            day = f[5][1]
            nd = day + 5 if day + 5 <= 28 else day - 5
            cands.append((f[0], f[3], f[4], str(nd), f[1], f[2], others, True))
    elif kind == "negation":
        bags = {(p, s): (set(_WORD.findall(t.lower())), t, e) for p, ss in sents.items() for s, e, t in ss}
        for (p, s), (words, text, e) in bags.items():
            if len(words) < 6 or (p, s) in excluded or _NEGATED.search(text) or re.search(r"\d", text):
                continue
            m = _AUX.search(text)
            if m is None:
                continue
            others = tuple(sorted((q, t, bags[(q, t)][2]) for (q, t), (w2, _, _) in bags.items()
                                  if q != p and len(words & w2) / len(words | w2) >= 0.5))
            if not others:
                continue
            cands.append((p, s + m.end(), s + m.end(), " not", s, e, others, True))
    return cands


def plant(cluster: Cluster, kind: str, *, seed: int = 0,
          excluded: frozenset = frozenset()) -> Optional[tuple[Plant, tuple[Article, ...]]]:
    """Plant one contradiction of ``kind`` in a copy of one article of ``cluster``.

    ``excluded`` holds ``(article, sentence_start)`` of sentences not to change
    (those already in a contradiction). Casualty counts are preferred for ``numeric``.

    Returns
    -------
    (plant, articles) or None
        The plant and the cluster's articles with the changed copy in place;
        ``None`` when no value of this kind is stated by two articles.
    """
    if kind not in PLANT_KINDS:
        raise ValueError(f"kind must be one of {', '.join(PLANT_KINDS)}, got {kind!r}")
    sents = _sentences(cluster.articles)
    cands = _candidates(kind, sents, set(excluded))
    if not cands:
        return None
    preferred = [c for c in cands if c[7]]
    rng = random.Random(f"{seed}:{cluster.id}:{kind}")
    path, start, end, new, s0, s1, others, _ = rng.choice(sorted(preferred or cands))
    arts = []
    for a in cluster.articles:
        if a.path == path:
            text = a.text[:start] + new + a.text[end:]
            a = article_from_text(a.path, text, language=a.language, published=a.published)
        arts.append(a)
    changed = next(a for a in arts if a.path == path)
    orig = next(a for a in cluster.articles if a.path == path)
    delta = len(new) - (end - start)
    old = orig.text[start:end]
    old_value = new_value = None
    if kind == "numeric":
        old_value, new_value = _number_value(old), _number_value(new)
    elif kind == "date":
        m = next((m for m in _DATE.finditer(orig.text, s0, s1) if m.start(2) == start), None)
        if m is not None:
            month = _MONTHS.index(m.group(1)[:3].lower()) + 1
            old_value, new_value = month * 100 + int(old), month * 100 + int(new)
    p = Plant(cluster=cluster.id, kind=kind, article=path, span=(start, start + len(new)),
              old=old, new=new, sentence=changed.text[s0:s1 + delta], counterparts=others,
              old_value=old_value, new_value=new_value)
    return p, tuple(arts)


# ---------------------------------------------------------------- scoring
def _overlaps(ref, path: str, s: int, e: int) -> bool:
    return ref.article == path and ref.start < max(e, s + 1) and s < ref.end


def found_by(report: Report, p: Plant) -> tuple[Optional[Finding], str]:
    """The contradict finding that holds the planted statement and a counterpart apart, or a note why none."""
    for f in report.findings:
        if f.verdict != "contradict":
            continue
        mine = [r for r in f.statements if _overlaps(r, p.article, *p.span)]
        theirs = [r for r in f.statements if any(_overlaps(r, a, s, e) for a, s, e in p.counterparts)]
        if any(x.position != y.position for x in mine for y in theirs):
            return f, "found" if f.kind == p.kind else f"found as {f.kind}"
    for f in report.findings:
        mine = any(_overlaps(r, p.article, *p.span) for r in f.statements)
        theirs = any(any(_overlaps(r, a, s, e) for a, s, e in p.counterparts) for r in f.statements)
        if mine and theirs:
            return None, f"aligned, judged {f.verdict}" + (f" ({f.reason})" if f.reason else "")
    if any(any(_overlaps(r, p.article, *p.span) for r in f.statements) for f in report.findings):
        return None, "aligned with other statements only"
    return None, "not aligned"


_MAX_ORDINAL = date.max.toordinal()


def _holds_day(q, month_day: int) -> bool:
    """Whether the date value ``q`` (ordinal days, or ``month * 100 + day`` when partial) includes that day."""
    if q.low is None or q.high is None:
        return False
    if q.partial:
        return q.low <= month_day <= q.high
    lo = 1 if math.isinf(q.low) else max(1, int(q.low))
    hi = _MAX_ORDINAL if math.isinf(q.high) else min(_MAX_ORDINAL, int(q.high))
    if hi < lo:
        return False
    if hi - lo > 800:
        return True  # spans more than two years: holds every day of the year
    month, day = divmod(month_day, 100)
    for y in range(date.fromordinal(lo).year, date.fromordinal(hi).year + 1):
        try:
            o = date(y, month, day).toordinal()
        except ValueError:
            continue
        if lo <= o <= hi:
            return True
    return False


def carries(ref, p: Plant, new: bool) -> bool:
    """Whether the statement ``ref`` states the plant's new value (``new``) or its original one.

    A count or a date must be held by one of the statement's values and the other value
    (original or new) by none of them, so a bound ("at least two") that admits both does
    not count; a negation plant's new side is a negated statement, its original side is not.
    """
    if p.kind == "negation":
        return bool(ref.negated) == new
    want, other = (p.new_value, p.old_value) if new else (p.old_value, p.new_value)
    if want is None:
        return False
    if p.kind == "date":
        def holds(x):
            return any(_holds_day(q, x) for q in ref.values if q.kind != "year")
    else:
        def holds(x):
            return any(q.low is not None and q.high is not None and q.low <= x <= q.high for q in ref.values)
    return holds(want) and (other is None or not holds(other))


def found_strictly(report: Report, p: Plant) -> Optional[Finding]:
    """The contradict finding whose changed statement carries the new value and a counterpart, at
    another position, the original one (see :func:`carries`); ``None`` when there is none."""
    for f in report.findings:
        if f.verdict != "contradict":
            continue
        mine = [r for r in f.statements if _overlaps(r, p.article, *p.span) and carries(r, p, True)]
        theirs = [r for r in f.statements
                  if any(_overlaps(r, a, s, e) for a, s, e in p.counterparts) and carries(r, p, False)]
        if any(x.position != y.position for x in mine for y in theirs):
            return f
    return None


def _alarm_class(f: Finding, c: Cluster) -> str:
    """``gold-count`` when a numeric alarm on a casualty statement has a gold count on one side only."""
    if f.kind != "numeric" or not any(_CASUALTY.search(s.text) for s in f.statements):
        return "other"
    gold = {x for x in (c.num_killed, c.num_injured) if x is not None}
    sides: dict[int, set] = {}
    for s in f.statements:
        for q in s.values:
            if q.low is not None and q.high is not None:
                sides.setdefault(s.position, set()).update(
                    g for g in gold if q.low <= g <= q.high)
    with_gold = [p for p, g in sides.items() if g]
    return "gold-count" if with_gold and len(with_gold) < len(sides) else "other"


def _shared_counts(c: Cluster, sents) -> list[list[tuple]]:
    """Casualty counts stated alike (same number, same next word) in two or more articles."""
    by_key: dict[tuple, list] = {}
    for m in _count_mentions(sents):
        if m[7]:
            by_key.setdefault((m[5], m[6]), []).append(m)
    return [ms for ms in by_key.values() if len({m[0] for m in ms}) >= 2]


@dataclass(frozen=True)
class ClustersResult:
    split: str
    clusters: int
    articles: int
    statements: int
    alarms: int
    clusters_with_alarms: int
    alarm_kinds: dict
    alarm_classes: dict  # "gold-count" / "other"
    shared_counts: int
    shared_counts_agreed: int
    shared_counts_contradicted: int
    plants: dict  # kind -> {"clusters": n with a candidate, "found": n, "kind_right": n, "strict": n}
    plant_outcomes: tuple = field(default=(), repr=False)  # (Plant, finding or None, note)
    strict_outcomes: tuple = field(default=(), repr=False)  # finding or None, beside plant_outcomes
    alarm_list: tuple = field(default=(), repr=False)  # (cluster id, class, Finding)
    settings: dict = field(default_factory=dict)

    @property
    def alarms_per_cluster(self) -> Optional[float]:
        return self.alarms / self.clusters if self.clusters else None


def evaluate_clusters(clusters: Sequence[Cluster], settings: Settings = Settings(), *, embedder=None,
                      kinds: Sequence[str] = PLANT_KINDS, seed: int = 0, split: str = "",
                      progress: Optional[Progress] = None) -> ClustersResult:
    """Run the three measurements (see the module doc) on ``clusters``."""
    memo = embedder if isinstance(embedder, MemoEmbedder) else MemoEmbedder(embedder or get_embedder(settings))
    base = check_batches([c.articles for c in clusters], settings, embedder=memo, progress=progress)
    alarms, alarm_list = Counter(), []
    classes = Counter()
    with_alarm = 0
    shared = agreed = contradicted = 0
    excluded_by: dict[str, frozenset] = {}
    for c, rep in zip(clusters, base):
        contra = [f for f in rep.findings if f.verdict == "contradict"]
        with_alarm += bool(contra)
        for f in contra:
            alarms[f.kind] += 1
            cls = _alarm_class(f, c)
            classes[cls] += 1
            alarm_list.append((c.id, cls, f))
        excluded_by[c.id] = frozenset((s.article, s.start) for f in contra for s in f.statements)
        sents = _sentences(c.articles)
        for ms in _shared_counts(c, sents):
            shared += 1
            hits = [f for f in rep.findings
                    if len({m[0] for m in ms if any(_overlaps(r, m[0], m[3], m[4]) for r in f.statements)}) >= 2]
            agreed += any(f.verdict == "agree" for f in hits)
            contradicted += any(f.verdict == "contradict" for f in hits)
    planted = []
    for c in clusters:
        for k in kinds:
            res = plant(c, k, seed=seed, excluded=excluded_by[c.id])
            if res is not None:
                planted.append(res)
    reports = check_batches([arts for _, arts in planted], settings, embedder=memo, progress=progress)
    outcomes, strict = [], []
    plants: dict[str, Counter] = {k: Counter() for k in kinds}
    for (p, _), rep in zip(planted, reports):
        f, note = found_by(rep, p)
        fs = found_strictly(rep, p)
        outcomes.append((p, f, note))
        strict.append(fs)
        plants[p.kind]["clusters"] += 1
        plants[p.kind]["found"] += f is not None
        plants[p.kind]["kind_right"] += f is not None and f.kind == p.kind
        plants[p.kind]["strict"] += fs is not None
    return ClustersResult(
        split=split, clusters=len(clusters), articles=sum(len(c.articles) for c in clusters),
        statements=sum(r.statements for r in base), alarms=sum(alarms.values()),
        clusters_with_alarms=with_alarm, alarm_kinds=dict(sorted(alarms.items())),
        alarm_classes=dict(sorted(classes.items())), shared_counts=shared, shared_counts_agreed=agreed,
        shared_counts_contradicted=contradicted,
        plants={k: {"clusters": v.get("clusters", 0), "found": v.get("found", 0),
                    "kind_right": v.get("kind_right", 0), "strict": v.get("strict", 0)}
                for k, v in plants.items()},
        plant_outcomes=tuple(outcomes), strict_outcomes=tuple(strict), alarm_list=tuple(alarm_list),
        settings={"value_threshold": settings.value_threshold, "statement_threshold": settings.statement_threshold,
                  "phrase_threshold": settings.phrase_threshold, "model": memo.name, "seed": seed})
