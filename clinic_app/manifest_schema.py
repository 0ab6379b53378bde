"""The model manifest's schema: typed entries, validated when read.

Every fact the app takes from ``manifest.json`` (task, labels, input, preprocessing, thresholds,
file name) is checked here: a missing, mistyped or out-of-range key is a
``ModelIntegrityError`` whose one-line message names it, never a default (docs/models.md lists
every field). ``modelpack`` authenticates the manifest against the pin before
``parse_manifest`` sees it, and verifies the model files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ModelIntegrityError(RuntimeError):
    """The model file is missing, damaged or not the one the manifest describes."""


# clinic_app.stain.METHODS
STAIN_METHODS = ("none", "reinhard", "background", "background-reinhard")
INPUT_DTYPES = ("uint8",)
# Every preprocessing key the app knows; an unknown one means a pack this app cannot honour.
PREPROCESSING_KEYS = frozenset({"stain_norm", "um_per_px", "crop_um", "centre_fraction",
                                "stain_context", "field_um", "resize", "tile", "views"})
VIEW_COUNTS = (1, 4, 8)  # crops a cell is seen as (classification.views_of)
MAX_TEMPERATURE = 20.0  # a fitted T is about 0.5..3; far beyond means a broken calibration
# What each task's preprocessing must state; a missing key is an integrity error, never a default.
REQUIRED_PREPROCESSING = {
    "cell-classification": ("stain_norm", "crop_um", "centre_fraction", "stain_context"),
    "field-classification": ("stain_norm", "um_per_px", "field_um"),
    "segmentation": ("stain_norm", "um_per_px"),
    "detection": ("stain_norm",),
}
REQUIRED_THRESHOLDS = {
    "cell-classification": ("unidentified_below",),
    "field-classification": ("malignant_probability",),
    "segmentation": (),
    "detection": ("peak_min",),
}


@dataclass(frozen=True)
class Preprocessing:
    """How pixels reach a model, as the manifest states it (docs/models.md).

    ``um_per_px``: the scale the model was trained at; ``crop_um``: side of a cell crop;
    ``centre_fraction``: the training framing of a single-cell image; ``stain_context``: how much
    wider (linear) than the crop the region is whose colour statistics stain normalisation
    uses, as in training (it normalised the cached crop, then cut the model's view from its
    centre); ``field_um``: width of a training field; ``views``: how many rotated and mirrored
    copies of a cell crop the answer is averaged over (1: the crop alone). Keys a task does not
    use are None.
    """

    stain_norm: str
    um_per_px: float | None = None
    crop_um: float | None = None
    centre_fraction: float | None = None
    stain_context: float | None = None
    field_um: float | None = None
    views: int = 1

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
               ("um_per_px", "crop_um", "centre_fraction", "stain_context", "field_um")
               if k in d}
        if num.get("stain_context", 1.0) < 1.0:
            raise ModelIntegrityError(f"model {model_id}: stain_context must be at least 1, "
                                      f"got {d['stain_context']!r}")
        if num.get("centre_fraction", 1.0) > 1.0:
            raise ModelIntegrityError(f"model {model_id}: centre_fraction must be at most 1, "
                                      f"got {d['centre_fraction']!r}")
        views = d.get("views", 1)
        if isinstance(views, bool) or views not in VIEW_COUNTS:
            raise ModelIntegrityError(f"model {model_id}: views must be one of "
                                      f"{', '.join(map(str, VIEW_COUNTS))}, got {views!r}")
        return cls(stain_norm=d["stain_norm"], views=int(views), **num)


@dataclass(frozen=True)
class Thresholds:
    """Operating points chosen on validation data; extra keys (how they were chosen) are kept
    in ``ModelEntry.raw`` only.

    ``temperature`` calibrates softmax outputs: p -> p**(1/T), renormalised (1.0: unchanged).
    """

    unidentified_below: float | None = None
    malignant_probability: float | None = None
    peak_min: float | None = None  # detection: the heat-map score a white cell needs
    temperature: float = 1.0

    @classmethod
    def from_dict(cls, task: str, d: dict, model_id: str) -> Thresholds:
        if not isinstance(d, dict):
            raise ModelIntegrityError(f"model {model_id}: thresholds must be an object")
        _require(d, REQUIRED_THRESHOLDS[task], model_id, "thresholds")
        given = {k: _probability(d[k], model_id, k) for k in
                 ("unidentified_below", "malignant_probability", "peak_min") if k in d}
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
