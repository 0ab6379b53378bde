"""Cell gallery: every cell of the case as a thumbnail, grouped by its current class.

Reclassifying is the reviewer's main job, so it takes one gesture: drag thumbnails onto another
group, or select them and press the group's key (0 = unidentified, 1-9 the model's classes in
manifest order, letters for blast and the reviewer-only classes, Delete = false detection).
The groups are always all shown, empty ones too, so each is a drop target and the keys never
shift. After a key the selection moves on to the next cell, as in CellaVision.
"""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic_app.app.case import CellRef, FieldEntry
from clinic_app.app.workflow import ADDED, label_keys, model_score, reviewer_labels
from clinic_app.overlay import colour_of
from clinic_app.results import UNIDENTIFIED, CellResult
from clinic_app.ui.field_view import review_key
from clinic_app.ui.heat import blend_heat
from clinic_app.ui.qtutil import to_pixmap
from clinic_app.ui.session import CaseSession

MIME = "application/x-clinic-cells"
ICON = 72
EMPTY_H = 26
REF_ROLE = Qt.ItemDataRole.UserRole


def key_of(label: str, labels: tuple[str, ...]) -> str:
    """The key of a class (``app.workflow.label_keys``); "" when it has none."""
    return label_keys(labels).get(label, "")


class CellList(QListWidget):
    """One class's thumbnails; a drop here gives the dropped cells this class."""

    dropped = Signal(object, str)
    key_pressed = Signal(str)

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 34, ICON + 36))
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Cells: %s") % label)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def refs(self, items: list[QListWidgetItem]) -> list[CellRef]:
        return [CellRef(*i.data(REF_ROLE)) for i in items]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt name
        mime = QMimeData()
        mime.setData(MIME, json.dumps([list(i.data(REF_ROLE)) for i in items]).encode())
        return mime

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt name
        return [MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        if not event.mimeData().hasFormat(MIME):
            return
        refs = [CellRef(f, i) for f, i in json.loads(bytes(event.mimeData().data(MIME)))]
        event.setDropAction(Qt.DropAction.CopyAction)  # the gallery rebuilds; Qt must not remove
        event.accept()
        self.dropped.emit(refs, self.label)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        key = review_key(event)
        if key:
            self.key_pressed.emit(key)
            return
        super().keyPressEvent(event)

    def fit_height(self) -> None:
        """Tall enough for every row (the outer scroll area scrolls, not each group); an empty
        group is a thin drop strip, so the cells are on screen without scrolling."""
        if not self.count():
            self.setFixedHeight(EMPTY_H)
            return
        per_row = max(1, self.viewport().width() // self.gridSize().width())
        rows = -(-self.count() // per_row)
        self.setFixedHeight(rows * self.gridSize().height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        super().paintEvent(event)
        if not self.count():
            p = QPainter(self.viewport())
            p.setPen(QColor(140, 140, 140))
            p.drawText(self.viewport().rect().adjusted(8, 0, 0, 0),
                       Qt.AlignmentFlag.AlignVCenter, self.tr("none (drop cells here)"))
            p.end()


class CellGallery(QScrollArea):
    """All groups stacked; emits the reviewer's reclassifications and the cell clicked."""

    reclassify_requested = Signal(object, str)
    remove_requested = Signal(object)  # list[CellRef]: false detections
    cell_activated = Signal(object)  # CellRef

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.session: CaseSession | None = None
        self.heat = False
        self.lists: dict[str, CellList] = {}
        self.headers: dict[str, QLabel] = {}
        self._pixmaps: dict[tuple[int, bool], QPixmap] = {}  # (cell id, heat)
        self.shown: set[int] = set()  # fields whose cells are in the lists
        self.body = QWidget()
        self.column = QVBoxLayout(self.body)
        self.setWidget(self.body)

    def set_session(self, session: CaseSession | None) -> None:
        self.session = session
        self._pixmaps.clear()
        self._build_groups()
        self.rebuild()

    def _build_groups(self) -> None:
        while self.column.count():
            w = self.column.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.lists.clear()
        self.headers.clear()
        if self.session is None:
            return
        labels = self.session.labels
        # unidentified first: those are the cells that need the reviewer's eye
        for label in (UNIDENTIFIED, *reviewer_labels(labels)):
            header = QLabel()
            r, g, b = colour_of(label)
            header.setStyleSheet(f"border-left: 6px solid rgb({r},{g},{b}); padding-left: 6px;"
                                 " font-weight: bold;")
            cells = CellList(label)
            cells.dropped.connect(self.reclassify_requested)
            cells.key_pressed.connect(self._key)
            cells.itemSelectionChanged.connect(lambda c=cells: self._selection_moved(c))
            cells.itemDoubleClicked.connect(
                lambda item, c=cells: self.cell_activated.emit(c.refs([item])[0]))
            self.headers[label] = header
            self.lists[label] = cells
            header.setProperty("key", key_of(label, labels) or "–")
            self.column.addWidget(header)
            self.column.addWidget(cells)
        self.column.addStretch(1)

    def rebuild(self) -> None:
        """Refill every group from the session (after a reclassification)."""
        if self.session is None:
            return
        for cells in self.lists.values():
            cells.clear()
        self.shown.clear()
        for entry in sorted(self.session.fields.values(), key=lambda e: e.id):
            self._add_cells(entry)
        self._update_headers()

    def add_field(self, entry: FieldEntry) -> None:
        """A newly analysed field: append its cells instead of refilling (batch imports)."""
        if entry.id in self.shown:
            self.rebuild()
            return
        self._add_cells(entry)
        self._update_headers()

    def _add_cells(self, entry: FieldEntry) -> None:
        if entry.result is None:
            return
        self.shown.add(entry.id)
        if entry.deleted:
            return
        for index, cell in enumerate(entry.result.cells):
            target = self.lists.get(cell.label) or self.lists[UNIDENTIFIED]
            target.addItem(self._item(entry, index, cell))

    def _update_headers(self) -> None:
        for label, cells in self.lists.items():
            key = self.headers[label].property("key")
            self.headers[label].setText(f"[{key}]  {label}  ({cells.count()})")
            cells.fit_height()

    def caption(self, cell: CellResult) -> str:
        """What the thumbnail says: the model's call with its probability, or, once a reviewer
        changed it, both ("reviewed: X (model: Y 99 %)"): never the old class's confidence
        next to the new class."""
        if cell.model_label == ADDED:
            return self.tr("added by reviewer: %s") % cell.label
        p = f"{100 * model_score(cell):.0f} %"
        if cell.reviewed and cell.label != cell.model_label:
            return self.tr("reviewed: %s (model: %s %s)") % (cell.label, cell.model_label, p)
        if cell.reviewed:
            return self.tr("✓ confirmed (model %s)") % p
        return f"{cell.label} {p}"

    def _item(self, entry: FieldEntry, index: int, cell: CellResult) -> QListWidgetItem:
        cell_id = entry.cell_ids[index] if index < len(entry.cell_ids) else -1 - index
        icon = QIcon(self._pixmap(cell_id, cell))
        caption = self.caption(cell)
        item = QListWidgetItem(icon, caption if cell.reviewed else f"{model_score(cell):.0%}")
        item.setData(REF_ROLE, (entry.id, index))
        item.setToolTip(self.tr("%s, cell %d: %s") % (entry.name, index + 1, caption))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, caption)
        if cell.reviewed:
            item.setForeground(QColor("#2e7d32"))
        return item

    def _pixmap(self, cell_id: int, cell: CellResult) -> QPixmap:
        key = (cell_id, self.heat)
        if key not in self._pixmaps:
            crop = cell.crop if cell.crop is not None else np.full((ICON, ICON, 3), 200, np.uint8)
            if self.heat and cell.heatmap is not None:
                crop = blend_heat(crop, cell.heatmap)
            self._pixmaps[key] = to_pixmap(crop, ICON)
        return self._pixmaps[key]

    def set_heat(self, on: bool) -> None:
        self.heat = on
        self.rebuild()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        for cells in self.lists.values():
            cells.fit_height()

    def selected_refs(self) -> list[CellRef]:
        out: list[CellRef] = []
        for cells in self.lists.values():
            out += cells.refs(cells.selectedItems())
        return out

    def select(self, ref: CellRef) -> None:
        """Select the thumbnail of ``ref`` (a click on the field view) and scroll to it."""
        for cells in self.lists.values():
            for i in range(cells.count()):
                item = cells.item(i)
                if tuple(item.data(REF_ROLE)) == (ref.field_id, ref.index):
                    cells.setCurrentItem(item)
                    item.setSelected(True)
                    cells.setFocus()
                    self.ensureWidgetVisible(cells, 0, ICON)
                    return

    def order(self) -> list[CellRef]:
        """Every cell as shown: group by group, top to bottom."""
        return [ref for cells in self.lists.values()
                for ref in cells.refs([cells.item(i) for i in range(cells.count())])]

    def next_after(self, refs: list[CellRef]) -> tuple[int, CellResult] | None:
        """The cell after the last of ``refs`` in the shown order (skipping ``refs``), as
        (field id, cell object): indices may shift when cells are removed, objects do not."""
        order = self.order()
        keys = {(r.field_id, r.index) for r in refs}
        last = max((i for i, r in enumerate(order) if (r.field_id, r.index) in keys), default=-1)
        for r in order[last + 1:] + order[:max(0, last)]:
            if (r.field_id, r.index) not in keys and self.session is not None:
                result = self.session.fields[r.field_id].result
                if result is not None:
                    return r.field_id, result.cells[r.index]
        return None

    def select_cell(self, target: tuple[int, CellResult] | None) -> CellRef | None:
        """Select a cell given as (field id, cell object); returns its current ref."""
        if target is None or self.session is None:
            return None
        field_id, cell = target
        result = self.session.fields[field_id].result
        cells = result.cells if result is not None else []
        index = next((i for i, c in enumerate(cells) if c is cell), -1)
        if index < 0:
            return None
        ref = CellRef(field_id, index)
        self.select(ref)
        return ref

    def _selection_moved(self, owner: CellList) -> None:
        """One selection across groups: selecting in a group clears the others."""
        if not owner.selectedItems():
            return
        for cells in self.lists.values():
            if cells is not owner and cells.selectedItems():
                cells.blockSignals(True)
                cells.clearSelection()
                cells.blockSignals(False)

    def _key(self, key: str) -> None:
        if self.session is None:
            return
        refs = self.selected_refs()
        if not refs:
            return
        if key == "Delete":
            self.remove_requested.emit(refs)
            return
        by_key = {k: label for label, k in label_keys(self.session.labels).items()}
        if key in by_key:
            self.reclassify_requested.emit(refs, by_key[key])
