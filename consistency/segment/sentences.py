"""Sentence boundaries of an article's cleaned view, as offsets into its text (see the package)."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from ..model import Article, Sentence
from ..read.clean import readable
from .spans import Segmenter

__all__ = ["segment", "split_text"]

_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d+[.)])\s+")
# A word character must appear for a span to count as a sentence.
_WORDY = re.compile(r"[^\W\d_]{2,}")
# A quotation mark followed by a blank closes the previous sentence's quote
# (pysbd puts the "”" of ``… haben.” Russland …`` at the start of the next).
#: A line ending in one of these is not hard-wrapped.
_CLOSERS = ".!?:;\"“”»«)"
_CLOSING_QUOTE = re.compile(r"""^[”“"»«’‘'](?=\s)""")
MAX_SENTENCE_CHARS = 1000
#: pysbd's time grows faster than the length of the text it is given (its abbreviation
#: replacer rescans the text): a paragraph longer than this is cut, at a sentence end if
#: one is near, into pieces of at most this many characters, so segmenting stays linear.
MAX_BLOCK_CHARS = 2000
_SENTENCE_END = re.compile(r"[.!?][\"“”»«)’']*\s+(?=[\"“„»«(]?[A-ZÄÖÜ0-9])")


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return Segmenter(language=language if language in ("de", "en") else "en", clean=False)


def _blocks(view: str):
    """Yield ``(start, end)`` of the paragraphs of ``view``.

    A line break ends a paragraph unless the line looks hard-wrapped (long,
    no closing punctuation, next line starting in lower case).
    """
    lines = []
    pos = 0
    for line in view.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    start = None
    for i, (a, b) in enumerate(lines):
        text = view[a:b]
        if not text.strip():
            if start is not None:
                yield start, lines[i - 1][1]
                start = None
            continue
        if start is None:
            start = a
        nxt = view[lines[i + 1][0]:lines[i + 1][1]].lstrip() if i + 1 < len(lines) else ""
        stripped = text.strip()
        wrapped = len(stripped) > 50 and stripped[-1] not in _CLOSERS and nxt[:1].islower()
        if not wrapped:
            yield start, b
            start = None
    if start is not None:
        yield start, lines[-1][1]


def _pieces(view: str, a: int, b: int):
    """``(start, end)`` pieces of the paragraph ``view[a:b]``, each at most :data:`MAX_BLOCK_CHARS` long.

    A cut falls after the last sentence end (". " before a capital or a
    digit) in the second half of the window, else at the last blank, else
    anywhere: linear in ``b - a``.
    """
    while b - a > MAX_BLOCK_CHARS:
        limit = a + MAX_BLOCK_CHARS
        floor = a + MAX_BLOCK_CHARS // 2
        cut = -1
        for m in _SENTENCE_END.finditer(view, floor, limit):
            cut = m.end()
        if cut <= a:
            blank = view.rfind(" ", floor, limit)
            cut = blank + 1 if blank > a else limit
        yield a, cut
        a = cut
    yield a, b


def split_text(view: str, language: str) -> list[tuple[int, int]]:
    """Return sentence spans ``(start, end)`` of ``view``, stripped of blanks."""
    spans: list[tuple[int, int]] = []
    seg = _segmenter(language)
    for a, b in (piece for block in _blocks(view) for piece in _pieces(view, *block)):
        block = view[a:b]
        m = _BULLET.match(block)
        offset = a + (m.end() if m else 0)
        # A paragraph is one line or hard-wrapped lines: pysbd would end a
        # sentence at each line break, so they become blanks (same length).
        block = view[offset:b].replace("\n", " ")
        cursor = 0
        block_spans: list[tuple[int, int]] = []
        for piece in seg.segment(block):
            piece_stripped = piece.strip()
            if not piece_stripped:
                continue
            found = block.find(piece_stripped, cursor)
            if found < 0:  # pysbd altered the text; fall back to the cursor
                found = cursor
            s, e = offset + found, offset + found + len(piece_stripped)
            cursor = found + len(piece_stripped)
            q = _CLOSING_QUOTE.match(piece_stripped)
            if q and block_spans:
                ps, _ = block_spans[-1]
                block_spans[-1] = (ps, s + q.end())
                rest = view[s + q.end():e]
                s = e - len(rest.lstrip())
                if s >= e:
                    continue
            block_spans.append((s, e))
        for s, e in block_spans:
            # pysbd may keep a long run of blanks (masked markup) inside.
            spans.extend(_split_long(view, s, e))
    return spans


def _split_long(view: str, s: int, e: int) -> list[tuple[int, int]]:
    if e - s <= MAX_SENTENCE_CHARS:
        return [(s, e)]
    out = []
    while e - s > MAX_SENTENCE_CHARS:
        cut = view.rfind(" ", s, s + MAX_SENTENCE_CHARS)
        cut = cut if cut > s else s + MAX_SENTENCE_CHARS
        out.append((s, cut))
        s = cut + 1
    out.append((s, e))
    return [(a, b) for a, b in out if view[a:b].strip()]


def segment(article: Article) -> list[Sentence]:
    """Split an article into sentences.

    Returns
    -------
    sentences : list of Sentence
        Empty for an article with ``error`` set. Spans with no word (lone
        punctuation, numbers only) are skipped.
    """
    if article.error:
        return []
    view = article.view or article.text
    out: list[Sentence] = []
    for s, e in split_text(view, article.language or "de"):
        # Trim masked blanks at both ends so the span hugs the prose.
        chunk = view[s:e]
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        clean = readable(article.text, view, s, e)
        if not _WORDY.search(clean):
            continue
        out.append(Sentence(
            article=article.path, index=len(out), start=s, end=e, text=article.text[s:e],
            line=article.line_of(s), language=article.language or "de", clean=clean,
        ))
    return out
