"""Tell German from English: a function-word count where it leaves no doubt, lingua where it does.

Measured on the eval data (``python benchmarks/language_detection.py``, results in
``benchmarks/results/language.json``; 28,839 texts of known language: XNLI, STS-B and RTE-3
sentences and texts, the German and English news-batches articles): all three are right on every
news article; wrong overall on 566 texts with the function-word count alone (most of them English
sentences of up to eight words with no word of its list), 84 with lingua (lingua-language-detector,
restricted to German and English), 74 with this combination. The count decides a text in which
one language is ahead by at least ``_CLEAR`` function words (any article of a few sentences), so a
batch of articles never pays for loading lingua's models (about 2 s on a busy machine); a short
or unclear text goes to lingua (its first 2,000 characters); when lingua cannot decide either
(``None``: no letters, a name alone) the count does, and a tie gives ``default``.
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
