"""Judging value groups: positions, verdicts, messages and fingerprints (see the package)."""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Optional, Sequence

from ..model import Claim, Finding, Group, Quantity, StatementRef
from ..extract.dates import MONTH_PATTERN
from ..lang import revision_in
from .stances import ANTONYMS, STANCE_TYPES, opposed, stances

__all__ = ["judge", "judge_all", "judge_group", "finish", "with_names", "positions", "format_value", "fingerprint",
           "JudgeSettings", "split_mixed",
           "MIXES_FACTS", "SPLIT_LINK", "OPPOSED_LINK"]


@dataclass(frozen=True)
class JudgeSettings:
    #: relative tolerance between two exact (unhedged) numbers that still agree
    exact_tolerance: float = 0.0
    #: article path -> publication date, to tell a revision by a later report from a contradiction
    published: dict = field(default_factory=dict, hash=False, compare=False)
    #: article path -> the name messages use (relative to the common root of the inputs; see
    #: :func:`consistency.names.display_names`); ``judge_all`` fills it when empty
    names: dict = field(default_factory=dict, hash=False, compare=False)


def _comparable(q: Quantity) -> bool:
    """Can ``q`` be compared at all: an interval, or a weekday named without a date."""
    return (q.low is not None and q.high is not None) or _weekdays(q) is not None


def _interval(q: Quantity) -> bool:
    return q.low is not None and q.high is not None


def _as_day_month(q: Quantity) -> Optional[tuple[int, int]]:
    """A date (or a span of days within one year) as ``(low, high)`` in month*100+day form, to
    compare with a partial date ("14 August", "Mitte September")."""
    if q.partial:
        return int(q.low), int(q.high)
    if q.kind == "date" and q.low is not None and q.high is not None:
        lo, hi = date.fromordinal(int(q.low)), date.fromordinal(int(q.high))
        if lo.year == hi.year:
            return lo.month * 100 + lo.day, hi.month * 100 + hi.day
    return None


def _bounds(a: Quantity, b: Quantity) -> Optional[tuple[tuple[float, float], tuple[float, float]]]:
    """Intervals of ``a`` and ``b`` on a common scale, or None if incomparable."""
    if not (_interval(a) and _interval(b)):
        return None
    if a.partial or b.partial:
        da, db = _as_day_month(a), _as_day_month(b)
        if da is None or db is None:
            return None
        return da, db
    return (a.low, a.high), (b.low, b.high)


_WEEKDAY_NAME = re.compile(r"(?i)(montag|monday|dienstag|tuesday|mittwoch|wednesday|donnerstag|thursday|freitag|friday|"
                           r"samstag|sonnabend|saturday|sonntag|sunday)")
_WEEKDAY_SAME = {"sonnabend": "samstag", "monday": "montag", "tuesday": "dienstag", "wednesday": "mittwoch",
                 "thursday": "donnerstag", "friday": "freitag", "saturday": "samstag", "sunday": "sonntag"}


def _weekday(q: Quantity) -> Optional[str]:
    """The weekday a relative date names ("am Freitag", "late on Friday"), if it names one and no date."""
    if q.kind not in ("date", "relative_date") or any(ch.isdigit() for ch in q.raw):
        return None
    m = _WEEKDAY_NAME.search(q.raw)
    return _WEEKDAY_SAME.get(m.group(1).lower(), m.group(1).lower()) if m else None


