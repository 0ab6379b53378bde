"""White-cell segmentation: the INT8 U-Net mask, then separate cell instances.

The segmenter was trained on low-magnification fields (~0.5 um/px), so every field is first
resampled to that scale: a 640x480 high-magnification field becomes a small image in which a
white cell is as wide as in training. Instances come from the mask by closing (joins the lobes
of one neutrophil nucleus), a size filter in um^2 (drops platelets and debris) and a distance
transform + watershed that splits touching cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from clinic_app import stain
from clinic_app.imaging import binary_mask, fill_holes
from clinic_app.modelpack import TFLiteModel
from clinic_app.results import BBox
from clinic_app.scale import resample_to

MIN_CELL_UM2 = 20.0  # ~5 um diameter: smaller blobs are platelets or stain debris
CLOSE_UM = 2.0  # gap bridged between nuclear lobes of one cell
MIN_RADIUS_UM = 4.0  # a cell body at least this deep; lobes of one nucleus are thinner (BCCD dev)
MIN_STAINED_UM2 = 15.0  # whole_cell_mask: a nucleus (~40 um2 and more), not a platelet (~5)
BOX_MARGIN_UM = 1.5  # the mask covers the purple nucleus; the cell's cytoplasm extends beyond
# cell_outline: GrabCut around a detector box, the window enlarged by OUTLINE_PAD of the box's
# side each way; an outline whose area is outside OUTLINE_AREA x the ellipse's, or whose
# solidity is under OUTLINE_SOLIDITY, is not trusted (the ellipse is drawn instead). Chosen on
# Bio-Net val / BCCD dev (docs/models.md).
OUTLINE_PAD = 0.5
OUTLINE_ITERATIONS = 3
OUTLINE_AREA = (0.6, 1.4)
OUTLINE_SOLIDITY = 0.95  # a whole cell is nearly convex; an outline of lobes is not
OUTLINE_CORE = 0.25  # the ellipse shrunk by this share of the box side: where the cell surely is
OUTLINE_SMOOTH = 0.06  # opening radius, share of the box side: drops threads of background
# GrabCut's time grows with the window's pixels (~0.2 s for a 640x480 BCCD cell at full size):
# the window is shrunk until the box's shorter side is at most this, the mask enlarged back
OUTLINE_BOX_PX = 64


@dataclass(frozen=True)
class CellInstance:
    """One segmented cell in field pixel coordinates."""

    bbox: BBox
    contour: np.ndarray  # Nx2 int32 points
    area_px: int

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.bbox.x0 + self.bbox.x1) / 2.0, (self.bbox.y0 + self.bbox.y1) / 2.0)


def predict_mask(model: TFLiteModel, rgb: np.ndarray, um_per_px: float) -> tuple[np.ndarray, float]:
    """Probability mask at the model's scale, tiled over the field; returns (prob, scale)."""
    target = float(model.entry.preprocessing.um_per_px)  # type: ignore[arg-type]
    work = resample_to(rgb, um_per_px, target)
    tile = model.input_shape[0]
    h, w = work.shape[:2]
    ph, pw = -(-h // tile) * tile, -(-w // tile) * tile
    canvas = np.empty((ph, pw, 3), np.uint8)
    canvas[:] = np.round(stain.background_rgb(rgb))  # the slide's background as padding
    canvas[:h, :w] = work
    prob = np.zeros((ph, pw), np.float32)
    for y in range(0, ph, tile):
        for x in range(0, pw, tile):
            prob[y:y + tile, x:x + tile] = model.run(canvas[y:y + tile, x:x + tile])[0][..., 0]
    actual = um_per_px * rgb.shape[1] / w  # equals target unless the field was taken as is
    return prob[:h, :w], actual


def field_mask(model: TFLiteModel, rgb: np.ndarray, um_per_px: float) -> np.ndarray:
    """0/255 uint8 mask the size of the field (what ``clinic-app segment`` writes)."""
    prob, _ = predict_mask(model, rgb, um_per_px)
    if prob.shape != rgb.shape[:2]:
        prob = cv2.resize(prob, (rgb.shape[1], rgb.shape[0]), interpolation=cv2.INTER_LINEAR)
    return np.where(binary_mask(prob), 255, 0).astype(np.uint8)


def whole_cell_mask(shape: tuple[int, ...], boxes: list[BBox],
                    stained: np.ndarray | None = None, um_per_px: float | None = None,
                    rgb: np.ndarray | None = None) -> np.ndarray:
    """0/255 mask of whole white cells from their boxes (the detector's, around the whole
    cell): each cell's own outline inside its box where ``rgb`` is given and one is found
    (``cell_outline``), else the ellipse inscribed in the box; with the segmenter's stained
    pixels inside the box added (a lobe or granule that reaches past the outline). The segmenter
    alone, trained on masks of purple-stained pixels, draws the nucleus of a cell with wide
    cytoplasm (neutrophil, monocyte) and misses the cytoplasm. A stained object no box holds is
    kept when it is at least ``MIN_STAINED_UM2`` (a nucleus, not a platelet): a cell the
    detector missed is then drawn as far as the segmenter sees it rather than not at all."""
    out = np.zeros(shape[:2], np.uint8)
    for box in boxes:
        found = cell_outline(rgb, box) if rgb is not None else None
        if found is None:
            cv2.fillPoly(out, [ellipse_outline(box)], 255)
        else:
            (y0, x0), cell = found
            window = out[y0:y0 + cell.shape[0], x0:x0 + cell.shape[1]]
            window[cell > 0] = 255
    if stained is None:
        return out
    in_boxes = np.zeros_like(out)
    for box in boxes:
        in_boxes[box.y0:box.y1, box.x0:box.x1] = 1
    out = np.maximum(out, np.where(in_boxes > 0, stained, 0).astype(np.uint8))
    if um_per_px:
        n, lab, stats, _ = cv2.connectedComponentsWithStats((stained > 0).astype(np.uint8))
        min_px = MIN_STAINED_UM2 / (um_per_px * um_per_px)
        boxed = set(np.unique(lab[in_boxes > 0]).tolist())  # objects a box holds any of
        alone = [i for i in range(1, n)
                 if stats[i, cv2.CC_STAT_AREA] >= min_px and i not in boxed]
        out[np.isin(lab, alone)] = 255
    return out


def cell_outline(rgb: np.ndarray, box: BBox) -> tuple[tuple[int, int], np.ndarray] | None:
    """The white cell's own outline around a detector box: ``((y0, x0), mask)``, a 0/1 mask of
    a window of ``rgb`` at that corner, or None where no outline can be trusted.

    A box's inscribed ellipse is only as good as the box: off-centre or a little too large, it
    takes in glass and a neighbouring red cell, and it cannot follow a monocyte's or a
    lobulated cell's shape. GrabCut (OpenCV: colour models of the cell and its surroundings,
    then a graph cut) starts from the ellipse as "probably cell", a ring around it as "probably
    not" and the rest of the window as background; the piece that holds the ellipse's core,
    its pockets filled and thin threads opened away, is the cell. An outline whose area is far
    from the ellipse's (``OUTLINE_AREA``: a cut into pale cytoplasm, a leak into a clump) or
    that is far from convex (``OUTLINE_SOLIDITY``: it followed a lobed nucleus) is a failure,
    and the caller draws the ellipse."""
    h, w = rgb.shape[:2]
    px, py = int(OUTLINE_PAD * box.width), int(OUTLINE_PAD * box.height)
    x0, y0 = max(0, box.x0 - px), max(0, box.y0 - py)
    x1, y1 = min(w, box.x1 + px), min(h, box.y1 + py)
    if min(box.width, box.height) < 8 or x1 - x0 < 16 or y1 - y0 < 16:
        return None
    f = min(1.0, OUTLINE_BOX_PX / min(box.width, box.height))
    size = (max(1, round((x1 - x0) * f)), max(1, round((y1 - y0) * f)))
    window = cv2.resize(np.ascontiguousarray(rgb[y0:y1, x0:x1]), size,
                        interpolation=cv2.INTER_AREA)
    points = (ellipse_outline(box) - np.array([x0, y0], np.int32)) * np.array(
        [size[0] / (x1 - x0), size[1] / (y1 - y0)])
    cell = _grabcut_cell(window, np.round(points).astype(np.int32),
                         f * min(box.width, box.height))
    if cell is None:
        return None
    if f < 1.0:
        cell = (cv2.resize(cell.astype(np.float32), (x1 - x0, y1 - y0),
                           interpolation=cv2.INTER_LINEAR) >= 0.5).astype(np.uint8)
    return (y0, x0), cell


def _grabcut_cell(window: np.ndarray, outline: np.ndarray, side: float) -> np.ndarray | None:
    """``cell_outline``'s cut on its (shrunk) window: 0/1 mask, or None. ``outline``: the
    ellipse's points in the window; ``side``: the box's shorter side in window pixels."""
    ellipse = np.zeros(window.shape[:2], np.uint8)
    cv2.fillPoly(ellipse, [outline], 1)
    core = cv2.erode(ellipse, _disk(OUTLINE_CORE * side / 2))
    ring = cv2.dilate(ellipse, _disk(OUTLINE_CORE * side / 2))
    labels = np.full(ellipse.shape, cv2.GC_BGD, np.uint8)
    labels[ring > 0] = cv2.GC_PR_BGD
    labels[ellipse > 0] = cv2.GC_PR_FGD
    try:
        cv2.grabCut(window, labels, None, np.zeros((1, 65)), np.zeros((1, 65)),
                    OUTLINE_ITERATIONS, cv2.GC_INIT_WITH_MASK)
    except cv2.error:  # e.g. a flat window: one colour model has no pixels
        return None
    cell = ((labels == cv2.GC_FGD) | (labels == cv2.GC_PR_FGD)).astype(np.uint8)
    n, parts = cv2.connectedComponents(cell)
    if n <= 1:
        return None
    held = np.bincount(parts[core > 0].ravel(), minlength=n)[1:]
    if not held.any():
        return None
    cell = fill_holes((parts == 1 + int(np.argmax(held))).astype(np.uint8))
    cell = cv2.morphologyEx(cell, cv2.MORPH_OPEN, _disk(OUTLINE_SMOOTH * side))
    ratio = float(cell.sum()) / max(1.0, float(ellipse.sum()))
    if not OUTLINE_AREA[0] <= ratio <= OUTLINE_AREA[1] or _solidity(cell) < OUTLINE_SOLIDITY:
        return None
    return cell


def _solidity(mask: np.ndarray) -> float:
    """Area over convex-hull area of the mask's outer contour: ~1 for a whole cell, lower for
    an outline that followed a lobed nucleus and left pale cytoplasm out."""
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return 0.0
    c = max(contours, key=cv2.contourArea)
    hull = cv2.contourArea(cv2.convexHull(c))
    return float(cv2.contourArea(c) / hull) if hull > 0 else 0.0


def ellipse_outline(box: BBox, points: int = 32) -> np.ndarray:
    """The ellipse inscribed in a box (int32 points): a white cell's outline as far as a box
    can say."""
    t = np.linspace(0, 2 * np.pi, points, endpoint=False)
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    pts = np.stack([cx + box.width / 2 * np.cos(t), cy + box.height / 2 * np.sin(t)], 1)
    return np.round(pts).astype(np.int32)


def _disk(radius_px: float) -> np.ndarray:
    r = max(1, int(round(radius_px)))
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))


