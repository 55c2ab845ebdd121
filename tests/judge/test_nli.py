"""The optional NLI judge, tested with tiny cross-encoders built and saved here (no download)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from consistency.embed import ModelLoadError
from consistency.judge.nli import NLI_LABELS, NliScorer, annotate, label_columns, load_nli
from consistency.model import Finding, Report, StatementRef

WORDS = ("mehr als schiffscontainer more than shipping containers russland hat keine munition aus "
         "nordkorea erhalten artilleriegranaten the ship lost were not").split()


def _save_tiny(path: Path, id2label: dict[int, str], bias: list[float]) -> Path:
    """A tiny BERT cross-encoder whose output is exactly ``bias`` (classifier weights zeroed)."""
    import torch
    from transformers import AutoModelForSequenceClassification, BertConfig, BertTokenizerFast

    path.mkdir(parents=True, exist_ok=True)
    vocab = path / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True, model_max_length=128)
    config = BertConfig(vocab_size=len(WORDS) + 5, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=37, max_position_embeddings=128, num_labels=len(id2label),
                        id2label=id2label, label2id={v: k for k, v in id2label.items()})
    torch.manual_seed(0)
    model = AutoModelForSequenceClassification.from_config(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor(bias, dtype=torch.float32))
    model.save_pretrained(str(path))
    tok.save_pretrained(str(path))
    return path


@pytest.fixture(scope="session")
def tiny_nli(tmp_path_factory) -> Path:
    """Labels in the usual order; always predicts contradiction (bias 8 vs 0)."""
    return _save_tiny(tmp_path_factory.mktemp("nli") / "tiny",
                      {0: "contradiction", 1: "entailment", 2: "neutral"}, [8.0, 0.0, 0.0])


@pytest.fixture(scope="session")
def tiny_scorer(tiny_nli) -> NliScorer:
    return load_nli(str(tiny_nli))


def _ref(article: str, text: str, position: int, start: int = 0) -> StatementRef:
    return StatementRef(article=article, line=1, start=start, end=start + len(text), text=text, values=(),
                        position=position)


def _finding(verdict: str, refs: list[StatementRef], kind: str = "numeric") -> Finding:
    return Finding(id="abc123", verdict=verdict, kind=kind, fact="Schiffscontainer (count)", message="m",
                   statements=tuple(refs), confidence=0.8)


class StubModel:
    """Stands in for a CrossEncoder: logits from a function of (premise, hypothesis); records calls."""

    def __init__(self, logits_of):
        self.logits_of = logits_of
        self.calls: list[list[tuple[str, str]]] = []

    def predict(self, pairs, **kwargs):
        self.calls.append(list(pairs))
        return np.array([self.logits_of(a, b) for a, b in pairs], dtype=np.float32)


# --- loading -----------------------------------------------------------------


def test_load_tiny_model_and_score_probabilities(tiny_scorer):
    probs = tiny_scorer.score_pairs([("mehr als 10.000 Schiffscontainer", "more than 10,000 shipping containers"),
                                     ("the ship", "the ship were not lost")])
    assert probs.shape == (2, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
    expected = np.exp([8.0, 0.0, 0.0]) / np.exp([8.0, 0.0, 0.0]).sum()
    np.testing.assert_allclose(probs, np.tile(expected, (2, 1)), rtol=1e-5)
    assert tiny_scorer.score_pairs([]).shape == (0, 3)


def test_label_order_is_read_from_id2label(tmp_path):
    # permuted, upper-case labels; distinct logits so a wrong mapping would show
    path = _save_tiny(tmp_path / "permuted", {0: "ENTAILMENT", 1: "Neutral", 2: "CONTRADICTION"}, [2.0, 1.0, 3.0])
    scorer = load_nli(str(path))
    assert scorer.columns == (2, 0, 1)
    probs = scorer.score_pairs([("russland hat munition erhalten", "russland hat keine munition erhalten")])
    logits = np.array([3.0, 2.0, 1.0])  # in (contradiction, entailment, neutral) order
    np.testing.assert_allclose(probs[0], np.exp(logits) / np.exp(logits).sum(), rtol=1e-5)


def test_model_without_contradiction_label_is_a_clear_error(tmp_path):
    path = _save_tiny(tmp_path / "twolabels", {0: "LABEL_0", 1: "LABEL_1"}, [0.0, 0.0])
    with pytest.raises(ModelLoadError, match="contradiction") as e:
        load_nli(str(path))
    assert "LABEL_0" in str(e.value) and str(path) in str(e.value)


def test_label_columns_mapping():
    assert label_columns({"0": "contradiction", "1": "neutral", "2": "entailment"}) == (0, 2, 1)
    # "not_entailment" is not entailment
    assert label_columns({0: "not_entailment", 1: "contradiction"}) == (1, None, None)
    with pytest.raises(ModelLoadError, match="contradiction"):
        label_columns({0: "entailment", 1: "not_entailment"})


def test_missing_path_is_a_clear_error(tmp_path):
    missing = str(tmp_path / "no-such-model")
    with pytest.raises(ModelLoadError) as e:
        load_nli(missing)
    msg = str(e.value)
    assert missing in msg and "never downloaded" in msg


def test_uncached_hub_name_is_not_downloaded():
    with pytest.raises(ModelLoadError, match="local Hugging Face cache"):
        load_nli("no-such-org/no-such-xnli-model-0123")


def test_file_instead_of_folder_is_a_clear_error(tmp_path):
    f = tmp_path / "model.bin"
    f.write_bytes(b"\0")
    with pytest.raises(ModelLoadError, match="is a file"):
        load_nli(str(f))


# --- both directions -----------------------------------------------------------


def test_both_directions_in_one_predict_call_stronger_contradiction_kept():
    # contradiction only when "b" is the premise
    stub = StubModel(lambda a, b: [6.0, 0.0, 0.0] if a == "b" else [0.0, 6.0, 0.0])
    scorer = NliScorer(stub, (0, 1, 2), name="stub")
    probs = scorer.score_pairs([("a", "b"), ("c", "d")])
    assert len(stub.calls) == 1
    assert sorted(stub.calls[0]) == sorted([("a", "b"), ("c", "d"), ("b", "a"), ("d", "c")])
    assert probs[0, 0] > 0.99  # b -> a direction kept
    assert probs[1, 1] > 0.99 and probs[1, 0] < 0.01  # no contradiction either way: entailment
    both = scorer.score_both([("a", "b")])
    assert both.shape == (1, 2, 3) and both[0, 0, 0] < 0.01 and both[0, 1, 0] > 0.99


def test_annotate_reports_direction_and_pair():
    stub = StubModel(lambda a, b: [6.0, 0.0, 0.0] if (a, b) == ("y", "x") else [0.0, 0.0, 6.0])
    scorer = NliScorer(stub, (0, 1, 2), name="stub")
    f = _finding("contradict", [_ref("a.txt", "x", 0), _ref("b.txt", "y", 1)])
    (out,) = annotate([f], scorer)
    assert out.nli["pair"] == [1, 0]
    assert out.nli["label"] == "contradiction" and out.nli["contradiction"] > 0.99
    assert len(stub.calls) == 1 and len(stub.calls[0]) == 2


def test_annotate_pairs_across_positions_or_all_for_agree():
    texts = []

    def logits(a, b):
        texts.append((a, b))
        return [5.0, 0.0, 0.0] if {a, b} == {"s0", "s2"} else [0.0, 5.0, 0.0]

    scorer = NliScorer(StubModel(logits), (0, 1, 2), name="stub")
    agree = _finding("agree", [_ref("a", "s0", 0), _ref("b", "s1", 0), _ref("c", "s2", 0)])
    (out,) = annotate([agree], scorer)
    assert sorted(out.nli["pair"]) == [0, 2] and out.nli["label"] == "contradiction"
    assert len(texts) == 6  # 3 pairs, both directions

    texts.clear()
    # contradict: only pairs across positions (s0/s1 share position 0, s2 is alone)
    contra = _finding("contradict", [_ref("a", "s0", 0), _ref("b", "s1", 0), _ref("c", "s2", 1)])
    annotate([contra], scorer)
    assert {frozenset(p) for p in texts} == {frozenset({"s0", "s2"}), frozenset({"s1", "s2"})}


def test_annotate_uses_lookup_text_and_skips_single_statements():
    seen = []
    scorer = NliScorer(StubModel(lambda a, b: seen.append((a, b)) or [0.0, 0.0, 0.0]), (0, 1, 2), name="stub")
    one = _finding("unverifiable", [_ref("a", "alone", 0)])
    two = _finding("agree", [_ref("a", "raw  one", 0, start=5), _ref("b", "raw two", 0, start=7)])
    out = annotate([one, two], scorer, {("a", 5): "clean one"})
    assert out[0].nli is None and out[0] is one
    assert {x for p in seen for x in p} == {"clean one", "raw two"}  # lookup, else folded text
    assert out[1].nli["model"] == "stub"


# --- the real (tiny) model end to end -----------------------------------------------


def test_annotated_finding_keeps_rule_verdict(tiny_scorer):
    f = _finding("agree", [_ref("a.txt", "mehr als 10.000 Schiffscontainer", 0),
                           _ref("b.txt", "more than 10,000 shipping containers", 0)])
    (out,) = annotate([f], tiny_scorer)
    assert out.nli["label"] == "contradiction" and out.nli["contradiction"] > 0.9
    assert out.nli["model"] == tiny_scorer.name
    assert set(out.nli) == {"model", "label", "contradiction", "entailment", "neutral", "pair"}
    # the rule-based verdict is never changed or hidden
    assert (out.verdict, out.kind, out.confidence, out.id, out.statements) == (
        f.verdict, f.kind, f.confidence, f.id, f.statements)


def test_reports_show_nli_beside_verdict(tiny_scorer):
    from consistency.model import ArticleStatus
    from consistency.report import to_json, to_markdown, to_text

    f = _finding("contradict", [_ref("a.txt", "Russland hat keine Munition erhalten", 0),
                                _ref("b.txt", "Russland hat Munition erhalten", 1)], kind="negation")
    (out,) = annotate([f], tiny_scorer)
    arts = tuple(ArticleStatus(path=p, id=p, sentences=1, language="de", error=None) for p in ("a.txt", "b.txt"))
    report = Report(articles=arts, findings=(out,), statements=2)
    data = json.loads(to_json(report))
    assert data["findings"][0]["nli"]["label"] == "contradiction"
    assert data["findings"][0]["verdict"] == "contradict"
    text = to_text(report)
    assert "CONTRADICT negation" in text
    assert f"NLI ({tiny_scorer.name}): contradiction; contradiction 1.00" in text and "(statement 1 -> 2)" in text
    assert "NLI (" in to_markdown(report)
    # without the judge: no NLI line, null in JSON
    plain = Report(articles=arts, findings=(f,), statements=2)
    assert "NLI" not in to_text(plain) and json.loads(to_json(plain))["findings"][0]["nli"] is None


@pytest.fixture
def two_articles(tmp_path) -> Path:
    for name, value in (("a.txt", "mehr als 10.000"), ("b.txt", "8.000")):
        (tmp_path / name).write_text(f"Sturm auf See\n\nDas Frachtschiff verlor im Sturm {value} "
                                     "Schiffscontainer, sagte die Reederei.\n", encoding="utf-8")
    return tmp_path


def test_pipeline_annotates_with_settings_nli_model(tiny_nli, two_articles):
    from consistency import Settings, check

    without = check([str(two_articles)], Settings(model="tfidf", cache_dir=""))
    with_nli = check([str(two_articles)], Settings(model="tfidf", cache_dir="", nli_model=str(tiny_nli)))
    assert [(f.id, f.verdict, f.kind) for f in with_nli.findings] == [(f.id, f.verdict, f.kind)
                                                                      for f in without.findings]
    assert ("contradict", "numeric") in {(f.verdict, f.kind) for f in with_nli.findings}
    multi = [f for f in with_nli.findings if len(f.statements) >= 2]
    assert multi
    assert all(f.nli and f.nli["label"] == "contradiction" for f in multi)
    assert all(f.nli is None for f in without.findings)


def test_pipeline_with_bad_nli_model_fails_clearly(tmp_path, two_articles):
    from consistency import Settings, check

    with pytest.raises(ModelLoadError, match="NLI model"):
        check([str(two_articles)], Settings(model="tfidf", cache_dir="", nli_model=str(tmp_path / "missing")))


def test_pipeline_accepts_a_loaded_scorer(two_articles):
    from consistency import Settings
    from consistency.pipeline import check_articles
    from consistency.read import read_paths

    stub = StubModel(lambda a, b: [0.0, 4.0, 0.0])
    report = check_articles(read_paths([str(two_articles)]), Settings(model="tfidf", cache_dir=""),
                            nli=NliScorer(stub, (0, 1, 2), name="stub"))
    assert len(stub.calls) == 1  # every pair of every finding in one batch
    assert all(f.nli["label"] == "entailment" for f in report.findings if len(f.statements) >= 2)
    # the scorer sees the cleaned statement text, not raw markup
    assert all("Schiffscontainer" in a or "Sturm" in a for a, _ in stub.calls[0])


def test_column_order_constant():
    assert NLI_LABELS == ("contradiction", "entailment", "neutral")
