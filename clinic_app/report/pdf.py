"""PDF screening report: what the technologist signs and the clinician reads.

It reads result objects only (``Analysis``, ``CaseInfo``), never widgets, so the command line and
the desktop app print the same report. Layout is reportlab platypus on A4; images go in as
in-memory PNGs, so no temporary file is left behind on a shared clinic PC.

This module keeps the page frame (header, footer, "Page N of M") and the ``write_report`` flow.
The parts live beside it in this package: ``style`` (geometry, fonts with per-script fallback,
styles), ``images`` (PNGs of fields, cells, logo), ``sections`` (patient, result, differential,
models, review) and ``gallery`` (field thumbnails, cells by class).
"""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from clinic_app.fileio import atomic_write
from clinic_app.report.gallery import (
    fields_section,
    gallery_section,
)
from clinic_app.report.i18n import report_language, tr
from clinic_app.report.images import logo_reader
from clinic_app.report.result import result_box
from clinic_app.report.sections import (
    case_number,
    closing_section,
    models_section,
    patient_block,
    skipped_section,
    summary_section,
)
from clinic_app.report.style import (
    ALERT,
    BOLD,
    GREY,
    MARGIN,
    WIDTH,
    draw_lines,
)
from clinic_app.report.text import clip
from clinic_app.results import Analysis, CaseInfo

TITLE = "Blood smear analysis — screening report"
FOOTER_USE = "Screening aid, not a diagnosis: confirm every finding by microscopy."
WATERMARK = "PRELIMINARY"


# --- pages --------------------------------------------------------------------------------------

class _NumberedCanvas(Canvas):
    """Holds every page until the end, so the header and footer can say "Page N of M"."""

    def __init__(self, *args: object, case: CaseInfo, logo: ImageReader | None,
                 **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._case, self._logo = case, logo

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._decorate(number, len(self._pages))
            super().showPage()
        super().save()

    def _decorate(self, page: int, total: int) -> None:
        width, height = A4
        top, x = height - 10 * mm, MARGIN
        self.saveState()
        if self._logo is not None:
            w, h = self._logo.getSize()
            lw = min(35 * mm, 11 * mm * w / h)
            self.drawImage(self._logo, x, top - 11 * mm, width=lw, height=11 * mm,
                           preserveAspectRatio=True, anchor="sw", mask="auto")
            x += lw + 3 * mm
        pid = draw_lines(self, width - MARGIN, top - 4.5 * mm,
                    tr("Patient ID: {}").format(self._case.patient_id or "—"), 9, bold=True,
                    right=True,
                    max_width=70 * mm)
        number = case_number(self._case)
        draw_lines(self, width - MARGIN, top - 10 * mm,
                   tr("Case no.: {}").format(number or "—")
                   + ("" if self._case.signed_at else "  ·  " + tr("PRELIMINARY")),
                   8.5, right=True, max_width=70 * mm)
        room = width - MARGIN - x - pid - 5 * mm
        draw_lines(self, x, top - 4.5 * mm, self._case.lab_name, 11, bold=True, max_width=room)
        draw_lines(self, x, top - 10 * mm, tr(TITLE), 9, max_width=room)
        self.setStrokeColor(GREY)
        self.setLineWidth(0.6)
        self.line(MARGIN, top - 13 * mm, width - MARGIN, top - 13 * mm)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.setFillColor(GREY)
        draw_lines(self, MARGIN, 9 * mm, tr(FOOTER_USE), 7.5)
        draw_lines(self, width - MARGIN, 9 * mm, tr("Page {} of {}").format(page, total), 8,
                   right=True)
        self.restoreState()
        if not self._case.signed_at:
            self._watermark()

    def _watermark(self) -> None:
        """A large, pale, diagonal PRELIMINARY across the page until the case is signed."""
        width, height = A4
        self.saveState()
        self.setFillColor(ALERT)
        self.setFillAlpha(0.13)
        self.setFont(BOLD, 78)
        self.translate(width / 2, height / 2)
        self.rotate(52)
        self.drawCentredString(0, -26, tr(WATERMARK))
        self.restoreState()


def _story(analysis: Analysis, case: CaseInfo, generated_at: str) -> list[Flowable]:
    """Every section in reading order: who, the answer first, then the evidence."""
    return [*patient_block(case, generated_at), Spacer(1, 4 * mm), result_box(analysis, case),
            *summary_section(analysis, case), *fields_section(analysis),
            *gallery_section(analysis),
            *skipped_section(analysis), *models_section(analysis), *closing_section(case)]


def write_report(analysis: Analysis, case: CaseInfo, path: Path, *,
                 generated_at: str | None = None, language: str = "en") -> Path:
    """Write the A4 PDF report and return its path; its fixed texts are in ``language`` ("en",
    "fr", "es" or "pt"; a locale name such as "fr_FR" will do; others give English).

    Written to a temporary name and then moved into place, so a failure never leaves a
    half-written PDF where someone might open it as the report.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    generated_at = generated_at or datetime.now().strftime("%Y-%m-%d %H:%M")
    with report_language(language):  # the canvas draws the header and footer in _build
        story = _story(analysis, case, generated_at)
        atomic_write(path, lambda tmp: _build(story, case, tmp), durable=False)
    return path


def _build(story: list[Flowable], case: CaseInfo, tmp: Path) -> None:
    doc = BaseDocTemplate(str(tmp), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=28 * mm, bottomMargin=20 * mm, title=tr(TITLE),
                          author=clip(case.lab_name), creator="clinic-app",
                          subject=clip(f"Patient {case.patient_id}, {case_number(case)}"))
    # No frame padding: tables are exactly WIDTH wide and line up with the headings.
    frame = Frame(MARGIN, doc.bottomMargin, WIDTH, doc.height, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    maker = functools.partial(_NumberedCanvas, case=case, logo=logo_reader(case))
    doc.build(story, canvasmaker=maker)
