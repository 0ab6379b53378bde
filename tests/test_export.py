"""CSV and FHIR exports of a stored, reviewed case."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from clinic_app.export import case_summary, export_csv, export_fhir, fhir_diagnostic_report
from clinic_app.export.csv import CELL_COLUMNS
from clinic_app.export.fhir import REPORT_CODE
from clinic_app.results import (
    BBox,
    CaseInfo,
    CellResult,
    FieldClassification,
    FieldResult,
    QualityReport,
)
from clinic_app.store import CaseStore

GOOD = QualityReport(focus=10.0, clipped_dark=0.0, clipped_bright=0.0, stain=0.5)
LABELS = ["neutrophil"] * 6 + ["lymphocyte"] * 3 + ["monocyte", "platelet", "=cmd|' /C calc'!A0"]


def result(labels: list[str], malignant: float) -> FieldResult:
    cells = [CellResult(BBox(i, i, i + 10, i + 10), lab, {lab: 0.9, "basophil": 0.1})
             for i, lab in enumerate(labels)]
    fc = FieldClassification("Pre", {"Benign": 1 - malignant, "Early": 0.0, "Pre": malignant,
                                     "Pro": 0.0})
    return FieldResult("cam", 64, 48, 0.25, "given", GOOD, cells, fc)


@pytest.fixture
def case(tmp_path):
    with CaseStore(tmp_path / "data") as store:
        case_id = store.create_case(CaseInfo(patient_id="-P7", patient_name="Zoë Ödegaard",
                                             operator="tech", lab_name="City Lab"))
        rgb = np.full((48, 64, 3), 200, np.uint8)
        for labels in (LABELS[:6], LABELS[6:]):
            fid = store.add_field_image(case_id, rgb=rgb, source="camera")
            ids = store.save_field_result(fid, result(labels, malignant=0.7))
        store.reclassify_cell(ids[0], "monocyte", actor="tech")  # a lymphocyte -> monocyte
        yield store, case_id


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_cell_csv(case, tmp_path):
    store, case_id = case
    rows = read_csv(export_csv(store, case_id, tmp_path / "cells.csv"))
    assert len(rows) == len(LABELS) and tuple(rows[0]) == CELL_COLUMNS
    assert rows[0]["patient_id"] == "'-P7"  # formula-like text is defused for spreadsheets
    assert rows[0]["field_file"] == "camera"  # the name the lab knows, not the store's path
    assert len(rows[0]["field_sha256"]) == 64
    changed = [r for r in rows if r["reviewed"] == "1"]
    assert [(r["model_label"], r["label"]) for r in changed] == [("lymphocyte", "monocyte")]
    assert rows[-1]["label"].startswith("'=")
    assert float(rows[0]["confidence"]) == pytest.approx(0.9)
    assert [int(rows[0][k]) for k in ("x0", "y0", "x1", "y1")] == [0, 0, 10, 10]


def test_summary_csv(case, tmp_path):
    store, case_id = case
    export_csv(store, case_id, tmp_path / "cells.csv", summary_path=tmp_path / "summary.csv")
    rows = {r["class"]: r for r in read_csv(tmp_path / "summary.csv")}
    assert int(rows["neutrophil"]["count"]) == 6 and int(rows["monocyte"]["count"]) == 2
    assert rows["platelet"]["percent_wbc"] == ""  # not a white cell
    assert sum(float(r["percent_wbc"]) for r in rows.values() if r["percent_wbc"]) == \
        pytest.approx(100, abs=0.05)


def observations(report):
    return {o["id"]: o for o in report["contained"]}


def test_fhir_preliminary_then_final(case, tmp_path):
    store, case_id = case
    prelim = fhir_diagnostic_report(store.get_case(case_id), case_summary(store, case_id))
    assert prelim["resourceType"] == "DiagnosticReport" and prelim["status"] == "preliminary"
    assert "resultsInterpreter" not in prelim
    store.sign_case(case_id, "Dr Ng")
    path = export_fhir(store, case_id, tmp_path / "report.json", patient_system="urn:mrn")
    report = json.loads(path.read_text(encoding="utf-8"))
    for key in ("resourceType", "id", "status", "category", "code", "subject",
                "effectiveDateTime", "issued", "performer", "resultsInterpreter", "contained",
                "result", "conclusion", "text"):
        assert key in report, key
    assert report["status"] == "final"
    assert report["category"][0]["coding"][0] == {
        "system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "HEM",
        "display": "Hematology"}
    assert report["code"]["coding"] == [REPORT_CODE]
    assert report["subject"]["identifier"] == {"value": "-P7", "system": "urn:mrn"}
    assert report["resultsInterpreter"] == [{"display": "Dr Ng"}]
    assert report["issued"] == store.get_case(case_id).signed_at
    assert "FIELD_MODEL_MALIGNANT" in report["conclusion"]  # no blast cell: no ALL call
    obs = observations(report)
    assert [r["reference"] for r in report["result"]] == [f"#{i}" for i in obs]
    diff = [o for o in obs.values() if "valueQuantity" in o]  # the class percentages
    assert all(o["status"] == "final" and o["valueQuantity"]["system"] ==
               "http://unitsofmeasure.org" and o["valueQuantity"]["code"] == "%" for o in diff)
    assert sum(o["valueQuantity"]["value"] for o in diff) == pytest.approx(100, abs=0.05)
    assert "obs-platelet" not in obs
    neut = obs["obs-neutrophil"]
    assert neut["code"]["coding"][0]["code"] == "26511-6"
    assert neut["referenceRange"][0]["low"]["value"] == 40.0
    screen = obs["obs-all-screen"]
    assert screen["valueCodeableConcept"]["text"] == "Pre"
    assert screen["interpretation"][0]["coding"][0]["code"] == "A"
    assert screen["component"][0]["valueQuantity"]["value"] == pytest.approx(70.0)
    assert obs["obs-blast-count"]["valueInteger"] == 0  # blasts are counted from cells


def test_fhir_from_a_bare_case_info():
    from clinic_app.summary import summarize

    summary = summarize([result(["lymphocyte"] * 4, malignant=0.1)], 100, 0.5)
    report = fhir_diagnostic_report(CaseInfo(patient_id="X1"), summary,
                                    effective="2024-05-01T09:00:00Z")
    assert report["effectiveDateTime"] == "2024-05-01T09:00:00Z" and "id" not in report
    assert observations(report)["obs-all-screen"]["interpretation"][0]["coding"][0]["code"] == "N"
    json.dumps(report)  # serialisable as is


def test_exports_follow_the_reviewers_field_decisions(case, tmp_path):
    """A deleted field leaves every export; an excluded one stays listed but is not counted."""
    from clinic_app.store.review import decide_field

    store, case_id = case
    first, second = (f.id for f in store.fields(case_id))
    before = case_summary(store, case_id)
    assert sum(before.counts.values()) == len(LABELS)
    decide_field(store, second, "field-deleted", "tech", "wrong slide")
    rows = read_csv(export_csv(store, case_id, tmp_path / "cells.csv"))
    assert len(rows) == 6 and {r["field_id"] for r in rows} == {str(first)}
    assert sum(case_summary(store, case_id).counts.values()) == 6
    decide_field(store, first, "field-excluded", "tech", "thick area")
    rows = read_csv(export_csv(store, case_id, tmp_path / "cells2.csv"))
    assert {r["field_usable"] for r in rows} == {"0"}
    assert sum(case_summary(store, case_id).counts.values()) == 0
