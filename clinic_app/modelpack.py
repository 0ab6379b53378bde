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


STAIN_METHODS = ("none", "reinhard")
# What each task's preprocessing must state; a missing key is an integrity error, never a default.
REQUIRED_PREPROCESSING = {
    "cell-classification": ("stain_norm", "crop_um", "centre_fraction"),
    "field-classification": ("stain_norm", "um_per_px", "field_um"),
    "segmentation": ("stain_norm", "um_per_px"),
}
REQUIRED_THRESHOLDS = {
    "cell-classification": ("unidentified_below",),
    "field-classification": ("malignant_probability",),
    "segmentation": (),
}


@dataclass(frozen=True)
class Preprocessing:
    """How pixels reach a model, as the manifest states it (docs/models.md).

    ``um_per_px``: the scale the model was trained at; ``crop_um``: side of a cell crop;
    ``centre_fraction``: the training framing of a single-cell image; ``field_um``: width of a
    training field. Keys a task does not use are None.
    """

    stain_norm: str
    um_per_px: float | None = None
    crop_um: float | None = None
    centre_fraction: float | None = None
    field_um: float | None = None

    @classmethod
    def from_dict(cls, task: str, d: dict, model_id: str) -> Preprocessing:
        _require(d, REQUIRED_PREPROCESSING[task], model_id, "preprocessing")
        if d["stain_norm"] not in STAIN_METHODS:
            raise ModelIntegrityError(f"model {model_id}: unknown stain_norm {d['stain_norm']!r}")
        num = {k: _positive(d[k], model_id, k) for k in
               ("um_per_px", "crop_um", "centre_fraction", "field_um") if k in d}
        return cls(stain_norm=d["stain_norm"], **num)


@dataclass(frozen=True)
class Thresholds:
    """Operating points chosen on validation data; extra keys (how they were chosen) are kept
    in ``ModelEntry.raw`` only.

    ``temperature`` calibrates softmax outputs: p -> p**(1/T), renormalised (1.0: unchanged).
    """

    unidentified_below: float | None = None
    malignant_probability: float | None = None
    temperature: float = 1.0

    @classmethod
    def from_dict(cls, task: str, d: dict, model_id: str) -> Thresholds:
        _require(d, REQUIRED_THRESHOLDS[task], model_id, "thresholds")
        given = {k: float(d[k]) for k in ("unidentified_below", "malignant_probability")
                 if k in d}
        temperature = _positive(d.get("temperature", 1.0), model_id, "temperature")
        return cls(**given, temperature=temperature)


def _require(d: dict, keys: tuple[str, ...], model_id: str, section: str) -> None:
    missing = [k for k in keys if k not in d]
    if missing:
        raise ModelIntegrityError(f"model {model_id}: manifest {section} lacks "
                                  f"{', '.join(missing)}")


def _positive(value: object, model_id: str, key: str) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        v = float("nan")
    if not v > 0:
        raise ModelIntegrityError(f"model {model_id}: {key} must be a positive number, "
                                  f"got {value!r}")
    return v


def calibrate(probs: np.ndarray, temperature: float) -> np.ndarray:
    """Temperature-scaled softmax outputs: ``p**(1/T)`` renormalised; T = 1 leaves them as
    they are (bit for bit)."""
    if temperature == 1.0:
        return probs
    p = np.power(np.clip(probs.astype(np.float64), 0.0, None), 1.0 / temperature)
    total = p.sum()
    return (p / total if total > 0 else p).astype(np.float32)


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
    preprocessing: Preprocessing
    thresholds: Thresholds
    metrics: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)

    @classmethod
    def from_json(cls, d: dict) -> ModelEntry:
        """Validated: a missing or malformed key is a ``ModelIntegrityError``."""
        mid = str(d.get("id", "?"))
        try:
            task = d["task"]
            if task not in REQUIRED_PREPROCESSING:
                raise ModelIntegrityError(f"model {mid}: unknown task {task!r}")
            labels = tuple(str(x) for x in d["labels"])
            if not labels or len(set(labels)) != len(labels):
                raise ModelIntegrityError(f"model {mid}: labels must be distinct and not empty")
            return cls(
                id=d["id"], task=task, file=d["file"], labels=labels,
                input_size=int(d["input"]["size"]), input_dtype=d["input"]["dtype"],
                sha256=d["sha256"], version=d["version"], date=d["date"],
                preprocessing=Preprocessing.from_dict(task, d["preprocessing"], mid),
                thresholds=Thresholds.from_dict(task, d.get("thresholds", {}), mid),
                metrics=d.get("metrics", {}), raw=d,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelIntegrityError(
                f"model {mid}: manifest entry is malformed ({exc!r})") from exc


def load_manifest(models_dir: Path | None = None) -> dict[str, ModelEntry]:
    """Manifest entries by model id."""
    path = (models_dir or MODELS_DIR) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelIntegrityError(f"model manifest not found: {path}") from exc
    except json.JSONDecodeError as exc:
        raise ModelIntegrityError(f"model manifest is damaged: {path}: {exc}") from exc
    try:
        models = data["models"]
    except (KeyError, TypeError) as exc:
        raise ModelIntegrityError(f"model manifest has no model list: {path}") from exc
    return {d["id"]: ModelEntry.from_json(d) for d in models}


def malignant_threshold(models_dir: Path | None = None) -> float:
    """The ``all-subtype`` operating point the sample summary flags ALL at."""
    entries = load_manifest(models_dir)
    if "all-subtype" not in entries:
        raise ModelIntegrityError("model pack lacks all-subtype")
    return float(entries["all-subtype"].thresholds.malignant_probability)  # type: ignore[arg-type]


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
