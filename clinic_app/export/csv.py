"""Per-cell and summary CSV exports of a stored case.

CSVs are UTF-8 with a BOM (Excel then shows accented names correctly) and text cells that start
like a formula get a leading apostrophe (OWASP "CSV injection"): these files are opened in
spreadsheets. "Start" ignores leading whitespace and line breaks (a spreadsheet trims them before
it reads "=") and counts the full-width ＝ ＋ － ＠ that some spreadsheets read as formula signs.

The per-cell CSV names each field by the file the lab imported (not the store's internal path),
with its sha256; the summary CSV has one row per class, each carrying the case (patient, case
number, status), the ALL result, the blast count and %, the flags and the fields' file names, so
a lab system can import it row by row. Written with ``fileio.atomic_write`` (durable): a lab
system polling the folder never reads half a file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from clinic_app.export.common import (
    all_result,
    blast_count,
    case_number,
    case_summary,
    field_name,
)
from clinic_app.fileio import atomic_write
from clinic_app.results import CaseInfo, SampleSummary
from clinic_app.store import CaseStore
from clinic_app.store.review import reviewed_fields

CELL_COLUMNS = ("case_id", "case_number", "patient_id", "field_id", "field_file", "field_sha256",
                "field_usable", "cell_id", "x0", "y0", "x1", "y1", "model_label", "label",
                "confidence", "reviewed")
SUMMARY_COLUMNS = ("case_id", "case_number", "patient_id", "patient_name", "status",
                   "all_result", "blast_count", "blast_percent", "flags", "class", "count",
                   "percent_wbc", "per_100_wbc", "field_files")
# ASCII and full-width (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠) formula signs.
_FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_CONTROL_START = ("\t", "\r", "\n")


# -- CSV -----------------------------------------------------------------------------------


def cell_rows(store: CaseStore, case_id: int) -> list[dict]:
    """One row per stored cell, with the model's and the final (reviewed) label."""
    case = store.get_case(case_id)
    rows = []
    for rec in reviewed_fields(store, case_id):
        if rec.result is None:
            continue
        for cell_id, cell in zip(rec.cell_ids, rec.result.cells, strict=True):
            rows.append({
                "case_id": case_id, "case_number": case_number(case),
                "patient_id": case.patient_id, "field_id": rec.id, "field_file": field_name(rec),
                "field_sha256": rec.sha256, "field_usable": int(rec.result.quality.usable),
                "cell_id": cell_id, **dict(zip(("x0", "y0", "x1", "y1"), cell.bbox.as_list(),
                                               strict=True)),
                "model_label": cell.model_label, "label": cell.label,
                "confidence": round(cell.confidence, 4), "reviewed": int(cell.reviewed)})
    return rows


def summary_rows(summary: SampleSummary, case: CaseInfo | None = None,
                 field_files: list[str] | None = None) -> list[dict]:
    """One row per class (count, % of white cells or per 100 WBC for NRBC), each with the
    case-level columns, so every row stands on its own in a lab system."""
    case = case or CaseInfo()
    pct = summary.blast_percent
    head = {"case_id": getattr(case, "id", "") or "", "case_number": case_number(case),
            "patient_id": case.patient_id, "patient_name": case.patient_name,
            "status": "final" if case.signed_at else "preliminary",
            "all_result": all_result(summary), "blast_count": blast_count(summary),
            "blast_percent": "" if pct is None else round(pct, 2),
            "flags": "; ".join(f.code for f in summary.flags),
            "field_files": "; ".join(field_files or [])}
    total = summary.cells_counted
    rows = []
    for name, count in summary.counts.items():
        in_diff = name in summary.percentages
        rows.append({**head, "class": name, "count": count,
                     "percent_wbc": round(summary.percentages[name], 2) if in_diff else "",
                     "per_100_wbc": round(100.0 * count / total, 2)
                     if name == "erythroblast" and total else ""})
    return rows or [{**head, "class": "", "count": 0, "percent_wbc": "", "per_100_wbc": ""}]


def export_csv(store: CaseStore, case_id: int, path: Path | str,
               summary_path: Path | str | None = None) -> Path:
    """Write the per-cell CSV, and the summary CSV too when ``summary_path`` is given."""
    path = Path(path)
    write_csv(path, CELL_COLUMNS, cell_rows(store, case_id))
    if summary_path is not None:
        case = store.get_case(case_id)
        files = [field_name(r) for r in reviewed_fields(store, case_id) if r.result is not None]
        write_summary_csv(case_summary(store, case_id), summary_path, case, files)
    return path


def write_summary_csv(summary: SampleSummary, path: Path | str, case: CaseInfo | None = None,
                      field_files: list[str] | None = None) -> Path:
    return write_csv(Path(path), SUMMARY_COLUMNS, summary_rows(summary, case, field_files))


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict]) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _safe_cell(v) for k, v in row.items()} for row in rows)
    return atomic_write(path, "\ufeff" + buf.getvalue(), durable=True)


def _safe_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula, defused with a leading apostrophe."""
    if isinstance(value, str) and (value.startswith(_CONTROL_START)
                                   or value.lstrip().startswith(_FORMULA_START)):
        return "'" + value
    return value
