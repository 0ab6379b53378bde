"""Convert a trained model to full-integer INT8 TFLite and ship it with its manifest entry.

    python -m quantize.convert --task all-subtype|wbc-type|cell-seg [--runs runs]
        [--data DIR] [--models clinic_app/models] [--limit N]

Steps: load ``runs/<task>/model.keras`` -> representative data from the train split ->
INT8 conversion (uint8 input and output, static batch 1) -> FP32 vs INT8 on the test split
(metric and agreement) -> Edge TPU check (and edgetpu_compiler when installed) -> write
``<models>/<id>.tflite`` and its manifest entry, and ``runs/<task>/parity.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from clinic_app.classification import combine_views, views_of
from clinic_app.manifest_schema import ModelIntegrityError
from clinic_app.modelpack import MANIFEST, MODELS_DIR, dequantize, quantize, sha256_of
from quantize import edgetpu, pin
from training import shifts
from training.backbones import export_seg
from training.calibration import calibrate, ece, fit_temperature
from training.cells import load_cells
from training.config import CONFIGS, SEED, TASKS, TaskConfig, data_root, sized
from training.data import Split, centre, load_split, mask_covers_cells
from training.evaluation import cell_report
from training.metrics import benign_vs_malignant, classification_report, segmentation_report
from training.scale import ALL_UM_PER_PX, PBC_UM_PER_PX, WBC_CROP_UM, model_scale

VERSION = "1.0.0"


def representative(cfg: TaskConfig, train: Split, n: int):
    """A generator of train-split inputs (seeded sample) for calibrating the INT8 ranges."""
    idx = sample(len(train.x), n)
    return pinned_inputs(centre(train.x[idx], cfg.input_size).astype(np.float32))


def sample(n_items: int, n: int) -> np.ndarray:
    """``n`` distinct indices (all if fewer), the same for every run (``SEED``)."""
    return np.random.default_rng(SEED).choice(n_items, size=min(n, n_items), replace=False)


def pinned_inputs(x: np.ndarray):
    """A representative-data generator over ``x`` (float NHWC), with one all-0 and one all-255
    image added: they pin the input range to the full pixel range."""
    x = np.concatenate([x, np.zeros_like(x[:1]), np.full_like(x[:1], 255.0)])

    def gen():
        for img in x:
            yield [img[None]]
    return gen


def to_tflite(model: keras.Model, cfg: TaskConfig, rep) -> bytes:
    return export_tflite(model, cfg.input_size, rep)


def export_tflite(model: keras.Model, size: int, rep) -> bytes:
    """Full-integer conversion with a static 1 x size x size x 3 input (the Edge TPU needs static
    shapes); ``rep`` None: the float model, for the INT8-vs-FP32 columns of `clinic-app bench`."""
    spec = tf.TensorSpec([1, size, size, 3], tf.float32)
    with tempfile.TemporaryDirectory() as tmp:
        model.export(tmp, format="tf_saved_model", input_signature=[spec], verbose=False)
        conv = tf.lite.TFLiteConverter.from_saved_model(tmp)
        if rep is None:
            return conv.convert()
        return _int8_options(conv, rep).convert()


def _int8_options(conv, rep):
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = rep
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    conv.inference_input_type = tf.uint8
    conv.inference_output_type = tf.uint8
    return conv


def int8_runner(tflite: bytes):
    """One interpreter on ``tflite``: a function from one float HxWx3 image to the model's
    outputs (batch removed, dequantized), ordered by rank like the app's wrapper."""
    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_content=tflite, num_threads=os.cpu_count() or 1)
    it.allocate_tensors()
    inp = it.get_input_details()[0]
    outs = sorted(it.get_output_details(), key=lambda o: len(o["shape"]))

    def run(img: np.ndarray) -> list[np.ndarray]:
        it.set_tensor(inp["index"], quantize(img[None].astype(np.float32), inp))
        it.invoke()
        return [dequantize(it.get_tensor(o["index"]), o)[0] for o in outs]
    return run


def run_int8(tflite: bytes, x: np.ndarray) -> list[np.ndarray]:
    """Run the INT8 model image by image; outputs ordered by rank, stacked over ``x``."""
    run = int8_runner(tflite)
    per_image = [run(img) for img in x]
    return [np.stack([outs[k] for outs in per_image]) for k in range(len(per_image[0]))]


def run_views(tflite: bytes, x: np.ndarray, views: int) -> np.ndarray:
    """The INT8 classifier's probabilities over ``x``, each sample's ``views`` combined as
    the app combines them (clinic_app.classification)."""
    if views == 1:
        return run_int8(tflite, x)[0]
    return combine_views(np.stack([run_int8(tflite, v)[0] for v in views_of(x, views)]))


