"""Settings: where cases live, which accelerator runs the models, scale, and the report header.

Kept in ``QSettings`` (an INI file per user), passed around as a plain ``AppSettings`` so pages
and tests never read QSettings behind each other's backs. The backend list shows what
``runtime.detect()`` found on this machine, probed on a worker (loading a delegate can take a
second) so the dialog opens at once.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic_app.analysis import AnalyzerOptions

BACKENDS = ("auto", "cpu", "edgetpu", "gpu")
LANGUAGES = (("", "System default"), ("en", "English"), ("fr", "Français"), ("es", "Español"),
             ("pt", "Português"))
RESOLUTIONS = ("640x480", "1280x720", "1280x960", "1920x1080", "2592x1944")


@dataclass
class AppSettings:
    """Everything the user can set; 0 means "automatic" for threads and scale."""

    data_dir: str = ""
    backend: str = "auto"
    threads: int = 0
    um_per_px: float = 0.0
    target: int = 100
    lab_name: str = ""
    logo_path: str = ""
    camera: str = "0"
    resolution: str = "1280x720"
    reviewer: str = ""  # the last user name logged in: pre-fills the log-in, never the audit
    language: str = ""  # "" = the system's; else a code of LANGUAGES (after a restart)

    def analyzer_options(self) -> AnalyzerOptions:
        """Automatic threads leave one core to the window, so it stays responsive."""
        threads = self.threads or max(1, min(4, (os.cpu_count() or 2) - 1))
        return AnalyzerOptions(backend=self.backend, threads=threads,
                               um_per_px=self.um_per_px or None, target=self.target)

    @property
    def scale(self) -> float | None:
        return self.um_per_px or None

    @property
    def logo(self) -> Path | None:
        return Path(self.logo_path) if self.logo_path and Path(self.logo_path).is_file() else None


def default_data_dir() -> str:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return str(Path(base or Path.home() / ".clinic-app") / "cases")


def load_settings(qs: QSettings) -> AppSettings:
    """Read every field, falling back to the default on a missing or malformed value."""
    out = AppSettings()
    for f in fields(AppSettings):
        raw = qs.value(f.name, None)
        if raw is None:
            continue
        try:
            setattr(out, f.name, type(getattr(out, f.name))(raw))
        except (TypeError, ValueError):
            continue
    if out.backend not in BACKENDS:
        out.backend = "auto"
    if out.target not in (100, 200):
        out.target = 100
    out.data_dir = out.data_dir or default_data_dir()
    return out


def save_settings(qs: QSettings, settings: AppSettings) -> None:
    for key, value in asdict(settings).items():
        qs.setValue(key, value)
    qs.sync()


class SettingsDialog(QDialog):
    """Edit ``AppSettings``; ``detected`` is filled in when the backend probe returns."""

    def __init__(self, settings: AppSettings, in_use: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        s = settings
        form = QFormLayout()
        self.data_dir = QLineEdit(s.data_dir)
        form.addRow(self.tr("Data folder"), self._with_browse(self.data_dir, folder=True))
        form.addRow("", self._note(self.tr("Cases and images are kept here; a change takes "
                                           "effect after a restart.")))
        self.backend = QComboBox()
        for b in BACKENDS:
            self.backend.addItem(b, b)
        self.backend.setCurrentIndex(BACKENDS.index(s.backend))
        form.addRow(self.tr("Backend"), self.backend)
        self.detected = QLabel(self.tr("Detecting accelerators…"))
        self.detected.setWordWrap(True)
        self.detected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Detected"), self.detected)
        form.addRow(self.tr("In use"), self._note(in_use or self.tr("models not loaded")))
        self.threads = QSpinBox()
        self.threads.setRange(0, 64)
        self.threads.setSpecialValueText(self.tr("automatic"))
        self.threads.setValue(s.threads)
        form.addRow(self.tr("CPU threads"), self.threads)
        form.addRow(self.tr("Scale"), self._scale_row(s.um_per_px))
        self.target = QComboBox()
        self.target.addItem(self.tr("100 cells"), 100)
        self.target.addItem(self.tr("200 cells"), 200)
        self.target.setCurrentIndex(0 if s.target == 100 else 1)
        form.addRow(self.tr("Count target"), self.target)
        self.lab_name = QLineEdit(s.lab_name)
        form.addRow(self.tr("Lab name (report)"), self.lab_name)
        self.logo = QLineEdit(s.logo_path)
        form.addRow(self.tr("Lab logo (report)"), self._with_browse(self.logo, folder=False))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(self.tr(name) if not code else name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self._note(self.tr("A new language takes effect after a restart.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self._base = s

    def _scale_row(self, um_per_px: float) -> QHBoxLayout:
        """A fixed scale, or (ticked) the estimate from red-cell size."""
        self.auto_scale = QCheckBox(self.tr("Estimate from red-cell size"))
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.01, 10.0)
        self.scale.setDecimals(4)
        self.scale.setSuffix(" µm/px")
        self.scale.setValue(um_per_px or 0.1)
        self.auto_scale.toggled.connect(lambda on: self.scale.setEnabled(not on))
        self.auto_scale.setChecked(not um_per_px)
        self.scale.setEnabled(bool(um_per_px))
        row = QHBoxLayout()
        row.addWidget(self.auto_scale)
        row.addWidget(self.scale)
        return row

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(mid);")
        return label

    def _with_browse(self, edit: QLineEdit, folder: bool) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit)
        button = QPushButton(self.tr("Browse…"))
        row.addWidget(button)

        def browse() -> None:
            if folder:
                path = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), edit.text())
            else:
                path, _ = QFileDialog.getOpenFileName(self, self.tr("Lab logo"), edit.text(),
                                                      self.tr("Images (*.png *.jpg *.jpeg)"))
            if path:
                edit.setText(path)

        button.clicked.connect(browse)
        return box

    def show_detected(self, found: dict[str, str]) -> None:
        self.detected.setText("\n".join(f"{k}: {v}" for k, v in found.items()))

    def result_settings(self) -> AppSettings:
        return AppSettings(
            data_dir=self.data_dir.text().strip() or self._base.data_dir,
            backend=self.backend.currentData(), threads=self.threads.value(),
            um_per_px=0.0 if self.auto_scale.isChecked() else self.scale.value(),
            target=int(self.target.currentData()), lab_name=self.lab_name.text().strip(),
            logo_path=self.logo.text().strip(), camera=self._base.camera,
            resolution=self._base.resolution, reviewer=self._base.reviewer,
            language=self.language.currentData() or "")
