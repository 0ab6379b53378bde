"""The in-scope check on real images, the cat among real fields, and the calibration maths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest
from conftest import EXAMPLES, needs_models

from clinic_app import scope
from training import calibration

CAT = Path(__file__).resolve().parent / "fixtures" / "chelsea_cat.jpg"  # scikit-image `chelsea`
FIELDS = [EXAMPLES / "bccd" / "BloodImage_00001.jpg",
          EXAMPLES / "all" / "WBC-Malignant-Pre-001.jpg", EXAMPLES / "all" / "WBC-Benign-002.jpg"]


def rgb(path: Path) -> np.ndarray:
    return cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)


def smear_examples() -> list[Path]:
    return sorted(p for d in ("bccd", "all", "pbc", "normal-smear", "all-preb")
                  for p in (EXAMPLES / d).glob("*.jpg"))


@pytest.mark.parametrize("path", smear_examples(), ids=lambda p: p.name)
def test_real_smears_and_cell_images_are_in_scope(path):
    verdict = scope.check(rgb(path))
    assert verdict.in_scope, verdict.reason


def test_cat_photo_is_out_of_scope_with_a_reason():
    verdict = scope.check(rgb(CAT))
    assert not verdict.in_scope
    assert verdict.problem.startswith("out of scope: ") and len(verdict.reason) > 10


def test_plain_images_are_refused_by_physical_rules():
    grey = np.full((300, 400, 3), 128, np.uint8)
    dark = np.zeros((300, 400, 3), np.uint8)
    dark[100:160, 100:160] = (40, 200, 60)  # a glowing green blob: fluorescence-like
    tiny = rgb(FIELDS[0])[:20, :20]
    for img, word in ((grey, "greyscale"), (dark, "dark"), (tiny, "too small")):
        verdict = scope.check(img)
        assert not verdict.in_scope and word in verdict.reason


def test_a_rendered_chart_is_refused_for_its_flat_colour():
    """A chart drawn by software: its white page is one exact colour (a camera's noise never
    gives that); the same picture with sensor noise added is no longer refused for it."""
    chart = np.full((300, 400, 3), 255, np.uint8)
    cv2.rectangle(chart, (60, 40), (360, 260), (0, 0, 0), 1)
    rng = np.random.default_rng(0)
    for x, y in rng.integers(80, 240, (60, 2)):
        cv2.circle(chart, (int(x) + 60, int(y)), 6, (180, 60, 170), -1)
    feats = scope.features(chart)
    assert feats["modal_share"] > scope.MAX_MODAL_SHARE and feats["modal_saturated"] == 1.0
    verdict = scope.check(chart)  # a white page: the reason names both possible causes
    assert not verdict.in_scope and "saturated white" in verdict.reason
    assert "rendered page" in verdict.reason
    tinted = chart.copy()
    tinted[np.all(chart == 255, axis=2)] = (236, 230, 214)  # a cream page: rendered only
    verdict = scope.check(tinted)
    assert not verdict.in_scope and "rendered chart" in verdict.reason
    assert "over-exposed" not in verdict.reason
    noisy = np.clip(chart * 0.92 + rng.normal(0, 4, chart.shape), 0, 255).astype(np.uint8)
    assert scope.features(noisy)["modal_share"] < 0.05


def test_an_over_exposed_smear_stays_in_scope_and_a_white_page_does_not():
    """A field whose background the camera clipped to one exact white (the shift bench's
    moderate over-exposure) is still a blood film: the clipped white fades into the cells, so
    the exact-colour share is read over what the camera did not clip. A rendered page's white
    meets its content at a hard edge and still counts (docs/scope.md)."""
    from training.shifts import exposure

    for path in FIELDS:
        bright = exposure(rgb(path), 0.4)
        feats = scope.features(bright)
        assert feats["modal_saturated"] == 1.0 and feats["overexposed"] == 1.0, path.name
        assert feats["modal_share"] < 0.1
        assert scope.check(bright).in_scope, path.name
    page = np.full((300, 400, 3), 255, np.uint8)
    cv2.putText(page, "Haematology report", (20, 150), cv2.FONT_HERSHEY_SIMPLEX, 1.2,
                (20, 20, 20), 2)
    feats = scope.features(page)
    assert feats["modal_saturated"] == 1.0 and feats["overexposed"] == 0.0
    assert not scope.check(page).in_scope


def test_a_camera_clip_is_told_from_a_rendered_white_by_its_edge():
    """The same disc, blurred by optics then over-exposed, against drawn with a hard edge."""
    disc = np.full((200, 200, 3), 255, np.uint8)
    cv2.circle(disc, (100, 100), 40, (150, 60, 160), -1)
    blurred = cv2.GaussianBlur(disc, (0, 0), 3.0)
    assert scope._clipped_by_a_camera(blurred)
    assert not scope._clipped_by_a_camera(disc)
    assert not scope._clipped_by_a_camera(np.full((200, 200, 3), 200, np.uint8))  # nothing clipped


def test_red_cells_are_evidence_of_a_blood_film():
    """The red-cell outlines the scale search accepts feed the check: a field shows many, and
    the same field with its red cells painted over as tissue-like texture shows none."""
    field = rgb(FIELDS[0])
    seen = scope.features(field)["red_cells"]
    assert seen >= np.log10(1 + 5)
    blurred = cv2.GaussianBlur(field, (0, 0), 25)  # no outlines left to find
    assert scope.features(blurred)["red_cells"] < seen


@needs_models
def test_screening_measures_red_cells_once_with_the_same_scale(tmp_path):
    """One red-cell search serves the scope check and the field's scale: the screened field
    carries the scale the analysis would have measured itself."""
    from clinic_app import fields, scale

    skipped: list = []
    got = list(fields.iter_fields([FIELDS[0]], skipped, in_scope=True))
    assert not skipped and len(got) == 1
    assert (got[0].um_per_px, got[0].scale_source) == scale.estimate_um_per_px(rgb(FIELDS[0]))
    assert got[0].features["red_cells"] == scope.features(rgb(FIELDS[0]))["red_cells"]


def test_analyse_anyway_keeps_the_refused_image_with_its_reason_and_own_scale(tmp_path):
    """"Analyse anyway": the refused image is yielded with its refusal, measured once (its own
    red-cell scale, as a field alone would get), and left out of the batch's consensus."""
    from clinic_app import fields, scale

    for f in (*FIELDS[:2], CAT):
        shutil.copy(f, tmp_path / f.name)
    skipped: list = []
    got = {Path(f.source).name: f for f in fields.iter_fields(
        [tmp_path], skipped, consensus=True, in_scope=True, keep_refused=True)}
    assert not skipped and set(got) == {FIELDS[0].name, FIELDS[1].name, CAT.name}
    assert got[CAT.name].scope_problem.startswith("out of scope:")
    assert got[FIELDS[0].name].scope_problem == got[FIELDS[1].name].scope_problem == ""
    kept = list(fields.iter_fields([tmp_path], [], consensus=True, in_scope=True))
    assert {Path(f.source).name: f.um_per_px for f in kept} == {
        n: got[n].um_per_px for n in (FIELDS[0].name, FIELDS[1].name)}  # consensus without it
    assert (got[CAT.name].um_per_px, got[CAT.name].scale_source) == \
        scale.estimate_um_per_px(rgb(CAT))


