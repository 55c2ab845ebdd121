"""Negation, denial, hedging and attribution cues of a statement."""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["negation_cues", "hedge_cues", "attribution"]

_NEG = {
    "de": r"nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nirgends|weder|nichts|"
          r"bestritten|bestreitet|bestreiten|bestritt|dementiert|dementierte|dementieren|"
          r"zurückgewiesen|wies\s+\w+\s+zurück|abgestritten|leugnet|leugnete|verneint",
    "en": r"not|no|never|none|neither|nor|nothing|n't|cannot|"
          r"denied|denies|deny|denying|rejected|refuted|disputed|dismissed",
}
_HEDGE = {
    "de": r"könnte|könnten|möglicherweise|vielleicht|wahrscheinlich|unwahrscheinlich|vermutlich|"
          r"angeblich|mutmaßlich|offenbar|falls|wenn|würde|würden|dürfte|dürften|soll|sollen|scheint|scheinen",
    "en": r"could|might|may|possibly|perhaps|probably|likely|unlikely|reportedly|allegedly|"
          r"apparently|if|would|seems|appears",
}
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


def negation_cues(text: str, language: str) -> tuple[str, ...]:
    """The negation and denial words of ``text`` that deny it."""
    masked = _NOT_NEGATING.sub(lambda m: " " * len(m.group()), text)
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


def hedge_cues(text: str, language: str) -> tuple[str, ...]:
    """Modal, conditional and hedging words ("könnte", "möglicherweise", "if")."""
    return tuple(m.group() for m in _HEDGE_RE.get(language, _HEDGE_RE["en"]).finditer(text))


def attribution(text: str) -> Optional[str]:
    """Who says so: "laut Polishchuk", "according to the Kremlin", "US-Beamte sagen"."""
    for pattern in _ATTR:
        m = pattern.search(text)
        if m:
            who = m.group("who").strip()
            if who.lower() not in ("es", "er", "sie", "it", "he", "she", "they", "das", "dies"):
                return who
    return None
