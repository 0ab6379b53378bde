"""The whole flow for one field and for a batch: what ``clinic-app analyze`` and the desktop
app both call.

field -> scale (given, red cells, crop format) -> quality -> white cells (the detector when the
pack ships one, else segmentation; the cells are the ruler when nothing else is) -> cell
classification -> field classification. A bad input is recorded as skipped and never stops
the batch; a field too poor to trust is analysed but kept out of the counts, with the reason.
"""

from __future__ import annotations

import os
import queue
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from pathlib import Path

import numpy as np

from clinic_app import parallel, quality, runtime, scale, scope
from clinic_app.classification import CellClassifier, FieldClassifier
from clinic_app.detection import WhiteCellDetector, WhiteCellWitness
from clinic_app.fields import (
    ScreenedField,
    consensus_scales,  # noqa: F401 - training.evaluate_detection
)
from clinic_app.imaging import shrink_to
from clinic_app.manifest_schema import ModelEntry, Thresholds
from clinic_app.modelpack import TFLiteModel, load_manifest
from clinic_app.results import (
    Analysis,
    CellResult,
    Field,
    FieldResult,
    ModelInfo,
    QualityReport,
    SkippedInput,
)
from clinic_app.segmentation import CellInstance, field_mask, find_cells, whole_cell_mask
from clinic_app.summary import summarize

MODEL_IDS = ("cell-seg", "wbc-type", "all-subtype")
DETECTOR_ID = "wbc-detect"  # when the pack has it, it finds the white cells (docs/models.md)
# Fields this coarse (um/px, a 10-20x objective) go to the segmenter, trained on ALL fields at
# 0.42 um/px. Validation fields (INT8): the detector finds 38 % of the ALL val white cells (83 %
# when the field is enlarged, at 74 % precision), the segmenter 84 % (81 %); Bio-Net (0.10-0.25
# um/px, val recall 96.9 %, precision 96.3 %) and BCCD (0.09) fields stay with the detector.
SEGMENTER_FROM_UM = 0.3
# A coarse red-cell scale is not believed when the white cells found without a scale say the
# field is finer by this factor or more (BCCD dev crops at 0.086 um/px: 9 of 16 red-cell
# readings were >= 0.3 um/px, 7 of them with a white-cell/red-cell ratio under 0.25; ALL val
# fields, whose coarse scale is right: 0.354 at the lowest, of 321; docs/models.md)
WHITE_CELLS_VETO = 0.25
# A small field (longer side up to this) read as fine by its red cells is checked the same way:
# it shows few red cells, and on a 256 px crop filled by one white cell the search can take
# parts of that cell for red cells and read 0.2-0.3 um/px (true ~0.09), where the detector cuts
# the cell into 4-5 boxes. There the factor is FINE_WHITE_CELLS_VETO (white cells found without
# a scale / red-cell scale: BCCD dev and Bio-Net val fields and crops read right go down to
# 0.54; the misread BCCD dev crops 0.29-0.35; docs/models.md). Larger fields show enough red
# cells, and are spared the detector's extra look.
SMALL_FIELD_PX = 256
FINE_WHITE_CELLS_VETO = 0.45
# An image this narrow (longer side in um) is a crop around one cell, not a low-magnification
# field, whatever its scale: the segmenter, which learned the ALL fields' stained pixels, draws
# a granulocyte's or monocyte's nucleus there and leaves its cytoplasm out, where the detector
# draws the whole cell. ALL fields span 83-103 um; a 120 px crop at 0.31 um/px spans 37.
CROP_MAX_UM = 60.0
THUMB_PX = 320


@dataclass(frozen=True)
class AnalyzerOptions:
    """How to run: the accelerator is a field here, not code paths scattered around."""

    backend: str = "auto"
    threads: int | None = None
    um_per_px: float | None = None  # None: estimate from red cells
    target: int = 100
    models_dir: Path | None = None


def model_info(entry: ModelEntry) -> ModelInfo:
    int8 = entry.metrics.get("int8", {})
    keys = ("accuracy", "balanced_accuracy", "mean_dice", "white_cell_recall",
            "white_cell_precision")
    figures = {k: float(v) for k, v in int8.items() if k in keys}
    # Segmentation: Dice against all given masks, and against those that cover their cells
    # (many of the data set's Pro-B masks miss the blasts; docs/models.md).
    covering = entry.metrics.get("int8_masks_covering_cells", {}).get("mean_dice")
    if covering is not None:
        figures["mean_dice_where_masks_cover_cells"] = float(covering)
    return ModelInfo(entry.id, entry.version, entry.sha256, figures)


