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

Parts beside it in this package: ``records`` (record types, errors, rows), ``schema`` (tables,
migrations, connection), ``audit`` (audit, signing rules), ``files`` (image files).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from clinic_app.fileio import TMP_PREFIX
from clinic_app.images import decode_image
from clinic_app.results import CaseInfo, FieldResult
from clinic_app.store import integrity
from clinic_app.store.audit import audit, case_digest, refresh_status, require_unsigned
from clinic_app.store.files import (
    IMAGES_DIR,
    discard,
    encode,
    new_uid,
    write_durably,
)
from clinic_app.store.records import (
    CASE_COLUMNS,
    AuditEntry,
    CaseRecord,
    FieldRecord,
    RecoveryReport,
    StoreError,
    case_of_field,
    case_record,
    case_row,
    field_record,
    insert_cell,
    search_filter,
    utc_now,
)
from clinic_app.store.schema import DB_NAME, SCHEMA_VERSION, connect, migrate


class CaseStore:
    """Cases, their field images, results, reviews and audit trail in one data folder."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self.images_dir = self.data_dir / IMAGES_DIR
        self._lock = threading.RLock()
        # Read-only (``damage`` says why): a damaged file or a folder that cannot be written is
        # opened for viewing, and every write raises StoreError (store/integrity.py).
        self.read_only, self.damage = False, ""
        try:
            self.images_dir.mkdir(parents=True, exist_ok=True)
            self._conn = connect(self.data_dir / DB_NAME)
        except (OSError, sqlite3.Error, StoreError) as exc:
            self._open_for_viewing(exc)
            return
        problem = integrity.quick_check(self._conn)
        if problem != "ok":
            self._conn.close()
            self._open_for_viewing(StoreError(problem), damaged=True)
            return
        try:
            if 0 < self._conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                integrity.backup(self._conn, self.data_dir, "before-migration")
            migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise
        integrity.backup_if_due(self._conn, self.data_dir)

    def _open_for_viewing(self, exc: Exception, damaged: bool = False) -> None:
        """Open the existing database read-only, or raise StoreError when there is none."""
        db = self.data_dir / DB_NAME
        if not db.is_file():
            raise StoreError(f"cannot open the case store in {self.data_dir}: {exc}") from exc
        self._conn = integrity.open_read_only(db)
        problem = integrity.quick_check(self._conn)
        self.read_only = True
        if damaged or problem != "ok":
            self.damage = (f"the case store is damaged ({problem if problem != 'ok' else exc}); "
                           f"it is open read-only. Restore a backup: "
                           f"{integrity.restore_hint(self.data_dir)}")
        else:
            self.damage = f"the data folder cannot be written ({exc}); open read-only"

    def backup(self, reason: str = "manual") -> Path:
        """A backup now (SQLite backup API), into ``<data_dir>/backups``."""
        with self._lock:
            return integrity.backup(self._conn, self.data_dir, reason)

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
            audit(conn, case_id, actor or info.operator, "case-created",
                   {"patient_id": info.patient_id})
        return case_id

    def update_case(self, case_id: int, info: CaseInfo, actor: str = "") -> None:
        """Change the header; the audit row keeps each old and new value."""
        with self._tx() as conn:
            old = case_row(conn, case_id)
            require_unsigned(old)
            changes = {c: [old[c], getattr(info, c)] for c in CASE_COLUMNS
                       if old[c] != getattr(info, c)}
            if not changes:
                return
            sets = ", ".join(f"{c} = ?" for c in changes)
            conn.execute(f"UPDATE cases SET {sets}, updated_at = ? WHERE id = ?",
                         (*[new for _, new in changes.values()], utc_now(), case_id))
            audit(conn, case_id, actor or info.operator, "case-updated", changes)

    def get_case(self, case_id: int) -> CaseRecord:
        with self._lock:
            return case_record(case_row(self._conn, case_id))

    def search_cases(self, text: str = "", status: str | None = None,
                     date_from: str | None = None, date_to: str | None = None,
                     limit: int = 500) -> list[CaseRecord]:
        """Newest first. ``text`` matches patient id, name (any case) or a creation date prefix;
        dates are ``YYYY-MM-DD`` (UTC, inclusive)."""
        where, params = search_filter(text, status, date_from, date_to)
        sql = (f"SELECT * FROM cases WHERE {' AND '.join(where)} "
               "ORDER BY created_at DESC, id DESC LIMIT ?")
        return [case_record(r) for r in self._read(sql, (*params, limit))]

    def sign_case(self, case_id: int, reviewer: str) -> None:
        """Lock the case; the audit row holds a digest of what was signed."""
        if not reviewer.strip():
            raise ValueError("a reviewer name is needed to sign")
        with self._tx() as conn:
            row = case_row(conn, case_id)
            require_unsigned(row)
            if row["status"] != "analysed":
                raise StoreError(f"case {case_id} cannot be signed: analyse every field first")
            now = utc_now()
            conn.execute("UPDATE cases SET status = 'signed', reviewer = ?, signed_at = ?, "
                         "updated_at = ? WHERE id = ?", (reviewer, now, now, case_id))
            audit(conn, case_id, reviewer, "case-signed",
                   {"content_sha256": case_digest(conn, case_id)})

    def reopen_case(self, case_id: int, actor: str, reason: str = "") -> None:
        """Unlock a signed case; the audit row keeps who had signed it, when, and why reopened."""
        if not actor.strip():
            raise ValueError("say who reopens the case")
        with self._tx() as conn:
            row = case_row(conn, case_id)
            if row["status"] != "signed":
                raise StoreError(f"case {case_id} is not signed")
            conn.execute("UPDATE cases SET status = 'open', reviewer = '', signed_at = '' "
                         "WHERE id = ?", (case_id,))
            refresh_status(conn, case_id)
            audit(conn, case_id, actor, "case-reopened", {
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
        payload, ext, width, height = encode(rgb, data, source)
        with self._lock:
            require_unsigned(case_row(self._conn, case_id))
            final = self.images_dir / str(case_id) / f"{new_uid()}{ext}"
            write_durably(final, payload)
            try:
                digest = hashlib.sha256(payload).hexdigest()
                return self._insert_field(case_id, final, source, digest, (width, height),
                                          um_per_px, actor)
            except StoreError:
                discard(final)
                raise

    def fields(self, case_id: int) -> list[FieldRecord]:
        """The case's fields in capture order, each with its stored result and cells."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM fields WHERE case_id = ? ORDER BY id",
                                      (case_id,)).fetchall()
            cells = self._conn.execute(
                "SELECT c.*, i.crop_png, i.heat_png FROM cells c "
                "JOIN fields f ON f.id = c.field_id LEFT JOIN cell_images i ON i.cell_id = c.id "
                "WHERE f.case_id = ? ORDER BY c.id", (case_id,)).fetchall()
        by_field: dict[int, list[sqlite3.Row]] = {}
        for c in cells:
            by_field.setdefault(c["field_id"], []).append(c)
        return [field_record(self.data_dir, r, by_field.get(r["id"], [])) for r in rows]

    def load_field_results(self, case_id: int) -> list[FieldResult]:
        """Analysed fields with the current (reviewed) labels, crops and heat maps."""
        return [f.result for f in self.fields(case_id) if f.result is not None]

    def save_field_result(self, field_id: int, result: FieldResult, actor: str = "") -> list[int]:
        """Store a field's analysis, replacing any earlier one; returns the new cell ids.

        The cells table is the one source of truth for labels, so ``result_json`` holds
        ``FieldResult.to_dict()`` without its ``cells``.
        """
        doc = result.to_dict()
        doc.pop("cells")
        with self._tx() as conn:
            case_id = case_of_field(conn, field_id)
            require_unsigned(case_row(conn, case_id))
            old, reviewed = conn.execute("SELECT count(*), coalesce(sum(reviewed), 0) FROM cells "
                                         "WHERE field_id = ?", (field_id,)).fetchone()
            conn.execute("DELETE FROM cells WHERE field_id = ?", (field_id,))
            ids = [insert_cell(conn, field_id, c) for c in result.cells]
            conn.execute("UPDATE fields SET analysed = 1, result_json = ? WHERE id = ?",
                         (json.dumps(doc), field_id))
            refresh_status(conn, case_id)
            audit(conn, case_id, actor or "analysis", "field-analysed", {
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
            require_unsigned(case_row(conn, row["case_id"]))
            conn.execute("UPDATE cells SET label = ?, reviewed = 1 WHERE id = ?",
                         (new_label, cell_id))
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?",
                         (utc_now(), row["case_id"]))
            action = "cell-confirmed" if new_label == row["label"] else "cell-reclassified"
            audit(conn, row["case_id"], actor, action, {
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
        if self.read_only:  # nothing may be written; the banner says why
            return report
        with self._lock:
            known = {r["image_path"] for r in self._read("SELECT image_path FROM fields")}
            for path in sorted(self.images_dir.glob("*/*")):
                if path.name.startswith(TMP_PREFIX):
                    discard(path)
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
        if self.read_only:
            raise StoreError(self.damage)
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

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.data_dir).as_posix()

    def _insert_field(self, case_id: int, path: Path, source: str, sha256: str,
                      size: tuple[int, int], um_per_px: float | None, actor: str,
                      action: str = "field-added", captured_at: str | None = None) -> int:
        rel = self._relative(path)
        with self._tx() as conn:
            if action == "field-added":  # recovery registers even into a signed case
                require_unsigned(case_row(conn, case_id))
            cur = conn.execute(
                "INSERT INTO fields (case_id, image_path, source, sha256, width, height, "
                "um_per_px, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, rel, source, sha256, *size, um_per_px, captured_at or utc_now()))
            field_id = int(cur.lastrowid)
            refresh_status(conn, case_id)
            audit(conn, case_id, actor or "capture", action,
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
