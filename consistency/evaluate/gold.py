"""Gold files of a batch: which statements contradict, agree, or only look alike.

A gold file (``gold.json`` beside the articles of a batch) follows the
versioned contract ``consistency.gold/1``::

    {"version": "consistency.gold/1",
     "contradict": [{"kind": "numeric", "a": {"file": "a1.txt", "quote": "..."},
                     "b": {"file": "a2.txt", "quote": "..."}, "why": "optional"}],
     "agree": [{"a": {...}, "b": {...}}],
     "not_contradict": [{"a": {...}, "b": {...}, "why": "trap: ..."}]}

A statement is named by the file it is in (relative to the batch folder;
``name.jsonl:LINE`` for a JSONL record) and a quoted substring of its
sentence. :func:`locate` finds each quote in its article, once, and fails
with the gold file's name and the entry's path when it cannot.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import KINDS, Article, StatementRef

__all__ = ["GOLD_VERSION", "GOLD_FILE", "GoldError", "Quote", "GoldPair", "Gold", "load_gold",
           "locate", "Located", "matches"]

GOLD_VERSION = "consistency.gold/1"
GOLD_FILE = "gold.json"
RELATIONS = ("contradict", "agree", "not_contradict")


class GoldError(ValueError):
    """A gold file is malformed or names a statement that is not there; the message says where."""


@dataclass(frozen=True)
class Quote:
    """A statement named by its file and a quoted substring of its sentence."""

    file: str
    quote: str


@dataclass(frozen=True)
class GoldPair:
    """Two statements and what the gold says about them."""

    relation: str  # "contradict", "agree" or "not_contradict"
    a: Quote
    b: Quote
    kind: Optional[str] = None  # contradiction kind (contradict only)
    why: Optional[str] = None
    where: str = ""  # "gold.json: contradict[2]", for messages


@dataclass(frozen=True)
class Gold:
    path: str
    contradict: tuple[GoldPair, ...] = ()
    agree: tuple[GoldPair, ...] = ()
    not_contradict: tuple[GoldPair, ...] = ()


def _quote(obj, where: str) -> Quote:
    if not isinstance(obj, dict):
        raise GoldError(f"{where}: must be an object with 'file' and 'quote'")
    f, q = obj.get("file"), obj.get("quote")
    if not isinstance(f, str) or not f.strip():
        raise GoldError(f"{where}.file: must be a non-empty string")
    if not isinstance(q, str) or not q.strip():
        raise GoldError(f"{where}.quote: must be a non-empty string")
    return Quote(file=f.strip(), quote=q)


def load_gold(path: str) -> Gold:
    """Read and validate a gold file.

    Raises
    ------
    GoldError
        Naming the file and the entry (``gold.json: contradict[2].a.quote: ...``).
    OSError
        The file cannot be read.
    """
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: the gold must be a JSON object")
    if data.get("version") != GOLD_VERSION:
        raise GoldError(f"{path}: 'version' must be {GOLD_VERSION!r}, got {data.get('version')!r}")
    unknown = set(data) - {"version", "description", *RELATIONS}
    if unknown:
        raise GoldError(f"{path}: unknown key(s) {', '.join(sorted(unknown))} "
                        f"(allowed: version, description, {', '.join(RELATIONS)})")
    out: dict[str, list[GoldPair]] = {r: [] for r in RELATIONS}
    for rel in RELATIONS:
        items = data.get(rel, [])
        if not isinstance(items, list):
            raise GoldError(f"{path}: {rel!r} must be a list")
        for i, item in enumerate(items):
            where = f"{path}: {rel}[{i}]"
            if not isinstance(item, dict):
                raise GoldError(f"{where}: must be an object with 'a' and 'b'")
            kind = item.get("kind")
            if rel == "contradict":
                if kind not in KINDS:
                    raise GoldError(f"{where}.kind: must be one of {', '.join(KINDS)}, got {kind!r}")
            elif kind is not None and kind not in KINDS:
                raise GoldError(f"{where}.kind: must be one of {', '.join(KINDS)}, got {kind!r}")
            why = item.get("why")
            if why is not None and not isinstance(why, str):
                raise GoldError(f"{where}.why: must be a string")
            a, b = _quote(item.get("a"), f"{where}.a"), _quote(item.get("b"), f"{where}.b")
            if a.file == b.file:
                raise GoldError(f"{where}: 'a' and 'b' are in the same file {a.file!r}; "
                                "the checker compares statements across articles")
            out[rel].append(GoldPair(relation=rel, a=a, b=b, kind=kind, why=why, where=f"{os.path.basename(path)}: {rel}[{i}]"))
    return Gold(path=path, contradict=tuple(out["contradict"]), agree=tuple(out["agree"]),
                not_contradict=tuple(out["not_contradict"]))


@dataclass(frozen=True)
class Located:
    """Where a quote is: the article's path and the quote's spans in its text."""

    article: str
    spans: tuple[tuple[int, int], ...]


def _norm_path(p: str) -> str:
    return os.path.normpath(p).replace("\\", "/")


def _article_key(article: Article, batch_dir: str) -> str:
    path = article.path
    line = ""
    if article.record_line is not None and re.search(r":\d+$", path):
        path, line = path.rsplit(":", 1)
        line = ":" + line
    return _norm_path(os.path.relpath(path, batch_dir)) + line


def _find_spans(text: str, quote: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of ``quote`` in ``text``; white space may differ in kind and length."""
    words = quote.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    return tuple((m.start(), m.end()) for m in re.finditer(pattern, text))


def locate(gold: Gold, articles: Sequence[Article], batch_dir: str) -> dict[Quote, Located]:
    """Find every quote of ``gold`` in the batch's articles.

    Raises
    ------
    GoldError
        A file is not among the articles, or a quote is not in its file.
    """
    by_key: dict[str, Article] = {}
    for a in articles:
        by_key[_article_key(a, batch_dir)] = a
        by_key.setdefault(a.id, a)
    out: dict[Quote, Located] = {}
    for pair in (*gold.contradict, *gold.agree, *gold.not_contradict):
        for side, q in (("a", pair.a), ("b", pair.b)):
            if q in out:
                continue
            art = by_key.get(_norm_path(q.file)) or by_key.get(q.file)
            if art is None:
                raise GoldError(f"{pair.where}.{side}.file: {q.file!r} is not an article of the batch "
                                f"{batch_dir} (articles: {', '.join(sorted(k for k in by_key if '/' in k or '.' in k))})")
            if art.error:
                raise GoldError(f"{pair.where}.{side}.file: {q.file!r} could not be read: {art.error}")
            spans = _find_spans(art.text, q.quote)
            if not spans:
                raise GoldError(f"{pair.where}.{side}.quote: {q.quote!r} is not in {q.file}")
            out[q] = Located(article=art.path, spans=spans)
    return out


def matches(ref: StatementRef, where: Located) -> bool:
    """Does a finding's statement contain (overlap) the quoted text?"""
    if ref.article != where.article:
        return False
    return any(ref.start < e and s < ref.end for s, e in where.spans)