_DAY_NUMBER = {name: i for i, name in enumerate(("montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                                                  "samstag", "sonntag"))}
#: "in der Nacht zum Donnerstag" is the night from Wednesday; "Wednesday night", "Mittwochnacht" the
#: night after Wednesday: both are Wednesday's last quarter and Thursday's first.
_NIGHT_BEFORE = re.compile(r"(?i)\bnacht\s+(?:zum|zu|auf\s+den|auf)\s")
_NIGHT_AFTER = re.compile(r"(?i)(?:nacht|night)\b")
_WEEK = 28  # quarters of a day in a week


def _quarters(day: int) -> frozenset:
    return frozenset(range(4 * day, 4 * day + 4))


def _night_after(day: int) -> frozenset:
    return frozenset({4 * day + 3, (4 * day + 4) % _WEEK})


def _weekdays(q: Quantity) -> Optional[frozenset]:
    """The quarters of the week (0 = Monday night to morning) that a weekday named without a date
    covers; None for anything else."""
    name = _weekday(q)
    if name is None:
        return None
    day = _DAY_NUMBER[name]
    if _NIGHT_BEFORE.search(q.raw):
        return _night_after((day - 1) % 7)
    if _NIGHT_AFTER.search(q.raw):
        return _night_after(day)
    return _quarters(day)


def _days_of_week(q: Quantity) -> Optional[frozenset]:
    """The quarters of the week of a time: a named weekday, or a full date with its year (up to 3 days)."""
    named = _weekdays(q)
    if named is not None:
        return named
    if (q.kind == "date" and _interval(q) and not q.partial and not _yearless(q) and 0 <= q.high - q.low <= 2):
        return frozenset().union(*(_quarters(date.fromordinal(int(d)).weekday())
                                   for d in range(int(q.low), int(q.high) + 1)))
    return None


def _resolved_night(q: Quantity) -> Optional[frozenset]:
    """The absolute quarters (4 per day from day 1 of the calendar) of a night named by its weekday
    and resolved to dates ("in der Nacht zum Sonntag", low Saturday, high Sunday): the last quarter
    of its first day and the first of the next. None for anything else."""
    if (_weekday(q) is None or not _interval(q) or q.high - q.low != 1
            or not (_NIGHT_BEFORE.search(q.raw) or _NIGHT_AFTER.search(q.raw))):
        return None
    return frozenset({4 * int(q.low) + 3, 4 * int(q.high)})


#: the quarter of its day that a part of a day names (0: small hours, 1: morning, 2: afternoon, 3: evening)
_DAY_PART = ((re.compile(r"(?i)(?:vormittag|morgen|morning)"), 1), (re.compile(r"(?i)(?:nachmittag|afternoon)"), 2),
             (re.compile(r"(?i)(?:abend|evening)"), 3))


def _resolved_quarters(q: Quantity) -> Optional[frozenset]:
    """The absolute quarters of a resolved night, of a resolved day's named part ("Thursday
    evening"), or of a resolved span of up to 3 days."""
    night = _resolved_night(q)
    if night is not None:
        return night
    if _interval(q) and q.kind in ("date", "relative_date") and not q.partial and 0 <= q.high - q.low <= 2:
        if q.low == q.high and (_weekday(q) is not None or any(ch.isdigit() for ch in q.raw)):
            # the part of a named day ("Thursday evening", "Sonntagmorgen"), not "morgen" (tomorrow)
            part = next((k for rx, k in _DAY_PART if rx.search(q.raw)), None)
            if part is not None:
                return frozenset({4 * int(q.low) + part})
        return frozenset().union(*(_quarters(d) for d in range(int(q.low), int(q.high) + 1)))
    return None


def _yearless(q: Quantity) -> bool:
    """A date written with day and month but no year ("Jan. 19", "am 19. Juni", "Anfang Januar"),
    resolved against the publication date: its year is a guess, so it compares on day and month."""
    return (q.kind == "date" and not q.partial and q.low is not None and q.high is not None
            and (any(ch.isdigit() for ch in q.raw) if q.low == q.high else bool(_MONTH_NAME.search(q.raw)))
            and not re.search(r"\d{4}|\d\.\d\d?\.\d\d\b", q.raw))


#: a month's name, for a part of a month named without its year ("Anfang Januar", "late March")
_MONTH_NAME = re.compile(MONTH_PATTERN, re.I)


def _compatible(a: Quantity, b: Quantity, tol: float) -> Optional[bool]:
    wa, wb = _weekday(a), _weekday(b)
    if wa and wb and wa == wb:
        # the same weekday named twice: consistent as written, whatever week each article's
        # publication date puts it in (a story republished a week later still says "Friday")
        return True
    if (a.unit_key == b.unit_key == "time" and " ".join(a.raw.lower().split()) == " ".join(b.raw.lower().split())
            and not any(ch.isdigit() for ch in a.raw) and re.search(r"[^\W\d_]{3}", a.raw)):
        # the same relative time in the same words ("within the last week", "gestern"): consistent
        # as written, whatever day each article's publication date resolves it to
        return True
    if _resolved_night(a) is not None or _resolved_night(b) is not None:
        # a night is two half days: the night to Sunday and the night to Saturday share a day
        # but no hour ("in der Nacht zum Sonntag" / "in der Nacht zum Samstag")
        qa, qb = _resolved_quarters(a), _resolved_quarters(b)
        if qa is not None and qb is not None:
            return bool(qa & qb)
    if a.kind == b.kind == "year" and a.hedge == b.hedge == "range":
        # two periods ("between 2015 and 2021" / "from 2017 to 2021") are one period only if they
        # start and end alike; a range of years is a span of time, not an uncertain single year
        return a.low == b.low and a.high == b.high
    if not (_interval(a) and _interval(b)):
        # a weekday named without a publication date to resolve it: it agrees with a time on the same
        # day of the week ("Wednesday night" / "in der Nacht zum Donnerstag" / "14 August 2024"); on
        # another day it is not compared (which week it means is unknown, and in the eval data two
        # weekdays of one story were far more often two happenings than a contradiction)
        da, db = _days_of_week(a), _days_of_week(b)
        return True if da is not None and db is not None and da & db else None
    if _yearless(a) or _yearless(b):
        da, db = _as_day_month(a), _as_day_month(b)
        if da is not None and db is not None:
            return da[0] <= db[1] and db[0] <= da[1]
    bb = _bounds(a, b)
    if bb is None:
        return None
    (al, ah), (bl, bh) = bb
    if tol and a.hedge is None and b.hedge is None and a.kind not in ("date", "year", "clock"):
        slack = tol * max(abs(al), abs(bl))
        al, ah, bl, bh = al - slack, ah + slack, bl - slack, bh + slack
    return al <= bh and bl <= ah


def _signature(q: Quantity) -> tuple:
    """What :func:`_compatible` reads of a value: values of one signature compare alike."""
    return q.raw, q.kind, q.hedge, q.low, q.high, q.partial, q.unit_key


#: :func:`_compatible` of pairs of signatures already compared in this process (a batch's
#: groups share their values: one group's position and its plain statements' positions, a
#: statement restated in many groups); emptied when it grows past :data:`_MEMO_MAX`
_MEMO: dict[tuple, Optional[bool]] = {}
_MEMO_MAX = 200_000


def _signatures(values: Sequence[Quantity], tol: float):
    """A signature number for each value (equal for values :func:`_compatible` cannot tell apart),
    and ``compatible(x, y)``: :func:`_compatible` of two signature numbers, each pair computed once."""
    first: dict[tuple, int] = {}
    sigs = [_signature(q) for q in values]
    sig = [first.setdefault(t, k) for k, t in enumerate(sigs)]

    def compatible(x: int, y: int) -> Optional[bool]:
        key = (sigs[x], sigs[y], tol)
        if key not in _MEMO:
            if len(_MEMO) >= _MEMO_MAX:
                _MEMO.clear()
            _MEMO[key] = _compatible(values[x], values[y], tol)
        return _MEMO[key]

    return sig, compatible


def positions(values: Sequence[Quantity], tol: float = 0.0) -> list[int]:
    """Assign each value a position: values of one position are mutually compatible.

    Returns
    -------
    pos : list of int, length len(values)
        ``-1`` for values that cannot be compared with any other.
    """
    n = len(values)
    pos = [-1] * n
    # values written alike compare alike: each pair of distinct values is compared once
    sig, compatible = _signatures(values, tol)
    members: list[list[int]] = []
    kinds: list[dict[int, None]] = []  # the distinct signatures of each position's members
    order = sorted(range(n), key=lambda i: (values[i].low if _interval(values[i]) else math.inf, i))
    for i in order:
        if not _comparable(values[i]):
            continue
        placed = False
        for p, idx in enumerate(members):
            fits = False  # compatible with one member at least, and incompatible with none
            for k in kinds[p]:
                c = compatible(sig[i], k)
                if c is False:
                    fits = False
                    break
                fits = fits or bool(c)
            if fits:
                idx.append(i)
                kinds[p][sig[i]] = None
                pos[i] = p
                placed = True
                break
        if not placed:
            members.append([i])
            kinds.append({sig[i]: None})
            pos[i] = len(members) - 1
    # Values that compare with nothing (e.g. a year beside partial dates) stay apart.
    count: dict[int, int] = {}
    for x in sig:
        count[x] = count.get(x, 0) + 1
    for p, idx in enumerate(members):
        if len(idx) == 1:
            i = idx[0]
            others = [x for x in count if x != sig[i] or count[x] > 1]
            if all(compatible(sig[i], x) is None for x in others):
                pos[i] = -1
    # renumber in order of first appearance
    remap: dict[int, int] = {}
    for i in range(n):
        if pos[i] >= 0 and pos[i] not in remap:
            remap[pos[i]] = len(remap)
    return [remap.get(p, -1) if p >= 0 else -1 for p in pos]


def _conflict(values: Sequence[Quantity], pos: Sequence[int], tol: float) -> bool:
    """Do two values of different positions plainly disagree? Positions kept apart only because
    their values cannot be compared (two weekdays without a publication date) are no contradiction."""
    seen: dict[int, list[int]] = {}
    for i, p in enumerate(pos):
        if p >= 0:
            seen.setdefault(p, []).append(i)
    if len(seen) < 2:
        return False
    sig, compatible = _signatures(values, tol)
    groups = [list(dict.fromkeys(sig[i] for i in g)) for g in seen.values()]  # distinct signatures
    for g in range(len(groups)):
        for h in range(g + 1, len(groups)):
            if any(compatible(x, y) is False for x in groups[g] for y in groups[h]):
                return True
    return False


def _words(language: str) -> dict:
    from ..lang import de, en

    return de.VALUE_WORDS if language == "de" else en.VALUE_WORDS


def _num(x: float, language: str = "en") -> str:
    w = _words(language)
    text = f"{int(x):,}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", w["decimal"]).replace("\0", w["thousands"])


def format_value(q: Quantity, language: str = "en") -> str:
    """A value in words a reader of the article understands, in its ``language`` ("de" or "en"):
    "more than 10,000 Container", "mehr als 10.000 Container", "19. Juni (ohne Jahr)"."""
    w = _words(language)

    def num(x: float) -> str:  # the number in the article's notation
        return _num(x, language)

    if q.kind == "relative_date":
        return f"“{q.raw}” ({w['unresolved']})"
    if q.kind in ("date", "year"):
        if q.partial:
            m, d = divmod(int(q.low), 100)
            return w["day_month"].format(day=d, month=w["months"][m - 1]) + f" ({w['no_year']})"
        lo, hi = date.fromordinal(int(q.low)), date.fromordinal(int(q.high))
        if lo == hi:
            return lo.isoformat()
        if lo.month == 1 and lo.day == 1 and hi.month == 12 and hi.day == 31 and lo.year == hi.year:
            return str(lo.year)
        return f"{lo.isoformat()}..{hi.isoformat()}"
    if q.kind == "clock" and q.low is not None:
        lo, hi = (f"{int(x) // 60 % 24:02d}:{int(x) % 60:02d}" for x in (q.low, q.high))
        return f"“{q.raw}” ({lo if lo == hi else f'{lo}–{hi}'})"
    if q.kind in ("measure", "duration") and q.low is not None:
        lo, hi = q.low, q.high
        span = num(lo) if lo == hi else (f"≥ {num(lo)}" if math.isinf(hi) else f"≤ {num(hi)}" if math.isinf(lo)
                                          else f"{num(lo)}–{num(hi)}")
        return f"“{q.raw}{' ' + q.unit if q.unit and q.unit not in q.raw else ''}” ({span} {q.unit_key})"
    unit = f" {q.unit}" if q.unit and q.kind not in ("money", "percent") else ""
    if q.kind == "money":
        unit = f" {q.unit_key}"
    if q.kind == "percent":
        unit = " %"
    v = q.value if q.value is not None else q.low
    words = {k: w[k] for k in ("lower", "at_least", "nearly", "approx", "upper", "at_most")}
    if q.hedge == "range":
        return w["between"].format(lo=num(q.low), hi=num(q.high)) + unit
    if q.kind == "ordinal":
        n = int(q.value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return w["ordinal"].format(n=n, suffix=suffix) + unit
    if q.hedge == "vague":
        return f"“{q.raw}” ({num(q.low)}–{num(q.high)}){unit}"
    prefix = words.get(q.hedge or "", "")
    return f"{prefix + ' ' if prefix else ''}{num(v)}{unit}"


def _canonical(q: Quantity) -> str:
    lo = "-inf" if q.low is not None and math.isinf(q.low) else q.low
    hi = "inf" if q.high is not None and math.isinf(q.high) else q.high
    return f"{q.kind}:{q.unit_key}:{lo}:{hi}:{int(q.partial)}:{q.raw.lower() if q.low is None else ''}"


def fingerprint(kind: str, key: str, parts: Sequence[str]) -> str:
    """A stable id: no line numbers or offsets, only what the finding says."""
    payload = json.dumps([kind, key, sorted(parts)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _ref(claim: Claim, ids: dict, values: Sequence[Quantity], position: int) -> StatementRef:
    s = claim.sentence
    return StatementRef(article=s.article, line=s.line, start=s.start, end=s.end, text=s.text,
                        values=tuple(values), position=position, negated=claim.negated,
                        hedged=claim.hedged, attribution=claim.attribution)


def _short(path: str, names: Optional[dict] = None) -> str:
    """How a message names an article: its display name, else its file name."""
    if names and path in names:
        return names[path]
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def judge(group: Group, claims: Sequence[Claim], article_ids: dict[str, str],
          settings: JudgeSettings = JudgeSettings()) -> Finding:
    """Give the verdict on one group.

    ``article_ids`` maps an article path to its stable id (used in the fingerprint).
    """
    mentions = group.mentions
    arts = {claims[m.claim].article for m in mentions}
    if group.kind == "statement":
        return _judge_statement(group, claims, article_ids, settings.names)
    qs = [claims[m.claim].values[m.value_index] for m in mentions]
    hedged = [claims[m.claim].hedged for m in mentions]
    kind = "date" if qs[0].unit_key in ("time", "clock") else "numeric"
    plain = [i for i in range(len(qs)) if not hedged[i]]
    pos_all = positions(qs, settings.exact_tolerance)
    pos_plain = positions([qs[i] for i in plain], settings.exact_tolerance)
    plain_qs = [qs[i] for i in plain]
    n_pos_all = len({p for p in pos_all if p >= 0}) if _conflict(qs, pos_all, settings.exact_tolerance) else 1
    n_pos_plain = (len({p for p in pos_plain if p >= 0})
                   if _conflict(plain_qs, pos_plain, settings.exact_tolerance) else 1)
    by_position: dict[int, set] = {}
    for i in range(len(qs)):
        if pos_all[i] >= 0:
            by_position.setdefault(pos_all[i], set()).add(claims[mentions[i].claim].article)
    comparable_arts = max(by_position.values(), key=len, default=set())
    reason = None
    if len(arts) < 2:
        verdict, reason = "unverifiable", "single source"
    elif n_pos_plain >= 2 and _revision(mentions, claims, pos_all, settings.published):
        verdict, kind = "unverifiable", "revision"
        reason = "revised: a later report updates the figure (stieg auf / rose to), not a contradiction"
    elif (n_pos_plain >= 2 and group.mixed and _mixed_not_opposed(mentions, claims, plain, pos_plain)
          and not _opposed_link(group, claims, hedged, pos_all)):
        verdict = "unverifiable"
        reason = MIXES_FACTS
    elif n_pos_plain >= 2:
        verdict = "contradict"
    elif n_pos_all >= 2:
        verdict, reason = "unverifiable", "disagreement only with hedged statements (könnte/may/if)"
    elif len(comparable_arts) >= 2:
        verdict = "agree"
    else:
        verdict, reason = "unverifiable", "values cannot be compared (a relative date needs a publication date)"
    refs = [_ref(claims[m.claim], article_ids, [qs[i]], pos_all[i]) for i, m in enumerate(mentions)]
    # statements that cannot be compared get positions of their own, after the others
    nxt = max(pos_all, default=-1) + 1
    fixed = []
    for r in refs:
        if r.position < 0:
            r = StatementRef(**{**r.__dict__, "position": nxt})
            nxt += 1
        fixed.append(r)
    refs = fixed
    parts = [f"{article_ids.get(claims[m.claim].article, claims[m.claim].article)}={_canonical(q)}"
             for m, q in zip(mentions, qs)]
    fid = fingerprint(kind, group.key, parts)
    langs = [claims[m.claim].sentence.language for m in mentions]
    message = _value_message(verdict, reason, refs, group.fact, settings.names, langs)
    conf = 0.0 if verdict == "unverifiable" else _confidence(group, refs, verdict)
    if verdict == "contradict" and all(math.isinf(q.high) or math.isinf(q.low) for q in qs if _interval(q)):
        conf *= 0.5
    return Finding(id=fid, verdict=verdict, kind=kind, fact=group.fact, message=message,
                   statements=tuple(refs), reason=reason, confidence=round(float(conf), 3))


#: the reason of a group that mixes facts; :func:`judge_all` then tries :func:`split_mixed`
MIXES_FACTS = ("mixes facts: one article itself states values in different positions, so the "
               "statements are not all about one fact")

#: :func:`split_mixed` keeps a part of a mixed group as an agreement only when two of its
#: articles' statements are linked with at least this probability
SPLIT_LINK = 0.5


def split_mixed(group: Group, finding: Finding) -> Optional[list[Group]]:
    """The parts of a group that mixes facts, one per position of its values, or None.

    An article that states two values in unlike clauses (the collapse "on Wednesday night", the
    minister's visit "on Thursday") holds two facts; where no two articles disagree outright
    (:func:`_mixed_not_opposed`), each position is one fact, its own group. The split is kept
    only if some part is stated by two articles whose statements are linked with at least
    :data:`SPLIT_LINK`; a value that cannot be compared stands alone.

    Parameters
    ----------
    group : Group
        A value group judged :data:`MIXES_FACTS`.
    finding : Finding
        Its finding: ``statements[i].position`` is the position of ``group.mentions[i]``.

    Returns
    -------
    parts : list of Group or None
    """
    by_position: dict[int, list[int]] = {}
    for i, ref in enumerate(finding.statements):
        by_position.setdefault(ref.position, []).append(i)
    parts, linked = [], False
    for members in by_position.values():
        index = {old: new for new, old in enumerate(members)}
        links = tuple((index[a], index[b], p) for a, b, p in group.links if a in index and b in index)
        linked = linked or any(p >= SPLIT_LINK for _, _, p in links)
        parts.append(replace(group, mentions=tuple(group.mentions[i] for i in members), links=links,
                             similarity=min((p for _, _, p in links), default=group.similarity), mixed=False))
    return parts if linked and len(parts) > 1 else None


def _mixed_not_opposed(mentions, claims: Sequence[Claim], plain: Sequence[int], pos_plain: Sequence[int]) -> bool:
    """Do no two articles disagree outright? An article that states values in two positions
    holds two facts (Friday's game and Saturday's firing); another article contradicts it only
    if it shares none of its positions."""
    held: dict[str, set] = {}
    for i, p in zip(plain, pos_plain):
        if p >= 0:
            held.setdefault(claims[mentions[i].claim].article, set()).add(p)
    if all(len(v) == 1 for v in held.values()):
        return False
    sets = list(held.values())
    return not any(not (sets[x] & sets[y]) for x in range(len(sets)) for y in range(x + 1, len(sets)))


#: Probability from which one linked pair of a mixed group (:func:`_mixed_not_opposed`) is
#: itself a contradiction: "Seven people were injured in a shooting at the bus station" against
#: "Four people were injured in a shooting at the bus station" (0.92), though the first article
#: also says "four people were hurt" in another sentence.
OPPOSED_LINK = 0.8


def _opposed_link(group: Group, claims: Sequence[Claim], hedged: Sequence[bool], pos: Sequence[int]) -> bool:
    """Does a pair of plain statements of two articles, linked with a probability of at least
    :data:`OPPOSED_LINK`, state values in different positions?"""
    mentions = group.mentions
    for x, y, p in group.links:
        if (p >= OPPOSED_LINK and not hedged[x] and not hedged[y] and pos[x] >= 0 and pos[y] >= 0
                and pos[x] != pos[y] and claims[mentions[x].claim].article != claims[mentions[y].claim].article):
            return True
    return False


def _revision(mentions, claims: Sequence[Claim], pos: Sequence[int], published: dict) -> bool:
    """Is a disagreement a later report's update? Two positions; every statement of the latest
    article(s) in one of them, each saying the figure changed (``REVISION`` words: "stieg auf",
    "rose to", "inzwischen"); the other position held only by articles published earlier."""
    dates = [published.get(claims[m.claim].article) for m in mentions]
    if None in dates or len({p for p in pos if p >= 0}) != 2:
        return False
    last = max(dates)
    new = {pos[i] for i, d in enumerate(dates) if d == last}
    old = {pos[i] for i, d in enumerate(dates) if d < last}
    return (len(new) == 1 and bool(old) and not (new & old)
            and all(revision_in(claims[m.claim].sentence.clean) for m, d in zip(mentions, dates) if d == last))


def _confidence(group: Group, refs: Sequence[StatementRef], verdict: str) -> float:
    """The calibrated probability that the group's values are one fact: for a
    contradiction the most probable link across two positions, for an
    agreement the least probable link."""
    if not group.links:
        return group.similarity
    if verdict == "contradict":
        apart = [p for a, b, p in group.links if refs[a].position != refs[b].position]
        return max(apart, default=max(p for _, _, p in group.links))
    return min(p for _, _, p in group.links)


def _value_message(verdict: str, reason: Optional[str], refs: Sequence[StatementRef], fact: str,
                   names: Optional[dict] = None, langs: Optional[Sequence[str]] = None) -> str:
    """The one-line message; each value in the language of its article (``langs``, per ref)."""
    seen: dict[tuple, list[str]] = {}
    for k, r in enumerate(refs):
        lang = langs[k] if langs else "en"
        seen.setdefault((r.position, format_value(r.values[0], lang)), []).append(_short(r.article, names))
    said = "; ".join(f"{', '.join(dict.fromkeys(arts))} {'say' if len(set(arts)) > 1 else 'says'} {val}"
                     for (_, val), arts in seen.items())
    if verdict == "agree":
        return f"{len({r.article for r in refs})} articles agree: {said}"
    if verdict == "contradict":
        return said
    return f"{reason}: {said}"


# Statement groups are judged in :mod:`.statements` (imported here, after the
# helpers it uses are defined).
from .statements import _digest, _judge_statement, _stance_words  # noqa: E402


_ORDER = {"contradict": 0, "agree": 1, "unverifiable": 2}


def judge_all(groups: Sequence[Group], claims: Sequence[Claim], article_ids: dict[str, str],
              settings: JudgeSettings = JudgeSettings()) -> list[Finding]:
    """Judge every group; findings sorted contradictions first, ids made unique."""
    settings = with_names(settings, article_ids)
    return finish([f for g in groups for f in judge_group(g, claims, article_ids, settings)])


def with_names(settings: JudgeSettings, article_ids: dict[str, str]) -> JudgeSettings:
    """``settings`` with the articles' display names filled in (once per batch, not per group)."""
    if settings.names:
        return settings
    from ..names import display_names
    return replace(settings, names=display_names(article_ids))


def judge_group(g: Group, claims: Sequence[Claim], article_ids: dict[str, str],
                settings: JudgeSettings = JudgeSettings()) -> list[Finding]:
    """The findings of one group: none (a statement group whose values have their own findings),
    one, or one per fact of a group that mixes facts (:func:`split_mixed`)."""
    f = judge(g, claims, article_ids, settings)
    if f.reason == MIXES_FACTS:
        parts = split_mixed(g, f)
        judged = [judge(part, claims, article_ids, settings) for part in parts or ()]
        if judged and not any(j.verdict == "contradict" for j in judged):
            return judged
    if (g.kind == "statement" and f.verdict != "contradict"
            and all(claims[m.claim].values for m in g.mentions)):
        return []  # its values are judged in their own findings
    return [f]


def finish(findings: list[Finding]) -> list[Finding]:
    """The findings of a batch, in the order of their groups, made unique (a suffix to equal ids)
    and sorted contradictions first."""
    # Equal fingerprints (the same values stated twice) get suffixes in an
    # order that does not depend on where the statements stand in the files.
    rename: dict[int, str] = {}
    by_id: dict[str, list[int]] = {}
    for k, f in enumerate(findings):
        by_id.setdefault(f.id, []).append(k)
    for fid, ks in by_id.items():
        ks.sort(key=lambda k: (sorted(_digest(s.text) for s in findings[k].statements), findings[k].fact))
        for n, k in enumerate(ks[1:], start=2):
            rename[k] = f"{fid}-{n}"
    findings = [Finding(**{**f.__dict__, "id": rename[k]}) if k in rename else f for k, f in enumerate(findings)]
    findings.sort(key=lambda f: (_ORDER[f.verdict], f.statements[0].article, f.statements[0].start, f.fact))
    return findings
