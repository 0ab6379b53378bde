"""Report page: build the PDF (``clinic_app.report``, with the reviewer's labels), preview it,
save it, print it; export CSV, FHIR R4 JSON and HL7 v2 (``clinic_app.export``).

A signed case shows its archived PDF (``store.archive``), byte for byte, never a rebuilt one.

The PDF is written and its pages rendered on a worker. Pages are rendered with poppler's
``pdftoppm`` (QtPdf is not part of PySide6-Essentials); where it is missing the preview says so
and the PDF opens in the system viewer instead. Printing draws those rendered pages at the
printer's resolution through QtPrintSupport.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic_app.report import write_report
from clinic_app.results import Analysis, CaseInfo
from clinic_app.store.archive import SignedReport
from clinic_app.ui.workers import TaskRunner

PREVIEW_DPI = 80
PRINT_DPI = 200


def render_pages(pdf: Path, dpi: int) -> list[QImage]:
    """Every page of ``pdf`` as an image (worker thread); [] when pdftoppm is not installed."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "-r", str(dpi), "-png", str(pdf), str(Path(tmp) / "page")],
                       check=True, capture_output=True, timeout=120)
        return [QImage(str(p)) for p in sorted(Path(tmp).glob("page*.png"))]


class ReportPage(QWidget):
    """Build, preview, save and print the report of the open case."""

    status_message = Signal(str)
    printed = Signal(int)  # pages sent (0: nothing printed)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.inputs: Callable[[], tuple[Analysis, CaseInfo, Path]] | None = None
        self.exporter: Callable[[str, Path], Path] | None = None
        self.archived: Callable[[], SignedReport | None] | None = None
        self.basename: Callable[[str], str] = lambda kind: f"case_{kind}"
        self.pdf: Path | None = None
        self.stale = True
        self.building = False
        buttons = QHBoxLayout()
        self.build_button = QPushButton(self.tr("Refresh preview"))
        self.build_button.clicked.connect(self.build)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_dialog)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.open_button.clicked.connect(self.open_external)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.fhir_button = QPushButton(self.tr("Export FHIR JSON…"))
        self.fhir_button.clicked.connect(lambda: self.export("fhir"))
        self.hl7_button = QPushButton(self.tr("Export HL7…"))
        self.hl7_button.clicked.connect(lambda: self.export("hl7"))
        for b in (self.build_button, self.save_button, self.print_button, self.open_button,
                  self.csv_button, self.fhir_button, self.hl7_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.state = QLabel(self.tr("Open a case to see its report."))
        self.pages = QWidget()
        self.page_column = QVBoxLayout(self.pages)
        self.page_column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setStyleSheet("QScrollArea { background: #606060; }")
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.state)
        lay.addWidget(scroll, 1)
        self._enable(False)

    def _enable(self, ready: bool) -> None:
        for b in (self.save_button, self.print_button, self.open_button):
            b.setEnabled(ready)

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.build()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self.stale:
            self.build()

    def build(self) -> None:
        """Write the PDF of the case as it is now (a signed case: take its archived PDF), then
        render the preview (both on a worker)."""
        if self.inputs is None or self.building:
            return
        signed = self.archived() if self.archived is not None else None
        self.building, self.stale = True, False
        if signed is not None:
            self.state.setText(self.tr("Opening the signed report…"))
            self.tasks.run(lambda: (signed.path, render_pages(signed.path, PREVIEW_DPI)),
                           lambda value: self._built(value, signed), self._failed)
            return
        analysis, case, path = self.inputs()
        language = self.tr("en", "language code of the PDF report")
        self.state.setText(self.tr("Building the report…"))

        def job() -> tuple[Path, list[QImage]]:
            pdf = write_report(analysis, case, path, language=language)
            return pdf, render_pages(pdf, PREVIEW_DPI)

        self.tasks.run(job, self._built, self._failed)

    def _built(self, value: tuple[Path, list[QImage]], signed: SignedReport | None = None) -> None:
        self.building = False
        self.pdf, images = value
        self._enable(True)
        while self.page_column.count():
            w = self.page_column.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for image in images:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; margin: 6px;")
            self.page_column.addWidget(page)
        note = "" if images else self.tr(" (no preview: pdftoppm is not installed; use Open in "
                                         "PDF viewer)")
        if signed is None:
            self.state.setText(self.tr("Report (preliminary until signed): %s%s") % (self.pdf,
                                                                                    note))
        else:
            kind = (self.tr("amendment %d") % signed.version if signed.amendment
                    else self.tr("version 1"))
            check = "" if signed.intact() else self.tr(" — WARNING: the file no longer matches "
                                                       "its recorded sha256")
            self.state.setText(self.tr("Signed report, %s, archived (sha256 %s…): %s%s%s") % (
                kind, signed.sha256[:12], self.pdf, check, note))
        if self.stale:
            self.build()

    def _failed(self, message: str) -> None:
        self.building = False
        self.state.setText(self.tr("The report could not be written: %s") % message)

    def save(self) -> None:
        if self.pdf is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"),
                                                self.basename("report") + ".pdf",
                                                self.tr("PDF (*.pdf)"))
        if target:
            shutil.copyfile(self.pdf, target)
            self.status_message.emit(self.tr("Report saved to %s") % target)

    def open_external(self) -> None:
        if self.pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))

    def print_dialog(self) -> None:
        if self.pdf is None:
            return
        if shutil.which("pdftoppm") is None:
            self.status_message.emit(self.tr("Printing through the system PDF viewer."))
            self.open_external()
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted:
            self.print_async(printer)

    def print_async(self, printer: QPrinter, dpi: int = PRINT_DPI) -> None:
        """Render the pages on a worker (the slow part: seconds), draw them on the printer
        when they are ready, then confirm what was sent; the window stays responsive."""
        assert self.pdf is not None
        pdf = self.pdf
        self.print_button.setEnabled(False)
        self.state.setText(self.tr("Preparing the pages for the printer…"))
        self.printer = printer  # kept alive until the worker is done

        def done(pages: list[QImage]) -> None:
            self.print_button.setEnabled(True)
            n = self.draw_pages(printer, pages)
            name = printer.printerName() or printer.outputFileName() or self.tr("the printer")
            text = (self.tr("%d page(s) sent to %s.") % (n, name) if n else
                    self.tr("Nothing was printed: the printer could not be opened."))
            self.state.setText(text)
            self.status_message.emit(text)
            self.printed.emit(n)

        def failed(message: str) -> None:
            self.print_button.setEnabled(True)
            self.state.setText(self.tr("Printing failed: %s") % message)
            self.printed.emit(0)

        self.tasks.run(lambda: render_pages(pdf, dpi), done, failed)

    def print_to(self, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
        """Render and draw every page now (blocking); returns pages sent."""
        assert self.pdf is not None
        return self.draw_pages(printer, render_pages(self.pdf, dpi))

    @staticmethod
    def draw_pages(printer: QPrinter, pages: list[QImage]) -> int:
        """Draw ``pages`` onto ``printer`` (scaled to the printable area); returns pages sent."""
        painter = QPainter()
        if not pages or not painter.begin(printer):
            return 0
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            area = QRectF(painter.viewport())
            size = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
        painter.end()
        return len(pages)

    def export_name(self, kind: str) -> tuple[str, str]:
        """The default file name (patient and case in it) and the file dialog's filter."""
        stem, suffix, filt = {
            "csv": ("cells", ".csv", self.tr("CSV (*.csv)")),
            "hl7": ("oru", ".hl7", self.tr("HL7 v2 (*.hl7)")),
        }.get(kind, ("fhir", ".json", self.tr("FHIR JSON (*.json)")))
        return self.basename(stem) + suffix, filt

    def export(self, kind: str) -> None:
        if self.exporter is None:
            return
        name, filt = self.export_name(kind)
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), name, filt)
        if not target:
            return
        try:
            written = self.exporter(kind, Path(target))
        except (OSError, RuntimeError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export"), str(exc))
            return
        self.status_message.emit(self.tr("Exported %s") % written)
