"""The one place that knows about runtimes and hardware (like pycoral's ``make_interpreter``).

Everything else receives an interpreter and does not care whether it runs on the CPU
(XNNPACK), a Coral Edge TPU (``libedgetpu`` delegate, ``*_edgetpu.tflite`` models) or a GPU
delegate (Jetson). An unavailable accelerator never stops the app: it falls back to the CPU
and says why.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import platform
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any


class Backend(str, Enum):
    AUTO = "auto"
    CPU = "cpu"
    EDGETPU = "edgetpu"
    GPU = "gpu"


# Edge TPU runtime library per platform (pycoral's table); $CLINIC_EDGETPU_LIB overrides.
EDGETPU_LIBS = {
    "Linux": "libedgetpu.so.1", "Darwin": "libedgetpu.1.dylib", "Windows": "edgetpu.dll",
}
# TFLite GPU delegate (built for Jetson / Linux); $CLINIC_GPU_DELEGATE overrides.
GPU_LIBS = {
    "Linux": "libtensorflowlite_gpu_delegate.so", "Windows": "tensorflowlite_gpu_delegate.dll",
}


@dataclass(frozen=True)
class BackendChoice:
    """Which backend actually runs a model, and a sentence for the user saying why."""

    backend: Backend
    message: str


def _runtime_module() -> Any:
    """ai_edge_litert (maintained), else tflite_runtime, else TensorFlow's own copy."""
    for name in ("ai_edge_litert.interpreter", "tflite_runtime.interpreter"):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    try:  # only where TensorFlow is installed anyway (training machines)
        return importlib.import_module("tensorflow").lite
    except ImportError as exc:
        raise RuntimeError(
            "no TFLite runtime found: install ai-edge-litert (or tflite-runtime)"
        ) from exc


def runtime_name() -> str:
    return _runtime_module().__name__


def edgetpu_library() -> str:
    return os.environ.get("CLINIC_EDGETPU_LIB") or EDGETPU_LIBS.get(platform.system(), "")


def gpu_library() -> str:
    return os.environ.get("CLINIC_GPU_DELEGATE") or GPU_LIBS.get(platform.system(), "")


def load_delegate(backend: Backend) -> Any:
    """Load the delegate for ``backend``; raises RuntimeError with the library name on failure."""
    mod = _runtime_module()
    lib = edgetpu_library() if backend is Backend.EDGETPU else gpu_library()
    if not lib:
        raise RuntimeError(f"no {backend.value} delegate known for {platform.system()}")
    loader = getattr(mod, "load_delegate", None) or getattr(mod, "experimental", mod).load_delegate
    try:
        # Open it ourselves first: the runtime's Delegate object, when its library fails to
        # load, prints a spurious traceback from its destructor.
        ctypes.CDLL(lib)
        return loader(lib)
    except (ValueError, OSError, RuntimeError) as exc:
        raise RuntimeError(f"{backend.value} delegate {lib!r} could not be loaded: {exc}") from exc


def detect() -> dict[str, str]:
    """What this machine offers, for the settings screen and ``clinic-app models``."""
    found = {"cpu": f"available ({runtime_name()})"}
    for backend in (Backend.EDGETPU, Backend.GPU):
        try:
            load_delegate(backend)
            found[backend.value] = "available"
        except RuntimeError as exc:
            found[backend.value] = f"not available: {exc}"
    return found


def edgetpu_variant(model_path: Path) -> Path:
    return model_path.with_name(model_path.stem + "_edgetpu" + model_path.suffix)


def default_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def choose(backend: Backend | str, model_path: Path) -> tuple[BackendChoice, Any, Path]:
    """Pick (choice, delegate or None, model file) for a requested backend."""
    backend = Backend(backend)
    wanted = [Backend.EDGETPU, Backend.GPU] if backend is Backend.AUTO else [backend]
    reasons = []
    for candidate in wanted:
        if candidate is Backend.CPU:
            break
        path = edgetpu_variant(model_path) if candidate is Backend.EDGETPU else model_path
        if not path.exists():
            reasons.append(f"{candidate.value}: no compiled model {path.name}")
            continue
        try:
            delegate = load_delegate(candidate)
        except RuntimeError as exc:
            reasons.append(str(exc))
            continue
        return BackendChoice(candidate, f"using {candidate.value} ({path.name})"), delegate, path
    if backend is Backend.AUTO:
        msg = "auto: using cpu (XNNPACK)"
    elif backend is Backend.CPU:
        msg = "using cpu (XNNPACK)"
    else:
        msg = f"{backend.value} unavailable, falling back to cpu: " + "; ".join(reasons)
    return BackendChoice(Backend.CPU, msg), None, model_path


def make_interpreter(model_path: Path, backend: Backend | str = Backend.AUTO,
                     threads: int | None = None) -> tuple[Any, BackendChoice]:
    """A ready (allocated) TFLite interpreter for ``model_path`` on the best allowed backend."""
    choice, delegate, path = choose(backend, Path(model_path))
    mod = _runtime_module()
    kwargs: dict[str, Any] = {"model_path": str(path), "num_threads": threads or default_threads()}
    if delegate is not None:
        kwargs["experimental_delegates"] = [delegate]
    try:
        with native_stderr_filtered():
            interpreter = mod.Interpreter(**kwargs)
            interpreter.allocate_tensors()
    except (ValueError, RuntimeError) as exc:
        if delegate is None:
            raise RuntimeError(f"model {path.name} could not be loaded: {exc}") from exc
        kwargs.pop("experimental_delegates")
        kwargs["model_path"] = str(model_path)
        with native_stderr_filtered():
            interpreter = mod.Interpreter(**kwargs)
            interpreter.allocate_tensors()
        choice = BackendChoice(Backend.CPU, f"{choice.backend.value} failed ({exc}); using cpu")
    return interpreter, choice


# Lines the TFLite C++ library prints to fd 2 that tell a user nothing (the backend is already
# said in words, e.g. "auto: using cpu (XNNPACK)").
_NATIVE_NOISE = ("INFO: Created TensorFlow Lite", "INFO: Initialized TensorFlow Lite")


@contextlib.contextmanager
def native_stderr_filtered() -> Iterator[None]:
    """Capture what native code writes to file descriptor 2 (Python's ``sys.stderr`` cannot
    see it) and pass on every line but the runtime's INFO chatter, so the command line keeps its
    one-line stderr and a real native error still shows."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # no real stderr (windowed app, pytest capture)
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), fd)
        try:
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)
            tmp.seek(0)
            kept = [line for line in tmp.read().decode("utf-8", "replace").splitlines(True)
                    if not line.startswith(_NATIVE_NOISE)]
            if kept:
                sys.stderr.write("".join(kept))
                sys.stderr.flush()
