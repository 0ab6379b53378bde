"""Field view: the captured field with the cells' outlines and labels, zoom and pan.

Outlines and labels come from ``clinic_app.overlay.draw`` (the same picture the report prints);
the heat map from ``ui.heat``. Wheel zooms around the pointer, dragging pans, a click on a cell
selects it in the gallery (so a number key then reclassifies it). In "add cell" mode a drag
draws the box of a missed cell.

One coordinate mapping: the scene is always in the field's own pixels (the coordinates of
``CellResult.bbox``). ``overlay.draw`` enlarges small fields so labels stay legible; the picture
is then shown scaled back by the same factor, so markers, clicks and drawn boxes never need
to know the picture's size.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from clinic_app import overlay
from clinic_app.app.case import CellRef
from clinic_app.results import FieldResult
from clinic_app.ui.heat import field_heat
from clinic_app.ui.qtutil import to_qimage

ZOOM_STEP = 1.25


def compose(rgb: np.ndarray, result: FieldResult | None, outlines: bool, heat: bool,
            crop_um: float) -> QImage:
    """The field with the chosen layers, as a QImage (safe to build on a worker thread)."""
    shown = rgb
    if result is not None and heat:
        shown = field_heat(shown, result, crop_um)
    if result is not None and outlines:
        shown = overlay.draw(result, shown)
    return to_qimage(shown)


class FieldView(QGraphicsView):
    """Shows one field; emits the cell under a click and digit keys for reclassification."""

    cell_clicked = Signal(object)  # CellRef
    key_pressed = Signal(str)
    box_drawn = Signal(int, object)  # field id, (x0, y0, x1, y1) in field pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        self.marker = QGraphicsRectItem()
        self.marker.setPen(QPen(QColor(255, 255, 0), 3))
        self.marker.setZValue(2)
        self.marker.hide()
        self.scene().addItem(self.marker)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor(40, 40, 40))
        self.band = QGraphicsRectItem()
        self.band.setPen(QPen(QColor(0, 220, 255), 2, Qt.PenStyle.DashLine))
        self.band.setZValue(3)
        self.band.hide()
        self.scene().addItem(self.band)
        self.field_id = 0
        self.result: FieldResult | None = None
        self.has_image = False
        self.field_size = (0, 0)
        self.drawing = False  # "add cell" mode: a drag draws a box instead of panning
        self._press = QPointF()
        self._fitted = True

    def show_field(self, field_id: int, image: QImage | None, result: FieldResult | None,
                   size: tuple[int, int] | None = None) -> None:
        """Show a picture made by ``compose`` for a field of ``size`` (w, h) pixels; keeps the
        zoom when it is the same field."""
        same = field_id == self.field_id and self.has_image
        self.field_id, self.result, self.has_image = field_id, result, image is not None
        if image is None:
            self.pixmap_item.setPixmap(QPixmap())
            self.marker.hide()
            return
        if size is None:
            size = (result.width, result.height) if result else (image.width(), image.height())
        self.field_size = size
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.pixmap_item.setScale(size[0] / max(1, image.width()))  # picture -> field pixels
        self.scene().setSceneRect(QRectF(0, 0, size[0], size[1]))
        if not same:
            self.marker.hide()
            self.fit()

    def mark(self, ref: CellRef | None) -> None:
        if ref is None or self.result is None or ref.field_id != self.field_id:
            self.marker.hide()
            return
        if not 0 <= ref.index < len(self.result.cells):
            self.marker.hide()
            return
        b = self.result.cells[ref.index].bbox
        pad = max(2.0, 0.01 * max(self.field_size))
        self.marker.setPen(QPen(QColor(255, 255, 0), max(1.5, pad / 1.5)))
        self.marker.setRect(QRectF(b.x0 - pad, b.y0 - pad, b.width + 2 * pad,
                                   b.height + 2 * pad))
        self.marker.show()
        self.centerOn(self.marker)

    def fit(self) -> None:
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    def zoom(self, factor: float) -> None:
        self._fitted = False
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt name
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def set_drawing(self, on: bool) -> None:
        self.drawing = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on
                         else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on
                                  else Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt name
        self._press = event.position()
        if self.drawing and event.button() == Qt.MouseButton.LeftButton:
            self.band.setRect(QRectF(self.mapToScene(event.position().toPoint()), QSizeF()))
            self.band.show()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt name
        if self.drawing and self.band.isVisible():
            start = self.mapToScene(self._press.toPoint())
            self.band.setRect(QRectF(start, self.mapToScene(event.position().toPoint()))
                              .normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt name
        if self.drawing and self.band.isVisible():
            self.band.hide()
            start = self.mapToScene(self._press.toPoint())
            self.finish_box(QRectF(start, self.mapToScene(event.position().toPoint())))
            return
        super().mouseReleaseEvent(event)
        moved = (event.position() - self._press).manhattanLength()
        if moved < 4 and event.button() == Qt.MouseButton.LeftButton:
            self.click_at(self.mapToScene(event.position().toPoint()))

    def finish_box(self, rect: QRectF) -> None:
        """A drawn box (scene = field pixels), clipped to the field; tiny boxes are ignored."""
        w, h = self.field_size
        r = rect.normalized().intersected(QRectF(0, 0, w, h))
        if r.width() >= 4 and r.height() >= 4 and self.result is not None:
            self.box_drawn.emit(self.field_id, (int(r.left()), int(r.top()),
                                                int(round(r.right())), int(round(r.bottom()))))

    def click_at(self, point: QPointF) -> None:
        """Select the smallest cell whose box holds ``point`` (boxes can overlap)."""
        if self.result is None:
            return
        hits = [(c.bbox.area, i) for i, c in enumerate(self.result.cells)
                if c.bbox.x0 <= point.x() < c.bbox.x1 and c.bbox.y0 <= point.y() < c.bbox.y1]
        if hits:
            ref = CellRef(self.field_id, min(hits)[1])
            self.mark(ref)
            self.cell_clicked.emit(ref)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if review_key(event):
            self.key_pressed.emit(review_key(event))
            return
        super().keyPressEvent(event)


def review_key(event: QKeyEvent) -> str:
    """The reviewer's key in ``event``: a digit, a class letter (upper case), or "Delete"."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return ""
    if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        return "Delete"
    text = event.text()
    return text.upper() if len(text) == 1 and text.isalnum() else ""
