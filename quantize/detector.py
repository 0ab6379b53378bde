"""Convert the white-cell detector to full-integer INT8 TFLite and ship it (``wbc-detect``).

    python -m quantize.detector [--runs runs_det] [--data DIR] [--models clinic_app/models]
        [--limit N] [--version 1.0.0]

Steps: load ``<runs>/model.keras`` (``training.detector``) -> representative letterboxed train
fields -> INT8 conversion (uint8 in and out, static batch 1) -> the peak threshold chosen on the
validation fields with the INT8 model -> FP32 and INT8 recall/precision on the test fields
(Bio-Net test, ALL test, BCCD eval fields never trained on) -> Edge TPU op check -> model file,
manifest entry and ``<runs>/parity.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from pathlib import Path

import keras
import numpy as np

from clinic_app.detection import letterbox
from clinic_app.modelpack import MODELS_DIR, sha256_of
from quantize import convert, edgetpu
from quantize.convert import export_tflite, pinned_inputs, sample, write_manifest
from training import detector as det
from training.config import data_root
from training.evaluate_detection import DEV_FIELDS

MODEL_ID = "wbc-detect"
DATA = ("Bio-Net fields (Shams et al. 2024), bionet/splits.csv train; ALL image set fields "
        "(Aria et al. 2021), all/splits.csv train, boxes from their masks; BCCD Dataset fields "
        f"1-{DEV_FIELDS} by name (MIT)")


def representative(items, n: int):
    """Letterboxed train fields (seeded sample) for calibrating the INT8 ranges."""
    return pinned_inputs(np.stack([letterbox(items[i][0], det.SIZE)[0]
                                   for i in sample(len(items), n)]).astype(np.float32))


def int8_runner(tflite: bytes):
    """One interpreter for every field (as the app holds one): image -> the (g, g, 3) map."""
    run = convert.int8_runner(tflite)
    return lambda img: run(img)[0]


def scores(run, sets: dict, threshold: float) -> dict:
    """Per set, and pooled over the fields the app gives the detector (not the ALL set's
    low-magnification fields, which go to the segmenter: analysis.SEGMENTER_FROM_UM)."""
    out = {name: det.score_set(run, items, threshold) for name, items in sets.items()}
    used = [r for name, r in out.items() if name != "all_test"]
    tp = sum(round(r["recall"] * r["boxes"]) for r in used)
    n_true = sum(r["boxes"] for r in used)
    n_pred = sum(r["detections"] for r in used)
    out["pooled"] = {"recall": tp / max(1, n_true), "precision": tp / max(1, n_pred),
                     "boxes": n_true, "detections": n_pred}
    return out


def headline(by_set: dict) -> dict:
    return {"white_cell_recall": by_set["pooled"]["recall"],
            "white_cell_precision": by_set["pooled"]["precision"], "by_set": by_set}


def entry(tfl: Path, thr: float, fp: dict, q: dict, extra: dict, version: str) -> dict:
    return {"id": MODEL_ID, "task": "detection", "file": tfl.name, "labels": ["white-cell"],
            "input": {"size": det.SIZE, "dtype": "uint8", "layout": "NHWC RGB 0-255"},
            "preprocessing": {"stain_norm": "none", "resize": "letterbox"},
            "sha256": sha256_of(tfl), "size_bytes": tfl.stat().st_size,
            "training": {"data": DATA, "train_split": "train", "model_selection": "val",
                         "backbone": "unet-centernet", "run": "runs_det"},
            "metrics": {"split": "test", "fp32": headline(fp), "int8": headline(q)},
            "thresholds": {"peak_min": thr}, "version": version,
            "date": dt.date.today().isoformat(), **extra}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--runs", default="runs_det")
    p.add_argument("--data")
    p.add_argument("--models", default=str(MODELS_DIR))
    p.add_argument("--limit", type=int, help="only N fields per set (smoke runs)")
    p.add_argument("--version", default="1.0.0")
    args = p.parse_args(argv)
    root, lim, runs = data_root(args.data), args.limit, Path(args.runs)
    model = keras.models.load_model(runs / "model.keras", compile=False)
    train = det.bionet_items(root, "train")[:lim] + det.all_items(root, "train", lim or 300)
    val = det.bionet_items(root, "val")[:lim] + det.all_items(root, "val", lim or 100)
    test = {"bionet_test": det.bionet_items(root, "test")[:lim],
            "all_test": det.all_items(root, "test", lim),
            "bccd_eval_never_trained_on": det.bccd_items(root, DEV_FIELDS, None)[:lim]}
    tflite = export_tflite(model, det.SIZE, representative(train, 300))
    models_dir = Path(args.models)
    out = models_dir / f"{MODEL_ID}.tflite"
    out.write_bytes(tflite)
    thr = det.choose_threshold(int8_runner(tflite), val)
    fp = scores(det.keras_runner(model), test, thr)
    q = scores(int8_runner(tflite), test, thr)
    tpu = edgetpu.check(out)
    extra = {"edgetpu": {k: tpu[k] for k in ("compatible", "unsupported_ops_fall_back_to_cpu")}}
    write_manifest(models_dir, entry(out, thr, fp, q, extra, args.version))
    parity = {"threshold_chosen_on_val": thr, "test_fp32": fp, "test_int8": q, "edgetpu": tpu,
              "tflite_bytes": len(tflite)}
    (runs / "parity.json").write_text(json.dumps(parity, indent=1))
    print(json.dumps(parity, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
