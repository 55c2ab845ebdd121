"""The JSON, text and Markdown formats of a report (see the package)."""

from __future__ import annotations

import io
import json
import math
from datetime import date
from typing import Callable

from ..judge import format_value
from ..model import Finding, Quantity, Report
from ..names import attribution_name
from .escape import md_code, printable, safe_report

__all__ = ["to_json", "to_markdown", "to_text", "to_html", "summary_line", "FORMATS", "SCHEMA", "report_dict"]

SCHEMA = "consistency.report/1"


def _bound(q: Quantity, x):
    if x is None or (isinstance(x, float) and math.isinf(x)):
        return None
    if q.kind in ("date", "year"):
        if q.partial:
            m, d = divmod(int(x), 100)
            return f"--{m:02d}-{d:02d}"
        return date.fromordinal(int(x)).isoformat()
    return int(x) if float(x).is_integer() else round(float(x), 6)


def _value(q: Quantity) -> dict:
    return {"raw": q.raw, "low": _bound(q, q.low), "high": _bound(q, q.high),
            "unit": q.unit_key if q.kind in ("money", "percent") else (q.unit or None),
            "kind": q.kind, "hedge": q.hedge}


def _finding(f: Finding) -> dict:
    return {
        "id": f.id, "verdict": f.verdict, "kind": f.kind, "fact": f.fact, "message": f.message,
        "reason": f.reason, "confidence": f.confidence, "nli": f.nli,
        "statements": [{
            "article": s.article, "line": s.line, "start": s.start, "end": s.end, "text": s.text,
            "values": [_value(v) for v in s.values], "position": s.position,
            "negated": s.negated, "hedged": s.hedged, "attribution": s.attribution,
        } for s in f.statements],
    }


def report_dict(report: Report) -> dict:
    return {
        "schema": SCHEMA,
        "articles": [{"path": a.path, "id": a.id, "sentences": a.sentences, "language": a.language,
                      "error": a.error} for a in report.articles],
        "findings": [_finding(f) for f in report.findings],
        "summary": report.summary,
    }


def to_json(report: Report) -> str:
    # json.dumps(..., indent=2) would join a list of every piece of the text at once (some
    # 300 MB for the 15,000 findings of 10,000 articles); the pieces written one by one to a
    # buffer make the same text
    out = io.StringIO()
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=False).iterencode(report_dict(report)):
        out.write(piece)
    out.write("\n")
    return out.getvalue()


