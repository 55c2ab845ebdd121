"""The facts of the five seed articles (fixtures/), located and parsed (issue 2, "Done means").

The report is computed with the session's model behind the product's disk
cache (a temporary folder, see conftest), which the CLI run of
tests/cli/test_check.py shares: the seeds are embedded once for both.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from consistency import Settings, check
from consistency.read import read_paths
from consistency.report import report_dict

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def seed_report(embedder):
    from consistency.embed import CachedEmbedder

    return check([str(FIXTURES)], Settings(), embedder=CachedEmbedder(embedder))


def statements(report, prefix: str, line: int):
    """Every (finding, statement) located in the seed file starting with ``prefix`` at ``line``."""
    return [(f, s) for f in report.findings for s in f.statements
            if Path(s.article).name.startswith(prefix) and s.line == line]


def value(report, prefix: str, line: int, raw: str):
    found = [(f, s, v) for f, s in statements(report, prefix, line) for v in s.values if v.raw == raw]
    assert found, f"no value {raw!r} at {prefix}…:{line}; there: " + repr(
        [(v.raw, s.line) for f in report.findings for s in f.statements if Path(s.article).name.startswith(prefix)
         for v in s.values])
    return found[0]


def test_every_seed_is_read(seed_report):
    assert [Path(a.path).name[:3] for a in seed_report.articles] == ["000", "001", "002", "003", "004"]
    assert all(a.error is None and a.language == "de" and a.sentences > 20 for a in seed_report.articles)


def test_treaty_signed_on_19_june(seed_report):
    f, s, v = value(seed_report, "001", 7, "19. Juni")
    assert f.kind == "date" and v.kind == "date" and v.partial
    assert (v.low, v.high) == (619, 619)  # month * 100 + day, year unknown
    assert "am 19. Juni" in s.text and "unterzeichnet" in s.text
    text = (FIXTURES / Path(s.article).name).read_text(encoding="utf-8")
    assert text[v.start:v.end] == "19. Juni"
    assert text[:v.start].count("\n") + 1 == 7


def test_treaty_of_1961(seed_report):
    f, s, v = value(seed_report, "002", 12, "1961")
    assert v.kind == "year" and f.kind == "date"
    assert (v.low, v.high) == (date(1961, 1, 1).toordinal(), date(1961, 12, 31).toordinal())
    assert "Vertrag von 1961" in s.text


def test_more_than_10000_containers(seed_report):
    f, _, v = value(seed_report, "001", 35, "mehr als 10.000")
    assert (v.kind, v.low, v.high, v.unit, v.unit_key, v.hedge) == \
        ("count", 10000, float("inf"), "Schiffscontainer", "container", "lower")
    assert f.kind == "numeric"


def test_more_than_350000_casualties(seed_report):
    _, _, v = value(seed_report, "001", 23, "über 350.000")
    assert (v.kind, v.low, v.high, v.hedge) == ("count", 350000, float("inf"), "lower")
    assert v.unit == "Todesopfer"


def test_the_seed_facts_in_the_json_contract(seed_report):
    d = report_dict(seed_report)
    located = {(Path(s["article"]).name[:3], s["line"], v["raw"]): v
               for f in d["findings"] for s in f["statements"] for v in s["values"]}
    june = located[("001", 7, "19. Juni")]
    assert (june["low"], june["high"], june["kind"]) == ("--06-19", "--06-19", "date")
    assert located[("002", 12, "1961")]["low"] == "1961-01-01"
    containers = located[("001", 35, "mehr als 10.000")]
    assert (containers["low"], containers["high"], containers["unit"]) == (10000, None, "Schiffscontainer")
    casualties = located[("001", 23, "über 350.000")]
    assert (casualties["low"], casualties["high"]) == (350000, None)


def test_mutual_assistance_clause_is_aligned_across_articles(seed_report):
    clause = "im Falle eines Angriffs"
    holders = [f for f in seed_report.findings if sum(clause in s.text for s in f.statements) >= 2]
    assert len(holders) == 1, [f.message for f in holders]
    f = holders[0]
    arts = {Path(s.article).name[:3] for s in f.statements if clause in s.text}
    assert {"001", "002", "003"} <= arts
    assert f.verdict == "agree"
    assert len({s.position for s in f.statements}) == 1
    # located: the clause is on these lines of the files
    lines = {(Path(s.article).name[:3], s.line) for s in f.statements if clause in s.text}
    assert {("001", 5), ("002", 8), ("003", 16)} <= lines


def test_no_contradiction_among_the_seeds(seed_report):
    """The seeds report one event consistently; any contradiction here is a false alarm."""
    assert [f.message for f in seed_report.findings if f.verdict == "contradict"] == []


def test_every_extracted_value_is_in_the_report(seed_report):
    """The report is the full fact inventory: single-source values too."""
    from consistency.pipeline import claims_of

    claims = claims_of(read_paths([str(FIXTURES)]), Settings())
    extracted = {(c.article, v.start, v.end) for c in claims for v in c.values}
    reported = {(s.article, v.start, v.end) for f in seed_report.findings for s in f.statements for v in s.values}
    assert extracted and extracted == reported
    single = [f for f in seed_report.findings if len({s.article for s in f.statements}) == 1]
    assert single and all(f.verdict == "unverifiable" and f.reason == "single source" for f in single)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_quoted_statement_is_located(seed_report, prefix):
    path = next(FIXTURES.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    quoted = [s for f in seed_report.findings for s in f.statements if Path(s.article).name == path.name]
    assert quoted
    for s in quoted:
        assert text[s.start:s.end] == s.text
        assert text[:s.start].count("\n") + 1 == s.line
        for v in s.values:
            assert s.start <= v.start < v.end <= s.end and text[v.start:v.end] == v.raw
