"""Physical scale of each model's input, written into the manifest for the app.

The app brings every field to the scale a model was trained at, so one pipeline serves a
low-magnification ALL field (~0.5 um/px) and a 640x480 high-magnification field (~0.08 um/px).
The source scales are medians of ``clinic_app.scale.estimate_um_per_px`` over the train
splits, measured with ``python -m training.scale``.
"""

from __future__ import annotations

import argparse
import csv

import cv2
import numpy as np

from training.config import TaskConfig, data_root

ALL_UM_PER_PX = 0.422  # ALL train fields, 224 px: median of clinic_app.scale estimates
PBC_UM_PER_PX = 0.209  # PBC train images (~180 px): median of clinic_app.scale estimates

WBC_CROP_UM = round(119 * PBC_UM_PER_PX, 2)  # the 119 px centre crop of a PBC image


def model_scale(cfg: TaskConfig) -> dict:
    """The manifest's preprocessing for a model trained with ``cfg`` (its input size may be a
    training-time override, so this is computed from the config actually used)."""
    if cfg.task == "all-subtype":
        return {
            "resize": "field resampled to um_per_px, centre square crop (or pad), resized to input",
            "um_per_px": round(ALL_UM_PER_PX * 224 / cfg.input_size, 4),
            "field_um": round(ALL_UM_PER_PX * 224, 1),
        }
    if cfg.task == "wbc-type":
        return {
            "resize": ("square crop of crop_um x stain_context centred on the cell, resized to "
                       "input x stain_context px (INTER_AREA down, INTER_LINEAR up), "
                       "stain-normalised there, its centre 1/stain_context cut out (the input): "
                       "the order of the training views"),
            "crop_um": WBC_CROP_UM,
            # share of a single-cell image's shorter side the model sees (classify command)
            "centre_fraction": round(cfg.source_crop * cfg.input_size / cfg.store_size / 180, 4),
            # stain normalisation saw the whole cached crop, the model its centre
            "stain_context": round(cfg.store_size / cfg.input_size, 4),
            "um_per_px": round(WBC_CROP_UM / cfg.input_size, 4),
            # the 4 rotations of the input, answers combined (classification.combine_views)
            **({"views": cfg.views} if cfg.views > 1 else {}),
        }
    return {
        "resize": ("field resampled to um_per_px, tiled in input-size squares (padded with the "
                   "field's own background colour, stain.background_rgb)"),
        "um_per_px": ALL_UM_PER_PX,
        "tile": cfg.input_size,
    }


def measure(dataset: str, n: int = 200) -> dict:
    """Median and spread of the app's scale estimate over n train images of a data set."""
    from clinic_app.scale import estimate_um_per_px

    root = data_root()
    rows = [r for r in csv.DictReader(open(root / dataset / "splits.csv")) if r["split"] == "train"]
    sub = "images/" if dataset == "all" else ""
    vals = []
    for r in rows[:: max(1, len(rows) // n)][:n]:
        rgb = cv2.cvtColor(cv2.imread(str(root / dataset / (sub + r["path"]))), cv2.COLOR_BGR2RGB)
        um, how = estimate_um_per_px(rgb)
        if how == "red-cells":
            vals.append(um)
    v = np.asarray(vals)
    return {"dataset": dataset, "measured": len(v), "median": float(np.median(v)),
            "p10": float(np.percentile(v, 10)), "p90": float(np.percentile(v, 90))}


if __name__ == "__main__":
    argparse.ArgumentParser(description="measure the data sets' scale").parse_args()
    for ds in ("all", "pbc"):
        print(measure(ds))
