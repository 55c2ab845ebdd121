"""Tell German from English: lingua (lingua-language-detector), with a function-word count as fallback.

Measured on the eval data (``python benchmarks/language_detection.py``, results in
``benchmarks/results/language.json``): both are right on every whole article; on short texts
(sentences of XNLI, STS-B, RTE-3) lingua restricted to German and English is wrong on 84 of
28,998 texts, the function-word count on 566 (most of them English sentences of up to eight
words with no function word of its list). lingua decides; when it cannot (``None``: no letters,
a name alone) the function-word count does, and a tie gives ``default``. Only the first
2,000 characters are read: the language of an article is plain long before that.
"""

from __future__ import annotations

import functools
import re

__all__ = ["detect_language", "function_words", "LANGUAGES"]

LANGUAGES = ("de", "en")
_SAMPLE = 2000
_CLEAR = 4

_WORDS = {
    "de": set(
        "der die das und ist nicht mit von den dem des ein eine einen einer sich auf "
        "für im zu zum zur dass wird wurde wurden hat haben sind auch als bei nach über aus "
        "wie noch werden kann diese dieser es sie er wir ihr oder aber am vom beim sei seit "
        "laut wurde bereits heute gestern".split()
    ),
    "en": set(
        "the and is are was were not with of to in a an that this for on by from as "
        "at has have had be been will would can it they he she we or but which who".split()
    ),
}
_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def _counts(text: str) -> dict[str, int]:
    counts = dict.fromkeys(LANGUAGES, 0)
    sample = text[:20000]
    # German letters are strong evidence in short texts ("120 Häuser überflutet")
    counts["de"] += min(3, sum(sample.count(ch) for ch in "äöüßÄÖÜ"))
    for token in _TOKEN.findall(sample.lower()):
        for lang, words in _WORDS.items():
            if token in words:
                counts[lang] += 1
    return counts


def function_words(text: str, default: str = "de") -> str:
    """``"de"`` or ``"en"`` by counting German and English function words (``default`` on a tie)."""
    counts = _counts(text)
    if counts["de"] == counts["en"]:
        return default
    return max(counts, key=counts.get)


@functools.lru_cache(maxsize=1)
def _lingua():
    """lingua's detector for German and English (built once), or None if lingua is not installed."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - a dependency; the fallback keeps a broken install working
        return None
    detector = LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()
    return detector, {Language.GERMAN: "de", Language.ENGLISH: "en"}


def detect_language(text: str, default: str = "de") -> str:
    """Return ``"de"`` or ``"en"`` for ``text`` (``default`` when neither lingua nor the word count decides).

    A text whose function words leave no doubt (one language ahead by at least ``_CLEAR`` words:
    any article of a few sentences) is decided by the count, so a batch of articles never pays for
    loading lingua's models; a short or unclear text is decided by lingua.
    """
    counts = _counts(text)
    if abs(counts["de"] - counts["en"]) >= _CLEAR:
        return max(counts, key=counts.get)
    sample = text[:_SAMPLE]
    found = _lingua()
    if found is not None:
        detector, codes = found
        lang = codes.get(detector.detect_language_of(sample))
        if lang is not None:
            return lang
    return function_words(text, default)
