"""A sentence's claim: its values with their roles, nouns and qualifiers, and its cues (see the package)."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import cached_property
from typing import Iterable, Optional

from ..lang import kinship, table
from ..model import Article, Claim, Quantity, Sentence
from .cues import attribution, hedge_cues, negation_cues
from .clock import find_clock_times
from .dates import find_dates, furniture_spans
from .entities import canonical_text, find_entities
from .numbers import DEFAULT_TOLERANCE, NumberMatch, find_numbers, parse_number
from .units import LEXICON, convert, counted_noun, unit_key, units_compatible

__all__ = ["extract", "extract_claims", "find_numbers", "find_dates", "find_entities", "canonical_text",
           "parse_number", "unit_key", "units_compatible", "DEFAULT_TOLERANCE"]

#: counted nouns that are units of time (pint units), for a duration whose unit stands past an adjective
_DURATION_UNITS = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour"}
#: a unit of time itself, not a compound that ends in one ("Kilowattstunden")
_TIME_WORD = re.compile(r"(?i:jahr|monat|woche|tag|stunde|year|month|week|day|hour)")
#: a number directly followed by another that names what is counted ("50 911 calls")
_MODIFIER_AFTER = re.compile(r" \d{1,4}(?=\s+[^\W\d_])")
_MODIFIER_BEFORE = re.compile(r"(?<![\d.,])\d{1,7} $")
_YEAR_CUE = re.compile(r"(?:\b(?:im|in|seit|von|vom|bis|ab|since|from|until|of|Jahr|year|Anfang|Ende|Mitte|early|late|mid|um|around|vor)\s*)$", re.I)
_ORDINAL_AFTER = re.compile(r"^\.\s*[^\W\d]")
# Numbers that are not quantities: clock times, street blocks, "vor 2 Monaten" / "2 months ago",
# "Image 1 of 9".
# House numbers ("1234 Main Street", "500 W. Elm St.", "Hauptstraße 12", "Kasseler Str. 5a"), page
# counters ("Bild 3 von 8", "Kommentare (12)", "4 Comments"), copyright years ("© 2024").
_STREET = (r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Drive|Dr\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Court|Ct\.?|"
           r"Place|Pl\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Way|Circle)(?![\w])")
_NOT_QUANTITY_AFTER = re.compile(
    r"^(?::\d\d|\s*(?:a\.?m\.?|p\.?m\.?|Uhr|o'clock)(?![\w])|\s+block\b|"
    r"[a-zA-Z]?\s+(?:(?:[NSEW]|North|South|East|West)\.?\s+)?(?:[A-Z][\w'-]*\.?\s+){0,3}" + _STREET + r"|"
    r"(?i:\s+(?:comments?|Kommentare?|shares|replies|Antworten)\b)|"
    r"(?i:\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b))")
_NOT_QUANTITY_AFTER_I = re.compile(
    r"^(?:\s+(?:of|von)\s+\d+\s*(?:$|[)\]|:–-]))", re.I)
_CITATION = re.compile(r"^\]")  # "[9]": a reference mark, not a number of anything
_NOT_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:Image|Photo|Picture|Bild|Foto|Seite|page|No\.|Nr\.|Hausnummer)\s+(?:\d+\s+(?:of|von|/)\s+)?|\d:|"
    r"(?:©|\(c\)|copyright)\s*|\b(?:Kommentare?|Comments?)\s*\(\s*)$", re.I)
#: a German house number follows the street: "Hauptstraße 12", "Kasseler Str. 5a", "Am Lindenweg 3"
_HOUSE_NUMBER_BEFORE = re.compile(
    r"(?<![\w-])[A-ZÄÖÜ][\w-]*(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|damm|ufer|ring|chaussee|markt)\s+$"
    r"|(?<![\w-])(?:Straße|Str\.|Weg|Platz|Allee|Gasse|Damm|Ufer|Ring|Chaussee|Markt)\s+$")
#: The number of a broadcaster or an outlet is part of its name: "KSHB 41 News", "WMC Action News 5",
#: "Channel 4", "FOX 4 News", "NBC 7's", "News Channel 11", "KRQE News 13", "told News 2 victim ...".
#: Case-sensitive: a station's words are capitalised. A US call sign (K or W and two or three
#: capitals, "KING 5", "WTOL 11") counts only outside upper-case text ("GUNMAN KILLS 3", "WHEN 3 MEN").
_STATION_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(table("STATION_WORDS")) + r")\s+$")
_CALL_SIGN_BEFORE = re.compile(r"(?<![\w-])[KW][A-Z]{2,3}(?:-TV)?\s+$")
_STATION_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:Action\s+News|Eyewitness\s+News|News|NEWS)(?![\w])")
#: Emergency numbers: "called 911", "a 911 call", "911 calls", "die 112 gewählt", "Notruf 110".
_EMERGENCY_BEFORE = re.compile(r"(?<![\w])(?:" + "|".join(table("EMERGENCY_CALL")) + r")\s+(?:die\s+|the\s+)?$",
                               re.I)


def _name_number(text: str, n: NumberMatch) -> bool:
    """Is the plain number ``n`` part of a name (a station's, an emergency number, a maker's
    model) rather than a quantity?"""
    if not (n.plain_integer and text[n.start:n.start + 1].isdigit() and n.hedge is None):
        return False
    before, after = text[:n.start], text[n.end:]
    if _STATION_BEFORE.search(before) or _STATION_AFTER.match(after) or _MODEL_BEFORE.search(before):
        return True
    if _CALL_SIGN_BEFORE.search(before):
        around = [ch for ch in text[max(0, n.start - 60):n.end + 60] if ch.isalpha()]
        if sum(ch.isupper() for ch in around) < 0.5 * len(around):
            return True
    raw = text[n.start:n.end]
    if raw == "911":
        return True  # the US emergency number: never a count of calls or of anything else
    return raw in ("110", "112", "999") and bool(_EMERGENCY_BEFORE.search(before))


#: A calibre in millimetres names a cartridge ("a 9mm handgun", "7.62 mm rounds", "ein 9-mm-Pistole"):
#: a length of a few millimetres in a sentence about a gun or its ammunition is no length.
_MILLIMETRES = re.compile(r"mm|millimet(?:er|re)s?|Millimeter[n]?", re.I)
_GUN_WORDS = re.compile(r"(?<![\w])(?:" + "|".join(table("GUN_WORDS")) + r")(?![\w])", re.I)
#: A maker's name before a number makes it a model ("Glock 17", "Boeing 737"), not a quantity.
_MODEL_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(table("MAKERS")) + r")\s+$")

#: What happened to the people counted: a count of the killed is not a count of the injured.
_ROLES = [
    ("killed", re.compile(r"\b(?:kill\w*|dead|died|dies|death|deaths|fatal\w*|slain|murder\w*|getötet|tot|tote[nr]?|"
                          r"starben|gestorben|ums Leben|Todesopfer|(?:jede\s+)?Hilfe\s+zu\s+spät|tödlich\w*|leblos\w*|erschossen)\b", re.I)),
    # hit by gunfire, killed or not: "nine people were shot, one fatally" counts neither the killed nor
    # the injured ("shot dead", "shot and killed", "shot and wounded" say which, by their second word)
    ("shot", re.compile(r"\b(?:shot|angeschossen|niedergeschossen)\b", re.I)),
    ("injured", re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospitali[sz]ed|hit|verletzt\w*|verwundet\w*|"
                           r"(?:taken|brought|rushed|transported|flown)\s+to\s+(?:a\s+|the\s+|local\s+|\w+\s+)?hospitals?|"
                           r"(?:ins|in\s+ein|in\s+das)\s+Krankenhaus|in\s+(?:eine|die)\s+Klinik)\b", re.I)),
    ("arrested", re.compile(r"\b(?:arrest\w*|custody|detained|charged|festgenommen|verhaftet|angeklagt)\b", re.I)),
]
#: the word after "shot" that says which ("shot dead", "shot to death", "shot and killed", "shot and wounded"),
#: read past the clause's end (a clause ends at "and")
_SHOT_WHICH = re.compile(r"\s+(?:(?P<killed>dead|to\s+death|and\s+killed)|(?P<injured>and\s+(?:wounded|injured)))\b", re.I)
#: Counted nouns (unit keys) that count people: only their counts have a role (killed, injured, ...).
_PEOPLE = frozenset(table("PEOPLE")) | {None}
#: Nouns of the lexicon that count things (``LEXICON``): no ending makes them people ("tanker")
_THING_KEYS = frozenset(LEXICON.values()) - _PEOPLE
_PEOPLE_ENDINGS = tuple(sorted(set(table("PEOPLE_ENDINGS")), key=len, reverse=True))
#: role words that are said of things as well as of people
_THINGS_TOO = frozenset({"hit", "shot"})


def _people_like(key) -> bool:
    """Is a counted noun outside the ``PEOPLE`` table one of people by its ending ("Tourengeher",
    "Bergsteiger", "climbers", "cyclists": the agent nouns of ``PEOPLE_ENDINGS``, lang/)?"""
    return bool(key) and key not in _THING_KEYS and " " not in key and len(key) >= 5 and key.endswith(
        _PEOPLE_ENDINGS)


#: "16 years old", "16 Jahre alt", "six months old": an age (numbers are read before the unit, so this looks after it)
_AGE_AFTER = re.compile(r"^\s*(?:years?|months?|weeks?|days?|Jahre?|Monate?|Wochen?|Tage?)\s+(?:old|alt(?:e[mnrs]?)?)\b|^\s*(?:years?|Jahre?)\s+(?:und|and)\s+\d+\s+"
                        r"(?:years?|Jahre?)\s+(?:old|alt)\b|^\s+and\s+\d+\s+years\s+old\b", re.I)
_AGE_UNIT = r"(?:years?|months?|weeks?|days?|Jahre?|Monate?|Wochen?|Tage?)"
#: the first ages of a list that ends in "old": "11 months, four months and six months old"
_AGE_LIST_AFTER = re.compile(r"^\s*" + _AGE_UNIT + r"(?:\s*,\s*[\w-]+\s+" + _AGE_UNIT + r")*\s*,?\s+(?:and|or|und|oder)\s+"
                             r"[\w-]+\s+" + _AGE_UNIT + r"\s+(?:old|alt)\b", re.I)
_AGE_NOUN = re.compile(r"^\s+(?:[a-zäöü][\w-]*(?:e|en|er|es|em)\s+(?=[A-ZÄÖÜ]))?([^\W\d_][\w-]{2,})")
_AGE_WORD_EN = re.compile(r"\s+([^\W\d_][\w'’-]*)")
#: words after an English age that are no noun of whose age it is ("The 15-year-old appeared in court")
_NOT_AGE_NOUN_EN = frozenset(table("NOT_AGE_NOUNS", "en"))


#: counted-noun keys of people that name what happened to them, not who they are ("killed", "dead")
_ROLE_KEYS = frozenset({"death", "injured", "casualty", "other"})


def _person_noun(word: str) -> bool:
    """Is ``word`` a noun of a person ("boy", "Mädchen", "daughter"), not a word of what befell them?"""
    key = unit_key(word)
    return (key in _PEOPLE and key not in _ROLE_KEYS and key is not None) or kinship(word)


def _verb_like_en(word: str) -> bool:
    """Is the English word after an age a verb or an adverb ("appeared", "shot", "allegedly")?"""
    lw = word.lower()
    return (lw in _NOT_AGE_NOUN_EN or lw.endswith(("ed", "ly")) or unit_key(lw) in _ROLE_KEYS
            or any(rx.fullmatch(lw) for _, rx in _ROLES))


def _age_noun(after: str, lang: str) -> Optional[str]:
    """Whose age a compound age ("15-year-old", "22-jährige") is: the noun or name after it.

    English: a person noun past names of places ("7-year-old Englewood boy" -> "boy"), else the
    first name ("25-year-old Kevin McQuilliams" -> "Kevin"); no noun where a verb or a function word
    follows ("The 15-year-old appeared in court", "a 4-month-old and ...").
    """
    if lang == "de":
        m = _AGE_NOUN.match(after)
        return m.group(1) if m else None
    words, pos = [], 0
    while len(words) < 5:
        m = _AGE_WORD_EN.match(after, pos)
        if m is None:
            break
        words.append(re.sub(r"['’]s?$", "", m.group(1)))
        pos = m.end()
    if not words or len(words[0]) < 3 and not _person_noun(words[0]):
        return None
    if words[0][:1].isupper():
        for w in words[1:]:
            if w[:1].isupper():
                continue
            if _person_noun(w):
                return w  # "Englewood boy", "Chicago Heights man"
            break
        return words[0]
    for w in words[:3]:
        if not w[:1].islower() or (_verb_like_en(w) and not _person_noun(w)):
            break
        if _person_noun(w):
            return w  # "16-year-old high school student" -> "student"
    if _verb_like_en(words[0]) and not _person_noun(words[0]):
        return None
    return words[0]


_AGE_COMPOUND = re.compile(r"^-?(?:(?:years?|months?|weeks?|days?)-old|jährig\w*|Jährig\w*)", re.I)
#: a point on a named scale before the number: "Stärke 6,4", "magnitude 6.4", "Category 4"
_SCALE_BEFORE = re.compile(r"\b(Stärke|Magnitude|magnitude|Kategorie|Category|category|Stufe|level|Level)\s+$")


#: a counted noun (up to three words) and "and" / "und" right after a number: the start of a subject
#: of two nouns ("seven adults and a 3-year-old were shot", "drei Männer und eine Frau wurden verletzt")
_AND_SUBJECT = re.compile(r"(?:\s+[\w'’-]+){1,3}?\s+(?:and|und)\s")
#: a verb form in the number's own clause: there the clause says what happened ("Three people were at
#: the park and two were shot"), and the verb after "and" is another clause's
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|had|have|has|been|wurden?|waren|war|sind|ist|haben|hatten)\b", re.I)


def _role(text: str, start: int, end: int, unit_key) -> Optional[str]:
    """killed / injured / arrested, from the verbs of the number's clause (counts of people only)."""
    strict = unit_key in _PEOPLE
    if not (strict or _people_like(unit_key)):
        return None
    if unit_key == "death":
        return "killed"
    if unit_key == "injured":
        return "injured"
    ca, cb = _clause(text, start, end)
    m = _AND_SUBJECT.match(text, end)
    if m and m.end() - 1 >= cb and not _AUXILIARY.search(text, end, cb):
        # "seven adults and a 3-year-old were shot": one subject of two nouns, its verb after the "and"
        cb = _clause(text, m.end(), m.end())[1]
    # the role word nearest the number (after it first: "three people were killed", "drei
    # Menschen starben"; then before it: "killing three people"), within its clause
    best, where = None, None
    for name, rx in _ROLES:
        for m in rx.finditer(text, ca, cb):
            if not strict and m.group().lower() in _THINGS_TOO:
                continue  # "two trailers were hit": things are hit and shot at too
            d = m.start() - end if m.start() >= end else (start - m.end()) + 0.5
            if d <= 60 and (where is None or d < where):
                which = _SHOT_WHICH.match(text, m.end()) if name == "shot" else None
                best, where = (which.lastgroup if which else name), d
    return best
