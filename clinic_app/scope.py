"""Is this a stained blood film (a field or a single-cell image)? Asked before any analysis.

A model trained on smears answers confidently on anything, a cat included, so what is not a
smear must be refused before a model sees it. The check reads physical facts of a stained
blood film, each a plain number, and no model: a bright, smooth glass/plasma background; stained
objects darker than it whose colour, once the background is made white (which removes the
camera's and the stain's cast: cyan, yellow, grey-green backgrounds alike), is that of a
Romanowsky-type stain (green absorbed most: pink red cells, purple nuclei); roughly round,
solid objects (red cells, white cells); few distinct colours and little texture in between;
red-cell outlines that the scale's red-cell search accepts (a tissue section, a chart or a
photo shows none); no single exact colour covering much of the image (a rendered chart or page:
a camera's noise makes every colour rare).

Hard rules refuse what is physically not a brightfield stained film (greyscale, dark
background, no background, no stained objects, too small); a logistic regression on the same
standardised features (fitted by ``training/scope_eval.py`` on the train splits and a
generated negative set, held out by family, weights below) decides the rest. Its threshold is
permissive on purpose: a smear from an unseen camera or stain must not be refused.

A small high-magnification crop can be refused only because it shows no whole red cell (its
red cells are cut by the edge and wider than the search's circles). There the white-cell
detector has a second look (``second_look``, ``vouched``): a white cell it finds confidently
vouches for the image; the caller that holds the model asks it (``fields``).
See docs/scope.md for the figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from clinic_app import scale
from clinic_app.imaging import channel_mean, work_copy
from clinic_app.quality import BRIGHT_LEVEL

OUT_OF_SCOPE = "out of scope:"  # how every refusal begins (DESIGN.md: skipped)

WORK_PX = 256  # long side the features are computed at (scale-free, and fast)
MIN_SIDE_PX = 48
FEATURES = ("bg_level", "bg_frac", "bg_texture", "dark_frac", "fg_frac", "fg_romanowsky",
            "fg_chroma", "hue_spread", "edge_frac", "round_frac", "blob_count", "flat_frac",
            "colour_count", "raw_chroma", "bg_chroma", "exact_flat", "largest_blob",
            "modal_share", "red_cells")
# What the regression weighs: every feature but ``exact_flat``, which only its hard rule uses
# (left out of the regression, the held-out checks of docs/scope.md improved: negatives of an
# unseen family 98.99 % refused against 97.99 %, smears of an unseen source 4.9 % against 7.0 %).
MODEL_FEATURES = tuple(f for f in FEATURES if f != "exact_flat")

# Fitted by `python -m training.scope_eval --fit` (numpy logistic regression, L2 5, all
# families; MODEL_FEATURES order).
MEAN = np.array([0.8319, 0.3908, 0.0386, 0.0216, 0.5103, 0.6684, 0.165, 0.0763, 0.0309, 0.3116,
                 1.2156, 0.02, 0.0407, 0.4001, 0.1579, 0.2539, 0.0555, 1.2246])
STD = np.array([0.1592, 0.1719, 0.1008, 0.1096, 0.1623, 0.3335, 0.0914, 0.1555, 0.0436, 0.304,
                0.3538, 0.0598, 0.0371, 0.1567, 0.1349, 0.2403, 0.1498, 0.5691])
WEIGHTS = np.array([0.3284, -0.2658, -0.8119, -0.6773, 0.3111, 1.9979, -0.6784, -0.4842,
                    -0.7475, -0.1289, 0.1992, -0.9817, 0.541, 0.376, -0.1255, -0.5266, -1.2622,
                    1.903])
BIAS = 3.6691
# P(smear) below which an image is refused: chosen on the val splits (0.5 refused 3 of 154 val
# Bio-Net fields with grey-blue red cells), low on purpose for unseen stains.
THRESHOLD = 0.3
# The second look (``second_look``): a 256 px crop at ~0.09 um/px is one white cell ringed by
# red-cell fragments, which the red-cell search does not outline; the check refused 16 of 99
# BCCD dev crops for that alone (P 0.06-0.29), more under a darker exposure (P down to 0.02).
# Refused images with P >= SECOND_LOOK_MIN_P whose weakest feature is the red cells are shown to
# the white-cell detector (no scale unless the red cells gave one); a box scoring
# WITNESS_MIN_SCORE or more lets them in. Chosen on those crops, plain and under the bench's
# moderate shifts (detector scores on them 0.37-0.80, most >= 0.5), and the negative set held
# out by family (P from the regression fitted without the image's family): of the 38 negatives
# the rule would look at, the best box scored 0.37 (a cat photo); the two negatives with a box
# >= 0.5 that the regression alone refuses have P 0.001-0.002 (docs/scope.md).
SECOND_LOOK_MIN_P = 0.01
WITNESS_MIN_SCORE = 0.5
# Said on such a field (its quality warnings: analysis.json, the report, the review window).
VOUCHED_NOTE = "no whole red cell seen (accepted for its white cell)"

REASONS = {  # why, per feature, when it counts most against the image
    "bg_level": "background too dark for a brightfield smear",
    "bg_frac": "no clear glass/plasma background between cells",
    "bg_texture": "background is textured, not smooth glass",
    "dark_frac": "large dark areas (not a brightfield smear)",
    "fg_frac": "too few or too many stained objects for a blood film",
    "fg_romanowsky": "colours are not those of a blood stain (pink red cells, purple nuclei)",
    "fg_chroma": "stained objects have implausible colour strength",
    "hue_spread": "too many different hues for a stained smear",
    "edge_frac": "too many sharp edges (text, drawing or photo)",
    "round_frac": "objects are not round cells",
    "blob_count": "object count implausible for a blood film",
    "flat_frac": "flat, computer-drawn colours (chart, document or drawing)",
    "colour_count": "colour palette of a drawing, not a micrograph",
    "raw_chroma": "image has almost no colour",
    "bg_chroma": "background is strongly coloured, not a slide's glass",
    "exact_flat": "perfectly flat colour areas (a rendered image, not a camera's)",
    "largest_blob": "one large structure fills the image (tissue or a photo), not separate cells",
    "modal_share": "one exact colour covers much of the image (rendered, not a camera's)",
    "red_cells": "no red cells are seen (a blood film shows them between the white cells)",
}
# Share of the image in its single most frequent exact colour (``_modal``): at most 0.24
# on the 7,000+ smear images here, 0.48-0.95 on charts and most documents. Beyond this a camera
# did not take the picture, or it saturated most of it.
MAX_MODAL_SHARE = 0.4
# A modal colour this bright (grey; the quality check's BRIGHT_LEVEL) is a camera's saturation
# or a page's white: the refusal then names over-exposure first, which the technologist can act
# on. The decision is the same (docs/scope.md: forgiving saturation was tried and cost held-out
# negatives).
SATURATED_GREY = BRIGHT_LEVEL
MIN_SATURATED = 0.05  # share of the image clipped before over-exposure is considered
RAMP_GREY = 225.0  # median grey bordering a camera's clipped background (``_clipped_by_a_camera``)
MIN_UNSATURATED = 64  # grid samples left unclipped, below which the share is not judged (0)
OVEREXPOSED = ("{share:.0%} of the image is one saturated white: an over-exposed field (the "
               "camera clipped the background: reduce the light or the camera's exposure, or "
               "analyse anyway) or a rendered page")


@dataclass(frozen=True)
class ScopeVerdict:
    """The answer: in scope or not, the probability of being a smear, and why if refused."""

    in_scope: bool
    probability: float
    reason: str = ""
    weakest: str = ""  # the regression's feature counting most against a refused image
    vouched: bool = False  # refused for its red cells alone, let in by its white cell

    @property
    def problem(self) -> str:
        """Text for ``skipped``: always begins ``out of scope:``."""
        return f"{OUT_OF_SCOPE} {self.reason}"


def _work(rgb: np.ndarray, small: np.ndarray | None = None) -> np.ndarray:
    return work_copy(rgb, WORK_PX, small).astype(np.float32)


def _channel_max(a: np.ndarray) -> np.ndarray:
    """``a.max(axis=2)`` for 3 channels, 5-10x faster (numpy's length-3 axis reduction is slow)."""
    return np.maximum(np.maximum(a[..., 0], a[..., 1]), a[..., 2])


def _channel_min(a: np.ndarray) -> np.ndarray:
    return np.minimum(np.minimum(a[..., 0], a[..., 1]), a[..., 2])


def features(rgb: np.ndarray, red_cells: int | None = None,
             small: np.ndarray | None = None) -> dict[str, float]:
    """The physical features of one RGB uint8 image (see the module docstring). ``red_cells``:
    the outlines ``scale.red_cells`` accepted on it, when the caller has measured them;
    ``small``: the field's ``imaging.WORK_SIDE`` copy, when the caller has made it."""
    if red_cells is None:
        red_cells = scale.red_cells(rgb, small).outlines
    return with_red_cells(image_features(rgb, small), red_cells)


def with_red_cells(feats: dict[str, float], red_cells: int) -> dict[str, float]:
    """``image_features`` completed with the red-cell outlines the search accepted."""
    return {**feats, "red_cells": float(np.log10(1 + red_cells))}


def image_features(rgb: np.ndarray, small: np.ndarray | None = None) -> dict[str, float]:
    """Every feature but the red-cell count: they need nothing from the red-cell search, so
    screening computes them beside it (``parallel``)."""
    raw = rgb
    img = _work(rgb, small)
    grey = channel_mean(img)
    raw_chroma = float(np.percentile(_channel_max(img) - _channel_min(img), 99)) / 255.0
    bright = grey >= np.percentile(grey, 70)
    bg = np.median(img[bright], axis=0)
    bg_level = float(bg.mean()) / 255.0
    wb = np.clip(img / np.maximum(bg, 8.0) * 230.0, 0, 255)  # background made white
    wgrey = channel_mean(wb)
    d = wb - 230.0
    dist = np.sqrt(d[..., 0] * d[..., 0] + d[..., 1] * d[..., 1] + d[..., 2] * d[..., 2])
    bgmask = dist < 18.0
    lap = np.abs(cv2.Laplacian(grey, cv2.CV_32F, ksize=3))
    bg_texture = float(np.median(lap[bgmask])) / 255.0 if bgmask.any() else 1.0
    fg = (wgrey < 205.0) | (dist > 40.0)
    fg_frac = float(fg.mean())
    r, g, b = wb[..., 0], wb[..., 1], wb[..., 2]
    romanowsky = (g < np.minimum(r, b) - 4.0) | ((b > g + 6.0) & (wgrey < 180.0))
    fg_rom = float(romanowsky[fg].mean()) if fg.any() else 0.0
    chroma = _channel_max(wb) - _channel_min(wb)
    fg_chroma = float(chroma[fg].mean()) / 255.0 if fg.any() else 0.0
    hsv = cv2.cvtColor(wb.astype(np.uint8), cv2.COLOR_RGB2HSV)
    ang = hsv[..., 0][fg & (chroma > 20)].astype(np.float32) * (np.pi / 90.0)
    hue_spread = float(1.0 - np.hypot(np.cos(ang).mean(), np.sin(ang).mean())) if ang.size else 0.0
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1)
    edge_frac = float((np.hypot(gx, gy) > 200.0).mean())
    round_frac, blob_count, largest = _blobs(fg)
    q = img.astype(np.int32) >> 4  # the working copy holds whole numbers 0..255
    codes = (q[..., 0] << 8) | (q[..., 1] << 4) | q[..., 2]
    counts = np.bincount(codes.ravel(), minlength=4096)
    colour_count = float((counts > 0).sum()) / 4096.0
    flat = (lap < 0.5) & (dist > 25.0)
    bg_chroma = float((bg.max() - bg.min()) / max(bg.max(), 1.0))
    return {"bg_level": bg_level, "bg_frac": float(bgmask.mean()), "bg_texture": bg_texture,
            "dark_frac": float((grey < 40).mean()), "fg_frac": fg_frac, "fg_romanowsky": fg_rom,
            "fg_chroma": fg_chroma, "hue_spread": hue_spread, "edge_frac": edge_frac,
            "round_frac": round_frac, "blob_count": blob_count, "flat_frac": float(flat.mean()),
            "colour_count": colour_count, "raw_chroma": raw_chroma, "bg_chroma": bg_chroma,
            "exact_flat": _exact_flat(raw), "largest_blob": largest,
            **_modal(raw)}


