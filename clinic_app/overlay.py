"""Field overlays: cell outlines and labels drawn on the field, for review and the report."""

from __future__ import annotations

import zlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np

from clinic_app.fileio import atomic_write
from clinic_app.results import UNIDENTIFIED, BBox, FieldResult

PALETTE = [(230, 25, 75), (60, 180, 75), (0, 130, 200), (245, 130, 48), (145, 30, 180),
           (70, 200, 200), (240, 50, 230), (128, 128, 0), (170, 110, 40)]
# Fixed colours for the known classes, so no two share one; others fall back to a hash.
CLASS_COLOURS = {
    "neutrophil": (0, 130, 200), "lymphocyte": (60, 180, 75), "monocyte": (245, 130, 48),
    "eosinophil": (230, 25, 75), "basophil": (145, 30, 180), "ig": (240, 50, 230),
    "erythroblast": (170, 110, 40), "platelet": (128, 128, 0),
}


def colour_of(label: str) -> tuple[int, int, int]:
    """Stable RGB colour per label (unidentified is grey)."""
    if label == UNIDENTIFIED:
        return (128, 128, 128)
    if label in CLASS_COLOURS:
        return CLASS_COLOURS[label]
    return PALETTE[zlib.crc32(label.encode()) % len(PALETTE)]


MIN_SIDE = 720  # small fields are enlarged before drawing so labels stay legible
# JPEG at quality 95 without chroma subsampling (thin coloured outlines and labels stay sharp):
# 1.5 ms to encode a 720 px overlay against 8.9 ms for the fastest PNG (Huffman-only), a quarter
# of its size (95 vs ~370 KB). An overlay is a picture to look at; every measurement is in
# analysis.json and the field itself is never re-encoded (docs/performance.md).
SUFFIX = ".jpg"
JPEG_PARAMS = [cv2.IMWRITE_JPEG_QUALITY, 95,
               cv2.IMWRITE_JPEG_SAMPLING_FACTOR, cv2.IMWRITE_JPEG_SAMPLING_FACTOR_444]


def draw(result: FieldResult, rgb: np.ndarray) -> np.ndarray:
    """A copy of the field with each cell's outline, box and label."""
    f = max(1.0, MIN_SIDE / max(rgb.shape[:2]))
    out = rgb.copy() if f == 1.0 else cv2.resize(rgb, None, fx=f, fy=f,
                                                  interpolation=cv2.INTER_LINEAR)
    thick = max(1, round(max(out.shape[:2]) / 400))
    font = max(0.35, max(out.shape[:2]) / 1400)
    for cell in result.cells:
        col = colour_of(cell.label)
        b = BBox(*(int(round(v * f)) for v in cell.bbox.as_list()))
        if cell.contour is not None and len(cell.contour) >= 3:
            pts = np.round(cell.contour.reshape(-1, 1, 2) * f).astype(np.int32)
            cv2.polylines(out, [pts], True, col, thick)
        cv2.rectangle(out, (b.x0, b.y0), (b.x1 - 1, b.y1 - 1), col, max(1, thick - 1))
        # A reviewer's label carries no model score: the model's top score is for its own class.
        text = (f"{cell.label} (reviewed)" if cell.label != cell.model_label
                else f"{cell.label} {cell.confidence:.0%}")
        y = b.y0 - 4 if b.y0 > 14 else b.y1 + 12
        cv2.putText(out, text, (b.x0, y), cv2.FONT_HERSHEY_SIMPLEX, font, (0, 0, 0), thick + 2)
        cv2.putText(out, text, (b.x0, y), cv2.FONT_HERSHEY_SIMPLEX, font, col, thick)
    if not result.quality.usable:
        cv2.putText(out, f"EXCLUDED: {result.quality.reason}", (8, 24), cv2.FONT_HERSHEY_SIMPLEX,
                    font * 1.2, (255, 0, 0), thick + 1)
    return out


def save(result: FieldResult, rgb: np.ndarray, path: Path) -> Path:
    """Write the overlay image (atomically: a half-written file would break a report)."""
    ok, buf = cv2.imencode(SUFFIX, cv2.cvtColor(draw(result, rgb), cv2.COLOR_RGB2BGR),
                           JPEG_PARAMS)
    if not ok:
        raise RuntimeError(f"could not encode overlay for {result.path}")
    return atomic_write(path, buf.tobytes(), durable=False)


class Writer:
    """Writes overlays on background threads while the next field is analysed.

    Encoding is most of an overlay's cost and OpenCV releases the GIL for it; two threads, so
    encoding does not set the pace on a 2-core PC. At most ``pending`` overlays wait, so memory
    stays flat; the first error is raised at the next ``save`` or on leaving the ``with``
    block."""

    def __init__(self, folder: Path, pending: int = 4, workers: int = 2) -> None:
        self.folder = folder
        self.pending = pending
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="overlay")
        self._futures: deque[Future[Path]] = deque()

    def save(self, result: FieldResult, rgb: np.ndarray, name: str) -> Path:
        """Queue the overlay of ``result``; returns where it will be."""
        while len(self._futures) >= self.pending:
            self._futures.popleft().result()
        path = self.folder / name
        self._futures.append(self._pool.submit(save, result, rgb, path))
        return path

    def close(self) -> None:
        try:
            while self._futures:
                self._futures.popleft().result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: type | None, *exc: object) -> None:
        if exc_type is None:
            self.close()
            return
        # Leaving on an error: that error is the one to report; the overlays still waiting are
        # finished (no half-written files) and their own failures are not raised over it.
        for fut in self._futures:
            fut.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