def _n(count: int, noun: str, plural: str = "") -> str:
    """``1 fact``, ``2 facts``."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def summary_line(report: Report) -> str:
    s = report.summary
    errors = sum(1 for a in report.articles if a.error)
    err = f", {errors} unreadable" if errors else ""
    return (f"{_n(s['articles'], 'article')}{err}, {_n(s['statements'], 'statement')}, "
            f"{_n(s['findings'], 'fact')}: "
            f"{s['contradict']} contradict, {s['agree']} agree, {s['unverifiable']} unverifiable")


_TITLES = {"contradict": "Contradictions", "agree": "Agreements", "unverifiable": "Unverifiable"}
_COLORS = {"contradict": "\033[1;31m", "agree": "\033[32m", "unverifiable": "\033[33m"}
_DIM, _RESET, _BOLD = "\033[2m", "\033[0m", "\033[1m"

#: The one-line legend of the text report's ``[n]`` positions.
LEGEND = ("[n] after a location is the statement's position: statements with the same number "
          "are consistent with each other; different numbers contradict.")


def _quote(text: str, limit: int = 240) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[:limit - 1] + "…"


def heading_fact(kind: str, fact: str) -> str:
    """The fact of a heading without the words the heading already says
    ("statement: X" under ``statement``, "date in: X" under ``date``)."""
    for prefix in (f"{kind}: ", f"{kind} in: ", "statement: "):
        if fact.startswith(prefix):
            return fact[len(prefix):]
    return fact


def to_text(report: Report, color: bool = False, summary: bool = True) -> str:
    """A readable terminal report, grouped by verdict; ANSI colours if ``color``.

    Each finding shows its id (what ``consistency baseline mark`` takes);
    a legend explains the ``[n]`` positions; the summary line closes the
    report unless ``summary`` is false.
    """
    report = safe_report(report)  # no control character of a file name or an article reaches the terminal
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    out = []
    langs = {a.path: a.language for a in report.articles}  # values read in their article's language
    if report.findings:
        out += [c(_DIM, LEGEND), ""]
    for verdict in ("contradict", "agree", "unverifiable"):
        fs = [f for f in report.findings if f.verdict == verdict]
        if not fs:
            continue
        out.append(c(_COLORS[verdict], f"== {_TITLES[verdict]} ({len(fs)}) =="))
        for f in fs:
            reason = f" [{f.reason}]" if f.reason and verdict != "unverifiable" else ""
            out.append(c(_BOLD, f"{verdict.upper()} {f.kind}: {heading_fact(f.kind, f.fact)}") + reason
                       + "  " + c(_DIM, f"id {f.id}"))
            out.append(f"  {f.message}")
            if f.nli:
                out.append(f"  {_nli_line(f.nli)}")
            for s in f.statements:
                vals = ", ".join(format_value(v, langs.get(s.article) or "en") for v in s.values)
                source = (attribution_name(s.attribution) or s.attribution) if s.attribution else ""
                flags = "".join([" (negated)" if s.negated else "", " (hedged)" if s.hedged else "",
                                 f" (according to {source})" if source else ""])
                out.append("  " + c(_DIM, f"{s.article}:{s.line}") + f" [{s.position}] "
                           + (f"{vals}: " if vals else "") + f"“{_quote(s.text)}”{flags}")
            out.append("")
    errors = [a for a in report.articles if a.error]
    if errors:
        out.append(c(_COLORS["contradict"], f"== Unreadable inputs ({len(errors)}) =="))
        out.extend(f"  {a.error}" for a in errors)
        out.append("")
    if summary:
        out.append(summary_line(report))
    elif out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _nli_line(nli: dict) -> str:
    """The NLI judge's view in one line, e.g.
    "NLI (xnli): contradiction; contradiction 0.91, entailment 0.05, neutral 0.04 (statement 2 -> 1)"
    (statements numbered as listed; premise -> hypothesis of the strongest contradiction)."""
    pair = nli.get("pair") or []
    where = f" (statement {pair[0] + 1} -> {pair[1] + 1})" if len(pair) == 2 else ""
    return (f"NLI ({nli.get('model')}): {nli.get('label')}; contradiction {nli.get('contradiction', 0):.2f}, "
            f"entailment {nli.get('entailment', 0):.2f}, neutral {nli.get('neutral', 0):.2f}{where}")


def _md_escape(text: str) -> str:
    return _quote(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def to_markdown(report: Report) -> str:
    """A Markdown report: a summary table, then one section per verdict."""
    report = safe_report(report)
    s = report.summary
    langs = {a.path: a.language for a in report.articles}
    out = ["# Fact consistency report", "",
           "| articles | statements | facts | contradict | agree | unverifiable |",
           "|---:|---:|---:|---:|---:|---:|",
           f"| {s['articles']} | {s['statements']} | {s['findings']} | {s['contradict']} | {s['agree']} "
           f"| {s['unverifiable']} |", ""]
    for verdict in ("contradict", "agree", "unverifiable"):
        fs = [f for f in report.findings if f.verdict == verdict]
        if not fs:
            continue
        out += [f"## {_TITLES[verdict]} ({len(fs)})", ""]
        for f in fs:
            out += [f"### {f.kind}: {_md_escape(heading_fact(f.kind, f.fact))}", "",
                    f"{_md_escape(f.message)} (id `{f.id}`)", ""]
            if f.nli:
                out += [_md_escape(_nli_line(f.nli)), ""]
            out += ["| where | position | value | statement |", "|---|---:|---|---|"]
            for st in f.statements:
                vals = ", ".join(format_value(v, langs.get(st.article) or "en") for v in st.values)
                out.append(f"| {md_code(f'{st.article}:{st.line}')} | {st.position} | {_md_escape(vals)} | "
                           f"{_md_escape(st.text)} |")
            out.append("")
    errors = [a for a in report.articles if a.error]
    if errors:
        out += [f"## Unreadable inputs ({len(errors)})", ""] + [f"- {_md_escape(a.error)}" for a in errors] + [""]
    return "\n".join(out)


from .html import to_html  # noqa: E402 - beside the other formatters
from .ci import to_github, to_junit, to_sarif  # noqa: E402

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "json": to_json,
    "html": to_html,
    "github": to_github,
    "sarif": to_sarif,
    "junit": to_junit,
}
