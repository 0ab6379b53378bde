"""Small pixel helpers every stage shares, so each rule is written once.

- ``shrink_to``: a copy whose longer side is at most ``side`` (INTER_AREA averages; never
  enlarges), for thumbnails, previews, meters and report images.
- ``MASK_THRESHOLD`` / ``binary_mask``: where the segmenter's probability means "white cell".
- ``centre_square`` / ``square_crop``: the framings the classifiers were trained on.
"""

from __future__ import annotations

import cv2
import numpy as np

MASK_THRESHOLD = 0.5  # the segmenter's sigmoid output; the Dice figures in the manifest use it


def shrink_to(rgb: np.ndarray, side: int, min_px: int = 1) -> np.ndarray:
    """``rgb`` itself when its longer side is <= ``side``, else a smaller copy (rounded size)."""
    h, w = rgb.shape[:2]
    f = side / max(h, w)
    if f >= 1.0:
        return rgb
    size = (max(min_px, round(w * f)), max(min_px, round(h * f)))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def binary_mask(prob: np.ndarray) -> np.ndarray:
    """Boolean white-cell mask from the segmenter's probabilities."""
    return prob > MASK_THRESHOLD


def centre_square(rgb: np.ndarray, fraction: float = 1.0) -> np.ndarray:
    """Centre square covering ``fraction`` of the shorter side (the training framing)."""
    h, w = rgb.shape[:2]
    side = max(1, int(round(min(h, w) * fraction)))
    y0, x0 = (h - side) // 2, (w - side) // 2
    return rgb[y0:y0 + side, x0:x0 + side]


def square_crop(rgb: np.ndarray, cx: float, cy: float, side: int) -> np.ndarray:
    """``side`` x ``side`` crop centred on (cx, cy); edges are mirrored, not black."""
    half = side // 2
    x0, y0 = int(round(cx)) - half, int(round(cy)) - half
    pad = max(0, -x0, -y0, x0 + side - rgb.shape[1], y0 + side - rgb.shape[0])
    if pad:
        rgb = cv2.copyMakeBorder(rgb, pad, pad, pad, pad, cv2.BORDER_REFLECT_101)
        x0, y0 = x0 + pad, y0 + pad
    return rgb[y0:y0 + side, x0:x0 + side]