def predict_views(model: keras.Model, x: np.ndarray, views: int) -> np.ndarray:
    """The Keras model's probabilities, views combined like ``run_views``."""
    def one(v: np.ndarray) -> np.ndarray:
        out = model.predict(v, batch_size=64, verbose=0)
        return out[0] if isinstance(out, list) else out
    if views == 1:
        return one(x)
    return combine_views(np.stack([one(v) for v in views_of(x, views)]))


def evaluate_pair(cfg: TaskConfig, model: keras.Model, tflite: bytes, split: Split) -> dict:
    """FP32 and INT8 metrics on one split, and how often they agree."""
    if cfg.task == "cell-seg":
        x = split.x.astype(np.float32)
        fp = model.predict(x, batch_size=16, verbose=0)[..., 0] > 0.5
        q = run_int8(tflite, x)[0][..., 0] > 0.5
        good = [i for i in range(len(x)) if mask_covers_cells(split.x[i], split.y[i])]
        return {"fp32": segmentation_report(fp, split.y), "int8": segmentation_report(q, split.y),
                "pixel_agreement": float((fp == q).mean()),
                # the same, on the images whose given mask covers their cells (training.data)
                "int8_masks_covering_cells": segmentation_report(q[good], split.y[good]),
                "fp32_masks_covering_cells": segmentation_report(fp[good], split.y[good])}
    x = centre(split.x, cfg.input_size).astype(np.float32)
    fp = predict_views(model, x, cfg.views)
    q = run_views(tflite, x, cfg.views)
    out = {"fp32": classification_report(split.y, fp.argmax(1), cfg.labels),
           "int8": classification_report(split.y, q.argmax(1), cfg.labels),
           "agreement": float((fp.argmax(1) == q.argmax(1)).mean()),
           "int8_probs": q}
    if cfg.task == "wbc-type":
        out["fp32"]["by_source"] = cell_report(cfg.labels, fp, split)
        out["int8"]["by_source"] = cell_report(cfg.labels, q, split)
    if cfg.task == "all-subtype":
        out["fp32"]["benign_vs_malignant"] = benign_vs_malignant(split.y, fp.argmax(1))
        out["int8"]["benign_vs_malignant"] = benign_vs_malignant(split.y, q.argmax(1))
    return out


def unidentified_threshold(probs: np.ndarray, y: np.ndarray, max_rejected: float = 0.03) -> dict:
    """Highest confidence cut-off that leaves at most ``max_rejected`` of val cells unidentified.

    Below it a cell is reported as 'unidentified', as the analysers clinics know do: in-domain
    cells are rarely affected, while unfamiliar cells (blasts, smudges, other stains) that the
    model is unsure of are handed to the technologist instead of being forced into a class.
    """
    conf = probs.max(1)
    correct = probs.argmax(1) == y
    best = 0.3
    for t in np.round(np.arange(0.30, 0.91, 0.05), 2):
        if (conf < t).mean() <= max_rejected:
            best = float(t)
    keep = conf >= best
    return {"unidentified_below": best, "val_rejected": float(1 - keep.mean()),
            "val_accuracy_kept": float(correct[keep].mean()) if keep.any() else 0.0,
            "chosen_on": f"val split, INT8: highest cut-off rejecting <= {max_rejected:.0%}"}


def calibration(val_pair: dict, val_y: np.ndarray, test_pair: dict, test_y: np.ndarray) -> dict:
    """Temperature fitted on the val split's INT8 outputs; test ECE before and after."""
    t = fit_temperature(val_pair["int8_probs"], val_y)
    q = test_pair["int8_probs"]
    return {"temperature": round(t, 4), "fitted_on": "val split, INT8 outputs (NLL)",
            "test_ece_raw": ece(q, test_y), "test_ece_calibrated": ece(calibrate(q, t), test_y)}


def degraded_pbc(tflite: bytes, test, labels: tuple[str, ...], size: int, views: int = 1) -> dict:
    """PBC test cells brought down to the ALL set's sampling: still not blasts?"""
    pbc = test.source == "pbc"
    s = float(np.log2(ALL_UM_PER_PX / (WBC_CROP_UM / size)))  # octaves of resolution lost
    x = np.stack([shifts.resolution(img, s) for img in test.x[pbc]])
    q = run_views(tflite, centre(x, size).astype(np.float32), views).argmax(1)
    return {"resolution_loss_octaves": round(s, 3), "cells": int(pbc.sum()),
            "accuracy_8_class": float((q == test.y[pbc]).mean()),
            "called_blast": float((q == labels.index("blast")).mean())}


