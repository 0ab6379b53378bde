"""The window's case actions: sign-off, reopening, and what the Report page asks for.

A mixin of ``MainWindow``, kept apart so each file stays readable (like ``engine_events``):
signing opens the window-modal ``SignOffDialog`` and archives the PDF it renders
(``store.archive``); reopening asks why; the Report page gets its inputs (the reviewed analysis),
the archived PDF of a signed case, the export writers and default export names from here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QMainWindow

from clinic_app import export
from clinic_app.report import write_report
from clinic_app.results import Analysis, CaseInfo
from clinic_app.store import CaseRecord, CaseStore
from clinic_app.store.archive import SignedReport, current_signed_report
from clinic_app.ui.signoff import SignOffDialog

if TYPE_CHECKING:
    from clinic_app.store.users import User
    from clinic_app.ui.report_page import ReportPage
    from clinic_app.ui.session import CaseSession
    from clinic_app.ui.settings import AppSettings


class CaseActions(QMainWindow):
    """Sign, reopen, report inputs and exports of the open case (see ``MainWindow``)."""

    # set up by MainWindow
    signed: Signal
    store: CaseStore
    session: CaseSession | None
    settings: AppSettings
    data_dir: Path
    user: User | None
    signoff: SignOffDialog | None
    report: ReportPage

    def show_message(self, text: str, error: bool = False) -> None:
        raise NotImplementedError

    def require_user(self) -> str:
        raise NotImplementedError

    def sign(self, _reviewer: str = "") -> None:
        """Open the sign-off dialog (summary to confirm, user name and password); signing
        renders the PDF with the signer in it and archives it (``store.archive``). The dialog
        is window-modal, not a nested event loop: ``self.signoff`` while it is open."""
        s = self.session
        if s is None or s.signed or self.signoff is not None:
            return
        analysis, info, _path = self._report_inputs()
        language = self.tr("en", "language code of the PDF report")

        def render(case: CaseRecord, path: Path) -> None:
            write_report(analysis, replace(info, reviewer=case.reviewer,
                                           signed_at=case.signed_at), path, language=language)

        excluded = sum(1 for f in s.live() if f.excluded)
        dialog = SignOffDialog(self.store, s.case_id, analysis, render, excluded, self)
        if self.user is not None:
            dialog.username.setText(self.user.username)
            dialog.password.setFocus()
        dialog.finished.connect(self._signoff_finished)
        self.signoff = dialog
        dialog.open()

    def _signoff_finished(self, _result: int) -> None:
        dialog, self.signoff = self.signoff, None
        if dialog is None:
            return
        report, s = dialog.signed, self.session
        dialog.deleteLater()
        if report is None or s is None or s.case_id != report.case_id:
            return
        s.signed_now()
        self.report.mark_stale()
        if report.amendment:
            text = self.tr("Amendment %d signed by %s; both versions of the report are kept.") % (
                report.version, report.signed_by)
        else:
            text = self.tr("Case signed by %s; the report is archived.") % report.signed_by
        self.show_message(text)
        self.signed.emit(report.case_id)

    def _archived(self) -> SignedReport | None:
        """The frozen PDF of the open case when it is signed (shown instead of a new one)."""
        s = self.session
        return None if s is None or not s.signed else current_signed_report(self.store,
                                                                              s.case_id)

    def reopen(self) -> None:
        if self.session is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Reopen case"),
                                          self.tr("Why is the signed case reopened?"))
        if ok and reason.strip():
            actor = self.require_user()
            if actor:
                self.session.reopen(actor, reason.strip())
                self.report.mark_stale()
                self.show_message(self.tr("Case reopened: signing again archives an amendment; "
                                          "the signed versions are kept."))

    def _report_inputs(self) -> tuple[Analysis, CaseInfo, Path]:
        """The reviewed analysis, each field named as the lab knows it (file name or capture),
        not by its storage name."""
        s = self.session
        assert s is not None
        info = s.case_info(self.settings.lab_name, self.settings.logo)
        path = self.data_dir / "reports" / f"case-{s.case_id}.pdf"
        names = {str(f.image_path): f.name for f in s.fields.values()}
        analysis = s.analysis()
        fields = [replace(r, path=names.get(r.path, r.path)) for r in analysis.fields]
        return replace(analysis, fields=fields), info, path

    def _basename(self, kind: str) -> str:
        """Default export name with patient and case (``export.export_basename``)."""
        assert self.session is not None
        return export.export_basename(self.session.case_info(), kind)

    def _export(self, kind: str, path: Path) -> Path:
        assert self.session is not None
        case_id = self.session.case_id
        if kind == "csv":
            stem = path.stem.removesuffix("_cells")
            return export.export_csv(self.store, case_id, path,
                                     path.with_name(f"{stem}_summary.csv"))
        if kind == "hl7":
            return export.export_hl7(self.store, case_id, path)
        return export.export_fhir(self.store, case_id, path)
