"""Cell classification (``wbc-type`` per crop) and field classification (``all-subtype``).

Both models output their class activation maps next to the probabilities, so heat maps are a
numpy slice of the INT8 model's output: no gradients, no second model. A cell whose top
probability is below the manifest's threshold is reported as ``unidentified`` rather than
forced into a class, as the analysers clinics know do.
"""

from __future__ import annotations

import cv2
import numpy as np

from clinic_app import parallel, stain
from clinic_app.imaging import centre_square, display_copy, square_crop, to_side
from clinic_app.modelpack import TFLiteModel, calibrate, dequantize, pixels
from clinic_app.results import UNIDENTIFIED, BBox, CellResult, FieldClassification
from clinic_app.scale import resample_to

MIN_FIELD_SHARE = 0.6  # of the training fields' width a field must cover for all-subtype
MAX_BATCH = 32  # cells per interpreter call (a field rarely holds more; bounds the tensor)
_ROTATIONS = (cv2.ROTATE_90_COUNTERCLOCKWISE, cv2.ROTATE_180, cv2.ROTATE_90_CLOCKWISE)  # = rot90 k
PROB_FLOOR = 1.0 / 512  # an INT8 softmax output of 0 means "below half a step", not "impossible"


def views_of(x: np.ndarray, n: int) -> list[np.ndarray]:
    """The ``n`` views of a crop (H x W x C, or a batch N x H x W x C) the model's answer is
    averaged over: rotations by 0/90/180/270 degrees, then those of its mirror image. A cell
    has no "up", so each view is as valid as the original; averaging them removes the model's
    orientation noise (docs/models.md: chosen on val)."""
    if x.ndim == 3 and x.dtype == np.uint8:  # one crop: OpenCV's rotations, the same pixels
        turns = [x, *(cv2.rotate(x, r) for r in _ROTATIONS[:min(n, 4) - 1])]
        if n == 8:
            mirror = np.ascontiguousarray(np.swapaxes(x, 0, 1))
            turns += [mirror, *(cv2.rotate(mirror, r) for r in _ROTATIONS)]
        return turns
    h, w = x.ndim - 3, x.ndim - 2
    out = [np.rot90(x, k, axes=(h, w)) for k in range(min(n, 4))]
    if n == 8:
        mirror = np.swapaxes(x, h, w)
        out += [np.rot90(mirror, k, axes=(h, w)) for k in range(4)]
    return [np.ascontiguousarray(v) for v in out]


def combine_views(probs: np.ndarray) -> np.ndarray:
    """One answer from each view's probabilities (views on axis 0): the geometric mean,
    renormalised, which is the softmax of the mean logits."""
    logp = np.log(np.clip(probs.astype(np.float64), PROB_FLOOR, 1.0)).mean(axis=0)
    p = np.exp(logp - logp.max(axis=-1, keepdims=True))
    return (p / p.sum(axis=-1, keepdims=True)).astype(np.float32)


def combine_maps(maps: list[np.ndarray]) -> np.ndarray:
    """Each view's class maps turned back to the crop's orientation, then averaged."""
    back = []
    for i, m in enumerate(maps):
        k = i % 4
        m = np.rot90(m, -k, axes=(0, 1))
        back.append(np.swapaxes(m, 0, 1) if i >= 4 else m)
    return np.mean(back, axis=0)


def scores_of(probs: np.ndarray, labels: tuple[str, ...],
              temperature: float) -> dict[str, float]:
    """Label -> calibrated probability (the manifest's temperature; labels from the manifest)."""
    probs = calibrate(probs, temperature)
    return {lab: float(p) for lab, p in zip(labels, probs, strict=True)}


def top_label(scores: dict[str, float], threshold: float) -> str:
    """Best class, or ``unidentified`` when the model is not sure enough."""
    label, p = max(scores.items(), key=lambda kv: kv[1])
    return label if p >= threshold else UNIDENTIFIED


def cam_heatmap(cam: np.ndarray, index: int, size: tuple[int, int]) -> np.ndarray:
    """Class activation map of one class, positive part, scaled to 0..1 at ``size`` (w, h)."""
    m = np.maximum(cam[..., index], 0.0)
    top = float(m.max())
    m = m / top if top > 0 else m
    return cv2.resize(m.astype(np.float32), size, interpolation=cv2.INTER_CUBIC).clip(0, 1)


