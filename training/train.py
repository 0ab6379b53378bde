"""Train one shipped model: config -> data -> model -> fit -> evaluate -> save.

    python -m training.train --task all-subtype|wbc-type|cell-seg [--backbone compact,mobile]
        [--data DIR] [--epochs N] [--limit N] [--out runs]

Writes ``<out>/<task>/<backbone>/model.keras`` (export model), ``metrics.json``, ``curve.png``
and, for several backbones, ``<out>/<task>/comparison.json``; the best backbone on the
validation split is copied to ``<out>/<task>/model.keras`` for ``quantize.convert``.
The test split is evaluated once at the end and never used for choices.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import time
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from training import augment, backbones
from training.config import CONFIGS, SEED, TASKS, TaskConfig, data_root, sized
from training.curves import plot_history
from training.data import Split, centre, load_split, with_repaired_masks
from training.metrics import (
    benign_vs_malignant,
    classification_report,
    log_loss,
    segmentation_report,
)

SEG_TRAIN_CROP = 160  # random crops of the 224 px fields; the exported model takes 224


def setup_device(seed: int = SEED) -> tf.distribute.Strategy:
    """Fixed seeds; mixed precision and MirroredStrategy when GPUs are present."""
    keras.utils.set_random_seed(seed)
    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        keras.mixed_precision.set_global_policy("mixed_float16")
    if len(gpus) > 1:
        return tf.distribute.MirroredStrategy()
    return tf.distribute.get_strategy()


def load_data(cfg: TaskConfig, root: Path, limit: int | None, stain_norm: str):
    split_limit = {"train": limit, "val": limit and max(8, limit // 4),
                   "test": limit and max(8, limit // 4)}
    data = {s: load_split(root, cfg, s, split_limit[s], stain_norm)
            for s in ("train", "val", "test")}
    if cfg.task == "cell-seg":  # masks that miss the cells: repaired for training/selection only
        for s in ("train", "val"):
            data[s], n_bad = with_repaired_masks(data[s])
            print(f"cell-seg {s}: {n_bad} of {len(data[s].x)} masks missed their cells: replaced")
    return data


def class_weights(y: np.ndarray, n: int) -> dict[int, float]:
    """Square-root inverse-frequency weights: lifts rare classes' recall without overfitting."""
    counts = np.bincount(y, minlength=n).astype(float) + 1.0
    w = np.sqrt(counts.sum() / counts)
    return {i: float(v / w.mean()) for i, v in enumerate(w)}


def pipeline(split: Split, cfg: TaskConfig, train: bool) -> tf.data.Dataset:
    """tf.data: cached arrays -> (augment) -> batch -> prefetch."""
    ds = tf.data.Dataset.from_tensor_slices((split.x, split.y)).cache()
    if cfg.task == "cell-seg":
        crop = SEG_TRAIN_CROP if train else cfg.input_size
        if train:
            ds = ds.shuffle(len(split.x), seed=cfg.seed).map(
                lambda x, y: augment.segmentation(x, y, crop), num_parallel_calls=tf.data.AUTOTUNE)
        else:
            ds = ds.map(lambda x, y: (tf.cast(x, tf.float32), tf.cast(y[..., None], tf.float32)))
    elif train:
        ds = ds.shuffle(len(split.x), seed=cfg.seed).map(
            lambda x, y: (augment.classification(x, cfg.input_size, cfg.zoom, cfg.colour), y),
            num_parallel_calls=tf.data.AUTOTUNE)
    else:
        ds = ds.map(lambda x, y: (_centre_tf(x, cfg.input_size), y))
    return ds.batch(cfg.batch).prefetch(tf.data.AUTOTUNE)


def _centre_tf(x: tf.Tensor, size: int) -> tf.Tensor:
    return tf.image.resize_with_crop_or_pad(tf.cast(x, tf.float32), size, size)


def dice_loss(y_true, y_pred):
    inter = tf.reduce_sum(y_true * y_pred, axis=[1, 2, 3])
    total = tf.reduce_sum(y_true + y_pred, axis=[1, 2, 3])
    return 1.0 - (2.0 * inter + 1.0) / (total + 1.0)


