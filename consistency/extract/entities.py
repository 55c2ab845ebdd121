"""Named entities under several spellings and languages, as one entity.

"Pjöngjang", "Pyongyang" and "Pjongjang" are one city; "Kim Jong Un",
"Kim Jong-un" and "Kim Jong -un" one person; "DVRK", "Nordkorea", "North
Korea" and "nordkoreanisch" one country. Names are matched after folding
(lower case, accents and hyphens removed), so new spellings that differ
only by those are found without listing them. The table is small and
meant to grow; it is data, not code.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

__all__ = ["find_entities", "fold", "canonical_text", "Entity", "ENTITIES", "NAME_TYPES", "load_names", "use_names",
           "entity_table", "names_digest", "on_names_change"]

#: canonical name -> (type, aliases). Adjectives count: a "russische" loss is Russia's.
ENTITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Russia": ("country", ("Russland", "Russia", "Russlands", "Russian Federation", "Russische Föderation",
                           "russisch", "russische", "russischen", "russischer", "russisches", "Russian",
                           "Russians", "Russen")),
    "Ukraine": ("country", ("Ukraine", "ukrainisch", "ukrainische", "ukrainischen", "ukrainischer",
                            "Ukrainian", "Ukrainians", "Ukrainer")),
    "North Korea": ("country", ("Nordkorea", "North Korea", "DVRK", "DPRK", "Nordkoreas",
                                "nordkoreanisch", "nordkoreanische", "nordkoreanischen", "nordkoreanischer",
                                "North Korean", "North Koreans", "Nordkoreaner", "Demokratische Volksrepublik Korea")),
    "South Korea": ("country", ("Südkorea", "South Korea", "Republik Korea", "südkoreanisch",
                                "südkoreanische", "südkoreanischen", "South Korean", "Südkoreas")),
    "China": ("country", ("China", "Chinas", "Volksrepublik China", "chinesisch", "chinesische",
                          "chinesischen", "Chinese", "PRC")),
    "United States": ("country", ("USA", "US", "U.S.", "United States", "Vereinigte Staaten",
                                  "Vereinigten Staaten", "amerikanisch", "amerikanische", "amerikanischen",
                                  "American", "Amerika", "America")),
    "Iran": ("country", ("Iran", "Irans", "iranisch", "iranische", "Iranian")),
    "Japan": ("country", ("Japan", "Japans", "japanisch", "japanische", "Japanese")),
    "Germany": ("country", ("Deutschland", "Germany", "deutsch", "deutsche", "German")),
    "Pyongyang": ("city", ("Pjöngjang", "Pyongyang", "Pjongjang", "Phjöngjang")),
    "Moscow": ("city", ("Moskau", "Moscow", "Moskwa")),
    "Kyiv": ("city", ("Kiew", "Kyiv", "Kiev", "Kyjiw")),
    "Seoul": ("city", ("Seoul",)),
    "Beijing": ("city", ("Peking", "Beijing")),
    "Washington": ("city", ("Washington",)),
    "Berlin": ("city", ("Berlin",)),
    "Kremlin": ("organization", ("Kreml", "Kremlin", "Kremls")),
    "NATO": ("organization", ("NATO", "Nato", "Nordatlantikpakt")),
    "United Nations": ("organization", ("UN", "UNO", "Vereinte Nationen", "Vereinten Nationen",
                                        "United Nations", "U.N.")),
    "UN Security Council": ("organization", ("UN-Sicherheitsrat", "UN Security Council", "Sicherheitsrat",
                                             "Security Council")),
    "Vladimir Putin": ("person", ("Putin", "Wladimir Putin", "Vladimir Putin", "Putins")),
    "Kim Jong Un": ("person", ("Kim Jong Un", "Kim Jong-un", "Kim Jong -un", "Kim Jong-Un", "Kim Jongun",
                               "Kim Jong Jong-un")),
    "Volodymyr Zelensky": ("person", ("Selenskyj", "Zelensky", "Zelenskyy", "Wolodymyr Selenskyj",
                                      "Volodymyr Zelensky")),
    "Xi Jinping": ("person", ("Xi Jinping", "Xi")),
    "Joe Biden": ("person", ("Biden", "Joe Biden")),
}


#: The types a name may have in a names file (``--names``).
NAME_TYPES = ("person", "city", "country", "organization", "place", "other")

#: The user's names (``--names FILE``) in force: canonical name -> (type, aliases), and their digest.
_EXTRA: dict[str, tuple[str, tuple[str, ...]]] = {}
#: Functions called when the names in force change (caches built from the table).
_ON_CHANGE: list = []


def on_names_change(fn):
    """Register ``fn()`` to be called whenever :func:`use_names` changes the names in force."""
    _ON_CHANGE.append(fn)
    return fn


def entity_table() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The built-in :data:`ENTITIES` with the user's names in force merged in (a name of both
    keeps the built-in aliases and gains the user's; the user's type wins)."""
    if not _EXTRA:
        return ENTITIES
    out = dict(ENTITIES)
    for name, (typ, aliases) in _EXTRA.items():
        old = out.get(name, (typ, ()))[1]
        out[name] = (typ, tuple(dict.fromkeys(old + aliases)))
    return out


