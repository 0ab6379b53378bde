"""Sample summary: differential counts and percentages, ALL result across fields, flags.

Thresholds and their sources (a lab may change them; the report prints each flag's source):

- Adult peripheral-blood differential reference ranges, % of white cells: neutrophils 40-80,
  lymphocytes 20-40, monocytes 2-10, eosinophils 1-6, basophils 0-2. Source: Bain BJ, Bates I,
  Laffan MA, "Dacie and Lewis Practical Haematology", 12th ed. (2017), Table 1.9 (adult
  Caucasian reference ranges, absolute counts expressed as proportions).
- Nucleated red cells (erythroblasts) and immature granulocytes are normally absent from adult
  peripheral blood; any erythroblast, or immature granulocytes above 2 %, is flagged
  (ICSH 2014 recommendations for standardization of peripheral blood cell morphology
  features; the 2 % IG cut-off is this project's default).
- ALL suspected: mean malignant probability (1 - P(Benign)) over usable fields >= the manifest's
  ``all-subtype`` ``thresholds.malignant_probability`` (0.5 today), the operating point at which
  the shipped test figures in the manifest were measured; the caller passes it in.
- Blast estimate: the white cells found in usable fields that ``all-subtype`` calls malignant
  (P(malignant) >= that threshold), as a share of all white cells counted. ``wbc-type`` has no
  blast class (its training set holds no blasts), so this is a field-level estimate, not a
  per-cell count; the report says so. WHO 2022: >= 20 % blasts in blood or marrow supports
  acute leukaemia.
- More than 10 % of cells unidentified, or more than a quarter of fields unusable: the count
  itself is doubtful (project default).
- Fewer cells than the 100-cell target (CLSI H20-A2 manual differential counts 200 cells; 100 is
  the usual minimum): the percentages are imprecise.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from clinic_app.results import UNIDENTIFIED, FieldResult, Flag, SampleSummary

DIFF_SOURCE = "Dacie and Lewis Practical Haematology, 12th ed., adult reference ranges"
REFERENCE_RANGES = {  # % of white cells, adults
    "neutrophil": (40.0, 80.0),
    "lymphocyte": (20.0, 40.0),
    "monocyte": (2.0, 10.0),
    "eosinophil": (1.0, 6.0),
    "basophil": (0.0, 2.0),
}
IG_MAX_PERCENT = 2.0
UNIDENTIFIED_MAX_PERCENT = 10.0
POOR_FIELDS_MAX_SHARE = 0.25
MIN_CELLS_FOR_RANGES = 50  # below this, a percentage outside the range is mostly sampling noise
BENIGN_LABEL = "Benign"
# Platelets are counted by the classifier but are not white cells: kept out of the differential.
NOT_WHITE_CELLS = ("platelet",)


def differential(fields: list[FieldResult]) -> tuple[dict[str, int], dict[str, float], int]:
    """Counts per final label over usable fields, percentages of the white cells counted."""
    counts = Counter(c.label for f in fields if f.quality.usable for c in f.cells)
    white = {k: v for k, v in counts.items() if k not in NOT_WHITE_CELLS}
    total = sum(white.values())
    pct = {k: 100.0 * v / total for k, v in white.items()} if total else {}
    return dict(sorted(counts.items())), dict(sorted(pct.items())), total


def malignant_probability(scores: dict[str, float]) -> float:
    """1 - P(Benign): the ALL model's probability of any malignant subtype."""
    return 1.0 - scores.get(BENIGN_LABEL, 0.0)


def subtype(fields: list[FieldResult]) -> tuple[str | None, dict[str, float], float | None, int]:
    """Mean ALL-subtype probabilities over usable fields, and the malignant probability."""
    used = [f.field for f in fields if f.quality.usable and f.field is not None]
    if not used:
        return None, {}, None, 0
    labels = list(used[0].scores)
    mean = {lab: float(np.mean([u.scores[lab] for u in used])) for lab in labels}
    malignant = malignant_probability(mean)
    return max(mean, key=mean.get), mean, malignant, len(used)


