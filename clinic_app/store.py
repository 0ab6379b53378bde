"""The local case store: SQLite (WAL) for records, plain image files for the captured fields.

A captured field is evidence, so the image reaches disk before anything else happens: it is written
to a temporary file in its final folder, fsynced, renamed into place, and the folder is fsynced;
only then is its row inserted. A crash can therefore leave a finished image without a row (never a
row without an image, nor half an image): ``recover()`` at start-up re-registers such files and
removes leftover temporary files. Layout::

    <data_dir>/cases.sqlite                   cases, fields, cells, audit (WAL, synchronous=FULL)
    <data_dir>/images/<case_id>/<uid>.<ext>   one file per field

``uid`` is a sortable UTC time stamp plus random hex, chosen before the row exists (the row id is
only known after the insert, which comes last). Camera frames are stored as lossless PNG; imported
files keep their original bytes and format (.jpg/.png/.tif/.bmp), so the stored sha256 matches the
file the lab imported and no JPEG is re-encoded. Writes happen at human pace, so every transaction
runs with ``synchronous=FULL`` (a committed review survives a power cut) at no visible cost.
The audit table is append-only (triggers) and a signed case is read-only until it is reopened.
One ``CaseStore`` may be shared by the UI and worker threads (one lock serialises its use); one
app instance per data folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import cv2
import numpy as np

from clinic_app.images import MIN_SIDE, decode_image, sniff_format
from clinic_app.results import (
    BBox,
    CaseInfo,
    CellResult,
    FieldClassification,
    FieldResult,
    QualityReport,
)

SCHEMA_VERSION = 1
DB_NAME = "cases.sqlite"
IMAGES_DIR = "images"
TMP_PREFIX = ".partial-"
STATUSES = ("open", "analysed", "signed")
CASE_COLUMNS = ("patient_id", "patient_name", "age", "sex", "sample_type", "operator", "notes")
_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "BMP": ".bmp"}

_SCHEMA_V1 = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY, patient_id TEXT NOT NULL DEFAULT '',
    patient_name TEXT NOT NULL DEFAULT '', age TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '', sample_type TEXT NOT NULL DEFAULT 'PB',
    operator TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'analysed', 'signed')),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '', signed_at TEXT NOT NULL DEFAULT '');
CREATE INDEX cases_patient ON cases (patient_id);
CREATE INDEX cases_created ON cases (created_at);
CREATE TABLE fields (
    id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases (id),
    image_path TEXT NOT NULL UNIQUE, source TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL,
    width INTEGER NOT NULL, height INTEGER NOT NULL, um_per_px REAL, captured_at TEXT NOT NULL,
    analysed INTEGER NOT NULL DEFAULT 0 CHECK (analysed IN (0, 1)), result_json TEXT);
CREATE INDEX fields_case ON fields (case_id);
CREATE TABLE cells (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    field_id INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
    x0 INTEGER NOT NULL, y0 INTEGER NOT NULL, x1 INTEGER NOT NULL, y1 INTEGER NOT NULL,
    model_label TEXT NOT NULL, label TEXT NOT NULL, scores_json TEXT NOT NULL,
    contour_json TEXT, reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)));
CREATE INDEX cells_field ON cells (field_id);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases (id), at TEXT NOT NULL,
    actor TEXT NOT NULL, action TEXT NOT NULL, detail_json TEXT NOT NULL DEFAULT '{}');
CREATE INDEX audit_case ON audit (case_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""
# cells.id is AUTOINCREMENT: re-analysis replaces cells, and an old id reused for a new cell
# would make the audit rows that name it ambiguous.
# Version n -> SQL that takes the schema from n - 1 to n. Add entries, never edit old ones.
MIGRATIONS: dict[int, str] = {1: _SCHEMA_V1}


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


class CaseStore:
    """Cases, their field images, results, reviews and audit trail in one data folder."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self.images_dir = self.data_dir / IMAGES_DIR
        self._lock = threading.RLock()
        try:
            self.images_dir.mkdir(parents=True, exist_ok=True)
            self._conn = _connect(self.data_dir / DB_NAME)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the case store in {self.data_dir}: {exc}") from exc
        try:
            _migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def open(cls, data_dir: Path | str) -> CaseStore:
        return cls(data_dir)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- cases -----------------------------------------------------------------------------

    def create_case(self, info: CaseInfo, actor: str = "") -> int:
        """A new open case; ``lab_name`` and ``logo_path`` are lab settings, not stored here."""
        now = utc_now()
        values = [getattr(info, c) for c in CASE_COLUMNS]
        with self._tx() as conn:
            cur = conn.execute(
                f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}, created_at, updated_at) "
                f"VALUES ({', '.join('?' * len(CASE_COLUMNS))}, ?, ?)", (*values, now, now))
            case_id = int(cur.lastrowid)
            _audit(conn, case_id, actor or info.operator, "case-created",
                   {"patient_id": info.patient_id})
        return case_id

    def update_case(self, case_id: int, info: CaseInfo, actor: str = "") -> None:
        """Change the header; the audit row keeps each old and new value."""
        with self._tx() as conn:
            old = self._case_row(conn, case_id)
            _require_unsigned(old)
            changes = {c: [old[c], getattr(info, c)] for c in CASE_COLUMNS
                       if old[c] != getattr(info, c)}
            if not changes:
                return
            sets = ", ".join(f"{c} = ?" for c in changes)
            conn.execute(f"UPDATE cases SET {sets}, updated_at = ? WHERE id = ?",
                         (*[new for _, new in changes.values()], utc_now(), case_id))
            _audit(conn, case_id, actor or info.operator, "case-updated", changes)

    def get_case(self, case_id: int) -> CaseRecord:
        with self._lock:
            return _case_record(self._case_row(self._conn, case_id))

    def search_cases(self, text: str = "", status: str | None = None,
                     date_from: str | None = None, date_to: str | None = None,
                     limit: int = 500) -> list[CaseRecord]:
        """Newest first. ``text`` matches patient id, name (any case) or a creation date prefix;
        dates are ``YYYY-MM-DD`` (UTC, inclusive)."""
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
        sql = (f"SELECT * FROM cases WHERE {' AND '.join(where)} "
               "ORDER BY created_at DESC, id DESC LIMIT ?")
        return [_case_record(r) for r in self._read(sql, (*params, limit))]

    def sign_case(self, case_id: int, reviewer: str) -> None:
        """Lock the case; the audit row holds a digest of what was signed."""
        if not reviewer.strip():
            raise ValueError("a reviewer name is needed to sign")
        with self._tx() as conn:
            row = self._case_row(conn, case_id)
            _require_unsigned(row)
            if row["status"] != "analysed":
                raise StoreError(f"case {case_id} cannot be signed: analyse every field first")
            now = utc_now()
            conn.execute("UPDATE cases SET status = 'signed', reviewer = ?, signed_at = ?, "
                         "updated_at = ? WHERE id = ?", (reviewer, now, now, case_id))
            _audit(conn, case_id, reviewer, "case-signed",
                   {"content_sha256": _case_digest(conn, case_id)})

    def reopen_case(self, case_id: int, actor: str, reason: str = "") -> None:
        """Unlock a signed case; the audit row keeps who had signed it, when, and why reopened."""
        if not actor.strip():
            raise ValueError("say who reopens the case")
        with self._tx() as conn:
            row = self._case_row(conn, case_id)
            if row["status"] != "signed":
                raise StoreError(f"case {case_id} is not signed")
            conn.execute("UPDATE cases SET status = 'open', reviewer = '', signed_at = '' "
                         "WHERE id = ?", (case_id,))
            _refresh_status(conn, case_id)
            _audit(conn, case_id, actor, "case-reopened", {
                "reason": reason, "signed_at": row["signed_at"], "reviewer": row["reviewer"]})

    # -- fields ----------------------------------------------------------------------------

    def add_field_image(self, case_id: int, rgb: np.ndarray | None = None,
                        data: bytes | None = None, source: str = "",
                        um_per_px: float | None = None, actor: str = "") -> int:
        """Save one field image durably, then register it; returns the field id.

        Give ``rgb`` (HxWx3 uint8, stored as PNG) or ``data`` (an encoded image, stored as is).
        On any failure nothing is left behind: no file, no row, and ``StoreError`` says why.
        """
        if um_per_px is not None and not um_per_px > 0:
            raise ValueError(f"um_per_px must be positive, got {um_per_px!r}")
        payload, ext, width, height = _encode(rgb, data, source)
        with self._lock:
            _require_unsigned(self._case_row(self._conn, case_id))
            final = self.images_dir / str(case_id) / f"{_new_uid()}{ext}"
            _write_durably(final, payload)
            try:
                digest = hashlib.sha256(payload).hexdigest()
                return self._insert_field(case_id, final, source, digest, (width, height),
                                          um_per_px, actor)
            except StoreError:
                _discard(final)
                raise

    def fields(self, case_id: int) -> list[FieldRecord]:
        """The case's fields in capture order, each with its stored result and cells."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM fields WHERE case_id = ? ORDER BY id",
                                      (case_id,)).fetchall()
            cells = self._conn.execute(
                "SELECT c.* FROM cells c JOIN fields f ON f.id = c.field_id "
                "WHERE f.case_id = ? ORDER BY c.id", (case_id,)).fetchall()
        by_field: dict[int, list[sqlite3.Row]] = {}
        for c in cells:
            by_field.setdefault(c["field_id"], []).append(c)
        return [self._field_record(r, by_field.get(r["id"], [])) for r in rows]

    def load_field_results(self, case_id: int) -> list[FieldResult]:
        """Analysed fields with the current (reviewed) labels; crops and heat maps are not kept."""
        return [f.result for f in self.fields(case_id) if f.result is not None]

    def save_field_result(self, field_id: int, result: FieldResult, actor: str = "") -> list[int]:
        """Store a field's analysis, replacing any earlier one; returns the new cell ids.

        The cells table is the one source of truth for labels, so ``result_json`` holds
        ``FieldResult.to_dict()`` without its ``cells``.
        """
        doc = result.to_dict()
        doc.pop("cells")
        with self._tx() as conn:
            case_id = self._case_of_field(conn, field_id)
            _require_unsigned(self._case_row(conn, case_id))
            old, reviewed = conn.execute("SELECT count(*), coalesce(sum(reviewed), 0) FROM cells "
                                         "WHERE field_id = ?", (field_id,)).fetchone()
            conn.execute("DELETE FROM cells WHERE field_id = ?", (field_id,))
            ids = [_insert_cell(conn, field_id, c) for c in result.cells]
            conn.execute("UPDATE fields SET analysed = 1, result_json = ? WHERE id = ?",
                         (json.dumps(doc), field_id))
            _refresh_status(conn, case_id)
            _audit(conn, case_id, actor or "analysis", "field-analysed", {
                "field_id": field_id, "cells": len(ids), "replaced_cells": old,
                "reviewed_discarded": reviewed})
        return ids

    def reclassify_cell(self, cell_id: int, new_label: str, actor: str) -> None:
        """The reviewer's label wins over the model's; both stay (cells and audit)."""
        if not new_label.strip() or not actor.strip():
            raise ValueError("a label and the reviewer's name are needed")
        with self._tx() as conn:
            row = conn.execute("SELECT c.label, c.model_label, c.field_id, f.case_id FROM cells c "
                               "JOIN fields f ON f.id = c.field_id WHERE c.id = ?",
                               (cell_id,)).fetchone()
            if row is None:
                raise StoreError(f"no cell {cell_id}")
            _require_unsigned(self._case_row(conn, row["case_id"]))
            conn.execute("UPDATE cells SET label = ?, reviewed = 1 WHERE id = ?",
                         (new_label, cell_id))
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?",
                         (utc_now(), row["case_id"]))
            action = "cell-confirmed" if new_label == row["label"] else "cell-reclassified"
            _audit(conn, row["case_id"], actor, action, {
                "cell_id": cell_id, "field_id": row["field_id"], "from": row["label"],
                "to": new_label, "model_label": row["model_label"]})

    # -- audit, checks, recovery -----------------------------------------------------------

    def audit_log(self, case_id: int) -> list[AuditEntry]:
        """Everything done to the case, oldest first (the table cannot be edited)."""
        rows = self._read("SELECT * FROM audit WHERE case_id = ? ORDER BY id", (case_id,))
        return [AuditEntry(r["id"], r["case_id"], r["at"], r["actor"], r["action"],
                           json.loads(r["detail_json"])) for r in rows]

    def integrity_check(self) -> str:
        """``"ok"``, or the problems SQLite's integrity and foreign-key checks found."""
        problems = [r[0] for r in self._read("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in self._read("PRAGMA foreign_key_check")]
        return "\n".join(problems) or "ok"

    def recover(self) -> RecoveryReport:
        """Start-up repair: register finished images that have no row, drop temporary files, and
        report rows whose image is gone. Never deletes a finished image."""
        report = RecoveryReport([], [], [], [])
        with self._lock:
            known = {r["image_path"] for r in self._read("SELECT image_path FROM fields")}
            for path in sorted(self.images_dir.glob("*/*")):
                if path.name.startswith(TMP_PREFIX):
                    _discard(path)
                    report.removed_temp.append(path)
                elif path.is_file() and self._relative(path) not in known:
                    self._register_orphan(path, report)
            for r in self._read("SELECT id, image_path FROM fields ORDER BY id"):
                if not (self.data_dir / r["image_path"]).is_file():
                    report.missing.append(r["id"])
        return report

    # -- internals -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE takes the write lock up front (no upgrades)."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.rollback()
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"database error: {exc}") from exc
                raise

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"database error: {exc}") from exc

    @staticmethod
    def _case_row(conn: sqlite3.Connection, case_id: int) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise StoreError(f"no case {case_id}")
        return row

    @staticmethod
    def _case_of_field(conn: sqlite3.Connection, field_id: int) -> int:
        row = conn.execute("SELECT case_id FROM fields WHERE id = ?", (field_id,)).fetchone()
        if row is None:
            raise StoreError(f"no field {field_id}")
        return int(row[0])

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.data_dir).as_posix()

    def _insert_field(self, case_id: int, path: Path, source: str, sha256: str,
                      size: tuple[int, int], um_per_px: float | None, actor: str,
                      action: str = "field-added", captured_at: str | None = None) -> int:
        rel = self._relative(path)
        with self._tx() as conn:
            if action == "field-added":  # recovery registers even into a signed case
                _require_unsigned(self._case_row(conn, case_id))
            cur = conn.execute(
                "INSERT INTO fields (case_id, image_path, source, sha256, width, height, "
                "um_per_px, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, rel, source, sha256, *size, um_per_px, captured_at or utc_now()))
            field_id = int(cur.lastrowid)
            _refresh_status(conn, case_id)
            _audit(conn, case_id, actor or "capture", action,
                   {"field_id": field_id, "image": rel, "sha256": sha256, "source": source})
        return field_id

    def _register_orphan(self, path: Path, report: RecoveryReport) -> None:
        """A crash came between the rename and the insert: the image is whole, add its row."""
        try:
            case_id = int(path.parent.name)
            data = path.read_bytes()
            rgb = decode_image(data, str(path))
            mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
            report.registered.append(self._insert_field(
                case_id, path, f"recovered:{path.name}", hashlib.sha256(data).hexdigest(),
                (rgb.shape[1], rgb.shape[0]), None, "recovery", "field-recovered",
                mtime.isoformat(timespec="milliseconds").replace("+00:00", "Z")))
        except (ValueError, OSError, StoreError) as exc:
            report.unregistered.append(f"{self._relative(path)}: {exc}")

    def _field_record(self, row: sqlite3.Row, cells: list[sqlite3.Row]) -> FieldRecord:
        result = None
        if row["result_json"]:
            result = _field_result(json.loads(row["result_json"]), [_cell(c) for c in cells])
        return FieldRecord(
            id=row["id"], case_id=row["case_id"], image_path=self.data_dir / row["image_path"],
            source=row["source"], sha256=row["sha256"], width=row["width"],
            height=row["height"], um_per_px=row["um_per_px"], captured_at=row["captured_at"],
            analysed=bool(row["analysed"]), result=result,
            cell_ids=tuple(c["id"] for c in cells))


# -- database helpers ----------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    conn.row_factory = sqlite3.Row
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        conn.close()
        raise StoreError(f"{path}: WAL journal not available (is the data folder on a network "
                         "share? keep it on a local disk)")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring an older database up to ``SCHEMA_VERSION``, one version per transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(f"the case store has schema version {version}; this app understands "
                         f"up to {SCHEMA_VERSION} (update the app)")
    for v in range(version + 1, SCHEMA_VERSION + 1):
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[v]}\nPRAGMA user_version = {v};"
                               "\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.rollback()
            raise StoreError(f"cannot upgrade the case store to version {v}: {exc}") from exc


