"""The counted noun or unit a number belongs to, and its normal form.

German nouns are capitalised, so the counted noun is the first capitalised
word after the number, past adjectives ("100.000 russische Soldaten") and
past a participle phrase ("10.000 mit Artilleriegeschossen gefüllte
Schiffscontainer"). English takes the first plural noun within three words
("10,000 shipping containers"). When nothing follows, "Zahl der X" / "number
of X" before the number names it. :func:`unit_key` maps the noun to a
language-neutral key (German compounds keep their head: "Schiffscontainer"
-> "container"), so that statements in German and English compare.
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["counted_noun", "unit_key", "units_compatible", "LEXICON"]

_TOKEN = re.compile(r"[^\W\d_][\w-]*|\d[\d.,]*|[^\s\w]", re.U)
_PREPS_DE = {"mit", "von", "aus", "in", "an", "auf", "für", "gegen", "über", "unter", "zu", "bei", "nach"}
_STOP_EN = {"of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "the", "a", "an",
            "were", "was", "are", "is", "have", "had", "has", "that", "which", "who", "more", "than"}
_IRREGULAR_EN = {"people", "children", "men", "women", "police", "personnel", "staff", "troops",
                 "cattle", "feet", "teeth", "mice", "geese", "aircraft", "military"}
_ADJ_END = re.compile(r"(?:e|en|er|es|em)$")
_PARTICIPLE = re.compile(r"(?:^|\w)ge\w*(?:t|en)(?:e|en|er|es|em)$|ierte[nrs]?$")
_NOT_NOUN_DE = {"Prozent", "Mal", "Uhr", "Millionen", "Milliarden", "Million", "Milliarde", "Tausend", "Mio",
                "Mrd", "Euro", "Dollar", "US-Dollar"}
_NUMBER_OF = re.compile(
    r"(?:(?:An)?[Zz]ahl|Anzahl)\s+(?:der|an|von|des)\s+(?:[a-zäöüß][\w-]*\s+){0,3}(?P<n>[A-ZÄÖÜ][\w-]*)"
    r"|(?:number|toll)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?P<e>[A-Za-z][\w-]*s|people|dead|injured)\b", re.U)
_DEATH_TOLL = re.compile(r"\b(?:death\s+toll|Opferzahl|Totenzahl)\b", re.I)

#: German and English nouns that name the same thing, mapped to one key.
LEXICON = {
    "soldat": "soldier", "soldier": "soldier", "truppe": "soldier", "troop": "soldier",
    "kämpfer": "soldier", "fighter": "soldier",
    "container": "container", "schiffscontainer": "container", "shipping container": "container",
    "todesopfer": "death", "tote": "death", "toter": "death", "death": "death", "dead": "death",
    "opfer": "casualty", "casualty": "casualty", "verlust": "casualty", "loss": "casualty",
    "killed": "death", "getötete": "death",
    "verletzte": "injured", "verletzter": "injured", "injured": "injured", "verwundete": "injured",
    "wounded": "injured",
    "mensch": "people", "person": "people", "people": "people", "einwohner": "people",
    "jahr": "year", "year": "year", "monat": "month", "month": "month", "woche": "week",
    "week": "week", "tag": "day", "day": "day", "stunde": "hour", "hour": "hour",
    "arbeiter": "worker", "worker": "worker", "arbeitskraft": "worker",
    "rakete": "missile", "missile": "missile", "geschoss": "shell", "granate": "shell",
    "artilleriegranate": "shell", "artilleriegeschoss": "shell", "shell": "shell",
    "drohne": "drone", "drone": "drone", "panzer": "tank", "tank": "tank",
    "flüchtling": "refugee", "refugee": "refugee", "kind": "child", "child": "child",
    "haus": "house", "house": "house", "gebäude": "building", "building": "building",
    "schiff": "ship", "ship": "ship", "flugzeug": "aircraft", "aircraft": "aircraft",
    "atomtest": "test", "kernwaffentest": "test", "test": "test", "raketentest": "missile test",
    "tonne": "ton", "ton": "ton", "tonnes": "ton", "kilometer": "km", "km": "km",
    "meile": "mile", "mile": "mile", "meter": "m", "metre": "m",
}


def _tokens(text: str):
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def counted_noun(sentence: str, start: int, end: int, language: str,
                 ordinal: bool = False) -> Optional[tuple[str, int, int]]:
    """Return ``(noun, start, end)`` for the number at ``sentence[start:end]``.

    For an ordinal ("the sixth nuclear test") the noun is the head of the
    phrase after it.
    """
    after = _tokens(sentence[end:])[:12]
    if len(after) >= 2 and after[0][0].lower() in ("von", "of") and (
            after[1][0][:1].isupper() if language == "de" else after[1][0][:1].isalpha()):
        w, a, b = after[1]  # "Tausende von Arbeitern", "dozens of people"
        return w, end + a, end + b
    if ordinal and language != "de":
        last = None
        for w, a, b in after[:4]:
            if not w[:1].isalpha() or w.lower() in _STOP_EN:
                break
            last = (w, end + a, end + b)
        return last
    if language == "de":
        if after and after[0][0].lower() in _PREPS_DE and after[0][0].islower():
            # participle phrase: "<prep> ... <participle> <Noun>", else "<adjective> <Noun>"
            for pattern in (_PARTICIPLE, _ADJ_END):
                for i in range(1, len(after) - 1):
                    w, nxt = after[i][0], after[i + 1][0]
                    if w.islower() and pattern.search(w) and nxt[:1].isupper():
                        return nxt, end + after[i + 1][1], end + after[i + 1][2]
        for w, a, b in after[:4]:
            if not w[:1].isalpha():
                break
            if w[:1].isupper() and w not in _NOT_NOUN_DE:
                return w, end + a, end + b
            if not (w.islower() and _ADJ_END.search(w)):
                break
    else:
        for w, a, b in after[:3]:
            lw = w.lower()
            if not w[:1].isalpha() or lw in _STOP_EN:
                break
            if lw in _IRREGULAR_EN or (lw.endswith("s") and len(lw) > 3) or lw in LEXICON:
                return w, end + a, end + b
    before = sentence[:start]
    m = None
    for m in _NUMBER_OF.finditer(before):
        pass
    if m is not None:
        g = "n" if m.group("n") else "e"
        return m.group(g), m.start(g), m.end(g)
    m = _DEATH_TOLL.search(before)
    if m is not None:
        return m.group(), m.start(), m.end()
    return None


def _singular(word: str) -> str:
    w = word.lower()
    for suffix in ("innen", "ern", "en", "er", "es", "e", "n", "s"):
        if len(w) - len(suffix) >= 3 and w.endswith(suffix):
            stem = w[: -len(suffix)]
            if stem in LEXICON:
                return stem
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def unit_key(noun: Optional[str]) -> Optional[str]:
    """Normalise a counted noun to a language-neutral key.

    >>> unit_key("Schiffscontainer"), unit_key("containers"), unit_key("Soldaten"), unit_key("troops")
    ('container', 'container', 'soldier', 'soldier')
    """
    if not noun:
        return None
    w = noun.lower().strip("-")
    if w in ("death toll", "opferzahl", "totenzahl"):
        return "death"
    if w in LEXICON:
        return LEXICON[w]
    s = _singular(w)
    if s in LEXICON:
        return LEXICON[s]
    # German compound: the head is the longest known suffix.
    for i in range(1, len(w) - 3):
        head = w[i:]
        if head in LEXICON:
            return LEXICON[head]
        hs = _singular(head)
        if hs in LEXICON and len(hs) >= 4:
            return LEXICON[hs]
    return s


def units_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Can two unit keys name the same thing? ``None`` fits anything."""
    if a is None or b is None:
        return True
    if a == b:
        return True
    if {a, b} <= {"death", "casualty"}:
        return True  # "Todesopfer" vs "casualties": same fact, often mixed in reporting
    return len(a) >= 5 and len(b) >= 5 and (a.endswith(b) or b.endswith(a))
