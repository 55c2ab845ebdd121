"""Features of a candidate pair of value mentions: is it one fact?

Every feature is a number computed from the prepared :class:`~consistency.model.Batch`;
the fitted model (:mod:`.identity`, entries ``value_time`` and
``value_quantity``) weighs them. Nothing here compares the two *values*: the
decision "same fact" is taken before the values are compared, so that a
changed number is still aligned with the original it contradicts.
"""

from __future__ import annotations

import re
from typing import Optional

import numpy as np

from ..extract.units import unit_key, units_compatible
from ..lang import names_an_ordinal, qualifiers_of, reporting_time, table
from ..model import Batch
from .neighbours import row_dots
from .context import context_names, context_words, qualifier_context, value_context
from .scope import comparable
from .values import distinctive, family, same_distinctive_value

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
    "article_unique",    # each value is the only count its article gives of its counted noun
)


class MentionInfo:
    """Per-mention attributes, computed once per batch."""

    __slots__ = ("family", "quals", "words", "unique", "time", "rank", "names", "reported", "relative", "alone",
                 "anchor")

    def __init__(self, family, quals, words, unique, time, rank, names, reported, relative, alone=False, anchor=None):
        self.family, self.quals, self.words, self.unique, self.time = family, quals, words, unique, time
        self.rank, self.names, self.reported, self.relative, self.alone = rank, names, reported, relative, alone
        self.anchor = anchor


class MentionInfos(list):
    """The :class:`MentionInfo` of each mention, and the same as arrays (:attr:`arrays`) for the
    vectorised gates and features."""

    def __init__(self, items, batch: Batch):
        super().__init__(items)
        self._batch = batch
        self._arrays = None

    @property
    def arrays(self) -> "_Arrays":
        if self._arrays is None:
            self._arrays = _Arrays(self._batch, self)
        return self._arrays


def _codes(keys) -> np.ndarray:
    """Integer codes of hashable keys (``None`` is -1), equal keys equal codes."""
    table: dict = {}
    return np.array([-1 if k is None else table.setdefault(k, len(table)) for k in keys], dtype=np.int64)


def _sets(rows, n: int):
    """A sparse 0/1 matrix of ``n`` rows from sets of hashable items, and each row's size."""
    from scipy.sparse import csr_matrix

    vocab: dict = {}
    indptr, indices = [0], []
    for r in rows:
        indices.extend(vocab.setdefault(x, len(vocab)) for x in r)
        indptr.append(len(indices))
    M = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(n, max(len(vocab), 1)))
    return M, np.diff(np.array(indptr))


def _popcount(x: np.ndarray) -> np.ndarray:
    out = np.zeros(len(x), dtype=np.int64)
    x = x.copy()
    while x.any():
        out += x & 1
        x >>= 1
    return out


def _common(M, ka: np.ndarray, kb: np.ndarray) -> np.ndarray:
    """Number of items rows ``ka[t]`` and ``kb[t]`` of the sparse set matrix ``M`` share."""
    if len(ka) == 0:
        return np.zeros(0)
    return np.asarray(M[ka].multiply(M[kb]).sum(axis=1)).ravel()


