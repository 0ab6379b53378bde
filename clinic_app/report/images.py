"""Images for the PDF report: fields and cell crops as in-memory JPEGs, the lab logo as PNG.

Nothing is written to disk (no temporary file left behind on a shared clinic PC), and images are
scaled down to what print needs so the PDF stays small.
"""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from clinic_app.imaging import shrink_to
from clinic_app.overlay import colour_of
from clinic_app.results import CaseInfo, FieldResult

HEAT_ALPHA = 0.4
JPEG_QUALITY = 82


def _rgb(img: np.ndarray) -> np.ndarray:
    """Any uint8 grey, RGB or RGBA array as contiguous RGB (RGBA composited onto white)."""
    img = np.asarray(img)
    if img.dtype != np.uint8:
        img = np.clip(img, 0, 255).astype(np.uint8)
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, axis=2)
    if img.shape[2] == 4:
        a = img[..., 3:].astype(np.float32) / 255.0
        img = (img[..., :3] * a + 255 * (1 - a)).astype(np.uint8)
    return np.ascontiguousarray(img[..., :3])


def _read_rgb(path: str | Path | None) -> np.ndarray | None:
    """An image file as RGB, or None when it is missing or unreadable (imdecode, so non-ASCII
    Windows paths work)."""
    if not path or not Path(path).is_file():
        return None
    img = cv2.imdecode(np.fromfile(str(path), np.uint8), cv2.IMREAD_UNCHANGED)
    if img is None:
        return None
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    if img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_BGRA2RGBA if img.shape[2] == 4 else cv2.COLOR_BGR2RGB)
    return _rgb(img)


def _png(rgb: np.ndarray, max_px: int) -> io.BytesIO:
    """In-memory PNG, scaled down to ``max_px`` (the logo: it may have sharp edges)."""
    rgb = _rgb(rgb)
    rgb = shrink_to(rgb, max_px)
    ok, buf = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    if not ok:
        raise RuntimeError("could not encode an image for the report")
    return io.BytesIO(buf.tobytes())


def _jpeg(rgb: np.ndarray, max_px: int) -> io.BytesIO:
    """In-memory JPEG, scaled down to ``max_px``: microscope photographs compress about 10x
    better than as PNG at no visible loss in print (30 fields stay under 1.5 MB)."""
    rgb = shrink_to(_rgb(rgb), max_px)
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR),
                           [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise RuntimeError("could not encode an image for the report")
    return io.BytesIO(buf.tobytes())


def rl_image(rgb: np.ndarray, max_w: float, max_h: float, max_px: int = 360) -> Image:
    """A flowable image fitted into ``max_w`` x ``max_h`` points, keeping its aspect ratio."""
    h, w = rgb.shape[:2]
    s = min(max_w / w, max_h / h)
    return Image(_jpeg(rgb, max_px), width=w * s, height=h * s)


def with_heat(crop: np.ndarray, heat: np.ndarray | None) -> np.ndarray:
    """The crop, and beside it the crop with the heat map blended in (JET, alpha 0.4)."""
    crop = _rgb(crop)
    if heat is None:
        return crop
    h, w = crop.shape[:2]
    heat = cv2.resize(np.nan_to_num(np.asarray(heat, np.float32)), (w, h))
    jet = cv2.applyColorMap((np.clip(heat, 0, 1) * 255).astype(np.uint8), cv2.COLORMAP_JET)
    blend = cv2.addWeighted(crop, 1 - HEAT_ALPHA, cv2.cvtColor(jet, cv2.COLOR_BGR2RGB),
                            HEAT_ALPHA, 0)
    gap = np.full((h, max(2, w // 16), 3), 255, np.uint8)
    return np.hstack([crop, gap, blend])


def field_preview(f: FieldResult) -> np.ndarray | None:
    """The field with its cells boxed: the thumbnail with boxes scaled down to it, else the
    overlay image saved next to ``analysis.json``."""
    if f.thumbnail is None:
        return _read_rgb(f.overlay_path)
    out = _rgb(f.thumbnail).copy()
    sx, sy = out.shape[1] / max(1, f.width), out.shape[0] / max(1, f.height)
    thick = max(1, round(max(out.shape[:2]) / 160))
    for c in f.cells:
        b = c.bbox
        cv2.rectangle(out, (int(b.x0 * sx), int(b.y0 * sy)),
                      (int(b.x1 * sx) - 1, int(b.y1 * sy) - 1), colour_of(c.label), thick)
    return out


def logo_reader(case: CaseInfo) -> ImageReader | None:
    """The lab logo for the page header, or None (no logo set, or the file is unreadable)."""
    img = _read_rgb(case.logo_path)
    return None if img is None else ImageReader(_png(img, 400))
