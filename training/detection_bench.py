"""White-cell finding on whole fields from two microscopes, for the shift bench.

    python -m training.detection_bench           # validation figures of the app's finder rule
    python -m training.detection_bench --crops   # 256 px crops: the drawing-scale limit
    python -m training.detection_bench --crops --batch   # the same crops as analyze's folders

BCCD evaluation fields (the 192 after the first 100, which were looked at while tuning and
trained on) and the Bio-Net test split, matched to the sets' ``WBC`` boxes at IoU >= 0.3
(``training.evaluate_detection.match``), for each finder in the pack:

- ``segmenter``: the red-cell scale estimate (median over the set's fields, as ``clinic-app
  analyze`` does for a folder), then ``cell-seg`` + instance split;
- ``detector``: ``wbc-detect`` alone on every field (at the field's scale, when given);
- ``app``: what ``clinic-app analyze`` does: the detector, enlarging fields whose cells would be
  drawn small, and the segmenter on low-magnification fields (``analysis.SEGMENTER_FROM_UM``);
  each field's own red-cell scale (None when not measured).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from clinic_app import modelpack, scale
from clinic_app.analysis import Analyzer, AnalyzerOptions
from clinic_app.detection import WhiteCellDetector
from clinic_app.results import BBox
from clinic_app.segmentation import find_cells
from training.evaluate_detection import fields, match, wbc_boxes


def detection_sets(root: Path, bccd_part: str = "eval", bionet_split: str = "test"
                   ) -> dict[str, list[tuple[Path, Path]]]:
    """(image, annotation) pairs of each set not used for tuning the finder (by default: BCCD's
    eval part, Bio-Net's test split)."""
    bccd = [(p, root / "bccd" / "Annotations" / f"{p.stem}.xml") for p in fields(root, bccd_part)]
    with open(root / "bionet" / "splits.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == bionet_split]
    bionet = [(root / "bionet" / r["path"],
               root / "bionet" / "Annotations" / f"{Path(r['path']).stem}.xml") for r in rows]
    return {"bccd": bccd, "bionet": [(i, a) for i, a in bionet if a.exists()]}


Finder = Callable[[np.ndarray, float | None], list[BBox]]


def finders(models: Path, names: tuple[str, ...] = ("segmenter", "detector")
            ) -> dict[str, Finder]:
    """The pack's white-cell finders among ``names``, by name."""
    entries = modelpack.load_manifest(models)
    out: dict[str, Finder] = {}
    if "segmenter" in names:
        seg = modelpack.TFLiteModel(entries["cell-seg"], "cpu", models_dir=models)
        out["segmenter"] = lambda rgb, um: [c.bbox for c in find_cells(seg, rgb, um)]
    if "wbc-detect" in entries and "detector" in names:
        det = WhiteCellDetector(modelpack.TFLiteModel(entries["wbc-detect"], "cpu",
                                                      models_dir=models))
        out["detector"] = lambda rgb, um: [c.bbox for c in det.find_cells(rgb, um)]
    if "app" in names:  # the app's choice (analysis.Analyzer.find_cells), scale as measured
        app = Analyzer(AnalyzerOptions(backend="cpu", models_dir=models))
        out["app"] = lambda rgb, um: [c.bbox for c in app.find_cells(
            rgb, um, "red-cells" if um else scale.UNKNOWN)[0]]
    return out


def detection_under(models: Path, root: Path, shift: Callable[[np.ndarray], np.ndarray],
                    limit: int | None = None,
                    names: tuple[str, ...] = ("segmenter", "detector")) -> dict:
    """Recall/precision per finder and set with ``shift`` applied to every field."""
    found = finders(models, names)
    out: dict = {}
    for name, pairs in detection_sets(root).items():
        pairs = pairs[:limit] if limit else pairs
        imgs = [shift(cv2.cvtColor(cv2.imread(str(p)), cv2.COLOR_BGR2RGB)) for p, _ in pairs]
        est = [scale.estimate_um_per_px(rgb) for rgb in imgs]
        measured = [u for u, how in est if how == "red-cells"]
        um = float(np.median(measured)) if measured else scale.DEFAULT_UM_PER_PX
        truths = [wbc_boxes(ann) for _, ann in pairs]
        # the app gives a measured field the batch's median, an unmeasured one no scale
        per_field = [um if how == "red-cells" else None for _, how in est]
        for finder, find in found.items():
            tp = n_pred = 0
            for rgb, truth, u in zip(imgs, truths, per_field, strict=True):
                pred = find(rgb, u if finder == "app" else um)
                tp += match(pred, truth)
                n_pred += len(pred)
            n_true = sum(len(t) for t in truths)
            out[f"{finder}:{name}_recall"] = tp / max(1, n_true)
            out[f"{finder}:{name}_precision"] = tp / max(1, n_pred)
        out[f"{name}_scale_measured"] = len(measured) / max(1, len(imgs))
    return out


def score_fields(find: Finder, items, always_scale: bool = False) -> dict:
    """Recall/precision of ``find`` over (field, truth array) pairs, each field given its own
    red-cell scale when measured (``always_scale``: also the assumed one, for the segmenter,
    which needs a scale)."""
    from training.detector import hits

    tp = n_pred = n_true = 0
    for rgb, truth in items:
        um, how = scale.estimate_um_per_px(rgb)
        pred = np.array([b.as_list() for b in find(rgb, um if how == "red-cells" or always_scale
                                                    else None)], np.float32).reshape(-1, 4)
        tp, n_pred, n_true = tp + hits(pred, truth), n_pred + len(pred), n_true + len(truth)
    return {"recall": tp / max(1, n_true), "precision": tp / max(1, n_pred), "boxes": n_true}


def validation_choice(root: Path, all_fields: int = 80) -> dict:
    """The figures the app's finder rule was chosen on (validation fields, INT8): the detector
    letterboxed on Bio-Net val and on ALL val fields, and the segmenter on the ALL val fields
    (coarser than ``analysis.SEGMENTER_FROM_UM``), each field at its own red-cell scale."""
    from training.detector import all_items, bionet_items

    found = finders(modelpack.MODELS_DIR)
    sets = {"bionet_val": bionet_items(root, "val"), "all_val": all_items(root, "val", all_fields)}
    out: dict = {}
    for name, items in sets.items():
        for finder, find in found.items():
            out[f"{finder}:{name}"] = score_fields(find, items, finder == "segmenter")
            print(finder, name, out[f"{finder}:{name}"], flush=True)
    return out


def crops_around_cells(items, side: int = 256) -> list[tuple[np.ndarray, np.ndarray]]:
    """A ``side`` px crop around the first white cell of each field, with the boxes inside it
    (cut boxes narrower than 20 px dropped): small high-magnification fields."""
    out = []
    for rgb, truth in items:
        h, w = rgb.shape[:2]
        if not len(truth) or min(h, w) < side:
            continue
        cx, cy = (truth[0, 0] + truth[0, 2]) / 2, (truth[0, 1] + truth[0, 3]) / 2
        x0, y0 = int(np.clip(cx - side / 2, 0, w - side)), int(np.clip(cy - side / 2, 0, h - side))
        t = np.clip(truth - np.array([x0, y0, x0, y0], np.float32), 0, side)
        t = t[((t[:, 2] - t[:, 0]) > 20) & ((t[:, 3] - t[:, 1]) > 20)]
        out.append((rgb[y0:y0 + side, x0:x0 + side], t))
    return out


def crop_sets(root: Path) -> dict[str, list[tuple[np.ndarray, np.ndarray]]]:
    """256 px crops of Bio-Net val fields (what the drawing-scale limit of
    ``clinic_app.detection`` was chosen on), of the BCCD dev fields (the first 100, looked at
    while tuning) and of every other BCCD eval field (test-like)."""
    from training.detector import bccd_items, bionet_items
    from training.evaluate_detection import DEV_FIELDS

    return {"bionet_val_crops": crops_around_cells(bionet_items(root, "val")),
            "bccd_dev_crops": crops_around_cells(bccd_items(root, 0, DEV_FIELDS)),
            "bccd_eval_crops": crops_around_cells(bccd_items(root, DEV_FIELDS, None)[::2])}


def crop_check(root: Path) -> dict:
    """The app's finder on each crop alone (its own red-cell scale, if any)."""
    app = finders(modelpack.MODELS_DIR, ("app",))["app"]
    out = {}
    for name, items in crop_sets(root).items():
        out[name] = {**score_fields(app, items), "crops": len(items)}
        print(name, out[name], flush=True)
    return out


def batch_crop_check(root: Path) -> dict:
    """``clinic-app analyze`` on a folder of each crop set (the batch's red-cell consensus, the
    in-scope check): boxes of ``analysis.json`` against the annotations; refused crops count
    as found nothing."""
    out = {}
    for name, items in crop_sets(root).items():
        out[name] = analysed_as_folder(items)
        print(name, out[name], flush=True)
    return out


def analysed_as_folder(items, transform: Callable[[np.ndarray], np.ndarray] | None = None
                       ) -> dict:
    """(image, boxes) items written as PNG (each through ``transform`` first, e.g. a shift of
    the bench) and analysed by ``clinic-app analyze`` as one folder: recall and precision of
    ``analysis.json``'s boxes (refused images count as found nothing) and the refusals."""
    import contextlib
    import io
    import json
    import tempfile

    from clinic_app.cli import main as cli
    from training.detector import hits

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "crops", Path(tmp) / "out"
        src.mkdir()
        for i, (rgb, _) in enumerate(items):
            shown = rgb if transform is None else transform(rgb)
            cv2.imwrite(str(src / f"c{i:04d}.png"), cv2.cvtColor(shown, cv2.COLOR_RGB2BGR))
        with contextlib.redirect_stdout(io.StringIO()):
            if cli(["analyze", str(src), "--out", str(dst), "--backend", "cpu"]) != 0:
                raise RuntimeError("analyze failed")
        doc = json.loads((dst / "analysis.json").read_text(encoding="utf-8"))
    tp = n_pred = 0
    for img in doc["images"]:
        pred = np.array([c["bbox"] for c in img["cells"]], np.float32).reshape(-1, 4)
        tp += hits(pred, items[int(Path(img["path"]).stem[1:])][1])
        n_pred += len(pred)
    n_true = sum(len(t) for _, t in items)
    return {"recall": tp / max(1, n_true), "precision": tp / max(1, n_pred),
            "boxes": n_true, "crops": len(items), "refused": len(doc["skipped"])}


if __name__ == "__main__":
    import sys

    from training.config import data_root

    check = (validation_choice if "--crops" not in sys.argv
             else batch_crop_check if "--batch" in sys.argv else crop_check)
    check(data_root(None))
