"""Run: python docs/scripts/phone_field_proxy.py bccd_dev|bionet_val 400 0|1

Proxy of 'Raabin-style 575 px fields' (one white cell, phone camera, large cells): a square
crop around the first white cell of each field, resized to 575 px, optionally with a phone-like
degradation (JPEG 70, slight blur, warm cast). Analysed as a folder; recall / precision IoU>=0.3."""
import json, sys, tempfile
from pathlib import Path
import cv2, numpy as np
from clinic_app.cli import main as cli
from training.config import data_root
from training.detection_bench import crops_around_cells
from training.detector import bccd_items, bionet_items, hits
root = data_root(None)
which, side, degrade = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
items = {"bccd_dev": lambda: bccd_items(root, 0, 100), "bionet_val": lambda: bionet_items(root, "val")}[which]()
crops = crops_around_cells(items, side)
OUT = 575
with tempfile.TemporaryDirectory() as tmp:
    src, dst = Path(tmp) / "c", Path(tmp) / "o"; src.mkdir()
    truths = []
    for i, (rgb, t) in enumerate(crops):
        f = OUT / side
        img = cv2.resize(rgb, (OUT, OUT), interpolation=cv2.INTER_LINEAR if f > 1 else cv2.INTER_AREA)
        if degrade:
            img = cv2.GaussianBlur(img, (0, 0), 1.0)
            img = np.clip(img.astype(np.float32) * np.array([1.06, 1.0, 0.85], np.float32), 0, 255).astype(np.uint8)
        bgr = cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
        cv2.imwrite(str(src / f"c{i:04d}.jpg"), bgr, [cv2.IMWRITE_JPEG_QUALITY, 70 if degrade else 92])
        truths.append(t * f)
    cli(["analyze", str(src), "--out", str(dst), "--backend", "cpu"])
    doc = json.loads((dst / "analysis.json").read_text())
for s in doc["skipped"]: print(Path(s["path"]).name, s["problem"][:150])
tp = npred = 0
for im in doc["images"]:
    pred = np.array([c["bbox"] for c in im["cells"]], np.float32).reshape(-1, 4)
    tp += hits(pred, truths[int(Path(im["path"]).stem[1:])]); npred += len(pred)
ntrue = sum(len(t) for t in truths)
scales = [im["um_per_px"] for im in doc["images"]]
print(which, side, degrade, "crops", len(crops), "refused", len(doc["skipped"]), "recall", round(tp / ntrue, 3), "precision", round(tp / max(1, npred), 3), "um median", round(float(np.median(scales)), 3), set(im["scale_source"].split(" (")[0] for im in doc["images"]))
