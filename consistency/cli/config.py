"""``consistency config``: the settings in force and where each came from.

Also home of the settings flags every subcommand shares
(:func:`add_settings_arguments`, :func:`resolve_args`): they default to
``None``, so "not given" can be told from "given" and the settings file
merged under them.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from typing import Sequence

from ..config import KEYS, Resolved, resolve
from ..settings import Settings, SettingsError
from .common import EXIT_OK, FAIL_ON

__all__ = ["register", "run", "add_settings_arguments", "resolve_args", "FLAG_NAMES"]

#: Setting key -> the flag that sets it.
FLAG_NAMES = {
    "model": "--model", "fact_threshold": "--fact-threshold", "time_threshold": "--time-threshold", "value_threshold": "--value-threshold",
    "statement_threshold": "--statement-threshold",
    "phrase_threshold": "--phrase-threshold", "tolerance": "--tolerance", "exact_tolerance": "--exact-tolerance",
    "cache_dir": "--cache-dir", "max_bytes": "--max-bytes", "published": "--published",
    "nli_model": "--nli-model", "corpus": "--corpus", "fail_on": "--fail-on", "ignore": "--ignore",
    "baseline": "--baseline",
}


def add_settings_arguments(p, *, baseline: bool = True) -> None:
    """Add the flags of the settings (all defaulting to None) to parser ``p``."""
    g = p.add_argument_group("settings (override the settings file)")
    g.add_argument("--config", metavar="FILE",
                   help="settings file (default: nearest consistency.toml or pyproject.toml [tool.consistency])")
    g.add_argument("--model", "-m", help="embedding model: use-multilingual (default), minilm, tfidf, "
                                           "a sentence-transformers name or a local path")
    g.add_argument("--value-threshold", type=float, metavar="X",
                   help="similarity from which two statements that differ in a name are one, and corpus neighbours are fetched (default: 0.55)")
    g.add_argument("--fact-threshold", type=float, metavar="P",
                   help=f"calibrated probability from which two quantities are one fact (default {Settings.fact_threshold})")
    g.add_argument("--time-threshold", type=float, metavar="P",
                   help=f"the same for two points in time (default {Settings.time_threshold})")
    g.add_argument("--statement-threshold", type=float, metavar="X",
                   help="similarity from which two statements are one on similarity alone (default: 0.8)")
    g.add_argument("--phrase-threshold", type=float, metavar="X",
                   help="similarity that groups statements sharing a distinctive phrase (default: 0.25)")
    g.add_argument("--tolerance", type=float, metavar="X", help="relative band of 'about'/'rund'/'nearly'")
    g.add_argument("--exact-tolerance", type=float, metavar="X")
    g.add_argument("--published", action="append", metavar="FILE=DATE",
                   help="publication date of an article, to resolve 'gestern' or 'last week' (repeatable)")
    g.add_argument("--cache-dir", help="embedding cache folder (default: ~/.cache/consistency)")
    g.add_argument("--no-cache", action="store_true", default=None,
                   help="do not read or write the embedding cache")
    g.add_argument("--max-bytes", type=int, metavar="N", help="largest file read (bytes)")
    g.add_argument("--nli-model", metavar="NAME", help="optional NLI cross-encoder (name or local path)")
    g.add_argument("--corpus", metavar="DB", help="corpus: a SQLite file, or postgresql://user@host/db for a shared "
                   "PostgreSQL + pgvector corpus (consistency add)")
    g.add_argument("--fail-on", choices=FAIL_ON,
                   help="exit 1 when a finding of this verdict is found (default: contradict)")
    g.add_argument("--ignore", action="append", metavar="GLOB", help="never read paths matching GLOB (repeatable)")
    if baseline:
        g.add_argument("--baseline", metavar="FILE",
                       help="baseline file: findings recorded in it do not fail the check")


def _published(values: Sequence[str] | None):
    if not values:
        return None
    out = []
    for v in values:
        if "=" not in v:
            raise SettingsError(f"--published takes FILE=DATE, got {v!r}")
        path, day = v.rsplit("=", 1)
        try:
            date.fromisoformat(day)
        except ValueError:
            raise SettingsError(f"--published: {day!r} is not an ISO date (YYYY-MM-DD)") from None
        out.append((path, day))
    return tuple(out)


def resolve_args(args) -> Resolved:
    """Settings from the parsed flags over the settings file over the defaults."""
    flags = {key: getattr(args, key, None) for key in KEYS}
    flags["published"] = _published(getattr(args, "published", None))
    if getattr(args, "ignore", None):
        flags["ignore"] = tuple(args.ignore)
    names = dict(FLAG_NAMES)
    if getattr(args, "no_cache", None):
        flags["cache_dir"] = ""
        names["cache_dir"] = "--no-cache"
    return resolve(flags, config=getattr(args, "config", None), flag_names=names)


def register(sub) -> None:
    c = sub.add_parser("config", help="show the settings in force and where each came from",
                       description="Show the settings in force: defaults, then the settings file "
                                   "(consistency.toml or pyproject.toml [tool.consistency]), then flags.")
    c.set_defaults(handler=run)
    c.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_settings_arguments(c)


def _show(value, key: str = "") -> str:
    if key == "published" or (isinstance(value, tuple) and value and isinstance(value[0], tuple)):
        return "{" + ", ".join(f"{k!r}: {v!r}" for k, v in value) + "}"
    if isinstance(value, tuple):
        return repr(list(value))
    return repr(value)


def run(args) -> int:
    r = resolve_args(args)
    rows = []
    for key in KEYS:
        value = r.value(key)
        if key == "model" and value is None:
            from ..embed import DEFAULT_MODEL
            value = DEFAULT_MODEL
        rows.append((key, value, r.sources[key], r.describe(key)))
    if args.json:
        doc = {"config_file": r.config_file, "root": r.root,
               "settings": {k: {"value": (dict(v) if k == "published" else list(v) if isinstance(v, tuple) else v),
                                "source": src} for k, v, src, _ in rows}}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    where = os.path.relpath(r.config_file) if r.config_file else "none found (defaults and flags only)"
    out = [f"# settings file: {where}"]
    width = max(len(k) + len(_show(v, k)) for k, v, _, _ in rows) + 3
    for key, value, _, described in rows:
        out.append(f"{(key + ' = ' + _show(value, key)).ljust(width)}  # {described}")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK
