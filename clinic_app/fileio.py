"""One way to write a file so that no reader ever sees half of it: ``atomic_write``.

The bytes go to a temporary name in the target's own folder and are renamed over the target
(a rename within one folder is atomic). ``durable=True`` also fsyncs the file before the rename
and the folder after it, so the file survives a power cut once the call returns: the case store
(evidence) and exports a lab system may pick up ask for that; a report or an overlay that can be
made again does not. On any failure the temporary file is removed and the error raised.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

TMP_PREFIX = ".partial-"  # CaseStore.recover() removes leftovers with this prefix


def atomic_write(path: Path | str, payload: bytes | str | Callable[[Path], object], *,
                 durable: bool) -> Path:
    """Write ``payload`` (bytes, UTF-8 text, or a function that writes the file at the path it is
    given) to ``path`` all or nothing; returns ``path``."""
    path = Path(path)
    tmp = path.with_name(TMP_PREFIX + path.name)
    try:
        if not path.parent.is_dir():
            # exist_ok: two writer threads (overlay.Writer) can both find it missing
            path.parent.mkdir(parents=True, exist_ok=True)
            if durable:
                fsync_dir(path.parent.parent)
        if callable(payload):
            payload(tmp)
        else:
            _write_new(tmp, payload.encode("utf-8") if isinstance(payload, str) else payload)
        if durable:
            _fsync_file(tmp)
        os.replace(tmp, path)
        if durable:
            fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return path


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry durable; Windows cannot open folders (NTFS journals them)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
