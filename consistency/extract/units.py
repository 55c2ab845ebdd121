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

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

__all__ = ["counted_noun", "unit_key", "units_compatible", "LEXICON", "measure_at", "Measure", "convert",
           "convert_interval", "MEASURE_KEYS", "BASE_UNITS", "ATTACHED_UNIT"]

_TOKEN = re.compile(r"[^\W\d_][\w-]*|\d[\d.,]*|[^\s\w]", re.U)
_PREPS_DE = {"mit", "von", "aus", "in", "an", "auf", "für", "gegen", "über", "unter", "zu", "bei", "nach"}
_STOP_EN = {"of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "the", "a", "an",
            "were", "was", "are", "is", "have", "had", "has", "that", "which", "who", "more", "than",
            # a clause ends: the noun past these is another clause's ("was 35 when he killed ...")
            "when", "while", "after", "before", "because", "since", "as", "if", "he", "she", "they", "it", "we"}
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
    "wounded": "injured", "injury": "injured",
    "fatality": "death",
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
    # nouns news count most, German and English (plurals whose stem changes written out)
    "häuser": "house", "home": "house", "wohnhaus": "house", "wohnhäuser": "house",
    "stelle": "job", "arbeitsplatz": "job", "arbeitsplätze": "job", "job": "job",
    "besucher": "visitor", "visitor": "visitor", "gast": "visitor", "gäste": "visitor", "guest": "visitor",
    "zuschauer": "visitor", "spectator": "visitor",
    "fahrgast": "passenger", "fahrgäste": "passenger", "passagier": "passenger", "passenger": "passenger",
    "reisende": "passenger", "reisender": "passenger",
    "haushalt": "household", "household": "household", "kunde": "customer", "customer": "customer",
    "mitarbeiter": "worker", "beschäftigte": "worker", "beschäftigter": "worker", "angestellte": "worker",
    "employee": "worker", "henne": "hen", "hen": "hen", "huhn": "hen", "hühner": "hen", "chicken": "hen",
    "feuerwehrmann": "firefighter", "feuerwehrleute": "firefighter", "firefighter": "firefighter",
    "polizist": "police officer", "polizeibeamte": "police officer", "police officer": "police officer",
    "schüler": "pupil", "pupil": "pupil", "fahrzeug": "vehicle", "vehicle": "vehicle", "auto": "car",
    "car": "car", "pkw": "car", "wohnung": "apartment", "apartment": "apartment", "flat": "apartment",
    # the people taking part in a race or a march: one count however they are called
    "teilnehmer": "participant", "participant": "participant", "läufer": "participant", "runner": "participant",
    "starter": "participant", "teilnehmende": "participant",
    "stimme": "vote", "vote": "vote", "sitz": "seat", "seat": "seat", "mandat": "seat",
    "krankenhaus": "hospital", "krankenhäuser": "hospital", "klinik": "hospital", "hospital": "hospital",
    "schule": "school", "school": "school", "firma": "company", "unternehmen": "company",
    "company": "company", "firm": "company", "mitglied": "member", "member": "member",
    "arzt": "doctor", "ärzte": "doctor", "doctor": "doctor", "bewohner": "resident", "anwohner": "resident",
    "resident": "resident", "bergmann": "miner", "bergleute": "miner", "kumpel": "miner", "miner": "miner",
    "geisel": "hostage", "hostage": "hostage", "verdächtige": "suspect", "tatverdächtige": "suspect",
    "verdächtiger": "suspect", "suspect": "suspect", "tier": "animal", "animal": "animal",
    "baum": "tree", "bäume": "tree", "tree": "tree", "flug": "flight", "flüge": "flight", "flight": "flight",
    "zug": "train", "züge": "train", "train": "train", "patient": "patient", "bett": "bed", "bed": "bed",
    # those who come to help, however a report calls them
    "einsatzkraft": "rescuer", "einsatzkräfte": "rescuer", "rettungskraft": "rescuer", "rettungskräfte": "rescuer",
    "helfer": "rescuer", "helferin": "rescuer", "retter": "rescuer", "rescuer": "rescuer", "helper": "rescuer",
    "rescue worker": "rescuer", "responder": "rescuer", "emergency worker": "rescuer",
    "position": "job", "stellen": "job",
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
    if language != "de" and len(after) >= 2 and after[0][0].lower() == "of" and _part_of(after[1:]):
        # "three of the victims", "two of his children", "15 of Luke's friends": a part of the noun
        # after the determiner (as German "drei der Verletzten"); "two of them": none; a part of a
        # group counted itself ("23 of the 40 cars", "two of four people"): none either (as German
        # "23 der 40 Waggons"), the whole has the noun, and a part is no count of it
        rest = after[1:]
        if rest[0][0].lower() in _PRONOUNS_EN:
            return None
        while rest and (rest[0][0].lower() in _DETERMINERS_EN or rest[0][0] in ("'", "’", "s")
                        or (rest[0][0][:1].isupper() and len(rest) > 1 and rest[1][0] in ("'", "’"))
                        or (len(rest) > 2 and rest[1][0] in ("'", "’") and rest[2][0] == "s")):
            rest = rest[1:]  # "the", "Luke 's", "the train 's"
        if rest and (rest[0][0].lower() in _NUMBER_WORDS_EN or rest[0][0][:1].isdigit()):
            return None
        noun = _noun_en(rest[:3])
        return (noun[0], end + noun[1], end + noun[2]) if noun else None
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
        noun = _noun_en(after[:3])
        if noun:
            return noun[0], end + noun[1], end + noun[2]
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


