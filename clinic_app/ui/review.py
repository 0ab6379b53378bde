"""Review page: fields on the left, the field view and the cell gallery in the middle, the
summary and sign-off on the right.

Images are decoded on a worker (a 5 MP field takes longer than a frame), so switching fields
never stalls the window; the last few stay cached. Reclassification asks the session, which
writes the store (audited) before anything on screen changes.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clinic_app.app.case import CellRef
from clinic_app.images import load_field
from clinic_app.results import UNIDENTIFIED, FieldResult
from clinic_app.store import StoreError
from clinic_app.ui.field_list import FieldList
from clinic_app.ui.field_view import ZOOM_STEP, FieldView, compose
from clinic_app.ui.gallery import CellGallery
from clinic_app.ui.heat import has_heat
from clinic_app.ui.session import CaseSession
from clinic_app.ui.summary_panel import SummaryPanel
from clinic_app.ui.workers import TaskRunner

CACHE = 4
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
        self._render_seq = 0
        self.fields = FieldList()
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
        centre.setSizes([430, 370])
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
            self.view.show_field(0, None, None)
            return
        for entry in sorted(session.fields.values(), key=lambda e: e.id):
            self.fields.add_entry(entry)
        session.field_added.connect(self.field_added)
        session.field_updated.connect(self.field_updated)
        session.cells_changed.connect(self.cells_changed)
        session.status_changed.connect(self.update_sign_state)
        if self.fields.count():
            self.fields.setCurrentRow(0)
        self.refresh_summary()

    def field_added(self, field_id: int) -> None:
        if self.session is not None:
            self.fields.add_entry(self.session.fields[field_id])
            if self.fields.currentRow() < 0:
                self.fields.setCurrentRow(0)

    def field_updated(self, field_id: int) -> None:
        """A result arrived: refresh its row and (cheaply) the gallery; the summary is throttled
        by the window."""
        if self.session is None:
            return
        entry = self.session.fields[field_id]
        self.fields.update_entry(entry)
        if self.isVisible():
            self.gallery.add_field(entry)
            if self.fields.current_id() == field_id:
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

    def show_current(self) -> None:
        """Decode (first time) and compose the current field on a worker, then show it."""
        field_id = self.fields.current_id()
        if self.session is None or field_id not in self.session.fields:
            return
        entry = self.session.fields[field_id]
        rgb = self.images.get(field_id)
        if rgb is None and entry.image_path is None:  # not stored and analysed yet
            self.view.show_field(field_id, None, None)
            return
        path, result = entry.image_path, entry.result
        outlines, heat, crop_um = self.outlines.isChecked(), self.heat.isChecked(), self.crop_um
        if heat and result is not None and not has_heat(result):
            self.status_message.emit(self.tr("Heat maps exist only for fields analysed since the "
                                             "case was opened."))
        self._render_seq += 1
        seq = self._render_seq

        def job() -> tuple[np.ndarray, QImage]:
            image = rgb if rgb is not None else load_field(path).image
            return image, compose(image, result, outlines, heat, crop_um)

        self.tasks.run(job, lambda value: self._rendered(seq, field_id, result, *value),
                       self.status_message.emit)

    def _rendered(self, seq: int, field_id: int, result: FieldResult | None, rgb: np.ndarray,
                  image: QImage) -> None:
        self.images[field_id] = rgb
        self.images.move_to_end(field_id)
        while len(self.images) > CACHE:
            self.images.popitem(last=False)
        if seq == self._render_seq:  # a newer request supersedes this picture
            self.view.show_field(field_id, image, result)

    def show_cell(self, ref: CellRef) -> None:
        row = self.fields.row_of(ref.field_id)
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
        if self.session is None:
            return
        signed = self.session.signed
        self.summary.set_sign_state(signed, self.session.sign_blocker(self.summary.reviewer.text()))
        self.unidentified.setEnabled(not signed)
        self.hint.setText(self.tr("Signed: read-only. Reopen the case to change labels.") if signed
                          else self.tr("Select cells, then press a group's number key, or drag "
                                       "them onto another group."))

    def _retry(self) -> None:
        if self.session is not None:
            ids = [f.id for f in self.session.failed()]
            for f in self.session.failed():
                f.error = ""
            self.reanalyse_requested.emit(ids)
