"""Options shared by several subcommands, as typer parameter annotations.

A subcommand is a plain function whose parameters are its options (typer
reads the signature). Options of one subcommand are written in its
signature; to add one, add a parameter there, e.g. in ``cli/add.py``::

    ray: Annotated[Optional[str], typer.Option("--ray", metavar="ADDRESS",
                                               help="ingest on this Ray cluster")] = None,

The settings flags (``--model``, ``--corpus``, ``--fail-on`` …) are shared
by ``check``, ``add``, ``baseline create/update`` and ``config``: the
decorator :func:`settings_options` appends them to a subcommand's
signature and hands them to it as one namespace, ``flags``, which
:func:`consistency.cli.config.resolve_args` merges over the settings file.
Every settings flag defaults to ``None`` ("not given"), so the settings
file can be merged under it; its help says the default in force.
"""

from __future__ import annotations

import functools
import inspect
from types import SimpleNamespace
from typing import Annotated, Callable, List, Literal, Optional

import typer

from ..settings import Settings

__all__ = ["settings_options", "Quiet", "Verbose", "Output", "SETTINGS_PANEL", "FAIL_ON",
           "EXIT_CODES_HELP"]

FAIL_ON = ("contradict", "unverifiable", "never")
SETTINGS_PANEL = "Settings (override the settings file)"
OUTPUT_PANEL = "Output"

#: The exit codes, as every subcommand's help ends.
EXIT_CODES_HELP = ("Exit codes: 0 no finding at the fail-on level, 1 at least one, "
                   "2 usage or input error (a bad setting, a missing path, nothing readable).")

Quiet = Annotated[bool, typer.Option("--quiet", "-q", rich_help_panel=OUTPUT_PANEL,
                                     help="print the report only: no summary, no progress")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", rich_help_panel=OUTPUT_PANEL,
                                       help="also print the settings in force and the time of each stage")]
Output = Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", rich_help_panel=OUTPUT_PANEL,
                                               help="write the report to FILE instead of stdout")]


def _opt(*decls, help: str, metavar: Optional[str] = None, default_doc=None):
    text = help + (f" [dim]\\[default: {default_doc}][/dim]" if default_doc is not None else "")
    kw = {"rich_help_panel": SETTINGS_PANEL, "help": text, "show_default": False}
    if metavar:
        kw["metavar"] = metavar
    return typer.Option(*decls, **kw)


def _settings_params(baseline: bool) -> list[inspect.Parameter]:
    d = Settings()
    P = inspect.Parameter
    specs = [
        ("config", Optional[str], _opt("--config", metavar="FILE",
                                       help="settings file",
                                       default_doc="nearest consistency.toml or pyproject.toml \\[tool.consistency]")),
        ("model", Optional[str], _opt("--model", "-m", metavar="NAME",
                                      help="embedding model: use-multilingual, minilm, tfidf, "
                                           "a sentence-transformers name or a local path",
                                      default_doc="use-multilingual")),
        ("fact_threshold", Optional[float], _opt("--fact-threshold", metavar="P",
                                                 help="calibrated probability from which two quantities are one fact",
                                                 default_doc=d.fact_threshold)),
        ("time_threshold", Optional[float], _opt("--time-threshold", metavar="P",
                                                 help="the same for two points in time", default_doc=d.time_threshold)),
        ("value_threshold", Optional[float], _opt("--value-threshold", metavar="X",
                                                  help="similarity from which two statements that differ in a name "
                                                       "are one, and corpus neighbours are fetched",
                                                  default_doc=d.value_threshold)),
        ("statement_threshold", Optional[float], _opt("--statement-threshold", metavar="X",
                                                      help="similarity from which two statements are one on "
                                                           "similarity alone", default_doc=d.statement_threshold)),
        ("phrase_threshold", Optional[float], _opt("--phrase-threshold", metavar="X",
                                                   help="similarity that groups statements sharing a distinctive "
                                                        "phrase", default_doc=d.phrase_threshold)),
        ("tolerance", Optional[float], _opt("--tolerance", metavar="X",
                                            help="relative band of 'about'/'rund'/'nearly'", default_doc=d.tolerance)),
        ("exact_tolerance", Optional[float], _opt("--exact-tolerance", metavar="X",
                                                  help="relative band between two unhedged numbers",
                                                  default_doc=d.exact_tolerance)),
        ("published", Optional[List[str]], _opt("--published", metavar="FILE=DATE",
                                                help="publication date of an article, to resolve 'gestern' or "
                                                     "'last week' (repeatable)")),
        ("cache_dir", Optional[str], _opt("--cache-dir", metavar="DIR", help="embedding cache folder",
                                          default_doc="~/.cache/consistency")),
        ("no_cache", bool, _opt("--no-cache", help="do not read or write the embedding cache")),
        ("max_bytes", Optional[int], _opt("--max-bytes", metavar="N", help="largest file read, in bytes",
                                          default_doc=d.max_bytes)),
        ("nli_model", Optional[str], _opt("--nli-model", metavar="NAME",
                                          help="optional NLI cross-encoder (name or local path)")),
        ("corpus", Optional[str], _opt("--corpus", metavar="DB", help="corpus: a SQLite file, or postgresql://user@host/db "
                                                      "for a shared PostgreSQL + pgvector corpus (see `consistency add`)")),
        ("fail_on", Optional[Literal[FAIL_ON]], _opt("--fail-on",
                                        help="exit 1 when a finding of this verdict is found",
                                        default_doc="contradict")),
        ("ignore", Optional[List[str]], _opt("--ignore", metavar="PATTERN",
                                             help="never read paths matching PATTERN (gitignore syntax; "
                                                  "repeatable)")),
        ("names", Optional[str], _opt("--names", metavar="FILE",
                                      help="TOML file of more names of entities, each under its spellings and "
                                           "languages (see the README)")),
    ]
    if baseline:
        specs.append(("baseline", Optional[str], _opt("--baseline", metavar="FILE",
                                                      help="baseline file: findings recorded in it do not fail "
                                                           "the check")))
    default = {"no_cache": False}
    return [P(name, P.KEYWORD_ONLY, annotation=Annotated[tp, info], default=default.get(name))
            for name, tp, info in specs]


def settings_options(*, baseline: bool = True, skip: tuple[str, ...] = ()) -> Callable:
    """Decorate a subcommand: append the settings flags to its options.

    The subcommand receives them as one namespace in its ``flags``
    parameter (attributes named as the settings keys, ``None`` when not
    given). ``skip`` leaves out flags that make no sense for it.
    """
    def decorate(func: Callable) -> Callable:
        extra = [p for p in _settings_params(baseline) if p.name not in skip]
        names = [p.name for p in extra]
        sig = inspect.signature(func, eval_str=True)
        own = [p for p in sig.parameters.values() if p.name != "flags"]

        @functools.wraps(func)
        def wrapper(**kwargs):
            flags = SimpleNamespace(**{n: kwargs.pop(n) for n in names})
            return func(flags=flags, **kwargs)

        wrapper.__signature__ = sig.replace(parameters=own + extra)
        wrapper.__annotations__ = {}
        del wrapper.__wrapped__  # typer must read the new signature, not the function's
        return wrapper
    return decorate
