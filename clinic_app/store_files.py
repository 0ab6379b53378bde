"""Field image files of the case store: encoded once, written durably, never half there.

Each image goes to a temporary file in its final folder, is fsynced, renamed into place, and the
folder is fsynced; a failure removes what was written and says why (a full disk by name).
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path

import cv2
import numpy as np

from clinic_app.images import MIN_SIDE, decode_image, sniff_format
from clinic_app.store_records import StoreError

IMAGES_DIR = "images"
TMP_PREFIX = ".partial-"
_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "BMP": ".bmp"}


def _encode(rgb: np.ndarray | None, data: bytes | None, source: str) -> tuple[bytes, str, int, int]:
    """Bytes to store, their extension, and the decoded width and height (checked first)."""
    if (rgb is None) == (data is None):
        raise ValueError("give exactly one of rgb or data")
    if data is not None:
        data = bytes(data)
        fmt = sniff_format(data[:16])
        decoded = decode_image(data, source or "imported image")  # ImageError unless fmt is known
        return data, _EXTENSIONS[str(fmt)], decoded.shape[1], decoded.shape[0]
    if not (isinstance(rgb, np.ndarray) and rgb.dtype == np.uint8 and rgb.ndim == 3
            and rgb.shape[2] == 3 and min(rgb.shape[:2]) >= MIN_SIDE):
        # The same limits as an imported file, so recover() can always re-read what was stored.
        raise ValueError(f"rgb must be an HxWx3 uint8 array at least {MIN_SIDE} px a side")
    ok, buf = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    if not ok:
        raise StoreError("could not encode the field as PNG")
    return buf.tobytes(), ".png", rgb.shape[1], rgb.shape[0]


def _new_uid() -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{uuid.uuid4().hex[:8]}"


def _write_durably(path: Path, payload: bytes) -> None:
    """Temp file in the same folder, fsync, atomic rename, fsync the folder; all or nothing."""
    tmp = path.with_name(TMP_PREFIX + path.name)
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True)
            _fsync_dir(path.parent.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o644)
        try:
            _write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        _discard(tmp)
        _discard(path)
        raise StoreError(_disk_message(exc, path.parent)) from exc


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


def _fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry durable; Windows cannot open folders (NTFS journals them)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    """Best-effort clean-up while another error is raised; recover() removes what is left."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _disk_message(exc: OSError, folder: Path) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"the disk is full: could not save the image in {folder}; free space and retry"
    return f"could not save the image in {folder}: {exc.strerror or exc}"
