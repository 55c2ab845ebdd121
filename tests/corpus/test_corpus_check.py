"""Checking new articles against a corpus: neighbours only, no re-embedding, new findings only."""

from __future__ import annotations

from consistency.pipeline import claims_of

import pytest
from corpus_articles import FLOOD, NEW_CONTRA, write

from consistency import Settings
from consistency.corpus import check_with_corpus, open_corpus
from consistency.pipeline import check_articles
from consistency.read import read_paths
from consistency.report import to_json

S = Settings(cache_dir="")


@pytest.fixture
def corpus(tmp_path, corpus_files, embedder, backend):
    with open_corpus(backend, create=True, root=str(tmp_path)) as c:
        c.add(read_paths([str(corpus_files)]), S, embedder=embedder)
        yield c


def _new(tmp_path, name, text):
    path = write(tmp_path / "new", {name: text}) / name
    return read_paths([str(path)])


def test_new_article_contradicting_the_corpus(tmp_path, corpus, counting, corpus_files):
    new = _new(tmp_path, "passau.txt", NEW_CONTRA)
    report = check_with_corpus(new, corpus, S, embedder=counting)
    assert [a.path for a in report.articles] == [new[0].path]
    contra = [f for f in report.findings if f.verdict == "contradict"]
    assert len(contra) == 1
    f = contra[0]
    assert {s.article for s in f.statements} == {new[0].path, "corpus/flood.txt"}
    mine = [s for s in f.statements if s.article == new[0].path]
    assert mine[0].line == 4
    # the corpus statements were not embedded again (only the clauses and nouns of their values)
    from consistency.embed import embedding_text
    # (a stored statement without values could only be embedded as a statement)
    stored = ({embedding_text(c) for c in claims_of(read_paths([str(corpus_files)]), S) if not c.values}
              - {embedding_text(c) for c in claims_of(new, S)})
    assert stored
    assert not stored & set(counting.texts)
    assert len(counting.texts) >= report.statements
    assert report.settings["corpus_articles"] == 3


def test_findings_between_corpus_articles_only_are_left_out(tmp_path, corpus, embedder, corpus_files):
    # two corpus articles that contradict each other ...
    write(corpus_files, {"flood2.txt": FLOOD.replace("120 Häuser", "999 Häuser")})
    corpus.add(read_paths([str(corpus_files)]), S, embedder=embedder)
    # ... and a new one on the same flood that agrees with one of them
    new = _new(tmp_path, "agree.txt", NEW_CONTRA.replace("450 Häuser", "120 Häuser"))
    report = check_with_corpus(new, corpus, S, embedder=embedder)
    assert report.findings
    for f in report.findings:
        assert any(s.article == new[0].path for s in f.statements), f
    # an unrelated new article: the corpus's own contradiction is never reported
    other = _new(tmp_path, "zoo.txt", "Im Zoo von Leipzig wurden 3 Elefanten geboren. Die Pfleger freuen sich.\n")
    report = check_with_corpus(other, corpus, S, embedder=embedder)
    assert not [f for f in report.findings if f.verdict == "contradict"]
    assert all(any(s.article == other[0].path for s in f.statements) for f in report.findings)


def test_stored_copy_of_a_new_article_is_left_out(tmp_path, corpus, embedder):
    new = _new(tmp_path, "passau.txt", NEW_CONTRA)
    corpus.add(new, S, embedder=embedder)  # e.g. CI added the whole checkout before checking the changed files
    report = check_with_corpus(new, corpus, S, embedder=embedder)
    for f in report.findings:
        arts = {s.article for s in f.statements}
        assert "new/passau.txt" not in arts  # its stored copy never agrees with itself
    assert any(f.verdict == "contradict" for f in report.findings)


def test_same_findings_as_checking_everything_at_once(tmp_path, corpus, corpus_files, embedder):
    """With a small corpus, the neighbours are everything: the corpus check gives the
    findings (and fingerprints) that one check of all articles gives for the new article."""
    new = _new(tmp_path, "passau.txt", NEW_CONTRA)
    via_corpus = check_with_corpus(new, corpus, S, embedder=embedder, k=50)
    everything = check_articles(read_paths([str(corpus_files)]) + new, S, embedder=embedder)
    involving_new = {f.id for f in everything.findings if any(s.article == new[0].path for s in f.statements)}
    assert {f.id for f in via_corpus.findings} == involving_new


