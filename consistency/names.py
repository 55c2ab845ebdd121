"""How a report names things: articles by their path relative to the common root of the inputs,
attribution sources as names.

Pure functions, shared by every formatter (and by the judge's messages).
"""

from __future__ import annotations

import os
import re
from typing import Iterable, Optional

from .lang import de as _de
from .lang import en as _en

__all__ = ["common_root", "display_names", "attribution_name"]

_JSONL_LINE = re.compile(r"^(.*\.jsonl):(\d+)$", re.I)


def _file(path: str) -> str:
    m = _JSONL_LINE.match(path)
    return m.group(1) if m else path


def common_root(paths: Iterable[str]) -> str:
    """The deepest folder that holds every file of ``paths`` (absolute); ``""`` for no paths."""
    folders = [os.path.dirname(os.path.abspath(_file(p))) for p in paths if p and not p.startswith("<")]
    if not folders:
        return ""
    return os.path.commonpath(folders)


def display_names(paths: Iterable[str]) -> dict[str, str]:
    """Each path's name relative to the common root of all of them, with ``/`` separators.

    Two files that share a name in two folders keep their folder
    (``count_de/a.txt``, ``date_en/a.txt``); a JSONL record keeps its line
    (``feed.jsonl:3``); ``<stdin>`` stays as it is.
    """
    paths = list(dict.fromkeys(paths))
    root = common_root(paths)
    out = {}
    for p in paths:
        if not p or p.startswith("<") or not root:
            out[p] = p
            continue
        m = _JSONL_LINE.match(p)
        rel = os.path.relpath(os.path.abspath(_file(p)), root).replace(os.sep, "/")
        out[p] = rel + (f":{m.group(2)}" if m else "")
    return out


def attribution_name(who: Optional[str]) -> str:
    """The source of an attribution as a name: "aus Seoul" -> "Seoul",
    "des südkoreanischen Geheimdienstes" -> "der südkoreanische Geheimdienst",
    "the Kremlin" stays. Word tables: ``SOURCE_PREPOSITIONS``/``SOURCE_GENITIVE`` in ``lang/``."""
    if not who:
        return ""
    words = who.split()
    drop = {w.lower() for w in _de.SOURCE_PREPOSITIONS + _en.SOURCE_PREPOSITIONS}
    while len(words) > 1 and words[0].lower() in drop:
        words = words[1:]
    first = words[0].lower() if words else ""
    if len(words) > 1 and first in _de.SOURCE_GENITIVE:
        nominative = [_de.SOURCE_GENITIVE[first]]
        for w in words[1:]:
            if w[:1].islower() and w.endswith("en") and first in ("des", "der"):
                w = w[:-1]  # südkoreanischen -> südkoreanische
            elif w[:1].isupper() and first in ("des", "eines"):
                w = re.sub(r"(?<=[a-zäöü])(?:es|s)$", "", w) if len(w) > 5 else w  # Geheimdienstes -> Geheimdienst
            nominative.append(w)
        words = nominative
    return " ".join(words)
