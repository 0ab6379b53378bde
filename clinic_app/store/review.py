"""The reviewer's structural corrections, stored and audited like a reclassification.

Reclassification lives in ``CaseStore.reclassify_cell``; these are the other corrections a
technologist makes during review: a missed cell added by drawing its box, a false detection
removed, a field excluded from (or put back into) the counts, a field deleted from the case, an
out-of-scope image analysed anyway. Each is one transaction with its audit row, and a signed
case refuses them all.

Field decisions (excluded, deleted) have no column of their own: the append-only audit log is
their record, and ``field_decisions`` replays it (last word wins). That keeps the schema, which
other parts migrate, untouched; the log cannot be edited, so the replay cannot be either.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from clinic_app.results import CellResult, FieldResult, SkippedInput
from clinic_app.store.audit import audit, require_unsigned
from clinic_app.store.case_store import CaseStore
from clinic_app.store.records import (
    FieldRecord,
    StoreError,
    case_of_field,
    case_row,
    insert_cell,
    utc_now,
)

FIELD_ACTIONS = ("field-excluded", "field-included", "field-deleted", "field-restored",
                 "field-analysed-anyway", "field-duplicate-kept")


@dataclass(frozen=True)
class FieldDecision:
    """What the reviewer decided about one field, from the audit log."""

    excluded: str = ""  # the reason, "" when the field counts
    deleted: bool = False
    analysed_anyway: str = ""  # the scope check's refusal the technologist overrode


def add_cell(store: CaseStore, field_id: int, cell: CellResult, actor: str) -> int:
    """Store a cell the reviewer drew (a missed detection); returns its id."""
    _need_actor(actor)
    with store._tx() as conn:  # noqa: SLF001 - this module extends the store
        case_id = _unsigned_case(conn, field_id)
        cell_id = insert_cell(conn, field_id, cell)
        _touch(conn, case_id)
        audit(conn, case_id, actor, "cell-added", {
            "cell_id": cell_id, "field_id": field_id, "bbox": cell.bbox.as_list(),
            "label": cell.label})
    return cell_id


def remove_cell(store: CaseStore, cell_id: int, actor: str, reason: str = "false detection"
                ) -> dict:
    """Delete a cell (a false detection); the audit row keeps the whole cell. Returns it."""
    _need_actor(actor)
    with store._tx() as conn:  # noqa: SLF001
        row = conn.execute("SELECT * FROM cells WHERE id = ?", (cell_id,)).fetchone()
        if row is None:
            raise StoreError(f"no cell {cell_id}")
        case_id = _unsigned_case(conn, row["field_id"])
        kept = {k: row[k] for k in row.keys()}  # noqa: SIM118 - sqlite3.Row
        conn.execute("DELETE FROM cells WHERE id = ?", (cell_id,))
        _touch(conn, case_id)
        audit(conn, case_id, actor, "cell-removed", {"reason": reason, **kept})
    return kept


def decide_field(store: CaseStore, field_id: int, action: str, actor: str,
                 reason: str = "") -> None:
    """Record a decision about a field (one of ``FIELD_ACTIONS``), audited."""
    if action not in FIELD_ACTIONS:
        raise ValueError(f"unknown field action {action!r}")
    _need_actor(actor)
    with store._tx() as conn:  # noqa: SLF001
        case_id = _unsigned_case(conn, field_id)
        _touch(conn, case_id)
        audit(conn, case_id, actor, action, {"field_id": field_id, "reason": reason})


def field_decisions(store: CaseStore, case_id: int) -> dict[int, FieldDecision]:
    """Each field's standing decisions, replayed from the audit log in order."""
    state: dict[int, dict] = {}
    for entry in store.audit_log(case_id):
        if entry.action not in FIELD_ACTIONS:
            continue
        s = state.setdefault(int(entry.detail["field_id"]), {})
        reason = entry.detail.get("reason", "")
        if entry.action == "field-excluded":
            s["excluded"] = reason or "excluded by the reviewer"
        elif entry.action == "field-included":
            s["excluded"] = ""
        elif entry.action == "field-deleted":
            s["deleted"] = True
        elif entry.action == "field-restored":
            s["deleted"] = False
        elif entry.action == "field-analysed-anyway":
            s["analysed_anyway"] = reason or "out of scope"
    return {k: FieldDecision(**v) for k, v in state.items()}


SCOPE_CHECK = "in-scope check"  # the actor of a refusal: the program, not a person
REFUSED = "image-refused"


def record_refused(store: CaseStore, case_id: int, refused: list[SkippedInput]) -> None:
    """Keep the in-scope check's refusals with the case (audited), so the list of refused
    images and "analyse anyway" survive a restart; a signed case records none."""
    if not refused:
        return
    with store._tx() as conn:  # noqa: SLF001
        require_unsigned(case_row(conn, case_id))
        for x in refused:
            audit(conn, case_id, SCOPE_CHECK, REFUSED, {"path": x.path, "reason": x.reason})


def refused_images(store: CaseStore, case_id: int) -> list[SkippedInput]:
    """The refused images not imported since (the latest refusal of each path)."""
    imported = {f.source for f in store.fields(case_id)}
    latest: dict[str, str] = {}
    for entry in store.audit_log(case_id):
        if entry.action == REFUSED:
            latest[str(entry.detail["path"])] = str(entry.detail["reason"])
    return [SkippedInput(p, r) for p, r in latest.items() if p not in imported]


def counted(result: FieldResult, excluded: str = "", analysed_anyway: str = "") -> FieldResult:
    """The field as the counts see it: a field the reviewer excluded is unusable, with why; one
    analysed despite the scope check says so (the report and every export must)."""
    if analysed_anyway and not result.analysed_anyway:
        result = replace(result, analysed_anyway=True, scope_problem=analysed_anyway)
    if excluded:
        reason = f"excluded by the reviewer: {excluded}"
        result = replace(result, quality=replace(result.quality, usable=False, reason=reason))
    return result


def reviewed_fields(store: CaseStore, case_id: int) -> list[FieldRecord]:
    """The case's fields with the reviewer's decisions applied, as the review screen and the
    report count them: deleted fields left out, excluded ones unusable (what exports use)."""
    decisions = field_decisions(store, case_id)
    out = []
    for rec in store.fields(case_id):
        d = decisions.get(rec.id, FieldDecision())
        if d.deleted:
            continue
        result = None if rec.result is None else counted(rec.result, d.excluded,
                                                         d.analysed_anyway)
        out.append(replace(rec, result=result))
    return out


def _unsigned_case(conn: object, field_id: int) -> int:
    case_id = case_of_field(conn, field_id)  # type: ignore[arg-type]
    require_unsigned(case_row(conn, case_id))  # type: ignore[arg-type]
    return case_id


def _touch(conn: object, case_id: int) -> None:
    conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?",  # type: ignore[attr-defined]
                 (utc_now(), case_id))


def _need_actor(actor: str) -> None:
    if not actor.strip():
        raise ValueError("the reviewer's name is needed for the audit log")