class _Arrays:
    """Per-mention attributes as arrays, shape (n_mentions,) each."""

    def __init__(self, batch: Batch, info: list[MentionInfo]):
        n = len(info)
        qs = batch.values
        self.family = _codes(i.family for i in info)
        self.time = np.array([i.time for i in info], dtype=bool)
        self.reported = np.array([i.reported for i in info], dtype=bool)
        self.relative = np.array([i.relative for i in info], dtype=bool)
        pub = [batch.published.get(batch.claims[mt.claim].article) for mt in batch.mentions]
        self.published = np.array([d.toordinal() if d is not None else np.nan for d in pub], dtype=float)
        quals = sorted({x for i in info for x in i.quals})
        bit = {q: 1 << k for k, q in enumerate(quals)}
        self.quals = np.array([sum(bit[x] for x in i.quals) for i in info], dtype=np.int64)
        self.gating = sum(bit[q] for q in quals if q in GATING_QUALIFIERS)
        self.world = np.array(["world" in i.quals for i in info], dtype=bool)
        self.bail = np.array(["bail" in i.quals for i in info], dtype=bool)
        self.kind = _codes(q.kind for q in qs)
        self.kind_ordinal = np.array([q.kind == "ordinal" for q in qs], dtype=bool)
        self.kind_percent = np.array([q.kind == "percent" for q in qs], dtype=bool)
        self.kind_count = np.array([q.kind == "count" for q in qs], dtype=bool)
        self.zero = np.array([_zero(q) for q in qs], dtype=bool)
        self.age = np.array([q.unit_key == "age" for q in qs], dtype=bool)
        self.ordinal_name = np.array([q.kind == "ordinal" and names_an_ordinal(q.unit) for q in qs], dtype=bool)
        self.key = _codes(q.unit_key for q in qs)
        self.keys = [q.unit_key for q in qs]
        self.has_key = np.array([bool(q.unit_key) for q in qs], dtype=bool)
        self.generic = np.array([q.unit_key in _GENERIC for q in qs], dtype=bool)
        self.role = _codes(q.role or None for q in qs)
        self.subject = _codes(frozenset(q.subject) for q in qs)
        self.has_subject = np.array([bool(q.subject) for q in qs], dtype=bool)
        self.S, _ = _sets((q.subject for q in qs), n)
        self.names, self.n_names = _sets((i.names for i in info), n)
        self.words, self.n_words = _sets((i.words for i in info), n)
        self.value = np.array([np.nan if q.value is None else q.value for q in qs], dtype=float)
        self.partial = np.array([q.partial for q in qs], dtype=bool)
        self.distinctive = np.array([distinctive(q) for q in qs], dtype=bool)
        self.open_bound = np.array([q.hedge in ("lower", "upper", "at_least", "at_most") for q in qs], dtype=bool)
        self.unique = np.array([i.unique for i in info], dtype=bool)
        self.alone = np.array([i.alone for i in info], dtype=bool)
        self.anchor = _codes(i.anchor for i in info)
        self.anchor_away = np.array([i.anchor == "(away)" for i in info], dtype=bool)
        self.anchor_size = np.array([i.anchor == "(size)" for i in info], dtype=bool)
        self.anchor_height = np.array([i.anchor == HEIGHT for i in info], dtype=bool)
        self.rank = np.array([i.rank for i in info], dtype=np.int64)
        self.has_noun = np.abs(batch.U).sum(axis=1) > 0 if n else np.zeros(0, dtype=bool)
        self.language = _codes(batch.claims[mt.claim].sentence.language for mt in batch.mentions)
        self._compatible: dict = {}

    def units_compatible(self, ka: np.ndarray, kb: np.ndarray) -> np.ndarray:
        """:func:`~consistency.extract.units.units_compatible` of each pair, once per pair of unit keys."""
        out = np.zeros(len(ka), dtype=bool)
        for t, (a, b) in enumerate(zip(self.key[ka].tolist(), self.key[kb].tolist())):
            v = self._compatible.get((a, b))
            if v is None:
                v = self._compatible[(a, b)] = units_compatible(self.keys[int(ka[t])], self.keys[int(kb[t])])
            out[t] = v
        return out