_ORDINAL_EN = re.compile(r"(?<![\w.,])(\d{1,4})(?:st|nd|rd|th)(?![\w])")
#: Where a clause ends: a punctuation mark or a conjunction.
CLAUSE_END = re.compile(r"[,;:()–—]|\s(?:und|aber|während|sondern|and|but|while|whereas)\s")


#: "no one was injured", "nobody was hurt", "niemand wurde verletzt", "verletzt wurde niemand",
#: "keine Verletzten", "no injuries": a count of zero people in a role.
_ROLE_WORD = {"injured": "injured", "hurt": "injured", "wounded": "injured", "verletzt": "injured",
              "verwundet": "injured", "killed": "killed", "getötet": "killed", "ums leben": "killed",
              "died": "killed", "starb": "killed", "verletzten": "injured", "verletzte": "injured",
              "verletzungen": "injured", "injuries": "injured", "toten": "killed", "tote": "killed",
              "todesopfer": "killed", "deaths": "killed", "fatalities": "killed", "casualties": "injured",
              "festgenommen": "arrested", "verhaftet": "arrested", "arrested": "arrested", "detained": "arrested",
              "festnahmen": "arrested", "festnahme": "arrested", "verhaftungen": "arrested", "arrests": "arrested"}
_ZERO = [
    re.compile(r"(?<![\w])(?:no\s*-?\s*one|nobody|none)\s+(?:else\s+)?(?:was|were|has\s+been|had\s+been|is|got|"
               r"appeared\s+to\s+be|was\s+reported)\s+(?:\w+ly\s+)?(?P<p>injured|hurt|wounded|killed|arrested|"
               r"detained)(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:no\s*-?\s*one|nobody)\s+(?P<p>died)(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:niemand|keiner|keine[rs]?\s+der\s+\w+)\s+(?:\w+\s+){0,3}?"
               r"(?P<p>verletzt|verwundet|getötet|ums\s+Leben|festgenommen|verhaftet)(?![\w])", re.I),
    # "Verletzt wurde nach Angaben von der Polizei niemand": an attribution may stand between
    re.compile(r"(?<![\w])(?P<p>verletzt|verwundet|getötet|festgenommen|verhaftet)\s+(?:wurde|worden\s+sei|sei|ist)\s+"
               r"(?:[\w-]+\s+){0,6}?(?:niemand|keiner)(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:keine|there\s+were\s+no|there\s+have\s+been\s+no|no)\s+(?:\w+\s+)?(?P<n>Verletzten|"
               r"Verletzte|Verletzungen|Toten|Tote|Todesopfer|Festnahmen|Festnahme|Verhaftungen|injuries|deaths|"
               r"fatalities|casualties|arrests)(?![\w])", re.I),
]


