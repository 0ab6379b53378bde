"""Cases page: find a case (patient id, name, date, status), start a new one, open one.

Searching runs in the store (indexed SQLite, a few ms), refreshed as the user types after a short
pause. A new case needs at least a patient id: without it a report cannot be matched to a person.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.results import CaseInfo
from clinic_app.store import CaseRecord, CaseStore, StoreError

COLUMNS = ("Case", "Patient ID", "Name", "Age", "Sex", "Sample", "Created", "Status", "Operator")


def local_time(iso_utc: str) -> str:
    """The store's UTC stamp as the technician's local time."""
    when = QDateTime.fromString(iso_utc, Qt.DateFormat.ISODateWithMs)
    return when.toLocalTime().toString("yyyy-MM-dd HH:mm") if when.isValid() else iso_utc[:16]


def _is_past_date(text: str) -> bool:
    try:
        return date.fromisoformat(text) <= date.today()
    except ValueError:
        return False


NOTES_MAX = 2000  # characters of case notes (the report wraps them; a limit keeps it short)

class NewCaseDialog(QDialog):
    """The case header; the sample type is PB (peripheral blood) or BM (bone marrow)."""

    def __init__(self, operator: str = "", parent: QWidget | None = None) -> None:
        """``operator`` is the logged-in user: shown, not editable (the audit log's name)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.patient_id = QLineEdit()
        self.patient_id.setPlaceholderText(self.tr("required"))
        self.patient_name = QLineEdit()
        self.accession = QLineEdit()
        self.accession.setPlaceholderText(self.tr("the lab's case number (optional)"))
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD (optional; wins over age)"))
        self.age = QLineEdit()
        self.age.setPlaceholderText(self.tr("years, e.g. 42"))
        self.sex = QComboBox()
        for text, code in ((self.tr("unknown"), ""), (self.tr("female"), "F"),
                           (self.tr("male"), "M"), (self.tr("other"), "O")):
            self.sex.addItem(text, code)
        self.sample = QComboBox()
        self.sample.addItem(self.tr("PB — peripheral blood"), "PB")
        self.sample.addItem(self.tr("BM — bone marrow"), "BM")
        self.operator = QLineEdit(operator)
        self.operator.setReadOnly(True)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        for edit, most in ((self.patient_id, 64), (self.patient_name, 200),
                           (self.accession, 64), (self.birth_date, 10), (self.age, 3)):
            edit.setMaxLength(most)  # the report also cuts with an ellipsis; this keeps it rare
        for label, w in ((self.tr("Patient ID"), self.patient_id),
                         (self.tr("Name"), self.patient_name),
                         (self.tr("Accession no."), self.accession),
                         (self.tr("Date of birth"), self.birth_date), (self.tr("Age"), self.age),
                         (self.tr("Sex"), self.sex), (self.tr("Sample type"), self.sample),
                         (self.tr("Operator"), self.operator), (self.tr("Notes"), self.notes)):
            form.addRow(label, w)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create case"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)

    def info(self) -> CaseInfo:
        return CaseInfo(patient_id=self.patient_id.text().strip(),
                        patient_name=self.patient_name.text().strip(),
                        age=self.age.text().strip(), sex=self.sex.currentData(),
                        sample_type=self.sample.currentData(),
                        operator=self.operator.text().strip(),
                        notes=self.notes.toPlainText().strip(),
                        accession=self.accession.text().strip(),
                        birth_date=self.birth_date.text().strip())

    def _accept(self) -> None:
        info = self.info()
        if not info.patient_id:
            self.problem.setText(self.tr("Enter the patient ID."))
            self.patient_id.setFocus()
            return
        if info.birth_date and not _is_past_date(info.birth_date):
            self.problem.setText(self.tr("Date of birth should be a past date, YYYY-MM-DD."))
            self.birth_date.setFocus()
            return
        if len(self.notes.toPlainText()) > NOTES_MAX:
            self.problem.setText(self.tr("Notes are limited to %d characters.") % NOTES_MAX)
            self.notes.setFocus()
            return
        if info.age and not (info.age.isdigit() and 0 <= int(info.age) <= 130):
            self.problem.setText(self.tr("Age should be a number of years (0-130)."))
            self.age.setFocus()
            return
        self.accept()


class CasesPage(QWidget):
    """Search list of cases; emits ``open_requested`` with a case id."""

    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.records: list[CaseRecord] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search patient ID, name, case number or date "
                                               "(YYYY-MM-DD)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.status = QComboBox()
        for text, code in ((self.tr("All statuses"), None), (self.tr("Open"), "open"),
                           (self.tr("Analysed"), "analysed"), (self.tr("Signed"), "signed")):
            self.status.addItem(text, code)
        self.date_from = QDateEdit(QDate.currentDate().addYears(-1))
        self.date_to = QDateEdit(QDate.currentDate())
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self._open_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(QLabel(self.tr("from")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.date_to)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("Name"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.doubleClicked.connect(self._open_selected)
        self.empty = QLabel(self.tr("No cases yet. Press “New case…” to start one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        self.closed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.timer.start)
        self.status.currentIndexChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._open_selected)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt name
        """Re-read on every visit: statuses change while the user works on other pages (no
        query on the GUI thread per field while a batch runs)."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self.closed:  # the window has shut down and closed the store
            return
        try:
            # Stored times are UTC: up to "today" means no upper bound, or a case created this
            # evening west of Greenwich (already tomorrow in UTC) would be hidden.
            to = self.date_to.date()
            self.records = self.store.search_cases(
                self.search.text(), self.status.currentData(),
                self.date_from.date().toString("yyyy-MM-dd"),
                None if to >= QDate.currentDate() else to.toString("yyyy-MM-dd"))
            self.records = self._with_exact_patient(self.records)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Cases"), str(exc))
            return
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            values = (str(r.id), r.patient_id, r.patient_name, r.age, r.sex, r.sample_type,
                      local_time(r.created_at), self.tr(r.status), r.operator)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(row, col, item)
        if self.records:
            self.table.selectRow(0)
        self.empty.setVisible(not self.records)
        if not self.records and self.search.text():
            self.empty.setText(self.tr("No case matches “%s”.") % self.search.text())

    def _with_exact_patient(self, records: list[CaseRecord]) -> list[CaseRecord]:
        """An exact patient ID finds that patient's cases at any age, outside the date range."""
        text = self.search.text().strip()
        if not text:
            return records
        seen = {r.id for r in records}
        older = [r for r in self.store.search_cases(text, self.status.currentData(), None, None)
                 if r.patient_id.casefold() == text.casefold() and r.id not in seen]
        return records + older

    def _open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.records):
            self.open_requested.emit(self.records[row].id)
