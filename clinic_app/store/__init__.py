"""The local case store (SQLite records + durable image files); see ``case_store`` for the why.

The public face is the store and the record types it hands out; the modules beside it
(``records``, ``schema``, ``audit``, ``files``) are its parts.
"""

from clinic_app.store.case_store import CaseStore
from clinic_app.store.records import (
    AuditEntry,
    CaseRecord,
    CaseSignedError,
    FieldRecord,
    RecoveryReport,
    StoreError,
    utc_now,
)

__all__ = ["AuditEntry", "CaseRecord", "CaseSignedError", "CaseStore", "FieldRecord",
           "RecoveryReport", "StoreError", "utc_now"]