def mention_info(batch: Batch) -> MentionInfos:
    fams = [family(batch.value(k)) for k in range(len(batch.mentions))]
    per_claim: dict[tuple[int, str], int] = {}
    rank = []
    for k, mt in enumerate(batch.mentions):
        rank.append(per_claim.get((mt.claim, fams[k]), 0))
        per_claim[(mt.claim, fams[k])] = rank[-1] + 1
    # the counts each article gives of one counted noun: one figure, stated once or more, is what
    # the article says about those things ("Rund 42.000 Haushalte" / "etwa 24.000 Haushalte"); a
    # measure is not (the 35-kilometre mark and the 42.2-kilometre course); so is the one point in
    # time an article gives of the story's own happening ("the shooting on Saturday", stated once or
    # more), not of hearings, arrests or press conferences, which recur
    def figure(k: int, mt) -> tuple:
        q = batch.value(k)
        return int(batch.articles[mt.claim]), fams[k], (q.role if fams[k] == "time" else q.unit_key)

    figures: dict[tuple, set] = {}
    for k, mt in enumerate(batch.mentions):
        q = batch.value(k)
        if (q.unit_key and q.kind == "count") or (fams[k] == "time" and q.role == INCIDENT):
            figures.setdefault(figure(k, mt), set()).add((q.low, q.high))
    # parts of one total: a sentence that counts the same people twice in the same role ("three were
    # taken by ambulance and two went to the hospital by private car") gives parts, not the total
    # (not a change told with both figures: "stieg von drei auf fünf", "rose from three to five")
    parts: dict[tuple, set] = {}
    for k, mt in enumerate(batch.mentions):
        q = batch.value(k)
        if q.kind == "count" and q.unit_key and q.value is not None:
            parts.setdefault((mt.claim, q.unit_key, q.role), set()).add(q.value)
    parts = {key: v for key, v in parts.items()
             if len(v) > 1 and not _FROM_TO.search(batch.claims[key[0]].sentence.text)}
    out = []
    said: dict[int, frozenset] = {}

    def sentence_quals(i: int) -> frozenset:
        if i not in said:
            said[i] = qualifiers_of(batch.claims[i].sentence.text)  # the classes without a number in them
        return said[i]

    for k, mt in enumerate(batch.mentions):
        c, q = batch.claims[mt.claim], batch.value(k)
        ctx = value_context(c, q)
        reported = fams[k] == "time" and reporting_time(c.sentence.text[:q.start - c.sentence.start])
        # a value alone in its claim: its own part of the clause is the whole clause
        own = ctx if len(c.values) == 1 else qualifier_context(c, q)
        quals = qualifiers_of(own)
        if own is not ctx:
            # a total over several happenings is every figure of its sentence ("four people were
            # killed - including a 4-year-old girl - and seven injured in shootings across the city")
            quals |= sentence_quals(mt.claim) & SENTENCE_QUALIFIERS
        if q.kind == "count" and (mt.claim, q.unit_key, q.role) in parts:
            quals = quals | {"subset"}
        if q.kind == "money" and own is not ctx and "bail" in qualifiers_of(ctx):
            quals = quals | {"bail"}  # "posted $30,000 bond Friday": the word after the amount
        if fams[k] == "time":
            quals = quals - NOT_OF_TIME  # "three new witnesses", "$30,000 bond": nothing of the date
        out.append(MentionInfo(fams[k], quals, context_words(ctx),
                               per_claim[(mt.claim, fams[k])] == 1, fams[k] == "time", rank[k], context_names(ctx),
                               reported, fams[k] == "time" and not any(ch.isdigit() for ch in q.raw),
                               len(figures.get(figure(k, mt), ())) == 1,
                               distance_anchor(c, q)))
    return MentionInfos(out, batch)


_FROM_TO = re.compile(r"\b(?:from|von)\s+(?:\S+\s+){1,3}?(?:to|auf)\s", re.I)


#: A distance from a named place: "about 65 miles east of Syracuse", "100 Kilometer nördlich von
#: München", "40 km from Kyiv". The place is part of the fact: 65 miles from Syracuse and 170 miles
#: from New York City are two distances.
_ANCHOR = re.compile(r"[\s-]*(?:[^\W\d_]+[\s.-]+){0,2}?(?:(?:north|south|east|west|northeast|northwest|southeast|"
                     r"southwest|nördlich|südlich|östlich|westlich|nordöstlich|nordwestlich|südöstlich|"
                     r"südwestlich)\s+)?(?:of|from|von|vom|outside|away\s+from)\s+(?:the\s+|der\s+|dem\s+)?"
                     r"(?P<name>[A-ZÄÖÜ][\w'’.-]*(?:\s+[A-ZÄÖÜ][\w'’.-]*)*)")


#: A length kept between two things, not the size of one: "keep at least 50 metres away", "200
#: Meter entfernt", "a 500-metre exclusion zone" is a size.
_AWAY = re.compile(r"[\s-]*(?:\w+\s+)?(?:away|apart|entfernt|Abstand|auseinander)\b", re.I)
#: The size of a thing, the length written before its noun: "a 14-metre sperm whale", "the 46ft
#: male", "ein 14 Meter langer Wal", "a 30 m long tunnel".
_SIZE = re.compile(r"-[^\W\d_]+|\s+(?:long|tall|high|wide|lang\w*|hoh\w*|breit\w*|groß\w*)\b")
#: a length right after an article, before a noun: "the 46ft male", "a 3 km stretch"
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|ein\w*|der|die|das|den|dem|des)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:between|from|away|apart|off|below|above|under|into|and|per)\b)[^\W\d_]{3,}")
_AWAY_BEFORE = re.compile(r"\b(?:Abstand|Entfernung|distance)\s+(?:von|of)\s+(?:\w+\s+){0,2}$", re.I)


