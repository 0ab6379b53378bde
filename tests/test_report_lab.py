"""The report as labs write it (issue 13 §5, issue 14 item 6): case number, PRELIMINARY until
signed, local times, µm, plurals, JPEG images (30 fields <= 1.5 MB), age in months with
paediatric reference values, NRBC per 100 WBC, a plain headline when the ALL screen does not
apply, fields analysed anyway, and long user text that never stops the PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pytest

from clinic_app.age import age_months
from clinic_app.analysis import THUMB_PX, thumbnail
from clinic_app.images import load_field
from clinic_app.report import write_report
from clinic_app.results import (
    Analysis,
    BBox,
    CaseInfo,
    CellResult,
    FieldClassification,
    FieldResult,
    QualityReport,
)
from clinic_app.summary import summarize

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*") if p.suffix.lower() in
                  (".jpg", ".png", ".tif", ".bmp"))
LABELS = ("neutrophil", "lymphocyte", "monocyte", "blast", "erythroblast", "eosinophil")
Q = QualityReport(focus=0.8, clipped_dark=0.0, clipped_bright=0.0, stain=0.9)

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext not installed")


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return " ".join(out.split())


def real_fields(n: int, cells: int = 8) -> list[FieldResult]:
    """``n`` fields from the example photographs, each with ``cells`` crops and heat maps cut
    from the photograph (what the JPEG compression of the report really sees)."""
    fields = []
    for i in range(n):
        rgb = load_field(EXAMPLES[i % len(EXAMPLES)]).image
        h, w = rgb.shape[:2]
        found = []
        for j in range(cells):
            x, y = (37 * (i + 3 * j)) % max(1, w - 96), (53 * (i + 5 * j)) % max(1, h - 96)
            crop = cv2.resize(rgb[y:y + 96, x:x + 96], (96, 96))
            heat = np.random.default_rng(i * 100 + j).random((12, 12)).astype(np.float32)
            label = LABELS[(i + j) % len(LABELS)]
            found.append(CellResult(BBox(x, y, x + 96, y + 96), label, {label: 0.9},
                                    crop=crop, heatmap=heat))
        fields.append(FieldResult(path=f"/data/slides/field_{i:02d}.jpg", width=w, height=h,
                                  um_per_px=0.42, scale_source="red-cells", quality=Q,
                                  cells=found, thumbnail=thumbnail(rgb),
                                  field=FieldClassification("Pre", {"Benign": 0.1, "Early": 0.1,
                                                                   "Pre": 0.7, "Pro": 0.1})))
    return fields


def analysis_of(fields: list[FieldResult], case: CaseInfo | None = None) -> Analysis:
    months = age_months(case.birth_date, case.age) if case else None
    return Analysis(fields=fields, summary=summarize(fields, 100, 0.5, age_months=months))


def test_thirty_fields_fit_in_one_and_a_half_megabytes(tmp_path: Path) -> None:
    assert THUMB_PX > 0 and EXAMPLES
    pdf = write_report(analysis_of(real_fields(30)), CaseInfo(patient_id="P1"),
                       tmp_path / "r.pdf")
    size = pdf.stat().st_size
    print(f"30-field report: {size / 1e6:.2f} MB")
    assert size <= 1_500_000


def test_preliminary_until_signed_with_case_number_and_local_times(tmp_path: Path) -> None:
    analysis = analysis_of(real_fields(2))
    case = CaseInfo(patient_id="P1", accession="ACC-2025-0042")
    draft = text_of(write_report(analysis, case, tmp_path / "draft.pdf"))
    assert "PRELIMINARY" in draft and "ACC-2025-0042" in draft
    case.reviewer, case.signed_at = "Dr A", "2025-03-01T10:20:30.123Z"
    signed = text_of(write_report(analysis, case, tmp_path / "signed.pdf"))
    assert "PRELIMINARY" not in signed
    assert "2025-03-01T10:20" not in signed and "(UTC" in signed  # local, with its offset


def test_plurals_micrometres_nrbc_and_blasts(tmp_path: Path) -> None:
    fields = real_fields(5, cells=1)  # one neutrophil, lymphocyte, monocyte, blast, NRBC
    text = text_of(write_report(analysis_of(fields), CaseInfo(), tmp_path / "r.pdf"))
    assert "1 cell found" in text and "1 cells" not in text
    assert "µm/px" in text and " um" not in text
    assert "per 100 WBC" in text  # the NRBC of field 1, outside the differential
    assert "Blasts: 1 of" in text


def test_child_gets_age_in_months_and_paediatric_reference(tmp_path: Path) -> None:
    today = date.today()
    born = date(today.year - 1, today.month, 1) if today.month > 2 else date(today.year - 2, 12, 1)
    case = CaseInfo(patient_id="C1", birth_date=born.isoformat())
    text = text_of(write_report(analysis_of(real_fields(2), case), case, tmp_path / "r.pdf"))
    assert "Age 1 year" in text and f"born {born.isoformat()}" in text
    assert "Typical at" in text and "Dallman" in text and "Dacie" not in text
    adult = text_of(write_report(analysis_of(real_fields(2)), CaseInfo(age="40"),
                                 tmp_path / "a.pdf"))
    assert "Adult range" in adult and "Dacie and Lewis" in adult
    french = text_of(write_report(analysis_of(real_fields(2), case), case, tmp_path / "f.pdf",
                                  language="fr"))
    assert "Valeur typique à 1 an" in french and "(ligne : 1 an" in french
    assert "Typical at" not in french and "mean % for age" not in french


def test_plain_headline_when_the_all_screen_does_not_apply(tmp_path: Path) -> None:
    fields = real_fields(2)
    for f in fields:
        f.field, f.field_note = None, "field is 44 um across; all-subtype needs >= 57 um"
        f.cells = [c for c in f.cells if c.label != "blast"]
    text = text_of(write_report(analysis_of(fields), CaseInfo(), tmp_path / "r.pdf"))
    assert "ALL screen not applicable: field is 44 µm across" in text


def test_field_analysed_anyway_is_said(tmp_path: Path) -> None:
    fields = real_fields(2)
    fields[1].analysed_anyway = True
    fields[1].scope_problem = "out of scope: no stain"
    text = text_of(write_report(analysis_of(fields), CaseInfo(), tmp_path / "r.pdf"))
    assert "1 field analysed anyway" in text and "out of scope: no stain" in text


def test_long_user_text_never_stops_the_pdf(tmp_path: Path) -> None:
    """Issue 14 item 6: a 1,200-character name (no spaces) or pages of notes raised LayoutError."""
    long = "Ж" * 1200
    notes = "\n".join(f"line {i}: " + "word " * 40 for i in range(400)) + "x" * 20000
    case = CaseInfo(patient_id="P" * 1200, patient_name=long, age="x" * 500, sex="y" * 900,
                    sample_type="z" * 900, operator=long, lab_name=long, notes=notes,
                    reviewer=long, signed_at="s" * 500, accession="A" * 1200)
    fields = real_fields(2)
    fields[0].path = "/" + "d" * 3000 + ".jpg"
    fields[1].quality = QualityReport(0.1, 0, 0, 0.1, warnings=("w" * 2000,), usable=False,
                                      reason="r" * 3000)
    analysis = analysis_of(fields)
    pdf = write_report(analysis, case, tmp_path / "long.pdf")
    text = text_of(pdf)
    assert pdf.stat().st_size > 0 and "…" in text
