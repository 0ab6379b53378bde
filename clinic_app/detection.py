"""White cells found by the INT8 detector: the whole field, letterboxed; one box per cell.

Why a detector beside the segmenter: the segment-then-split finder must know the field's scale
(from red cells) and cuts a neutrophil's nuclear lobes into "cells" when the scale is wrong;
on other labs' fields it found half the white cells or fewer. The detector sees the whole
field shrunk to its input (no scale needed) and answers with one centre and one box per white
cell, trained on fields from three microscopes, several stains and magnifications
(``training.detector``). Its output, at 1/``stride`` of the input: a centre heat map and each
cell's width and height in input pixels / ``BOX_SCALE``. ``training.detector`` imports the
letterbox and decoding from here, so training, evaluation and the app read boxes one way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from clinic_app.imaging import uint8_medians
from clinic_app.modelpack import TFLiteModel
from clinic_app.results import BBox
from clinic_app.segmentation import CellInstance, ellipse_outline

BOX_SCALE = 64.0  # the width/height outputs are input pixels / BOX_SCALE
NMS_IOU = 0.5  # two peaks whose boxes overlap this much are one cell (a lobed nucleus)
# A box half inside a better one is part of that cell (256 px crops at ~0.1 um/px, where a cell
# drawn large gives partial boxes: BCCD dev crops precision 0.80 -> 0.86, Bio-Net val crops
# 0.88 -> 0.92, whole val/dev fields unchanged; docs/models.md)
CONTAINED_MAX = 0.5
# A field is drawn no larger than its training fields were: a 640x480 BCCD/Bio-Net field
# letterboxed at 0.4, i.e. about this many um per input pixel at BCCD's 0.086 um/px. A small
# high-magnification field letterboxed whole (a 256 px crop at 0.1 um/px, drawn 1:1) shows red
# cells as large as the white cells it learned, and they are found as white cells. Without a
# scale, the drawing scale is capped. Chosen on validation fields (docs/models.md): 256 px crops
# of Bio-Net val fields, precision 62 -> 79 % (recall 97 -> 99 %); whole fields unchanged.
UM_PER_INPUT_PX = 0.215
MAX_SCALE_UNKNOWN = 0.64
SINGLE_CELL_PX = 256  # an image this small without a scale: a single-cell crop
# On an image this small (``SINGLE_CELL_PX``), two boxes overlapping by this share of the
# smaller one are parts of one cell drawn larger than the cells the detector learned (a
# granulocyte filling a 256 px crop at ~0.08 um/px, cut into two boxes that each miss it):
# they become one box around both. Chosen on validation crops (docs/models.md): BCCD dev crops
# precision 91.2 -> 95.4 %, Bio-Net val crops 94.5 -> 96.9 %, recall unchanged; larger fields
# are left alone (clumped blasts of enlarged ALL val fields would be joined: recall -1 point).
PARTS_OVERLAP = 0.3
SECOND_LOOK_MIN_SCORE = 0.6  # find_cells' fitted look at such a crop


@dataclass(frozen=True)
class Letterbox:
    """Where the field lies in the square input: input = field * scale + (x0, y0)."""

    scale: float
    x0: int
    y0: int


def letterbox(rgb: np.ndarray, size: int) -> tuple[np.ndarray, Letterbox]:
    """Fit the field into ``size`` x ``size``, aspect kept, padded with its median colour (a
    black or white border would look like a stain edge)."""
    img, lb = placed(rgb, size, size / max(rgb.shape[:2]))
    return img, Letterbox(size / max(rgb.shape[:2]), lb.x0, lb.y0)


def placed(rgb: np.ndarray, size: int, scale: float) -> tuple[np.ndarray, Letterbox]:
    """The field resized by ``scale`` (it must fit) in the centre of a ``size`` square."""
    h, w = rgb.shape[:2]
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    small = rgb if (nw, nh) == (w, h) else cv2.resize(
        rgb, (nw, nh), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    out = np.empty((size, size, 3), np.uint8)
    out[:] = uint8_medians(small.reshape(-1, 3)).astype(np.uint8)
    y0, x0 = (size - nh) // 2, (size - nw) // 2
    out[y0:y0 + nh, x0:x0 + nw] = small
    return out, Letterbox(nw / w, x0, y0)


def decode(out: np.ndarray, stride: int, threshold: float) -> np.ndarray:
    """Peaks of the heat map (3x3 local maxima at or above ``threshold``) -> rows (x0, y0, x1,
    y1, score) in input pixels, best first, overlapping boxes suppressed.

    Heat-map cell (i, j) stands for the input point (j * stride, i * stride): training draws
    each cell's Gaussian at its centre / stride (``training.detector.targets``). Until
    2026-12-04 the boxes were placed at (j + 0.5) * stride, half a cell right of and below
    their cells (~3 % of a cell's width on a 640x480 field); the centre now also takes the
    peak's sub-cell position (``_peak_offsets``)."""
    heat = np.ascontiguousarray(out[..., 0], dtype=np.float32)
    peaks = (heat == cv2.dilate(heat, np.ones((3, 3), np.uint8))) & (heat >= threshold)
    ys, xs = np.nonzero(peaks)
    w, h = out[ys, xs, 1] * BOX_SCALE, out[ys, xs, 2] * BOX_SCALE
    dx, dy = _peak_offsets(heat, ys, xs)
    cx, cy = (xs + dx) * stride, (ys + dy) * stride
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, heat[ys, xs]], 1)
    return suppress(boxes.astype(np.float32).reshape(-1, 5))


