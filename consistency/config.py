"""Settings from a file, under flags: ``[tool.consistency]`` in ``pyproject.toml`` or ``consistency.toml``.

Where settings come from, strongest first:

1. flags on the command line (``--value-threshold 0.6``),
2. the settings file: ``--config FILE`` if given, else the nearest
   ``consistency.toml`` (top-level keys) or ``pyproject.toml`` with a
   ``[tool.consistency]`` table, searched from the working folder upwards
   (in one folder ``consistency.toml`` wins, as ``ruff.toml`` does over
   ``pyproject.toml``),
3. the defaults of :class:`~consistency.settings.Settings`.

Keys are the :class:`Settings` fields, spelt with ``-`` or ``_``
(``value-threshold`` or ``value_threshold``), plus ``baseline``. Paths in
the file (``corpus``, ``baseline``, ``cache-dir``) are relative to the
file's folder (a ``postgresql://`` corpus URL is taken as it is); ``ignore`` globs are matched
against paths relative to it (and as given), with gitignore semantics. An unknown key or a value of
the wrong type is a
:class:`~consistency.settings.SettingsError` naming the file and key.

>>> r = resolve({"value_threshold": 0.6}, start="/nonexistent")   # doctest: +SKIP
>>> r.settings.value_threshold, r.sources["value_threshold"]        # doctest: +SKIP
(0.6, 'flag --value-threshold')
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Mapping, Optional, Sequence

from .settings import Settings, SettingsError

__all__ = ["Resolved", "resolve", "find_config", "load_config", "is_ignored", "KEYS", "EXTRA_KEYS"]

#: Keys a settings file may hold beside the Settings fields.
EXTRA_KEYS = {"baseline": None}
_PATH_KEYS = ("corpus", "baseline", "cache_dir", "names")

_FLOAT = ("fact_threshold", "time_threshold", "value_threshold", "statement_threshold", "phrase_threshold", "tolerance",
          "exact_tolerance")
_STR = ("model", "cache_dir", "nli_model", "corpus", "fail_on", "baseline", "names")


def _is_url(value: str) -> bool:
    """A server URL (``postgresql://...``) is not a path relative to the settings file."""
    return "://" in value


def _setting_keys() -> list[str]:
    return [f.name for f in fields(Settings)]


KEYS = tuple(_setting_keys()) + tuple(EXTRA_KEYS)


@dataclass(frozen=True)
class Resolved:
    """Settings in force and where each came from.

    Attributes
    ----------
    settings : Settings
    extra : dict
        Keys that are not Settings fields (``baseline``).
    sources : dict
        Key -> ``"default"``, ``"file:<path>:<key as written>"`` or ``"flag <--flag>"``.
    config_file : str or None
        The settings file read, if any.
    root : str
        The folder of the settings file, else the working folder: what corpus
        keys and ``ignore`` globs are relative to.
    """

    settings: Settings
    extra: dict
    sources: dict
    config_file: Optional[str]
    root: str

    def value(self, key: str) -> Any:
        return self.extra[key] if key in self.extra else getattr(self.settings, key)

    def describe(self, key: str) -> str:
        """Where ``key`` came from, for a person: "default", "pyproject.toml [tool.consistency] x", "flag --x"."""
        src = self.sources.get(key, "default")
        if src.startswith("file:"):
            path, _, written = src[5:].rpartition(":")
            rel = os.path.relpath(path)
            path = rel if not rel.startswith("..") else path
            table = "[tool.consistency] " if os.path.basename(path) == "pyproject.toml" else ""
            return f"{path} {table}{written}"
        return src


#: Settings files larger than this are refused (a settings file is a few lines).
_MAX_CONFIG_BYTES = 1024 * 1024
#: A ``[tool.consistency]`` table header (or a dotted ``tool.consistency.x`` key) in a pyproject.toml.
_TOOL_TABLE = re.compile(rb"^\s*\[+\s*tool\s*\.\s*consistency\b|^\s*tool\s*\.\s*consistency\s*[.=]", re.M)


def _parse_toml(path: str, data: bytes) -> dict:
    """Parse a settings file's bytes; :class:`SettingsError` names the file and line of a fault."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SettingsError(f"{path}:{line}: not UTF-8 (byte {data[exc.start]:#04x}); TOML files are UTF-8") \
            from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        if m:
            where = f"{path}:{m.group(1)}"
        else:  # "at end of document": the last line
            where = f"{path}:{max(1, text.count(chr(10)) + (0 if text.endswith(chr(10)) else 1))}"
        raise SettingsError(f"{where}: invalid TOML ({exc})") from None


def find_config(start: str = ".") -> Optional[str]:
    """The nearest settings file from ``start`` upwards, or None."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, "consistency.toml")
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            try:
                with open(pyproject, "rb") as fh:
                    data = fh.read(_MAX_CONFIG_BYTES)
            except OSError:
                data = b""  # unreadable: not ours to judge
            if _TOOL_TABLE.search(data):
                # ours: a file that does not decode or parse is an error naming file and line
                if "consistency" in _parse_toml(pyproject, data).get("tool", {}):
                    return pyproject
            else:
                try:
                    if "consistency" in tomllib.loads(data.decode("utf-8")).get("tool", {}):
                        return pyproject
                except (UnicodeDecodeError, tomllib.TOMLDecodeError):
                    pass  # a broken pyproject.toml without [tool.consistency] is not ours
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _type_error(where: str, expected: str, value: Any) -> SettingsError:
    return SettingsError(f"{where}: must be {expected}, got {type(value).__name__} {value!r}")


def _convert(key: str, value: Any, where: str) -> Any:
    """Check the TOML type of one value; return it in the Settings form."""
    if key in _FLOAT:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _type_error(where, "a number", value)
        return float(value)
    if key == "max_bytes":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _type_error(where, "an integer", value)
        return value
    if key in _STR:
        if not isinstance(value, str):
            raise _type_error(where, "a string", value)
        return value
    if key == "ignore":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _type_error(where, "a list of glob strings", value)
        return tuple(value)
    if key == "published":
        if not isinstance(value, dict):
            raise _type_error(where, "a table of path = \"YYYY-MM-DD\"", value)
        out = []
        for path, day in value.items():
            if isinstance(day, date):
                day = day.isoformat()
            if not isinstance(day, str):
                raise _type_error(f"{where}.{path}", "an ISO date", day)
            try:
                date.fromisoformat(day)
            except ValueError:
                raise SettingsError(f"{where}.{path}: {day!r} is not an ISO date (YYYY-MM-DD)") from None
            out.append((path, day))
        return tuple(out)
    raise SettingsError(f"{where}: unknown key")  # pragma: no cover - keys are checked first


def load_config(path: str) -> tuple[dict, dict]:
    """Read the settings of one file.

    Returns
    -------
    values : dict
        Setting key (snake_case) -> value in the Settings form.
    written : dict
        Setting key -> the key as written in the file.
    """
    try:
        if not os.path.isfile(path):
            raise SettingsError(f"{path}: not a regular file")
        with open(path, "rb") as fh:
            data = fh.read(_MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc.strerror or exc})") from None
    if len(data) > _MAX_CONFIG_BYTES:
        raise SettingsError(f"{path}: settings file larger than {_MAX_CONFIG_BYTES:,} bytes")
    doc = _parse_toml(path, data)
    if os.path.basename(path) == "pyproject.toml":
        table = doc.get("tool", {}).get("consistency", {})
        prefix = "[tool.consistency] "
    else:
        table = doc.get("tool", {}).get("consistency", doc) if set(doc) == {"tool"} else doc
        prefix = ""
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: {prefix.strip() or 'the file'} must be a table")
    values: dict = {}
    written: dict = {}
    base = os.path.dirname(os.path.abspath(path))
    for raw, value in table.items():
        key = raw.replace("-", "_")
        where = f"{path}: {prefix}{raw}"
        if key not in KEYS:
            near = [k.replace("_", "-") for k in KEYS if k.split("_")[0] == key.split("_")[0]]
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise SettingsError(f"{where}: unknown key{hint}; known keys: "
                                f"{', '.join(k.replace('_', '-') for k in KEYS)}")
        if key in values:
            raise SettingsError(f"{where}: given twice (as {written[key]!r} and {raw!r})")
        value = _convert(key, value, where)
        if key in _PATH_KEYS and value and not os.path.isabs(value) and not _is_url(value):
            value = os.path.relpath(os.path.join(base, value))
        values[key] = value
        written[key] = raw
    return values, written