#: a degree of harm: "no one was seriously hurt", "keine Schwerverletzten", "no life-threatening injuries"
#: deny the degree, not the harm (the injured are then no zero)
_DEGREE = re.compile(r"(?<![\w])(?:seriously|critically|badly|severely|gravely|grievously|life-threatening(?:ly)?|serious|"
                     r"critical|severe|major|schwer|schwerer|lebensgefährlich\w*|ernsthaft\w*|ernste?n?)(?![\w])", re.I)


def _zero_counts(text: str) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, unit, unit_key, role)`` of each statement that nobody was hurt or killed."""
    out = []
    for rx in _ZERO:
        for m in rx.finditer(text):
            if _DEGREE.search(m.group()):
                continue  # "no one was seriously hurt": some were hurt
            word = m.group("n") if "n" in rx.groupindex and m.group("n") else m.group("p")
            role = _ROLE_WORD[re.sub(r"\s+", " ", word.lower())]
            if "n" in rx.groupindex and role != "arrested":  # "keine Festnahmen": no people arrested
                key = unit_key(word)
            else:
                key = "people"
            if any(not (m.end() <= a or m.start() >= b) for a, b, *_ in out):
                continue
            out.append((m.start(), m.end(), word, key, role))
    return out


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: up to the nearest commas or conjunctions."""
    a = 0
    for m in CLAUSE_END.finditer(text, 0, start):
        a = m.end()
    m = CLAUSE_END.search(text, end)
    return a, (m.start() if m else len(text))