def headline(rep: dict) -> dict:
    """The figures that go into the manifest (no confusion matrices)."""
    keys = ("accuracy", "balanced_accuracy", "mean_dice", "mean_iou", "benign_vs_malignant",
            "by_source")
    out = {k: rep[k] for k in keys if k in rep}
    if "per_class" in rep:
        out["recall"] = {c: round(v["recall"], 4) for c, v in rep["per_class"].items()}
    return out


def chosen_metrics(task_dir: Path, chosen: str | None) -> dict:
    """What the chosen run recorded (empty when its metrics are gone)."""
    metrics = task_dir / str(chosen) / "metrics.json"
    return json.loads(metrics.read_text()) if chosen and metrics.exists() else {}


BOXED_DATA = ("; untyped whole-cell WBC boxes as 'some white cell' (no type; "
              "training.cells.boxed_white_cells): 50 BCCD dev fields, every other of the first "
              "100 (BCCD Dataset, Shenggan 2017, MIT), x{repeat}, and the Bio-Net train fields")


BY_EYE_DATA = ("; of those BCCD boxes, the ones the developers typed by eye with their type "
               "(training/labels/bccd_by_eye.csv, use 'train')")


def chosen_backbone(task_dir: Path, chosen: str | None) -> str | None:
    """The backbone of the chosen run (a run name such as ``seed6-40ep`` is not one)."""
    return chosen_metrics(task_dir, chosen).get("backbone", chosen)


def manifest_entry(cfg: TaskConfig, tfl: Path, test: dict, comparison: dict, extra: dict,
                   version: str = VERSION) -> dict:
    labels = ["white-cell"] if cfg.task == "cell-seg" else list(cfg.labels)
    kind = {"all-subtype": "field-classification", "wbc-type": "cell-classification",
            "cell-seg": "segmentation"}[cfg.task]
    data = {"all": "ALL image set (Aria et al. 2021), all/splits.csv",
            "pbc+all+bionet": "PBC (Acevedo et al. 2020), pbc/splits.csv; cells cut from the "
                              "ALL image set's fields (Aria et al. 2021: Early/Pre/Pro -> blast, "
                              "Benign hematogones -> lymphocyte), all/splits.csv; Bio-Net typed "
                              "cells (Shams et al. 2024), bionet/splits.csv"}[cfg.dataset]
    return {
        "id": cfg.task, "task": kind, "file": tfl.name, "labels": labels,
        "input": {"size": cfg.input_size, "dtype": "uint8", "layout": "NHWC RGB 0-255"},
        "preprocessing": {**model_scale(cfg), "stain_norm": comparison.get("stain_norm",
                                                                                "none")},
        "sha256": sha256_of(tfl), "size_bytes": tfl.stat().st_size,
        "training": {"data": data, "train_split": "train", "model_selection": "val",
                     "backbone": comparison.get("backbone", comparison.get("chosen")),
                     "run": comparison.get("chosen"),
                     "comparison": comparison.get("comparison", {})},
        "metrics": {"split": "test", "fp32": headline(test["fp32"]),
                    "int8": headline(test["int8"]),
                    "agreement": test.get("agreement", test.get("pixel_agreement")),
                    **({"int8_masks_covering_cells": headline(test["int8_masks_covering_cells"])}
                       if "int8_masks_covering_cells" in test else {})},
        "version": version, "date": dt.date.today().isoformat(), **extra,
    }


