"""Training-curve PNG drawn with OpenCV (no plotting library needed)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

COLOURS = [(200, 60, 30), (30, 120, 220), (40, 160, 60), (150, 50, 160)]


def plot_history(history: dict[str, list[float]], path: Path, title: str) -> None:
    """Draw each series of a Keras history on one chart scaled to its own min/max."""
    w, h, m = 720, 420, 50
    img = np.full((h, w, 3), 255, np.uint8)
    cv2.putText(img, title, (m, 30), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 0, 0), 2)
    cv2.rectangle(img, (m, m), (w - m, h - m), (0, 0, 0), 1)
    for i, (name, values) in enumerate(sorted(history.items())):
        v = np.asarray(values, float)
        if len(v) < 1 or not np.isfinite(v).all():
            continue
        lo, hi = float(v.min()), float(v.max())
        span = hi - lo or 1.0
        xs = np.linspace(m, w - m, max(2, len(v)))[: len(v)]
        ys = (h - m) - (v - lo) / span * (h - 2 * m)
        pts = np.stack([xs, ys], 1).astype(np.int32)
        col = COLOURS[i % len(COLOURS)]
        cv2.polylines(img, [pts], False, col, 2)
        label = f"{name}: {v[0]:.3f} -> {v[-1]:.3f} (min {lo:.3f}, max {hi:.3f})"
        cv2.putText(img, label, (m + 5, m + 20 + 18 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.45, col, 1)
    cv2.putText(img, "epoch", (w // 2, h - 15), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (0, 0, 0), 1)
    cv2.imwrite(str(path), cv2.cvtColor(img, cv2.COLOR_RGB2BGR))
