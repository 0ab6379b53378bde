"""Summary panel: differential chart, ALL result, flags, and the reviewer's sign-off.

It only displays a ``SampleSummary`` (computed by the analysis core from the reviewed labels)
and asks for sign-off; the reference ranges drawn behind the bars are the ones the summary's
flags use (``clinic_app.summary.REFERENCE_RANGES``), so chart and flags never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.overlay import colour_of
from clinic_app.report.i18n import say_flag
from clinic_app.results import SampleSummary
from clinic_app.summary import NOT_WHITE_CELLS, REFERENCE_RANGES

ROW_H = 20


class DifferentialChart(QWidget):
    """Horizontal bars of % white cells, with the adult reference range shaded behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, float]] = []
        self.setMinimumHeight(ROW_H * 3)

    def set_summary(self, summary: SampleSummary | None) -> None:
        self.rows = [] if summary is None else [
            (k, v, summary.percentages.get(k, 0.0)) for k, v in summary.counts.items()
            if k not in NOT_WHITE_CELLS]
        self.setMinimumHeight(ROW_H * max(3, len(self.rows)) + 8)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(300, ROW_H * max(3, len(self.rows)) + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No cells counted yet"))
            return
        metrics = p.fontMetrics()
        name_w = 8 + max(metrics.horizontalAdvance(r[0]) for r in self.rows)
        val_w = 8 + metrics.horizontalAdvance("100.0% (9999)")
        bar_w = max(20, self.width() - name_w - val_w - 8)
        for row, (label, count, pct) in enumerate(self.rows):
            y = 4 + row * ROW_H
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, name_w - 4, ROW_H), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, label)
            if label in REFERENCE_RANGES:
                lo, hi = REFERENCE_RANGES[label]
                p.fillRect(QRectF(name_w + bar_w * lo / 100, y + 2, bar_w * (hi - lo) / 100,
                                  ROW_H - 4), QColor(46, 125, 50, 45))
            p.fillRect(QRectF(name_w, y + 5, bar_w * pct / 100, ROW_H - 10),
                       QColor(*colour_of(label)))
            p.drawText(QRectF(name_w + bar_w + 4, y, val_w, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                       f"{pct:4.1f}% ({count})")
        p.end()


class SummaryPanel(QWidget):
    """Right-hand panel of the review page."""

    sign_requested = Signal(str)
    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(250)
        self.all_result = QLabel()
        self.all_result.setWordWrap(True)
        self.all_result.setMargin(8)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.chart = DifferentialChart()
        self.flags = QListWidget()
        self.flags.setWordWrap(True)
        self.flags.setMaximumHeight(120)
        self.flags.setAccessibleName(self.tr("Flags"))
        self.all_result.setAccessibleName(self.tr("ALL screen result"))
        diff_box = QGroupBox(self.tr("Differential (% of white cells; green: adult range)"))
        d = QVBoxLayout(diff_box)
        d.addWidget(self.counts)
        d.addWidget(self.chart)
        flag_box = QGroupBox(self.tr("Flags"))
        QVBoxLayout(flag_box).addWidget(self.flags)
        sign_box = QGroupBox(self.tr("Sign-off"))
        s = QVBoxLayout(sign_box)
        # The logged-in user (shown, not typed): the sign-off dialog asks for the password.
        self.reviewer = QLineEdit()
        self.reviewer.setReadOnly(True)
        self.reviewer.setPlaceholderText(self.tr("not logged in"))
        self.reviewer.setAccessibleName(self.tr("Logged-in user"))
        self.reviewer.setToolTip(self.tr("Logged-in user: changes are recorded under this name"))
        row = QHBoxLayout()
        self.sign_button = QPushButton(self.tr("Sign case…"))
        self.sign_button.clicked.connect(lambda: self.sign_requested.emit(self.reviewer.text()))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        self.reopen_button.clicked.connect(self.reopen_requested)
        row.addWidget(self.sign_button)
        row.addWidget(self.reopen_button)
        self.sign_state = QLabel()
        self.sign_state.setWordWrap(True)
        s.addWidget(self.reviewer)
        s.addLayout(row)
        s.addWidget(self.sign_state)
        # The ALL result, the flags and the Sign button first: they must be on screen without
        # scrolling at 1366x768; the differential (longest) comes last.
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.all_result)
        lay.addWidget(flag_box)
        lay.addWidget(sign_box)
        lay.addWidget(diff_box)
        lay.addStretch(1)
        self.set_summary(None)

    def set_summary(self, summary: SampleSummary | None) -> None:
        self.chart.set_summary(summary)
        self.flags.clear()
        if summary is None:
            self.all_result.setText(self.tr("No results yet."))
            self.all_result.setStyleSheet("")
            self.counts.setText("")
            return
        self.counts.setText(self.tr("%d of %d cells counted · %d/%d fields used · %d "
                                    "unidentified") % (summary.cells_counted, summary.target,
                                                       summary.fields_used, summary.fields_total,
                                                       summary.unidentified))
        self._show_all(summary)
        language = self.tr("en", "language code of the PDF report")  # flags as in the report
        for flag in summary.flags:
            message, source = say_flag(flag, language)
            self.flags.addItem(f"⚠ {message}")
            self.flags.item(self.flags.count() - 1).setToolTip(source or flag.code)
        if not summary.flags:
            self.flags.addItem(self.tr("No flags."))

    def _show_all(self, s: SampleSummary) -> None:
        p = s.malignant_probability
        # The same decision as the report: ALL suspected rests on the cell-level blast count
        # (summary's ALL_SUSPECTED flag); the field model is supporting evidence.
        codes = {f.code for f in s.flags}
        pct = s.blast_percent or 0.0
        blasts = self.tr("blasts: %d (%.0f%% of white cells)") % (s.blast_cells or 0, pct)
        field = (self.tr("field model: not applicable") if p is None else
                 self.tr("field model: malignant probability %.0f%%") % (100 * p))
        if "ALL_SUSPECTED" in codes:
            text = self.tr("ALL SUSPECTED — %s; %s\n(screening aid: confirm by morphology and "
                           "flow cytometry)") % (blasts, field)
            style = "background: #ffcdd2; color: #7f0000; font-weight: bold;"
        elif "FIELD_MODEL_MALIGNANT" in codes or s.blast_cells:
            text = self.tr("ALL screen: review needed — %s; %s") % (blasts, field)
            style = "background: #ffe0b2; color: #7a3e00; font-weight: bold;"
        elif p is None:
            text = self.tr("ALL screen not applicable: no usable field could be classified; %s"
                           ) % blasts
            style = "background: #eeeeee;"
        else:
            text = self.tr("ALL screen negative — %s; %s") % (blasts, field)
            style = "background: #c8e6c9; color: #1b5e20; font-weight: bold;"
        self.all_result.setText(text)
        self.all_result.setStyleSheet(style)

    def set_sign_state(self, signed: bool, blocker: str) -> None:
        """``blocker`` says why signing is not possible yet ("" = it is)."""
        self.sign_button.setEnabled(not signed and not blocker)
        self.sign_button.setToolTip(blocker)
        self.reopen_button.setVisible(signed)
        self.sign_state.setText(blocker)
        colour = "#1b5e20" if signed else "#b26a00"
        self.sign_state.setStyleSheet(f"color: {colour};")
