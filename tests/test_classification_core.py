"""The classifier's core rules, on a stand-in model: each test fails if the rule is broken.

- ``unidentified``: a cell whose best probability is under the manifest threshold is not forced
  into a class;
- stain normalisation: the manifest's method is applied to every crop before the model;
- parity: ``training.data.prepare_image`` and the app's crop + stain + resize give the same
  pixels on the same input (both call ``clinic_app.stain``);
- framing: a cell crop is ``crop_um / um_per_px`` pixels, centred on the cell's box.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from clinic_app import stain
from clinic_app.classification import CellClassifier, scores_of, top_label
from clinic_app.manifest_schema import ModelEntry, ModelIntegrityError
from clinic_app.modelpack import calibrate, load_manifest
from clinic_app.results import UNIDENTIFIED, BBox

LABELS = ["a", "b", "c"]


def entry(stain_norm: str = "none", threshold: float = 0.65, crop_um: float = 20.0,
          centre_fraction: float = 0.5, stain_context: float = 1.0,
          **thresholds: float) -> ModelEntry:
    return ModelEntry.from_json({
        "id": "wbc-type", "task": "cell-classification", "file": "x.tflite", "labels": LABELS,
        "input": {"size": 32, "dtype": "uint8"}, "sha256": "0", "version": "1", "date": "-",
        "preprocessing": {"stain_norm": stain_norm, "crop_um": crop_um,
                          "centre_fraction": centre_fraction, "stain_context": stain_context,
                          "um_per_px": 0.25},
        "thresholds": {"unidentified_below": threshold, **thresholds},
    })


class FakeModel:
    """Records what it is given; answers fixed probabilities and a flat activation map."""

    def __init__(self, e: ModelEntry, probs: list[float], size: int = 32) -> None:
        self.entry, self.probs, self.size = e, np.asarray(probs, np.float32), size
        self.inputs: list[np.ndarray] = []

    @property
    def input_shape(self) -> tuple[int, int]:
        return self.size, self.size

    def run(self, image: np.ndarray) -> list[np.ndarray]:
        assert image.shape[:2] == self.input_shape
        self.inputs.append(image.copy())
        return [self.probs, np.ones((4, 4, len(self.probs)), np.float32)]


def smear(seed: int = 3, h: int = 120, w: int = 160) -> np.ndarray:
    """A pinkish field with texture (Reinhard changes it visibly)."""
    rng = np.random.default_rng(seed)
    base = np.array([200, 150, 170], np.float32)
    noise = rng.normal(0, 25, (h, w, 3))
    return np.clip(base + noise, 0, 255).astype(np.uint8)


# -- unidentified ------------------------------------------------------------------------------

def test_top_label_below_threshold_is_unidentified():
    assert top_label({"a": 0.6, "b": 0.4}, 0.65) == UNIDENTIFIED
    assert top_label({"a": 0.6, "b": 0.4}, 0.5) == "a"
    assert top_label({"a": 0.65, "b": 0.35}, 0.65) == "a"  # at the threshold: kept


def test_cell_below_manifest_threshold_is_unidentified_with_model_scores_kept():
    clf = CellClassifier(FakeModel(entry(threshold=0.65), [0.6, 0.3, 0.1]))
    cell = clf.classify_cell(smear(), 0.25, BBox(60, 40, 100, 80))
    assert cell.label == UNIDENTIFIED and cell.scores["a"] == pytest.approx(0.6)
    sure = CellClassifier(FakeModel(entry(threshold=0.65), [0.7, 0.2, 0.1]))
    assert sure.classify_cell(smear(), 0.25, BBox(60, 40, 100, 80)).label == "a"


def test_shipped_threshold_comes_from_the_manifest():
    wbc = load_manifest()["wbc-type"]
    clf = CellClassifier(FakeModel(wbc, [1.0 / len(wbc.labels)] * len(wbc.labels), 96))
    assert clf.threshold == wbc.raw["thresholds"]["unidentified_below"]
    assert clf.labels == tuple(wbc.raw["labels"])  # labels only from the manifest


# -- temperature -------------------------------------------------------------------------------

def test_temperature_recalibrates_scores_and_one_leaves_them_alone():
    p = np.array([0.7, 0.2, 0.1], np.float32)
    assert calibrate(p, 1.0) is p
    sharper = scores_of(p, ("a", "b", "c"), 0.5)
    expected = p.astype(np.float64) ** 2 / (p.astype(np.float64) ** 2).sum()
    assert [sharper[k] for k in "abc"] == pytest.approx(expected.tolist(), rel=1e-5)
    clf = CellClassifier(FakeModel(entry(temperature=2.0), [0.7, 0.2, 0.1]))
    assert clf.classify_cell(smear(), 0.25, BBox(60, 40, 100, 80)).label == UNIDENTIFIED
    with pytest.raises(ModelIntegrityError):
        entry(temperature=0.0)


def test_a_missing_preprocessing_key_is_an_integrity_error():
    with pytest.raises(ModelIntegrityError, match="crop_um"):
        ModelEntry.from_json({
            **entry().raw, "preprocessing": {"stain_norm": "none", "centre_fraction": 1.0}})


# -- stain normalisation -----------------------------------------------------------------------

def test_stain_normalisation_of_the_manifest_reaches_the_model():
    rgb = smear()
    on = FakeModel(entry(stain_norm="reinhard"), [0.9, 0.05, 0.05])
    off = FakeModel(entry(stain_norm="none"), [0.9, 0.05, 0.05])
    on_cell = CellClassifier(on).classify_cell(rgb, 0.25, BBox(60, 40, 100, 80))
    CellClassifier(off).classify_cell(rgb, 0.25, BBox(60, 40, 100, 80))
    raw = on_cell.crop
    # brought to the input size first, then normalised (the order training's caches use)
    expected = stain.reinhard(cv2.resize(raw, (32, 32), interpolation=cv2.INTER_AREA))
    np.testing.assert_array_equal(on.inputs[0], expected)
    assert np.abs(on.inputs[0].astype(int) - off.inputs[0].astype(int)).mean() > 2
    assert load_manifest()["wbc-type"].preprocessing.stain_norm == "background-reinhard"


# -- parity with training ----------------------------------------------------------------------

def test_training_and_app_prepare_a_cell_image_identically():
    data = pytest.importorskip("training.data")
    from training.config import TaskConfig

    rgb = smear(seed=7, h=181, w=180)
    c, size = 120, 32
    cfg = TaskConfig("wbc-type", "pbc", tuple(LABELS), size, size, c, 1, 1, 1e-3,
                     stain_norm="reinhard")
    trained = data.prepare_image(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), cfg, "reinhard")
    model = FakeModel(entry(stain_norm="reinhard", centre_fraction=c / 180), [0.9, 0.05, 0.05])
    CellClassifier(model).classify_image(rgb)
    np.testing.assert_array_equal(model.inputs[0], trained)


# -- framing -----------------------------------------------------------------------------------

def test_cell_crop_is_crop_um_wide_and_centred_on_the_cell():
    rgb = np.full((200, 240, 3), 230, np.uint8)
    box = BBox(100, 60, 140, 110)  # centre (120, 85)
    rgb[83:88, 118:123] = (10, 20, 200)  # a blue dot at the cell's centre
    rgb[:, :20] = (0, 255, 0)  # green far left: must stay outside an 80 px crop
    model = FakeModel(entry(crop_um=20.0), [0.9, 0.05, 0.05], size=80)
    cell = CellClassifier(model).classify_cell(rgb, 0.25, box)
    assert cell.crop.shape[:2] == (80, 80)  # 20 um / 0.25 um per px
    given = model.inputs[0]
    assert tuple(given[40, 40]) == (10, 20, 200) and tuple(given[38, 38]) == (10, 20, 200)
    assert tuple(given[40, 30]) == (230, 230, 230)
    assert not (given == (0, 255, 0)).all(axis=2).any()
    edge = CellClassifier(model).classify_cell(rgb, 0.25, BBox(0, 0, 10, 10))
    assert edge.crop.shape[:2] == (80, 80)  # mirrored at the border, never a smaller crop


def test_app_normalises_stain_over_the_same_context_as_training():
    """Training normalised the 140 px cached crop and showed the model its centre 96/113; the
    app must normalise the same wider region, not just the model's view (a 1.7-point skew)."""
    data = pytest.importorskip("training.data")
    from training.config import CONFIGS

    cfg = CONFIGS["wbc-type"]
    rgb = smear(seed=3, h=181, w=180)
    rgb[60:120, 60:120] = (120, 60, 170)  # a large purple cell: the view's colours differ
    trained = data.centre(data.prepare_image(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), cfg,
                                             "reinhard")[None], cfg.input_size)[0]
    frac = cfg.source_crop * cfg.input_size / cfg.store_size / 180

    def app_input(context: float) -> np.ndarray:
        model = FakeModel(entry(stain_norm="reinhard", centre_fraction=frac,
                                stain_context=context), [0.9, 0.05, 0.05], size=cfg.input_size)
        CellClassifier(model).classify_image(rgb)
        return model.inputs[0].astype(float)

    np.testing.assert_array_equal(app_input(cfg.store_size / cfg.input_size), trained)
    assert np.abs(app_input(1.0) - trained).mean() > 1.0  # the view alone would differ


