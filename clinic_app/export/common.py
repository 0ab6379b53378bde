"""What every export of a stored case shares: the summary of its reviewed labels."""

from __future__ import annotations

from clinic_app.modelpack import malignant_threshold
from clinic_app.results import SampleSummary
from clinic_app.store import CaseStore
from clinic_app.summary import summarize


def case_summary(store: CaseStore, case_id: int, target: int = 100) -> SampleSummary:
    """The summary of the stored (reviewed) labels, as the report computes it."""
    return summarize(store.load_field_results(case_id), target, malignant_threshold())
