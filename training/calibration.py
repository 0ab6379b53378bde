"""Temperature scaling of the shipped INT8 models, and their expected calibration error.

    python -m training.calibration [--models all-subtype wbc-type cell-seg] [--json OUT]

Runs the SHIPPED .tflite models through clinic_app (no TensorFlow) on the val and test splits
of their data sets, exactly as ``clinic-app classify`` frames an image, with the manifest's
temperature switched off so the raw INT8 softmax is seen. Fits one temperature T on val by
minimising the negative log likelihood (a 1-D search on log T); calibrated probabilities are
``p**(1/T)`` renormalised, i.e. softmax(logits / T), which is what clinic_app applies from the
manifest key ``thresholds.temperature``. Reports ECE (15 equal-width bins of top-class
confidence) before and after, on val and test. Works with any label list (the labels come from
the manifest; a data-set class the model does not know is left out and counted).
``cell-seg``: pixel-level ECE of the white-cell probability on the ALL masks (no T fitted).
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

from training.config import data_root
from training.data import read_rgb

N_BINS = 15
EPS = 1.0 / 512  # half an INT8 output step: a quantised 0 is "below 1/256", not impossible


def calibrate(probs: np.ndarray, temperature: float, eps: float = EPS) -> np.ndarray:
    """Rows of probabilities -> ``p**(1/T)`` renormalised (softmax of logits / T)."""
    logp = np.log(np.clip(probs, eps, 1.0)) / temperature
    logp -= logp.max(axis=-1, keepdims=True)
    p = np.exp(logp)
    return p / p.sum(axis=-1, keepdims=True)


def nll(probs: np.ndarray, labels: np.ndarray) -> float:
    p = np.clip(probs[np.arange(len(labels)), labels], 1e-12, 1.0)
    return float(-np.log(p).mean())


def ece(probs: np.ndarray, labels: np.ndarray, n_bins: int = N_BINS) -> float:
    """Expected calibration error: sum over equal-width confidence bins of
    (share of samples) * |accuracy - mean confidence|, on the top class."""
    conf = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == labels).astype(np.float64)
    return binned_ece(conf, correct, n_bins)


def binned_ece(conf: np.ndarray, correct: np.ndarray, n_bins: int = N_BINS) -> float:
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        m = idx == b
        if m.any():
            total += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(total)


def fit_temperature(probs: np.ndarray, labels: np.ndarray, eps: float = EPS) -> float:
    """T minimising NLL on (val) data: golden-section search on log T in [1/20, 20]."""
    lo, hi = np.log(0.05), np.log(20.0)
    g = (np.sqrt(5) - 1) / 2
    f = lambda lt: nll(calibrate(probs, float(np.exp(lt)), eps), labels)  # noqa: E731
    a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    fa, fb = f(a), f(b)
    for _ in range(60):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - g * (hi - lo)
            fa = f(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = f(b)
    return float(np.exp((lo + hi) / 2))


def split_rows(root: Path, source: str, split: str) -> list[tuple[Path, str]]:
    base = root / source / ("images" if source == "all" else "")
    with open(root / source / "splits.csv", newline="") as fh:
        return [(base / r["path"], r["label"]) for r in csv.DictReader(fh) if r["split"] == split]


def _classifier(model_id: str, backend: str):
    """The app's own classifier for a shipped model, with the manifest temperature off."""
    from clinic_app import classification, modelpack

    model = modelpack.open_model(model_id, backend)
    kind = (classification.CellClassifier if model.entry.task == "cell-classification"
            else classification.FieldClassifier)
    clf = kind(model)
    if hasattr(clf, "temperature"):
        clf.temperature = 1.0
    return clf