def _towns(tmp_path):
    towns = ["Ulm", "Hof", "Gera", "Jena", "Kiel", "Trier", "Fulda", "Passau", "Bonn", "Essen", "Aalen", "Celle"]
    files = {}
    for i, town in enumerate(towns):
        files[f"{town}.txt"] = (f"Nachrichten aus {town}\n\nIn {town} eröffnete ein Museum mit {i + 10} Sälen. "
                                f"Der Eintritt kostet {i + 3} Euro.\n")
        files[f"{town}-sport.txt"] = f"Sport in {town}\n\nDer Fußballverein aus {town} gewann mit 3 zu {i % 3}.\n"
    return write(tmp_path / "many", files)


def test_only_nearest_neighbours_are_compared(tmp_path, embedder, backend):
    folder = _towns(tmp_path)
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(folder)]), S, embedder=embedder)
        new = _new(tmp_path, "x.txt", "Nachrichten aus Hof\n\nIn Hof eröffnete ein Museum mit 30 Sälen.\n")
        report = check_with_corpus(new, corpus, S, embedder=embedder, k=2)
        total = corpus.stats()["statements"]
    compared = report.settings["corpus_statements_compared"]
    assert 0 < compared < total / 2
    assert any(f.verdict == "contradict" and any(s.article == "many/Hof.txt" for s in f.statements)
               for f in report.findings)


def test_empty_corpus_and_no_statements(tmp_path, embedder, backend):
    with open_corpus(backend, create=True) as corpus:
        new = _new(tmp_path, "passau.txt", NEW_CONTRA)
        report = check_with_corpus(new, corpus, S, embedder=embedder)
        assert report.statements > 0
        assert not [f for f in report.findings if f.verdict == "contradict"]


def test_bad_neighbours_value(tmp_path, corpus, embedder):
    with pytest.raises(ValueError, match="neighbours"):
        check_with_corpus([], corpus, S, embedder=embedder, k=0)


def test_stored_clauses_are_embedded_only_in_stories_with_a_new_article(tmp_path, embedder, backend, monkeypatch):
    """The corpus stores its statements' vectors, not those of their values' clauses: a check
    embeds the clauses of the stored statements in a story with a new article only, and reports
    what embedding them all would."""
    import consistency.corpus.check as corpus_check
    from consistency.align.context import value_context
    from corpus_articles import CountingEmbedder

    folder = _towns(tmp_path)
    write(folder, {f"{town}-bad.txt": f"Bad in {town}\n\nDas Hallenbad von {town} zählte {i + 200} Gäste.\n"
                   for i, town in enumerate(["Ulm", "Hof", "Gera", "Jena"])})
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(folder)]), S, embedder=embedder)
        new = _new(tmp_path, "x.txt", "Nachrichten aus Hof\n\nIn Hof eröffnete ein Museum mit 30 Sälen.\n")
        lazy = CountingEmbedder(embedder)
        deferred = check_with_corpus(new, corpus, S, embedder=lazy, k=20)
        plain = corpus_check.prepare
        monkeypatch.setattr(corpus_check, "prepare", lambda *a, **k: plain(*a, **{**k, "defer": False}))
        eager = CountingEmbedder(embedder)
        everything = check_with_corpus(new, corpus, S, embedder=eager, k=20)
    assert to_json(deferred) == to_json(everything)
    assert any(f.verdict == "contradict" and any(s.article == "many/Hof.txt" for s in f.statements)
               for f in deferred.findings)
    baths = {value_context(c, v) for c in claims_of(read_paths([str(folder)]), S)
             if "Hallenbad" in c.sentence.text and "Hof" not in c.sentence.text for v in c.values}
    assert baths <= set(eager.texts)  # compared, in other stories than the new article's ...
    assert not baths & set(lazy.texts)  # ... so their clauses are not embedded
    assert len(lazy.texts) < len(eager.texts)
