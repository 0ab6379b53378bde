"""Exports a laboratory system takes (issue 13 §6, issue 14 item 8): HL7 v2.5.1 ORU^R01 parsed
and validated with hl7apy, FHIR R4 DiagnosticReport validated with fhir.resources, the summary
CSV with patient, case, ALL result, blasts, flags and original file names, export file names
that say whose case it is, and CSV formula escaping that a spreadsheet cannot get round."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from hl7apy.consts import VALIDATION_LEVEL
from hl7apy.parser import parse_message

from clinic_app.export import case_summary, export_basename, export_csv, export_fhir, export_hl7
from clinic_app.export.csv import _safe_cell
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
LABELS = ["lymphocyte"] * 30 + ["blast"] * 20 + ["neutrophil"] * 8 + ["erythroblast"] * 3


def result(labels: list[str]) -> FieldResult:
    cells = [CellResult(BBox(i, i, i + 10, i + 10), lab, {lab: 0.9}) for i, lab in
             enumerate(labels)]
    fc = FieldClassification("Pre", {"Benign": 0.05, "Early": 0.05, "Pre": 0.85, "Pro": 0.05})
    return FieldResult("x", 64, 48, 0.42, "given", GOOD, cells, fc)


@pytest.fixture
def case(tmp_path):
    with CaseStore(tmp_path / "data") as store:
        info = CaseInfo(patient_id="MRN|0042", patient_name="Zoë O'Brien ^ & Søn",
                        birth_date="2019-06-01", sex="F", accession="ACC-7", operator="tech",
                        lab_name="City Lab")
        case_id = store.create_case(info)
        rgb = np.full((48, 64, 3), 200, np.uint8)
        for i, part in enumerate((LABELS[:30], LABELS[30:])):
            fid = store.add_field_image(case_id, rgb=rgb, source=f"C:\\slides\\smear 7\\f{i}.jpg")
            store.save_field_result(fid, result(part))
        yield store, case_id


def hl7_of(path) -> object:
    text = path.read_bytes().decode("utf-8")
    assert "\n" not in text and text.endswith("\r")  # segments end in CR only
    msg = parse_message(text, validation_level=VALIDATION_LEVEL.STRICT)
    msg.validate()
    return msg


def test_hl7_oru_r01_validates_preliminary_then_final(case, tmp_path):
    store, case_id = case
    msg = hl7_of(export_hl7(store, case_id, tmp_path / "p.hl7"))
    assert msg.msh.msh_9.to_er7() == "ORU^R01^ORU_R01" and msg.msh.msh_12.to_er7() == "2.5.1"
    result = msg.oru_r01_patient_result
    assert result.oru_r01_patient.pid.pid_3.to_er7() == "MRN\\F\\0042^^^^MR"  # escaped "|"
    assert result.oru_r01_patient.pid.pid_7.to_er7() == "20190601"
    order = result.oru_r01_order_observation
    assert order.obr.obr_3.to_er7() == "ACC-7" and order.obr.obr_25.to_er7() == "P"
    obx = {o.obx.obx_3.to_er7().split("^")[0]: o.obx for o in order.oru_r01_observation}
    assert all(o.obx_11.to_er7() == "P" for o in obx.values())
    assert obx["blast-count"].obx_5.to_er7() == "20"
    assert float(obx["26446-3"].obx_5.to_er7()) == pytest.approx(100 * 20 / 58, abs=0.01)
    assert float(obx["nrbc-per-100-wbc"].obx_5.to_er7()) == pytest.approx(100 * 3 / 58, abs=0.01)
    assert obx["lymphocyte-count"].obx_5.to_er7() == "30"
    assert "ALL suspected" in obx["all-screen"].obx_5.to_er7()
    flags = [c for c, o in obx.items() if o.obx_8.to_er7() == "A"]
    assert "BLASTS_SEEN" in flags and "ALL_SUSPECTED" in flags
    store.sign_case(case_id, "Dr Ng")
    final = hl7_of(export_hl7(store, case_id, tmp_path / "f.hl7"))
    order = final.oru_r01_patient_result.oru_r01_order_observation
    assert order.obr.obr_25.to_er7() == "F"
    assert {o.obx.obx_11.to_er7() for o in order.oru_r01_observation} == {"F"}


def test_fhir_r4_diagnostic_report_validates(case, tmp_path):
    from fhir.resources.R4B.diagnosticreport import DiagnosticReport

    store, case_id = case
    doc = json.loads(export_fhir(store, case_id, tmp_path / "r.json").read_text("utf-8"))
    report = DiagnosticReport.model_validate(doc)  # raises on any schema error
    assert report.status == "preliminary"
    assert doc["identifier"][0]["value"] == "ACC-7"
    obs = {o["id"]: o for o in doc["contained"]}
    assert obs["obs-blast-count"]["valueInteger"] == 20
    assert obs["obs-blast"]["code"]["coding"][0]["code"] == "26446-3"
    assert obs["obs-nrbc"]["valueQuantity"]["value"] == pytest.approx(100 * 3 / 58, abs=0.01)
    assert "obs-erythroblast" not in obs  # NRBC are outside the differential
    flag_codes = {o["code"]["text"] for o in obs.values() if o["id"].startswith("obs-flag-")}
    assert {"BLASTS_SEEN", "ALL_SUSPECTED"} <= flag_codes
    store.sign_case(case_id, "Dr Ng")
    doc = json.loads(export_fhir(store, case_id, tmp_path / "f.json").read_text("utf-8"))
    assert DiagnosticReport.model_validate(doc).status == "final"
    assert {o["status"] for o in doc["contained"]} == {"final"}


def test_summary_csv_carries_case_result_and_original_names(case, tmp_path):
    store, case_id = case
    export_csv(store, case_id, tmp_path / "c.csv", tmp_path / "s.csv")
    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = rows[0]
    assert row["patient_id"] == "MRN|0042" and row["case_number"] == "ACC-7"
    assert row["all_result"].startswith("ALL suspected") and row["blast_count"] == "20"
    assert float(row["blast_percent"]) == pytest.approx(100 * 20 / 58, abs=0.01)
    assert "BLASTS_SEEN" in row["flags"] and row["status"] == "preliminary"
    assert row["field_files"] == "f0.jpg; f1.jpg"  # the lab's names, not images/<id>/...
    nrbc = next(r for r in rows if r["class"] == "erythroblast")
    assert nrbc["percent_wbc"] == "" and float(nrbc["per_100_wbc"]) > 0
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as fh:
        assert {r["field_file"] for r in csv.DictReader(fh)} == {"f0.jpg", "f1.jpg"}
    assert case_summary(store, case_id).blast_cells == 20


def test_export_names_carry_patient_and_case(case):
    store, case_id = case
    name = export_basename(store.get_case(case_id), "summary")
    assert name == "MRN-0042_ACC-7_summary"
    assert export_basename(CaseInfo(), "cells") == "no-patient-id_no-case_cells"


@pytest.mark.parametrize("text", ["=1+1", " =1+1", "\n=1+1", "\t=1", "\r@SUM(A1)", "  +1",
                                  "-2", "@x", "＝1+1", " ＋1", "－1", "＠SUM(A1)", "\n\n-x"])
def test_csv_formula_escaping(text):
    assert _safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Zoë", "O'Brien", "a=b", "12", "", "x-1"])
def test_csv_plain_text_untouched(text):
    assert _safe_cell(text) == text
