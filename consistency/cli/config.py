"""``consistency config``: the settings in force and where each came from, as valid TOML.

Also home of :func:`resolve_args`, which merges the settings flags of a
subcommand (see :mod:`consistency.cli.options`; all default to ``None``,
so "not given" can be told from "given") over the settings file.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from typing import Annotated, Sequence

import typer

from ..config import KEYS, Resolved, resolve
from ..settings import SettingsError
from .common import EXIT_OK
from .options import settings_options

__all__ = ["register", "run", "resolve_args", "FLAG_NAMES", "to_toml", "settings_lines"]

#: Setting key -> the flag that sets it.
FLAG_NAMES = {
    "model": "--model", "fact_threshold": "--fact-threshold", "time_threshold": "--time-threshold",
    "value_threshold": "--value-threshold", "statement_threshold": "--statement-threshold",
    "phrase_threshold": "--phrase-threshold", "tolerance": "--tolerance", "exact_tolerance": "--exact-tolerance",
    "cache_dir": "--cache-dir", "max_bytes": "--max-bytes", "published": "--published",
    "nli_model": "--nli-model", "corpus": "--corpus", "fail_on": "--fail-on", "ignore": "--ignore",
    "baseline": "--baseline",
}


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
    resolved = resolve(flags, config=getattr(args, "config", None), flag_names=names)
    if resolved.settings.names:
        from ..extract.entities import load_names

        load_names(resolved.settings.names)  # a bad names file fails here, before any article is read
    return resolved


def _toml_value(value) -> str:
    """One value in TOML syntax (strings as basic strings, lists as arrays, published as an inline table)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v)}" for k, v in value) + " }" \
            if value else "{}"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")  # pragma: no cover - settings are of the types above


def _rows(r: Resolved):
    for key in KEYS:
        value = r.value(key)
        if key == "model" and value is None:
            from ..embed import DEFAULT_MODEL
            value = DEFAULT_MODEL
        yield key, value, r.sources[key], r.describe(key)


def to_toml(r: Resolved) -> str:
    """The settings in force as a TOML document (keys as in a settings file), each with its source as a comment.

    A setting that is not set (``None``) is a comment, so the document reads
    back (``tomllib``, ``--config``) to the same settings.
    """
    where = os.path.relpath(r.config_file) if r.config_file else "none found (defaults and flags only)"
    out = [f"# settings file: {where}"]
    lines = []
    for key, value, _, described in _rows(r):
        if key == "published" and not value:
            text = "published = {}"
        elif value is None:
            text = f"# {key} is not set"
        else:
            text = f"{key} = {_toml_value(value)}"
        lines.append((text, described))
    width = max(len(t) for t, _ in lines) + 2
    out += [f"{t.ljust(width)}# {d}" for t, d in lines]
    return "\n".join(out) + "\n"


def settings_lines(r: Resolved) -> list[str]:
    """The settings in force, one ``key = value  # source`` line each (for ``--verbose``)."""
    return to_toml(r).splitlines()


def run(flags, *, as_json: bool = False) -> int:
    r = resolve_args(flags)
    if as_json:
        doc = {"config_file": r.config_file, "root": r.root,
               "settings": {k: {"value": (dict(v) if k == "published" else list(v) if isinstance(v, tuple) else v),
                                "source": src} for k, v, src, _ in _rows(r)}}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    sys.stdout.write(to_toml(r))
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("config")
    @settings_options()
    def config(as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of TOML")] = False,
               *, flags) -> int:
        """Show the settings in force, as TOML, and where each came from.

        Defaults, then the settings file (consistency.toml or pyproject.toml \\[tool.consistency]), then flags.
        """
        return run(flags, as_json=as_json)
