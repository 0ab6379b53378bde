"""The capture page's side panel: live meters, the capture button, the running count, import.

Display only: it shows ``capture.Meters`` (from ``quality.assess``) and the counts the window
passes in, and asks for captures and imports through its signals.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app import quality
from clinic_app.capture import Meters
from clinic_app.ui.widgets import set_bar_colour


class CapturePanel(QWidget):
    """Meters, capture, count against the 100/200 target, import with progress and cancel."""

    capture_clicked = Signal()
    import_requested = Signal(list)
    cancel_import = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(300)
        self.fields_in_case = 0
        self.can_capture = False
        col = QVBoxLayout(self)
        meters_box = QGroupBox(self.tr("Image quality"))
        m = QVBoxLayout(meters_box)
        self.focus_bar = QProgressBar()
        self.focus_bar.setRange(0, 100)
        set_bar_colour(self.focus_bar)
        self.exposure_label = QLabel(self.tr("Exposure: —"))
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        for w in (self.focus_bar, self.exposure_label, self.verdict):
            m.addWidget(w)
        col.addWidget(meters_box)
        self.capture_button = QPushButton(self.tr("Capture field  [Space]"))
        self.capture_button.setMinimumHeight(48)
        self.capture_button.clicked.connect(self.capture_clicked)
        col.addWidget(self.capture_button)
        count_box = QGroupBox(self.tr("White cells counted"))
        c = QVBoxLayout(count_box)
        self.count_label = QLabel("0 / 100")
        font = self.count_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.count_label.setFont(font)
        self.count_bar = QProgressBar()
        self.count_bar.setFormat(self.tr("%v of %m cells"))
        set_bar_colour(self.count_bar)
        self.fields_label = QLabel(self.tr("No case open."))
        self.fields_label.setWordWrap(True)
        for w in (self.count_label, self.count_bar, self.fields_label):
            c.addWidget(w)
        col.addWidget(count_box)
        col.addWidget(self._import_box())
        col.addStretch(1)
        for b in (self.capture_button, self.import_files_button, self.import_folder_button,
                  self.cancel_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must capture, not press a button
        self.reset_meters()

    def _import_box(self) -> QGroupBox:
        import_box = QGroupBox(self.tr("Import images"))
        i = QVBoxLayout(import_box)
        row = QHBoxLayout()
        self.import_files_button = QPushButton(self.tr("Files…"))
        self.import_files_button.clicked.connect(self.choose_files)
        self.import_folder_button = QPushButton(self.tr("Folder…"))
        self.import_folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.import_files_button)
        row.addWidget(self.import_folder_button)
        i.addLayout(row)
        self.import_bar = QProgressBar()
        self.import_bar.setFormat(self.tr("%v of %m"))
        set_bar_colour(self.import_bar)
        self.import_bar.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.import_label = QLabel(self.tr("…or drop files and folders on this page."))
        self.import_label.setWordWrap(True)
        # Duplicates (same sha256 as a field of the case) are skipped with a warning; this
        # imports them again on purpose.
        self.keep_duplicates_button = QPushButton(self.tr("Import the duplicates anyway"))
        self.keep_duplicates_button.setVisible(False)
        for w in (self.import_bar, self.cancel_button, self.import_label,
                  self.keep_duplicates_button):
            i.addWidget(w)
        return import_box

    def show_meters(self, m: Meters, _fps: float = 0.0) -> None:
        value = min(100, int(100 * max(0.0, m.focus) / (quality.FOCUS_WARN * 4)))
        self.focus_bar.setValue(value)
        self.focus_bar.setFormat(self.tr("Focus: %.0f") % m.focus)
        sharp = m.focus >= quality.FOCUS_WARN
        set_bar_colour(self.focus_bar, "#2e7d32" if sharp else
                       "#f9a825" if m.focus >= quality.FOCUS_MIN else "#c62828")
        self.exposure_label.setText(self.tr("Exposure: %.0f%% black, %.0f%% white")
                                    % (100 * m.clipped_dark, 100 * m.clipped_bright))
        if not m.usable:
            text, colour = self.tr("Not usable: %s") % m.reason, "#c62828"
        elif m.warnings:
            text, colour = "; ".join(m.warnings), "#b26a00"
        else:
            text, colour = self.tr("Good to capture"), "#2e7d32"
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def reset_meters(self, text: str = "") -> None:
        self.focus_bar.setValue(0)
        self.focus_bar.setFormat(self.tr("Focus: —"))
        self.exposure_label.setText(self.tr("Exposure: —"))
        self.verdict.setText(text)
        self.verdict.setStyleSheet("")

    def set_can_capture(self, on: bool, reason: str = "") -> None:
        """Capture and import need an open, unsigned case; say why when they do not."""
        self.can_capture = on
        for b in (self.capture_button, self.import_files_button, self.import_folder_button):
            b.setEnabled(on)
            b.setToolTip("" if on else reason)
        if not on:
            self.fields_label.setText(reason)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import field images"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.tif "
                                                        "*.tiff *.bmp)"))
        if paths:
            self.import_requested.emit(paths)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of images"))
        if path:
            self.import_requested.emit([path])

    def show_import_progress(self, done: int, total: int) -> None:
        busy = done < total
        self.import_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.import_bar.setRange(0, max(1, total))
        self.import_bar.setValue(done)
        self.import_label.setText(self.tr("Saving %d of %d…") % (done, total) if busy else "")

    def show_import_result(self, text: str, duplicates: int = 0) -> None:
        self.keep_duplicates_button.setVisible(bool(duplicates))
        self.import_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.import_label.setText(text)

    def show_counts(self, cells: int, target: int, fields: int, pending: int,
                    case_label: str) -> None:
        self.fields_in_case = fields
        self.count_label.setText(f"{cells} / {target}")
        self.count_bar.setRange(0, target)
        self.count_bar.setValue(min(cells, target))
        set_bar_colour(self.count_bar, "#2e7d32" if cells >= target else "")
        text = self.tr("%s\n%d field(s)") % (case_label, fields)
        if pending:
            text += self.tr(", %d being analysed") % pending
        if cells >= target:
            text += "\n" + self.tr("Target reached: go to Review.")
        self.fields_label.setText(text)
