"""Train one shipped model: config -> data -> model -> fit -> evaluate -> save.

    python -m training.train --task all-subtype|wbc-type|cell-seg [--backbone compact,mobile]
        [--data DIR] [--epochs N] [--limit N] [--out runs]

Backend-neutral Keras 3 (numpy batches, ``keras.ops`` losses): the same command trains on
TensorFlow here and with ``KERAS_BACKEND=jax`` or ``torch`` on a GPU machine without
TensorFlow. Writes ``<out>/<task>/<run>/{model.keras, metrics.json, curve.png}`` and
``<out>/<task>/comparison.json``; the best run on the **validation** split
(``training.selection.rank``) is copied to ``<out>/<task>/model.keras`` for
``quantize.convert``. The test split is evaluated once at the end and never used for choices.
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
from keras import ops

from clinic_app import stain
from training import backbones, selection
from training.cells import (
    allowed_classes,
    boxed_dev_fields,
    boxed_white_cells,
    by_eye_types,
    cap_per_field,
    concat,
    load_cells,
    repeat_group,
    working_um_per_px,
)
from training.config import CONFIGS, SEED, TASKS, TaskConfig, data_root, sized
from training.curves import plot_history
from training.data import REPAIRS, load_split, with_repaired_masks
from training.evaluation import evaluate
from training.pipeline import Batches, sqrt_class_weights
from training.scale import PBC_UM_PER_PX

BLASTS_PER_FIELD = 3  # wbc-type train: blasts kept per ALL field (training.cells.cap_per_field)


class Progress(keras.callbacks.Callback):
    """One line every ``every`` batches: a long CPU epoch shows it is moving."""

    def __init__(self, every: int = 100) -> None:
        super().__init__()
        self.every, self.t0 = every, time.time()

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self.t0 = time.time()

    def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
        if batch and batch % self.every == 0:
            print(f"  batch {batch}: {time.time() - self.t0:.0f} s, "
                  f"loss {float((logs or {}).get('loss', 0)):.3f}", flush=True)


def gpu_count() -> int:
    """GPUs visible to the active Keras backend."""
    name = keras.backend.backend()
    if name == "jax":
        import jax
        return sum(d.platform == "gpu" for d in jax.devices())
    if name == "torch":
        import torch
        return torch.cuda.device_count()
    if name == "tensorflow":
        import tensorflow as tf
        return len(tf.config.list_physical_devices("GPU"))
    return 0


def setup_device(seed: int = SEED) -> int:
    """Fixed seeds; mixed precision when a GPU is present. Returns the GPU count."""
    keras.utils.set_random_seed(seed)
    gpus = gpu_count()
    if gpus:
        keras.mixed_precision.set_global_policy("mixed_float16")
    return gpus


def load_data(cfg: TaskConfig, root: Path, limit: int | None, test: bool = True) -> dict:
    small = limit and max(8, limit // 4)
    sizes = {"train": limit, "val": small, **({"test": small} if test else {})}
    # raw train images when they are normalised after augmentation (pipeline.Batches)
    norm = {s: "none" if s == "train" and cfg.normalise_after_augment else cfg.stain_norm
            for s in sizes}
    if cfg.task == "wbc-type":
        data = {s: load_cells(root, cfg, s, norm[s], PBC_UM_PER_PX, n) for s, n in sizes.items()}
        data["train"] = repeat_group(cap_per_field(data["train"], cfg.labels.index("blast"),
                                                   BLASTS_PER_FIELD, cfg.seed),
                                     "Benign", cfg.hematogone_repeat)
        if cfg.boxed_repeat:
            data["train"] = concat([data["train"], boxed_train_cells(cfg, root, limit)])
        return data
    data = {s: load_split(root, cfg, s, n, norm[s]) for s, n in sizes.items()}
    if cfg.task == "cell-seg":  # masks that miss the cells: repaired for training/selection only
        for s in ("train", "val"):
            data[s], n_bad = with_repaired_masks(data[s], cfg.repair)
            print(f"cell-seg {s}: {n_bad} of {len(data[s].x)} masks missed their cells: replaced")
    return data


def boxed_train_cells(cfg: TaskConfig, root: Path, limit: int | None):
    """BCCD dev fields' untyped boxes (``boxed_repeat`` times) and Bio-Net train's (once)."""
    from training.detection_bench import detection_sets

    work_um = working_um_per_px(cfg, PBC_UM_PER_PX)
    sets = detection_sets(root, "dev", "train")
    bccd = boxed_white_cells(root, cfg, work_um, boxed_dev_fields(sets["bccd"], True)[:limit],
                             "bccd", by_eye_types("train") if cfg.by_eye_types else None)
    bionet = boxed_white_cells(root, cfg, work_um, [] if limit else sets["bionet"], "bionet")
    typed = int((bccd.y < len(cfg.labels)).sum())
    print(f"boxed white cells: BCCD {len(bccd.y)} ({typed} typed by eye) x {cfg.boxed_repeat}, "
          f"Bio-Net {len(bionet.y)}")
    return concat([bccd] * cfg.boxed_repeat + [bionet])


def set_crossentropy(allowed: np.ndarray):
    """Cross-entropy against a set of allowed classes: -log of the probability the model puts
    on the label's row of ``allowed`` (``training.cells.allowed_classes``). A typed cell's row
    is one-hot (plain cross-entropy); a boxed white cell's row is every white-cell class."""
    table = ops.convert_to_tensor(allowed)

    def loss(y_true, y_pred):
        rows = ops.take(table, ops.cast(ops.reshape(y_true, (-1,)), "int32"), axis=0)
        return -ops.log(ops.clip(ops.sum(rows * y_pred, axis=-1), 1e-7, 1.0))
    return loss


