"""Training and quantization smoke runs: a few steps on a few real images, into tmp_path."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

pytest.importorskip("tensorflow")

from quantize import convert  # noqa: E402
from training import train  # noqa: E402
from training.config import CONFIGS, sized  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize("task", ["all-subtype", "cell-seg", "wbc-type"])
def test_train_then_quantize(task, tmp_path, data):
    runs, models = tmp_path / "runs", tmp_path / "models"
    args = ["--task", task, "--data", str(data), "--out", str(runs), "--limit", "16",
            "--epochs", "1"]
    assert train.main(args) == 0
    comparison = json.loads((runs / task / "comparison.json").read_text())
    assert comparison["chosen"] in comparison["comparison"]
    metrics = json.loads(next((runs / task).glob("*/metrics.json")).read_text())
    assert "confusion_matrix" in metrics["test"] or "mean_dice" in metrics["test"]
    assert (runs / task / comparison["chosen"] / "curve.png").stat().st_size > 1000

    assert convert.main(["--task", task, "--runs", str(runs), "--models", str(models),
                         "--data", str(data), "--limit", "8", "--rep-samples", "4"]) == 0
    entry = json.loads((models / "manifest.json").read_text())["models"][0]
    assert entry["id"] == task and len(entry["sha256"]) == 64
    parity = json.loads((runs / task / "parity.json").read_text())
    assert "fp32" in parity["test"] and "int8" in parity["test"]
    prov = metrics["provenance"]
    assert len(prov["git_sha"]) == 40 and prov["backend"] == "tensorflow"
    assert all(len(h) == 64 for h in prov["splits_sha256"].values())
    if task != "cell-seg":
        assert entry["thresholds"]["temperature"] > 0
        assert 0 <= entry["calibration"]["test_ece_calibrated"] <= 1
    if task == "wbc-type":
        assert entry["labels"][-1] == "blast" and len(entry["labels"]) == 9
        by_source = parity["test"]["int8"]["by_source"]
        assert {"pbc", "all"} <= set(by_source) and "blast_recall" in by_source["all"]
        assert 0 <= entry["degraded_pbc"]["called_blast"] <= 1

    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_path=str(models / f"{task}.tflite"))
    it.allocate_tensors()
    assert all(np.dtype(t["dtype"]).kind in "iu" for t in it.get_tensor_details())
    assert it.get_input_details()[0]["dtype"] == np.uint8


def test_metrics_are_computed_from_predictions():
    from training.metrics import classification_report, dice_iou

    rep = classification_report(np.array([0, 0, 1, 1]), np.array([0, 1, 1, 1]), ("a", "b"))
    assert rep["accuracy"] == 0.75 and rep["per_class"]["a"]["recall"] == 0.5
    assert rep["confusion_matrix"] == [[1, 1], [0, 2]]
    a = np.zeros((4, 4), bool)
    a[:2] = True
    assert dice_iou(a, a) == (1.0, 1.0)
    assert dice_iou(np.zeros_like(a), np.zeros_like(a)) == (1.0, 1.0)
    assert dice_iou(a, ~a) == (0.0, 0.0)


@pytest.mark.slow
def test_ensemble_of_two_seeds_averages_members_and_converts(tmp_path, data):
    from training import ensemble

    runs, models = tmp_path / "runs", tmp_path / "models"
    for seed in ("1", "2"):
        assert train.main(["--task", "all-subtype", "--data", str(data), "--out", str(runs),
                           "--limit", "16", "--epochs", "1", "--input-size", "64",
                           "--seed", seed, "--name", f"seed{seed}"]) == 0
    assert ensemble.main(["--task", "all-subtype", "--runs", str(runs), "--data", str(data),
                          "--limit", "16"]) == 0
    task_dir = runs / "all-subtype"
    comparison = json.loads((task_dir / "comparison.json").read_text())
    assert set(comparison["comparison"]) == {"seed1", "seed2", "ensemble"}
    assert comparison["comparison"]["ensemble"]["members"] == ["seed1", "seed2"]

    import keras

    cfg = sized(CONFIGS["all-subtype"], 64)
    members = [ensemble.rebuild(cfg, task_dir / n) for n in ("seed1", "seed2")]
    merged = keras.models.load_model(task_dir / "ensemble" / "model.keras")
    x = np.random.default_rng(0).uniform(0, 255, (2, 64, 64, 3)).astype(np.float32)
    got = merged.predict(x, verbose=0)
    outs = [m.predict(x, verbose=0) for m in members]
    np.testing.assert_allclose(got[0], (outs[0][0] + outs[1][0]) / 2, atol=1e-5)
    np.testing.assert_allclose(got[1], (outs[0][1] + outs[1][1]) / 2, atol=1e-4)

    shutil.copy(task_dir / "ensemble" / "model.keras", task_dir / "model.keras")
    assert convert.main(["--task", "all-subtype", "--runs", str(runs), "--models", str(models),
                         "--data", str(data), "--limit", "8", "--rep-samples", "4"]) == 0
    parity = json.loads((task_dir / "parity.json").read_text())
    assert parity["edgetpu"]["unsupported_ops_fall_back_to_cpu"] == []


def test_best_on_validation_breaks_accuracy_ties_by_validation_loss(tmp_path):
    import keras

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    best = train.BestOnValidation(tmp_path / "best.weights.h5", "val_accuracy")
    best.set_model(model)
    logs = [(0.90, 0.30), (0.99, 0.20), (0.99, 0.10), (0.99, 0.15), (0.98, 0.01)]
    for epoch, (acc, loss) in enumerate(logs):
        best.on_epoch_end(epoch, {"val_accuracy": acc, "val_loss": loss})
    assert best.best_epoch == 2
    assert (tmp_path / "best.weights.h5").exists()


def test_one_selection_rule_ranks_accuracy_then_log_loss():
    from training import selection

    runs = {"a": {"val": {"accuracy": 0.99, "log_loss": 0.05}},
            "b": {"val": {"accuracy": 0.99, "log_loss": 0.02}},
            "c": {"val": {"accuracy": 0.98, "log_loss": 0.001}}}
    assert selection.best(runs) == "b"
    runs["c"]["val"]["accuracy"] = 0.995
    assert selection.best(runs) == "c"
    assert selection.best({"u": {"val": {"mean_dice": 0.8}}, "v": {"val": {"mean_dice": 0.9}}}
                          ) == "v"


def test_training_path_never_imports_tensorflow():
    """The training path must run on JAX or PyTorch where TensorFlow is not installed."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "training"
    for name in ("train", "pipeline", "augment", "shifts", "cells", "data", "backbones",
                 "evaluation", "selection", "metrics", "config"):
        tree = ast.parse((root / f"{name}.py").read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                assert not (node.module or "").startswith("tensorflow"), name
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
                # train.gpu_count imports tensorflow only when it is the active backend
                assert name == "train" or not any(n.startswith("tensorflow") for n in names)


def test_shifts_change_images_and_keep_their_shape():
    from training import augment, shifts

    rng = np.random.default_rng(0)
    img = rng.integers(60, 230, (64, 80, 3)).astype(np.uint8)
    for name, (fn, moderate, strong) in shifts.SHIFTS.items():
        for s in (moderate, strong):
            out = fn(img, s)
            assert out.shape == img.shape and out.dtype == np.uint8, name
            assert np.abs(out.astype(int) - img).mean() > 0.5, name
    view = augment.classification(img[:, :64], 48, (0.7, 1.1), 1.3, rng, 0.5, 1.0)
    assert view.shape == (48, 48, 3) and view.dtype == np.uint8


def test_shipped_wbc_type_is_measured_as_the_app_prepares_cells(tmp_path, data):
    """training.wbc_eval on a few real cells: the shipped pack's figures per source, and the
    cached crops it scores are the app's own model inputs for the same crops."""
    from clinic_app import modelpack
    from clinic_app.classification import CellClassifier
    from training import wbc_eval
    from training.cells import load_cells
    from training.data import centre
    from training.scale import PBC_UM_PER_PX

    out = tmp_path / "eval.json"
    assert wbc_eval.main(["--data", str(data), "--limit", "16", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert doc["model"].startswith("wbc-type ")
    assert {"pbc", "all"} <= set(doc["test"]["by_source"])
    assert 0.0 <= doc["test"]["by_source"]["pbc"]["accuracy_8_class"] <= 1.0
    cfg = CONFIGS["wbc-type"]
    clf = CellClassifier(modelpack.TFLiteModel(modelpack.load_manifest()["wbc-type"], "cpu"))
    raw = load_cells(data, cfg, "test", "none", PBC_UM_PER_PX, 8)
    normed = load_cells(data, cfg, "test", clf.stain_norm, PBC_UM_PER_PX, 8)
    for x_raw, x_norm in zip(raw.x[:6], centre(normed.x[:6], cfg.input_size), strict=True):
        np.testing.assert_array_equal(clf.prepare(x_raw), x_norm)


def test_recovered_weights_reproduce_the_shipped_int8_classifier(tmp_path, data):
    """training.recover rebuilds wbc-type's Keras weights from its INT8 file: the float model
    picks the INT8 file's class on real cells, and the weights load for a fine-tune."""
    from quantize.convert import run_int8
    from training import backbones, recover
    from training.cells import load_cells
    from training.data import centre
    from training.scale import PBC_UM_PER_PX

    out = tmp_path / "rec.weights.h5"
    assert recover.main(["--data", str(data), "--limit", "24", "--calib", "64",
                         "--out", str(out)]) == 0
    cfg = CONFIGS["wbc-type"]
    model, _ = backbones.classifier(cfg.input_size, len(cfg.labels), "compact")
    model.load_weights(str(out))
    cells = load_cells(data, cfg, "val", cfg.stain_norm, PBC_UM_PER_PX, 24)
    x = centre(cells.x, cfg.input_size).astype(np.float32)
    fp = model.predict(x, verbose=0).argmax(1)
    q = run_int8((recover.MODELS / "wbc-type.tflite").read_bytes(), x)[0].argmax(1)
    assert (fp == q).mean() >= 0.9


def test_blast_eval_takes_the_mask_cells_through_the_app(tmp_path, data):
    """The whole app on a few ALL test fields: the mask's white cells are matched to the cells
    the app found (the smallest box holding each centre) and counted as found and as blast."""
    from training import blast_eval

    cells = [{"bbox": [0, 0, 50, 50], "label": "lymphocyte"},
             {"bbox": [10, 10, 30, 30], "label": "blast"}]
    assert blast_eval.found_label(cells, 20, 20) == "blast"
    assert blast_eval.found_label(cells, 40, 40) == "lymphocyte"
    assert blast_eval.found_label(cells, 60, 60) is None
    out = tmp_path / "blast.json"
    assert blast_eval.main(["--data", str(data), "--limit", "6", "--json", str(out)]) == 0
    through = json.loads(out.read_text())["all_test_fields"]["mask_cells_through_the_app"]
    assert through["blast_cells"] + through["hematogones"] > 0
    assert 0.5 <= through["blast_cells_found"] <= 1.0
    assert through["blast_recall_end_to_end"] <= through["blast_recall_of_found"]


def test_unet_widths_and_float32_export_after_mixed_precision():
    """A GPU run trains in mixed float16 at other widths; the exported model must be float32
    (TFLite conversion) with the same weights."""
    import keras

    from training import backbones

    keras.mixed_precision.set_global_policy("mixed_float16")
    try:
        trained = backbones.unet(None, widths=(4, 8, 16, 32, 64))
    finally:
        keras.mixed_precision.set_global_policy("float32")
    fixed = backbones.export_seg(trained, 64)
    assert {layer.dtype_policy.name for layer in fixed.layers} == {"float32"}
    assert fixed.count_params() == trained.count_params()
    x = np.random.default_rng(0).integers(0, 255, (1, 64, 64, 3)).astype(np.float32)
    np.testing.assert_allclose(fixed.predict(x, verbose=0),
                               trained.predict(x, verbose=0).astype(np.float32), atol=2e-2)


def test_train_skip_test_never_reads_the_test_split(tmp_path, data):
    """``--skip-test`` (a GPU machine sent train and val only): no test rows needed."""
    root = tmp_path / "data"
    shutil.copytree(data / "all", root / "all")
    csv = root / "all" / "splits.csv"
    rows = csv.read_text().splitlines()
    csv.write_text("\n".join([rows[0]] + [r for r in rows[1:] if not r.endswith(",test")]) + "\n")
    runs = tmp_path / "runs"
    assert train.main(["--task", "cell-seg", "--data", str(root), "--out", str(runs),
                       "--limit", "8", "--epochs", "1", "--skip-test",
                       "--widths", "4,8,16,32,64", "--workers", "1"]) == 0
    metrics = json.loads((runs / "cell-seg" / "unet" / "metrics.json").read_text())
    assert metrics["test"] is None and "mean_dice" in metrics["val"]
    from training import backbones  # the narrow U-Net asked for, not the default one

    assert metrics["params"] == backbones.unet(None, widths=(4, 8, 16, 32, 64)).count_params()
    assert metrics["params"] < backbones.unet(None).count_params()


def test_set_crossentropy_is_plain_for_typed_cells_and_any_white_class_for_boxed_ones():
    from keras import ops

    from training.cells import allowed_classes, white_cell_label

    cfg = CONFIGS["wbc-type"]
    allowed = allowed_classes(cfg)
    n = len(cfg.labels)
    assert allowed.shape == (n + 1, n) and white_cell_label(cfg) == n
    assert np.array_equal(allowed[:n], np.eye(n))
    white = [lab for lab, a in zip(cfg.labels, allowed[n], strict=True) if a]
    assert "platelet" not in white and "erythroblast" not in white and "blast" in white
    probs = np.random.default_rng(0).dirichlet(np.ones(n), size=4).astype(np.float32)
    y = np.array([0, 3, n, n])
    got = ops.convert_to_numpy(train.set_crossentropy(allowed)(y, probs))
    assert np.allclose(got[:2], -np.log(probs[[0, 1], [0, 3]]), atol=1e-5)
    assert np.allclose(got[2:], -np.log(probs[2:] @ allowed[n]), atol=1e-5)
    # a boxed cell's loss falls only as mass moves from platelet/erythroblast to white classes
    plate = cfg.labels.index("platelet")
    moved = probs.copy()
    moved[2, plate], moved[2, 0] = 0.0, probs[2, 0] + probs[2, plate]
    again = ops.convert_to_numpy(train.set_crossentropy(allowed)(y, moved))
    assert again[2] < got[2] and np.isclose(again[3], got[3])


def test_boxed_white_cells_are_cut_at_the_fields_scale_and_split_from_the_check_fields(data):
    from training.cells import boxed_dev_fields, boxed_white_cells, working_um_per_px
    from training.detection_bench import detection_sets
    from training.evaluate_detection import voc_rows
    from training.scale import PBC_UM_PER_PX

    cfg = CONFIGS["wbc-type"]
    dev = detection_sets(data, "dev")["bccd"]
    trained, checked = boxed_dev_fields(dev, True), boxed_dev_fields(dev, False)
    assert not set(trained) & set(checked) and len(trained) + len(checked) == len(dev)
    cells = boxed_white_cells(data, cfg, working_um_per_px(cfg, PBC_UM_PER_PX), trained[:3],
                              "bccd")
    boxes = sum(len(voc_rows(xml)) for _, xml in trained[:3])
    assert 0 < len(cells.y) <= boxes
    assert cells.x.shape[1:] == (cfg.store_size, cfg.store_size, 3)
    assert set(cells.y) == {len(cfg.labels)} and set(cells.source) == {"bccd-boxed"}
    assert all(p.split("/")[1].split("#")[0] in {img.stem for img, _ in trained[:3]}
               for p in cells.paths)


def test_boxes_typed_by_eye_train_only_on_their_own_fields(data):
    """The types given by eye to BCCD boxes (training/labels) come in three uses that never
    share a field: "train" on the dev fields that train, "check" on the other dev fields,
    "eval" on the 192 evaluation fields. A typed box is cut with its class; the rest stay
    "some white cell"."""
    from training.cells import (
        boxed_dev_fields,
        boxed_white_cells,
        by_eye_types,
        white_cell_label,
        working_um_per_px,
    )
    from training.detection_bench import detection_sets
    from training.scale import PBC_UM_PER_PX

    cfg = CONFIGS["wbc-type"]
    uses = {u: by_eye_types(u) for u in ("train", "check", "eval")}
    dev = detection_sets(data, "dev")["bccd"]
    fields = {"train": {img.stem for img, _ in boxed_dev_fields(dev, True)},
              "check": {img.stem for img, _ in boxed_dev_fields(dev, False)},
              "eval": {img.stem for img, _ in detection_sets(data)["bccd"]}}
    for use, typed in uses.items():
        assert typed and set(typed) <= fields[use], use
        assert {t for boxes in typed.values() for _, _, t in boxes} <= set(cfg.labels)
    trained = boxed_dev_fields(dev, True)[:4]
    cells = boxed_white_cells(data, cfg, working_um_per_px(cfg, PBC_UM_PER_PX), trained, "bccd",
                              uses["train"])
    want = sum(len(uses["train"].get(img.stem, [])) for img, _ in trained)
    named = [cfg.labels[y] for y in cells.y if y != white_cell_label(cfg)]
    assert 0 < len(named) == want and list(cells.group).count("white-cell") == len(cells.y) - want
