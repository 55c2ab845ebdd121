"""What a statement says about an aligned fact, beyond its numbers.

For statements aligned on their meaning, a contradiction shows as opposite
*stances* (de Marneffe et al. 2008): negation (one denies what the other
affirms), antonym ("gestiegen" vs "gesunken", "approved" vs "abgelehnt"),
statement (incompatible accounts: "gab auf" vs "was stormed", "confirmed" vs
"steht noch aus"), entity (the same statement about a different place or
person). :func:`stances` returns, per type, the stance of a claim or ``None``
where the claim takes none.

The words are language data (``ANTONYMS`` and ``ACCOUNTS`` in
:mod:`consistency.lang`), keyed by concept and side (``"rise:a"``,
``"rise:b"``): a German and an English statement take opposite sides when
one matches side ``a`` in its language and the other side ``b`` in its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..extract.entities import entity_table, on_names_change
from ..lang import compiled, compiled_any
from ..model import Claim

__all__ = ["stances", "forget_stances", "opposed", "sides", "place_names", "place_slots", "places_differ", "stance_spans", "ANTONYMS",
           "STANCE_TYPES"]

#: in the order the judge tries them: the first type that clashes names the finding's kind
STANCE_TYPES = ("negation", "antonym", "statement", "entity")

#: stance type -> language table of its concept sides
_TABLES = {"antonym": "ANTONYMS", "statement": "ACCOUNTS"}
_TYPE = {name: typ for name, (typ, _) in entity_table().items()}


def _antonym_table() -> dict:
    out = {}
    for table in _TABLES.values():
        for key, rx in compiled(table).items():
            concept, side = key.rsplit(":", 1)
            out.setdefault(concept, {})[side] = rx
    return out


#: concept -> {"a": pattern, "b": pattern} (all languages, antonyms and accounts)
ANTONYMS: dict = _antonym_table()


_RELATIVE = re.compile(r",\s*(?:(?:who|whom|whose|which)\s|(?:der|die|das|dem|den|denen|deren|dessen)\s+(?=[a-zäöüß]))[^,;:]*")


def stance_spans(text: str, typ: str) -> list[tuple[int, int, str]]:
    """Every match ``(start, end, "concept:side")`` of the ``typ`` table in ``text``; a match
    inside a longer match of another entry ("bestätigt" in "noch nicht bestätigt") is dropped."""
    return list(_stance_spans(text, typ))


@lru_cache(maxsize=1 << 16)
def _stance_spans(text: str, typ: str) -> tuple[tuple[int, int, str], ...]:
    if not compiled_any(_TABLES[typ]).search(text):
        return ()  # most sentences name no side of any concept: one search tells
    found = []
    for key, rx in compiled(_TABLES[typ]).items():
        found.extend((m.start(), m.end(), key) for m in rx.finditer(text))
    # a non-restrictive relative clause speaks of its own subject: ", who has pleaded not guilty,"
    side = [m.span() for m in _RELATIVE.finditer(text)]
    found = [f for f in found if not any(a <= f[0] < b for a, b in side)]
    found.sort(key=lambda x: (x[0] - x[1], x[0]))
    kept: list[tuple[int, int, str]] = []
    for s, e, k in found:
        if any(s < ke and ks < e and (s, e) != (ks, ke) for ks, ke, _ in kept):
            continue
        kept.append((s, e, k))
    return tuple(sorted(kept))


def _cue_spans(claim: Claim, text: str) -> list[tuple[int, int]]:
    spans = []
    for cue in set(claim.negation_cues):
        spans.extend(m.span() for m in re.finditer(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", text, re.I))
    return spans


def sides(claim: Claim, typ: str) -> Optional[str]:
    """``"k:a k2:b"``: the side taken on each concept ``k`` of the ``typ`` table (``antonym`` or
    ``statement``) of which the claim names one side, not both.

    A negated claim takes a side only when its negation is part of the words of that side
    ("not guilty", "dementierte", "noch nicht bestätigt"): "did not rise" is not "fell".
    """
    text = claim.sentence.clean
    spans = stance_spans(text, typ)
    if claim.negated:
        cues = _cue_spans(claim, text)
        if any(not any(s < e2 and s2 < e for s2, e2, _ in spans) for s, e in cues):
            return None
    # a contrast ("voted in favour, while far-right MEPs opposed") speaks of another subject:
    # when both sides of a concept are named, the one of the first clause is the statement's
    cuts = [m.start() for m in _CONTRAST.finditer(text)]
    by_concept: dict[str, dict[str, int]] = {}
    for s, _, key in spans:
        concept, side = key.rsplit(":", 1)
        clause = sum(1 for c in cuts if c <= s)
        by_concept.setdefault(concept, {}).setdefault(side, clause)
    out = []
    for k, v in sorted(by_concept.items()):
        if len(v) == 1:
            out.append(f"{k}:{next(iter(v))}")
        elif len(set(v.values())) == 2:
            out.append(f"{k}:{min(v, key=v.get)}")
    return " ".join(out) or None


_CONTRAST = re.compile(r"[,;]\s*(?:while|whereas|but|although|während|aber|doch|jedoch|wohingegen)\b|;", re.I)


# A place named after a locative preposition: "in Manila", "near Port Arthur", "off the island of
# Rømø", "vor der Insel Fanø". German capitalises every noun, so a German name needs a place noun
# before it or must stand right after the preposition and not be a word of _NOT_PLACES.
_PLACE_NOUN = (r"(?:island|town|city|village|port|district|county|province|state|region|Insel|Stadt|Ort|Ortschaft|"
               r"Gemeinde|Dorf|Kreis|Landkreis|Bezirk|Region|Provinz|Hafen)")
_NAME = r"[A-ZÄÖÜÅØÆ][\w'’-]+(?:\s+[A-ZÄÖÜÅØÆ][\w'’-]+){0,2}"
_PLACE = re.compile(
    r"(?<!\w)(?:in|near|off|at|outside|bei|nahe|vor|nahe\s+bei|außerhalb\s+von)\s+"
    r"(?:(?:the|der|dem|des)\s+" + _PLACE_NOUN + r"(?:\s+of)?\s+(?P<a>" + _NAME + r")"
    r"|(?P<b>" + _NAME + r"))")
_NOT_PLACES = {w.lower() for w in (
    "January February March April May June July August September October November December "
    "Januar Februar März Mai Juni Juli Oktober Dezember "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Montag Dienstag Mittwoch Donnerstag Freitag Samstag "
    "Sonntag The A An This That His Her Its Their Our Kraft Betrieb Gefahr Richtung Haft Brand Höhe Folge Zukunft "
    "Ruhe Sicherheit Gewahrsam Untersuchungshaft Anwesenheit Abwesenheit Absprache Zusammenarbeit Form Summe "
    "Zeit Nacht Woche Jahr Tag Morgen Abend Mittag Vergleich Verbindung Zusammenhang Rahmen Fall Falle Regel "
    "Kürze Anschluss Folge Bezug Hinblick Grunde Wahrheit Erwartung Reaktion Kauf Sorge Angst Panik").split()}


#: locative prepositions of one meaning in German and English ("off the island" = "vor der Insel")
_PREPOSITION_CLASS = {"in": "in", "near": "near", "nahe": "near", "bei": "near", "nahe bei": "near", "off": "off",
                      "vor": "off", "at": "at", "outside": "outside", "außerhalb von": "outside"}


@lru_cache(maxsize=1 << 16)
def place_slots(text: str) -> tuple[tuple[str, str], ...]:
    """``(preposition class, name)`` of every place named after a locative preposition, in
    order: ``(("near", "Port Arthur"),)``; "off the island" and "vor der Insel" are one class."""
    out = []
    for m in _PLACE.finditer(text):
        name = m.group("a") or m.group("b")
        words = name.split()
        # a trailing capitalised word that is not part of the name ("in Brussels On Monday") is cut
        while words and words[-1].lower() in _NOT_PLACES:
            words.pop()
        if not words or words[0].lower() in _NOT_PLACES:
            continue
        if m.group("b") and m.start() == 0:
            continue  # sentence start: "In Hamburg ..." may be any capitalised word in German
        if re.search(r"['’]s?$", words[-1]):
            continue  # a possessive names an owner, not a place: "in Portugal's history"
        prep = " ".join(m.group().split()[:2 if re.match(r"(?i)(?:nahe\s+bei|außerhalb\s+von)\b", m.group()) else 1])
        out.append((_PREPOSITION_CLASS.get(prep.lower(), prep.lower()), " ".join(words)))
    return tuple(out)


def place_names(text: str) -> list[str]:
    """Capitalised names of places after a locative preposition, in order: ``["Port Arthur"]``."""
    return [name for _, name in place_slots(text)]


#: :func:`stances` of the claims seen last, by what they depend on (a claim is aligned and then
#: judged, and its stances are the same both times); emptied when it reaches this size, and by
#: :func:`forget_stances` when a new batch is aligned
STANCE_CACHE_SIZE = 1 << 17
_stance_cache: dict = {}


@on_names_change
def _new_names() -> None:
    """The user's names changed (``--names``): the entity types and what was computed from them."""
    _TYPE.clear()
    _TYPE.update({name: typ for name, (typ, _) in entity_table().items()})
    _country.cache_clear()
    forget_stances()


