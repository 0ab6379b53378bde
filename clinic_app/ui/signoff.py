"""Sign-off dialog: what is about to be signed, then the signer's user name and password.

The summary a reviewer confirms (cells counted against the target, unidentified cells, excluded
fields, blasts, flags) comes first, so a case is never signed by a reflex click; the password
makes the signer an authenticated user (``store.users``), and the signed PDF is archived and
frozen (``store.archive.sign_with_report``).
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

from clinic_app.results import Analysis
from clinic_app.store import CaseStore, StoreError
from clinic_app.store.archive import Render, SignedReport, sign_with_report
from clinic_app.store.users import AuthError, authenticate


def summary_lines(analysis: Analysis, excluded_fields: int = 0) -> list[str]:
    """What the reviewer confirms, one fact a line, problems first in words."""
    s = analysis.summary
    blasts = getattr(s, "blast_count", None)
    blasts = getattr(s, "blast_cells", 0) if blasts is None else blasts
    pct = "" if s.blast_percent is None else f" ({s.blast_percent:.1f} %)"
    lines = [f"White cells counted: {s.cells_counted} of {s.target} target"
             + ("  — BELOW TARGET" if s.cells_counted < s.target else ""),
             f"Unidentified cells: {s.unidentified}",
             f"Fields used: {s.fields_used} of {s.fields_total}; excluded by the reviewer: "
             f"{excluded_fields}",
             f"Blasts: {blasts}{pct}",
             "Flags: " + (", ".join(f.code for f in s.flags) or "none")]
    return lines


class SignOffDialog(QDialog):
    """Confirm the summary and sign with a user name and password."""

    def __init__(self, store: CaseStore, case_id: int, analysis: Analysis, render: Render,
                 excluded_fields: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign case"))
        self.store, self.case_id, self.render = store, case_id, render
        self.signed: SignedReport | None = None
        summary = QLabel("\n".join(summary_lines(analysis, excluded_fields)))
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
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("You are signing this case:")))
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def sign(self) -> None:
        """Authenticate, then sign and archive; a wrong password keeps the dialog open."""
        try:
            user = authenticate(self.store, self.username.text(), self.password.text())
            self.signed = sign_with_report(self.store, self.case_id, user, self.render)
        except AuthError as exc:
            self.password.clear()
            self.error.setText(str(exc))
            return
        except (StoreError, OSError, RuntimeError, ValueError) as exc:
            self.error.setText(self.tr("Not signed: %s") % exc)
            return
        finally:
            self.password.clear()
        self.accept()
