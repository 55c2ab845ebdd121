"""Shared distinctive phrases: the rule that decides statement alignment.

Articles about one event are all close in embedding space, so similarity
alone cannot tell "the same statement" from "the same topic". Two
statements that share a distinctive word trigram ("im Falle eines
Angriffs") report the same thing. A trigram is distinctive when it holds at
least two content words and none of its words is frequent in the batch
(entity names such as "Russland und Nordkorea" occur everywhere and say
nothing about which statement it is). Words are compared on a five-letter
prefix, which is a crude but language-neutral stemmer for German and
English inflection.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

__all__ = ["distinctive_trigrams", "same_words_but_names"]

_WORD = re.compile(r"[^\W\d_]+", re.U)
_STOP = set(
    "der die das des dem den ein eine einer eines einem einen und oder in im an am auf zu zum zur mit "
    "von vom für über unter bei nach aus sich ist sind war wird wurde werden hat haben sein seine "
    "dass als auch nicht noch nur wie so es er sie wir ihr ihre sowie "
    "the a an of to in on at for with by from and or is are was were has have had be been that this "
    "it he she they we its their as not also only beide lände diese diese jetzt immer weite ander both other these those there".split()
)


def _stems(text: str) -> list[str]:
    return [w.lower()[:5] for w in _WORD.findall(text)]


def distinctive_trigrams(texts: Sequence[str], max_df: float = 0.1, min_df_count: int = 3) -> list[set]:
    """Return, for each text, its set of distinctive word trigrams.

    Parameters
    ----------
    texts : sequence of str, length n
    max_df : float
        A stem found in more than this share of the texts (and in more
        than ``min_df_count`` texts) is too common to make a trigram
        distinctive.
    """
    stems = [_stems(t) for t in texts]
    df = Counter(s for ws in stems for s in set(ws))
    limit = max(min_df_count, max_df * len(texts))
    out = []
    for ws in stems:
        grams = set()
        for i in range(len(ws) - 2):
            g = ws[i:i + 3]
            content = [w for w in g if len(w) >= 4 and w not in _STOP]
            if len(content) >= 2 and all(df[w] <= limit for w in content):
                grams.add(tuple(g))
        out.append(grams)
    return out


def _content_words(text: str) -> set[str]:
    return {w for w in _stems(text) if w not in _STOP}


def same_words_but_names(a: str, b: str, min_jaccard: float = 0.75) -> bool:
    """Do ``a`` and ``b`` say the same words once names and numbers are set aside?

    ``a`` and ``b`` are texts in which known entities are already written as
    canonical names; those names and all digits are removed before the
    word sets are compared. "Der Vertrag wurde in Pjöngjang unterzeichnet"
    and "... in Moskau unterzeichnet" qualify; the entity judge then sees
    the different city.
    """
    from ..extract.entities import find_entities

    def strip(t: str) -> set[str]:
        for e in sorted(find_entities(t), key=lambda e: -e.start):
            t = t[:e.start] + " " + t[e.end:]
        return _content_words(t)

    wa, wb = strip(a), strip(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    return len(wa & wb) / len(wa | wb) >= min_jaccard
