"""Picture sections of the PDF report: a thumbnail per field and a gallery of cells by class,
so a reader can check what the counts come from.
"""

from __future__ import annotations

import re
from collections import defaultdict

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from clinic_app.report.i18n import tr
from clinic_app.report.images import field_preview, rl_image, with_heat
from clinic_app.report.sections import class_name, ordered
from clinic_app.report.style import WIDTH, markup, para
from clinic_app.report.text import SHORT, clip, plural, units
from clinic_app.results import Analysis, CellResult, FieldResult

MAX_THUMBS, THUMBS_PER_ROW = 24, 4
CELLS_PER_CLASS, CELLS_PER_ROW = 12, 4


def _grid(items: list, per_row: int) -> list[Table]:
    """Items (flowable lists) in rows of ``per_row``, one table per row, so a heading keeps
    with the first row only and the rest flow onto the next page."""
    rows = [items[i:i + per_row] for i in range(0, len(items), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    return [Table([row], colWidths=[WIDTH / per_row] * per_row, style=style) for row in rows]


def _field_caption(f: FieldResult) -> str:
    """Caption markup under a field thumbnail: file name, cell count, quality, field class."""
    q = f.quality
    name = re.split(r"[\\/]", f.path)[-1]  # Windows or POSIX path, whichever wrote it
    if len(name) > 44:  # cut in the middle: the end (number, extension) tells fields apart
        name = f"{name[:20]}…{name[-23:]}"
    lines = [f"<b>{markup(name)}</b>", plural(len(f.cells), "cell found", "cells found"),
             f"{f.um_per_px:.3g} µm/px ({markup(f.scale_source)})",
             tr("quality: usable") if q.usable else '<font color="#b00000">'
             + tr("excluded: {}").format(markup(clip(units(q.reason or tr("quality")), SHORT)))
             + "</font>"]
    if getattr(f, "analysed_anyway", False):
        lines.append(f'<font color="#b00000">{tr("out of scope, analysed anyway")}</font>')
    if q.warnings:
        lines.append(tr("warnings: {}").format(markup(clip(units(", ".join(q.warnings)), SHORT))))
    if f.field is not None:
        top = max(f.field.scores.values(), default=0.0)
        lines.append(tr("field: {}").format(f"{markup(f.field.label)} {top:.0%}"))
    elif f.field_note:
        lines.append(tr("field: {}").format(markup(clip(units(f.field_note), SHORT))))
    return "<br/>".join(lines)


def fields_section(analysis: Analysis) -> list[Flowable]:
    """Thumbnails of the first ``MAX_THUMBS`` fields with their cells boxed."""
    fields = analysis.fields
    out: list[Flowable] = [para(tr("Fields ({})").format(len(fields)), "h2")]
    anyway = sum(getattr(f, "analysed_anyway", False) for f in fields)
    if anyway:
        out.append(para('<font color="#b00000">' + tr(
            "{} refused by the in-scope check and analysed anyway by the technologist (marked "
            "below).").format(plural(anyway, "field")) + "</font>", "small"))
    if not fields:
        return out + [para(tr("No fields were analysed."))]
    w = WIDTH / THUMBS_PER_ROW - 4 * mm
    items = []
    for f in fields[:MAX_THUMBS]:
        img = field_preview(f)
        pic = rl_image(img, w, w * 0.8) if img is not None else para(tr("(no preview)"), "caption")
        items.append([pic, Spacer(1, 1 * mm), para(_field_caption(f), "caption")])
    out += _grid(items, THUMBS_PER_ROW)
    if len(fields) > MAX_THUMBS:
        more = len(fields) - MAX_THUMBS
        out.append(para(tr("… and {}.").format(
            plural(more, "more field not shown", "more fields not shown")), "small"))
    return out


def _gallery_cells(analysis: Analysis) -> dict[str, list[CellResult]]:
    """Counted cells with crops, by final label; reclassified ones first, because those are the
    ones a second reader checks."""
    by: dict[str, list[CellResult]] = defaultdict(list)
    for f in analysis.fields:
        for c in f.cells if f.quality.usable else []:
            if c.crop is not None:
                by[c.label].append(c)
    return {k: sorted(v, key=lambda c: c.label == c.model_label) for k, v in by.items()}


def _cell_item(c: CellResult) -> list[Flowable]:
    """One gallery cell: crop (and heat map), confidence, and the model label if reviewed."""
    size = 19 * mm
    pic = rl_image(with_heat(c.crop, c.heatmap), 2.1 * size, size, max_px=256)
    text = tr("{} confidence").format(f"{c.confidence:.0%}")
    if c.label != c.model_label:  # the score is the model's, for its own class: say so
        text = ('<font color="#b00000">' + tr("reviewed: was {} (model {})").format(
            markup(c.model_label), f"{c.confidence:.0%}") + "</font>")
    return [pic, para(text, "caption")]


def gallery_section(analysis: Analysis) -> list[Flowable]:
    """Up to ``CELLS_PER_CLASS`` cells per class, each class kept on one page."""
    cells = _gallery_cells(analysis)
    out: list[Flowable] = [para(tr("Cells by class"), "h2")]
    if not cells:
        return out + [para(tr("No cell images to show."))]
    out.append(para(tr("Left: the cell as classified. Right, when present: heat map of the "
                       "regions that most drove the model (red = more). Cells from excluded "
                       "fields are not shown."), "small"))
    for label in ordered(cells):
        shown = cells[label][:CELLS_PER_CLASS]
        head = para(tr("{} — {}, {} shown").format(
            markup(class_name(label)), plural(len(cells[label]), "cell"), len(shown)), "h3")
        # One class never straddles a page: a row alone on the next page would lose its name.
        out.append(KeepTogether([head, *_grid([_cell_item(c) for c in shown], CELLS_PER_ROW)]))
    return out
