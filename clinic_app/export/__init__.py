"""Exports of a stored case for lab systems: per-cell and summary CSV (``csv``), FHIR R4 JSON
(``fhir``); HL7 v2 will sit beside them. Files only: nothing goes on the network."""

from clinic_app.export.common import case_summary
from clinic_app.export.csv import export_csv
from clinic_app.export.fhir import export_fhir, fhir_diagnostic_report

__all__ = ["case_summary", "export_csv", "export_fhir", "fhir_diagnostic_report"]