def _peak_offsets(heat: np.ndarray, ys: np.ndarray, xs: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Where each peak's Gaussian really tops, in cells (-0.5..0.5) from its cell, across and
    down: a parabola through the log heat of the cell and its two neighbours (the log of a
    Gaussian is a parabola, so three samples give its top exactly). Chosen on dev / val fields
    (docs/models.md): the boxes' mean IoU with the whole-cell boxes, Bio-Net val 0.767 (half a
    cell off) -> 0.795 (on the cell) -> 0.811 (this), BCCD dev 0.796 -> 0.799 -> 0.807."""
    log = np.log(np.clip(heat, 1e-4, 1.0))
    hgt, wid = heat.shape

    def top(before: np.ndarray, at: np.ndarray, after: np.ndarray) -> np.ndarray:
        curve = before - 2.0 * at + after
        safe = np.where(curve < -1e-6, curve, -1.0)
        return np.where(curve < -1e-6, np.clip(0.5 * (before - after) / safe, -0.5, 0.5), 0.0)

    left, right = np.clip(xs - 1, 0, wid - 1), np.clip(xs + 1, 0, wid - 1)
    up, down = np.clip(ys - 1, 0, hgt - 1), np.clip(ys + 1, 0, hgt - 1)
    return (top(log[ys, left], log[ys, xs], log[ys, right]),
            top(log[up, xs], log[ys, xs], log[down, xs]))


def suppress(boxes: np.ndarray, max_iou: float = NMS_IOU,
             max_inside: float = CONTAINED_MAX) -> np.ndarray:
    """Greedy non-maximum suppression on rows (x0, y0, x1, y1, score): a box is dropped when it
    overlaps a better one by ``max_iou`` or more, or lies ``max_inside`` or more inside it (a
    lobe or part of a cell that the whole-cell box already holds)."""
    order = boxes[np.argsort(-boxes[:, 4], kind="stable")]
    overlap = iou_matrix(order, order)
    inside = inside_matrix(order, order)
    kept: list[int] = []
    for i in range(len(order)):
        if not kept or (overlap[i, kept].max() < max_iou and inside[i, kept].max() < max_inside):
            kept.append(i)
    return order[kept].astype(np.float32).reshape(-1, 5)


def join_parts(rows: np.ndarray, min_share: float = PARTS_OVERLAP) -> np.ndarray:
    """Rows (x0, y0, x1, y1, score), best first, where any two boxes overlapping by
    ``min_share`` of the smaller one's area are replaced by one box around both (the better
    score), until no two do."""
    rows = rows.astype(np.float32).reshape(-1, 5)
    while len(rows) > 1:
        inter, area, _ = _intersections(rows, rows)
        share = inter / np.maximum(np.minimum(area[:, None], area[None, :]), 1e-9)
        np.fill_diagonal(share, 0.0)
        i, j = divmod(int(np.argmax(share)), len(rows))
        if share[i, j] < min_share:
            break
        i, j = min(i, j), max(i, j)  # i is the better box: rows stay best first
        joined = np.concatenate([np.minimum(rows[i, :2], rows[j, :2]),
                                 np.maximum(rows[i, 2:4], rows[j, 2:4]), rows[i, 4:]])
        rows = np.delete(np.vstack([rows[:i], joined[None], rows[i + 1:]]), j, axis=0)
    return rows


def inside_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Share of each row of ``a``'s box area that lies inside each row of ``b``."""
    inter, area_a, _ = _intersections(a, b)
    return inter / np.maximum(area_a[:, None], 1e-9)