def _events() -> list[tuple[str, re.Pattern]]:
    global _EVENT_RES
    if _EVENT_RES is None:
        merged = table("EVENTS")
        order = list(table("EVENTS", "en"))  # precedence: the order of the classes
        _EVENT_RES = [(name, re.compile(r"\b(?:" + "|".join(merged[name]) + r")\b", re.I)) for name in order]
    return _EVENT_RES


_EVENT_RES: Optional[list] = None


#: A point in time that names its happening right beside it: "the June 16, 2015, shooting spree",
#: "in the March 6 death of", "the shooting on June 16", "der Anschlag vom 3. Mai".
_NEXT_WORDS = re.compile(r"[\s,]*(?:\d{4}[\s,]+)?(\w+)(?:\s+(\w+))?")
_PREVIOUS_WORDS = re.compile(r"(\w+)\s+(?:(?:on|of|vom|am)\s+)?$", re.I)


def _event(text: str, start: int, end: int) -> Optional[str]:
    """What happened at the point in time ``text[start:end]``: the class of ``EVENTS`` (per
    language, ``lang/``) of a word right beside it ("the June 16 shooting" is the shooting's date
    in a sentence about the charges), else the first class whose words its clause holds ("court"
    before "incident": "sentenced on Monday for the shooting" dates the sentencing), or ``None``."""
    nxt = _NEXT_WORDS.match(text, end)
    prev = _PREVIOUS_WORDS.search(text, max(0, start - 40), start)
    # the word before first ("des Anschlags vom 1. Mai verurteilt"), then the words after
    after = [w for w in ((nxt.group(1), nxt.group(2)) if nxt else ()) if w]
    # the word before, the words after, and the two after as one ("a Saturday night press conference")
    for w in ([prev.group(1)] if prev else []) + after + ([" ".join(after)] if len(after) == 2 else []):
        for name, rx in _events():
            if rx.fullmatch(w):
                return name
    ca, cb = _clause(text, start, end)
    if len(_WORDS3.findall(text[ca:start] + " " + text[end:cb])) <= 1:
        ca, cb = 0, len(text)  # a date set off by commas ("Am Samstag, 17. Februar 2024, wurde ..."): its sentence
    for name, rx in _events():
        if rx.search(text, ca, cb):
            return name
    return None


