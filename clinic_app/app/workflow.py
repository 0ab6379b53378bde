"""The case-workflow rules, Qt-free: status, what blocks signing, and the reviewer's actions.

``ui.session.CaseSession`` only turns these into signals for the window. Every action writes the
store first (audited there: ``CaseStore.reclassify_cell``, ``store.review``) and only then the
objects in memory, so what the window shows is what the database holds. Actions are commands
with an inverse, kept on an undo stack; an undo is itself a stored, audited change (the log
shows both), never a silent rollback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from clinic_app.app.case import CellRef, FieldEntry, LoadedCase
from clinic_app.results import (
    UNIDENTIFIED,
    Analysis,
    CaseInfo,
    CellResult,
    FieldResult,
    SkippedInput,
)
from clinic_app.store import CaseStore
from clinic_app.store.review import add_cell, counted, decide_field, remove_cell

# Classes a reviewer may assign besides the cell model's labels (DESIGN.md), with their keys.
# ``blast`` keeps its letter also once the model predicts it, so the digits never shift.
REVIEWER_KEYS = {"blast": "B", "smudge": "S", "variant lymphocyte": "V", "artefact": "A"}
ADDED = "added by reviewer"  # model_label of a cell the reviewer drew


def reviewer_labels(model_labels: tuple[str, ...]) -> tuple[str, ...]:
    """The model's labels (manifest order) followed by the reviewer-only classes it lacks."""
    return (*model_labels, *(k for k in REVIEWER_KEYS if k not in model_labels))


def label_keys(model_labels: tuple[str, ...]) -> dict[str, str]:
    """Label -> key: 0 unidentified, 1..9 the model's labels in order, letters for the rest."""
    keys = {UNIDENTIFIED: "0"}
    digits = iter("123456789")
    for label in reviewer_labels(model_labels):
        key = REVIEWER_KEYS.get(label) or next(digits, "")
        if key:
            keys[label] = key
    return keys


def model_score(cell: CellResult) -> float:
    """The model's probability for its own call (not for the reviewer's label)."""
    return float(cell.scores.get(cell.model_label, cell.confidence))


def case_status(fields: list[FieldEntry], signed: bool) -> str:
    """The store's status rule, without a query: analysed once every live field has a result."""
    if signed:
        return "signed"
    live = [f for f in fields if not f.deleted]
    return "analysed" if live and all(f.result is not None for f in live) else "open"


@dataclass(frozen=True)
class SignBlock:
    """Why a case cannot be signed yet; the window words it (``kind`` + ``count``)."""

    kind: str  # "signed", "no-fields", "pending", "failed", "no-reviewer"
    count: int = 0


@dataclass
class Action:
    """One reviewer action and its inverse (both write the store)."""

    text: str
    do: Callable[[], None]
    undo: Callable[[], None]


