"""Whole-cell extent of ``clinic-app segment`` masks on fields with whole-cell boxes.

    python -m training.segment_eval [--data DIR] [--json OUT]

No expert whole-cell masks are available here, so this measures what the sets' whole-cell
``WBC`` boxes can say (BCCD's 192 eval fields, Bio-Net's test split; ``detection_bench``):
per annotated cell, within its box enlarged by 25 % each side,

- ``box_iou``: IoU of the mask's bounding box with the annotated box (the cell's extent);
- ``ellipse_dice``: Dice of the mask with the ellipse inscribed in the annotated box (a shape
  proxy; it favours masks drawn as ellipses, so read it beside ``box_iou``);

and per field the share of mask pixels outside every (enlarged) annotated box. ``segmenter``
is the cell-seg mask alone (``segmentation.field_mask``, what ``segment`` wrote before
2026-12-04); ``ellipses`` the detector's boxes drawn as ellipses (what it wrote until each cell
got its own outline); ``segment`` is what it writes now (``analysis.WholeCells``).

    python -m training.segment_eval --dev   # BCCD's 100 dev fields, Bio-Net val: for choices
    python -m training.segment_eval --crops val|test   # single-cell crops from "another camera"

``--crops``: the white cells of PBC images (the first 40 of each white-cell class of the split)
shrunk to 120 px with a yellow cast (``training.crop_eval``, ~0.31 um/px). Reference: the
cell under the image centre in the ``segment`` mask of the same image at full size (0.21 um/px,
detector box and outline, checked by eye on contact sheets), shrunk alike. Per class, the mean
Dice of the crop's mask with it: does a small crop get the same whole cell as its original?
A consistency proxy, not an expert's mask.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import cv2
import numpy as np

from clinic_app import modelpack, scale
from clinic_app.analysis import WholeCells
from clinic_app.results import BBox, Field
from clinic_app.segmentation import ellipse_outline, field_mask
from clinic_app.summary import NOT_WHITE_CELLS
from training.config import data_root
from training.crop_eval import SIDE, another_camera_jpeg, rows_by_class
from training.data import read_rgb
from training.detection_bench import detection_sets
from training.evaluate_detection import voc_rows
from training.metrics import dice_iou

MARGIN = 0.25


def cell_scores(mask: np.ndarray, box: list[float]) -> tuple[float, float]:
    """(box_iou, ellipse_dice) of ``mask`` (bool) around one annotated box."""
    h, w = mask.shape
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0, y1 - y0
    win = (slice(max(0, int(y0 - MARGIN * bh)), min(h, int(y1 + MARGIN * bh))),
           slice(max(0, int(x0 - MARGIN * bw)), min(w, int(x1 + MARGIN * bw))))
    ell = np.zeros((h, w), np.uint8)
    cv2.fillPoly(ell, [ellipse_outline(BBox(int(x0), int(y0), int(np.ceil(x1)),
                                            int(np.ceil(y1))))], 1)
    m, e = mask[win], ell[win] > 0
    dice = 2 * float((m & e).sum()) / max(1, int(m.sum() + e.sum()))
    ys, xs = np.nonzero(m)
    if not len(xs):
        return 0.0, dice
    mx0, my0 = xs.min() + win[1].start, ys.min() + win[0].start
    mx1, my1 = xs.max() + win[1].start + 1, ys.max() + win[0].start + 1
    inter = max(0, min(mx1, x1) - max(mx0, x0)) * max(0, min(my1, y1) - max(my0, y0))
    union = (mx1 - mx0) * (my1 - my0) + bw * bh - inter
    return float(inter / union), dice


def outside_share(mask: np.ndarray, boxes: list[list[float]]) -> float:
    inside = np.zeros(mask.shape, bool)
    h, w = mask.shape
    for x0, y0, x1, y1 in boxes:
        bw, bh = x1 - x0, y1 - y0
        inside[max(0, int(y0 - MARGIN * bh)):min(h, int(y1 + MARGIN * bh)),
               max(0, int(x0 - MARGIN * bw)):min(w, int(x1 + MARGIN * bw))] = True
    total = int(mask.sum())
    return float((mask & ~inside).sum() / total) if total else 0.0


def evaluate(pairs: list[tuple[Path, Path]], masker: WholeCells) -> dict:
    kinds = ("segmenter", "ellipses", "segment")
    scores: dict[str, list] = {k: [] for k in kinds}
    outside: dict[str, list] = {k: [] for k in kinds}
    for img, xml in pairs:
        boxes = voc_rows(xml, "WBC")
        if not boxes:
            continue
        rgb = read_rgb(img)
        um = scale.estimate_um_per_px(rgb)[0]
        masks = {"segmenter": field_mask(masker.segmenter, rgb, um) > 0,
                 "ellipses": masker.mask(Field(rgb, str(img)), outlines=False) > 0,
                 "segment": masker.mask(Field(rgb, str(img))) > 0}
        for name, m in masks.items():
            scores[name] += [cell_scores(m, b) for b in boxes]
            outside[name].append(outside_share(m, boxes))
    out = {}
    for name, rows in scores.items():
        a = np.array(rows)
        out[name] = {"cells": len(a), "box_iou_mean": float(a[:, 0].mean()),
                     "box_iou_at_least_0.5": float(np.mean(a[:, 0] >= 0.5)),
                     "ellipse_dice_mean": float(a[:, 1].mean()),
                     "ellipse_dice_median": float(np.median(a[:, 1])),
                     "mask_share_outside_boxes": float(np.mean(outside[name]))}
    return out


def crop_dice(root: Path, split: str, masker: WholeCells, per_class: int = 40) -> dict:
    """Mean Dice per class of the 120 px crops' masks with their full-size reference."""
    dice: dict[str, list[float]] = {}
    for label, rows in rows_by_class(root, split, per_class).items():
        if label in NOT_WHITE_CELLS:
            continue
        for r in rows:
            bgr = cv2.imread(str(root / "pbc" / r["path"]), cv2.IMREAD_COLOR)
            reference = _centre_cell(masker.mask(Field(bgr[..., ::-1].copy(), r["path"])) > 0)
            if reference is None:
                continue
            jpeg = np.frombuffer(another_camera_jpeg(bgr), np.uint8)
            crop = cv2.imdecode(jpeg, cv2.IMREAD_COLOR)[..., ::-1].copy()
            m = masker.mask(Field(crop, r["path"])) > 0
            dice.setdefault(label, []).append(dice_iou(m, reference)[0])
    out = {c: {"images": len(v), "dice_mean": float(np.mean(v))} for c, v in sorted(dice.items())}
    every = [d for v in dice.values() for d in v]
    out["all"] = {"images": len(every), "dice_mean": float(np.mean(every)),
                  "class_mean": float(np.mean([np.mean(v) for v in dice.values()]))}
    return out


