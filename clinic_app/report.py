"""PDF screening report: what the technologist signs and the clinician reads.

It reads result objects only (``Analysis``, ``CaseInfo``), never widgets, so the command line and
the desktop app print the same report. Layout is reportlab platypus on A4; images go in as
in-memory PNGs, so no temporary file is left behind on a shared clinic PC.

Names may be in any script. DejaVu Sans draws Latin, Greek, Cyrillic and more; runs of text it
lacks (Chinese, Japanese) switch to Droid Sans Fallback. Both are bundled in ``clinic_app/fonts``.
Not handled: Arabic and Hebrew shaping and right-to-left order (reportlab draws the letters
unjoined, left to right) and Hangul (neither font has it).
"""

from __future__ import annotations

import functools
import io
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic_app.overlay import colour_of
from clinic_app.results import (
    UNIDENTIFIED,
    Analysis,
    CaseInfo,
    CellResult,
    FieldResult,
    Flag,
)
from clinic_app.summary import REFERENCE_RANGES

FONT_DIR = Path(__file__).resolve().with_name("fonts")
MAIN, BOLD, FALLBACK = "DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"
TITLE = "Blood smear analysis — screening report"
INTENDED_USE = (
    "Screening aid for trained laboratory staff. Not a diagnosis. All findings must be "
    "confirmed by microscopy of the stained smear by a qualified person.")
TRAINING_NOTE = (
    "The ALL model (all-subtype) was trained on images from one hospital; how well it does on "
    "other stains, microscopes and patient groups is not known.")
FOOTER_USE = "Screening aid, not a diagnosis: confirm every finding by microscopy."
MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
MAX_THUMBS, THUMBS_PER_ROW = 24, 4
CELLS_PER_CLASS, CELLS_PER_ROW = 12, 4
HEAT_ALPHA = 0.4
CLASS_ORDER = ("neutrophil", "lymphocyte", "monocyte", "eosinophil", "basophil", "ig",
               "erythroblast", "platelet")
CLASS_NAMES = {"ig": "immature granulocyte", "erythroblast": "erythroblast (NRBC)"}
SAMPLE_TYPES = {"PB": "peripheral blood (PB)", "BM": "bone marrow (BM)"}
# Folder names of the all/ training set and what they stand for.
SUBTYPE_NAMES = {"Benign": "no ALL pattern", "Early": "early pre-B ALL pattern",
                 "Pre": "pre-B ALL pattern", "Pro": "pro-B ALL pattern"}
GREY, ALERT = colors.HexColor("#555555"), colors.HexColor("#b00000")