class CaseWork:
    """The open case's data and the reviewer's actions on it, with undo/redo."""

    def __init__(self, *args: object) -> None:
        # A Qt subclass's QObject.__init__ calls this again without arguments (cooperative
        # multiple inheritance): only the call with the case sets it up.
        if args:
            self.setup(*args)  # type: ignore[arg-type]

    def setup(self, store: CaseStore, loaded: LoadedCase,
              assemble: Callable[[list[FieldResult], list[SkippedInput]], Analysis],
              labels: tuple[str, ...]) -> None:
        self.store = store
        self.record = loaded.record
        self.fields: dict[int, FieldEntry] = {f.id: f for f in loaded.fields}
        self.assemble = assemble
        self.labels = labels  # the cell model's, from the manifest
        self.skipped: list[SkippedInput] = list(loaded.refused)
        self.undo_stack: list[Action] = []
        self.redo_stack: list[Action] = []
        self._analysis: Analysis | None = None

    # -- state -----------------------------------------------------------------------------

    @property
    def case_id(self) -> int:
        return self.record.id

    @property
    def signed(self) -> bool:
        return self.record.status == "signed"

    def live(self) -> list[FieldEntry]:
        return [f for f in self.fields.values() if not f.deleted]

    def pending(self) -> list[int]:
        return [f.id for f in self.live() if f.pending]

    def failed(self) -> list[FieldEntry]:
        return [f for f in self.live() if f.error]

    def by_sha(self, sha256: str) -> FieldEntry | None:
        return next((f for f in self.live() if sha256 and f.sha256 == sha256), None)

    def invalidate(self) -> None:
        self._analysis = None

    def analysis(self) -> Analysis:
        """Summary over the analysed live fields; excluded ones count as unusable, with why."""
        if self._analysis is None:
            results = [self._as_counted(f) for f in self.live() if f.result is not None]
            self._analysis = self.assemble(results, list(self.skipped))
        return self._analysis

    @staticmethod
    def _as_counted(entry: FieldEntry) -> FieldResult:
        assert entry.result is not None
        return counted(entry.result, entry.excluded, entry.scope_problem)

    def status(self) -> str:
        return case_status(list(self.fields.values()), self.signed)

    def sign_block(self, reviewer: str) -> SignBlock | None:
        """None when the case can be signed by ``reviewer``."""
        if self.signed:
            return SignBlock("signed")
        if not self.live():
            return SignBlock("no-fields")
        if self.pending():
            return SignBlock("pending", len(self.pending()))
        if self.failed():
            return SignBlock("failed", len(self.failed()))
        if not reviewer.strip():
            return SignBlock("no-reviewer")
        return None

    def case_info(self, lab_name: str = "", logo: Path | None = None) -> CaseInfo:
        """The report's header: the stored record as it is (accession, birth date, and the
        case id the report prints when there is no accession number) plus the lab's settings."""
        return replace(self.record, lab_name=lab_name, logo_path=logo)

    def signed_now(self) -> None:
        """The case was signed in the store (``store.archive.sign_with_report``, as an
        authenticated user): read the record back and drop the undo history."""
        self.record = self.store.get_case(self.case_id)
        self.undo_stack.clear()  # what was signed is not undone; reopening is the way
        self.redo_stack.clear()

    def reopen(self, actor: str, reason: str) -> None:
        self.store.reopen_case(self.case_id, actor, reason)
        self.record = self.store.get_case(self.case_id)

    # -- undo/redo -------------------------------------------------------------------------

    def perform(self, action: Action) -> None:
        action.do()
        self.undo_stack.append(action)
        self.redo_stack.clear()
        self.invalidate()

    def undo(self) -> str:
        """Undo the last action; returns its text ("" when there is none)."""
        if not self.undo_stack:
            return ""
        action = self.undo_stack.pop()
        action.undo()
        self.redo_stack.append(action)
        self.invalidate()
        return action.text

    def redo(self) -> str:
        if not self.redo_stack:
            return ""
        action = self.redo_stack.pop()
        action.do()
        self.undo_stack.append(action)
        self.invalidate()
        return action.text

    # -- the reviewer's actions ------------------------------------------------------------

    def reclassify(self, refs: list[CellRef], label: str, actor: str) -> int:
        """Give ``refs`` the label ``label`` (stored and audited first). Returns cells changed."""
        targets = [(r, self.fields[r.field_id]) for r in refs
                   if self.fields[r.field_id].result is not None]
        before = [(ref, e.result.cells[ref.index].label) for ref, e in targets]  # type: ignore[union-attr]
        if not before:
            return 0

        def set_labels(pairs: list[tuple[CellRef, str]]) -> None:
            for ref, lab in pairs:
                entry = self.fields[ref.field_id]
                assert entry.result is not None
                self.store.reclassify_cell(entry.cell_ids[ref.index], lab, actor)
                cell = entry.result.cells[ref.index]
                cell.label, cell.reviewed = lab, True

        self.perform(Action(f"reclassify {len(before)} cell(s) as {label}",
                            lambda: set_labels([(r, label) for r, _ in before]),
                            lambda: set_labels(before)))
        return len(before)

    def add_cell(self, field_id: int, cell: CellResult, actor: str) -> None:
        """A missed cell, drawn by the reviewer; appended to the field's cells."""
        entry = self.fields[field_id]
        if entry.result is None:
            raise ValueError("the field is not analysed yet")

        def do() -> None:
            cell_id = add_cell(self.store, field_id, cell, actor)
            entry.result.cells.append(cell)  # type: ignore[union-attr]
            entry.cell_ids = (*entry.cell_ids, cell_id)

        def undo() -> None:
            remove_cell(self.store, entry.cell_ids[-1], actor, "undo of an added cell")
            entry.result.cells.pop()  # type: ignore[union-attr]
            entry.cell_ids = entry.cell_ids[:-1]

        self.perform(Action(f"add a {cell.label} cell", do, undo))

    def remove_cells(self, refs: list[CellRef], actor: str) -> int:
        """Remove false detections (highest index first, so the others keep their place)."""
        refs = sorted(refs, key=lambda r: (r.field_id, r.index), reverse=True)
        removed: list[tuple[CellRef, CellResult]] = []

        def do() -> None:
            removed.clear()
            for ref in refs:
                entry = self.fields[ref.field_id]
                assert entry.result is not None
                remove_cell(self.store, entry.cell_ids[ref.index], actor)
                removed.append((ref, entry.result.cells.pop(ref.index)))
                ids = list(entry.cell_ids)
                del ids[ref.index]
                entry.cell_ids = tuple(ids)

        def undo() -> None:
            for ref, cell in reversed(removed):
                entry = self.fields[ref.field_id]
                assert entry.result is not None
                cell_id = add_cell(self.store, ref.field_id, cell, actor)
                entry.result.cells.insert(ref.index, cell)
                ids = list(entry.cell_ids)
                ids.insert(ref.index, cell_id)
                entry.cell_ids = tuple(ids)

        if refs:
            self.perform(Action(f"remove {len(refs)} cell(s) as false detections", do, undo))
        return len(refs)

    def exclude_field(self, field_id: int, reason: str, actor: str, on: bool = True) -> None:
        """Leave a field out of the counts (or put it back); audited, undoable."""
        entry = self.fields[field_id]
        old = entry.excluded

        def set_to(value: str) -> None:
            decide_field(self.store, field_id, "field-excluded" if value else "field-included",
                         actor, value)
            entry.excluded = value

        new = (reason.strip() or "excluded by the reviewer") if on else ""
        self.perform(Action("exclude field" if on else "include field",
                            lambda: set_to(new), lambda: set_to(old)))

    def delete_field(self, field_id: int, actor: str, reason: str = "") -> None:
        """Take a field out of the case (its image stays on disk, the audit log says why)."""
        entry = self.fields[field_id]

        def set_to(deleted: bool) -> None:
            decide_field(self.store, field_id, "field-deleted" if deleted else "field-restored",
                         actor, reason)
            entry.deleted = deleted

        self.perform(Action("delete field", lambda: set_to(True), lambda: set_to(False)))

    def mark_analysed_anyway(self, field_id: int, problem: str, actor: str) -> None:
        """The technologist overrode the in-scope check for this field (audited, not undone:
        the field exists; delete it to take it back out)."""
        decide_field(self.store, field_id, "field-analysed-anyway", actor, problem)
        entry = self.fields.get(field_id)
        if entry is not None:
            entry.scope_problem = problem
        self.invalidate()

    def note_duplicate(self, field_id: int, duplicate_of: int, actor: str) -> None:
        """A duplicate image kept on purpose: the audit log says which field it repeats."""
        decide_field(self.store, field_id, "field-duplicate-kept", actor,
                     f"same image (sha256) as field {duplicate_of}, kept on purpose")
