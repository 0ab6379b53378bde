"""Run: python docs/scripts/decoder_centres.py [test]

Detector box centres: (i + 0.5) * stride (before 2026-12-04 late night) vs i * stride vs
i * stride + the sub-cell peak (shipped). Boxes of WhiteCellDetector at each field's red-cell scale
against the WBC boxes; dev / val fields (BCCD dev, Bio-Net val), or with "test" BCCD eval and
Bio-Net test. docs/models.md, "Box centres on their cells"."""
import sys, numpy as np, cv2
import clinic_app.detection as D
from clinic_app import modelpack, scale
from clinic_app.detection import WhiteCellDetector, suppress, BOX_SCALE
from training.config import data_root
from training.data import read_rgb
from training.evaluate_detection import voc_rows
from training.segment_eval import development_sets
from training.detection_bench import detection_sets

def make_decode(mode):
    def decode(out, stride, threshold):
        heat = np.ascontiguousarray(out[..., 0], dtype=np.float32)
        peaks = (heat == cv2.dilate(heat, np.ones((3, 3), np.uint8))) & (heat >= threshold)
        ys, xs = np.nonzero(peaks)
        w, h = out[ys, xs, 1] * BOX_SCALE, out[ys, xs, 2] * BOX_SCALE
        fx, fy = xs.astype(np.float32), ys.astype(np.float32)
        if mode == "half":
            fx, fy = fx + 0.5, fy + 0.5
        elif mode == "sub":
            lg = np.log(np.clip(heat, 1e-4, 1.0)); H, W = heat.shape
            def off(a, b, c):
                d = a - 2 * b + c
                return np.where(d < -1e-6, np.clip(0.5 * (a - c) / d, -0.5, 0.5), 0.0)
            xl, xr = np.clip(xs - 1, 0, W - 1), np.clip(xs + 1, 0, W - 1)
            yu, yd = np.clip(ys - 1, 0, H - 1), np.clip(ys + 1, 0, H - 1)
            fx = fx + off(lg[ys, xl], lg[ys, xs], lg[ys, xr])
            fy = fy + off(lg[yu, xs], lg[ys, xs], lg[yd, xs])
        cx, cy = fx * stride, fy * stride
        boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, heat[ys, xs]], 1)
        return suppress(boxes.astype(np.float32).reshape(-1, 5))
    return decode

def iou(a, b):
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0])); iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    i = ix * iy; return i / ((a[2]-a[0])*(a[3]-a[1]) + (b[2]-b[0])*(b[3]-b[1]) - i)

root = data_root(None)
det = WhiteCellDetector(modelpack.TFLiteModel(modelpack.load_manifest()["wbc-detect"], "cpu"))
sets = detection_sets(root) if "test" in sys.argv else development_sets(root)
modes = ["half", "zero", "sub"]
for name, pairs in sets.items():
    stats = {m: {"best": [], "pred_best": []} for m in modes}
    for img, xml in pairs:
        gt = voc_rows(xml, "WBC")
        if not gt: continue
        rgb = read_rgb(img); um, how = scale.estimate_um_per_px(rgb)
        for m in modes:
            D.decode = make_decode(m)
            pred = [c.bbox for c in det.find_cells(rgb, um if how != scale.UNKNOWN else None)]
            pb = [(p.x0, p.y0, p.x1, p.y1) for p in pred]
            stats[m]["best"] += [max([iou(g, p) for p in pb], default=0) for g in gt]
            stats[m]["pred_best"] += [max([iou(g, p) for g in gt], default=0) for p in pb]
    for m in modes:
        b, pbst = np.array(stats[m]["best"]), np.array(stats[m]["pred_best"])
        print(name, m, "gt", len(b), "meanIoU %.3f recall@.3 %.3f @.5 %.3f @.7 %.3f | prec@.3 %.3f @.5 %.3f" % (
            b.mean(), (b >= .3).mean(), (b >= .5).mean(), (b >= .7).mean(), (pbst >= .3).mean(), (pbst >= .5).mean()), flush=True)
