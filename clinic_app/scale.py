"""Microscope scale (um per pixel) of a field, measured on its red cells.

Models are trained at one magnification; a clinic camera on another microscope sees cells at
another size. Red cells are about 7.5 um across in every healthy smear, so their typical diameter
in pixels is a ruler printed on every field. Method, on a copy whose longer side is 256 px (then,
if that finds too few red cells, 384 px):

1. cells vs background on the smoothed green channel (haemoglobin and stain absorb green): a
   triangle threshold at the foot of the bright background peak says which pixels are cells
   (ignoring the darkest 5%, so dark nuclei do not drag it past pale red cells), and the mask is
   cut half-way between background and the median cell level, where a blurred edge really is;
2. candidate circles: ``cv2.HoughCircles`` (HOUGH_GRADIENT_ALT) on the green channel and on the
   hole-filled mask (outer outlines only, no central pallor);
3. keep circles that outline a red cell: mostly cell inside, background in the ring just outside
   (drops circles fitted to central pallor or inside clumps), and a pale median saturation
   (drops white cells, whose stain is 2-3x more saturated), measured once the background is
   made grey (a warm or cool lamp tints every pale cell with the glass);
4. the median diameter of the kept circles, when at least ``MIN_CIRCLES`` remain;
5. where neither copy measured, once more on the coarse copy with its light evened out (a
   vignetted or unevenly lit field loses its darker part's red cells to one threshold).

Measured accuracy: ``red_cell_diameter_px`` on every 98th ``all``, 10th ``bccd`` and 510th
``pbc`` image (30, 30, 31 images) and, in brackets, on every 10th / every / every 50th (294,
292, 308). Diameter in px of the original image, median (10th-90th percentile):

- all (224x224): 17.9 px (16.8-20.4) [17.8 (16.2-20.2)], no measurement 0/30 [0/294];
  0.42 um/px (0.37-0.46). Red cells measured by eye: ~18 px (not 14-16).
- bccd (640x480): 88.4 px (78.9-94.2) [87.5 (79.3-95.1)], no measurement 0/30 [0/292];
  0.086 um/px (0.079-0.095). Annotated RBC boxes: median 104 px; estimate / box 0.84
  (0.77-0.92) -- the boxes also span irregular and overlapping cells.
- pbc (~180x181): 36.1 px (34.7-39.9) [36.3 (33.2-38.8)], no measurement 1/31 [2/308];
  0.21 um/px (0.19-0.23). Red cells measured by eye: ~38-40 px (not 50-60).
- synthetic pale discs with a paler centre (tests/test_scale.py), 18 / 40 / 90 px: 17.7 / 37.9
  / 83.5 px (-2% to -7%).
- the same field shrunk 2x (bccd) or enlarged 2x (all, pbc): the estimate follows the factor
  to within 0.94-1.09 (10th-90th percentile).

So one field is good to about +-12% (10th-90th percentile), reading 0-7% low against cells
measured by eye or drawn, and 16% low against the bccd boxes; averaging the fields of a slide
narrows the spread, not the bias. Measurable red cells: from ~2.5% of the longer side to ~1/3
of the shorter side. Time on the development machine (2 cores, busy with a training run):
median 10 ms (90th pc 13) for a 640x480 field, ~19 ms for a 224 px field (enlarged to 256 px).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from clinic_app.imaging import fill_holes, scaled_size, work_copy
from clinic_app.stain import background_rgb, with_gains

RED_CELL_UM = 7.5
# Assumed when no cue exists: the `all` set's median. The field is then marked "unknown" and
# the summary flags it (SCALE_UNKNOWN) with the --um-per-px hint: never a silent default.
DEFAULT_UM_PER_PX = 0.42
UNKNOWN = "unknown"
# Single-cell images of a known format carry their scale in their framing: CellaVision DM96
# cell images (the PBC set) are 360x363 px, and 180x181 at the half size shipped here, where
# their red cells measure 0.209 um/px (median, training.scale); a few red cells at their edges
# are often too few to measure.
KNOWN_CROP_FORMATS = {(363, 360): 0.1045, (360, 363): 0.1045,
                      (181, 180): 0.209, (180, 181): 0.209}
CROP_FORMAT = "crop-format (CellaVision cell image)"
# The white cell itself, where no red cell can be measured (single-cell crops, packed or
# lysed fields): the whole-cell box side (square root of width x height) of annotated white
# cells measured 13.4 um on the 100 BCCD dev fields (105 cells) and 14.8 um on every 4th Bio-Net
# train field (204 cells), each at its field's red-cell scale; one cell reads 10-19 um (10th-90th
# percentile), so the cue is good to about +-30%, and blasts (larger) read it high.
WHITE_CELL_UM = 14.0
WHITE_CELLS = "white-cells"
# How sure each cue is: relative 10th-90th percentile error per field (figures above); a scale
# given by the user is taken as exact. Reported in analysis.json as ``scale_uncertainty``.
CUE_UNCERTAINTY = {"given": 0.0, "red-cells": 0.12, "crop-format": 0.05, WHITE_CELLS: 0.3}
# Measure on a copy with this longer side; if too few red cells are found there (small, packed
# cells), once more on a finer copy. 256 keeps a 640x480 field under ~10 ms.
WORK_SIDES = (256, 384)
MIN_CIRCLES = 3  # fewer red-cell outlines than this is not a measurement
# Step 5 on a small image (a crop around one white cell) needs more outlines: evened, pale parts
# of a large white cell can look like red cells (256 px BCCD dev crops at 0.086 um/px: 3-7
# outlines, readings 2-4x too coarse), where PBC images rescued from vignetting show 9-43.
EVENED_SMALL_PX = 256
EVENED_SMALL_MIN_OUTLINES = 8
UM_PER_PX_RANGE = (0.02, 2.0)  # 100x oil (~0.05) down to a 10x objective on a coarse camera

_DARK_CLIP_PERCENTILE = 5.0  # nuclei darker than this would drag the triangle threshold away
_MASK_FRACTION = (0.02, 0.95)  # outside this, the field is blank or all cells: nothing to measure
_INSIDE_MIN = 0.7  # fraction of cell pixels inside a kept circle (pallor allowed)
_OUTSIDE_MIN = 0.3  # fraction of background in the ring just outside it
# Median HSV saturation (0..255) inside a kept circle: red cells measured 31-51 (pixel medians,
# three sets; bccd circles 14-50), white cells 104-161 (bccd circles 83-135).
_RED_CELL_MAX_SATURATION = 80.0


@dataclass(frozen=True)
class RedCells:
    """What the red-cell search saw on a field: their typical diameter (None when too few to
    measure) and how many red-cell outlines it accepted (the in-scope check reads this: a
    blood film shows red cells, a tissue section or a chart does not)."""

    diameter_px: float | None
    outlines: int


def estimate_um_per_px(rgb: np.ndarray, found: RedCells | None = None) -> tuple[float, str]:
    """``(um_per_px, cue)``: from the red cells, else from a known crop format, else
    ``(DEFAULT_UM_PER_PX, UNKNOWN)`` (an assumption the summary flags, not a measurement).
    ``found``: ``red_cells(rgb)`` when the caller has it already (the search is most of the
    cost)."""
    diameter = (found or red_cells(rgb)).diameter_px
    if diameter is not None and UM_PER_PX_RANGE[0] <= RED_CELL_UM / diameter <= UM_PER_PX_RANGE[1]:
        return RED_CELL_UM / diameter, "red-cells"
    known = KNOWN_CROP_FORMATS.get(rgb.shape[:2])
    if known is not None:
        return known, CROP_FORMAT
    return DEFAULT_UM_PER_PX, UNKNOWN


def from_white_cells(sides_px: list[float]) -> float | None:
    """um/px from the whole-cell box sides (px) of the white cells found on a field, or None."""
    sides = [s for s in sides_px if s > 0]
    if not sides:
        return None
    um = WHITE_CELL_UM / float(np.median(sides))
    return um if UM_PER_PX_RANGE[0] <= um <= UM_PER_PX_RANGE[1] else None


def cue_uncertainty(cue: str) -> float | None:
    """Relative uncertainty of a scale cue ("red-cells (median of 5 fields)" -> 0.12); None
    for "unknown" (an assumption, not a measurement)."""
    return CUE_UNCERTAINTY.get(cue.split(" ")[0])


def red_cell_diameter_px(rgb: np.ndarray) -> float | None:
    """Typical red-cell diameter in pixels of ``rgb`` (RGB uint8), or None when too few are seen."""
    return red_cells(rgb).diameter_px


def red_cells(rgb: np.ndarray, small: np.ndarray | None = None) -> RedCells:
    """The red-cell search of the docstring: on the coarse copy, then (too few there) the finer
    one; ``outlines`` counts those of the copy that measured, else the most on either.
    ``small``: the field's ``imaging.WORK_SIDE`` copy when the caller has made it."""
    _check_rgb(rgb)
    most = 0
    for side in WORK_SIDES:
        diameter, outlines = _diameter_at(rgb, side, small)
        if diameter is not None:
            return RedCells(diameter, outlines)
        most = max(most, outlines)
    diameter, outlines = _diameter_evened(rgb, small)
    if diameter is not None:
        return RedCells(diameter, outlines)
    return RedCells(None, most)


