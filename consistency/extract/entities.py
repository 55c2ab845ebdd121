"""Named entities under several spellings and languages, as one entity.

"Pjöngjang", "Pyongyang" and "Pjongjang" are one city; "Kim Jong Un",
"Kim Jong-un" and "Kim Jong -un" one person; "DVRK", "Nordkorea", "North
Korea" and "nordkoreanisch" one country. Names are matched after folding
(lower case, accents and hyphens removed), so new spellings that differ
only by those are found without listing them. The table is small and
meant to grow; it is data, not code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["find_entities", "fold", "canonical_text", "Entity", "ENTITIES"]

#: canonical name -> (type, aliases). Adjectives count: a "russische" loss is Russia's.
ENTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Russia": ("country", ("Russland", "Russia", "Russlands", "Russian Federation", "Russische Föderation",
                           "russisch", "russische", "russischen", "russischer", "russisches", "Russian",
                           "Russians", "Russen")),
    "Ukraine": ("country", ("Ukraine", "ukrainisch", "ukrainische", "ukrainischen", "ukrainischer",
                            "Ukrainian", "Ukrainians", "Ukrainer")),
    "North Korea": ("country", ("Nordkorea", "North Korea", "DVRK", "DPRK", "Nordkoreas",
                                "nordkoreanisch", "nordkoreanische", "nordkoreanischen", "nordkoreanischer",
                                "North Korean", "North Koreans", "Nordkoreaner", "Demokratische Volksrepublik Korea")),
    "South Korea": ("country", ("Südkorea", "South Korea", "Republik Korea", "südkoreanisch",
                                "südkoreanische", "südkoreanischen", "South Korean", "Südkoreas")),
    "China": ("country", ("China", "Chinas", "Volksrepublik China", "chinesisch", "chinesische",
                          "chinesischen", "Chinese", "PRC")),
    "United States": ("country", ("USA", "US", "U.S.", "United States", "Vereinigte Staaten",
                                  "Vereinigten Staaten", "amerikanisch", "amerikanische", "amerikanischen",
                                  "American", "Amerika", "America")),
    "Iran": ("country", ("Iran", "Irans", "iranisch", "iranische", "Iranian")),
    "Japan": ("country", ("Japan", "Japans", "japanisch", "japanische", "Japanese")),
    "Germany": ("country", ("Deutschland", "Germany", "deutsch", "deutsche", "German")),
    "Pyongyang": ("city", ("Pjöngjang", "Pyongyang", "Pjongjang", "Phjöngjang")),
    "Moscow": ("city", ("Moskau", "Moscow", "Moskwa")),
    "Kyiv": ("city", ("Kiew", "Kyiv", "Kiev", "Kyjiw")),
    "Seoul": ("city", ("Seoul",)),
    "Beijing": ("city", ("Peking", "Beijing")),
    "Washington": ("city", ("Washington",)),
    "Berlin": ("city", ("Berlin",)),
    "Kremlin": ("organization", ("Kreml", "Kremlin", "Kremls")),
    "NATO": ("organization", ("NATO", "Nato", "Nordatlantikpakt")),
    "United Nations": ("organization", ("UN", "UNO", "Vereinte Nationen", "Vereinten Nationen",
                                        "United Nations", "U.N.")),
    "UN Security Council": ("organization", ("UN-Sicherheitsrat", "UN Security Council", "Sicherheitsrat",
                                             "Security Council")),
    "Vladimir Putin": ("person", ("Putin", "Wladimir Putin", "Vladimir Putin", "Putins")),
    "Kim Jong Un": ("person", ("Kim Jong Un", "Kim Jong-un", "Kim Jong -un", "Kim Jong-Un", "Kim Jongun",
                               "Kim Jong Jong-un")),
    "Volodymyr Zelensky": ("person", ("Selenskyj", "Zelensky", "Zelenskyy", "Wolodymyr Selenskyj",
                                      "Volodymyr Zelensky")),
    "Xi Jinping": ("person", ("Xi Jinping", "Xi")),
    "Joe Biden": ("person", ("Biden", "Joe Biden")),
}


@dataclass(frozen=True)
class Entity:
    name: str  # canonical
    type: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lower case, accents removed, hyphens and spaces folded: "Kim Jong -un" -> "kim jong un"."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.lower().replace("ß", "ss")
    return re.sub(r"[\s\-‐–]+", " ", t).strip()


@lru_cache(maxsize=1)
def _matcher():
    alias_to = {}
    for name, (typ, aliases) in ENTITIES.items():
        for a in aliases + (name,):
            alias_to[fold(a)] = (name, typ)
    # match on the folded text, longest alias first; folded text keeps length
    # only if we fold char by char, so we match with a regex on the original
    # that tolerates hyphen/space variation and case.
    parts = []
    for a in sorted({a for _, (_, al) in ENTITIES.items() for a in al} | set(ENTITIES), key=len, reverse=True):
        pat = r"[\s\-‐–]*".join(re.escape(w) for w in re.split(r"[\s\-‐–]+", a))
        parts.append(pat)
    case_sensitive = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")
    return alias_to, case_sensitive


def find_entities(text: str) -> list[Entity]:
    """The known entities named in ``text``, with offsets into it.

    Matching is case-sensitive for short all-caps aliases ("US", "UN") and
    otherwise tolerant of hyphens and spaces; accents must match an alias.
    """
    alias_to, pattern = _matcher()
    out = []
    for m in pattern.finditer(text):
        hit = alias_to.get(fold(m.group()))
        if hit is None:
            continue
        out.append(Entity(hit[0], hit[1], m.start(), m.end()))
    return out


def canonical_text(text: str) -> str:
    """``text`` with every known entity replaced by its canonical name (for embedding only)."""
    ents = find_entities(text)
    if not ents:
        return text
    out, pos = [], 0
    for e in ents:
        out.append(text[pos:e.start])
        out.append(e.name)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
