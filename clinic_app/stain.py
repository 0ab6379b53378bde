"""Reinhard colour normalisation, in numpy, shared by training and the app.

Stains differ between labs and cameras; matching each image's Lab mean and spread to a
reference makes a model trained on one lab's smears see another lab's smears in familiar
colours. Training (``training.data``) and inference call this same function, so the model
sees identical preprocessing in both places.
"""

from __future__ import annotations

import cv2
import numpy as np

# Lab (OpenCV 8-bit scaling) mean and std of every 20th PBC training image (measured once
# with clinic_app.stain on the train split); fixed so every installation normalises alike.
REFERENCE_MEAN = (203.4, 138.7, 135.5)
REFERENCE_STD = (39.3, 8.3, 13.2)


def reinhard(
    rgb: np.ndarray,
    mean: tuple[float, float, float] = REFERENCE_MEAN,
    std: tuple[float, float, float] = REFERENCE_STD,
) -> np.ndarray:
    """Return ``rgb`` (uint8 HxWx3) with its Lab statistics moved to ``mean``/``std``."""
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError("reinhard expects an RGB uint8 image of shape HxWx3")
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32)
    src_mean = lab.reshape(-1, 3).mean(axis=0)
    src_std = lab.reshape(-1, 3).std(axis=0) + 1e-3
    out = (lab - src_mean) / src_std * np.asarray(std, np.float32) + np.asarray(mean, np.float32)
    out = np.clip(out, 0, 255).astype(np.uint8)
    return cv2.cvtColor(out, cv2.COLOR_LAB2RGB)


def apply(rgb: np.ndarray, method: str) -> np.ndarray:
    """Apply the normalisation named in a model's manifest (``none`` or ``reinhard``)."""
    if method in ("", "none"):
        return rgb
    if method == "reinhard":
        return reinhard(rgb)
    raise ValueError(f"unknown stain normalisation {method!r}")
