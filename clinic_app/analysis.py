"""The whole flow for one field and for a batch: what ``clinic-app analyze`` and the desktop
app both call.

field -> scale (given or from red cells) -> quality -> segmentation -> cell classification
-> field classification. A bad input is recorded as skipped and never stops the batch; a field
too poor to trust is analysed but kept out of the counts, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clinic_app import images, quality, scale
from clinic_app.classification import CellClassifier, FieldClassifier
from clinic_app.modelpack import ModelEntry, TFLiteModel, load_manifest
from clinic_app.results import (
    Analysis,
    Field,
    FieldResult,
    ModelInfo,
    SkippedInput,
)
from clinic_app.segmentation import find_cells
from clinic_app.summary import summarize

MODEL_IDS = ("cell-seg", "wbc-type", "all-subtype")
THUMB_PX = 320


@dataclass(frozen=True)
class AnalyzerOptions:
    """How to run: the accelerator is a field here, not code paths scattered around."""

    backend: str = "auto"
    threads: int | None = None
    um_per_px: float | None = None  # None: estimate from red cells
    target: int = 100
    models_dir: Path | None = None


def consensus_scales(paths: list[Path]) -> dict[Path, tuple[float, str]]:
    """Scale per field from the median red-cell estimate of all fields of its pixel size.

    Fields of one size in one batch come from one camera and objective; one field's estimate
    is good to about +-12% and can be far off on a crowded or empty field, the median of a
    slide's fields is not. Unreadable files are left out (the analysis reports them).
    """
    groups: dict[tuple[int, int], list[tuple[Path, float]]] = {}
    for path in paths:
        try:
            field = images.load_field(path)
        except images.ImageError:
            continue
        um, how = scale.estimate_um_per_px(field.image)
        if how == "red-cells":
            groups.setdefault((field.width, field.height), []).append((path, um))
    out = {}
    for members in groups.values():
        median = float(np.median([um for _, um in members]))
        how = f"red-cells (median of {len(members)} fields)" if len(members) > 1 else "red-cells"
        out.update({p: (median, how) for p, _ in members})
    return out


def model_info(entry: ModelEntry) -> ModelInfo:
    int8 = entry.metrics.get("int8", {})
    keys = ("accuracy", "balanced_accuracy", "mean_dice")
    figures = {k: float(v) for k, v in int8.items() if k in keys}
    # Segmentation: Dice against all given masks, and against those that cover their cells
    # (many of the data set's Pro-B masks miss the blasts; docs/models.md).
    covering = entry.metrics.get("int8_masks_covering_cells", {}).get("mean_dice")
    if covering is not None:
        figures["mean_dice_where_masks_cover_cells"] = float(covering)
    return ModelInfo(entry.id, entry.version, entry.sha256, figures)


def thumbnail(rgb: np.ndarray, size: int = THUMB_PX) -> np.ndarray:
    import cv2

    h, w = rgb.shape[:2]
    f = size / max(h, w)
    if f >= 1:
        return rgb.copy()
    return cv2.resize(rgb, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)


class Analyzer:
    """Holds the three verified INT8 models; analyses fields one by one or as a batch."""

    def __init__(self, options: AnalyzerOptions | None = None) -> None:
        self.options = options or AnalyzerOptions()
        entries = load_manifest(self.options.models_dir)
        missing = [m for m in MODEL_IDS if m not in entries]
        if missing:
            raise RuntimeError(f"model pack lacks {', '.join(missing)}")
        self.entries = {m: entries[m] for m in MODEL_IDS}
        self._models = {m: TFLiteModel(e, self.options.backend, self.options.threads,
                                       self.options.models_dir) for m, e in self.entries.items()}
        self.segmenter = self._models["cell-seg"]
        self.cells = CellClassifier(self._models["wbc-type"])
        self.fields = FieldClassifier(self._models["all-subtype"])

    @property
    def backend_message(self) -> str:
        return "; ".join(sorted({m.choice.message for m in self._models.values()}))

    @property
    def models(self) -> list[ModelInfo]:
        return [model_info(e) for e in self.entries.values()]

    def field_scale(self, field: Field) -> tuple[float, str]:
        if field.um_per_px:
            return float(field.um_per_px), field.scale_source or "given"
        if self.options.um_per_px:
            return float(self.options.um_per_px), "given"
        return scale.estimate_um_per_px(field.image)

    def analyze_field(self, field: Field) -> FieldResult:
        """One field through every stage."""
        rgb = field.image
        um, how = self.field_scale(field)
        report = quality.assess(rgb)
        instances = find_cells(self.segmenter, rgb, um)
        cells = [self.cells.classify_cell(rgb, um, inst.bbox, inst.contour) for inst in instances]
        note = self.fields.applicable(rgb, um)
        field_cls = None if note else self.fields.classify_field(rgb, um)
        return FieldResult(path=field.source, width=field.width, height=field.height,
                           um_per_px=um, scale_source=how, quality=report, cells=cells,
                           field=field_cls, field_note=note, thumbnail=thumbnail(rgb))

    def analyze_paths(self, paths: Iterable[str | Path],
                      progress: Callable[[int, int, str], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> Analysis:
        """Every image under ``paths``; unreadable ones are listed as skipped."""
        files, skipped = images.iter_image_paths(paths)
        scales = {} if self.options.um_per_px else consensus_scales(files)
        results: list[FieldResult] = []
        for i, path in enumerate(files):
            if cancelled and cancelled():
                skipped += [SkippedInput(str(p), "cancelled") for p in files[i:]]
                break
            if progress:
                progress(i, len(files), str(path))
            try:
                field = images.load_field(path, self.options.um_per_px)
                if path in scales:
                    field.um_per_px, field.scale_source = scales[path]
            except images.ImageError as exc:
                skipped.append(SkippedInput(str(path), exc.problem))
                continue
            results.append(self.analyze_field(field))
        if progress:
            progress(len(files), len(files), "")
        return self.assemble(results, skipped)

    def assemble(self, fields: list[FieldResult], skipped: list[SkippedInput]) -> Analysis:
        """Sample summary over fields (also after a reviewer's changes)."""
        return Analysis(fields=fields, summary=summarize(fields, self.options.target),
                        skipped=skipped, models=self.models, backend=self.backend_message)

    def close(self) -> None:
        for m in self._models.values():
            m.close()

    def __enter__(self) -> Analyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
