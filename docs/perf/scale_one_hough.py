"""The red-cell search with one Hough transform instead of two (val / dev images):
    python docs/perf/scale_one_hough.py STEP [SHIFT]   (STEP 8: every 8th image; see docs/performance.md)"""
import sys, csv, numpy as np, cv2
from pathlib import Path
from clinic_app import scale as S
from clinic_app.imaging import fill_holes
from training.config import data_root
from training.data import image_path, read_rgb, read_rows
from training.evaluate_detection import fields
from training.scale_eval import tight_reference, BY_EYE_PX
ORIG = S._diameter_at
def make(which):
    def _diameter_at(rgb, side, given=None):
        small, factor = S._working_copy(rgb, side, given)
        green = cv2.GaussianBlur(small[:, :, 1], (0, 0), 1.0)
        cells = S._cell_mask(green)
        if cells is None: return None, 0
        filled = fill_holes(cells)
        parts = []
        if "g" in which: parts.append(S._circles(cv2.GaussianBlur(small[:, :, 1], (0, 0), 1.5)))
        if "f" in which: parts.append(S._circles(cv2.GaussianBlur(filled * np.uint8(255), (0, 0), 1.5)))
        cands = np.vstack(parts)
        sat = cv2.cvtColor(S._neutral(small), cv2.COLOR_RGB2HSV)[:, :, 1]
        radii = S._red_cell_radii(cands, cells, sat)
        if len(radii) < S.MIN_CIRCLES: return None, len(radii)
        return 2.0 * float(np.median(radii)) / factor, len(radii)
    return _diameter_at
VARS = {"both": ORIG, "filled": make("f"), "green": make("g")}
shift = None
if len(sys.argv) > 2:
    from training import shifts
    shift = sys.argv[2]
def est(rgb):
    if shift:
        from training.shifts import SHIFTS
        fn, m, _ = SHIFTS[shift]; rgb = fn(rgb, m)
    out = {}
    for k, fn in VARS.items():
        S._diameter_at = fn; r = S.red_cells(rgb); out[k] = (r.diameter_px, r.outlines)
    S._diameter_at = ORIG
    return out
def report(name, ests, refs):
    for k in VARS:
        d = [e[k][0] for e in ests]; base = [e["both"][0] for e in ests]
        r = np.array([x/ref for x, ref in zip(d, refs) if x])
        agree = np.array([x/b for x, b in zip(d, base) if x and b])
        print(f"{name:11s} {k:7s} measured={len(r):4d}/{len(d)} med={np.median(r):.3f} p10-90={np.percentile(r,10):.3f}-{np.percentile(r,90):.3f} "
              f"within10={np.mean(abs(r-1)<=.1):.3f} vs-both: within2%={np.mean(abs(agree-1)<=.02):.3f} within5%={np.mean(abs(agree-1)<=.05):.3f} outl_med={np.median([e[k][1] for e in ests]):.0f}", flush=True)
root = data_root(None); step = int(sys.argv[1])
ests, refs = [], []
for p in fields(root, "dev")[::max(1, step//4)]:
    rgb = read_rgb(p); ref = tight_reference(rgb, root/"bccd"/"Annotations"/f"{p.stem}.xml")
    if ref: ests.append(est(rgb)); refs.append(ref)
report("bccd-dev", ests, refs)
for ds in ("all", "pbc"):
    rows = read_rows(root, ds, "val")[::step]
    ests = [est(read_rgb(image_path(root, ds, r["path"]))) for r in rows]
    report(ds+"-val", ests, [BY_EYE_PX[ds]]*len(ests))
with open(root/"bionet"/"splits.csv") as fh:
    rows = [r for r in csv.DictReader(fh) if r["split"] == "val"][::max(1, step//4)]
ests, refs = [], []
for r in rows:
    a = root/"bionet"/"Annotations"/f"{Path(r['path']).stem}.xml"
    if not a.exists(): continue
    rgb = read_rgb(root/"bionet"/r["path"]); ref = tight_reference(rgb, a)
    if ref: ests.append(est(rgb)); refs.append(ref)
report("bionet-val", ests, refs)