def forget_stances() -> None:
    """Empty the cache of :func:`stances` (each batch fills it anew: memory stays one batch's)."""
    _stance_cache.clear()


def stances(claim: Claim) -> dict[str, Optional[str]]:
    """The claim's stance for each type in :data:`STANCE_TYPES`.

    ``antonym`` and ``statement`` list ``"k:a"`` or ``"k:b"`` for each concept ``k`` of which one
    side, not both, is present; ``entity`` is ``"city:Moscow"`` or ``"person:..."`` when the claim
    names exactly one city (or person) of the entity table, else ``"place:Manila"`` when it names
    exactly one place after a locative preposition.
    """
    key = (claim.sentence.clean, claim.negated, tuple(claim.negation_cues), tuple(claim.entities))
    hit = _stance_cache.get(key)
    if hit is None:
        if len(_stance_cache) >= STANCE_CACHE_SIZE:
            _stance_cache.clear()
        hit = _stance_cache[key] = tuple(_stances(claim).items())
    return dict(hit)


def _stances(claim: Claim) -> dict[str, Optional[str]]:
    out: dict[str, Optional[str]] = {"negation": "denies" if claim.negated else "affirms",
                                     "antonym": sides(claim, "antonym"), "statement": sides(claim, "statement"),
                                     "entity": None}
    for typ in ("city", "person"):
        names = [e for e in claim.entities if _TYPE.get(e) == typ]
        if len(names) == 1:
            out["entity"] = f"{typ}:{names[0]}"
            break
    if out["entity"] is None:
        places = set(place_names(claim.sentence.clean))
        if len(places) == 1:
            out["entity"] = f"place:{places.pop()}"
    return out