def _audit(conn: sqlite3.Connection, case_id: int, actor: str, action: str, detail: dict) -> None:
    conn.execute("INSERT INTO audit (case_id, at, actor, action, detail_json) "
                 "VALUES (?, ?, ?, ?, ?)",
                 (case_id, utc_now(), actor, action, json.dumps(detail, sort_keys=True)))


def _refresh_status(conn: sqlite3.Connection, case_id: int) -> None:
    """'analysed' once every field (at least one) has a result, else 'open'; 'signed' stays."""
    n, done = conn.execute("SELECT count(*), coalesce(sum(analysed), 0) FROM fields "
                           "WHERE case_id = ?", (case_id,)).fetchone()
    status = "analysed" if n and n == done else "open"
    conn.execute("UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status != 'signed'",
                 (status, utc_now(), case_id))


def _require_unsigned(case_row: sqlite3.Row) -> None:
    if case_row["status"] == "signed":
        raise CaseSignedError(f"case {case_row['id']} is signed by {case_row['reviewer']}; "
                              "reopen it to make changes")


def _case_digest(conn: sqlite3.Connection, case_id: int) -> str:
    """sha256 over the images and final labels, so a later change to a signed case shows."""
    h = hashlib.sha256()
    for row in conn.execute(
            "SELECT f.id, f.sha256, f.result_json, c.id, c.label FROM fields f "
            "LEFT JOIN cells c ON c.field_id = f.id WHERE f.case_id = ? ORDER BY f.id, c.id",
            (case_id,)):
        h.update(json.dumps(list(row)).encode())
    return h.hexdigest()


def _case_record(row: sqlite3.Row) -> CaseRecord:
    return CaseRecord(**{c: row[c] for c in CASE_COLUMNS}, reviewer=row["reviewer"],
                      signed_at=row["signed_at"], id=row["id"], status=row["status"],
                      created_at=row["created_at"], updated_at=row["updated_at"])


def _insert_cell(conn: sqlite3.Connection, field_id: int, cell: CellResult) -> int:
    contour = None if cell.contour is None else json.dumps(np.asarray(cell.contour).tolist())
    cur = conn.execute(
        "INSERT INTO cells (field_id, x0, y0, x1, y1, model_label, label, scores_json, "
        "contour_json, reviewed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (field_id, *cell.bbox.as_list(), cell.model_label, cell.label,
         json.dumps({k: float(v) for k, v in cell.scores.items()}), contour, int(cell.reviewed)))
    return int(cur.lastrowid)


def _cell(row: sqlite3.Row) -> CellResult:
    contour = None
    if row["contour_json"] is not None:
        contour = np.asarray(json.loads(row["contour_json"]), dtype=np.int32).reshape(-1, 2)
    return CellResult(bbox=BBox(row["x0"], row["y0"], row["x1"], row["y1"]), label=row["label"],
                      scores=json.loads(row["scores_json"]), model_label=row["model_label"],
                      contour=contour, reviewed=bool(row["reviewed"]))


