"""Evaluate a trained model on one split, in numpy, as the INT8 parity report does.

``cell_report`` breaks the ``wbc-type`` figures down by source, because a single accuracy over
PBC, ALL-set and Bio-Net cells hides the questions that matter: are blasts found, are
hematogones and normal PBC cells kept out of ``blast``, does another microscope still work.
"""

from __future__ import annotations

import keras
import numpy as np

from training.config import TaskConfig
from training.data import centre
from training.metrics import (
    benign_vs_malignant,
    classification_report,
    log_loss,
    segmentation_report,
)


def predict(model: keras.Model, x: np.ndarray, batch: int = 64) -> np.ndarray:
    """Probabilities of a classifier (the first output of an export model)."""
    out = model.predict(x.astype(np.float32), batch_size=batch, verbose=0)
    return out[0] if isinstance(out, list) else out


def evaluate(cfg: TaskConfig, model: keras.Model, split) -> dict:
    """Metrics of the FP32 model on one split (``Split`` or ``cells.Cells``)."""
    if cfg.task == "cell-seg":
        pred = model.predict(split.x.astype(np.float32), batch_size=16, verbose=0)[..., 0] > 0.5
        return segmentation_report(pred, split.y)
    probs = predict(model, centre(split.x, cfg.input_size))
    return class_report(cfg, probs, split)


def class_report(cfg: TaskConfig, probs: np.ndarray, split) -> dict:
    report = classification_report(split.y, probs.argmax(1), cfg.labels)
    report["log_loss"] = log_loss(split.y, probs)
    if cfg.task == "all-subtype":
        report["benign_vs_malignant"] = benign_vs_malignant(split.y, probs.argmax(1))
    if cfg.task == "wbc-type":
        report["by_source"] = cell_report(cfg.labels, probs, split)
    return report


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half)."""
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).mean()
    ties = (pos[:, None] == neg[None, :]).mean()
    return float(greater + 0.5 * ties)


def cell_report(labels: tuple[str, ...], probs: np.ndarray, cells) -> dict:
    """Per-source figures of ``wbc-type``: PBC 8-class accuracy and cells called blast; ALL
    blast recall, hematogones called blast and the per-field blast share's AUC; Bio-Net
    accuracy."""
    pred = probs.argmax(1)
    blast = labels.index("blast") if "blast" in labels else -1
    out: dict = {}
    pbc = cells.source == "pbc"
    if pbc.any():
        out["pbc"] = {"cells": int(pbc.sum()),
                      "accuracy_8_class": float((pred[pbc] == cells.y[pbc]).mean()),
                      "called_blast": float((pred[pbc] == blast).mean())}
    al = cells.source == "all"
    if al.any():
        malignant = al & (cells.group != "Benign")
        benign = al & (cells.group == "Benign")
        fields = np.array([p.split("#")[0] for p in cells.paths])
        shares, truth = [], []
        for f in np.unique(fields[al]):
            sel = fields == f
            shares.append(float((pred[sel] == blast).mean()))
            truth.append(cells.group[sel][0] != "Benign")
        shares, truth = np.asarray(shares), np.asarray(truth, bool)
        out["all"] = {"blast_cells": int(malignant.sum()), "hematogones": int(benign.sum()),
                      "blast_recall": float((pred[malignant] == blast).mean()),
                      "hematogones_called_blast": float((pred[benign] == blast).mean()),
                      "fields": int(len(shares)),
                      "field_blast_share_auc": auc(shares[truth], shares[~truth])}
    bio = cells.source == "bionet"
    if bio.any():
        present = sorted(set(cells.y[bio].tolist()))
        recalls = [float((pred[bio & (cells.y == c)] == c).mean()) for c in present]
        out["bionet"] = {"cells": int(bio.sum()),
                         "accuracy": float((pred[bio] == cells.y[bio]).mean()),
                         "balanced_accuracy": float(np.mean(recalls))}
    return out