def write_manifest(models_dir: Path, entry: dict) -> None:
    """Add or replace ``entry``; in the shipped folder, re-pin the manifest in the code
    (``clinic_app/models_pin.py``: the app refuses a manifest that is not the pinned one)."""
    path = models_dir / MANIFEST
    data = json.loads(path.read_text()) if path.exists() else {"models": []}
    data["models"] = [m for m in data["models"] if m["id"] != entry["id"]] + [entry]
    data["models"].sort(key=lambda m: m["id"])
    path.write_text(json.dumps(data, indent=1) + "\n")
    try:
        digest = pin.write_pin(models_dir)
    except ModelIntegrityError as exc:  # pinned, but the app's schema check refuses it
        print(f"WARNING: the app will refuse this manifest: {exc}")
    else:
        if digest:
            print(f"manifest pinned in {pin.PIN_FILE.name}: {digest}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--task", required=True, choices=TASKS)
    p.add_argument("--runs", default="runs")
    p.add_argument("--data")
    p.add_argument("--models", default=str(MODELS_DIR), help="where the model pack is written")
    p.add_argument("--limit", type=int, help="only N images per split (smoke runs)")
    p.add_argument("--rep-samples", type=int, default=300)
    p.add_argument("--version", default=VERSION,
                   help=f"manifest version (default {VERSION}); raise it for a new model")
    args = p.parse_args(argv)

    cfg = CONFIGS[args.task]
    task_dir = Path(args.runs) / cfg.task
    comparison = json.loads((task_dir / "comparison.json").read_text())
    if cfg.task == "all-subtype" and comparison.get("input_size", cfg.input_size) != cfg.input_size:
        cfg = sized(cfg, comparison["input_size"])  # trained with --input-size
    stain_norm = comparison.get("stain_norm", "none")
    comparison["backbone"] = chosen_backbone(task_dir, comparison.get("chosen"))
    model = keras.models.load_model(task_dir / "model.keras")
    if cfg.task == "cell-seg":  # same weights, Edge-TPU-friendly upsampling, static 224 input
        model = export_seg(model, cfg.input_size)
    root = data_root(args.data)
    lim = args.limit
    if cfg.task == "wbc-type":
        train, val, test = (load_cells(root, cfg, s, stain_norm, PBC_UM_PER_PX, lim)
                            for s in ("train", "val", "test"))
    else:
        train, val, test = (load_split(root, cfg, s, lim, stain_norm)
                            for s in ("train", "val", "test"))

    tflite = to_tflite(model, cfg, representative(cfg, train, args.rep_samples))
    models_dir = Path(args.models)
    models_dir.mkdir(parents=True, exist_ok=True)
    out = models_dir / f"{cfg.task}.tflite"
    out.write_bytes(tflite)

    (task_dir / f"{cfg.task}_fp32.tflite").write_bytes(to_tflite(model, cfg, None))
    val_pair = evaluate_pair(cfg, model, tflite, val)
    test_pair = evaluate_pair(cfg, model, tflite, test)
    extra: dict = {}
    if cfg.task != "cell-seg":
        cal = calibration(val_pair, val.y, test_pair, test.y)
        extra["calibration"] = cal
        t = cal["temperature"]
    if cfg.task == "wbc-type":
        extra["thresholds"] = {**unidentified_threshold(calibrate(val_pair["int8_probs"], t),
                                                        val.y), "temperature": t}
        extra["degraded_pbc"] = degraded_pbc(tflite, test, cfg.labels, cfg.input_size,
                                             cfg.views)
    if cfg.task == "all-subtype":
        extra["thresholds"] = {"malignant_probability": 0.5, "temperature": t}
    tpu = edgetpu.check(out)
    tpu["compiler"] = edgetpu.compile_if_available(out)
    if tpu["compiler"].get("compiled"):
        extra["edgetpu_sha256"] = sha256_of(out.with_name(out.stem + "_edgetpu.tflite"))
    extra["edgetpu"] = {k: tpu[k] for k in ("compatible", "unsupported_ops_fall_back_to_cpu")}
    entry = manifest_entry(cfg, out, test_pair, comparison, extra, args.version)
    config = chosen_metrics(task_dir, comparison.get("chosen")).get("config", {})
    if config.get("boxed_repeat"):  # the data the run learned from, not only the default sets
        entry["training"]["data"] += BOXED_DATA.format(repeat=config["boxed_repeat"])
        if config.get("by_eye_types"):
            entry["training"]["data"] += BY_EYE_DATA
    write_manifest(models_dir, entry)

    for pair in (val_pair, test_pair):
        pair.pop("int8_probs", None)
    parity = {"task": cfg.task, "val": val_pair, "test": test_pair, "edgetpu": tpu,
              "tflite_bytes": len(tflite)}
    (task_dir / "parity.json").write_text(json.dumps(parity, indent=1))
    summary = {"task": cfg.task, "file": str(out), "bytes": len(tflite),
               "test_fp32": headline(test_pair["fp32"]), "test_int8": headline(test_pair["int8"]),
               "agreement": test_pair.get("agreement", test_pair.get("pixel_agreement")),
               **{k: extra[k] for k in ("calibration", "degraded_pbc") if k in extra},
               "edgetpu_compatible": tpu["compatible"],
               "edgetpu_fallback_ops": tpu["unsupported_ops_fall_back_to_cpu"],
               "edgetpu_compiler": tpu["compiler"].get("message", tpu["compiler"].get("compiled"))}
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
