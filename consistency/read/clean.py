"""Find the prose inside an article without altering its text.

Markup (tags, broken tags such as ``<p _ngcontent-sc101 class=`` or
``< stark>``, stray attributes such as ``srcset="..."``, scripts, styles,
comments, entities) and boilerplate lines ("Leave a Reply", "Kommentare (0)")
are *masked*: :func:`clean_view` returns a string of the same length as the
input in which masked characters are blanks. Offsets into the view are
offsets into the original, so every span can be checked with
``text[start:end]``.

HTML parsers (selectolax, lxml, html.parser) return text without offsets
and cannot make sense of markup remnants inside plain text, which is what
machine-translated news scrapes contain; hence the masking approach.
"""

from __future__ import annotations

import html
import re

__all__ = ["clean_view", "readable", "BOILERPLATE_LINES"]

_BLOCKS = re.compile(
    r"<(script|style|noscript|svg|head)\b.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>",
    re.S | re.I,
)
_ATTR = r"""[\w:.@-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?"""
# A complete tag, possibly with a space after "<" ("< stark>", "< /p>").
_TAG = re.compile(r"<[ \t]*(?:/[ \t]*)?[A-Za-z][\w:-]*(?:\s+" + _ATTR + r")*\s*(?:/\s*)?>")
# A tag that never closes: mask its name and the attributes that look like
# attributes (``<p _ngcontent-sc101 class=``), keep the prose after it.
_OPEN_TAG = re.compile(r"<[ \t]*(?:/[ \t]*)?[A-Za-z][\w:-]*(?:\s+[\w:.@-]+(?:=(?:\"[^\"]*\"|'[^']*'))?(?=[\s>]))*(?:\s+[\w:.@-]+=)?")
_STRAY = re.compile(
    r"""(?<!\s)\s*/>|(?<!\S)/?[a-z]{1,10}>(?=\s|$)|\b[\w:-]+="[^"\n]*"|\b_ngcontent-[\w-]+|"""
    r"""(?<![\w])(?:href|src|srcset|class|style|alt|title)=[^\s>]+"""
)
#: white space that may group the digits of a number ("3&nbsp;500"): kept as itself in the view
_NUMBER_SPACES = ("\u00a0", "\u202f", "\u2009")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
# Control characters (NUL, ESC, form feed, C1 controls) are not prose: blanked in the view.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A bare web address is not prose (its digits are not facts).
_URL = re.compile(r"""\b(?:https?://|www\.)[^\s<>"]+""", re.I)
# Markdown syntax (only for .md files): YAML front matter, heading marks,
# images, the brackets and targets of links, emphasis, code ticks, quote
# marks, rules and reference definitions. The link text is kept.
_MARKDOWN = re.compile(
    r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*$"
    r"|^[ \t]{0,3}#{1,6}(?=[ \t]|$)"
    r"|!\[[^\]\n]*\]\([^)\n]*\)"
    r"|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S[^\n]*"
    r"|\[(?=[^\]\n]*\]\()|\]\([^)\n]*\)"
    r"|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+"
    r"|^[ \t]{0,3}(?:>[ \t]?)+"
    r"|^[ \t]{0,3}(?:-[ \t]*){3,}$|^[ \t]{0,3}(?:_[ \t]*){3,}$",
    re.M | re.S,
)

BOILERPLATE_LINES = [
    r"leave a reply",
    r"(?:\d+\s+)?(?:kommentare?|comments?|antworten|replies)(?:\s*\(\d+\))?:?",
    # page furniture: a copyright footer, an image counter ("Bild 3 von 8", "Image 2 of 9")
    r"(?:©|\(c\)|copyright\b).{0,120}",
    r"(?:bild|foto|image|photo|picture|slide)\s+\d+\s*(?:von|of|/)\s*\d+\s*[:.]?",
    r"kommentar veröffentlichen",
    r"diesen artikel teilen",
    r"artikel teilen",
    r"(?:previous|next) (?:article|post)",
    r"(?:lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|das könnte sie (?:auch )?interessieren|"
    r"read more|read also|also read|see also|related|more on this story)\s*:.*",
    r"lesen sie auch:?",
    r"verwandte themen:?",
    r"weitere neuigkeiten",
    r"aktuelles",
    r"zum inhalt(?: springen)?",
    r"skip to (?:main )?content",
    r"your email address will not be published\.?.*",
    r"lesezeit:? \d+ minuten?",
    r"reading time:? \d+ min(?:utes?)?",
    r"[-–]\s*in",
    r"(?:share|teilen|drucken|print)(?: this)?(?: article)?",
    r".{0,40}: neueste nachrichten",
    r"related (?:articles|stories|topics):?",
    r"(?:advertisement|anzeige|werbung)",
    r"(?:all rights reserved|alle rechte vorbehalten).*",
]
# Matched against one stripped line at a time (a regex with "^\s*...\s*$"
# would run across the newlines of a masked block and backtrack).
_BOILER = re.compile(r"(?:" + "|".join(BOILERPLATE_LINES) + r")", re.I)