def test_only_a_refusal_for_red_cells_alone_gets_the_second_look():
    """The white cell vouches only where the regression refused for want of red cells, not far
    below its threshold, and only with a confident box."""
    near = scope.ScopeVerdict(False, 0.2, "no red cells", weakest="red_cells")
    assert scope.second_look(near)
    assert scope.vouched(near, scope.WITNESS_MIN_SCORE).in_scope
    assert scope.vouched(near, scope.WITNESS_MIN_SCORE).vouched
    assert scope.vouched(near, scope.WITNESS_MIN_SCORE - 0.01) == near
    for other in (scope.ScopeVerdict(False, 0.2, "colours", weakest="fg_romanowsky"),
                  scope.ScopeVerdict(False, scope.SECOND_LOOK_MIN_P / 2, "far",
                                     weakest="red_cells"),
                  scope.ScopeVerdict(False, 0.2, "greyscale image"),  # a hard rule
                  scope.ScopeVerdict(True, 0.9)):
        assert not scope.second_look(other)
        assert scope.vouched(other, 1.0) == other


@needs_models
def test_a_crop_without_whole_red_cells_is_vouched_for_by_its_white_cell(tmp_path):
    """A 256 px crop of a smear around a white cell, its red cells cut by the edges, is refused
    for its red cells alone; the detector's second look lets it in. A crop of the same kind
    of field with no white cell stays refused, and a cat is not even looked at."""
    from clinic_app import fields, modelpack
    from clinic_app.detection import WhiteCellWitness

    seen: list[str] = []
    detector = WhiteCellWitness(lambda: modelpack.open_model("wbc-detect", "cpu"))

    def witness(image: np.ndarray, um: float | None) -> float:
        seen.append(str(image.shape))
        return detector(image, um)

    crops = {"cell": rgb(EXAMPLES / "normal-smear" / "BloodImage_00029.jpg")[112:368, 0:256],
             "no_cell": rgb(EXAMPLES / "bccd" / "BloodImage_00023.jpg")[0:256, 384:640]}
    for name, crop in crops.items():
        assert scope.check(np.ascontiguousarray(crop)).weakest == "red_cells"
        cv2.imwrite(str(tmp_path / f"{name}.png"), cv2.cvtColor(crop, cv2.COLOR_RGB2BGR))
    shutil.copy(CAT, tmp_path / "cat.jpg")
    skipped: list = []
    kept = list(fields.iter_fields([tmp_path], skipped, in_scope=True, witness=witness))
    assert [Path(f.source).name for f in kept] == ["cell.png"]
    assert scope.VOUCHED_NOTE in kept[0].quality.warnings  # said on the field, not silent
    assert sorted(Path(s.path).name for s in skipped) == ["cat.jpg", "no_cell.png"]
    assert all(s.reason.startswith("out of scope:") for s in skipped)
    assert len(seen) == 2  # the two crops; the cat is refused on its own evidence
    assert list(fields.iter_fields([tmp_path / "cell.png"], [], in_scope=True)) == []
    cell = np.ascontiguousarray(crops["cell"])  # the shift bench's verdict, the same answers
    assert not fields.scope_verdict(cell).in_scope
    assert fields.scope_verdict(cell, detector).vouched
    detector.close()


