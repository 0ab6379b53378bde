"""The one field loader: paths in, readable ``Field`` objects out, one at a time.

The command line, the Analyzer's callers and the desktop engine all read inputs through
``iter_fields``: files and folders are expanded once (``image_paths.iter_image_paths``), each
image is decoded with the same checks, a batch's scale comes from the consensus of its red cells,
and an unreadable input is recorded in ``skipped`` without stopping the batch. A folder of
thousands is never all in memory.

Each field is screened once: decoded, checked for scope (``scope.features``, kept on the field
so the field model's domain check reuses them), checked for quality (kept for the analysis) and,
for a consensus batch, measured for scale; the parts that do not need the red-cell search run
beside it (``parallel``).
A small thread pool screens the next fields while the caller analyses the current one (OpenCV,
numpy's large operations, Pillow's decoder and the interpreter all release the GIL). A consensus
batch needs every field's scale before the first is analysed, so it is read twice, screening
first; the decoded images of that first pass are kept for the second while they fit in
``KEEP_DECODED_BYTES``, so a batch of a few dozen fields is decoded once and a large one costs
one extra decode per field beyond that, never memory that grows with the batch.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from threading import Lock
from typing import TypeVar

import numpy as np

from clinic_app import image_paths, images, parallel, quality, scale, scope
from clinic_app.imaging import WORK_SIDE, shrink_to
from clinic_app.results import Field, QualityReport, SkippedInput

CANCELLED = "cancelled"
WORKERS = 2  # screening threads: on a 2-4 core clinic PC, the analysis keeps a core
AHEAD = 3  # fields screened ahead of the one being analysed (each holds one decoded image)
KEEP_DECODED_BYTES = 48 * 1024 * 1024  # first-pass images kept for the second (~50 640x480)
# A batch's red-cell consensus needs readings on at least this share of its fields of one size.
# Smear fields read red cells on most fields (BCCD 100 %, Bio-Net val 75 %, 256 px Bio-Net val
# crops 59 %, 120 px PBC crops 99 %); where only a few do (256 px crops filled by one white cell
# at ~0.09 um/px: 16 of 99 BCCD dev crops), those few are misreadings of cell parts, and their
# median (0.31 um/px) sent every one of them to the low-magnification segmenter
# (docs/models.md). A larger field of such a minority keeps its own reading, as a field
# analysed alone does; a small one (longer side up to MINORITY_UNTRUSTED_PX, where real red
# cells can be wider than the search's largest circle and it outlines granules or lobes
# instead) keeps none: its white cells are the ruler. BCCD dev crops under the bench's
# moderate shifts, as a folder: precision 83-96 % -> 99-100 % (Bio-Net val crops and PBC crops,
# whose majority reads, unchanged; docs/scope.md).
CONSENSUS_MIN_SHARE = 0.5
MINORITY_UNTRUSTED_PX = 256

T = TypeVar("T")
U = TypeVar("U")
# The in-scope check's second look (``scope.second_look``): an image and its scale (None when
# unknown) -> the best white-cell score (``detection.WhiteCellWitness``, from the model pack).
Witness = Callable[[np.ndarray, "float | None"], float]


@dataclass
class ScreenedField(Field):
    """A ``Field`` with what screening measured: the scope features (reused for the field
    model's domain check) and the ``imaging.WORK_SIDE`` copy (reused by the quality check), so
    nothing is computed twice."""

    features: dict[str, float] | None = None
    work: np.ndarray | None = None
    scope_problem: str = ""  # the in-scope check's refusal of a field kept ("analyse anyway")
    quality: QualityReport | None = None  # measured beside the red-cell search


@dataclass
class _Screening:
    """Compact record of one screened file; ``field`` is dropped when it is not kept."""

    path: Path
    field: Field | None = None
    problem: str = ""
    features: dict[str, float] | None = None
    scale: tuple[float, str] | None = None
    size: tuple[int, int] = (0, 0)
    work: np.ndarray | None = None  # the field's WORK_SIDE copy; dropped with ``field``
    scope_problem: str = ""  # refused by the in-scope check, but kept (``keep_refused``)
    quality: QualityReport | None = None


# What one bad file may raise beyond ImageError (a decoder or measurement bug, memory): it is
# skipped with the error named, and the batch goes on (issue 14).
UNEXPECTED = (ArithmeticError, LookupError, MemoryError, OSError, RuntimeError, TypeError,
              ValueError)


def unexpected_problem(exc: BaseException) -> str:
    return f"cannot be read ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})"


def _screen(path: Path, um_per_px: float | None, in_scope: bool, measure: bool,
            keep_refused: bool = False, witness: Witness | None = None) -> _Screening:
    """Decode, check scope, measure the red-cell scale: everything before the models. Never
    raises for a bad file."""
    try:
        return _screen_one(path, um_per_px, in_scope, measure, keep_refused, witness)
    except images.ImageError as exc:
        return _Screening(path, problem=exc.problem)
    except UNEXPECTED as exc:
        return _Screening(path, problem=unexpected_problem(exc))


def _screen_one(path: Path, um_per_px: float | None, in_scope: bool,
                measure: bool, keep_refused: bool = False,
                witness: Witness | None = None) -> _Screening:
    return screen_field(images.load_field(path, um_per_px), path, in_scope, measure,
                        keep_refused, witness)


def screen_field(field: Field, path: Path, in_scope: bool, measure: bool,
                 keep_refused: bool = False, witness: Witness | None = None) -> _Screening:
    """Everything before the models for a decoded field: its ``WORK_SIDE`` copy, the red-cell
    search, the in-scope check (``in_scope``) and the scale (``measure``: kept for the batch's
    consensus; otherwise a field without a given scale carries its own). ``keep_refused``: a
    field the check refuses is kept, its refusal in ``scope_problem`` ("analyse anyway"), so
    the one red-cell search still serves its scale. ``witness``: asked about an image refused
    for its red cells alone (``scope.second_look``). ``bench`` times this same function."""
    given = field.um_per_px
    rec = _Screening(path, field, size=(field.width, field.height),
                     work=shrink_to(field.image, WORK_SIDE))
    # One red-cell search serves both: its outlines are evidence of a blood film, its
    # diameter is the scale. The other scope features and the quality check need nothing from
    # it: measured beside it (``parallel``), on the same copy.
    found = None
    if in_scope or measure:
        rec.quality, feats, found = parallel.side_by_side(
            lambda: quality.assess(field.image, rec.work),
            lambda: scope.image_features(field.image, rec.work) if in_scope else None,
            lambda: scale.red_cells(field.image, rec.work))
        if feats is not None:
            rec.features = scope.with_red_cells(feats, found.outlines)
    if rec.features is not None:
        verdict = scope.verdict(rec.features, field.image.shape)
        if witness is not None and scope.second_look(verdict):
            verdict = _second_look(verdict, witness, field, found)
        if not verdict.in_scope and not keep_refused:
            return _Screening(path, problem=verdict.problem)
        rec.scope_problem = "" if verdict.in_scope else verdict.problem
        if verdict.vouched and rec.quality is not None:
            rec.quality = replace(rec.quality,
                                  warnings=(*rec.quality.warnings, scope.VOUCHED_NOTE))
    if measure:
        rec.scale = scale.estimate_um_per_px(field.image, found)
    elif found is not None and not given:  # one pass: the field carries its own scale
        field.um_per_px, field.scale_source = scale.estimate_um_per_px(field.image, found)
    return rec


def scope_verdict(rgb: np.ndarray, witness: Witness | None = None) -> scope.ScopeVerdict:
    """The in-scope verdict of one image as screening reaches it: ``scope.check``, then the
    second look where a witness is given (the shift bench measures what the app does)."""
    found = scale.red_cells(rgb)
    verdict = scope.verdict(scope.features(rgb, found.outlines), rgb.shape)
    if witness is not None and scope.second_look(verdict):
        verdict = _second_look(verdict, witness, Field(rgb, ""), found)
    return verdict


def _second_look(verdict: scope.ScopeVerdict, witness: Witness, field: Field,
                 found: scale.RedCells | None) -> scope.ScopeVerdict:
    """``scope.vouched`` by the witness's score. A witness that fails (a damaged model file)
    leaves the refusal standing, saying so: a model problem is not the image's."""
    try:
        return scope.vouched(verdict, witness(field.image, _known_scale(field, found)))
    except UNEXPECTED as exc:
        return replace(verdict, reason=f"{verdict.reason}; the white-cell detector's second "
                                       f"look failed ({type(exc).__name__}: {exc})"[:300])


def _known_scale(field: Field, found: scale.RedCells | None) -> float | None:
    """The field's given scale, else its red cells' reading, else None (unknown)."""
    if field.um_per_px:
        return field.um_per_px
    um, how = scale.estimate_um_per_px(field.image, found)
    return um if how == "red-cells" else None


def screened(rec: _Screening) -> ScreenedField:
    """The field of a screening record (not refused), with what screening measured on it."""
    f = rec.field
    if f is None or rec.problem:
        raise ValueError(f"{rec.path}: {rec.problem or 'no field'}")
    return ScreenedField(f.image, f.source, f.um_per_px, f.scale_source, features=rec.features,
                         work=rec.work, scope_problem=rec.scope_problem, quality=rec.quality)


def prefetched(fn: Callable[[T], U], items: Iterable[T], pool: ThreadPoolExecutor,
               ahead: int = AHEAD) -> Iterator[U]:
    """``fn(item)`` for each item, in order, with up to ``ahead`` computed on ``pool`` ahead."""
    pending: deque[Future[U]] = deque()
    source = iter(items)
    try:
        for item in source:
            pending.append(pool.submit(fn, item))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()


def consensus_scales(paths: list[Path], in_scope: bool = False) -> dict[Path, tuple[float, str]]:
    """Scale per field from the median red-cell estimate of all fields of its pixel size.

    Fields of one size in one batch come from one camera and objective; one field's estimate
    is good to about +-12% and can be far off on a crowded or empty field, the median of a
    slide's fields is not. Unreadable files are left out (the loader reports them); so are
    fields of a size where fewer than half read red cells, except small ones, which get
    ``(DEFAULT_UM_PER_PX, "unknown")`` (``_medians``).
    """
    with ThreadPoolExecutor(WORKERS, initializer=parallel.batch_worker) as pool:
        return _medians(list(prefetched(lambda p: _screen(p, None, in_scope, True), paths, pool)))


def _medians(records: list[_Screening]) -> dict[Path, tuple[float, str]]:
    """The consensus of each pixel size's red-cell readings, where enough of its fields read
    any (``CONSENSUS_MIN_SHARE``). Below that, a small field's reading is replaced by "unknown"
    (``MINORITY_UNTRUSTED_PX``) and a larger one keeps its own."""
    groups: dict[tuple[int, int], list[tuple[Path, float]]] = {}
    fields: dict[tuple[int, int], int] = {}
    for rec in records:
        if rec.problem or rec.scope_problem or rec.scale is None:
            continue
        fields[rec.size] = fields.get(rec.size, 0) + 1
        if rec.scale[1] == "red-cells":
            groups.setdefault(rec.size, []).append((rec.path, rec.scale[0]))
    out = {}
    for size, members in groups.items():
        if len(members) < CONSENSUS_MIN_SHARE * fields[size]:
            if max(size) <= MINORITY_UNTRUSTED_PX:
                out.update({p: (scale.DEFAULT_UM_PER_PX, scale.UNKNOWN) for p, _ in members})
            continue
        median = float(np.median([um for _, um in members]))
        how = f"red-cells (median of {len(members)} fields)" if len(members) > 1 else "red-cells"
        out.update({p: (median, how) for p, _ in members})
    return out


def _first_pass(files: list[Path], pool: ThreadPoolExecutor, in_scope: bool,
                screened: Callable[[int, int], None] | None,
                keep_refused: bool = False, witness: Witness | None = None
                ) -> list[_Screening]:
    """Screen every file (scale included); keep decoded images while they fit the budget."""
    kept = 0
    records = []
    for i, rec in enumerate(prefetched(
            lambda p: _screen(p, None, in_scope, True, keep_refused, witness), files, pool)):
        if rec.field is not None:
            kept += rec.field.image.nbytes
            if kept > KEEP_DECODED_BYTES:
                rec.field = rec.work = None
        records.append(rec)
        if screened is not None:
            screened(i + 1, len(files))
    return records


def iter_fields(paths: Iterable[str | Path], skipped: list[SkippedInput],
                um_per_px: float | None = None, *, consensus: bool = False,
                cancelled: Callable[[], bool] | None = None,
                progress: Callable[[int, int], None] | None = None,
                in_scope: bool = False,
                screened: Callable[[int, int], None] | None = None,
                keep_refused: bool = False, witness: Witness | None = None) -> Iterator[Field]:
    """Yield each readable field; append what cannot be read (or is cancelled) to ``skipped``.

    ``um_per_px`` given: every field has that scale. Else with ``consensus`` each field gets its
    batch's median red-cell scale (``consensus_scales``; a field without a red-cell measurement
    gets its own estimate, the default scale). ``progress(done, total)`` is called before each
    file and once at the end; ``screened(done, total)`` after each file of a consensus batch's
    first pass. ``in_scope``: what is not a stained blood film (``scope.check``) is skipped with
    a problem beginning ``out of scope:``; the fields yielded then carry their scope features.
    ``keep_refused`` (with ``in_scope``): a refused field is yielded all the same, its refusal in
    ``ScreenedField.scope_problem`` ("analyse anyway"); it stays out of the batch's consensus.
    ``witness`` (with ``in_scope``): the white-cell detector's second look at an image refused
    for its red cells alone (``scope.second_look``); without it, such an image stays refused.
    """
    files, missing = image_paths.iter_image_paths(paths)
    skipped.extend(missing)
    two_pass = consensus and not um_per_px
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="screen",
                            initializer=parallel.batch_worker) as pool:
        if two_pass:
            records = _first_pass(files, pool, in_scope, screened, keep_refused, witness)
            scales = _medians(records)
            second = prefetched(lambda r: _reload(r, scales), records, pool)
        else:
            second = prefetched(
                lambda p: _screen(p, um_per_px, in_scope, False, keep_refused, witness), files,
                pool)
        try:
            yield from _deliver(second, files, skipped, cancelled, progress)
        finally:
            second.close()


