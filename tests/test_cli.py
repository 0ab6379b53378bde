"""The command line as tests and evaluation scripts use it: real models, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import cv2
import numpy as np
import pytest
from conftest import EXAMPLES, REPO, needs_models

pytestmark = needs_models


def cli(*args: str, cwd=REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "clinic_app", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)


def test_models_json():
    out = cli("models", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {m["id"] for m in data["models"]} == {"all-subtype", "wbc-type", "cell-seg",
                                                 "wbc-detect"}
    assert all(m["integrity"] == "ok" for m in data["models"])


def test_classify_wbc_folder_recursive(tmp_path):
    out = cli("classify", "--model", "wbc-type", "--json", str(tmp_path / "r.json"),
              str(EXAMPLES / "pbc"))
    assert out.returncode == 0, out.stderr
    res = json.loads((tmp_path / "r.json").read_text())["results"]
    assert len(res) == 8
    for r in res:
        assert abs(sum(r["scores"].values()) - 1.0) < 0.02
        assert r["label"] == max(r["scores"], key=r["scores"].get)
    truth = [os.path.basename(r["path"]).split("_")[0] for r in res]
    correct = sum(t == r["label"] for t, r in zip(truth, res, strict=True))
    assert correct >= 7, [(t, r["label"]) for t, r in zip(truth, res, strict=True)]


def test_classify_all_subtype_to_stdout():
    out = cli("classify", "--model", "all-subtype", str(EXAMPLES / "all"))
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout)["results"]
    assert len(res) == 4
    assert {r["label"] for r in res} <= {"Benign", "Early", "Pre", "Pro"}


def test_segment_writes_masks_of_input_size(tmp_path):
    out = cli("segment", "--model", "cell-seg", "--out", str(tmp_path), str(EXAMPLES / "all"),
              str(EXAMPLES / "bccd" / "BloodImage_00001.jpg"))
    assert out.returncode == 0, out.stderr
    masks = sorted(tmp_path.glob("*.png"))
    assert len(masks) == 5
    m = cv2.imread(str(tmp_path / "BloodImage_00001.png"), cv2.IMREAD_UNCHANGED)
    assert m.shape == (480, 640) and set(np.unique(m)) <= {0, 255} and m.max() == 255


@pytest.mark.parametrize("content", [b"", b"not an image at all", bytes(range(256)) * 40])
def test_bad_single_input_exits_2_with_one_line(tmp_path, content):
    bad = tmp_path / "field.jpg"
    bad.write_bytes(content)
    out = cli("classify", "--model", "wbc-type", str(bad))
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert "field.jpg" in out.stderr


def test_bad_usage_exits_2():
    out = cli("classify", "--model", "no-such-model", str(EXAMPLES))
    assert out.returncode == 2 and "no-such-model" in out.stderr
    out = cli("frobnicate")
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1


def test_models_text_lists_every_model_with_its_figure():
    out = cli("models")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 4 and all("[ok]" in line for line in lines)
    assert any(line.startswith("wbc-detect") and "white cell recall" in line for line in lines)


def test_segment_draws_the_whole_cell_of_a_high_magnification_image(tmp_path):
    """A CellaVision-type neutrophil and monocyte: the mask takes in the cytoplasm (the
    detector's whole cell), not only the purple nucleus the segmenter alone draws."""
    from clinic_app import modelpack
    from clinic_app.scale import estimate_um_per_px
    from clinic_app.segmentation import field_mask

    names = ["neutrophil_BNE_100878.jpg", "monocyte_MO_102400.jpg"]
    out = cli("segment", "--model", "cell-seg", "--out", str(tmp_path),
              *[str(EXAMPLES / "pbc" / n) for n in names])
    assert out.returncode == 0, out.stderr
    seg = modelpack.TFLiteModel(modelpack.load_manifest()["cell-seg"], "cpu")
    for n in names:
        rgb = cv2.cvtColor(cv2.imread(str(EXAMPLES / "pbc" / n)), cv2.COLOR_BGR2RGB)
        nucleus = field_mask(seg, rgb, estimate_um_per_px(rgb)[0]) > 0
        whole = cv2.imread(str(tmp_path / n.replace(".jpg", ".png")), cv2.IMREAD_UNCHANGED) > 0
        centre = whole[whole.shape[0] // 2 - 5:whole.shape[0] // 2 + 5,
                       whole.shape[1] // 2 - 5:whole.shape[1] // 2 + 5]
        assert centre.all()  # the cell is centred in these images
        assert whole.sum() > 1.3 * (nucleus & whole).sum()  # cytoplasm taken in
        assert (nucleus & ~whole).sum() < 0.1 * nucleus.sum()  # the nucleus stays in
