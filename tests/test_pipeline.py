"""The pipeline's speed paths give the results of the plain path: extraction overlapped
with embedding, statements aligned and judged in a forked process beside the values, and the
result cache (claims per article, findings per batch)."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import numpy as np

import pytest

import consistency.pipeline as pipeline
from consistency import Settings, check_articles
from consistency.read import read_paths
from consistency.report import to_json

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


class Hashing:
    """A cheap deterministic embedder: character trigrams hashed into 64 dimensions."""

    name = "test-hashing-64"

    def encode(self, texts):
        X = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for j in range(len(t) - 2):
                X[i, zlib.crc32(t[j:j + 3].lower().encode()) % 64] += 1.0
        X[:, 0] += 1e-3
        return X / np.linalg.norm(X, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def tfidf():
    return Hashing()


@pytest.fixture(scope="module")
def articles():
    return read_paths([str(FIXTURES)])


def _prepared(articles, settings, embedder):
    """claims, then embeddings: the prepared batch, no overlap, no cache."""
    articles = pipeline.with_publication_dates(articles, settings)
    return pipeline.prepare(pipeline.claims_of(articles, settings), embedder, ids={a.path: a.id for a in articles},
                            published={a.path: a.published for a in articles if a.published})


def _sequential(articles, settings, embedder):
    """claims, then embeddings, then align and judge: no overlap, no cache."""
    articles = pipeline.with_publication_dates(articles, settings)
    return pipeline.judge_batch(articles, _prepared(articles, settings, embedder), settings, model=embedder.name)


def _forks(monkeypatch) -> list:
    """The start methods of the multiprocessing contexts asked for from now on (skips the test
    where the platform cannot fork)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    asked, real = [], multiprocessing.get_context

    def spy(method=None):
        asked.append(method)
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", spy)
    return asked


def _dies_when_forked(fn):
    """``fn``, except that in a forked process it kills that process (as for memory)."""
    parent = os.getpid()

    def wrapped(*a, **k):
        if os.getpid() != parent:
            os._exit(1)
        return fn(*a, **k)

    return wrapped


def test_overlapped_embedding_gives_the_sequential_report(monkeypatch, articles, tfidf):
    monkeypatch.setattr(pipeline, "_EMBED_CHUNK", 16)  # many chunks, embedded while extracting
    settings = Settings(cache_dir="")
    ticks = []
    report = check_articles(articles, settings, embedder=tfidf, progress=lambda *t: ticks.append(t))
    assert report.statements > 100
    assert to_json(report) == to_json(_sequential(articles, settings, tfidf))
    assert [t[0] for t in ticks][0] == "segmenting" and ticks[-1][0] == "done"
    assert ("embedding", report.statements, report.statements) in ticks


def test_extraction_in_a_forked_process_gives_the_sequential_report(monkeypatch, articles, tfidf):
    forked = _forks(monkeypatch)
    monkeypatch.setattr(pipeline, "PROCESS_MIN_ARTICLES", 2)
    monkeypatch.setattr(pipeline, "_PROCESS_CHUNK", 2)  # several tasks, results in order
    monkeypatch.setattr(pipeline, "_EMBED_CHUNK", 16)
    settings = Settings(cache_dir="")
    report = check_articles(articles, settings, embedder=tfidf)
    assert forked == ["fork"]
    assert to_json(report) == to_json(_sequential(articles, settings, tfidf))


def test_a_dead_extracting_process_loses_no_article(monkeypatch, articles, tfidf):
    # the forked process is killed (as for memory): what it did not return is extracted here
    forked = _forks(monkeypatch)
    real = pipeline.extract_claims
    monkeypatch.setattr(pipeline, "extract_claims", _dies_when_forked(real))
    monkeypatch.setattr(pipeline, "PROCESS_MIN_ARTICLES", 2)
    settings = Settings(cache_dir="")
    report = check_articles(articles, settings, embedder=tfidf)
    assert forked == ["fork"]
    monkeypatch.setattr(pipeline, "extract_claims", real)
    assert to_json(report) == to_json(_sequential(articles, settings, tfidf))


def test_statements_aligned_in_a_forked_process_give_the_findings_of_align_and_judge_all(monkeypatch, articles,
                                                                                        tfidf):
    # the plain path (align, then judge every group) against the two halves, here and forked
    from consistency.align import AlignSettings, align
    from consistency.judge import JudgeSettings, judge_all

    forked = _forks(monkeypatch)
    settings = Settings(cache_dir="")
    batch = _prepared(articles, settings, tfidf)
    js = JudgeSettings(settings.exact_tolerance, batch.published)
    plain = judge_all(align(batch, AlignSettings.from_settings(settings)), batch.claims, batch.ids, js)
    assert any(f.verdict == "contradict" and f.kind != "numeric" for f in plain)  # statement findings too
    here = pipeline.align_and_judge(batch, AlignSettings.from_settings(settings), js, forked=False)
    assert forked == []
    there = pipeline.align_and_judge(batch, AlignSettings.from_settings(settings), js, forked=True)
    assert forked == ["fork"]
    assert here == plain and there == plain


