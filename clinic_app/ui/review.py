"""Review page: fields on the left, the field view and the cell gallery in the middle, the
summary and sign-off on the right.

Images are decoded on a worker (a 5 MP field takes longer than a frame), so switching fields
never stalls the window; the last few stay cached. Reclassification asks the session, which
writes the store (audited) before anything on screen changes.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clinic_app.images import load_field
from clinic_app.results import UNIDENTIFIED
from clinic_app.store import StoreError
from clinic_app.ui.field_view import ZOOM_STEP, FieldView
from clinic_app.ui.gallery import CellGallery
from clinic_app.ui.heat import has_heat
from clinic_app.ui.qtutil import to_pixmap
from clinic_app.ui.session import CaseSession, CellRef, FieldEntry
from clinic_app.ui.summary_panel import SummaryPanel
from clinic_app.ui.workers import TaskRunner

CACHE = 4
FIELD_ROLE = Qt.ItemDataRole.UserRole


def field_status(entry: FieldEntry) -> str:
    if entry.error:
        return "⚠ " + entry.error[:60]
    if entry.result is None:
        return "analysing…"
    if not entry.result.quality.usable:
        return f"excluded: {entry.result.quality.reason}"
    return f"{len(entry.result.cells)} cells"


class ReviewPage(QWidget):
    """Look at what the models found, correct it, sign."""

    reanalyse_requested = Signal(list)  # field ids
    status_message = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.session: CaseSession | None = None
        self.crop_um = 16.0
        self.images: OrderedDict[int, np.ndarray] = OrderedDict()
        self.fields = QListWidget()
        self.fields.setIconSize(QSize(64, 48))
        self.fields.setMinimumWidth(200)
        self.fields.currentItemChanged.connect(lambda *_: self.show_current())
        self.retry = QPushButton(self.tr("Re-analyse failed fields"))
        self.retry.clicked.connect(self._retry)
        self.retry.hide()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("Fields")))
        lv.addWidget(self.fields, 1)
        lv.addWidget(self.retry)
        self.view = FieldView()
        self.gallery = CellGallery()
        self.summary = SummaryPanel()
        centre = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addLayout(self._toolbar())
        tv.addWidget(self.view, 1)
        centre.addWidget(top)
        centre.addWidget(self.gallery)
        centre.setSizes([500, 300])
        split = QSplitter(Qt.Orientation.Horizontal)
        for w in (left, centre, self.summary):
            split.addWidget(w)
        split.setSizes([210, 760, 340])
        split.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(split)
        self.view.cell_clicked.connect(self.gallery.select)
        self.view.key_pressed.connect(self.gallery._key)
        self.gallery.cell_activated.connect(self.show_cell)
        self.gallery.reclassify_requested.connect(self.reclassify)
        self.summary.reviewer.textChanged.connect(lambda _t: self.update_sign_state())

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.outlines = QCheckBox(self.tr("Outlines and labels"))
        self.outlines.setChecked(True)
        self.heat = QCheckBox(self.tr("Heat map"))
        for box in (self.outlines, self.heat):
            box.toggled.connect(lambda _on: self.show_current())
            row.addWidget(box)
        self.heat.toggled.connect(lambda on: self.gallery.set_heat(on))
        for text, slot in ((self.tr("Zoom +"), lambda: self.view.zoom(ZOOM_STEP)),
                           (self.tr("Zoom −"), lambda: self.view.zoom(1 / ZOOM_STEP)),
                           (self.tr("Fit"), self.view.fit)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        self.unidentified = QPushButton(self.tr("Mark unidentified [0]"))
        self.unidentified.clicked.connect(
            lambda: self.reclassify(self.gallery.selected_refs(), UNIDENTIFIED))
        row.addWidget(self.unidentified)
        row.addStretch(1)
        self.hint = QLabel(self.tr("Select cells, then press a group's number key, or drag "
                                   "them onto another group."))
        self.hint.setStyleSheet("color: palette(mid);")
        row.addWidget(self.hint)
        return row

    def set_session(self, session: CaseSession | None) -> None:
        self.session = session
        self.images.clear()
        self.fields.clear()
        self.gallery.set_session(session)
        if session is None:
            self.summary.set_summary(None)
            self.view.show_field(0, None, None, False, False, self.crop_um)
            return
        for entry in sorted(session.fields.values(), key=lambda e: e.id):
            self.fields.addItem(self._field_item(entry))
        session.field_added.connect(self.field_added)
        session.field_updated.connect(self.field_updated)
        session.cells_changed.connect(self.cells_changed)
        session.status_changed.connect(self.update_sign_state)
        if self.fields.count():
            self.fields.setCurrentRow(0)
        self.refresh_summary()

    def _field_item(self, entry: FieldEntry) -> QListWidgetItem:
        item = QListWidgetItem(f"{entry.name}\n{field_status(entry)}")
        item.setData(FIELD_ROLE, entry.id)
        if entry.thumb is not None:
            item.setIcon(QIcon(to_pixmap(entry.thumb, 64)))
        return item

    def _row_of(self, field_id: int) -> int:
        for row in range(self.fields.count()):
            if self.fields.item(row).data(FIELD_ROLE) == field_id:
                return row
        return -1

    def field_added(self, field_id: int) -> None:
        if self.session is not None:
            self.fields.addItem(self._field_item(self.session.fields[field_id]))
            if self.fields.currentRow() < 0:
                self.fields.setCurrentRow(0)

    def field_updated(self, field_id: int) -> None:
        """A result arrived: refresh its row and (cheaply) the gallery; the summary is throttled
        by the window."""
        if self.session is None:
            return
        entry = self.session.fields[field_id]
        row = self._row_of(field_id)
        if row < 0:
            self.fields.addItem(self._field_item(entry))
        else:
            old = self.fields.item(row)
            new = self._field_item(entry)
            old.setText(new.text())
            old.setIcon(new.icon())
        if self.isVisible():
            self.gallery.rebuild()
            if self.current_id() == field_id:
                self.show_current()
        self.retry.setVisible(bool(self.session.failed()))

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        self.gallery.rebuild()
        self.show_current()
        self.refresh_summary()

    def cells_changed(self) -> None:
        self.gallery.rebuild()
        self.show_current()

    def current_id(self) -> int:
        item = self.fields.currentItem()
        return int(item.data(FIELD_ROLE)) if item is not None else 0

    def show_current(self) -> None:
        field_id = self.current_id()
        if self.session is None or field_id not in self.session.fields:
            return
        entry = self.session.fields[field_id]
        if field_id in self.images:
            self.images.move_to_end(field_id)
            self._draw(entry, self.images[field_id])
        elif entry.image_path is not None:
            path = entry.image_path
            self.tasks.run(lambda: load_field(path).image,
                           lambda rgb, fid=field_id: self._loaded(fid, rgb),
                           lambda msg: self.status_message.emit(msg))
        else:
            self.view.show_field(field_id, None, None, False, False, self.crop_um)

    def _loaded(self, field_id: int, rgb: np.ndarray) -> None:
        self.images[field_id] = rgb
        while len(self.images) > CACHE:
            self.images.popitem(last=False)
        if field_id == self.current_id() and self.session is not None:
            self._draw(self.session.fields[field_id], rgb)

    def _draw(self, entry: FieldEntry, rgb: np.ndarray) -> None:
        result = entry.result
        if self.heat.isChecked() and result is not None and not has_heat(result):
            self.status_message.emit(self.tr("Heat maps exist only for fields analysed since the "
                                             "case was opened."))
        self.view.show_field(entry.id, rgb, result, self.outlines.isChecked(),
                             self.heat.isChecked(), self.crop_um)

    def show_cell(self, ref: CellRef) -> None:
        row = self._row_of(ref.field_id)
        if row >= 0:
            self.fields.setCurrentRow(row)
        self.view.mark(ref)

    def reviewer_name(self) -> str:
        name = self.summary.reviewer.text().strip()
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("Reviewer"),
                                            self.tr("Your name, for the audit log:"))
            name = name.strip() if ok else ""
            self.summary.reviewer.setText(name)
        return name

    def reclassify(self, refs: list[CellRef], label: str) -> None:
        if self.session is None or not refs:
            return
        if self.session.signed:
            QMessageBox.information(self, self.tr("Signed case"), self.tr(
                "This case is signed. Reopen it (the reopening is audited) to change labels."))
            return
        actor = self.reviewer_name()
        if not actor:
            return
        try:
            n = self.session.reclassify(refs, label, actor)
        except (StoreError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Reclassify"), str(exc))
            return
        self.status_message.emit(self.tr("%d cell(s) marked %s") % (n, label))

    def refresh_summary(self) -> None:
        if self.session is None:
            return
        self.summary.set_summary(self.session.analysis().summary)
        self.update_sign_state()

    def update_sign_state(self) -> None:
        if self.session is not None:
            blocker = self.session.sign_blocker(self.summary.reviewer.text())
            self.summary.set_sign_state(self.session.signed, blocker)

    def _retry(self) -> None:
        if self.session is not None:
            ids = [f.id for f in self.session.failed()]
            for f in self.session.failed():
                f.error = ""
            self.reanalyse_requested.emit(ids)