_WORDS3 = re.compile(r"[^\W\d_]{3,}")


#: A German age in one word: "ein dreijähriges Mädchen", "der Dreiundzwanzigjährige"
_WORD_AGE_DE = re.compile(r"(?<![\w-])([A-Za-zäöüß]+?)(jährig|Jährig)(e[mnrs]?)?(?![\w-])")
#: nouns of a person a German age in words describes (the age of a "Haftstrafe" or an "Ausbildung" is
#: its duration, no one's age)
_CHILD_DE = frozenset({"junge", "jungen", "mädchen", "kind", "baby", "säugling", "sohn", "tochter", "bub", "knabe",
                       "schüler", "schülerin", "enkel", "enkelin", "bruder", "schwester"})


def _word_ages_de(text: str) -> list[tuple[int, int, float, str]]:
    """``(start, end, years, whose)`` of the German ages written in one word: "dreijährige" before
    a noun of a person ("ein dreijähriges Mädchen" -> 3, "Mädchen"), or the age as the noun itself
    ("der Dreijährige" -> 3, "years old"). A number-word prefix only ("minderjährig" is none)."""
    from text_to_num import text2num

    out = []
    for m in _WORD_AGE_DE.finditer(text):
        prefix = m.group(1)
        try:
            years = float(text2num(prefix.lower(), "de"))
        except (ValueError, TypeError, AssertionError):
            continue
        if years < 1:
            continue
        if m.group(2) == "Jährig" or (prefix[:1].isupper() and m.start() > 0 and m.group(3)
                                       and not re.match(r"\s+[A-ZÄÖÜ]", text[m.end():])):
            out.append((m.start(), m.end(), years, "years old"))  # "der Dreijährige": the age is the noun
            continue
        nxt = re.match(r"\s+([A-ZÄÖÜ][\w-]*)", text[m.end():])
        if nxt and (nxt.group(1).lower() in _CHILD_DE or _person_noun(nxt.group(1))):
            out.append((m.start(), m.end(), years, nxt.group(1)))
    return out


#: "Brizuela was 17 when", "he turned 21", "the son was 19": a bare number after a person and a copula
_COPULA_AGE_BEFORE = re.compile(r"(?<![\w'’-])([\w'’-]+)\s+(?:was|is|turned|had\s+turned|has\s+turned)\s+"
                                r"(?:just\s+|only\s+)?$")
_COPULA_AGE_AFTER = re.compile(r"^(?:\s*$|\s*[,.;:!?)—–]|\s+(?:when|at|in|and|but|on|as|while|after|before)\b)")
_NOT_PERSON_EN = frozenset({"It", "That", "This", "There", "What", "Which", "Who", "Police", "Toll", "Total", "Number"})


def _copula_age(text: str, n: NumberMatch, lang: str) -> bool:
    """Is the bare number ``n`` (no counted noun) the age of the person before the copula
    ("Brizuela was 17 when the killings occurred", "he turned 21", "the son was 19")? English only."""
    if lang != "en" or not n.plain_integer or n.hedge or n.currency or n.percent or not 1 <= n.value <= 110:
        return False
    if not _COPULA_AGE_AFTER.match(text[n.end:]):
        return False  # "5'10", "was 3 o'clock", "was 17 people"
    m = _COPULA_AGE_BEFORE.search(text[:n.start])
    if m is None:
        return False
    who = m.group(1)
    if who.lower() in ("he", "she", "who"):
        return True
    if who[:1].isupper() and who[1:2].islower() and who not in _NOT_PERSON_EN:
        return True  # a name
    return who.islower() and _person_noun(who)


