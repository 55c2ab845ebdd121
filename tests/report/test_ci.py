"""CI formats: GitHub workflow commands, SARIF 2.1.0 (validated against the OASIS schema), JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from consistency.model import ArticleStatus, Finding, Quantity, Report, StatementRef
from consistency.report import FORMATS
from consistency.report.ci import RULES, to_github, to_junit, to_sarif

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"


def _q(v: float) -> Quantity:
    return Quantity(raw=str(int(v)), start=0, end=3, kind="count", value=v, low=v, high=v, unit="Häuser",
                    unit_key="haus")


def _ref(article: str, line: int, v: float | None = None, position: int = 0) -> StatementRef:
    return StatementRef(article=article, line=line, start=10, end=40, text=f"{v} Häuser, sagte er: «Ja»",
                        values=(_q(v),) if v is not None else (), position=position)


def _report(fail_on: str = "contradict") -> Report:
    findings = (
        Finding(id="aaaa1111bbbb2222", verdict="contradict", kind="numeric", fact="Häuser (count)",
                message="new.txt says 450 Häuser; old.txt says 120 Häuser",
                statements=(_ref("articles/new.txt", 4, 450), _ref("corpus/old.txt", 3, 120, 1))),
        Finding(id="cccc3333dddd4444", verdict="contradict", kind="negation", fact="statement: Landrat, 50%",
                message="old.txt affirms what new.txt denies (nicht)",
                statements=(_ref("corpus/old.txt", 2), _ref("articles/new.txt", 7, position=1))),
        Finding(id="eeee5555ffff6666", verdict="unverifiable", kind="numeric", fact="Einsatzkräfte (count)",
                message="single source: new.txt says 300", statements=(_ref("articles/new.txt", 5, 300),),
                reason="single source"),
        Finding(id="9999000011112222", verdict="agree", kind="numeric", fact="Euro (money)",
                message="2 articles agree", statements=(_ref("articles/new.txt", 6, 5), _ref("corpus/x.txt", 1, 5))),
    )
    articles = (ArticleStatus("articles/new.txt", "new", 5, "de", None),
                ArticleStatus("articles/clean.txt", "clean", 2, "de", None),
                ArticleStatus("articles/broken.txt", "broken", 0, None, "articles/broken.txt: empty file"))
    return Report(articles=articles, findings=findings, statements=7, settings={"fail_on": fail_on})


def test_registered():
    assert FORMATS["github"] is to_github and FORMATS["sarif"] is to_sarif and FORMATS["junit"] is to_junit


def test_github_annotations_on_the_new_articles_lines():
    out = to_github(_report())
    lines = out.splitlines()
    errors = [ln for ln in lines if ln.startswith("::error file=articles/new.txt")]
    assert len(errors) == 2
    assert errors[0].startswith("::error file=articles/new.txt,line=4,title=consistency%3A contradict (numeric)%3A")
    assert "::new.txt says 450 Häuser; old.txt says 120 Häuser (other statements: corpus/old.txt:3 says 120 Häuser)" \
        in errors[0]
    assert ",line=7," in errors[1] and "%2C 50%25" in errors[1]  # ',' and '%' escaped in the title
    assert not any("corpus/" in ln.split("::")[1] for ln in lines)  # never on a corpus article
    assert "::error file=articles/broken.txt,title=consistency%3A unreadable::articles/broken.txt: empty file" in lines
    assert "::warning" not in out  # unverifiable findings only with fail-on unverifiable
    warn = to_github(_report("unverifiable"))
    assert "::warning file=articles/new.txt,line=5," in warn
    assert "9999000011112222" not in warn and "Euro" not in warn  # agreements are never annotated


def test_github_escapes_newlines_in_messages():
    r = _report()
    f = replace(r.findings[0], message="one\ntwo\r%")
    out = to_github(replace(r, findings=(f,)))
    assert "::one%0Atwo%0D%25" in out and out.count("\n") == 2  # one line per command


def test_sarif_is_valid_against_the_2_1_0_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for fail_on in ("contradict", "unverifiable"):
        doc = json.loads(to_sarif(_report(fail_on)))
        jsonschema.Draft4Validator(schema).validate(doc)
        assert doc["version"] == "2.1.0"
    doc["runs"][0]["results"][0]["level"] = "fatal"  # the schema does catch a bad document
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(doc)


def test_sarif_rules_fingerprints_and_locations():
    doc = json.loads(to_sarif(_report()))
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:3] == ["consistency/numeric", "consistency/date", "consistency/negation"]
    assert [r["id"] for r in rules] == [RULES[k][0] for k in
                                        ("numeric", "date", "negation", "antonym", "entity", "statement")]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["consistency/numeric", "consistency/negation"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] == "error"
    first = results[0]
    assert first["partialFingerprints"] == {"consistencyFindingId/v1": "aaaa1111bbbb2222"}
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "articles/new.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 4
    related = first["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "corpus/old.txt"
    assert related["message"]["text"] == "corpus/old.txt:3 says 120 Häuser"
    # the same report gives the same bytes; the rule ids do not depend on what was found
    assert to_sarif(_report()) == to_sarif(_report())
    empty = json.loads(to_sarif(replace(_report(), findings=())))
    assert [r["id"] for r in empty["runs"][0]["tool"]["driver"]["rules"]] == [r["id"] for r in rules]
    assert empty["runs"][0]["results"] == []


def test_sarif_of_a_real_report_is_valid(seed_report):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = json.loads(to_sarif(seed_report))
    jsonschema.Draft4Validator(schema).validate(doc)
    assert len(doc["runs"][0]["results"]) == seed_report.count("contradict")


def test_junit_one_case_per_article_with_its_contradictions():
    root = ET.fromstring(to_junit(_report()))
    assert root.tag == "testsuites" and root.get("tests") == "3"
    assert root.get("failures") == "1" and root.get("errors") == "1"
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert list(cases) == ["articles/new.txt", "articles/clean.txt", "articles/broken.txt"]
    failure = cases["articles/new.txt"].find("failure")
    assert failure.get("message") == "2 contradictions"
    assert "aaaa1111bbbb2222" in failure.text and "cccc3333dddd4444" in failure.text
    assert "eeee5555ffff6666" not in failure.text  # unverifiable: not with fail-on contradict
    assert len(cases["articles/clean.txt"]) == 0  # passed
    assert cases["articles/broken.txt"].find("error").get("message") == "articles/broken.txt: empty file"
    with_unverifiable = ET.fromstring(to_junit(_report("unverifiable")))
    text = next(c for c in with_unverifiable.iter("testcase") if c.get("name") == "articles/new.txt").find("failure")
    assert "eeee5555ffff6666" in text.text and text.get("message") == "3 findings (2 contradictions)"


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit"])
def test_empty_report(fmt):
    r = Report(articles=(), findings=(), statements=0)
    out = FORMATS[fmt](r)
    assert isinstance(out, str)
    if fmt == "sarif":
        jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(json.loads(out))
