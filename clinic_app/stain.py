"""Reinhard colour normalisation in uint8 (OpenCV + lookup tables), shared by training and app.

Stains differ between labs and cameras; matching each image's Lab mean and spread to a
reference makes a model trained on one lab's smears see another lab's smears in familiar
colours. Training (``training.data``) and inference call this same function, so the model
sees identical preprocessing in both places.

The mapping is affine per Lab channel, so it is applied as three 256-entry lookup tables on
the 8-bit Lab image: about 7x faster than the float version it replaces, with the same
truncation, so results match it except for a few pixels in 100,000.
"""

from __future__ import annotations

import cv2
import numpy as np

# Lab (OpenCV 8-bit scaling) mean and std of every 20th PBC training image (measured once
# with clinic_app.stain on the train split); fixed so every installation normalises alike.
REFERENCE_MEAN = (203.4, 138.7, 135.5)
REFERENCE_STD = (39.3, 8.3, 13.2)
METHODS = ("none", "reinhard")
_LEVELS = np.arange(256, dtype=np.float32)


def reinhard(
    rgb: np.ndarray,
    mean: tuple[float, float, float] = REFERENCE_MEAN,
    std: tuple[float, float, float] = REFERENCE_STD,
) -> np.ndarray:
    """Return ``rgb`` (uint8 HxWx3) with its Lab statistics moved to ``mean``/``std``."""
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError("reinhard expects an RGB uint8 image of shape HxWx3")
    lab = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2LAB)
    src_mean, src_std = cv2.meanStdDev(lab)
    channels = list(cv2.split(lab))
    for i in range(3):
        gain = std[i] / (float(src_std[i, 0]) + 1e-3)
        lut = np.clip((_LEVELS - float(src_mean[i, 0])) * gain + mean[i], 0, 255)
        channels[i] = cv2.LUT(channels[i], lut.astype(np.uint8))
    return cv2.cvtColor(cv2.merge(channels), cv2.COLOR_LAB2RGB)


def apply(rgb: np.ndarray, method: str) -> np.ndarray:
    """Apply the normalisation named in a model's manifest (``none`` or ``reinhard``)."""
    if method in ("", "none"):
        return rgb
    if method == "reinhard":
        return reinhard(rgb)
    raise ValueError(f"unknown stain normalisation {method!r}")