def seg_loss(y_true, y_pred):
    """Per-image binary cross-entropy plus soft Dice loss."""
    bce = ops.mean(keras.losses.binary_crossentropy(y_true, y_pred), axis=[1, 2])
    inter = ops.sum(y_true * y_pred, axis=[1, 2, 3])
    total = ops.sum(y_true + y_pred, axis=[1, 2, 3])
    return bce + 1.0 - (2.0 * inter + 1.0) / (total + 1.0)


def build(cfg: TaskConfig, backbone: str, steps: int, epochs: int,
          widths: tuple[int, ...] = backbones.UNET_WIDTHS):
    """Compiled training model and the export model that shares its weights."""
    schedule = keras.optimizers.schedules.CosineDecay(cfg.lr, decay_steps=max(1, steps * epochs),
                                                      alpha=0.02)
    opt = keras.optimizers.Adam(schedule)
    if cfg.task == "cell-seg":
        model = backbones.unet(None, widths=widths)
        model.compile(opt, loss=seg_loss, metrics=[keras.metrics.BinaryIoU(target_class_ids=[1],
                                                                          name="iou")])
        return model, model
    train_model, export = backbones.classifier(cfg.input_size, len(cfg.labels), backbone)
    loss = (set_crossentropy(allowed_classes(cfg)) if cfg.boxed_repeat
            else "sparse_categorical_crossentropy")
    train_model.compile(opt, loss=loss, metrics=["accuracy"])
    return train_model, export


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
              init: str | None = None, widths: tuple[int, ...] = backbones.UNET_WIDTHS,
              workers: int = 2) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    weights = (None if cfg.task == "cell-seg" or cfg.class_weights == "none"
               else sqrt_class_weights(data["train"].y, len(allowed_classes(cfg)) if
                                       cfg.boxed_repeat else len(cfg.labels)))
    loader = {"workers": workers, "use_multiprocessing": False, "max_queue_size": 4 * workers}
    train_ds = Batches(data["train"].x, data["train"].y, cfg, True, weights, **loader)
    val_ds = Batches(data["val"].x, data["val"].y, cfg, False)
    model, export = build(cfg, backbone, len(train_ds), epochs, widths)
    if init:  # fine-tuning: continue from an earlier run's best weights
        model.load_weights(init)
    monitor = "val_iou" if cfg.task == "cell-seg" else "val_accuracy"
    best = BestOnValidation(out / "best.weights.h5", monitor)
    t0 = time.time()
    hist = model.fit(train_ds, validation_data=val_ds, epochs=epochs, callbacks=[best, Progress()],
                     verbose=2)
    seconds = time.time() - t0
    model.load_weights(str(out / "best.weights.h5"))
    if cfg.task == "cell-seg":
        export = backbones.export_seg(model, cfg.input_size)
    export.save(out / "model.keras")
    plot_history(hist.history, out / "curve.png", f"{cfg.task} / {backbone}")
    metrics = {"task": cfg.task, "backbone": backbone, "epochs": epochs,
               "train_seconds": round(seconds, 1), "best_epoch": best.best_epoch + 1,
               "params": int(export.count_params()),
               "train_images": len(data["train"].x), "init": init,
               "config": dataclasses.asdict(cfg),
               "val": evaluate(cfg, export, data["val"]),
               # None where the test split stays on the CPU machine (--skip-test)
               "test": evaluate(cfg, export, data["test"]) if "test" in data else None,
               "history": {k: [float(v) for v in vs] for k, vs in hist.history.items()}}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1))
    return metrics


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--task", required=True, choices=TASKS)
    p.add_argument("--backbone", default="compact",
                   help="comma list of compact,mobile (classifiers); the best on val is kept")
    p.add_argument("--data", help="data root (default $CLINIC_DATA or ../shared/data)")
    p.add_argument("--epochs", type=int, help="override the task's epoch count")
    p.add_argument("--limit", type=int, help="use only N training images (smoke runs)")
    p.add_argument("--stain-norm", choices=list(stain.METHODS),
                   help="override the task's stain normalisation (wbc-type: background-reinhard)")
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
    p.add_argument("--widths", default=",".join(map(str, backbones.UNET_WIDTHS)),
                   help="cell-seg: U-Net channel widths, top level first (default %(default)s)")
    p.add_argument("--workers", type=int, default=2,
                   help="threads that augment training batches (default 2; more on a GPU host)")
    p.add_argument("--skip-test", action="store_true",
                   help="do not load or evaluate the test split (a GPU machine that was sent "
                        "train and val only); evaluate the converted model later")
    p.add_argument("--hematogone-repeat", type=int,
                   help="wbc-type: ALL Benign cells repeated this often in train (default 5)")
    p.add_argument("--boxed-repeat", type=int,
                   help="wbc-type: train on BCCD dev fields' untyped WBC boxes this often (and "
                        "Bio-Net train's once) as 'some white cell' (default 0: none)")
    p.add_argument("--by-eye-types", action="store_true",
                   help="wbc-type: the BCCD boxes typed by eye (training/labels) get their class "
                        "instead of 'some white cell'")
    p.add_argument("--repair", choices=list(REPAIRS),
                   help="cell-seg: how masks that miss their cells are redrawn (default colour)")
    return p.parse_args(argv)


