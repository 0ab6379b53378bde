"""Run: python docs/scripts/platelet_stained_area.py  (after analysing PBC val, 60 a class, into
/tmp/w/pbcval/o and BCCD dev into /tmp/w/bl_new/o with clinic-app analyze; see the paths below)

cell-seg's stained area (um2) inside the boxes of cells called platelet: PBC platelets against
the BCCD white cells called platelet. docs/models.md, "Small white cells called platelet"."""
import json, cv2, numpy as np, collections
from clinic_app import modelpack
from clinic_app.analysis import WholeCells
from clinic_app.segmentation import field_mask
wc = WholeCells(modelpack.load_manifest(), backend="cpu")
for name, p in (("pbc val", "/tmp/w/pbcval/o/analysis.json"), ("bccd dev", "/tmp/w/bl_new/o/analysis.json")):
    doc = json.load(open(p)); out = collections.defaultdict(list)
    for im in doc["images"]:
        truth = im["path"].split("/")[-1].split("__")[0] if "__" in im["path"] else "?"
        cs = [c for c in im["cells"] if c["label"] == "platelet" or truth == "platelet" or c["label"] in ("neutrophil", "lymphocyte")]
        if not cs: continue
        rgb = cv2.cvtColor(cv2.imread(im["path"]), cv2.COLOR_BGR2RGB); um = im["um_per_px"]
        m = field_mask(wc.segmenter, rgb, um) > 0
        for c in cs:
            x0, y0, x1, y1 = c["bbox"]
            out[(truth, c["label"])].append(round(float(m[y0:y1, x0:x1].sum()) * um * um, 1))
    for k in sorted(out): print(name, k, len(out[k]), "median", np.median(out[k]), sorted(out[k])[-8:] if "platelet" in k else np.percentile(out[k], [5, 50]).round(1))
