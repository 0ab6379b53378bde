"""The ``wbc-type`` training set: PBC cells, ALL-set cells (blasts and hematogones) and
Bio-Net's typed cells, all brought to one working resolution.

Every crop is stored at ``store_size`` px covering the same physical width
(``store_size`` x the model's um/px), whatever its source, so that the classifier cannot learn
"coarse sampling means blast": ALL fields are ~0.42 um/px against PBC's ~0.21, so ALL crops are
up-sampled here and PBC crops are degraded to the ALL sampling as augmentation
(``augment.degrade``).

ALL-set cells are cut out of the field masks (those that miss their cells, most ``Pro`` masks,
repaired as for ``cell-seg``): every cell of an Early/Pre/Pro field is a B-lymphoblast (flow
cytometry) and is labelled ``blast``; the cells of Benign fields are hematogones, benign B-cell
precursors, labelled ``lymphocyte`` (docs/models.md says why: they are benign lymphoid cells
that a differential counts as lymphocytes, and never blasts).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from clinic_app import stain
from clinic_app.imaging import square_crop, to_side
from training.config import TaskConfig
from training.data import (
    CACHE_DIR,
    colour_mask,
    image_path,
    mask_covers_cells,
    mask_path,
    prepare_image,
    read_rgb,
    read_rows,
)
from training.scale import ALL_UM_PER_PX

HEMATOGONE_LABEL = "lymphocyte"
MIN_CELL_AREA = 120  # px at 0.42 um/px (~5 um across): smaller components are specks
MIN_PURPLE = 25  # mean (R+B)/2 - G of a component: red-cell fragments in weak masks are pink
BIONET_CROP_PER_BOX = 2.2  # crop side / whole-cell box side (PBC: ~29 um around a ~12 um cell)


@dataclass
class Cells:
    """Cached crops (N,S,S,3 uint8), labels, and where each came from."""

    x: np.ndarray
    y: np.ndarray
    paths: list[str]
    source: np.ndarray  # "pbc" | "all" | "bionet"
    group: np.ndarray  # PBC class, ALL field class (Benign/Early/Pre/Pro) or Bio-Net type


def working_um_per_px(cfg: TaskConfig, pbc_um_per_px: float) -> float:
    """Physical pixel of the cached crops (the PBC centre crop brought to ``store_size``)."""
    return cfg.source_crop * pbc_um_per_px / cfg.store_size


def to_store(crop: np.ndarray, cfg: TaskConfig, stain_norm: str) -> np.ndarray:
    """A square crop at the cached size, then normalised (the app's order: ``prepare``)."""
    return stain.apply(np.ascontiguousarray(to_side(crop, cfg.store_size)), stain_norm)


def field_cells(rgb: np.ndarray, mask: np.ndarray) -> list[tuple[float, float]]:
    """Centres of the white cells in one ALL field's (repaired) mask."""
    if not mask_covers_cells(rgb, mask):
        mask = colour_mask(rgb)
    n, lab, stats, cents = cv2.connectedComponentsWithStats(mask.astype(np.uint8))
    f = rgb.astype(np.int16)
    purple = (f[..., 0] + f[..., 2]) // 2 - f[..., 1]
    return [(float(cents[i][0]), float(cents[i][1])) for i in range(1, n)
            if stats[i, cv2.CC_STAT_AREA] >= MIN_CELL_AREA
            and float(purple[lab == i].mean()) >= MIN_PURPLE]


def read_all_field(root: Path, rel: str) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """One ALL field (RGB) and the centres of its white cells (``field_cells``)."""
    rgb = cv2.cvtColor(cv2.imread(str(image_path(root, "all", rel))), cv2.COLOR_BGR2RGB)
    return rgb, field_cells(rgb, cv2.imread(str(mask_path(root, rel)), cv2.IMREAD_GRAYSCALE) > 127)


def all_cells(root: Path, cfg: TaskConfig, split: str, work_um: float, stain_norm: str,
              limit: int | None) -> Cells:
    side = int(round(cfg.store_size * work_um / ALL_UM_PER_PX))
    xs, ys, paths, groups = [], [], [], []
    for r in read_rows(root, "all", split, limit):
        rgb, centres = read_all_field(root, r["path"])
        label = HEMATOGONE_LABEL if r["label"] == "Benign" else "blast"
        for k, (cx, cy) in enumerate(centres):
            xs.append(to_store(square_crop(rgb, cx, cy, side), cfg, stain_norm))
            ys.append(cfg.labels.index(label))
            paths.append(f"all/{r['path']}#{k}")
            groups.append(r["label"])
    return _cells(xs, ys, paths, "all", groups, cfg)


def bionet_cells(root: Path, cfg: TaskConfig, split: str, stain_norm: str) -> Cells:
    with open(root / "bionet" / "splits.csv", newline="") as fh:
        in_split = {Path(r["path"]).stem for r in csv.DictReader(fh) if r["split"] == split}
    xs, ys, paths, groups = [], [], [], []
    with open(root / "bionet" / "wbc_types.csv", newline="") as fh:
        for k, r in enumerate(csv.DictReader(fh)):
            if r["image"] not in in_split or r["wbc_type"] not in cfg.labels:
                continue
            bgr = cv2.imread(str(root / "bionet" / "JPEGImages" / f"{r['image']}.jpg"))
            x0, y0, x1, y1 = (float(r[c]) for c in ("xmin", "ymin", "xmax", "ymax"))
            side = int(round(max(x1 - x0, y1 - y0) * BIONET_CROP_PER_BOX))
            rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
            crop = square_crop(rgb, (x0 + x1) / 2, (y0 + y1) / 2, side)
            xs.append(to_store(crop, cfg, stain_norm))
            ys.append(cfg.labels.index(r["wbc_type"]))
            paths.append(f"bionet/{r['image']}#{k}")
            groups.append(r["wbc_type"])
    return _cells(xs, ys, paths, "bionet", groups, cfg)


def pbc_cells(root: Path, cfg: TaskConfig, split: str, stain_norm: str,
              limit: int | None) -> Cells:
    xs, ys, paths, groups = [], [], [], []
    for r in read_rows(root, "pbc", split, limit):
        bgr = cv2.imread(str(image_path(root, "pbc", r["path"])), cv2.IMREAD_COLOR)
        xs.append(prepare_image(bgr, cfg, stain_norm))
        ys.append(cfg.labels.index(r["label"]))
        paths.append(f"pbc/{r['path']}")
        groups.append(r["label"])
    return _cells(xs, ys, paths, "pbc", groups, cfg)


def _cells(xs, ys, paths, source, groups, cfg: TaskConfig) -> Cells:
    s = cfg.store_size
    x = np.stack(xs) if xs else np.zeros((0, s, s, 3), np.uint8)
    return Cells(x, np.asarray(ys, np.int32), paths, np.asarray([source] * len(ys)),
                 np.asarray(groups))


def concat(parts: list[Cells]) -> Cells:
    return Cells(np.concatenate([p.x for p in parts]), np.concatenate([p.y for p in parts]),
                 [q for p in parts for q in p.paths], np.concatenate([p.source for p in parts]),
                 np.concatenate([p.group for p in parts]))


def load_cells(root: Path, cfg: TaskConfig, split: str, stain_norm: str, pbc_um_per_px: float,
               limit: int | None = None) -> Cells:
    """All three sources of one split, cached as one ``.npz`` (full splits only, raw: a
    normalised split is the raw one normalised crop by crop, as ``to_store`` would make it)."""
    if stain_norm not in ("", "none"):
        raw = load_cells(root, cfg, split, "none", pbc_um_per_px, limit)
        x = np.stack([stain.apply(c, stain_norm) for c in raw.x]) if len(raw.y) else raw.x
        return Cells(x, raw.y, raw.paths, raw.source, raw.group)
    cache = CACHE_DIR / f"cells-{split}-{cfg.store_size}-{stain_norm}.npz"
    if limit is None and cache.exists():
        z = np.load(cache, allow_pickle=False)
        return Cells(z["x"], z["y"], list(z["paths"]), z["source"], z["group"])
    work_um = working_um_per_px(cfg, pbc_um_per_px)
    parts = [pbc_cells(root, cfg, split, stain_norm, limit),
             all_cells(root, cfg, split, work_um, stain_norm, limit and max(4, limit // 4))]
    if limit is None:
        parts.append(bionet_cells(root, cfg, split, stain_norm))
    out = concat(parts)
    if limit is None:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        np.savez(cache, x=out.x, y=out.y, paths=np.asarray(out.paths), source=out.source,
                 group=out.group)
    return out


def cap_per_field(cells: Cells, label: int, most: int, seed: int) -> Cells:
    """At most ``most`` cells of class ``label`` from each ALL field (a random choice).

    An ALL field holds ~10 blasts of one patient that look alike; 18,000 of them would drown
    the 11,000 PBC cells and cost a 2-core CPU hours per run for little new information.
    Hematogones (fewer, and the blast mimic that must be learned) are all kept."""
    rng = np.random.default_rng(seed)
    fields = np.array([p.split("#")[0] for p in cells.paths])
    keep = np.ones(len(cells.y), bool)
    for f in np.unique(fields[(cells.source == "all") & (cells.y == label)]):
        idx = np.flatnonzero((fields == f) & (cells.y == label))
        if len(idx) > most:
            keep[rng.choice(idx, len(idx) - most, replace=False)] = False
    return Cells(cells.x[keep], cells.y[keep], [p for p, k in zip(cells.paths, keep,
                                                                   strict=True) if k],
                 cells.source[keep], cells.group[keep])


def field_cells_boxes(rgb: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Whole-cell boxes (x0, y0, x1, y1) of one ALL field's (repaired) mask components."""
    if not mask_covers_cells(rgb, mask):
        mask = colour_mask(rgb)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8))
    f = rgb.astype(np.int16)
    purple = (f[..., 0] + f[..., 2]) // 2 - f[..., 1]
    out = [[stats[i, 0], stats[i, 1], stats[i, 0] + stats[i, 2], stats[i, 1] + stats[i, 3]]
           for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= MIN_CELL_AREA
           and float(purple[lab == i].mean()) >= MIN_PURPLE]
    return np.asarray(out, np.float32).reshape(-1, 4)


def repeat_group(cells: Cells, group: str, times: int) -> Cells:
    """Cells of ``group`` (e.g. the ALL set's Benign hematogones) ``times`` times over: the
    blast mimic is rare next to the blasts, and calling it blast is the costly error."""
    idx = np.flatnonzero((cells.source == "all") & (cells.group == group))
    extra = np.repeat(idx, max(0, times - 1))
    keep = np.concatenate([np.arange(len(cells.y)), extra])
    return Cells(cells.x[keep], cells.y[keep], [cells.paths[i] for i in keep],
                 cells.source[keep], cells.group[keep])


# --- white cells boxed but not typed: "some white cell" (a set-valued label) ---------------

NOT_WHITE = ("erythroblast", "platelet")  # the classes a boxed white cell is not


def boxed_dev_fields(pairs: list, train: bool) -> list:
    """BCCD dev fields whose boxes train (every other one, from the first) or check (the
    others): the dev part's small white cells are not spread evenly by name, so a split by
    halves would leave one side without them (docs/models.md)."""
    return pairs[0 if train else 1::2]


def white_cell_label(cfg: TaskConfig) -> int:
    """The label of a cell known to be white but not its type: one past the model's classes
    (``training.train.set_crossentropy`` reads it as "any class but ``NOT_WHITE``")."""
    return len(cfg.labels)


def allowed_classes(cfg: TaskConfig) -> np.ndarray:
    """(classes + 1) x classes 0/1: row k is the classes label k allows (one-hot for a typed
    cell, every white-cell class for ``white_cell_label``)."""
    n = len(cfg.labels)
    rows = np.eye(n + 1, n, dtype=np.float32)
    rows[n] = [0.0 if lab in NOT_WHITE else 1.0 for lab in cfg.labels]
    return rows


def boxed_white_cells(root: Path, cfg: TaskConfig, work_um: float, pairs: list[tuple[Path, Path]],
                      source: str, known: dict[str, list[tuple[float, float, str]]] | None = None
                      ) -> Cells:
    """The annotated ``WBC`` boxes of (image, annotation) ``pairs`` of one set
    (``training.detection_bench.detection_sets``) whose type is not known (Bio-Net's typed
    cells are left to ``bionet_cells``), cut as ``clinic-app analyze`` cuts a cell: a square of
    the cached physical width around the box centre at the field's own red-cell scale (fields
    without one are skipped). Labelled ``white_cell_label``: BCCD's small white cells were read
    as platelets (docs/models.md) and BCCD has no types here; its boxes still say "a white
    cell", which is what the model got wrong. ``known``: image stem -> (centre x, centre y,
    class) of boxes typed by eye (``by_eye_types``); such a box gets its class instead."""
    from clinic_app import scale
    from training.evaluate_detection import voc_rows

    typed = _typed_centres(root)
    known = known or {}
    xs, ys, paths = [], [], []
    for image, xml in pairs:
        boxes = [b for b in voc_rows(xml) if type_of(b, typed.get(image.stem, [])) is None]
        if not boxes:
            continue
        rgb = read_rgb(image)
        um, cue = scale.estimate_um_per_px(rgb)
        if cue == scale.UNKNOWN:
            continue
        side = int(round(cfg.store_size * work_um / um))
        for k, (x0, y0, x1, y1) in enumerate(boxes):
            xs.append(to_store(square_crop(rgb, (x0 + x1) / 2, (y0 + y1) / 2, side), cfg, "none"))
            ys.append(_box_label(cfg, (x0, y0, x1, y1), known.get(image.stem, [])))
            paths.append(f"{source}/{image.stem}#{k}")
    s = cfg.store_size
    return Cells(np.stack(xs) if xs else np.zeros((0, s, s, 3), np.uint8),
                 np.asarray(ys, np.int32), paths,
                 np.asarray([f"{source}-boxed"] * len(xs)),
                 np.asarray([cfg.labels[y] if y < len(cfg.labels) else "white-cell" for y in ys]))


BY_EYE_TYPES = Path(__file__).resolve().parent / "labels" / "bccd_by_eye.csv"


def by_eye_types(use: str, path: Path = BY_EYE_TYPES) -> dict[str, list[tuple[float, float, str]]]:
    """BCCD boxes typed by eye (image stem -> (centre x, centre y, class)), ``use`` "train"
    (the dev fields ``boxed_dev_fields`` trains on), "check" (the other dev fields) or "eval"
    (the 192 evaluation fields); the last two for evaluation only. Boxes marked ``unsure`` are
    left out (docs/models.md, "BCCD white cells typed by eye")."""
    out: dict[str, list[tuple[float, float, str]]] = {}
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            if r["use"] != use or r["wbc_type"] == "unsure":
                continue
            x0, y0, x1, y1 = (float(r[c]) for c in ("xmin", "ymin", "xmax", "ymax"))
            out.setdefault(r["image"], []).append(((x0 + x1) / 2, (y0 + y1) / 2, r["wbc_type"]))
    return out


def _box_label(cfg: TaskConfig, box: tuple[float, float, float, float],
               known: list[tuple[float, float, str]]) -> int:
    """The class typed by eye for this box (``type_of``), else ``white_cell_label``."""
    label = type_of(box, known)
    return cfg.labels.index(label) if label else white_cell_label(cfg)


def type_of(box: tuple[float, float, float, float] | list[float],
            known: list[tuple[float, float, str]]) -> str | None:
    """The type of the typed box whose centre lies within a quarter of ``box``'s side of its
    own centre (Bio-Net's typed cells, the boxes typed by eye), or None."""
    x0, y0, x1, y1 = box
    cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, 0.25 * max(x1 - x0, y1 - y0)
    return next((t for tx, ty, t in known if abs(cx - tx) <= r and abs(cy - ty) <= r), None)


def _typed_centres(root: Path) -> dict[str, list[tuple[float, float, str]]]:
    """Bio-Net's typed white cells: image stem -> (centre x, centre y, type)."""
    out: dict[str, list[tuple[float, float, str]]] = {}
    with open(root / "bionet" / "wbc_types.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            x0, y0, x1, y1 = (float(r[c]) for c in ("xmin", "ymin", "xmax", "ymax"))
            out.setdefault(r["image"], []).append(((x0 + x1) / 2, (y0 + y1) / 2, r["wbc_type"]))
    return out