# --- fonts and text -----------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    """Register the bundled fonts once per process (reportlab's registry is global); return the
    code points the main and the fallback font can draw."""
    try:
        main = TTFont(MAIN, str(FONT_DIR / "DejaVuSans.ttf"))
        bold = TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    except Exception as exc:  # reportlab raises its own TTFError or OSError
        raise RuntimeError(f"report fonts missing or damaged in {FONT_DIR}: {exc}") from exc
    pdfmetrics.registerFont(main)
    pdfmetrics.registerFont(bold)
    pdfmetrics.registerFontFamily(MAIN, normal=MAIN, bold=BOLD, italic=MAIN, boldItalic=BOLD)
    fallback: frozenset[int] = frozenset()
    if (FONT_DIR / "DroidSansFallbackFull.ttf").is_file():
        fb = TTFont(FALLBACK, str(FONT_DIR / "DroidSansFallbackFull.ttf"))
        pdfmetrics.registerFont(fb)
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK,
                                      italic=FALLBACK, boldItalic=FALLBACK)
        fallback = frozenset(fb.face.charToGlyph)
    return frozenset(main.face.charToGlyph), fallback


def _runs(text: str) -> list[tuple[str, bool]]:
    """Split text into runs; True marks a run only the fallback font can draw (a CJK name)."""
    main, fallback = _coverage()
    runs: list[tuple[str, bool]] = []
    for ch in "".join(c if c.isprintable() else " " for c in str(text)):
        fb = ord(ch) not in main and ord(ch) in fallback
        if runs and runs[-1][1] == fb:
            runs[-1] = (runs[-1][0] + ch, fb)
        else:
            runs.append((ch, fb))
    return runs


def markup(text: object) -> str:
    """Paragraph markup for any user or model string: escaped, so "<b>" prints literally, and
    with a font switch for the characters DejaVu lacks."""
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f'<font name="{FALLBACK}">{esc(r)}</font>' if fb else esc(r)
                   for r, fb in _runs(str(text)))


def _width(text: str, size: float, bold: bool) -> float:
    return sum(pdfmetrics.stringWidth(r, FALLBACK if fb else BOLD if bold else MAIN, size)
               for r, fb in _runs(text))


def _draw(canv: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
          right: bool = False, max_width: float | None = None) -> float:
    """Header and footer text on the canvas, with the same per-run font fallback. Rather than
    run into the text beside it, it shrinks (down to 7 pt), then cuts the end with "…".
    Returns the width drawn."""
    while max_width and size > 7 and _width(text, size, bold) > max_width:
        size -= 0.5
    while max_width and len(text) > 1 and _width(text, size, bold) > max_width:
        text = text[:-2] + "…"
    width = _width(text, size, bold)
    x -= width if right else 0
    for run, fb in _runs(text):
        font = FALLBACK if fb else BOLD if bold else MAIN
        canv.setFont(font, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)
    return width


@functools.lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    _coverage()
    body = ParagraphStyle("body", fontName=MAIN, fontSize=9, leading=11.5)
    return {
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=7.5, leading=9.5),
        "caption": ParagraphStyle("caption", body, fontSize=7, leading=8.5, alignment=TA_CENTER),
        "label": ParagraphStyle("label", body, fontName=BOLD, fontSize=8, textColor=GREY),
        "h2": ParagraphStyle("h2", body, fontName=BOLD, fontSize=12, leading=15, spaceBefore=10,
                             spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", body, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=6,
                             spaceAfter=2, keepWithNext=1),
        "flag": ParagraphStyle("flag", body, leftIndent=9, bulletIndent=0, spaceBefore=1),
        "result": ParagraphStyle("result", body, fontName=BOLD, fontSize=12.5, leading=16),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    """A paragraph from markup the caller built (user strings already through ``markup``)."""
    return Paragraph(text, _styles()[style])


def _table(rows: list, widths: list[float], header: bool = True) -> Table:
    """A plain grid table; the header row repeats when the table runs onto the next page."""
    t = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [("FONT", (0, 0), (-1, -1), MAIN, 8), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if header:
        style += [("FONT", (0, 0), (-1, 0), BOLD, 8),
                  ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]
    t.setStyle(TableStyle(style))
    return t


# --- images -------------------------------------------------------------------------------------

def _rgb(img: np.ndarray) -> np.ndarray:
    """Any uint8 grey, RGB or RGBA array as contiguous RGB (RGBA composited onto white)."""
    img = np.asarray(img)
    if img.dtype != np.uint8:
        img = np.clip(img, 0, 255).astype(np.uint8)
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, axis=2)
    if img.shape[2] == 4:
        a = img[..., 3:].astype(np.float32) / 255.0
        img = (img[..., :3] * a + 255 * (1 - a)).astype(np.uint8)
    return np.ascontiguousarray(img[..., :3])


def _read_rgb(path: str | Path | None) -> np.ndarray | None:
    """An image file as RGB, or None when it is missing or unreadable (imdecode, so non-ASCII
    Windows paths work)."""
    if not path or not Path(path).is_file():
        return None
    img = cv2.imdecode(np.fromfile(str(path), np.uint8), cv2.IMREAD_UNCHANGED)
    if img is None:
        return None
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    if img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_BGRA2RGBA if img.shape[2] == 4 else cv2.COLOR_BGR2RGB)
    return _rgb(img)


def _png(rgb: np.ndarray, max_px: int) -> io.BytesIO:
    """In-memory PNG, scaled down to ``max_px`` (enough for print, keeps the PDF small)."""
    rgb = _rgb(rgb)
    f = max_px / max(rgb.shape[:2])
    if f < 1:
        size = (max(1, round(rgb.shape[1] * f)), max(1, round(rgb.shape[0] * f)))
        rgb = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    if not ok:
        raise RuntimeError("could not encode an image for the report")
    return io.BytesIO(buf.tobytes())


def _image(rgb: np.ndarray, max_w: float, max_h: float, max_px: int = 360) -> Image:
    h, w = rgb.shape[:2]
    s = min(max_w / w, max_h / h)
    return Image(_png(rgb, max_px), width=w * s, height=h * s)


def _with_heat(crop: np.ndarray, heat: np.ndarray | None) -> np.ndarray:
    """The crop, and beside it the crop with the heat map blended in (JET, alpha 0.4)."""
    crop = _rgb(crop)
    if heat is None:
        return crop
    h, w = crop.shape[:2]
    heat = cv2.resize(np.nan_to_num(np.asarray(heat, np.float32)), (w, h))
    jet = cv2.applyColorMap((np.clip(heat, 0, 1) * 255).astype(np.uint8), cv2.COLORMAP_JET)
    blend = cv2.addWeighted(crop, 1 - HEAT_ALPHA, cv2.cvtColor(jet, cv2.COLOR_BGR2RGB),
                            HEAT_ALPHA, 0)
    gap = np.full((h, max(2, w // 16), 3), 255, np.uint8)
    return np.hstack([crop, gap, blend])


def _field_preview(f: FieldResult) -> np.ndarray | None:
    """The field with its cells boxed: the thumbnail with boxes scaled down to it, else the
    overlay PNG saved next to ``analysis.json``."""
    if f.thumbnail is None:
        return _read_rgb(f.overlay_path)
    out = _rgb(f.thumbnail).copy()
    sx, sy = out.shape[1] / max(1, f.width), out.shape[0] / max(1, f.height)
    thick = max(1, round(max(out.shape[:2]) / 160))
    for c in f.cells:
        b = c.bbox
        cv2.rectangle(out, (int(b.x0 * sx), int(b.y0 * sy)),
                      (int(b.x1 * sx) - 1, int(b.y1 * sy) - 1), colour_of(c.label), thick)
    return out


def _logo(case: CaseInfo) -> ImageReader | None:
    img = _read_rgb(case.logo_path)
    return None if img is None else ImageReader(_png(img, 400))


# --- sections -----------------------------------------------------------------------------------

def _class_name(label: str) -> str:
    return CLASS_NAMES.get(label, label)


def _ordered(labels: object) -> list[str]:
    """Classes in the order a differential is usually read; unidentified last."""
    def key(k: str) -> tuple:
        return (k == UNIDENTIFIED, CLASS_ORDER.index(k) if k in CLASS_ORDER else 99, k)
    return sorted(set(labels), key=key)


def _patient_block(case: CaseInfo, generated_at: str) -> Table:
    sample = SAMPLE_TYPES.get(case.sample_type.upper(), case.sample_type)
    pairs = [("Patient ID", case.patient_id), ("Name", case.patient_name), ("Age", case.age),
             ("Sex", case.sex), ("Sample", sample), ("Operator", case.operator),
             ("Generated", generated_at), ("Reviewer", case.reviewer)]
    cells = [[_p(k, "label"), _p(markup(v) or "—")] for k, v in pairs]
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    if case.notes.strip():
        notes = "<br/>".join(markup(line) for line in case.notes.splitlines())
        rows.append([_p("Notes", "label"), _p(notes), "", ""])
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


def _result_box(analysis: Analysis) -> Table:
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
    content: list[Flowable] = [_p(head, "result")]
    if s.subtype_scores:
        scores = ", ".join(f"{markup(k)} {v:.0%}" for k, v in s.subtype_scores.items())
        content.append(_p(f"Mean over the usable, classified fields: {scores}", "small"))
    if s.blast_percent is not None:
        content.append(_p(f"Blast estimate: {s.blast_cells} of {s.cells_counted} white cells "
                          f"({s.blast_percent:.0f}%) lie in fields the ALL model calls malignant "
                          "— a field-level estimate, not a per-cell blast count", "small"))
    content.append(Spacer(1, 2 * mm))
    if s.flags:
        content.append(_p(f"<b>Flags ({len(s.flags)})</b>"))
        content += [_p(_flag_text(f), "flag") for f in s.flags]
    else:
        content.append(_p("<b>No flags</b>"))
    box = Table([[content]], colWidths=[WIDTH])
    edge = ALERT if s.flags else GREY
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, edge),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbf7f2")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8),
                             ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def _summary_table(analysis: Analysis) -> Table:
    s = analysis.summary
    counts = dict(s.counts)
    counts[UNIDENTIFIED] = max(counts.get(UNIDENTIFIED, 0), s.unidentified)
    rows: list[list] = [["Class", "Count", "% WBC", "Adult range"]]
    for k in _ordered(list(counts) + list(s.percentages)):
        pct = f"{s.percentages[k]:.1f}" if k in s.percentages else "—"
        lo_hi = REFERENCE_RANGES.get(k)
        rows.append([_p(markup(_class_name(k)), "small"), str(counts.get(k, 0)), pct,
                     f"{lo_hi[0]:g}–{lo_hi[1]:g} %" if lo_hi else ""])
    rows.append([_p(f"<b>White cells counted: {s.cells_counted} of {s.target} target cells</b>"
                    f"<br/>Fields used: {s.fields_used} of {s.fields_total}", "small"), "", "", ""])
    t = _table(rows, [38 * mm, 14 * mm, 14 * mm, 21 * mm])
    t.setStyle(TableStyle([("ALIGN", (1, 1), (2, -1), "RIGHT"), ("SPAN", (0, -1), (-1, -1))]))
    return t


def _chart(analysis: Analysis, width: float) -> Drawing | Paragraph:
    """Horizontal bars of the differential, in each class's overlay colour."""
    pct = analysis.summary.percentages
    classes = _ordered(pct)[::-1]  # the chart draws its first category at the bottom
    if not classes:
        return _p("No white cells counted: no differential to chart.", "small")
    height = 14 * mm + 7 * mm * len(classes)
    d = Drawing(width, height)
    bc = HorizontalBarChart()
    bc.x, bc.y, bc.width, bc.height = 30 * mm, 8 * mm, width - 42 * mm, height - 12 * mm
    bc.data = [[pct[k] for k in classes]]
    bc.categoryAxis.categoryNames = [_class_name(k) for k in classes]
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


