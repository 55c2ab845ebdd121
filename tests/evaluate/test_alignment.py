"""Alignment evaluation on tiny data written by the test (TF-IDF engine)."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from consistency.embed import load_embedder
from consistency.evaluate.alignment import best_threshold, evaluate_alignment


def test_best_threshold_separates_when_possible():
    s = np.array([0.1, 0.2, 0.8, 0.9])
    t = best_threshold(s, np.array([0, 0, 1, 1]))
    assert 0.2 < t < 0.8


def _data(tmp_path):
    sts = tmp_path / "stsb_multi_mt"
    sts.mkdir()
    rows = [("Der Hund bellt laut.", "Der Hund bellt laut.", 5.0),
            ("Ein Mann spielt Gitarre.", "Ein Mann spielt eine Gitarre.", 4.2),
            ("Die Katze schläft.", "Das Auto ist rot.", 0.0),
            ("Es regnet in Berlin.", "In Berlin regnet es heute.", 3.8)]
    for lang in ("de", "en"):
        with open(sts / f"stsb-{lang}-test.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    paws = tmp_path / "paws_x_de"
    paws.mkdir()
    for split in ("dev", "test"):
        with open(paws / f"paws-x-de-{split}.tsv", "w", encoding="utf-8") as fh:
            fh.write("id\tsentence1\tsentence2\tlabel\n")
            fh.write("1\tDer Hund bellt laut.\tDer Hund bellt laut.\t1\n")
            fh.write("2\tDie Katze schläft.\tDas Auto ist rot.\t0\n")
    return tmp_path


def test_evaluate_alignment_goes_through_the_embedding_interface(tmp_path):
    d = evaluate_alignment(str(_data(tmp_path)), load_embedder("tfidf"))
    assert d["model"] == "tfidf-char-2-5"
    assert d["sts_de_test_spearman"] > 0.5 and d["sts_de_test_pairs"] == 4
    assert d["pawsx_de_test_accuracy"] == 1.0
    assert {"sts_en_test_spearman_masked", "sts_de_en_test_spearman", "pawsx_de_test_auc"} <= set(d)


def test_missing_data_names_the_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="stsb_multi_mt"):
        evaluate_alignment(str(tmp_path), load_embedder("tfidf"))
