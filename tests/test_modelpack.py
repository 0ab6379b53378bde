"""The shipped model pack: manifest contract, integrity, sizes, integer tensors."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from conftest import MODELS, needs_models

from clinic_app import modelpack

pytestmark = needs_models
REQUIRED = {"id", "task", "labels", "input", "preprocessing", "sha256", "training", "metrics",
            "version", "date", "file"}


def test_manifest_has_the_four_models_with_required_fields():
    entries = modelpack.load_manifest()
    assert set(entries) == {"all-subtype", "wbc-type", "cell-seg", "wbc-detect"}
    for e in entries.values():
        assert REQUIRED <= set(e.raw)
        assert {"fp32", "int8"} <= set(e.metrics)
        modelpack.verified_path(e)
    assert entries["wbc-type"].labels == ("basophil", "eosinophil", "erythroblast", "ig",
                                          "lymphocyte", "monocyte", "neutrophil", "platelet",
                                          "blast")
    assert entries["all-subtype"].labels == ("Benign", "Early", "Pre", "Pro")
    assert entries["wbc-detect"].task == "detection"
    assert 0 < entries["wbc-detect"].thresholds.peak_min < 1


def test_models_are_small_and_fully_integer():
    total = sum((MODELS / f"{m}.tflite").stat().st_size for m in modelpack.load_manifest())
    assert total <= 5 * 1024 * 1024
    for e in modelpack.load_manifest().values():
        model = modelpack.TFLiteModel(e, "cpu", 1)
        for t in model.interpreter.get_tensor_details():
            assert np.dtype(t["dtype"]).kind in "iu", (e.id, t["name"], t["dtype"])


def test_tampered_model_is_refused(tmp_path):
    for f in MODELS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    target = tmp_path / "wbc-type.tflite"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(modelpack.ModelIntegrityError, match="does not match the manifest"):
        modelpack.open_model("wbc-type", "cpu", 1, models_dir=tmp_path)
    # the untouched models still load
    modelpack.open_model("all-subtype", "cpu", 1, models_dir=tmp_path)


def test_edgetpu_file_needs_its_hash_in_the_manifest(tmp_path):
    for f in MODELS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(MODELS / "wbc-type.tflite", tmp_path / "wbc-type_edgetpu.tflite")
    entry = modelpack.load_manifest(tmp_path)["wbc-type"]
    with pytest.raises(modelpack.ModelIntegrityError, match="no hash in the manifest"):
        modelpack.verified_path(entry, tmp_path)
    entry.raw["edgetpu_sha256"] = modelpack.sha256_of(tmp_path / "wbc-type_edgetpu.tflite")
    assert modelpack.verified_path(entry, tmp_path) == tmp_path / "wbc-type.tflite"
    entry.raw["edgetpu_sha256"] = "0" * 64
    with pytest.raises(modelpack.ModelIntegrityError, match="does not match"):
        modelpack.verified_path(entry, tmp_path)


def test_missing_model_file_is_refused(tmp_path):
    shutil.copy(MODELS / "manifest.json", tmp_path / "manifest.json")
    with pytest.raises(modelpack.ModelIntegrityError, match="missing"):
        modelpack.open_model("cell-seg", "cpu", 1, models_dir=tmp_path)


def test_quantize_round_trip():
    detail = {"quantization": (0.5, 10), "dtype": np.int8}
    x = np.array([-50.0, 0.0, 3.0, 1000.0], np.float32)
    q = modelpack.quantize(x, detail)
    assert q.tolist() == [-90, 10, 16, 127]
    assert modelpack.dequantize(q, detail).tolist() == [-50.0, 0.0, 3.0, 58.5]
