"""`consistency check` end to end: exit codes, streams, the JSON contract, golden output.

Most runs call :func:`consistency.cli.main` in-process with the session's
loaded model (``shared_model`` patches the loader so ``main`` does not load
it again, and keeps the product's disk cache, which conftest points at a
temporary folder: a batch checked twice is embedded once); plumbing tests
that do not depend on alignment use ``--model tfidf``. The golden projection of the seed report lives in
``tests/data/golden/seeds.json``; regenerate it with
``UPDATE_GOLDEN=1 pytest tests/cli/test_check.py -k golden``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from consistency.cli import main
from consistency.report import FORMATS

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCHEMA = json.loads((DATA / "report.schema.json").read_text(encoding="utf-8"))
GOLDEN = DATA / "golden" / "seeds.json"
CONTRADICTING = "tests/data/batches/count_en"  # one planted numeric contradiction
CLEAN = "tests/data/batches/trap_units_de"  # no contradiction, two unverifiable facts


def loader(embedder):
    """``pipeline.get_embedder`` that hands out the session's default model, cached as the product does."""
    import consistency.pipeline as pipeline
    from consistency.embed import CachedEmbedder

    real = pipeline.get_embedder

    def get_embedder(settings):
        if settings.model is not None:
            return real(settings)
        return embedder if settings.cache_dir == "" else CachedEmbedder(embedder, settings.cache_dir)

    return get_embedder


@pytest.fixture
def shared_model(monkeypatch, embedder):
    """Run the CLI from the project root, with the session's default model."""
    import consistency.pipeline as pipeline

    monkeypatch.setattr(pipeline, "get_embedder", loader(embedder))
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)


def run(capsys, *argv):
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory, embedder):
    """The JSON report of `consistency check fixtures/`, run once through the CLI."""
    import consistency.pipeline as pipeline

    out = tmp_path_factory.mktemp("seeds") / "report.json"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "get_embedder", loader(embedder))
        mp.chdir(ROOT)
        code = main(["check", "fixtures/", "--format", "json", "--output", str(out)])
    raw = out.read_text(encoding="utf-8")
    return code, raw, json.loads(raw)


# -- exit codes and streams -----------------------------------------------------------------------

def test_seeds_exit_0_and_the_report_validates(seeds_json):
    code, _, report = seeds_json
    assert code == 0
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["articles"] == 5 and report["summary"]["contradict"] == 0


def test_a_contradiction_exits_1_with_the_summary_once(shared_model, capsys):
    code, out, err = run(capsys, CONTRADICTING, "--format", "text", "--color", "never")
    assert code == 1
    assert "CONTRADICT numeric" in out and "12 people" in out and "15 people" in out
    # the text report on stdout ends with the summary; stderr does not repeat it
    assert out.strip().splitlines()[-1].startswith("2 articles, ") and "contradict" in out.splitlines()[-1]
    assert "2 articles," not in err
    assert "2 articles," not in out.splitlines()[0]  # the report does not start with the summary
    # another format (or -o): the summary goes to stderr, once
    code, out, err = run(capsys, CONTRADICTING, "--format", "json")
    assert code == 1 and "2 articles," not in out and err.count("2 articles,") == 1


def test_quiet_prints_the_report_only(shared_model, capsys):
    code, out, err = run(capsys, CONTRADICTING, "-q", "--color", "never")
    assert code == 1 and "CONTRADICT numeric" in out and "2 articles," not in out + err and err == ""


def test_verbose_prints_settings_and_stage_timings(shared_model, capsys):
    code, out, err = run(capsys, CONTRADICTING, "-v", "-f", "json")
    assert code == 1
    assert "value_threshold = 0.55" in err and "# default" in err
    assert "embedding" in err and "total" in err and " s" in err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exit_code_does_not_depend_on_the_format(shared_model, capsys, fmt):
    code, out, err = run(capsys, CONTRADICTING, "--format", fmt)
    assert code == 1 and out.strip()
    code, out, err = run(capsys, CLEAN, "--format", fmt)
    assert code == 0  # (a clean batch may print nothing, e.g. GitHub annotations)


@pytest.mark.parametrize("flags,expected", [
    (["--exit-zero"], 0),
    (["--fail-on", "never"], 0),
    (["--fail-on", "contradict"], 1),
    (["--fail-on", "unverifiable"], 1),
])
def test_fail_on_and_exit_zero(shared_model, capsys, flags, expected):
    assert run(capsys, CONTRADICTING, "-f", "json", *flags)[0] == expected


def test_fail_on_unverifiable_without_contradiction(shared_model, capsys):
    assert run(capsys, CLEAN, "-f", "json")[0] == 0
    assert run(capsys, CLEAN, "-f", "json", "--fail-on", "unverifiable")[0] == 1


