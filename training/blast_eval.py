"""Blasts through the whole app flow: ALL test fields and PBC test cells, INT8 as shipped.

    python -m training.blast_eval [--data DIR] [--models DIR] [--json OUT]

``training.evaluation.cell_report`` measures ``wbc-type`` on cells cut from the ALL masks; this
measures what a user gets: ``clinic-app analyze`` on the ALL test fields (scale from red cells,
the app's own cell finder and crops), then per field the share of white cells called blast
(AUC of malignant against Benign fields), and ``clinic-app classify`` on the PBC test cells as
they are and brought down to the ALL set's sampling (share called blast).
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
from training.config import data_root
from training.data import image_path, read_rows
from training.evaluation import auc
from training.scale import ALL_UM_PER_PX, PBC_UM_PER_PX

BLAST = "blast"


def all_fields(root: Path, work: Path, limit: int | None) -> dict:
    src = work / "all"
    src.mkdir()
    truth = {}
    for r in read_rows(root, "all", "test", limit):
        name = Path(r["path"]).name
        shutil.copy(image_path(root, "all", r["path"]), src / name)
        truth[name] = r["label"]
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
            "cells_in_benign_fields_called_blast": float(np.mean(cells_b))}


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
