"""White-cell finding on whole fields from two microscopes, for the shift bench.

BCCD evaluation fields (the 192 after the first 100, which were looked at while tuning) and the
Bio-Net test split: the app's red-cell scale estimate (median over the set's fields, as
``clinic-app analyze`` does for a folder) and its cell finder (``cell-seg`` + instance split),
matched to the sets' ``WBC`` boxes at IoU >= 0.3 (``training.evaluate_detection.match``).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from clinic_app import modelpack, scale
from clinic_app.segmentation import find_cells
from training.evaluate_detection import fields, match, wbc_boxes


def detection_sets(root: Path) -> dict[str, list[tuple[Path, Path]]]:
    """(image, annotation) pairs of each set not used for tuning the finder."""
    bccd = [(p, root / "bccd" / "Annotations" / f"{p.stem}.xml") for p in fields(root, "eval")]
    with open(root / "bionet" / "splits.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == "test"]
    bionet = [(root / "bionet" / r["path"],
               root / "bionet" / "Annotations" / f"{Path(r['path']).stem}.xml") for r in rows]
    return {"bccd": bccd, "bionet": [(i, a) for i, a in bionet if a.exists()]}


def detection_under(models: Path | None, root: Path, shift: Callable[[np.ndarray], np.ndarray],
                    limit: int | None = None) -> dict:
    """Recall/precision per set with ``shift`` applied to every field before analysis."""
    model = modelpack.open_model("cell-seg", "cpu")
    out: dict = {}
    for name, pairs in detection_sets(root).items():
        pairs = pairs[:limit] if limit else pairs
        imgs = [shift(cv2.cvtColor(cv2.imread(str(p)), cv2.COLOR_BGR2RGB)) for p, _ in pairs]
        est = [scale.estimate_um_per_px(rgb) for rgb in imgs]
        measured = [u for u, how in est if how == "red-cells"]
        um = float(np.median(measured)) if measured else scale.DEFAULT_UM_PER_PX
        tp = n_pred = n_true = 0
        for rgb, (_, ann) in zip(imgs, pairs, strict=True):
            truth = wbc_boxes(ann)
            pred = [c.bbox for c in find_cells(model, rgb, um)]
            tp += match(pred, truth)
            n_pred, n_true = n_pred + len(pred), n_true + len(truth)
        out[f"{name}_recall"] = tp / max(1, n_true)
        out[f"{name}_precision"] = tp / max(1, n_pred)
        out[f"{name}_scale_measured"] = len(measured) / max(1, len(imgs))
    return out
