"""Each cell's crop and heat map, kept with the case (table ``cell_images``, schema v2).

What the reviewer verified must be what a restart shows and what a signed report prints: the
crop the classifier saw (lossless PNG, as it was) and its heat map (8-bit PNG of [0, 1], a
rounding of at most 1/510 per pixel). Cells without either keep no row.
"""

from __future__ import annotations

import sqlite3

import cv2
import numpy as np

from clinic_app.results import CellResult


def _png(img: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", img)
    if not ok:
        raise ValueError("could not encode a cell image as PNG")
    return buf.tobytes()


def encode_crop(crop: np.ndarray | None) -> bytes | None:
    if crop is None:
        return None
    rgb = np.ascontiguousarray(np.asarray(crop, np.uint8))
    return _png(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR) if rgb.ndim == 3 else rgb)


def encode_heat(heat: np.ndarray | None) -> bytes | None:
    if heat is None:
        return None
    scaled = np.clip(np.nan_to_num(np.asarray(heat, np.float32)), 0, 1) * 255
    return _png(np.round(scaled).astype(np.uint8))


def decode_crop(data: bytes | None) -> np.ndarray | None:
    if not data:
        return None
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    return None if img is None else (cv2.cvtColor(img, cv2.COLOR_BGR2RGB) if img.ndim == 3
                                     else img)


def decode_heat(data: bytes | None) -> np.ndarray | None:
    if not data:
        return None
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    return None if img is None else img.astype(np.float32) / 255.0


def save_cell_images(conn: sqlite3.Connection, cell_id: int, cell: CellResult) -> None:
    """Inside the caller's transaction (the cell's insert)."""
    crop, heat = encode_crop(cell.crop), encode_heat(cell.heatmap)
    if crop is not None or heat is not None:
        conn.execute("INSERT INTO cell_images (cell_id, crop_png, heat_png) VALUES (?, ?, ?)",
                     (cell_id, crop, heat))
