"""Look of the PDF report: page geometry, colours, fonts with per-script fallback, paragraph
styles and plain tables, shared by every part of the report.

Names may be in any script. DejaVu Sans draws Latin, Greek, Cyrillic and more; runs of text it
lacks (Chinese, Japanese) switch to Droid Sans Fallback. Both are bundled in ``clinic_app/fonts``.
Not handled: Arabic and Hebrew shaping and right-to-left order (reportlab draws the letters
unjoined, left to right) and Hangul (neither font has it).
"""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
MAIN, BOLD, FALLBACK = "DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"
MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
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
    """Printed width of text, run by run, so canvas text can be fitted to its room."""
    return sum(pdfmetrics.stringWidth(r, FALLBACK if fb else BOLD if bold else MAIN, size)
               for r, fb in _runs(text))


def draw_lines(canv: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
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


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph from markup the caller built (user strings already through ``markup``)."""
    return Paragraph(text, _styles()[style])


def styled_table(rows: list, widths: list[float], header: bool = True) -> Table:
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
