"""consistency.corpus.prepare: extraction and embedding of the articles a corpus stores."""

from __future__ import annotations

import numpy as np
import pytest
from corpus_articles import CountingEmbedder

import consistency.pipeline as pipeline
from consistency import Settings
from consistency.corpus import CorpusError
from consistency.corpus import prepare
from consistency.corpus.prepare import _extract_and_embed, embed, extract, keyed
from consistency.read import article_from_text

SETTINGS = Settings(cache_dir="")


_PLACES = ("Halle", "Bremen", "Passau", "Kiel", "Ulm", "Jena", "Trier", "Fulda", "Gera", "Hof", "Lahr", "Zeitz")
_WHAT = ("Lagerhalle", "Scheune", "Werkstatt", "Schule", "Bäckerei", "Kirche")


def _articles(n: int = 12):
    """``n`` short articles, German and English, each about its own town, two of each town's
    statements worded alike in the articles of one building (the same text once masked)."""
    out = []
    for i in range(n):
        place, what = _PLACES[i % len(_PLACES)], _WHAT[i % len(_WHAT)]
        de = i % 2 == 0
        text = (f"Brand in {place}\n\nAm Montag brannte eine {what} in {place}. "
                f"{i + 3} Menschen wurden verletzt. Die Feuerwehr war mit {40 + i} Einsatzkräften vor Ort."
                if de else
                f"Fire in {place}\n\nA {what} burned on Monday in {place}. {i + 3} people were "
                f"injured. The fire brigade sent {40 + i} firefighters.")
        out.append(article_from_text(f"a{i}.txt", text, language="de" if de else "en"))
    return out


class _Backend:
    """What _extract_and_embed asks of a corpus: stored vectors by text, and the model check."""

    root = "/tmp"

    def __init__(self, stored=None, refuse: bool = False):
        self.stored = dict(stored or {})
        self.refuse = refuse
        self.checked: list[str] = []
        self.asked: set[str] = set()

    def stored_vectors(self, texts):
        self.asked |= set(texts)
        return {t: self.stored[t] for t in texts if t in self.stored}

    def check_model(self, name):
        self.checked.append(name)
        if self.refuse:
            raise CorpusError(f"corpus was built with another model than {name}")


def _items():
    items, errors = keyed(_articles(), SETTINGS, "/tmp")
    assert not errors
    return list(items.values())


@pytest.mark.parametrize("forked", [False, True], ids=["here", "forked"])
def test_extracting_while_embedding_gives_what_extract_then_embed_gives(embedder, monkeypatch, forked):
    items = _items()
    old = [extract(it, SETTINGS) for it in items]
    texts = [t for it in old for t in it.texts]
    stored = {t: np.full(embedder.encode(["x"]).shape[1], 0.5, dtype=np.float32) for t in sorted(set(texts))[::4]}
    want, want_embedded, want_reused = embed(old, embedder, stored)
    # every article forked or none; chunks of 4 new texts, so several go through the worker thread
    monkeypatch.setattr(pipeline, "PROCESS_MIN_ARTICLES", 0 if forked else 10 ** 9)
    monkeypatch.setattr(pipeline, "_EMBED_CHUNK", 4)
    counting = CountingEmbedder(embedder)
    got, embedded, reused, used = _extract_and_embed(_Backend(stored), items, SETTINGS, counting)
    assert used is counting
    assert (embedded, reused) == (want_embedded, want_reused) and embedded > 8 and reused > 0
    assert len(counting.texts) == embedded  # each new text once, no stored one
    assert [it.key for it in got] == [it.key for it in want]
    for g, w in zip(got, want):
        assert g.claims == w.claims and g.texts == w.texts
        # other batches than one call: the same vectors up to float rounding
        np.testing.assert_allclose(g.vectors, w.vectors, atol=1e-5)


class _Recording:
    """A model that records the batches it is given and its thread count at each."""

    name = "recording-8"

    def __init__(self):
        self.threads = 2
        self.batches: list[tuple[int, list[str]]] = []

    def set_threads(self, n):
        self.threads = n

    def encode(self, texts):
        texts = list(texts)
        self.batches.append((self.threads, texts))
        X = np.array([[len(t) % 7 + 1, len(t) % 5 + 1] + [1.0] * 6 for t in texts], dtype=np.float32)
        return X / np.linalg.norm(X, axis=1, keepdims=True)


def test_the_model_gets_the_new_texts_in_order_in_whole_chunks_a_core_less_while_extracting(monkeypatch):
    items = _items()
    one_call = _Recording()
    want, _, _ = embed([extract(it, SETTINGS) for it in items], one_call, {})
    (_, texts), = one_call.batches
    monkeypatch.setattr(pipeline, "PROCESS_MIN_ARTICLES", 0)  # extraction in a forked process
    monkeypatch.setattr(pipeline, "_EMBED_CHUNK", 4)
    monkeypatch.setattr(prepare, "LOOKUP_BLOCK", 2)  # texts looked up every two articles
    rec = _Recording()
    got, embedded, _, _ = _extract_and_embed(_Backend(), items, SETTINGS, rec)
    batches = [b for _, b in rec.batches]
    assert [t for b in batches for t in b] == texts and embedded == len(texts) > 8
    assert [len(b) for b in batches[:-1]] == [4] * (len(batches) - 1) and 0 < len(batches[-1]) <= 4
    assert all(np.array_equal(g.vectors, w.vectors) for g, w in zip(got, want))
    # a chunk sent while the other process extracts leaves it a core; all of them after
    assert rec.batches[0][0] == 1 and rec.threads == 2


def test_nothing_new_loads_no_model(embedder, monkeypatch):
    items = _items()
    texts = {t for it in items for t in extract(it, SETTINGS).texts}
    backend = _Backend({t: np.ones(4, dtype=np.float32) for t in texts})

    def no_model(settings):
        raise AssertionError("the model was loaded though every text is stored")

    monkeypatch.setattr(pipeline, "get_embedder", no_model)
    got, embedded, reused, used = _extract_and_embed(backend, items, SETTINGS, None)
    assert used is None and embedded == 0 and reused == sum(len(it.texts) for it in got) > 0
    assert backend.checked == [] and backend.asked == texts


def test_a_model_the_corpus_refuses_embeds_nothing(embedder, monkeypatch):
    monkeypatch.setattr(pipeline, "_EMBED_CHUNK", 2)
    counting = CountingEmbedder(embedder)
    with pytest.raises(CorpusError, match="another model"):
        _extract_and_embed(_Backend(refuse=True), _items(), SETTINGS, counting)
    assert counting.texts == []


def test_a_loaded_model_is_checked_before_it_embeds(embedder, monkeypatch):
    counting = CountingEmbedder(embedder)
    backend = _Backend(refuse=True)
    monkeypatch.setattr(pipeline, "get_embedder", lambda settings: counting)
    with pytest.raises(CorpusError):
        _extract_and_embed(backend, _items(), SETTINGS, None)
    assert backend.checked == [embedder.name] and counting.texts == []
