"""Statement groups: a verdict on claims aligned on their whole meaning.

One statement denying what another affirms is a ``negation`` contradiction;
opposite sides of an antonym pair an ``antonym`` one; the same statement
about another place or person an ``entity`` one. Everything else that is
aligned agrees.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..model import Claim, Finding, Group
from .values import _ref, _short, fingerprint
from .stances import STANCE_TYPES, opposed, places_differ, stance_spans, stances

__all__ = ["_judge_statement", "_stance_words", "_digest"]


def _judge_statement(group: Group, claims: Sequence[Claim], article_ids: dict[str, str],
                     names: Optional[dict] = None) -> Finding:
    """The finding of a statement group: a clash of stances (:func:`_stance_verdict`), else the same
    statement with another filler in one slot (:func:`_slot_contrast`), else agreement."""
    members = [claims[m.claim] for m in group.mentions]
    index = {m.claim: k for k, m in enumerate(group.mentions)}
    v = _stance_verdict(group, members, index)
    fillers: dict[int, str] = {}
    if v.verdict == "agree" and v.reason is None:
        contrast = _slot_contrast(group, v.members, index, v.plain)
        if contrast is not None:
            keep, pos, fillers = contrast
            v = _Verdict("contradict", "entity", None, [v.members[k] for k in keep], v.st, pos, v.plain)
    members, pos = v.members, v.pos
    refs = tuple(_ref(c, article_ids, (), p) for c, p in zip(members, pos))
    parts = [f"{article_ids.get(c.article, c.article)}={int(c.negated)}:{_digest(c.sentence.clean)}"
             for c in members]
    fid = fingerprint(v.kind, group.key, parts)
    message = _message(v, refs, fillers, names)
    return Finding(id=fid, verdict=v.verdict, kind=v.kind, fact=group.fact, message=message, statements=refs,
                   reason=v.reason,
                   confidence=0.0 if v.verdict == "unverifiable" else round(float(group.similarity), 3))


@dataclass
class _Verdict:
    """What :func:`_stance_verdict` decided: the verdict, kind and reason, and the statements kept
    (``members``), their stances (``st``), positions (``pos``) and which are plain (``plain``)."""

    verdict: str
    kind: str
    reason: Optional[str]
    members: list
    st: list
    pos: list
    plain: list


def _stance_verdict(group: Group, members: list, index: dict) -> _Verdict:
    """Try each stance type of :data:`STANCE_TYPES` in order: the first on which two plain
    statements of two articles, linked strongly enough, take opposite stances makes a contradiction
    (kept to the statements that take part, :func:`_core`); opposite polarity without such a link
    is unverifiable; else the statements agree."""
    st = [stances(c) for c in members]
    plain = [i for i, c in enumerate(members) if not c.hedged]
    is_plain = set(plain)
    verdict, kind, reason, pos = "agree", "statement", None, [0] * len(members)
    strong = [(index[a], index[b]) for a, b in group.strong if a in index and b in index]
    same = [(index[a], index[b]) for a, b in group.same if a in index and b in index]
    for typ in STANCE_TYPES:
        # a contradiction needs two plain statements from two articles that
        # take different stances and are linked: for a denial, they must say
        # the same once the denial is set aside; otherwise by strong evidence
        links = same if typ == "negation" else strong
        if len({st[i][typ] for i in plain} - {None}) < 2:
            links = []  # one stance (or none) among the plain statements: nothing can be opposed
        clash = [(a, b) for a, b in links if a in is_plain and b in is_plain
                 and opposed(typ, st[a][typ], st[b][typ]) and members[a].article != members[b].article
                 and (typ != "entity" or not st[a][typ].startswith("place:") or places_differ(members[a], members[b]))]
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
        if clash and typ in ("antonym", "statement"):
            st = _on_the_clashing_concept(st, clash[0], typ)
            values = {st[i][typ] for i in plain if st[i][typ] is not None}
            arts = {members[i].article for i in plain if st[i][typ] is not None}
        if len(values) >= 2 and len(arts) >= 2:
            order = sorted(values, key=lambda v: min(i for i in plain if st[i][typ] == v))
            verdict, kind = "contradict", typ
            nxt = len(order)
            pos = []
            for i in range(len(members)):
                v = st[i][typ]
                if i in is_plain and v in order:
                    pos.append(order.index(v))
                else:
                    pos.append(nxt)
                    nxt += 1
            keep = _core(clash, strong + same, st, typ)
            members, st, pos = [members[i] for i in keep], [st[i] for i in keep], [pos[i] for i in keep]
            taken = {p: k for k, p in enumerate(sorted(set(pos)))}
            pos = [taken[p] for p in pos]
            plain = [k for k, i in enumerate(keep) if i in plain]
            break
        all_values = {s[typ] for s in st if s[typ] is not None}
        if typ == "negation" and len(all_values) >= 2:
            plain_values = {st[i][typ] for i in plain}
            reason = ("denial only in hedged statements" if len(plain_values) < 2 else
                      "opposite polarity, but the statements are only loosely aligned")
            kind, verdict = "negation", "unverifiable"
            pos = [0 if s["negation"] == "affirms" else 1 for s in st]
    return _Verdict(verdict, kind, reason, members, st, pos, plain)


def _on_the_clashing_concept(st: list, pair: tuple, typ: str) -> list:
    """The stances of type ``typ`` cut to the one concept on which the statements ``pair`` take
    different sides: positions are by the side taken on it."""
    a0, b0 = pair
    da = dict(x.split(":") for x in st[a0][typ].split())
    db = dict(x.split(":") for x in st[b0][typ].split())
    key = next(k for k in da.keys() & db.keys() if da[k] != db[k])
    out = []
    for s in st:
        sides = dict(x.split(":") for x in (s[typ] or "").split())
        out.append({**s, typ: f"{key}:{sides[key]}" if key in sides else None})
    return out


def _slot_contrast(group: Group, members: list, index: dict, plain: list):
    """The same statement with another noun in one slot ("mit einer Pistole" / "mit einem Messer
    bedroht"): ``(keep, positions, fillers)`` of the statements of the pairs that contrast the
    first two fillers (two positions), or ``None``."""
    is_plain = set(plain)
    slot = [(index[a], index[b], fa, fb) for a, b, fa, fb in group.contrasts if a in index and b in index
            and a != b and index[a] in is_plain and index[b] in is_plain]
    if not slot:
        return None
    first = {slot[0][2], slot[0][3]}
    filler_of = {}  # statement -> its filler, over the pairs that contrast the first two fillers
    for x, y, fx, fy in slot:
        if {fx, fy} == first:
            filler_of.setdefault(x, fx)
            filler_of.setdefault(y, fy)
    keep = sorted(filler_of)
    order = [slot[0][2], slot[0][3]]
    return keep, [order.index(filler_of[k]) for k in keep], {n: filler_of[k] for n, k in enumerate(keep)}


def _message(v: _Verdict, refs: tuple, fillers: dict, names: Optional[dict]) -> str:
    """The finding's message: who says what (a contradiction), or how many articles state it."""
    members, st, plain = v.members, v.st, v.plain
    if v.verdict != "contradict":
        message = f"{len({c.article for c in members})} articles state it"
        return f"{v.reason}: {message}" if v.reason else message
    by_pos: dict[int, set] = {}
    for r in refs:
        by_pos.setdefault(r.position, set()).add(_short(r.article, names))
    if fillers:
        said = "; ".join(f"{', '.join(sorted(by_pos[p]))} says “{next(f for n, f in fillers.items() if v.pos[n] == p)}”"
                         for p in sorted(by_pos))
        return f"same statement, another object or place: {said}"
    if v.kind == "negation":
        deny = sorted({_short(members[i].article, names) for i in plain if members[i].negated})
        affirm = sorted({_short(members[i].article, names) for i in plain if not members[i].negated})
        cues = sorted({w for i in plain if members[i].negated for w in members[i].negation_cues})
        return f"{', '.join(affirm)} affirms what {', '.join(deny)} denies ({', '.join(cues)})"
    said = "; ".join(f"{', '.join(sorted(by_pos[p]))} says {_stance_words(v.kind, members, st, refs, p)}"
                     for p in sorted(by_pos) if p < 10 and _stance_words(v.kind, members, st, refs, p))
    return f"same statement, opposite {v.kind}: {said}"


def _core(clash, links, st, typ) -> list[int]:
    """The statements of a contradiction: those of the clashing pairs and those directly and
    strongly linked to them that take a side, not every statement a chain of links reached (one
    finding, one statement; a group of dozens of statements says nothing)."""
    core = {i for pair in clash for i in pair}
    sided = {i for i in range(len(st)) if st[i][typ] is not None}
    return sorted(core | {y for a, b in links for x, y in ((a, b), (b, a)) if x in core and y in sided})


def _stance_words(kind: str, members, st, refs, position: int) -> str:
    """The words that take the stance of ``position``: the place or person, or the antonym."""
    for c, s_, r in zip(members, st, refs):
        if r.position == position and s_[kind]:
            if kind == "entity":
                return s_[kind].split(":", 1)[1]
            key = s_[kind].split()[0]
            text = c.sentence.clean
            hit = next((text[a:b] for a, b, k in stance_spans(text, kind) if k == key), key)
            return f"“{hit}”"
    return ""


def _digest(text: str) -> str:
    norm = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:8]
