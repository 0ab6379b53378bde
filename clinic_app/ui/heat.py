"""Heat-map display: the classifier's class-activation map blended over the picture.

Display only: the maps come from the analysis core (``CellResult.heatmap``, over the crop the
classifier saw: a square centred on the cell); here they are coloured and placed.
"""

from __future__ import annotations

import cv2
import numpy as np

from clinic_app.results import FieldResult

ALPHA = 0.45
FLOOR = 0.2  # weaker activation is left uncoloured, so the cell itself stays visible


def blend_heat(rgb: np.ndarray, heat: np.ndarray) -> np.ndarray:
    """``rgb`` with ``heat`` (HxW in [0, 1], any size) as a JET overlay where it is strong."""
    h, w = rgb.shape[:2]
    hm = cv2.resize(np.clip(heat, 0, 1).astype(np.float32), (w, h))
    colour = cv2.cvtColor(cv2.applyColorMap((hm * 255).astype(np.uint8), cv2.COLORMAP_JET),
                          cv2.COLOR_BGR2RGB)
    weight = (ALPHA * (hm >= FLOOR))[..., None]
    return (rgb * (1 - weight) + colour * weight).astype(np.uint8)


def field_heat(rgb: np.ndarray, result: FieldResult, crop_um: float) -> np.ndarray:
    """Every cell's map placed back on the field, on the square the classifier cropped."""
    out = rgb.copy()
    h, w = rgb.shape[:2]
    for cell in result.cells:
        if cell.heatmap is None:
            continue
        b = cell.bbox
        side = max(8, int(round(crop_um / max(result.um_per_px, 1e-6))))
        cx, cy = (b.x0 + b.x1) // 2, (b.y0 + b.y1) // 2
        x0, y0 = cx - side // 2, cy - side // 2
        heat = cv2.resize(cell.heatmap.astype(np.float32), (side, side))
        sx0, sy0, sx1, sy1 = max(0, x0), max(0, y0), min(w, x0 + side), min(h, y0 + side)
        if sx1 <= sx0 or sy1 <= sy0:
            continue
        part = heat[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0]
        out[sy0:sy1, sx0:sx1] = blend_heat(out[sy0:sy1, sx0:sx1], part)
    return out


def has_heat(result: FieldResult) -> bool:
    return any(c.heatmap is not None for c in result.cells)