def test_background_white_balance_undoes_a_warm_lamp():
    """Colour constancy: a yellow lamp's gains are undone from the slide's own background, so
    the normalised cell looks as under the training set's light; a nonsense estimate (a black
    image) is not amplified beyond the gain limit."""
    rgb = smear(seed=5)
    warm = np.clip(rgb.astype(np.float32) * (1.15, 1.0, 0.85), 0, 255).astype(np.uint8)
    fixed, plain = stain.white_balance(warm), stain.white_balance(rgb)
    np.testing.assert_allclose(stain.background_rgb(fixed), stain.BACKGROUND_REFERENCE, atol=3)
    assert np.abs(fixed.astype(int) - plain.astype(int)).mean() < 3
    assert np.abs(warm.astype(int) - plain.astype(int)).mean() > 5
    dark = np.full((20, 20, 3), 10, np.uint8)
    assert stain.white_balance(dark).max() <= 10 * stain.BACKGROUND_GAIN_RANGE[1]
    both = stain.apply(warm, "background-reinhard")
    np.testing.assert_array_equal(both, stain.reinhard(fixed))


# -- views: the answer does not depend on how the cell lies ------------------------------------

def test_views_answer_is_the_same_for_a_rotated_cell_and_one_view_is_not():
    """With 4 views, a model input and the same input turned by 90 degrees get the same
    scores (the real INT8 model, batched and alone); with 1 view they differ. (Whole crops are
    prepared by resizing and centre-cutting, which can move a turned crop by a pixel.)"""
    import dataclasses

    from clinic_app.modelpack import TFLiteModel

    shipped_entry = load_manifest()["wbc-type"]
    four = dataclasses.replace(shipped_entry, preprocessing=dataclasses.replace(
        shipped_entry.preprocessing, views=4))
    one = dataclasses.replace(shipped_entry, preprocessing=dataclasses.replace(
        shipped_entry.preprocessing, views=1))
    crop = smear(seed=5, h=140, w=140)
    crop[45:95, 45:80] = (90, 40, 140)  # an off-centre, asymmetric "nucleus"
    clf = CellClassifier(TFLiteModel(four, "cpu"))
    x = clf.prepare(crop)
    turned = np.ascontiguousarray(np.rot90(x))
    a, b = clf._run_prepared([x])[0][0], clf._run_prepared([turned, x])[0][0]
    assert [a[k] for k in clf.labels] == pytest.approx([b[k] for k in clf.labels], abs=1e-6)
    plain = CellClassifier(TFLiteModel(one, "cpu"))
    c, d = plain._run_prepared([x])[0][0], plain._run_prepared([turned])[0][0]
    assert max(abs(c[k] - d[k]) for k in plain.labels) > 1e-3