def _centre_cell(mask: np.ndarray) -> np.ndarray | None:
    """The piece of a full-size mask under the image centre, shrunk to the crops' side."""
    small = cv2.resize(mask.astype(np.uint8), (SIDE, SIDE), interpolation=cv2.INTER_NEAREST)
    _, pieces = cv2.connectedComponents(small)
    centre = pieces[SIDE // 2, SIDE // 2]
    return pieces == centre if centre else None


def development_sets(root: Path) -> dict[str, list[tuple[Path, Path]]]:
    """(image, annotation) pairs the outline step was chosen on: BCCD's first 100 fields by
    name, Bio-Net's val split."""
    sets = detection_sets(root, "dev", "val")
    return {"bccd_dev": sets["bccd"], "bionet_val": sets["bionet"]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--json", help="write the results here")
    p.add_argument("--dev", action="store_true",
                   help="the development fields (BCCD dev, Bio-Net val) instead of the test ones")
    p.add_argument("--crops", choices=["val", "test"],
                   help="PBC crops shrunk to 120 px (this split) against their full-size masks")
    args = p.parse_args(argv)
    masker = WholeCells(modelpack.load_manifest(), backend="cpu")
    root = data_root(args.data)
    if args.crops:
        result = crop_dice(root, args.crops, masker)
        print(json.dumps(result, indent=1))
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=1))
        return 0
    sets = development_sets(root) if args.dev else detection_sets(root)
    out = {name: evaluate(pairs, masker) for name, pairs in sets.items()}
    for name, r in out.items():
        for kind, v in r.items():
            print(name, kind, json.dumps({k: round(x, 3) if isinstance(x, float) else x
                                          for k, x in v.items()}), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