class Batches:
    """Runs a model on a batch: the input tensor resized to the batch (only when its size
    changes). Measured with ai_edge_litert 2.3 + XNNPACK on the INT8 ``wbc-type``: outputs
    equal to one-by-one calls bit for bit, ~30% less time for 5-16 cells. A runtime or
    delegate that cannot resize (the Edge TPU's compiled models have fixed shapes) answers
    ``None`` and the caller goes one by one."""

    def __init__(self, model: TFLiteModel) -> None:
        self.model = model
        self.size = 1
        self.works = True

    def ensure(self, n: int) -> bool:
        if n == self.size:
            return True
        it = self.model.interpreter
        index = it.get_input_details()[0]["index"]
        try:
            it.resize_tensor_input(index, [n, *self.model.input_shape, 3])
            it.allocate_tensors()
        except (RuntimeError, ValueError):
            self.works = False
            if n != 1:
                self.ensure(1)
            return False
        self.size = n
        return True

    def run(self, xs: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]] | None:
        """(probabilities, maps) per sample of ``xs`` (N x H x W x 3 uint8), or None."""
        if not self.works or not self.ensure(len(xs)):
            return None
        it = self.model.interpreter
        inp = it.get_input_details()[0]
        it.set_tensor(inp["index"], pixels(xs, inp))
        it.invoke()
        outs = sorted((dequantize(it.get_tensor(o["index"]), o) for o in it.get_output_details()),
                      key=lambda a: a.ndim)
        return [(outs[0][i], outs[1][i]) for i in range(len(xs))]


class CellClassifier:
    """``wbc-type`` on crops of a fixed physical size centred on each cell."""

    def __init__(self, model: TFLiteModel) -> None:
        self.model = model
        self.labels = model.entry.labels
        pre, thr = model.entry.preprocessing, model.entry.thresholds
        self.threshold = float(thr.unidentified_below)  # type: ignore[arg-type]
        self.temperature = thr.temperature
        self.crop_um = float(pre.crop_um)  # type: ignore[arg-type]
        self.centre_fraction = float(pre.centre_fraction)  # type: ignore[arg-type]
        self.context = float(pre.stain_context)  # type: ignore[arg-type]
        self.stain_norm = pre.stain_norm
        self.views = pre.views
        self._batches = Batches(model)

    def prepare(self, context: np.ndarray) -> np.ndarray:
        """A context crop as the model sees it: brought to the training cache's size (input x
        ``stain_context``), stain-normalised there over the whole context (as in training),
        and its centre 1/``stain_context`` cut out. Normalising the small copy rather than
        the crop at the field's resolution is ~10x cheaper and is the order training used."""
        size = self.model.input_shape
        work = to_side(context, int(round(size[0] * self.context)))
        view = centre_square(stain.apply(np.ascontiguousarray(work), self.stain_norm),
                             1.0 / self.context)
        if view.shape[:2] != tuple(size):
            view = cv2.resize(view, size[::-1], interpolation=cv2.INTER_AREA)
        return view

    def run(self, crop: np.ndarray) -> tuple[dict[str, float], np.ndarray]:
        return self._run_prepared([self.prepare(crop)])[0]

    def run_many(self, crops: list[np.ndarray]) -> list[tuple[dict[str, float], np.ndarray]]:
        """``run`` over several crops in as few interpreter calls as the runtime allows."""
        xs = [self.prepare(c) for c in crops]
        return [r for i in range(0, len(xs), MAX_BATCH) for r in self._run_prepared(
            xs[i:i + MAX_BATCH])]

    def _run_prepared(self, xs: list[np.ndarray]) -> list[tuple[dict[str, float], np.ndarray]]:
        """At most ``MAX_BATCH`` prepared inputs, each as its ``views``: one call, or one by
        one where batching fails; each cell's views combined into one answer."""
        n = self.views
        inputs = [v for x in xs for v in views_of(x, n)]
        batch = self._batches.run(np.stack(inputs)) if len(inputs) > 1 else None
        if batch is None:
            self._batches.ensure(1)
            batch = [self.model.run(x) for x in inputs]
        out = []
        for i in range(len(xs)):
            own = batch[i * n:(i + 1) * n]
            probs = own[0][0] if n == 1 else combine_views(np.stack([p for p, _ in own]))
            cam = own[0][1] if n == 1 else combine_maps([c for _, c in own])
            out.append((scores_of(probs, self.labels, self.temperature), cam))
        return out

    def classify_image(self, rgb: np.ndarray) -> dict[str, float]:
        """A single-cell image framed like the training set (``clinic-app classify``)."""
        return self.run(centre_square(rgb, min(1.0, self.centre_fraction * self.context)))[0]

    def crop_of(self, rgb: np.ndarray, um_per_px: float, bbox: BBox,
                context: float = 1.0) -> np.ndarray:
        """The ``crop_um`` square around the cell (``context`` times wider for the model)."""
        cx, cy = (bbox.x0 + bbox.x1) / 2.0, (bbox.y0 + bbox.y1) / 2.0
        side = max(8, int(round(context * self.crop_um / um_per_px)))
        return square_crop(rgb, cx, cy, side)

    def classify_cell(self, rgb: np.ndarray, um_per_px: float, bbox: BBox,
                      contour: np.ndarray | None = None) -> CellResult:
        return self.classify_cells(rgb, um_per_px, [(bbox, contour)])[0]

    def classify_cells(self, rgb: np.ndarray, um_per_px: float,
                       cells: list[tuple[BBox, np.ndarray | None]]) -> list[CellResult]:
        """Every cell of a field, ``MAX_BATCH`` per interpreter call (same scores as one by one:
        the batch's samples are computed independently)."""
        out: list[CellResult] = []
        for i in range(0, len(cells), MAX_BATCH):
            out += self._classify_chunk(rgb, um_per_px, cells[i:i + MAX_BATCH])
        return out

    def _classify_chunk(self, rgb: np.ndarray, um_per_px: float,
                        cells: list[tuple[BBox, np.ndarray | None]]) -> list[CellResult]:
        # Each cell's crop is prepared, and each heat map drawn, independently of the others:
        # on helper threads beside this one (``parallel``); the model runs once for all.
        if not cells:
            return []
        xs, shown = zip(*parallel.map_parts(
            lambda cell: self._inputs(rgb, um_per_px, cell[0]), cells), strict=True)
        answers = self._run_prepared(list(xs))
        return parallel.map_parts(self._result, zip(cells, shown, answers, strict=True))

    def _inputs(self, rgb: np.ndarray, um_per_px: float, bbox: BBox
                ) -> tuple[np.ndarray, np.ndarray]:
        """(model input, 160 px display copy) of one cell. A crop at the field's edge is a view
        into a mirrored copy of the whole field: only these two are kept, never the crop."""
        wide = self.crop_of(rgb, um_per_px, bbox, self.context)
        view = centre_square(wide, 1.0 / self.context)
        return self.prepare(wide), np.ascontiguousarray(display_copy(view, 160))

    def _result(self, item: tuple[tuple[BBox, np.ndarray | None], np.ndarray,
                                  tuple[dict[str, float], np.ndarray]]) -> CellResult:
        (bbox, contour), small, (scores, cam) = item
        best = int(np.argmax([scores[lab] for lab in self.labels]))
        heat = cam_heatmap(cam, best, small.shape[1::-1])
        return CellResult(bbox=bbox, label=top_label(scores, self.threshold), scores=scores,
                          contour=contour, heatmap=heat, crop=small)