def _age_years(n: NumberMatch, seconds: float, raw: str, lang: str) -> float:
    """The years of an age ("16 years old", "three-year-old", "the 6-month-old"): the number read
    before its unit of time, whose value :func:`find_numbers` converted to seconds, converted to
    years (a number in words, "three", "drei", has no digits to read again; months are a part of a year)."""
    if n.kind != "duration":
        return seconds
    if n.measure_units:
        return round(seconds / _YEAR_S, 6)
    return parse_number(re.sub(r"[^\d.,]", "", raw) or "0", lang)


#: seconds of a year (pint's Julian year), to read an age back from the duration it was read as
_YEAR_S = convert(1.0, "year", "s")


def _overlaps(a: int, b: int, spans) -> bool:
    return any(not (b <= s or a >= e) for s, e in spans)


def extract(sentence: Sentence, view: Optional[str] = None, published: Optional[date] = None,
            tolerance: float = DEFAULT_TOLERANCE) -> Claim:
    """Extract the facts of one sentence.

    Parameters
    ----------
    sentence : Sentence
    view : str, optional
        The sentence's span of the article's cleaned view (same length as
        ``sentence.text``); defaults to ``sentence.text``.
    published : date, optional
        Publication date, to resolve "gestern" or "last week".
    tolerance : float
        Relative band for approximate hedges ("rund", "about").
    """
    text = view if view is not None else sentence.text
    lang = sentence.language
    furniture = furniture_spans(text)
    values = _time_values(sentence, text, published, furniture)
    taken = [(v.start - sentence.start, v.end - sentence.start) for v in values] + furniture
    entities = find_entities(text)
    values += _number_values(sentence, text, tolerance, taken, entities)
    values += _other_counts(sentence, text, values)
    values.sort(key=lambda q: q.start)
    neg = negation_cues(text, lang)
    hedges = hedge_cues(text, lang)
    return Claim(sentence=sentence, values=tuple(values), negated=bool(neg), negation_cues=neg,
                 hedged=bool(hedges), hedge_cues=hedges, attribution=attribution(text),
                 entities=tuple(sorted({e.name for e in entities})))


def _time_values(sentence: Sentence, text: str, published: Optional[date], furniture) -> list[Quantity]:
    """The dates and times of day of a sentence, each with the happening it dates (its role); a
    publication stamp or a dateline is none."""
    base = sentence.start
    values: list[Quantity] = []
    for d in find_dates(text, published):
        if _overlaps(d.start, d.end, furniture):
            continue  # the date of a publication stamp or a dateline: not a value of the statement
        values.append(Quantity(raw=sentence.text[d.start:d.end], start=base + d.start, end=base + d.end,
                               kind=d.kind, value=d.low, low=d.low, high=d.high,
                               unit=None, unit_key="time", partial=d.partial, role=_event(text, d.start, d.end)))
    dated = [(v.start - base, v.end - base) for v in values]
    for c in find_clock_times(text):
        if _overlaps(c.start, c.end, furniture) or _overlaps(c.start, c.end, dated):
            continue  # the time of a publication stamp ("Aktualisiert: 14:32 Uhr")
        values.append(Quantity(raw=sentence.text[c.start:c.end], start=base + c.start, end=base + c.end,
                               kind="clock", value=c.value, low=c.low, high=c.high, unit=None, unit_key="clock",
                               hedge=c.hedge, role=_event(text, c.start, c.end)))
    return values


def _other_counts(sentence: Sentence, text: str, values: list[Quantity]) -> list[Quantity]:
    """Ages written in German words ("der Zwölfjährige") and counts of nobody ("no one was
    injured", "keine Toten") where no value stands."""
    base, out = sentence.start, []
    if sentence.language == "de":
        for a, b, years, whose in _word_ages_de(text):
            if not _overlaps(a, b, [(v.start - base, v.end - base) for v in values + out]):
                out.append(Quantity(raw=sentence.text[a:b], start=base + a, end=base + b, kind="measure",
                                    value=years, low=years, high=years, unit=whose, unit_key="age"))
    for z in _zero_counts(text):
        if not _overlaps(z[0], z[1], [(v.start - base, v.end - base) for v in values + out]):
            a, b, unit, key, role = z
            out.append(Quantity(raw=sentence.text[a:b], start=base + a, end=base + b, kind="count", value=0.0,
                                low=0.0, high=0.0, unit=unit, unit_key=key, role=role))
    return out


