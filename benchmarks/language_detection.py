"""Language detection: the function-word count used before, lingua, and consistency.read.language now.

    python benchmarks/language_detection.py [--eval-data ../shared/eval-data] [--out benchmarks/results/language.json]

Texts whose language is known, German and English:

* XNLI test: premises and hypotheses, German and English sides (short sentences, 5,010 pairs);
* STS-B test (stsb_multi_mt): the sentences of the German and the English files (very short);
* RTE-3 test: texts and hypotheses, both sides;
* news-batches: the articles of the ``*_de`` and ``*_en`` batches (whole articles; ``*_mix`` left out,
  its files are not labelled).

lingua (lingua-language-detector) is restricted to German and English, as the checker is; a text
it cannot decide (None) counts as wrong. Accuracy per source and length class, and the time per
text (median of 3 passes over all texts), are written to the JSON file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency.read.language import detect_language  # noqa: E402


def texts(root: Path) -> list[tuple[str, str, str]]:
    """(source, language, text) triples."""
    out = []
    with open(root / "xnli" / "xnli-test-de-en.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for lang in ("de", "en"):
                out.append(("xnli premise", lang, row[f"premise_{lang}"]))
                out.append(("xnli hypothesis", lang, row[f"hypothesis_{lang}"]))
    for lang in ("de", "en"):
        with open(root / "stsb_multi_mt" / f"stsb-{lang}-test.csv", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                out += [("sts sentence", lang, row[0]), ("sts sentence", lang, row[1])]
    with open(root / "rte3_de_en" / "rte3-test.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for lang in ("de", "en"):
                out.append(("rte3 text", lang, rec[f"t_{lang}"]))
                out.append(("rte3 hypothesis", lang, rec[f"h_{lang}"]))
    for batch in sorted((root / "news-batches").iterdir()):
        lang = batch.name.rsplit("_", 1)[-1]
        if not batch.is_dir() or lang not in ("de", "en"):
            continue
        for f in sorted(batch.iterdir()):
            if f.suffix in (".txt", ".md", ".html"):
                out.append(("news article", lang, f.read_text(encoding="utf-8")))
    return [t for t in out if t[2] and t[2].strip()]


def lingua_detector():
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()
    codes = {Language.GERMAN: "de", Language.ENGLISH: "en"}

    def detect(text: str) -> str:
        return codes.get(detector.detect_language_of(text), "?")
    return detect


def length_class(text: str) -> str:
    n = len(text.split())
    return "≤ 8 words" if n <= 8 else "9–30 words" if n <= 30 else "> 30 words"


def measure(name: str, detect, items) -> dict:
    detect(items[0][2])  # load models before timing
    runs, guesses = [], None
    for _ in range(3):
        start = time.perf_counter()
        guesses = [detect(t) for _, _, t in items]
        runs.append(time.perf_counter() - start)
    by: dict[str, list[int]] = {}
    for (source, lang, text), g in zip(items, guesses):
        for key in ("all", source, length_class(text), f"lang {lang}"):
            ok, n = by.get(key, [0, 0])
            by[key] = [ok + (g == lang), n + 1]
    return {"method": name, "texts": len(items),
            "accuracy": {k: round(ok / n, 4) for k, (ok, n) in sorted(by.items())},
            "errors": {k: n - ok for k, (ok, n) in sorted(by.items())},
            "us_per_text_median": round(statistics.median(runs) / len(items) * 1e6, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-data", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval-data"))
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results" / "language.json"))
    a = ap.parse_args()
    items = texts(Path(a.eval_data))
    from consistency.read.language import function_words

    started = time.perf_counter()
    lingua = lingua_detector()
    lingua("Ein kurzer Satz.")
    load_s = time.perf_counter() - started
    results = [measure("function words (the count used before)", function_words, items),
               measure("lingua (German/English only)", lingua, items),
               measure("consistency.read.language.detect_language (this version)", detect_language, items)]
    results[1]["load_s"] = round(load_s, 3)
    doc = {"benchmark": "language detection", "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()[0]},
           "results": results}
    Path(a.out).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for r in results:
        print(f"{r['method']}: {r['us_per_text_median']} µs/text")
        for k, v in r["accuracy"].items():
            print(f"  {k:<18} {v:.4f}  ({r['errors'][k]} wrong)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
