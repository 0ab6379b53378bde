"""Issue 14.1, the tamper table: every change to a copy of the model pack is refused with exit 1,
one stderr line naming the problem, no traceback and no result file.

Two layers are shown: the pin (any change of the manifest is refused before it is read), and the
schema and tensor checks behind it (what an attacker who could also re-pin still cannot do).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, MODELS, needs_models

from clinic_app import cli, modelpack, models_pin

pytestmark = needs_models
IMAGE = sorted((EXAMPLES / "pbc").glob("*.jpg"))[0]


@pytest.fixture
def pack(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped pack that the app is pointed at."""
    folder = tmp_path / "models"
    folder.mkdir()
    for f in MODELS.iterdir():
        if f.is_file():
            shutil.copy(f, folder / f.name)
    monkeypatch.setattr(modelpack, "MODELS_DIR", folder)
    return folder


def edit(pack: Path, change: Callable[[dict], object]) -> None:
    """Apply ``change`` in place; a change that returns a value replaces the whole manifest."""
    data = json.loads((pack / "manifest.json").read_text())
    out = change(data)
    (pack / "manifest.json").write_text(json.dumps(data if out is None else out, indent=1))


def wbc(data: dict) -> dict:
    return next(m for m in data["models"] if m["id"] == "wbc-type")


def swap_labels(d):
    labels = wbc(d)["labels"]
    i, j = labels.index("lymphocyte"), labels.index("neutrophil")
    labels[i], labels[j] = labels[j], labels[i]


def traversal(pack: Path) -> Callable[[dict], None]:
    evil = pack.parent / "evil"
    evil.mkdir(exist_ok=True)
    shutil.copy(pack / "wbc-type.tflite", evil / "evil.tflite")

    def change(d):
        wbc(d)["file"] = "../../../../" + str(evil.relative_to(evil.anchor)) + "/evil.tflite"
    return change


def absolute(pack: Path) -> Callable[[dict], None]:
    evil = pack.parent / "evil.tflite"
    shutil.copy(pack / "wbc-type.tflite", evil)

    def change(d):
        wbc(d)["file"] = str(evil)
    return change


def other_models_file(d):
    all_sub = next(m for m in d["models"] if m["id"] == "all-subtype")
    wbc(d)["file"], wbc(d)["sha256"] = all_sub["file"], all_sub["sha256"]
    d["models"].remove(all_sub)  # one file for two models is refused on its own; show the tensors


MANIFEST_CASES: dict[str, Callable[[Path], Callable[[dict], object]]] = {
    "swapped labels": lambda p: swap_labels,
    "changed threshold": lambda p: lambda d: wbc(d)["thresholds"].update(unidentified_below=0.999),
    "path traversal": traversal,
    "absolute path": absolute,
    "deleted key": lambda p: lambda d: wbc(d).__delitem__("labels"),
    "wrong type (manifest is [])": lambda p: lambda d: [],
    "wrong type (input size a string)": lambda p: lambda d: wbc(d)["input"].update(size="96"),
    "model pointed at another model's file": lambda p: other_models_file,
}
# What the schema or tensor check says when the attacker re-pinned the manifest too.
SCHEMA_MESSAGES = {
    "path traversal": "inside the models folder",
    "absolute path": "inside the models folder",
    "deleted key": "lacks 'labels'",
    "wrong type (manifest is [])": "no model list",
    "wrong type (input size a string)": "input.size must be int",
    "model pointed at another model's file": "does not match the manifest",
}


def refused(pack: Path, capsys, tmp_path: Path) -> str:
    """Run classify on the tampered pack: exit 1, one line, nothing written."""
    out = tmp_path / "result.json"
    code = cli.main(["classify", "--model", "wbc-type", "--backend", "cpu", "--json", str(out),
                     str(IMAGE)])
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 1, err
    assert len(lines) == 1 and lines[0].startswith("clinic-app: error: "), err
    assert "Traceback" not in err and not out.exists()
    return lines[0]


def test_the_untouched_copy_works(pack, capsys, tmp_path):
    out = tmp_path / "r.json"
    assert cli.main(["classify", "--model", "wbc-type", "--backend", "cpu", "--json", str(out),
                     str(IMAGE)]) == 0
    assert json.loads(out.read_text())["results"][0]["label"]


@pytest.mark.parametrize("case", list(MANIFEST_CASES))
def test_tampered_manifest_is_refused_by_the_pin(case, pack, capsys, tmp_path):
    edit(pack, MANIFEST_CASES[case](pack))
    assert "is not the pinned one" in refused(pack, capsys, tmp_path)