#: words after "of" that open the noun phrase of a part: "three of the victims", "two of his children"
_DETERMINERS_EN = {"the", "these", "those", "his", "her", "their", "its", "our", "my", "your", "a", "an"}
#: words after "of" that stand for the whole: "two of them", "three of whom" (no counted noun here)
_PRONOUNS_EN = {"them", "us", "whom", "which", "you"}


_NUMBER_WORDS_EN = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "several", "many", "dozen"}


def _part_of(tokens) -> bool:
    """Do ``tokens`` (after "of") open a group that a number is a part of: a determiner ("the"), a
    pronoun ("them"), a number ("four people") or a possessive name ("Luke's friends")?"""
    w = tokens[0][0]
    lw = w.lower()
    if lw in _DETERMINERS_EN or lw in _PRONOUNS_EN or lw in _NUMBER_WORDS_EN or w[:1].isdigit():
        return True
    return w[:1].isupper() and len(tokens) > 2 and tokens[1][0] in ("'", "’") and tokens[2][0] == "s"


def _noun_en(tokens) -> Optional[tuple[str, int, int]]:
    """The first English plural (or known) noun of ``tokens``, before a stop word: the counted noun."""
    for w, a, b in tokens:
        lw = w.lower()
        if not w[:1].isalpha() or lw in _STOP_EN:
            break
        if lw in _IRREGULAR_EN or lw in LEXICON or (
                lw.endswith("s") and len(lw) > 3 and not lw.endswith(("ss", "us", "is"))):
            return w, a, b  # a plural ("victims"), not a singular in -s ("mass", "campus", "crisis")
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


#: German compounds whose last part is a lexicon noun but which name something else: a building
#: site is no job ("Baustelle"), a certificate no customer ("Urkunde"), a move no train ("Umzug").
#: They keep their own key instead of the head's (written in the singular; plurals are derived).
NOT_COMPOUNDS = frozenset({
    "baustelle", "haltestelle", "tankstelle", "unfallstelle", "einsatzstelle", "feuerstelle", "fundstelle",
    "brandstelle", "pressestelle", "geschäftsstelle", "dienststelle", "anlaufstelle", "schnittstelle",
    "meldestelle", "beratungsstelle", "urkunde", "umzug", "anzug", "einzug", "rückzug", "bezug", "ausflug",
    "flussbett", "vorsitz", "wohnsitz", "firmensitz", "hauptsitz", "amtssitz",
})
_NOT_COMPOUND_FORMS = {**{x + e: x for x in NOT_COMPOUNDS for e in ("", "n", "en", "e", "s", "es")},
                       "umzüge": "umzug", "anzüge": "anzug", "ausflüge": "ausflug", "rückzüge": "rückzug",
                       "flussbetten": "flussbett"}


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
    if w in _NOT_COMPOUND_FORMS:
        return _NOT_COMPOUND_FORMS[w]
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
    if (a in MEASURE_KEYS) != (b in MEASURE_KEYS):
        return False  # a measure ("3.7 m") never counts things, not even unnamed ones
    if a is None or b is None:
        return True
    if a == b:
        return True
    if {a, b} <= {"death", "casualty"}:
        return True  # "Todesopfer" vs "casualties": same fact, often mixed in reporting
    if {a, b} <= {"rescuer", "firefighter"}:
        return True  # "180 Einsatzkräfte" / "180 Feuerwehrleute und Rettungskräfte"
    return len(a) >= 5 and len(b) >= 5 and (a.endswith(b) or b.endswith(a))


