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


def test_unidentified_flag_and_a_malignant_field_model_without_blasts_is_a_disagreement():
    cells = ["lymphocyte"] * 40 + ["unidentified"] * 30 + ["neutrophil"] * 30
    s = summarize([field(cells, benign=0.1), field(cells, benign=0.3)], 100, 0.5)
    codes = {f.code for f in s.flags}
    assert {"FIELD_MODEL_MALIGNANT", "MANY_UNIDENTIFIED", "NEUTROPHIL_LOW"} <= codes
    assert "ALL_SUSPECTED" not in codes and s.blast_cells == 0
    assert s.subtype_label == "Pre" and abs(s.malignant_probability - 0.8) < 1e-6
    assert all(f.source for f in s.flags)


def test_all_suspected_rests_on_cell_level_blasts():
    cells = ["blast"] * 30 + ["lymphocyte"] * 50 + ["neutrophil"] * 20
    s = summarize([field(cells, benign=0.9)], 100, 0.5)
    codes = [f.code for f in s.flags]
    assert s.blast_cells == 30 and abs(s.blast_percent - 30.0) < 1e-6
    assert {"BLASTS_SEEN", "BLASTS_ACUTE_RANGE", "ALL_SUSPECTED"} <= set(codes)
    all_flag = next(f for f in s.flags if f.code == "ALL_SUSPECTED")
    # the field model (benign here) is quoted as evidence, and names no subtype
    assert "subtype undetermined" in all_flag.message and "10%" in all_flag.message
    assert s.to_dict()["blasts"] == {"cells": 30, "percent": 30.0,
                                     "method": "cells whose final label is blast "
                                               "(wbc-type model or reviewer)"}


def test_subtype_named_only_with_a_clear_lead():
    cells = ["blast"] * 60 + ["lymphocyte"] * 40
    clear = summarize([field(cells, benign=0.05)], 100, 0.5)  # Pre 0.95, others 0
    assert clear.subtype_named == "Pre"
    assert "most likely Pre" in next(f.message for f in clear.flags if f.code == "ALL_SUSPECTED")
    fc = FieldClassification("Pre", {"Benign": 0.1, "Early": 0.4, "Pre": 0.45, "Pro": 0.05})
    close = FieldResult("f.png", 100, 100, 0.5, "given", GOOD,
                        field(cells).cells, fc)
    s = summarize([close], 100, 0.5)
    assert s.subtype_named is None
    assert "subtype undetermined" in next(f.message for f in s.flags if f.code == "ALL_SUSPECTED")


def test_one_blast_is_flagged_for_review_at_any_count_but_not_as_leukaemia():
    s = summarize([field(["blast"] + ["lymphocyte"] * 19)], 100, 0.5)
    codes = {f.code for f in s.flags}
    assert "BLASTS_SEEN" in codes and "ALL_SUSPECTED" not in codes
    assert "BLASTS_ACUTE_RANGE" not in codes


def test_every_percentage_flag_waits_for_the_same_minimum_count():
    few = ["erythroblast"] * 2 + ["ig"] * 2 + ["eosinophil"] * 8 + ["lymphocyte"] * 20
    s = summarize([field(few)], 100, 0.5)
    assert {f.code for f in s.flags} == {"LOW_COUNT"}
    many = ["erythroblast"] * 2 + ["ig"] * 4 + ["eosinophil"] * 20 + ["lymphocyte"] * 30
    many += ["neutrophil"] * 46
    codes = {f.code for f in summarize([field(many)], 100, 0.5).flags}
    assert {"NRBC", "IMMATURE_GRANULOCYTES", "EOSINOPHIL_HIGH"} <= codes


def test_nrbc_smudge_and_artefact_are_outside_the_differential():
    cells = ["lymphocyte"] * 30 + ["neutrophil"] * 70 + ["erythroblast"] * 5
    cells += ["smudge"] * 3 + ["artefact"] * 2
    s = summarize([field(cells)], 100, 0.5)
    assert s.cells_counted == 100 and abs(s.nrbc_per_100_wbc - 5.0) < 1e-6
    assert s.counted_apart == {"smudge": 3, "artefact": 2}
    assert not {"erythroblast", "smudge", "artefact"} & set(s.percentages)


def test_adult_ranges_are_not_applied_to_a_child():
    cells = ["lymphocyte"] * 60 + ["neutrophil"] * 40  # usual at 1 year, "high" for an adult
    adult = summarize([field(cells)], 100, 0.5)
    child = summarize([field(cells)], 100, 0.5, age_months=14)
    assert "LYMPHOCYTE_HIGH" in {f.code for f in adult.flags}
    assert "LYMPHOCYTE_HIGH" not in {f.code for f in child.flags}


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


def test_a_field_of_unknown_scale_is_flagged_with_the_hint():
    unknown = field(["lymphocyte"] * 5)
    unknown.scale_source = "unknown"
    flag = next(f for f in summarize([unknown, field(["lymphocyte"])], 100, 0.5).flags
                if f.code == "SCALE_UNKNOWN")
    assert "1 of 2 fields" in flag.message and "--um-per-px" in flag.message
    assert "SCALE_UNKNOWN" not in {f.code for f in summarize([field(["x"])], 100, 0.5).flags}
