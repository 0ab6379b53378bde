"""Typed results passed between the stages of the analysis.

Every stage takes and returns these small dataclasses (never loose dicts), so the report, the
store and the UI read the same objects. ``to_dict`` gives the ``analysis.json`` form documented
in ``docs/analysis-json.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from clinic_app.scale import cue_uncertainty

UNIDENTIFIED = "unidentified"


@dataclass(frozen=True)
class BBox:
    """Pixel box in field coordinates, x1/y1 exclusive."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def area(self) -> int:
        return max(0, self.width) * max(0, self.height)

    def iou(self, other: BBox) -> float:
        """Intersection over union, 0 when the boxes do not touch."""
        ix = max(0, min(self.x1, other.x1) - max(self.x0, other.x0))
        iy = max(0, min(self.y1, other.y1) - max(self.y0, other.y0))
        inter = ix * iy
        union = self.area + other.area - inter
        return inter / union if union > 0 else 0.0

    def as_list(self) -> list[int]:
        return [self.x0, self.y0, self.x1, self.y1]


@dataclass
class Field:
    """One captured or imported microscope field: RGB uint8, HxWx3."""

    image: np.ndarray
    source: str
    um_per_px: float | None = None
    scale_source: str = "unknown"  # "given", "red-cells ...", "crop-format ...", "unknown"

    @property
    def width(self) -> int:
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        return int(self.image.shape[0])


@dataclass(frozen=True)
class QualityReport:
    """Focus, exposure and stain checks of one field; ``usable`` False excludes it from counts."""

    focus: float
    clipped_dark: float
    clipped_bright: float
    stain: float
    warnings: tuple[str, ...] = ()
    usable: bool = True
    reason: str = ""

    @classmethod
    def from_dict(cls, q: dict) -> QualityReport:
        """Back from ``FieldResult.to_dict()["quality"]``."""
        return cls(focus=q["focus"], clipped_dark=q["clipped_dark"],
                   clipped_bright=q["clipped_bright"], stain=q["stain"],
                   warnings=tuple(q["warnings"]), usable=q["usable"], reason=q["reason"])


@dataclass
class CellResult:
    """One white cell: where it is, what the model thinks, and what the reviewer decided."""

    bbox: BBox
    label: str
    scores: dict[str, float]
    model_label: str = ""
    contour: np.ndarray | None = None  # Nx2 int points, field coordinates
    heatmap: np.ndarray | None = None  # HxW float32 in [0, 1] over the crop
    crop: np.ndarray | None = None  # RGB uint8 crop given to the classifier
    reviewed: bool = False

    def __post_init__(self) -> None:
        if not self.model_label:
            self.model_label = self.label

    @property
    def confidence(self) -> float:
        return max(self.scores.values()) if self.scores else 0.0

    def to_dict(self) -> dict:
        return {
            "bbox": self.bbox.as_list(),
            "label": self.label,
            "model_label": self.model_label,
            "scores": {k: round(float(v), 5) for k, v in self.scores.items()},
            "reviewed": self.reviewed,
        }


@dataclass(frozen=True)
class FieldClassification:
    """Whole-field ALL subtype (``all-subtype`` model)."""

    label: str
    scores: dict[str, float]

    def to_dict(self) -> dict:
        scores = {k: round(float(v), 5) for k, v in self.scores.items()}
        return {"label": self.label, "scores": scores}

    @classmethod
    def from_dict(cls, d: dict) -> FieldClassification:
        return cls(d["label"], dict(d["scores"]))


@dataclass
class FieldResult:
    """Everything found on one field."""

    path: str
    width: int
    height: int
    um_per_px: float
    scale_source: str
    quality: QualityReport
    cells: list[CellResult] = field(default_factory=list)
    field: FieldClassification | None = None
    field_note: str = ""  # why there is no field classification, when there is none
    overlay_path: str | None = None
    thumbnail: np.ndarray | None = None  # small RGB preview for reports
    # The in-scope check refused this image and the technologist chose "analyse anyway"
    # (audited); ``scope_problem`` is the refusal ("out of scope: ..."). Reports must say so.
    analysed_anyway: bool = False
    scope_problem: str = ""

    def to_dict(self) -> dict:
        q = self.quality
        extra = ({"analysed_anyway": True, "scope_problem": self.scope_problem}
                 if self.analysed_anyway else {})
        return {
            "path": self.path,
            "width": self.width,
            "height": self.height,
            "um_per_px": round(self.um_per_px, 4),
            "scale_source": self.scale_source,
            "scale_uncertainty": cue_uncertainty(self.scale_source),
            "quality": {
                "usable": q.usable,
                "reason": q.reason,
                "warnings": list(q.warnings),
                "focus": round(q.focus, 3),
                "clipped_dark": round(q.clipped_dark, 4),
                "clipped_bright": round(q.clipped_bright, 4),
                "stain": round(q.stain, 3),
            },
            "cells": [c.to_dict() for c in self.cells],
            "field": self.field.to_dict() if self.field else None,
            "field_note": self.field_note,
            "overlay": self.overlay_path,
            **extra,
        }

    @classmethod
    def from_dict(cls, doc: dict, cells: list[CellResult]) -> FieldResult:
        """Back from ``to_dict()`` (the store keeps cells in their own rows, hence ``cells``)."""
        fc = doc.get("field")
        return cls(path=doc["path"], width=doc["width"], height=doc["height"],
                   um_per_px=doc["um_per_px"], scale_source=doc["scale_source"],
                   quality=QualityReport.from_dict(doc["quality"]), cells=cells,
                   field=FieldClassification.from_dict(fc) if fc else None,
                   field_note=doc.get("field_note", ""), overlay_path=doc.get("overlay"),
                   analysed_anyway=bool(doc.get("analysed_anyway", False)),
                   scope_problem=doc.get("scope_problem", ""))