def _reload(rec: _Screening, scales: dict[Path, tuple[float, str]]) -> _Screening:
    """Second pass of a consensus batch: the kept image or a fresh decode, and its scale."""
    if rec.problem or rec.field is not None:
        field = rec.field
    else:
        try:
            field = images.load_field(rec.path)
        except images.ImageError as exc:  # changed on disk since the first pass
            return _Screening(rec.path, problem=exc.problem)
        except UNEXPECTED as exc:
            return _Screening(rec.path, problem=unexpected_problem(exc))
    if field is not None and rec.scale is not None:
        field.um_per_px, field.scale_source = scales.get(rec.path, rec.scale)
    work = rec.work if field is rec.field else None
    rec.field = rec.work = None  # the record list must not hold the images
    return _Screening(rec.path, field, rec.problem, rec.features, rec.scale, rec.size, work,
                      rec.scope_problem, rec.quality)


def _deliver(records: Iterator[_Screening], files: list[Path], skipped: list[SkippedInput],
             cancelled: Callable[[], bool] | None,
             progress: Callable[[int, int], None] | None) -> Iterator[Field]:
    for i, rec in enumerate(records):
        if cancelled is not None and cancelled():
            skipped.extend(SkippedInput(str(p), CANCELLED) for p in files[i:])
            return
        if progress is not None:
            progress(i, len(files))
        if rec.problem or rec.field is None:
            skipped.append(SkippedInput(str(rec.path), rec.problem))
            continue
        yield screened(rec)
    if progress is not None:
        progress(len(files), len(files))


class Handover:
    """Decoded fields passed from the thread that read them to the one that analyses them
    (the desktop engine: import -> analysis), so a field is decoded once. Bounded: past
    ``limit`` the oldest is let go and its analysis decodes the stored file again."""

    def __init__(self, limit: int = 8) -> None:
        self.limit = limit
        self._items: OrderedDict[object, object] = OrderedDict()
        self._lock = Lock()

    def put(self, key: object, value: object) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.limit:
                self._items.popitem(last=False)

    def take(self, key: object) -> object | None:
        with self._lock:
            return self._items.pop(key, None)