@pytest.mark.parametrize("argv", [
    ["check", "fixtures", "--format", "yaml"],
    ["check"],
    ["check", "fixtures", "--fail-on", "sometimes"],
    ["check", "fixtures", "--value-threshold", "high"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(capsys, argv):
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err.lower()


@pytest.mark.parametrize("argv,message", [
    (["--value-threshold", "3"], "value_threshold"),
    (["--tolerance", "-0.5"], "tolerance"),
    (["--max-bytes", "0"], "max_bytes"),
    (["--published", "a.txt=yesterday"], "ISO date"),
    (["--published", "a.txt"], "FILE=DATE"),
])
def test_bad_settings_exit_2_with_a_message(capsys, argv, message):
    code, out, err = run(capsys, str(ROOT / CLEAN), "--no-cache", *argv)
    assert code == 2 and out == ""
    assert "consistency: error:" in err and message in err


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err.lower() and "check" in err and "baseline" in err


def test_output_file(shared_model, capsys, tmp_path):
    target = tmp_path / "report.json"
    code, out, err = run(capsys, CONTRADICTING, "-f", "json", "--output", str(target))
    assert code == 1 and out == "" and "2 articles" in err
    written = target.read_text(encoding="utf-8")
    jsonschema.validate(json.loads(written), SCHEMA)
    # the same bytes as on stdout
    assert run(capsys, CONTRADICTING, "-f", "json")[1] == written
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


def test_text_output_file_has_no_colour(shared_model, capsys, tmp_path):
    target = tmp_path / "report.txt"
    run(capsys, CONTRADICTING, "--color", "always", "-o", str(target))
    assert "\033[" not in target.read_text(encoding="utf-8")


def test_tfidf_model_runs_the_whole_pipeline(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, CONTRADICTING, "--model", "tfidf", "--no-cache", "-f", "json")
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert code == (1 if report["summary"]["contradict"] else 0)


# -- the JSON contract on the seeds ----------------------------------------------------------------

def test_json_is_byte_identical_across_runs(seeds_json, shared_model, capsys):
    """The second run reads its embeddings from the disk cache the first one wrote."""
    _, first, _ = seeds_json
    _, second, _ = run(capsys, "fixtures/", "--format", "json")
    assert second == first


def test_articles_are_listed_as_given(seeds_json):
    _, _, report = seeds_json
    paths = [a["path"] for a in report["articles"]]
    assert paths == sorted(str(Path("fixtures") / p.name) for p in (ROOT / "fixtures").glob("*.txt"))
    assert all(a["error"] is None and a["sentences"] > 0 and a["language"] == "de" for a in report["articles"])
    assert report["summary"]["statements"] == sum(a["sentences"] for a in report["articles"])


def test_every_statement_is_quoted_from_its_file(seeds_json):
    _, _, report = seeds_json
    texts = {}
    for f in report["findings"]:
        for s in f["statements"]:
            text = texts.setdefault(s["article"], (ROOT / s["article"]).read_text(encoding="utf-8"))
            assert text[s["start"]:s["end"]] == s["text"]
            assert text.count("\n", 0, s["start"]) + 1 == s["line"]
            for v in s["values"]:
                assert v["raw"] in s["text"]


def test_summary_counts_the_findings(seeds_json):
    _, _, report = seeds_json
    s = report["summary"]
    assert s["findings"] == len(report["findings"]) == s["agree"] + s["contradict"] + s["unverifiable"]
    for verdict in ("agree", "contradict", "unverifiable"):
        assert s[verdict] == sum(f["verdict"] == verdict for f in report["findings"])


def test_finding_ids_are_unique_and_free_of_offsets(seeds_json):
    _, _, report = seeds_json
    ids = [f["id"] for f in report["findings"]]
    assert len(ids) == len(set(ids))


def test_positions(shared_model, capsys):
    """Statements of one position agree; a contradiction has at least two positions."""
    code, out, _ = run(capsys, "tests/data/batches/count_de", "-f", "json")
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    contradictions = [f for f in report["findings"] if f["verdict"] == "contradict"]
    assert code == 1 and contradictions
    for f in contradictions:
        positions = {s["position"] for s in f["statements"]}
        assert len(positions) >= 2
        by_pos = {p: {v["raw"].lower() for s in f["statements"] if s["position"] == p for v in s["values"]}
                  for p in positions}
        assert {"rund 6.700"} in by_pos.values()
    for f in report["findings"]:
        if f["verdict"] == "agree":
            assert len({s["position"] for s in f["statements"]}) == 1


def test_fingerprints_ignore_line_numbers(shared_model, capsys, tmp_path):
    """Moving a statement to another line keeps its finding's id."""
    src = ROOT / CONTRADICTING
    for p in src.iterdir():
        text = p.read_text(encoding="utf-8")
        (tmp_path / p.name).write_text("\n\n\n" + text if p.suffix == ".txt" else text, encoding="utf-8")
    before = json.loads(run(capsys, CONTRADICTING, "-f", "json")[1])
    after = json.loads(run(capsys, str(tmp_path), "-f", "json")[1])
    ids = lambda r: [f["id"] for f in r["findings"] if f["verdict"] == "contradict"]
    assert ids(before) and ids(before) == ids(after)
    lines = lambda r: [s["line"] for f in r["findings"] for s in f["statements"] if s["article"].endswith("a.txt")]
    assert [x + 3 for x in lines(before)] == lines(after)


# -- golden output ---------------------------------------------------------------------------------

def projection(report: dict) -> list:
    """What is stable while extraction evolves: where each numeric/date value is, and its raw text."""
    rows = {(Path(s["article"]).name, s["line"], v["raw"], v.get("kind"))
            for f in report["findings"] if f["kind"] in ("numeric", "date")
            for s in f["statements"] for v in s["values"]}
    return [list(r) for r in sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3] or ""))]


def test_golden_seed_facts(seeds_json):
    _, _, report = seeds_json
    got = {"schema": report["schema"], "values": projection(report)}
    if os.environ.get("UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        rows = ",\n  ".join(json.dumps(r, ensure_ascii=False) for r in got["values"])
        GOLDEN.write_text(f'{{"schema": "{got["schema"]}",\n "values": [\n  {rows}\n ]}}\n', encoding="utf-8")
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"{GOLDEN} did not exist; written now — review and commit it")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    missing = [r for r in want["values"] if r not in got["values"]]
    extra = [r for r in got["values"] if r not in want["values"]]
    assert (missing, extra) == ([], []), (
        "the seed facts changed; if intended, regenerate with "
        "UPDATE_GOLDEN=1 pytest tests/cli/test_check.py -k golden")