def resolve(flags: Optional[Mapping[str, Any]] = None, *, config: Optional[str] = None,
            start: str = ".", flag_names: Optional[Mapping[str, str]] = None) -> Resolved:
    """Merge defaults, the settings file and flags (strongest last).

    Parameters
    ----------
    flags : mapping
        Setting key -> value given on the command line; ``None`` values
        count as not given.
    config : str, optional
        Settings file to read instead of searching for one.
    start : str
        Folder to search upwards from.
    flag_names : mapping, optional
        Setting key -> the flag as typed (for ``sources``); default ``--key-with-dashes``.

    Raises
    ------
    SettingsError
        Unknown key, wrong type or bad value; the message names the file and key, or the flag.
    """
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    flag_names = dict(flag_names or {})
    path = config if config is not None else find_config(start)
    if config is not None and not os.path.isfile(config):
        raise SettingsError(f"{config}: no such settings file")
    values, written = load_config(path) if path else ({}, {})
    merged: dict = {}
    sources: dict = {}
    for key in KEYS:
        if key in flags:
            merged[key] = flags[key]
            sources[key] = f"flag {flag_names.get(key, '--' + key.replace('_', '-'))}"
        elif key in values:
            merged[key] = values[key]
            sources[key] = f"file:{path}:{written[key]}"
        else:
            sources[key] = "default"
    unknown = sorted(set(flags) - set(KEYS))
    if unknown:
        raise SettingsError(f"unknown setting {unknown[0]!r}")
    extra = {k: merged.pop(k, default) for k, default in EXTRA_KEYS.items()}
    try:
        settings = Settings(**merged)
    except SettingsError as exc:
        msg = str(exc)
        key = next((k for k in merged if msg.startswith(k)), None)
        if key is not None and sources[key] != "default":
            src = Resolved(Settings(), {}, sources, path, "").describe(key)
            raise SettingsError(f"{src}: {msg}") from None
        raise
    root = os.path.dirname(os.path.abspath(path)) if path else os.path.abspath(start)
    return Resolved(settings=settings, extra=extra, sources=sources, config_file=path, root=root)