def split_instances(mask: np.ndarray, work_um: float) -> np.ndarray:
    """Label image of cells: close lobes, drop small blobs, watershed only clearly double blobs.

    A blob is split only where it holds two or more distance-transform peaks at least
    ``MIN_RADIUS_UM`` deep: two touching round cells have such peaks, the thin lobes of one
    neutrophil nucleus do not.
    """
    m = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, _disk(CLOSE_UM / work_um / 2))
    n, comp, stats, _ = cv2.connectedComponentsWithStats(m, connectivity=8)
    labels = np.zeros(mask.shape, np.int32)
    if n <= 1:
        return labels
    dist = cv2.distanceTransform(m, cv2.DIST_L2, 3)
    r_px = MIN_RADIUS_UM / work_um
    peaks = (dist >= cv2.dilate(dist, _disk(1.5 * r_px)) - 1e-3) & (dist >= r_px)
    _, peak_lab = cv2.connectedComponents(peaks.astype(np.uint8))
    min_px = MIN_CELL_UM2 / (work_um ** 2)
    next_label = 1
    for i in range(1, n):
        if stats[i, cv2.CC_STAT_AREA] < min_px:
            continue
        x, y, w, h = stats[i, :4]
        sl = (slice(y, y + h), slice(x, x + w))
        blob = comp[sl] == i
        ids = np.unique(peak_lab[sl][blob & (peak_lab[sl] > 0)])
        if len(ids) < 2:
            labels[sl][blob] = next_label
            next_label += 1
            continue
        markers = np.zeros(blob.shape, np.int32)
        for k, pid in enumerate(ids):
            markers[(peak_lab[sl] == pid) & blob] = k + 2
        markers[~blob] = 1
        canvas = cv2.cvtColor((blob * 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)
        ws = cv2.watershed(canvas, markers)
        for k in range(len(ids)):
            labels[sl][(ws == k + 2) & blob] = next_label
            next_label += 1
    return labels


def instances(prob: np.ndarray, work_um: float, field_um: float,
              field_shape: tuple[int, int]) -> list[CellInstance]:
    """Cell instances in field coordinates from a probability mask at ``work_um`` per pixel."""
    labels = split_instances(binary_mask(prob), work_um)
    factor = work_um / field_um
    margin = BOX_MARGIN_UM / field_um
    h, w = field_shape
    min_px = MIN_CELL_UM2 / (work_um ** 2)
    out = []
    for lab in np.unique(labels):
        if lab == 0:
            continue
        blob = (labels == lab).astype(np.uint8)
        area = int(blob.sum())
        if area < min_px:
            continue
        contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        contour = max(contours, key=cv2.contourArea).reshape(-1, 2).astype(np.float32)
        contour = np.round((contour + 0.5) * factor).astype(np.int32)
        x, y, bw, bh = cv2.boundingRect(contour)
        box = BBox(max(0, int(x - margin)), max(0, int(y - margin)),
                   min(w, int(x + bw + margin)), min(h, int(y + bh + margin)))
        out.append(CellInstance(box, contour, int(area * factor * factor)))
    return sorted(out, key=lambda c: (c.bbox.y0, c.bbox.x0))


def find_cells(model: TFLiteModel, rgb: np.ndarray, um_per_px: float) -> list[CellInstance]:
    prob, work_um = predict_mask(model, rgb, um_per_px)
    return instances(prob, work_um, um_per_px, rgb.shape[:2])
