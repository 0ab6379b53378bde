"""Shipped model pack: the manifest, integrity check and a thin typed wrapper per model.

A model file whose sha256 differs from the manifest is refused: a clinic must never run a
model that is not the one whose test figures are printed on the report. The manifest itself
decides which file is loaded, the label order and the thresholds, so it is authenticated too:
its digest (``manifest_digest``: sha256 of its canonical JSON, so a line-ending conversion does
not matter) must equal ``clinic_app.models_pin.MANIFEST_SHA256`` before anything in it is read,
and then it is schema-checked (types, ranges, known preprocessing keys, file names that stay
inside the models folder). ``quantize.convert`` writes the pin when it ships a model;
``python -m quantize.pin`` re-pins after a deliberate manual edit (docs/hardening.md).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from clinic_app import models_pin, runtime

MODELS_DIR = Path(__file__).resolve().parent / "models"
MANIFEST = "manifest.json"


class ModelIntegrityError(RuntimeError):
    """The model file is missing, damaged or not the one the manifest describes."""


STAIN_METHODS = ("none", "reinhard")
INPUT_DTYPES = ("uint8",)
# Every preprocessing key the app knows; an unknown one means a pack this app cannot honour.
PREPROCESSING_KEYS = frozenset({"stain_norm", "um_per_px", "crop_um", "centre_fraction",
                                "field_um", "resize", "tile"})
MAX_TEMPERATURE = 20.0  # a fitted T is about 0.5..3; far beyond means a broken calibration
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
        unknown = sorted(str(k) for k in d if k not in PREPROCESSING_KEYS)
        if unknown:
            raise ModelIntegrityError(f"model {model_id}: unknown preprocessing key(s) "
                                      f"{', '.join(unknown)}")
        if d["stain_norm"] not in STAIN_METHODS:
            raise ModelIntegrityError(f"model {model_id}: unknown stain_norm {d['stain_norm']!r}")
        num = {k: _positive(d[k], model_id, k) for k in
               ("um_per_px", "crop_um", "centre_fraction", "field_um") if k in d}
        if num.get("centre_fraction", 1.0) > 1.0:
            raise ModelIntegrityError(f"model {model_id}: centre_fraction must be at most 1, "
                                      f"got {d['centre_fraction']!r}")
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
        if not isinstance(d, dict):
            raise ModelIntegrityError(f"model {model_id}: thresholds must be an object")
        _require(d, REQUIRED_THRESHOLDS[task], model_id, "thresholds")
        given = {k: _probability(d[k], model_id, k) for k in
                 ("unidentified_below", "malignant_probability") if k in d}
        temperature = _positive(d.get("temperature", 1.0), model_id, "temperature")
        if temperature > MAX_TEMPERATURE:
            raise ModelIntegrityError(f"model {model_id}: temperature {temperature:g} is out of "
                                      f"range (0, {MAX_TEMPERATURE:g}]")
        return cls(**given, temperature=temperature)


def _require(d: dict, keys: tuple[str, ...], model_id: str, section: str) -> None:
    missing = [k for k in keys if k not in d]
    if missing:
        raise ModelIntegrityError(f"model {model_id}: manifest {section} lacks "
                                  f"{', '.join(missing)}")


def _number(value: object) -> float:
    """A JSON number as float; NaN for anything else (strings and booleans included)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return float("nan")
    return float(value)


def _probability(value: object, model_id: str, key: str) -> float:
    """An operating point on a probability: strictly between 0 and 1 (0 or 1 disables it)."""
    v = _number(value)
    if not 0.0 < v < 1.0:
        raise ModelIntegrityError(f"model {model_id}: {key} must be a probability in (0, 1), "
                                  f"got {value!r}")
    return v


def _positive(value: object, model_id: str, key: str) -> float:
    v = _number(value)
    if not (v > 0 and v != float("inf")):
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
        """Validated: a missing, mistyped or out-of-range key is a ``ModelIntegrityError`` whose
        one-line message names it. Keys the app does not read are kept in ``raw``."""
        if not isinstance(d, dict):
            raise ModelIntegrityError(f"model manifest entry must be an object, got "
                                      f"{type(d).__name__}")
        mid = d.get("id") if isinstance(d.get("id"), str) and d.get("id") else "?"
        task = _typed(d, "task", str, mid)
        if task not in REQUIRED_PREPROCESSING:
            raise ModelIntegrityError(f"model {mid}: unknown task {task!r}")
        labels = _typed(d, "labels", list, mid)
        if not labels or not all(isinstance(x, str) and x for x in labels) \
                or len(set(labels)) != len(labels):
            raise ModelIntegrityError(f"model {mid}: labels must be distinct, non-empty strings")
        inp = _typed(d, "input", dict, mid)
        size = _typed(inp, "size", int, mid, "input.size")
        if isinstance(size, bool) or not 8 <= size <= 4096:
            raise ModelIntegrityError(f"model {mid}: input.size {size!r} is out of range")
        dtype = _typed(inp, "dtype", str, mid, "input.dtype")
        if dtype not in INPUT_DTYPES:
            raise ModelIntegrityError(f"model {mid}: input.dtype {dtype!r} is not supported")
        metrics = d.get("metrics", {})
        if not isinstance(metrics, dict):
            raise ModelIntegrityError(f"model {mid}: metrics must be an object")
        return cls(
            id=_typed(d, "id", str, mid), task=task, file=safe_file_name(d, mid),
            labels=tuple(labels), input_size=size, input_dtype=dtype,
            sha256=_typed(d, "sha256", str, mid), version=_typed(d, "version", str, mid),
            date=_typed(d, "date", str, mid),
            preprocessing=Preprocessing.from_dict(
                task, _typed(d, "preprocessing", dict, mid), mid),
            thresholds=Thresholds.from_dict(task, d.get("thresholds", {}), mid),
            metrics=metrics, raw=d,
        )


