"""Shipped model pack: the manifest, integrity check and a thin typed wrapper per model.

A model file whose sha256 differs from the manifest is refused: a clinic must never run a
model that is not the one whose test figures are printed on the report. The manifest itself
decides which file is loaded, the label order and the thresholds, so it is authenticated too:
its digest (``manifest_digest``: sha256 of its canonical JSON, so a line-ending conversion does
not matter) must equal ``clinic_app.models_pin.MANIFEST_SHA256`` before anything in it is read,
and then it is schema-checked by ``clinic_app.manifest_schema`` (types, ranges, known
preprocessing keys, file names that stay inside the models folder). ``quantize.convert``
writes the pin when it ships a model; ``python -m quantize.pin`` re-pins after a deliberate
manual edit (docs/hardening.md).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from clinic_app import models_pin, runtime
from clinic_app.manifest_schema import (
    ModelEntry,
    ModelIntegrityError,
    parse_manifest,
    safe_file_name,
)

MODELS_DIR = Path(__file__).resolve().parent / "models"
MANIFEST = "manifest.json"


def calibrate(probs: np.ndarray, temperature: float) -> np.ndarray:
    """Temperature-scaled softmax outputs: ``p**(1/T)`` renormalised; T = 1 leaves them as
    they are (bit for bit)."""
    if temperature == 1.0:
        return probs
    p = np.power(np.clip(probs.astype(np.float64), 0.0, None), 1.0 / temperature)
    total = p.sum()
    return (p / total if total > 0 else p).astype(np.float32)


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
    # a detector gives, per label, a heat map, and then one box width and height
    expected = len(entry.labels) + (2 if entry.task == "detection" else 0)
    if n != expected:
        raise ModelIntegrityError(f"model {entry.id}: the file gives {n} outputs, the manifest "
                                  f"names {len(entry.labels)} labels ({expected} expected)")


def quantize(x: np.ndarray, detail: dict) -> np.ndarray:
    """Float values -> the tensor's integer type using its (scale, zero point)."""
    scale, zero = detail["quantization"]
    dtype = detail["dtype"]
    if not scale:
        return x.astype(dtype)
    info = np.iinfo(dtype)
    return np.clip(np.round(x / scale + zero), info.min, info.max).astype(dtype)


def pixels(x: np.ndarray, detail: dict) -> np.ndarray:
    """uint8 pixels -> the input tensor: the same pixels when the tensor takes uint8 as they are
    (scale 1, zero point 0: every shipped model; made contiguous, e.g. a tile cut from a wider
    canvas, for runtimes that do not copy), else ``quantize``d."""
    scale, zero = detail["quantization"]
    if x.dtype == np.uint8 and detail["dtype"] == np.uint8 and scale == 1.0 and zero == 0:
        return np.ascontiguousarray(x)
    return quantize(x.astype(np.float32), detail)


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
        x = pixels(image[None], self._input)
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
