"""Run: python docs/scripts/decoder_centres.py [test]

Detector box centres: (i + 0.5) * stride (before 2026-12-04 late night) vs i * stride vs
i * stride + the sub-cell peak (shipped). Boxes of WhiteCellDetector at each field's red-cell scale
against the WBC boxes; dev / val fields (BCCD dev, Bio-Net val), or with "test" BCCD eval and
Bio-Net test. docs/models.md, "Box centres on their cells"."""
import sys, numpy as np
import clinic_app.detection as D
from clinic_app import modelpack, scale
from clinic_app.detection import WhiteCellDetector, iou_matrix
from training.config import data_root
from training.data import read_rgb
from training.evaluate_detection import voc_rows
from training.segment_eval import development_sets
from training.detection_bench import detection_sets

SHIPPED = D._peak_offsets
OFFSETS = {  # the shipped decode, with the peak's offset from its cell replaced
    "half": lambda heat, ys, xs: (np.full(len(xs), 0.5), np.full(len(ys), 0.5)),
    "zero": lambda heat, ys, xs: (np.zeros(len(xs)), np.zeros(len(ys))),
    "sub": SHIPPED,
}

root = data_root(None)
det = WhiteCellDetector(modelpack.TFLiteModel(modelpack.load_manifest()["wbc-detect"], "cpu"))
sets = detection_sets(root) if "test" in sys.argv else development_sets(root)
for name, pairs in sets.items():
    stats = {m: {"best": [], "pred_best": []} for m in OFFSETS}
    for img, xml in pairs:
        gt = np.array(voc_rows(xml, "WBC"), np.float32).reshape(-1, 4)
        if not len(gt): continue
        rgb = read_rgb(img); um, how = scale.estimate_um_per_px(rgb)
        for m, offsets in OFFSETS.items():
            D._peak_offsets = offsets
            pred = np.array([[c.bbox.x0, c.bbox.y0, c.bbox.x1, c.bbox.y1] for c in
                             det.find_cells(rgb, um if how != scale.UNKNOWN else None)],
                            np.float32).reshape(-1, 4)
            iou = iou_matrix(gt, pred) if len(pred) else np.zeros((len(gt), 0))
            stats[m]["best"] += list(iou.max(axis=1)) if len(pred) else [0.0] * len(gt)
            stats[m]["pred_best"] += list(iou.max(axis=0)) if len(pred) else []
    D._peak_offsets = SHIPPED
    for m in OFFSETS:
        b, pbst = np.array(stats[m]["best"]), np.array(stats[m]["pred_best"])
        print(name, m, "gt", len(b), "meanIoU %.3f recall@.3 %.3f @.5 %.3f @.7 %.3f | prec@.3 %.3f @.5 %.3f" % (
            b.mean(), (b >= .3).mean(), (b >= .5).mean(), (b >= .7).mean(), (pbst >= .3).mean(), (pbst >= .5).mean()), flush=True)
