"""The case store's SQLite database: schema, migrations, and how a connection is opened.

The schema grows only by adding numbered migrations (``PRAGMA user_version`` says which ran), so
an old data folder is upgraded in place and a newer one is refused rather than misread. WAL and
``synchronous=FULL`` are required so that a committed review survives a power cut.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clinic_app.store.records import StoreError

SCHEMA_VERSION = 2
DB_NAME = "cases.sqlite"

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
# Version 2: the accession number and date of birth of a case; local user accounts (password as
# an scrypt hash, ``store.users``); signed reports archived once and never rewritten, each
# signing or amendment a new version (``store.archive``); each cell's crop and heat map as PNG,
# so after a restart the reviewer and the report see what was verified.
_SCHEMA_V2 = """
ALTER TABLE cases ADD COLUMN accession TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN birth_date TEXT NOT NULL DEFAULT '';
CREATE TABLE users (
    id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'technologist', password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), created_at TEXT NOT NULL);
CREATE TABLE signed_reports (
    id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases (id),
    version INTEGER NOT NULL, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
    signed_at TEXT NOT NULL, signed_by TEXT NOT NULL, UNIQUE (case_id, version));
CREATE TRIGGER signed_reports_no_update BEFORE UPDATE ON signed_reports
    BEGIN SELECT RAISE(ABORT, 'a signed report is never rewritten'); END;
CREATE TRIGGER signed_reports_no_delete BEFORE DELETE ON signed_reports
    BEGIN SELECT RAISE(ABORT, 'a signed report is never rewritten'); END;
CREATE TABLE cell_images (
    cell_id INTEGER PRIMARY KEY REFERENCES cells (id) ON DELETE CASCADE,
    crop_png BLOB, heat_png BLOB);
"""
# cells.id is AUTOINCREMENT: re-analysis replaces cells, and an old id reused for a new cell
# would make the audit rows that name it ambiguous.
# Version n -> SQL that takes the schema from n - 1 to n. Add entries, never edit old ones.
MIGRATIONS: dict[int, str] = {1: _SCHEMA_V1, 2: _SCHEMA_V2}


def connect(path: Path) -> sqlite3.Connection:
    """Open with WAL and synchronous=FULL (refused where WAL is not available) and
    ``casefold()`` in SQL, so search matches any letter case in any script."""
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


def migrate(conn: sqlite3.Connection) -> None:
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


def _casefold(value: object) -> str:
    """Python's casefold for SQL: SQLite's own lower() knows only ASCII."""
    return "" if value is None else str(value).casefold()
