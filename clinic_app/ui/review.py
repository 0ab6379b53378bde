"""Review page: fields on the left, the field view and the cell gallery in the middle, the
summary and sign-off on the right (in a scroll area: the window never grows to fit it).

Splitters between the three columns; the toolbar is a ``QToolBar`` whose buttons fold into a
"»" menu when the window is narrow, and the hint is a word-wrapped line under it that never
sets the window's minimum width.

Images are decoded on a worker (a 5 MP field takes longer than a frame), so switching fields
never stalls the window; the last few stay cached. The reviewer's changes (``review_actions``)
ask the session, which writes the store (audited) before anything on screen changes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clinic_app.app.case import CellRef
from clinic_app.images import load_field
from clinic_app.results import UNIDENTIFIED, FieldResult
from clinic_app.scope import OUT_OF_SCOPE
from clinic_app.ui.field_list import FieldPanel
from clinic_app.ui.field_view import ZOOM_STEP, FieldView, compose
from clinic_app.ui.gallery import CellGallery
from clinic_app.ui.heat import has_heat
from clinic_app.ui.review_actions import ReviewActions
from clinic_app.ui.session import CaseSession
from clinic_app.ui.summary_panel import SummaryPanel
from clinic_app.ui.workers import TaskRunner

CACHE = 4


HINT = ("Select cells, then press a class key (0-9, B, S, V, A; Delete = false detection) or "
        "drag them onto another group. The next cell is selected after each key.")


class ReviewPage(ReviewActions):
    """Look at what the models found, correct it, sign."""

    reanalyse_requested = Signal(list)  # field ids
    analyse_anyway_requested = Signal(list)  # paths the in-scope check refused
    status_message = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.session: CaseSession | None = None
        # The logged-in user's audit name (the window asks for a log-in when nobody is).
        self.who: Callable[[], str] = lambda: ""
        self.crop_um = 16.0
        self.images: OrderedDict[int, np.ndarray] = OrderedDict()
        self._render_seq = 0
        self._pending_mark: CellRef | None = None
        self.panel = FieldPanel()
        self.fields = self.panel.list
        self.retry = self.panel.retry
        self.fields.currentItemChanged.connect(lambda *_: self.show_current())
        self.retry.clicked.connect(self._retry)
        self.panel.exclude_requested.connect(lambda: self.exclude_current())
        self.panel.delete_requested.connect(lambda: self.delete_current())
        self.panel.analyse_anyway_requested.connect(self.analyse_anyway_requested)
        self.view = FieldView()
        self.view.setAccessibleName(self.tr("Field image"))
        self.gallery = CellGallery()
        self.gallery.setAccessibleName(self.tr("Cell gallery"))
        self.summary = SummaryPanel()
        self.summary_scroll = QScrollArea()
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setWidget(self.summary)
        self.summary_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_scroll.setMinimumWidth(self.summary.minimumWidth() + 18)
        centre = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.setSpacing(2)
        tv.addWidget(self._toolbar())
        self.hint = QLabel(self.tr(HINT))
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setStyleSheet("color: palette(mid);")
        tv.addWidget(self.hint)
        tv.addWidget(self.view, 1)
        centre.addWidget(top)
        centre.addWidget(self.gallery)
        centre.setSizes([400, 300])
        self.split = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.panel, centre, self.summary_scroll):
            self.split.addWidget(w)
        self.split.setSizes([190, 700, 330])
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split)
        self.view.cell_clicked.connect(self.gallery.select)
        self.view.key_pressed.connect(self.gallery._key)
        self.view.box_drawn.connect(self.add_cell_box)
        self.gallery.cell_activated.connect(self.show_cell)
        self.gallery.reclassify_requested.connect(self.reclassify)
        self.gallery.remove_requested.connect(self.remove_cells)
        self.summary.reviewer.textChanged.connect(lambda _t: self.update_sign_state())

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Review tools"))
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def action(text: str, slot: object = None, checkable: bool = False,
                   tip: str = "") -> QAction:
            a = QAction(text, self)
            a.setCheckable(checkable)
            a.setToolTip(tip or text)
            if slot is not None:
                (a.toggled if checkable else a.triggered).connect(slot)
            bar.addAction(a)
            return a

        self.outlines = action(self.tr("Outlines"), lambda _on: self.show_current(), True,
                               self.tr("Outlines and labels"))
        self.outlines.setChecked(True)
        self.heat = action(self.tr("Heat map"), self._heat_toggled, True)
        bar.addSeparator()
        action(self.tr("Zoom +"), lambda: self.view.zoom(ZOOM_STEP))
        action(self.tr("Zoom −"), lambda: self.view.zoom(1 / ZOOM_STEP))
        action(self.tr("Fit"), self.view.fit)
        bar.addSeparator()
        self.add_cell = action(self.tr("Add cell"), self.view.set_drawing, True,
                               self.tr("Draw the box of a missed cell on the field"))
        self.remove_cell = action(self.tr("Remove [Del]"),
                                  lambda: self.remove_cells(self.gallery.selected_refs()),
                                  tip=self.tr("Remove the selected cells as false detections"))
        self.unidentified = action(self.tr("Unidentified [0]"), lambda: self.reclassify(
            self.gallery.selected_refs(), UNIDENTIFIED))
        return bar

    def _heat_toggled(self, on: bool) -> None:
        self.gallery.set_heat(on)
        self.show_current()

    # -- the session -----------------------------------------------------------------------

    def set_session(self, session: CaseSession | None) -> None:
        self.session = session
        self.images.clear()
        self.fields.clear()
        self.gallery.set_session(session)
        if session is None:
            self.summary.set_summary(None)
            self.view.show_field(0, None, None)
            self.panel.set_refused([])
            return
        for entry in sorted(session.fields.values(), key=lambda e: e.id):
            self.fields.add_entry(entry)
        session.field_added.connect(self.field_added)
        session.field_updated.connect(self.field_updated)
        session.fields_changed.connect(self.fields_changed)
        session.cells_changed.connect(self.cells_changed)
        session.status_changed.connect(self.update_sign_state)
        if self.fields.count():
            self.fields.setCurrentRow(0)
        self.refresh_refused()
        self.refresh_summary()

    def refresh_refused(self) -> None:
        s = self.session
        self.panel.set_refused([] if s is None else
                               [x for x in s.skipped if x.reason.startswith(OUT_OF_SCOPE)])

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

    def fields_changed(self) -> None:
        """Excluded, deleted or restored fields: every row says its state again."""
        if self.session is None:
            return
        for entry in sorted(self.session.fields.values(), key=lambda e: e.id):
            self.fields.update_entry(entry)
        self.gallery.rebuild()
        self.show_current()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        self.gallery.rebuild()
        self.show_current()
        self.refresh_summary()

    def cells_changed(self) -> None:
        self.gallery.rebuild()
        self.show_current()

    # -- showing ---------------------------------------------------------------------------

    def show_current(self) -> None:
        """Decode (first time) and compose the current field on a worker, then show it."""
        field_id = self.fields.current_id()
        if self.session is None or field_id not in self.session.fields:
            return
        entry = self.session.fields[field_id]
        self.panel.exclude.setText(self.tr("Include") if entry.excluded else self.tr("Exclude…"))
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
            self.view.show_field(field_id, image, result, (rgb.shape[1], rgb.shape[0]))
            mark, self._pending_mark = self._pending_mark, None
            if mark is not None and mark.field_id == field_id:
                self.view.mark(mark)

    def show_cell(self, ref: CellRef) -> None:
        row = self.fields.row_of(ref.field_id)
        if row >= 0 and self.fields.current_id() != ref.field_id:
            self._pending_mark = ref
            self.fields.setCurrentRow(row)
        self.view.mark(ref)

    # -- summary and sign state ------------------------------------------------------------

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
        for a in (self.unidentified, self.add_cell, self.remove_cell):
            a.setEnabled(not signed)
        for b in (self.panel.exclude, self.panel.delete, self.panel.anyway):
            b.setEnabled(not signed)
        self.hint.setText(self.tr("Signed: read-only. Reopen the case to change labels.") if signed
                          else self.tr(HINT))

    def _retry(self) -> None:
        if self.session is not None:
            ids = [f.id for f in self.session.failed()]
            for f in self.session.failed():
                f.error = ""
            self.reanalyse_requested.emit(ids)