def _number_values(sentence: Sentence, text: str, tolerance: float, taken, entities) -> list[Quantity]:
    """The numbers of a sentence outside ``taken`` (its dates and furniture) that are values: each
    number goes through the rules of :data:`_NUMBER_RULES` until one says what it is."""
    numbers = find_numbers(text, sentence.language, tolerance)
    for m in _ORDINAL_EN.finditer(text):
        if not _overlaps(m.start(), m.end(), taken):
            v = float(m.group(1))
            numbers.append(NumberMatch(m.start(), m.end(), v, v, v, None, None, False, False, False,
                                       ordinal=True))
    numbers.sort(key=lambda n: n.start)
    out = []
    for n in numbers:
        if _overlaps(n.start, n.end, taken):
            continue
        num = _Number(sentence, text, n, entities)
        for rule in _NUMBER_RULES:
            found = rule(num)
            if found is not None:
                if found is not _SKIP:
                    out.append(found)
                break
    return out


#: A rule's answer that the number is no value of the statement (``None``: not this rule's case).
_SKIP = object()


class _Number:
    """One number of a sentence, as the rules of :data:`_NUMBER_RULES` look at it."""

    def __init__(self, sentence: Sentence, text: str, n: NumberMatch, entities):
        self.sentence, self.text, self.n, self.entities = sentence, text, n, entities
        self.lang = sentence.language
        self.raw = sentence.text[n.start:n.end]

    @cached_property
    def ordinal(self) -> bool:
        n, text = self.n, self.text
        if (self.lang == "de" and _ORDINAL_AFTER.match(text[n.end:]) and n.plain_integer
                and n.end < len(text.rstrip()) - 1):
            return True  # "im 2. Weltkrieg", "der 7. Atomtest"
        return n.ordinal

    @cached_property
    def subject(self) -> tuple:
        ca, cb = _clause(self.text, self.n.start, self.n.end)
        return tuple(sorted({e.name for e in self.entities if ca <= e.start and e.end <= cb}))

    @cached_property
    def noun(self):
        n, text = self.n, self.text
        if n.currency or n.percent:
            return None
        noun_from = n.end + (1 if self.ordinal and text[n.end:n.end + 1] == "." else 0)
        modifier = _MODIFIER_AFTER.match(text, n.end)
        if modifier and not self.ordinal:
            noun_from = modifier.end()  # "50 911 calls": 50 calls
        return counted_noun(text, n.start, noun_from, self.lang, self.ordinal)

    @cached_property
    def key(self) -> Optional[str]:
        return unit_key(self.noun[0]) if self.noun else None

    def value(self, kind: str, n: Optional[NumberMatch] = None, **kw) -> Quantity:
        """The Quantity of this number (of ``n``, a converted copy, if given)."""
        n = n or self.n
        base = self.sentence.start
        kw.setdefault("low", n.low)
        kw.setdefault("high", n.high)
        kw.setdefault("value", n.value)
        return Quantity(raw=self.raw, start=base + n.start, end=base + n.end, kind=kind, **kw)


def _not_a_quantity(x: _Number):
    """A number that names or places something: "Boeing 737", "[3]", a house number, "F-16s"."""
    n, text = x.n, x.text
    if (_NOT_QUANTITY_AFTER.match(text[n.end:]) or _NOT_QUANTITY_AFTER_I.match(text[n.end:])
            or (text[n.start - 1:n.start] == "[" and _CITATION.match(text[n.end:]))
            or _NOT_QUANTITY_BEFORE.search(text[:n.start]) or _name_number(text, n)
            or text[n.start:n.start + 1].isdigit() and _HOUSE_NUMBER_BEFORE.search(text[:n.start])):
        return _SKIP
    return None


def _age(x: _Number):
    """"16 years old", "15-year-old", "22-jährige", "16 Jahre alt": an age, not a duration; its
    unit is whose age it is, where a noun follows ("15-year-old student" -> "student")."""
    n, text, lang = x.n, x.text, x.lang
    compound = _AGE_COMPOUND.match(text[n.end:])
    if not (_AGE_AFTER.match(text[n.end:]) or compound
            or (n.kind == "duration" and _AGE_LIST_AFTER.match(text[n.end:]))):
        return None
    years = _age_years(n, n.value, x.raw, lang)
    low, high = years, years
    if n.hedge == "range":  # "15 to 17 years old"
        low, high = _age_years(n, n.low, x.raw, lang), _age_years(n, n.high, x.raw, lang)
    # "der 22-Jährige": the compound is the noun, what follows is no one's
    noun_after = compound and not compound.group().lstrip("-").startswith("J")
    whose = _age_noun(text[n.end + compound.end():], lang) if noun_after else None
    return x.value("measure", value=years, low=low, high=high, unit=whose or "years old", unit_key="age",
                   hedge=n.hedge, subject=x.subject)


def _scale_point(x: _Number):
    """"Stärke 6,4", "magnitude 6.4", "Category 3", "Kategorie 4", "Stufe 2": a point on a scale."""
    n = x.n
    scale = _SCALE_BEFORE.search(x.text[:n.start])
    if not scale or n.currency or n.percent:
        return None
    word = scale.group(1).lower()
    key = "magnitude" if word[:3] in ("stä", "mag") else "category"
    return x.value("measure", unit=scale.group(1), unit_key=key, hedge=n.hedge, subject=x.subject)