def names_digest(path: Optional[str]) -> str:
    """A digest of the names of the file ``path``, ``""`` for none (cache keys and a corpus
    article's params hold it, so a changed file re-extracts what it touches)."""
    entries = load_names(path) if path else ()
    return hashlib.sha256(repr(entries).encode("utf-8")).hexdigest()[:16] if entries else ""


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> tuple:
    from ..config import _MAX_CONFIG_BYTES, _parse_toml
    from ..settings import SettingsError

    try:
        with open(path, "rb") as fh:
            data = fh.read(_MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the names file ({exc.strerror or exc})") from None
    if len(data) > _MAX_CONFIG_BYTES:
        raise SettingsError(f"{path}: names file larger than {_MAX_CONFIG_BYTES:,} bytes")
    doc = _parse_toml(path, data)  # a fault names the file and line, as in a settings file
    # names at the top, or in a [names] table (as [names."Port Arthur"] sections), or both
    table = {k: v for k, v in doc.items() if not (k == "names" and isinstance(v, dict))}
    for name, entry in (doc["names"] if isinstance(doc.get("names"), dict) else {}).items():
        if name in table:
            raise SettingsError(f"{path}: {name!r} is given twice")
        table[name] = entry
    out = []
    for name, entry in table.items():
        where = f"{path}: {name!r}"
        if isinstance(entry, str):
            entry = [entry]
        if isinstance(entry, list):
            typ, aliases = "other", entry
        elif isinstance(entry, dict):
            unknown = set(entry) - {"type", "aliases"}
            if unknown:
                raise SettingsError(f"{where}: unknown key {sorted(unknown)[0]!r} (a name has 'type' and 'aliases')")
            typ, aliases = entry.get("type", "other"), entry.get("aliases", [])
            if isinstance(aliases, str):
                aliases = [aliases]
        else:
            raise SettingsError(f"{where}: must be a list of aliases or a table with 'type' and 'aliases', "
                                f"got {type(entry).__name__}")
        if typ not in NAME_TYPES:
            raise SettingsError(f"{where}: type must be one of {', '.join(NAME_TYPES)}, got {typ!r}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and fold(a) for a in aliases):
            raise SettingsError(f"{where}: aliases must be a list of non-empty strings")
        if not fold(name):
            raise SettingsError(f"{path}: a name must not be empty")
        out.append((name, typ, tuple(aliases)))
    return tuple(sorted(out))


def load_names(path: str) -> tuple:
    """Read a names file: TOML, one entry per entity, the canonical name as the key::

        "Olaf Scholz" = ["Scholz", "Bundeskanzler Scholz"]        # type "other"
        [names."Port Arthur"]                                   # or under a [names] table
        type = "city"                                           # one of NAME_TYPES
        aliases = ["Pt. Arthur"]

    Returns ``((name, type, aliases), ...)`` sorted by name. A bad file raises
    :class:`~consistency.settings.SettingsError` naming the file (and the line of a TOML
    error, or the entry)."""
    from ..settings import SettingsError

    try:
        st = os.stat(path)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the names file ({exc.strerror or exc})") from None
    if not os.path.isfile(path):
        raise SettingsError(f"{path}: the names file is not a regular file")
    return _load(os.path.abspath(path), st.st_mtime_ns, st.st_size)


def use_names(path: Optional[str]) -> None:
    """Put the names of the file ``path`` in force (``None``: only the built-in table), for every
    extraction and judgement in this process after it (forked processes inherit them)."""
    global _EXTRA
    entries = load_names(path) if path else ()
    extra = {name: (typ, aliases) for name, typ, aliases in entries}
    if extra == _EXTRA:
        return
    _EXTRA = extra
    _matcher.cache_clear()
    for fn in _ON_CHANGE:
        fn()


@dataclass(frozen=True)
class Entity:
    name: str  # canonical
    type: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lower case, accents removed, hyphens and spaces folded: "Kim Jong -un" -> "kim jong un"."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.lower().replace("ß", "ss")
    return re.sub(r"[\s\-‐–]+", " ", t).strip()


@lru_cache(maxsize=1)
def _matcher():
    table = entity_table()
    alias_to = {}
    for name, (typ, aliases) in table.items():
        for a in aliases + (name,):
            alias_to[fold(a)] = (name, typ)
    # match on the folded text, longest alias first; folded text keeps length
    # only if we fold char by char, so we match with a regex on the original
    # that tolerates hyphen/space variation and case.
    parts = []
    for a in sorted({a for _, (_, al) in table.items() for a in al} | set(table), key=len, reverse=True):
        pat = r"[\s\-‐–]*".join(re.escape(w) for w in re.split(r"[\s\-‐–]+", a))
        parts.append(pat)
    case_sensitive = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")
    return alias_to, case_sensitive


def find_entities(text: str) -> list[Entity]:
    """The known entities named in ``text``, with offsets into it.

    Matching is case-sensitive for short all-caps aliases ("US", "UN") and
    otherwise tolerant of hyphens and spaces; accents must match an alias.
    """
    alias_to, pattern = _matcher()
    out = []
    for m in pattern.finditer(text):
        hit = alias_to.get(fold(m.group()))
        if hit is None:
            continue
        out.append(Entity(hit[0], hit[1], m.start(), m.end()))
    return out


def canonical_text(text: str) -> str:
    """``text`` with every known entity replaced by its canonical name (for embedding only)."""
    ents = find_entities(text)
    if not ents:
        return text
    out, pos = [], 0
    for e in ents:
        out.append(text[pos:e.start])
        out.append(e.name)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
