"""Features of a candidate pair of value mentions: is it one fact?

Every feature is a number computed from the prepared :class:`~consistency.model.Batch`;
the fitted model (:mod:`.identity`, entries ``value_time`` and
``value_quantity``) weighs them. Nothing here compares the two *values*: the
decision "same fact" is taken before the values are compared, so that a
changed number is still aligned with the original it contradicts.
"""

from __future__ import annotations

import numpy as np

from ..extract.units import units_compatible
from ..lang import kinship, names_an_ordinal, qualifiers_of, reporting_time
from ..model import Batch
from .context import context_names, context_words, value_context
from .scope import comparable
from .values import family

__all__ = ["VALUE_FEATURES", "MentionInfo", "mention_info", "value_features", "candidate_pairs", "one_to_one"]

VALUE_FEATURES = (
    "sim_sentence",      # cosine of the two sentences (numbers masked)
    "sim_context",       # cosine of the two values' clauses (numbers masked)
    "sim_noun",          # cosine of the counted nouns / units as written (0 if either has none)
    "noun_missing",      # either value has no counted noun
    "same_unit",         # same normalised counted noun or unit
    "unit_compatible",   # counted nouns that may name the same thing (lexicon, compounds)
    "role_conflict",     # killed vs injured vs arrested
    "role_same",
    "subject_conflict",  # the numbers' clauses name disjoint entities ("russische" / "ukrainische")
    "qualifier_diff",    # differing qualifier classes (limit, total, rate, estimate, subset, ...)
    "kind_same",         # the same kind of value (date/date, year/year, count/count)
    "lex_context",       # share of clause word stems in common
    "both_unique",       # each value is the only one of its family in its sentence
    "open_bound",        # either value is an open bound ("mehr als", "bis zu")
    "same_rank",         # the values stand at the same place among their sentences' values of the family
    "role_one_sided",    # only one of two counts says what happened to the people (killed, injured, ...)
    "name_conflict",     # both clauses name someone (two capitalised words), and not the same one
)


class MentionInfo:
    """Per-mention attributes, computed once per batch."""

    __slots__ = ("family", "quals", "words", "unique", "time", "rank", "names", "reported", "relative")

    def __init__(self, family, quals, words, unique, time, rank, names, reported, relative):
        self.family, self.quals, self.words, self.unique, self.time = family, quals, words, unique, time
        self.rank, self.names, self.reported, self.relative = rank, names, reported, relative


def mention_info(batch: Batch) -> list[MentionInfo]:
    fams = [family(batch.value(k)) for k in range(len(batch.mentions))]
    per_claim: dict[tuple[int, str], int] = {}
    rank = []
    for k, mt in enumerate(batch.mentions):
        rank.append(per_claim.get((mt.claim, fams[k]), 0))
        per_claim[(mt.claim, fams[k])] = rank[-1] + 1
    out = []
    for k, mt in enumerate(batch.mentions):
        c, q = batch.claims[mt.claim], batch.value(k)
        ctx = value_context(c, q)
        reported = fams[k] == "time" and reporting_time(c.sentence.text[:q.start - c.sentence.start])
        out.append(MentionInfo(fams[k], qualifiers_of(ctx), context_words(ctx),
                               per_claim[(mt.claim, fams[k])] == 1, fams[k] == "time", rank[k], context_names(ctx),
                               reported, fams[k] == "time" and not any(ch.isdigit() for ch in q.raw)))
    return out


#: Counted nouns less similar than this (embedding cosine), and not related by the lexicon or as a
#: compound and its head, name different things: "10.000 Soldaten" is never "10.000 Container".
NOUN_GATE = 0.3
#: Unit keys of nouns that count people in general: they fit any noun that counts persons.
_GENERIC = frozenset({"people", "person", "mensch", "personen", "other", "casualty"})


#: Relative times ("on Friday", "yesterday") of articles published further apart than this are not compared.
RELATIVE_DAYS = 3

#: Qualifier classes that make a number another quantity of the same thing (:mod:`consistency.lang`):
#: a legal limit, an original estimate, a subset, a daily rate, what is on board, the insured part.
GATING_QUALIFIERS = frozenset({"limit", "estimate", "subset", "rate", "capacity", "insured"})


def _different_things(batch: Batch, a: int, b: int, info: list[MentionInfo]) -> bool:
    """Hard gates: pairs that can never be one fact, whatever the model says."""
    if info[a].reported or info[b].reported:
        return True  # "police said Tuesday": the day of the report, not of what happened
    if info[a].time and (info[a].relative or info[b].relative):
        pa = batch.published.get(batch.claims[batch.mentions[a].claim].article)
        pb = batch.published.get(batch.claims[batch.mentions[b].claim].article)
        if pa is not None and pb is not None and abs((pa - pb).days) > RELATIVE_DAYS:
            return True  # "on Friday" in reports days apart: other happenings, or other weeks
    if (info[a].quals ^ info[b].quals) & GATING_QUALIFIERS:
        return True  # "der Grenzwert liegt bei 50" is not the measured 78; "davon 5 schwer verletzt"
    qa, qb = batch.value(a), batch.value(b)
    if qa.kind == "ordinal" and (names_an_ordinal(qa.unit) or names_an_ordinal(qb.unit)):
        return True  # "2. Weltkrieg" and "3. Weltkrieg" are names of two things, not two counts
    if (("world" in info[a].quals and qb.subject) or ("world" in info[b].quals and qa.subject)) and (
            set(qa.subject) != set(qb.subject)):
        return True  # worldwide against in one country: a total and its part
    both_nouns = bool(batch.U[a].any() and batch.U[b].any())
    if qa.unit_key == "age":
        # ages are ages of someone: only the age of one person (the same name, or the same noun
        # such as "the 22-year-old suspect") is compared; a daughter and her sister are two people
        same_name = bool(info[a].names & info[b].names)
        same_noun = qa.unit.lower() == qb.unit.lower() and qa.unit != "years old" and not (
            info[a].names and info[b].names and not same_name)
        return not (same_name or same_noun)
    if qa.kind == "percent":
        return both_nouns and float(batch.U[a] @ batch.U[b]) < NOUN_GATE  # shares of different things
    if not (qa.unit_key and qb.unit_key) or units_compatible(qa.unit_key, qb.unit_key):
        return False
    if (qa.role and qa.role == qb.role) or qa.unit_key in _GENERIC or qb.unit_key in _GENERIC:
        return False  # "zwei Tourengeher kamen ums Leben" and "drei Menschen starben": one count of the dead
    return float(batch.U[a] @ batch.U[b]) < NOUN_GATE


