"""The audit trail and the case rules it records: every change is an append-only row, a
signed case is read-only until reopened, and signing stores a digest of what was signed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from clinic_app.store.records import CaseSignedError, utc_now


def audit(conn: sqlite3.Connection, case_id: int, actor: str, action: str, detail: dict) -> None:
    """Append one audit row inside the caller's transaction, so it commits with the change."""
    conn.execute("INSERT INTO audit (case_id, at, actor, action, detail_json) "
                 "VALUES (?, ?, ?, ?, ?)",
                 (case_id, utc_now(), actor, action, json.dumps(detail, sort_keys=True)))


def refresh_status(conn: sqlite3.Connection, case_id: int) -> None:
    """'analysed' once every field (at least one) has a result, else 'open'; 'signed' stays."""
    n, done = conn.execute("SELECT count(*), coalesce(sum(analysed), 0) FROM fields "
                           "WHERE case_id = ?", (case_id,)).fetchone()
    status = "analysed" if n and n == done else "open"
    conn.execute("UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status != 'signed'",
                 (status, utc_now(), case_id))


def require_unsigned(case_row: sqlite3.Row) -> None:
    """Refuse changes to a signed case: what was signed must stay what it was."""
    if case_row["status"] == "signed":
        raise CaseSignedError(f"case {case_row['id']} is signed by {case_row['reviewer']}; "
                              "reopen it to make changes")


def case_digest(conn: sqlite3.Connection, case_id: int) -> str:
    """sha256 over the images and final labels, so a later change to a signed case shows."""
    h = hashlib.sha256()
    for row in conn.execute(
            "SELECT f.id, f.sha256, f.result_json, c.id, c.label FROM fields f "
            "LEFT JOIN cells c ON c.field_id = f.id WHERE f.case_id = ? ORDER BY f.id, c.id",
            (case_id,)):
        h.update(json.dumps(list(row)).encode())
    return h.hexdigest()
