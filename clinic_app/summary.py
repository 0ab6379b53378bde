"""Sample summary: differential counts and percentages, blasts, ALL result, flags.

Thresholds and their sources (a lab may change them; the report prints each flag's source):

- Adult peripheral-blood differential reference ranges, % of white cells: neutrophils 40-80,
  lymphocytes 20-40, monocytes 2-10, eosinophils 1-6, basophils 0-2. Source: Bain BJ, Bates I,
  Laffan MA, "Dacie and Lewis Practical Haematology", 12th ed. (2017), Table 1.9. They are not
  applied to children under 12 years (``age_months``): the differential changes with age
  (lymphocytes predominate in infancy), so a child's percentages are printed without adult
  range flags and the lab's own paediatric ranges apply.
- Blasts are counted from cells: every cell whose final label (the model's, or the reviewer's
  correction) is ``blast``, as a share of the white cells counted. Any blast seen is flagged for
  review; >= 20 % blasts is the acute-leukaemia range (WHO 2022: Khoury JD et al., Leukemia
  2022;36:1703-19; ICC 2022: Arber DA et al., Blood 2022;140:1200-28).
- ALL suspected rests on cell-level blasts (>= 20 % of >= ``MIN_CELLS_FOR_ALL`` white cells).
  The field model (``all-subtype``) is supporting evidence, quoted beside it; it names a subtype
  only when its top malignant class leads the next by ``SUBTYPE_MARGIN`` in mean probability,
  otherwise "subtype undetermined". When the field model calls the fields malignant but no blast
  cell is found, that disagreement is flagged for review instead.
- Nucleated red cells (erythroblasts) are reported per 100 white cells, outside the
  differential (ICSH 2014). Smudge cells and artefacts (reviewer labels) are counted apart, and
  platelets are not white cells.
- Every percentage flag (reference ranges, immature granulocytes > 2 %, NRBC, blasts >= 20 %)
  waits for ``MIN_CELLS_FOR_PERCENT`` white cells: below that a percentage is mostly sampling
  noise (CLSI H20-A2; 100 is the usual minimum, 50 this project's floor). The presence of a
  blast is flagged at any count, because a screen must not wait to show it.
- More than 10 % of cells unidentified, or more than a quarter of fields unusable: the count
  itself is doubtful (project default).
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from clinic_app.results import UNIDENTIFIED, FieldResult, Flag, SampleSummary, Text
from clinic_app.scale import DEFAULT_UM_PER_PX
from clinic_app.scale import UNKNOWN as UNKNOWN_SCALE

DIFF_SOURCE = "Dacie and Lewis Practical Haematology, 12th ed., adult reference ranges"
WHO_SOURCE = "WHO 2022 (Khoury et al., Leukemia 2022) and ICC 2022 (Arber et al., Blood 2022)"
REFERENCE_RANGES = {  # % of white cells, adults
    "neutrophil": (40.0, 80.0),
    "lymphocyte": (20.0, 40.0),
    "monocyte": (2.0, 10.0),
    "eosinophil": (1.0, 6.0),
    "basophil": (0.0, 2.0),
}
ADULT_FROM_MONTHS = 12 * 12
IG_MAX_PERCENT = 2.0
BLAST_ACUTE_PERCENT = 20.0
UNIDENTIFIED_MAX_PERCENT = 10.0
POOR_FIELDS_MAX_SHARE = 0.25
MIN_CELLS_FOR_PERCENT = 50
MIN_CELLS_FOR_ALL = 10
SUBTYPE_MARGIN = 0.3
BENIGN_LABEL = "Benign"
BLAST = "blast"
NRBC = "erythroblast"
NOT_WHITE_CELLS = ("platelet",)  # counted by the classifier, not white cells
COUNTED_APART = ("smudge", "artefact")  # reviewer labels, outside the differential
OUTSIDE_DIFFERENTIAL = (*NOT_WHITE_CELLS, *COUNTED_APART, NRBC)


def differential(fields: list[FieldResult]) -> tuple[dict[str, int], dict[str, float], int]:
    """Counts per final label over usable fields; percentages of the white cells counted
    (platelets, NRBC, smudge cells and artefacts are counted but are not in the 100 %)."""
    counts = Counter(c.label for f in fields if f.quality.usable for c in f.cells)
    white = {k: v for k, v in counts.items() if k not in OUTSIDE_DIFFERENTIAL}
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
    return max(mean, key=mean.get), mean, malignant_probability(mean), len(used)


def named_subtype(scores: dict[str, float]) -> str | None:
    """The malignant subtype whose mean probability leads the next by ``SUBTYPE_MARGIN``."""
    ranked = sorted(((p, k) for k, p in scores.items() if k != BENIGN_LABEL), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] < SUBTYPE_MARGIN):
        return None
    return ranked[0][1]


def range_flags(pct: dict[str, float], total: int, age_months: int | None) -> list[Flag]:
    if total < MIN_CELLS_FOR_PERCENT or (age_months is not None
                                         and age_months < ADULT_FROM_MONTHS):
        return []
    flags = []
    for name, (lo, hi) in REFERENCE_RANGES.items():
        v = pct.get(name, 0.0)
        if v < lo or v > hi:
            word = "low" if v < lo else "high"
            flags.append(Flag.of(f"{name.upper()}_{word.upper()}",
                                 Text("{} {:.1f}% is {} (adult range {:g}-{:g}%)",
                                      (Text(name), v, Text(word), lo, hi)), Text(DIFF_SOURCE)))
    return flags


def abnormal_cell_flags(counts: dict[str, int], pct: dict[str, float], total: int) -> list[Flag]:
    if total < MIN_CELLS_FOR_PERCENT:
        return []
    flags = []
    if counts.get(NRBC, 0):
        per100 = 100.0 * counts[NRBC] / total
        flags.append(Flag.of("NRBC", Text("{:.1f} nucleated red cells per 100 white cells",
                                          (per100,)),
                             "normally absent from adult peripheral blood (ICSH 2014)"))
    if pct.get("ig", 0.0) > IG_MAX_PERCENT:
        flags.append(Flag.of("IMMATURE_GRANULOCYTES",
                             Text("immature granulocytes {:.1f}% (> {:g}%)",
                                  (pct["ig"], IG_MAX_PERCENT)),
                             "normally absent from adult peripheral blood; 2% project default"))
    return flags


def blast_flags(blasts: int, total: int, field_scores: dict[str, float],
                n_fields: int, threshold: float) -> list[Flag]:
    """Any blast (review); >= 20 % (acute range); ALL suspected on cells, field model beside."""
    pct = 100.0 * blasts / total if total else 0.0
    malignant = malignant_probability(field_scores) if field_scores else None
    support = (Text("field model not applicable to these fields") if malignant is None else
               Text("field model: malignant probability {:.0%} over {} field" if n_fields == 1
                    else "field model: malignant probability {:.0%} over {} fields",
                    (malignant, n_fields)))
    flags = []
    if blasts:
        flags.append(Flag.of("BLASTS_SEEN", Text(
            "{} blast seen ({:.0f}% of {} white cells): review them" if blasts == 1 else
            "{} blasts seen ({:.0f}% of {} white cells): review them", (blasts, pct, total)),
            "wbc-type model; any blast in blood is abnormal"))
    if blasts and pct >= BLAST_ACUTE_PERCENT and total >= MIN_CELLS_FOR_PERCENT:
        flags.append(Flag.of("BLASTS_ACUTE_RANGE",
                             Text("blasts {:.0f}% (>= {:g}%: the acute-leukaemia range)",
                                  (pct, BLAST_ACUTE_PERCENT)), Text("{}", (WHO_SOURCE,))))
    if blasts and pct >= BLAST_ACUTE_PERCENT and total >= MIN_CELLS_FOR_ALL:
        name = named_subtype(field_scores) if malignant and malignant >= threshold else None
        kind = Text("most likely {}", (name,)) if name else Text("subtype undetermined")
        flags.append(Flag.of("ALL_SUSPECTED", Text(
            "acute lymphoblastic leukaemia suspected: blasts {:.0f}% of white cells; {}; {}",
            (pct, kind, support)), Text(
            "cell-level blast count; {}; all-subtype model, threshold {:g}, subtype margin {:g}",
            (WHO_SOURCE, threshold, SUBTYPE_MARGIN))))
    elif not blasts and malignant is not None and malignant >= threshold:
        flags.append(Flag.of("FIELD_MODEL_MALIGNANT",
                             Text("no blast cell found, but the {}: review the fields",
                                  (support,)),
                             Text("all-subtype model, threshold {:g}", (threshold,))))
    return flags


def quality_flags(fields: list[FieldResult], unidentified: int, total: int,
                  target: int) -> list[Flag]:
    usable = sum(f.quality.usable for f in fields)
    flags = []
    if total and 100.0 * unidentified / total > UNIDENTIFIED_MAX_PERCENT:
        flags.append(Flag.of("MANY_UNIDENTIFIED",
                             Text("{} of {} cells unidentified: review them",
                                  (unidentified, total)),
                             Text("> {:g}% (project default)", (UNIDENTIFIED_MAX_PERCENT,))))
    if fields and (len(fields) - usable) / len(fields) > POOR_FIELDS_MAX_SHARE:
        flags.append(Flag.of("POOR_FIELDS", Text("{} of {} fields excluded for quality",
                                                 (len(fields) - usable, len(fields))),
                             Text("> {:g}% of fields (project default)",
                                  (100 * POOR_FIELDS_MAX_SHARE,))))
    unknown = [f for f in fields if f.scale_source == UNKNOWN_SCALE]
    if unknown:
        flags.append(Flag.of("SCALE_UNKNOWN", Text(
            ("{} of {} field" if len(fields) == 1 else "{} of {} fields")
            + ": scale not measurable (too few red cells); analysed at an assumed {:g} um/px: "
            "give the microscope's scale (--um-per-px, or Settings)",
            (len(unknown), len(fields), DEFAULT_UM_PER_PX)),
            "red-cell ruler (clinic_app.scale)"))
    if total < target:
        flags.append(Flag.of("LOW_COUNT", Text(
            ("{} white cell counted" if total == 1 else "{} white cells counted")
            + ", target {}; percentage flags need {}", (total, target, MIN_CELLS_FOR_PERCENT)),
            "CLSI H20-A2; percentages from small counts are imprecise"))
    return flags


def summarize(fields: list[FieldResult], target: int, malignant_threshold: float,
              age_months: int | None = None) -> SampleSummary:
    """Everything the report's first page says about the sample; ``malignant_threshold`` is the
    ``all-subtype`` model's (``manifest_schema.Thresholds.malignant_probability``)."""
    counts, pct, total = differential(fields)
    label, scores, malignant, n_used = subtype(fields)
    blasts = counts.get(BLAST, 0)
    unidentified = counts.get(UNIDENTIFIED, 0)
    flags = blast_flags(blasts, total, scores, n_used, malignant_threshold)
    flags += range_flags(pct, total, age_months)
    flags += abnormal_cell_flags(counts, pct, total)
    flags += quality_flags(fields, unidentified, total, target)
    return SampleSummary(
        counts=counts, percentages=pct, cells_counted=total, target=target,
        fields_total=len(fields), fields_used=sum(f.quality.usable for f in fields),
        subtype_label=label, subtype_scores=scores, malignant_probability=malignant,
        unidentified=unidentified, malignant_threshold=malignant_threshold, flags=flags,
        blast_cells=blasts, blast_percent=100.0 * blasts / total if total else None,
        nrbc_per_100_wbc=100.0 * counts.get(NRBC, 0) / total if total else None,
        counted_apart={k: counts[k] for k in COUNTED_APART if counts.get(k)},
        subtype_named=named_subtype(scores) if malignant is not None
        and malignant >= malignant_threshold else None,
    )