def seg_loss(y_true, y_pred):
    bce = keras.losses.binary_crossentropy(y_true, y_pred)
    return tf.reduce_mean(bce, axis=[1, 2]) + dice_loss(y_true, y_pred)


def build(cfg: TaskConfig, backbone: str, steps: int, epochs: int):
    """Compiled training model and the export model that shares its weights."""
    schedule = keras.optimizers.schedules.CosineDecay(cfg.lr, decay_steps=max(1, steps * epochs),
                                                      warmup_target=None, alpha=0.02)
    opt = keras.optimizers.Adam(schedule)
    if cfg.task == "cell-seg":
        model = backbones.unet(None)
        model.compile(opt, loss=seg_loss, metrics=[keras.metrics.BinaryIoU(target_class_ids=[1],
                                                                          name="iou")])
        return model, model
    train_model, export = backbones.classifier(cfg.input_size, len(cfg.labels), backbone)
    train_model.compile(opt, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return train_model, export


def evaluate(cfg: TaskConfig, model: keras.Model, split: Split) -> dict:
    """Test-split metrics of the FP32 model, computed in numpy like the INT8 parity report."""
    if cfg.task == "cell-seg":
        pred = model.predict(split.x.astype(np.float32), batch_size=16, verbose=0)[..., 0] > 0.5
        return segmentation_report(pred, split.y)
    x = centre(split.x, cfg.input_size).astype(np.float32)
    probs = model.predict(x, batch_size=64, verbose=0)
    probs = probs[0] if isinstance(probs, list) else probs
    report = classification_report(split.y, probs.argmax(1), cfg.labels)
    report["log_loss"] = log_loss(split.y, probs)
    if cfg.task == "all-subtype":
        report["benign_vs_malignant"] = benign_vs_malignant(split.y, probs.argmax(1))
    return report


def export_seg(model: keras.Model, size: int) -> keras.Model:
    """Rebuild the fully convolutional U-Net at the static shipped size (Edge TPU needs it)."""
    widths = tuple(layer.filters for layer in model.layers
                   if isinstance(layer, keras.layers.Conv2D) and layer.name != "mask")[::2]
    widths = widths[: len(widths) // 2 + 1]
    fixed = backbones.unet(size, widths=widths, edgetpu=True)
    fixed.set_weights(model.get_weights())
    return fixed


class BestOnValidation(keras.callbacks.Callback):
    """Keep the weights of the best epoch on validation: ``monitor`` first, lower val_loss on
    ties. Near 99 % a 324-image split ties for many epochs, and keeping the first of them (as
    ``ModelCheckpoint`` does) keeps an under-trained model from the noisy high-learning-rate
    phase."""

    def __init__(self, path: Path, monitor: str) -> None:
        super().__init__()
        self.path, self.monitor = path, monitor
        self.best: tuple[float, float] | None = None
        self.best_epoch = -1

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        logs = logs or {}
        score = (round(float(logs[self.monitor]), 6), -float(logs.get("val_loss", 0.0)))
        if self.best is None or score > self.best:
            self.best, self.best_epoch = score, epoch
            self.model.save_weights(str(self.path))


def train_one(cfg: TaskConfig, backbone: str, data: dict, epochs: int, out: Path,
              init: str | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    train_ds = pipeline(data["train"], cfg, train=True)
    val_ds = pipeline(data["val"], cfg, train=False)
    steps = int(np.ceil(len(data["train"].x) / cfg.batch))
    model, export = build(cfg, backbone, steps, epochs)
    if init:  # fine-tuning: continue from an earlier run's best weights
        model.load_weights(init)
    monitor = "val_iou" if cfg.task == "cell-seg" else "val_accuracy"
    ckpt = out / "best.weights.h5"
    best = BestOnValidation(ckpt, monitor)
    callbacks = [best]
    weights = (None if cfg.task == "cell-seg" or cfg.class_weights == "none"
               else class_weights(data["train"].y, len(cfg.labels)))
    t0 = time.time()
    hist = model.fit(train_ds, validation_data=val_ds, epochs=epochs, class_weight=weights,
                     callbacks=callbacks, verbose=2)
    seconds = time.time() - t0
    model.load_weights(str(ckpt))
    if cfg.task == "cell-seg":
        export = export_seg(model, cfg.input_size)
    export.save(out / "model.keras")
    plot_history(hist.history, out / "curve.png", f"{cfg.task} / {backbone}")
    val = evaluate(cfg, export, data["val"])
    test = evaluate(cfg, export, data["test"])
    metrics = {"task": cfg.task, "backbone": backbone, "epochs": epochs,
               "train_seconds": round(seconds, 1), "best_epoch": best.best_epoch + 1,
               "params": int(export.count_params()),
               "train_images": len(data["train"].x), "init": init,
               "config": dataclasses.asdict(cfg),
               "val": val, "test": test,
               "history": {k: [float(v) for v in vs] for k, vs in hist.history.items()}}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1))
    return metrics


def headline(m: dict) -> float:
    return m["val"].get("accuracy", m["val"].get("mean_dice", 0.0))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--task", required=True, choices=TASKS)
    p.add_argument("--backbone", default="compact",
                   help="comma list of compact,mobile (classifiers); the best on val is kept")
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--epochs", type=int, help="override the task's epoch count")
    p.add_argument("--limit", type=int, help="use only N training images (smoke runs)")
    p.add_argument("--stain-norm", default="none", choices=["none", "reinhard"])
    p.add_argument("--out", default="runs", help="output folder (default runs/)")
    p.add_argument("--init", help="start from these weights (.weights.h5 of the same backbone)")
    p.add_argument("--lr", type=float, help="override the task's learning rate")
    p.add_argument("--name", help="name of this run in the comparison (default: backbone)")
    p.add_argument("--seed", type=int, default=SEED,
                   help=f"random seed (default {SEED}); other seeds train ensemble members")
    p.add_argument("--class-weights", choices=["sqrt", "none"],
                   help="classifiers: square-root inverse-frequency loss weights, or none "
                        "(default: the task's; all-subtype none, wbc-type sqrt)")
    p.add_argument("--input-size", type=int,
                   help="all-subtype: model input in px (default 224, the fields' own size)")
    args = p.parse_args(argv)

    cfg = CONFIGS[args.task]
    if args.lr:
        cfg = dataclasses.replace(cfg, lr=args.lr)
    if args.input_size:
        cfg = sized(cfg, args.input_size)
    cfg = dataclasses.replace(cfg, seed=args.seed,
                              class_weights=args.class_weights or cfg.class_weights)
    strategy = setup_device(cfg.seed)
    data = load_data(cfg, data_root(args.data), args.limit, args.stain_norm)
    epochs = args.epochs or cfg.epochs
    names = ["unet"] if cfg.task == "cell-seg" else args.backbone.split(",")
    results = {}
    with strategy.scope():
        for name in names:
            run = args.name or name
            results[run] = train_one(cfg, name, data, epochs, Path(args.out) / cfg.task / run,
                                     args.init)
    task_dir = Path(args.out) / cfg.task
    # Backbones trained in earlier runs of this task join the comparison.
    for prev in task_dir.glob("*/metrics.json"):
        results.setdefault(prev.parent.name, json.loads(prev.read_text()))
    best = max(results, key=lambda n: headline(results[n]))
    shutil.copy(task_dir / best / "model.keras", task_dir / "model.keras")
    summary = {
        "task": cfg.task, "chosen": best, "chosen_by": "validation split headline metric",
        "stain_norm": args.stain_norm, "input_size": cfg.input_size,
        "comparison": {n: {"val": headline(m), "test": m["test"].get("accuracy",
                                                                    m["test"].get("mean_dice")),
                           "params": m["params"], "train_seconds": m.get("train_seconds"),
                           "epochs": m.get("epochs")} for n, m in results.items()},
    }
    (task_dir / "comparison.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
