"""Shared fixtures: where the real data and the shipped models are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
MODELS = REPO / "clinic_app" / "models"


def data_root() -> Path:
    return Path(os.environ.get("CLINIC_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture
def data() -> Path:
    root = data_root()
    if not (root / "pbc" / "splits.csv").exists():
        pytest.skip(f"shared data not found at {root}")
    return root


def shipped(*ids: str) -> bool:
    files = [MODELS / f"{i}.tflite" for i in ids] + [MODELS / "manifest.json"]
    return all(f.exists() for f in files)


needs_models = pytest.mark.skipif(
    not shipped("all-subtype", "wbc-type", "cell-seg"), reason="model pack not built yet")