def _field_result(doc: dict, cells: list[CellResult]) -> FieldResult:
    """Rebuild from ``FieldResult.to_dict()`` (see ``save_field_result``)."""
    q = doc["quality"]
    quality = QualityReport(focus=q["focus"], clipped_dark=q["clipped_dark"],
                            clipped_bright=q["clipped_bright"], stain=q["stain"],
                            warnings=tuple(q["warnings"]), usable=q["usable"], reason=q["reason"])
    fc = doc.get("field")
    return FieldResult(
        path=doc["path"], width=doc["width"], height=doc["height"], um_per_px=doc["um_per_px"],
        scale_source=doc["scale_source"], quality=quality, cells=cells,
        field=FieldClassification(fc["label"], dict(fc["scores"])) if fc else None,
        field_note=doc.get("field_note", ""), overlay_path=doc.get("overlay"))


def _casefold(value: object) -> str:
    return "" if value is None else str(value).casefold()


def _int_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() else None


# -- image file helpers --------------------------------------------------------------------


def _encode(rgb: np.ndarray | None, data: bytes | None, source: str) -> tuple[bytes, str, int, int]:
    """Bytes to store, their extension, and the decoded width and height (checked first)."""
    if (rgb is None) == (data is None):
        raise ValueError("give exactly one of rgb or data")
    if data is not None:
        data = bytes(data)
        fmt = sniff_format(data[:16])
        decoded = decode_image(data, source or "imported image")  # ImageError unless fmt is known
        return data, _EXTENSIONS[str(fmt)], decoded.shape[1], decoded.shape[0]
    if not (isinstance(rgb, np.ndarray) and rgb.dtype == np.uint8 and rgb.ndim == 3
            and rgb.shape[2] == 3 and min(rgb.shape[:2]) >= MIN_SIDE):
        # The same limits as an imported file, so recover() can always re-read what was stored.
        raise ValueError(f"rgb must be an HxWx3 uint8 array at least {MIN_SIDE} px a side")
    ok, buf = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    if not ok:
        raise StoreError("could not encode the field as PNG")
    return buf.tobytes(), ".png", rgb.shape[1], rgb.shape[0]


def _new_uid() -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{uuid.uuid4().hex[:8]}"


def _write_durably(path: Path, payload: bytes) -> None:
    """Temp file in the same folder, fsync, atomic rename, fsync the folder; all or nothing."""
    tmp = path.with_name(TMP_PREFIX + path.name)
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True)
            _fsync_dir(path.parent.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o644)
        try:
            _write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        _discard(tmp)
        _discard(path)
        raise StoreError(_disk_message(exc, path.parent)) from exc


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


def _fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry durable; Windows cannot open folders (NTFS journals them)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    """Best-effort clean-up while another error is raised; recover() removes what is left."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _disk_message(exc: OSError, folder: Path) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"the disk is full: could not save the image in {folder}; free space and retry"
    return f"could not save the image in {folder}: {exc.strerror or exc}"