def thumbnail(rgb: np.ndarray, size: int = THUMB_PX) -> np.ndarray:
    """A small preview kept with the result (its own copy: the field's pixels are let go)."""
    small = shrink_to(rgb, size)
    return small.copy() if small is rgb else small


def assemble(fields: list[FieldResult], skipped: list[SkippedInput], models: list[ModelInfo],
             backend: str, target: int, field_thresholds: Thresholds) -> Analysis:
    """The sample-level ``Analysis`` over analysed fields: the one place it is put together,
    by the Analyzer and by the desktop app after a reviewer's changes."""
    threshold = float(field_thresholds.malignant_probability)  # type: ignore[arg-type]
    return Analysis(fields=fields, summary=summarize(fields, target, threshold),
                    skipped=skipped, models=models, backend=backend)


@dataclass
class Retention:
    """Which pictures of an analysed field stay in memory once its overlay is on disk.

    A batch keeps compact records (labels, scores, boxes, contours: what the summary and
    ``analysis.json`` need) and drops the rest, so memory does not grow with the batch. What a
    report shows is kept: the first ``thumbnails`` fields' previews, the first
    ``cells_per_label`` usable cells of each label with crop and heat map, and with
    ``crops`` the crop of every other usable cell (the report counts the cells with a crop).
    """

    thumbnails: int = 0
    cells_per_label: int = 0
    crops: bool = False
    _seen: int = 0
    _labels: Counter = dataclass_field(default_factory=Counter)

    def apply(self, result: FieldResult) -> FieldResult:
        if self._seen >= self.thumbnails:
            result.thumbnail = None
        self._seen += 1
        for cell in result.cells:
            self._keep(cell, result.quality.usable)
        return result

    def _keep(self, cell: CellResult, usable: bool) -> None:
        if usable and self._labels[cell.label] < self.cells_per_label:
            self._labels[cell.label] += 1
            return
        cell.heatmap = None
        if not (usable and self.crops):
            cell.crop = None


class Analyzer:
    """Holds the three verified INT8 models; analyses fields one by one or as a batch."""

    def __init__(self, options: AnalyzerOptions | None = None) -> None:
        self.options = options or AnalyzerOptions()
        entries = load_manifest(self.options.models_dir)
        missing = [m for m in MODEL_IDS if m not in entries]
        if missing:
            raise RuntimeError(f"model pack lacks {', '.join(missing)}")
        ids = MODEL_IDS + ((DETECTOR_ID,) if DETECTOR_ID in entries else ())
        self.entries = {m: entries[m] for m in ids}
        self._models = {m: TFLiteModel(e, self.options.backend, self.options.threads,
                                       self.options.models_dir) for m, e in self.entries.items()}
        self.segmenter = self._models["cell-seg"]
        self.detector = (WhiteCellDetector(self._models[DETECTOR_ID])
                         if DETECTOR_ID in self._models else None)
        self.cells = CellClassifier(self._models["wbc-type"])
        self.fields = FieldClassifier(self._models["all-subtype"])

    @property
    def backend_message(self) -> str:
        return "; ".join(sorted({m.choice.message for m in self._models.values()}))

    @property
    def runs_on_cpu(self) -> bool:
        """Every model on the CPU (an accelerator is one device: not shared between workers)."""
        return all(m.choice.backend is runtime.Backend.CPU for m in self._models.values())

    @property
    def tflite_models(self) -> list[TFLiteModel]:
        """The loaded models (``bench`` times their interpreters)."""
        return list(self._models.values())

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
        """One field through every stage (what the loader screened is not measured again)."""
        rgb = field.image
        um, how = self.field_scale(field)
        report = screened_quality(field)
        instances, um, how = self.find_cells(rgb, um, how)
        cells = self.cells.classify_cells(rgb, um, [(i.bbox, i.contour) for i in instances])
        note = self.fields.applicable(rgb, um) or self.field_model_note(field)
        field_cls = None if note else self.fields.classify_field(rgb, um)
        return FieldResult(path=field.source, width=field.width, height=field.height,
                           um_per_px=um, scale_source=how, quality=report, cells=cells,
                           field=field_cls, field_note=note, thumbnail=thumbnail(rgb))

    def find_cells(self, rgb: np.ndarray, um: float, how: str
                   ) -> tuple[list[CellInstance], float, str]:
        """White cells, and the scale (``detector_cells``; the segmenter where that declines)."""
        found = detector_cells(self.detector, rgb, um, how)
        return found if found is not None else (find_cells(self.segmenter, rgb, um), um, how)

    def field_model_note(self, field: Field) -> str:
        model_id = self.entries["all-subtype"].id
        if isinstance(field, ScreenedField) and field.features is not None:
            return scope.domain_note(field.features, scope.FIELD_DOMAIN, model_id)
        return scope.field_model_note(field.image, model_id)

    def assemble(self, fields: list[FieldResult], skipped: list[SkippedInput]) -> Analysis:
        """Sample summary over fields (also after a reviewer's changes)."""
        return assemble(fields, skipped, self.models, self.backend_message, self.options.target,
                        self.entries["all-subtype"].thresholds)

    def close(self) -> None:
        for m in self._models.values():
            m.close()

    def __enter__(self) -> Analyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def scope_witness(options: AnalyzerOptions) -> WhiteCellWitness | None:
    """The in-scope check's second look (``scope.second_look``) for the field loader: the
    pack's detector on the CPU, one thread, opened on first use; None without a detector. Its
    own interpreter: the loader's threads must not share the analysis' interpreters."""
    entries = load_manifest(options.models_dir)
    if DETECTOR_ID not in entries:
        return None
    entry = entries[DETECTOR_ID]
    return WhiteCellWitness(lambda: TFLiteModel(entry, "cpu", 1, options.models_dir))


