"""The PDF report: written, readable text in several scripts, images embedded, user strings
escaped, and an empty analysis still printable. A synthetic analysis, no models needed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest

from clinic_app.report import write_report
from clinic_app.report.style import markup
from clinic_app.results import (
    UNIDENTIFIED,
    Analysis,
    BBox,
    CaseInfo,
    CellResult,
    FieldClassification,
    FieldResult,
    ModelInfo,
    QualityReport,
    SkippedInput,
)
from clinic_app.summary import summarize

LABELS = ("neutrophil", "lymphocyte", "monocyte", "eosinophil", "ig", "platelet", UNIDENTIFIED)
FIELD_W, FIELD_H = 640, 480
CYRILLIC, GREEK, CJK, ARABIC = "Иван Петров", "Γιώργος Παπαδόπουλος", "王小明", "محمد علي"
TRICKY = "<b>O'Brien & Søn</b>"


def smear(rng: np.random.Generator, w: int = FIELD_W, h: int = FIELD_H) -> np.ndarray:
    """A pink background with red cells and a few purple nuclei, like a stained field."""
    img = np.full((h, w, 3), (235, 215, 220), np.uint8)
    for _ in range(60):
        c = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        cv2.circle(img, c, int(rng.integers(14, 20)), (215, 140, 150), -1)
    return img


def crop_and_heat(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A 64 px cell crop (a different nucleus each time) and a Gaussian heat map over it."""
    crop = np.full((64, 64, 3), (230, 200, 210), np.uint8)
    centre = (int(rng.integers(24, 40)), int(rng.integers(24, 40)))
    cv2.circle(crop, centre, int(rng.integers(12, 22)), (120, 60, 150), -1)
    yy, xx = np.mgrid[:32, :32]
    heat = np.exp(-((xx - centre[0] / 2) ** 2 + (yy - centre[1] / 2) ** 2) / 60).astype(np.float32)
    return crop, heat


def make_cells(rng: np.random.Generator, n: int, start: int) -> list[CellResult]:
    cells = []
    for i in range(n):
        label = LABELS[(start + i) % len(LABELS)]
        x, y = int(rng.integers(0, FIELD_W - 60)), int(rng.integers(0, FIELD_H - 60))
        crop, heat = crop_and_heat(rng)
        cell = CellResult(BBox(x, y, x + 56, y + 56), label, {label: 0.6 + 0.04 * (i % 9),
                          "other": 0.1}, crop=crop, heatmap=heat if i % 3 else None)
        if i == 2:  # the reviewer moved one cell from blast-like "ig" to lymphocyte
            cell.model_label, cell.label, cell.reviewed = "ig", "lymphocyte", True
        cells.append(cell)
    return cells


def make_fields(tmp: Path) -> list[FieldResult]:
    rng = np.random.default_rng(7)
    fields = []
    for i in range(6):
        img = smear(rng)
        usable = i != 4
        q = QualityReport(focus=0.8, clipped_dark=0.0, clipped_bright=0.01, stain=0.9,
                          warnings=("slightly pale stain",) if i == 1 else (), usable=usable,
                          reason="" if usable else "out of focus")
        f = FieldResult(path=f"C:\\slides\\case42\\field_{i:02d}.jpg", width=FIELD_W,
                        height=FIELD_H, um_per_px=0.25, scale_source="red-cells", quality=q,
                        cells=make_cells(rng, 8, i),
                        field=FieldClassification("Pre", {"Benign": 0.1, "Early": 0.1,
                                                          "Pre": 0.7, "Pro": 0.1}),
                        thumbnail=cv2.resize(img, (320, 240)))
        if i == 5:  # no thumbnail: the report falls back to the overlay image on disk
            f.thumbnail, f.overlay_path = None, str(tmp / "field_05_overlay.jpg")
            cv2.imwrite(f.overlay_path, cv2.cvtColor(img, cv2.COLOR_RGB2BGR))
        fields.append(f)
    return fields


