"""The reviewer's changes on the Review page: relabel, remove or add cells, exclude or delete
fields.

A mixin of ``ReviewPage``, kept apart so each file stays readable. Every change asks the session,
which writes the store (audited) under the logged-in user's name before anything on screen
changes; a signed case refuses changes until it is reopened.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from clinic_app.app.case import CellRef, display_crop
from clinic_app.app.workflow import ADDED
from clinic_app.results import UNIDENTIFIED, BBox, CellResult
from clinic_app.store import StoreError

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from clinic_app.ui.field_list import FieldList
    from clinic_app.ui.gallery import CellGallery
    from clinic_app.ui.session import CaseSession
    from clinic_app.ui.summary_panel import SummaryPanel


class ReviewActions(QWidget):
    """The reviewer's edits of the open case (see ``ReviewPage``)."""

    # set up by ReviewPage
    status_message: Signal
    session: CaseSession | None
    who: Callable[[], str]
    images: OrderedDict[int, np.ndarray]
    fields: FieldList
    gallery: CellGallery
    summary: SummaryPanel
    add_cell: QAction

    def show_cell(self, ref: CellRef) -> None:
        raise NotImplementedError

    def reviewer_name(self) -> str:
        """The logged-in user, the only name the audit log takes ("" when nobody logs in)."""
        name = self.who()
        self.summary.reviewer.setText(name)
        return name

    def _editable(self) -> str:
        """The reviewer's name when the case may be changed, else "" (and the user is told)."""
        if self.session is None:
            return ""
        if self.session.signed:
            QMessageBox.information(self, self.tr("Signed case"), self.tr(
                "This case is signed. Reopen it (the reopening is audited) to change it."))
            return ""
        return self.reviewer_name()

    def _apply(self, title: str, change: object) -> bool:
        try:
            change()  # type: ignore[operator]
        except (StoreError, ValueError) as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        return True

    def reclassify(self, refs: list[CellRef], label: str) -> None:
        """Relabel ``refs``, then select the next cell (CellaVision-style auto-advance)."""
        self._edit_cells(refs, self.tr("Reclassify"),
                         lambda s, actor: s.reclassify(refs, label, actor),
                         self.tr("%d cell(s) marked %s") % (len(refs), label))

    def remove_cells(self, refs: list[CellRef]) -> None:
        self._edit_cells(refs, self.tr("Remove cells"),
                         lambda s, actor: s.remove_cells(refs, actor),
                         self.tr("%d cell(s) removed as false detections (Edit > "
                                 "Undo brings them back)") % len(refs))

    def _edit_cells(self, refs: list[CellRef], title: str,
                    change: Callable[[CaseSession, str], object], done: str) -> None:
        """Apply ``change(session, actor)`` to the selected ``refs``; on success say ``done``
        and select the cell after them."""
        actor = self._editable() if refs else ""
        if not actor:
            return
        session = self.session
        assert session is not None
        nxt = self.gallery.next_after(refs)
        if self._apply(title, lambda: change(session, actor)):
            self.status_message.emit(done)
            self._advance(nxt)

    def _advance(self, target: tuple[int, CellResult] | None) -> None:
        ref = self.gallery.select_cell(target)
        if ref is not None:
            self.show_cell(ref)

    def add_cell_box(self, field_id: int, box: tuple[int, int, int, int]) -> None:
        """A box drawn on the field: a missed cell, added as unidentified and selected, so the
        next key gives it its class."""
        actor = self._editable()
        if not actor or self.session is None:
            return
        bbox = BBox(*box)
        cell = CellResult(bbox=bbox, label=UNIDENTIFIED, scores={}, model_label=ADDED,
                          reviewed=True)
        rgb = self.images.get(field_id)
        if rgb is not None:
            cell.crop = display_crop(rgb, bbox)
        if self._apply(self.tr("Add cell"),
                       lambda: self.session.add_cell(field_id, cell, actor)):  # type: ignore[union-attr]
            self.add_cell.setChecked(False)
            self._advance((field_id, cell))
            self.status_message.emit(self.tr("Cell added: press its class key."))

    def exclude_current(self, reason: str | None = None) -> None:
        """Exclude the current field from the counts (asks why), or include it again."""
        field_id = self.fields.current_id()
        actor = self._editable() if field_id else ""
        if not actor:
            return
        assert self.session is not None
        entry = self.session.fields[field_id]
        if entry.excluded:
            self._apply(self.tr("Include field"), lambda: self.session.exclude_field(  # type: ignore[union-attr]
                field_id, "", actor, on=False))
            return
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Exclude field"), self.tr(
                "Why is %s left out of the counts?") % entry.name)
            if not ok:
                return
        self._apply(self.tr("Exclude field"), lambda: self.session.exclude_field(  # type: ignore[union-attr]
            field_id, reason, actor))

    def delete_current(self, confirmed: bool = False) -> None:
        field_id = self.fields.current_id()
        actor = self._editable() if field_id else ""
        if not actor:
            return
        assert self.session is not None
        name = self.session.fields[field_id].name
        if not confirmed and QMessageBox.question(self, self.tr("Delete field"), self.tr(
                "Take %s out of this case? The image stays in the data folder and the audit "
                "log records it; Edit > Undo brings it back.") % name) != \
                QMessageBox.StandardButton.Yes:
            return
        if self._apply(self.tr("Delete field"),
                       lambda: self.session.delete_field(field_id, actor)):  # type: ignore[union-attr]
            self.status_message.emit(self.tr("Field %s deleted from the case.") % name)
