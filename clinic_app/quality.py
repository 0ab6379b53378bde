"""Quality check of one field: is it sharp, exposed and stained well enough to count cells on?

A blurred, blank, unstained or burnt-out field gives confident nonsense from the models, so it is
refused (``usable=False`` with a reason) or flagged (warnings) before any model runs.

Measures (all cheap, a few ms for a 640x480 field):

- ``focus``: variance of the Laplacian of the grey image after shrinking it (INTER_AREA) so the
  longer side is at most ``FOCUS_SIDE`` px; never enlarged, because interpolation invents no
  detail and only lowers the figure (a 224 px field enlarged to 512 px drops about 20x).
- ``clipped_dark`` / ``clipped_bright``: fractions of grey pixels <= 5 and >= 250.
- ``stain``: mean HSV saturation (0..1) of the 20% most saturated pixels; pixels darker than
  V=40 count as unsaturated, since their hue is noise.
- grey contrast (99th - 1st percentile) and mean grey of the shrunk copy, used only to decide
  (blank / dark field).

Calibration (measured with ``python -m clinic_app.quality FOLDER...``, the ``__main__`` below):
real fields = every image in ``all/images`` (2,932, 224x224) and ``bccd/JPEGImages`` (292,
640x480) and ``pbc`` (15,383, ~180 px); degraded = the same fields blurred with a
Gaussian of sigma 1% and 2% of the longer side, and black, white and uniform grey images.

=============  ==============================  ====================================
measure        real fields: minimum (1st pc)   degraded: maximum
=============  ==============================  ====================================
focus          all 40.8 (86.9), bccd 14.3      blur 2%: 3.4 (all sets);
               (15.2), pbc 12.9 (44.3)         blur 1%: bccd 2.8, all/pbc 10.7
stain          all 0.084 (0.115), bccd 0.18,   black / white / grey: 0.0
               pbc 0.20
clipped_bright all up to 0.62 (median 0.22!)   white: 1.0
clipped_dark   all sets <= 0.002               black: 1.0
contrast       >= 55 (every 5th/1st/20th)      uniform: 0
mean grey      all sets >= 165                 black: 0
=============  ==============================  ====================================

Every real field passes as usable (2,932 + 292 + 15,383), none with a warning; every 2%-blurred,
black, white and uniform field is refused; about 30% of 1%-blurred fields are refused (all of the
bccd ones, whose cells are 100 px wide, fewer of the small 224 px fields).

The ``all`` set's backgrounds are often burnt out (a fifth of the pixels at >= 250 is typical),
so bright clipping alone refuses a field only when almost nothing else is left. Known limit:
sensor noise raises ``focus`` (Laplacian of noise), so a noisy *and* blurred small image can pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

from clinic_app.imaging import work_copy
from clinic_app.results import QualityReport

FOCUS_SIDE = 256  # focus is measured on a copy no larger than this (resolution robustness)
# Unusable below FOCUS_MIN: ~2.6x under the lowest real field (a pbc one, 12.9) and 1.5x
# over every 2%-blurred field (max 3.4). Warn below FOCUS_WARN: under all real fields.
FOCUS_MIN = 5.0
FOCUS_WARN = 10.0

DARK_LEVEL = 5
BRIGHT_LEVEL = 250
# Dark clipping hides nuclei: real fields never exceed 0.2%.
CLIPPED_DARK_WARN = 0.02
CLIPPED_DARK_MAX = 0.25
# Bright clipping is mostly empty background: real `all` fields reach 0.62.
CLIPPED_BRIGHT_WARN = 0.70
CLIPPED_BRIGHT_MAX = 0.90

STAIN_TOP_FRACTION = 0.20
STAIN_DARK_V = 40  # below this value (0..255) hue and saturation are noise
# Unusable below half the palest real field (all: 0.084); warn just under that field.
STAIN_MIN = 0.04
STAIN_WARN = 0.08

# Grey 99th-1st percentile spread: real fields >= 55; a blank or uniform field ~0.
CONTRAST_MIN = 15.0
CONTRAST_WARN = 35.0
# Mean grey: bright-field smears are bright (real >= 165); a dark frame is a lamp or camera fault.
MEAN_GREY_MIN = 60.0
MEAN_GREY_WARN = 120.0


def assess(rgb: np.ndarray, small: np.ndarray | None = None) -> QualityReport:
    """Measure one RGB uint8 field and decide whether its cells can be trusted. ``small``: the
    field's ``imaging.WORK_SIDE`` copy, when screening has made it."""
    _check_rgb(rgb)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    small = work_copy(rgb, FOCUS_SIDE, small)
    small_grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    focus = focus_measure(small_grey)
    dark = float(np.count_nonzero(grey <= DARK_LEVEL)) / grey.size
    bright = float(np.count_nonzero(grey >= BRIGHT_LEVEL)) / grey.size
    stain = stain_measure(small)
    p1, p99 = np.percentile(small_grey, (1, 99))  # on the small copy: cheap for 12 MP frames
    contrast = float(p99 - p1)
    mean = float(small_grey.mean())
    problems = _problems(focus, dark, bright, stain, contrast, mean)
    warnings = _warnings(focus, dark, bright, stain, contrast, mean) if not problems else ()
    return QualityReport(
        focus=focus,
        clipped_dark=dark,
        clipped_bright=bright,
        stain=stain,
        warnings=warnings,
        usable=not problems,
        reason="; ".join(problems),
    )


