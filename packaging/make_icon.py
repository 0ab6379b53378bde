"""Draw the application icon (a stained white cell on a blue tile) as PNGs and a Windows .ico.

    python packaging/make_icon.py [OUT_DIR]        (default: build/icons)

Drawn in code so no binary artwork lives in git; the output is deterministic. Used by the
PyInstaller spec (the .ico for the Windows executable), the .deb builder (hicolor PNGs) and the
Inno Setup script. Needs numpy and OpenCV (app dependencies); the .ico also needs Pillow
(installed with reportlab).
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

SIZES = (16, 24, 32, 48, 64, 128, 256)
MASTER = 1024  # drawn large with anti-aliasing, then area-downsampled per size

# Colours as (R, G, B); converted to OpenCV's BGR when drawn.
TILE = (31, 95, 139)
CYTOPLASM = (235, 214, 232)
RED_CELL = (222, 120, 120)
NUCLEUS = (106, 48, 140)


def _bgra(rgb: tuple[int, int, int]) -> tuple[int, int, int, int]:
    return (rgb[2], rgb[1], rgb[0], 255)


def _rounded_tile(img: np.ndarray, margin: int, radius: int) -> None:
    n = img.shape[0]
    lo, hi = margin, n - 1 - margin
    colour = _bgra(TILE)
    cv2.rectangle(img, (lo + radius, lo), (hi - radius, hi), colour, -1, cv2.LINE_AA)
    cv2.rectangle(img, (lo, lo + radius), (hi, hi - radius), colour, -1, cv2.LINE_AA)
    for cx in (lo + radius, hi - radius):
        for cy in (lo + radius, hi - radius):
            cv2.circle(img, (cx, cy), radius, colour, -1, cv2.LINE_AA)


def master() -> np.ndarray:
    """The icon at MASTER x MASTER, BGRA, transparent outside the tile."""
    n = MASTER
    img = np.zeros((n, n, 4), np.uint8)
    _rounded_tile(img, margin=n // 32, radius=n // 6)
    # Two red cells behind the white cell, as in a smear.
    for centre, r in (((n * 27 // 100, n * 72 // 100), n // 7), ((n * 76 // 100, n * 30 // 100),
                                                                  n // 8)):
        cv2.circle(img, centre, r, _bgra(RED_CELL), -1, cv2.LINE_AA)
        cv2.circle(img, centre, r // 2, _bgra((236, 160, 160)), -1, cv2.LINE_AA)
    # The white cell: pale cytoplasm, a three-lobed purple nucleus (a neutrophil).
    cv2.circle(img, (n // 2, n // 2), n * 30 // 100, _bgra(CYTOPLASM), -1, cv2.LINE_AA)
    for dx, dy, r in ((-0.09, -0.06, 0.11), (0.08, -0.08, 0.10), (0.02, 0.09, 0.11)):
        centre = (int(n * (0.5 + dx)), int(n * (0.5 + dy)))
        cv2.circle(img, centre, int(n * r), _bgra(NUCLEUS), -1, cv2.LINE_AA)
    return img


def write_icons(out_dir: Path) -> dict[str, Path]:
    """Write clinic-app-<size>.png for every size, clinic-app.png (256) and clinic-app.ico."""
    out_dir.mkdir(parents=True, exist_ok=True)
    big = master()
    written: dict[str, Path] = {}
    for size in SIZES:
        small = cv2.resize(big, (size, size), interpolation=cv2.INTER_AREA)
        path = out_dir / f"clinic-app-{size}.png"
        if not cv2.imwrite(str(path), small):
            raise OSError(f"could not write {path}")
        written[str(size)] = path
    png = out_dir / "clinic-app.png"
    png.write_bytes(written["256"].read_bytes())
    written["png"] = png
    try:
        from PIL import Image
    except ImportError:  # only the Windows build needs the .ico
        return written
    rgba = cv2.cvtColor(cv2.resize(big, (256, 256), interpolation=cv2.INTER_AREA),
                        cv2.COLOR_BGRA2RGBA)
    ico = out_dir / "clinic-app.ico"
    Image.fromarray(rgba, "RGBA").save(ico, sizes=[(s, s) for s in SIZES])
    written["ico"] = ico
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "build" / "icons"
    for path in write_icons(out).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