def candidate_pairs(batch: Batch, story: np.ndarray, info: list[MentionInfo],
                    claim_i: np.ndarray, claim_j: np.ndarray, scopes: list) -> tuple[np.ndarray, np.ndarray]:
    """Value-mention pairs ``(ka, kb)`` of the claim pairs ``(claim_i, claim_j)``: same story, same
    family, comparable scopes (:mod:`.scope`: a background value is never compared with one of the
    story's own), and not plainly different things."""
    by_claim: dict[int, list[int]] = {}
    for k, mt in enumerate(batch.mentions):
        by_claim.setdefault(mt.claim, []).append(k)
    ka, kb = [], []
    for i, j in zip(claim_i.tolist(), claim_j.tolist()):
        if story[i] != story[j] or i not in by_claim or j not in by_claim:
            continue
        for a in by_claim[i]:
            for b in by_claim[j]:
                if (info[a].family == info[b].family and comparable(scopes[a], scopes[b])
                        and not _different_things(batch, a, b, info)):
                    ka.append(a)
                    kb.append(b)
    return np.array(ka, dtype=np.int64), np.array(kb, dtype=np.int64)


def value_features(batch: Batch, ka: np.ndarray, kb: np.ndarray, info: list[MentionInfo]) -> np.ndarray:
    """Feature rows of the mention pairs ``(ka[t], kb[t])``.

    Returns
    -------
    F : ndarray of shape (n_pairs, len(VALUE_FEATURES))
    """
    n = len(ka)
    F = np.zeros((n, len(VALUE_FEATURES)))
    if n == 0:
        return F
    ci = np.array([batch.mentions[k].claim for k in ka])
    cj = np.array([batch.mentions[k].claim for k in kb])
    F[:, 0] = np.einsum("ij,ij->i", batch.X[ci], batch.X[cj])
    F[:, 1] = np.einsum("ij,ij->i", batch.C[ka], batch.C[kb])
    ua, ub = batch.U[ka], batch.U[kb]
    has = (np.abs(ua).sum(axis=1) > 0) & (np.abs(ub).sum(axis=1) > 0)
    F[:, 2] = np.where(has, np.einsum("ij,ij->i", ua, ub), 0.0)
    F[:, 3] = ~has
    for t, (a, b) in enumerate(zip(ka.tolist(), kb.tolist())):
        qa, qb = batch.value(a), batch.value(b)
        ia, ib = info[a], info[b]
        F[t, 4] = qa.unit_key is not None and qa.unit_key == qb.unit_key and not ia.time
        F[t, 5] = units_compatible(qa.unit_key, qb.unit_key) and not ia.time
        F[t, 6] = bool(qa.role and qb.role and qa.role != qb.role)
        F[t, 7] = bool(qa.role and qa.role == qb.role)
        F[t, 8] = bool(qa.subject and qb.subject and not set(qa.subject) & set(qb.subject))
        F[t, 9] = min(len(ia.quals ^ ib.quals), 2)
        F[t, 10] = qa.kind == qb.kind
        wa, wb = ia.words, ib.words
        F[t, 11] = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
        F[t, 12] = ia.unique and ib.unique
        F[t, 13] = qa.hedge in ("lower", "upper", "at_least", "at_most") or qb.hedge in (
            "lower", "upper", "at_least", "at_most")
        F[t, 14] = ia.rank == ib.rank
        F[t, 15] = bool(qa.role) != bool(qb.role) and qa.kind == "count" and qb.kind == "count"
        F[t, 16] = bool(ia.names and ib.names and not ia.names & ib.names)
    return F


def one_to_one(batch: Batch, ka: np.ndarray, kb: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Keep, inside each pair of statements, each value's most probable partner only.

    A sentence that states two counts pairs each with one count of the other
    sentence, best first (the rest of that sentence pair's links get
    probability 0). Returns the new probabilities, shape (n_pairs,).
    """
    out = np.zeros_like(p)
    used: set[tuple[int, int, int]] = set()
    for t in np.argsort(-p, kind="stable").tolist():
        a, b = int(ka[t]), int(kb[t])
        ca, cb = batch.mentions[a].claim, batch.mentions[b].claim
        if (ca, cb, a) in used or (ca, cb, -b - 1) in used:
            continue
        used.add((ca, cb, a))
        used.add((ca, cb, -b - 1))
        out[t] = p[t]
    return out
