"""What the shipped ``wbc-type`` calls annotated white cells it has no type for.

    python -m training.white_cell_calls [--models DIR] [--part P ...] [--json OUT]

Parts: ``bccd-check`` (the 50 BCCD dev fields whose boxes ``--boxed-repeat`` training leaves
out: every other one), ``bccd-eval`` (the 192 fields after the first 100: never trained or
tuned on), ``bionet-val`` and ``bionet-test`` (their ``WBC`` boxes, typed or not).

Every annotated ``WBC`` box is classified as ``clinic-app analyze`` classifies a found cell: its
crop at the scale the app measures (BCCD as one folder, the median of its fields' red-cell
scales, as ``analyze``'s consensus; Bio-Net, whose fields mix magnifications, field by field),
so the finder's own errors stay out. A white cell called ``platelet`` or ``erythroblast`` is
wrong whatever its type; ``unidentified`` is the model declining. BCCD has no types here, so
this measures the one error that can be measured without them (docs/models.md, "Small white
cells called platelet").
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
from pathlib import Path

import cv2
import numpy as np

from clinic_app import modelpack, scale
from clinic_app.classification import CellClassifier
from clinic_app.results import BBox
from training.cells import NOT_WHITE, boxed_dev_fields
from training.config import data_root
from training.evaluate_detection import fields, voc_rows

PARTS = ("bccd-check", "bccd-eval", "bionet-val", "bionet-test")


def part_fields(root: Path, part: str) -> list[tuple[Path, Path]]:
    """(image, annotation) of one part."""
    if part.startswith("bccd"):
        files = (boxed_dev_fields(fields(root, "dev"), False) if part == "bccd-check"
                 else fields(root, "eval"))
        return [(p, root / "bccd" / "Annotations" / f"{p.stem}.xml") for p in files]
    split = part.split("-")[1]
    with open(root / "bionet" / "splits.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == split]
    return [(root / "bionet" / r["path"],
             root / "bionet" / "Annotations" / f"{Path(r['path']).stem}.xml") for r in rows]


def read(path: Path) -> np.ndarray:
    return cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)


def calls(classifier: CellClassifier, root: Path, part: str) -> collections.Counter:
    """Label -> count over the part's annotated ``WBC`` boxes."""
    pairs = [(img, xml) for img, xml in part_fields(root, part) if xml.exists()]
    scales = {img: scale.estimate_um_per_px(read(img)) for img, _ in pairs}
    measured = [um for um, cue in scales.values() if cue == "red-cells"]
    folder_um = float(np.median(measured)) if measured else scale.DEFAULT_UM_PER_PX
    out: collections.Counter = collections.Counter()
    for img, xml in pairs:
        boxes = [BBox(*(int(v) for v in b)) for b in voc_rows(xml)]
        um, cue = scales[img]
        if part.startswith("bccd"):
            um = folder_um
        elif cue == scale.UNKNOWN:
            out["(no scale)"] += len(boxes)
            continue
        for cell in classifier.classify_cells(read(img), um, [(b, None) for b in boxes]):
            out[cell.label] += 1
    return out


def summary(counts: collections.Counter) -> dict:
    n = sum(counts.values())
    not_white = sum(counts[c] for c in NOT_WHITE)
    return {"cells": n, "calls": dict(counts.most_common()),
            "not_white_share": round(not_white / n, 4) if n else None,
            "unidentified_share": round(counts["unidentified"] / n, 4) if n else None}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--models", default=str(modelpack.MODELS_DIR))
    p.add_argument("--data")
    p.add_argument("--part", nargs="+", choices=PARTS, default=["bccd-check", "bionet-val"])
    p.add_argument("--json", help="write the figures here too")
    args = p.parse_args(argv)
    root = data_root(args.data)
    entry = modelpack.load_manifest(Path(args.models))["wbc-type"]
    classifier = CellClassifier(modelpack.TFLiteModel(entry, "cpu", models_dir=Path(args.models)))
    result = {"models": args.models, "version": entry.raw.get("version"),
              **{part: summary(calls(classifier, root, part)) for part in args.part}}
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
