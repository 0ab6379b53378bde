"""``clinic-app bench``: median latency of each model and of a whole 640x480 field.

Medians after a warm-up, on this machine's chosen backend. FP32 columns come from the float
TFLite files that ``quantize.convert`` leaves in ``runs/<task>/`` (same runtime, so the app
still needs no TensorFlow).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np

from clinic_app import images, modelpack, runtime
from clinic_app.analysis import Analyzer, AnalyzerOptions

ASSETS = Path(__file__).resolve().parent / "assets"
BENCH_FIELD = ASSETS / "bench_field_640x480.jpg"
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
        field = images.load_field(BENCH_FIELD)
        result = analyzer.analyze_field(field)
        field_ms = _median_ms(lambda: analyzer.analyze_field(field), runs)
        with_decode = _median_ms(lambda: analyzer.analyze_field(images.load_field(BENCH_FIELD)),
                                 max(5, runs // 3))
        backend_msg = analyzer.backend_message
    return {"models": rows, "field_ms": round(field_ms, 2),
            "field_with_decode_ms": round(with_decode, 2), "field_cells": len(result.cells),
            "field": BENCH_FIELD.name, "backend": backend_msg, "runs": runs,
            "threads": threads or runtime.default_threads()}