@pytest.mark.parametrize("case", list(SCHEMA_MESSAGES))
def test_re_pinned_tampered_manifest_is_still_refused(case, pack, capsys, tmp_path,
                                                      monkeypatch):
    edit(pack, MANIFEST_CASES[case](pack))
    monkeypatch.setattr(models_pin, "MANIFEST_SHA256",
                        modelpack.manifest_digest(modelpack.read_manifest(pack)))
    assert SCHEMA_MESSAGES[case] in refused(pack, capsys, tmp_path)


@pytest.mark.parametrize("change,message", [
    (lambda d: wbc(d)["thresholds"].update(unidentified_below=1.5), "unidentified_below"),
    (lambda d: wbc(d)["thresholds"].update(temperature=-1), "temperature"),
    (lambda d: wbc(d)["preprocessing"].update(stretch=2), "unknown preprocessing key"),
    (lambda d: wbc(d)["labels"].append("smudge"), "names 10 labels"),
    (lambda d: wbc(d).update(file="wbc-type.tflite/../wbc-type.tflite"), "models folder"),
])
def test_re_pinned_schema_errors(change, message, pack, capsys, tmp_path, monkeypatch):
    edit(pack, change)
    monkeypatch.setattr(models_pin, "MANIFEST_SHA256",
                        modelpack.manifest_digest(modelpack.read_manifest(pack)))
    assert message in refused(pack, capsys, tmp_path)


def test_model_file_swapped_for_another_models_file(pack, capsys, tmp_path):
    shutil.copy(pack / "all-subtype.tflite", pack / "wbc-type.tflite")
    assert "does not match the manifest" in refused(pack, capsys, tmp_path)


@pytest.mark.parametrize("name", ["manifest.json", "wbc-type.tflite", "all-subtype.tflite",
                                  "cell-seg.tflite"])
def test_one_byte_flip_in_each_file(name, pack, capsys, tmp_path):
    path = pack / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    if name in ("wbc-type.tflite", "manifest.json"):
        line = refused(pack, capsys, tmp_path)
        assert "pinned" in line or "damaged" in line or "does not match" in line
    model = name.removesuffix(".tflite")
    if name != "manifest.json":
        with pytest.raises(modelpack.ModelIntegrityError, match="does not match the manifest"):
            modelpack.open_model(model, "cpu", 1)


def test_a_link_to_a_file_outside_is_refused(pack, tmp_path):
    outside = tmp_path / "outside.tflite"
    shutil.copy(pack / "wbc-type.tflite", outside)
    (pack / "wbc-type.tflite").unlink()
    (pack / "wbc-type.tflite").symlink_to(outside)
    with pytest.raises(modelpack.ModelIntegrityError, match="link or lies outside"):
        modelpack.open_model("wbc-type", "cpu", 1)


def test_extra_keys_outside_the_checked_ones_are_tolerated(pack, monkeypatch):
    """The lead adds keys (calibration, degraded_pbc, thresholds.temperature): not refused."""
    def change(d):
        wbc(d).update(calibration={"temperature": 1.3}, degraded_pbc={"called_blast": 0.01})
        wbc(d)["thresholds"].update(temperature=1.3, chosen_by="val")
    edit(pack, change)
    monkeypatch.setattr(models_pin, "MANIFEST_SHA256",
                        modelpack.manifest_digest(modelpack.read_manifest(pack)))
    assert modelpack.load_manifest()["wbc-type"].thresholds.temperature == 1.3


def test_the_shipped_manifest_is_the_pinned_one():
    """Fails when the manifest was edited without `python -m quantize.pin`."""
    data = modelpack.read_manifest(MODELS)
    assert modelpack.manifest_digest(data) == models_pin.MANIFEST_SHA256


def test_pin_writes_only_for_the_shipped_folder(pack, tmp_path, monkeypatch):
    from quantize import pin

    monkeypatch.setattr(models_pin, "MANIFEST_SHA256", models_pin.MANIFEST_SHA256)  # restored
    other = tmp_path / "other"
    shutil.copytree(pack, other)
    assert pin.write_pin(other, tmp_path / "pin.py") is None  # a smoke-run folder: not pinned
    pin_file = tmp_path / "pin2.py"
    digest = pin.write_pin(pack, pin_file)  # the (monkeypatched) shipped folder
    assert digest == models_pin.MANIFEST_SHA256 and digest in pin_file.read_text()
