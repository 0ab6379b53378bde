"""Blasts through the whole app flow: ALL test fields and PBC test cells, INT8 as shipped.

    python -m training.blast_eval [--data DIR] [--models DIR] [--json OUT]

``training.evaluation.cell_report`` measures ``wbc-type`` on cells cut from the ALL masks; this
measures what a user gets: ``clinic-app analyze`` on the ALL test fields (scale from red cells,
the app's own cell finder and crops), then per field the share of white cells called blast
(AUC of malignant against Benign fields), the white cells of the fields' masks through the app
(found by its finder, called blast), and ``clinic-app classify`` on the PBC test cells as they
are and brought down to the ALL set's sampling (share called blast).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import cv2
import numpy as np

from clinic_app.cli import main as cli
from training import shifts
from training.cells import read_all_field
from training.config import data_root
from training.data import image_path, read_rows
from training.evaluation import auc
from training.scale import ALL_UM_PER_PX, PBC_UM_PER_PX

BLAST = "blast"


def found_label(cells: list[dict], x: float, y: float) -> str | None:
    """The label of the app's cell whose box holds (x, y), the smallest such box; None when
    the app found no cell there."""
    hits = [c for c in cells if c["bbox"][0] <= x <= c["bbox"][2]
            and c["bbox"][1] <= y <= c["bbox"][3]]
    if not hits:
        return None
    best = min(hits, key=lambda c: (c["bbox"][2] - c["bbox"][0]) * (c["bbox"][3] - c["bbox"][1]))
    return best["label"]


def matched_cells(root: Path, rels: dict[str, str], images: list[dict]) -> dict:
    """The mask's white cells through the app: found by its finder, and called blast."""
    by_name = {Path(img["path"]).name: img for img in images}
    out = {"malignant": [0, 0, 0], "benign": [0, 0, 0]}  # mask cells, found, called blast
    for name, (rel, label) in rels.items():
        img = by_name.get(name)
        kind = "benign" if label == "Benign" else "malignant"
        for x, y in read_all_field(root, rel)[1]:
            got = found_label(img["cells"], x, y) if img else None
            out[kind][0] += 1
            out[kind][1] += got is not None
            out[kind][2] += got == BLAST
    m, b = out["malignant"], out["benign"]
    return {"blast_cells": m[0], "blast_cells_found": m[1] / max(m[0], 1),
            "blast_recall_end_to_end": m[2] / max(m[0], 1),
            "blast_recall_of_found": m[2] / max(m[1], 1),
            "hematogones": b[0], "hematogones_found": b[1] / max(b[0], 1),
            "hematogones_called_blast_of_found": b[2] / max(b[1], 1)}


def all_fields(root: Path, work: Path, limit: int | None) -> dict:
    src = work / "all"
    src.mkdir()
    truth, rels = {}, {}
    for r in read_rows(root, "all", "test", limit):
        name = Path(r["path"]).name
        shutil.copy(image_path(root, "all", r["path"]), src / name)
        truth[name] = r["label"]
        rels[name] = (r["path"], r["label"])
    assert cli(["analyze", str(src), "--out", str(work / "out")]) == 0
    data = json.loads((work / "out" / "analysis.json").read_text())
    share, malignant, cells_m, cells_b = [], [], [], []
    for img in data["images"]:
        labels = [c["label"] for c in img["cells"] if c["label"] != "platelet"]
        if not labels:
            continue
        is_m = truth[Path(img["path"]).name] != "Benign"
        share.append(np.mean([lab == BLAST for lab in labels]))
        malignant.append(is_m)
        (cells_m if is_m else cells_b).extend(lab == BLAST for lab in labels)
    share, malignant = np.asarray(share), np.asarray(malignant, bool)
    return {"fields": len(truth), "fields_with_cells": int(len(share)),
            "skipped": len(data["skipped"]),
            "field_blast_share_auc": auc(share[malignant], share[~malignant]),
            "cells_in_malignant_fields_called_blast": float(np.mean(cells_m)),
            "cells_in_benign_fields_called_blast": float(np.mean(cells_b)),
            "mask_cells_through_the_app": matched_cells(root, rels, data["images"])}


def pbc_cells(root: Path, work: Path, limit: int | None) -> dict:
    out = {}
    rows = read_rows(root, "pbc", "test", limit)
    s = float(np.log2(ALL_UM_PER_PX / PBC_UM_PER_PX))
    for kind in ("as_is", "at_all_resolution"):
        d = work / f"pbc_{kind}"
        d.mkdir()
        for r in rows:
            bgr = cv2.imread(str(image_path(root, "pbc", r["path"])))
            if kind != "as_is":
                bgr = shifts.resolution(bgr, s)
            cv2.imwrite(str(d / Path(r["path"]).with_suffix(".png").name), bgr)
        res = work / f"{kind}.json"
        assert cli(["classify", "--model", "wbc-type", "--json", str(res), str(d)]) == 0
        labels = [x["label"] for x in json.loads(res.read_text())["results"]]
        truth = {Path(r["path"]).stem: r["label"] for r in rows}
        got = {Path(x["path"]).stem: x["label"] for x in json.loads(res.read_text())["results"]}
        out[kind] = {"cells": len(labels),
                     "called_blast": float(np.mean([lab == BLAST for lab in labels])),
                     "accuracy_8_class": float(np.mean([got[k] == v for k, v in truth.items()]))}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--limit", type=int, help="only N images per set (smoke runs)")
    p.add_argument("--json", help="write the results here")
    args = p.parse_args(argv)
    root = data_root(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        res = {"all_test_fields": all_fields(root, Path(tmp), args.limit),
               "pbc_test_cells": pbc_cells(root, Path(tmp), args.limit)}
    text = json.dumps(res, indent=1)
    if args.json:
        Path(args.json).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