def configure(args: argparse.Namespace) -> TaskConfig:
    cfg = CONFIGS[args.task]
    if args.lr:
        cfg = dataclasses.replace(cfg, lr=args.lr)
    if args.input_size:
        cfg = sized(cfg, args.input_size)
    return dataclasses.replace(cfg, seed=args.seed,
                               class_weights=args.class_weights or cfg.class_weights,
                               stain_norm=args.stain_norm or cfg.stain_norm,
                               hematogone_repeat=args.hematogone_repeat or cfg.hematogone_repeat,
                               repair=args.repair or cfg.repair,
                               boxed_repeat=args.boxed_repeat or cfg.boxed_repeat,
                               by_eye_types=args.by_eye_types or cfg.by_eye_types)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    cfg = configure(args)
    gpus = setup_device(cfg.seed)
    root = data_root(args.data)
    data = load_data(cfg, root, args.limit, test=not args.skip_test)
    widths = tuple(int(w) for w in args.widths.split(","))
    epochs = args.epochs or cfg.epochs
    task_dir = Path(args.out) / cfg.task
    results = {}
    for name in (["unet"] if cfg.task == "cell-seg" else args.backbone.split(",")):
        run = args.name or name
        results[run] = train_one(cfg, name, data, epochs, task_dir / run, args.init, widths,
                                 args.workers)
        results[run]["provenance"] = {**selection.provenance(root, _datasets(cfg), cfg.seed),
                                      "gpus": gpus}
        (task_dir / run / "metrics.json").write_text(json.dumps(results[run], indent=1))
    for prev in task_dir.glob("*/metrics.json"):  # runs of earlier commands compete too
        results.setdefault(prev.parent.name, json.loads(prev.read_text()))
    chosen = selection.best(results)
    shutil.copy(task_dir / chosen / "model.keras", task_dir / "model.keras")
    summary = {
        "task": cfg.task, "chosen": chosen, "chosen_by": "training.selection.rank on val",
        "stain_norm": cfg.stain_norm, "input_size": cfg.input_size,
        "comparison": {n: {"val": selection.headline(m["val"]),
                           "val_log_loss": m["val"].get("log_loss"),
                           "test": m["test"] and selection.headline(m["test"]),
                           "params": m["params"],
                           "train_seconds": m.get("train_seconds"), "epochs": m.get("epochs")}
                       for n, m in results.items()},
    }
    (task_dir / "comparison.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps(summary, indent=1))
    return 0


def _datasets(cfg: TaskConfig) -> tuple[str, ...]:
    return ("pbc", "all", "bionet") if cfg.task == "wbc-type" else (cfg.dataset,)


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    raise SystemExit(main())