def places_differ(a: Claim, b: Claim) -> bool:
    """Do two claims name different places for the same slot ("near Port Arthur" / "near Lake
    Charles")? Only when each names one place, after the same kind of preposition, neither name
    occurs anywhere in the other claim ("near Copiapó" / "the mine in Chile, near Copiapó"), and
    neither is a country of the entity table (a town and its country are not two places)."""
    sa, sb = set(place_slots(a.sentence.clean)), set(place_slots(b.sentence.clean))
    if len({n for _, n in sa}) != 1 or len({n for _, n in sb}) != 1:
        return False
    (pa, na), (pb, nb) = next(iter(sa)), next(iter(sb))
    if pa != pb or _same_place(na, nb):
        return False
    if _fold(na) in _fold(b.sentence.clean) or _fold(nb) in _fold(a.sentence.clean):
        return False
    if _country(na) or _country(nb):
        return False
    if a.sentence.language == b.sentence.language:
        # in one language, the rest must be the same words: "came ashore near X" / "came ashore near Y"
        wa, wb = _words_but(a.sentence.clean, na), _words_but(b.sentence.clean, nb)
        if not wa or not wb or len(wa & wb) / len(wa | wb) < PLACE_SAME_WORDS:
            return False
    return True


@lru_cache(maxsize=1 << 16)
def _country(name: str) -> bool:
    """Is ``name`` (or a part of it) a country of the entity table?"""
    from ..extract.entities import find_entities

    return any(e.type == "country" for e in find_entities(name))


@lru_cache(maxsize=1 << 16)
def _words_but(text: str, name: str) -> frozenset:
    """The content stems of ``text`` without the place ``name`` and its stems."""
    from ..align.phrases import content_stems

    return frozenset(set(content_stems(text.replace(name, " "))) - set(content_stems(name)))


#: share of content words two statements in one language must have in common to name two places
#: for one slot
PLACE_SAME_WORDS = 0.4


def _split(x: str) -> dict[str, str]:
    return dict(s.rsplit(":", 1) for s in x.split())


def opposed(typ: str, x: Optional[str], y: Optional[str]) -> bool:
    """Do two stances of type ``typ`` contradict each other?

    Negation: one affirms, one denies. Antonym and statement: the two sides of one concept.
    Entity: two different names of the same type.
    """
    if x is None or y is None or x == y:
        return False
    if typ in _TABLES:
        a, b = _split(x), _split(y)
        return any(a[k] != b[k] for k in a.keys() & b.keys())
    if typ == "entity":
        return x.split(":", 1)[0] == y.split(":", 1)[0] and not _same_place(x.split(":", 1)[1], y.split(":", 1)[1])
    return True


def _same_place(a: str, b: str) -> bool:
    """"Port Arthur" and "Port Arthur, Texas"; "Fanø" and "Fanoe": one place."""
    fa, fb = _fold(a), _fold(b)
    return fa in fb or fb in fa


@lru_cache(maxsize=1 << 16)
def _fold(s: str) -> str:
    from ..extract.entities import fold
    return fold(s)
