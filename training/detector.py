"""A white-cell detector of our own: a CenterNet-style head on a small U-Net, scale-free.

    python -m training.detector [--epochs N] [--limit N] [--out runs_det] [--data DIR]

Why: the segment-then-split cell finder needs the field's scale (from red cells) and the ALL
set's colour masks; on other labs' fields the scale fails and white cells are cut into lobes.
A detector trained on whole-cell boxes from two microscopes (Bio-Net train split, several
stains and magnifications; the ALL set's train fields, boxes from their repaired masks) and
run on the whole field letterboxed to ``SIZE`` px needs no scale at all. Of BCCD only the 100
"dev" fields (``training.evaluate_detection``) are trained on, twice per epoch (the closest
thing here to a clinic's USB camera); its 192 "eval" fields measure the detector on fields it
has never seen, as they measure today's finder.

Output (stride 4): a centre heat map (sigmoid) and the box width/height in input pixels / 64.
Edge-TPU ops only (conv, ReLU, max-pool, reshape/concatenate up-sampling). Backend-neutral.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import time
from pathlib import Path

import cv2
import keras
import numpy as np
from keras import layers, ops

from clinic_app.detection import BOX_SCALE, decode, iou_matrix, letterbox, to_field
from training import augment
from training.backbones import conv_bn, upsample_concat
from training.cells import field_cells_boxes
from training.config import SEED, data_root
from training.data import image_path, mask_path, read_rgb, read_rows
from training.evaluate_detection import DEV_FIELDS, voc_rows

SIZE = 256
STRIDE = 4
PEAK_MIN = 0.3  # default score a detection needs (chosen on val: ``choose_threshold``)


def voc_boxes(xml_path: Path, name: str = "WBC") -> np.ndarray:
    return np.asarray(voc_rows(xml_path, name), np.float32).reshape(-1, 4)


def bionet_items(root: Path, split: str) -> list[tuple[np.ndarray, np.ndarray]]:
    with open(root / "bionet" / "splits.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == split]
    items = []
    for r in rows:
        ann = root / "bionet" / "Annotations" / f"{Path(r['path']).stem}.xml"
        if ann.exists():
            items.append((read_rgb(root / "bionet" / r["path"]), voc_boxes(ann)))
    return items


def all_items(root: Path, split: str, limit: int | None) -> list[tuple[np.ndarray, np.ndarray]]:
    items = []
    for r in read_rows(root, "all", split, limit):
        rgb = read_rgb(image_path(root, "all", r["path"]))
        mask = cv2.imread(str(mask_path(root, r["path"])), cv2.IMREAD_GRAYSCALE) > 127
        items.append((rgb, field_cells_boxes(rgb, mask)))
    return items


def bccd_items(root: Path, first: int, last: int | None) -> list[tuple[np.ndarray, np.ndarray]]:
    files = sorted((root / "bccd" / "JPEGImages").glob("*.jpg"))[first:last]
    return [(read_rgb(p), voc_boxes(root / "bccd" / "Annotations" / f"{p.stem}.xml"))
            for p in files]


def targets(boxes: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Heat map (Gaussian at each centre) and width/height at the centre cell: (g, g, 4) with
    channels heat, w, h, centre-mask."""
    g = size // STRIDE
    t = np.zeros((g, g, 4), np.float32)
    yy, xx = np.mgrid[0:g, 0:g].astype(np.float32)
    for x0, y0, x1, y1 in boxes:
        cx, cy = (x0 + x1) / 2 / STRIDE, (y0 + y1) / 2 / STRIDE
        if not (0 <= cx < g and 0 <= cy < g):
            continue
        sigma = max(0.8, 0.15 * min(x1 - x0, y1 - y0) / STRIDE)
        t[..., 0] = np.maximum(t[..., 0], np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2)
                                                   / (2 * sigma ** 2)))
        i, j = int(cy), int(cx)
        t[i, j, 1:] = ((x1 - x0) / BOX_SCALE, (y1 - y0) / BOX_SCALE, 1.0)
    return t


