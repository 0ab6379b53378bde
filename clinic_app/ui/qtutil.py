"""Small Qt helpers shared by the pages: numpy <-> QImage, waiting without freezing."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QImage, QPixmap


def to_qimage(rgb: np.ndarray) -> QImage:
    """An RGB uint8 HxWx3 array as a QImage that owns its pixels (safe across threads)."""
    arr = np.ascontiguousarray(rgb)
    h, w = arr.shape[:2]
    return QImage(arr.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def to_pixmap(rgb: np.ndarray, max_side: int = 0) -> QPixmap:
    """Pixmap for display; ``max_side`` scales it down (GUI thread only, like every QPixmap)."""
    pix = QPixmap.fromImage(to_qimage(rgb))
    if max_side and max(pix.width(), pix.height()) > max_side:
        pix = pix.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return pix


def wait_until(predicate: Callable[[], bool], timeout_s: float, step_ms: int = 20) -> bool:
    """Run the event loop until ``predicate`` holds or time runs out (self-test, scripts)."""
    end = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > end:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, step_ms)
        time.sleep(0.005)
    return True


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (dataclasses, module-level tables)."""
    return QCoreApplication.translate(context, text)
