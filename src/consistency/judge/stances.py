"""What a statement says about an aligned fact, beyond its numbers.

For statements aligned on their meaning, a contradiction shows as opposite
*stances* (de Marneffe et al. 2008): negation (one denies what the other
affirms), antonym ("gestiegen" vs "gesunken"), entity (the same statement
about a different place or person). :func:`stances` returns, per type, the
stance of a claim or ``None`` where the claim takes none.
"""

from __future__ import annotations

import re
from typing import Optional

from ..extract.entities import ENTITIES
from ..model import Claim

__all__ = ["stances", "opposed", "ANTONYMS", "STANCE_TYPES"]

STANCE_TYPES = ("negation", "antonym", "entity")

#: (one side, other side): German and English word stems, matched at word start.
ANTONYMS = [
    (("gestiegen", "steigt", "stieg", "zugenommen", "erhöht", "increased", "rose", "risen", "grew", "increase"),
     ("gesunken", "sinkt", "sank", "abgenommen", "gesenkt", "verringert", "decreased", "fell", "fallen", "declined",
      "dropped", "decrease")),
    (("gewonnen", "gewann", "siegte", "won", "wins"), ("verloren", "verlor", "lost", "loses")),
    (("angenommen", "zugestimmt", "stimmte zu", "genehmigt", "billigte", "approved", "accepted", "passed"),
     ("abgelehnt", "lehnte ab", "lehnte", "verweigert", "rejected", "refused", "vetoed")),
    (("bestätigt", "bestätigte", "confirmed", "confirms"), ("dementiert", "dementierte", "denied", "denies")),
    (("unterzeichnet", "unterschrieb", "unterschrieben", "signed"),
     ("gekündigt", "aufgekündigt", "zurückgezogen", "withdrew", "withdrawn", "cancelled", "annulled")),
    (("verhaftet", "festgenommen", "arrested"), ("freigelassen", "freigesprochen", "released", "acquitted")),
    (("lebend", "überlebt", "überlebte", "survived", "alive"), ("getötet", "starb", "gestorben", "killed", "died", "dead")),
    (("erlaubt", "allowed", "permitted"), ("verboten", "banned", "forbidden", "prohibited")),
]
_ANT_RE = [(re.compile(r"\b(?:" + "|".join(map(re.escape, a)) + r")\b", re.I),
            re.compile(r"\b(?:" + "|".join(map(re.escape, b)) + r")\b", re.I)) for a, b in ANTONYMS]
_TYPE = {name: typ for name, (typ, _) in ENTITIES.items()}


def stances(claim: Claim) -> dict[str, Optional[str]]:
    """The claim's stance for each type in :data:`STANCE_TYPES`.

    ``antonym`` lists ``"k:a"`` or ``"k:b"`` for each antonym pair ``k`` of
    which one side, not both, is present; ``entity`` is ``"city:Moscow"`` or
    ``"person:..."`` when the claim names exactly one city (or person).
    """
    text = claim.sentence.clean
    out: dict[str, Optional[str]] = {"negation": "denies" if claim.negated else "affirms",
                                     "antonym": None, "entity": None}
    sides = []
    for k, (ra, rb) in enumerate(_ANT_RE):
        ha, hb = bool(ra.search(text)), bool(rb.search(text))
        if ha != hb:
            sides.append(f"{k}:{'a' if ha else 'b'}")
    out["antonym"] = " ".join(sides) or None
    for typ in ("city", "person"):
        names = [e for e in claim.entities if _TYPE.get(e) == typ]
        if len(names) == 1:
            out["entity"] = f"{typ}:{names[0]}"
            break
    return out


def opposed(typ: str, x: Optional[str], y: Optional[str]) -> bool:
    """Do two stances of type ``typ`` contradict each other?

    Negation: one affirms, one denies. Antonym: the two sides of one
    antonym pair. Entity: two different names of the same type.
    """
    if x is None or y is None or x == y:
        return False
    if typ == "antonym":
        a, b = dict(s.split(":") for s in x.split()), dict(s.split(":") for s in y.split())
        return any(a[k] != b[k] for k in a.keys() & b.keys())
    if typ == "entity":
        return x.split(":", 1)[0] == y.split(":", 1)[0]
    return True
