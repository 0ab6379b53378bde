"""Sample summary and the cell-instance post-processing, on hand-made inputs."""

from __future__ import annotations

import cv2
import numpy as np

from clinic_app.results import (
    BBox,
    CellResult,
    FieldClassification,
    FieldResult,
    QualityReport,
)
from clinic_app.segmentation import instances, split_instances
from clinic_app.summary import summarize

GOOD = QualityReport(focus=1.0, clipped_dark=0, clipped_bright=0, stain=0.5)
BAD = QualityReport(focus=0.0, clipped_dark=0, clipped_bright=0, stain=0.5, usable=False,
                    reason="out of focus")


def field(labels: list[str], usable: bool = True, benign: float = 0.9) -> FieldResult:
    cells = [CellResult(BBox(0, 0, 10, 10), lab, {lab: 0.9}) for lab in labels]
    fc = FieldClassification("Benign" if benign >= 0.5 else "Pre",
                             {"Benign": benign, "Early": 0.0, "Pre": 1 - benign, "Pro": 0.0})
    return FieldResult("f.png", 100, 100, 0.5, "given", GOOD if usable else BAD, cells, fc)


def test_differential_and_flags():
    normal = ["neutrophil"] * 60 + ["lymphocyte"] * 30 + ["monocyte"] * 6 + ["eosinophil"] * 3
    normal += ["basophil"]
    s = summarize([field(normal)], 100, 0.5)
    assert s.cells_counted == 100 and round(s.percentages["neutrophil"]) == 60
    assert [f.code for f in s.flags] == []
    assert s.subtype_label == "Benign" and abs(s.malignant_probability - 0.1) < 1e-6


def test_poor_fields_are_excluded_and_flagged():
    s = summarize([field(["lymphocyte"] * 5), field(["neutrophil"] * 50, usable=False)], 100, 0.5)
    assert s.cells_counted == 5 and s.fields_used == 1
    codes = {f.code for f in s.flags}
    assert {"POOR_FIELDS", "LOW_COUNT"} <= codes


def test_leukaemia_and_unidentified_flags():
    cells = ["lymphocyte"] * 40 + ["unidentified"] * 30 + ["neutrophil"] * 30
    s = summarize([field(cells, benign=0.1), field(cells, benign=0.3)], 100, 0.5)
    codes = {f.code for f in s.flags}
    assert {"ALL_SUSPECTED", "MANY_UNIDENTIFIED", "NEUTROPHIL_LOW"} <= codes
    assert s.subtype_label == "Pre" and abs(s.malignant_probability - 0.8) < 1e-6
    assert all(f.source for f in s.flags)


def test_blast_estimate_counts_white_cells_in_malignant_fields_only():
    malignant = field(["lymphocyte"] * 6 + ["platelet"] * 4, benign=0.2)
    benign = field(["lymphocyte"] * 10, benign=0.9)
    poor = field(["lymphocyte"] * 50, usable=False, benign=0.0)
    s = summarize([malignant, benign, poor], 100, 0.5)
    assert s.blast_cells == 6 and abs(s.blast_percent - 37.5) < 1e-6
    assert s.to_dict()["blasts"]["percent"] == 37.5
    no_field_model = FieldResult("f.png", 100, 100, 0.5, "given", GOOD, [], None)
    assert summarize([no_field_model], 100, 0.5).blast_percent is None


def test_platelets_are_not_in_the_differential():
    s = summarize([field(["lymphocyte"] * 3 + ["platelet"] * 7)], 100, 0.5)
    assert s.cells_counted == 3 and s.counts["platelet"] == 7 and "platelet" not in s.percentages


def test_touching_cells_split_and_debris_dropped():
    mask = np.zeros((120, 160), np.uint8)
    cv2.circle(mask, (50, 60), 14, 1, -1)
    cv2.circle(mask, (75, 60), 14, 1, -1)  # touching the first
    cv2.circle(mask, (130, 20), 2, 1, -1)  # debris, far below 20 um^2 at 0.5 um/px
    labels = split_instances(mask, work_um=0.5)
    assert len(set(np.unique(labels)) - {0}) == 2


def test_lobes_of_one_nucleus_merge_and_boxes_scale_to_field():
    prob = np.zeros((100, 100), np.float32)
    for x in (40, 50, 60):  # three lobes 2 um across, 1 um gaps, at 0.5 um/px
        cv2.circle(prob, (x, 50), 4, 1.0, -1)
    cells = instances(prob, work_um=0.5, field_um=0.1, field_shape=(500, 500))
    assert len(cells) == 1
    b = cells[0].bbox
    assert 160 <= b.x0 <= 170 and 330 <= b.x1 <= 340  # 5x the work-scale box, plus margin
