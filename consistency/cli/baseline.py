"""``consistency baseline``: record findings so that the gate fails only on new ones.

``create`` records the current findings (at the fail-on level) of a check;
``update`` is the deliberate act of refreshing it (new findings added as
``new``, reviewed ones keep their status and note, findings that no longer
occur dropped), and says what changed; ``mark`` records a person's review.
"""

from __future__ import annotations

import os
import sys

from .. import baseline as bl
from ..report.escape import printable
from ..baseline import BaselineError
from ..corpus import DEFAULT_NEIGHBOURS, CorpusError
from ..settings import SettingsError
from .check import gather, positive_int
from .common import EXIT_ERROR, EXIT_OK, write_atomic
from .config import add_settings_arguments, resolve_args

__all__ = ["register", "run_create", "run_update", "run_mark"]


def register(sub) -> None:
    b = sub.add_parser("baseline", help="record reviewed findings (create, update, mark)",
                       description="A baseline file records findings a person has seen: `check --baseline FILE` "
                                   "then fails only on findings not in it.")
    bsub = b.add_subparsers(dest="baseline_command", metavar="ACTION")
    b.set_defaults(handler=lambda args: (b.print_help(sys.stderr), EXIT_ERROR)[1])
    for name, handler, text in (
            ("create", run_create, "record the current findings of a check in a new baseline file"),
            ("update", run_update, "refresh a baseline: add new findings, keep reviews, drop what no longer occurs")):
        c = bsub.add_parser(name, help=text, description=text + ".")
        c.set_defaults(handler=handler)
        c.add_argument("paths", nargs="+", metavar="PATH", help="the articles to check (as for `check`)")
        c.add_argument("--output", "-o", metavar="FILE",
                       help="the baseline file (default: `baseline` of the settings file)")
        c.add_argument("--neighbours", type=positive_int, default=DEFAULT_NEIGHBOURS, metavar="K",
                       help="with --corpus: nearest corpus statements per new statement")
        if name == "create":
            c.add_argument("--force", action="store_true", help="overwrite an existing baseline file")
        add_settings_arguments(c, baseline=False)
    m = bsub.add_parser("mark", help="record the review of one finding",
                        description="Set the status of one baseline entry (by id or a unique prefix of it).")
    m.set_defaults(handler=run_mark)
    m.add_argument("file", metavar="FILE")
    m.add_argument("id", metavar="ID")
    m.add_argument("--status", required=True, choices=bl.STATUSES)
    m.add_argument("--note", help="why (kept if not given)")


def _target(args, resolved) -> str:
    path = args.output or resolved.extra.get("baseline")
    if not path:
        raise SettingsError("no baseline file: give -o FILE or set `baseline` in the settings file")
    return path


def _findings(args, resolved):
    report = gather(args.paths, resolved, neighbours=args.neighbours)
    if report is None:
        return []
    for a in report.articles:
        if a.error:
            print(f"consistency: error: {printable(a.error)}", file=sys.stderr)
    if report.articles and all(a.error for a in report.articles):
        raise SettingsError("no article could be read")
    fail_on = resolved.settings.fail_on if resolved.settings.fail_on != "never" else "contradict"
    return bl.failing(report.findings, fail_on)


def _line(sign: str, e: bl.Entry) -> str:
    return f"  {sign} {e.id}  {e.verdict} {e.kind}: {e.fact} [{e.status}]"


def run_create(args) -> int:
    resolved = resolve_args(args)
    path = _target(args, resolved)
    if os.path.exists(path) and not args.force:
        print(f"consistency: error: {path} exists; use `consistency baseline update` to refresh it "
              f"(or --force to start over, losing its reviews)", file=sys.stderr)
        return EXIT_ERROR
    try:
        baseline = bl.create(_findings(args, resolved))
    except CorpusError as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    write_atomic(path, bl.dumps(baseline), inputs=args.paths)
    print(f"consistency: baseline {path}: {len(baseline)} finding{'s' * (len(baseline) != 1)} recorded",
          file=sys.stderr)
    return EXIT_OK


def run_update(args) -> int:
    resolved = resolve_args(args)
    path = _target(args, resolved)
    try:
        old = bl.load(path)
        new, changes = bl.update(old, _findings(args, resolved))
    except (BaselineError, CorpusError) as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    text = bl.dumps(new)
    if text != bl.dumps(old):
        write_atomic(path, text)
    print(f"consistency: baseline {path}: {len(changes.added)} added, {len(changes.kept)} kept, "
          f"{len(changes.dropped)} dropped", file=sys.stderr)
    for e in changes.added:
        print(_line("+", e), file=sys.stderr)
    for e in changes.dropped:
        print(_line("-", e), file=sys.stderr)
    return EXIT_OK


def run_mark(args) -> int:
    try:
        baseline = bl.load(args.file)
        baseline, entry = bl.mark(baseline, args.id, args.status, args.note)
    except BaselineError as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    write_atomic(args.file, bl.dumps(baseline))
    print(f"consistency: {args.file}: {entry.id} is now {entry.status}"
          + (f" ({entry.note})" if entry.note else ""), file=sys.stderr)
    return EXIT_OK
