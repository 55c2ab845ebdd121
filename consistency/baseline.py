"""The baseline: findings a person has already seen, so that a CI gate fails only on new ones.

In the manner of detect-secrets' ``.secrets.baseline``, the baseline is a
readable JSON file meant to be committed and reviewed in pull requests::

    {
      "version": "consistency.baseline/1",
      "findings": [
        {"id": "3f2a…", "verdict": "contradict", "kind": "numeric",
         "fact": "Häuser (count)", "articles": ["a.md", "b.md"],
         "message": "a.md says 120 Häuser; b.md says 450 Häuser",
         "status": "accepted", "note": "b.md was corrected on 3 May"}
      ]
    }

Entries are sorted by id and carry no timestamps, so the file changes only
when its findings do. An entry is matched by ``id`` alone: the finding's
fingerprint (:func:`consistency.judge.fingerprint`), which holds no line
numbers or offsets. ``status`` is ``new`` (recorded, not yet reviewed),
``accepted`` (a true contradiction that is known and tolerated) or
``false-positive``; every entry, whatever its status, keeps its finding
from failing the gate.

Pure functions: nothing here reads or writes files except :func:`load`.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from .model import Finding

__all__ = ["VERSION", "STATUSES", "Entry", "Baseline", "Changes", "BaselineError", "entry_of", "create",
           "update", "mark", "split", "dumps", "loads", "load", "gate_levels", "failing"]

VERSION = "consistency.baseline/1"
#: Largest baseline file read (bytes): a baseline of 100,000 findings is about 20 MB.
MAX_BYTES = 64 * 1024 * 1024
STATUSES = ("new", "accepted", "false-positive")
_FIELDS = ("id", "verdict", "kind", "fact", "articles", "message", "status", "note")


class BaselineError(ValueError):
    """A baseline file cannot be used; the message names the file (and entry)."""


@dataclass(frozen=True)
class Entry:
    """One recorded finding."""

    id: str
    verdict: str
    kind: str
    fact: str
    articles: tuple[str, ...]
    message: str
    status: str = "new"
    note: str = ""

    def as_dict(self) -> dict:
        return {"id": self.id, "verdict": self.verdict, "kind": self.kind, "fact": self.fact,
                "articles": list(self.articles), "message": self.message, "status": self.status,
                "note": self.note}


@dataclass(frozen=True)
class Baseline:
    """The entries of a baseline, sorted by id."""

    entries: tuple[Entry, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "entries", tuple(sorted(self.entries, key=lambda e: e.id)))

    def ids(self) -> set[str]:
        return {e.id for e in self.entries}

    def get(self, ident: str) -> Entry:
        for e in self.entries:
            if e.id == ident:
                return e
        raise KeyError(ident)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class Changes:
    """What :func:`update` changed."""

    added: tuple[Entry, ...] = ()
    kept: tuple[Entry, ...] = ()
    dropped: tuple[Entry, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.dropped)


def gate_levels(fail_on: str) -> tuple[str, ...]:
    """The verdicts that fail the gate at a fail-on level (``never``: none)."""
    return {"contradict": ("contradict",), "unverifiable": ("contradict", "unverifiable"),
            "never": ()}[fail_on]


def failing(findings: Iterable[Finding], fail_on: str) -> list[Finding]:
    """The findings whose verdict fails the gate at ``fail_on``."""
    levels = gate_levels(fail_on)
    return [f for f in findings if f.verdict in levels]


def entry_of(finding: Finding, status: str = "new", note: str = "") -> Entry:
    return Entry(id=finding.id, verdict=finding.verdict, kind=finding.kind, fact=finding.fact,
                 articles=tuple(sorted({s.article for s in finding.statements})), message=finding.message,
                 status=status, note=note)


def create(findings: Iterable[Finding]) -> Baseline:
    """A baseline recording ``findings`` (status ``new``)."""
    entries: dict[str, Entry] = {}
    for f in findings:
        entries.setdefault(f.id, entry_of(f))
    return Baseline(tuple(entries.values()))


def update(baseline: Baseline, findings: Iterable[Finding]) -> tuple[Baseline, Changes]:
    """Record the current ``findings``: new ones are added (status ``new``), entries
    still found keep their status and note (their description is refreshed),
    entries no longer found are dropped."""
    old = {e.id: e for e in baseline.entries}
    current: dict[str, Entry] = {}
    added, kept = [], []
    for f in findings:
        if f.id in current:
            continue
        if f.id in old:
            e = entry_of(f, old[f.id].status, old[f.id].note)
            kept.append(e)
        else:
            e = entry_of(f)
            added.append(e)
        current[f.id] = e
    dropped = [e for i, e in old.items() if i not in current]
    return Baseline(tuple(current.values())), Changes(tuple(added), tuple(kept), tuple(dropped))


def mark(baseline: Baseline, ident: str, status: str, note: str | None = None) -> tuple[Baseline, Entry]:
    """Set the status (and note) of the entry whose id is ``ident`` (or starts with it)."""
    if status not in STATUSES:
        raise BaselineError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
    matches = [e for e in baseline.entries if e.id == ident] or \
              [e for e in baseline.entries if ident and e.id.startswith(ident)]
    if not matches:
        raise BaselineError(f"no baseline entry with id {ident!r}")
    if len(matches) > 1:
        raise BaselineError(f"id {ident!r} is ambiguous: {', '.join(e.id for e in matches)}")
    target = matches[0]
    changed = replace(target, status=status, note=target.note if note is None else note)
    return Baseline(tuple(changed if e.id == target.id else e for e in baseline.entries)), changed


def split(findings: Sequence[Finding], baseline: Baseline) -> tuple[list[Finding], list[Finding]]:
    """``(kept, suppressed)``: findings not in the baseline, and those it holds."""
    ids = baseline.ids()
    return [f for f in findings if f.id not in ids], [f for f in findings if f.id in ids]


def dumps(baseline: Baseline) -> str:
    """The baseline as JSON text: same entries, same bytes."""
    doc = {"version": VERSION, "findings": [e.as_dict() for e in baseline.entries]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _str(value, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise BaselineError(f"{where}: {key!r} must be a string, got {type(value).__name__}")
    return value


def loads(text: str, source: str = "<baseline>") -> Baseline:
    """Parse and validate baseline JSON; errors name ``source`` and the entry."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") \
            from None
    if not isinstance(doc, dict):
        raise BaselineError(f"{source}: a baseline is a JSON object with 'version' and 'findings'")
    version = doc.get("version")
    if version != VERSION:
        raise BaselineError(f"{source}: unsupported baseline version {version!r} (this consistency reads {VERSION!r})")
    unknown = sorted(set(doc) - {"version", "findings", "generated_at"})
    if unknown:
        raise BaselineError(f"{source}: unknown key {unknown[0]!r}")
    items = doc.get("findings", [])
    if not isinstance(items, list):
        raise BaselineError(f"{source}: 'findings' must be a list")
    entries: list[Entry] = []
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        where = f"{source}: finding {n}"
        if not isinstance(item, dict):
            raise BaselineError(f"{where}: must be an object")
        bad = sorted(set(item) - set(_FIELDS))
        if bad:
            raise BaselineError(f"{where}: unknown key {bad[0]!r}")
        ident = _str(item.get("id"), where, "id")
        if not ident:
            raise BaselineError(f"{where}: empty 'id'")
        where = f"{source}: finding {ident}"
        if ident in seen:
            raise BaselineError(f"{where}: duplicate id")
        seen.add(ident)
        status = _str(item.get("status", "new"), where, "status")
        if status not in STATUSES:
            raise BaselineError(f"{where}: status must be one of {', '.join(STATUSES)}, got {status!r}")
        articles = item.get("articles", [])
        if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
            raise BaselineError(f"{where}: 'articles' must be a list of strings")
        entries.append(Entry(id=ident, verdict=_str(item.get("verdict", ""), where, "verdict"),
                             kind=_str(item.get("kind", ""), where, "kind"),
                             fact=_str(item.get("fact", ""), where, "fact"), articles=tuple(articles),
                             message=_str(item.get("message", ""), where, "message"), status=status,
                             note=_str(item.get("note", ""), where, "note")))
    return Baseline(tuple(entries))


def load(path: str, *, max_bytes: int = MAX_BYTES) -> Baseline:
    """Read a baseline file (:class:`BaselineError` if it is missing, too large, not a regular file or invalid).

    At most ``max_bytes`` are read: ``/dev/urandom`` or a FIFO given as the
    baseline is refused at once instead of read for ever.
    """
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; fstat then refuses it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no baseline file; create one with "
                            f"`consistency baseline create ARTICLES... -o {path}`") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode) \
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a special file"
            raise BaselineError(f"{path}: not a regular file ({kind}); a baseline is a JSON file")
        if st.st_size > max_bytes:
            raise BaselineError(f"{path}: baseline too large ({st.st_size:,} bytes; the limit is {max_bytes:,})")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise BaselineError(f"{path}: baseline too large (more than {max_bytes:,} bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise BaselineError(f"{path}:{line}: cannot read the baseline (not UTF-8)") from None
    return loads(text, path)
