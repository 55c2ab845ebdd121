"""``python -m consistency.learn``: re-fit ``consistency/data/models.json`` from the dev data."""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys

import numpy as np

from ..align.features import VALUE_FEATURES
from ..align.identity import MODELS_VERSION
from ..align.stories import STORY_FEATURES
from ..pipeline import get_embedder
from ..settings import Settings
from .fit import calibration_table, fit_linear
from .pairs import LabelledPairs, gva_value_pairs, news_batch_value_pairs, read_ecb, read_gva, story_pairs

DEFAULT_OUT = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "models.json")


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _auc(p: np.ndarray, y: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(y, p)), 4) if len(set(y.tolist())) == 2 else float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m consistency.learn", description=__doc__)
    ap.add_argument("--eval-data", default=os.path.join("..", "shared", "eval-data"),
                    help="the shared evaluation data (default: ../shared/eval-data)")
    ap.add_argument("-o", "--output", default=DEFAULT_OUT, help="models file to write")
    ap.add_argument("--report", help="also write the fitting report (JSON) here")
    args = ap.parse_args(argv)
    root = args.eval_data
    embedder = get_embedder(Settings())
    batches = sorted(d for d in glob.glob(os.path.join(root, "news-batches", "d*")) if os.path.isdir(d))

    _log(f"value pairs: {len(batches)} news batches, GVA dev …")
    vp = LabelledPairs(VALUE_FEATURES)
    news_batch_value_pairs(batches, embedder, vp)
    gva_value_pairs(os.path.join(root, "gva_incidents_semeval2018t5"), embedder, vp)
    time = np.array(vp.time)
    models: dict = {"version": MODELS_VERSION, "made_by": "python -m consistency.learn",
                    "data": "dev parts only: news-batches, GVA dev (first 100 incidents), ECB+ topics 1-35"}
    report: dict = {}
    for key, rows in (("value_time", time), ("value_quantity", ~time)):
        idx = np.flatnonzero(rows)
        F, y, g = vp.arrays(idx)
        news = np.array(vp.source)[idx] == "news-batches"
        # quantities: calibrated on the news batches' pairs (the probabilities are meant for batches
        # of news); times: on all sources, each with an equal say, because the real local news of GVA
        # mention many more dates of other happenings than the news batches do
        model, oof = fit_linear(F, y, g, VALUE_FEATURES, weight=vp.weights(idx),
                                calibrate_on=news if key == "value_quantity" else np.ones(len(y), dtype=bool))
        models[key] = model
        report[key] = {"rows": len(y), "positives": int(y.sum()), "oof_auc": _auc(oof, y),
                       "oof_auc_news": _auc(oof[news], y[news]),
                       "calibration_oof_news": calibration_table(oof[news], y[news]),
                       "coef": dict(zip(VALUE_FEATURES, model["coef"]))}
        _log(f"{key}: {len(y)} pairs, {int(y.sum())} same-fact, out-of-fold AUC {report[key]['oof_auc']} "
             f"(news batches: {report[key]['oof_auc_news']})")

    _log("story pairs: ECB+ dev, GVA dev, news batches …")
    sp = LabelledPairs(STORY_FEATURES)
    ecb_dir = os.path.join(root, "ecbplus")
    ecb = read_ecb(ecb_dir, range(1, 36))
    story_pairs(ecb, {c: c.split("_")[0] for c in ecb}, embedder, sp, "ecb-dev")
    gva = {f"gva-{g['id']}": arts for g, arts in read_gva(os.path.join(root, "gva_incidents_semeval2018t5"), "dev")}
    story_pairs(gva, {c: "gva" for c in gva}, embedder, sp, "gva-dev", cross_topic=0)
    from ..read import read_paths

    nb = {os.path.basename(d): read_paths([d]) for d in batches}
    story_pairs(nb, {c: c for c in nb}, embedder, sp, "news-batches")
    F, y, g = sp.arrays()
    model, oof = fit_linear(F, y, g, STORY_FEATURES, weight=sp.weights())
    models["story"] = model
    report["story"] = {"rows": len(y), "positives": int(y.sum()), "oof_auc": _auc(oof, y),
                       "calibration_oof": calibration_table(oof, y), "coef": dict(zip(STORY_FEATURES, model["coef"]))}
    _log(f"story: {len(y)} pairs, out-of-fold AUC {report['story']['oof_auc']}")

    # for information only: the story model on ECB+ test topics (never used for fitting)
    from ..align.identity import LinearModel

    test = LabelledPairs(STORY_FEATURES)
    ecb_t = read_ecb(ecb_dir, range(36, 46))
    story_pairs(ecb_t, {c: c.split("_")[0] for c in ecb_t}, embedder, test, "ecb-test")
    Ft, yt, _ = test.arrays()
    pt = LinearModel.from_dict(model, STORY_FEATURES).predict_proba(Ft)
    report["story_ecb_test"] = {"rows": len(yt), "auc": _auc(pt, yt),
                                "accuracy@0.5": round(float(((pt >= 0.5) == yt).mean()), 4),
                                "calibration": calibration_table(pt, yt)}
    _log(f"story on ECB+ test (not fitted on): AUC {report['story_ecb_test']['auc']}, "
         f"accuracy {report['story_ecb_test']['accuracy@0.5']}")

    with open(args.output, "w", encoding="utf-8") as fh:
        json.dump(models, fh, indent=1, sort_keys=True)
        fh.write("\n")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=1)
            fh.write("\n")
    _log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