def jitter(rgb: np.ndarray, boxes: np.ndarray, rng: np.random.Generator, colour: float = 1.3
           ) -> tuple[np.ndarray, np.ndarray]:
    """Random magnification (0.6-1.6x of the letterboxed field), flips/rot90, colour, optics."""
    img, lb = letterbox(rgb, int(SIZE * rng.uniform(0.6, 1.6)))
    b = boxes * lb.scale + np.array([lb.x0, lb.y0, lb.x0, lb.y0], np.float32)
    n = img.shape[0]
    if n > SIZE:  # crop a random SIZE window
        ox, oy = (int(rng.integers(0, n - SIZE + 1)) for _ in range(2))
        img = img[oy:oy + SIZE, ox:ox + SIZE]
        b = b - np.array([ox, oy, ox, oy], np.float32)
    else:  # paste into a SIZE canvas
        canvas = np.empty((SIZE, SIZE, 3), np.uint8)
        canvas[:] = np.median(img.reshape(-1, 3), axis=0).astype(np.uint8)
        ox, oy = (int(rng.integers(0, SIZE - n + 1)) for _ in range(2))
        canvas[oy:oy + n, ox:ox + n] = img
        img, b = canvas, b + np.array([ox, oy, ox, oy], np.float32)
    cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    b = b[(cx >= 0) & (cx < SIZE) & (cy >= 0) & (cy < SIZE)]
    if rng.random() < 0.5:
        img, b = img[:, ::-1], np.stack([SIZE - b[:, 2], b[:, 1], SIZE - b[:, 0], b[:, 3]], 1)
    if rng.random() < 0.5:
        img, b = img[::-1], np.stack([b[:, 0], SIZE - b[:, 3], b[:, 2], SIZE - b[:, 1]], 1)
    img = augment.optics(augment.colour(np.ascontiguousarray(img), colour, rng), rng)
    return img, b.reshape(-1, 4)


class DetBatches(keras.utils.PyDataset):
    def __init__(self, items, batch: int, train: bool, seed: int = SEED, colour: float = 1.3,
                 **kw) -> None:
        super().__init__(**kw)
        self.items, self.batch, self.train, self.colour = items, batch, train, colour
        self.rng = np.random.default_rng(seed)
        self.order = self.rng.permutation(len(items)) if train else np.arange(len(items))

    def __len__(self) -> int:
        return math.ceil(len(self.items) / self.batch)

    def on_epoch_end(self) -> None:
        if self.train:
            self.order = self.rng.permutation(len(self.items))

    def __getitem__(self, i: int):
        idx = self.order[i * self.batch:(i + 1) * self.batch]
        rng = np.random.default_rng([SEED, int(idx[0]), i])
        xs, ts = [], []
        for j in idx:
            rgb, boxes = self.items[j]
            if self.train:
                img, b = jitter(rgb, boxes, rng, self.colour)
            else:
                img, lb = letterbox(rgb, SIZE)
                b = boxes * lb.scale + np.array([lb.x0, lb.y0, lb.x0, lb.y0], np.float32)
            xs.append(img)
            ts.append(targets(b))
        return np.stack(xs).astype(np.float32), np.stack(ts)


def build(widths: tuple[int, ...] = (16, 32, 64, 96, 128), edgetpu: bool = False) -> keras.Model:
    """U-Net encoder to stride 16, decoder back to stride 4, two heads."""
    inp = keras.Input((SIZE, SIZE, 3), name="image")
    x = layers.Rescaling(1.0 / 255.0)(inp)
    skips = []
    for w in widths[:-1]:
        x = conv_bn(conv_bn(x, w), w)
        skips.append(x)
        x = layers.MaxPooling2D()(x)
    x = conv_bn(conv_bn(x, widths[-1]), widths[-1])
    for w, skip in list(zip(reversed(widths[:-1]), reversed(skips), strict=True))[:2]:
        x = upsample_concat(x) if edgetpu else layers.UpSampling2D()(x)
        x = conv_bn(layers.Concatenate()([x, skip]), w)
    heat = layers.Conv2D(1, 1, activation="sigmoid", name="heat", dtype="float32",
                         bias_initializer=keras.initializers.Constant(-2.2))(x)
    wh = layers.Conv2D(2, 1, activation="relu", name="wh", dtype="float32")(x)
    return keras.Model(inp, layers.Concatenate(name="det", dtype="float32")([heat, wh]))


def det_loss(t, p):
    """CenterNet focal loss on the heat map + L1 on width/height at the centres."""
    heat, gt = ops.clip(p[..., 0], 1e-4, 1 - 1e-4), t[..., 0]
    pos = ops.cast(gt > 0.99, "float32")
    neg = (1.0 - pos) * ops.power(1.0 - gt, 4.0)
    focal = -(pos * ops.power(1 - heat, 2) * ops.log(heat)
              + neg * ops.power(heat, 2) * ops.log(1 - heat))
    n = ops.maximum(ops.sum(t[..., 3], axis=[1, 2]), 1.0)
    size = ops.sum(ops.abs(p[..., 1:3] - t[..., 1:3]) * t[..., 3:4], axis=[1, 2, 3])
    return (ops.sum(focal, axis=[1, 2]) + 0.5 * size) / n


