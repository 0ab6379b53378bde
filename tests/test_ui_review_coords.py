"""One coordinate mapping for the field view: the overlay picture, the marker, clicks and drawn
boxes all agree, for small fields (enlarged by ``overlay.draw``) and large ones, at any zoom."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from clinic_app.app.case import CellRef
from clinic_app.results import BBox, CellResult, FieldResult, QualityReport
from clinic_app.ui.field_view import FieldView, compose


def field(w: int, h: int) -> tuple[np.ndarray, FieldResult]:
    """A field with three cells at known places (a quarter, half and three quarters across)."""
    rgb = np.full((h, w, 3), 230, np.uint8)
    cells = []
    for fx in (0.25, 0.5, 0.75):
        cx, cy, r = int(w * fx), int(h * fx), max(6, w // 20)
        cells.append(CellResult(BBox(cx - r, cy - r, cx + r, cy + r), "lymphocyte",
                                {"lymphocyte": 0.9, "monocyte": 0.1}))
    q = QualityReport(focus=1.0, clipped_dark=0.0, clipped_bright=0.0, stain=1.0)
    return rgb, FieldResult("f.png", w, h, 0.1, "given", q, cells)


@pytest.mark.parametrize("size", [(320, 240), (640, 480), (1600, 1200)])
@pytest.mark.parametrize("zoom", [None, 0.5, 1.0, 2.5])
def test_click_marker_and_box_use_field_pixels(qtbot, size, zoom):
    rgb, result = field(*size)
    view = FieldView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    image = compose(rgb, result, True, False, 16.0)
    if max(size) < 720:
        assert image.width() > size[0]  # the overlay enlarged the picture...
    view.show_field(1, image, result, size)
    # ...but the scene is the field's own pixels, whatever the picture's size
    assert view.sceneRect() == QRectF(0, 0, *size)
    if zoom is not None:
        view.resetTransform()
        view.zoom(zoom)
    clicked = []
    view.cell_clicked.connect(clicked.append)
    for index, cell in enumerate(result.cells):
        b = cell.bbox
        centre = QPointF((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)
        view.centerOn(centre)
        pos = view.mapFromScene(centre)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert clicked[-1] == CellRef(1, index)
        # the marker surrounds the same box, in the same coordinates
        m = view.marker.rect()
        assert m.contains(QRectF(b.x0, b.y0, b.width, b.height))
        assert m.width() < b.width * 1.5 + 30
    # a box drawn in "add cell" mode comes back in field pixels
    view.set_drawing(True)
    drawn = []
    view.box_drawn.connect(lambda fid, box: drawn.append(box))
    view.fit()
    a, c = QPointF(size[0] * 0.1, size[1] * 0.1), QPointF(size[0] * 0.2, size[1] * 0.3)
    pa, pc = view.mapFromScene(a), view.mapFromScene(c)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=pa)
    qtbot.mouseMove(view.viewport(), pos=pc)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=pc)
    x0, y0, x1, y1 = drawn[-1]
    tol = 2 * size[0] / 700 + 1  # one screen pixel at "fit" is this many field pixels
    assert abs(x0 - a.x()) <= tol and abs(y0 - a.y()) <= tol
    assert abs(x1 - c.x()) <= tol and abs(y1 - c.y()) <= tol