# --- measures: lengths, speeds, temperatures, masses, volumes, areas, concentrations, durations ---------
#
# A measure is a number with a unit of a physical dimension. Its value is
# converted (with pint) to one base unit per dimension, so that "12 feet" and
# "3.7 metres", "47.6C" and "117.7F", "2 Stunden" and "120 Minuten" compare.
# The unit as written stays in ``Quantity.unit``; the base unit is the
# ``unit_key``. Durations keep the kind "duration"; every other measure has
# the kind "measure", so a measure is never compared with a count.

#: base unit key -> pint unit of the base
BASE_UNITS = {"m": "meter", "km/h": "kilometer / hour", "degC": "degC", "kg": "kilogram", "m3": "meter ** 3",
              "m2": "meter ** 2", "ug/m3": "microgram / meter ** 3", "s": "second"}
MEASURE_KEYS = frozenset(BASE_UNITS)

_W = r"(?![\w/²³])"  # a unit ends a word

#: (pattern, pint units, base key, only attached to the number). The pattern is matched right after the
#: number (and a blank). Two pint units mean an ambiguous unit: the value becomes the interval between them
#: ("tons": short ton .. long ton, the metric tonne lies between). Order matters: compounds first.
_MEASURES: list[tuple[str, tuple[str, ...], str, bool]] = [
    # concentrations
    (r"(?:µg|μg|ug)\s?/\s?m(?:³|3)|Mikrogramm\s+(?:pro|je)\s+Kubikmeter|micrograms?\s+per\s+cubic\s+met(?:re|er)",
     ("microgram / meter ** 3",), "ug/m3", False),
    (r"mg\s?/\s?m(?:³|3)|Milligramm\s+(?:pro|je)\s+Kubikmeter|milligrams?\s+per\s+cubic\s+met(?:re|er)",
     ("milligram / meter ** 3",), "ug/m3", False),
    # speeds
    (r"km\s?/\s?h|kmh|kph|km\s+pro\s+Stunde|Stundenkilometer[n]?|Kilometer[n]?\s+(?:pro|je|in\s+der)\s+Stunde|"
     r"kilomet(?:re|er)s?\s+(?:per|an)\s+hour", ("kilometer / hour",), "km/h", False),
    (r"km\s?/\s?s|Kilometer[n]?\s+(?:pro|je|in\s+der)\s+Sekunde|kilomet(?:re|er)s?\s+(?:per|a)\s+second",
     ("kilometer / second",), "km/h", False),
    (r"mph|miles\s+(?:per|an)\s+hour|Meilen\s+pro\s+Stunde", ("mile / hour",), "km/h", False),
    (r"m\s?/\s?s|Meter\s+pro\s+Sekunde|met(?:re|er)s\s+per\s+second", ("meter / second",), "km/h", False),
    (r"Knoten|knots?|kn", ("knot",), "km/h", False),
    # areas
    (r"km²|km2|Quadratkilometer[n]?|square\s+kilomet(?:re|er)s?|sq\.?\s?km", ("kilometer ** 2",), "m2", False),
    (r"m²|qm|Quadratmeter[n]?|square\s+met(?:re|er)s?|sq\.?\s?m", ("meter ** 2",), "m2", False),
    (r"square\s+miles?|sq\.?\s?mi|Quadratmeilen?", ("mile ** 2",), "m2", False),
    (r"square\s+f(?:ee|oo)t|sq\.?\s?ft", ("foot ** 2",), "m2", False),
    (r"Hektar|hectares?|ha", ("hectare",), "m2", False),
    (r"acres?", ("acre",), "m2", False),
    # volumes
    (r"m³|m3|Kubikmeter[n]?|cubic\s+met(?:re|er)s?", ("meter ** 3",), "m3", False),
    (r"Hektoliter[n]?|hectolit(?:re|er)s?|hl", ("hectoliter",), "m3", False),
    (r"ml|Milliliter[n]?|millilit(?:re|er)s?", ("milliliter",), "m3", False),
    (r"l|Liter[n]?|lit(?:re|er)s?", ("liter",), "m3", False),
    (r"gallons?|Gallonen", ("gallon",), "m3", False),
    # temperatures
    (r"°\s?C|Grad\s+Celsius|degrees?\s+(?:Celsius|centigrade|C)|Grad", ("degC",), "degC", False),
    (r"°\s?F|Grad\s+Fahrenheit|degrees?\s+(?:Fahrenheit|F)", ("degF",), "degC", False),
    (r"C", ("degC",), "degC", True),  # "47.6C"; a spaced "3 C" is a label ("Gruppe 3 C")
    (r"F", ("degF",), "degC", True),
    # lengths
    (r"km|Kilometer[n]?|kilomet(?:re|er)s?", ("kilometer",), "m", False),
    (r"cm|Zentimeter[n]?|centimet(?:re|er)s?", ("centimeter",), "m", False),
    (r"mm|Millimeter[n]?|millimet(?:re|er)s?", ("millimeter",), "m", False),
    (r"Seemeilen?|nautical\s+miles?|nmi", ("nautical_mile",), "m", False),
    (r"m|Meter[n]?|met(?:re|er)s?", ("meter",), "m", False),
    (r"ft|feet|foot", ("foot",), "m", False),
    (r"yards?|yd", ("yard",), "m", False),
    (r"mi|miles?|Meilen?", ("mile",), "m", False),
    (r"inch(?:es)?|Zoll", ("inch",), "m", False),
    (r"in", ("inch",), "m", True),
    # masses
    (r"kg|Kilogramm|kilograms?|kilos?", ("kilogram",), "kg", False),
    (r"mg|Milligramm|milligrams?", ("milligram",), "kg", False),
    (r"t|Tonnen|Tonne|tonnes?|metric\s+tons?", ("tonne",), "kg", False),
    (r"tons?", ("short_ton", "long_ton"), "kg", False),
    (r"g|Gramm|grams?", ("gram",), "kg", False),
    (r"lbs?|pounds?", ("pound",), "kg", False),
    (r"oz|ounces?|Unzen?", ("ounce",), "kg", False),
    # durations
    (r"Sekunden|Sekunde|Sek\.|seconds?|secs?", ("second",), "s", False),
    (r"Minuten|Minute|Min\.|minutes?|mins?", ("minute",), "s", False),
    (r"Stunden|Stunde|Std\.|hours?|hrs?|h", ("hour",), "s", False),
    (r"Tagen|Tage|Tag|days?", ("day",), "s", False),
    (r"Wochen|Woche|weeks?", ("week",), "s", False),
    (r"Monaten|Monate|Monat|months?", ("month",), "s", False),
    (r"Jahrzehnten|Jahrzehnte|Jahrzehnt|decades?", ("10 * year",), "s", False),
    (r"Jahrhunderten|Jahrhunderte|Jahrhundert|centuries|century", ("century",), "s", False),
    (r"Jahren|Jahre|Jahr|years?", ("year",), "s", False),
]
#: case-sensitive symbols (the words are matched in any case)
_SYMBOLS = {"C", "F", "t", "m", "l", "g", "h", "ha", "hl", "kn", "in", "mi", "ft", "yd", "km", "cm", "mm", "ml",
            "mg", "kg", "oz", "lb", "lbs", "nmi", "qm", "m²", "m³", "m2", "m3", "km2", "km²"}