def distance_anchor(claim, q) -> Optional[str]:
    """What a length is measured from or of, or ``None``: the place of a distance from a named
    place (lower case; :data:`_ANCHOR`), ``"(away)"`` for a distance kept between two things
    (:data:`_AWAY`), ``"(size)"`` for the size of a thing (:data:`_SIZE`). Two lengths with two
    different anchors are two facts."""
    if q.unit_key != "m":
        return None
    if _FEET_AND_INCHES.search(q.raw):
        return HEIGHT
    s = claim.sentence
    end = q.end - s.start
    m = _ANCHOR.match(s.text, end)
    if m:
        return m.group("name").rstrip(".").lower()
    unit = _UNIT_WORD.match(s.text, end)
    end = unit.end() if unit else end
    before = s.text[max(0, q.start - s.start - 40):q.start - s.start]
    if _AWAY.match(s.text, end) or _AWAY_BEFORE.search(before):
        return "(away)"
    if _SIZE.match(s.text, end) or (_ARTICLE_BEFORE.search(before) and _NOUN_AFTER.match(s.text, end)):
        return "(size)"
    return None


def _anchors_clash(x: Optional[str], y: Optional[str]) -> bool:
    """Are two lengths two facts by their anchors? Two named places, a place and a size, a
    distance kept and a size; a distance kept ("5 miles away") may be the one from a named place.
    A person's height (:data:`HEIGHT`) is only ever the height or size of something."""
    if HEIGHT in (x, y):
        return not {x, y} <= {HEIGHT, "(size)"}
    if not x or not y or x == y:
        return False
    return not ({x, y} & {"(away)"} and not ({x, y} & {"(size)"}))


#: A length in feet and inches ("6-foot-1", "5 feet 10 inches", "5 ft 9"): the height of a person
#: (the anchor :data:`HEIGHT`), compared only with another height or a size, never with a distance
#: ("At 6-foot-1 and about 160 pounds, Duncan ..." / "about 100 yards from the store").
HEIGHT = "(height)"
_FEET_AND_INCHES = re.compile(r"\d+\s*-?\s*(?:foot|feet|ft)\.?\s*-?\s*\d+", re.I)

#: the unit word after a length's number ("46ft", "14-metre", "700 metres", "14 Meter")
_UNIT_WORD = re.compile(r"[\s-]*[^\W\d_]+\.?")


#: Counted nouns less similar than this (embedding cosine), and not related by the lexicon or as a
#: compound and its head, name different things: "10.000 Soldaten" is never "10.000 Container".
NOUN_GATE = 0.3
#: Unit keys of nouns that count people in general: they fit any noun that counts persons.
_GENERIC = frozenset({"people", "person", "mensch", "personen", "other", "casualty"})
_PEOPLE_KEYS = frozenset(table("PEOPLE"))


#: Relative times ("on Friday", "yesterday") of articles published further apart than this are not compared.
RELATIVE_DAYS = 3

#: Qualifier classes that hold for every figure of their sentence, not only for their clause's.
SENTENCE_QUALIFIERS = frozenset({"aggregate"})
#: Qualifier classes that make a number another quantity of the same thing (:mod:`consistency.lang`):
#: a legal limit, an original estimate, a subset, a daily rate, what fits on board, the insured part,
#: the people living in a place, a change, the others besides those named, new ones besides those
#: counted, a person's bail, a total over several happenings, the size of someone's family.
GATING_QUALIFIERS = frozenset({"limit", "estimate", "subset", "rate", "capacity", "insured", "population", "change",
                               "additional", "new", "bail", "aggregate", "family"})


#: Qualifier classes that say nothing of a point in time in the same clause.
NOT_OF_TIME = frozenset({"new", "bail", "aggregate", "family"})


