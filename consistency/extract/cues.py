"""Negation, denial, hedging and attribution cues of a statement."""

from __future__ import annotations

import re
from typing import Optional

from ..lang import LANGUAGES, table

__all__ = ["negation_cues", "hedge_cues", "attribution"]

# The words of each language are its tables in ``lang/`` (``NEGATION``, ``HEDGES``, ``REPORTING_VERBS``,
# ``CONDITIONALS``), joined in their order.
_NEG = {lang: "|".join(table("NEGATION", lang)) for lang in LANGUAGES}
_HEDGE = {lang: "|".join(table("HEDGES", lang)) for lang in LANGUAGES}
_NEG_RE = {k: re.compile(r"(?<![\w])(?:" + v + r")(?![\w])", re.I) for k, v in _NEG.items()}
_HEDGE_RE = {k: re.compile(r"(?<![\w])(?:" + v + r")(?![\w])", re.I) for k, v in _HEDGE.items()}
# Negations that do not deny the statement ("nicht nur", "not only").
_NOT_NEGATING = re.compile(r"\b(?:nicht\s+nur|not\s+only|nicht\s+zu\s+unterschätzen|no\s+doubt|kein\s+Zufall|kein\s+Zweifel)\b", re.I)

_ATTR = [
    re.compile(r"\b(?i:laut|gemäß|zufolge)\s+(?P<who>(?:de[rmns]\s+|die\s+)?[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3})"),
    re.compile(r"\b(?i:nach)\s+(?:Angaben|Schätzungen|Informationen)\s+(?P<who>(?:de[rs]\s+|von\s+)?"
               r"(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)"),
    re.compile(r"\b(?i:according)\s+to\s+(?P<who>(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"),
    re.compile(r"(?P<who>(?:US-|U\.S\.\s)?[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){0,2})\s+(?:sagte|sagten|sagen|sagt|erklärte|erklärten|betonte|teilte|meldete|berichtete|berichteten|said|say|says|stated|reported|told)\b"),
    re.compile(r"\b(?:sagte|sagten|erklärte|erklärten|teilte|meldete|said|stated)\s+(?P<who>(?:der|die|das|the)\s+"
               r"[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2})"),
]


# Clauses whose negation does not deny the statement: parentheses, a pair of dashes, a non-restrictive
# relative clause (", who has not been identified,"), a German relative clause after a noun
# ("Der Mann, der nicht vorbestraft war, wurde festgenommen"). A German relative pronoun is told from
# an article by the word after it (lower case: "der nicht", "die keine"; an article takes a noun)
# and from a demonstrative ("Er sagte, das sei nicht wahr") by the noun before the comma.
_SIDE_CLAUSES = [
    re.compile(r"\([^()]*\)"),
    re.compile(r"\s[–—]\s[^–—]{1,150}?\s[–—](?=\s)"),
    re.compile(r",\s*(?:(?:some|many|most|all|none|one|each|both)\s+of\s+)?(?:who|whom|whose|which)\b[^,;:]*",
               re.I),
    re.compile(r"(?<=\s)[A-ZÄÖÜ][\w-]*(?P<c>,\s*(?:(?:mit|von|bei|zu|aus|nach|für|gegen|an|auf|in|über|unter|um|durch|"
               r"wegen|trotz)\s+)?(?:der|die|das|dem|den|denen|deren|dessen|welche[rsmn]?)\s+(?=[a-zäöüß])[^,;:]*)"),
]


def _mask(text: str, pattern: re.Pattern) -> str:
    """``text`` with the matches of ``pattern`` (or their group "c") blanked."""
    def blank(m: re.Match) -> str:
        if "c" not in pattern.groupindex:
            return " " * len(m.group())
        a, b = m.span("c")
        return m.group()[:a - m.start()] + " " * (b - a) + m.group()[b - m.start():]
    return pattern.sub(blank, text)


def negation_cues(text: str, language: str) -> tuple[str, ...]:
    """The negation and denial words of ``text`` that deny it.

    Negations inside a relative or parenthetical clause do not deny the statement ("The child,
    who has not been identified, was rushed to hospital").
    """
    masked = _NOT_NEGATING.sub(lambda m: " " * len(m.group()), text)
    for pattern in _SIDE_CLAUSES:
        masked = _mask(masked, pattern)
    cues = []
    for lang in (language, "en" if language == "de" else "de"):
        for m in _NEG_RE[lang].finditer(masked):
            w = m.group()
            if lang != language and w.lower() in ("no", "nie", "die"):
                continue
            cues.append(w)
        if cues:
            break
    return tuple(cues)


# "would"/"würde" in reported speech ("police said he would be charged", "Er sagte, er würde
# zurücktreten") reports what someone said; only in a conditional ("wenn ... würde", "if ... would")
# does it hedge. ("soll/sollen" are not hedges at all: "Der Täter soll geflohen sein" is a report,
# "Der Vertrag soll im Juni unterzeichnet werden" a plan.)
_WOULD = re.compile(r"^(?:would|würden?)$", re.I)
_REPORTING = re.compile(r"(?<![\w])(?:" + "|".join(table("REPORTING_VERBS")) + r")(?![\w])", re.I)
_CONDITIONAL = re.compile(r"(?<![\w])(?:" + "|".join(table("CONDITIONALS")) + r")(?![\w])", re.I)


_MODIFIER_HEDGE = re.compile(r"\s+(?:[a-zäöüß]+-[a-zäöüß-]+|[a-zäöüß]+(?:e|en|er|es|em)\s+[A-ZÄÖÜ][a-zäöüß]+)\b")


#: "May 11", "in May", "on Sunday, May 11", "May 2024": the month, not the modal
_MONTH_AFTER = re.compile(r"\s*\d")


def _month_may(text: str, m: re.Match) -> bool:
    """Is the hedge word ``m`` the month "May" (capitalised inside a sentence, or before a number)?"""
    return m.group() == "May" and (m.start() > 0 or bool(_MONTH_AFTER.match(text, m.end())))


def hedge_cues(text: str, language: str) -> tuple[str, ...]:
    """Modal, conditional and hedging words ("könnte", "möglicherweise", "if").

    "would"/"würde" counts only outside reported speech or inside a conditional.
    """
    # an adverb that hedges one modifier ("a possibly drug-related incident", "ein vermutlich
    # technischer Defekt") does not hedge the statement
    found = [m.group() for m in _HEDGE_RE.get(language, _HEDGE_RE["en"]).finditer(text)
             if not _MODIFIER_HEDGE.match(text, m.end()) and not _month_may(text, m)]
    if any(_WOULD.match(w) for w in found) and _REPORTING.search(text) and not _CONDITIONAL.search(text):
        found = [w for w in found if not _WOULD.match(w)]
    return tuple(found)


def attribution(text: str) -> Optional[str]:
    """Who says so: "laut Polishchuk", "according to the Kremlin", "US-Beamte sagen"."""
    for pattern in _ATTR:
        m = pattern.search(text)
        if m:
            who = m.group("who").strip()
            if who.lower() not in ("es", "er", "sie", "it", "he", "she", "they", "das", "dies"):
                return who
    return None
