"""Reading paths, folders, globs and JSONL records into articles (see the package)."""

from __future__ import annotations

import errno
import glob
import json
import os
import re
import stat
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

from ..model import Article
from .clean import clean_view, readable
from .decode import DecodeError, decode_bytes
from .language import LANGUAGES, detect_language

__all__ = ["read_paths", "read_file", "article_from_text", "clean_view", "readable", "decode_bytes", "detect_language",
           "DecodeError", "SUFFIXES", "DEFAULT_MAX_BYTES", "path_problem"]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: ``"\ud800"`` in a JSON string decodes to a lone surrogate, which no UTF-8 output can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _size(n: int) -> str:
    """A byte count a person reads at a glance: "20 MiB", "10.5 MiB", "512 bytes"."""
    if n < 1024 * 1024:
        return f"{n:,} bytes"
    mib = n / (1024 * 1024)
    return f"{mib:.0f} MiB" if mib.is_integer() else f"{mib:.1f} MiB"


def _kind(mode: int) -> Optional[str]:
    """What a non-regular file is, for a person ("a FIFO"); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def path_problem(path: str) -> Optional[str]:
    """Why ``path`` cannot be read as an article file, or None when it is a regular file.

    Distinguishes a missing file, a dangling symlink, a symlink loop, a name
    that is too long, and special files (FIFO, device, socket), which are
    never opened (opening a FIFO would block).
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            try:
                os.lstat(path)
            except OSError:
                return "no such file or folder"
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"dangling symlink (its target {target!r} does not exist)"
        return _os_reason(exc)
    kind = _kind(st.st_mode)
    return None if kind is None else f"{kind}, not a regular file"


def _walk(folder: str) -> list[tuple[str, Optional[str]]]:
    """Article files under ``folder`` (sorted), with the entries that cannot be read and why.

    Hidden files and folders are skipped; an unreadable subfolder, a symlink
    loop, a dangling link or a FIFO with an article suffix is listed with its error.
    """
    out: list[tuple[str, Optional[str]]] = []

    def onerror(exc: OSError) -> None:
        out.append((exc.filename or folder, f"cannot read folder: {_os_reason(exc)}"))

    try:
        top = os.stat(folder)
        seen = {(top.st_dev, top.st_ino)}
    except OSError:
        seen = set()
    # symlinked folders are followed (as Path.rglob did), each real folder read once: no loop
    for here, dirs, files in os.walk(folder, onerror=onerror, followlinks=True):
        keep = []
        for d in sorted(dirs, key=lambda d: (os.path.islink(os.path.join(here, d)), d)):  # real folders first
            if d.startswith("."):
                continue
            try:
                st = os.stat(os.path.join(here, d))
            except OSError as exc:
                out.append((str(Path(here) / d), f"cannot read folder: {_os_reason(exc)}"))
                continue
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                keep.append(d)
        dirs[:] = sorted(keep)
        for name in files:
            if name.startswith("."):
                continue
            f = str(Path(here) / name)
            if os.path.splitext(name)[1].lower() in SUFFIXES:
                out.append((f, path_problem(f)))
            elif os.path.islink(f) and not os.path.exists(f):
                problem = path_problem(f)
                if problem and problem.startswith("symlink loop"):
                    out.append((f, problem))  # a loop is broken whatever its name
    return sorted(out, key=lambda pe: pe[0])


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
            found = _walk(p)
            if not found:
                add(p, f"no articles ({', '.join(SUFFIXES)}) in folder")
            for f, err in found:
                add(f, err)
        elif os.path.lexists(p) or not glob.has_magic(p):
            add(p, path_problem(p))
        else:
            matches = sorted(m for m in glob.glob(p, recursive=True) if not os.path.isdir(m))
            if not matches:
                add(p, "no file matches this pattern")
            for m in matches:
                add(m, path_problem(m))
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


def _json_type(value) -> str:
    """The JSON name of a value's type, for a message ("a number", "a list")."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else "null"


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
            if body is not None and not isinstance(body, str):
                raise ValueError(f"{where}: 'text' must be a string, got {_json_type(body)}")
            if body is None or not body.strip():
                raise ValueError(f"{where}: record has no 'text'")
            ident = rec.get("id")
            if ident in (None, ""):
                raise ValueError(f"{where}: record has no 'id'")
            if isinstance(ident, bool) or not isinstance(ident, (str, int)):
                raise ValueError(f"{where}: 'id' must be a string or an integer, got {_json_type(ident)}")
            ident = str(ident)
            for field in ("title", "source"):
                if rec.get(field) is not None and not isinstance(rec[field], str):
                    raise ValueError(f"{where}: '{field}' must be a string, got {_json_type(rec[field])}")
            for field in ("text", "id", "title", "source"):
                if isinstance(rec.get(field), str) and _SURROGATE.search(rec[field]):
                    raise ValueError(f"{where}: '{field}' holds an invalid escape (a lone UTF-16 surrogate)")
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
    problem = path_problem(path)
    if problem:
        return [Article(path=path, id=_stem(path), text="", error=f"{path}: {problem}")]
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
            data = fh.read(max_bytes + 1)  # a file that grows while read is cut at the limit
        if len(data) > max_bytes:
            raise DecodeError(f"file too large (more than {_size(max_bytes)}; raise the limit with --max-bytes)")
        text, _encoding = decode_bytes(data)
    except (OSError, DecodeError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else str(exc)
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
