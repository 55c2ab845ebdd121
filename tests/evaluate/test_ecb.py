"""ECB+ article pairs: reading the topics, sampling cross- and same-event pairs, the CLI."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.evaluate.ecb import EcbError, read_ecb, sample_pairs, split_of

ECB = Path(__file__).resolve().parents[3] / "shared" / "eval-data" / "ecbplus"

#: topic -> (ecb sentence, ecbplus sentence): two similar events, different figures
EVENTS = {
    1: ("Two people were killed in the fire at the warehouse in Springfield on Monday.",
        "Five people were killed in the fire at the warehouse in Shelbyville on Monday."),
    2: ("The actress checked into a rehab clinic in Malibu, her publicist said.",
        "The singer checked into a rehab clinic in Utah, her lawyer said."),
    36: ("The earthquake of magnitude 6.1 struck the island on Tuesday, killing 12 people.",
         "The earthquake of magnitude 7.0 struck the coast on Friday, killing 40 people."),
    40: ("Apple unveiled a new laptop at its conference in San Francisco.",
         "Apple unveiled a new phone at its event in Cupertino."),
}
DOCS_PER_SUBTOPIC = 5


def write_ecb(root: Path, topics=EVENTS, docs=DOCS_PER_SUBTOPIC) -> Path:
    """A tiny ECB+-like folder: topics 1, 2, 36, 40 (gaps like the real 15 and 17), two sub-topics each."""
    root.mkdir(parents=True, exist_ok=True)
    clusters, lines = [], []
    for t, (ecb, plus) in topics.items():
        for sub, sentence in (("ecb", ecb), ("ecbplus", plus)):
            cid = f"{t}_{sub}"
            ids = [f"{t}_{i}{sub}" for i in range(1, docs + 1)]
            clusters.append({"cluster_id": cid, "topic": t, "subtopic": sub, "n_docs": len(ids), "doc_ids": ids})
            for i, d in enumerate(ids):
                text = f"Report number {i + 1} on the story.\n{sentence}\nMore details were not given."
                lines.append(json.dumps({"doc_id": d, "topic": t, "subtopic": sub, "cluster_id": cid,
                                         "text": text, "sentences": [], "coref_annotated_sentence_ids": []}))
    (root / "clusters.json").write_text(json.dumps(clusters), encoding="utf-8")
    with gzip.open(root / "docs.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return root


@pytest.fixture
def ecb_dir(tmp_path) -> Path:
    return write_ecb(tmp_path / "ecbplus")


def test_splits_are_topics_1_to_35_and_36_to_45(ecb_dir):
    assert [t.topic for t in read_ecb(str(ecb_dir), "dev")] == [1, 2]
    assert [t.topic for t in read_ecb(str(ecb_dir), "test")] == [36, 40]
    assert [t.topic for t in read_ecb(str(ecb_dir), "all")] == [1, 2, 36, 40]
    assert [t.topic for t in read_ecb(str(ecb_dir), "all", limit=3)] == [1, 2, 36]
    assert (split_of(35), split_of(36), split_of(45), split_of(46)) == ("dev", "test", "test", None)


def test_articles_are_english_and_named_by_cluster_and_document(ecb_dir):
    t = read_ecb(str(ecb_dir), "dev")[0]
    assert [cid for cid, _ in t.subtopics] == ["1_ecb", "1_ecbplus"]
    a = t.subtopics[1][1][0]
    assert a.path == "ecb/1_ecbplus/1_1ecbplus.txt" and a.language == "en" and "Shelbyville" in a.text
    assert len(t.articles) == 2 * DOCS_PER_SUBTOPIC


def test_pair_sample_is_deterministic_and_cross_pairs_cross_subtopics(ecb_dir):
    topics = read_ecb(str(ecb_dir), "all")
    pairs = sample_pairs(topics, per_topic=3, seed=0)
    assert pairs == sample_pairs(read_ecb(str(ecb_dir), "all"), per_topic=3, seed=0)
    assert len(pairs) == 4 * (3 + 3)
    for p in pairs:
        ca, cb = (a.path.split("/")[1] for a in (p.a, p.b))
        assert (ca, cb) == p.clusters and p.a.path != p.b.path
        assert ca.split("_")[0] == cb.split("_")[0] == str(p.topic)  # both from the pair's topic
        if p.type == "cross":
            assert ca != cb
        else:
            assert p.type == "same" and ca == cb
    # the seed matters, and one topic's sample does not depend on the other topics read
    assert any(sample_pairs(topics, 3, seed=s) != pairs for s in range(1, 6))
    first = [p for p in pairs if p.topic == 1]
    assert sample_pairs(read_ecb(str(ecb_dir), "dev", limit=1), 3, seed=0) == first


def test_small_topics_give_every_pair(tmp_path):
    d = write_ecb(tmp_path / "small", {3: EVENTS[1]}, docs=2)
    pairs = sample_pairs(read_ecb(str(d), "all"), per_topic=10)
    assert sorted(p.type for p in pairs) == ["cross"] * 4 + ["same"] * 2
    assert sample_pairs(read_ecb(str(d), "all"), per_topic=0) == []


def test_missing_or_malformed_data_is_a_clear_error(tmp_path, ecb_dir):
    with pytest.raises(EcbError, match="not a folder"):
        read_ecb(str(tmp_path / "nope"))
    with pytest.raises(EcbError, match="clusters.json: not found"):
        read_ecb(str(tmp_path))
    with pytest.raises(EcbError, match="split must be one of"):
        read_ecb(str(ecb_dir), split="train")
    (ecb_dir / "clusters.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(EcbError, match="not an ECB"):
        read_ecb(str(ecb_dir))


def test_evaluate_counts_contradictions_per_pair_type(ecb_dir):
    from consistency.embed import load_embedder
    from consistency.evaluate.ecb import evaluate_ecb
    from consistency.evaluate.format import ecb_dict, ecb_text
    from consistency.settings import Settings

    pairs = sample_pairs(read_ecb(str(ecb_dir), "dev"), per_topic=2)
    r = evaluate_ecb(pairs, Settings(cache_dir=""), embedder=load_embedder("tfidf"), split="dev", pairs_per_topic=2)
    assert r.by_type["cross"]["pairs"] == r.by_type["same"]["pairs"] == 4
    assert sum(len(fs) for _, fs in r.outcomes) == sum(v["contradictions"] for v in r.by_type.values())
    for v in r.by_type.values():
        assert v["per_pair"] == v["contradictions"] / v["pairs"]
        assert v["pairs_with_contradiction"] <= v["pairs"] and sum(v["by_kind"].values()) == v["contradictions"]
    d = ecb_dict(r)
    assert d["mode"] == "ecb" and d["pairs"] == 8 and set(d["by_topic"]) == {"1", "2"}
    assert all(a["statements"] for a in d["cross_alarms"])
    assert "per pair" in ecb_text(r)


# -- the real console script ------------------------------------------------------------------------

def console_script() -> str:
    exe = Path(sys.executable).with_name("consistency")
    found = str(exe) if exe.exists() else shutil.which("consistency")
    if not found:
        pytest.skip("the consistency console script is not installed (pip install -e .)")
    return found


def test_cli_ecb_on_a_tiny_folder(ecb_dir):
    proc = subprocess.run([console_script(), "eval", "--ecb", str(ecb_dir), "--split", "test", "--pairs-per-topic",
                           "2", "--model", "tfidf", "--no-cache", "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"schema", "mode", "split", "topics", "pairs", "contradictions", "cross", "same", "by_topic",
            "cross_alarms", "settings"} <= set(out)
    assert out["mode"] == "ecb" and out["split"] == "test" and out["topics"] == 2 and out["pairs"] == 8
    for k in ("cross", "same"):
        assert {"pairs", "contradictions", "per_pair", "pairs_with_contradiction", "by_kind"} <= set(out[k])
    text = subprocess.run([console_script(), "eval", "--ecb", str(ecb_dir), "--split", "test", "--model", "tfidf",
                           "--no-cache", "--examples", "1"], capture_output=True, text=True, timeout=300)
    assert text.returncode == 0 and "per pair" in text.stdout and "cross" in text.stdout


def test_cli_ecb_bad_dir_exits_2_and_names_the_path(tmp_path):
    bad = tmp_path / "no-such-ecb"
    proc = subprocess.run([console_script(), "eval", "--ecb", str(bad), "--model", "tfidf", "--no-cache"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert str(bad) in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([console_script(), "eval", "--ecb", str(tmp_path), "--model", "tfidf", "--no-cache"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "clusters.json: not found" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not ECB.is_dir(), reason=f"shared evaluation data absent: {ECB}")
def test_real_ecbplus_splits():
    test = read_ecb(str(ECB), "test")
    assert [t.topic for t in test] == list(range(36, 46))
    assert all(len(t.subtopics) == 2 and all(arts for _, arts in t.subtopics) for t in test)
    dev = read_ecb(str(ECB), "dev", limit=40)
    assert {t.topic for t in dev} <= set(range(1, 36)) and 15 not in {t.topic for t in dev}
    pairs = sample_pairs(test, per_topic=10)
    assert len([p for p in pairs if p.type == "cross"]) == len([p for p in pairs if p.type == "same"]) == 100
