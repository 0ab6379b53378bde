"""A set of images that are NOT blood smears, for the in-scope check (clinic_app/scope.py).

    python -m training.negatives [--out .cache/negatives] [--seed 0]

Writes ``OUT/<family>/<name>.png`` and ``OUT/negatives.csv`` (``path,family,origin``). Nothing
is downloaded: real images come from the sample data bundled with pip packages (scikit-image,
scikit-learn, matplotlib, pydicom: ``pip install -e .[negatives]``), the rest is generated here.
Families (each is held out whole in ``training.scope_eval``):

- ``photo``: natural photographs (cat, astronaut, coffee, rocket, faces, ...), crops and scales.
- ``radiology``: CT / MR / X-ray-like greyscale slices (pydicom test files, an MRI, a phantom).
- ``fundus``: retina photographs and crops.
- ``tissue``: an immunohistochemistry section and rendered H&E-like tissue.
- ``fluorescence``: dark-field images with glowing nuclei/cells (rendered), astronomy.
- ``phase``: grey phase-contrast-like cells (a bundled cell image, rendered halos).
- ``cytology``: rendered Pap/urine-like cytology: large flat cells, small nuclei, bright glass.
- ``document``: scanned pages, rendered text, tables and logos.
- ``chart``: plots, bar charts, heat maps rendered with matplotlib.
- ``synthetic``: noise, gradients, checkerboards, shapes, flat colours, stripes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

DEFAULT_OUT = Path(".cache/negatives")
Image = tuple[str, str, np.ndarray]  # (family, origin, RGB uint8)


def _rgb(a: np.ndarray) -> np.ndarray:
    """Any 2-D/3-D array -> RGB uint8 (greyscale windowed to its 1st-99th percentile)."""
    a = np.asarray(a)
    if a.ndim == 3 and a.shape[2] == 4:
        a = a[..., :3]
    if a.dtype != np.uint8:
        lo, hi = np.percentile(a, (1, 99))
        a = np.clip((a.astype(np.float32) - lo) / max(hi - lo, 1e-6) * 255, 0, 255).astype(np.uint8)
    return np.repeat(a[..., None], 3, axis=2) if a.ndim == 2 else np.ascontiguousarray(a)


def _crops(rgb: np.ndarray, rng: np.random.Generator, n: int) -> Iterator[np.ndarray]:
    """The whole image, then random crops of 35-80 % of its sides, some resized to 640x480."""
    yield rgb
    h, w = rgb.shape[:2]
    for _ in range(n):
        f = rng.uniform(0.35, 0.8)
        ch, cw = max(32, int(h * f)), max(32, int(w * f))
        y, x = rng.integers(0, h - ch + 1), rng.integers(0, w - cw + 1)
        c = rgb[y:y + ch, x:x + cw]
        yield cv2.resize(c, (640, 480)) if rng.random() < 0.3 else c


def photos(rng: np.random.Generator) -> Iterator[Image]:
    from skimage import data
    from sklearn.datasets import load_sample_images

    names = ["astronaut", "chelsea", "coffee", "rocket", "motorcycle_left", "camera", "moon",
             "brick", "grass", "gravel", "clock", "coins", "colorwheel", "horse", "cat"]
    for name in names:
        if hasattr(data, name):
            img = getattr(data, name)()
            img = (img * 255).astype(np.uint8) if img.dtype == bool else img
            for i, c in enumerate(_crops(_rgb(img), rng, 3)):
                yield "photo", f"skimage.{name}.{i}", c
    for i, img in enumerate(load_sample_images().images):
        for j, c in enumerate(_crops(img, rng, 3)):
            yield "photo", f"sklearn.sample{i}.{j}", c
    import matplotlib.cbook as cbook

    with cbook.get_sample_data("grace_hopper.jpg") as fh:
        hopper = cv2.cvtColor(cv2.imdecode(np.frombuffer(fh.read(), np.uint8), 1),
                              cv2.COLOR_BGR2RGB)
    for j, c in enumerate(_crops(hopper, rng, 3)):
        yield "photo", f"matplotlib.grace_hopper.{j}", c
    faces = data.lfw_subset()  # 200 faces, 25x25 grey
    for i in range(4):
        grid = faces[i * 25:(i + 1) * 25].reshape(5, 5, 25, 25).transpose(0, 2, 1, 3)
        mosaic = cv2.resize(grid.reshape(125, 125), (250, 250))
        yield "photo", f"skimage.lfw_mosaic.{i}", _rgb(mosaic)


def radiology(rng: np.random.Generator) -> Iterator[Image]:
    import pydicom
    from pydicom.data import get_testdata_files
    from skimage import data

    n = 0
    for path in sorted(get_testdata_files("*.dcm")):
        try:
            px = pydicom.dcmread(path).pixel_array
        except Exception:  # compressed files need codecs we do not install; skip those
            continue
        if px.ndim == 3 and px.shape[-1] != 3:
            px = px[px.shape[0] // 2]
        if px.ndim != 2 or min(px.shape) < 48 or np.ptp(px) == 0:
            continue
        yield "radiology", f"pydicom.{Path(path).stem}", _rgb(px)
        n += 1
        if n >= 14:
            break
    import matplotlib.cbook as cbook

    with cbook.get_sample_data("s1045.ima.gz") as fh:
        raw = fh.read()
        raw = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        mri = np.frombuffer(raw, np.uint16).reshape(256, 256)
    for j, c in enumerate(_crops(_rgb(mri), rng, 3)):
        yield "radiology", f"matplotlib.mri.{j}", c
    for j, c in enumerate(_crops(_rgb(data.shepp_logan_phantom()), rng, 2)):
        yield "radiology", f"skimage.phantom.{j}", c
    for i in range(4):  # chest-X-ray-like: two dark lungs in a bright body, ribs
        img = np.full((400, 400), 200, np.float32)
        for cx in (130, 270):
            cv2.ellipse(img, (cx, 200), (60 + i * 5, 130), 0, 0, 360, 60, -1)
        for y in range(90, 340, 28):
            cv2.ellipse(img, (200, y), (170, 30), 0, 20, 160, 170, 6)
        img = cv2.GaussianBlur(img, (0, 0), 6) + rng.normal(0, 6, img.shape)
        yield "radiology", f"synthetic.xray.{i}", _rgb(img)


def fundus(rng: np.random.Generator) -> Iterator[Image]:
    from skimage import data

    for j, c in enumerate(_crops(data.retina(), rng, 8)):
        yield "fundus", f"skimage.retina.{j}", c
    for j, c in enumerate(_crops(_rgb(data.microaneurysms()), rng, 3)):
        yield "fundus", f"skimage.microaneurysms.{j}", c


def _blobs(shape: tuple[int, int], rng: np.random.Generator, n: int, r: tuple[int, int],
           ) -> list[tuple[int, int, int, int, float]]:
    h, w = shape
    return [(int(rng.integers(0, w)), int(rng.integers(0, h)), int(rng.integers(*r)),
             int(rng.integers(*r)), float(rng.uniform(0, 180))) for _ in range(n)]


def tissue(rng: np.random.Generator) -> Iterator[Image]:
    from skimage import data

    for j, c in enumerate(_crops(data.immunohistochemistry(), rng, 10)):
        yield "tissue", f"skimage.ihc.{j}", c
    for i in range(16):  # H&E-like: pink stroma texture packed with purple nuclei
        h, w = (480, 640) if i % 2 else (256, 256)
        noise = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 4 + i % 3)
        pink = np.array([235, 160, 200]) - rng.uniform(0, 30, 3)
        img = pink[None, None] + noise[..., None] * np.array([12, 25, 15])
        lumen = cv2.GaussianBlur((rng.random((h // 32, w // 32)) > 0.85).astype(np.float32),
                                 (0, 0), 1)
        img = np.where(cv2.resize(lumen, (w, h))[..., None] > 0.3, 245, img)
        for cx, cy, a, b, ang in _blobs((h, w), rng, int(h * w / 900), (4, 10)):
            cv2.ellipse(img, (cx, cy), (a, b), ang, 0, 360, (90, 50, 140), -1)
        yield "tissue", f"synthetic.he.{i}", np.clip(cv2.GaussianBlur(img, (3, 3), 0), 0, 255
                                                     ).astype(np.uint8)


def fluorescence(rng: np.random.Generator) -> Iterator[Image]:
    from skimage import data

    for j, c in enumerate(_crops(data.hubble_deep_field(), rng, 3)):
        yield "fluorescence", f"skimage.hubble.{j}", c
    colours = [(40, 80, 255), (40, 255, 80), (255, 60, 40), (255, 255, 255)]
    for i in range(20):
        h, w = (480, 640) if i % 2 else (300, 300)
        img = np.zeros((h, w, 3), np.float32)
        for k, col in enumerate(colours[: 1 + i % 3]):
            layer = np.zeros((h, w), np.float32)
            for cx, cy, a, b, ang in _blobs((h, w), rng, int(rng.integers(10, 80)), (5, 25)):
                cv2.ellipse(layer, (cx, cy), (a, b), ang, 0, 360, float(rng.uniform(0.3, 1)),
                            -1 if k == 0 else 2)
            img += cv2.GaussianBlur(layer, (0, 0), 2)[..., None] * np.array(col)
        img += rng.normal(8, 4, img.shape)
        yield "fluorescence", f"synthetic.fluo.{i}", np.clip(img, 0, 255).astype(np.uint8)


def phase(rng: np.random.Generator) -> Iterator[Image]:
    from skimage import data

    for j, c in enumerate(_crops(_rgb(data.cell()), rng, 5)):
        yield "phase", f"skimage.cell.{j}", c
    for i in range(14):  # grey background, dark cells with bright halos
        h, w = (480, 640) if i % 2 else (256, 256)
        img = np.full((h, w), 128, np.float32) + rng.normal(0, 3, (h, w))
        for cx, cy, a, b, ang in _blobs((h, w), rng, int(rng.integers(10, 60)), (8, 30)):
            cv2.ellipse(img, (cx, cy), (a + 3, b + 3), ang, 0, 360, 200, 3)
            cv2.ellipse(img, (cx, cy), (a, b), ang, 0, 360, 90, -1)
        tint = rng.uniform(0.9, 1.1, 3)
        yield "phase", f"synthetic.phase.{i}", _rgb(np.clip(
            cv2.GaussianBlur(img, (0, 0), 1.5)[..., None] * tint, 0, 255).astype(np.uint8))


def cytology(rng: np.random.Generator) -> Iterator[Image]:
    """Pap / urine-like: large flat polygonal cells (cyan or pink) with small dark nuclei."""
    for i in range(20):
        h, w = (480, 640) if i % 2 else (300, 300)
        img = np.full((h, w, 3), 240, np.float32) - rng.uniform(0, 15, 3)
        for _ in range(int(rng.integers(4, 18))):
            cx, cy = int(rng.integers(0, w)), int(rng.integers(0, h))
            r = rng.uniform(40, 110) * (w / 640)
            ang = np.sort(rng.uniform(0, 2 * np.pi, 7))
            pts = np.stack([cx + r * np.cos(ang) * rng.uniform(0.7, 1.2, 7),
                            cy + r * np.sin(ang) * rng.uniform(0.7, 1.2, 7)], 1).astype(np.int32)
            col = [(150, 210, 215), (235, 150, 170), (220, 200, 120)][int(rng.integers(0, 3))]
            cv2.fillPoly(img, [pts], col)
            cv2.polylines(img, [pts], True, [c * 0.8 for c in col], 2)
            nr = max(3, int(r * rng.uniform(0.08, 0.2)))
            cv2.circle(img, (cx, cy), nr, (60, 50, 110), -1)
        img += rng.normal(0, 3, img.shape)
        yield "cytology", f"synthetic.pap.{i}", np.clip(cv2.GaussianBlur(img, (3, 3), 0), 0, 255
                                                        ).astype(np.uint8)


def documents(rng: np.random.Generator) -> Iterator[Image]:
    from PIL import Image as PImage
    from PIL import ImageDraw, ImageFont
    from skimage import data

    for name in ("page", "text", "logo"):
        for j, c in enumerate(_crops(_rgb(getattr(data, name)()), rng, 2)):
            yield "document", f"skimage.{name}.{j}", c
    words = ("patient sample blood report result normal count cells ratio table value date "
             "laboratory signed microscope field total").split()
    for i in range(22):
        w, h = (640, 480) if i % 2 else (600, 800)
        page = PImage.new("RGB", (w, h), tuple(int(v) for v in rng.integers(225, 256, 3)))
        draw = ImageDraw.Draw(page)
        font = ImageFont.load_default(size=int(rng.integers(11, 26)))
        y = 20
        while y < h - 30:
            line = " ".join(rng.choice(words, int(rng.integers(3, 10))))
            draw.text((20, y), line, fill=tuple(int(v) for v in rng.integers(0, 90, 3)), font=font)
            if i % 3 == 0:  # a table
                draw.line((10, y - 4, w - 10, y - 4), fill=(120, 120, 120))
            y += int(font.size * 1.6)
        yield "document", f"synthetic.doc.{i}", np.asarray(page)


def charts(rng: np.random.Generator) -> Iterator[Image]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.cbook as cbook
    import matplotlib.pyplot as plt

    dem = cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"]
    kinds = ["line", "bar", "scatter", "pie", "hist", "imshow"]
    cmaps = ["viridis", "magma", "RdPu", "coolwarm", "gist_earth", "Purples"]
    for i in range(30):
        fig, ax = plt.subplots(figsize=(6.4, 4.8) if i % 2 else (4, 4), dpi=80)
        kind = kinds[i % len(kinds)]
        x = np.arange(20)
        if kind == "line":
            for _ in range(3):
                ax.plot(x, np.cumsum(rng.normal(0, 1, 20)))
        elif kind == "bar":
            ax.bar(x[:8], rng.uniform(1, 10, 8), color=plt.cm.tab10(rng.integers(0, 10)))
        elif kind == "scatter":
            ax.scatter(rng.normal(0, 1, 200), rng.normal(0, 1, 200), s=rng.uniform(5, 80, 200),
                       c=rng.random(200), cmap=cmaps[i % 6])
        elif kind == "pie":
            ax.pie(rng.uniform(1, 5, 5))
        elif kind == "hist":
            ax.hist(rng.normal(0, 1, 500), bins=30, color="purple" if i % 4 else "tab:red")
        else:
            ax.imshow(dem if i % 4 == 1 else rng.random((20, 20)), cmap=cmaps[i % 6])
            ax.axis("off")
        ax.set_title(f"figure {i}")
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
        plt.close(fig)
        yield "chart", f"matplotlib.{kind}.{i}", img


def synthetic(rng: np.random.Generator) -> Iterator[Image]:
    for i in range(36):
        h, w = (480, 640) if i % 2 else (224, 224)
        kind = i % 6
        if kind == 0:
            img = rng.normal(rng.uniform(60, 200), rng.uniform(10, 70), (h, w, 3))
        elif kind == 1:
            a, b = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
            t = np.linspace(0, 1, w)[None, :, None] * np.ones((h, 1, 1))
            img = a * (1 - t) + b * t
        elif kind == 2:
            s = int(rng.integers(8, 64))
            board = ((np.arange(h)[:, None] // s + np.arange(w)[None] // s) % 2).astype(np.float32)
            img = board[..., None] * rng.integers(0, 256, 3) + (1 - board[..., None]) * 255
        elif kind == 3:
            img = np.full((h, w, 3), rng.integers(150, 256, 3), np.float32)
            for _ in range(int(rng.integers(5, 40))):
                c = tuple(float(v) for v in rng.integers(0, 256, 3))
                p = (int(rng.integers(0, w)), int(rng.integers(0, h)))
                if rng.random() < 0.5:
                    cv2.rectangle(img, p, (p[0] + int(rng.integers(10, 120)),
                                           p[1] + int(rng.integers(10, 120))), c, -1)
                else:
                    cv2.circle(img, p, int(rng.integers(5, 60)), c, -1)
        elif kind == 4:
            img = np.full((h, w, 3), rng.integers(0, 256, 3), np.float32)
            img += rng.normal(0, 2, (h, w, 3))
        else:
            period = rng.uniform(6, 60)
            s = np.sin(np.arange(w) / period * 2 * np.pi)[None, :, None] * np.ones((h, 1, 1))
            img = 128 + 100 * s * (rng.random(3) - 0.5) * 2
        yield "synthetic", f"synthetic.{kind}.{i}", np.clip(img, 0, 255).astype(np.uint8)


FAMILIES = {"photo": photos, "radiology": radiology, "fundus": fundus, "tissue": tissue,
            "fluorescence": fluorescence, "phase": phase, "cytology": cytology,
            "document": documents, "chart": charts, "synthetic": synthetic}


def generate(seed: int = 0) -> Iterator[Image]:
    """Every negative image, family by family (seeded: the same set on every run)."""
    for name, make in FAMILIES.items():
        yield from make(np.random.default_rng([seed, len(name), ord(name[0])]))


def build(out: Path = DEFAULT_OUT, seed: int = 0) -> list[dict]:
    """Write the set as PNG files and ``negatives.csv``; returns the rows."""
    rows = []
    for family, origin, rgb in generate(seed):
        path = out / family / f"{origin}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
        rows.append({"path": str(path.relative_to(out)), "family": family, "origin": origin})
    with open(out / "negatives.csv", "w", newline="") as fh:
        writer = csv.DictWriter(fh, ["path", "family", "origin"])
        writer.writeheader()
        writer.writerows(rows)
    return rows


def load(out: Path = DEFAULT_OUT) -> list[dict]:
    """The rows of an existing set (build it first)."""
    with open(out / "negatives.csv", newline="") as fh:
        return list(csv.DictReader(fh))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    rows = build(args.out, args.seed)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["family"]] = counts.get(r["family"], 0) + 1
    print(f"{len(rows)} negatives in {len(counts)} families under {args.out}: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
