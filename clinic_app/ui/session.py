"""The open case for the window: ``app.workflow.CaseWork`` plus the signals pages listen to.

The rules (status, what blocks signing, reclassification, corrections, undo) are Qt-free in
``clinic_app.app.workflow``; this class only tells the pages what changed and words the
sign-off blocker for the button's tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from clinic_app.app.case import CellRef, FieldEntry, LoadedCase
from clinic_app.app.workflow import CaseWork
from clinic_app.results import Analysis, CellResult, FieldResult, SkippedInput
from clinic_app.store import CaseStore
from clinic_app.ui.cases import local_time


class CaseSession(QObject, CaseWork):
    """The case being worked on; the single place the UI changes results."""

    field_added = Signal(int)
    field_updated = Signal(int)
    fields_changed = Signal()  # excluded, deleted or restored
    cells_changed = Signal()
    summary_changed = Signal()
    status_changed = Signal()
    undo_changed = Signal()

    def __init__(self, store: CaseStore, loaded: LoadedCase,
                 assemble: Callable[[list[FieldResult], list[SkippedInput]], Analysis],
                 labels: tuple[str, ...]) -> None:
        QObject.__init__(self)
        self.setup(store, loaded, assemble, labels)

    # -- events from the workers -----------------------------------------------------------

    def add_field(self, field_id: int, source: str, sha256: str = "") -> None:
        if field_id not in self.fields:
            self.fields[field_id] = FieldEntry(field_id, None, source, sha256=sha256)
            self._changed_status()
            self.field_added.emit(field_id)

    def set_result(self, field_id: int, result: FieldResult, cell_ids: tuple[int, ...]) -> None:
        entry = self.fields.get(field_id)
        if entry is None:
            entry = self.fields[field_id] = FieldEntry(field_id, Path(result.path), result.path)
        entry.result, entry.cell_ids, entry.error = result, cell_ids, ""
        entry.image_path = Path(result.path)
        if entry.thumb is None and result.thumbnail is not None:
            entry.thumb = result.thumbnail
        self.invalidate()
        self._changed_status()
        self.field_updated.emit(field_id)
        self.summary_changed.emit()

    def set_failed(self, field_id: int, reason: str) -> None:
        entry = self.fields.get(field_id)
        if entry is not None:
            entry.error = reason
            self.field_updated.emit(field_id)

    def _changed_status(self) -> None:
        status = self.status()
        if status != self.record.status:
            self.record.status = status
            self.status_changed.emit()

    # -- the reviewer's actions (rules in CaseWork) ------------------------------------------

    def _after(self, cells: bool = True, fields: bool = False) -> None:
        if fields:
            self._changed_status()
            self.fields_changed.emit()
        if cells:
            self.cells_changed.emit()
        self.summary_changed.emit()
        self.undo_changed.emit()

    def reclassify(self, refs: list[CellRef], label: str, actor: str) -> int:
        n = CaseWork.reclassify(self, refs, label, actor)
        if n:
            self._after()
        return n

    def add_cell(self, field_id: int, cell: CellResult, actor: str) -> None:
        CaseWork.add_cell(self, field_id, cell, actor)
        self._after()

    def remove_cells(self, refs: list[CellRef], actor: str) -> int:
        n = CaseWork.remove_cells(self, refs, actor)
        if n:
            self._after()
        return n

    def exclude_field(self, field_id: int, reason: str, actor: str, on: bool = True) -> None:
        CaseWork.exclude_field(self, field_id, reason, actor, on)
        self._after(fields=True)

    def delete_field(self, field_id: int, actor: str, reason: str = "") -> None:
        CaseWork.delete_field(self, field_id, actor, reason)
        self._after(fields=True)

    def undo(self) -> str:
        text = CaseWork.undo(self)
        if text:
            self._after(fields=True)
        return text

    def redo(self) -> str:
        text = CaseWork.redo(self)
        if text:
            self._after(fields=True)
        return text

    def signed_now(self) -> None:
        CaseWork.signed_now(self)
        self.status_changed.emit()
        self.undo_changed.emit()

    def reopen(self, actor: str, reason: str) -> None:
        CaseWork.reopen(self, actor, reason)
        self.status_changed.emit()

    def sign_blocker(self, reviewer: str) -> str:
        """Why the case cannot be signed yet ("" when it can), in words for the tooltip."""
        block = self.sign_block(reviewer)
        if block is None:
            return ""
        return {
            "signed": lambda: self.tr("Signed by %s on %s. Read-only: reopen to change.") % (
                self.record.reviewer, local_time(self.record.signed_at)),
            "no-fields": lambda: self.tr("No fields yet: capture or import some first."),
            "pending": lambda: self.tr("%d field(s) still being analysed.") % block.count,
            "failed": lambda: self.tr("%d field(s) could not be analysed: re-run them (Review "
                                      "> Re-analyse failed) first.") % block.count,
            "no-reviewer": lambda: self.tr("Log in to sign."),
        }[block.kind]()
