"""Sections of the PDF report that state the case and its result: patient block, result box,
differential (table and bar chart), skipped inputs, models and the review/signature block.

Each builder takes result objects and returns flowables; ``report.write_report`` stacks them.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from clinic_app.age import age_label, age_months, parse_date
from clinic_app.overlay import colour_of
from clinic_app.reference import CHILD_SOURCE, Reference, reference_for
from clinic_app.report.i18n import tr
from clinic_app.report.style import GREY, MAIN, WIDTH, markup, para, styled_table
from clinic_app.report.text import NAME, NOTES, PATH, clip, local_time
from clinic_app.results import UNIDENTIFIED, Analysis, CaseInfo
from clinic_app.summary import REFERENCE_RANGES

INTENDED_USE = (
    "Screening aid for trained laboratory staff. Not a diagnosis. All findings must be "
    "confirmed by microscopy of the stained smear by a qualified person.")
TRAINING_NOTE = (
    "The ALL model (all-subtype) was trained on images from one hospital; how well it does on "
    "other stains, microscopes and patient groups is not known.")
CLASS_ORDER = ("neutrophil", "lymphocyte", "variant lymphocyte", "monocyte", "eosinophil",
               "basophil", "ig", "blast", "erythroblast", "platelet", "smudge", "artefact")
CLASS_NAMES = {"ig": "immature granulocyte", "erythroblast": "nucleated red cell (NRBC)",
               "smudge": "smudge cell"}
# Counted but not part of the 100 % of white cells (as labs report them).
OUTSIDE_DIFFERENTIAL = ("erythroblast", "platelet", "smudge", "artefact")
SAMPLE_TYPES = {"PB": "peripheral blood (PB)", "BM": "bone marrow (BM)"}


def class_name(label: str) -> str:
    """The printed name of a class: model labels such as "ig" spelt out for the reader."""
    return tr(CLASS_NAMES.get(label, label))


def ordered(labels: object) -> list[str]:
    """Classes in the order a differential is usually read; unidentified last."""
    def key(k: str) -> tuple:
        return (k == UNIDENTIFIED, CLASS_ORDER.index(k) if k in CLASS_ORDER else 99, k)
    return sorted(set(labels), key=key)


def _age_words(label: str) -> str:
    """"1 year 2 months" with its words in the report's language."""
    return re.sub(r"\b(years?|months?)\b", lambda m: tr(m.group(1)), label)


def _heading(ref: Reference) -> str:
    """The reference column's heading in the report's language."""
    return tr("Typical at {}").format(_age_words(ref.age)) if ref.paediatric else tr(ref.heading)


def _source(ref: Reference) -> str:
    if not ref.paediatric:
        return tr(ref.source)
    return tr("{} (row: {})").format(tr(CHILD_SOURCE), _age_words(ref.row))


def _age_text(case: CaseInfo) -> str:
    """"1 year 2 months (born 2024-01-10)", or the typed age when there is no date of birth."""
    months = age_months(case.birth_date, case.age, _sample_date(case))
    label = _age_words(age_label(months)) or case.age
    return tr("{} (born {})").format(label, case.birth_date) if case.birth_date else label


def _sample_date(case: CaseInfo) -> date | None:
    """The day the case was created (age is on that day), today for a bare ``CaseInfo``."""
    created = parse_date(getattr(case, "created_at", "") or "")
    return created or date.today()


def case_number(case: CaseInfo) -> str:
    """The lab's accession number, else the store's case id."""
    if case.accession:
        return case.accession
    case_id = getattr(case, "id", 0)
    return tr("case {}").format(case_id) if case_id else ""


