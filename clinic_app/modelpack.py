"""Shipped model pack: the manifest, integrity check and a thin typed wrapper per model.

A model file whose sha256 differs from the manifest is refused: a clinic must never run a
model that is not the one whose test figures are printed on the report.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from clinic_app import runtime

MODELS_DIR = Path(__file__).resolve().parent / "models"
MANIFEST = "manifest.json"


class ModelIntegrityError(RuntimeError):
    """The model file is missing, damaged or not the one the manifest describes."""


@dataclass(frozen=True)
class ModelEntry:
    """One manifest entry (see docs/models.md for every field)."""

    id: str
    task: str
    file: str
    labels: tuple[str, ...]
    input_size: int
    input_dtype: str
    sha256: str
    version: str
    date: str
    preprocessing: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    thresholds: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, d: dict) -> ModelEntry:
        return cls(
            id=d["id"], task=d["task"], file=d["file"], labels=tuple(d["labels"]),
            input_size=int(d["input"]["size"]), input_dtype=d["input"]["dtype"],
            sha256=d["sha256"], version=d["version"], date=d["date"],
            preprocessing=d.get("preprocessing", {}), metrics=d.get("metrics", {}),
            thresholds=d.get("thresholds", {}), raw=d,
        )


def load_manifest(models_dir: Path | None = None) -> dict[str, ModelEntry]:
    """Manifest entries by model id."""
    path = (models_dir or MODELS_DIR) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelIntegrityError(f"model manifest not found: {path}") from exc
    except json.JSONDecodeError as exc:
        raise ModelIntegrityError(f"model manifest is damaged: {path}: {exc}") from exc
    return {d["id"]: ModelEntry.from_json(d) for d in data["models"]}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verified_path(entry: ModelEntry, models_dir: Path | None = None) -> Path:
    """The model file, after checking its hash against the manifest."""
    path = (models_dir or MODELS_DIR) / entry.file
    if not path.is_file():
        raise ModelIntegrityError(f"model {entry.id}: file {path} is missing")
    digest = sha256_of(path)
    if digest != entry.sha256:
        raise ModelIntegrityError(
            f"model {entry.id}: {path.name} does not match the manifest (sha256 {digest[:12]}... "
            f"expected {entry.sha256[:12]}...); refusing to use a modified model"
        )
    edgetpu = runtime.edgetpu_variant(path)
    expected = entry.raw.get("edgetpu_sha256")
    # An Edge TPU file is trusted only when the manifest names its hash: one dropped beside the
    # model without going through quantize/ would otherwise run unchecked on the accelerator.
    if edgetpu.exists() and (not expected or sha256_of(edgetpu) != expected):
        raise ModelIntegrityError(
            f"model {entry.id}: {edgetpu.name} " + ("does not match the manifest" if expected
            else "has no hash in the manifest (compile it with quantize/ so it gets one)"))
    return path


def quantize(x: np.ndarray, detail: dict) -> np.ndarray:
    """Float values -> the tensor's integer type using its (scale, zero point)."""
    scale, zero = detail["quantization"]
    dtype = detail["dtype"]
    if not scale:
        return x.astype(dtype)
    info = np.iinfo(dtype)
    return np.clip(np.round(x / scale + zero), info.min, info.max).astype(dtype)


def dequantize(q: np.ndarray, detail: dict) -> np.ndarray:
    """Integer tensor -> float32: ``scale * (q - zero_point)``."""
    scale, zero = detail["quantization"]
    if not scale:
        return q.astype(np.float32)
    return (scale * (q.astype(np.int64) - zero)).astype(np.float32)


class TFLiteModel:
    """A verified model on an interpreter: feed uint8 pixels, get float outputs."""

    def __init__(self, entry: ModelEntry, backend: str = "auto", threads: int | None = None,
                 models_dir: Path | None = None) -> None:
        self.entry = entry
        path = verified_path(entry, models_dir)
        self.interpreter, self.choice = runtime.make_interpreter(path, backend, threads)
        self._input = self.interpreter.get_input_details()[0]
        self._outputs = self.interpreter.get_output_details()

    @property
    def input_shape(self) -> tuple[int, int]:
        _, h, w, _ = self._input["shape"]
        return int(h), int(w)

    def run(self, image: np.ndarray) -> list[np.ndarray]:
        """One HxWx3 uint8 RGB image at the model's input size -> outputs (float, batch removed),
        ordered by rank (probabilities before maps)."""
        if image.shape[:2] != self.input_shape:
            raise ValueError(f"{self.entry.id} expects {self.input_shape}, got {image.shape[:2]}")
        x = quantize(image.astype(np.float32)[None], self._input)
        self.interpreter.set_tensor(self._input["index"], x)
        self.interpreter.invoke()
        outs = [dequantize(self.interpreter.get_tensor(o["index"]), o)[0] for o in self._outputs]
        return sorted(outs, key=lambda a: a.ndim)

    def close(self) -> None:
        self.interpreter = None

    def __enter__(self) -> TFLiteModel:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def open_model(model_id: str, backend: str = "auto", threads: int | None = None,
               models_dir: Path | None = None) -> TFLiteModel:
    entries = load_manifest(models_dir)
    if model_id not in entries:
        raise ValueError(f"unknown model {model_id!r}; bundled: {', '.join(sorted(entries))}")
    return TFLiteModel(entries[model_id], backend, threads, models_dir)
