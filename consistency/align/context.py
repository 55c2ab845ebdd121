"""What a value is a number of: the clause around it, and its counted noun.

Whole sentences of one story all look alike to an embedding model; the clause
around a value ("# Menschen verletzt worden", "der Grenzwert liegt bei #
Mikrogramm") says which quantity it is. These texts are embedded once per
value (:func:`consistency.pipeline.prepare`) and compared pair by pair in
:mod:`.features`.
"""

from __future__ import annotations

import re

from ..extract.claims import CLAUSE_END
from ..extract.entities import canonical_text
from ..lang import table
from ..model import Claim, Quantity

__all__ = ["clause_span", "value_context", "context_words", "context_names", "noun_text"]

_DIGITS = re.compile(r"\d+(?:[.,\u202f\u00a0]\d+)*")
_WORD = re.compile(r"[^\W\d_]{3,}", re.U)
_MIN_WORDS = 5


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``text[start:end]``, widened by one clause
    on each side while it has fewer than five words."""
    bounds = [0] + [m.start() for m in CLAUSE_END.finditer(text)] + [len(text)]
    lo = max((b for b in bounds if b <= start), default=0)
    hi = min((b for b in bounds if b >= end), default=len(text))
    for _ in range(2):
        if len(text[lo:hi].split()) >= _MIN_WORDS:
            break
        lo = max((b for b in bounds if b < lo), default=0)
        hi = min((b for b in bounds if b > hi), default=len(text))
    return lo, hi


def value_context(claim: Claim, q: Quantity) -> str:
    """The clause around ``q``, numbers masked and entities canonical: what is embedded for the value."""
    s = claim.sentence
    a, b = clause_span(s.text, q.start - s.start, q.end - s.start)
    return _masked(s.text[a:b])


def _masked(text: str) -> str:
    """``text`` as a context is embedded and compared: entities canonical, numbers masked."""
    return re.sub(r"\s+", " ", _DIGITS.sub("#", canonical_text(text))).strip(" ,;:–—-") or "#"


_COMMA = re.compile(r"(?:(?<!\d),|,(?!\d))\s*")  # not the comma of a number ("$5,000")


def qualifier_context(claim: Claim, q: Quantity) -> str:
    """:func:`value_context` without the comma-separated parts that hold another value of the
    claim: what qualifies ``q`` itself. In "Nineteen passengers were hurt, two of them seriously"
    the subset ("two of them seriously") is the two's, not the nineteen's."""
    s = claim.sentence
    lo, hi = q.start - s.start, q.end - s.start
    a, b = clause_span(s.text, lo, hi)
    others = [v for v in claim.values if v is not q]
    starts = [v.start - s.start for v in others]
    text = _others_blanked(s.text, [(v.start - s.start, v.end - s.start) for v in others
                                    if v.kind not in _WHEN and (v.end - s.start <= lo or v.start - s.start >= hi)])
    kept, pos = [], a
    for m in list(_COMMA.finditer(s.text[a:b])) + [None]:
        end = a + m.start() if m else b
        own = pos <= lo < end
        if own or not any(pos <= o < end for o in starts):
            kept.append(text[pos:end])
        pos = a + m.end() if m else b
    return _masked(", ".join(kept))


#: Kinds of value that say when, not how many: left as written in another value's qualifier
#: context ("16 were shot on Saturday alone" is a rate whatever the day is).
_WHEN = frozenset({"date", "relative_date", "clock", "year"})
#: What another number of the clause reads as in a value's qualifier context: never "#", and no
#: number word, so that a qualifier anchored at a number ("two others", "three of the", "$30,000
#: bond") is only ever the value's own. In "killing seven people and wounding at least two others"
#: the others are the two's; the seven are no additional ones.
_OTHER = "§"


def _others_blanked(text: str, spans) -> str:
    """``text`` with each span of ``spans`` (offsets into it) written as :data:`_OTHER`, padded to
    its length (offsets into ``text`` stay offsets into the result)."""
    if not spans:
        return text
    chars = list(text)
    for lo, hi in spans:
        lo, hi = max(lo, 0), min(hi, len(chars))
        if hi > lo:
            chars[lo:hi] = [_OTHER] + [" "] * (hi - lo - 1)
    return "".join(chars)


def context_words(text: str) -> frozenset:
    """Five-letter stems of the words of a context (a crude, language-neutral stemmer)."""
    return frozenset(w.lower()[:5] for w in _WORD.findall(text))


def _name_word(w: str) -> str:
    """A word of a name as compared: lower case, without a possessive or plural "s" ("Putin's", "States")."""
    return w.lower().rstrip("'’s")


_COMMON_NAME_WORDS = frozenset(_name_word(w) for w in table("NAME_COMMON_WORDS"))
_NAME = re.compile(r"\b[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)+")
_NOT_NAME = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "the", "a", "an", "in", "im", "am", "bei",
             "nach", "laut", "on", "at", "of", "for", "and", "und", "sie", "er", "es", "he", "she", "it", "they"}


def context_names(text: str) -> frozenset:
    """Words of the runs of two or more capitalised words in a context ("Daniel Kiprop",
    "Ruth Wambui"): who the value is about, when a name says it. A name made an attribute splits
    the run ("The Marshall Islands-registered ship": "Marshall" alone, no name)."""
    out = set()
    for m in _NAME.finditer(text):
        # a name made an attribute ("The Marshall Islands-registered ship", "a New York-based firm",
        # "Ethiopia-born Hiwot Gebre") says what kind of thing, not who: it splits the run
        for run in re.split(r"\S*[\w'’]-[a-zäöüß]\S*", m.group()):
            words = [_name_word(w) for w in run.split() if w.lower() not in _NOT_NAME]
            if len(words) >= 2:
                out.update(w for w in words if len(w) >= 3 and w not in _COMMON_NAME_WORDS)
    return frozenset(out)


_OF_WHAT = re.compile(r"^\s*(?:der|des|aller|von|vom|of|on|auf|für|for)\s+(?:the\s+|all\s+|den\s+|die\s+|dem\s+)?"
                      r"(?:[a-zäöü][\w-]*(?:e|en|er|es|em)\s+)?([^\W\d_][\w-]{2,})", re.U)


def noun_text(claim: Claim, q: Quantity) -> str | None:
    """What a value counts, as written: its counted noun or unit; for a percentage, what it is a
    share of ("96 Prozent der Waren" -> "Waren", "41 percent of finishers" -> "finishers")."""
    if q.kind == "percent":
        s = claim.sentence
        m = _OF_WHAT.match(s.text[q.end - s.start:])
        return m.group(1) if m else None
    return q.unit