def iou_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Intersection over union of every row of ``a`` with every row of ``b`` (x0, y0, x1, y1
    first; further columns ignored); 0 where boxes do not touch."""
    inter, area_a, area_b = _intersections(a, b)
    return inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, 1e-9)


def _intersections(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Box intersection areas of every row of ``a`` with every row of ``b``, and the areas of
    ``a``'s and ``b``'s boxes."""
    iw = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    ih = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    inter = np.clip(iw, 0, None) * np.clip(ih, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter, area_a, area_b


def centred_in(rows: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The rows whose box centre lies on the field. A field drawn smaller than the input sits
    in a margin of its median colour, and the margin's corners can raise a weak peak whose box
    is mostly outside the field: clipped, a small "cell" in a corner of the image (256 px
    crops without a scale: 21 of 35 false boxes on BCCD eval crops; docs/models.md). A white
    cell cut by the field's edge keeps its box centre on the field: the boxes it learned from
    end where their fields end."""
    h, w = shape[:2]
    cx, cy = (rows[:, 0] + rows[:, 2]) / 2, (rows[:, 1] + rows[:, 3]) / 2
    return rows[(cx >= 0) & (cx < w) & (cy >= 0) & (cy < h)]


def to_field(boxes: np.ndarray, lb: Letterbox) -> np.ndarray:
    """Input-pixel rows -> field-pixel rows (the score column unchanged)."""
    out = boxes.copy()
    out[:, :4] = (out[:, :4] - np.array([lb.x0, lb.y0, lb.x0, lb.y0], np.float32)) / lb.scale
    return out


class WhiteCellDetector:
    """The ``wbc-detect`` model: a field in, white-cell boxes (field pixels) out."""

    def __init__(self, model: TFLiteModel) -> None:
        self.model = model
        self.size = model.input_shape[0]
        self.peak_min = float(model.entry.thresholds.peak_min)  # type: ignore[arg-type]

    def boxes(self, rgb: np.ndarray, um_per_px: float | None = None,
              fitted: bool = False) -> np.ndarray:
        """Rows (x0, y0, x1, y1, score) in field pixels, best first: the field fitted into the
        input, but never drawn larger than ``UM_PER_INPUT_PX`` (scale known) or
        ``MAX_SCALE_UNKNOWN`` (unknown). Enlarging fields whose cells look small was tried and
        cost precision on validation fields (docs/models.md). ``fitted``: the field fitted into
        the input whatever its scale (``find_cells``' second look at a small image)."""
        fit = self.size / max(rgb.shape[:2])
        limit = um_per_px / UM_PER_INPUT_PX if um_per_px else MAX_SCALE_UNKNOWN
        img, lb = placed(rgb, self.size, fit if fitted else min(fit, limit))
        out = self.model.run(img)[0]
        return centred_in(to_field(decode(out, self.size // out.shape[0], self.peak_min), lb),
                          rgb.shape)

    def find_cells(self, rgb: np.ndarray, um_per_px: float | None = None,
                   second_look: bool = True) -> list[CellInstance]:
        """One instance per detected white cell, clipped to the field, in reading order.

        A small image without a scale (a single-cell crop with no red cell to measure, up to
        ``SINGLE_CELL_PX``) in which nothing is found is looked at once more, fitted to the
        input: at the unknown-scale cap its cell can be drawn too small to be found (PBC val
        crops shrunk to 120 px: 25 of 40 erythroblasts found; docs/models.md). What that look
        finds counts only from ``SECOND_LOOK_MIN_SCORE``: enlarged, a platelet looks like a
        small white cell (chosen on those val crops: 37 of 40 platelet images had a box, 3 at
        this score, against 17 of the 20 erythroblasts the first look missed). ``second_look``
        False: the first look only (a check of another cue's scale, not the cells to count)."""
        rows = self.boxes(rgb, um_per_px)
        if (second_look and not len(rows) and um_per_px is None
                and max(rgb.shape[:2]) <= SINGLE_CELL_PX):
            rows = self.boxes(rgb, None, fitted=True)
            rows = rows[rows[:, 4] >= SECOND_LOOK_MIN_SCORE]
        if max(rgb.shape[:2]) <= SINGLE_CELL_PX:
            rows = join_parts(rows)
        return self._instances(rows, rgb.shape)

    def _instances(self, rows: np.ndarray, shape: tuple[int, ...]) -> list[CellInstance]:
        h, w = shape[:2]
        cells = []
        for x0, y0, x1, y1, _ in rows:
            box = BBox(max(0, int(x0)), max(0, int(y0)), min(w, int(np.ceil(x1))),
                       min(h, int(np.ceil(y1))))
            if box.width >= 2 and box.height >= 2:
                cells.append(CellInstance(box, ellipse_outline(box), int(np.pi / 4 * box.area)))
        return sorted(cells, key=lambda c: (c.bbox.y0, c.bbox.x0))


class WhiteCellWitness:
    """The in-scope check's second look (``scope.second_look``): the best white-cell score the
    detector gives an image. The field loader's threads share it, so one image at a time; its
    interpreter is opened on first use, as most batches never ask."""

    def __init__(self, open_model: Callable[[], TFLiteModel]) -> None:
        self._open = open_model
        self._detector: WhiteCellDetector | None = None
        self._lock = threading.Lock()

    def __call__(self, rgb: np.ndarray, um_per_px: float | None) -> float:
        """The best box's score (0 when none): at ``um_per_px`` when the red cells gave a
        scale, else at the detector's unknown-scale cap (``WhiteCellDetector.boxes``)."""
        with self._lock:
            if self._detector is None:
                self._detector = WhiteCellDetector(self._open())
            rows = self._detector.boxes(rgb, um_per_px)
        return float(rows[:, 4].max()) if len(rows) else 0.0

    def close(self) -> None:
        with self._lock:
            if self._detector is not None:
                self._detector.model.close()
                self._detector = None
