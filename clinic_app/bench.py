"""``clinic-app bench``: median latency of each model and of whole fields of two kinds.

Medians after a warm-up, on this machine's chosen backend. FP32 columns come from the float
TFLite files that ``quantize.convert`` leaves in ``runs/<task>/`` (same runtime, so the app
still needs no TensorFlow).

A whole field is timed from decoded pixels to ``FieldResult``, as ``clinic-app analyze`` does it:
screening (scope features and verdict, red-cell scale) and ``Analyzer.analyze_field``;
``field_model_ms`` is the time spent inside the interpreters' ``invoke`` in the same runs. The
fields (``assets/``, sources in docs/performance.md):

- ``bccd``: 640x480, a mosaic of six BCCD fields' white cells (a real BCCD field has one or two
  white cells, too few to weigh the per-cell work);
- ``all``: 224x224 ALL-set field (``examples/all/WBC-Malignant-Early-002.jpg``), 10 cells.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from clinic_app import images, modelpack, runtime
from clinic_app.analysis import Analyzer, AnalyzerOptions
from clinic_app.fields import screen_field, screened
from clinic_app.results import Field, FieldResult

ASSETS = Path(__file__).resolve().parent / "assets"
BENCH_FIELDS = {"bccd": ASSETS / "bench_field_bccd_mosaic_640x480.jpg",
                "all": ASSETS / "bench_field_all_224.jpg"}
BENCH_FIELD = BENCH_FIELDS["bccd"]  # the top-level field_* figures
WARMUP = 5


def _median_ms(fn, runs: int) -> float:
    for _ in range(WARMUP):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _interp_ms(interpreter, runs: int) -> float:
    inp = interpreter.get_input_details()[0]
    x = np.random.default_rng(0).integers(0, 255, inp["shape"]).astype(inp["dtype"])

    def once() -> None:
        interpreter.set_tensor(inp["index"], x)
        interpreter.invoke()
    return _median_ms(once, runs)


class InvokeTimer:
    """Adds up the time inside each model's ``interpreter.invoke`` (wrapped on the instance)."""

    def __init__(self, models: list[modelpack.TFLiteModel]) -> None:
        self.seconds = 0.0
        for m in models:
            m.interpreter.invoke = self._timed(m.interpreter.invoke)

    def _timed(self, invoke: Callable[[], None]) -> Callable[[], None]:
        def timed() -> None:
            t = time.perf_counter()
            try:
                invoke()
            finally:
                self.seconds += time.perf_counter() - t
        return timed


def whole_field(analyzer: Analyzer, field: Field) -> FieldResult:
    """Screening and analysis of one decoded field, as ``clinic-app analyze`` runs them (a
    fresh ``Field`` each time: screening writes the field's own scale into it)."""
    fresh = Field(field.image, field.source)
    return analyzer.analyze_field(screened(screen_field(fresh, Path(field.source), True, False)))


def time_field(analyzer: Analyzer, timer: InvokeTimer, path: Path, runs: int) -> dict:
    """Median whole-field and in-model milliseconds over ``runs`` (after a warm-up)."""
    field = images.load_field(path)
    result = whole_field(analyzer, field)
    for _ in range(WARMUP):
        whole_field(analyzer, field)
    total, model = [], []
    for _ in range(runs):
        timer.seconds = 0.0
        t = time.perf_counter()
        whole_field(analyzer, field)
        total.append((time.perf_counter() - t) * 1000)
        model.append(timer.seconds * 1000)
    with_decode = _median_ms(lambda: whole_field(analyzer, images.load_field(path)),
                             max(5, runs // 3))
    ms, model_ms = statistics.median(total), statistics.median(model)
    return {"field": path.name, "size": [field.width, field.height],
            "field_ms": round(ms, 2), "field_model_ms": round(model_ms, 2),
            "field_ratio": round(ms / model_ms, 2) if model_ms else None,
            "field_with_decode_ms": round(with_decode, 2), "field_cells": len(result.cells)}


def run_bench(backend: str = "auto", threads: int | None = None, runs: int = 30,
              fp32_dir: Path = Path("runs")) -> dict:
    rows = []
    for mid, entry in modelpack.load_manifest().items():
        model = modelpack.TFLiteModel(entry, backend, threads)
        row = {"id": mid, "int8_ms": round(_interp_ms(model.interpreter, runs), 3),
               "size_bytes": entry.raw.get("size_bytes")}
        fp32 = fp32_dir / mid / f"{mid}_fp32.tflite"
        if fp32.exists():
            it, _ = runtime.make_interpreter(fp32, "cpu", threads)
            row["fp32_ms"] = round(_interp_ms(it, runs), 3)
        rows.append(row)
    with Analyzer(AnalyzerOptions(backend, threads)) as analyzer:
        timer = InvokeTimer(analyzer.tflite_models)
        kinds = {kind: time_field(analyzer, timer, path, runs)
                 for kind, path in BENCH_FIELDS.items()}
        backend_msg = analyzer.backend_message
    return {"models": rows, **kinds["bccd"], "fields": kinds, "backend": backend_msg,
            "runs": runs, "threads": threads or runtime.default_threads()}
