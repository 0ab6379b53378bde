"""What every export of a stored case shares: the summary of its reviewed labels, the case's
names for a lab system (original file names, case number) and default export file names."""

from __future__ import annotations

import re
from datetime import date

from clinic_app.age import age_months, parse_date
from clinic_app.modelpack import malignant_threshold
from clinic_app.results import CaseInfo, SampleSummary
from clinic_app.store import CaseStore, FieldRecord
from clinic_app.store.review import reviewed_fields
from clinic_app.summary import summarize

_UNSAFE = re.compile(r"[^\w.-]+")


def case_summary(store: CaseStore, case_id: int, target: int = 100) -> SampleSummary:
    """The summary of the stored (reviewed) labels and field decisions (deleted fields out,
    excluded ones not counted), as the report computes it, for the patient's age on the day
    the case was created."""
    case = store.get_case(case_id)
    results = [r.result for r in reviewed_fields(store, case_id) if r.result is not None]
    return summarize(results, target, malignant_threshold(), age_months=case_age_months(case))


def case_age_months(case: CaseInfo) -> int | None:
    """Age in months on the day of the case (its creation), else today."""
    on = parse_date(getattr(case, "created_at", "") or "") or date.today()
    return age_months(case.birth_date, case.age, on)


def case_number(case: CaseInfo) -> str:
    """The lab's accession number, else ``case-<id>`` for a stored case, else ""."""
    if case.accession:
        return case.accession
    case_id = getattr(case, "id", 0)
    return f"case-{case_id}" if case_id else ""


def original_name(source: str, fallback: str = "") -> str:
    """The file name the lab imported (Windows or POSIX path), never the store's own name."""
    name = re.split(r"[\\/]", source or "")[-1]
    return name or fallback


def field_name(rec: FieldRecord) -> str:
    return original_name(rec.source, f"field-{rec.id}")


def export_basename(case: CaseInfo, kind: str) -> str:
    """A default export file name that says whose and which case it is, safe on every file
    system: ``<patient id>_<case number>_<kind>`` (e.g. ``P-0042_case-7_summary``)."""
    parts = [case.patient_id or "no-patient-id", case_number(case) or "no-case", kind]
    return "_".join(_UNSAFE.sub("-", p).strip("-.")[:60] or "x" for p in parts)


def all_result(summary: SampleSummary) -> str:
    """The ALL screen in words, as the report's headline puts it."""
    codes = {f.code for f in summary.flags}
    if "ALL_SUSPECTED" in codes:
        named = getattr(summary, "subtype_named", None)
        return "ALL suspected" + (f" ({named})" if named else " (subtype undetermined)")
    if blast_count(summary):
        return "blasts seen"
    if summary.subtype_label is None:
        return "not applicable"
    return "no ALL pattern"


def blast_count(summary: SampleSummary) -> int:
    """``blast_count`` where the summary has it, else ``blast_cells`` (cells labelled blast)."""
    count = getattr(summary, "blast_count", None)
    return int(getattr(summary, "blast_cells", 0) or 0) if count is None else int(count)
