"""The shipped INT8 ``wbc-type`` on the cached cells of val and test, without its Keras run.

    python -m training.wbc_eval [--models DIR] [--data DIR] [--limit N] [--json OUT]

``quantize.convert`` measures a model when it converts one, from the training run's weights.
This measures the pack as it is (e.g. after a change to the app's preprocessing, or on a
machine without the run folders): per split, the 8-class and per-class figures, the per-source
blast figures (``training.evaluation.cell_report``) and PBC test cells brought down to the ALL
set's sampling. Crops are prepared as ``CellClassifier.prepare`` prepares them (the raw cache
normalised at its own size, then the centre view), which a test ties to the app.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from quantize.convert import degraded_pbc, run_views
from training.calibration import calibrate, ece
from training.cells import load_cells
from training.config import CONFIGS, data_root
from training.data import centre
from training.evaluation import class_report
from training.robustness import entry_of, views_of_entry
from training.scale import PBC_UM_PER_PX

MODELS = Path(__file__).resolve().parents[1] / "clinic_app" / "models"


def evaluate_split(tflite: bytes, entry: dict, root: Path, split: str,
                   limit: int | None) -> tuple[dict, np.ndarray, object]:
    """Figures of one split, the INT8 probabilities and the cells they belong to."""
    cfg = CONFIGS["wbc-type"]
    cells = load_cells(root, cfg, split, entry["preprocessing"]["stain_norm"], PBC_UM_PER_PX,
                       limit)
    probs = run_views(tflite, centre(cells.x, cfg.input_size).astype(np.float32),
                      views_of_entry(entry))
    rep = class_report(cfg, probs, cells)
    t = float(entry["thresholds"]["temperature"])
    cal = calibrate(probs, t)
    rep["ece_calibrated"] = ece(cal, cells.y)
    rep["ece_calibrated_by_source"] = {
        str(s): ece(cal[cells.source == s], cells.y[cells.source == s])
        for s in np.unique(cells.source)}
    rep["recall"] = {c: round(v["recall"], 4) for c, v in rep.pop("per_class").items()}
    return rep, probs, cells


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--models", default=str(MODELS))
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--limit", type=int, help="only N images per split (smoke runs)")
    p.add_argument("--json", help="write the results here")
    args = p.parse_args(argv)
    models, root = Path(args.models), data_root(args.data)
    entry = entry_of(models, "wbc-type")
    tflite = (models / "wbc-type.tflite").read_bytes()
    out: dict = {"model": f"wbc-type {entry['version']}"}
    for split in ("val", "test"):
        rep, _, cells = evaluate_split(tflite, entry, root, split, args.limit)
        out[split] = rep
        print(split, json.dumps({k: rep[k] for k in ("accuracy", "balanced_accuracy",
                                                      "by_source", "recall", "ece_calibrated",
                                                      "ece_calibrated_by_source")}),
              flush=True)
    out["test_degraded_pbc"] = degraded_pbc(tflite, cells, CONFIGS["wbc-type"].labels,
                                            CONFIGS["wbc-type"].input_size,
                                            views_of_entry(entry))
    print("degraded", json.dumps(out["test_degraded_pbc"]))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
