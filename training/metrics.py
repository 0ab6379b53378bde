"""Evaluation metrics in numpy, shared by training and quantization parity reports."""

from __future__ import annotations

import numpy as np


def classification_report(y_true: np.ndarray, y_pred: np.ndarray, labels: tuple[str, ...]) -> dict:
    """Accuracy, per-class precision/recall/F1 and the confusion matrix (rows = truth)."""
    n = len(labels)
    cm = np.zeros((n, n), dtype=np.int64)
    np.add.at(cm, (y_true.astype(int), y_pred.astype(int)), 1)
    per_class = {}
    for i, name in enumerate(labels):
        tp = cm[i, i]
        prec = tp / cm[:, i].sum() if cm[:, i].sum() else 0.0
        rec = tp / cm[i, :].sum() if cm[i, :].sum() else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[name] = {"precision": float(prec), "recall": float(rec), "f1": float(f1),
                           "support": int(cm[i, :].sum())}
    recalls = [per_class[c]["recall"] for c in labels if per_class[c]["support"]]
    return {
        "accuracy": float(np.trace(cm) / max(1, cm.sum())),
        "balanced_accuracy": float(np.mean(recalls)) if recalls else 0.0,
        "per_class": per_class,
        "confusion_matrix": cm.tolist(),
        "labels": list(labels),
    }


def benign_vs_malignant(y_true: np.ndarray, y_pred: np.ndarray, benign_index: int = 0) -> dict:
    """Sensitivity/specificity for 'any malignant subtype' vs benign (ALL screening view)."""
    t = y_true != benign_index
    p = y_pred != benign_index
    sens = float((t & p).sum() / max(1, t.sum()))
    spec = float((~t & ~p).sum() / max(1, (~t).sum()))
    return {"sensitivity": sens, "specificity": spec}


def dice_iou(pred: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Per-image Dice and IoU of two boolean masks; both empty counts as a perfect match."""
    pred = pred.astype(bool)
    truth = truth.astype(bool)
    inter = np.logical_and(pred, truth).sum()
    total = pred.sum() + truth.sum()
    union = np.logical_or(pred, truth).sum()
    if total == 0:
        return 1.0, 1.0
    return float(2 * inter / total), float(inter / union)


def segmentation_report(preds: np.ndarray, truths: np.ndarray) -> dict:
    """Mean per-image Dice and IoU over a stack of masks (N x H x W)."""
    scores = np.array([dice_iou(p, t) for p, t in zip(preds, truths, strict=True)])
    return {
        "mean_dice": float(scores[:, 0].mean()),
        "mean_iou": float(scores[:, 1].mean()),
        "median_dice": float(np.median(scores[:, 0])),
        "images": int(len(scores)),
    }


def log_loss(y_true: np.ndarray, probs: np.ndarray, eps: float = 1e-7) -> float:
    """Mean negative log probability of the true class: separates models whose accuracy ties."""
    p = np.clip(probs[np.arange(len(y_true)), y_true.astype(int)], eps, 1.0)
    return float(-np.log(p).mean())
