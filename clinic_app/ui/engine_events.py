"""The window's side of the engine: requests out (capture, import, analyse), events in.

A mixin of ``MainWindow``, kept apart so each file stays readable: everything here reacts to
the engine process (``workers.Pipeline``) and updates the open ``CaseSession`` and the pages.
Nothing here computes a result; the summary comes from ``clinic_app.summary``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from clinic_app.analysis import assemble
from clinic_app.app.engine import DUPLICATE
from clinic_app.fields import CANCELLED
from clinic_app.manifest_schema import Thresholds
from clinic_app.results import Analysis, FieldResult, ModelInfo, SkippedInput
from clinic_app.scope import OUT_OF_SCOPE

if TYPE_CHECKING:
    from clinic_app.ui.acquisition import AcquisitionPage
    from clinic_app.ui.report_page import ReportPage
    from clinic_app.ui.review import ReviewPage
    from clinic_app.ui.session import CaseSession
    from clinic_app.ui.settings import AppSettings
    from clinic_app.ui.workers import Pipeline


class EngineEvents(QMainWindow):
    """Requests to and events from the engine process (see ``MainWindow``)."""

    # set up by MainWindow.__init__
    pipeline: Pipeline
    session: CaseSession | None
    settings: AppSettings
    acquisition: AcquisitionPage
    review: ReviewPage
    report: ReportPage
    requested: set[int]
    duplicates: list[str]
    backend: str
    models_error: str
    models: list[ModelInfo]
    labels: tuple[str, ...]
    field_thresholds: Thresholds
    closed: bool
    summary_timer: QTimer
    backend_label: QLabel
    progress_label: QLabel

    def show_message(self, text: str, error: bool = False) -> None:
        raise NotImplementedError

    def _case_text(self) -> str:
        raise NotImplementedError

    def _connect_pipeline(self) -> None:
        p = self.pipeline
        p.saved.connect(self._saved)
        p.progress.connect(self.acquisition.panel.show_import_progress)
        p.finished.connect(self._import_finished)
        p.error.connect(self._ingest_error)
        p.ready.connect(self._analyzer_ready)
        p.load_failed.connect(self._analyzer_failed)
        p.analysed.connect(self._analysed)
        p.failed.connect(self._analysis_failed)
        p.gone.connect(self._engine_gone)

    def capture(self, rgb: object, source: str) -> None:
        if self.session is not None:
            self.pipeline.save_frame(self.session.case_id, rgb, source, self.settings.scale)

    def import_paths(self, paths: list[str], check_scope: bool = True,
                     skip_duplicates: bool = True) -> None:
        """Save images into the open case; the engine refuses what is not a blood film (unless
        ``check_scope`` is off: "analyse anyway") and skips images the case already holds
        (same sha256; unless ``skip_duplicates`` is off: kept on purpose)."""
        if self.session is None or self.session.signed:
            self.show_message(self.tr("Open an unsigned case before importing images."), True)
            return
        self.acquisition.panel.show_import_progress(0, 1)
        self.pipeline.import_paths(self.session.case_id, list(paths), self.settings.scale,
                                   check_scope, skip_duplicates)

    def keep_duplicates(self) -> None:
        """The technologist wants the skipped duplicates after all (audited per field)."""
        paths, self.duplicates = list(self.duplicates), []
        if paths:
            self.import_paths(paths, skip_duplicates=False)

    def analyse_anyway(self, paths: list[str]) -> None:
        """Import refused images without the in-scope check; each is audited on ``Saved``."""
        if self.session is None or not paths or not self.review.reviewer_name():
            return
        self.session.skipped = [x for x in self.session.skipped if x.path not in paths]
        self.review.refresh_refused()
        self.import_paths(paths, check_scope=False)

    def _saved(self, case_id: int, field_id: int, source: str, sha256: str = "",
               duplicate_of: int = 0, scope_problem: str = "") -> None:
        mine = self.session is not None and self.session.case_id == case_id
        if mine:
            self.session.add_field(field_id, source, sha256)
            actor = self.actor_name()  # type: ignore[attr-defined]
            if scope_problem:
                self.session.mark_analysed_anyway(field_id, scope_problem, actor or "operator")
            if duplicate_of:
                self.session.note_duplicate(field_id, duplicate_of, actor or "operator")
        self._analyse([field_id], case_id, scope_problem)

    def _analyse(self, field_ids: list[int], case_id: int | None = None,
                 scope_problem: str = "") -> None:
        case_id = case_id or (self.session.case_id if self.session else 0)
        for field_id in field_ids:
            if field_id not in self.requested:
                self.requested.add(field_id)
                problem = scope_problem
                if not problem and self.session is not None and field_id in self.session.fields:
                    problem = self.session.fields[field_id].scope_problem
                self.pipeline.analyze(case_id, field_id, problem)
        self._update_counts()

    def _import_finished(self, case_id: int, saved: int, skipped: list[SkippedInput]) -> None:
        cancelled = [x for x in skipped if x.reason == CANCELLED]
        dups = [x for x in skipped if x.reason.startswith(DUPLICATE)]
        refused = [x for x in skipped if x.reason.startswith(OUT_OF_SCOPE)]
        bad = [x for x in skipped if x not in cancelled + dups + refused]
        text = self.tr("%d image(s) saved.") % saved
        if cancelled:
            text = self.tr("Import cancelled: %d image(s) saved, %d not imported.") % (
                saved, len(cancelled))
        if dups:
            text += " " + self.tr("%d already in this case (same image), not imported again: "
                                  "%s") % (len(dups), "; ".join(Path(x.path).name
                                                                for x in dups[:3]))
        if refused:
            text += " " + self.tr("%d refused, not a blood film (see Review: analyse anyway "
                                  "is possible): %s") % (len(refused), "; ".join(
                f"{Path(x.path).name}: {x.reason}" for x in refused[:3]))
        if bad:
            text += " " + self.tr("%d could not be read: %s") % (len(bad), "; ".join(
                f"{Path(x.path).name}: {x.reason.removeprefix(x.path + ': ')}" for x in bad[:3]))
        self.duplicates = [x.path for x in dups]
        self.acquisition.panel.show_import_result(text, len(dups))
        if self.session is not None and self.session.case_id == case_id:
            self.session.skipped += bad + refused
            self.review.refresh_refused()
            if dups or refused:
                self.show_message(text, error=True)

    def _ingest_error(self, message: str) -> None:
        self.acquisition.banner.setText(message)
        self.acquisition.banner.show()
        self.show_message(message, error=True)

    def _analyzer_ready(self, backend: str, labels: tuple[str, ...], crop_um: float,
                        models: list[ModelInfo], field_thresholds: Thresholds) -> None:
        self.backend, self.models_error, self.models = backend, "", models
        self.field_thresholds = field_thresholds
        self.backend_label.setText(backend)
        self.labels = labels
        self.review.crop_um = crop_um
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
        """``analysis.assemble`` here, where the reviewer changes labels (the Analyzer itself
        lives in the engine process)."""
        return assemble(fields, skipped, list(self.models), self.backend or "not loaded",
                        self.settings.target, self.field_thresholds)

    def _engine_gone(self) -> None:
        if not self.closed:
            self.models_error = self.tr("the analysis engine stopped; restart the app")
            self.backend_label.setText(self.tr("Engine stopped"))
            self.show_message(self.models_error, error=True)

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
        self.acquisition.panel.show_counts(cells, self.settings.target, len(s.live()), pending,
                                     self._case_text())
        self.progress_label.setText(self.tr("Analysing: %d field(s) waiting") % pending
                                    if pending else "")
