"""Capture page: live camera (or a folder / video standing in), meters, capture, import.

The technician's loop is: focus, glance at the meters, press Space, move the stage, repeat until
the white-cell count reaches the target. So Space captures wherever the focus is on this page,
the count is large, and an unplugged camera shows a banner while fields already captured stay
safe in the store (they were saved the moment they were captured).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
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
from clinic_app.capture import FrameSource, Meters, SourceSpec, list_cameras, open_source
from clinic_app.ui.camera import CameraThread, PreviewWidget
from clinic_app.ui.settings import RESOLUTIONS
from clinic_app.ui.widgets import banner, dropped_paths, set_bar_colour


class AcquisitionPage(QWidget):
    """Owns the camera thread; asks the window to save frames and import files."""

    capture_requested = Signal(object, str)  # RGB frame, source description
    import_requested = Signal(list)
    cancel_import = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.opener: Callable[[SourceSpec], FrameSource] = open_source
        self.camera: CameraThread | None = None
        self.can_capture = False
        self.captured = 0
        self._build()
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.capture,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.fps_timer = QTimer(self)
        self.fps_timer.timeout.connect(self._show_fps)
        self.fps_timer.start(1000)
        self.refresh_sources()

    def _build(self) -> None:
        self.source = QComboBox()
        self.source.setMinimumWidth(220)
        self.resolution = QComboBox()
        self.resolution.addItems(list(RESOLUTIONS))
        self.start_button = QPushButton(self.tr("Start preview"))
        self.start_button.clicked.connect(self.toggle_preview)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("Source")), self.source, QLabel(self.tr("Resolution")),
                  self.resolution, self.start_button):
            top.addWidget(w)
        top.addStretch(1)
        self.fps_label = QLabel("")
        top.addWidget(self.fps_label)
        self.banner = banner()
        self.preview = PreviewWidget()
        self.preview.set_message(self.tr("Choose a source and press Start preview.\n"
                                         "You can also drop image files or folders here."))
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.banner)
        left.addWidget(self.preview, 1)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(self._side_panel())

    def _side_panel(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(300)
        col = QVBoxLayout(panel)
        meters_box = QGroupBox(self.tr("Image quality"))
        m = QVBoxLayout(meters_box)
        self.focus_bar = QProgressBar()
        self.focus_bar.setRange(0, 100)
        self.focus_bar.setFormat(self.tr("Focus: —"))
        self.exposure_label = QLabel(self.tr("Exposure: —"))
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        for w in (self.focus_bar, self.exposure_label, self.verdict):
            m.addWidget(w)
        col.addWidget(meters_box)
        self.capture_button = QPushButton(self.tr("Capture field  [Space]"))
        self.capture_button.setMinimumHeight(48)
        self.capture_button.clicked.connect(self.capture)
        col.addWidget(self.capture_button)
        count_box = QGroupBox(self.tr("White cells counted"))
        c = QVBoxLayout(count_box)
        self.count_label = QLabel("0 / 100")
        font = self.count_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.count_label.setFont(font)
        self.count_bar = QProgressBar()
        self.fields_label = QLabel(self.tr("No case open."))
        self.fields_label.setWordWrap(True)
        for w in (self.count_label, self.count_bar, self.fields_label):
            c.addWidget(w)
        col.addWidget(count_box)
        import_box = QGroupBox(self.tr("Import images"))
        i = QVBoxLayout(import_box)
        row = QHBoxLayout()
        self.import_files_button = QPushButton(self.tr("Files…"))
        self.import_files_button.clicked.connect(self._choose_files)
        self.import_folder_button = QPushButton(self.tr("Folder…"))
        self.import_folder_button.clicked.connect(self._choose_folder)
        row.addWidget(self.import_files_button)
        row.addWidget(self.import_folder_button)
        i.addLayout(row)
        self.import_bar = QProgressBar()
        self.import_bar.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.import_label = QLabel(self.tr("…or drop files and folders on this page."))
        self.import_label.setWordWrap(True)
        for w in (self.import_bar, self.cancel_button, self.import_label):
            i.addWidget(w)
        col.addWidget(import_box)
        col.addStretch(1)
        for b in (self.start_button, self.capture_button, self.import_files_button,
                  self.import_folder_button, self.cancel_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must capture, not press a button
        return panel

    # -- sources and preview ---------------------------------------------------------------

    def refresh_sources(self) -> None:
        self.source.clear()
        for index in list_cameras():
            self.source.addItem(self.tr("Camera %d") % index, SourceSpec("camera", str(index)))
        self.source.addItem(self.tr("Image folder (no camera)…"), "folder")
        self.source.addItem(self.tr("Video file (no camera)…"), "video")

    def add_source(self, spec: SourceSpec) -> None:
        """Select ``spec`` (a folder or video chosen earlier, or one given by a test)."""
        self.source.insertItem(0, spec.label, spec)
        self.source.setCurrentIndex(0)

    def _chosen_spec(self) -> SourceSpec | None:
        data = self.source.currentData()
        if isinstance(data, SourceSpec):
            w, _, h = self.resolution.currentText().partition("x")
            return SourceSpec(data.kind, data.target, int(w), int(h), data.fps)
        if data == "folder":
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder of field images"))
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Video file"), "", self.tr(
                "Videos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)"))
        if not path:
            return None
        spec = SourceSpec(data, path, fps=25.0)
        self.add_source(spec)
        return spec

    def toggle_preview(self) -> None:
        if self.camera is not None:
            self.stop_preview()
            return
        spec = self._chosen_spec()
        if spec is not None:
            self.start_preview(spec)

    def start_preview(self, spec: SourceSpec) -> None:
        self.stop_preview()
        self.camera = CameraThread(lambda: self.opener(spec))
        self.camera.frame_ready.connect(self._show_frame)
        self.camera.meters_ready.connect(self._show_meters)
        self.camera.lost.connect(self._lost)
        self.camera.reconnected.connect(self._reconnected)
        self.camera.open_failed.connect(self._open_failed)
        self.preview.set_message(self.tr("Opening %s…") % spec.label)
        self.start_button.setText(self.tr("Stop preview"))
        self.camera.start()

    def stop_preview(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera = None
        self.start_button.setText(self.tr("Start preview"))
        self.banner.hide()

    def _show_frame(self) -> None:
        if self.camera is not None:
            self.preview.message = ""
            self.preview.show_image(self.camera.take_preview())

    def _show_fps(self) -> None:
        shown, self.preview.frames_shown = self.preview.frames_shown, 0
        self.fps_label.setText(self.tr("%d fps") % shown if self.camera else "")

    def _show_meters(self, m: Meters, _fps: float) -> None:
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

    def _lost(self, message: str) -> None:
        self.banner.setText(self.tr("Camera disconnected: %s. Reconnecting… The %d field(s) "
                                    "captured so far are saved.") % (message, self.captured))
        self.banner.show()
        self.preview.set_message(self.tr("Waiting for the camera to come back…"))

    def _reconnected(self, message: str) -> None:
        self.banner.hide()
        self.preview.set_message("")
        self.verdict.setText(message)

    def _open_failed(self, message: str) -> None:
        self.stop_preview()
        self.preview.set_message(self.tr("Cannot open the source: %s") % message)

    # -- capture and import ----------------------------------------------------------------

    def capture(self) -> None:
        if not self.can_capture:
            self.verdict.setText(self.tr("Create or open a case before capturing."))
            return
        frame = self.camera.latest_frame() if self.camera is not None else None
        if frame is None:
            self.verdict.setText(self.tr("No picture to capture: start the preview first."))
            return
        self.captured += 1
        stamp = datetime.now().strftime("%H:%M:%S")
        self.capture_requested.emit(frame, f"capture {self.captured} {stamp}")
        self.verdict.setText(self.tr("Field %d captured.") % self.captured)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import field images"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.tif "
                                                        "*.tiff *.bmp)"))
        if paths:
            self.import_requested.emit(paths)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of images"))
        if path:
            self.import_requested.emit([path])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        paths = dropped_paths(event.mimeData())
        if paths:
            self.import_requested.emit(paths)
            event.acceptProposedAction()

    def show_import_progress(self, done: int, total: int) -> None:
        busy = done < total
        self.import_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.import_bar.setRange(0, max(1, total))
        self.import_bar.setValue(done)
        self.import_label.setText(self.tr("Saving %d of %d…") % (done, total) if busy else "")

    def show_import_result(self, text: str) -> None:
        self.import_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.import_label.setText(text)

    def show_counts(self, cells: int, target: int, fields: int, pending: int,
                    case_label: str) -> None:
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
