"""Live preview on its own thread: frames are read, shrunk and metered off the GUI thread.

The GUI is told "a frame is waiting" at most once until it takes it, so a slow paint drops frames
instead of piling them up. The full-resolution frame stays here for the capture. An unplugged
camera is reported (``lost``) and reopened by ``capture.LiveFeed`` without stopping the thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, QThread, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from clinic_app.capture import FrameSource, LiveFeed, SourceLost, meters
from clinic_app.imaging import shrink_to
from clinic_app.ui.qtutil import to_qimage

PREVIEW_SIDE = 960  # frames are shrunk to this before crossing to the GUI
METER_EVERY_S = 0.25


class CameraThread(QThread):
    """Reads a ``FrameSource`` in a loop; survives the source disappearing."""

    frame_ready = Signal()
    meters_ready = Signal(object, float)  # capture.Meters, source frames per second
    lost = Signal(str)
    reconnected = Signal(str)
    open_failed = Signal(str)

    def __init__(self, opener: Callable[[], FrameSource], retry_s: float = 1.0) -> None:
        super().__init__()
        self.opener = opener
        self.retry_s = retry_s
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest: np.ndarray | None = None
        self._preview: QImage | None = None
        self._pending = False
        self.connected = False

    def run(self) -> None:
        feed = LiveFeed(self.opener, self.retry_s)
        try:
            feed.open()
        except (SourceLost, ValueError) as exc:
            self.open_failed.emit(str(exc))
            return
        self.connected = True
        frames, since, last_meter = 0, time.monotonic(), 0.0
        while not self._stop.is_set():
            event = feed.poll()
            if event.kind == "frame" and event.frame is not None:
                self._offer(event.frame)
                frames += 1
                now = time.monotonic()
                if now - last_meter >= METER_EVERY_S:
                    fps = frames / max(1e-6, now - since)
                    frames, since, last_meter = 0, now, now
                    self.meters_ready.emit(meters(event.frame), fps)
            elif event.kind == "lost":
                self.connected = False
                self.lost.emit(event.message)
            elif event.kind == "reconnected":
                self.connected = True
                frames, since = 0, time.monotonic()
                self.reconnected.emit(event.message)
            else:
                self.msleep(50)
        feed.close()

    def _offer(self, rgb: np.ndarray) -> None:
        small = shrink_to(rgb, PREVIEW_SIDE)
        image = to_qimage(small)
        with self._lock:
            self._latest, self._preview = rgb, image
            notify = not self._pending
            self._pending = True
        if notify:
            self.frame_ready.emit()

    def take_preview(self) -> QImage | None:
        with self._lock:
            self._pending = False
            return self._preview

    def latest_frame(self) -> np.ndarray | None:
        """The newest full-resolution frame, or None while the source is lost."""
        with self._lock:
            return self._latest if self.connected else None

    def stop(self) -> None:
        self._stop.set()
        self.wait(5000)


class PreviewWidget(QWidget):
    """Paints the newest frame, aspect kept, with a message over it when there is no picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.message = ""
        self.frames_shown = 0  # since the last fps reading
        self.frames_total = 0
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(800, 600)

    def show_image(self, image: QImage | None) -> None:
        self.image = image
        self.frames_shown += 1
        self.frames_total += 1
        self.update()

    def set_message(self, text: str) -> None:
        self.message = text
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(30, 30, 30))
        if self.image is not None:
            size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            p.drawImage(QRectF(x, y, size.width(), size.height()), self.image)
        if self.message:
            box = self.rect().adjusted(20, 20, -20, -20)
            p.setPen(QColor(255, 255, 255))
            font = p.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            p.setFont(font)
            if self.image is not None:
                p.fillRect(self.rect(), QColor(0, 0, 0, 150))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
        p.end()
