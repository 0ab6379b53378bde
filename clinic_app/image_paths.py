"""Expanding the paths a user names (files and folders) into image files, plus what was skipped.

The folder walk of the one field loader (``fields.iter_fields``): files are taken as given, folders
are searched for image suffixes, and every unreadable path becomes a ``SkippedInput`` with a
one-line reason instead of an exception. Decoding is ``images``' work; the two share the wording
of file-system problems (``file_status``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from clinic_app.results import SkippedInput

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"})
NOT_REGULAR = "not a regular file (device, pipe or socket)"


def iter_image_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[SkippedInput]]:
    """Expand files and folders into image files, in a stable order, plus what was skipped.

    Files are taken as given whatever their suffix (the loader decides by content); folders are
    searched recursively for image suffixes, hidden files and folders excluded, symlinked folders
    not followed. A path named twice (or a file inside a named folder) is listed once. Nothing
    here raises: symbolic link loops, broken links, unreadable folders and device files are
    skipped with a reason, and the rest of the batch goes on.
    """
    found: list[Path] = []
    skipped: list[SkippedInput] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _images_in_folder(path, skipped)
            if not files:
                skipped.append(SkippedInput(str(path), "no images found in folder"))
        elif path.exists():
            files = [path]
        else:
            problem = _missing_problem(path)
            skipped.append(SkippedInput(str(path), problem))
            continue
        for file in files:
            problem = _entry_problem(file)
            if problem:
                skipped.append(SkippedInput(str(file), problem))
                continue
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found, skipped


def _missing_problem(path: Path) -> str:
    """Why a path that does not exist as a file or folder cannot be read."""
    try:
        path.lstat()
    except OSError:
        return "no such file or folder"
    try:
        path.stat()
    except OSError as exc:
        return os_problem(exc) if exc.errno == 40 else "broken symbolic link"
    return "no such file or folder"


def file_status(path: Path) -> tuple[os.stat_result | None, str]:
    """``path``'s stat (links followed), or None and why it cannot be read."""
    try:
        return path.stat(), ""
    except FileNotFoundError:
        return None, "broken symbolic link" if path.is_symlink() else "no such file"
    except OSError as exc:
        return None, os_problem(exc)


def os_problem(exc: OSError) -> str:
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return f"cannot read ({exc.strerror or exc})"


def _entry_problem(path: Path) -> str:
    """'' for a regular file (or a link to one); else why it is skipped."""
    st, problem = file_status(path)
    if st is None:
        return problem
    if not stat.S_ISREG(st.st_mode):
        return NOT_REGULAR
    return ""


def _images_in_folder(folder: Path, skipped: list[SkippedInput]) -> list[Path]:
    """Image files under ``folder``, sorted by relative path so batches are reproducible;
    sub-folders that cannot be listed are reported in ``skipped``."""
    out: list[Path] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(folder)
        skipped.append(SkippedInput(str(where), f"cannot read folder ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in IMAGE_SUFFIXES:
                out.append(Path(root) / name)
    return out