def screened_quality(field: Field) -> QualityReport:
    """The quality report screening measured, else measured now."""
    if isinstance(field, ScreenedField) and field.quality is not None:
        return field.quality
    return quality.assess(field.image, field.work if isinstance(field, ScreenedField) else None)


def finer_by_white_cells(detector: WhiteCellDetector, rgb: np.ndarray, um: float,
                         veto: float = WHITE_CELLS_VETO
                         ) -> tuple[list[CellInstance], float, str] | None:
    """(cells, scale, cue) when the white cells found without a scale say a field is
    ``1 / veto`` times finer than its red cells read or more: the red-cell reading was not red
    cells (a crowded small crop, docs/models.md), and the white cells are the ruler instead.
    None: the red-cell reading stands. One look: where it finds no cell, the reading stands,
    and the enlarged second look of an unscaled crop (``WhiteCellDetector.find_cells``) is
    not spent on every low-magnification field."""
    found = detector.find_cells(rgb, None, second_look=False)
    ruler = white_cell_ruler(found)
    if ruler is None or ruler[0] >= veto * um:
        return None
    return found, *ruler


def white_cell_ruler(found: list[CellInstance]) -> tuple[float, str] | None:
    """(um/px, cue) from the whole-cell boxes of the white cells found, or None."""
    from_cells = scale.from_white_cells([float(np.sqrt(c.bbox.area)) for c in found])
    if from_cells is None:
        return None
    return from_cells, f"{scale.WHITE_CELLS} ({len(found)} on the field)"


def detector_cells(detector: WhiteCellDetector | None, rgb: np.ndarray, um: float, how: str
                   ) -> tuple[list[CellInstance], float, str] | None:
    """The white cells the detector finds and the scale they come with, or None where the
    segmenter is the finder: no detector in the pack, or a low-magnification field
    (``SEGMENTER_FROM_UM``) wider than a single-cell crop (``CROP_MAX_UM``), where the
    segmenter, trained on such fields, finds more
    (validation figures in docs/models.md), unless the white cells overrule that reading
    (``finer_by_white_cells``). Where no red cell could be measured, the detected white cells
    themselves are the ruler. ``analyze`` and ``segment`` both choose here."""
    known = how != scale.UNKNOWN
    if detector is None:
        return None
    if known and um >= SEGMENTER_FROM_UM and max(rgb.shape[:2]) * um > CROP_MAX_UM:
        return finer_by_white_cells(detector, rgb, um)
    if known and max(rgb.shape[:2]) <= SMALL_FIELD_PX:
        vetoed = finer_by_white_cells(detector, rgb, um, FINE_WHITE_CELLS_VETO)
        if vetoed is not None:
            return vetoed
    found = detector.find_cells(rgb, um if known else None)
    ruler = None if known else white_cell_ruler(found)
    return (found, *ruler) if ruler is not None else (found, um, how)