def _spec(patterns: Sequence[str]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([p.replace(os.sep, "/") for p in patterns])


def is_ignored(path: str, patterns: Sequence[str], root: str = ".", matched: Optional[set] = None) -> bool:
    """Does ``path`` (a file, or ``file.jsonl:LINE``) match the ``ignore`` patterns?

    The patterns have gitignore semantics (pathspec's ``GitIgnoreSpec``):
    ``drafts/`` covers every file under a folder ``drafts`` at any depth,
    ``*.draft.md`` matches at any depth, ``/x.md`` only at the root,
    ``!keep.md`` takes a file back. A path is matched relative to ``root``
    (the settings file's folder, else the working folder) and as given.
    ``matched``, if given, collects the (non-negated) patterns that match
    this path on their own, to tell which patterns match no input.
    """
    if not patterns:
        return False
    file = path
    head, sep, tail = path.rpartition(":")
    if sep and tail.isdigit() and head.lower().endswith(".jsonl"):
        file = head
    given = file.replace(os.sep, "/")
    given = given[2:] if given.startswith("./") else given
    rel = os.path.relpath(os.path.abspath(file), os.path.abspath(root)).replace(os.sep, "/")
    candidates = [c for c in dict.fromkeys((rel, given)) if not c.startswith("../") and not c.startswith("/")] \
        or [given.lstrip("/")]
    if matched is not None:
        for pat in patterns:
            if not pat.startswith("!") and any(_spec([pat]).match_file(c) for c in candidates):
                matched.add(pat)
    spec = _spec(patterns)
    return any(spec.match_file(c) for c in candidates)
