"""Language data, one module per language (``de``, ``en``), the way spaCy keeps ``lang/de``.

The algorithms in :mod:`consistency.align` and :mod:`consistency.judge` never
hold words of a language; they ask this package. Each language module
defines the same tables:

``BACKGROUND``
    Cues that put a statement in another time than the story's own ("im
    vergangenen Winter", "last year", "the previous record"): its values
    belong to another event and are scoped to it.
``QUALIFIERS``
    Named classes of words that make a number a different quantity of the
    same thing (a legal limit, a total since the start, a daily figure, an
    original estimate, a subset): two values with different qualifiers are
    rarely one fact.
``REVISION``
    Words that say a figure was updated ("stieg auf", "rose to"): a later
    report that revises a count is a revision, not a contradiction.
``YEAR_AS_NAME``
    Words between a noun and a year that make the year part of a name ("Hochwasser von
    2005", "the agreement of 2012"): the thing named, not the date of the story's event.
``NOT_YEAR_NAMES``
    Capitalised words before a year that make a time, not a name ("Ende 2025", "Sommer 2027").
``REPORTING_TIME``
    Words right before a time that make it the time of a report, not of the fact reported
    ("police said Tuesday", "teilte am Mittwoch mit").
``KINSHIP``
    Nouns of family relations ("daughter", "Schwester"): they tell two people apart.
``ORDINAL_NAMES``
    Nouns that an ordinal turns into a name ("2. Weltkrieg", "21st century").
``PEOPLE``
    Counted nouns (normalised unit keys) that count people ("Männer", "Geiseln", "suspects"):
    only their counts say what happened to someone (killed, injured, arrested).
``PEOPLE_ENDINGS``
    Endings of agent nouns that count people when a role word stands by ("Tourengeher",
    "Bergsteiger", "climbers", "cyclists"): no table lists every such noun.
``STATION_WORDS``, ``EMERGENCY_CALL``, ``GUN_WORDS``, ``MAKERS``, ``NOT_AGE_NOUNS``
    Numbers that are names (a broadcaster's, an emergency line's, a model's), calibres in a
    sentence about a gun, and words after an age that are not whose age it is: see :mod:`consistency.extract`.
``SLOT_PREPOSITIONS``, ``VERB_FINAL``
    Prepositions that open a slot before a verb (German) and whether a denial may end a clause.
``NOUN_MARKERS``, ``FUNCTION_WORDS``, ``GENITIVE_S``
    What makes a capitalised word a name for the story model (:mod:`consistency.align.stories`):
    words after which a capitalised word is a common noun (German articles, determiners,
    adjectives, numbers; none in English), capitalised function words that are never names, and
    whether a name takes a genitive "s" ("Putins").
``ANTONYMS``, ``ACCOUNTS``, ``UPDATE_CUES``, ``PERSIST_CUES``
    The two sides of a concept, keyed alike in both languages ("rise:a" / "rise:b"; "approve",
    "open", "guilty" ...), incompatible accounts ("surrendered" / "stormed"), and words that say a
    state changed over time ("now", "inzwischen"), and words that say it goes on ("bleibt weiter
    gesperrt", "still"): see :mod:`consistency.judge.stances`.

:func:`table` returns the union over the languages for text whose language
is uncertain (machine-translated German mixes in English words, and the
reverse).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import import_module

__all__ = ["LANGUAGES", "table", "merged", "compiled", "compiled_any", "qualifiers_of", "background_of", "revision_in", "names_an_ordinal",
           "year_as_name", "reporting_time", "kinship"]

LANGUAGES = ("de", "en")


@lru_cache(maxsize=None)
def _module(lang: str):
    return import_module(f"{__name__}.{lang if lang in LANGUAGES else 'en'}")


def table(name: str, lang: str | None = None):
    """The table ``name`` of one language, or merged over all languages (``lang=None``)."""
    if lang is not None:
        return getattr(_module(lang), name)
    merged = None
    for code in LANGUAGES:
        t = getattr(_module(code), name)
        if isinstance(t, dict):
            merged = {**(merged or {})}
            for k, v in t.items():
                merged[k] = tuple(merged.get(k, ())) + tuple(v)
        else:
            merged = tuple(merged or ()) + tuple(t)
    return merged


def merged(name: str) -> dict:
    """The dict table ``name`` (word -> value) of every language in one dict: what extraction reads
    whatever the language of the text ("mehr als" and "more than" alike)."""
    return {k: v for lang in LANGUAGES for k, v in table(name, lang).items()}


def _alternation(words) -> str:
    return "|".join(sorted({w for w in words}, key=len, reverse=True))


@lru_cache(maxsize=None)
def compiled(name: str) -> object:
    """A table of phrases compiled to regular expressions (all languages): a
    pattern for a tuple, ``{class: pattern}`` for a dict."""
    t = table(name)
    if isinstance(t, dict):
        return {k: re.compile(r"(?<![\w])(?:" + _alternation(v) + r")(?![\w])", re.I) for k, v in t.items()}
    return re.compile(r"(?<![\w])(?:" + _alternation(t) + r")(?![\w])", re.I)


@lru_cache(maxsize=None)
def compiled_any(name: str) -> re.Pattern:
    """One pattern for every phrase of the dict table ``name`` (all classes, all languages): it
    matches a text exactly when some pattern of :func:`compiled` does, a quick test before the
    class by class search."""
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{_alternation(v)})" for v in table(name).values())
                      + r")(?![\w])", re.I)


@lru_cache(maxsize=1 << 16)
def qualifiers_of(text: str) -> frozenset:
    """The qualifier classes named in ``text`` (see ``QUALIFIERS``)."""
    if not compiled_any("QUALIFIERS").search(text):
        return frozenset()
    return frozenset(k for k, rx in compiled("QUALIFIERS").items() if rx.search(text))


def background_of(text: str, story_year: int | None = None) -> bool:
    """Does ``text`` place what it says in another time than the story's own? With the story's
    year known, a cue that is only a year of it or after ("in 2028", "seit 2025") places nothing
    elsewhere: "Production is due to begin in 2028" is the plan the story reports."""
    for m in compiled("BACKGROUND").finditer(text):
        years = [int(y) for y in _YEAR_IN_CUE.findall(m.group(0))]
        if story_year is None or not years or min(years) < story_year:
            return True
    return False


_YEAR_IN_CUE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def revision_in(text: str) -> bool:
    """Does ``text`` say that a figure was revised ("stieg auf", "rose to")?"""
    return bool(compiled("REVISION").search(text))


def names_an_ordinal(noun: str | None) -> bool:
    """Does an ordinal before ``noun`` form a name ("2. Weltkrieg") rather than a count ("7. Atomtest")?"""
    return bool(noun) and bool(compiled("ORDINAL_NAMES").fullmatch(noun.strip()))


@lru_cache(maxsize=None)
def _year_name_re():
    return re.compile(r"[^\W\d_]{3,}\s+(?:" + _alternation(table("YEAR_AS_NAME")) + r")\s+$", re.I)


_YEAR_BEFORE_NOUN = re.compile(r"^\s+[a-zäöü][\w-]{3,}")


@lru_cache(maxsize=None)
def _year_label_re():
    return re.compile(r"(?<![\w-])(?!(?:" + _alternation(table("NOT_YEAR_NAMES")) + r")\s)"
                      r"[A-ZÄÖÜ][\w-]{2,}\s+$")


def year_as_name(before: str, after: str) -> bool:
    """Is a year, with ``before`` and ``after`` it in its sentence, used as a name?

    "das Hochwasser von 2005", "the heatwave of 2022", "the 2003 heatwave",
    "beim Bürgerentscheid 2019" (but not "Ende 2025" or "Sommer 2027": ``NOT_YEAR_NAMES``).
    """
    if _year_name_re().search(before) or _year_label_re().search(before):
        return True
    if re.search(r"[^\W\d_]{3,}\s+\($", before) and after.startswith(")"):
        return True  # "École Polytechnique massacre (1989)"
    return bool(re.search(r"\bthe\s+$", before, re.I)) and bool(_YEAR_BEFORE_NOUN.match(after))


@lru_cache(maxsize=None)
def _reporting_re():
    return re.compile(r"(?<![\w])(?:" + _alternation(table("REPORTING_TIME")) + r")\s+$", re.I)


def reporting_time(before: str) -> bool:
    """Is a time, with ``before`` it in its sentence, the time of a report ("said Tuesday")?"""
    return bool(_reporting_re().search(before[-80:]))


def kinship(noun: str | None) -> bool:
    """Is ``noun`` a family relation ("daughter", "Schwester")?"""
    return bool(noun) and bool(compiled("KINSHIP").fullmatch(noun.strip()))