def hits(pred: np.ndarray, truth: np.ndarray, thr: float = 0.3) -> int:
    """Greedy one-to-one matching at IoU >= ``thr`` (as training.evaluate_detection)."""
    if not len(pred) or not len(truth):
        return 0
    m = iou_matrix(pred, truth)
    n = 0
    while m.size and m.max() >= thr:
        i, j = np.unravel_index(np.argmax(m), m.shape)
        m[i, :], m[:, j] = -1, -1
        n += 1
    return n


def outputs(run, items) -> list[tuple[np.ndarray, object, np.ndarray]]:
    """The model's raw output for each field (run once, decoded at any threshold)."""
    out = []
    for rgb, truth in items:
        img, lb = letterbox(rgb, SIZE)
        out.append((run(img), lb, truth))
    return out


def score_outputs(outs, threshold: float) -> dict:
    tp = n_pred = n_true = 0
    for raw, lb, truth in outs:
        pred = to_field(decode(raw, STRIDE, threshold), lb)
        tp += hits(pred, truth)
        n_pred, n_true = n_pred + len(pred), n_true + len(truth)
    return {"recall": tp / max(1, n_true), "precision": tp / max(1, n_pred),
            "boxes": n_true, "detections": n_pred}


def score_set(run, items, threshold: float) -> dict:
    """Recall and precision (IoU >= 0.3, one-to-one) of the boxes found at ``threshold``."""
    return score_outputs(outputs(run, items), threshold)


def keras_runner(model: keras.Model):
    return lambda img: model.predict(img[None].astype(np.float32), verbose=0)[0]


THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def choose_threshold(run, items) -> float:
    """The peak threshold maximising F1 on validation fields."""
    outs = outputs(run, items)
    best, best_f1 = PEAK_MIN, -1.0
    for t in THRESHOLDS:
        r = score_outputs(outs, t)
        f1 = 2 * r["recall"] * r["precision"] / max(1e-9, r["recall"] + r["precision"])
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--epochs", type=int, default=30, help="training epochs (default 30)")
    p.add_argument("--limit", type=int, help="only N fields per set (smoke runs)")
    p.add_argument("--all-fields", type=int, default=600,
                   help="ALL-set train fields used (default 600 of 2,119)")
    p.add_argument("--out", default="runs_det", help="output folder (default runs_det/)")
    p.add_argument("--init", help="start from this detector (.keras), e.g. a fine-tune")
    p.add_argument("--lr", type=float, default=2e-3, help="peak learning rate (default 2e-3)")
    p.add_argument("--colour", type=float, default=1.3,
                   help="strength of the colour shifts (augment.colour; default 1.3)")
    args = p.parse_args(argv)
    keras.utils.set_random_seed(SEED)
    root, lim = data_root(args.data), args.limit
    bccd_dev = bccd_items(root, 0, DEV_FIELDS)[:lim]
    train = (bionet_items(root, "train")[:lim] + all_items(root, "train", lim or args.all_fields)
             + bccd_dev + bccd_dev)
    val = bionet_items(root, "val")[:lim] + all_items(root, "val", lim or 100)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model = build()
    if args.init:
        model.set_weights(keras.models.load_model(args.init, compile=False).get_weights())
    steps = math.ceil(len(train) / 16)
    model.compile(keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(
        args.lr, steps * args.epochs, alpha=0.02)), loss=det_loss)
    t0 = time.time()
    model.fit(DetBatches(train, 16, True, colour=args.colour, workers=2,
                         use_multiprocessing=False),
              validation_data=DetBatches(val, 16, False), epochs=args.epochs, verbose=2)
    fixed = build(edgetpu=True)
    fixed.set_weights(model.get_weights())
    fixed.save(out / "model.keras")
    run = keras_runner(fixed)
    thr = choose_threshold(run, val)
    test = {"bionet_test": score_set(run, bionet_items(root, "test")[:lim], thr),
            "all_test": score_set(run, all_items(root, "test", lim), thr),
            "bccd_eval_never_trained_on": score_set(run, bccd_items(root, DEV_FIELDS, None)[:lim],
                                                    thr)}
    metrics = {"threshold": thr, "train_fields": len(train), "epochs": args.epochs,
               "init": args.init, "lr": args.lr, "colour": args.colour,
               "train_seconds": round(time.time() - t0), "test": test}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1))
    print(json.dumps(metrics, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