def _different_things(batch: Batch, a: int, b: int, info: list[MentionInfo]) -> bool:
    """Hard gates: pairs that can never be one fact, whatever the model says.

    The soft ones (:func:`_soft_gate`: counted nouns, qualifiers, ages of two people) do not
    apply to two statements of the very same, distinctive value
    (:func:`~.values.same_distinctive_value`): "52 Fahrgäste" and "52 Insassen an Bord" are
    one count, whatever the embedding of the nouns says.
    """
    if info[a].reported or info[b].reported:
        return True  # "police said Tuesday": the day of the report, not of what happened
    if info[a].time and (info[a].relative or info[b].relative):
        pa = batch.published.get(batch.claims[batch.mentions[a].claim].article)
        pb = batch.published.get(batch.claims[batch.mentions[b].claim].article)
        if pa is not None and pb is not None and abs((pa - pb).days) > RELATIVE_DAYS:
            return True  # "on Friday" in reports days apart: other happenings, or other weeks
    qa, qb = batch.value(a), batch.value(b)
    if info[a].time and qa.role and qb.role and qa.role != qb.role:
        return True  # the day of the sentencing is not the day of the shooting (``EVENTS``, lang/)
    if qa.kind == "ordinal" and (names_an_ordinal(qa.unit) or names_an_ordinal(qb.unit)):
        return True  # "2. Weltkrieg" and "3. Weltkrieg" are names of two things, not two counts
    if _zero_of_another_role(qa, qb):
        return True  # "no one was injured" says nothing of the dozens evacuated
    if (("world" in info[a].quals and qb.subject) or ("world" in info[b].quals and qa.subject)) and (
            set(qa.subject) != set(qb.subject)):
        return True  # worldwide against in one country: a total and its part
    if _orders_apart(qa.value, qb.value) and not info[a].time:
        return True  # "£4.8bn a year" and "an earner on £35,000": no report changes a figure a thousandfold
    if _anchors_clash(info[a].anchor, info[b].anchor):
        return True  # 65 miles east of Syracuse, 170 miles northwest of New York City: two distances
    if "bail" in info[a].quals and "bail" in info[b].quals and info[a].names and info[b].names and not (
            info[a].names & info[b].names):
        return True  # "Powell posted $30,000 bond", "Gomez was released after posting $100,000 bail"
    if same_distinctive_value(qa, qb) and not (info[a].names and info[b].names
                                                and not info[a].names & info[b].names):
        return False
    return _soft_gate(batch, a, b, info)


#: Two values further apart than this factor are two quantities, never one figure reported twice
#: (a mistranslated "Billion"/"billion" or "Mio."/"Mrd." is a factor of 1,000 exactly, and is compared).
MAGNITUDE_GATE = 1000.0


def _orders_apart(x, y) -> bool:
    if x is None or y is None or x == 0 or y == 0 or (x < 0) != (y < 0):
        return False
    x, y = abs(x), abs(y)
    return max(x, y) > MAGNITUDE_GATE * min(x, y)


def _soft_gate(batch: Batch, a: int, b: int, info: list[MentionInfo]) -> bool:
    if (info[a].quals ^ info[b].quals) & GATING_QUALIFIERS:
        return True  # "der Grenzwert liegt bei 50" is not the measured 78; "davon 5 schwer verletzt"
    qa, qb = batch.value(a), batch.value(b)
    both_nouns = bool(batch.U[a].any() and batch.U[b].any())
    if qa.unit_key == "age":
        # ages are ages of someone: only the age of one person (the same name, or the same noun
        # such as "the 22-year-old suspect") is compared; a daughter and her sister are two people
        english = all(batch.claims[batch.mentions[k].claim].sentence.language == "en" for k in (a, b))
        if english and _first_name(qa.unit) and _first_name(qb.unit):
            # "25-year-old Kevin McQuilliams" / "34-year-old Annarae Powell": the name after the age
            # says whose it is, whatever other names the sentences share
            return qa.unit.lower() != qb.unit.lower()
        same_name = bool(info[a].names & info[b].names)
        same_noun = qa.unit.lower() == qb.unit.lower() and qa.unit != "years old" and not (
            info[a].names and info[b].names and not same_name) and unit_key(qa.unit) not in _ANYONE
        return not (same_name or same_noun)
    if qa.kind == "percent":
        return both_nouns and float(batch.U[a] @ batch.U[b]) < NOUN_GATE  # shares of different things
    if qa.kind == "ordinal":
        # an ordinal places something in one sequence: "the second of three satellites" and "the
        # first images" are places in two
        return not (qa.unit_key and qb.unit_key and units_compatible(qa.unit_key, qb.unit_key))
    if not (qa.unit_key and qb.unit_key) or units_compatible(qa.unit_key, qb.unit_key):
        return False
    if (qa.role and qa.role == qb.role) or qa.unit_key in _GENERIC or qb.unit_key in _GENERIC:
        return False  # "zwei Tourengeher kamen ums Leben" and "drei Menschen starben": one count of the dead
    return float(batch.U[a] @ batch.U[b]) < NOUN_GATE


