"""The open case's data, Qt-free: its fields as the reviewer sees them and how they are loaded.

``ui.session.CaseSession`` wraps this for the window (signals); the engine, the command line and
tests can use it without Qt. Labels come from the model manifest (``pack_defaults``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from clinic_app.analysis import thumbnail
from clinic_app.images import ImageError, load_field
from clinic_app.manifest_schema import ModelIntegrityError, Thresholds
from clinic_app.modelpack import load_manifest
from clinic_app.results import FieldResult, SkippedInput
from clinic_app.store import CaseRecord, CaseStore, FieldRecord
from clinic_app.store.review import FieldDecision, field_decisions, refused_images

CROP_PAD = 0.25  # gallery crops show a margin around the cell's box


@dataclass
class FieldEntry:
    """One field of the open case as the UI shows it."""

    id: int
    image_path: Path | None  # known once stored and analysed (the result holds it)
    source: str
    result: FieldResult | None = None
    cell_ids: tuple[int, ...] = ()
    error: str = ""
    thumb: np.ndarray | None = None
    sha256: str = ""
    excluded: str = ""  # the reviewer's reason for leaving it out of the counts ("" = counts)
    deleted: bool = False  # taken out of the case by the reviewer (the image stays on disk)
    scope_problem: str = ""  # "out of scope: ..." when analysed anyway despite the check

    @property
    def name(self) -> str:
        return Path(self.source).name if self.source else f"field {self.id}"

    @property
    def pending(self) -> bool:
        return self.result is None and not self.error


@dataclass
class CellRef:
    """Where a cell lives: field id and index in that field's cells."""

    field_id: int
    index: int


@dataclass
class LoadedCase:
    """What the open-case task returns (built on a worker: it decodes every image)."""

    record: CaseRecord
    fields: list[FieldEntry] = field(default_factory=list)
    refused: list[SkippedInput] = field(default_factory=list)  # by the in-scope check


def display_crop(rgb: np.ndarray, bbox: object) -> np.ndarray:
    """A gallery picture of a cell that has no stored crop (one the reviewer drew, or a case
    stored before crops were kept): a square around its box plus a margin, so it is never
    squashed."""
    x0, y0, x1, y1 = bbox.as_list()  # type: ignore[attr-defined]
    side = int((1 + 2 * CROP_PAD) * max(x1 - x0, y1 - y0, 1))
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    h, w = rgb.shape[:2]
    crop = rgb[max(0, cy - side // 2):min(h, cy + side - side // 2),
               max(0, cx - side // 2):min(w, cx + side - side // 2)]
    if not crop.size:
        return crop
    ch, cw = crop.shape[:2]
    if ch != cw:  # cut off by the field's edge: pad to a square rather than stretch
        n = max(ch, cw)
        crop = cv2.copyMakeBorder(crop, 0, n - ch, 0, n - cw, cv2.BORDER_CONSTANT,
                                  value=(255, 255, 255))
    return cv2.resize(crop, (96, 96), interpolation=cv2.INTER_AREA)


def entry_from_record(rec: FieldRecord, decision: FieldDecision | None = None) -> FieldEntry:
    """Read the stored image once for the thumbnails (worker thread). Cells keep the crop and
    heat map stored with them (what the reviewer verified); only a cell without a stored crop
    gets one cut from the field."""
    d = decision or FieldDecision()
    entry = FieldEntry(rec.id, rec.image_path, rec.source, rec.result, rec.cell_ids,
                       sha256=rec.sha256, excluded=d.excluded, deleted=d.deleted,
                       scope_problem=d.analysed_anyway)
    if d.deleted:
        return entry  # not shown: no need to decode it
    try:
        rgb = load_field(rec.image_path).image
    except ImageError as exc:
        entry.error = f"image unreadable: {exc}"
        return entry
    entry.thumb = thumbnail(rgb, 128)
    if rec.result is not None:
        rec.result.thumbnail = thumbnail(rgb)
        for cell in rec.result.cells:
            if cell.crop is None:
                cell.crop = display_crop(rgb, cell.bbox)
    return entry


def load_case(store: CaseStore, case_id: int) -> LoadedCase:
    decisions = field_decisions(store, case_id)
    return LoadedCase(store.get_case(case_id),
                      [entry_from_record(r, decisions.get(r.id)) for r in store.fields(case_id)],
                      refused_images(store, case_id))


def pack_defaults() -> tuple[tuple[str, ...], Thresholds]:
    """The cell labels and the ALL thresholds the manifest states, before the engine is ready.

    With a damaged model pack there are none: no label to offer, and no ALL flag (the window
    says the models are not loaded; nothing can be analysed either).
    """
    try:
        entries = load_manifest()
        return entries["wbc-type"].labels, entries["all-subtype"].thresholds
    except (ModelIntegrityError, KeyError):
        return (), Thresholds(malignant_probability=float("inf"))