def blast_estimate(fields: list[FieldResult],
                   threshold: float) -> tuple[int | None, float | None]:
    """White cells in usable fields the field model calls malignant, and their share of all.

    None when no usable field was classified (e.g. every field too small for ``all-subtype``)."""
    used = [f for f in fields if f.quality.usable]
    if not any(f.field is not None for f in used):
        return None, None
    white = [(f, sum(c.label not in NOT_WHITE_CELLS for c in f.cells)) for f in used]
    total = sum(n for _, n in white)
    blasts = sum(n for f, n in white if f.field is not None
                 and malignant_probability(f.field.scores) >= threshold)
    return blasts, (100.0 * blasts / total if total else None)


def range_flags(pct: dict[str, float], total: int) -> list[Flag]:
    if total < MIN_CELLS_FOR_RANGES:
        return []
    flags = []
    for name, (lo, hi) in REFERENCE_RANGES.items():
        v = pct.get(name, 0.0)
        if v < lo or v > hi:
            word = "low" if v < lo else "high"
            flags.append(Flag(f"{name.upper()}_{word.upper()}",
                              f"{name} {v:.1f}% is {word} (adult range {lo:g}-{hi:g}%)",
                              DIFF_SOURCE))
    return flags


def abnormal_cell_flags(counts: dict[str, int], pct: dict[str, float]) -> list[Flag]:
    flags = []
    if counts.get("erythroblast", 0):
        flags.append(Flag("ERYTHROBLASTS", f"{counts['erythroblast']} nucleated red cell(s) seen",
                          "normally absent from adult peripheral blood (ICSH 2014)"))
    if pct.get("ig", 0.0) > IG_MAX_PERCENT:
        flags.append(Flag("IMMATURE_GRANULOCYTES",
                          f"immature granulocytes {pct['ig']:.1f}% (> {IG_MAX_PERCENT:g}%)",
                          "normally absent from adult peripheral blood; 2% project default"))
    return flags


def summarize(fields: list[FieldResult], target: int, malignant_threshold: float) -> SampleSummary:
    """Everything the report's first page says about the sample; ``malignant_threshold`` is the
    ``all-subtype`` model's (``modelpack.Thresholds.malignant_probability``)."""
    counts, pct, total = differential(fields)
    label, scores, malignant, n_used = subtype(fields)
    blasts, blast_pct = blast_estimate(fields, malignant_threshold)
    unidentified = counts.get(UNIDENTIFIED, 0)
    usable = sum(f.quality.usable for f in fields)
    flags: list[Flag] = []
    if malignant is not None and malignant >= malignant_threshold:
        flags.append(Flag("ALL_SUSPECTED",
                          f"acute lymphoblastic leukaemia suspected: malignant probability "
                          f"{malignant:.0%} over {n_used} field(s), most likely {label}"
                          + ("" if blast_pct is None else
                             f"; blast estimate {blast_pct:.0f}% of white cells"),
                          f"all-subtype model, threshold {malignant_threshold:g}"))
    flags += range_flags(pct, total)
    flags += abnormal_cell_flags(counts, pct)
    if total and 100.0 * unidentified / total > UNIDENTIFIED_MAX_PERCENT:
        flags.append(Flag("MANY_UNIDENTIFIED",
                          f"{unidentified} of {total} cells unidentified: review them",
                          f"> {UNIDENTIFIED_MAX_PERCENT:g}% (project default)"))
    if fields and (len(fields) - usable) / len(fields) > POOR_FIELDS_MAX_SHARE:
        flags.append(Flag("POOR_FIELDS", f"{len(fields) - usable} of {len(fields)} fields "
                          "excluded for quality", "> 25% of fields (project default)"))
    if total < target:
        flags.append(Flag("LOW_COUNT", f"{total} white cells counted, target {target}",
                          "CLSI H20-A2; percentages from small counts are imprecise"))
    return SampleSummary(
        counts=counts, percentages=pct, cells_counted=total, target=target,
        fields_total=len(fields), fields_used=usable, subtype_label=label,
        subtype_scores=scores, malignant_probability=malignant, unidentified=unidentified,
        malignant_threshold=malignant_threshold,
        flags=flags, blast_cells=blasts, blast_percent=blast_pct,
    )
