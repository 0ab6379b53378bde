"""Backend choice: a missing or broken accelerator falls back to the CPU with a clear message."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import MODELS, needs_models

from clinic_app import runtime

pytestmark = needs_models
MODEL = MODELS / "wbc-type.tflite"


def test_cpu_backend_runs():
    it, choice = runtime.make_interpreter(MODEL, "cpu", threads=1)
    assert choice.backend is runtime.Backend.CPU
    inp = it.get_input_details()[0]
    it.set_tensor(inp["index"], np.zeros(inp["shape"], inp["dtype"]))
    it.invoke()


def test_missing_edgetpu_library_falls_back(monkeypatch, tmp_path):
    monkeypatch.setenv("CLINIC_EDGETPU_LIB", str(tmp_path / "libedgetpu.so.1"))
    model = tmp_path / "m.tflite"
    model.write_bytes(MODEL.read_bytes())
    (tmp_path / "m_edgetpu.tflite").write_bytes(MODEL.read_bytes())
    _, choice = runtime.make_interpreter(model, "edgetpu", threads=1)
    assert choice.backend is runtime.Backend.CPU
    assert "falling back to cpu" in choice.message and "libedgetpu" in choice.message


def test_broken_edgetpu_library_falls_back(monkeypatch, tmp_path):
    lib = tmp_path / "libedgetpu.so.1"
    lib.write_bytes(b"\x7fELF this is not a shared library")
    monkeypatch.setenv("CLINIC_EDGETPU_LIB", str(lib))
    model = tmp_path / "m.tflite"
    model.write_bytes(MODEL.read_bytes())
    (tmp_path / "m_edgetpu.tflite").write_bytes(MODEL.read_bytes())
    _, choice = runtime.make_interpreter(model, "edgetpu", threads=1)
    assert choice.backend is runtime.Backend.CPU
    assert "could not be loaded" in choice.message


def test_edgetpu_without_compiled_model_says_so(tmp_path):
    model = tmp_path / "m.tflite"
    model.write_bytes(MODEL.read_bytes())
    _, choice = runtime.make_interpreter(model, "edgetpu", threads=1)
    assert choice.backend is runtime.Backend.CPU
    assert "m_edgetpu.tflite" in choice.message


def test_auto_reports_its_choice():
    _, choice = runtime.make_interpreter(MODEL, "auto", threads=1)
    assert choice.message.startswith(("auto:", "using"))


def test_detect_lists_every_backend():
    found = runtime.detect()
    assert set(found) == {"cpu", "edgetpu", "gpu"}
    assert found["cpu"].startswith("available")


def test_unknown_backend_is_rejected():
    with pytest.raises(ValueError):
        runtime.make_interpreter(MODEL, "tpu-9000")
