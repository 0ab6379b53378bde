"""Field image files of the case store: encoded once, written durably, never half there.

Each image goes to a temporary file in its final folder, is fsynced, renamed into place, and the
folder is fsynced; a failure removes what was written and says why (a full disk by name).
"""

from __future__ import annotations

import contextlib
import errno
import uuid
from datetime import datetime, timezone
from pathlib import Path

import cv2
import numpy as np

from clinic_app.fileio import atomic_write
from clinic_app.images import MIN_SIDE, decode_image, sniff_format
from clinic_app.store.records import StoreError

IMAGES_DIR = "images"
_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "TIFF": ".tif", "BMP": ".bmp"}


def encode(rgb: np.ndarray | None, data: bytes | None, source: str) -> tuple[bytes, str, int, int]:
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


def new_uid() -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{uuid.uuid4().hex[:8]}"


def write_durably(path: Path, payload: bytes) -> None:
    """All or nothing and fsynced (``atomic_write``); a failure says why, a full disk by name."""
    try:
        atomic_write(path, payload, durable=True)
    except OSError as exc:
        discard(path)
        raise StoreError(_disk_message(exc, path.parent)) from exc


def discard(path: Path) -> None:
    """Best-effort clean-up while another error is raised; recover() removes what is left."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _disk_message(exc: OSError, folder: Path) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"the disk is full: could not save the image in {folder}; free space and retry"
    return f"could not save the image in {folder}: {exc.strerror or exc}"
