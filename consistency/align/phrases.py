"""Shared distinctive phrases: the rule that decides statement alignment.

Articles about one event are all close in embedding space, so similarity
alone cannot tell "the same statement" from "the same topic". Two
statements that share a distinctive phrase ("im Falle eines Angriffs" ->
"Falle … Angriffs"; "Artilleriegranaten aus Nordkorea erhalten" ->
"Artilleriegranaten … erhalten") report the same thing. A phrase is a pair
of consecutive content words, function words and entity names skipped
(names say whom a statement is about, not which statement it is), both of
which are rare in the batch. Words are compared on a five-letter
prefix, which is a crude but language-neutral stemmer for German and
English inflection.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from ..extract.entities import on_names_change

__all__ = ["distinctive_phrases", "same_words_but_names", "content_stems"]

_WORD = re.compile(r"[^\W\d_]+", re.U)
_STOP = set(
    "der die das des dem den ein eine einer eines einem einen und oder in im an am auf zu zum zur mit "
    "von vom für über unter bei nach aus sich ist sind war wird wurde werden hat haben sein seine "
    "dass als auch nicht noch nur wie so es er sie wir ihr ihre sowie "
    "the a an of to in on at for with by from and or is are was were has have had be been that this "
    "it he she they we its their as not also only beide lände diese jetzt immer weite ander both other these those there "
    "xname".split()
)


def _stems(text: str) -> list[str]:
    return [w.lower()[:5] for w in _WORD.findall(text)]


def distinctive_phrases(texts: Sequence[str], max_df: float = 0.1, min_df_count: int = 8) -> list[set]:
    """Return, for each text, its set of distinctive phrases: pairs of
    consecutive content words (function words and names skipped), both rare
    in the batch.

    Parameters
    ----------
    texts : sequence of str, length n
    max_df : float
        A stem found in more than this share of the texts (and in more
        than ``min_df_count`` texts) is too common to make a trigram
        distinctive.
    """
    stems = [[w for w in _stems(_without_names(t)) if len(w) >= 4 and w not in _STOP] for t in texts]
    df = Counter(w for ws in stems for w in set(ws))
    limit = max(min_df_count, max_df * len(texts))
    out = []
    for ws in stems:
        out.append({(x, y) for x, y in zip(ws, ws[1:]) if x != y and df[x] <= limit and df[y] <= limit})
    return out


@lru_cache(maxsize=1 << 16)
def _without_names(text: str) -> str:
    """``text`` with known entity names blanked: a name says whom a statement
    is about, not which statement it is."""
    from ..extract.entities import find_entities

    for e in sorted(find_entities(text), key=lambda e: -e.start):
        text = text[:e.start] + " xname " + text[e.end:]
    return text


# Words that say nothing about what a statement is about: auxiliaries, reporting verbs, time words.
_NOT_SUBJECT = set(
    "wurd werde worde hatte haben habe seien sollt solle konnt könne müsse würde wolle sagte sagen sagt erklä "
    "teilt berich angab nach laut zufo zufolge damit dabei dafür heute gester derze berei bisla zuvor seit seine "
    "ihrem ihren einem einer eines keine kein nicht noch schon mehr sehr weite erneu "
    "montag diens mittw donne freit samst sonnt janua febru märz april juni juli augus septe oktob novem dezem "
    "would will could should shall have been being does said says told state repor accor added after befor "
    "about since still again also more most some such than then them they there which while where when "
    "monda tuesd wedne thurs frida satur sunda janua febru march april june july augus septe octob novem decem "
    "year years jahr jahre week woche today "
    .split())


def content_stems(text: str) -> list[str]:
    """The content words of ``text`` as five-letter stems, in order ("DNA", "EU": capitals count
    from two letters): what a statement is about, without function, reporting and time words."""
    return list(_content_stems(text))


@lru_cache(maxsize=1 << 16)
def _content_stems(text: str) -> tuple[str, ...]:
    out = []
    for w in _WORD.findall(text):
        if len(w) < 4 and not (w.isupper() and len(w) >= 2):
            continue
        stem = w.lower()[:5]
        if stem in _STOP or stem in _NOT_SUBJECT or w.lower() in _STOP:
            continue
        out.append(stem)
    return tuple(out)


@on_names_change
def _new_names() -> None:
    """The user's names changed (``--names``): what blanked the old ones is stale."""
    _without_names.cache_clear()
    _words_but_names.cache_clear()


@lru_cache(maxsize=1 << 16)
def _words_but_names(text: str) -> frozenset:
    """The word stems of ``text`` without its names and function words (:func:`same_words_but_names`)."""
    return frozenset(w for w in _stems(_without_names(text)) if w not in _STOP)


def same_words_but_names(a: str, b: str, min_jaccard: float = 0.75) -> bool:
    """Do ``a`` and ``b`` say the same words once names and numbers are set aside?

    ``a`` and ``b`` are texts in which known entities are already written as
    canonical names; those names and all digits are removed before the
    word sets are compared. "Der Vertrag wurde in Pjöngjang unterzeichnet"
    and "... in Moskau unterzeichnet" qualify; the entity judge then sees
    the different city.
    """
    wa, wb = _words_but_names(a), _words_but_names(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    return len(wa & wb) / len(wa | wb) >= min_jaccard
