"""Report formats for CI systems: GitHub annotations, SARIF 2.1.0, JUnit XML.

Pure functions from a :class:`~consistency.model.Report` to a string, like
the other formatters. The articles of the report (``report.articles``) are
the ones under check (with a corpus: the new ones); a finding is shown on
their lines only, never on a corpus article's.

Which findings are shown follows the fail-on level the run used
(``report.settings["fail_on"]``, default ``contradict``): contradictions
always, as errors; unverifiable findings only with ``fail_on =
"unverifiable"``, as warnings (otherwise every single-source fact of a new
article would be annotated); agreements never.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Optional
from urllib.parse import quote

from ..judge import format_value
from ..model import KINDS, Finding, Report, StatementRef
from .escape import keep_breaks, safe_report, xml_text

__all__ = ["to_github", "to_sarif", "to_junit", "RULES", "SARIF_SCHEMA", "shown"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: SARIF rule per finding kind: (id, name, description). Ids are stable: never renumber.
RULES = {
    "numeric": ("consistency/numeric", "NumericContradiction",
                "Articles state different numbers for the same fact."),
    "date": ("consistency/date", "DateContradiction", "Articles state different dates for the same event."),
    "negation": ("consistency/negation", "NegationContradiction",
                 "One article denies what another affirms."),
    "antonym": ("consistency/antonym", "AntonymContradiction",
                "Articles describe the same fact with opposite words (rose/fell)."),
    "entity": ("consistency/entity", "EntityContradiction",
               "Articles name different people, places or organisations for the same role."),
    "statement": ("consistency/statement", "Statement", "A statement compared across articles."),
}


def _rule(kind: str) -> tuple[str, str, str]:
    return RULES.get(kind, (f"consistency/{kind}", kind.title().replace("_", ""), f"Finding of kind {kind}."))


def _fail_on(report: Report) -> str:
    return report.settings.get("fail_on") or "contradict"


def shown(report: Report) -> list[tuple[Finding, str]]:
    """The findings CI formats show, with their level (``error`` or ``warning``)."""
    fail_on = _fail_on(report)
    out = []
    for f in report.findings:
        if f.verdict == "contradict":
            out.append((f, "error"))
        elif f.verdict == "unverifiable" and fail_on == "unverifiable":
            out.append((f, "warning"))
    return out


_JSONL_LINE = re.compile(r"^(.*\.jsonl):(\d+)$", re.I)


def _file(path: str) -> str:
    """The file of an article path (``x.jsonl:12`` -> ``x.jsonl``), with forward slashes."""
    m = _JSONL_LINE.match(path)
    return (m.group(1) if m else path).replace("\\", "/")


def _new_statements(f: Finding, new: set[str]) -> list[StatementRef]:
    seen, out = set(), []
    for s in f.statements:
        if s.article in new and (s.article, s.line) not in seen:
            seen.add((s.article, s.line))
            out.append(s)
    return out


def _said(s: StatementRef, langs: Optional[dict] = None) -> str:
    """``path:line says value``, the value in its article's language (``langs``: path -> language)."""
    vals = ", ".join(format_value(v, (langs or {}).get(s.article) or "en") for v in s.values)
    return f"{s.article}:{s.line}" + (f" says {vals}" if vals else "")


# -- GitHub workflow commands ---------------------------------------------------------------------

