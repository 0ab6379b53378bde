"""Run: python docs/scripts/bionet_typed_cells.py val|test OUTDIR

Bio-Net typed cells through `clinic-app analyze` (the fields of a split copied into OUTDIR/in and
analysed as one folder): the label of the detected cell that best overlaps each typed box (IoU
>= 0.3), per type. docs/models.md, "Box centres on their cells"."""

import csv, json, shutil, subprocess, sys, collections
from pathlib import Path
import numpy as np
from clinic_app.detection import iou_matrix
from training.config import data_root
root = data_root(None) / "bionet"; split, out = sys.argv[1], Path(sys.argv[2])
paths = {Path(r["path"]).name: r["path"] for r in csv.DictReader(open(root / "splits.csv")) if r["split"] == split}
typed = [dict(r, image=r["image"] + ".jpg") for r in csv.DictReader(open(root / "wbc_types.csv"))]
typed = [r for r in typed if r["image"] in paths]
src = out / "in"; src.mkdir(parents=True, exist_ok=True)
for name in {Path(r["image"]).name for r in typed}:
    shutil.copy(root / paths[name], src / name)
if not (out / "res" / "analysis.json").exists():
    subprocess.run([sys.executable, "-m", "clinic_app", "analyze", str(src), "--out", str(out / "res")], check=True, capture_output=True)
doc = json.load(open(out / "res" / "analysis.json"))
cells = {Path(im["path"]).name: im["cells"] for im in doc["images"]}
res = collections.Counter(); per = collections.defaultdict(collections.Counter)
for r in typed:
    box = np.array([[float(r[k]) for k in ("xmin", "ymin", "xmax", "ymax")]], np.float32)
    t = r["wbc_type"].lower()
    cs = cells.get(Path(r["image"]).name, [])
    iou = iou_matrix(box, np.array([c["bbox"] for c in cs], np.float32).reshape(-1, 4))[0]
    lab = cs[int(np.argmax(iou))]["label"] if len(cs) and iou.max() >= 0.3 else "missed"
    res[lab == t] += 1; per[t][lab] += 1
print(split, "typed", len(typed), "correct", res[True], {k: dict(v) for k, v in per.items()})
