"""Little widgets and helpers used by several pages."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QProgressBar


def banner() -> QLabel:
    """A red strip for problems that need attention now (camera lost, import failed)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("background: #c62828; color: white; padding: 6px; font-weight: bold;")
    label.hide()
    return label


BAR_STYLE = ("QProgressBar {{ border: 1px solid #8a8a8a; border-radius: 3px; text-align: center;"
             " min-height: 18px; }} QProgressBar::chunk {{ background: {}; }}")


def set_bar_colour(bar: QProgressBar, colour: str = "") -> None:
    """Colour a progress bar's chunk (blue by default); every bar gets the same frame."""
    style = BAR_STYLE.format(colour or "#1976d2")
    if bar.styleSheet() != style:  # restyling is not free; the count bar updates per field
        bar.setStyleSheet(style)


def dropped_paths(mime: QMimeData) -> list[str]:
    """Local files and folders from a drag and drop (remote URLs are ignored: offline app)."""
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]


def accept_file_drag(event: QDragEnterEvent) -> None:
    """Accept a drag that carries files or folders (dragEnterEvent of a drop target)."""
    if event.mimeData().hasUrls():
        event.acceptProposedAction()


def take_dropped(event: QDropEvent) -> list[str]:
    """The local paths dropped (dropEvent of a drop target); the drop is accepted if any."""
    paths = dropped_paths(event.mimeData())
    if paths:
        event.acceptProposedAction()
    return paths