_MEASURE_RES = [(re.compile(p, re.I), units, key, attached) for p, units, key, attached in _MEASURES]
_UNIT_AT = re.compile(r"(?P<gap>[ \t\u00a0\u202f\u2009-]?)(?P<u>" + "|".join(p for p, *_ in _MEASURES) + r")" + _W,
                      re.I)
#: units written attached to a number ("47.6C", "5km", "24h", "12ft"): a regex for a look-ahead
ATTACHED_UNIT = r"(?-i:km/h|km²|km2|km|cm|mm|m²|m³|m|ft|mi|mph|kmh|kph|in|kg|mg|g|t|l|ml|h|C|F|°C|°F)(?![\w/²³])"


@dataclass(frozen=True)
class Measure:
    """A unit found after a number: ``text[start:end]`` is the unit as written."""

    unit: str  # as written, "Fuß", "metres", "°C"
    start: int
    end: int
    key: str  # base unit key, "m"
    units: tuple[str, ...]  # pint units, one or two (an ambiguous unit)

    @property
    def kind(self) -> str:
        return "duration" if self.key == "s" else "measure"


def measure_at(text: str, pos: int, language: str = "de") -> Optional[Measure]:
    """The measure unit written at ``text[pos:]`` right after a number, if any.

    One blank may stand between the number and the unit ("12 feet", "3,7 m"). Symbols are
    case-sensitive ("m" and "kg", not "M" or "Kg"); "in" must be attached ("12in"); a spaced
    one-letter symbol ("5 m", "40 C", "3 t") must end the phrase or be followed by a lower-case
    word ("5 m hoch", "40 C in Madrid"), else it is a name or a list label ("Gruppe 3 C").
    "pounds" is a weight only in a sentence about weight (else money).
    """
    m = _UNIT_AT.match(text, pos)
    if m is None:
        return None
    u, gap = m.group("u"), m.group("gap")
    for rx, units, key, attached in _MEASURE_RES:
        if not rx.fullmatch(u):
            continue
        if u.lower() in _SYMBOLS_LOWER and u not in _SYMBOLS:
            return None  # "M", "T", "Kg"
        if attached and gap:
            return None
        if gap and len(u) == 1 and not re.match(r"\s*(?:$|[.,;:!?)\]–—-]|[a-zäöüß])", text[m.end():]):
            return None
        if u.lower() in ("pound", "pounds", "lb", "lbs") and u.lower().startswith("p") \
                and not _WEIGHT_CONTEXT.search(text):
            return None  # "pounds" is money unless the sentence weighs something
        return Measure(unit=u, start=m.start("u"), end=m.end("u"), key=key, units=units)
    return None


