"""Per-cell and summary CSV exports of a stored case.

CSVs are UTF-8 with a BOM (Excel then shows accented names correctly) and text cells that start
like a formula get a leading apostrophe (OWASP "CSV injection"): these files are opened in
spreadsheets. Written with ``fileio.atomic_write`` (durable): a lab system polling the folder never
reads half a file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from clinic_app.export.common import case_summary
from clinic_app.fileio import atomic_write
from clinic_app.results import SampleSummary
from clinic_app.store import CaseStore
from clinic_app.summary import NOT_WHITE_CELLS

CELL_COLUMNS = ("case_id", "patient_id", "field_id", "field_file", "field_usable", "cell_id",
                "x0", "y0", "x1", "y1", "model_label", "label", "confidence", "reviewed")
SUMMARY_COLUMNS = ("class", "count", "percent")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# -- CSV -----------------------------------------------------------------------------------


def cell_rows(store: CaseStore, case_id: int) -> list[dict]:
    """One row per stored cell, with the model's and the final (reviewed) label."""
    case = store.get_case(case_id)
    rows = []
    for rec in store.fields(case_id):
        if rec.result is None:
            continue
        rel = rec.image_path.relative_to(store.data_dir).as_posix()
        for cell_id, cell in zip(rec.cell_ids, rec.result.cells, strict=True):
            rows.append({
                "case_id": case_id, "patient_id": case.patient_id, "field_id": rec.id,
                "field_file": rel, "field_usable": int(rec.result.quality.usable),
                "cell_id": cell_id, **dict(zip(("x0", "y0", "x1", "y1"), cell.bbox.as_list(),
                                               strict=True)),
                "model_label": cell.model_label, "label": cell.label,
                "confidence": round(cell.confidence, 4), "reviewed": int(cell.reviewed)})
    return rows


def summary_rows(summary: SampleSummary) -> list[dict]:
    """Class, count and percent of white cells (blank for classes that are not white cells)."""
    return [{"class": name, "count": count,
             "percent": "" if name in NOT_WHITE_CELLS else round(summary.percentages[name], 2)}
            for name, count in summary.counts.items()]

def export_csv(store: CaseStore, case_id: int, path: Path | str,
               summary_path: Path | str | None = None) -> Path:
    """Write the per-cell CSV, and the summary CSV too when ``summary_path`` is given."""
    path = Path(path)
    write_csv(path, CELL_COLUMNS, cell_rows(store, case_id))
    if summary_path is not None:
        write_summary_csv(case_summary(store, case_id), summary_path)
    return path


def write_summary_csv(summary: SampleSummary, path: Path | str) -> Path:
    return write_csv(Path(path), SUMMARY_COLUMNS, summary_rows(summary))


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict]) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _safe_cell(v) for k, v in row.items()} for row in rows)
    return atomic_write(path, "\ufeff" + buf.getvalue(), durable=True)


def _safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
