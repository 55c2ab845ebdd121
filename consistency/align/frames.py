"""Frames: the same statement with another object or place in one slot.

"Drei Angestellte wurden mit einer Pistole bedroht" and "Die Täter hatten die
Angestellten mit einem Messer bedroht" say the same thing but for the noun
between the preposition and the verb: the same *slot* (preposition and verb)
with another *filler*. When each filler is absent from the other article
altogether (that article never mentions a pistol, the first never a knife),
the two reports disagree on the object: an ``entity`` contradiction.

The slot prepositions are language data (``SLOT_PREPOSITIONS``); a language
without them (English: nouns are not marked) has no slots.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..lang import table
from .phrases import content_stems

__all__ = ["slots", "slot_contrast"]

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[^\w\s]", re.U)
#: words between the preposition and the noun: articles, ordinals, adjectives (lower case in German)
_BETWEEN = 3
#: letters of the verb that name it ("ausgebrochen" and "ausgegeben" share five)
_VERB_STEM = 7


@lru_cache(maxsize=1 << 14)
def slots(text: str, lang: str) -> tuple[tuple[str, str, str], ...]:
    """``(preposition, verb stem, filler noun)`` of each slot of ``text``: a slot preposition, up
    to :data:`_BETWEEN` lower-case words, a capitalised noun, and right after it a lower-case verb
    that is a content word ("mit einer Pistole bedroht" -> ``("mit", "bedroht", "Pistole")``)."""
    preps = set(table("SLOT_PREPOSITIONS", lang))
    if not preps:
        return ()
    toks = _TOKEN.findall(text)
    out = []
    for k, w in enumerate(toks):
        if w not in preps:  # case-sensitive: a sentence-initial "Mit" opens no slot before a verb
            continue
        for n in range(k + 1, min(len(toks), k + 2 + _BETWEEN)):
            t = toks[n]
            if not t[0].isalpha():
                break
            if t[0].isupper():
                verb = toks[n + 1] if n + 1 < len(toks) else ""
                if verb[:1].islower() and content_stems(verb):
                    out.append((w, verb.lower()[:_VERB_STEM], t))
                break
    return tuple(out)


def slot_contrast(text_a: str, text_b: str, lang: str, article_a: set, article_b: set) -> Optional[tuple[str, str]]:
    """The fillers ``(noun of a, noun of b)`` of one slot that ``text_a`` and ``text_b`` (of one
    language) fill differently, each noun absent from the other article (``article_a``,
    ``article_b``: the content stems of every statement of each article); None if there is none.
    """
    sb = {(p, v): f for p, v, f in slots(text_b, lang)}
    for p, v, fa in slots(text_a, lang):
        fb = sb.get((p, v))
        if fb is None:
            continue
        ka, kb = set(content_stems(fa)), set(content_stems(fb))
        if not ka or not kb or ka & kb:
            continue
        if ka & article_b or kb & article_a:
            continue
        return fa, fb
    return None
