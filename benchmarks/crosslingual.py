"""Cross-lingual alignment: do a German statement and its English translation align?

Data: RTE-3 German/English (``../shared/eval-data/rte3_de_en``), row-aligned
human translations of news-like sentences; the hypotheses (one sentence
each) are the statements. For each German statement we embed it as the
pipeline does (entities canonical, numbers masked) and report:

* retrieval accuracy@1: its translation is the most similar English statement;
* recall at the thresholds: share of translation pairs whose similarity
  reaches ``value_threshold`` (values may align) and ``statement_threshold``;
* false-alignment rate: share of non-translation pairs reaching them.

Run: ``python benchmarks/crosslingual.py [--split test] [--model NAME]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval-data" / "rte3_de_en"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "crosslingual.json"))
    args = ap.parse_args()
    path = DATA / f"rte3-{args.split}.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (the shared eval data is not beside the project)")
        return 0
    from consistency.embed import load_embedder, mask_numbers
    from consistency.extract.entities import canonical_text
    from consistency.settings import Settings

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    seen, de, en = set(), [], []
    for r in rows:  # hypotheses repeat across pairs: keep each once
        if r["h_de"] in seen:
            continue
        seen.add(r["h_de"])
        de.append(r["h_de"])
        en.append(r["h_en"])
    prep = lambda t: mask_numbers(canonical_text(t))  # noqa: E731 - as embed_claims does
    emb = load_embedder(args.model)
    A, B = emb.encode([prep(t) for t in de]), emb.encode([prep(t) for t in en])
    S = A @ B.T
    n = len(de)
    diag = np.diag(S)
    off = S[~np.eye(n, dtype=bool)]
    s = Settings()
    res = {
        "data": f"rte3_de_en {args.split} hypotheses", "pairs": n, "model": emb.name,
        "accuracy_at_1": float(np.mean(S.argmax(axis=1) == np.arange(n))),
        "median_similarity_translation": float(np.median(diag)),
        "median_similarity_other": float(np.median(off)),
        "recall_at_value_threshold": float(np.mean(diag >= s.value_threshold)),
        "recall_at_statement_threshold": float(np.mean(diag >= s.statement_threshold)),
        "false_alignment_at_value_threshold": float(np.mean(off >= s.value_threshold)),
        "false_alignment_at_statement_threshold": float(np.mean(off >= s.statement_threshold)),
        "value_threshold": s.value_threshold, "statement_threshold": s.statement_threshold,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(res, fh, indent=2)
    for k, v in res.items():
        print(f"{k:42s} {v:.3f}" if isinstance(v, float) else f"{k:42s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
