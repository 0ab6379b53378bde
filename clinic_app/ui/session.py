"""The open case in memory: its record, fields, results and the reviewer's changes.

Pages read this object and listen to its signals; none keeps its own copy of a result. Every
change goes to the store first (reclassification, sign-off: audited there) and only then to the
in-memory objects, so what the window shows is what the database holds. The summary is
recomputed with ``analysis.assemble`` (the analysis core), never by the UI. The Qt-free data
(``FieldEntry``, ``CellRef``, loading a case) is in ``clinic_app.app.case``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from clinic_app.app.case import CellRef, FieldEntry, LoadedCase
from clinic_app.results import (
    Analysis,
    CaseInfo,
    FieldResult,
    SkippedInput,
)
from clinic_app.store import CaseStore
from clinic_app.ui.cases import local_time


class CaseSession(QObject):
    """The case being worked on; the single place the UI changes results."""

    field_added = Signal(int)
    field_updated = Signal(int)
    cells_changed = Signal()
    summary_changed = Signal()
    status_changed = Signal()

    def __init__(self, store: CaseStore, loaded: LoadedCase,
                 assemble: Callable[[list[FieldResult], list[SkippedInput]], Analysis],
                 labels: tuple[str, ...]) -> None:
        super().__init__()
        self.store = store
        self.record = loaded.record
        self.fields: dict[int, FieldEntry] = {f.id: f for f in loaded.fields}
        self.assemble = assemble
        self.labels = labels
        self.skipped: list[SkippedInput] = []
        self._analysis: Analysis | None = None

    @property
    def case_id(self) -> int:
        return self.record.id

    @property
    def signed(self) -> bool:
        return self.record.status == "signed"

    def pending(self) -> list[int]:
        return [f.id for f in self.fields.values() if f.pending]

    def failed(self) -> list[FieldEntry]:
        return [f for f in self.fields.values() if f.error]

    def analysis(self) -> Analysis:
        """Summary over the analysed fields with the current labels (cached until a change)."""
        if self._analysis is None:
            results = [f.result for f in self.fields.values() if f.result is not None]
            self._analysis = self.assemble(results, list(self.skipped))
        return self._analysis

    def case_info(self, lab_name: str = "", logo: Path | None = None) -> CaseInfo:
        r = self.record
        return CaseInfo(patient_id=r.patient_id, patient_name=r.patient_name, age=r.age,
                        sex=r.sex, sample_type=r.sample_type, operator=r.operator,
                        lab_name=lab_name, notes=r.notes, reviewer=r.reviewer,
                        signed_at=r.signed_at, logo_path=logo)

    # -- events from the workers -----------------------------------------------------------

    def add_field(self, field_id: int, source: str) -> None:
        if field_id not in self.fields:
            self.fields[field_id] = FieldEntry(field_id, None, source)
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
        self._analysis = None
        self._changed_status()
        self.field_updated.emit(field_id)
        self.summary_changed.emit()

    def set_failed(self, field_id: int, reason: str) -> None:
        entry = self.fields.get(field_id)
        if entry is not None:
            entry.error = reason
            self.field_updated.emit(field_id)

    def _changed_status(self) -> None:
        """Mirror the store's status rule without a query: analysed when nothing is pending."""
        if self.signed:
            return
        done = bool(self.fields) and all(f.result is not None for f in self.fields.values())
        status = "analysed" if done else "open"
        if status != self.record.status:
            self.record.status = status
            self.status_changed.emit()

    # -- the reviewer's actions ------------------------------------------------------------

    def reclassify(self, refs: list[CellRef], label: str, actor: str) -> int:
        """Give ``refs`` the label ``label``; stored (and audited) first. Returns cells changed."""
        changed = 0
        for ref in refs:
            entry = self.fields[ref.field_id]
            if entry.result is None:
                continue
            cell = entry.result.cells[ref.index]
            self.store.reclassify_cell(entry.cell_ids[ref.index], label, actor)
            cell.label, cell.reviewed = label, True
            changed += 1
        if changed:
            self._analysis = None
            self.cells_changed.emit()
            self.summary_changed.emit()
        return changed

    def sign(self, reviewer: str) -> None:
        self.store.sign_case(self.case_id, reviewer)
        self.record = self.store.get_case(self.case_id)
        self.status_changed.emit()

    def reopen(self, actor: str, reason: str) -> None:
        self.store.reopen_case(self.case_id, actor, reason)
        self.record = self.store.get_case(self.case_id)
        self.status_changed.emit()

    def sign_blocker(self, reviewer: str) -> str:
        """Why the case cannot be signed yet ("" when it can), in words for the button tooltip."""
        if self.signed:
            return self.tr("Signed by %s on %s. Read-only: reopen to change.") % (
                self.record.reviewer, local_time(self.record.signed_at))
        if not self.fields:
            return self.tr("No fields yet: capture or import some first.")
        if self.pending():
            return self.tr("%d field(s) still being analysed.") % len(self.pending())
        if self.failed():
            return self.tr("%d field(s) could not be analysed: re-run them (Review > Re-analyse "
                           "failed) first.") % len(self.failed())
        if not reviewer.strip():
            return self.tr("Enter the reviewer's name.")
        return ""