def test_views_combine_as_the_mean_logit_and_maps_turn_back():
    from clinic_app.classification import combine_maps, combine_views, views_of

    p = np.array([[0.5, 0.25, 0.25], [0.125, 0.5, 0.375]], np.float32)
    expected = np.sqrt(p[0] * p[1]) / np.sqrt(p[0] * p[1]).sum()
    np.testing.assert_allclose(combine_views(p), expected, rtol=1e-6)
    cam = np.random.default_rng(0).random((6, 5, 3))
    for n in (4, 8):
        views = views_of(cam, n)
        assert len(views) == n and len({v.tobytes() for v in views}) == n
        np.testing.assert_allclose(combine_maps(views), cam)
    crop = np.random.default_rng(1).integers(0, 256, (12, 10, 3), dtype=np.uint8)
    for fast, slow in zip(views_of(crop, 8), views_of(crop.astype(np.int16), 8), strict=True):
        np.testing.assert_array_equal(fast, slow)  # OpenCV's turns equal numpy's rot90


def test_uint8_pixels_reach_an_identity_input_tensor_unchanged():
    from clinic_app.modelpack import pixels

    x = np.arange(12, dtype=np.uint8).reshape(1, 2, 2, 3)
    assert pixels(x, {"quantization": (1.0, 0), "dtype": np.uint8}) is x
    q = pixels(x, {"quantization": (2.0, 3), "dtype": np.uint8})
    np.testing.assert_array_equal(q, np.round(x / 2.0 + 3).astype(np.uint8))


@pytest.mark.parametrize("views", [0, 2, 3, True, "4"])
def test_views_other_than_1_4_8_are_an_integrity_error(views):
    raw = entry().raw
    with pytest.raises(ModelIntegrityError, match="views"):
        ModelEntry.from_json({**raw, "preprocessing": {**raw["preprocessing"], "views": views}})