def test_a_failing_second_look_leaves_the_refusal_standing_and_says_why(tmp_path):
    """A witness that cannot run (a damaged detector file) does not turn a model problem into
    an unreadable image: the crop keeps its out-of-scope refusal, which names the failure."""
    from clinic_app import fields

    crop = rgb(EXAMPLES / "normal-smear" / "BloodImage_00029.jpg")[112:368, 0:256]
    cv2.imwrite(str(tmp_path / "crop.png"), cv2.cvtColor(crop, cv2.COLOR_RGB2BGR))

    def broken(image: np.ndarray, um: float | None) -> float:
        raise RuntimeError("sha256 mismatch")

    skipped: list = []
    assert list(fields.iter_fields([tmp_path], skipped, in_scope=True, witness=broken)) == []
    assert len(skipped) == 1 and skipped[0].reason.startswith("out of scope:")
    assert "second look failed (RuntimeError: sha256 mismatch)" in skipped[0].reason


@needs_models
def test_analyze_asks_the_packs_detector_for_the_second_look(tmp_path):
    """``clinic-app analyze`` wires the pack's detector in: the crop above is analysed (its
    white cell found), not skipped."""
    from clinic_app.cli import main

    crop = rgb(EXAMPLES / "normal-smear" / "BloodImage_00029.jpg")[112:368, 0:256]
    (tmp_path / "in").mkdir()
    cv2.imwrite(str(tmp_path / "in" / "crop.png"), cv2.cvtColor(crop, cv2.COLOR_RGB2BGR))
    assert main(["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    doc = json.loads((tmp_path / "out" / "analysis.json").read_text())
    assert doc["skipped"] == [] and len(doc["images"]) == 1
    assert len(doc["images"][0]["cells"]) >= 1
    assert scope.VOUCHED_NOTE in doc["images"][0]["quality"]["warnings"]


@needs_models
def test_cat_among_real_fields_is_skipped_and_fields_unchanged(tmp_path):
    from clinic_app.cli import main

    both, alone = tmp_path / "both", tmp_path / "alone"
    both.mkdir()
    alone.mkdir()
    for f in FIELDS:
        shutil.copy(f, both / f.name)
        shutil.copy(f, alone / f.name)
    shutil.copy(CAT, both / "cat.jpg")
    assert main(["analyze", str(both), "--out", str(tmp_path / "o1")]) == 0
    assert main(["analyze", str(alone), "--out", str(tmp_path / "o2")]) == 0
    with_cat = json.loads((tmp_path / "o1" / "analysis.json").read_text())
    without = json.loads((tmp_path / "o2" / "analysis.json").read_text())
    skipped = {Path(s["path"]).name: s for s in with_cat["skipped"]}
    assert set(skipped) == {"cat.jpg"}
    problem = skipped["cat.jpg"]["problem"]
    assert problem.startswith("out of scope:")
    assert all(Path(i["path"]).name != "cat.jpg" for i in with_cat["images"])

    def results(doc: dict) -> dict:
        return {Path(i["path"]).name: (i["cells"], i.get("field")) for i in doc["images"]}

    assert results(with_cat) == results(without)
    assert with_cat["summary"] == without["summary"]


def test_ece_of_a_calibrated_set_is_near_zero():
    rng = np.random.default_rng(0)
    conf = rng.uniform(0.5, 1.0, 200_000)
    probs = np.stack([conf, 1 - conf], axis=1)
    labels = (rng.random(conf.size) >= conf).astype(int)  # class 0 right with probability conf
    assert calibration.ece(probs, labels) < 0.005
    assert calibration.ece(np.stack([np.ones_like(conf), 0 * conf], 1), labels) > 0.2


def test_temperature_fit_recovers_a_known_temperature():
    rng = np.random.default_rng(1)
    n, k, true_t = 20_000, 5, 2.5
    logits = rng.normal(0, 3, (n, k))
    calibrated = calibration.calibrate(np.exp(logits) / np.exp(logits).sum(1, keepdims=True), 1.0)
    labels = np.array([rng.choice(k, p=p) for p in calibrated])
    overconfident = np.exp(logits * true_t)
    overconfident /= overconfident.sum(1, keepdims=True)
    t = calibration.fit_temperature(overconfident, labels, eps=1e-12)  # float, not INT8
    assert abs(t - true_t) / true_t < 0.05
    assert calibration.ece(calibration.calibrate(overconfident, t), labels) < \
        calibration.ece(overconfident, labels)
