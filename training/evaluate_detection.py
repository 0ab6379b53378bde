"""White-cell detection on BCCD fields: recall and precision of the app's cell finding.

    python -m training.evaluate_detection [--part dev|eval|all] [--data DIR] [--json OUT]

BCCD ships no split here, so it is split by file order: the first 100 fields (sorted by name)
are ``dev`` (post-processing constants such as the size filter were looked at on these), the
other fields are ``eval`` and are only measured. A detection is a hit when its box has
IoU >= 0.3 with an unmatched ``WBC`` box (greedy matching by IoU). Runs the shipped INT8
segmentation model exactly as ``clinic-app analyze`` does on a folder (scale: the median
red-cell estimate over the fields).
No TensorFlow needed.
"""

from __future__ import annotations

import argparse
import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from clinic_app import images, modelpack, scale
from clinic_app.analysis import consensus_scales
from clinic_app.results import BBox
from clinic_app.segmentation import find_cells
from training.config import data_root

DEV_FIELDS = 100
IOU_HIT = 0.3


def voc_rows(xml_path: Path, name: str = "WBC") -> list[list[float]]:
    """(xmin, ymin, xmax, ymax) of every Pascal VOC object called ``name`` (any case)."""
    root = ET.parse(xml_path).getroot()
    out = []
    for obj in root.iter("object"):
        if obj.findtext("name", "").strip().upper() == name:
            b = obj.find("bndbox")
            out.append([float(b.findtext(k)) for k in ("xmin", "ymin", "xmax", "ymax")])
    return out


def wbc_boxes(xml_path: Path) -> list[BBox]:
    return [BBox(*(int(v) for v in row)) for row in voc_rows(xml_path)]


def match(pred: list[BBox], truth: list[BBox]) -> int:
    """Greedy one-to-one matching by IoU; returns the number of hits."""
    pairs = sorted(((p.iou(t), i, j) for i, p in enumerate(pred) for j, t in enumerate(truth)),
                   reverse=True)
    used_p, used_t, hits = set(), set(), 0
    for iou, i, j in pairs:
        if iou < IOU_HIT:
            break
        if i not in used_p and j not in used_t:
            used_p.add(i)
            used_t.add(j)
            hits += 1
    return hits


def fields(root: Path, part: str) -> list[Path]:
    files = sorted((root / "bccd" / "JPEGImages").glob("*.jpg"))
    if part == "dev":
        return files[:DEV_FIELDS]
    if part == "eval":
        return files[DEV_FIELDS:]
    return files


def evaluate(root: Path, part: str, backend: str = "cpu") -> dict:
    model = modelpack.open_model("cell-seg", backend)
    tp = n_pred = n_true = 0
    scales, misses, times = [], [], []
    paths = fields(root, part)
    consensus = consensus_scales(paths)  # as `clinic-app analyze` does for a folder
    for path in paths:
        truth = wbc_boxes(root / "bccd" / "Annotations" / (path.stem + ".xml"))
        field = images.load_field(path)
        t0 = time.perf_counter()
        um = consensus[path][0] if path in consensus else scale.estimate_um_per_px(field.image)[0]
        pred = [c.bbox for c in find_cells(model, field.image, um)]
        times.append(time.perf_counter() - t0)
        hits = match(pred, truth)
        tp, n_pred, n_true = tp + hits, n_pred + len(pred), n_true + len(truth)
        scales.append(um)
        if hits < len(truth) or hits < len(pred):
            misses.append({"field": path.name, "truth": len(truth), "found": len(pred),
                           "hits": hits})
    return {"part": part, "fields": len(scales), "wbc_boxes": n_true, "detections": n_pred,
            "recall": tp / max(1, n_true), "precision": tp / max(1, n_pred),
            "median_um_per_px": sorted(scales)[len(scales) // 2],
            "median_ms": 1000 * sorted(times)[len(times) // 2], "errors": misses}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--part", default="eval", choices=["dev", "eval", "all"])
    p.add_argument("--data")
    p.add_argument("--json")
    args = p.parse_args(argv)
    res = evaluate(data_root(args.data), args.part)
    text = json.dumps(res, indent=1)
    if args.json:
        Path(args.json).write_text(text)
    brief = {k: v for k, v in res.items() if k != "errors"}
    print(json.dumps(brief, indent=1), f"\n{len(res['errors'])} fields with an error")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