#: The class of ``EVENTS`` (lang/) that is the story's own happening (the shooting, the collapse).
INCIDENT = "incident"


def _zero_of_another_role(qa, qb) -> bool:
    """Is one of two counts a zero ("no one was injured", "keine Toten") and the other a count of
    people in another role, or in none ("Dozens of people were evacuated")? A zero is a count of
    those in its role only."""
    return (_zero(qa) or _zero(qb)) and qa.kind == qb.kind == "count" and (qa.role or None) != (qb.role or None)


def _zero(q) -> bool:
    """Is ``q`` a count of nobody ("no one was injured", "keine Toten")?"""
    return q.kind == "count" and q.value == 0 and q.high == 0


#: Nouns of an age that say no more than "a person" ("a 30-year-old man", "a 7-year-old boy"): a
#: story often has several, so only the same name makes two such ages one person's.
_ANYONE = frozenset({"man", "woman", "boy", "girl", "child", "person", "people", "male", "female", "teen",
                     "teenager", "kid", "juvenile", "adult", "mann", "frau", "junge", "mädchen", "kind"})


def _first_name(noun: str | None) -> bool:
    """Is the word after an age (in English text) a name ("Kevin"), not a noun ("Suspect")?"""
    return bool(noun) and noun[:1].isupper() and noun[1:].islower() and unit_key(noun) == noun.lower() and (
        noun.lower() not in _PEOPLE_KEYS)


def different_things(batch: Batch, ka: np.ndarray, kb: np.ndarray, info: MentionInfos) -> np.ndarray:
    """:func:`_different_things` of each pair ``(ka[t], kb[t])`` of one family, in numpy (bool, (n_pairs,))."""
    A = info.arrays
    n = len(ka)
    if n == 0:
        return np.zeros(0, dtype=bool)
    gap = np.abs(A.published[ka] - A.published[kb])
    hard = A.reported[ka] | A.reported[kb]
    hard |= A.time[ka] & (A.relative[ka] | A.relative[kb]) & (np.nan_to_num(gap, nan=0.0) > RELATIVE_DAYS)
    hard |= A.time[ka] & (A.role[ka] >= 0) & (A.role[kb] >= 0) & (A.role[ka] != A.role[kb])
    hard |= A.kind_ordinal[ka] & (A.ordinal_name[ka] | A.ordinal_name[kb])
    hard |= A.kind_count[ka] & A.kind_count[kb] & (A.zero[ka] | A.zero[kb]) & (A.role[ka] != A.role[kb])
    hard |= (((A.world[ka] & A.has_subject[kb]) | (A.world[kb] & A.has_subject[ka]))
             & (A.subject[ka] != A.subject[kb]))
    va, vb = np.abs(A.value[ka]), np.abs(A.value[kb])
    with np.errstate(invalid="ignore"):
        apart = ((va > 0) & (vb > 0) & (np.sign(A.value[ka]) == np.sign(A.value[kb]))
                 & (np.maximum(va, vb) > MAGNITUDE_GATE * np.minimum(va, vb)))
    hard |= apart & ~A.time[ka]
    away, size, tall = A.anchor_away, A.anchor_size, A.anchor_height
    clash = ((A.anchor[ka] >= 0) & (A.anchor[kb] >= 0) & (A.anchor[ka] != A.anchor[kb])
             & ~((away[ka] | away[kb]) & ~(size[ka] | size[kb])))  # see _anchors_clash
    hard |= np.where(tall[ka] | tall[kb], ~((tall[ka] | size[ka]) & (tall[kb] | size[kb])), clash)
    name_clash = (A.n_names[ka] > 0) & (A.n_names[kb] > 0) & (_common(A.names, ka, kb) == 0)
    hard |= A.bail[ka] & A.bail[kb] & name_clash
    same = (A.value[ka] == A.value[kb]) & ~A.partial[ka] & ~A.partial[kb] & A.distinctive[ka]
    bypass = same & ~name_clash
    dot = row_dots(batch.U, batch.U, ka, kb)
    soft = (A.quals[ka] ^ A.quals[kb]) & A.gating != 0
    rest = ~soft & ~bypass & ~hard
    age = rest & A.age[ka]
    for t in np.flatnonzero(age).tolist():
        soft[t] = _soft_gate(batch, int(ka[t]), int(kb[t]), info)
    rest &= ~age
    pct = rest & A.kind_percent[ka]
    soft |= pct & A.has_noun[ka] & A.has_noun[kb] & (dot < NOUN_GATE)
    rest &= ~pct
    both_keys = A.has_key[ka] & A.has_key[kb]
    compatible = np.zeros(n, dtype=bool)
    rows = np.flatnonzero(rest & both_keys)
    compatible[rows] = A.units_compatible(ka[rows], kb[rows])
    ordn = rest & A.kind_ordinal[ka]
    soft |= ordn & ~(both_keys & compatible)
    rest &= ~ordn
    same_role = (A.role[ka] >= 0) & (A.role[ka] == A.role[kb])
    soft |= rest & both_keys & ~compatible & ~same_role & ~A.generic[ka] & ~A.generic[kb] & (dot < NOUN_GATE)
    return hard | (~bypass & soft)