@dataclass(frozen=True)
class Text:
    """A sentence a report can say in its own language: an English template with ``{}`` fields
    and the values that fill them. A value that is itself a ``Text`` (a cell class, "low") is
    translated in turn; numbers, model labels and citations are said as they are."""

    template: str
    args: tuple[object, ...] = ()

    def render(self, tr: Callable[[str], str] = str) -> str:
        """The sentence, each template looked up with ``tr`` (English: as it is)."""
        return tr(self.template).format(*(a.render(tr) if isinstance(a, Text) else a
                                          for a in self.args))


@dataclass(frozen=True)
class Flag:
    """A finding that needs a human's attention, with the reason and the rule's source.
    ``text`` / ``source_text``: the same two as ``Text`` (None for a flag read back from a
    file), so a report in French, Spanish or Portuguese says them in its language."""

    code: str
    message: str
    source: str = ""
    text: Text | None = None
    source_text: Text | None = None

    @classmethod
    def of(cls, code: str, text: Text, source: Text | str = "") -> Flag:
        src = source if isinstance(source, Text) else Text(source) if source else None
        return cls(code, text.render(), src.render() if src else "", text, src)

    def say(self, tr: Callable[[str], str]) -> tuple[str, str]:
        """(message, source) in the language of ``tr``."""
        return (self.text.render(tr) if self.text else self.message,
                self.source_text.render(tr) if self.source_text else self.source)


@dataclass(frozen=True)
class SkippedInput:
    """An input that could not be analysed, and why (the rest of the batch still is)."""

    path: str
    reason: str


@dataclass
class SampleSummary:
    """Sample-level result: differential, blast estimate, ALL subtype, flags."""

    counts: dict[str, int]
    percentages: dict[str, float]
    cells_counted: int
    target: int
    fields_total: int
    fields_used: int
    subtype_label: str | None
    subtype_scores: dict[str, float]
    malignant_probability: float | None
    unidentified: int
    malignant_threshold: float  # the all-subtype manifest's operating point (not in to_dict)
    flags: list[Flag] = field(default_factory=list)
    # Cells whose final label is ``blast`` (summary.summarize), and their share of white cells.
    blast_cells: int = 0
    blast_percent: float | None = None
    nrbc_per_100_wbc: float | None = None  # nucleated red cells, outside the differential
    counted_apart: dict[str, int] = field(default_factory=dict)  # smudge cells, artefacts
    subtype_named: str | None = None  # the ALL subtype, when the field model clearly leads

    def to_dict(self) -> dict:
        return {
            "counts": self.counts,
            "percentages": {k: round(v, 2) for k, v in self.percentages.items()},
            "cells_counted": self.cells_counted,
            "target": self.target,
            "fields_total": self.fields_total,
            "fields_used": self.fields_used,
            "all_subtype": {
                "label": self.subtype_label,
                "scores": {k: round(v, 5) for k, v in self.subtype_scores.items()},
                "malignant_probability": (
                    None if self.malignant_probability is None
                    else round(self.malignant_probability, 5)
                ),
            },
            "unidentified": self.unidentified,
            "blasts": {
                "cells": self.blast_cells,
                "percent": None if self.blast_percent is None else round(self.blast_percent, 2),
                "method": "cells whose final label is blast (wbc-type model or reviewer)",
            },
            "nrbc_per_100_wbc": (None if self.nrbc_per_100_wbc is None
                                 else round(self.nrbc_per_100_wbc, 2)),
            "counted_apart": self.counted_apart,
            "all_subtype_named": self.subtype_named,
            "flags": [{"code": f.code, "message": f.message, "source": f.source}
                      for f in self.flags],
        }


@dataclass(frozen=True)
class ModelInfo:
    """What the report prints about each model used."""

    id: str
    version: str
    sha256: str
    metrics: dict[str, float]


@dataclass
class Analysis:
    """The result of analysing a set of fields: what ``analysis.json`` and the report show."""

    fields: list[FieldResult]
    summary: SampleSummary
    skipped: list[SkippedInput] = field(default_factory=list)
    models: list[ModelInfo] = field(default_factory=list)
    backend: str = "cpu"

    def to_dict(self) -> dict:
        return {
            "images": [f.to_dict() for f in self.fields],
            "summary": self.summary.to_dict(),
            "skipped": [{"path": s.path, "problem": s.reason} for s in self.skipped],
            "models": [
                {"id": m.id, "version": m.version, "sha256": m.sha256, "metrics": m.metrics}
                for m in self.models
            ],
            "backend": self.backend,
        }


@dataclass
class CaseInfo:
    """Header of a case: who the sample is from and who handled it (report and store)."""

    patient_id: str = ""
    patient_name: str = ""
    age: str = ""  # as typed ("14 months", "2 y"); ``birth_date`` wins when both are given
    sex: str = ""
    sample_type: str = "PB"
    operator: str = ""
    lab_name: str = ""
    notes: str = ""
    reviewer: str = ""
    signed_at: str = ""
    logo_path: Path | None = None
    accession: str = ""  # the lab's accession / case number (the store's case id when empty)
    birth_date: str = ""  # YYYY-MM-DD