def test_a_batch_of_many_statements_forks_and_a_dead_process_loses_no_finding(monkeypatch, articles, tfidf):
    # from PROCESS_MIN_CLAIMS on the statements go to a forked process; killed (as for memory),
    # its part is done here
    settings = Settings(cache_dir="")
    batch = _prepared(articles, settings, tfidf)
    expected = to_json(pipeline.judge_batch(articles, batch, settings, model=tfidf.name))
    forks = _forks(monkeypatch)
    monkeypatch.setattr(pipeline, "PROCESS_MIN_CLAIMS", len(batch.claims))
    assert to_json(pipeline.judge_batch(articles, batch, settings, model=tfidf.name)) == expected
    assert forks == ["fork"]
    monkeypatch.setattr(pipeline, "statement_groups_of", _dies_when_forked(pipeline.statement_groups_of))
    assert to_json(pipeline.judge_batch(articles, batch, settings, model=tfidf.name)) == expected
    assert forks == ["fork", "fork"]
    monkeypatch.setattr(pipeline, "PROCESS_MIN_CLAIMS", len(batch.claims) + 1)  # one fewer: no fork
    assert to_json(pipeline.judge_batch(articles, batch, settings, model=tfidf.name)) == expected
    assert forks == ["fork", "fork"]


def test_no_process_to_be_had_aligns_the_statements_here(monkeypatch, articles, tfidf):
    # a fork that fails (too many processes, no memory) is no error: the statements are done here
    import concurrent.futures

    _forks(monkeypatch)  # skips where the platform cannot fork
    settings = Settings(cache_dir="")
    batch = _prepared(articles, settings, tfidf)
    expected = to_json(pipeline.judge_batch(articles, batch, settings, model=tfidf.name))

    tried = []

    def refused(*a, **k):
        tried.append(k.get("mp_context"))
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refused)
    monkeypatch.setattr(pipeline, "PROCESS_MIN_CLAIMS", 0)
    assert to_json(pipeline.judge_batch(articles, batch, settings, model=tfidf.name)) == expected
    assert len(tried) == 1  # the fork was asked for, and refused


def test_warm_run_reads_claims_and_findings_from_the_cache(monkeypatch, tmp_path, articles, tfidf):
    settings = Settings(cache_dir=str(tmp_path))
    cold = to_json(check_articles(articles, settings, embedder=tfidf))
    assert (tmp_path / "results.sqlite").exists()

    def boom(*a, **k):
        raise AssertionError("recomputed on a warm run")

    monkeypatch.setattr(pipeline, "extract_claims", boom)
    monkeypatch.setattr(pipeline, "align_and_judge", boom)
    assert to_json(check_articles(articles, settings, embedder=tfidf)) == cold


def test_a_changed_article_is_extracted_and_the_batch_judged_again(monkeypatch, tmp_path, articles, tfidf):
    from dataclasses import replace

    settings = Settings(cache_dir=str(tmp_path))
    check_articles(articles, settings, embedder=tfidf)
    calls = {"extract": 0, "align": 0}
    real_extract, real_align = pipeline.extract_claims, pipeline.align_and_judge

    def extract(*a, **k):
        calls["extract"] += 1
        return real_extract(*a, **k)

    def align(*a, **k):
        calls["align"] += 1
        return real_align(*a, **k)

    monkeypatch.setattr(pipeline, "extract_claims", extract)
    monkeypatch.setattr(pipeline, "align_and_judge", align)
    changed = list(articles)
    changed[0] = replace(changed[0], text=changed[0].text + "\nDie Polizei nahm 3 Verdächtige fest.\n",
                         view=(changed[0].view or changed[0].text) + "\nDie Polizei nahm 3 Verdächtige fest.\n")
    report = check_articles(changed, settings, embedder=tfidf)
    assert calls == {"extract": 1, "align": 1}  # only the changed article is extracted again
    assert to_json(report) == to_json(check_articles(changed, Settings(cache_dir=""), embedder=tfidf))


def test_an_articles_cache_key_does_not_change_once_it_located_a_statement(articles):
    from consistency.read import article_from_text

    a = article_from_text("x.txt", "Erste Zeile.\nZweite Zeile mit 3 Autos.\n", language="de")
    before = pipeline._claims_key(a, 0.1)
    assert a.line_of(15) == 2  # caches the line starts on the article
    assert pipeline._claims_key(a, 0.1) == before


