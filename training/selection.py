"""One rule for choosing among runs, and where each run came from.

``training.train`` (which backbone or seed is copied to ``<task>/model.keras``) and
``training.ensemble`` (runs against their ensemble) both rank with :func:`rank`, so the model
that ships is the one a reader of ``comparison.json`` would pick by hand.
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
from pathlib import Path

import keras
import numpy as np


def headline(val: dict) -> float:
    """The validation figure a task is judged by: accuracy, or mean Dice for masks."""
    return float(val.get("accuracy", val.get("mean_dice", 0.0)))


def rank(val: dict) -> tuple[float, float]:
    """Validation ranking: the headline figure (rounded to 1e-6, so equal counts tie), then the
    lower log loss (calibration breaks ties that a few hundred images cannot)."""
    return (round(headline(val), 6), -float(val.get("log_loss", 0.0)))


def best(runs: dict[str, dict]) -> str:
    """Name of the run whose ``["val"]`` ranks highest (first in sorted order on a full tie)."""
    return max(sorted(runs), key=lambda n: rank(runs[n]["val"]))


def _sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def _git_sha() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parent, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def provenance(root: Path, datasets: tuple[str, ...], seed: int) -> dict:
    """Code, data and library versions of a run: enough to say what produced a model."""
    import cv2

    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False,
                           cwd=Path(__file__).resolve().parent).stdout.strip()
    return {
        "git_sha": _git_sha(), "git_dirty": bool(dirty),
        "splits_sha256": {d: _sha256(root / d / "splits.csv") for d in datasets},
        "seed": seed, "backend": keras.backend.backend(),
        "versions": {"keras": keras.__version__, "numpy": np.__version__,
                     "opencv": cv2.__version__, "python": platform.python_version(),
                     "backend": _backend_version()},
    }


def _backend_version() -> str:
    name = keras.backend.backend()
    module = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}.get(name, name)
    try:
        return __import__(module).__version__
    except (ImportError, AttributeError):
        return "unknown"
