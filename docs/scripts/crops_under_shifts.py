# python docs/scripts/crops_under_shifts.py [moderate|strong]
"""256 px crops (BCCD dev, Bio-Net val: development data) under each shift of the bench, each
set analysed as a folder by `clinic-app analyze` (in-scope check and second look included):
recall / precision of analysis.json's boxes (IoU >= 0.3, training.detector.hits), refused
crops counted as misses. The table in docs/scope.md."""
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np

from clinic_app.cli import main as cli
from training.config import data_root
from training.detection_bench import crop_sets
from training.detector import hits
from training.robustness import CONDITIONS, apply_shift

level = sys.argv[1] if len(sys.argv) > 1 else "moderate"
sets = {k: v for k, v in crop_sets(data_root(None)).items() if k != "bccd_eval_crops"}
for cond in [c for c in CONDITIONS if c == "none" or c.endswith(level)]:
    row = {}
    for name, items in sets.items():
        with tempfile.TemporaryDirectory() as t:
            src, dst = Path(t) / "in", Path(t) / "out"
            src.mkdir()
            for i, (rgb, _) in enumerate(items):
                cv2.imwrite(str(src / f"c{i:04d}.png"),
                            cv2.cvtColor(apply_shift(rgb, cond), cv2.COLOR_RGB2BGR))
            with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
                cli(["analyze", str(src), "--out", str(dst), "--backend", "cpu"])
            doc = json.loads((dst / "analysis.json").read_text())
        tp = n_pred = 0
        for im in doc["images"]:
            pred = np.array([c["bbox"] for c in im["cells"]], np.float32).reshape(-1, 4)
            tp += hits(pred, items[int(Path(im["path"]).stem[1:])][1])
            n_pred += len(pred)
        n_true = sum(len(t) for _, t in items)
        row[name] = (f"{100 * tp / n_true:.1f} / {100 * tp / max(1, n_pred):.1f} "
                     f"({len(doc['skipped'])} refused)")
    print(cond, row, flush=True)
