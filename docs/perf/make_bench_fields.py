"""Build the bench fields: a 640x480 BCCD mosaic of 3x2 tiles (213x240), each centred on an
annotated white cell of a different BCCD field, and an ALL field with many cells."""
import sys, xml.etree.ElementTree as ET
from pathlib import Path
import numpy as np
from PIL import Image
B = Path("/work/shared/data/bccd")
SOURCES = sys.argv[1:] or ["BloodImage_00001", "BloodImage_00004", "BloodImage_00010",
                           "BloodImage_00012", "BloodImage_00023", "BloodImage_00029"]
tw, th = 213, 240
canvas = np.zeros((480, 640, 3), np.uint8)
canvas[:] = 255
for k, stem in enumerate(SOURCES):
    img = np.asarray(Image.open(B / "JPEGImages" / f"{stem}.jpg").convert("RGB"))
    root = ET.parse(B / "Annotations" / f"{stem}.xml").getroot()
    box = next(o.find("bndbox") for o in root.iter("object") if o.findtext("name") == "WBC")
    x0, y0, x1, y1 = (int(float(box.findtext(t))) for t in ("xmin", "ymin", "xmax", "ymax"))
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    sx = min(max(0, cx - tw // 2), 640 - tw); sy = min(max(0, cy - th // 2), 480 - th)
    r, c = divmod(k, 3)
    ox = c * tw + (1 if c == 2 else 0)
    canvas[r * th:(r + 1) * th, ox:ox + tw] = img[sy:sy + th, sx:sx + tw]
Image.fromarray(canvas).save("/tmp/perf/assets/bench_field_bccd_mosaic_640x480.jpg", quality=92)
