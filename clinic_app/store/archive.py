"""Frozen sign-off: the PDF that was signed is archived once, with its sha256 in the audit log,
and is never rewritten.

Signing renders the report with the signer and the signing time already in it, writes it
durably under ``reports/signed/case-<id>/``, then in one transaction marks the case signed,
records the file (table ``signed_reports``, whose rows cannot be updated or deleted) and appends
the audit row with the content digest and the PDF's sha256. A failure leaves the case unsigned
and removes the file. Reopening a signed case (``CaseStore.reopen_case``, audited) and signing
again makes an amendment: version 2, 3, ... beside the earlier ones, all kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from clinic_app.store.audit import audit, case_digest, require_unsigned
from clinic_app.store.case_store import CaseStore
from clinic_app.store.files import discard, write_durably
from clinic_app.store.records import CaseRecord, StoreError, case_record, case_row, utc_now
from clinic_app.store.users import User

SIGNED_DIR = Path("reports") / "signed"
# Writes the PDF of the case (reviewer and signed_at filled in) to the given path.
Render = Callable[[CaseRecord, Path], object]


@dataclass(frozen=True)
class SignedReport:
    case_id: int
    version: int
    path: Path
    sha256: str
    signed_at: str
    signed_by: str

    @property
    def amendment(self) -> bool:
        return self.version > 1

    def intact(self) -> bool:
        """The archived file is still the one that was signed."""
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest() == self.sha256
        except OSError:
            return False


def sign_with_report(store: CaseStore, case_id: int, user: User, render: Render,
                     meaning: str = "reviewed and approved") -> SignedReport:
    """Sign the case as the authenticated ``user`` and archive the PDF ``render`` writes."""
    with store._lock:  # noqa: SLF001 - this module extends the store; one signer at a time
        row = case_row(store._conn, case_id)  # noqa: SLF001
        require_unsigned(row)
        if row["status"] != "analysed":
            raise StoreError(f"case {case_id} cannot be signed: analyse every field first")
        version = 1 + len(signed_reports(store, case_id))
        signed_at = utc_now()
        case = replace(case_record(row), reviewer=user.actor, signed_at=signed_at,
                       status="signed")
        folder = store.data_dir / SIGNED_DIR / f"case-{case_id}"
        folder.mkdir(parents=True, exist_ok=True)
        draft = folder / f".v{version}-draft.pdf"
        try:
            render(case, draft)
            data = draft.read_bytes()
        finally:
            discard(draft)
        digest = hashlib.sha256(data).hexdigest()
        final = folder / f"v{version}-{digest[:12]}.pdf"
        if final.exists():
            raise StoreError(f"{final} exists: a signed report is never rewritten")
        write_durably(final, data)
        try:
            _record(store, case_id, user, version, final, digest, signed_at, meaning)
        except BaseException:
            discard(final)
            raise
    return SignedReport(case_id, version, final, digest, signed_at, user.actor)


def _record(store: CaseStore, case_id: int, user: User, version: int, path: Path, digest: str,
            signed_at: str, meaning: str) -> None:
    rel = path.relative_to(store.data_dir).as_posix()
    with store._tx() as conn:  # noqa: SLF001
        conn.execute("UPDATE cases SET status = 'signed', reviewer = ?, signed_at = ?, "
                     "updated_at = ? WHERE id = ?", (user.actor, signed_at, signed_at, case_id))
        conn.execute("INSERT INTO signed_reports (case_id, version, path, sha256, signed_at, "
                     "signed_by) VALUES (?, ?, ?, ?, ?, ?)",
                     (case_id, version, rel, digest, signed_at, user.actor))
        audit(conn, case_id, user.actor, "case-signed" if version == 1 else "case-amended", {
            "content_sha256": case_digest(conn, case_id), "report_sha256": digest,
            "report": rel, "version": version, "user_id": user.id, "meaning": meaning})


def signed_reports(store: CaseStore, case_id: int) -> list[SignedReport]:
    """Every archived version of the case's signed report, oldest first."""
    rows = store._read("SELECT * FROM signed_reports WHERE case_id = ? ORDER BY version",  # noqa: SLF001
                       (case_id,))
    return [SignedReport(r["case_id"], r["version"], store.data_dir / r["path"], r["sha256"],
                         r["signed_at"], r["signed_by"]) for r in rows]


def current_signed_report(store: CaseStore, case_id: int) -> SignedReport | None:
    """The archived PDF of a signed case (its latest version); None while it is not signed."""
    if store.get_case(case_id).status != "signed":
        return None
    reports = signed_reports(store, case_id)
    return reports[-1] if reports else None