def patient_block(case: CaseInfo, generated_at: str) -> list[Flowable]:
    """Who and what the sample is, two label/value pairs a row; notes below the table, where
    long notes can run onto the next page."""
    code = case.sample_type.upper()
    sample = tr(SAMPLE_TYPES[code]) if code in SAMPLE_TYPES else case.sample_type
    pairs = [("Patient ID", clip(case.patient_id)), ("Case no.", clip(case_number(case))),
             ("Name", clip(case.patient_name, NAME)), ("Age", clip(_age_text(case))),
             ("Sex", clip(case.sex)), ("Sample", clip(sample)),
             ("Operator", clip(case.operator)),
             ("Analysed", local_time(getattr(case, "created_at", "") or "")),
             ("Reviewer", clip(case.reviewer)), ("Generated", local_time(generated_at))]
    cells = [[para(tr(k), "label"), para(markup(v) or "—")] for k, v in pairs]
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    t = Table(rows, colWidths=[22 * mm, WIDTH / 2 - 22 * mm] * 2)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                           ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    out: list[Flowable] = [t]
    if case.notes.strip():
        notes = clip(case.notes.strip(), NOTES)
        out.append(para(f"<b>{tr('Notes:')}</b> " + "<br/>".join(markup(line)
                                                         for line in notes.splitlines())))
    return out


def case_reference(case: CaseInfo) -> Reference:
    """Reference values for the patient's age on the day of the sample."""
    return reference_for(age_months(case.birth_date, case.age, _sample_date(case)),
                         REFERENCE_RANGES)


def _summary_table(analysis: Analysis, ref: Reference) -> Table:
    """Counts and % of white cells per class beside the reference for the patient's age; cells
    outside the differential (NRBC, platelets, smudge cells, artefacts) below it, then totals."""
    s = analysis.summary
    counts = dict(s.counts)
    counts[UNIDENTIFIED] = max(counts.get(UNIDENTIFIED, 0), s.unidentified)
    inside = [k for k in ordered(list(counts) + list(s.percentages))
              if k not in OUTSIDE_DIFFERENTIAL]
    rows: list[list] = [[tr("Class"), tr("Count"), tr("% WBC"),
                         para(markup(_heading(ref)), "small")]]
    for k in inside:
        pct = f"{s.percentages[k]:.1f}" if k in s.percentages else "—"
        rows.append([para(markup(class_name(k)), "small"), str(counts.get(k, 0)), pct,
                     ref.values.get(k, "")])
    rows.append([para(tr("<b>White cells counted: {} of {} target</b><br/>Fields used: {} of {}")
                      .format(s.cells_counted, s.target, s.fields_used, s.fields_total), "small"),
                 "", "", ""])
    span_at = len(rows) - 1
    for k in ordered(k for k in counts if k in OUTSIDE_DIFFERENTIAL):
        rows.append([para(markup(class_name(k)), "small"), str(counts[k]), "—",
                     para(_outside_note(k, analysis), "small")])
    t = styled_table(rows, [38 * mm, 13 * mm, 13 * mm, 25 * mm])
    t.setStyle(TableStyle([("ALIGN", (1, 1), (2, -1), "RIGHT"),
                           ("SPAN", (0, span_at), (-1, span_at))]))
    return t


def _outside_note(label: str, analysis: Analysis) -> str:
    """What a count outside the differential means: NRBC per 100 white cells, the others apart."""
    if label == "erythroblast":
        per100 = getattr(analysis.summary, "nrbc_per_100_wbc", None)
        if per100 is None and analysis.summary.cells_counted:
            per100 = 100.0 * analysis.summary.counts.get(label, 0) / analysis.summary.cells_counted
        return "—" if per100 is None else tr("{} per 100 WBC").format(f"{per100:.1f}")
    return tr("not a white cell" if label == "platelet" else "counted apart")


def _chart(analysis: Analysis, width: float) -> Drawing | Paragraph:
    """Horizontal bars of the differential, in each class's overlay colour."""
    pct = analysis.summary.percentages
    classes = ordered(pct)[::-1]  # the chart draws its first category at the bottom
    if not classes:
        return para(tr("No white cells counted: no differential to chart."), "small")
    height = 14 * mm + 7 * mm * len(classes)
    d = Drawing(width, height)
    bc = HorizontalBarChart()
    bc.x, bc.y, bc.width, bc.height = 30 * mm, 8 * mm, width - 42 * mm, height - 12 * mm
    bc.data = [[pct[k] for k in classes]]
    bc.categoryAxis.categoryNames = [class_name(k) for k in classes]
    bc.categoryAxis.labels.fontName, bc.categoryAxis.labels.fontSize = MAIN, 7
    bc.categoryAxis.labels.boxAnchor, bc.categoryAxis.labels.dx = "e", -3
    top = max(10.0, float(np.ceil(max(pct.values()) / 10.0) * 10))
    bc.valueAxis.valueMin, bc.valueAxis.valueMax = 0, top
    bc.valueAxis.valueStep = 10 if top <= 50 else 20
    bc.valueAxis.labels.fontName, bc.valueAxis.labels.fontSize = MAIN, 7
    bc.valueAxis.labelTextFormat = "%d %%"
    bc.barLabelFormat = "%.1f"
    bc.barLabels.fontName, bc.barLabels.fontSize = MAIN, 7
    bc.barLabels.boxAnchor, bc.barLabels.dx = "w", 3
    for i, k in enumerate(classes):
        bc.bars[(0, i)].fillColor = colors.Color(*[c / 255 for c in colour_of(k)])
        bc.bars[(0, i)].strokeColor = None
    d.add(bc)
    return d


