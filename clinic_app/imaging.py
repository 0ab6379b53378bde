"""Small pixel helpers every stage shares, so each rule is written once.

- ``shrink_to``: a copy whose longer side is at most ``side`` (INTER_AREA averages; never
  enlarges), for thumbnails, previews, meters, report images; ``display_copy``: the same, faster,
  for a cell's picture only.
- ``channel_mean``: the grey level of float RGB pixels, fast and bit-identical;
  ``uint8_medians``: per-channel medians of uint8 pixels, the same values as ``np.median``.
- ``to_side``: a square brought to the classifier's working size (averaged when shrinking,
  bilinear when enlarging), the one resize training's cell caches and the app share.
- ``MASK_THRESHOLD`` / ``binary_mask``: where the segmenter's probability means "white cell".
- ``centre_square`` / ``square_crop``: the framings the classifiers were trained on.
- ``fill_holes``: a 0/1 mask with its enclosed pockets filled (a red cell's pale centre, a
  white cell's vacuoles).
"""

from __future__ import annotations

import cv2
import numpy as np

MASK_THRESHOLD = 0.5  # the segmenter's sigmoid output; the Dice figures in the manifest use it


def scaled_size(rgb: np.ndarray, side: int, min_px: int = 1) -> tuple[int, int]:
    """(width, height) of ``rgb`` brought to a longer side of ``side`` px (rounded)."""
    h, w = rgb.shape[:2]
    f = side / max(h, w)
    return max(min_px, round(w * f)), max(min_px, round(h * f))


def shrink_to(rgb: np.ndarray, side: int, min_px: int = 1,
              interpolation: int = cv2.INTER_AREA) -> np.ndarray:
    """``rgb`` itself when its longer side is <= ``side``, else a smaller copy (rounded size)."""
    if side >= max(rgb.shape[:2]):
        return rgb
    return cv2.resize(rgb, scaled_size(rgb, side, min_px), interpolation=interpolation)


WORK_SIDE = 256  # the copy screening makes once: the red-cell search, scope and quality use it


def work_copy(rgb: np.ndarray, side: int, given: np.ndarray | None = None) -> np.ndarray:
    """``shrink_to(rgb, side)``, or ``given`` when it is that copy already: screening shrinks a
    field once (``WORK_SIDE``) and the red-cell search, the in-scope check and the quality check
    all measure on that copy (a 640x480 field: ~1.5 ms a resize). Identical pixels either way;
    a copy of another size is not used."""
    if (given is not None and side < max(rgb.shape[:2])
            and given.shape[1::-1] == scaled_size(rgb, side)):
        return given
    return shrink_to(rgb, side)


def display_copy(rgb: np.ndarray, side: int) -> np.ndarray:
    """``shrink_to`` for pictures only (a cell's crop in the review and report): down by less
    than 2x, bilinear reads every source pixel it needs and is ~7x faster than INTER_AREA's
    fractional path (300 -> 160 px). Never for a measurement (focus, meters): those keep
    ``shrink_to``'s averaging."""
    near = side / max(rgb.shape[:2]) >= 0.5
    return shrink_to(rgb, side, interpolation=cv2.INTER_LINEAR if near else cv2.INTER_AREA)


def channel_mean(a: np.ndarray) -> np.ndarray:
    """``a.mean(axis=-1)`` of a float32 array with 3 channels, bit for bit (the same summation
    order), without numpy's slow length-3 axis reduction (5-10x faster)."""
    return (a[..., 0] + a[..., 1] + a[..., 2]) / np.float32(3)


def uint8_medians(pixels: np.ndarray) -> np.ndarray:
    """``np.median(pixels, axis=0)`` of an N x C uint8 array, the same float64 values, from
    each channel's 256-bin histogram instead of a sort (a 640x480 field: ~10x faster)."""
    n = len(pixels)
    if n == 0:
        raise ValueError("median of no pixels")
    out = np.empty(pixels.shape[1], np.float64)
    for c in range(pixels.shape[1]):
        cum = np.cumsum(np.bincount(pixels[:, c], minlength=256))
        lo, hi = np.searchsorted(cum, [(n - 1) // 2 + 1, n // 2 + 1])
        out[c] = (float(lo) + float(hi)) / 2.0
    return out


def to_side(square: np.ndarray, side: int) -> np.ndarray:
    """``square`` resized to ``side`` x ``side``: INTER_AREA down, INTER_LINEAR up, as is."""
    if square.shape[0] == side and square.shape[1] == side:
        return square
    interp = cv2.INTER_AREA if square.shape[0] > side else cv2.INTER_LINEAR
    return cv2.resize(square, (side, side), interpolation=interp)


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
    h, w = rgb.shape[:2]
    pad = max(0, -x0, -y0, x0 + side - w, y0 + side - h)
    if not pad:
        return rgb[y0:y0 + side, x0:x0 + side]
    xa, ya, xb, yb = max(x0, 0), max(y0, 0), min(x0 + side, w), min(y0 + side, h)
    top, bottom, left, right = ya - y0, y0 + side - yb, xa - x0, x0 + side - xb
    if xb > xa and yb > ya and max(left, right) < xb - xa and max(top, bottom) < yb - ya:
        # Mirror only the part inside the field (what each pad reflects lies within it): the
        # same pixels as mirroring the whole field, without copying the field per crop.
        return cv2.copyMakeBorder(rgb[ya:yb, xa:xb], top, bottom, left, right,
                                  cv2.BORDER_REFLECT_101)
    rgb = cv2.copyMakeBorder(rgb, pad, pad, pad, pad, cv2.BORDER_REFLECT_101)
    return rgb[y0 + pad:y0 + pad + side, x0 + pad:x0 + pad + side]


def fill_holes(mask: np.ndarray) -> np.ndarray:
    """0/1 uint8 ``mask`` with the background pockets not connected to the border filled (the
    pale centres of red cells, a white cell's paler granules or vacuoles)."""
    h, w = mask.shape
    flood = np.pad(mask, 1).astype(np.uint8)
    seeds = np.zeros((h + 4, w + 4), np.uint8)
    cv2.floodFill(flood, seeds, (0, 0), 1)
    holes = flood[1:-1, 1:-1] == 0
    return (mask.astype(bool) | holes).astype(np.uint8)
