"""Single-cell crops from "another camera": PBC cells shrunk to 120 px with a yellow cast.

    python -m training.crop_eval --split val|test [--per-class 40] [--data DIR]

A proxy for crops exported by another analyser or camera (small, yellowish background, often
no red cell to measure): the first ``--per-class`` images of each PBC class of the split, resized
to 120x120 (INTER_AREA), channels scaled (BGR x 0.80 / 0.97 / 1.05), saved as JPEG q90, then
analysed by ``clinic-app analyze`` as one folder. Per class: images with a cell found, images
whose largest cell has the right label, cells found; the 7 white-cell classes' balanced accuracy
with a missed cell counted wrong; and how often a platelet image gave a cell (mostly called
``platelet``, as at full size) and a white cell (a label other than ``platelet``). Used to
choose ``detection.SECOND_LOOK_MIN_SCORE`` on val (docs/models.md).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import tempfile
from pathlib import Path

import cv2
import numpy as np

from clinic_app.cli import main as cli
from clinic_app.summary import NOT_WHITE_CELLS
from training.config import data_root

SIDE = 120
CAST_BGR = np.array([0.80, 0.97, 1.05], np.float32)
JPEG_QUALITY = 90


def make_crops(root: Path, split: str, per_class: int, out: Path) -> None:
    for label, rs in rows_by_class(root, split, per_class).items():
        for r in rs:
            img = cv2.imread(str(root / "pbc" / r["path"]), cv2.IMREAD_COLOR)
            if img is None:
                raise OSError(f"cannot read {r['path']}")
            (out / f"{label}__{Path(r['path']).stem}.jpg").write_bytes(another_camera_jpeg(img))


def another_camera(bgr: np.ndarray) -> np.ndarray:
    """A PBC image (BGR) as the proxy camera writes it, before JPEG: 120 px, yellow cast."""
    img = cv2.resize(bgr.astype(np.float32), (SIDE, SIDE), interpolation=cv2.INTER_AREA)
    return np.clip(img * CAST_BGR, 0, 255).astype(np.uint8)


def another_camera_jpeg(bgr: np.ndarray) -> bytes:
    """``another_camera``'s image as the JPEG file the proxy camera writes."""
    ok, jpeg = cv2.imencode(".jpg", another_camera(bgr), [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return jpeg.tobytes()


def rows_by_class(root: Path, split: str, per_class: int) -> dict[str, list[dict]]:
    """The first ``per_class`` rows of each PBC class of ``split`` (splits.csv order)."""
    with open(root / "pbc" / "splits.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == split]
    by_class: dict[str, list[dict]] = collections.defaultdict(list)
    for r in rows:
        if len(by_class[r["label"]]) < per_class:
            by_class[r["label"]].append(r)
    return by_class


def score(analysis: dict) -> dict:
    total, found, correct, cells, white = (collections.Counter() for _ in range(5))
    for im in analysis["images"]:
        label = Path(im["path"]).name.split("__")[0]
        total[label] += 1
        cells[label] += len(im["cells"])
        white[label] += any(c["label"] not in NOT_WHITE_CELLS for c in im["cells"])
        if im["cells"]:
            found[label] += 1
            largest = max(im["cells"], key=lambda c: (c["bbox"][2] - c["bbox"][0])
                          * (c["bbox"][3] - c["bbox"][1]))
            correct[label] += largest["label"] == label
    wbc = [c for c in total if c != "platelet"]
    return {"per_class": {c: {"images": total[c], "found": found[c], "correct": correct[c],
                              "cells": cells[c]} for c in sorted(total)},
            "balanced_accuracy_7": float(np.mean([correct[c] / total[c] for c in wbc])),
            "platelet_images_with_a_cell": found["platelet"],
            # a cell called anything but platelet: a white cell where there is none
            "platelet_images_with_a_white_cell": white["platelet"]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--split", choices=["val", "test"], required=True)
    p.add_argument("--per-class", type=int, default=40)
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--json", help="write the results here")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crop_eval_") as tmp:
        crops, out = Path(tmp) / "crops", Path(tmp) / "out"
        crops.mkdir()
        make_crops(data_root(args.data), args.split, args.per_class, crops)
        if cli(["analyze", str(crops), "--out", str(out), "--backend", "cpu"]) != 0:
            raise RuntimeError("analyze failed")
        result = score(json.loads((out / "analysis.json").read_text(encoding="utf-8")))
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