def _expand(batch: Batch, claim_i: np.ndarray, claim_j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every mention pair of the claim pairs ``(claim_i[t], claim_j[t])``, claim pair by claim pair
    (mentions of ``claim_i`` outer, of ``claim_j`` inner)."""
    n_claims = len(batch.claims)
    owner = np.array([mt.claim for mt in batch.mentions], dtype=np.int64)
    count = np.bincount(owner, minlength=n_claims) if len(owner) else np.zeros(n_claims, dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(count)[:-1]]) if n_claims else np.zeros(0, dtype=np.int64)
    ni, nj = count[claim_i], count[claim_j]
    per = ni * nj
    total = int(per.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rep = np.repeat(np.arange(len(claim_i)), per)
    within = np.arange(total) - np.repeat(np.cumsum(per) - per, per)
    width = nj[rep]
    return start[claim_i[rep]] + within // width, start[claim_j[rep]] + within % width


def candidate_pairs(batch: Batch, story: np.ndarray, info: list[MentionInfo],
                    claim_i: np.ndarray, claim_j: np.ndarray, scopes: list) -> tuple[np.ndarray, np.ndarray]:
    """Value-mention pairs ``(ka, kb)`` of the claim pairs ``(claim_i, claim_j)``: same story, same
    family, comparable scopes (:mod:`.scope`: a background value is never compared with one of the
    story's own), and not plainly different things."""
    if not isinstance(info, MentionInfos):
        info = MentionInfos(info, batch)
    claim_i, claim_j = np.asarray(claim_i, dtype=np.int64), np.asarray(claim_j, dtype=np.int64)
    keep = story[claim_i] == story[claim_j] if len(claim_i) else np.zeros(0, dtype=bool)
    ka, kb = _expand(batch, claim_i[keep], claim_j[keep])
    A = info.arrays
    same_family = A.family[ka] == A.family[kb]
    ka, kb = ka[same_family], kb[same_family]
    # scopes: few distinct ones, so comparability is looked up per pair of scope codes
    scode = _codes(scopes)
    distinct = list(dict.fromkeys(scopes))
    ok = np.array([[comparable(x, y) for y in distinct] for x in distinct], dtype=bool).reshape(
        len(distinct), len(distinct))
    if len(ka):
        keep = ok[scode[ka], scode[kb]]
        ka, kb = ka[keep], kb[keep]
    keep = ~different_things(batch, ka, kb, info)
    return ka[keep], kb[keep]


#: Cosine of two counted nouns of different languages from which they may name the same thing
#: (``unit_compatible``): "Arbeitsplätze" / "jobs" 0.79, "Menschen" / "passengers" 0.40.
CROSS_NOUN_SIMILARITY = 0.6


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
    owner = np.array([mt.claim for mt in batch.mentions], dtype=np.int64)
    ci, cj = owner[ka], owner[kb]
    F[:, 0] = row_dots(batch.X, batch.X, ci, cj)
    F[:, 1] = row_dots(batch.C, batch.C, ka, kb)
    if not isinstance(info, MentionInfos):
        info = MentionInfos(info, batch)
    A = info.arrays
    has = A.has_noun[ka] & A.has_noun[kb]
    F[:, 2] = np.where(has, row_dots(batch.U, batch.U, ka, kb), 0.0)
    F[:, 3] = ~has
    not_time = ~A.time[ka]
    F[:, 4] = (A.key[ka] >= 0) & (A.key[ka] == A.key[kb]) & not_time
    # counted nouns of two languages never match as strings ("Arbeitsplätze" / "jobs"): there the
    # nouns' embeddings say whether they may name the same thing
    cross = has & (A.language[ka] != A.language[kb]) & (F[:, 2] >= CROSS_NOUN_SIMILARITY)
    F[:, 5] = (A.units_compatible(ka, kb) | cross) & not_time
    # every percentage has the unit "%": what it is a share of is its noun (sim_noun), so the unit
    # only says "the same" where no noun tells otherwise
    pct = A.kind_percent[ka]
    F[pct, 4] = ~has[pct]
    F[pct, 5] = ~has[pct] | cross[pct]  # "96% of goods" / "96 Prozent der Waren"
    ra, rb = A.role[ka], A.role[kb]
    F[:, 6] = (ra >= 0) & (rb >= 0) & (ra != rb)
    F[:, 7] = (ra >= 0) & (ra == rb)
    F[:, 8] = A.has_subject[ka] & A.has_subject[kb] & (_common(A.S, ka, kb) == 0)
    F[:, 9] = np.minimum(_popcount(A.quals[ka] ^ A.quals[kb]), 2)
    F[:, 10] = A.kind[ka] == A.kind[kb]
    inter = _common(A.words, ka, kb)
    union = A.n_words[ka] + A.n_words[kb] - inter
    F[:, 11] = np.where((A.n_words[ka] > 0) & (A.n_words[kb] > 0), inter / np.maximum(union, 1), 0.0)
    F[:, 12] = A.unique[ka] & A.unique[kb]
    F[:, 13] = A.open_bound[ka] | A.open_bound[kb]
    F[:, 14] = A.rank[ka] == A.rank[kb]
    F[:, 15] = ((ra >= 0) != (rb >= 0)) & A.kind_count[ka] & A.kind_count[kb]
    F[:, 16] = (A.n_names[ka] > 0) & (A.n_names[kb] > 0) & (_common(A.names, ka, kb) == 0)
    F[:, 17] = A.alone[ka] & A.alone[kb]
    return F


def one_to_one(batch: Batch, ka: np.ndarray, kb: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Keep, inside each pair of statements, each value's most probable partner only.

    A sentence that states two counts pairs each with one count of the other
    sentence, best first (the rest of that sentence pair's links get
    probability 0). Returns the new probabilities, shape (n_pairs,).
    """
    out = np.zeros_like(p)
    if len(p) == 0:
        return out
    # a value pair alone in its pair of statements keeps its probability; only the others compete
    owner = np.array([mt.claim for mt in batch.mentions], dtype=np.int64)
    key = owner[ka] * len(batch.claims) + owner[kb]
    by_key = np.argsort(key, kind="stable")
    run = np.cumsum(np.concatenate([[True], key[by_key][1:] != key[by_key][:-1]])) - 1  # run of equal keys
    alone = np.empty(len(key), dtype=bool)
    alone[by_key] = np.bincount(run)[run] == 1
    out[alone] = p[alone]
    order = np.argsort(-p, kind="stable")
    used: set[tuple[int, int, int]] = set()
    for t in order[~alone[order]].tolist():
        a, b = int(ka[t]), int(kb[t])
        ca, cb = batch.mentions[a].claim, batch.mentions[b].claim
        if (ca, cb, a) in used or (ca, cb, -b - 1) in used:
            continue
        used.add((ca, cb, a))
        used.add((ca, cb, -b - 1))
        out[t] = p[t]
    return out
