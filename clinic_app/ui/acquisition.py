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
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.capture import FrameSource, Meters, SourceSpec, list_cameras, open_source
from clinic_app.ui.camera import CameraThread, PreviewWidget
from clinic_app.ui.capture_panel import CapturePanel
from clinic_app.ui.settings import RESOLUTIONS
from clinic_app.ui.widgets import accept_file_drag, banner, take_dropped


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
        self.captured = 0
        self._build()
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.capture,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.fps_timer = QTimer(self)
        self.fps_timer.timeout.connect(self._show_fps)
        self.fps_timer.start(1000)
        self.refresh_sources()
        self.panel.set_can_capture(False, self.tr("Create or open a case to capture fields."))

    def _build(self) -> None:
        self.source = QComboBox()
        self.source.setMinimumWidth(220)
        self.resolution = QComboBox()
        self.resolution.addItems(list(RESOLUTIONS))
        self.start_button = QPushButton(self.tr("Start preview"))
        self.start_button.clicked.connect(self.toggle_preview)
        self.start_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must capture
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
        self.panel = CapturePanel()
        self.panel.capture_clicked.connect(self.capture)
        self.panel.import_requested.connect(self.import_requested)
        self.panel.cancel_import.connect(self.cancel_import)
        lay.addWidget(self.panel)

    # -- sources and preview ---------------------------------------------------------------

    def refresh_sources(self) -> None:
        self.source.clear()
        for index in list_cameras():
            self.source.addItem(self.tr("Camera %d") % index, SourceSpec("camera", str(index)))
        self.source.addItem(self.tr("Image folder (no camera)…"), "folder")
        self.source.addItem(self.tr("Video file (no camera)…"), "video")
        if self.source.count() == 2:
            self.preview.set_message(self.tr(
                "No camera found. Plug in the microscope camera, or choose an image folder or a "
                "video file as the source and press Start preview.\n\n"
                "You can also drop image files or folders here to import them."))

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
            self.preview.set_message(self.tr("Preview stopped."))
        self.start_button.setText(self.tr("Start preview"))
        self.banner.hide()
        self.panel.reset_meters()

    def _show_meters(self, m: Meters, fps: float) -> None:
        """Meters still queued from a camera that has just been stopped are dropped."""
        if self.camera is not None and self.camera.connected:
            self.panel.show_meters(m, fps)

    def _show_frame(self) -> None:
        if self.camera is not None and self.camera.isRunning():
            self.preview.message = ""
            self.preview.show_image(self.camera.take_preview())

    def _show_fps(self) -> None:
        shown, self.preview.frames_shown = self.preview.frames_shown, 0
        self.fps_label.setText(self.tr("%d fps") % shown if self.camera else "")

    def _lost(self, message: str) -> None:
        self.banner.setText(self.tr("Camera disconnected: %s. Reconnecting… The %d field(s) of "
                                    "this case are saved.") % (message, self.panel.fields_in_case))
        self.banner.show()
        self.preview.set_message(self.tr("Waiting for the camera to come back…"))
        self.panel.reset_meters(self.tr("No picture"))

    def _reconnected(self, message: str) -> None:
        self.banner.hide()
        self.preview.set_message("")
        self.panel.verdict.setText(message)

    def _open_failed(self, message: str) -> None:
        self.stop_preview()
        self.preview.set_message(self.tr("Cannot open the source: %s") % message)

    # -- capture and import ----------------------------------------------------------------

    def capture(self) -> None:
        if not self.panel.can_capture:
            self.panel.verdict.setText(self.tr("Create or open a case before capturing."))
            return
        frame = self.camera.latest_frame() if self.camera is not None else None
        if frame is None:
            self.panel.verdict.setText(self.tr("No picture to capture: start the preview "
                                               "first."))
            return
        self.captured += 1
        stamp = datetime.now().strftime("%H:%M:%S")
        self.capture_requested.emit(frame, f"capture {self.captured} {stamp}")
        self.panel.verdict.setText(self.tr("Field %d captured.") % self.captured)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        accept_file_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        if paths := take_dropped(event):
            self.import_requested.emit(paths)
