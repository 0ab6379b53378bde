"""The report's answer box: the ALL screen's headline, the blast count from cells, the field
model as supporting evidence, and every flag.

The headline says plainly what the screen found, or that it does not apply and why (a field
at 100x, or outside what the field model knows, is not a failure: the reason is in the
headline, not in small print). Until the case is signed, the box says it is preliminary.
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from clinic_app.report.i18n import tr
from clinic_app.report.style import ALERT, GREY, WIDTH, markup, para
from clinic_app.report.text import SHORT, clip, plural, units
from clinic_app.results import Analysis, CaseInfo, Flag

# Folder names of the all/ training set and what they stand for.
SUBTYPE_NAMES = {"Benign": "no ALL pattern", "Early": "early pre-B ALL pattern",
                 "Pre": "pre-B ALL pattern", "Pro": "pro-B ALL pattern"}
FLAG_TEXT = 400


def blast_figures(analysis: Analysis) -> tuple[int, float | None]:
    """Blast count and % of white cells, from cells (``SampleSummary.blast_cells``; the name
    ``blast_count`` is read first should the summary adopt it)."""
    s = analysis.summary
    count = getattr(s, "blast_count", None)
    if count is None:
        count = getattr(s, "blast_cells", 0)
    return int(count or 0), s.blast_percent


def not_applicable_reason(analysis: Analysis) -> str:
    """Why no field was classified: the most common note of the usable fields."""
    notes = Counter(f.field_note for f in analysis.fields if f.quality.usable and f.field_note)
    if notes:
        return units(notes.most_common(1)[0][0])
    if analysis.fields and not any(f.quality.usable for f in analysis.fields):
        return tr("every field was excluded for quality")
    return tr("no usable field")


def headline(analysis: Analysis) -> tuple[str, bool]:
    """The first line of the answer (markup) and whether it is a finding to act on."""
    s = analysis.summary
    codes = {f.code for f in s.flags}
    if "ALL_SUSPECTED" in codes:
        return tr("ALL screen: acute lymphoblastic leukaemia suspected"), True
    if s.subtype_label is None and not blast_figures(analysis)[0]:
        return (tr("ALL screen not applicable: {}")
                .format(markup(clip(not_applicable_reason(analysis), 200))), False)
    if blast_figures(analysis)[0]:
        return tr("ALL screen: blasts seen — review them"), True
    return tr("ALL screen: no ALL pattern found"), False


def _field_model_line(analysis: Analysis) -> str:
    s = analysis.summary
    if s.subtype_label is None:
        return (tr("Field model (all-subtype): not applicable — {}")
                .format(markup(clip(not_applicable_reason(analysis), 200))))
    gloss = tr(SUBTYPE_NAMES[s.subtype_label]) if s.subtype_label in SUBTYPE_NAMES else None
    named = getattr(s, "subtype_named", None)
    prob = "" if s.malignant_probability is None else \
        tr("malignant probability {}; ").format(f"{s.malignant_probability:.0%}")
    scores = ", ".join(f"{markup(k)} {v:.0%}" for k, v in s.subtype_scores.items())
    if named:
        kind = tr("subtype {} ({})").format(
            markup(named), tr(SUBTYPE_NAMES[named]) if named in SUBTYPE_NAMES else named)
    else:
        kind = tr("top class {}").format(markup(s.subtype_label)) + (f" ({gloss})" if gloss
                                                                     else "")
    return (tr("Field model (all-subtype, supporting evidence): {}{}. Mean over {}: {}")
            .format(prob, kind, plural(s.fields_used, "usable field"), scores))


def _flag_text(flag: Flag) -> str:
    """The message in bold, then where the rule comes from, so a reader can weigh it; both in
    the report's language."""
    message, origin = flag.say(tr)
    source = (f' <font color="#555555" size="7.5">— {markup(clip(origin, FLAG_TEXT))}'
              "</font>") if origin else ""
    return f"<bullet>•</bullet><b>{markup(clip(units(message), FLAG_TEXT))}</b>{source}"


def _anyway_lines(analysis: Analysis) -> list[Flowable]:
    """Fields the technologist analysed although the in-scope check refused them."""
    anyway = [f for f in analysis.fields if getattr(f, "analysed_anyway", False)]
    if not anyway:
        return []
    problems = sorted({clip(getattr(f, "scope_problem", "") or tr("out of scope"), SHORT)
                       for f in anyway})
    text = (tr("<b>{} analysed anyway</b> although the in-scope check refused it ({}): their "
               "results are outside what the models were checked on.") if len(anyway) == 1 else
            tr("<b>{} analysed anyway</b> although the in-scope check refused them ({}): their "
               "results are outside what the models were checked on."))
    return [para('<font color="#b00000">' + text.format(plural(len(anyway), "field"),
                                                        markup("; ".join(problems))) + "</font>",
                 "small")]


def result_box(analysis: Analysis, case: CaseInfo) -> Table:
    """The sample-level answer and every flag, boxed, so it is the first thing read."""
    s = analysis.summary
    head, alert = headline(analysis)
    content: list[Flowable] = [para(head, "result")]
    blasts, pct = blast_figures(analysis)
    pct_text = "" if pct is None else f" ({pct:.1f} %)"
    content.append(para(tr("<b>Blasts: {} of {}{}</b>, counted cell by cell (model or reviewer "
                           "label “blast”)").format(blasts, plural(s.cells_counted, "white cell"),
                                                   pct_text)))
    content.append(para(_field_model_line(analysis), "small"))
    content += _anyway_lines(analysis)
    if not case.signed_at:
        content.append(para('<font color="#b00000">' + tr("<b>PRELIMINARY</b>: not yet reviewed "
                            "and signed; results may change.") + "</font>", "small"))
    content.append(Spacer(1, 2 * mm))
    if s.flags:
        content.append(para(tr("<b>Flags ({})</b>").format(len(s.flags))))
        content += [para(_flag_text(f), "flag") for f in s.flags]
    else:
        content.append(para(tr("<b>No flags</b>")))
    box = Table([[content]], colWidths=[WIDTH])
    edge = ALERT if (s.flags or alert) else GREY
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, edge),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbf7f2")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8),
                             ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box