_WEIGHT_CONTEXT = re.compile(r"\b(?:weigh\w*|weight|heavy|heavier|pounds\s+of|lbs?)\b", re.I)
_SYMBOLS_LOWER = {s.lower() for s in _SYMBOLS}


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


#: ``(unit, base key) -> (a, b)`` with ``base = a * x + b``: pint's conversions of the units in
#: :data:`_MEASURES`, written out so that a run does not build pint's registry (about a second);
#: tests/extract/test_units.py checks every entry against pint. Other units fall back to pint.
_AFFINE_TABLE: dict[tuple[str, str], tuple[float, float]] = {
    ('10 * year', 's'): (315576000.0, 0.0),
    ('acre', 'm2'): (4046.8726098742513, 0.0),
    ('centimeter', 'm'): (0.01, 0.0),
    ('century', 's'): (3155760000.0, 0.0),
    ('day', 's'): (86400.0, 0.0),
    ('degC', 'degC'): (1.0, 0.0),
    ('degF', 'degC'): (0.5555555555555429, -17.777777777777743),
    ('foot', 'm'): (0.30479999999999996, 0.0),
    ('foot ** 2', 'm2'): (0.09290303999999999, 0.0),
    ('gallon', 'm3'): (0.0037854117839999993, 0.0),
    ('gram', 'kg'): (0.001, 0.0),
    ('hectare', 'm2'): (10000.0, 0.0),
    ('hectoliter', 'm3'): (0.10000000000000002, 0.0),
    ('hour', 's'): (3600.0, 0.0),
    ('inch', 'm'): (0.0254, 0.0),
    ('kilogram', 'kg'): (1.0, 0.0),
    ('kilometer', 'm'): (1000.0, 0.0),
    ('kilometer ** 2', 'm2'): (1000000.0, 0.0),
    ('kilometer / hour', 'km/h'): (1.0, 0.0),
    ('kilometer / second', 'km/h'): (3600.0, 0.0),
    ('knot', 'km/h'): (1.852, 0.0),
    ('liter', 'm3'): (0.0010000000000000002, 0.0),
    ('long_ton', 'kg'): (1016.0469088000001, 0.0),
    ('meter', 'm'): (1.0, 0.0),
    ('meter ** 2', 'm2'): (1.0, 0.0),
    ('meter ** 3', 'm3'): (1.0, 0.0),
    ('meter / second', 'km/h'): (3.6, 0.0),
    ('microgram / meter ** 3', 'ug/m3'): (1.0, 0.0),
    ('mile', 'm'): (1609.344, 0.0),
    ('mile ** 2', 'm2'): (2589988.110336, 0.0),
    ('mile / hour', 'km/h'): (1.609344, 0.0),
    ('milligram', 'kg'): (1e-06, 0.0),
    ('milligram / meter ** 3', 'ug/m3'): (1000.0, 0.0),
    ('milliliter', 'm3'): (1.0000000000000002e-06, 0.0),
    ('millimeter', 'm'): (0.001, 0.0),
    ('minute', 's'): (60.0, 0.0),
    ('month', 's'): (2629800.0, 0.0),
    ('nautical_mile', 'm'): (1852.0, 0.0),
    ('ounce', 'kg'): (0.028349523125000005, 0.0),
    ('pound', 'kg'): (0.4535923700000001, 0.0),
    ('second', 's'): (1.0, 0.0),
    ('short_ton', 'kg'): (907.1847400000001, 0.0),
    ('tonne', 'kg'): (1000.0, 0.0),
    ('week', 's'): (604800.0, 0.0),
    ('yard', 'm'): (0.9144, 0.0),
    ('year', 's'): (31557600.0, 0.0),
}