def _diameter_evened(rgb: np.ndarray, small: np.ndarray | None) -> tuple[float | None, int]:
    """Step 5: the coarse copy with its light evened out (``_even``), where both copies found
    too few red cells: one threshold for the whole field loses the red cells of a vignetted or
    unevenly lit field's darker part. Only a field that measured nothing is read again, so a
    field that measured before keeps its reading."""
    copy, factor = _working_copy(rgb, WORK_SIDES[0], small)
    evened = _even(copy)
    diameter, outlines = _diameter_at(evened, max(evened.shape[:2]), evened)
    if diameter is None or (max(rgb.shape[:2]) <= EVENED_SMALL_PX
                            and outlines < EVENED_SMALL_MIN_OUTLINES):
        return None, outlines
    return diameter / factor, outlines


def _even(small: np.ndarray) -> np.ndarray:
    """``small`` divided by its local background and brought to its overall background colour:
    vignetting and a lamp's gradient removed, the cells' own contrast kept. The local
    background is the 90th percentile of each block of 1/8 of the longer side (glass shows
    somewhere in most blocks), interpolated and smoothed: a brightest-neighbour estimate
    reached across into the brighter centre and left corners dark (val, strong vignetting:
    PBC 22 -> 29, BCCD 42 -> 47 of their images measured)."""
    h, w = small.shape[:2]
    b = max(4, max(h, w) // 8)
    b = min(b, h, w)
    gh, gw = h // b, w // b
    blocks = small[:gh * b, :gw * b].reshape(gh, b, gw, b, 3).transpose(0, 2, 1, 3, 4)
    bg = np.percentile(blocks.reshape(gh, gw, b * b, 3), 90, axis=2).astype(np.float32)
    core = cv2.resize(bg, (gw * b, gh * b), interpolation=cv2.INTER_LINEAR)
    local = cv2.copyMakeBorder(core, 0, h - gh * b, 0, w - gw * b, cv2.BORDER_REPLICATE)
    local = cv2.GaussianBlur(local, (0, 0), b / 2.0)
    target = background_rgb(small).astype(np.float32)
    return np.clip(small.astype(np.float32) * target / np.maximum(local, 1.0), 0,
                   255).astype(np.uint8)


def _diameter_at(rgb: np.ndarray, side: int,
                 given: np.ndarray | None = None) -> tuple[float | None, int]:
    """One measurement on a copy whose longer side is ``side`` px (steps 1-4 of the docstring):
    the diameter (None below ``MIN_CIRCLES`` outlines) and the number of outlines kept."""
    small, factor = _working_copy(rgb, side, given)
    green = cv2.GaussianBlur(small[:, :, 1], (0, 0), 1.0)
    cells = _cell_mask(green)
    if cells is None:
        return None, 0
    filled = fill_holes(cells)
    candidates = np.vstack([
        _circles(cv2.GaussianBlur(small[:, :, 1], (0, 0), 1.5)),
        _circles(cv2.GaussianBlur(filled * np.uint8(255), (0, 0), 1.5)),
    ])
    saturation = cv2.cvtColor(_neutral(small), cv2.COLOR_RGB2HSV)[:, :, 1]
    radii = _red_cell_radii(candidates, cells, saturation)
    if len(radii) < MIN_CIRCLES:
        return None, len(radii)
    return 2.0 * float(np.median(radii)) / factor, len(radii)


NATIVE_TOLERANCE = 0.05  # a field within 5% of a model's scale is used as it is


def resample_to(rgb: np.ndarray, um_per_px: float, target_um_per_px: float,
                tolerance: float = NATIVE_TOLERANCE) -> np.ndarray:
    """Resize ``rgb`` so one pixel covers ``target_um_per_px``; ``rgb`` itself if no change.

    Within ``tolerance`` (well inside the scale estimate's own +-12%) the field is taken at
    the model's native scale: resampling by a few percent would only blur it.

    INTER_AREA when shrinking (averages, no aliasing of fine chromatin), INTER_LINEAR when
    enlarging (INTER_AREA would fall back to nearest-neighbour blocks).
    """
    if not (um_per_px > 0 and target_um_per_px > 0):
        raise ValueError("um_per_px and target_um_per_px must be positive")
    factor = um_per_px / target_um_per_px
    if abs(factor - 1.0) <= tolerance:
        return rgb
    h, w = rgb.shape[:2]
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    if size == (w, h):
        return rgb
    interpolation = cv2.INTER_AREA if factor < 1.0 else cv2.INTER_LINEAR
    return cv2.resize(rgb, size, interpolation=interpolation)


def _check_rgb(rgb: np.ndarray) -> None:
    if not isinstance(rgb, np.ndarray) or rgb.dtype != np.uint8 or rgb.ndim != 3:
        raise ValueError("expected an RGB uint8 array of shape HxWx3")
    if rgb.shape[2] != 3:
        raise ValueError(f"expected an RGB uint8 array of shape HxWx3, got {rgb.shape}")


def _working_copy(rgb: np.ndarray, side: int,
                  given: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Copy with the longer side ``side`` and the factor applied (px_work / px_original);
    shrinking, the caller's copy (``given``) when it is that one."""
    factor = side / max(rgb.shape[:2])
    if factor < 1.0:
        return work_copy(rgb, side, given), factor
    return cv2.resize(rgb, scaled_size(rgb, side), interpolation=cv2.INTER_LINEAR), factor


def _neutral(small: np.ndarray) -> np.ndarray:
    """``small`` with its background made grey (per-channel gains from ``stain.background_rgb``)
    for the saturation test: a warm or cool lamp tints the glass and every pale red cell with it,
    and red cells read as saturated as white cells (warm light, val: PBC images measured 43 ->
    3 of 43 without it, 43 with; docs/models.md)."""
    bg = background_rgb(small).astype(np.float32)
    return with_gains(small, bg.max() / np.maximum(bg, 1.0))


def _cell_mask(green: np.ndarray) -> np.ndarray | None:
    """1 where cells are, None for a blank field.

    The triangle threshold (foot of the background peak) finds which pixels are cells; the mask
    itself is cut half-way between background and the median cell level, where a blurred edge
    really is: cut at the foot, every cell would come out a blur-width too wide.
    """
    hist = np.convolve(np.bincount(green.ravel(), minlength=256), np.ones(3) / 3.0, mode="same")
    background = int(np.argmax(hist))
    foot = _triangle_threshold(green, hist, background)
    cells = green < foot
    if not _MASK_FRACTION[0] <= float(cells.mean()) <= _MASK_FRACTION[1]:
        return None
    mask = (green < (background + float(np.median(green[cells]))) / 2.0).astype(np.uint8)
    if not _MASK_FRACTION[0] <= float(mask.mean()) <= _MASK_FRACTION[1]:
        return None
    return mask


def _triangle_threshold(grey: np.ndarray, hist: np.ndarray, peak: int) -> float:
    """Triangle threshold on the dark side of the histogram ``peak``, ignoring the darkest pixels.

    OpenCV's version stretches its triangle to the darkest pixel, so a dark nucleus pulls the
    threshold away from pale red cells; here the darkest few percent are left out.
    """
    low = int(np.percentile(grey, _DARK_CLIP_PERCENTILE))
    if low >= peak - 1:
        return float(peak)
    xs = np.arange(low, peak + 1, dtype=np.float64)
    # how far each histogram point lies below the line from (low, hist[low]) to (peak, hist[peak])
    dist = (peak - low) * (hist[low] - hist[low:peak + 1]) - (hist[peak] - hist[low]) * (low - xs)
    return float(xs[int(np.argmax(dist))] + 1)


def _circles(image: np.ndarray) -> np.ndarray:
    """Nx3 float (x, y, r) circles of radius 3 px to 1/6 of the shorter side.

    HOUGH_GRADIENT_ALT scores how complete each circle's edge is (param2); 0.7 lets through
    partly hidden red cells, and the checks in ``_red_cell_radii`` drop what is not a cell.
    """
    h, w = image.shape
    if min(h, w) < 36:  # the radius range would be empty
        return np.zeros((0, 3), np.float32)
    found = cv2.HoughCircles(
        image, cv2.HOUGH_GRADIENT_ALT, dp=1, minDist=6, param1=100, param2=0.7,
        minRadius=3, maxRadius=int(min(h, w) / 6),
    )
    return np.zeros((0, 3), np.float32) if found is None else found[0].astype(np.float32)


def _red_cell_radii(circles: np.ndarray, cells: np.ndarray, saturation: np.ndarray) -> np.ndarray:
    """Radii of circles outlining a whole pale cell (a red cell), not pallor, clump or nucleus.

    A cell found both on the green channel and on the mask counts twice: agreement of the two
    is evidence that the circle is a real outline. The tests run cheapest first and stop at the
    first that fails (the saturation median, the dearest, only for circles that passed the rest).
    """
    radii = []
    for x, y, r in circles:
        if _is_red_cell(x, y, r, cells, saturation):
            radii.append(r)
    return np.asarray(radii, np.float32)


def _is_red_cell(x: float, y: float, r: float, cells: np.ndarray,
                 saturation: np.ndarray) -> bool:
    """Cell fraction inside >= _INSIDE_MIN, background in the ring just outside >=
    _OUTSIDE_MIN, median saturation inside <= _RED_CELL_MAX_SATURATION."""
    h, w = cells.shape
    x0, x1 = int(max(0, x - 1.5 * r)), int(min(w, x + 1.5 * r + 1))
    y0, y1 = int(max(0, y - 1.5 * r)), int(min(h, y + 1.5 * r + 1))
    yy, xx = np.ogrid[y0:y1, x0:x1]
    dist = np.hypot(xx - x, yy - y)
    inside = dist <= 0.95 * r
    ring = (dist >= 1.15 * r) & (dist <= 1.45 * r)
    if not inside.any() or not ring.any():
        return False
    crop = cells[y0:y1, x0:x1]  # 0 / 1: a share of cell pixels is a count over a count
    n_in, n_ring = np.count_nonzero(inside), np.count_nonzero(ring)
    if (np.count_nonzero(crop & inside) / n_in < _INSIDE_MIN
            or 1.0 - np.count_nonzero(crop & ring) / n_ring < _OUTSIDE_MIN):
        return False
    return _median(saturation[y0:y1, x0:x1][inside]) <= _RED_CELL_MAX_SATURATION


def _median(values: np.ndarray) -> float:
    """``np.median`` of a flat array (the same value) from one partition: ~3x faster on the
    few hundred pixels of a circle, where numpy's general median is mostly overhead."""
    n = len(values)
    part = np.partition(values, [(n - 1) // 2, n // 2])
    return (float(part[(n - 1) // 2]) + float(part[n // 2])) / 2.0
