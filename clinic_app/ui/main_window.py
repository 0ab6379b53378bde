"""The main window: four pages (Cases, Capture, Review, Report) around one open case.

It wires the pages to the workers and to the ``CaseSession``; it holds no analysis logic. Every
slow step (decode, save, analyse, report) happens on a worker, and the summary is refreshed at
most a few times a second while a batch is analysed, so the event loop keeps breathing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from clinic_app import export, runtime
from clinic_app.results import Analysis, CaseInfo, FieldResult, SkippedInput
from clinic_app.store import CaseStore, StoreError
from clinic_app.summary import summarize
from clinic_app.ui.acquisition import AcquisitionPage
from clinic_app.ui.cases import CasesPage, NewCaseDialog
from clinic_app.ui.report_page import ReportPage
from clinic_app.ui.review import ReviewPage
from clinic_app.ui.session import DEFAULT_LABELS, CaseSession, LoadedCase, load_case
from clinic_app.ui.settings import AppSettings, SettingsDialog, save_settings
from clinic_app.ui.widgets import dropped_paths
from clinic_app.ui.workers import Pipeline, TaskRunner

SUMMARY_EVERY_MS = 300


class MainWindow(QMainWindow):
    """One window for the whole day's work."""

    case_opened = Signal(int)

    def __init__(self, settings: AppSettings, qsettings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.qsettings = qsettings
        self.data_dir = Path(settings.data_dir)
        self.store = CaseStore(self.data_dir)
        self.recovery = self.store.recover()
        self.session: CaseSession | None = None
        self.labels: tuple[str, ...] | None = None
        self.backend = ""
        self.models_error = ""
        self.requested: set[int] = set()
        self.closed = False
        self.tasks = TaskRunner(self)
        self.pipeline = Pipeline(self.data_dir, self)
        self.setWindowTitle(self.tr("Blood smear screening"))
        self.setAcceptDrops(True)
        self._build_pages()
        self._build_menu()
        self._connect_pipeline()
        self.summary_timer = QTimer(self)
        self.summary_timer.setSingleShot(True)
        self.summary_timer.setInterval(SUMMARY_EVERY_MS)
        self.summary_timer.timeout.connect(self._refresh_summary)
        self.pipeline.request_load.emit(settings.analyzer_options())
        self.cases.refresh()
        self.resize(1360, 860)
        if not self.recovery.clean:
            QTimer.singleShot(0, self._report_recovery)

    # -- construction ----------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.tabs = QTabWidget()
        self.cases = CasesPage(self.store)
        self.acquisition = AcquisitionPage()
        self.review = ReviewPage(self.tasks)
        self.report = ReportPage(self.tasks)
        for page, title in ((self.cases, self.tr("1  Cases")), (self.acquisition,
                            self.tr("2  Capture")), (self.review, self.tr("3  Review")),
                            (self.report, self.tr("4  Report"))):
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self.case_label = QLabel(self.tr("No case open"))
        self.progress_label = QLabel("")
        self.backend_label = QLabel(self.tr("Loading models…"))
        self.statusBar().addWidget(self.case_label)
        self.statusBar().addWidget(self.progress_label, 1)
        self.statusBar().addPermanentWidget(self.backend_label)
        self.cases.open_requested.connect(self.open_case)
        self.cases.new_requested.connect(self.new_case_dialog)
        self.acquisition.capture_requested.connect(self.capture)
        self.acquisition.import_requested.connect(self.import_paths)
        self.acquisition.cancel_import.connect(self.pipeline.cancel_import)
        self.review.reanalyse_requested.connect(self._analyse)
        self.review.summary.sign_requested.connect(self.sign)
        self.review.summary.reopen_requested.connect(self.reopen)
        self.review.summary.reviewer.setText(self.settings.reviewer)
        for page in (self.review, self.report):
            page.status_message.connect(self.show_message)
        self.report.inputs = self._report_inputs
        self.report.exporter = self._export
        self._enable_case_pages(False)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        for text, key, slot in (
                (self.tr("&New case…"), QKeySequence.StandardKey.New, self.new_case_dialog),
                (self.tr("&Find case…"), QKeySequence.StandardKey.Find,
                 lambda: self.tabs.setCurrentWidget(self.cases)),
                (self.tr("&Import images…"), "Ctrl+I", self.acquisition._choose_folder),
                (self.tr("&Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings),
                (self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)

    def _connect_pipeline(self) -> None:
        ingest, analysis = self.pipeline.ingest, self.pipeline.analysis
        ingest.saved.connect(self._saved)
        ingest.progress.connect(self.acquisition.show_import_progress)
        ingest.finished.connect(self._import_finished)
        ingest.error.connect(self._ingest_error)
        analysis.ready.connect(self._analyzer_ready)
        analysis.load_failed.connect(self._analyzer_failed)
        analysis.analysed.connect(self._analysed)
        analysis.failed.connect(self._analysis_failed)

    def _enable_case_pages(self, on: bool) -> None:
        for page in (self.review, self.report):
            self.tabs.setTabEnabled(self.tabs.indexOf(page), on)
        self.acquisition.can_capture = on and not (self.session and self.session.signed)

    # -- cases -----------------------------------------------------------------------------

    def new_case_dialog(self) -> None:
        dialog = NewCaseDialog(self.settings.reviewer, self)
        if dialog.exec() == NewCaseDialog.DialogCode.Accepted:
            self.new_case(dialog.info())

    def new_case(self, info: CaseInfo) -> int:
        """Create and open a case, then go to Capture (what comes next at the microscope)."""
        case_id = self.store.create_case(info, actor=info.operator)
        self.cases.refresh()
        self.open_case(case_id, page=self.acquisition)
        return case_id

    def open_case(self, case_id: int, page: QWidget | None = None) -> None:
        """Load the case on a worker (it decodes every field for thumbnails), then show it."""
        self.case_label.setText(self.tr("Opening case %d…") % case_id)
        self.tasks.run(lambda: load_case(self.store, case_id),
                       lambda loaded: self._opened(loaded, page or self.review),
                       lambda msg: self.show_message(msg, error=True))

    def _opened(self, loaded: LoadedCase, page: QWidget) -> None:
        self.session = CaseSession(self.store, loaded, self._assemble,
                                   self.labels or DEFAULT_LABELS)
        s = self.session
        s.summary_changed.connect(self.summary_timer.start)
        s.status_changed.connect(self._status_changed)
        s.field_added.connect(lambda _fid: self._update_counts())
        for page_ in (self.review, self.acquisition):
            page_.setEnabled(True)
        self.review.set_session(s)
        self.report.stale = True
        self._enable_case_pages(True)
        self._status_changed()
        self._analyse(s.pending())
        self._refresh_summary()
        self.tabs.setCurrentWidget(page)
        self.case_opened.emit(s.case_id)

    def _case_text(self) -> str:
        r = self.session.record if self.session else None
        if r is None:
            return self.tr("No case open")
        return self.tr("Case %d · %s %s · %s · %s") % (r.id, r.patient_id, r.patient_name,
                                                      r.sample_type, self.tr(r.status))

    def _status_changed(self) -> None:
        self.case_label.setText(self._case_text())
        self.setWindowTitle(self.tr("Blood smear screening — %s") % self._case_text())
        self._enable_case_pages(self.session is not None)
        self.review.update_sign_state()
        self.cases.refresh()

    # -- capture, import, analysis ---------------------------------------------------------

    def capture(self, rgb: object, source: str) -> None:
        if self.session is not None:
            self.pipeline.request_frame.emit(self.session.case_id, rgb, source,
                                             self.settings.scale)

    def import_paths(self, paths: list[str]) -> None:
        if self.session is None or self.session.signed:
            self.show_message(self.tr("Open an unsigned case before importing images."), True)
            return
        self.acquisition.show_import_progress(0, 1)
        self.pipeline.request_import.emit(self.session.case_id, list(paths), self.settings.scale)

    def _saved(self, case_id: int, field_id: int, source: str) -> None:
        self._analyse([field_id], case_id)
        if self.session is not None and self.session.case_id == case_id:
            self.session.add_field(field_id, source)

    def _analyse(self, field_ids: list[int], case_id: int | None = None) -> None:
        case_id = case_id or (self.session.case_id if self.session else 0)
        for field_id in field_ids:
            if field_id not in self.requested:
                self.requested.add(field_id)
                self.pipeline.request_analysis.emit(case_id, field_id)
        self._update_counts()

    def _import_finished(self, case_id: int, saved: int, skipped: list[SkippedInput]) -> None:
        text = self.tr("%d image(s) saved.") % saved
        if skipped:
            text += " " + self.tr("%d skipped: %s") % (len(skipped), "; ".join(
                f"{Path(s.path).name}: {s.reason}" for s in skipped[:3]))
        self.acquisition.show_import_result(text)
        if self.session is not None and self.session.case_id == case_id:
            self.session.skipped += [s for s in skipped if s.reason != "import cancelled"]

    def _ingest_error(self, message: str) -> None:
        self.acquisition.banner.setText(message)
        self.acquisition.banner.show()
        self.show_message(message, error=True)

    def _analyzer_ready(self, backend: str, labels: tuple[str, ...]) -> None:
        self.backend, self.models_error = backend, ""
        self.backend_label.setText(backend)
        self.labels = labels
        analyzer = self.pipeline.analysis.analyzer
        if analyzer is not None:
            self.review.crop_um = analyzer.cells.crop_um
        if self.session is not None:
            if self.session.labels != labels:
                self.session.labels = labels
                self.review.gallery.set_session(self.session)
            self._analyse([f.id for f in self.session.failed()])

    def _analyzer_failed(self, message: str) -> None:
        self.models_error = message
        self.backend_label.setText(self.tr("Models not loaded"))
        self.show_message(message, error=True)

    def _analysed(self, case_id: int, field_id: int, result: FieldResult,
                  cell_ids: tuple[int, ...]) -> None:
        self.requested.discard(field_id)
        if self.session is not None and self.session.case_id == case_id:
            self.session.set_result(field_id, result, cell_ids)
        self._update_counts()

    def _analysis_failed(self, case_id: int, field_id: int, reason: str) -> None:
        self.requested.discard(field_id)
        if self.session is not None and self.session.case_id == case_id:
            self.session.set_failed(field_id, reason)
        self.show_message(reason, error=True)

    def _assemble(self, fields: list[FieldResult], skipped: list[SkippedInput]) -> Analysis:
        """The analysis core's summary; without models, the same summary function directly."""
        analyzer = self.pipeline.analysis.analyzer
        if analyzer is not None:
            return analyzer.assemble(fields, skipped)
        return Analysis(fields, summarize(fields, self.settings.target), skipped)

    def _refresh_summary(self) -> None:
        if self.session is None:
            return
        self.review.refresh_summary()
        self.report.mark_stale()
        self._update_counts()

    def _update_counts(self) -> None:
        s = self.session
        if s is None:
            return
        pending = len(s.pending())
        cells = s.analysis().summary.cells_counted
        self.acquisition.show_counts(cells, self.settings.target, len(s.fields), pending,
                                     self._case_text())
        self.progress_label.setText(self.tr("Analysing: %d field(s) waiting") % pending
                                    if pending else "")

    # -- review actions --------------------------------------------------------------------

    def sign(self, reviewer: str) -> None:
        if self.session is None:
            return
        try:
            self.session.sign(reviewer.strip())
        except (StoreError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Sign case"), str(exc))
            return
        self.settings.reviewer = reviewer.strip()
        self.report.mark_stale()
        self.show_message(self.tr("Case signed by %s.") % reviewer)

    def reopen(self) -> None:
        if self.session is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Reopen case"),
                                          self.tr("Why is the signed case reopened?"))
        if ok and reason.strip():
            actor = self.review.reviewer_name()
            if actor:
                self.session.reopen(actor, reason.strip())
                self.report.mark_stale()

    def _report_inputs(self) -> tuple[Analysis, CaseInfo, Path]:
        assert self.session is not None
        info = self.session.case_info(self.settings.lab_name, self.settings.logo)
        path = self.data_dir / "reports" / f"case-{self.session.case_id}.pdf"
        return self.session.analysis(), info, path

    def _export(self, kind: str, path: Path) -> Path:
        assert self.session is not None
        if kind == "csv":
            return export.export_csv(self.store, self.session.case_id, path,
                                     path.with_name(path.stem + "-summary.csv"))
        return export.export_fhir(self.store, self.session.case_id, path)

    # -- settings, messages, shutdown ------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.backend, self)
        self.tasks.run(runtime.detect, dialog.show_detected,
                       lambda msg: dialog.detected.setText(msg))
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        new = dialog.result_settings()
        reload = new.analyzer_options() != self.settings.analyzer_options()
        if new.data_dir != self.settings.data_dir:
            self.show_message(self.tr("The new data folder is used after a restart."))
        self.settings = new
        if self.qsettings is not None:
            save_settings(self.qsettings, new)
        if reload:
            self.backend_label.setText(self.tr("Loading models…"))
            self.pipeline.request_load.emit(new.analyzer_options())

    def show_message(self, text: str, error: bool = False) -> None:
        self.statusBar().showMessage(("⚠ " if error else "") + text, 15_000)

    def _report_recovery(self) -> None:
        r = self.recovery
        lines = []
        if r.registered:
            lines.append(self.tr("%d field image(s) saved just before the app stopped were "
                                 "added back to their cases.") % len(r.registered))
        if r.missing:
            lines.append(self.tr("%d field image(s) are missing from the data folder.")
                         % len(r.missing))
        if r.unregistered:
            lines.append(self.tr("Unreadable files: %s") % "; ".join(r.unregistered[:5]))
        if lines:
            QMessageBox.information(self, self.tr("Recovery"), "\n".join(lines))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        paths = dropped_paths(event.mimeData())
        if paths:
            self.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the camera, let the workers finish the field in hand, close the store."""
        if self.closed:
            return
        self.closed = True
        self.acquisition.stop_preview()
        self.pipeline.stop()
        self.tasks.wait()
        if self.qsettings is not None:
            save_settings(self.qsettings, self.settings)
        self.store.close()