def _modal(rgb: np.ndarray) -> dict[str, float]:
    """``modal_share``: share of the most frequent exact colour over the whole image (a grid of
    native pixels, about 128 along the longer side, none averaged: ~12,000 samples, under 1 ms):
    rendered charts and pages are mostly one colour, margins included; a camera's noise makes
    every colour rare. ``modal_saturated``: 1 when that colour is saturated white (grey >=
    ``SATURATED_GREY``).

    A camera's over-exposure (``overexposed``) is not a rendered page: the background it
    clipped is one exact white, so there the share is taken over the pixels it did not clip,
    where the camera's noise still makes every colour rare; the quality check judges the
    light (docs/scope.md)."""
    step = max(1, max(rgb.shape[:2]) // 128)
    c = rgb[::step, ::step].reshape(-1, 3).astype(np.int32)
    if not len(c):
        return {"modal_share": 0.0, "modal_saturated": 0.0, "overexposed": 0.0}
    packed = (c[:, 0] << 16) | (c[:, 1] << 8) | c[:, 2]
    values, counts = np.unique(packed, return_counts=True)
    top = int(values[np.argmax(counts)])
    saturated = ((top >> 16) + ((top >> 8) & 255) + (top & 255)) >= 3 * SATURATED_GREY
    share = float(counts.max()) / len(packed)
    over = saturated and _clipped_by_a_camera(rgb)
    if over:
        kept = packed[c.sum(axis=1) < 3 * SATURATED_GREY]
        share = (float(np.unique(kept, return_counts=True)[1].max()) / len(kept)
                 if len(kept) >= MIN_UNSATURATED else 0.0)
    return {"modal_share": share, "modal_saturated": float(saturated), "overexposed": float(over)}


def _clipped_by_a_camera(rgb: np.ndarray) -> bool:
    """Saturated white over at least ``MIN_SATURATED`` of the image, fading into what it
    borders: through optics, the unsaturated pixels next to a clipped background are near white
    (median grey >= ``RAMP_GREY``; over-exposed smears of four sets 228-247, 1st-50th
    percentile), where a rendered page's white meets its content at a hard edge (charts,
    heat maps, photos and shapes of the negative set: <= 219). Native pixels, every one up to
    256 along the longer side."""
    step = max(1, max(rgb.shape[:2]) // 256)
    c = rgb[::step, ::step].astype(np.int32)
    total = c.sum(axis=2)
    sat = total >= 3 * SATURATED_GREY
    if sat.mean() < MIN_SATURATED:
        return False
    ring = cv2.dilate(sat.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool) & ~sat
    return bool(ring.any()) and float(np.median(total[ring])) / 3.0 >= RAMP_GREY


def _exact_flat(rgb: np.ndarray) -> float:
    """Share of non-white pixels, in a native-resolution centre crop, whose 3x3 neighbourhood is
    one exact colour: rendered charts and drawings have many, camera images (noise) almost none."""
    h, w = rgb.shape[:2]
    c = rgb[max(0, h // 2 - 128):h // 2 + 128, max(0, w // 2 - 128):w // 2 + 128].astype(np.int16)
    if min(c.shape[:2]) < 3:
        return 0.0
    lo = cv2.erode(c, np.ones((3, 3), np.uint8))
    hi = cv2.dilate(c, np.ones((3, 3), np.uint8))
    same = _channel_max(hi - lo) == 0
    coloured = _channel_min(c) < 235
    return float((same & coloured).sum() / max(coloured.sum(), 1))


def _blobs(fg: np.ndarray) -> tuple[float, float, float]:
    """Share of the stained area in solid, roughly round objects; log10 count of objects;
    share of the image covered by the largest object."""
    mask = cv2.morphologyEx(fg.astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    total = round_area = largest = 0.0
    n = 0
    for c in contours:
        area = cv2.contourArea(c)
        if area < 12:
            continue
        n += 1
        total += area
        largest = max(largest, area)
        hull = cv2.contourArea(cv2.convexHull(c))
        perim = cv2.arcLength(c, True)
        circ = 4 * np.pi * area / max(perim * perim, 1e-6)
        if hull > 0 and area / hull > 0.85 and circ > 0.55:
            round_area += area
    share = largest / float(fg.size)
    return (round_area / total if total else 0.0), float(np.log10(1 + n)), share


def vector(feats: dict[str, float]) -> np.ndarray:
    """The regression's input (``MODEL_FEATURES``)."""
    return np.array([feats[k] for k in MODEL_FEATURES], np.float64)


def probability(x: np.ndarray, weights: np.ndarray = WEIGHTS, bias: float = BIAS,
                mean: np.ndarray = MEAN, std: np.ndarray = STD) -> np.ndarray:
    """Logistic regression on standardised features: P(stained blood film)."""
    z = ((np.atleast_2d(x) - mean) / std) @ weights + bias
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def hard_reason(feats: dict[str, float], shape: tuple[int, ...]) -> str:
    """A physical rule that alone refuses the image, or empty."""
    if min(shape[:2]) < MIN_SIDE_PX:
        return f"image is {shape[1]}x{shape[0]} px, too small to show blood cells"
    if feats["raw_chroma"] < 0.06:
        return "greyscale image: a stained blood film has colour"
    if feats["bg_level"] < 0.35:
        return "dark background: not a brightfield stained smear (fluorescence, dark-field?)"
    if feats["bg_chroma"] > 0.6:
        return "strongly coloured background: not a slide's glass (fundus, photo?)"
    if feats["exact_flat"] > 0.6:
        return "perfectly flat colour areas: a rendered chart, drawing or document, not a camera"
    if feats["modal_share"] > MAX_MODAL_SHARE:
        if _white_not_a_camera_clip(feats):
            return OVEREXPOSED.format(share=feats["modal_share"])
        return (f"{feats['modal_share']:.0%} of the image is one exact colour: a rendered chart "
                "or document")
    if feats["fg_frac"] < 0.005:
        return "no stained objects on the background (blank or overexposed)"
    return ""


def check(rgb: np.ndarray) -> ScopeVerdict:
    """The verdict for one RGB uint8 image (a field or a single-cell image)."""
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
        raise ValueError("expected an HxWx3 uint8 RGB image")
    return verdict(features(rgb), rgb.shape)


def verdict(feats: dict[str, float], shape: tuple[int, ...]) -> ScopeVerdict:
    """The verdict from features already computed (the loader reuses them for the field model's
    ``domain_note``, so they are computed once per field)."""
    hard = hard_reason(feats, shape)
    x = vector(feats)
    p = float(probability(x)[0])
    if hard:
        return ScopeVerdict(False, p, hard)
    if p >= THRESHOLD:
        return ScopeVerdict(True, p)
    contrib = (x - MEAN) / STD * WEIGHTS
    worst = MODEL_FEATURES[int(np.argmin(contrib))]
    if worst == "modal_share" and _white_not_a_camera_clip(feats):
        return ScopeVerdict(False, p, f"{OVEREXPOSED.format(share=feats['modal_share'])}; "
                                      f"P(smear) {p:.2f}")
    return ScopeVerdict(False, p, f"not a stained blood film ({REASONS[worst]}; "
                                  f"P(smear) {p:.2f})", weakest=worst)


def second_look(v: ScopeVerdict) -> bool:
    """Refused by the regression alone, for want of red cells, and not far below the
    threshold: a crop of a smear whose red cells are cut by its edge looks like this, and the
    white-cell detector may vouch for it (``vouched``)."""
    return (not v.in_scope and v.weakest == "red_cells"
            and v.probability >= SECOND_LOOK_MIN_P)


def vouched(v: ScopeVerdict, white_cell_score: float) -> ScopeVerdict:
    """``v`` let in when a white cell found with ``white_cell_score`` vouches for it."""
    if second_look(v) and white_cell_score >= WITNESS_MIN_SCORE:
        return ScopeVerdict(True, v.probability, weakest=v.weakest, vouched=True)
    return v


def _white_not_a_camera_clip(feats: dict[str, float]) -> bool:
    """The common exact colour is saturated white but not told to be a camera's clip
    (``_clipped_by_a_camera``): an over-exposed field clipped hard, or a rendered page; the
    reason names both."""
    return bool(feats.get("modal_saturated")) and not feats.get("overexposed")


# -- per-model applicability ----------------------------------------------------------------
# A smear can be in scope and still far from what one model learned (another stain, another
# light): the field model must then say "not applicable" rather than answer. Ranges: 0.5th-99.5th
# percentile of each feature on ALL's train fields, widened by half that range each side
# (python -m training.scope_eval --fit prints them). The same on wbc-type's crops with PBC's
# ranges turned most BCCD cells unidentified: not discriminative yet (docs/scope.md).
FIELD_DOMAIN = {"bg_level": (0.891, 1.033), "bg_chroma": (-0.04, 0.137),
                "fg_romanowsky": (-0.26, 1.235), "fg_chroma": (-0.034, 0.428),
                "hue_spread": (-0.044, 0.154)}
DOMAIN_KEYS = {"bg_level": "background brightness", "bg_chroma": "background colour strength",
               "fg_romanowsky": "share of stain-coloured objects",
               "fg_chroma": "colour strength of stained objects", "hue_spread": "hue spread"}


def domain_note(feats: dict[str, float], ranges: dict[str, tuple[float, float]],
                model_id: str) -> str:
    """Empty when every feature lies in the model's training range, else the reason."""
    for key, (lo, hi) in ranges.items():
        v = feats[key]
        if not lo <= v <= hi:
            return (f"{DOMAIN_KEYS.get(key, key)} {v:.2f} is outside {model_id}'s training "
                    f"range {lo:.2f}-{hi:.2f} (another stain or light)")
    return ""


def field_model_note(rgb: np.ndarray, model_id: str = "all-subtype") -> str:
    """Why the field model should not answer on this field ("" when it may)."""
    return domain_note(features(rgb), FIELD_DOMAIN, model_id)