def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=N,title=T::message``.

    One annotation per finding and line of a new article the finding is
    on; the message names the other statements (``path:line says value``)
    and ends with the finding's id (``[id 3f2a…]``, what ``baseline mark`` takes).
    Unreadable articles get an ``::error`` on the file.
    """
    # no ESC reaches the log; line breaks are %-encoded below, so a name cannot start a command
    report = safe_report(report, escape=keep_breaks)
    new = {a.path for a in report.articles}
    langs = {a.path: a.language for a in report.articles}
    lines = []
    for a in report.articles:
        if a.error:
            lines.append(f"::error file={_gh_prop(_file(a.path))},title={_gh_prop('consistency: unreadable')}::"
                         f"{_gh_data(a.error)}")
    for f, level in shown(report):
        for s in _new_statements(f, new):
            others = [_said(o, langs) for o in f.statements if o.article != s.article]
            msg = f.message + (f" (other statements: {'; '.join(others)})" if others else "") + f" [id {f.id}]"
            title = f"consistency: {f.verdict} ({f.kind}): {f.fact}"
            lines.append(f"::{level} file={_gh_prop(_file(s.article))},line={s.line},title={_gh_prop(title)}::"
                         f"{_gh_data(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")


# -- SARIF 2.1.0 ------------------------------------------------------------------------------------

def _uri(path: str) -> tuple[str, Optional[str]]:
    p = _file(path)
    if p.startswith("/"):
        return "file://" + quote(p, safe="/"), None
    return quote(p, safe="/"), "%SRCROOT%"


def _location(s: StatementRef, ident: Optional[int] = None, message: Optional[str] = None) -> dict:
    uri, base = _uri(s.article)
    artifact = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    loc: dict = {}
    if ident is not None:
        loc["id"] = ident
    loc["physicalLocation"] = {"artifactLocation": artifact,
                               "region": {"startLine": s.line, "snippet": {"text": s.text}}}
    if message:
        loc["message"] = {"text": message}
    return loc


def to_sarif(report: Report) -> str:
    """SARIF 2.1.0: one result per finding shown, located on the new article's statements.

    ``ruleId`` is ``consistency/<kind>`` (stable, see :data:`RULES`),
    ``partialFingerprints["consistencyFindingId/v1"]`` the finding's id (no
    line numbers or offsets), ``relatedLocations`` the other statements.
    """
    from .. import __version__

    new = {a.path for a in report.articles}
    kinds = list(dict.fromkeys(list(KINDS) + [f.kind for f in report.findings]))
    index = {k: i for i, k in enumerate(kinds)}
    rules = []
    for k in kinds:
        rid, name, desc = _rule(k)
        rules.append({"id": rid, "name": name, "shortDescription": {"text": desc},
                      "defaultConfiguration": {"level": "error" if k != "statement" else "warning"}})
    results = []
    for f, level in shown(report):
        mine = _new_statements(f, new) or list(f.statements[:1])
        others = [s for s in f.statements if s.article not in {m.article for m in mine}]
        result = {
            "ruleId": _rule(f.kind)[0], "ruleIndex": index[f.kind], "level": level,
            "message": {"text": f"{f.fact}: {f.message}"},
            "locations": [_location(s) for s in mine],
            "partialFingerprints": {"consistencyFindingId/v1": f.id},
            "properties": {"verdict": f.verdict, "confidence": f.confidence, "findingId": f.id},
        }
        if others:
            result["relatedLocations"] = [_location(s, i, _said(s)) for i, s in enumerate(others, start=1)]
        results.append(result)
    notes = [{"level": "error", "message": {"text": a.error},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(a.path)[0]}}}]}
             for a in report.articles if a.error]
    invocation = {"executionSuccessful": not (report.articles and all(a.error for a in report.articles))}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "consistency", "version": __version__, "rules": rules}},
            "invocations": [invocation],
            "results": results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- JUnit XML --------------------------------------------------------------------------------------

def to_junit(report: Report) -> str:
    """JUnit XML: one test case per article under check; its findings shown are its failures,
    an unreadable article is an error."""
    report = safe_report(report, escape=xml_text)  # XML 1.0 cannot hold ESC, NUL, form feed
    new = {a.path for a in report.articles}
    by_article: dict[str, list[tuple[Finding, str]]] = {a.path: [] for a in report.articles}
    for f, level in shown(report):
        for art in dict.fromkeys(s.article for s in f.statements if s.article in new):
            by_article[art].append((f, level))
    cases = []
    failures = errors = 0
    for a in report.articles:
        case = ET.Element("testcase", {"classname": "consistency", "name": a.path, "file": _file(a.path)})
        if a.error:
            errors += 1
            ET.SubElement(case, "error", {"type": "unreadable", "message": a.error}).text = a.error
        elif by_article[a.path]:
            failures += 1
            found = by_article[a.path]
            n_err = sum(1 for _, lv in found if lv == "error")
            summary = (f"{n_err} contradiction{'s' * (n_err != 1)}" if n_err == len(found)
                       else f"{len(found)} findings ({n_err} contradictions)")
            body = []
            for f, _ in found:
                body.append(f"[{f.verdict} {f.kind}] {f.fact} (id {f.id})")
                body.append(f"  {f.message}")
                body += [f"  {_said(s)}: {s.text}" for s in f.statements]
            ET.SubElement(case, "failure", {"type": found[0][0].verdict, "message": summary}).text = \
                "\n".join(body)
        cases.append(case)
    attrs = {"name": "consistency", "tests": str(len(cases)), "failures": str(failures), "errors": str(errors),
             "skipped": "0"}
    suites = ET.Element("testsuites", attrs)
    suite = ET.SubElement(suites, "testsuite", attrs)
    suite.extend(cases)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
