"""Frozen dataclasses that flow through the pipeline.

Every stage is a plain function from one of these to the next::

    read      paths            -> Article
    segment   Article          -> Sentence
    extract   Sentence         -> Claim (with Quantity values and cues)
    embed     Claim            -> (n_claims, dim) array
    align     Claims + array   -> Group
    judge     Group            -> Finding
    report    Findings         -> Report

Spans are ``(start, end)`` character offsets into the *original* text of the
article (as decoded from the file), in the spirit of spaCy: text is never
altered, and ``article.text[start:end] == span_text`` always holds.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import Optional

import numpy as np

__all__ = [
    "Batch",
    "Article",
    "Sentence",
    "Quantity",
    "Claim",
    "Mention",
    "Group",
    "Finding",
    "Report",
    "VERDICTS",
    "KINDS",
]

VERDICTS = ("contradict", "agree", "unverifiable")
#: Finding kinds. The first five follow de Marneffe et al. (2008).
KINDS = ("numeric", "date", "negation", "antonym", "entity", "statement")
#: ``unverifiable`` findings may also have the kind ``revision``: a later report updates a
#: figure ("stieg auf 5", "rose to five"), see :mod:`consistency.judge`.


@dataclass(frozen=True)
class Article:
    """One input article.

    ``text`` is the decoded original text; it is never rewritten. ``view`` is
    a string of the same length in which markup, HTML attributes and
    boilerplate lines are blanked out (see :func:`consistency.read.clean_view`),
    so an offset into ``view`` is an offset into ``text``. ``error`` is set
    when the article could not be read; such articles are listed in the
    report, never dropped.
    """

    path: str  # as given by the user (or "path:line" for JSONL records)
    id: str
    text: str
    view: str = ""
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[date] = None
    language: Optional[str] = None
    record_line: Optional[int] = None  # JSONL: the 1-based line of the record
    error: Optional[str] = None

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset`` in the original file."""
        if self.record_line is not None:
            return self.record_line
        return bisect.bisect_right(self._line_starts, offset)

    @cached_property
    def _line_starts(self) -> list[int]:
        """Offsets at which the lines of ``text`` start (computed once: ``line_of`` is a bisection)."""
        starts = [0]
        find, text = self.text.find, self.text
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``article.text[start:end] == text``.

    ``clean`` is the same span of the article's cleaned view with runs of
    white space folded: what is embedded and shown to a reader.
    """

    article: str  # Article.path
    index: int  # position within the article
    start: int
    end: int
    text: str
    line: int
    language: str
    clean: str = ""


@dataclass(frozen=True)
class Quantity:
    """A value stated in a sentence, as an interval ``[low, high]``.

    ``kind`` is one of ``count``, ``money``, ``percent``, ``year``, ``date``,
    ``duration``, ``ordinal``, ``relative_date``, ``clock``. Dates are stored as ordinal
    day numbers (``date.toordinal()``) for full dates, or in
    ``month * 100 + day`` form with ``partial=True`` when the year is unknown;
    times of day (``clock``) as minutes after midnight.
    ``low``/``high`` are ``None`` when the value cannot be compared (a
    relative date without publication date).
    """

    raw: str  # the text of the span, e.g. "mehr als 10.000"
    start: int  # offsets into Article.text
    end: int
    kind: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    unit: Optional[str] = None  # counted noun or unit as written ("Schiffscontainer")
    unit_key: Optional[str] = None  # normalised unit ("container", "USD", "year")
    hedge: Optional[str] = None  # "lower", "upper", "approx", "at_least", "at_most", "range"; clock: "after", "before"
    partial: bool = False
    subject: tuple[str, ...] = ()  # canonical entities of the number's clause ("Russia")
    role: Optional[str] = None  # counted people: "killed", "shot", "injured", "arrested"; points in time: the event ("court", "incident", ...)


@dataclass(frozen=True)
class Claim:
    """A statement: one sentence with the facts extracted from it."""

    sentence: Sentence
    values: tuple[Quantity, ...] = ()
    negated: bool = False
    negation_cues: tuple[str, ...] = ()
    hedged: bool = False
    hedge_cues: tuple[str, ...] = ()
    attribution: Optional[str] = None
    entities: tuple[str, ...] = ()  # canonical names of the entities the statement names

    @property
    def article(self) -> str:
        return self.sentence.article

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass(frozen=True, order=True)
class Mention:
    """One fact mention: a claim, and (for value facts) one of its values.

    ``value_index`` is ``None`` for statement-level facts (claims aligned
    on their whole meaning, compared for negation).
    """

    claim: int  # index into the claims list
    value_index: Optional[int] = None


@dataclass(frozen=True)
class Group:
    """Mentions that report the same fact, aligned across articles."""

    kind: str  # "value" or "statement"
    mentions: tuple[Mention, ...]
    fact: str  # human label, e.g. "Schiffscontainer (count)"
    key: str  # normalised key used in fingerprints, e.g. "count:container"
    similarity: float = 1.0  # smallest similarity on the alignment edges
    #: claim pairs joined by strong evidence (statement groups): only these
    #: can make a negation, antonym or entity contradiction
    strong: tuple[tuple[int, int], ...] = ()
    #: claim pairs that say the same once negation words and attribution are
    #: set aside (affirmed texts similar): only these can make a negation contradiction
    same: tuple[tuple[int, int], ...] = ()
    #: value groups: ``(a, b, p)`` for linked mentions ``mentions[a]``, ``mentions[b]`` with the
    #: calibrated probability ``p`` that they state the same fact
    links: tuple[tuple[int, int, float], ...] = ()
    #: value groups: one article states two different values in unlike clauses (two facts of
    #: its own, such as Friday's game and Saturday's firing): the group may mix facts
    mixed: bool = False
    #: statement groups: ``(i, j, filler_i, filler_j)`` for claim pairs that fill one slot of the same
    #: statement with different nouns ("mit einer Pistole" / "mit einem Messer bedroht"; align/frames.py)
    contrasts: tuple[tuple[int, int, str, str], ...] = ()


@dataclass(frozen=True, eq=False)
class Batch:
    """One prepared batch: what flows through align and judge.

    Built by :func:`consistency.pipeline.prepare` from the claims of the new
    articles (and, for a corpus check, the stored claims compared with them).

    Attributes
    ----------
    claims : tuple of Claim, length n
        The new claims first, then any corpus claims.
    X : ndarray of shape (n, dim)
        Embeddings of the claims (numbers masked, entities canonical), L2-normalised.
    Xa : ndarray of shape (n, dim)
        Embeddings of what each claim affirms (negation words and attribution set aside).
    mentions : tuple of Mention, length m
        Every value of every claim, in claim order.
    C : ndarray of shape (m, dim)
        Embeddings of each value's clause, numbers masked: what the value is a number of.
    U : ndarray of shape (m, dim)
        Embeddings of each value's counted noun or unit as written; zero rows where there is none.
    n_new : int
        Claims ``[0, n_new)`` belong to the new articles.
    ids : dict
        Article path -> stable article id, for every article of ``claims``.
    published : dict
        Article path -> publication date, where known.
    pending : ndarray of shape (n,), bool, optional
        Claims whose rows of ``Xa`` (and of ``C`` and ``U``, for their mentions) are not embedded
        yet: zeros until :func:`consistency.pipeline.complete` fills them. A corpus check defers
        the stored claims' rows until stories are known, and embeds only those of stories with a
        new article. ``None``: every row is embedded.
    """

    claims: tuple
    X: np.ndarray
    Xa: np.ndarray
    mentions: tuple
    C: np.ndarray
    U: np.ndarray
    n_new: int
    ids: dict
    published: dict = field(default_factory=dict)
    pending: Optional[np.ndarray] = None

    def __post_init__(self):
        n, m = len(self.claims), len(self.mentions)
        for name, arr, rows in (("X", self.X, n), ("Xa", self.Xa, n), ("C", self.C, m), ("U", self.U, m)):
            if arr.ndim != 2 or arr.shape[0] != rows:
                raise ValueError(f"Batch.{name} must have shape ({rows}, dim), got {arr.shape}")
        if self.pending is not None and (self.pending.dtype != bool or self.pending.shape != (n,)):
            raise ValueError(f"Batch.pending must be a bool array of shape ({n},), got "
                             f"{self.pending.dtype} {self.pending.shape}")
        if not 0 <= self.n_new <= n:
            raise ValueError(f"Batch.n_new must be in [0, {n}], got {self.n_new}")

    @cached_property
    def articles(self) -> np.ndarray:
        """Article index of each claim, shape (n,), numbered in order of first appearance."""
        order = {a: i for i, a in enumerate(dict.fromkeys(c.article for c in self.claims))}
        return np.array([order[c.article] for c in self.claims], dtype=np.int64)

    @cached_property
    def values(self) -> tuple:
        """The value of each mention, in mention order."""
        return tuple(self.claims[mt.claim].values[mt.value_index] for mt in self.mentions)

    def value(self, k: int) -> "Quantity":
        """The value of mention ``k``."""
        return self.values[k]


@dataclass(frozen=True)
class StatementRef:
    """A located statement inside a finding."""

    article: str
    line: int
    start: int
    end: int
    text: str
    values: tuple[Quantity, ...]
    position: int
    negated: bool = False
    hedged: bool = False
    attribution: Optional[str] = None


@dataclass(frozen=True)
class Finding:
    """The verdict on one group."""

    id: str  # fingerprint: no line numbers or offsets
    verdict: str
    kind: str
    fact: str
    message: str
    statements: tuple[StatementRef, ...]
    reason: Optional[str] = None
    confidence: float = 1.0
    #: optional NLI judge's view, beside the verdict (see consistency.judge.nli); not compared or hashed
    nli: Optional[dict] = field(default=None, compare=False)


@dataclass(frozen=True)
class ArticleStatus:
    path: str
    id: str
    sentences: int
    language: Optional[str]
    error: Optional[str]


@dataclass(frozen=True)
class Report:
    articles: tuple[ArticleStatus, ...]
    findings: tuple[Finding, ...]
    statements: int
    settings: dict = field(default_factory=dict, compare=False, hash=False)
    #: article path -> original text, for reports that show it (HTML); not in the JSON report
    texts: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def count(self, verdict: str) -> int:
        return sum(1 for f in self.findings if f.verdict == verdict)

    @property
    def summary(self) -> dict:
        return {
            "articles": len(self.articles),
            "statements": self.statements,
            "findings": len(self.findings),
            "agree": self.count("agree"),
            "contradict": self.count("contradict"),
            "unverifiable": self.count("unverifiable"),
        }
