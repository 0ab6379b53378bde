"""Exports of a stored case for lab systems: per-cell and summary CSV (``csv``), FHIR R4 JSON
(``fhir``) and HL7 v2.5.1 ORU^R01 (``hl7``). Files only: nothing goes on the network."""

from clinic_app.export.common import case_summary, export_basename
from clinic_app.export.csv import export_csv
from clinic_app.export.fhir import export_fhir, fhir_diagnostic_report
from clinic_app.export.hl7 import export_hl7, oru_r01, write_hl7

__all__ = ["case_summary", "export_basename", "export_csv", "export_fhir", "export_hl7",
           "fhir_diagnostic_report", "oru_r01", "write_hl7"]