def _affine(unit: str, key: str) -> tuple[float, float]:
    """``(a, b)`` with ``base = a * x + b`` for a value ``x`` in ``unit`` (pint does the physics)."""
    found = _AFFINE_TABLE.get((unit, key))
    return found if found is not None else _pint_affine(unit, key)


@lru_cache(maxsize=None)
def _pint_affine(unit: str, key: str) -> tuple[float, float]:
    """:func:`_affine` computed by pint."""
    ureg = _registry()
    target = BASE_UNITS[key]
    factor = 1.0
    if unit.startswith("10 * "):  # pint's "decade" is a logarithmic unit
        factor, unit = 10.0, unit[5:]
    base0 = ureg.Quantity(0.0, unit).to(target).magnitude
    base1 = ureg.Quantity(1.0, unit).to(target).magnitude
    return (base1 - base0) * factor, base0


def _tidy(x: float) -> float:
    return x if math.isinf(x) else float(f"{x:.12g}")


def convert(value: float, unit: str, key: str) -> float:
    """``value`` in the pint ``unit``, in the base unit ``key``."""
    if math.isinf(value):
        return value
    a, b = _affine(unit, key)
    return _tidy(a * value + b)


def convert_interval(measure: Measure, value: float, low: float, high: float,
                     half: float = 0.0) -> tuple[float, float, float]:
    """Convert ``value`` and its interval to the base unit of ``measure``.

    ``half`` is just under half the last written digit ("3.7" -> 0.045, so that 47.3 and 47.4 do not touch): an unhedged value covers its rounding. An
    ambiguous unit ("tons") covers both readings.
    """
    u_lo, u_hi = measure.units[0], measure.units[-1]
    lo = convert(low - half if low == high else low, u_lo, measure.key)
    hi = convert(high + half if low == high else high, u_hi, measure.key)
    v = convert(value, u_lo, measure.key) if len(measure.units) == 1 else (lo + hi) / 2
    return v, min(lo, hi), max(lo, hi)