class FieldClassifier:
    """``all-subtype`` on the whole field, brought to the model's physical scale."""

    def __init__(self, model: TFLiteModel) -> None:
        self.model = model
        self.labels = model.entry.labels
        self.target_um = float(model.entry.preprocessing.um_per_px)  # type: ignore[arg-type]
        self.field_um = float(model.entry.preprocessing.field_um)  # type: ignore[arg-type]
        self.temperature = model.entry.thresholds.temperature
        self.stain_norm = model.entry.preprocessing.stain_norm

    def run(self, rgb: np.ndarray) -> FieldClassification:
        size = self.model.input_shape
        x = cv2.resize(stain.apply(rgb, self.stain_norm), size[::-1],
                       interpolation=cv2.INTER_AREA)
        probs = self.model.run(x)[0]
        scores = scores_of(probs, self.labels, self.temperature)
        return FieldClassification(max(scores, key=scores.get), scores)

    def classify_image(self, rgb: np.ndarray) -> FieldClassification:
        """The whole image as one field, framed like the training set."""
        return self.run(centre_square(rgb, 1.0))

    def applicable(self, rgb: np.ndarray, um_per_px: float) -> str:
        """Empty when the field is wide enough for the model, else the reason it is not.

        The ALL model learned from low-magnification fields ~112 um wide; a high-magnification
        field showing a few cells says nothing about the pattern it learned.
        """
        field_um = self.field_um
        seen = min(rgb.shape[:2]) * um_per_px
        if seen < MIN_FIELD_SHARE * field_um:
            return (f"field is {seen:.0f} um across; {self.model.entry.id} needs >= "
                    f"{MIN_FIELD_SHARE * field_um:.0f} um (a lower magnification)")
        return ""

    def classify_field(self, rgb: np.ndarray, um_per_px: float) -> FieldClassification:
        """Resample to the model's scale; centre-crop or pad (background colour) to a square."""
        side = self.model.input_shape[0]
        work = resample_to(rgb, um_per_px, self.target_um)
        h, w = work.shape[:2]
        if min(h, w) >= side:
            return self.run(centre_square(work, 1.0))
        canvas = np.empty((max(side, h), max(side, w), 3), np.uint8)
        canvas[:] = np.median(work.reshape(-1, 3), axis=0).astype(np.uint8)
        y0, x0 = (canvas.shape[0] - h) // 2, (canvas.shape[1] - w) // 2
        canvas[y0:y0 + h, x0:x0 + w] = work
        return self.run(centre_square(canvas, 1.0))
