"""Sections of the PDF report that state the case and its result: patient block, result box,
differential (table and bar chart), skipped inputs, models and the review/signature block.

Each builder takes result objects and returns flowables; ``report.write_report`` stacks them.
"""

from __future__ import annotations

import numpy as np
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from clinic_app.overlay import colour_of
from clinic_app.report.style import ALERT, GREY, MAIN, WIDTH, markup, para, styled_table
from clinic_app.results import UNIDENTIFIED, Analysis, CaseInfo, Flag
from clinic_app.summary import REFERENCE_RANGES

INTENDED_USE = (
    "Screening aid for trained laboratory staff. Not a diagnosis. All findings must be "
    "confirmed by microscopy of the stained smear by a qualified person.")
TRAINING_NOTE = (
    "The ALL model (all-subtype) was trained on images from one hospital; how well it does on "
    "other stains, microscopes and patient groups is not known.")
CLASS_ORDER = ("neutrophil", "lymphocyte", "monocyte", "eosinophil", "basophil", "ig",
               "erythroblast", "platelet")
CLASS_NAMES = {"ig": "immature granulocyte", "erythroblast": "erythroblast (NRBC)"}
SAMPLE_TYPES = {"PB": "peripheral blood (PB)", "BM": "bone marrow (BM)"}
# Folder names of the all/ training set and what they stand for.
SUBTYPE_NAMES = {"Benign": "no ALL pattern", "Early": "early pre-B ALL pattern",
                 "Pre": "pre-B ALL pattern", "Pro": "pro-B ALL pattern"}


def class_name(label: str) -> str:
    """The printed name of a class: model labels such as "ig" spelt out for the reader."""
    return CLASS_NAMES.get(label, label)


def ordered(labels: object) -> list[str]:
    """Classes in the order a differential is usually read; unidentified last."""
    def key(k: str) -> tuple:
        return (k == UNIDENTIFIED, CLASS_ORDER.index(k) if k in CLASS_ORDER else 99, k)
    return sorted(set(labels), key=key)


def patient_block(case: CaseInfo, generated_at: str) -> Table:
    """Who and what the sample is, two label/value pairs a row, notes across the width."""
    sample = SAMPLE_TYPES.get(case.sample_type.upper(), case.sample_type)
    pairs = [("Patient ID", case.patient_id), ("Name", case.patient_name), ("Age", case.age),
             ("Sex", case.sex), ("Sample", sample), ("Operator", case.operator),
             ("Generated", generated_at), ("Reviewer", case.reviewer)]
    cells = [[para(k, "label"), para(markup(v) or "—")] for k, v in pairs]
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    if case.notes.strip():
        notes = "<br/>".join(markup(line) for line in case.notes.splitlines())
        rows.append([para("Notes", "label"), para(notes), "", ""])
    t = Table(rows, colWidths=[22 * mm, WIDTH / 2 - 22 * mm] * 2)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("LEFTPADDING", (0, 0), (0, -1), 0)]
    if case.notes.strip():
        style.append(("SPAN", (1, -1), (-1, -1)))
    t.setStyle(TableStyle(style))
    return t


def _flag_text(flag: Flag) -> str:
    """The message in bold, then where the rule comes from, so a reader can weigh it."""
    source = f' <font color="#555555" size="7.5">— {markup(flag.source)}</font>' if flag.source \
        else ""
    return f"<bullet>•</bullet><b>{markup(flag.message)}</b>{source}"


