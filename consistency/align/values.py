"""Which values can be compared at all: the family of a value, and the hard gates.

Only values of one *family* are ever compared (a point in time, a duration,
money in one currency, a percentage, a measure in one unit, a count). Inside
a family, whether two values state the same fact is a learned decision
(:mod:`.identity`); the gates here only rule out what can never be one fact.
"""

from __future__ import annotations

from ..extract.units import unit_key, units_compatible
from ..model import Quantity

__all__ = ["family", "values_match", "disjoint", "same_distinctive_value", "distinctive", "significant_digits"]


def family(q: Quantity) -> str:
    """The kind of fact a value states; only values of one family are compared."""
    if q.kind in ("date", "year", "relative_date"):
        return "time"
    if q.kind == "duration":
        # durations are stored in seconds; the unit they were stated in says their order:
        # "sieben Stunden" and "zwölf Stunden" compare, "57 minutes" and "seven years" do not
        return f"duration:{_TIME_UNIT.get(unit_key(q.unit), unit_key(q.unit)) if q.unit else q.unit_key}"
    if q.kind == "money":
        return f"money:{q.unit_key}"
    if q.kind == "percent":
        return f"percent:{q.unit_key}"
    if q.kind == "measure":
        return f"measure:{q.unit_key}"
    if q.kind == "ordinal":
        return "ordinal"
    if q.kind == "clock":
        return "clock"
    return "count"


_TIME_UNIT = {"minuten": "minute", "min": "minute", "sekunden": "second", "sec": "second", "std": "hour",
              "stunde": "hour", "tag": "day", "woche": "week", "monat": "month", "jahr": "year"}


def values_match(a: Quantity, b: Quantity) -> bool:
    """The rule-based view of "can ``a`` and ``b`` be one fact?" (kept for reference and tests).

    Same family; for counts and ordinals, counted nouns that fit; where both
    numbers' clauses name entities, at least one in common; for counts of
    people, the same role where both have one. The learned model
    (:mod:`.identity`) uses each of these as a feature instead of a gate.
    """
    fa = family(a)
    if fa != family(b):
        return False
    if a.subject and b.subject and not set(a.subject) & set(b.subject):
        return False
    if a.role and b.role and a.role != b.role:
        return False
    if fa in ("count", "ordinal"):
        return units_compatible(a.unit_key, b.unit_key)
    return True


def disjoint(a: Quantity, b: Quantity) -> bool:
    """Do ``a`` and ``b`` plainly state different values (intervals that do not meet)?

    Values that cannot be compared (a relative date without publication date,
    a date without year beside a full date) are not disjoint.
    """
    if None in (a.low, a.high, b.low, b.high) or a.partial != b.partial:
        return False
    return a.high < b.low or b.high < a.low


#: Counts below this are common enough ("zwei Hubschrauber", "zwei Tote") that two of them being equal
#: says nothing about being one fact.
DISTINCTIVE_COUNT = 10


def same_distinctive_value(a: Quantity, b: Quantity) -> bool:
    """Do ``a`` and ``b`` state the very same value, one unlikely to be equal by chance?

    The same family and the same number ("52 Fahrgäste" / "52 Insassen", "78 Mikrogramm pro
    Kubikmeter" / "78 µg/m³", "54,3 Prozent" / "54,3 Prozent"), and a :func:`distinctive` one. Such a pair
    is strong evidence of one fact, so the soft gates (counted nouns, qualifiers) do not apply
    to it; it can only ever be an agreement.
    """
    if a.value is None or b.value is None or a.value != b.value or a.partial or b.partial:
        return False
    return family(a) == family(b) and distinctive(a)


def distinctive(q: Quantity) -> bool:
    """Is ``q`` a value that two reports rarely state by chance: not a point in time or an ordinal,
    not a small count, not a round number ("10.000 Soldaten" / "10.000 Container")? At least two
    significant digits ("52", "148 Mio.", "54,3 Prozent", "1,2 Millionen"); a time of day to the
    minute ("15.40 Uhr")."""
    fa = family(q)
    if fa == "clock":  # a time to the minute, not a full or half hour ("15.40 Uhr" / "3:40 pm")
        return q.value is not None and q.value % 30 != 0
    if q.value is None or fa in ("time", "ordinal") or (fa == "count" and abs(q.value) < DISTINCTIVE_COUNT):
        return False
    return significant_digits(q.value) >= 2


def significant_digits(x: float) -> int:
    """Digits of ``x`` without leading and trailing zeros: 10000 -> 1, 52 -> 2, 1.2e6 -> 2, 54.3 -> 3."""
    digits = f"{abs(x):.12g}".split("e")[0].replace(".", "").strip("0")
    return len(digits)