def raw_outputs(model_id: str, rows: list[tuple[Path, str]], backend: str
                ) -> tuple[np.ndarray, np.ndarray, int]:
    """(probabilities N x K, label index N, rows left out: class unknown to the model)."""
    clf = _classifier(model_id, backend)
    labels = list(clf.labels)
    probs, ys, unknown = [], [], 0
    for path, lab in rows:
        if lab not in labels:
            unknown += 1
            continue
        out = clf.classify_image(read_rgb(path))
        scores = out if isinstance(out, dict) else out.scores
        probs.append([scores[k] for k in labels])
        ys.append(labels.index(lab))
    return np.asarray(probs, np.float64), np.asarray(ys, np.int64), unknown


def classifier_report(model_id: str, source: str, root: Path, backend: str) -> dict:
    data = {s: raw_outputs(model_id, split_rows(root, source, s), backend) for s in ("val", "test")}
    t = fit_temperature(data["val"][0], data["val"][1])
    out: dict = {"model": model_id, "data": source, "temperature": round(t, 4), "n_bins": N_BINS}
    for split, (p, y, unknown) in data.items():
        q = calibrate(p, t)
        out[split] = {"n": int(len(y)), "left_out_unknown_class": unknown,
                      "accuracy": float((p.argmax(1) == y).mean()),
                      "ece_before": ece(p, y), "ece_after": ece(q, y),
                      "nll_before": nll(calibrate(p, 1.0), y), "nll_after": nll(q, y)}
    return out


def _seg_pairs(root: Path, split: str) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    for path, _ in split_rows(root, "all", split):
        mask_path = root / "all" / "masks" / path.parent.name / (path.stem + ".png")
        mask = cv2.imread(str(mask_path), cv2.IMREAD_GRAYSCALE)
        if mask is not None:
            yield read_rgb(path), mask > 127


def segmentation_report(root: Path, backend: str) -> dict:
    """Pixel ECE of ``cell-seg`` on the ALL masks (weak labels: see data/README.md)."""
    from clinic_app import modelpack

    model = modelpack.open_model("cell-seg", backend)
    size = model.input_shape
    out: dict = {"model": "cell-seg", "data": "all (masks, weak labels)", "n_bins": N_BINS}
    for split in ("val", "test"):
        conf, correct = [], []
        for rgb, mask in _seg_pairs(root, split):
            x = cv2.resize(rgb, size[::-1], interpolation=cv2.INTER_AREA)
            prob = model.run(x)[0][..., 0]
            prob = cv2.resize(prob, mask.shape[::-1], interpolation=cv2.INTER_LINEAR)[::4, ::4]
            m = mask[::4, ::4]
            pred = prob >= 0.5
            conf.append(np.where(pred, prob, 1 - prob).ravel())
            correct.append((pred == m).ravel())
        c, k = np.concatenate(conf), np.concatenate(correct).astype(np.float64)
        out[split] = {"pixels": int(c.size), "pixel_accuracy": float(k.mean()),
                      "pixel_ece": binned_ece(c, k)}
    return out


TASKS = {"all-subtype": "all", "wbc-type": "pbc"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", nargs="+", default=["all-subtype", "wbc-type", "cell-seg"])
    ap.add_argument("--data", type=Path, default=data_root())
    ap.add_argument("--backend", default="cpu")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    results = []
    for mid in args.models:
        t0 = time.time()
        r = (segmentation_report(args.data, args.backend) if mid == "cell-seg"
             else classifier_report(mid, TASKS[mid], args.data, args.backend))
        results.append(r)
        if "temperature" in r:
            print(f"{mid}: T = {r['temperature']:.3f} (fitted on val)")
            for s in ("val", "test"):
                v = r[s]
                print(f"  {s:4s} n={v['n']:5d} acc {100 * v['accuracy']:.2f} %  ECE "
                      f"{100 * v['ece_before']:.2f} % -> {100 * v['ece_after']:.2f} %  NLL "
                      f"{v['nll_before']:.4f} -> {v['nll_after']:.4f}")
        else:
            for s in ("val", "test"):
                print(f"{mid}: {s} pixel ECE {100 * r[s]['pixel_ece']:.2f} % "
                      f"(pixel accuracy {100 * r[s]['pixel_accuracy']:.2f} %)")
        print(f"  ({time.time() - t0:.0f} s)", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"results": results}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
