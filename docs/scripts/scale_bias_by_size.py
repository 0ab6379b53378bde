"""Run: python docs/scripts/scale_bias_by_size.py [STEP]

Per-image red-cell estimate / reference against the red cells' diameter on the 256 px working copy
(dev / val only: BCCD dev and Bio-Net val against tightened boxes, ALL and PBC val against the
by-eye diameters). Is the per-set bias a function of how large red cells are drawn? (No.)"""
import csv, sys, json
from pathlib import Path
import numpy as np
from clinic_app import scale
from training.config import data_root
from training.data import image_path, read_rgb, read_rows
from training.detection_bench import fields
from training.scale_eval import tight_reference, BY_EYE_PX

root = data_root(None)
out = []
def rec(name, rgb, ref):
    d = scale.red_cells(rgb).diameter_px
    side = max(rgb.shape[:2])
    out.append({"set": name, "side": side, "d": d, "ref": ref,
                "work_d": d * 256 / side if d else None})
step = int(sys.argv[1]) if len(sys.argv) > 1 else 1
for p in fields(root, "dev")[::step]:
    rgb = read_rgb(p); ref = tight_reference(rgb, root/"bccd"/"Annotations"/f"{p.stem}.xml")
    if ref: rec("bccd_dev", rgb, ref)
rows = [r for r in csv.DictReader(open(root/"bionet"/"splits.csv")) if r["split"] == "val"]
for r in rows[::step]:
    a = root/"bionet"/"Annotations"/f"{Path(r['path']).stem}.xml"
    if not a.exists(): continue
    rgb = read_rgb(root/"bionet"/r["path"]); ref = tight_reference(rgb, a)
    if ref: rec("bionet_val", rgb, ref)
for ds, k in (("all", 4*step), ("pbc", 20*step)):
    for r in read_rows(root, ds, "val", None)[::k]:
        rec(ds + "_val", read_rgb(image_path(root, ds, r["path"])), BY_EYE_PX[ds])

for s in sorted({o["set"] for o in out}):
    g = [o for o in out if o["set"] == s and o["d"]]
    ratio = np.array([o["d"]/o["ref"] for o in g]); wd = np.array([o["work_d"] for o in g])
    print(s, len(g), "of", sum(o["set"] == s for o in out), "ratio med %.3f p10 %.3f p90 %.3f within10 %.1f%%  work_d med %.1f (%.1f-%.1f)" % (
        np.median(ratio), np.percentile(ratio, 10), np.percentile(ratio, 90), 100*np.mean(abs(ratio-1) <= .1),
        np.median(wd), np.percentile(wd, 10), np.percentile(wd, 90)))
