"""The red-cell scale against references: how far is each field's estimate from the truth?

    python -m training.scale_eval [--data DIR] [--json OUT]

References (issue 10: "state the references you use"):

- **BCCD and Bio-Net: the sets' own red-cell boxes.** Per field, the median of (w + h) / 2 over
  the ``RBC`` boxes that lie whole inside the image (2 px from every edge) and are nearly square
  (0.8 <= w / h <= 1.25): a cell cut by the edge or two cells under one box would say nothing
  of a diameter. Fields with fewer than 3 such boxes have no reference. The fields of
  ``training.detection_bench.detection_sets``: BCCD's 192 after the first 100 (not looked at
  while tuning), Bio-Net's test split.
- **BCCD and Bio-Net, boxes tightened to their cell** (a second reference: the BCCD boxes are
  drawn loose, ~10 % wider than the cell they hold, docs/models.md): inside each such box, the
  cell is what is darker than the box's own Otsu level on the green channel, its pale centre
  filled; the run of cell pixels through the box centre, across and down, averaged. It shares
  no step with the estimate (no circles, no whole-field threshold).
- **ALL and PBC: red cells measured by eye** (``clinic_app.scale``'s docstring): about 18 px on
  the 224 px ALL fields and 38-40 px (39 taken) on the ~180 px PBC images. One number per set,
  not per image: a coarse reference.

For each image: the estimate's red-cell diameter (``scale.red_cells``, as ``analyze`` measures
it) over the reference, the share within +-10 %, and the share with no measurement (the app
then says "unknown" and names ``--um-per-px``, or falls back to a known crop format or the
white cells). The batch median (what ``analyze`` uses for a folder of one camera) is compared
with the set's median reference too. Only measures; nothing is fitted here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import cv2
import numpy as np

from clinic_app import scale
from clinic_app.imaging import fill_holes
from training.config import data_root
from training.data import image_path, read_rgb, read_rows
from training.detection_bench import detection_sets
from training.evaluate_detection import voc_rows

EDGE_PX = 2
SQUARE = (0.8, 1.25)
MIN_BOXES = 3
BY_EYE_PX = {"all": 18.0, "pbc": 39.0}
WITHIN = 0.10


def box_reference(xml: Path, width: int, height: int) -> float | None:
    """Median red-cell diameter (px) from whole, nearly square ``RBC`` boxes, or None."""
    sides = [((x1 - x0) + (y1 - y0)) / 2
             for x0, y0, x1, y1 in _whole_square_boxes(xml, width, height)]
    return float(np.median(sides)) if len(sides) >= MIN_BOXES else None


def _whole_square_boxes(xml: Path, width: int, height: int) -> list[tuple[int, int, int, int]]:
    """``RBC`` boxes wholly inside the image (``EDGE_PX``) and nearly square (``SQUARE``)."""
    out = []
    for x0, y0, x1, y1 in voc_rows(xml, "RBC"):
        w, h = x1 - x0, y1 - y0
        inside = (x0 >= EDGE_PX and y0 >= EDGE_PX and x1 <= width - EDGE_PX
                  and y1 <= height - EDGE_PX)
        if inside and h > 0 and SQUARE[0] <= w / h <= SQUARE[1]:
            out.append((int(x0), int(y0), int(x1), int(y1)))
    return out


def _run_through_centre(line: np.ndarray) -> int:
    """Length of the run of 1s through the middle of ``line`` (0 when the middle is 0)."""
    mid = len(line) // 2
    if not line[mid]:
        return 0
    lo, hi = mid, mid
    while lo > 0 and line[lo - 1]:
        lo -= 1
    while hi < len(line) - 1 and line[hi + 1]:
        hi += 1
    return hi - lo + 1


def tight_diameter(rgb: np.ndarray, box: tuple[int, int, int, int]) -> float | None:
    """The cell's own extent inside a whole red-cell box (px), or None where the box centre is
    not on a cell."""
    x0, y0, x1, y1 = box
    green = cv2.GaussianBlur(np.ascontiguousarray(rgb[y0:y1, x0:x1, 1]), (0, 0), 1.0)
    _, cell = cv2.threshold(green, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    filled = fill_holes(cell)
    h, w = filled.shape
    across, down = _run_through_centre(filled[h // 2]), _run_through_centre(filled[:, w // 2])
    return (across + down) / 2.0 if across and down else None


def tight_reference(rgb: np.ndarray, xml: Path) -> float | None:
    """Median tightened diameter over the field's whole, nearly square ``RBC`` boxes."""
    height, width = rgb.shape[:2]
    sides = [d for b in _whole_square_boxes(xml, width, height)
             if (d := tight_diameter(rgb, b)) is not None]
    return float(np.median(sides)) if len(sides) >= MIN_BOXES else None


def summarise(ratios: list[float | None], batch_ratio: float | None) -> dict:
    """Per-image ratios (estimate / reference; None: no measurement) -> the figures."""
    got = np.array([r for r in ratios if r is not None])
    out = {"images": len(ratios), "measured": int(len(got)),
           "unknown": float(1 - len(got) / len(ratios)) if ratios else 0.0}
    if len(got):
        out.update({"ratio_median": float(np.median(got)),
                    "ratio_p10": float(np.percentile(got, 10)),
                    "ratio_p90": float(np.percentile(got, 90)),
                    "within_10pc_of_measured": float(np.mean(np.abs(got - 1) <= WITHIN))})
    if batch_ratio is not None:
        out["batch_median_ratio"] = batch_ratio
    return out


def evaluate_boxed(pairs: list[tuple[Path, Path]], tight: bool = False) -> dict:
    """Estimate over the box reference (``tight``: over the tightened one) per field."""
    ratios, est, ref = [], [], []
    for img, xml in pairs:
        rgb = read_rgb(img)
        truth = (tight_reference(rgb, xml) if tight
                 else box_reference(xml, rgb.shape[1], rgb.shape[0]))
        if truth is None:
            continue
        d = scale.red_cells(rgb).diameter_px
        ratios.append(d / truth if d else None)
        ref.append(truth)
        if d:
            est.append(d)
    batch = float(np.median(est) / np.median(ref)) if est else None
    return {**summarise(ratios, batch), "fields_without_reference": len(pairs) - len(ref)}


def evaluate_by_eye(root: Path, dataset: str) -> dict:
    ratios = []
    for r in read_rows(root, dataset, "test", None):
        d = scale.red_cells(read_rgb(image_path(root, dataset, r["path"]))).diameter_px
        ratios.append(d / BY_EYE_PX[dataset] if d else None)
    got = [x for x in ratios if x is not None]
    return {**summarise(ratios, float(np.median(got)) if got else None),
            "reference_px": BY_EYE_PX[dataset]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--json", help="write the results here")
    args = p.parse_args(argv)
    root = data_root(args.data)
    sets = detection_sets(root)
    out = {name: evaluate_boxed(pairs) for name, pairs in sets.items()}
    out.update({f"{name} (boxes tightened)": evaluate_boxed(pairs, tight=True)
                for name, pairs in sets.items()})
    out.update({ds: evaluate_by_eye(root, ds) for ds in ("all", "pbc")})
    for name, r in out.items():
        print(name, json.dumps({k: round(v, 3) if isinstance(v, float) else v
                                for k, v in r.items()}), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
