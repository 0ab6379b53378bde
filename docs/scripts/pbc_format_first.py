"""Run: python docs/scripts/pbc_format_first.py val

PBC val images analysed one by one (no batch consensus): the red-cell scale first (old order)
vs the known format first. Largest cell's label correct; 7-class balanced accuracy."""
import csv, collections, numpy as np, sys
from pathlib import Path
from clinic_app import scale, images
from clinic_app.analysis import Analyzer
from clinic_app.results import Field
root = Path("../shared/data/pbc"); split = sys.argv[1]
rows = [r for r in csv.DictReader(open(root / "splits.csv")) if r["split"] == split]
by = collections.defaultdict(list)
for r in rows: by[r["label"]].append(r)
res = {k: collections.Counter() for k in ("red", "format")}
ratio = {k: [] for k in ("red", "format")}
with Analyzer() as an:
    for label, rs in by.items():
        for r in rs[:40]:
            f = images.load_field(root / r["path"])
            found = scale.red_cells(f.image)
            d = found.diameter_px
            um_red = (scale.RED_CELL_UM / d, "red-cells") if d else scale.estimate_um_per_px(f.image, found)
            known = scale.KNOWN_CROP_FORMATS.get(f.image.shape[:2])
            um_fmt = (known, scale.CROP_FORMAT) if known else um_red
            for k, (um, how) in (("red", um_red), ("format", um_fmt)):
                out = an.analyze_field(Field(f.image, str(r["path"]), um, how))
                res[k]["n_" + label] += 1
                ratio[k].append(scale.RED_CELL_UM / out.um_per_px / 39.0)
                if out.cells:
                    big = max(out.cells, key=lambda c: c.bbox.area)
                    res[k]["ok_" + label] += big.label == label
for k, c in res.items():
    labels = [l for l in by if l != "platelet"]
    bal = np.mean([c["ok_" + l] / c["n_" + l] for l in labels])
    r = np.array(ratio[k])
    print(k, "bal7", round(bal, 4), {l: f'{c["ok_"+l]}/{c["n_"+l]}' for l in by}, "within10", round(float(np.mean(abs(r - 1) <= 0.1)), 3))