def _summary_section(analysis: Analysis) -> list[Flowable]:
    left = _summary_table(analysis)
    chart = _chart(analysis, WIDTH - 89 * mm)
    note = _p("% WBC: percent of white cells counted; platelets are counted but are not part "
              "of the differential (—).", "small")
    both = Table([[[left, Spacer(1, 1.5 * mm), note], chart]], colWidths=[89 * mm, WIDTH - 89 * mm])
    both.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [_p("Differential", "h2"), both]


def _grid(items: list, per_row: int) -> list[Table]:
    """Items (flowable lists) in rows of ``per_row``, one table per row, so a heading keeps
    with the first row only and the rest flow onto the next page."""
    rows = [items[i:i + per_row] for i in range(0, len(items), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    return [Table([row], colWidths=[WIDTH / per_row] * per_row, style=style) for row in rows]


def _field_caption(f: FieldResult) -> str:
    q = f.quality
    name = re.split(r"[\\/]", f.path)[-1]  # Windows or POSIX path, whichever wrote it
    if len(name) > 44:  # cut in the middle: the end (number, extension) tells fields apart
        name = f"{name[:20]}…{name[-23:]}"
    lines = [f"<b>{markup(name)}</b>", f"{len(f.cells)} cells found",
             "quality: usable" if q.usable else
             f'<font color="#b00000">excluded: {markup(q.reason or "quality")}</font>']
    if q.warnings:
        lines.append("warnings: " + markup(", ".join(q.warnings)))
    if f.field is not None:
        top = max(f.field.scores.values(), default=0.0)
        lines.append(f"field: {markup(f.field.label)} {top:.0%}")
    elif f.field_note:
        lines.append(f"field: {markup(f.field_note)}")
    return "<br/>".join(lines)


def _fields_section(analysis: Analysis) -> list[Flowable]:
    fields = analysis.fields
    out: list[Flowable] = [_p(f"Fields ({len(fields)})", "h2")]
    if not fields:
        return out + [_p("No fields were analysed.")]
    w = WIDTH / THUMBS_PER_ROW - 4 * mm
    items = []
    for f in fields[:MAX_THUMBS]:
        img = _field_preview(f)
        pic = _image(img, w, w * 0.8) if img is not None else _p("(no preview)", "caption")
        items.append([pic, Spacer(1, 1 * mm), _p(_field_caption(f), "caption")])
    out += _grid(items, THUMBS_PER_ROW)
    if len(fields) > MAX_THUMBS:
        out.append(_p(f"… and {len(fields) - MAX_THUMBS} more field(s) not shown.", "small"))
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
    size = 19 * mm
    pic = _image(_with_heat(c.crop, c.heatmap), 2.1 * size, size, max_px=256)
    text = f"{c.confidence:.0%} confidence"
    if c.label != c.model_label:
        text += f'<br/><font color="#b00000">reviewed: was {markup(c.model_label)}</font>'
    return [pic, _p(text, "caption")]


def _gallery_section(analysis: Analysis) -> list[Flowable]:
    cells = _gallery_cells(analysis)
    out: list[Flowable] = [_p("Cells by class", "h2")]
    if not cells:
        return out + [_p("No cell images to show.")]
    out.append(_p("Left: the cell as classified. Right, when present: heat map of the regions "
                  "that most drove the model (red = more). Cells from excluded fields are not "
                  "shown.", "small"))
    for label in _ordered(cells):
        shown = cells[label][:CELLS_PER_CLASS]
        head = _p(f"{markup(_class_name(label))} — {len(cells[label])} cell(s), "
                  f"{len(shown)} shown", "h3")
        # One class never straddles a page: a row alone on the next page would lose its name.
        out.append(KeepTogether([head, *_grid([_cell_item(c) for c in shown], CELLS_PER_ROW)]))
    return out


def _skipped_section(analysis: Analysis) -> list[Flowable]:
    if not analysis.skipped:
        return []
    rows = [["Input", "Reason"]] + [[_p(markup(s.path), "small"), _p(markup(s.reason), "small")]
                                    for s in analysis.skipped]
    return [_p(f"Skipped inputs ({len(analysis.skipped)})", "h2"),
            _table(rows, [WIDTH * 0.55, WIDTH * 0.45])]


def _models_section(analysis: Analysis) -> list[Flowable]:
    out: list[Flowable] = [_p("Models", "h2")]
    if analysis.models:
        rows: list[list] = [["Model", "Version", "SHA-256", "Test metrics (INT8)"]]
        for m in analysis.models:
            metrics = ", ".join(f"{k.replace('_', ' ')} {v:.3f}" for k, v in m.metrics.items())
            rows.append([_p(markup(m.id), "small"), _p(markup(m.version), "small"),
                         m.sha256[:12], _p(markup(metrics or "—"), "small")])
        out.append(_table(rows, [32 * mm, 24 * mm, 26 * mm, WIDTH - 82 * mm]))
    else:
        out.append(_p("No model information recorded."))
    out.append(Spacer(1, 1.5 * mm))
    out.append(_p(f"Inference backend: {markup(analysis.backend)}", "small"))
    return out


def _closing_section(case: CaseInfo) -> list[Flowable]:
    """Intended use and the reviewer's signature lines, kept together on one page."""
    use = Table([[[_p("<b>Intended use</b>"), _p(INTENDED_USE), _p(TRAINING_NOTE, "small")]]],
                colWidths=[WIDTH])
    use.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, GREY),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    row = [_p("Reviewed by", "label"), _p(markup(case.reviewer)), _p("Signature", "label"), "",
           _p("Date", "label"), _p(markup(case.signed_at))]
    sign = Table([row], colWidths=[26 * mm, 48 * mm, 20 * mm, 42 * mm, 13 * mm, WIDTH - 149 * mm],
                 rowHeights=[14 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              *[("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black)
                                for i in (1, 3, 5)]]))
    return [KeepTogether([_p("Review", "h2"), use, Spacer(1, 3 * mm), sign])]


# --- pages --------------------------------------------------------------------------------------

class _NumberedCanvas(Canvas):
    """Holds every page until the end, so the header and footer can say "Page N of M"."""

    def __init__(self, *args: object, case: CaseInfo, logo: ImageReader | None,
                 **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._case, self._logo = case, logo

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._decorate(number, len(self._pages))
            super().showPage()
        super().save()

    def _decorate(self, page: int, total: int) -> None:
        width, height = A4
        top, x = height - 10 * mm, MARGIN
        self.saveState()
        if self._logo is not None:
            w, h = self._logo.getSize()
            lw = min(35 * mm, 11 * mm * w / h)
            self.drawImage(self._logo, x, top - 11 * mm, width=lw, height=11 * mm,
                           preserveAspectRatio=True, anchor="sw", mask="auto")
            x += lw + 3 * mm
        pid = _draw(self, width - MARGIN, top - 4.5 * mm,
                    f"Patient ID: {self._case.patient_id or '—'}", 9, bold=True, right=True,
                    max_width=70 * mm)
        room = width - MARGIN - x - pid - 5 * mm
        _draw(self, x, top - 4.5 * mm, self._case.lab_name, 11, bold=True, max_width=room)
        _draw(self, x, top - 10 * mm, TITLE, 9, max_width=room)
        self.setStrokeColor(GREY)
        self.setLineWidth(0.6)
        self.line(MARGIN, top - 13 * mm, width - MARGIN, top - 13 * mm)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.setFillColor(GREY)
        _draw(self, MARGIN, 9 * mm, FOOTER_USE, 7.5)
        _draw(self, width - MARGIN, 9 * mm, f"Page {page} of {total}", 8, right=True)
        self.restoreState()


def _story(analysis: Analysis, case: CaseInfo, generated_at: str) -> list[Flowable]:
    return [_patient_block(case, generated_at), Spacer(1, 4 * mm), _result_box(analysis),
            *_summary_section(analysis), *_fields_section(analysis), *_gallery_section(analysis),
            *_skipped_section(analysis), *_models_section(analysis), *_closing_section(case)]


def write_report(analysis: Analysis, case: CaseInfo, path: Path, *,
                 generated_at: str | None = None) -> Path:
    """Write the A4 PDF report and return its path.

    Written to a temporary name and then moved into place, so a failure never leaves a
    half-written PDF where someone might open it as the report.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    generated_at = generated_at or datetime.now().strftime("%Y-%m-%d %H:%M")
    story = _story(analysis, case, generated_at)
    tmp = path.with_name(path.name + ".tmp")
    doc = BaseDocTemplate(str(tmp), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=28 * mm, bottomMargin=20 * mm, title=TITLE,
                          author=case.lab_name, subject=f"Patient {case.patient_id}",
                          creator="clinic-app")
    # No frame padding: tables are exactly WIDTH wide and line up with the headings.
    frame = Frame(MARGIN, doc.bottomMargin, WIDTH, doc.height, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    maker = functools.partial(_NumberedCanvas, case=case, logo=_logo(case))
    try:
        doc.build(story, canvasmaker=maker)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
