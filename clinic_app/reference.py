"""Reference values for the white-cell differential by age, and where they come from.

Adults (from ``ADULT_FROM_MONTHS``): the ranges of ``summary.REFERENCE_RANGES`` (Dacie and Lewis
Practical Haematology, 12th ed., 2017, Table 1.9), which the summary's range flags use.

Children: the differential changes with age (neutrophils lead at birth, lymphocytes from about
two weeks to four years, adult proportions from about six years), so adult ranges are wrong for
a child and the summary raises no range flag under ``ADULT_FROM_MONTHS``. What the report prints
instead is the typical (mean) percentage for the age from the classic age-specific differential
table: Dallman PR, in Rudolph AM (ed.), *Pediatrics*, 16th ed., Appleton-Century-Crofts, 1977,
p. 1178, reproduced as "Age-specific leukocyte differential" in The Harriet Lane Handbook
(Johns Hopkins Hospital, any recent edition, Hematology chapter). That source gives percentages
as means only (its 95 % ranges are absolute counts, which a smear cannot measure), so the report
labels them "typical for age", and a laboratory should put its own validated paediatric
intervals here.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app import summary as _summary
from clinic_app.age import age_label

ADULT_SOURCE = "Dacie and Lewis Practical Haematology, 12th ed. (2017), Table 1.9 (adults)"
CHILD_SOURCE = ("Dallman PR, in Rudolph AM (ed.), Pediatrics, 16th ed., 1977, p. 1178 "
                "(Harriet Lane Handbook, age-specific leukocyte differential): mean % for age")
# The summary's age for adult range flags (12 years), so the table and the flags agree.
ADULT_FROM_MONTHS: int = getattr(_summary, "ADULT_FROM_MONTHS", 12 * 12)

# Lower age bound in months -> (row of the source, mean % neutrophil, lymphocyte, monocyte,
# eosinophil). The first month uses the source's one-week row.
_CHILD_MEANS: tuple[tuple[int, str, tuple[float, float, float, float]], ...] = (
    (0, "1 week", (45, 41, 9, 4)),
    (1, "1 month", (35, 56, 7, 3)),
    (6, "6 months", (32, 61, 5, 3)),
    (12, "1 year", (31, 61, 5, 3)),
    (24, "2 years", (33, 59, 5, 3)),
    (48, "4 years", (42, 50, 5, 3)),
    (72, "6 years", (51, 42, 5, 3)),
    (96, "8 years", (53, 39, 4, 2)),
    (120, "10 years", (54, 38, 4, 2)),
)
_CHILD_CLASSES = ("neutrophil", "lymphocyte", "monocyte", "eosinophil")


@dataclass(frozen=True)
class Reference:
    """What to print beside each class: ``values`` is class -> text ("40–80 %" or "61 %")."""

    heading: str  # the column heading, e.g. "Adult range" or "Typical at 1 year"
    values: dict[str, str]
    source: str
    paediatric: bool
    age: str = ""  # a child's age as the heading says it ("1 year"), for a translated heading
    row: str = ""  # the table row of the child reference ("1 year")


def reference_for(age_months: int | None, adult_ranges: dict[str, tuple[float, float]]
                  ) -> Reference:
    """Adult ranges for adults and for an unknown age (said so), typical means for a child."""
    if age_months is None or age_months >= ADULT_FROM_MONTHS:
        values = {k: f"{lo:g}–{hi:g} %" for k, (lo, hi) in adult_ranges.items()}
        heading = "Adult range" if age_months is not None else "Adult range (age unknown)"
        return Reference(heading, values, ADULT_SOURCE, False)
    row, means = next((r, m) for lo, r, m in reversed(_CHILD_MEANS) if age_months >= lo)
    values = {k: f"≈ {v:g} %" for k, v in zip(_CHILD_CLASSES, means, strict=True)}
    age = age_label(age_months)
    return Reference(f"Typical at {age}", values, f"{CHILD_SOURCE} (row: {row})", True, age, row)
