"""Stage 1 — read: paths in, :class:`~consistency.model.Article` out.

Files (``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl``), folders (searched
recursively for those suffixes) and glob patterns are accepted. Nothing is
dropped silently: a path or record that cannot be read becomes an Article
with ``error`` set, naming the file (and line), and the others are read on.
"""

from __future__ import annotations

import glob
import json
import os
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

from ..model import Article
from .clean import clean_view, readable
from .decode import DecodeError, decode_bytes
from .language import LANGUAGES, detect_language

__all__ = ["read_paths", "read_file", "article_from_text", "clean_view", "readable", "decode_bytes", "detect_language",
           "DecodeError", "SUFFIXES", "DEFAULT_MAX_BYTES"]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _size(n: int) -> str:
    """A byte count a person reads at a glance: "20 MiB", "10.5 MiB", "512 bytes"."""
    if n < 1024 * 1024:
        return f"{n:,} bytes"
    mib = n / (1024 * 1024)
    return f"{mib:.0f} MiB" if mib.is_integer() else f"{mib:.1f} MiB"


def _expand(paths: Iterable[str]) -> list[tuple[str, Optional[str]]]:
    """Expand folders and globs; return ``(path, error)`` pairs in input order."""
    out: list[tuple[str, Optional[str]]] = []
    seen: set[str] = set()

    def add(p: str, err: Optional[str] = None) -> None:
        key = os.path.normpath(p)
        if key not in seen:
            seen.add(key)
            out.append((p, err))

    for raw in paths:
        p = str(raw)
        if os.path.isdir(p):
            found = sorted(
                str(f) for f in Path(p).rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                add(p, f"no articles ({', '.join(SUFFIXES)}) in folder")
            for f in found:
                add(f)
        elif os.path.exists(p):
            add(p)
        elif glob.has_magic(p):
            matches = sorted(m for m in glob.glob(p, recursive=True) if os.path.isfile(m))
            if not matches:
                add(p, "no file matches this pattern")
            for m in matches:
                add(m)
        else:
            add(p, "no such file or folder")
    return out


def _article(path: str, text: str, *, ident: Optional[str] = None, record_line: Optional[int] = None,
             title=None, source=None, published=None, language=None, markdown: bool = False) -> Article:
    view = clean_view(text, markdown=markdown)
    if not view.strip():
        return Article(path=path, id=ident or _stem(path), text=text, view=view,
                       record_line=record_line, error="no article text (empty after cleaning)")
    return Article(
        path=path, id=ident or _stem(path), text=text, view=view, title=title,
        source=source, published=published, language=language or detect_language(view),
        record_line=record_line,
    )


def _stem(path: str) -> str:
    return Path(path).stem


def _parse_date(value, where: str) -> Optional[date]:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: 'published' must be an ISO date string")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"{where}: 'published' is not an ISO date: {value!r}") from None


def _read_jsonl(path: str, text: str) -> list[Article]:
    articles: list[Article] = []
    ids: set[str] = set()
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            articles.append(Article(path=where, id=f"{_stem(path)}:{lineno}", text="",
                                    record_line=lineno,
                                    error=f"{where}: broken JSON line ({exc.msg} at column {exc.colno})"))
            continue
        try:
            if not isinstance(rec, dict):
                raise ValueError(f"{where}: a record must be a JSON object")
            body = rec.get("text")
            if not isinstance(body, str) or not body.strip():
                raise ValueError(f"{where}: record has no 'text'")
            ident = rec.get("id")
            if ident in (None, ""):
                raise ValueError(f"{where}: record has no 'id'")
            ident = str(ident)
            if ident in ids:
                raise ValueError(f"{where}: duplicate id {ident!r}")
            lang = rec.get("language")
            if lang is not None and lang not in LANGUAGES:
                raise ValueError(f"{where}: unsupported language {lang!r} (use one of {', '.join(LANGUAGES)})")
            published = _parse_date(rec.get("published"), where)
        except ValueError as exc:
            articles.append(Article(path=where, id=f"{_stem(path)}:{lineno}", text="",
                                    record_line=lineno, error=str(exc)))
            continue
        ids.add(ident)
        # The record's text is a JSON string on one line of the file: every
        # statement is located on that line (offsets are into "text").
        articles.append(_article(where, body, ident=ident, title=rec.get("title"),
                                 source=rec.get("source"), published=published,
                                 language=lang, record_line=lineno))
    return articles


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read one file into one Article (or several, for JSONL)."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise DecodeError(
                f"file too large ({_size(size)}; the limit is {_size(max_bytes)}, "
                f"raise it with --max-bytes / Settings.max_bytes)"
            )
        if size == 0:
            raise DecodeError("empty file")
        with open(path, "rb") as fh:
            data = fh.read()
        text, _encoding = decode_bytes(data)
    except (OSError, DecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return [Article(path=path, id=_stem(path), text="", error=f"{path}: {reason}")]
    if path.lower().endswith(".jsonl"):
        arts = _read_jsonl(path, text)
        return arts or [Article(path=path, id=_stem(path), text="", error=f"{path}: no records")]
    art = _article(path, text, markdown=path.lower().endswith(MARKDOWN_SUFFIXES))
    if art.error:
        return [Article(path=path, id=art.id, text=text, view=art.view, error=f"{path}: {art.error}")]
    return [art]


def article_from_text(path: str, text: str, language: Optional[str] = None,
                      published: Optional[date] = None) -> Article:
    """An in-memory Article from ``text`` (as if read from ``path``); language detected if not given."""
    return _article(path, text, published=published, language=language)


def read_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read every article named by ``paths`` (files, folders, globs).

    Returns
    -------
    articles : list of Article
        In input order; unreadable inputs are present with ``error`` set.
    """
    articles: list[Article] = []
    for path, err in _expand(paths):
        if err:
            articles.append(Article(path=path, id=_stem(path), text="", error=f"{path}: {err}"))
        else:
            articles.extend(read_file(path, max_bytes=max_bytes))
    return articles