def _typed(d: dict, key: str, kind: type, model_id: str, name: str | None = None) -> Any:
    """``d[key]`` when present and of ``kind`` (JSON types), else a one-line integrity error."""
    name = name or key
    if key not in d:
        raise ModelIntegrityError(f"model {model_id}: manifest lacks {name!r}")
    value = d[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ModelIntegrityError(f"model {model_id}: {name} must be {kind.__name__}, got "
                                  f"{type(value).__name__}")
    return value


def safe_file_name(d: dict, model_id: str) -> str:
    """The entry's model file: a plain ``*.tflite`` name in the models folder itself.

    No folders, no ``..``, no absolute or drive paths: the manifest may only choose among the
    files shipped beside it (``verified_path`` checks the resolved path too, for links)."""
    name = _typed(d, "file", str, model_id)
    plain = (name and name == Path(name).name and name not in (".", "..")
             and "/" not in name and "\\" not in name and ":" not in name)
    if not plain or not name.endswith(".tflite"):
        raise ModelIntegrityError(f"model {model_id}: file {name!r} must be a .tflite file "
                                  "inside the models folder (no folders, no absolute path)")
    return name


def manifest_digest(data: object) -> str:
    """sha256 of the manifest's canonical JSON (sorted keys, compact, UTF-8): what is pinned.

    Canonical rather than the file's bytes so that a checkout that converts line endings or a
    re-indent does not lock the app out, while any change of a value or key does."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(models_dir: Path | None = None) -> Any:
    """The manifest's parsed JSON, unchecked (``load_manifest`` authenticates it)."""
    path = (models_dir or MODELS_DIR) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelIntegrityError(f"model manifest not found: {path}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelIntegrityError(f"model manifest is damaged: {path}: "
                                  f"{' '.join(str(exc).split())[:120]}") from None


def authenticate(data: object, path: Path) -> None:
    """Refuse a manifest whose digest is not the one pinned in the code."""
    try:
        digest = manifest_digest(data)
    except ValueError:
        digest = "not canonical JSON"
    expected = models_pin.MANIFEST_SHA256
    if digest != expected:
        raise ModelIntegrityError(
            f"model manifest {path} is not the pinned one (sha256 {digest[:12]}... expected "
            f"{expected[:12]}...); refusing a modified model pack (after a deliberate edit: "
            "python -m quantize.pin)")


def load_manifest(models_dir: Path | None = None) -> dict[str, ModelEntry]:
    """Manifest entries by model id: authenticated against the pin, then schema-checked."""
    data = read_manifest(models_dir)
    authenticate(data, (models_dir or MODELS_DIR) / MANIFEST)
    return parse_manifest(data)


def parse_manifest(data: object) -> dict[str, ModelEntry]:
    """The schema check of a whole manifest (already authenticated)."""
    models = data.get("models") if isinstance(data, dict) else None
    if not isinstance(models, list) or not models:
        raise ModelIntegrityError("model manifest has no model list")
    entries: dict[str, ModelEntry] = {}
    for d in models:
        e = ModelEntry.from_json(d)
        if e.id in entries:
            raise ModelIntegrityError(f"model {e.id}: listed twice in the manifest")
        if len(e.sha256) != 64 or any(c not in "0123456789abcdef" for c in e.sha256):
            raise ModelIntegrityError(f"model {e.id}: sha256 must be 64 lowercase hex digits")
        entries[e.id] = e
    files = [e.file for e in entries.values()]
    if len(set(files)) != len(files):
        raise ModelIntegrityError("model manifest names one model file for two models")
    return entries


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
    """The model file, after checking it lies inside the models folder and its hash matches."""
    folder = (models_dir or MODELS_DIR).resolve()
    path = folder / safe_file_name({"file": entry.file}, entry.id)
    if path.is_symlink() or path.resolve().parent != folder:
        raise ModelIntegrityError(f"model {entry.id}: {entry.file} is a link or lies outside "
                                  f"the models folder {folder}")
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


def check_tensors(entry: ModelEntry, inp: dict, outputs: list[dict]) -> None:
    """The model file agrees with its entry: input size and type, and as many scores in its
    first (lowest-rank) output as the entry has labels (a model given another model's file, or
    a label list with one class too many, is refused here rather than mislabelling cells)."""
    shape = tuple(int(v) for v in inp["shape"])
    if shape[1:3] != (entry.input_size, entry.input_size) or \
            np.dtype(inp["dtype"]).name != entry.input_dtype:
        raise ModelIntegrityError(
            f"model {entry.id}: file input {shape} {np.dtype(inp['dtype']).name} does not match "
            f"the manifest ({entry.input_size}x{entry.input_size} {entry.input_dtype})")
    first = min(outputs, key=lambda o: len(o["shape"]))
    n = int(first["shape"][-1])
    if n != len(entry.labels):
        raise ModelIntegrityError(f"model {entry.id}: the file gives {n} outputs, the manifest "
                                  f"names {len(entry.labels)} labels")


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
        check_tensors(entry, self._input, self._outputs)

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
