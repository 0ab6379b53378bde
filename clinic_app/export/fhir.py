"""FHIR R4 JSON export: a ``DiagnosticReport`` with one contained ``Observation`` per class.

Text written to a file the user picks (``fileio.atomic_write``, durable); nothing goes on the
network.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from clinic_app.export.common import blast_count, case_number, case_summary
from clinic_app.fileio import atomic_write
from clinic_app.results import CaseInfo, SampleSummary
from clinic_app.store import CaseRecord, CaseStore, utc_now
from clinic_app.summary import MIN_CELLS_FOR_PERCENT, REFERENCE_RANGES

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
# This app's own codes (cell classes, the ALL screen). A lab mapping them to its catalogue should
# replace these URIs with its own.
CELL_CLASS_SYSTEM = "urn:clinic-app:cell-class"
ALL_SYSTEM = "urn:clinic-app:all-screen"
FLAG_SYSTEM = "urn:clinic-app:flag"

# 24318-8 "Manual Differential panel - Blood", not 57021-8 "CBC W Auto Differential panel": the
# app classifies cells one by one on a stained smear and a technologist reviews every call, which
# is what a manual differential is; it measures no CBC (no WBC, Hb or platelet concentration),
# and "Auto differential" in LOINC means a haematology analyser's count.
REPORT_CODE = {"system": LOINC, "code": "24318-8", "display": "Manual Differential panel - Blood"}
# Members of that panel: "<cell>/100 leukocytes in Blood" with no method, because a reviewed
# digital-morphology count is neither an analyser's "Automated count" nor strictly "Manual
# count". Classes without a clearly matching code (erythroblast, unidentified) carry only the
# app's own code.
CLASS_LOINC = {
    "neutrophil": ("26511-6", "Neutrophils/100 leukocytes in Blood"),
    "lymphocyte": ("26478-8", "Lymphocytes/100 leukocytes in Blood"),
    "monocyte": ("26485-3", "Monocytes/100 leukocytes in Blood"),
    "eosinophil": ("26450-7", "Eosinophils/100 leukocytes in Blood"),
    "basophil": ("30180-4", "Basophils/100 leukocytes in Blood"),
    "ig": ("38518-7", "Immature granulocytes/100 leukocytes in Blood"),
    "blast": ("26446-3", "Blasts/100 leukocytes in Blood"),
}
def fhir_diagnostic_report(case: CaseInfo, summary: SampleSummary, *,
                           effective: str | None = None, issued: str | None = None,
                           patient_system: str | None = None) -> dict:
    """A FHIR R4 ``DiagnosticReport`` with one contained ``Observation`` per class percentage
    and one for the ALL screen. ``final`` once the case is signed, else ``preliminary``.

    ``effective`` is when the smear was examined (default: the case's creation time); a
    ``CaseRecord`` supplies the id and times, a bare ``CaseInfo`` works too.
    """
    status = "final" if case.signed_at else "preliminary"
    record = case if isinstance(case, CaseRecord) else None
    effective = effective or (record.created_at if record else "") or utc_now()
    subject = _subject(case, patient_system)
    observations = [_class_observation(name, pct, summary, status, subject, effective)
                    for name, pct in summary.percentages.items()]
    observations += extra_observations(summary, status, subject, effective)
    if summary.subtype_label is not None:
        observations.append(_all_observation(summary, status, subject, effective))
    conclusion = _conclusion(case, summary)
    report = {
        "resourceType": "DiagnosticReport",
        "text": {"status": "generated", "div": '<div xmlns="http://www.w3.org/1999/xhtml"><p>'
                 f"{html.escape(conclusion)}</p></div>"},
        "contained": observations,
        "status": status,
        "category": [{"coding": [{"system": V2_0074, "code": "HEM", "display": "Hematology"}]}],
        "code": {"coding": [REPORT_CODE], "text": "White cell differential (digital morphology)"},
        "subject": subject,
        "effectiveDateTime": effective,
        "issued": issued or case.signed_at or utc_now(),
        "performer": [{"display": p} for p in (case.lab_name, case.operator) if p],
        "resultsInterpreter": [{"display": case.reviewer}] if case.reviewer else [],
        "result": [{"reference": f"#{o['id']}"} for o in observations],
        "conclusion": conclusion,
    }
    if record is not None:
        report["id"] = f"case-{record.id}"
    if case_number(case):
        report["identifier"] = [{"type": {"coding": [{"system": V2_0203, "code": "ACSN"}],
                                          "text": "accession / case number"},
                                 "value": case_number(case)}]
    return {k: v for k, v in report.items() if v != []}


def export_fhir(store: CaseStore, case_id: int, path: Path | str, **kwargs: str) -> Path:
    """Build the report of a stored case and write it (see ``fhir_diagnostic_report``)."""
    report = fhir_diagnostic_report(store.get_case(case_id), case_summary(store, case_id),
                                    **kwargs)
    return write_fhir_json(report, path)


def write_fhir_json(report: dict, path: Path | str) -> Path:
    return atomic_write(Path(path), json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                        durable=True)


def _subject(case: CaseInfo, system: str | None) -> dict:
    """Reference by identifier: the lab system resolves its own Patient, we never invent one."""
    subject: dict = {}
    if case.patient_id:
        subject["identifier"] = {"value": case.patient_id}
        if system:
            subject["identifier"]["system"] = system
    if case.patient_name:
        subject["display"] = case.patient_name
    return subject


def _observation(obs_id: str, code: dict, status: str, subject: dict, effective: str) -> dict:
    return {
        "resourceType": "Observation", "id": obs_id, "status": status,
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "laboratory",
                                  "display": "Laboratory"}]}],
        "code": code, "subject": subject, "effectiveDateTime": effective}


def _percent(value: float) -> dict:
    return {"value": round(value, 2), "unit": "%", "system": UCUM, "code": "%"}


def _class_observation(name: str, pct: float, summary: SampleSummary, status: str,
                       subject: dict, effective: str) -> dict:
    coding = [{"system": CELL_CLASS_SYSTEM, "code": name, "display": name}]
    if name in CLASS_LOINC:
        code, display = CLASS_LOINC[name]
        coding.insert(0, {"system": LOINC, "code": code, "display": display})
    obs = _observation(f"obs-{_fhir_id(name)}", {"coding": coding, "text": f"{name} %"},
                       status, subject, effective)
    obs["valueQuantity"] = _percent(pct)
    if name in REFERENCE_RANGES:
        lo, hi = REFERENCE_RANGES[name]
        obs["referenceRange"] = [{"low": _percent(lo), "high": _percent(hi),
                                  "text": "adult reference range"}]
        if summary.cells_counted >= MIN_CELLS_FOR_PERCENT:  # same rule as the summary's flags
            flag = "L" if pct < lo else "H" if pct > hi else "N"
            obs["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": flag}]}]
    obs["note"] = [{"text": f"{summary.counts.get(name, 0)} of {summary.cells_counted} "
                            "white cells"}]
    return obs


def extra_observations(summary: SampleSummary, status: str, subject: dict,
                       effective: str) -> list[dict]:
    """Blast count (cells), NRBC per 100 white cells (outside the differential), and one
    observation per flag, so a lab system sees each finding as a coded result."""
    out = []
    count = _observation("obs-blast-count", {"coding": [
        {"system": CELL_CLASS_SYSTEM, "code": "blast-count", "display": "blast cells counted"}],
        "text": "blast cells counted"}, status, subject, effective)
    count["valueInteger"] = blast_count(summary)
    count["note"] = [{"text": f"of {summary.cells_counted} white cells; cells labelled blast by "
                              "the model or the reviewer"}]
    out.append(count)
    nrbc = getattr(summary, "nrbc_per_100_wbc", None)
    if summary.counts.get("erythroblast") and nrbc is not None:
        obs = _observation("obs-nrbc", {"coding": [
            {"system": CELL_CLASS_SYSTEM, "code": "nrbc-per-100-wbc",
             "display": "nucleated red cells per 100 white cells"}],
            "text": "NRBC /100 WBC"}, status, subject, effective)
        obs["valueQuantity"] = {"value": round(nrbc, 2), "unit": "/100 WBC", "system": UCUM,
                                "code": "/100{WBCs}"}
        out.append(obs)
    for i, flag in enumerate(summary.flags):
        obs = _observation(f"obs-flag-{i + 1}", {"coding": [
            {"system": FLAG_SYSTEM, "code": flag.code}], "text": flag.code}, status, subject,
            effective)
        obs["valueString"] = flag.message
        obs["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": "A"}]}]
        if flag.source:
            obs["note"] = [{"text": flag.source}]
        out.append(obs)
    return out


def _all_observation(summary: SampleSummary, status: str, subject: dict, effective: str) -> dict:
    """The whole-field ALL screen: most likely subtype and the malignant probability."""
    code = {"coding": [{"system": ALL_SYSTEM, "code": "all-subtype",
                        "display": "ALL subtype screen (all-subtype model)"}],
            "text": "ALL screen"}
    obs = _observation("obs-all-screen", code, status, subject, effective)
    label = str(summary.subtype_label)
    obs["valueCodeableConcept"] = {"coding": [{"system": ALL_SYSTEM, "code": label}],
                                   "text": label}
    malignant = summary.malignant_probability or 0.0
    flag = "A" if malignant >= summary.malignant_threshold else "N"
    obs["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": flag}]}]
    obs["component"] = [
        {"code": {"coding": [{"system": ALL_SYSTEM, "code": "malignant-probability"}],
                  "text": "malignant probability (1 - P(Benign))"},
         "valueQuantity": _percent(100.0 * malignant)}]
    obs["component"] += [
        {"code": {"coding": [{"system": ALL_SYSTEM, "code": f"p-{_fhir_id(k)}"}],
                  "text": f"probability {k}"}, "valueQuantity": _percent(100.0 * v)}
        for k, v in summary.subtype_scores.items()]
    return obs


def _conclusion(case: CaseInfo, summary: SampleSummary) -> str:
    parts = [f"{summary.cells_counted} white cells counted on {summary.fields_used} of "
             f"{summary.fields_total} fields."]
    parts += [f"{f.code}: {f.message}." for f in summary.flags]
    if not summary.flags:
        parts.append("No flags.")
    parts.append(f"Reviewed and signed by {case.reviewer}." if case.signed_at
                 else "Not yet signed: preliminary.")
    parts.append("Screening aid: findings need confirmation by a qualified haematologist.")
    return " ".join(parts)


def _fhir_id(text: str) -> str:
    """FHIR ids allow [A-Za-z0-9-.]{1,64}."""
    return re.sub(r"[^A-Za-z0-9.-]", "-", text)[:64] or "x"
