"""Batches for ``model.fit`` as a ``keras.utils.PyDataset``: numpy in, numpy out.

No tf.data, so the same training command runs on TensorFlow, JAX or PyTorch. Decoded images
live in memory (the ``.npz`` caches of ``training.data`` and ``training.cells``); each batch is
augmented on the fly with OpenCV, which releases the GIL, so worker threads overlap it with
the backend's compute.
"""

from __future__ import annotations

import math

import keras
import numpy as np

from clinic_app import stain
from training import augment
from training.config import TaskConfig
from training.data import centre

SEG_TRAIN_CROP = 160  # random crops of the 224 px fields; the exported model takes 224


def sqrt_class_weights(y: np.ndarray, n: int) -> np.ndarray:
    """Square-root inverse-frequency weights (mean 1): lift rare classes without overfitting."""
    counts = np.bincount(y, minlength=n).astype(float) + 1.0
    w = np.sqrt(counts.sum() / counts)
    return (w / w.mean()).astype(np.float32)


class Batches(keras.utils.PyDataset):
    """Shuffled, augmented training batches, or plain evaluation batches."""

    def __init__(self, x: np.ndarray, y: np.ndarray, cfg: TaskConfig, train: bool,
                 weights: np.ndarray | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.x, self.y, self.cfg, self.train = x, y, cfg, train
        self.weights = weights
        self.rng = np.random.default_rng(cfg.seed)
        self.order = self.rng.permutation(len(x)) if train else np.arange(len(x))

    def __len__(self) -> int:
        return math.ceil(len(self.x) / self.cfg.batch)

    def on_epoch_end(self) -> None:
        if self.train:
            self.order = self.rng.permutation(len(self.x))

    def __getitem__(self, i: int):
        idx = self.order[i * self.cfg.batch:(i + 1) * self.cfg.batch]
        # One generator per batch, seeded from the epoch's order: repeatable with threads.
        rng = np.random.default_rng([self.cfg.seed, int(idx[0]), i])
        if self.cfg.task == "cell-seg":
            return self._seg(idx, rng)
        if self.train:
            c = self.cfg
            norm = ((lambda img: stain.apply(img, c.stain_norm))
                    if c.normalise_after_augment else None)
            x = np.stack([augment.classification(self.x[j], c.input_size, c.zoom, c.colour, rng,
                                                 c.worst_resolution, c.p_degrade, norm)
                          for j in idx])
        else:
            x = centre(self.x[idx], self.cfg.input_size)
        y = self.y[idx]
        if self.weights is None:
            return x.astype(np.float32), y
        return x.astype(np.float32), y, self.weights[y]

    def _seg(self, idx: np.ndarray, rng: np.random.Generator):
        if not self.train:
            return self.x[idx].astype(np.float32), self.y[idx][..., None].astype(np.float32)
        pairs = [augment.segmentation(self.x[j], self.y[j], SEG_TRAIN_CROP, rng) for j in idx]
        x = np.stack([p[0] for p in pairs]).astype(np.float32)
        return x, np.stack([p[1] for p in pairs])[..., None].astype(np.float32)
