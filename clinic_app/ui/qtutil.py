"""Small Qt helpers shared by the pages: numpy <-> QImage, waiting without freezing."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
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
    """Run the event loop until ``predicate`` holds or time runs out (self-test, scripts).

    A nested ``QEventLoop`` woken by two timers (a poll every ``step_ms`` and the deadline), not
    a ``processEvents`` busy loop: PySide6 6.12 drops a reference to ``None`` on every
    ``processEvents()`` call, so a long wait (a nearly full disk) ended in ``Fatal Python error:
    none_dealloc`` (issue 14). An exception in ``predicate`` ends the wait and is raised here.
    """
    if predicate():
        return True
    loop = QEventLoop()
    state: dict[str, object] = {"done": False}

    def check() -> None:
        try:
            state["done"] = bool(predicate())
        except Exception as exc:  # noqa: BLE001 - re-raised below, outside the Qt slot
            state["error"] = exc
        if state["done"] or "error" in state:
            loop.quit()

    poll, deadline = QTimer(), QTimer()
    poll.setInterval(max(1, step_ms))
    poll.timeout.connect(check)
    deadline.setSingleShot(True)
    deadline.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % early
    deadline.timeout.connect(loop.quit)
    deadline.start(int(min(max(timeout_s, 0.0) * 1000, 2**31 - 1)))
    poll.start()
    try:
        loop.exec()
    finally:
        poll.stop()
        deadline.stop()
    if "error" in state:
        raise state["error"]  # type: ignore[misc]
    return bool(state["done"]) or bool(predicate())


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (dataclasses, module-level tables)."""
    return QCoreApplication.translate(context, text)