class ParallelAnalyzer:
    """Fields analysed on several threads, results in input order (``clinic-app analyze``).

    Each worker has its own ``Analyzer`` (its own interpreters: one interpreter is never run by
    two threads at once), and each interpreter gets its share of the CPU threads (``--threads``
    is the total: ``--threads 1`` means one worker). The
    interpreters' ``invoke``, OpenCV and numpy's large operations release the GIL, so on two
    cores two fields at a time take ~10 ms a 640x480 field where one at a time takes 12-18
    (docs/performance.md). Results are the same: a field's analysis depends on nothing but the
    field and the models. A single accelerator (Edge TPU, GPU) is not shared: one worker then.
    At most ``2 x workers`` fields are in flight, so memory does not grow with the batch.
    """

    def __init__(self, options: AnalyzerOptions | None = None, workers: int | None = None) -> None:
        options = options or AnalyzerOptions()
        total = options.threads or runtime.default_threads()  # --threads: CPU threads in all
        wanted = workers or min(default_workers(), total)
        each = replace(options, threads=max(1, total // wanted))
        self.analyzers = [Analyzer(each)]
        if self.analyzers[0].runs_on_cpu:
            self.analyzers += [Analyzer(each) for _ in range(wanted - 1)]
        self._free: queue.SimpleQueue[Analyzer] = queue.SimpleQueue()
        for a in self.analyzers:
            self._free.put(a)
        self._pool = ThreadPoolExecutor(len(self.analyzers), thread_name_prefix="analysis",
                                        initializer=parallel.batch_worker)

    @property
    def backend_message(self) -> str:
        return self.analyzers[0].backend_message

    def assemble(self, fields: list[FieldResult], skipped: list[SkippedInput]) -> Analysis:
        return self.analyzers[0].assemble(fields, skipped)

    def _analyze(self, field: Field) -> FieldResult:
        analyzer = self._free.get()
        try:
            return analyzer.analyze_field(field)
        finally:
            self._free.put(analyzer)

    def map(self, fields: Iterable[Field]) -> Iterator[tuple[Field, FieldResult]]:
        """(field, result) in the order of ``fields``, analysed ahead on the workers."""
        pending: deque = deque()
        ahead = 2 * len(self.analyzers)
        for f in fields:
            pending.append((f, self._pool.submit(self._analyze, f)))
            if len(pending) >= ahead:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        for a in self.analyzers:
            a.close()

    def __enter__(self) -> ParallelAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_workers() -> int:
    """Two fields at a time where there are two cores or more, else one."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1


class WholeCells:
    """The white-cell mask of a field as the analysis finds its cells: on a low-magnification
    field (``SEGMENTER_FROM_UM``) the segmenter's mask; elsewhere, when the pack has
    the detector, whole cells from its boxes, each to its own outline where one is found
    (``segmentation.whole_cell_mask``, ``segmentation.cell_outline``), with the
    segmenter's stained pixels inside them (and any nucleus-sized stained object no box
    holds) where the scale is known."""

    def __init__(self, entries: dict[str, ModelEntry], seg_id: str = "cell-seg",
                 det_id: str = DETECTOR_ID, backend: str = "auto",
                 threads: int | None = None) -> None:
        self.segmenter = TFLiteModel(entries[seg_id], backend, threads)
        self.detector = (WhiteCellDetector(TFLiteModel(entries[det_id], backend, threads))
                         if det_id in entries else None)
        self.message = self.segmenter.choice.message

    def mask(self, field: Field, outlines: bool = True) -> np.ndarray:
        """0/255 uint8, the size of the field. ``outlines``: each detected cell drawn to its
        own outline (``segmentation.cell_outline``) where one is found; False, the ellipses of
        the detector's boxes alone (what ``segment`` drew before; ``training.segment_eval``
        compares the two)."""
        if field.um_per_px:
            um, how = float(field.um_per_px), field.scale_source or "given"
        else:
            um, how = scale.estimate_um_per_px(field.image)
        found = detector_cells(self.detector, field.image, um, how)
        if found is None:
            return field_mask(self.segmenter, field.image, um)
        cells, um, _ = found
        # the stained pixels only where the red cells (or the white cells overruling them)
        # gave the scale: at an assumed one the segmenter's mask says nothing
        stained = field_mask(self.segmenter, field.image, um) if how != scale.UNKNOWN else None
        return whole_cell_mask(field.image.shape, [c.bbox for c in cells], stained,
                               um if stained is not None else None,
                               field.image if outlines else None)
