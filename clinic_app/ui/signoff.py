"""Sign-off dialog: what is about to be signed, then the signer's user name and password.

The summary a reviewer confirms (cells counted against the target, unidentified cells, excluded
fields, blasts, the ALL result and each flag in words) comes first, so a case is never signed by
a reflex click; the password makes the signer an authenticated user (``store.users``), and the
signed PDF is rendered and archived on a worker thread (a 30-field report takes seconds; the
window stays live) and frozen (``store.archive.sign_with_report``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.report.i18n import say_flag
from clinic_app.results import Analysis
from clinic_app.store import CaseStore
from clinic_app.store.archive import Render, SignedReport, sign_with_report
from clinic_app.store.users import AuthError, authenticate
from clinic_app.ui.qtutil import tr
from clinic_app.ui.workers import TaskRunner


def summary_lines(analysis: Analysis, excluded_fields: int = 0) -> list[str]:
    """What the reviewer confirms, one fact a line, problems first in words (in the window's
    language; the flags as the report says them)."""
    s = analysis.summary
    blasts = getattr(s, "blast_count", None)
    blasts = getattr(s, "blast_cells", 0) if blasts is None else blasts
    pct = "" if s.blast_percent is None else f" ({s.blast_percent:.1f} %)"
    counted = tr("SignOff", "White cells counted: %d of %d target") % (s.cells_counted, s.target)
    if s.cells_counted < s.target:
        counted += "  — " + tr("SignOff", "BELOW TARGET")
    lines = [counted,
             tr("SignOff", "Unidentified cells: %d") % s.unidentified,
             tr("SignOff", "Fields used: %d of %d; excluded by the reviewer: %d")
             % (s.fields_used, s.fields_total, excluded_fields),
             tr("SignOff", "Blasts: %d") % blasts + pct]
    if not s.flags:
        return [*lines, tr("SignOff", "Flags: none")]
    language = tr("SignOff", "en")  # the report's language code, as the report page asks it
    return [*lines, tr("SignOff", "Flags:"),
            *(f"  • {say_flag(f, language)[0]}" for f in s.flags)]


class SignOffDialog(QDialog):
    """Confirm the summary and sign with a user name and password."""

    def __init__(self, store: CaseStore, case_id: int, analysis: Analysis, render: Render,
                 excluded_fields: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign case"))
        self.store, self.case_id, self.render = store, case_id, render
        self.signed: SignedReport | None = None
        summary = QLabel("\n".join(summary_lines(analysis, excluded_fields)))
        summary.setWordWrap(True)
        self.tasks = TaskRunner(self)
        summary.setAccessibleName(self.tr("Summary to confirm"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00000")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        self.buttons = buttons
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("You are signing this case:")))
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def sign(self) -> None:
        """Authenticate, then sign and archive on a worker; a wrong password keeps the dialog
        open."""
        if self.tasks.busy:
            return
        try:
            user = authenticate(self.store, self.username.text(), self.password.text())
        except AuthError as exc:
            self.error.setText(str(exc))
            return
        finally:
            self.password.clear()
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Signing and archiving the report…"))
        self.tasks.run(lambda: sign_with_report(self.store, self.case_id, user, self.render),
                       self._signed, self._not_signed)

    def _signed(self, report: SignedReport) -> None:
        self.signed = report
        self.accept()

    def _not_signed(self, problem: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(self.tr("Not signed: %s") % problem)

    def reject(self) -> None:
        if not self.tasks.busy:  # the archive is being written: let it finish
            super().reject()