def make_analysis(tmp: Path) -> Analysis:
    fields = make_fields(tmp)
    models = [ModelInfo("all-subtype", "1.0.0", "ab" * 32, {"accuracy": 0.951}),
              ModelInfo("wbc-type", "1.0.0", "cd" * 32, {"accuracy": 0.93,
                                                        "balanced_accuracy": 0.91}),
              ModelInfo("cell-seg", "1.0.0", "ef" * 32, {"mean_dice": 0.88})]
    return Analysis(fields=fields, summary=summarize(fields, 100, 0.5),
                    skipped=[SkippedInput("C:\\slides\\case42\\broken.jpg", "not an image")],
                    models=models, backend="cpu (XNNPACK)")


def make_logo(tmp: Path) -> Path:
    logo = np.zeros((60, 120, 4), np.uint8)
    cv2.circle(logo, (30, 30), 25, (40, 40, 200, 255), -1)
    path = tmp / "logo.png"
    cv2.imwrite(str(path), logo)
    return path


def pdf_pages(path: Path) -> list[str]:
    """Text of each page, whitespace collapsed (line breaks fall anywhere in a paragraph)."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, check=True).stdout.decode("utf-8")
        pages = out.split("\f")[:-1]
    else:
        pypdf = pytest.importorskip("pypdf", reason="neither pdftotext nor pypdf installed")
        pages = [p.extract_text() for p in pypdf.PdfReader(str(path)).pages]
    return [" ".join(p.split()) for p in pages]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Analysis]:
    tmp = tmp_path_factory.mktemp("report")
    analysis = make_analysis(tmp)
    case = CaseInfo(patient_id="P-2024-0042", patient_name=CYRILLIC, age="54", sex="M",
                    sample_type="PB", operator=GREEK, lab_name="Εργαστήριο Αιματολογίας",
                    notes=f"Referred by {ARABIC}", reviewer=CJK, signed_at="2024-05-02",
                    logo_path=make_logo(tmp))
    return write_report(analysis, case, tmp / "out" / "report.pdf",
                        generated_at="2024-05-01 10:00"), analysis


def test_report_is_a_pdf(report: tuple[Path, Analysis]) -> None:
    path, _ = report
    assert path.read_bytes().startswith(b"%PDF")
    assert not path.with_name(path.name + ".tmp").exists()


def test_report_text(report: tuple[Path, Analysis]) -> None:
    path, analysis = report
    pages = pdf_pages(path)
    text = " ".join(pages)
    for expected in ("P-2024-0042", CYRILLIC, GREEK, CJK, "Page 1 of", "all-subtype",
                     "Not a diagnosis. All findings must be confirmed by microscopy",
                     "trained on images from one hospital", "broken.jpg", "reviewed: was ig"):
        assert expected in text, expected
    for flag in analysis.summary.flags:
        assert " ".join(flag.message.split()) in text, flag.message
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert "P-2024-0042" in pages[-1], "every page names the patient"


def test_report_embeds_images_and_fallback_font(report: tuple[Path, Analysis]) -> None:
    raw = report[0].read_bytes()
    # 6 field previews + the logo + one image per gallery cell (at least one per class shown)
    assert len(re.findall(rb"/Subtype\s*/Image", raw)) >= 6 + 1 + len(LABELS)
    assert b"DroidSansFallback" in raw, "CJK text must be drawn with the fallback font"


def test_empty_report_and_escaping(tmp_path: Path) -> None:
    analysis = Analysis(fields=[], summary=summarize([], 100, 0.5))
    path = write_report(analysis, CaseInfo(patient_id="EMPTY-1", patient_name=TRICKY),
                        tmp_path / "empty.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_pages(path))
    assert TRICKY in text
    assert "No fields were analysed" in text and "No flags" not in text


def test_markup_escapes_and_switches_font() -> None:
    assert markup(TRICKY) == "&lt;b&gt;O'Brien &amp; Søn&lt;/b&gt;"
    assert markup(f"Dr {CJK}") == f'Dr <font name="DroidSansFallback">{CJK}</font>'