def focus_measure(grey: np.ndarray) -> float:
    """Variance of the Laplacian: edges of in-focus cells give large second derivatives."""
    return float(cv2.Laplacian(grey, cv2.CV_32F).var())


def stain_measure(rgb: np.ndarray) -> float:
    """Mean saturation (0..1) of the most saturated fifth: the stained cells, not the background."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    sat = np.where(hsv[:, :, 2] >= STAIN_DARK_V, hsv[:, :, 1], 0).ravel()
    k = max(1, int(sat.size * STAIN_TOP_FRACTION))
    top = np.partition(sat, sat.size - k)[-k:]
    return float(top.mean()) / 255.0


def _problems(
    focus: float, dark: float, bright: float, stain: float, contrast: float, mean: float
) -> list[str]:
    """Reasons to refuse the field, most basic first (a black frame is not 'unstained')."""
    out = []
    if mean < MEAN_GREY_MIN or dark > CLIPPED_DARK_MAX:
        out.append(f"too dark (mean grey {mean:.0f}, {dark:.0%} black)")
    if bright > CLIPPED_BRIGHT_MAX:
        out.append(f"overexposed ({bright:.0%} of pixels white)")
    if contrast < CONTRAST_MIN:
        out.append("blank field (no cells visible)")
    elif stain < STAIN_MIN:
        out.append(f"no stain visible (stain {stain:.2f})")
    if focus < FOCUS_MIN and contrast >= CONTRAST_MIN:
        out.append(f"out of focus (focus {focus:.1f} < {FOCUS_MIN:g})")
    return out


def _warnings(
    focus: float, dark: float, bright: float, stain: float, contrast: float, mean: float
) -> tuple[str, ...]:
    """Borderline values: the field is counted, but the reviewer should look at it."""
    out = []
    if focus < FOCUS_WARN:
        out.append("slightly out of focus")
    if dark > CLIPPED_DARK_WARN:
        out.append(f"dark areas clipped ({dark:.0%})")
    if mean < MEAN_GREY_WARN:
        out.append("dim illumination")
    if bright > CLIPPED_BRIGHT_WARN:
        out.append(f"bright areas clipped ({bright:.0%})")
    if stain < STAIN_WARN:
        out.append("pale stain")
    if contrast < CONTRAST_WARN:
        out.append("low contrast")
    return tuple(out)


def _check_rgb(rgb: np.ndarray) -> None:
    if not isinstance(rgb, np.ndarray) or rgb.dtype != np.uint8 or rgb.ndim != 3:
        raise ValueError("assess expects an RGB uint8 array of shape HxWx3")
    if rgb.shape[2] != 3 or min(rgb.shape[:2]) < 2:
        raise ValueError(f"assess expects an RGB uint8 array of shape HxWx3, got {rgb.shape}")


def _calibrate(folders: list[str]) -> None:
    """Print percentiles of each measure over the images under ``folders`` (re-calibration)."""
    from clinic_app.image_paths import iter_image_paths
    from clinic_app.images import ImageError, load_field

    paths, _ = iter_image_paths(folders)
    rows = []
    for path in paths:
        try:
            q = assess(load_field(path).image)
        except ImageError as exc:
            print(exc, file=sys.stderr)
            continue
        rows.append((q.focus, q.stain, q.clipped_dark, q.clipped_bright, float(q.usable)))
    if not rows:
        print("no images", file=sys.stderr)
        return
    table = np.asarray(rows)
    print(f"{len(rows)} images; percentiles 0 / 1 / 50 / 99 / 100")
    for j, name in enumerate(("focus", "stain", "clipped_dark", "clipped_bright", "usable")):
        cells = " ".join(f"{v:9.4f}" for v in np.percentile(table[:, j], (0, 1, 50, 99, 100)))
        print(f"{name:15s} {cells}")


if __name__ == "__main__":
    _calibrate(sys.argv[1:] or [str(Path.cwd())])
