"""The messages between the window and the engine process: small typed values, not tuples.

Requests go from the window to ``app.engine``; events come back. Each is a frozen dataclass, so
both sides name what they send and a type checker, grep or an IDE can follow every one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from clinic_app.analysis import AnalyzerOptions
from clinic_app.manifest_schema import Thresholds
from clinic_app.results import FieldResult, ModelInfo, SkippedInput

# -- requests (window -> engine) --------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    """(Re)build the Analyzer with these options."""

    options: AnalyzerOptions


@dataclass(frozen=True)
class Import:
    """Save image files (or the images in folders) into a case."""

    case_id: int
    paths: tuple[str, ...]
    um_per_px: float | None
    # False: the technologist chose "analyse anyway" for images the in-scope check refused
    check_scope: bool = True
    # False: images already in the case (same sha256) are saved again, on purpose
    skip_duplicates: bool = True


@dataclass(frozen=True)
class Frame:
    """Save one camera frame into a case."""

    case_id: int
    rgb: np.ndarray
    source: str
    um_per_px: float | None


@dataclass(frozen=True)
class Analyze:
    case_id: int
    field_id: int
    scope_problem: str = ""  # set when analysed anyway: the result records the override


@dataclass(frozen=True)
class Cancel:
    """Stop the import in progress (the files not yet saved are listed as cancelled)."""


@dataclass(frozen=True)
class Stop:
    """Finish the field in hand, close the store, end the process."""


Request = Load | Import | Frame | Analyze | Cancel | Stop

# -- events (engine -> window) ----------------------------------------------------------------


@dataclass(frozen=True)
class Ready:
    backend: str
    labels: tuple[str, ...]  # the cell model's labels, from its manifest
    crop_um: float
    models: list[ModelInfo]
    field_thresholds: Thresholds  # all-subtype's: where the summary flags ALL


@dataclass(frozen=True)
class LoadFailed:
    message: str


@dataclass(frozen=True)
class Saved:
    case_id: int
    field_id: int
    source: str
    sha256: str = ""
    duplicate_of: int = 0  # kept on purpose although the case holds the same image
    scope_problem: str = ""  # saved although the in-scope check refused it ("analyse anyway")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


@dataclass(frozen=True)
class Finished:
    """An import ended: how many fields were saved, and what was not."""

    case_id: int
    saved: int
    skipped: list[SkippedInput]


@dataclass(frozen=True)
class Error:
    message: str


@dataclass(frozen=True)
class Analysed:
    case_id: int
    field_id: int
    result: FieldResult
    cell_ids: tuple[int, ...]


@dataclass(frozen=True)
class Failed:
    case_id: int
    field_id: int
    reason: str


@dataclass(frozen=True)
class Gone:
    """The engine process ended (seen by the window's reader when the pipe closes)."""


Event = Ready | LoadFailed | Saved | Progress | Finished | Error | Analysed | Failed | Gone
