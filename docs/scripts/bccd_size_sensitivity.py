"""Run: python docs/scripts/bccd_size_sensitivity.py OUTDIR

The 100 BCCD dev fields analysed as one folder (`clinic-app analyze`), the labels of the cells
found, then the same cells classified again with the crop framed at 0.8 / 0.9 / 1.1 / 1.25 x the
field's measured um/px (cells shown larger or smaller): how much the call follows apparent size.
docs/models.md, "Small white cells called platelet"."""
import collections, json, shutil, subprocess, sys
from pathlib import Path
import cv2
from clinic_app.analysis import Analyzer, AnalyzerOptions
from clinic_app.results import BBox
from training.config import data_root
from training.evaluate_detection import fields

out = Path(sys.argv[1]); src = out / "in"; src.mkdir(parents=True, exist_ok=True)
for p in fields(data_root(None), "dev"):
    shutil.copy(p, src / p.name)
subprocess.run([sys.executable, "-m", "clinic_app", "analyze", str(src), "--out", str(out / "o")],
               check=True, capture_output=True)
doc = json.loads((out / "o" / "analysis.json").read_text())
print("as analysed", dict(collections.Counter(c["label"] for im in doc["images"] for c in im["cells"]).most_common()))
with Analyzer(AnalyzerOptions("cpu")) as a:
    for f in (0.8, 0.9, 1.0, 1.1, 1.25):
        cnt = collections.Counter()
        for im in doc["images"]:
            rgb = cv2.cvtColor(cv2.imread(im["path"]), cv2.COLOR_BGR2RGB)
            boxes = [(BBox(*c["bbox"]), None) for c in im["cells"]]
            cnt.update(r.label for r in a.cells.classify_cells(rgb, im["um_per_px"] * f, boxes))
        print(f"x{f} um/px", dict(cnt.most_common()))