def result_box(analysis: Analysis) -> Table:
    """The sample-level answer and every flag, boxed, so it is the first thing read."""
    s = analysis.summary
    if s.subtype_label is None:
        head = "ALL screening: no field could be classified"
    else:
        gloss = SUBTYPE_NAMES.get(s.subtype_label)
        label = markup(s.subtype_label) + (f" ({gloss})" if gloss else "")
        prob = "" if s.malignant_probability is None else \
            f" — malignant probability {s.malignant_probability:.0%}"
        head = f"ALL screening: {label}{prob}"
    content: list[Flowable] = [para(head, "result")]
    if s.subtype_scores:
        scores = ", ".join(f"{markup(k)} {v:.0%}" for k, v in s.subtype_scores.items())
        content.append(para(f"Mean over the usable, classified fields: {scores}", "small"))
    if s.blast_percent is not None:
        content.append(para(f"Blast estimate: {s.blast_cells} of {s.cells_counted} white cells "
                          f"({s.blast_percent:.0f}%) lie in fields the ALL model calls malignant "
                          "— a field-level estimate, not a per-cell blast count", "small"))
    content.append(Spacer(1, 2 * mm))
    if s.flags:
        content.append(para(f"<b>Flags ({len(s.flags)})</b>"))
        content += [para(_flag_text(f), "flag") for f in s.flags]
    else:
        content.append(para("<b>No flags</b>"))
    box = Table([[content]], colWidths=[WIDTH])
    edge = ALERT if s.flags else GREY
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, edge),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbf7f2")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8),
                             ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def _summary_table(analysis: Analysis) -> Table:
    """Counts and percentages per class beside the adult reference range, then the totals."""
    s = analysis.summary
    counts = dict(s.counts)
    counts[UNIDENTIFIED] = max(counts.get(UNIDENTIFIED, 0), s.unidentified)
    rows: list[list] = [["Class", "Count", "% WBC", "Adult range"]]
    for k in ordered(list(counts) + list(s.percentages)):
        pct = f"{s.percentages[k]:.1f}" if k in s.percentages else "—"
        lo_hi = REFERENCE_RANGES.get(k)
        rows.append([para(markup(class_name(k)), "small"), str(counts.get(k, 0)), pct,
                     f"{lo_hi[0]:g}–{lo_hi[1]:g} %" if lo_hi else ""])
    rows.append([para(f"<b>White cells counted: {s.cells_counted} of {s.target} target cells</b>"
                    f"<br/>Fields used: {s.fields_used} of {s.fields_total}", "small"), "", "", ""])
    t = styled_table(rows, [38 * mm, 14 * mm, 14 * mm, 21 * mm])
    t.setStyle(TableStyle([("ALIGN", (1, 1), (2, -1), "RIGHT"), ("SPAN", (0, -1), (-1, -1))]))
    return t


def _chart(analysis: Analysis, width: float) -> Drawing | Paragraph:
    """Horizontal bars of the differential, in each class's overlay colour."""
    pct = analysis.summary.percentages
    classes = ordered(pct)[::-1]  # the chart draws its first category at the bottom
    if not classes:
        return para("No white cells counted: no differential to chart.", "small")
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


def summary_section(analysis: Analysis) -> list[Flowable]:
    """The differential: table and note on the left, bar chart on the right."""
    left = _summary_table(analysis)
    chart = _chart(analysis, WIDTH - 89 * mm)
    note = para("% WBC: percent of white cells counted; platelets are counted but are not part "
              "of the differential (—).", "small")
    both = Table([[[left, Spacer(1, 1.5 * mm), note], chart]], colWidths=[89 * mm, WIDTH - 89 * mm])
    both.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [para("Differential", "h2"), both]


def skipped_section(analysis: Analysis) -> list[Flowable]:
    """Inputs that were not analysed and why, so none is silently missing from the count."""
    if not analysis.skipped:
        return []
    rows = [["Input", "Reason"]] + [[para(markup(s.path), "small"), para(markup(s.reason), "small")]
                                    for s in analysis.skipped]
    return [para(f"Skipped inputs ({len(analysis.skipped)})", "h2"),
            styled_table(rows, [WIDTH * 0.55, WIDTH * 0.45])]


def models_section(analysis: Analysis) -> list[Flowable]:
    """Which models (version, hash, test metrics) and backend produced these results."""
    out: list[Flowable] = [para("Models", "h2")]
    if analysis.models:
        rows: list[list] = [["Model", "Version", "SHA-256", "Test metrics (INT8)"]]
        for m in analysis.models:
            metrics = ", ".join(f"{k.replace('_', ' ')} {v:.3f}" for k, v in m.metrics.items())
            rows.append([para(markup(m.id), "small"), para(markup(m.version), "small"),
                         m.sha256[:12], para(markup(metrics or "—"), "small")])
        out.append(styled_table(rows, [32 * mm, 24 * mm, 26 * mm, WIDTH - 82 * mm]))
    else:
        out.append(para("No model information recorded."))
    out.append(Spacer(1, 1.5 * mm))
    out.append(para(f"Inference backend: {markup(analysis.backend)}", "small"))
    return out


def closing_section(case: CaseInfo) -> list[Flowable]:
    """Intended use and the reviewer's signature lines, kept together on one page."""
    use = Table([[[para("<b>Intended use</b>"), para(INTENDED_USE), para(TRAINING_NOTE, "small")]]],
                colWidths=[WIDTH])
    use.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, GREY),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    row = [para("Reviewed by", "label"), para(markup(case.reviewer)),
           para("Signature", "label"), "", para("Date", "label"), para(markup(case.signed_at))]
    sign = Table([row], colWidths=[26 * mm, 48 * mm, 20 * mm, 42 * mm, 13 * mm, WIDTH - 149 * mm],
                 rowHeights=[14 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              *[("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black)
                                for i in (1, 3, 5)]]))
    return [KeepTogether([para("Review", "h2"), use, Spacer(1, 3 * mm), sign])]
