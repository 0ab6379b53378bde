"""The one field loader: paths in, readable ``Field`` objects out, one at a time.

The command line, the Analyzer's callers and the desktop engine all read inputs through
``iter_fields``: files and folders are expanded once (``images.iter_image_paths``), each image is
decoded with the same checks, a batch's scale comes from the consensus of its red cells, and an
unreadable input is recorded in ``skipped`` without stopping the batch. A folder of thousands is
never all in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np

from clinic_app import images, scale, scope
from clinic_app.results import Field, SkippedInput

CANCELLED = "cancelled"


def consensus_scales(paths: list[Path], in_scope: bool = False) -> dict[Path, tuple[float, str]]:
    """Scale per field from the median red-cell estimate of all fields of its pixel size.

    Fields of one size in one batch come from one camera and objective; one field's estimate
    is good to about +-12% and can be far off on a crowded or empty field, the median of a
    slide's fields is not. Unreadable files are left out (the loader reports them).
    """
    groups: dict[tuple[int, int], list[tuple[Path, float]]] = {}
    for path in paths:
        field = _load(path, None, in_scope)
        if isinstance(field, SkippedInput):
            continue  # unreadable, or a photo of the same size: must not move the slide's scale
        um, how = scale.estimate_um_per_px(field.image)
        if how == "red-cells":
            groups.setdefault((field.width, field.height), []).append((path, um))
    out = {}
    for members in groups.values():
        median = float(np.median([um for _, um in members]))
        how = f"red-cells (median of {len(members)} fields)" if len(members) > 1 else "red-cells"
        out.update({p: (median, how) for p, _ in members})
    return out


def iter_fields(paths: Iterable[str | Path], skipped: list[SkippedInput],
                um_per_px: float | None = None, *, consensus: bool = False,
                cancelled: Callable[[], bool] | None = None,
                progress: Callable[[int, int], None] | None = None,
                in_scope: bool = False) -> Iterator[Field]:
    """Yield each readable field; append what cannot be read (or is cancelled) to ``skipped``.

    ``um_per_px`` given: every field has that scale. Else with ``consensus`` each field gets its
    batch's median red-cell scale (``consensus_scales``). ``progress(done, total)`` is called
    before each file and once at the end. ``in_scope``: what is not a stained blood film
    (``scope.check``) is skipped with a problem beginning ``out of scope:``.
    """
    files, missing = images.iter_image_paths(paths)
    skipped.extend(missing)
    scales = consensus_scales(files, in_scope) if consensus and not um_per_px else {}
    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            skipped.extend(SkippedInput(str(p), CANCELLED) for p in files[i:])
            break
        if progress is not None:
            progress(i, len(files))
        field = _load(path, um_per_px, in_scope)
        if isinstance(field, SkippedInput):
            skipped.append(field)
            continue
        if path in scales:
            field.um_per_px, field.scale_source = scales[path]
        yield field
    else:
        if progress is not None:
            progress(len(files), len(files))


# What one bad file may raise beyond ImageError (a decoder or measurement bug, memory): it is
# skipped with the error named, and the batch goes on (issue 14).
UNEXPECTED = (ArithmeticError, LookupError, MemoryError, OSError, RuntimeError, TypeError,
              ValueError)


def _load(path: Path, um_per_px: float | None, in_scope: bool) -> Field | SkippedInput:
    """One file as a field, or why it is skipped; never raises for a bad file."""
    try:
        field = images.load_field(path, um_per_px)
        verdict = scope.check(field.image) if in_scope else None
    except images.ImageError as exc:
        return SkippedInput(str(path), exc.problem)
    except UNEXPECTED as exc:
        text = " ".join(str(exc).split())[:120]
        return SkippedInput(str(path), f"cannot be read ({type(exc).__name__}: {text})")
    if verdict is not None and not verdict.in_scope:
        return SkippedInput(str(path), verdict.problem)
    return field
