"""HL7 v2.5.1 ORU^R01 export: the result of a case as most laboratory systems take it.

One message: MSH, PID (PID-3 = the patient id), one OBR for the differential (OBR-3 = the case
number, OBR-25 = result status) and one OBX per finding: each class's count and % of white
cells, the blast count and %, NRBC per 100 white cells, the ALL screen, and each flag. Result
status is ``P`` (preliminary) until the case is signed, ``F`` (final) after. Built and checked
with ``hl7apy`` (strict validation against the 2.5.1 structures) so a malformed message is never
written. User text is escaped (``\\F\\``, ``\\S\\`` ...), so a "|" in a name cannot shift fields.

Codes: LOINC where a clear code exists (``fhir.CLASS_LOINC``, the same as the FHIR export), else
the app's local codes (coding system ``L``); a lab mapping them to its catalogue replaces them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from hl7apy.consts import VALIDATION_LEVEL
from hl7apy.core import Message

from clinic_app.age import parse_date
from clinic_app.export.common import all_result, blast_count, case_number, case_summary
from clinic_app.export.fhir import CLASS_LOINC, REPORT_CODE
from clinic_app.fileio import atomic_write
from clinic_app.results import CaseInfo, SampleSummary
from clinic_app.store import CaseStore
from clinic_app.summary import MIN_CELLS_FOR_PERCENT, REFERENCE_RANGES

VERSION = "2.5.1"
SENDER = "CLINIC-APP"
_ESCAPES = (("\\", "\\E\\"), ("|", "\\F\\"), ("^", "\\S\\"), ("&", "\\T\\"), ("~", "\\R\\"))
_SEX = {"m": "M", "male": "M", "f": "F", "female": "F", "o": "O", "other": "O"}
MAX_TEXT = 200  # OBX-5 ST: keep a value short (the report has the full text)


def escape(text: object) -> str:
    """HL7 escape sequences for the delimiters, line breaks as spaces, trimmed."""
    out = " ".join(str(text or "").split())
    for raw, esc in _ESCAPES:
        out = out.replace(raw, esc)
    return out


def hl7_time(stamp: str | None = None) -> str:
    """A stored ISO time (or now) as HL7 DTM with its UTC offset: ``YYYYMMDDHHMMSS+zzzz``."""
    when = datetime.now().astimezone()
    if stamp:
        try:
            when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            pass
    if when.tzinfo is None:
        when = when.astimezone()
    return when.strftime("%Y%m%d%H%M%S%z")


def oru_r01(case: CaseInfo, summary: SampleSummary, *, control_id: str | None = None,
            now: str | None = None) -> Message:
    """The ORU^R01 message of a case (validated; ``to_er7()`` gives its text)."""
    status = "F" if case.signed_at else "P"
    msg = Message("ORU_R01", version=VERSION, validation_level=VALIDATION_LEVEL.STRICT)
    msh = msg.msh
    msh.msh_3 = SENDER
    msh.msh_4 = escape(case.lab_name)[:180] or SENDER
    msh.msh_5 = "LIS"
    msh.msh_7 = hl7_time(now)
    msh.msh_9 = "ORU^R01^ORU_R01"
    msh.msh_10 = control_id or uuid.uuid4().hex[:20]
    msh.msh_11 = "P"
    msh.msh_18 = "UNICODE UTF-8"
    result = msg.add_group("ORU_R01_PATIENT_RESULT")
    _pid(result.add_group("ORU_R01_PATIENT").pid, case)
    order = result.add_group("ORU_R01_ORDER_OBSERVATION")
    effective = getattr(case, "created_at", "") or now
    _obr(order.obr, case, status, effective)
    for i, (kind, code, value, extra) in enumerate(_findings(summary), 1):
        obx = order.add_group("ORU_R01_OBSERVATION").obx
        obx.obx_1 = str(i)
        obx.obx_2 = kind
        obx.obx_3 = code
        obx.obx_5 = value
        for field, text in extra.items():
            setattr(obx, field, text)
        obx.obx_11 = status
        obx.obx_14 = hl7_time(effective)
    msg.validate()
    return msg


def _pid(pid: object, case: CaseInfo) -> None:
    pid.pid_1 = "1"
    pid.pid_3 = f"{escape(case.patient_id)[:180] or 'UNKNOWN'}^^^^MR"
    pid.pid_5 = escape(case.patient_name)[:180] or "UNKNOWN"
    born = parse_date(case.birth_date) if case.birth_date else None
    if born is not None:
        pid.pid_7 = born.strftime("%Y%m%d")
    pid.pid_8 = _SEX.get(case.sex.strip().lower(), "U")


def _obr(obr: object, case: CaseInfo, status: str, effective: str | None) -> None:
    obr.obr_1 = "1"
    number = escape(case_number(case))[:180]
    if number:
        obr.obr_3 = number
    obr.obr_4 = f"{REPORT_CODE['code']}^{REPORT_CODE['display']}^LN"
    obr.obr_7 = hl7_time(effective)
    obr.obr_22 = hl7_time(case.signed_at or None)
    obr.obr_25 = status


def _findings(s: SampleSummary) -> list[tuple[str, str, str, dict[str, str]]]:
    """(value type, OBX-3 code, OBX-5 value, other OBX fields) for each finding, in order."""
    out: list[tuple[str, str, str, dict[str, str]]] = []
    cells = {"obx_6": "{cells}^cells^UCUM"}
    for name, count in s.counts.items():
        if name == "blast":  # its own OBX pair below, present even at 0
            continue
        out.append(("NM", f"{escape(name)}-count^{escape(name)} cells counted^L", str(count),
                    cells))
        if name in s.percentages and name != "blast":
            out.append(("NM", _class_code(name), f"{s.percentages[name]:.2f}",
                        _range_fields(name, s.percentages[name], s.cells_counted)))
    out.append(("NM", "blast-count^blast cells counted^L", str(blast_count(s)), cells))
    if s.blast_percent is not None:
        out.append(("NM", _class_code("blast"), f"{s.blast_percent:.2f}", {"obx_6": _PCT}))
    nrbc = getattr(s, "nrbc_per_100_wbc", None)
    if s.counts.get("erythroblast") and nrbc is not None:
        out.append(("NM", "nrbc-per-100-wbc^nucleated red cells per 100 white cells^L",
                     f"{nrbc:.2f}", {"obx_6": "/100{WBCs}^per 100 white cells^UCUM"}))
    out.append(("ST", "all-screen^ALL screen^L", escape(all_result(s)), {}))
    for flag in s.flags:
        out.append(("ST", f"{escape(flag.code)}^{escape(flag.code)}^L",
                    escape(flag.message)[:MAX_TEXT], {"obx_8": "A"}))
    return out


_PCT = "%^percent^UCUM"


def _class_code(name: str) -> str:
    if name in CLASS_LOINC:
        code, display = CLASS_LOINC[name]
        return f"{code}^{display}^LN"
    return f"{escape(name)}-percent^{escape(name)} % of white cells^L"


def _range_fields(name: str, pct: float, counted: int) -> dict[str, str]:
    fields = {"obx_6": _PCT}
    if name in REFERENCE_RANGES:
        lo, hi = REFERENCE_RANGES[name]
        fields["obx_7"] = f"{lo:g}-{hi:g}"
        if counted >= MIN_CELLS_FOR_PERCENT:  # same rule as the summary's flags
            fields["obx_8"] = "L" if pct < lo else "H" if pct > hi else "N"
    return fields


def write_hl7(case: CaseInfo, summary: SampleSummary, path: Path | str) -> Path:
    """Write the message, segments separated by carriage returns as HL7 v2 requires."""
    text = oru_r01(case, summary).to_er7() + "\r"
    return atomic_write(Path(path), text.encode("utf-8"), durable=True)


def export_hl7(store: CaseStore, case_id: int, path: Path | str) -> Path:
    """The ORU^R01 of a stored case (``F`` once signed, ``P`` before)."""
    return write_hl7(store.get_case(case_id), case_summary(store, case_id), path)