def _blanks(segment: str) -> str:
    """``segment`` with every character but newlines turned into a space."""
    return "\n".join(" " * len(part) for part in segment.split("\n"))


def _replace(view: str, edits) -> str:
    """Apply ``(start, end, replacement)`` edits (sorted, disjoint, same lengths)."""
    out, last = [], 0
    for start, end, new in edits:
        out.append(view[last:start])
        out.append(new)
        last = end
    out.append(view[last:])
    return "".join(out)


#: Needles that every match of a pattern contains. Such patterns are matched
#: line by line, on the lines holding a needle only: they try several
#: alternatives at every position, which is slow on the megabytes of blanks
#: that a masked inline image or script leaves behind.
_STRAY_NEEDLES = ("=", ">", "_ngcontent-")
_URL_NEEDLES = ("://", "www.", "WWW.")


def _spans(pattern: re.Pattern, view: str, needles=None) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of the non-empty matches of ``pattern`` in ``view``."""
    if needles is None:
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(view) if m.end() > m.start()]
    out, pos = [], 0
    for line in view.split("\n"):
        if any(n in line for n in needles):
            out.extend((m.start() + pos, m.end() + pos, m.group()) for m in pattern.finditer(line)
                       if m.end() > m.start())
        pos += len(line) + 1
    return out


def _boilerplate_lines(view: str):
    """``(start, end)`` of each line that is boilerplate as a whole."""
    pos = 0
    for line in view.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= 200 and _BOILER.fullmatch(stripped):
            yield pos, pos + len(line)
        pos += len(line) + 1


def clean_view(text: str, *, markdown: bool = False) -> str:
    """Return ``text`` with markup and boilerplate blanked out.

    Parameters
    ----------
    text : str
        The original article text.
    markdown : bool
        Also mask Markdown syntax (for ``.md`` files).

    Returns
    -------
    view : str
        Same length as ``text``; newlines are kept, masked characters
        (markup, boilerplate, control characters such as NUL or ESC) are
        spaces, and HTML entities are replaced by their character followed
        by padding spaces (a no-break, narrow no-break or thin space entity
        by that character, so that "3&nbsp;500" reads as one number; any
        other white-space entity by a space).
    """
    view = _CONTROL.sub(" ", text)
    patterns = [(_BLOCKS, None), (_TAG, None), (_OPEN_TAG, None), (_STRAY, _STRAY_NEEDLES)]
    patterns += [(_MARKDOWN, None)] if markdown else []
    patterns += [(_URL, _URL_NEEDLES)]
    for pattern, needles in patterns:
        view = _replace(view, [(a, b, _blanks(t)) for a, b, t in _spans(pattern, view, needles)])
    edits = []
    for m in _ENTITY.finditer(view):
        char = html.unescape(m.group())
        if len(char) == 1 and char != m.group():
            keep = char in _NUMBER_SPACES or not char.isspace()
            edits.append((m.start(), m.end(), (char if keep else " ") + " " * (m.end() - m.start() - 1)))
    view = _replace(view, edits)
    return _replace(view, [(a, b, " " * (b - a)) for a, b in _boilerplate_lines(view)])


def readable(text: str, view: str, start: int = 0, end: int | None = None) -> str:
    """The prose of ``view[start:end]`` as a reader sees it.

    The padding that :func:`clean_view` leaves after a decoded entity is
    dropped (``"M&uuml;ller"`` reads ``"Müller"``, not ``"Mü     ller"``) and
    runs of white space are folded into one space.

    Parameters
    ----------
    text, view : str
        The original text and its view (same length).
    start, end : int
        The span to render.
    """
    end = len(text) if end is None else end
    pad = set()
    for m in _ENTITY.finditer(text, start, end):
        if view[m.start()] != text[m.start()]:  # this entity was decoded
            pad.update(range(m.start() + 1, m.end()))
    chars = (view[i] for i in range(start, end) if i not in pad) if pad else view[start:end]
    return " ".join("".join(chars).split())
