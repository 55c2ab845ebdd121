"""Stage 3 — extract: Sentence in, :class:`~consistency.model.Claim` out.

A claim is a statement with the facts it states: numbers with their hedge
interval and counted noun, money, percentages, durations, years and dates
(see :mod:`.numbers`, :mod:`.dates`, :mod:`.units`), and the negation,
hedging and attribution cues (:mod:`.cues`).

A sentence becomes a claim in :mod:`.claims`.
"""

from .claims import (  # noqa: F401
    extract,
    extract_claims,
    find_numbers,
    find_dates,
    find_entities,
    canonical_text,
    parse_number,
    unit_key,
    units_compatible,
    DEFAULT_TOLERANCE,
)

__all__ = ["extract", "extract_claims", "find_numbers", "find_dates", "find_entities", "canonical_text",
           "parse_number", "unit_key", "units_compatible", "DEFAULT_TOLERANCE"]
