"""Stage 6 — judge: a Group in, a :class:`~consistency.model.Finding` out.

Value groups: every statement's value is an interval; statements whose
intervals share a common point take one *position*. One position across two
or more articles is ``agree``; two or more positions is ``contradict``
(kind ``numeric`` or ``date``); a fact from one article only, or with values
that cannot be compared (a relative date without a publication date), is
``unverifiable``. Hedged statements ("könnte", "möglicherweise", "if") are
set aside: if only they disagree, the finding is ``unverifiable`` with the
reason "hedged", never a contradiction.

Statement groups: one statement affirming what another denies is a
``negation`` contradiction, otherwise ``agree``.

Confidence (in [0, 1]) is the weakest alignment similarity in the group for
agree and contradict findings, scaled down by half when a contradiction
rests on open-ended bounds only; for unverifiable findings it is 0.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from ..model import Claim, Finding, Group, Quantity, StatementRef
from .stances import ANTONYMS, STANCE_TYPES, opposed, stances

__all__ = ["judge", "judge_all", "positions", "format_value", "fingerprint", "JudgeSettings"]


@dataclass(frozen=True)
class JudgeSettings:
    #: relative tolerance between two exact (unhedged) numbers that still agree
    exact_tolerance: float = 0.0
    #: calibrated probability from which two linked values are one fact
    fact_threshold: float = 0.25


def _comparable(q: Quantity) -> bool:
    return q.low is not None and q.high is not None


def _as_day_month(q: Quantity) -> Optional[int]:
    """A single full date as month*100+day, to compare with a partial date."""
    if q.partial:
        return int(q.low)
    if q.kind == "date" and q.low == q.high:
        d = date.fromordinal(int(q.low))
        return d.month * 100 + d.day
    return None


def _bounds(a: Quantity, b: Quantity) -> Optional[tuple[tuple[float, float], tuple[float, float]]]:
    """Intervals of ``a`` and ``b`` on a common scale, or None if incomparable."""
    if not (_comparable(a) and _comparable(b)):
        return None
    if a.partial or b.partial:
        da, db = _as_day_month(a), _as_day_month(b)
        if da is None or db is None:
            return None
        return (da, da), (db, db)
    return (a.low, a.high), (b.low, b.high)


def _compatible(a: Quantity, b: Quantity, tol: float) -> Optional[bool]:
    bb = _bounds(a, b)
    if bb is None:
        return None
    (al, ah), (bl, bh) = bb
    if tol and a.hedge is None and b.hedge is None and a.kind not in ("date", "year"):
        slack = tol * max(abs(al), abs(bl))
        al, ah, bl, bh = al - slack, ah + slack, bl - slack, bh + slack
    return al <= bh and bl <= ah


def positions(values: Sequence[Quantity], tol: float = 0.0) -> list[int]:
    """Assign each value a position: values of one position are mutually compatible.

    Returns
    -------
    pos : list of int, length len(values)
        ``-1`` for values that cannot be compared with any other.
    """
    n = len(values)
    pos = [-1] * n
    members: list[list[int]] = []
    order = sorted(range(n), key=lambda i: (values[i].low if _comparable(values[i]) else math.inf, i))
    for i in order:
        if not _comparable(values[i]):
            continue
        placed = False
        for p, idx in enumerate(members):
            checks = [_compatible(values[i], values[k], tol) for k in idx]
            if all(c is not False for c in checks) and any(c for c in checks):
                idx.append(i)
                pos[i] = p
                placed = True
                break
        if not placed:
            members.append([i])
            pos[i] = len(members) - 1
    # Values that compare with nothing (e.g. a year beside partial dates) stay apart.
    for p, idx in enumerate(members):
        if len(idx) == 1:
            i = idx[0]
            if all(_compatible(values[i], values[k], tol) is None for k in range(n) if k != i):
                pos[i] = -1
    # renumber in order of first appearance
    remap: dict[int, int] = {}
    for i in range(n):
        if pos[i] >= 0 and pos[i] not in remap:
            remap[pos[i]] = len(remap)
    return [remap.get(p, -1) if p >= 0 else -1 for p in pos]


def _num(x: float) -> str:
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def format_value(q: Quantity) -> str:
    """A value in words a reader understands: "more than 10,000 Schiffscontainer"."""
    if q.kind == "relative_date":
        return f"“{q.raw}” (no publication date to resolve it)"
    if q.kind in ("date", "year"):
        if q.partial:
            m, d = divmod(int(q.low), 100)
            return date(2000, m, d).strftime("%-d %B") + " (no year)"
        lo, hi = date.fromordinal(int(q.low)), date.fromordinal(int(q.high))
        if lo == hi:
            return lo.isoformat()
        if lo.month == 1 and lo.day == 1 and hi.month == 12 and hi.day == 31 and lo.year == hi.year:
            return str(lo.year)
        return f"{lo.isoformat()}..{hi.isoformat()}"
    if q.kind in ("measure", "duration") and q.low is not None:
        lo, hi = q.low, q.high
        span = _num(lo) if lo == hi else (f"≥ {_num(lo)}" if math.isinf(hi) else f"≤ {_num(hi)}" if math.isinf(lo)
                                          else f"{_num(lo)}–{_num(hi)}")
        return f"“{q.raw}{' ' + q.unit if q.unit and q.unit not in q.raw else ''}” ({span} {q.unit_key})"
    unit = f" {q.unit}" if q.unit and q.kind not in ("money", "percent") else ""
    if q.kind == "money":
        unit = f" {q.unit_key}"
    if q.kind == "percent":
        unit = " %"
    v = q.value if q.value is not None else q.low
    words = {"lower": "more than", "at_least": "at least", "nearly": "nearly", "approx": "about",
             "upper": "less than", "at_most": "up to"}
    if q.hedge == "range":
        return f"between {_num(q.low)} and {_num(q.high)}{unit}"
    if q.kind == "ordinal":
        n = int(q.value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}{unit}"
    if q.hedge == "vague":
        return f"“{q.raw}” ({_num(q.low)}–{_num(q.high)}){unit}"
    prefix = words.get(q.hedge or "", "")
    return f"{prefix + ' ' if prefix else ''}{_num(v)}{unit}"


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


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def judge(group: Group, claims: Sequence[Claim], article_ids: dict[str, str],
          settings: JudgeSettings = JudgeSettings()) -> Finding:
    """Give the verdict on one group.

    ``article_ids`` maps an article path to its stable id (used in the fingerprint).
    """
    mentions = group.mentions
    arts = {claims[m.claim].article for m in mentions}
    if group.kind == "statement":
        return _judge_statement(group, claims, article_ids)
    qs = [claims[m.claim].values[m.value_index] for m in mentions]
    hedged = [claims[m.claim].hedged for m in mentions]
    kind = "date" if qs[0].unit_key == "time" else "numeric"
    plain = [i for i in range(len(qs)) if not hedged[i]]
    pos_all = positions(qs, settings.exact_tolerance)
    pos_plain = positions([qs[i] for i in plain], settings.exact_tolerance)
    n_pos_all = len({p for p in pos_all if p >= 0})
    n_pos_plain = len({p for p in pos_plain if p >= 0})
    comparable_arts = {claims[mentions[i].claim].article for i in range(len(qs)) if pos_all[i] >= 0}
    reason = None
    if len(arts) < 2:
        verdict, reason = "unverifiable", "single source"
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
    message = _value_message(verdict, reason, refs, group.fact)
    conf = 0.0 if verdict == "unverifiable" else _confidence(group, refs, verdict)
    if verdict == "contradict" and all(math.isinf(q.high) or math.isinf(q.low) for q in qs if _comparable(q)):
        conf *= 0.5
    return Finding(id=fid, verdict=verdict, kind=kind, fact=group.fact, message=message,
                   statements=tuple(refs), reason=reason, confidence=round(float(conf), 3))


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


def _value_message(verdict: str, reason: Optional[str], refs: Sequence[StatementRef], fact: str) -> str:
    seen: dict[tuple, list[str]] = {}
    for r in refs:
        seen.setdefault((r.position, format_value(r.values[0])), []).append(_short(r.article))
    said = "; ".join(f"{', '.join(dict.fromkeys(arts))} {'say' if len(set(arts)) > 1 else 'says'} {val}"
                     for (_, val), arts in seen.items())
    if verdict == "agree":
        return f"{len({r.article for r in refs})} articles agree: {said}"
    if verdict == "contradict":
        return said
    return f"{reason}: {said}"


def _judge_statement(group: Group, claims: Sequence[Claim], article_ids: dict[str, str]) -> Finding:
    members = [claims[m.claim] for m in group.mentions]
    st = [stances(c) for c in members]
    plain = [i for i, c in enumerate(members) if not c.hedged]
    verdict, kind, reason, pos = "agree", "statement", None, [0] * len(members)
    index = {m.claim: k for k, m in enumerate(group.mentions)}
    strong = [(index[a], index[b]) for a, b in group.strong if a in index and b in index]
    same = [(index[a], index[b]) for a, b in group.same if a in index and b in index]
    for typ in STANCE_TYPES:
        # a contradiction needs two plain statements from two articles that
        # take different stances and are linked: for a denial, they must say
        # the same once the denial is set aside; otherwise by strong evidence
        links = same if typ == "negation" else strong
        clash = [(a, b) for a, b in links if a in plain and b in plain
                 and opposed(typ, st[a][typ], st[b][typ]) and members[a].article != members[b].article]
        if not clash:
            values, arts = set(), set()
        else:
            values = {st[i][typ] for i in plain if st[i][typ] is not None}
            arts = {members[i].article for i in plain if st[i][typ] is not None}
        if typ == "entity" and len(values) >= 2:
            # the same statement about another place or person: only when the
            # statements also share that type's slot on both sides
            types = {v.split(":")[0] for v in values}
            if len(types) != 1:
                continue
        if clash and typ == "antonym":
            # positions by the side taken on the antonym pair that clashes
            a0, b0 = clash[0]
            da = dict(x.split(":") for x in st[a0][typ].split())
            db = dict(x.split(":") for x in st[b0][typ].split())
            key = next(k for k in da.keys() & db.keys() if da[k] != db[k])
            for i in range(len(st)):
                sides = dict(x.split(":") for x in (st[i][typ] or "").split())
                st[i] = {**st[i], typ: f"{key}:{sides[key]}" if key in sides else None}
            values = {st[i][typ] for i in plain if st[i][typ] is not None}
            arts = {members[i].article for i in plain if st[i][typ] is not None}
        if len(values) >= 2 and len(arts) >= 2:
            order = sorted(values, key=lambda v: min(i for i in plain if st[i][typ] == v))
            verdict, kind = "contradict", typ
            nxt = len(order)
            pos = []
            for i in range(len(members)):
                v = st[i][typ]
                if i in plain and v in order:
                    pos.append(order.index(v))
                else:
                    pos.append(nxt)
                    nxt += 1
            break
        all_values = {s[typ] for s in st if s[typ] is not None}
        if typ == "negation" and len(all_values) >= 2:
            plain_values = {st[i][typ] for i in plain}
            reason = ("denial only in hedged statements" if len(plain_values) < 2 else
                      "opposite polarity, but the statements are only loosely aligned")
            kind, verdict = "negation", "unverifiable"
            pos = [0 if s["negation"] == "affirms" else 1 for s in st]
    refs = tuple(_ref(c, article_ids, (), p) for c, p in zip(members, pos))
    parts = [f"{article_ids.get(c.article, c.article)}={int(c.negated)}:{_digest(c.sentence.clean)}"
             for c in members]
    fid = fingerprint(kind, group.key, parts)
    if verdict == "contradict":
        groups: dict[int, list[str]] = {}
        for r, s_ in zip(refs, st):
            if r.position < len(groups) + 10:
                groups.setdefault(r.position, [])
        by_pos: dict[int, set] = {}
        for r in refs:
            by_pos.setdefault(r.position, set()).add(_short(r.article))
        if kind == "negation":
            deny = sorted({_short(members[i].article) for i in plain if members[i].negated})
            affirm = sorted({_short(members[i].article) for i in plain if not members[i].negated})
            cues = sorted({w for i in plain if members[i].negated for w in members[i].negation_cues})
            message = f"{', '.join(affirm)} affirms what {', '.join(deny)} denies ({', '.join(cues)})"
        else:
            said = "; ".join(f"{', '.join(sorted(by_pos[p]))} says {_stance_words(kind, members, st, refs, p)}"
                             for p in sorted(by_pos) if p < 10 and _stance_words(kind, members, st, refs, p))
            message = f"same statement, opposite {kind}: {said}"
    else:
        message = f"{len({c.article for c in members})} articles state it"
        if reason:
            message = f"{reason}: {message}"
    return Finding(id=fid, verdict=verdict, kind=kind, fact=group.fact, message=message, statements=refs,
                   reason=reason, confidence=0.0 if verdict == "unverifiable" else round(float(group.similarity), 3))


def _stance_words(kind: str, members, st, refs, position: int) -> str:
    for c, s_, r in zip(members, st, refs):
        if r.position == position and s_[kind]:
            if kind == "entity":
                return s_[kind].split(":", 1)[1]
            k, side = s_[kind].split(":")
            words = ANTONYMS[int(k)][0 if side == "a" else 1]
            hit = next((w for w in words if re.search(r"\b" + re.escape(w) + r"\b", c.sentence.clean, re.I)), words[0])
            return f"“{hit}”"
    return ""


def _digest(text: str) -> str:
    norm = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:8]


_ORDER = {"contradict": 0, "agree": 1, "unverifiable": 2}


def judge_all(groups: Sequence[Group], claims: Sequence[Claim], article_ids: dict[str, str],
              settings: JudgeSettings = JudgeSettings()) -> list[Finding]:
    """Judge every group; findings sorted contradictions first, ids made unique."""
    findings = []
    for g in groups:
        f = judge(g, claims, article_ids, settings)
        if (g.kind == "statement" and f.verdict != "contradict"
                and all(claims[m.claim].values for m in g.mentions)):
            continue  # its values are judged in their own findings
        findings.append(f)
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
    out = findings
    return out