def test_other_models_are_not_served_the_cached_findings(monkeypatch, tmp_path, articles, tfidf):
    """The findings cache is keyed by the fitted models in use: a re-fitted file tried with
    CONSISTENCY_MODELS is judged again, not answered with the shipped models' findings."""
    import json

    from consistency.align.identity import load_models

    settings = Settings(cache_dir=str(tmp_path))
    check_articles(articles, settings, embedder=tfidf)
    other = json.loads(json.dumps(load_models()))
    other["value_quantity"]["intercept"] -= 50.0  # no two quantities are one fact any more
    path = tmp_path / "other-models.json"
    path.write_text(json.dumps(other), encoding="utf-8")
    monkeypatch.setenv("CONSISTENCY_MODELS", str(path))
    calls = {"align": 0}
    real_align = pipeline.align_and_judge

    def align(*a, **k):
        calls["align"] += 1
        return real_align(*a, **k)

    monkeypatch.setattr(pipeline, "align_and_judge", align)
    report = check_articles(articles, settings, embedder=tfidf)
    assert calls["align"] == 1
    assert to_json(report) == to_json(check_articles(articles, Settings(cache_dir=""), embedder=tfidf))


def test_no_cache_writes_nothing(tmp_path, monkeypatch, articles, tfidf):
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path))
    check_articles(articles, Settings(cache_dir=""), embedder=tfidf)
    assert not os.listdir(tmp_path)


def test_deferred_rows_are_zero_until_completed_and_then_those_of_the_plain_batch(articles, tfidf):
    settings = Settings(cache_dir="")
    claims = pipeline.claims_of(articles, settings)
    ids = {a.path: a.id for a in articles}
    first = max(articles, key=lambda a: sum(len(c.values) for c in claims if c.article == a.path)).path
    n_new = len([c for c in claims if c.article == first])
    claims = [c for c in claims if c.article == first] + [c for c in claims if c.article != first]
    plain = pipeline.prepare(claims, tfidf, n_new=n_new, ids=ids)
    deferred = pipeline.prepare(claims, tfidf, n_new=n_new, ids=ids, defer=True)
    assert plain.pending is None
    assert deferred.pending.tolist() == [i >= n_new for i in range(len(claims))]
    owner = np.array([m.claim for m in deferred.mentions])
    stored = owner >= n_new
    assert stored.any() and (~stored).any()
    np.testing.assert_array_equal(deferred.X, plain.X)
    np.testing.assert_allclose(deferred.C[~stored], plain.C[~stored], atol=1e-6)
    np.testing.assert_allclose(deferred.Xa[:n_new], plain.Xa[:n_new], atol=1e-6)
    assert not deferred.C[stored].any() and not deferred.U[stored].any()

    # completing some claims embeds their rows only; the rest stay pending
    some = np.zeros(len(claims), dtype=bool)
    some[n_new:n_new + 3] = True
    part = pipeline.complete(deferred, tfidf, some)
    assert part is not deferred and deferred.pending[n_new:n_new + 3].all()  # the input is not changed
    assert part.pending.tolist() == (deferred.pending & ~some).tolist()
    done = np.isin(owner, np.flatnonzero(some))
    np.testing.assert_allclose(part.C[done], plain.C[done], atol=1e-6)
    assert not part.C[stored & ~done].any()

    whole = pipeline.complete(part, tfidf, np.ones(len(claims), dtype=bool))
    assert whole.pending is None
    for name in ("Xa", "C", "U"):
        np.testing.assert_allclose(getattr(whole, name), getattr(plain, name), atol=1e-6)
    assert pipeline.complete(whole, tfidf, np.ones(len(claims), dtype=bool)) is whole  # nothing pending
    with pytest.raises(ValueError, match="shape"):
        pipeline.complete(part, tfidf, np.ones(len(claims) + 1, dtype=bool))


def test_a_pending_batch_is_refused_without_its_model(articles, tfidf):
    settings = Settings(cache_dir="")
    claims = pipeline.claims_of(articles, settings)
    batch = pipeline.prepare(claims, tfidf, n_new=5, ids={a.path: a.id for a in articles}, defer=True)
    with pytest.raises(ValueError, match="pending"):
        pipeline.judge_batch(articles, batch, settings, model=tfidf.name)
    with pytest.raises(ValueError, match="pending"):
        type(batch)(**{**{f: getattr(batch, f) for f in ("claims", "X", "Xa", "mentions", "C", "U", "n_new", "ids")},
                       "pending": np.zeros(3, dtype=bool)})