def summary_section(analysis: Analysis, case: CaseInfo) -> list[Flowable]:
    """The differential: table and note on the left, bar chart on the right."""
    ref = case_reference(case)
    left = _summary_table(analysis, ref)
    chart = _chart(analysis, WIDTH - 89 * mm)
    note = para(tr("% WBC: percent of the white cells counted. Nucleated red cells are reported "
                   "per 100 white cells, outside the differential; platelets, smudge cells and "
                   "artefacts are counted apart (—). Reference: {}.").format(markup(_source(ref)))
                + (tr(" Adult range flags are not raised for children.") if ref.paediatric
                   else ""), "small")
    both = Table([[[left, Spacer(1, 1.5 * mm), note], chart]], colWidths=[89 * mm, WIDTH - 89 * mm])
    both.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [para(tr("Differential"), "h2"), both]


def skipped_section(analysis: Analysis) -> list[Flowable]:
    """Inputs that were not analysed and why, so none is silently missing from the count."""
    if not analysis.skipped:
        return []
    rows = [[tr("Input"), tr("Reason")]] + [[para(markup(clip(s.path, PATH)), "small"),
                                     para(markup(clip(s.reason, PATH)), "small")]
                                    for s in analysis.skipped]
    return [para(tr("Skipped inputs ({})").format(len(analysis.skipped)), "h2"),
            styled_table(rows, [WIDTH * 0.55, WIDTH * 0.45])]


def models_section(analysis: Analysis) -> list[Flowable]:
    """Which models (version, hash, test metrics) and backend produced these results."""
    out: list[Flowable] = [para(tr("Models"), "h2")]
    if analysis.models:
        rows: list[list] = [[tr("Model"), tr("Version"), "SHA-256", tr("Test metrics (INT8)")]]
        for m in analysis.models:
            metrics = ", ".join(f"{k.replace('_', ' ')} {v:.3f}" for k, v in m.metrics.items())
            rows.append([para(markup(m.id), "small"), para(markup(m.version), "small"),
                         m.sha256[:12], para(markup(metrics or "—"), "small")])
        out.append(styled_table(rows, [32 * mm, 24 * mm, 26 * mm, WIDTH - 82 * mm]))
    else:
        out.append(para(tr("No model information recorded.")))
    out.append(Spacer(1, 1.5 * mm))
    out.append(para(tr("Inference backend: {}").format(markup(analysis.backend)), "small"))
    return out


def closing_section(case: CaseInfo) -> list[Flowable]:
    """Intended use and the reviewer's signature lines, kept together on one page."""
    use = Table([[[para(f"<b>{tr('Intended use')}</b>"), para(tr(INTENDED_USE)),
                   para(tr(TRAINING_NOTE), "small")]]], colWidths=[WIDTH])
    use.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, GREY),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    row = [para(tr("Reviewed by"), "label"), para(markup(clip(case.reviewer))),
           para(tr("Signature"), "label"), "", para(tr("Date"), "label"),
           para(markup(local_time(case.signed_at)), "small")]
    sign = Table([row], colWidths=[26 * mm, 48 * mm, 20 * mm, 42 * mm, 13 * mm, WIDTH - 149 * mm],
                 rowHeights=[14 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              *[("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black)
                                for i in (1, 3, 5)]]))
    return [KeepTogether([para(tr("Review"), "h2"), use, Spacer(1, 3 * mm), sign])]
