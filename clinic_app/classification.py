"""Cell classification (``wbc-type`` per crop) and field classification (``all-subtype``).

Both models output their class activation maps next to the probabilities, so heat maps are a
numpy slice of the INT8 model's output: no gradients, no second model. A cell whose top
probability is below the manifest's threshold is reported as ``unidentified`` rather than
forced into a class, as the analysers clinics know do.
"""

from __future__ import annotations

import cv2
import numpy as np

from clinic_app import stain
from clinic_app.imaging import centre_square, shrink_to, square_crop
from clinic_app.modelpack import TFLiteModel, calibrate
from clinic_app.results import UNIDENTIFIED, BBox, CellResult, FieldClassification
from clinic_app.scale import resample_to

MIN_FIELD_SHARE = 0.6  # of the training fields' width a field must cover for all-subtype


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
        self.stain_norm = pre.stain_norm

    def run(self, crop: np.ndarray) -> tuple[dict[str, float], np.ndarray]:
        size = self.model.input_shape
        x = cv2.resize(stain.apply(crop, self.stain_norm), size[::-1], interpolation=cv2.INTER_AREA)
        probs, cam = self.model.run(x)
        return scores_of(probs, self.labels, self.temperature), cam

    def classify_image(self, rgb: np.ndarray) -> dict[str, float]:
        """A single-cell image framed like the training set (``clinic-app classify``)."""
        return self.run(centre_square(rgb, self.centre_fraction))[0]

    def classify_cell(self, rgb: np.ndarray, um_per_px: float, bbox: BBox,
                      contour: np.ndarray | None = None) -> CellResult:
        cx, cy = (bbox.x0 + bbox.x1) / 2.0, (bbox.y0 + bbox.y1) / 2.0
        side = max(8, int(round(self.crop_um / um_per_px)))
        crop = square_crop(rgb, cx, cy, side)
        scores, cam = self.run(crop)
        best = int(np.argmax([scores[lab] for lab in self.labels]))
        shown = shrink_to(crop, 160)
        heat = cam_heatmap(cam, best, shown.shape[1::-1])
        label = top_label(scores, self.threshold)
        return CellResult(bbox=bbox, label=label, scores=scores, contour=contour,
                          heatmap=heat, crop=np.ascontiguousarray(shown))


class FieldClassifier:
    """``all-subtype`` on the whole field, brought to the model's physical scale."""

    def __init__(self, model: TFLiteModel) -> None:
        self.model = model
        self.labels = model.entry.labels
        self.target_um = float(model.entry.preprocessing.um_per_px)  # type: ignore[arg-type]
        self.field_um = float(model.entry.preprocessing.field_um)  # type: ignore[arg-type]
        self.temperature = model.entry.thresholds.temperature

    def run(self, rgb: np.ndarray) -> FieldClassification:
        size = self.model.input_shape
        x = cv2.resize(rgb, size[::-1], interpolation=cv2.INTER_AREA)
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