def _name_part(x: _Number):
    """"F-16s", "COVID-19", "24/7": names, not quantities."""
    n, text = x.n, x.text
    if text[max(0, n.start - 1):n.start] in ("-", "/") or text[n.end:n.end + 1] in ("-", "/"):
        if not (n.currency or n.percent or n.kind):
            return _SKIP
    return None


def _calibre(x: _Number):
    """"a 9mm handgun", "7.62 mm rounds": a calibre names a cartridge, it is no length."""
    n = x.n
    if (n.kind == "measure" and n.unit_key == "m" and _MILLIMETRES.fullmatch(n.unit or "")
            and n.high <= 0.0201 and _GUN_WORDS.search(x.text)):
        return _SKIP
    return None


def _measured(x: _Number):
    """A number with a unit of measure or of time ("12 feet", "drei Stunden")."""
    n = x.n
    if n.kind not in ("measure", "duration"):
        return None
    return x.value(n.kind, unit=n.unit, unit_key=n.unit_key, hedge=n.hedge, subject=x.subject)


def _modifier(x: _Number):
    """"50 911 calls": "911" names the calls."""
    n = x.n
    if _MODIFIER_BEFORE.search(x.text[:n.start]) and not (n.currency or n.percent):
        return _SKIP
    return None


def _age_by_copula(x: _Number):
    """"Der Mann ist 45", "he was 45": an age without the word."""
    n = x.n
    if x.noun is None and not x.ordinal and _copula_age(x.text, n, x.lang):
        return x.value("measure", low=n.value, high=n.value, unit="years old", unit_key="age", subject=x.subject)
    return None


def _ordinal(x: _Number):
    """"the second day", "der 7. Atomtest": a place in a sequence, of the noun after it (none: no value)."""
    if not x.ordinal:
        return None
    if x.noun is None:
        return _SKIP
    n = x.n
    return x.value("ordinal", low=n.value, high=n.value, unit=x.noun[0], unit_key=x.key, subject=x.subject)


def _years(x: _Number):
    """A year ("2019", after a year cue where a noun follows) or a period of years ("between 2015
    and 2021", "von 2017 bis 2021": not a count)."""
    n, key = x.n, x.key
    if (n.hedge == "range" and key is None and not (n.currency or n.percent or n.scaled)
            and float(n.low).is_integer() and float(n.high).is_integer() and 1800 <= n.low < n.high <= 2100):
        lo, hi = date(int(n.low), 1, 1).toordinal(), date(int(n.high), 12, 31).toordinal()
        return x.value("year", value=lo, low=lo, high=hi, unit_key="time", hedge="range")
    if (n.plain_integer and 1800 <= n.value <= 2100 and not (n.currency or n.percent)
            and n.hedge is None and (key is None or _YEAR_CUE.search(x.text[:n.start]))):
        lo, hi = date(int(n.value), 1, 1).toordinal(), date(int(n.value), 12, 31).toordinal()
        return x.value("year", value=lo, low=lo, high=hi, unit_key="time")
    return None


def _amount(x: _Number):
    """Money, a percentage, a duration whose unit stands past an adjective ("25 lange Jahre"), or a
    count of its noun; a bare small number ("Channel 24") is no fact to compare."""
    n, noun, key, text = x.n, x.noun, x.key, x.text
    if n.currency:
        kind, key, unit = "money", n.currency, n.currency
    elif n.percent:
        kind, key, unit = ("percent", "pp", "percentage points") if n.points else ("percent", "%", "%")
    elif key in _DURATION_UNITS and _TIME_WORD.match(noun[0]):
        kind, unit, key = "duration", noun[0], "s"
        per = _DURATION_UNITS[unit_key(noun[0])]
        n = NumberMatch(n.start, n.end, convert(n.value, per, "s"), convert(n.low, per, "s"),
                        convert(n.high, per, "s"), n.hedge, None, False, n.scaled, False)
    else:
        kind, unit = "count", noun[0] if noun else None
        if (noun is None and n.hedge is None and n.value < 1000 and not n.scaled and not n.words
                and _role(text, n.start, n.end, None) is None):
            return _SKIP
    return x.value(kind, n, unit=unit, unit_key=key, hedge=n.hedge, subject=x.subject,
                   role=_role(text, n.start, n.end, key) if kind == "count" else None)


#: What a number of a sentence is, rule by rule, in order: the first rule that answers decides
#: (a Quantity, or :data:`_SKIP` for no value).
_NUMBER_RULES = (_not_a_quantity, _age, _scale_point, _name_part, _calibre, _measured, _modifier,
                 _age_by_copula, _ordinal, _years, _amount)


def extract_claims(article: Article, sentences: Iterable[Sentence],
                   tolerance: float = DEFAULT_TOLERANCE) -> list[Claim]:
    """Extract the claims of an article's sentences."""
    view = article.view or article.text
    return [extract(s, view[s.start:s.end], article.published, tolerance) for s in sentences]


def is_infinite(x: Optional[float]) -> bool:
    return x is not None and math.isinf(x)
