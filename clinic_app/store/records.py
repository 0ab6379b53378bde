"""What the case store hands out, and how it is read from and written to SQLite rows.

Record types and errors of ``clinic_app.store`` (re-exported there), the row <-> object
conversions, and the look-ups and search filter that ``CaseStore`` builds its queries from.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from clinic_app.results import (
    BBox,
    CaseInfo,
    CellResult,
    FieldResult,
)
from clinic_app.store.cell_images import decode_crop, decode_heat, save_cell_images

STATUSES = ("open", "analysed", "signed")
CASE_COLUMNS = ("patient_id", "patient_name", "age", "sex", "sample_type", "operator", "notes",
                "accession", "birth_date")


class StoreError(RuntimeError):
    """The store could not do what was asked (disk, database, or a rule such as a signed case)."""


class CaseSignedError(StoreError):
    """The case is signed: reopen it (audited) before changing anything."""


@dataclass
class CaseRecord(CaseInfo):
    """A stored case: the ``CaseInfo`` header (so reports take it as is) plus its state."""

    id: int = 0
    status: str = "open"
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class FieldRecord:
    """A stored field; ``result`` and ``cell_ids`` (same order as its cells) once analysed."""

    id: int
    case_id: int
    image_path: Path
    source: str
    sha256: str
    width: int
    height: int
    um_per_px: float | None
    captured_at: str
    analysed: bool
    result: FieldResult | None = None
    cell_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AuditEntry:
    """One audit row, its detail decoded: what was done to a case, by whom and when."""

    id: int
    case_id: int
    at: str
    actor: str
    action: str
    detail: dict


@dataclass
class RecoveryReport:
    """What ``recover()`` found; ``missing`` and ``unregistered`` need a person's attention."""

    registered: list[int]
    removed_temp: list[Path]
    missing: list[int]
    unregistered: list[str]

    @property
    def clean(self) -> bool:
        return not (self.registered or self.removed_temp or self.missing or self.unregistered)


def utc_now() -> str:
    """ISO 8601 UTC with milliseconds and ``Z``: sorts as text, valid as a FHIR instant."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- rows <-> records ----------------------------------------------------------------------


def case_row(conn: sqlite3.Connection, case_id: int) -> sqlite3.Row:
    """The cases row, or ``StoreError`` naming the id (a stale id from the UI, say)."""
    row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise StoreError(f"no case {case_id}")
    return row


def case_of_field(conn: sqlite3.Connection, field_id: int) -> int:
    """The case a field belongs to, whose rules (signed or not) apply to the field."""
    row = conn.execute("SELECT case_id FROM fields WHERE id = ?", (field_id,)).fetchone()
    if row is None:
        raise StoreError(f"no field {field_id}")
    return int(row[0])


def case_record(row: sqlite3.Row) -> CaseRecord:
    """A cases row as the ``CaseRecord`` the UI, export and report read."""
    return CaseRecord(**{c: row[c] for c in CASE_COLUMNS}, reviewer=row["reviewer"],
                      signed_at=row["signed_at"], id=row["id"], status=row["status"],
                      created_at=row["created_at"], updated_at=row["updated_at"])


def field_record(data_dir: Path, row: sqlite3.Row, cells: list[sqlite3.Row]) -> FieldRecord:
    """A fields row and its cells rows as a ``FieldRecord``, the image path made absolute."""
    result = None
    if row["result_json"]:
        result = FieldResult.from_dict(json.loads(row["result_json"]), [_cell(c) for c in cells])
    return FieldRecord(
        id=row["id"], case_id=row["case_id"], image_path=data_dir / row["image_path"],
        source=row["source"], sha256=row["sha256"], width=row["width"],
        height=row["height"], um_per_px=row["um_per_px"], captured_at=row["captured_at"],
        analysed=bool(row["analysed"]), result=result,
        cell_ids=tuple(c["id"] for c in cells))


def insert_cell(conn: sqlite3.Connection, field_id: int, cell: CellResult) -> int:
    """Insert one cell (scores and contour as JSON); returns its new id."""
    contour = None if cell.contour is None else json.dumps(np.asarray(cell.contour).tolist())
    cur = conn.execute(
        "INSERT INTO cells (field_id, x0, y0, x1, y1, model_label, label, scores_json, "
        "contour_json, reviewed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (field_id, *cell.bbox.as_list(), cell.model_label, cell.label,
         json.dumps({k: float(v) for k, v in cell.scores.items()}), contour, int(cell.reviewed)))
    save_cell_images(conn, int(cur.lastrowid), cell)
    return int(cur.lastrowid)


def _cell(row: sqlite3.Row) -> CellResult:
    """A cells row back as a ``CellResult``, with the current (reviewed) label."""
    contour = None
    if row["contour_json"] is not None:
        contour = np.asarray(json.loads(row["contour_json"]), dtype=np.int32).reshape(-1, 2)
    keys = row.keys()
    crop = decode_crop(row["crop_png"]) if "crop_png" in keys else None
    heat = decode_heat(row["heat_png"]) if "heat_png" in keys else None
    return CellResult(bbox=BBox(row["x0"], row["y0"], row["x1"], row["y1"]), label=row["label"],
                      scores=json.loads(row["scores_json"]), model_label=row["model_label"],
                      contour=contour, reviewed=bool(row["reviewed"]), crop=crop, heatmap=heat)


def search_filter(text: str, status: str | None, date_from: str | None,
                   date_to: str | None) -> tuple[list[str], list]:
    """WHERE terms and their parameters for ``CaseStore.search_cases`` (see there)."""
    where, params = ["1"], []
    if text.strip():
        needle = text.strip().casefold()
        where.append("(instr(casefold(patient_id), ?) OR instr(casefold(patient_name), ?)"
                     " OR created_at LIKE ? OR id = ?)")
        params += [needle, needle, needle.replace("%", "") + "%", _int_or_none(needle)]
    if status is not None:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {status!r}")
        where.append("status = ?")
        params.append(status)
    if date_from:
        where.append("substr(created_at, 1, 10) >= ?")
        params.append(date_from[:10])
    if date_to:
        where.append("substr(created_at, 1, 10) <= ?")
        params.append(date_to[:10])
    return where, params


def _int_or_none(text: str) -> int | None:
    """The search text as a case id when it is all digits, so typing an id finds the case."""
    return int(text) if text.isdigit() else None
