"""Make untrusted text (file names, article text) safe to show: pure functions, one place.

File names and article text come from the open web. Printed raw they can
move the cursor, set the terminal's title, clear the screen (ANSI/OSC
escape sequences), start a GitHub workflow command on a line of their own
(a newline in a file name), reverse the reading order (bidi overrides), or
break an XML document (a form feed is not allowed in XML 1.0). Every
human-facing format (text, markdown, github) and every message on stderr
passes names and text through :func:`printable`; JUnit XML through
:func:`xml_text`. JSON and SARIF escape control characters themselves.

The escapes are visible and unambiguous (``\\n``, ``\\x1b``, ``\\u202e``);
the data itself (``Article.text``, the JSON report) is never altered.
"""

from __future__ import annotations

import re

__all__ = ["printable", "xml_text", "md_code", "safe_report", "keep_breaks", "CONTROL"]

#: C0 and C1 control characters, DEL, the bidi embedding/override/isolate marks,
#: the line and paragraph separators, and lone surrogates.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control character shown as an escape (``\\n``, ``\\x1b``); one line.

    >>> printable("e\\n::add-mask::x\\x1b]0;t\\x07.txt")
    'e\\\\n::add-mask::x\\\\x1b]0;t\\\\x07.txt'
    """
    return CONTROL.sub(_escape, str(text))


_XML_CONTROL = re.compile(CONTROL.pattern[:-1] + "\ufffe\uffff]")


def xml_text(text: object) -> str:
    """``text`` for an XML 1.0 document: control characters that XML cannot hold (ESC, form
    feed, NUL) or that a terminal would obey are shown as escapes; newlines and tabs stay."""
    return _XML_CONTROL.sub(lambda m: m.group() if m.group() in "\n\t" else _escape(m), str(text))


def md_code(text: object) -> str:
    """``text`` as a Markdown code span that its own backticks cannot end, safe in a table cell.

    The fence is one backtick longer than the longest run of backticks inside;
    ``|`` is escaped (GFM tables split cells on it even inside code spans).
    """
    s = printable(text).replace("|", "\\|")
    runs = [len(r) for r in re.findall(r"`+", s)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if runs else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def _prose(text, escape) -> str:
    return escape(" ".join(str(text).split())) if text is not None else text


def keep_breaks(text: object) -> str:
    """Like :func:`printable`, but line breaks stay (for a format that encodes them itself, like github)."""
    return CONTROL.sub(lambda m: m.group() if m.group() in "\n\r" else _escape(m), str(text))


def safe_report(report, escape=printable):
    """A copy of ``report`` whose names and texts are passed through ``escape`` (for a format to show).

    Paths and errors keep their characters, escaped; prose (facts, messages,
    statements) has its white space folded first, so a line break in an
    article reads as a space, not as ``\\n``.
    """
    from dataclasses import replace

    def esc(value):
        return escape(value) if value is not None else None

    def value(q):
        return replace(q, raw=_prose(q.raw, escape), unit=esc(q.unit))

    def statement(s):
        return replace(s, article=esc(s.article), text=_prose(s.text, escape), attribution=esc(s.attribution),
                       values=tuple(value(q) for q in s.values))

    def message(text):
        return esc(text) if escape is keep_breaks else _prose(text, escape)

    findings = tuple(replace(f, fact=_prose(f.fact, escape), message=message(f.message),
                             reason=esc(f.reason), statements=tuple(statement(s) for s in f.statements))
                     for f in report.findings)
    articles = tuple(replace(a, path=esc(a.path), id=esc(a.id), error=esc(a.error)) for a in report.articles)
    return replace(report, articles=articles, findings=findings)
